/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * host_stats.h: the real host's CPU and memory figures, read from /proc
 * and /sys as libvirt's own host code reads them, so that a hypervisor
 * driver answers libvirt's node calls with libvirt's figures, order and
 * errors. root prefixes every path ("" for the host's own files; tests
 * give a directory of their own). Stateless; any thread.
 */
#ifndef VIREO_DRIVERS_HOST_STATS_H
#define VIREO_DRIVERS_HOST_STATS_H

#include "api/vireo.h"

/* virNodeGetCPUStats: kernel, user, idle and iowait times in ns, of CPU
 * cpu_num (-1: all). params NULL: set *n_params to 4. Else *n_params
 * must be 4, as libvirt demands. 0, or -1 with err set. */
int host_cpu_stats(const char *root, int cpu_num,
                   struct vireo_node_stat *params, int *n_params,
                   struct vireo_error *err);

/* virNodeGetMemoryStats: total, free, buffers and cached (KiB) of the
 * host, or total and free of NUMA cell cell_num. params NULL: set
 * *n_params to how many; else *n_params must be that. 0, or -1. */
int host_memory_stats(const char *root, int cell_num,
                      struct vireo_node_stat *params, int *n_params,
                      struct vireo_error *err);

/* virNodeGetCellsFreeMemory: free bytes of up to max_cells NUMA cells
 * from start_cell; how many, or -1. */
int host_cells_free_memory(const char *root, unsigned long long *free_bytes,
                           int start_cell, int max_cells,
                           struct vireo_error *err);

/* virNodeGetFreeMemory: the free bytes of every NUMA cell together. */
int host_free_memory(const char *root, unsigned long long *free_bytes,
                     struct vireo_error *err);

/* virNodeGetCPUMap: how many CPUs are present (the highest id + 1), or
 * -1; *map (malloc'ed, if map is not NULL) has a bit per online CPU, and
 * *online (if not NULL) counts them. */
int host_cpu_map(const char *root, unsigned char **map, unsigned *online,
                 struct vireo_error *err);

#endif /* VIREO_DRIVERS_HOST_STATS_H */
