/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_checkpoint.c: the checkpoint-* commands, printing what virsh 9.0
 * prints. A listing shows each checkpoint's creation time and parent from
 * its document without the domain, as virsh reads it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

#define CHECKPOINT_NAME_ARG \
    { "checkpointname", OPT_STRING, true, true, "checkpoint name" }

const struct opt_def cmd_checkpoint_create_opts[] = {
    DOMAIN_ARG,
    { "xmlfile", OPT_STRING, true, false, "domain checkpoint XML" },
    { "redefine", OPT_BOOL, false, false,
      "redefine metadata for existing checkpoint" },
    { "quiesce", OPT_BOOL, false, false, "quiesce guest's file systems" },
    END_OPTS,
};

const struct opt_def cmd_checkpoint_create_as_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_STRING, true, false, "name of checkpoint" },
    { "description", OPT_STRING, true, false, "description of checkpoint" },
    { "print-xml", OPT_BOOL, false, false,
      "print XML document rather than create" },
    { "quiesce", OPT_BOOL, false, false, "quiesce guest's file systems" },
    { "diskspec", OPT_STRING, false, false,
      "disk attributes: disk[,checkpoint=type][,bitmap=name]" },
    END_OPTS,
};

const struct opt_def cmd_checkpoint_list_opts[] = {
    DOMAIN_ARG,
    { "parent", OPT_BOOL, false, false,
      "add a column showing parent checkpoint" },
    { "roots", OPT_BOOL, false, false, "list only checkpoints without parents" },
    { "leaves", OPT_BOOL, false, false,
      "list only checkpoints without children" },
    { "no-leaves", OPT_BOOL, false, false,
      "list only checkpoints that are not leaves (with children)" },
    { "topological", OPT_BOOL, false, false,
      "sort list topologically rather than by name" },
    { "tree", OPT_BOOL, false, false, "list checkpoints in a tree" },
    { "name", OPT_BOOL, false, false, "list checkpoint names only" },
    END_OPTS,
};

const struct opt_def cmd_checkpoint_one_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    END_OPTS,
};

const struct opt_def cmd_checkpoint_dumpxml_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    { "security-info", OPT_BOOL, false, false,
      "include security sensitive information in XML dump" },
    { "no-domain", OPT_BOOL, false, false, "exclude <domain> from XML" },
    { "size", OPT_BOOL, false, false,
      "include backup size estimate in XML dump" },
    END_OPTS,
};

const struct opt_def cmd_checkpoint_delete_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    { "children", OPT_BOOL, false, false,
      "delete checkpoint and all children" },
    { "children-only", OPT_BOOL, false, false,
      "delete children but not checkpoint" },
    { "metadata", OPT_BOOL, false, false,
      "delete only libvirt metadata, leaving checkpoint contents behind" },
    END_OPTS,
};

/* The command's domain and the checkpoint it names; both NULL after
 * reporting why. */
struct target {
    struct vireo_domain            *dom;
    struct vireo_domain_checkpoint *chk;
};

static void
target_free(struct target *t)
{
    vireo_domain_checkpoint_free(t->chk);
    vireo_domain_free(t->dom);
}

static int
target_open(struct session *s, const struct cmd *cmd, struct target *t)
{
    struct vireo_error err = { 0 };

    t->chk = NULL;
    t->dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY);
    if (t->dom == NULL)
        return -1;
    t->chk = vireo_domain_checkpoint_lookup_by_name(
        t->dom, cmd_string(cmd, "checkpointname"), 0, &err);
    if (t->chk != NULL)
        return 0;
    cli_report(&err);
    vireo_domain_free(t->dom);
    t->dom = NULL;
    return -1;
}

static char *
checkpoint_xml(struct vireo_domain_checkpoint *chk, unsigned flags)
{
    struct vireo_error err = { 0 };
    char *xml = vireo_domain_checkpoint_get_xml_desc(chk, flags, &err);

    if (xml == NULL)
        cli_report(&err);
    return xml;
}

/* ---- checkpoint-create, checkpoint-create-as --------------------------- */

static int
create(struct vireo_domain *dom, const char *xml, unsigned flags,
       const char *from)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *chk =
        vireo_domain_checkpoint_create_xml(dom, xml, flags, &err);

    if (chk == NULL) {
        cli_report(&err);
        return -1;
    }
    /* virsh ends the line with the newline it prints after a command. */
    printf("Domain checkpoint %s created",
           vireo_domain_checkpoint_get_name(chk));
    if (from != NULL)
        printf(" from '%s'", from);
    vireo_domain_checkpoint_free(chk);
    return 0;
}

int
cmd_checkpoint_create(struct session *s, const struct cmd *cmd)
{
    const char *file = cmd_string(cmd, "xmlfile");
    unsigned flags =
        (cmd_has(cmd, "redefine") ? VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE
                                  : 0) |
        (cmd_has(cmd, "quiesce") ? VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE : 0);
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    char *xml;
    int rc = -1;

    if (dom == NULL)
        return -1;
    xml = file != NULL ? read_xml_file(file) : strdup("<domaincheckpoint/>");
    if (xml != NULL)
        rc = create(dom, xml, flags, file);
    free(xml);
    vireo_domain_free(dom);
    return rc;
}

/* One --diskspec, "vda,checkpoint=bitmap,bitmap=name", as a <disk>. */
static void
put_diskspec(FILE *out, const char *spec)
{
    char *copy = strdup(spec), *save = NULL;
    char *word = copy != NULL ? strtok_r(copy, ",", &save) : NULL;

    if (word == NULL) {
        free(copy);
        return;
    }
    fprintf(out, "  <disks>\n    <disk name='%s'", word);
    while ((word = strtok_r(NULL, ",", &save)) != NULL) {
        char *eq = strchr(word, '=');

        if (eq != NULL) {
            *eq = '\0';
            fprintf(out, " %s='%s'", word, eq + 1);
        }
    }
    fputs("/>\n  </disks>\n", out);
    free(copy);
}

static char *
creation_xml(const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "name");
    const char *desc = cmd_string(cmd, "description");
    const char *disk = cmd_string(cmd, "diskspec");
    char *xml = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&xml, &len);

    if (out == NULL)
        return NULL;
    fputs("<domaincheckpoint>\n", out);
    if (name != NULL)
        fprintf(out, "  <name>%s</name>\n", name);
    if (desc != NULL)
        fprintf(out, "  <description>%s</description>\n", desc);
    if (disk != NULL)
        put_diskspec(out, disk);
    fputs("</domaincheckpoint>\n", out);
    fclose(out);
    return xml;
}

int
cmd_checkpoint_create_as(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    unsigned flags = cmd_has(cmd, "quiesce")
                     ? VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE : 0;
    char *xml;
    int rc = 0;

    if (dom == NULL)
        return -1;
    xml = creation_xml(cmd);
    if (cmd_has(cmd, "print-xml"))
        printf("%s\n", xml != NULL ? xml : "");
    else
        rc = create(dom, xml, flags, NULL);
    free(xml);
    vireo_domain_free(dom);
    return rc;
}

/* ---- checkpoint-list ------------------------------------------------------ */

/* One listed checkpoint: its handle and what its document says. */
struct row {
    struct vireo_domain_checkpoint *chk;
    char                           *when;    /* creationTime, or NULL */
    char                           *parent;  /* NULL for a root */
};

static int
by_name(const void *a, const void *b)
{
    return strcasecmp(vireo_domain_checkpoint_get_name(
                          ((const struct row *)a)->chk),
                      vireo_domain_checkpoint_get_name(
                          ((const struct row *)b)->chk));
}

static void
rows_free(struct row *rows, int n)
{
    for (int i = 0; rows != NULL && i < n; i++) {
        vireo_domain_checkpoint_free(rows[i].chk);
        free(rows[i].when);
        free(rows[i].parent);
    }
    free(rows);
}

/* Rows for the n handles in chks (which they take over). */
static struct row *
rows_new(struct vireo_domain_checkpoint **chks, int n)
{
    struct row *rows = calloc((size_t)n + 1, sizeof(*rows));
    bool ok = rows != NULL;

    for (int i = 0; i < n; i++) {
        char *xml = ok ? checkpoint_xml(chks[i],
                                        VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)
                       : NULL;

        if (!ok) {
            vireo_domain_checkpoint_free(chks[i]);
            continue;
        }
        rows[i].chk = chks[i];
        ok = xml != NULL;
        if (ok) {
            rows[i].when = cli_xml_text(xml, NULL, "creationTime");
            rows[i].parent = cli_xml_text(xml, "<parent>", "name");
        }
        free(xml);
    }
    free(chks);
    if (!ok)
        rows_free(rows, n);
    return ok ? rows : NULL;
}

static unsigned
list_flags(const struct cmd *cmd)
{
    return (cmd_has(cmd, "roots") ? VIR_DOMAIN_CHECKPOINT_LIST_ROOTS : 0) |
           (cmd_has(cmd, "leaves") ? VIR_DOMAIN_CHECKPOINT_LIST_LEAVES : 0) |
           (cmd_has(cmd, "no-leaves") ? VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES
                                      : 0) |
           (cmd_has(cmd, "topological") || cmd_has(cmd, "tree")
            ? VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL : 0);
}

static int
print_table(const struct row *rows, int n, bool has_parent)
{
    static const char *const headers[] = {
        "Name", "Creation Time", "Parent",
    };
    struct table *t = table_new(has_parent ? 3 : 2, headers);
    int rc = t != NULL ? 0 : -1;

    for (int i = 0; rc == 0 && i < n; i++) {
        char time_text[64];
        const char *cells[3];

        cli_format_time(rows[i].when, time_text, sizeof(time_text));
        cells[0] = vireo_domain_checkpoint_get_name(rows[i].chk);
        cells[1] = time_text;
        cells[2] = rows[i].parent != NULL ? rows[i].parent : "";
        rc = table_add_row(t, cells);
    }
    if (rc == 0)
        rc = table_print(t, stdout);
    table_free(t);
    return rc;
}

static bool
is_child(const struct row *row, const char *parent)
{
    return row->parent != NULL && strcmp(row->parent, parent) == 0;
}

/* virsh's tree (vshTreePrint): each node under its parent, "+- " before
 * it, a "|" line before a first child, a blank line after a last leaf.
 * indent is the prefix so far, with room to grow. */
static void
print_node(const struct row *rows, int n, int at, bool is_last, bool is_root,
           char *indent, size_t room)
{
    const char *name = vireo_domain_checkpoint_get_name(rows[at].chk);
    size_t len = strlen(indent);
    int last_child = -1;

    printf("%s%s%s\n", indent, is_root ? "" : "+- ", name);
    if (!is_root && len + 2 < room)
        strcat(indent, is_last ? "  " : "| ");
    for (int i = 0; i < n; i++)
        if (is_child(&rows[i], name))
            last_child = i;
    if (last_child >= 0)
        printf("%s  |\n", indent);
    if (strlen(indent) + 2 < room)
        strcat(indent, "  ");
    for (int i = 0; i < n; i++)
        if (is_child(&rows[i], name))
            print_node(rows, n, i, i == last_child, false, indent, room);
    if (last_child < 0 && is_last) {
        indent[strlen(indent) - 2] = '\0';
        printf("%s\n", indent);
    } else {
        indent[strlen(indent) - 2] = '\0';
    }
    indent[len] = '\0';
}

static void
print_tree(const struct row *rows, int n)
{
    char indent[256];

    for (int i = 0; i < n; i++) {
        if (rows[i].parent != NULL)
            continue;
        indent[0] = '\0';
        print_node(rows, n, i, true, true, indent, sizeof(indent));
    }
}

int
cmd_checkpoint_list(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint **chks = NULL;
    struct row *rows;
    int n, rc = 0;

    if (dom == NULL)
        return -1;
    n = vireo_domain_list_all_checkpoints(dom, &chks, list_flags(cmd), &err);
    vireo_domain_free(dom);
    if (n < 0) {
        cli_report(&err);
        return -1;
    }
    if ((rows = rows_new(chks, n)) == NULL)
        return -1;
    if (!(list_flags(cmd) & VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL))
        qsort(rows, (size_t)n, sizeof(*rows), by_name);
    if (cmd_has(cmd, "tree"))
        print_tree(rows, n);
    else if (cmd_has(cmd, "name"))
        for (int i = 0; i < n; i++)
            printf("%s\n", vireo_domain_checkpoint_get_name(rows[i].chk));
    else
        rc = print_table(rows, n, cmd_has(cmd, "parent"));
    rows_free(rows, n);
    return rc;
}

/* ---- checkpoint-info, -dumpxml, -parent --------------------------------- */

static int
count(struct vireo_domain_checkpoint *chk, unsigned flags)
{
    struct vireo_error err = { 0 };
    int n = vireo_domain_checkpoint_list_all_children(chk, NULL, flags, &err);

    if (n < 0)
        cli_report(&err);
    return n;
}

int
cmd_checkpoint_info(struct session *s, const struct cmd *cmd)
{
    struct target t;
    char *xml = NULL, *parent = NULL;
    int children, descendants, rc = -1;

    if (target_open(s, cmd, &t) < 0)
        return -1;
    xml = checkpoint_xml(t.chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    children = xml != NULL ? count(t.chk, 0) : -1;
    descendants = children >= 0
                  ? count(t.chk, VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS) : -1;
    if (descendants >= 0) {
        parent = cli_xml_text(xml, "<parent>", "name");
        printf("%-15s %s\n", "Name:", vireo_domain_checkpoint_get_name(t.chk));
        printf("%-15s %s\n", "Domain:", vireo_domain_get_name(t.dom));
        printf("%-15s %s\n", "Parent:", parent != NULL ? parent : "-");
        printf("%-15s %d\n", "Children:", children);
        printf("%-15s %d\n", "Descendants:", descendants);
        rc = 0;
    }
    free(parent);
    free(xml);
    target_free(&t);
    return rc;
}

int
cmd_checkpoint_dumpxml(struct session *s, const struct cmd *cmd)
{
    unsigned flags =
        (cmd_has(cmd, "security-info") ? VIR_DOMAIN_CHECKPOINT_XML_SECURE
                                       : 0) |
        (cmd_has(cmd, "no-domain") ? VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN : 0) |
        (cmd_has(cmd, "size") ? VIR_DOMAIN_CHECKPOINT_XML_SIZE : 0);
    struct target t;
    char *xml;

    if (target_open(s, cmd, &t) < 0)
        return -1;
    xml = checkpoint_xml(t.chk, flags);
    if (xml != NULL)
        fputs(xml, stdout);
    free(xml);
    target_free(&t);
    return xml != NULL ? 0 : -1;
}

int
cmd_checkpoint_parent(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *parent;
    struct target t;

    if (target_open(s, cmd, &t) < 0)
        return -1;
    parent = vireo_domain_checkpoint_get_parent(t.chk, 0, &err);
    if (parent != NULL)
        /* virsh's newline after the command ends the line. */
        printf("%s", vireo_domain_checkpoint_get_name(parent));
    else if (err.code == VIR_ERR_NO_DOMAIN_CHECKPOINT)
        cli_error("checkpoint '%s' has no parent",
                  vireo_domain_checkpoint_get_name(t.chk));
    else
        cli_report(&err);
    vireo_domain_checkpoint_free(parent);
    target_free(&t);
    return parent != NULL ? 0 : -1;
}

/* ---- checkpoint-delete ---------------------------------------------------- */

int
cmd_checkpoint_delete(struct session *s, const struct cmd *cmd)
{
    bool is_children_only = cmd_has(cmd, "children-only");
    unsigned flags =
        (cmd_has(cmd, "children") ? VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN
                                  : 0) |
        (is_children_only ? VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY : 0) |
        (cmd_has(cmd, "metadata") ? VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY
                                  : 0);
    struct vireo_error err = { 0 };
    struct target t;
    int rc;

    if (target_open(s, cmd, &t) < 0)
        return -1;
    rc = vireo_domain_checkpoint_delete(t.chk, flags, &err);
    if (rc < 0) {
        cli_error("Failed to delete checkpoint %s",
                  vireo_domain_checkpoint_get_name(t.chk));
        cli_report(&err);
    } else {
        printf("Domain checkpoint %s %sdeleted\n",
               vireo_domain_checkpoint_get_name(t.chk),
               is_children_only ? "children " : "");
    }
    target_free(&t);
    return rc;
}
