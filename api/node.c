/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * node.c: the host and hypervisor figures a connection reports: vCPU
 * limit, SMBIOS, CPU and memory statistics, free memory and pages, CPU
 * map and CPU models. Arguments are checked as libvirt checks them.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* libvirt's "all CPUs" and "all cells", the only negative numbers the
 * statistics calls take. */
#define ALL_OF_THEM (-1)

/* 0 if conn's driver fills the slot, else -1 with VIR_ERR_NO_SUPPORT. */
static int
need(const struct vireo_conn *conn, bool has_slot, const char *func,
     struct vireo_error *err)
{
    return has_slot ? 0 : error_unsupported(err, conn->driver, func);
}

int
vireo_conn_get_max_vcpus(struct vireo_conn *conn, const char *type,
                         struct vireo_error *err)
{
    const char *func = "virConnectGetMaxVcpus";

    if (check_conn(conn, func, err) < 0 ||
        need(conn, conn->driver->conn_get_max_vcpus != NULL, func, err) < 0)
        return -1;
    return conn->driver->conn_get_max_vcpus(conn, type, err);
}

char *
vireo_conn_get_sysinfo(struct vireo_conn *conn, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virConnectGetSysinfo";

    if (check_conn(conn, func, err) < 0 ||
        need(conn, conn->driver->conn_get_sysinfo != NULL, func, err) < 0)
        return NULL;
    return conn->driver->conn_get_sysinfo(conn, flags, err);
}

static int
check_stats(const struct vireo_conn *conn, int which, const char *which_name,
            const int *n_params, const char *func, struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_non_null(n_params, "nparams", func, err) < 0 ||
        check_non_negative(*n_params, "nparams", func, err) < 0)
        return -1;
    if (which < 0 && which != ALL_OF_THEM)
        return check_invalid_arg(err, "%s in %s only accepts %d as a "
                                 "negative value", which_name, func,
                                 ALL_OF_THEM);
    return 0;
}

int
vireo_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                         struct vireo_node_stat *params, int *n_params,
                         unsigned flags, struct vireo_error *err)
{
    const char *func = "virNodeGetCPUStats";

    if (check_stats(conn, cpu_num, "cpuNum", n_params, func, err) < 0 ||
        need(conn, conn->driver->node_get_cpu_stats != NULL, func, err) < 0)
        return -1;
    return conn->driver->node_get_cpu_stats(conn, cpu_num,
                                            *n_params ? params : NULL,
                                            n_params, flags, err);
}

int
vireo_node_get_memory_stats(struct vireo_conn *conn, int cell_num,
                            struct vireo_node_stat *params, int *n_params,
                            unsigned flags, struct vireo_error *err)
{
    const char *func = "virNodeGetMemoryStats";

    if (check_stats(conn, cell_num, "cellNum", n_params, func, err) < 0 ||
        need(conn, conn->driver->node_get_memory_stats != NULL, func,
             err) < 0)
        return -1;
    return conn->driver->node_get_memory_stats(conn, cell_num,
                                               *n_params ? params : NULL,
                                               n_params, flags, err);
}

int
vireo_node_get_cells_free_memory(struct vireo_conn *conn,
                                 unsigned long long *free_bytes,
                                 int start_cell, int max_cells,
                                 struct vireo_error *err)
{
    const char *func = "virNodeGetCellsFreeMemory";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(free_bytes, "freeMems", func, err) < 0 ||
        check_non_negative(start_cell, "startCell", func, err) < 0)
        return -1;
    if (max_cells <= 0)
        return check_invalid_arg(err, "maxCells in %s must be greater "
                                 "than zero", func);
    if (need(conn, conn->driver->node_get_cells_free_memory != NULL, func,
             err) < 0)
        return -1;
    return conn->driver->node_get_cells_free_memory(conn, free_bytes,
                                                    start_cell, max_cells,
                                                    err);
}

unsigned long long
vireo_node_get_free_memory(struct vireo_conn *conn, struct vireo_error *err)
{
    const char *func = "virNodeGetFreeMemory";
    unsigned long long bytes = 0;

    if (check_conn(conn, func, err) < 0 ||
        need(conn, conn->driver->node_get_free_memory != NULL, func,
             err) < 0 ||
        conn->driver->node_get_free_memory(conn, &bytes, err) < 0)
        return 0;
    return bytes;
}

int
vireo_node_get_free_pages(struct vireo_conn *conn, unsigned n_pages,
                          const unsigned *pages_kib, int start_cell,
                          unsigned cell_count, unsigned long long *counts,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virNodeGetFreePages";

    if (check_conn(conn, func, err) < 0)
        return -1;
    if (n_pages == 0)
        return check_invalid_arg(err, "npages in %s must not be zero", func);
    if (check_non_null(pages_kib, "pages", func, err) < 0)
        return -1;
    if (cell_count == 0)
        return check_invalid_arg(err, "cellCount in %s must not be zero",
                                 func);
    if (check_non_null(counts, "counts", func, err) < 0 ||
        need(conn, conn->driver->node_get_free_pages != NULL, func, err) < 0)
        return -1;
    return conn->driver->node_get_free_pages(conn, n_pages, pages_kib,
                                             start_cell, cell_count, counts,
                                             flags, err);
}

int
vireo_node_get_cpu_map(struct vireo_conn *conn, unsigned char **cpumap,
                       unsigned *online, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virNodeGetCPUMap";

    if (check_conn(conn, func, err) < 0 ||
        need(conn, conn->driver->node_get_cpu_map != NULL, func, err) < 0)
        return -1;
    return conn->driver->node_get_cpu_map(conn, cpumap, online, flags, err);
}

int
vireo_conn_get_cpu_model_names(struct vireo_conn *conn, const char *arch,
                               char ***models, unsigned flags,
                               struct vireo_error *err)
{
    const char *func = "virConnectGetCPUModelNames";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(arch, "arch", func, err) < 0 ||
        need(conn, conn->driver->conn_get_cpu_model_names != NULL, func,
             err) < 0)
        return -1;
    return conn->driver->conn_get_cpu_model_names(conn, arch, models, flags,
                                                  err);
}

char *
vireo_conn_baseline_cpu(struct vireo_conn *conn, const char *const *xml_cpus,
                        unsigned n_cpus, unsigned flags,
                        struct vireo_error *err)
{
    const char *func = "virConnectBaselineCPU";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(xml_cpus, "xmlCPUs", func, err) < 0 ||
        need(conn, conn->driver->conn_baseline_cpu != NULL, func, err) < 0)
        return NULL;
    return conn->driver->conn_baseline_cpu(conn, xml_cpus, n_cpus, flags,
                                           err);
}
