/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_save.c: save, restore and managedsave, with virsh 9.0's messages
 * (including the blank line its job progress leaves first). Paths go to
 * the daemon as typed: its host reads and writes them.
 */
#include <stdio.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_save_opts[] = {
    DOMAIN_ARG,
    { "file", OPT_STRING, true, true, "where to save the data" },
    END_OPTS,
};

const struct opt_def cmd_restore_opts[] = {
    { "file", OPT_STRING, true, true, "the state to restore" },
    END_OPTS,
};

int
cmd_save(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    const char *file = cmd_string(cmd, "file");
    struct vireo_domain *dom = session_lookup(s, name, BY_ANY);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_save(dom, file, NULL, 0, &err);
    if (rc < 0) {
        cli_error("Failed to save domain '%s' to %s", name, file);
        cli_report(&err);
    } else {
        printf("\nDomain '%s' saved to %s\n", name, file);
    }
    vireo_domain_free(dom);
    return rc;
}

int
cmd_restore(struct session *s, const struct cmd *cmd)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_error err = { 0 };

    if (vireo_domain_restore(s->conn, file, NULL, 0, &err) < 0) {
        cli_error("Failed to restore domain from %s", file);
        cli_report(&err);
        return -1;
    }
    printf("Domain restored from %s\n", file);
    return 0;
}

int
cmd_managedsave(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = session_lookup(s, name, BY_ANY);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_managed_save(dom, 0, &err);
    if (rc < 0) {
        cli_error("Failed to save domain '%s' state", name);
        cli_report(&err);
    } else {
        printf("\nDomain '%s' state saved by libvirt\n", name);
    }
    vireo_domain_free(dom);
    return rc;
}
