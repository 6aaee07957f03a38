/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_lvm_parse.c: the LVM tools' output, line by line, matched
 * with the patterns libvirt's logical backend uses, so that a line it
 * would skip is skipped here too.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_lvm_parse.h"

#define MAX_GROUPS 11
/* A line of pvs: a physical volume and its group. One of no group
 * prints a single word and does not match. */
#define PVS_PATTERN "^\\s*(\\S+)\\s+(\\S+)\\s*$"

/* Owned by the caller, on its stack: one line's groups, as strings. */
struct match {
    char *group[MAX_GROUPS];
    int   n_groups;
};

static void
match_clear(struct match *m)
{
    for (int i = 0; i < m->n_groups; i++)
        free(m->group[i]);
    m->n_groups = 0;
}

/* Match line against re (n_groups groups); true with m filled. */
static bool
match_line(const regex_t *re, const char *line, int n_groups, struct match *m)
{
    regmatch_t at[MAX_GROUPS + 1];

    m->n_groups = 0;
    if (regexec(re, line, (size_t)n_groups + 1, at, 0) != 0)
        return false;
    for (int i = 1; i <= n_groups; i++) {
        int len = at[i].rm_so < 0 ? 0 : (int)(at[i].rm_eo - at[i].rm_so);

        m->group[i - 1] = strndup(at[i].rm_so < 0 ? "" : line + at[i].rm_so,
                                  (size_t)len);
        m->n_groups = i;
        if (m->group[i - 1] == NULL) {
            match_clear(m);
            return false;
        }
    }
    return true;
}

/* The next line of *text, malloc'ed and without its newline; NULL at
 * the end (or when memory is short). */
static char *
next_line(const char **text)
{
    const char *end;
    char *line;

    if (**text == '\0')
        return NULL;
    end = strchr(*text, '\n');
    if (end == NULL)
        end = *text + strlen(*text);
    line = strndup(*text, (size_t)(end - *text));
    *text = *end == '\n' ? end + 1 : end;
    return line;
}

static bool
to_ull(const char *word, unsigned long long *value)
{
    char *end;

    if (*word == '\0' || *word == '-')
        return false;
    *value = strtoull(word, &end, 10);
    return *end == '\0';
}

/* ---- pvs ------------------------------------------------------------- */

void
lvm_parse_pvs(const char *text, const char *vg_name, char *const *devices,
              int n_devices, bool *has_vg, int *n_matching)
{
    regex_t re;
    char *line;

    *has_vg = false;
    *n_matching = 0;
    if (regcomp(&re, PVS_PATTERN, REG_EXTENDED) != 0)
        return;
    while ((line = next_line(&text)) != NULL) {
        struct match m;

        if (match_line(&re, line, 2, &m)) {
            if (strcmp(m.group[1], vg_name) == 0) {
                *has_vg = true;
                for (int i = 0; i < n_devices; i++)
                    if (strcmp(devices[i], m.group[0]) == 0)
                        (*n_matching)++;
            }
            match_clear(&m);
        }
        free(line);
    }
    regfree(&re);
}

/* The source of group vg_name in srcs, added (with its name) if it is
 * not there yet; NULL when memory is short. */
static struct storage_pool_source *
source_of(struct storage_pool_source **srcs, int *n_srcs,
          const char *vg_name)
{
    struct storage_pool_source *grown, *src;

    for (int i = 0; i < *n_srcs; i++)
        if (strcmp((*srcs)[i].name, vg_name) == 0)
            return &(*srcs)[i];
    grown = realloc(*srcs, ((size_t)*n_srcs + 1) * sizeof(**srcs));
    if (grown == NULL)
        return NULL;
    *srcs = grown;
    src = &grown[*n_srcs];
    memset(src, 0, sizeof(*src));
    if ((src->name = strdup(vg_name)) == NULL)
        return NULL;
    src->format = LVM_SOURCE_FORMAT_LVM2;
    (*n_srcs)++;
    return src;
}

static int
add_device(struct storage_pool_source *src, const char *path)
{
    char **grown = realloc(src->devices,
                           ((size_t)src->n_devices + 1) * sizeof(*grown));

    if (grown == NULL)
        return -1;
    src->devices = grown;
    if ((grown[src->n_devices] = strdup(path)) == NULL)
        return -1;
    src->n_devices++;
    return 0;
}

int
lvm_parse_sources(const char *text, struct storage_pool_source **srcs)
{
    struct storage_pool_source *src;
    int n_srcs = 0, rc = 0;
    regex_t re;
    char *line;

    *srcs = NULL;
    if (regcomp(&re, PVS_PATTERN, REG_EXTENDED) != 0)
        return -1;
    while (rc == 0 && (line = next_line(&text)) != NULL) {
        struct match m;

        if (match_line(&re, line, 2, &m)) {
            src = source_of(srcs, &n_srcs, m.group[1]);
            rc = src != NULL ? add_device(src, m.group[0]) : -1;
            match_clear(&m);
        }
        free(line);
    }
    regfree(&re);
    if (rc < 0) {
        lvm_sources_free(*srcs, n_srcs);
        *srcs = NULL;
        return -1;
    }
    return n_srcs;
}

void
lvm_sources_free(struct storage_pool_source *srcs, int n_srcs)
{
    for (int i = 0; i < n_srcs; i++)
        storage_pool_source_clear(&srcs[i]);
    free(srcs);
}

/* ---- vgs ------------------------------------------------------------- */

int
lvm_parse_vgs(const char *text, unsigned long long *capacity,
              unsigned long long *available, struct vireo_error *err)
{
    regex_t re;
    char *line;
    int rc = 0;

    if (regcomp(&re, "^\\s*(\\S+):([0-9]+):?\\s*$", REG_EXTENDED) != 0)
        return error_no_memory(err);
    while (rc == 0 && (line = next_line(&text)) != NULL) {
        struct match m;

        if (match_line(&re, line, 2, &m)) {
            if (!to_ull(m.group[0], capacity) ||
                !to_ull(m.group[1], available))
                rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                               "%s", "Failed to parse vgs output");
            match_clear(&m);
        }
        free(line);
    }
    regfree(&re);
    return rc;
}

/* ---- lvs ------------------------------------------------------------- */

/* The groups of one lvs line, by LVM_LVS_OPTIONS. */
enum { LV_NAME, LV_ORIGIN, LV_UUID, LV_DEVICES, LV_SEGTYPE, LV_STRIPES,
       LV_SEG_SIZE, LV_EXTENT_SIZE, LV_SIZE, LV_ATTR, LV_N_GROUPS };

/* The numbers of a line, checked with libvirt's words for each. */
static int
check_numbers(struct match *m, unsigned long long *size,
              struct vireo_error *err)
{
    unsigned long long value;

    if (!to_ull(m->group[LV_STRIPES], &value))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "malformed volume extent stripes value");
    if (!to_ull(m->group[LV_SEG_SIZE], &value))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "malformed volume extent length value");
    if (!to_ull(m->group[LV_EXTENT_SIZE], &value))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "malformed volume extent size value");
    if (!to_ull(m->group[LV_SIZE], size))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "malformed volume allocation value");
    return 0;
}

static bool
has_name(struct storage_vol_def **vols, int n_vols, const char *name)
{
    for (int i = 0; i < n_vols; i++)
        if (strcmp(vols[i]->name, name) == 0)
            return true;
    return false;
}

/* One line's volume: a block device named after the LV, keyed by its
 * uuid, its origin (a snapshot's) as backing store unless lvs shows it
 * in brackets (LVM's own hidden volumes). NULL when memory is short. */
static struct storage_vol_def *
vol_of(struct match *m, const char *target_path, unsigned long long size)
{
    struct storage_vol_def *vol = calloc(1, sizeof(*vol));
    const char *origin = m->group[LV_ORIGIN];

    if (vol == NULL)
        return NULL;
    vol->type = VIR_STORAGE_VOL_BLOCK;
    vol->capacity = size;
    vol->allocation = size;
    vol->target.perms.mode = vol->target.perms.uid = -1;
    vol->target.perms.gid = -1;
    vol->backing.perms = vol->target.perms;
    if ((vol->name = strdup(m->group[LV_NAME])) == NULL ||
        (vol->key = strdup(m->group[LV_UUID])) == NULL ||
        asprintf(&vol->target.path, "%s/%s", target_path, vol->name) < 0) {
        vol->target.path = NULL;
        storage_vol_def_free(vol);
        return NULL;
    }
    if (origin[0] != '\0' && origin[0] != '[') {
        vol->has_backing = true;
        if (asprintf(&vol->backing.path, "%s/%s", target_path, origin) < 0) {
            vol->backing.path = NULL;
            storage_vol_def_free(vol);
            return NULL;
        }
    }
    return vol;
}

/* Add the volume of a matched line to *vols unless libvirt skips it.
 * 0, or -1 with err set. */
static int
take_line(struct match *m, const char *target_path,
          struct storage_vol_def ***vols, int *n_vols,
          struct vireo_error *err)
{
    const char *attr = m->group[LV_ATTR];
    unsigned long long size = 0;
    struct storage_vol_def **grown;

    if (attr[0] == 't' || strlen(attr) < 5 || attr[4] != 'a' ||
        has_name(*vols, *n_vols, m->group[LV_NAME]))
        return 0;
    if (check_numbers(m, &size, err) < 0)
        return -1;
    grown = realloc(*vols, ((size_t)*n_vols + 1) * sizeof(**vols));
    if (grown == NULL)
        return error_no_memory(err);
    *vols = grown;
    if ((grown[*n_vols] = vol_of(m, target_path, size)) == NULL)
        return error_no_memory(err);
    (*n_vols)++;
    return 0;
}

int
lvm_parse_lvs(const char *text, const char *target_path,
              struct storage_vol_def ***vols, struct vireo_error *err)
{
    regex_t re;
    char *line;
    int n_vols = 0, rc = 0;

    *vols = NULL;
    if (regcomp(&re, "^\\s*(\\S+)#(\\S*)#(\\S+)#(\\S+)#(\\S+)#([0-9]+)#"
                     "(\\S+)#([0-9]+)#([0-9]+)#(\\S+)#?\\s*$",
                REG_EXTENDED) != 0)
        return error_no_memory(err);
    while (rc == 0 && (line = next_line(&text)) != NULL) {
        struct match m;

        if (match_line(&re, line, LV_N_GROUPS, &m)) {
            rc = take_line(&m, target_path, vols, &n_vols, err);
            match_clear(&m);
        }
        free(line);
    }
    regfree(&re);
    if (rc < 0) {
        lvm_vols_free(*vols, n_vols);
        *vols = NULL;
        return -1;
    }
    return n_vols;
}

void
lvm_vols_free(struct storage_vol_def **vols, int n_vols)
{
    for (int i = 0; i < n_vols; i++)
        storage_vol_def_free(vols[i]);
    free(vols);
}
