/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * host_stats.c: the host's CPU times (/proc/stat), memory (/proc/meminfo
 * and each NUMA node's meminfo under /sys/devices/system/node) and CPU
 * map (/sys/devices/system/cpu/present and online), as libvirt reads
 * them in its virhostcpu.c and virhostmem.c (host_stats.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/host_stats.h"

#define N_CPU_STATS       4
#define N_MEM_STATS_HOST  4
#define N_MEM_STATS_CELL  2
#define NODE_DIR          "/sys/devices/system/node"

/* libvirt's invalid-argument reports carry no prefix. */
static int
invalid_arg(struct vireo_error *err, const char *message)
{
    return error_set_raw(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, message);
}

static FILE *
open_under(const char *root, const char *path, struct vireo_error *err)
{
    char full[4096];
    FILE *in;

    snprintf(full, sizeof(full), "%s%s", root, path);
    in = fopen(full, "re");
    if (in == NULL)
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot open %s: %s", full, strerror(errno));
    return in;
}

static void
set_stat(struct vireo_node_stat *stat, const char *field,
         unsigned long long value)
{
    snprintf(stat->field, sizeof(stat->field), "%s", field);
    stat->value = value;
}

/* ---- CPU times --------------------------------------------------------- */

/* One /proc/stat line's times into params: user and nice count as user,
 * system, irq and softirq as kernel. False if it has too few fields. */
static bool
parse_cpu_line(const char *line, struct vireo_node_stat *params)
{
    unsigned long long usr = 0, ni = 0, sys = 0, idle = 0, iowait = 0;
    unsigned long long irq = 0, softirq = 0;
    unsigned long long ns_per_tick = 1000000000ull / sysconf(_SC_CLK_TCK);

    if (sscanf(line, "%*s %llu %llu %llu %llu %llu %llu %llu", &usr, &ni,
               &sys, &idle, &iowait, &irq, &softirq) < 4)
        return false;
    set_stat(&params[0], "kernel", (sys + irq + softirq) * ns_per_tick);
    set_stat(&params[1], "user", (usr + ni) * ns_per_tick);
    set_stat(&params[2], "idle", idle * ns_per_tick);
    set_stat(&params[3], "iowait", iowait * ns_per_tick);
    return true;
}

int
host_cpu_stats(const char *root, int cpu_num,
               struct vireo_node_stat *params, int *n_params,
               struct vireo_error *err)
{
    char header[32], line[1024], message[128];
    FILE *in;

    if (params == NULL) {
        *n_params = N_CPU_STATS;
        return 0;
    }
    if (*n_params != N_CPU_STATS) {
        snprintf(message, sizeof(message), "nparams in "
                 "virHostCPUGetStatsLinux must be equal to %d", N_CPU_STATS);
        return invalid_arg(err, message);
    }
    if (cpu_num == -1)
        snprintf(header, sizeof(header), "cpu ");
    else
        snprintf(header, sizeof(header), "cpu%d ", cpu_num);
    in = open_under(root, "/proc/stat", err);
    if (in == NULL)
        return -1;
    while (fgets(line, sizeof(line), in) != NULL)
        if (strncmp(line, header, strlen(header)) == 0 &&
            parse_cpu_line(line, params)) {
            fclose(in);
            return 0;
        }
    fclose(in);
    return invalid_arg(err, "Invalid cpuNum in virHostCPUGetStatsLinux");
}

/* ---- Memory ------------------------------------------------------------ */

/* The highest NUMA node number, or -1 where the host shows none. */
static int
max_node(const char *root)
{
    char path[4096];
    DIR *d;
    struct dirent *e;
    int max = -1;

    snprintf(path, sizeof(path), "%s%s", root, NODE_DIR);
    d = dir_open(path);
    while (d != NULL && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, "node", 4) == 0 &&
            isdigit((unsigned char)e->d_name[4]) &&
            atoi(e->d_name + 4) > max)
            max = atoi(e->d_name + 4);
    if (d != NULL)
        closedir(d);
    return max;
}

static const char *const meminfo_fields[][2] = {
    { "MemTotal:", "total" }, { "MemFree:", "free" },
    { "Buffers:", "buffers" }, { "Cached:", "cached" },
};

/* The figures of a meminfo file in the file's order, at most want of
 * them; a node's lines start "Node N ". How many, or -1. */
static int
read_meminfo(FILE *in, struct vireo_node_stat *params, int want,
             struct vireo_error *err)
{
    char line[512], name[64];
    unsigned long long kib;
    int found = 0;

    while (found < want && fgets(line, sizeof(line), in) != NULL) {
        const char *p = line;

        if (strncmp(p, "Node ", 5) == 0 && (p = strchr(p + 5, ' ')) == NULL)
            continue;
        if (sscanf(p, "%63s %llu kB", name, &kib) < 2)
            continue;
        for (size_t i = 0; i < sizeof(meminfo_fields) /
                               sizeof(*meminfo_fields); i++)
            if (strcmp(name, meminfo_fields[i][0]) == 0)
                set_stat(&params[found++], meminfo_fields[i][1], kib);
    }
    if (found == 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "no available memory line found");
    return found;
}

/* The meminfo file of cell (-1: the host's), after libvirt's checks. */
static FILE *
open_meminfo(const char *root, int cell, struct vireo_error *err)
{
    char path[128], message[128];
    int max;

    if (cell == -1)
        return open_under(root, "/proc/meminfo", err);
    max = max_node(root);
    if (max < 0) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                  "NUMA not supported on this host");
        return NULL;
    }
    if (cell > max) {
        snprintf(message, sizeof(message), "cellNum in virHostMemGetStats "
                 "must be less than or equal to %d", max);
        invalid_arg(err, message);
        return NULL;
    }
    snprintf(path, sizeof(path), NODE_DIR "/node%d/meminfo", cell);
    return open_under(root, path, err);
}

int
host_memory_stats(const char *root, int cell_num,
                  struct vireo_node_stat *params, int *n_params,
                  struct vireo_error *err)
{
    int want = cell_num == -1 ? N_MEM_STATS_HOST : N_MEM_STATS_CELL;
    char message[128];
    FILE *in = open_meminfo(root, cell_num, err);
    int n;

    if (in == NULL)
        return -1;
    if (params == NULL || *n_params != want) {
        fclose(in);
        if (params == NULL) {
            *n_params = want;
            return 0;
        }
        snprintf(message, sizeof(message),
                 "nparams in virHostMemGetStatsLinux must be %d", want);
        return invalid_arg(err, message);
    }
    n = read_meminfo(in, params, want, err);
    fclose(in);
    if (n < 0)
        return -1;
    *n_params = n;
    return 0;
}

/* A cell's free memory in bytes, from its meminfo. */
static int
cell_free_bytes(const char *root, int cell, unsigned long long *bytes,
                struct vireo_error *err)
{
    struct vireo_node_stat stats[N_MEM_STATS_CELL];
    char path[128];
    FILE *in;
    int n;

    snprintf(path, sizeof(path), NODE_DIR "/node%d/meminfo", cell);
    in = open_under(root, path, err);
    if (in == NULL)
        return -1;
    n = read_meminfo(in, stats, N_MEM_STATS_CELL, err);
    fclose(in);
    for (int i = 0; i < n; i++)
        if (strcmp(stats[i].field, "free") == 0) {
            *bytes = stats[i].value * 1024;
            return 0;
        }
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                     "Failed to query NUMA free memory for node: %d", cell);
}

int
host_cells_free_memory(const char *root, unsigned long long *free_bytes,
                       int start_cell, int max_cells,
                       struct vireo_error *err)
{
    int max = max_node(root), n = 0;

    if (max < 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "NUMA not supported on this host");
    if (start_cell > max)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                         "start cell %d out of range (0-%d)", start_cell,
                         max);
    for (int cell = start_cell; cell <= max && n < max_cells; cell++)
        if (cell_free_bytes(root, cell, &free_bytes[n++], err) < 0)
            return -1;
    return n;
}

/* libvirt skips a cell it cannot read. */
int
host_free_memory(const char *root, unsigned long long *free_bytes,
                 struct vireo_error *err)
{
    int max = max_node(root);

    *free_bytes = 0;
    for (int cell = 0; cell <= max; cell++) {
        unsigned long long bytes;
        struct vireo_error ignored = { 0 };

        if (cell_free_bytes(root, cell, &bytes, &ignored) == 0)
            *free_bytes += bytes;
    }
    return 0;
}

/* ---- CPU map ----------------------------------------------------------- */

/* Set a bit per CPU a list such as "0-3,6" names, below n. */
static void
set_list(unsigned char *map, int n, const char *list)
{
    while (*list != '\0') {
        char *end;
        long first = strtol(list, &end, 10), last = first;

        if (end == list)
            break;
        if (*end == '-')
            last = strtol(end + 1, &end, 10);
        for (long cpu = first; cpu <= last && cpu < n; cpu++)
            map[cpu / 8] |= 1u << (cpu % 8);
        list = *end == ',' ? end + 1 : end;
    }
}

/* The highest number a list names, or -1. */
static int
list_max(const char *list)
{
    const char *p = list + strlen(list);

    while (p > list && !isdigit((unsigned char)p[-1]))
        p--;
    while (p > list && isdigit((unsigned char)p[-1]))
        p--;
    return isdigit((unsigned char)*p) ? atoi(p) : -1;
}

static int
read_list(const char *root, const char *path, char *buf, size_t size,
          struct vireo_error *err)
{
    FILE *in = open_under(root, path, err);

    if (in == NULL)
        return -1;
    if (fgets(buf, (int)size, in) == NULL)
        buf[0] = '\0';
    fclose(in);
    buf[strcspn(buf, "\n")] = '\0';
    return 0;
}

int
host_cpu_map(const char *root, unsigned char **map, unsigned *online,
             struct vireo_error *err)
{
    char present[1024], online_list[1024];
    unsigned char *bits;
    int n;

    if (read_list(root, "/sys/devices/system/cpu/present", present,
                  sizeof(present), err) < 0 ||
        read_list(root, "/sys/devices/system/cpu/online", online_list,
                  sizeof(online_list), err) < 0)
        return -1;
    n = list_max(present) + 1;
    bits = calloc(n / 8 + 1, 1);
    if (bits == NULL)
        return error_no_memory(err);
    set_list(bits, n, online_list);
    if (online != NULL) {
        *online = 0;
        for (int cpu = 0; cpu < n; cpu++)
            *online += (bits[cpu / 8] >> (cpu % 8)) & 1;
    }
    if (map != NULL)
        *map = bits;
    else
        free(bits);
    return n;
}
