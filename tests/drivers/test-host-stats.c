/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-host-stats.c: the host's figures read as libvirt reads them, from
 * a copy of /proc and /sys (data/host): CPU times in libvirt's order and
 * sums, memory of the host and of each NUMA node, free memory per cell,
 * the CPU map, and libvirt's errors for a CPU or cell that is not there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/host_stats.h"
#include "tests/tap.h"

static char root[4096];

static void
test_cpu(void)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat p[4];
    unsigned long long tick = 1000000000ull / sysconf(_SC_CLK_TCK);
    int n = 0;

    host_cpu_stats(root, -1, NULL, &n, &err);
    tap_is_int(n, 4, "four CPU figures");
    tap_is_int(host_cpu_stats(root, -1, p, &n, &err), 0, "the whole host");
    tap_ok(strcmp(p[0].field, "kernel") == 0 && p[0].value == 313 * tick &&
           strcmp(p[1].field, "user") == 0 && p[1].value == 1020 * tick &&
           strcmp(p[2].field, "idle") == 0 && p[2].value == 5000 * tick &&
           strcmp(p[3].field, "iowait") == 0 && p[3].value == 40 * tick,
           "kernel is system + irq + softirq, user is user + nice, in ns");
    host_cpu_stats(root, 1, p, &n, &err);
    tap_ok(p[0].value == 156 * tick, "one CPU's own line");
    tap_is_int(host_cpu_stats(root, 2, p, &n, &err), -1, "no CPU 2");
    tap_is_str(err.message, "Invalid cpuNum in virHostCPUGetStatsLinux",
               "in libvirt's words");
    n = 3;
    tap_is_int(host_cpu_stats(root, -1, p, &n, &err), -1,
               "exactly four figures must be asked for");
}

static void
test_memory(void)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat p[4];
    int n = 0;

    host_memory_stats(root, -1, NULL, &n, &err);
    tap_is_int(n, 4, "four memory figures for the host");
    host_memory_stats(root, -1, p, &n, &err);
    tap_ok(strcmp(p[0].field, "total") == 0 && p[0].value == 8000000 &&
           strcmp(p[2].field, "buffers") == 0 &&
           strcmp(p[3].field, "cached") == 0 && p[3].value == 800000,
           "total, free, buffers, cached in KiB");
    n = 0;
    host_memory_stats(root, 1, NULL, &n, &err);
    tap_is_int(n, 2, "two for a cell");
    host_memory_stats(root, 1, p, &n, &err);
    tap_ok(strcmp(p[1].field, "free") == 0 && p[1].value == 2500000,
           "a cell's total and free, read past 'Node 1 '");
    tap_is_int(host_memory_stats(root, 2, NULL, &n, &err), -1, "no cell 2");
    tap_is_str(err.message, "cellNum in virHostMemGetStats must be less "
               "than or equal to 1", "in libvirt's words");
}

static void
test_free_memory_and_map(void)
{
    struct vireo_error err = { 0 };
    unsigned long long cells[4] = { 0 }, bytes = 0;
    unsigned char *map = NULL;
    unsigned online = 0;

    tap_is_int(host_cells_free_memory(root, cells, 0, 4, &err), 2,
               "two cells");
    tap_ok(cells[0] == 3000000ull * 1024 && cells[1] == 2500000ull * 1024,
           "their free memory in bytes");
    tap_is_int(host_cells_free_memory(root, cells, 2, 1, &err), -1,
               "no cell 2");
    tap_is_str(err.message, "internal error: start cell 2 out of range (0-1)",
               "in libvirt's words");
    host_free_memory(root, &bytes, &err);
    tap_ok(bytes == 5500000ull * 1024, "free memory of all cells");
    tap_is_int(host_cpu_map(root, &map, &online, &err), 6, "6 CPUs present");
    tap_ok(map && map[0] == 0x27 && online == 4, "0-2 and 5 online");
    free(map);
}

int
main(int argc, char **argv)
{
    snprintf(root, sizeof(root), "%s/host",
             argc > 1 ? argv[1] : "tests/drivers/data");
    test_cpu();
    test_memory();
    test_free_memory_and_map();
    return tap_done();
}
