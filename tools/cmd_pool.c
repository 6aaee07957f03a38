/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_pool.c: the pool-* commands, printing what virsh 9.0 prints, and
 * the pool lookup the vol-* commands share (virsh's: a UUID when the
 * argument is as long as one, then a name).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_pool_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { NULL },
};

const struct opt_def cmd_pool_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive pools" },
    { "all", OPT_BOOL, false, false, "list inactive & active pools" },
    { "type", OPT_STRING, false, false,
      "only list pool of specified type(s) (if supported)" },
    { "details", OPT_BOOL, false, false,
      "display extended details for pools" },
    { "uuid", OPT_BOOL, false, false, "list UUID of active pools only" },
    { "name", OPT_BOOL, false, false, "list name of active pools only" },
    { NULL },
};

const struct opt_def cmd_pool_info_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "bytes", OPT_BOOL, false, false, "Reture pool info in bytes" },
    { NULL },
};

const struct opt_def cmd_pool_dumpxml_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "inactive", OPT_BOOL, false, false,
      "show inactive defined XML" },
    { NULL },
};

const struct opt_def cmd_pool_file_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML pool description" },
    { NULL },
};

const struct opt_def cmd_pool_autostart_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    { NULL },
};

static const char *const pool_states[] = {
    "inactive", "building", "running", "degraded", "inaccessible",
};

/* A UUID string of 36 characters into 16 bytes; false if it is not one. */
static bool
parse_uuid(const char *text, unsigned char uuid[VIREO_UUID_BUFLEN])
{
    int n = 0;

    if (strlen(text) != VIREO_UUID_STRING_BUFLEN - 1)
        return false;
    for (const char *p = text; *p != '\0' && n < VIREO_UUID_BUFLEN; p++) {
        unsigned byte;

        if (*p == '-')
            continue;
        if (sscanf(p, "%2x", &byte) != 1)
            return false;
        uuid[n++] = (unsigned char)byte;
        p++;
    }
    return n == VIREO_UUID_BUFLEN;
}

void
cli_format_uuid(const unsigned char *uuid, char *out)
{
    char *p = out;

    for (int i = 0; i < VIREO_UUID_BUFLEN; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        p += sprintf(p, "%02x", uuid[i]);
    }
}

void
cli_pretty_capacity(unsigned long long bytes, char *out, size_t size)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double value = (double)bytes;
    int i = 0;

    while (value >= 1024.0 && i < 6) {
        value /= 1024.0;
        i++;
    }
    snprintf(out, size, "%.2f %s", value, units[i]);
}

struct vireo_storage_pool *
cli_find_pool(struct session *s, const char *arg, bool is_by_name,
              struct vireo_error *err)
{
    struct vireo_storage_pool *pool = NULL;
    unsigned char uuid[VIREO_UUID_BUFLEN];

    if (parse_uuid(arg, uuid))
        pool = vireo_storage_pool_lookup_by_uuid(s->conn, uuid, err);
    if (pool == NULL && is_by_name) {
        memset(err, 0, sizeof(*err));
        pool = vireo_storage_pool_lookup_by_name(s->conn, arg, err);
    }
    return pool;
}

struct vireo_storage_pool *
cli_lookup_pool(struct session *s, const char *arg, bool is_by_name)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool = cli_find_pool(s, arg, is_by_name, &err);

    if (pool == NULL) {
        cli_error("failed to get pool '%s'", arg);
        if (err.code != 0)
            cli_report(&err);
    }
    return pool;
}

/* Run act on the pool the command names; act reports its own failure. */
static int
with_pool(struct session *s, const struct cmd *cmd,
          int (*act)(struct vireo_storage_pool *pool, const struct cmd *cmd))
{
    struct vireo_storage_pool *pool =
        cli_lookup_pool(s, cmd_string(cmd, "pool"), true);
    int rc;

    if (pool == NULL)
        return -1;
    rc = act(pool, cmd);
    vireo_storage_pool_free(pool);
    return rc;
}

/* ---- pool-list ------------------------------------------------------------ */

static unsigned
list_flags(const struct cmd *cmd)
{
    static const char *const types[] = {
        "dir", "fs", "netfs", "logical", "disk", "iscsi", "scsi", "mpath",
        "rbd", "sheepdog", "gluster", "zfs", "vstorage", "iscsi-direct",
    };
    const char *type = cmd_string(cmd, "type");
    unsigned flags = 0;

    if (cmd_has(cmd, "inactive"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    else if (!cmd_has(cmd, "all"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
    for (size_t i = 0; type != NULL && i < sizeof(types) / sizeof(*types);
         i++) {
        const char *at = strstr(type, types[i]);
        size_t len = strlen(types[i]);

        /* One word of a comma-separated list. */
        while (at != NULL && ((at != type && at[-1] != ',') ||
                              (at[len] != '\0' && at[len] != ',')))
            at = strstr(at + 1, types[i]);
        if (at != NULL)
            flags |= VIR_CONNECT_LIST_STORAGE_POOLS_DIR << i;
    }
    return flags;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(vireo_storage_pool_get_name(
                      *(struct vireo_storage_pool *const *)a),
                  vireo_storage_pool_get_name(
                      *(struct vireo_storage_pool *const *)b));
}

/* One row of the table: plain or --details. */
static int
add_row(struct table *t, struct vireo_storage_pool *pool, bool is_details)
{
    struct vireo_storage_pool_info info = { 0 };
    struct vireo_error err = { 0 };
    char cap[32] = "-", alloc[32] = "-", avail[32] = "-";
    int autostart = 0, persistent;
    bool is_running;
    const char *cells[7];

    if (vireo_storage_pool_get_info(pool, &info, &err) < 0 ||
        vireo_storage_pool_get_autostart(pool, &autostart, &err) < 0 ||
        (persistent = vireo_storage_pool_is_persistent(pool, &err)) < 0) {
        cli_report(&err);
        return -1;
    }
    is_running = info.state == VIR_STORAGE_POOL_RUNNING ||
                 info.state == VIR_STORAGE_POOL_DEGRADED;
    cells[0] = vireo_storage_pool_get_name(pool);
    cells[2] = autostart ? "yes" : "no";
    if (!is_details) {
        cells[1] = is_running ? "active" : "inactive";
        return table_add_row(t, cells);
    }
    if (is_running) {
        cli_pretty_capacity(info.capacity, cap, sizeof(cap));
        cli_pretty_capacity(info.allocation, alloc, sizeof(alloc));
        cli_pretty_capacity(info.available, avail, sizeof(avail));
    }
    cells[1] = pool_states[info.state];
    cells[3] = persistent ? "yes" : "no";
    cells[4] = cap;
    cells[5] = alloc;
    cells[6] = avail;
    return table_add_row(t, cells);
}

static int
print_pools(struct vireo_storage_pool **pools, int n, const struct cmd *cmd)
{
    static const char *const plain[] = { "Name", "State", "Autostart" };
    static const char *const details[] = {
        "Name", "State", "Autostart", "Persistent", "Capacity", "Allocation",
        "Available",
    };
    bool is_details = cmd_has(cmd, "details");
    struct table *t;
    int rc = 0;

    if (cmd_has(cmd, "name") || cmd_has(cmd, "uuid")) {
        for (int i = 0; i < n; i++) {
            char uuid[VIREO_UUID_STRING_BUFLEN];

            cli_format_uuid(vireo_storage_pool_get_uuid(pools[i]), uuid);
            if (cmd_has(cmd, "uuid") && cmd_has(cmd, "name"))
                printf("%-36s  %s\n", uuid,
                       vireo_storage_pool_get_name(pools[i]));
            else if (cmd_has(cmd, "uuid"))
                printf("%s\n", uuid);
            else
                printf("%-20s\n", vireo_storage_pool_get_name(pools[i]));
        }
        return 0;
    }
    t = is_details ? table_new(7, details) : table_new(3, plain);
    for (int i = 0; t != NULL && rc == 0 && i < n; i++)
        rc = add_row(t, pools[i], is_details);
    if (t == NULL || rc < 0 || table_print(t, stdout) < 0)
        rc = -1;
    table_free(t);
    return rc;
}

int
cmd_pool_list(struct session *s, const struct cmd *cmd)
{
    struct vireo_storage_pool **pools = NULL;
    struct vireo_error err = { 0 };
    int n = vireo_conn_list_all_storage_pools(s->conn, &pools,
                                              list_flags(cmd), &err);
    int rc;

    if (n < 0) {
        cli_error("Failed to list pools");
        cli_report(&err);
        return -1;
    }
    qsort(pools, (size_t)n, sizeof(*pools), by_name);
    rc = print_pools(pools, n, cmd);
    for (int i = 0; i < n; i++)
        vireo_storage_pool_free(pools[i]);
    free(pools);
    return rc;
}

/* ---- pool-info, pool-dumpxml, pool-name, pool-uuid ------------------------ */

#define FIELD(label, fmt, ...) printf("%-15s " fmt "\n", label, __VA_ARGS__)

void
cli_print_size(const char *label, unsigned long long bytes, bool is_bytes,
               const char *unit)
{
    char text[32];

    if (is_bytes)
        snprintf(text, sizeof(text), "%llu%s", bytes, unit);
    else
        cli_pretty_capacity(bytes, text, sizeof(text));
    FIELD(label, "%s", text);
}

static int
print_info(struct vireo_storage_pool *pool, const struct cmd *cmd)
{
    struct vireo_storage_pool_info info = { 0 };
    struct vireo_error err = { 0 };
    char uuid[VIREO_UUID_STRING_BUFLEN];
    int autostart = 0, persistent;
    bool is_bytes = cmd_has(cmd, "bytes");

    cli_format_uuid(vireo_storage_pool_get_uuid(pool), uuid);
    FIELD("Name:", "%s", vireo_storage_pool_get_name(pool));
    FIELD("UUID:", "%s", uuid);
    if (vireo_storage_pool_get_info(pool, &info, &err) < 0 ||
        (persistent = vireo_storage_pool_is_persistent(pool, &err)) < 0 ||
        vireo_storage_pool_get_autostart(pool, &autostart, &err) < 0) {
        cli_report(&err);
        return -1;
    }
    FIELD("State:", "%s", pool_states[info.state]);
    FIELD("Persistent:", "%s", persistent ? "yes" : "no");
    FIELD("Autostart:", "%s", autostart ? "yes" : "no");
    if (info.state == VIR_STORAGE_POOL_RUNNING ||
        info.state == VIR_STORAGE_POOL_DEGRADED) {
        cli_print_size("Capacity:", info.capacity, is_bytes, "");
        cli_print_size("Allocation:", info.allocation, is_bytes, "");
        cli_print_size("Available:", info.available, is_bytes, "");
    }
    return 0;
}

int
cmd_pool_info(struct session *s, const struct cmd *cmd)
{
    return with_pool(s, cmd, print_info);
}

static int
print_xml(struct vireo_storage_pool *pool, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *xml = vireo_storage_pool_get_xml_desc(
        pool, cmd_has(cmd, "inactive") ? 1 : 0, &err);

    if (xml == NULL) {
        cli_report(&err);
        return -1;
    }
    fputs(xml, stdout);
    free(xml);
    return 0;
}

int
cmd_pool_dumpxml(struct session *s, const struct cmd *cmd)
{
    return with_pool(s, cmd, print_xml);
}

int
cmd_pool_name(struct session *s, const struct cmd *cmd)
{
    struct vireo_storage_pool *pool =
        cli_lookup_pool(s, cmd_string(cmd, "pool"), false);

    if (pool == NULL)
        return -1;
    printf("%s\n", vireo_storage_pool_get_name(pool));
    vireo_storage_pool_free(pool);
    return 0;
}

static int
print_uuid(struct vireo_storage_pool *pool, const struct cmd *cmd)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];

    (void)cmd;
    cli_format_uuid(vireo_storage_pool_get_uuid(pool), uuid);
    printf("%s\n", uuid);
    return 0;
}

int
cmd_pool_uuid(struct session *s, const struct cmd *cmd)
{
    return with_pool(s, cmd, print_uuid);
}

/* ---- pool-define, pool-create: a pool from a file ------------------------- */

static int
from_file(struct session *s, const struct cmd *cmd, bool is_create)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool;
    char *xml = read_xml_file(file);

    if (xml == NULL)
        return -1;
    pool = is_create ? vireo_storage_pool_create_xml(s->conn, xml, 0, &err)
                     : vireo_storage_pool_define_xml(s->conn, xml, 0, &err);
    free(xml);
    if (pool == NULL) {
        cli_error("Failed to %s pool from %s", is_create ? "create"
                                                         : "define", file);
        cli_report(&err);
        return -1;
    }
    printf("Pool %s %s from %s\n", vireo_storage_pool_get_name(pool),
           is_create ? "created" : "defined", file);
    vireo_storage_pool_free(pool);
    return 0;
}

int
cmd_pool_define(struct session *s, const struct cmd *cmd)
{
    return from_file(s, cmd, false);
}

int
cmd_pool_create(struct session *s, const struct cmd *cmd)
{
    return from_file(s, cmd, true);
}

/* ---- The lifecycle -------------------------------------------------------- */

/* A lifecycle command: its call, and virsh's words for both outcomes. */
struct lifecycle {
    const char *verb;        /* "start": "Failed to start pool NAME" */
    const char *done;        /* "started": "Pool NAME started" */
    int       (*call)(struct vireo_storage_pool *pool,
                      struct vireo_error *err);
};

static int
call_start(struct vireo_storage_pool *pool, struct vireo_error *err)
{
    return vireo_storage_pool_create(pool, 0, err);
}

static int
call_build(struct vireo_storage_pool *pool, struct vireo_error *err)
{
    return vireo_storage_pool_build(pool, 0, err);
}

static int
call_delete(struct vireo_storage_pool *pool, struct vireo_error *err)
{
    return vireo_storage_pool_delete(pool, 0, err);
}

static int
call_refresh(struct vireo_storage_pool *pool, struct vireo_error *err)
{
    return vireo_storage_pool_refresh(pool, 0, err);
}

static const struct lifecycle lifecycles[] = {
    { "start", "started", call_start },
    { "build", "built", call_build },
    { "destroy", "destroyed", vireo_storage_pool_destroy },
    { "delete", "deleted", call_delete },
    { "undefine", "has been undefined", vireo_storage_pool_undefine },
    { "refresh", "refreshed", call_refresh },
};

static int
run_lifecycle(struct session *s, const struct cmd *cmd, int which)
{
    const struct lifecycle *l = &lifecycles[which];
    struct vireo_storage_pool *pool =
        cli_lookup_pool(s, cmd_string(cmd, "pool"), true);
    struct vireo_error err = { 0 };
    int rc;

    if (pool == NULL)
        return -1;
    rc = l->call(pool, &err);
    if (rc < 0) {
        cli_error("Failed to %s pool %s", l->verb,
                  vireo_storage_pool_get_name(pool));
        cli_report(&err);
    } else {
        printf("Pool %s %s\n", vireo_storage_pool_get_name(pool), l->done);
    }
    vireo_storage_pool_free(pool);
    return rc;
}

int
cmd_pool_start(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 0);
}

int
cmd_pool_build(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 1);
}

int
cmd_pool_destroy(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 2);
}

int
cmd_pool_delete(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 3);
}

int
cmd_pool_undefine(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 4);
}

int
cmd_pool_refresh(struct session *s, const struct cmd *cmd)
{
    return run_lifecycle(s, cmd, 5);
}

static int
set_autostart(struct vireo_storage_pool *pool, const struct cmd *cmd)
{
    bool is_disable = cmd_has(cmd, "disable");
    const char *name = vireo_storage_pool_get_name(pool);
    struct vireo_error err = { 0 };

    if (vireo_storage_pool_set_autostart(pool, !is_disable, &err) < 0) {
        cli_error("failed to %smark pool %s as autostarted",
                  is_disable ? "un" : "", name);
        cli_report(&err);
        return -1;
    }
    printf("Pool %s %smarked as autostarted\n", name, is_disable ? "un" : "");
    return 0;
}

int
cmd_pool_autostart(struct session *s, const struct cmd *cmd)
{
    return with_pool(s, cmd, set_autostart);
}
