/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_domcaps.c: virsh's domcapabilities.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int
cmd_domcapabilities(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *caps = vireo_conn_get_domain_capabilities(
        s->conn, cmd_string(cmd, "emulatorbin"), cmd_string(cmd, "arch"),
        cmd_string(cmd, "machine"), cmd_string(cmd, "virttype"), 0, &err);

    if (caps == NULL) {
        cli_error("failed to get emulator capabilities");
        cli_report(&err);
        return -1;
    }
    /* virsh adds a newline of its own to the document's. */
    printf("%s\n", caps);
    free(caps);
    return 0;
}
