/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_node.c: the host figures of a QEMU host, which are the real
 * host's (host_stats.h: /proc and /sys, read as libvirt reads them), and
 * the CPU models of libvirt's CPU map. Driver thread; the reads are of
 * small kernel files and never wait.
 */
#include "drivers/cpu_map.h"
#include "drivers/error.h"
#include "drivers/host_stats.h"
#include "drivers/qemu/qemu_slots.h"

/* The host's own files, not a test's copy. */
#define HOST_ROOT ""

int
qemudrv_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                           struct vireo_node_stat *params, int *n_params,
                           unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_NONE, flags, 0,
                          "virHostCPUGetStats") < 0)
        return -1;
    return host_cpu_stats(HOST_ROOT, cpu_num, params, n_params, err);
}

int
qemudrv_node_get_memory_stats(struct vireo_conn *conn, int cell_num,
                              struct vireo_node_stat *params, int *n_params,
                              unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_NONE, flags, 0,
                          "virHostMemGetStats") < 0)
        return -1;
    return host_memory_stats(HOST_ROOT, cell_num, params, n_params, err);
}

int
qemudrv_node_get_cells_free_memory(struct vireo_conn *conn,
                                   unsigned long long *free_bytes,
                                   int start_cell, int max_cells,
                                   struct vireo_error *err)
{
    return host_cells_free_memory(HOST_ROOT, free_bytes, start_cell,
                                  max_cells, err);
}

int
qemudrv_node_get_free_memory(struct vireo_conn *conn,
                             unsigned long long *free_bytes,
                             struct vireo_error *err)
{
    return host_free_memory(HOST_ROOT, free_bytes, err);
}

int
qemudrv_node_get_cpu_map(struct vireo_conn *conn, unsigned char **cpumap,
                         unsigned *online, unsigned flags,
                         struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_NONE, flags, 0,
                          "virHostCPUGetMap") < 0)
        return -1;
    return host_cpu_map(HOST_ROOT, cpumap, online, err);
}

int
qemudrv_conn_get_cpu_model_names(struct vireo_conn *conn, const char *arch,
                                 char ***models, unsigned flags,
                                 struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, 0,
                          "qemuConnectGetCPUModelNames") < 0)
        return -1;
    return cpu_map_model_names(CPU_MAP_DIR, arch, models, VIR_FROM_QEMU,
                               err);
}
