/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_domain.c: the commands that change domains: define, create,
 * undefine, start, destroy, shutdown, reboot, suspend, resume, autostart.
 *
 * Messages are virsh 9.0's. Most name the domain as the user typed it;
 * define, create and start use the domain's own name, as virsh does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

#define FILE_ARG \
    { "file", OPT_STRING, true, true, \
      "file containing an XML domain description" }

const struct opt_def cmd_domain_only_opts[] = { DOMAIN_ARG, END_OPTS };

const struct opt_def cmd_define_opts[] = {
    FILE_ARG,
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

const struct opt_def cmd_create_opts[] = {
    FILE_ARG,
    { "paused", OPT_BOOL, false, false,
      "leave the guest paused after creation" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

const struct opt_def cmd_start_opts[] = {
    { "domain", OPT_STRING, true, true, "name of the inactive domain" },
    { "paused", OPT_BOOL, false, false, "leave the guest paused after start" },
    END_OPTS,
};

const struct opt_def cmd_autostart_opts[] = {
    DOMAIN_ARG,
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    END_OPTS,
};

/* virsh's limit on an XML file it reads. */
#define MAX_XML_FILE_BYTES (10 * 1024 * 1024)

/* The whole file at path, NUL-terminated (caller frees), or NULL after
 * printing why. */
char *
read_xml_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char *text = NULL;
    size_t len;

    if (f == NULL) {
        cli_error("Failed to open file '%s': %s", path, strerror(errno));
        return NULL;
    }
    text = malloc(MAX_XML_FILE_BYTES + 1);
    if (text == NULL) {
        cli_error("out of memory");
        goto out;
    }
    len = fread(text, 1, MAX_XML_FILE_BYTES + 1, f);
    if (ferror(f) || len > MAX_XML_FILE_BYTES) {
        cli_error(ferror(f) ? "Failed to read file '%s'"
                            : "File '%s' is too large", path);
        free(text);
        text = NULL;
        goto out;
    }
    text[len] = '\0';
out:
    fclose(f);
    return text;
}

/* ---- define, create ----------------------------------------------------- */

/* verb: "define" or "create"; make: the library call. */
static int
new_domain(struct session *s, const struct cmd *cmd, const char *verb,
           struct vireo_domain *(*make)(struct vireo_conn *, const char *,
                                        unsigned, struct vireo_error *),
           unsigned flags)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    char *xml = read_xml_file(file);

    if (xml == NULL)
        return -1;
    dom = make(s->conn, xml, flags, &err);
    free(xml);
    if (dom == NULL) {
        cli_error("Failed to %s domain from %s", verb, file);
        cli_report(&err);
        return -1;
    }
    printf("Domain '%s' %sd from %s\n", vireo_domain_get_name(dom), verb,
           file);
    vireo_domain_free(dom);
    return 0;
}

int
cmd_define(struct session *s, const struct cmd *cmd)
{
    unsigned flags = cmd_has(cmd, "validate") ? VIR_DOMAIN_DEFINE_VALIDATE
                                              : 0;

    return new_domain(s, cmd, "define", vireo_domain_define_xml, flags);
}

int
cmd_create(struct session *s, const struct cmd *cmd)
{
    unsigned flags = cmd_has(cmd, "paused") ? VIR_DOMAIN_START_PAUSED : 0;

    if (cmd_has(cmd, "validate"))
        flags |= VIR_DOMAIN_START_VALIDATE;
    return new_domain(s, cmd, "create", vireo_domain_create_xml, flags);
}

/* ---- start -------------------------------------------------------------- */

/* An inactive domain has no id, so virsh looks it up by name or UUID only,
 * and refuses an active one itself. */
int
cmd_start(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_NAME | BY_UUID);
    unsigned flags = cmd_has(cmd, "paused") ? VIR_DOMAIN_START_PAUSED : 0;
    struct vireo_error err = { 0 };
    int rc = -1;

    if (dom == NULL)
        return -1;
    if (vireo_domain_get_id(dom) >= 0) {
        cli_error("Domain is already active");
    } else if (vireo_domain_create(dom, flags, &err) < 0) {
        cli_error("Failed to start domain '%s'", vireo_domain_get_name(dom));
        cli_report(&err);
    } else {
        printf("Domain '%s' started\n", vireo_domain_get_name(dom));
        rc = 0;
    }
    vireo_domain_free(dom);
    return rc;
}

/* ---- One call on one domain --------------------------------------------- */

struct action {
    int        (*call)(struct vireo_domain *dom, struct vireo_error *err);
    const char  *verb;    /* "Failed to <verb> domain 'X'" */
    const char  *done;    /* "Domain 'X' <done>" */
};

static int
run_action(struct session *s, const struct cmd *cmd, const struct action *a)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = session_lookup(s, name, BY_ANY);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = a->call(dom, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_error("Failed to %s domain '%s'", a->verb, name);
        cli_report(&err);
        return -1;
    }
    printf("Domain '%s' %s\n", name, a->done);
    return 0;
}

/* The calls with flags, with none: the form virsh uses. */
static int
call_destroy(struct vireo_domain *dom, struct vireo_error *err)
{
    return vireo_domain_destroy(dom, 0, err);
}

static int
call_shutdown(struct vireo_domain *dom, struct vireo_error *err)
{
    return vireo_domain_shutdown(dom, 0, err);
}

static int
call_reboot(struct vireo_domain *dom, struct vireo_error *err)
{
    return vireo_domain_reboot(dom, 0, err);
}

static int
call_undefine(struct vireo_domain *dom, struct vireo_error *err)
{
    return vireo_domain_undefine(dom, 0, err);
}

int
cmd_destroy(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { call_destroy, "destroy",
                                     "destroyed" };
    return run_action(s, cmd, &a);
}

int
cmd_shutdown(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { call_shutdown, "shutdown",
                                     "is being shutdown" };
    return run_action(s, cmd, &a);
}

int
cmd_reboot(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { call_reboot, "reboot",
                                     "is being rebooted" };
    return run_action(s, cmd, &a);
}

int
cmd_undefine(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { call_undefine, "undefine",
                                     "has been undefined" };
    return run_action(s, cmd, &a);
}

int
cmd_suspend(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { vireo_domain_suspend, "suspend",
                                     "suspended" };
    return run_action(s, cmd, &a);
}

int
cmd_resume(struct session *s, const struct cmd *cmd)
{
    static const struct action a = { vireo_domain_resume, "resume",
                                     "resumed" };
    return run_action(s, cmd, &a);
}

/* ---- autostart ---------------------------------------------------------- */

int
cmd_autostart(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = session_lookup(s, name, BY_ANY);
    const char *un = cmd_has(cmd, "disable") ? "un" : "";
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_set_autostart(dom, *un == '\0', &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_error("Failed to %smark domain '%s' as autostarted", un, name);
        cli_report(&err);
        return -1;
    }
    printf("Domain '%s' %smarked as autostarted\n", name, un);
    return 0;
}
