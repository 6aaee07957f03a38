/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_network.c: virsh's Networking group: net-list, net-info,
 * net-dumpxml, net-uuid, net-name, net-define, net-create, net-undefine,
 * net-start, net-destroy, net-autostart and net-update, with virsh's
 * options, output and messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_net_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive networks" },
    { "all", OPT_BOOL, false, false, "list inactive & active networks" },
    { "persistent", OPT_BOOL, false, false, "list persistent networks" },
    { "transient", OPT_BOOL, false, false, "list transient networks" },
    { "autostart", OPT_BOOL, false, false,
      "list networks with autostart enabled" },
    { "no-autostart", OPT_BOOL, false, false,
      "list networks with autostart disabled" },
    { "uuid", OPT_BOOL, false, false, "list uuid's only" },
    { "name", OPT_BOOL, false, false, "list network names only" },
    END_OPTS,
};

const struct opt_def cmd_net_one_opts[] = {
    NETWORK_ARG,
    END_OPTS,
};

const struct opt_def cmd_net_dumpxml_opts[] = {
    NETWORK_ARG,
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    END_OPTS,
};

const struct opt_def cmd_net_define_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML network description" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

const struct opt_def cmd_net_create_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML network description" },
    END_OPTS,
};

const struct opt_def cmd_net_autostart_opts[] = {
    NETWORK_ARG,
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    END_OPTS,
};

const struct opt_def cmd_net_update_opts[] = {
    NETWORK_ARG,
    { "command", OPT_STRING, true, true,
      "type of update (add-first, add-last (add), delete, or modify)" },
    { "section", OPT_STRING, true, true,
      "which section of network configuration to update" },
    { "xml", OPT_STRING, true, true,
      "name of file containing xml (or, if it starts with '<', the "
      "complete xml element itself) to add/modify, or to be matched for "
      "search" },
    { "parent-index", OPT_NUMBER, false, false,
      "which parent object to search through" },
    { "config", OPT_BOOL, false, false, "affect next network startup" },
    { "live", OPT_BOOL, false, false, "affect running network" },
    { "current", OPT_BOOL, false, false,
      "affect current state of network" },
    END_OPTS,
};

/* virsh's lookup of a NETWORK argument: by uuid when it looks like one,
 * else by name. NULL after printing virsh's error. */
static struct vireo_network *
lookup(struct session *s, const char *arg)
{
    struct vireo_error err = { 0 };
    struct vireo_network *net = NULL;

    if (strlen(arg) == VIREO_UUID_STRING_BUFLEN - 1)
        net = vireo_network_lookup_by_uuid_string(s->conn, arg, &err);
    if (net == NULL)
        net = vireo_network_lookup_by_name(s->conn, arg, &err);
    if (net == NULL) {
        cli_error("failed to get network '%s'", arg);
        cli_report(&err);
    }
    return net;
}

static void
uuid_text(const struct vireo_network *net, char text[VIREO_UUID_STRING_BUFLEN])
{
    unsigned char uuid[VIREO_UUID_BUFLEN];

    vireo_network_get_uuid(net, uuid);
    snprintf(text, VIREO_UUID_STRING_BUFLEN,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5], uuid[6],
             uuid[7], uuid[8], uuid[9], uuid[10], uuid[11], uuid[12],
             uuid[13], uuid[14], uuid[15]);
}

/* ---- net-list ------------------------------------------------------------ */

static int
by_name(const void *a, const void *b)
{
    return strcmp(vireo_network_get_name(*(struct vireo_network *const *)a),
                  vireo_network_get_name(*(struct vireo_network *const *)b));
}

static unsigned
list_flags(const struct cmd *cmd)
{
    static const struct {
        const char *opt;
        unsigned    flag;
    } map[] = {
        { "inactive", VIREO_CONNECT_LIST_NETWORKS_INACTIVE },
        { "persistent", VIREO_CONNECT_LIST_NETWORKS_PERSISTENT },
        { "transient", VIREO_CONNECT_LIST_NETWORKS_TRANSIENT },
        { "autostart", VIREO_CONNECT_LIST_NETWORKS_AUTOSTART },
        { "no-autostart", VIREO_CONNECT_LIST_NETWORKS_NO_AUTOSTART },
    };
    unsigned flags = 0;

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (cmd_has(cmd, map[i].opt))
            flags |= map[i].flag;
    if (cmd_has(cmd, "all"))
        flags |= VIREO_CONNECT_LIST_NETWORKS_ACTIVE |
                 VIREO_CONNECT_LIST_NETWORKS_INACTIVE;
    if ((flags & (VIREO_CONNECT_LIST_NETWORKS_ACTIVE |
                  VIREO_CONNECT_LIST_NETWORKS_INACTIVE)) == 0)
        flags |= VIREO_CONNECT_LIST_NETWORKS_ACTIVE;
    return flags;
}

/* One row: name, state, autostart, persistent, as virsh words them. */
static int
add_row(struct table *t, struct vireo_network *net)
{
    struct vireo_error err = { 0 };
    int autostart = 0, is_active = vireo_network_is_active(net, &err);
    int is_persistent = vireo_network_is_persistent(net, &err);
    const char *cells[4];

    if (vireo_network_get_autostart(net, &autostart, &err) < 0)
        cells[2] = "-";
    else
        cells[2] = autostart ? "yes" : "no";
    cells[0] = vireo_network_get_name(net);
    cells[1] = is_active ? "active" : "inactive";
    cells[3] = is_persistent ? "yes" : "no";
    return table_add_row(t, cells);
}

static int
print_table(struct vireo_network **nets, int n)
{
    static const char *const headers[] = {
        "Name", "State", "Autostart", "Persistent",
    };
    struct table *t = table_new(4, headers);
    int rc = t != NULL ? 0 : -1;

    for (int i = 0; i < n && rc == 0; i++)
        rc = add_row(t, nets[i]);
    if (rc == 0)
        rc = table_print(t, stdout);
    if (rc < 0)
        cli_error("out of memory");
    table_free(t);
    return rc;
}

int
cmd_net_list(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_network **nets = NULL;
    int n = vireo_conn_list_all_networks(s->conn, &nets, list_flags(cmd),
                                         &err);
    int rc = 0;

    if (n < 0) {
        cli_error("Failed to list networks");
        cli_report(&err);
        return -1;
    }
    qsort(nets, (size_t)n, sizeof(*nets), by_name);
    if (cmd_has(cmd, "name") || cmd_has(cmd, "uuid")) {
        for (int i = 0; i < n; i++) {
            char uuid[VIREO_UUID_STRING_BUFLEN];

            uuid_text(nets[i], uuid);
            printf("%s\n", cmd_has(cmd, "uuid") ? uuid
                                                : vireo_network_get_name(
                                                      nets[i]));
        }
    } else {
        rc = print_table(nets, n);
    }
    vireo_network_array_free(nets, n);
    return rc;
}

/* ---- Queries on one network ------------------------------------------------ */

/* Look the network up and run fn on it. */
static int
with_network(struct session *s, const struct cmd *cmd,
             int (*fn)(struct vireo_network *net, const struct cmd *cmd))
{
    struct vireo_network *net = lookup(s, cmd_string(cmd, "network"));
    int rc;

    if (net == NULL)
        return -1;
    rc = fn(net, cmd);
    vireo_network_free(net);
    return rc;
}

static int
print_info(struct vireo_network *net, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char uuid[VIREO_UUID_STRING_BUFLEN];
    int autostart = 0, is_active = vireo_network_is_active(net, &err);
    int is_persistent = vireo_network_is_persistent(net, &err);
    char *bridge;

    (void)cmd;
    uuid_text(net, uuid);
    printf("%-15s %s\n", "Name:", vireo_network_get_name(net));
    printf("%-15s %s\n", "UUID:", uuid);
    printf("%-15s %s\n", "Active:", is_active > 0 ? "yes" : "no");
    printf("%-15s %s\n", "Persistent:", is_persistent > 0 ? "yes" : "no");
    if (vireo_network_get_autostart(net, &autostart, &err) < 0)
        printf("%-15s %s\n", "Autostart:", "no autostart");
    else
        printf("%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    /* A network without a bridge name simply has no such line. */
    bridge = vireo_network_get_bridge_name(net, &err);
    if (bridge != NULL)
        printf("%-15s %s\n", "Bridge:", bridge);
    free(bridge);
    return 0;
}

static int
print_xml(struct vireo_network *net, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    unsigned flags = cmd_has(cmd, "inactive") ? VIREO_NETWORK_XML_INACTIVE
                                              : 0;
    char *xml = vireo_network_get_xml_desc(net, flags, &err);

    if (xml == NULL) {
        cli_report(&err);
        return -1;
    }
    fputs(xml, stdout);
    free(xml);
    return 0;
}

static int
print_uuid(struct vireo_network *net, const struct cmd *cmd)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];

    (void)cmd;
    uuid_text(net, uuid);
    printf("%s\n", uuid);
    return 0;
}

int
cmd_net_info(struct session *s, const struct cmd *cmd)
{
    return with_network(s, cmd, print_info);
}

int
cmd_net_dumpxml(struct session *s, const struct cmd *cmd)
{
    return with_network(s, cmd, print_xml);
}

int
cmd_net_uuid(struct session *s, const struct cmd *cmd)
{
    return with_network(s, cmd, print_uuid);
}

int
cmd_net_name(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    const char *arg = cmd_string(cmd, "network");
    struct vireo_network *net = vireo_network_lookup_by_uuid_string(
        s->conn, arg, &err);

    if (net == NULL) {
        cli_error("failed to get network '%s'", arg);
        /* virsh says no more about a word that is not a uuid. */
        if (err.code != VIR_ERR_INVALID_ARG)
            cli_report(&err);
        return -1;
    }
    printf("%s\n", vireo_network_get_name(net));
    vireo_network_free(net);
    return 0;
}

/* ---- Define, create and the lifecycle ------------------------------------- */

/* The whole of file, malloc'ed; NULL after printing virsh's error. */
static char *
read_file(const char *file)
{
    FILE *in = fopen(file, "r");
    char *text = NULL;
    size_t len = 0;
    FILE *out;

    if (in == NULL) {
        cli_error("Failed to open file '%s': No such file or directory",
                  file);
        return NULL;
    }
    out = open_memstream(&text, &len);
    if (out != NULL) {
        int c;

        while ((c = fgetc(in)) != EOF)
            fputc(c, out);
        fclose(out);
    }
    fclose(in);
    return text;
}

static int
from_file(struct session *s, const struct cmd *cmd, bool is_create)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_error err = { 0 };
    struct vireo_network *net;
    char *xml = read_file(file);
    unsigned flags = cmd_has(cmd, "validate") ? VIREO_NETWORK_DEFINE_VALIDATE
                                              : 0;

    if (xml == NULL)
        return -1;
    net = is_create ? vireo_network_create_xml(s->conn, xml, 0, &err)
                    : vireo_network_define_xml(s->conn, xml, flags, &err);
    free(xml);
    if (net == NULL) {
        cli_error("Failed to %s network from %s",
                  is_create ? "create" : "define", file);
        cli_report(&err);
        return -1;
    }
    printf("Network %s %s from %s\n", vireo_network_get_name(net),
           is_create ? "created" : "defined", file);
    vireo_network_free(net);
    return 0;
}

int
cmd_net_define(struct session *s, const struct cmd *cmd)
{
    return from_file(s, cmd, false);
}

int
cmd_net_create(struct session *s, const struct cmd *cmd)
{
    return from_file(s, cmd, true);
}

/* A lifecycle call, with virsh's words on success and failure. */
static int
change(struct session *s, const struct cmd *cmd,
       int (*call)(struct vireo_network *, struct vireo_error *),
       const char *done, const char *failed)
{
    struct vireo_network *net = lookup(s, cmd_string(cmd, "network"));
    struct vireo_error err = { 0 };
    int rc;

    if (net == NULL)
        return -1;
    rc = call(net, &err);
    if (rc < 0) {
        cli_error("Failed to %s network %s", failed,
                  vireo_network_get_name(net));
        cli_report(&err);
    } else {
        printf("Network %s %s\n", vireo_network_get_name(net), done);
    }
    vireo_network_free(net);
    return rc;
}

int
cmd_net_undefine(struct session *s, const struct cmd *cmd)
{
    return change(s, cmd, vireo_network_undefine, "has been undefined",
                  "undefine");
}

int
cmd_net_start(struct session *s, const struct cmd *cmd)
{
    return change(s, cmd, vireo_network_create, "started", "start");
}

int
cmd_net_destroy(struct session *s, const struct cmd *cmd)
{
    return change(s, cmd, vireo_network_destroy, "destroyed", "destroy");
}

int
cmd_net_autostart(struct session *s, const struct cmd *cmd)
{
    struct vireo_network *net = lookup(s, cmd_string(cmd, "network"));
    struct vireo_error err = { 0 };
    bool is_on = !cmd_has(cmd, "disable");
    int rc;

    if (net == NULL)
        return -1;
    rc = vireo_network_set_autostart(net, is_on, &err);
    if (rc < 0) {
        cli_error("failed to %smark network %s as autostarted",
                  is_on ? "" : "un", vireo_network_get_name(net));
        cli_report(&err);
    } else {
        printf("Network %s %smarked as autostarted\n",
               vireo_network_get_name(net), is_on ? "" : "un");
    }
    vireo_network_free(net);
    return rc;
}

/* ---- net-update -------------------------------------------------------------- */

static int
word_index(const char *const *words, int n, const char *word)
{
    for (int i = 0; i < n; i++)
        if (words[i] != NULL && strcmp(words[i], word) == 0)
            return i;
    return -1;
}

/* virsh's names of the commands and sections ("add" is "add-last"). */
static int
parse_update(const struct cmd *cmd, unsigned *command, unsigned *section)
{
    static const char *const commands[] = {
        NULL, "modify", "delete", "add-last", "add-first",
    };
    static const char *const sections[] = {
        NULL, "bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range",
        "forward", "forward-interface", "forward-pf", "portgroup",
        "dns-host", "dns-txt", "dns-srv",
    };
    const char *c = cmd_string(cmd, "command");
    const char *sec = cmd_string(cmd, "section");
    int ci = strcmp(c, "add") == 0 ? 3 : word_index(commands, 5, c);
    int si = word_index(sections, 13, sec);

    if (ci < 0) {
        cli_error("command '%s' doesn't exist", c);
        return -1;
    }
    if (si < 0) {
        cli_error("section '%s' doesn't exist", sec);
        return -1;
    }
    *command = (unsigned)ci;
    *section = (unsigned)si;
    return 0;
}

static unsigned
update_flags(const struct cmd *cmd)
{
    unsigned flags = 0;

    if (cmd_has(cmd, "live"))
        flags |= VIREO_NETWORK_UPDATE_AFFECT_LIVE;
    if (cmd_has(cmd, "config"))
        flags |= VIREO_NETWORK_UPDATE_AFFECT_CONFIG;
    return flags;
}

/* virsh's words for what changed (no newline: the command's own ends
 * the line). */
static void
print_updated(struct vireo_network *net, unsigned flags)
{
    struct vireo_error err = { 0 };
    const char *what;

    if (flags & VIREO_NETWORK_UPDATE_AFFECT_CONFIG)
        what = flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE
               ? "persistent config and live state" : "persistent config";
    else if ((flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE) ||
             vireo_network_is_active(net, &err) > 0)
        what = "live state";
    else
        what = "persistent config";
    printf("Updated network %s %s", vireo_network_get_name(net), what);
}

int
cmd_net_update(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    unsigned command, section, flags = update_flags(cmd);
    const char *arg = cmd_string(cmd, "xml");
    long parent_index = -1;
    struct vireo_network *net;
    char *xml;
    int rc;

    if (parse_update(cmd, &command, &section) < 0 ||
        cmd_number(cmd, "parent-index", -1, 65535, &parent_index) < 0)
        return -1;
    /* An element itself starts with '<'; anything else names a file. */
    xml = arg[0] == '<' ? strdup(arg) : read_file(arg);
    if (xml == NULL || (net = lookup(s, cmd_string(cmd, "network"))) == NULL) {
        free(xml);
        return -1;
    }
    rc = vireo_network_update(net, command, section, (int)parent_index, xml,
                              flags, &err);
    free(xml);
    if (rc < 0) {
        cli_error("Failed to update network %s", vireo_network_get_name(net));
        cli_report(&err);
    } else {
        print_updated(net, flags);
    }
    vireo_network_free(net);
    return rc;
}

struct vireo_network *
cli_network_lookup(struct session *s, const char *arg)
{
    return lookup(s, arg);
}
