/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_iface.c: the iface-* commands, printing what virsh 9.0 prints:
 * listing, documents, definition and state of host interfaces, and the
 * change transactions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_iface_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive interfaces" },
    { "all", OPT_BOOL, false, false, "list inactive & active interfaces" },
    END_OPTS,
};

const struct opt_def cmd_iface_only_opts[] = {
    { "interface", OPT_STRING, true, true, "interface name" },
    END_OPTS,
};

const struct opt_def cmd_iface_dumpxml_opts[] = {
    { "interface", OPT_STRING, true, true, "interface name or MAC address" },
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    END_OPTS,
};

const struct opt_def cmd_iface_name_opts[] = {
    { "interface", OPT_STRING, true, true, "interface mac" },
    END_OPTS,
};

const struct opt_def cmd_iface_define_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML interface description" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

/* The interface a command names (by name); NULL after printing virsh's
 * two lines. */
static struct vireo_interface *
named_iface(struct session *s, const char *name)
{
    struct vireo_error err = { 0 };
    struct vireo_interface *iface =
        vireo_interface_lookup_by_name(s->conn, name, &err);

    if (iface == NULL) {
        cli_error("failed to get interface '%s'", name);
        cli_report(&err);
    }
    return iface;
}

/* ---- iface-list --------------------------------------------------------- */

static int
by_name(const void *a, const void *b)
{
    struct vireo_interface *const *x = a, *const *y = b;

    return strcasecmp(vireo_interface_get_name(*x),
                      vireo_interface_get_name(*y));
}

static int
print_list(struct vireo_interface **ifaces, int n)
{
    static const char *const headers[] = { "Name", "State", "MAC Address" };
    struct table *t = table_new(3, headers);
    struct vireo_error err = { 0 };
    int rc = t != NULL ? 0 : -1;

    qsort(ifaces, (size_t)n, sizeof(*ifaces), by_name);
    for (int i = 0; rc == 0 && i < n; i++) {
        int active = vireo_interface_is_active(ifaces[i], &err);
        const char *cells[] = {
            vireo_interface_get_name(ifaces[i]),
            active > 0 ? "active" : "inactive",
            vireo_interface_get_mac_string(ifaces[i]),
        };

        rc = table_add_row(t, cells);
    }
    if (rc == 0)
        rc = table_print(t, stdout);
    table_free(t);
    return rc;
}

int
cmd_iface_list(struct session *s, const struct cmd *cmd)
{
    unsigned flags = VIR_CONNECT_LIST_INTERFACES_ACTIVE;
    struct vireo_interface **ifaces = NULL;
    struct vireo_error err = { 0 };
    int n, rc;

    if (cmd_has(cmd, "inactive"))
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE;
    if (cmd_has(cmd, "all"))
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE |
                VIR_CONNECT_LIST_INTERFACES_ACTIVE;
    n = vireo_connect_list_all_interfaces(s->conn, &ifaces, flags, &err);
    if (n < 0) {
        cli_error("Failed to list interfaces");
        cli_report(&err);
        return -1;
    }
    rc = print_list(ifaces, n);
    for (int i = 0; i < n; i++)
        vireo_interface_free(ifaces[i]);
    free(ifaces);
    return rc;
}

/* ---- One interface ------------------------------------------------------ */

int
cmd_iface_dumpxml(struct session *s, const struct cmd *cmd)
{
    struct vireo_interface *iface = named_iface(s, cmd_string(cmd,
                                                              "interface"));
    unsigned flags = cmd_has(cmd, "inactive") ? VIR_INTERFACE_XML_INACTIVE
                                              : 0;
    struct vireo_error err = { 0 };
    char *xml;

    if (iface == NULL)
        return -1;
    xml = vireo_interface_get_xml_desc(iface, flags, &err);
    vireo_interface_free(iface);
    if (xml == NULL) {
        cli_report(&err);
        return -1;
    }
    fputs(xml, stdout);
    free(xml);
    return 0;
}

int
cmd_iface_mac(struct session *s, const struct cmd *cmd)
{
    struct vireo_interface *iface = named_iface(s, cmd_string(cmd,
                                                              "interface"));

    if (iface == NULL)
        return -1;
    printf("%s\n", vireo_interface_get_mac_string(iface));
    vireo_interface_free(iface);
    return 0;
}

int
cmd_iface_name(struct session *s, const struct cmd *cmd)
{
    const char *mac = cmd_string(cmd, "interface");
    struct vireo_error err = { 0 };
    struct vireo_interface *iface =
        vireo_interface_lookup_by_mac_string(s->conn, mac, &err);

    if (iface == NULL) {
        cli_error("failed to get interface '%s'", mac);
        cli_report(&err);
        return -1;
    }
    printf("%s\n", vireo_interface_get_name(iface));
    vireo_interface_free(iface);
    return 0;
}

int
cmd_iface_define(struct session *s, const struct cmd *cmd)
{
    const char *file = cmd_string(cmd, "file");
    unsigned flags = cmd_has(cmd, "validate") ? VIR_INTERFACE_DEFINE_VALIDATE
                                              : 0;
    struct vireo_error err = { 0 };
    struct vireo_interface *iface;
    char *xml = read_xml_file(file);

    if (xml == NULL)
        return -1;
    iface = vireo_interface_define_xml(s->conn, xml, flags, &err);
    free(xml);
    if (iface == NULL) {
        cli_error("Failed to define interface from %s", file);
        cli_report(&err);
        return -1;
    }
    printf("Interface %s defined from %s\n", vireo_interface_get_name(iface),
           file);
    vireo_interface_free(iface);
    return 0;
}

/* undefine, start or destroy: the call, and virsh's words for it. */
static int
change_iface(struct session *s, const struct cmd *cmd,
             int (*call)(struct vireo_interface *, struct vireo_error *),
             const char *failed, const char *done)
{
    const char *name = cmd_string(cmd, "interface");
    struct vireo_interface *iface = named_iface(s, name);
    struct vireo_error err = { 0 };
    int rc;

    if (iface == NULL)
        return -1;
    rc = call(iface, &err);
    vireo_interface_free(iface);
    if (rc < 0) {
        cli_error("Failed to %s interface %s", failed, name);
        cli_report(&err);
        return -1;
    }
    printf("Interface %s %s\n", name, done);
    return 0;
}

static int
start(struct vireo_interface *iface, struct vireo_error *err)
{
    return vireo_interface_create(iface, 0, err);
}

static int
stop(struct vireo_interface *iface, struct vireo_error *err)
{
    return vireo_interface_destroy(iface, 0, err);
}

int
cmd_iface_undefine(struct session *s, const struct cmd *cmd)
{
    return change_iface(s, cmd, vireo_interface_undefine, "undefine",
                        "undefined");
}

int
cmd_iface_start(struct session *s, const struct cmd *cmd)
{
    return change_iface(s, cmd, start, "start", "started");
}

/* virsh 9.0 says the interface is destroyed and then exits with a
 * failure even when it was; this says it and succeeds. */
int
cmd_iface_destroy(struct session *s, const struct cmd *cmd)
{
    return change_iface(s, cmd, stop, "destroy", "destroyed");
}

/* ---- Transactions --------------------------------------------------------- */

static int
transaction(struct session *s,
            int (*call)(struct vireo_conn *, unsigned, struct vireo_error *),
            const char *verb, const char *done)
{
    struct vireo_error err = { 0 };

    if (call(s->conn, 0, &err) < 0) {
        cli_error("Failed to %s network config change transaction", verb);
        cli_report(&err);
        return -1;
    }
    printf("Network config change transaction %s\n", done);
    return 0;
}

int
cmd_iface_begin(struct session *s, const struct cmd *cmd)
{
    return transaction(s, vireo_interface_change_begin, "begin", "started");
}

int
cmd_iface_commit(struct session *s, const struct cmd *cmd)
{
    return transaction(s, vireo_interface_change_commit, "commit",
                       "committed");
}

int
cmd_iface_rollback(struct session *s, const struct cmd *cmd)
{
    return transaction(s, vireo_interface_change_rollback, "rollback",
                       "rolled back");
}
