/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_info.c: the commands that describe domains: list, dominfo, domstate,
 * domid, domuuid, dumpxml. Output follows virsh 9.0 line for line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_list_opts[] = {
    { "all", OPT_BOOL, false, false, "list inactive & active domains" },
    { "inactive", OPT_BOOL, false, false, "list inactive domains" },
    { "transient", OPT_BOOL, false, false, "list transient domains" },
    { "persistent", OPT_BOOL, false, false, "list persistent domains" },
    { "uuid", OPT_BOOL, false, false, "list uuid's only" },
    { "name", OPT_BOOL, false, false, "list domain names only" },
    { "id", OPT_BOOL, false, false, "list domain IDs only" },
    { "table", OPT_BOOL, false, false, "list table (default)" },
    END_OPTS,
};

const struct opt_def cmd_domstate_opts[] = {
    DOMAIN_ARG,
    { "reason", OPT_BOOL, false, false, "also print reason for the state" },
    END_OPTS,
};

const struct opt_def cmd_dumpxml_opts[] = {
    DOMAIN_ARG,
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    { "security-info", OPT_BOOL, false, false,
      "include security sensitive information in XML dump" },
    END_OPTS,
};

/* ---- list --------------------------------------------------------------- */

/* virsh's order: running domains by id, then the others by name, ignoring
 * case. */
static int
compare_domains(const void *a, const void *b)
{
    struct vireo_domain *da = *(struct vireo_domain *const *)a;
    struct vireo_domain *db = *(struct vireo_domain *const *)b;
    int ida = vireo_domain_get_id(da), idb = vireo_domain_get_id(db);

    if (ida >= 0 && idb >= 0)
        return (ida > idb) - (ida < idb);
    if (ida >= 0 || idb >= 0)
        return ida >= 0 ? -1 : 1;
    return strcasecmp(vireo_domain_get_name(da), vireo_domain_get_name(db));
}

/* One row; a domain that vanished since the listing is skipped, as virsh
 * skips it. */
static int
add_domain_row(struct table *t, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    char id[16] = "-";
    int state;

    if (vireo_domain_get_state(dom, &state, NULL, 0, &err) < 0)
        return 0;
    if (vireo_domain_get_id(dom) >= 0)
        snprintf(id, sizeof(id), "%d", vireo_domain_get_id(dom));
    const char *cells[] = { id, vireo_domain_get_name(dom),
                            vireo_domain_state_string(state) };
    return table_add_row(t, cells);
}

static int
print_domain_table(struct vireo_domain **doms, int n)
{
    static const char *const headers[] = { "Id", "Name", "State" };
    struct table *t = table_new(3, headers);
    int rc = t != NULL ? 0 : -1;

    qsort(doms, (size_t)n, sizeof(*doms), compare_domains);
    for (int i = 0; i < n && rc == 0; i++)
        rc = add_domain_row(t, doms[i]);
    if (rc == 0)
        rc = table_print(t, stdout);
    if (rc < 0)
        cli_error("out of memory");
    table_free(t);
    return rc;
}

/* The --uuid, --id and --name forms: those fields of each domain on one
 * line, in that order; --id alone lists only running domains. */
static void
print_domain_fields(struct vireo_domain **doms, int n, const struct cmd *cmd)
{
    bool is_uuid = cmd_has(cmd, "uuid"), is_id = cmd_has(cmd, "id");
    bool is_name = cmd_has(cmd, "name");

    qsort(doms, (size_t)n, sizeof(*doms), compare_domains);
    for (int i = 0; i < n; i++) {
        char uuid[VIREO_UUID_STRING_BUFLEN];
        int id = vireo_domain_get_id(doms[i]);
        const char *sep = "";

        if (is_id && !is_uuid && !is_name && id < 0)
            continue;
        if (is_uuid) {
            vireo_domain_get_uuid_string(doms[i], uuid);
            printf("%s", uuid);
            sep = " ";
        }
        if (is_id) {
            if (id >= 0)
                printf("%s%d", sep, id);
            else
                printf("%s-", sep);
            sep = " ";
        }
        if (is_name)
            printf("%s%s", sep, vireo_domain_get_name(doms[i]));
        putchar('\n');
    }
    putchar('\n');
}

/* virsh's filters: which domains, by activity and persistence. */
static unsigned
list_flags(const struct cmd *cmd)
{
    unsigned flags = VIR_CONNECT_LIST_DOMAINS_ACTIVE;

    if (cmd_has(cmd, "inactive"))
        flags = VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    if (cmd_has(cmd, "all"))
        flags = VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    if (cmd_has(cmd, "persistent"))
        flags |= VIR_CONNECT_LIST_DOMAINS_PERSISTENT;
    if (cmd_has(cmd, "transient"))
        flags |= VIR_CONNECT_LIST_DOMAINS_TRANSIENT;
    return flags;
}

int
cmd_list(struct session *s, const struct cmd *cmd)
{
    static const char *const fields[] = { "uuid", "name", "id" };
    struct vireo_error err = { 0 };
    struct vireo_domain **doms = NULL;
    bool is_fields = false;
    int n, rc = 0;

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (cmd_has(cmd, "table") && cmd_has(cmd, fields[i])) {
            cli_error("Options --table and --%s are mutually exclusive",
                      fields[i]);
            return -1;
        }
        is_fields = is_fields || cmd_has(cmd, fields[i]);
    }
    n = vireo_conn_list_all_domains(s->conn, &doms, list_flags(cmd), &err);
    if (n < 0) {
        cli_error("Failed to list domains");
        cli_report(&err);
        return -1;
    }
    if (is_fields)
        print_domain_fields(doms, n, cmd);
    else
        rc = print_domain_table(doms, n);
    for (int i = 0; i < n; i++)
        vireo_domain_free(doms[i]);
    free(doms);
    return rc;
}

/* ---- dominfo ------------------------------------------------------------ */

/* virsh's dominfo layout: labels left-aligned in 15 columns. */
#define INFO_LINE(label, fmt, ...) \
    printf("%-15s " fmt "\n", label, __VA_ARGS__)

static void
print_identity(struct vireo_domain *dom)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];
    struct vireo_error err = { 0 };
    char *os_type;

    if (vireo_domain_get_id(dom) >= 0)
        INFO_LINE("Id:", "%d", vireo_domain_get_id(dom));
    else
        INFO_LINE("Id:", "%s", "-");
    INFO_LINE("Name:", "%s", vireo_domain_get_name(dom));
    vireo_domain_get_uuid_string(dom, uuid);
    INFO_LINE("UUID:", "%s", uuid);
    /* virsh leaves the line out when the OS type cannot be read. */
    os_type = vireo_domain_get_os_type(dom, &err);
    if (os_type != NULL)
        INFO_LINE("OS Type:", "%s", os_type);
    free(os_type);
}

static void
print_resources(const struct vireo_domain_info *info)
{
    INFO_LINE("State:", "%s", vireo_domain_state_string(info->state));
    INFO_LINE("CPU(s):", "%u", info->n_vcpus);
    if (info->cpu_time_ns != 0)
        INFO_LINE("CPU time:", "%.1lfs", (double)info->cpu_time_ns / 1e9);
    /* libvirt's "no limit" is the largest value an unsigned long holds on
     * 32 bits, as virsh compares it. */
    if (info->max_mem_kib == 4294967295ULL)
        INFO_LINE("Max memory:", "%s", "no limit");
    else
        INFO_LINE("Max memory:", "%llu KiB", info->max_mem_kib);
    INFO_LINE("Used memory:", "%llu KiB", info->memory_kib);
}

static void
print_config(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    int persistent = vireo_domain_is_persistent(dom, &err);
    int autostart, has_image;

    INFO_LINE("Persistent:", "%s",
              persistent < 0 ? "unknown" : persistent ? "yes" : "no");
    if (vireo_domain_get_autostart(dom, &autostart, &err) == 0)
        INFO_LINE("Autostart:", "%s", autostart ? "enable" : "disable");
    has_image = vireo_domain_has_managed_save_image(dom, 0, &err);
    INFO_LINE("Managed save:", "%s",
              has_image < 0 ? "unknown" : has_image ? "yes" : "no");
}

/* virsh's tail of dominfo: the host's security model and the domain's
 * label, only when the host has a model. A driver without the call is
 * skipped; any other failure fails the command, as in virsh. */
static int
print_security(struct vireo_domain *dom)
{
    struct vireo_security_model model;
    struct vireo_security_label label;
    struct vireo_error err = { 0 };

    if (vireo_node_get_security_model(vireo_domain_get_conn(dom), &model,
                                      &err) < 0) {
        if (err.code == VIR_ERR_NO_SUPPORT)
            return 0;
        cli_report(&err);
        return -1;
    }
    if (model.model[0] == '\0')
        return 0;
    printf("%-15s %s\n", "Security model:", model.model);
    printf("%-15s %s\n", "Security DOI:", model.doi);
    if (vireo_domain_get_security_label(dom, &label, &err) < 0) {
        cli_report(&err);
        return -1;
    }
    if (label.label[0] != '\0')
        printf("%-15s %s (%s)\n", "Security label:", label.label,
               label.enforcing ? "enforcing" : "permissive");
    return 0;
}

/* The very end: what the hypervisor recorded about the domain (tainting,
 * deprecated features), the first line labelled. virsh prints nothing
 * when the call fails, and does not fail for it. */
static void
print_messages(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    char **msgs = NULL;
    int n = vireo_domain_get_messages(dom, &msgs, 0, &err);

    for (int i = 0; i < n; i++) {
        INFO_LINE(i == 0 ? "Messages:" : "", "%s", msgs[i]);
        free(msgs[i]);
    }
    free(msgs);
}

/* As virsh, a domain whose info cannot be read still gets the other
 * lines, and the command fails at the end; a failing security query
 * ends it at once. */
int
cmd_dominfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_domain_info info;
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    print_identity(dom);
    rc = vireo_domain_get_info(dom, &info, &err);
    if (rc == 0)
        print_resources(&info);
    print_config(dom);
    if (print_security(dom) < 0) {
        vireo_domain_free(dom);
        return -1;
    }
    print_messages(dom);
    if (rc < 0)
        cli_report(&err);
    vireo_domain_free(dom);
    return rc;
}

/* ---- domstate, domid, domuuid ------------------------------------------- */

int
cmd_domstate(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    int state, reason, rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_get_state(dom, &state, &reason, 0, &err);
    if (rc < 0)
        cli_report(&err);
    else if (cmd_has(cmd, "reason"))
        printf("%s (%s)\n", vireo_domain_state_string(state),
               vireo_domain_state_reason_string(state, reason));
    else
        printf("%s\n", vireo_domain_state_string(state));
    vireo_domain_free(dom);
    return rc;
}

/* The id as of the lookup, which asked the driver just now. */
int
cmd_domid(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_NAME | BY_UUID);

    if (dom == NULL)
        return -1;
    if (vireo_domain_get_id(dom) >= 0)
        printf("%d\n", vireo_domain_get_id(dom));
    else
        printf("-\n");
    vireo_domain_free(dom);
    return 0;
}

int
cmd_domuuid(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_NAME | BY_ID);
    char uuid[VIREO_UUID_STRING_BUFLEN];

    if (dom == NULL)
        return -1;
    vireo_domain_get_uuid_string(dom, uuid);
    printf("%s\n", uuid);
    vireo_domain_free(dom);
    return 0;
}

/* ---- dumpxml ------------------------------------------------------------ */

int
cmd_dumpxml(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    unsigned flags = 0;
    char *xml;

    if (dom == NULL)
        return -1;
    if (cmd_has(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (cmd_has(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    xml = vireo_domain_get_xml_desc(dom, flags, &err);
    vireo_domain_free(dom);
    if (xml == NULL) {
        cli_report(&err);
        return -1;
    }
    /* Verbatim, as virsh prints it; libvirt's XML ends with a newline. */
    fputs(xml, stdout);
    free(xml);
    return 0;
}
