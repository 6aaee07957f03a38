/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_snapshot.c: the snapshot-* commands, printing what virsh 9.0
 * prints. What a listing shows of each snapshot (state, creation time,
 * parent) comes from its document, as virsh reads it; the snapshot's own
 * elements come before the <domain> it embeds, so the first of each name
 * is the snapshot's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

#define SNAPSHOT_NAME_ARG \
    { "snapshotname", OPT_STRING, true, false, "snapshot name" }

const struct opt_def cmd_snapshot_create_as_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_STRING, true, false, "name of snapshot" },
    { "description", OPT_STRING, true, false, "description of snapshot" },
    { "print-xml", OPT_BOOL, false, false,
      "print XML document rather than create" },
    { "halt", OPT_BOOL, false, false, "halt domain after snapshot is created" },
    END_OPTS,
};

const struct opt_def cmd_snapshot_list_opts[] = {
    DOMAIN_ARG,
    { "parent", OPT_BOOL, false, false, "add a column showing parent snapshot" },
    { "roots", OPT_BOOL, false, false, "list only snapshots without parents" },
    { "leaves", OPT_BOOL, false, false, "list only snapshots without children" },
    { "no-leaves", OPT_BOOL, false, false,
      "list only snapshots that are not leaves (with children)" },
    { "inactive", OPT_BOOL, false, false,
      "filter by snapshots taken while inactive" },
    { "topological", OPT_BOOL, false, false,
      "sort list topologically rather than by name" },
    { "name", OPT_BOOL, false, false, "list snapshot names only" },
    END_OPTS,
};

const struct opt_def cmd_snapshot_one_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "the current snapshot" },
    END_OPTS,
};

const struct opt_def cmd_snapshot_current_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_BOOL, false, false, "list the name, rather than the full xml" },
    END_OPTS,
};

const struct opt_def cmd_snapshot_revert_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "revert to current snapshot" },
    { "running", OPT_BOOL, false, false, "after reverting, change state to running" },
    { "paused", OPT_BOOL, false, false, "after reverting, change state to paused" },
    { "force", OPT_BOOL, false, false, "try harder on risky reverts" },
    END_OPTS,
};

const struct opt_def cmd_snapshot_delete_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "delete current snapshot" },
    { "children", OPT_BOOL, false, false, "delete snapshot and all children" },
    { "children-only", OPT_BOOL, false, false, "delete children but not snapshot" },
    { "metadata", OPT_BOOL, false, false,
      "delete only libvirt metadata, leaving snapshot contents behind" },
    END_OPTS,
};

char *
cli_xml_text(const char *xml, const char *after, const char *name)
{
    char open[64], close[64];
    const char *start = xml, *end;

    if (after != NULL && (start = strstr(xml, after)) == NULL)
        return NULL;
    snprintf(open, sizeof(open), "<%s>", name);
    snprintf(close, sizeof(close), "</%s>", name);
    start = strstr(start, open);
    if (start == NULL)
        return NULL;
    start += strlen(open);
    end = strstr(start, close);
    return end != NULL ? strndup(start, (size_t)(end - start)) : NULL;
}

/* The snapshot's document, or NULL after reporting why. */
static char *
snapshot_xml(struct vireo_domain_snapshot *snap)
{
    struct vireo_error err = { 0 };
    char *xml = vireo_domain_snapshot_get_xml_desc(snap, 0, &err);

    if (xml == NULL)
        cli_report(&err);
    return xml;
}

/* The snapshot a command names: by name, or the current one with
 * --current. NULL after reporting why. */
static struct vireo_domain_snapshot *
named_snapshot(struct vireo_domain *dom, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "snapshotname");
    struct vireo_error err = { 0 };
    struct vireo_domain_snapshot *snap;

    if (name == NULL && !cmd_has(cmd, "current")) {
        cli_error("--snapshotname or --current is required");
        return NULL;
    }
    snap = name != NULL
           ? vireo_domain_snapshot_lookup_by_name(dom, name, 0, &err)
           : vireo_domain_snapshot_current(dom, 0, &err);
    if (snap == NULL)
        cli_report(&err);
    return snap;
}

/* ---- snapshot-create-as --------------------------------------------------- */

static char *
creation_xml(const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "name");
    const char *desc = cmd_string(cmd, "description");
    char *xml = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&xml, &len);

    if (out == NULL)
        return NULL;
    fputs("<domainsnapshot>\n", out);
    if (name != NULL)
        fprintf(out, "  <name>%s</name>\n", name);
    if (desc != NULL)
        fprintf(out, "  <description>%s</description>\n", desc);
    fputs("</domainsnapshot>\n", out);
    fclose(out);
    return xml;
}

int
cmd_snapshot_create_as(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    struct vireo_domain_snapshot *snap;
    unsigned flags = cmd_has(cmd, "halt") ? VIR_DOMAIN_SNAPSHOT_CREATE_HALT
                                          : 0;
    char *xml;

    if (dom == NULL)
        return -1;
    xml = creation_xml(cmd);
    if (cmd_has(cmd, "print-xml")) {
        printf("%s\n", xml != NULL ? xml : "");
        free(xml);
        vireo_domain_free(dom);
        return 0;
    }
    snap = vireo_domain_snapshot_create_xml(dom, xml, flags, &err);
    free(xml);
    vireo_domain_free(dom);
    if (snap == NULL) {
        cli_report(&err);
        return -1;
    }
    /* virsh ends the line with the newline it prints after a command. */
    printf("Domain snapshot %s created", vireo_domain_snapshot_get_name(snap));
    vireo_domain_snapshot_free(snap);
    return 0;
}

/* ---- snapshot-list -------------------------------------------------------- */

static int
by_name(const void *a, const void *b)
{
    return strcasecmp(
        vireo_domain_snapshot_get_name(*(struct vireo_domain_snapshot *const *)a),
        vireo_domain_snapshot_get_name(*(struct vireo_domain_snapshot *const *)b));
}

void
cli_format_time(const char *seconds, char *buf, size_t size)
{
    time_t t = seconds != NULL ? (time_t)strtoll(seconds, NULL, 10) : 0;
    struct tm tm;

    localtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%d %H:%M:%S %z", &tm);
}

static int
add_row(struct table *t, struct vireo_domain_snapshot *snap)
{
    char *xml = snapshot_xml(snap);
    char *state, *when, *parent;
    char time_text[64];
    int rc;

    if (xml == NULL)
        return -1;
    state = cli_xml_text(xml, NULL, "state");
    when = cli_xml_text(xml, NULL, "creationTime");
    parent = cli_xml_text(xml, "<parent>", "name");
    cli_format_time(when, time_text, sizeof(time_text));
    {
        const char *cells[] = {
            vireo_domain_snapshot_get_name(snap), time_text,
            state != NULL ? state : "", parent != NULL ? parent : "",
        };

        rc = table_add_row(t, cells);
    }
    free(state);
    free(when);
    free(parent);
    free(xml);
    return rc;
}

static unsigned
list_flags(const struct cmd *cmd)
{
    unsigned flags = 0;

    if (cmd_has(cmd, "roots"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_ROOTS;
    if (cmd_has(cmd, "leaves"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_LEAVES;
    if (cmd_has(cmd, "no-leaves"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES;
    if (cmd_has(cmd, "inactive"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE;
    if (cmd_has(cmd, "active"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE;
    if (cmd_has(cmd, "topological"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL;
    return flags;
}

static int
print_list(struct vireo_domain_snapshot **snaps, int n, const struct cmd *cmd)
{
    static const char *const headers[] = {
        "Name", "Creation Time", "State", "Parent",
    };
    bool has_parent = cmd_has(cmd, "parent");
    struct table *t;
    int rc = 0;

    if (cmd_has(cmd, "name")) {
        for (int i = 0; i < n; i++)
            printf("%s\n", vireo_domain_snapshot_get_name(snaps[i]));
        return 0;
    }
    t = table_new(has_parent ? 4 : 3, headers);
    if (t == NULL)
        return -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = add_row(t, snaps[i]);
    if (rc == 0)
        rc = table_print(t, stdout);
    table_free(t);
    return rc;
}

int
cmd_snapshot_list(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    struct vireo_domain_snapshot **snaps = NULL;
    int n, rc;

    if (dom == NULL)
        return -1;
    n = vireo_domain_list_all_snapshots(dom, &snaps, list_flags(cmd), &err);
    if (n < 0) {
        cli_report(&err);
        vireo_domain_free(dom);
        return -1;
    }
    if (!cmd_has(cmd, "topological"))
        qsort(snaps, (size_t)n, sizeof(*snaps), by_name);
    rc = print_list(snaps, n, cmd);
    for (int i = 0; i < n; i++)
        vireo_domain_snapshot_free(snaps[i]);
    free(snaps);
    vireo_domain_free(dom);
    return rc;
}

/* ---- snapshot-info, -current, -dumpxml ---------------------------------- */

static int
count(struct vireo_domain_snapshot *snap, unsigned flags)
{
    struct vireo_error err = { 0 };
    int n = vireo_domain_snapshot_num_children(snap, flags, &err);

    if (n < 0)
        cli_report(&err);
    return n;
}

static int
print_info(struct vireo_domain_snapshot *snap, const char *xml)
{
    struct vireo_error err = { 0 };
    int is_current = vireo_domain_snapshot_is_current(snap, 0, &err);
    int children = count(snap, 0);
    int descendants = count(snap, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS);
    char *state = cli_xml_text(xml, NULL, "state");
    char *parent = cli_xml_text(xml, "<parent>", "name");
    bool is_external = strstr(xml, "snapshot='external'") != NULL;

    if (is_current < 0 || children < 0 || descendants < 0) {
        if (is_current < 0)
            cli_report(&err);
        free(state);
        free(parent);
        return -1;
    }
    printf("%-15s %s\n", "Name:", vireo_domain_snapshot_get_name(snap));
    printf("%-15s %s\n", "Domain:",
           vireo_domain_get_name(vireo_domain_snapshot_get_domain(snap)));
    printf("%-15s %s\n", "Current:", is_current ? "yes" : "no");
    printf("%-15s %s\n", "State:", state != NULL ? state : "");
    printf("%-15s %s\n", "Location:", is_external ? "external" : "internal");
    printf("%-15s %s\n", "Parent:", parent != NULL ? parent : "-");
    printf("%-15s %d\n", "Children:", children);
    printf("%-15s %d\n", "Descendants:", descendants);
    printf("%-15s %s\n", "Metadata:", "yes");
    free(state);
    free(parent);
    return 0;
}

/* Run show on the snapshot the command names, with its document. */
static int
with_snapshot(struct session *s, const struct cmd *cmd,
              int (*show)(struct vireo_domain_snapshot *snap, const char *xml))
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_domain_snapshot *snap;
    char *xml = NULL;
    int rc = -1;

    if (dom == NULL)
        return -1;
    snap = named_snapshot(dom, cmd);
    if (snap != NULL && (xml = snapshot_xml(snap)) != NULL)
        rc = show(snap, xml);
    free(xml);
    vireo_domain_snapshot_free(snap);
    vireo_domain_free(dom);
    return rc;
}

int
cmd_snapshot_info(struct session *s, const struct cmd *cmd)
{
    return with_snapshot(s, cmd, print_info);
}

static int
print_xml(struct vireo_domain_snapshot *snap, const char *xml)
{
    fputs(xml, stdout);
    return 0;
}

int
cmd_snapshot_dumpxml(struct session *s, const struct cmd *cmd)
{
    return with_snapshot(s, cmd, print_xml);
}

static int
print_name(struct vireo_domain_snapshot *snap, const char *xml)
{
    /* virsh's newline after the command ends the line. */
    printf("%s", vireo_domain_snapshot_get_name(snap));
    return 0;
}

int
cmd_snapshot_current(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    struct vireo_domain_snapshot *snap;
    char *xml = NULL;
    int rc = -1;

    if (dom == NULL)
        return -1;
    snap = vireo_domain_snapshot_current(dom, 0, &err);
    if (snap == NULL)
        cli_error("domain '%s' has no current snapshot",
                  vireo_domain_get_name(dom));
    else if (cmd_has(cmd, "name"))
        rc = print_name(snap, NULL);
    else if ((xml = snapshot_xml(snap)) != NULL)
        rc = print_xml(snap, xml);
    free(xml);
    vireo_domain_snapshot_free(snap);
    vireo_domain_free(dom);
    return rc;
}

/* ---- snapshot-revert, -delete -------------------------------------------- */

static unsigned
revert_flags(const struct cmd *cmd)
{
    return (cmd_has(cmd, "running") ? VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING : 0) |
           (cmd_has(cmd, "paused") ? VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED : 0) |
           (cmd_has(cmd, "force") ? VIR_DOMAIN_SNAPSHOT_REVERT_FORCE : 0);
}

static unsigned
delete_flags(const struct cmd *cmd)
{
    return (cmd_has(cmd, "children") ? VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN
                                     : 0) |
           (cmd_has(cmd, "children-only")
            ? VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY : 0) |
           (cmd_has(cmd, "metadata") ? VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY
                                     : 0);
}

/* revert or delete: is_delete picks which, and what is printed. */
static int
change(struct session *s, const struct cmd *cmd, bool is_delete)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    struct vireo_domain_snapshot *snap;
    const char *name;
    int rc = -1;

    if (dom == NULL)
        return -1;
    snap = named_snapshot(dom, cmd);
    if (snap != NULL) {
        name = vireo_domain_snapshot_get_name(snap);
        rc = is_delete
             ? vireo_domain_snapshot_delete(snap, delete_flags(cmd), &err)
             : vireo_domain_revert_to_snapshot(snap, revert_flags(cmd), &err);
        if (rc < 0)
            cli_error("Failed to %s snapshot %s",
                      is_delete ? "delete" : "revert", name);
        if (rc < 0)
            cli_report(&err);
        else if (!is_delete)
            printf("Domain snapshot %s reverted\n", name);
        else
            printf("Domain snapshot %s %sdeleted\n", name,
                   cmd_has(cmd, "children-only") ? "children " : "");
    }
    vireo_domain_snapshot_free(snap);
    vireo_domain_free(dom);
    return rc;
}

int
cmd_snapshot_revert(struct session *s, const struct cmd *cmd)
{
    return change(s, cmd, false);
}

int
cmd_snapshot_delete(struct session *s, const struct cmd *cmd)
{
    return change(s, cmd, true);
}
