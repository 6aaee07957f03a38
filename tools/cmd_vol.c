/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_vol.c: the vol-* commands, printing what virsh 9.0 prints. A volume
 * argument is looked up as virsh looks it up: by name in --pool when one
 * is given, then by key, then by path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_vol_list_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "details", OPT_BOOL, false, false,
      "display extended details for volumes" },
    { NULL },
};

const struct opt_def cmd_vol_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { NULL },
};

const struct opt_def cmd_vol_info_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "bytes", OPT_BOOL, false, false,
      "sizes are represented in bytes rather than pretty units" },
    { NULL },
};

const struct opt_def cmd_vol_pool_opts[] = {
    { "vol", OPT_STRING, true, true, "volume key or path" },
    { "uuid", OPT_BOOL, false, false,
      "return the pool uuid rather than pool name" },
    { NULL },
};

const struct opt_def cmd_vol_wipe_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "algorithm", OPT_STRING, false, false,
      "perform selected wiping algorithm" },
    { NULL },
};

const struct opt_def cmd_vol_resize_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "capacity", OPT_STRING, true, true,
      "new capacity for the vol, as scaled integer (default bytes)" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "allocate", OPT_BOOL, false, false,
      "allocate the new capacity, rather than leaving it sparse" },
    { "delta", OPT_BOOL, false, false,
      "use capacity as a delta to current size, rather than the new size" },
    { "shrink", OPT_BOOL, false, false,
      "allow the resize to shrink the volume" },
    { NULL },
};

const struct opt_def cmd_vol_create_as_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name" },
    { "name", OPT_STRING, true, true, "name of the volume" },
    { "capacity", OPT_STRING, true, true,
      "size of the vol, as scaled integer (default bytes)" },
    { "allocation", OPT_STRING, false, false,
      "initial allocation size, as scaled integer (default bytes)" },
    { "format", OPT_STRING, false, false,
      "file format type raw,bochs,qcow,qcow2,qed,vmdk" },
    { NULL },
};

static const char *const vol_types[] = {
    "file", "block", "dir", "network", "netdir", "ploop",
};

/* The volume the command's "vol" (and "pool") name; NULL after printing
 * virsh's lines. */
static struct vireo_storage_vol *
lookup_vol(struct session *s, const struct cmd *cmd)
{
    const char *arg = cmd_string(cmd, "vol");
    const char *pool_arg = cmd_string(cmd, "pool");
    struct vireo_storage_pool *pool = NULL;
    struct vireo_storage_vol *vol = NULL;
    struct vireo_error err = { 0 };

    if (pool_arg != NULL &&
        (pool = cli_lookup_pool(s, pool_arg, true)) == NULL)
        return NULL;
    if (pool != NULL)
        vol = vireo_storage_vol_lookup_by_name(pool, arg, &err);
    vireo_storage_pool_free(pool);
    if (vol == NULL) {
        memset(&err, 0, sizeof(err));
        vol = vireo_storage_vol_lookup_by_key(s->conn, arg, &err);
    }
    if (vol == NULL) {
        memset(&err, 0, sizeof(err));
        vol = vireo_storage_vol_lookup_by_path(s->conn, arg, &err);
    }
    if (vol != NULL)
        return vol;
    if (pool_arg != NULL)
        cli_error("failed to get vol '%s'", arg);
    else
        cli_error("failed to get vol '%s', specifying --pool might help",
                  arg);
    cli_report(&err);
    return NULL;
}

static int
with_vol(struct session *s, const struct cmd *cmd,
         int (*act)(struct vireo_storage_vol *vol, const struct cmd *cmd))
{
    struct vireo_storage_vol *vol = lookup_vol(s, cmd);
    int rc;

    if (vol == NULL)
        return -1;
    rc = act(vol, cmd);
    vireo_storage_vol_free(vol);
    return rc;
}

/* ---- vol-list ------------------------------------------------------------- */

static int
by_name(const void *a, const void *b)
{
    return strcmp(vireo_storage_vol_get_name(
                      *(struct vireo_storage_vol *const *)a),
                  vireo_storage_vol_get_name(
                      *(struct vireo_storage_vol *const *)b));
}

static int
add_row(struct table *t, struct vireo_storage_vol *vol, bool is_details)
{
    struct vireo_storage_vol_info info = { 0 };
    struct vireo_error err = { 0 };
    char cap[32], alloc[32];
    char *path = vireo_storage_vol_get_path(vol, &err);
    const char *cells[5];
    int rc;

    if (path == NULL || (is_details &&
                         vireo_storage_vol_get_info(vol, &info, &err) < 0)) {
        free(path);
        cli_report(&err);
        return -1;
    }
    cli_pretty_capacity(info.capacity, cap, sizeof(cap));
    cli_pretty_capacity(info.allocation, alloc, sizeof(alloc));
    cells[0] = vireo_storage_vol_get_name(vol);
    cells[1] = path;
    cells[2] = vol_types[info.type];
    cells[3] = cap;
    cells[4] = alloc;
    rc = table_add_row(t, cells);
    free(path);
    return rc;
}

static int
print_vols(struct vireo_storage_vol **vols, int n, bool is_details)
{
    static const char *const headers[] = {
        "Name", "Path", "Type", "Capacity", "Allocation",
    };
    struct table *t = table_new(is_details ? 5 : 2, headers);
    int rc = 0;

    for (int i = 0; t != NULL && rc == 0 && i < n; i++)
        rc = add_row(t, vols[i], is_details);
    if (t == NULL || rc < 0 || table_print(t, stdout) < 0)
        rc = -1;
    table_free(t);
    return rc;
}

int
cmd_vol_list(struct session *s, const struct cmd *cmd)
{
    struct vireo_storage_pool *pool =
        cli_lookup_pool(s, cmd_string(cmd, "pool"), true);
    struct vireo_storage_vol **vols = NULL;
    struct vireo_error err = { 0 };
    int n, rc;

    if (pool == NULL)
        return -1;
    n = vireo_storage_pool_list_all_volumes(pool, &vols, 0, &err);
    vireo_storage_pool_free(pool);
    if (n < 0) {
        cli_error("Failed to list volumes");
        cli_report(&err);
        return -1;
    }
    qsort(vols, (size_t)n, sizeof(*vols), by_name);
    rc = print_vols(vols, n, cmd_has(cmd, "details"));
    for (int i = 0; i < n; i++)
        vireo_storage_vol_free(vols[i]);
    free(vols);
    return rc;
}

/* ---- vol-info, vol-dumpxml, vol-path, vol-key, vol-name, vol-pool --------- */

#define FIELD(label, fmt, ...) printf("%-15s " fmt "\n", label, __VA_ARGS__)

static int
print_info(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    struct vireo_storage_vol_info info = { 0 };
    struct vireo_error err = { 0 };

    FIELD("Name:", "%s", vireo_storage_vol_get_name(vol));
    if (vireo_storage_vol_get_info(vol, &info, &err) < 0) {
        cli_report(&err);
        return -1;
    }
    FIELD("Type:", "%s", vol_types[info.type]);
    cli_print_size("Capacity:", info.capacity, cmd_has(cmd, "bytes"),
                   " bytes");
    cli_print_size("Allocation:", info.allocation, cmd_has(cmd, "bytes"),
                   " bytes");
    return 0;
}

int
cmd_vol_info(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_info);
}

/* Print a string a call returns, or report its error. */
static int
print_text(char *text, const struct vireo_error *err)
{
    if (text == NULL) {
        cli_report(err);
        return -1;
    }
    fputs(text, stdout);
    free(text);
    return 0;
}

static int
print_xml(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };

    (void)cmd;
    return print_text(vireo_storage_vol_get_xml_desc(vol, 0, &err), &err);
}

int
cmd_vol_dumpxml(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_xml);
}

static int
print_path(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    int rc = print_text(vireo_storage_vol_get_path(vol, &err), &err);

    (void)cmd;
    if (rc == 0)
        putchar('\n');
    return rc;
}

int
cmd_vol_path(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_path);
}

static int
print_key(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    (void)cmd;
    printf("%s\n", vireo_storage_vol_get_key(vol));
    return 0;
}

int
cmd_vol_key(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_key);
}

static int
print_name(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    (void)cmd;
    printf("%s\n", vireo_storage_vol_get_name(vol));
    return 0;
}

int
cmd_vol_name(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_name);
}

static int
print_pool(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_volume(vol, &err);
    char uuid[VIREO_UUID_STRING_BUFLEN];

    if (pool == NULL) {
        cli_error("failed to get parent pool");
        cli_report(&err);
        return -1;
    }
    cli_format_uuid(vireo_storage_pool_get_uuid(pool), uuid);
    printf("%s\n", cmd_has(cmd, "uuid") ? uuid
                                         : vireo_storage_pool_get_name(pool));
    vireo_storage_pool_free(pool);
    return 0;
}

int
cmd_vol_pool(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, print_pool);
}

/* ---- vol-create-as, vol-delete -------------------------------------------- */

/* virsh's scaled sizes: a number and a 1024-based suffix (none: bytes). */
static bool
parse_size(const char *text, unsigned long long *bytes)
{
    static const char suffixes[] = "bkmgtpe";
    char *end = NULL;
    unsigned long long value = strtoull(text, &end, 10);
    const char *p;

    if (end == text || text[0] == '-')
        return false;
    if (*end == '\0') {
        *bytes = value;
        return true;
    }
    p = strchr(suffixes, end[0] | 0x20);
    if (p == NULL || (end[1] != '\0' && strcasecmp(end + 1, "ib") != 0 &&
                      strcasecmp(end + 1, "b") != 0))
        return false;
    for (long i = 1; i <= p - suffixes; i++)
        value *= strcasecmp(end + 1, "b") == 0 ? 1000 : 1024;
    *bytes = value;
    return true;
}

int
cmd_vol_create_as(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "name");
    const char *capacity = cmd_string(cmd, "capacity");
    const char *allocation = cmd_string(cmd, "allocation");
    const char *format = cmd_string(cmd, "format");
    unsigned long long cap_bytes, alloc_bytes = 0;
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool;
    struct vireo_storage_vol *vol;
    char xml[1024];

    if (!parse_size(capacity, &cap_bytes)) {
        cli_error("Malformed size %s", capacity);
        return -1;
    }
    if (allocation != NULL && !parse_size(allocation, &alloc_bytes)) {
        cli_error("Malformed size %s", allocation);
        return -1;
    }
    pool = cli_lookup_pool(s, cmd_string(cmd, "pool"), true);
    if (pool == NULL)
        return -1;
    snprintf(xml, sizeof(xml), "<volume><name>%s</name>"
             "<capacity>%llu</capacity>%s%.0llu%s%s%s%s</volume>", name,
             cap_bytes, allocation != NULL ? "<allocation>" : "",
             alloc_bytes, allocation != NULL ? "</allocation>" : "",
             format != NULL ? "<target><format type='" : "",
             format != NULL ? format : "",
             format != NULL ? "'/></target>" : "");
    vol = vireo_storage_vol_create_xml(pool, xml, 0, &err);
    vireo_storage_pool_free(pool);
    if (vol == NULL) {
        cli_error("Failed to create vol %s", name);
        cli_report(&err);
        return -1;
    }
    printf("Vol %s created\n", name);
    vireo_storage_vol_free(vol);
    return 0;
}

static int
delete_vol(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    const char *name = vireo_storage_vol_get_name(vol);

    (void)cmd;
    if (vireo_storage_vol_delete(vol, 0, &err) < 0) {
        cli_error("Failed to delete vol %s", name);
        cli_report(&err);
        return -1;
    }
    printf("Vol %s deleted\n", name);
    return 0;
}

int
cmd_vol_delete(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, delete_vol);
}

/* ---- vol-wipe, vol-resize ------------------------------------------------ */

/* virsh's names for virStorageVolWipeAlgorithm, in its order. */
static const char *const wipe_algorithms[] = {
    "zero", "nnsa", "dod", "bsi", "gutmann", "schneier", "pfitzner7",
    "pfitzner33", "random", "trim", NULL,
};

static int
wipe_vol(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    const char *word = cmd_string(cmd, "algorithm");
    const char *name = vireo_storage_vol_get_name(vol);
    struct vireo_error err = { 0 };
    int algorithm = 0, rc;

    if (word != NULL) {
        while (wipe_algorithms[algorithm] != NULL &&
               strcmp(wipe_algorithms[algorithm], word) != 0)
            algorithm++;
        if (wipe_algorithms[algorithm] == NULL) {
            cli_error("Unsupported algorithm '%s'", word);
            return -1;
        }
    }
    rc = word != NULL
         ? vireo_storage_vol_wipe_pattern(vol, (unsigned)algorithm, 0, &err)
         : vireo_storage_vol_wipe(vol, 0, &err);
    if (rc < 0) {
        cli_error("Failed to wipe vol %s", name);
        cli_report(&err);
        return -1;
    }
    printf("Vol %s wiped\n", name);
    return 0;
}

int
cmd_vol_wipe(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, wipe_vol);
}

static int
resize_vol(struct vireo_storage_vol *vol, const struct cmd *cmd)
{
    const char *capacity = cmd_string(cmd, "capacity");
    const char *name = vireo_storage_vol_get_name(vol);
    struct vireo_error err = { 0 };
    unsigned long long bytes;
    unsigned flags = 0;

    if (!parse_size(capacity, &bytes)) {
        cli_error("Malformed size %s", capacity);
        return -1;
    }
    if (cmd_has(cmd, "allocate"))
        flags |= VIREO_STORAGE_VOL_RESIZE_ALLOCATE;
    if (cmd_has(cmd, "delta"))
        flags |= VIREO_STORAGE_VOL_RESIZE_DELTA;
    if (cmd_has(cmd, "shrink"))
        flags |= VIREO_STORAGE_VOL_RESIZE_SHRINK;
    /* virsh says "by" for a delta. */
    if (vireo_storage_vol_resize(vol, bytes, flags, &err) < 0) {
        cli_error("Failed to change size of volume '%s' %s %s", name,
                  cmd_has(cmd, "delta") ? "by" : "to", capacity);
        cli_report(&err);
        return -1;
    }
    printf("Size of volume '%s' successfully changed %s %s\n", name,
           cmd_has(cmd, "delta") ? "by" : "to", capacity);
    return 0;
}

int
cmd_vol_resize(struct session *s, const struct cmd *cmd)
{
    return with_vol(s, cmd, resize_vol);
}

struct vireo_storage_vol *
cli_lookup_vol(struct session *s, const struct cmd *cmd)
{
    return lookup_vol(s, cmd);
}
