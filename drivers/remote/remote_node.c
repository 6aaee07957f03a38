/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_node.c: the host and hypervisor calls, each one call to the
 * daemon, answered as libvirt's remote driver answers them. What a reply
 * holds is copied out, or taken over where the caller frees it.
 */
#include <rpc/xdr.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

int
remotedrv_conn_get_max_vcpus(struct vireo_conn *conn, const char *type,
                             struct vireo_error *err)
{
    remote_connect_get_max_vcpus_args args = { 0 };
    remote_connect_get_max_vcpus_ret ret = { 0 };
    char *copy = (char *)type;

    args.type = type != NULL ? &copy : NULL;
    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_MAX_VCPUS, &args, &ret,
                    err) < 0)
        return -1;
    return ret.max_vcpus;
}

char *
remotedrv_conn_get_sysinfo(struct vireo_conn *conn, unsigned flags,
                           struct vireo_error *err)
{
    remote_connect_get_sysinfo_args args = { .flags = flags };
    remote_connect_get_sysinfo_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_SYSINFO, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.sysinfo;
}

/* A reply's figures into params, at most *n_params of them: libvirt's
 * client refuses more than it asked for. The wire's records (CPU and
 * memory statistics each have their own type, alike but for the name)
 * are elem_size bytes, with field and value at those offsets. */
static int
take_stats(struct vireo_node_stat *params, int *n_params, const char *api,
           const void *records, u_int len, size_t elem_size,
           size_t field_at, size_t value_at, struct vireo_error *err)
{
    if ((int)len > *n_params)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "%s: returned number of stats exceeds limit", api);
    for (*n_params = 0; *n_params < (int)len; (*n_params)++) {
        const char *record = (const char *)records + *n_params * elem_size;
        const char *field;

        memcpy(&field, record + field_at, sizeof(field));
        snprintf(params[*n_params].field, sizeof(params[*n_params].field),
                 "%s", field);
        memcpy(&params[*n_params].value, record + value_at,
               sizeof(params[*n_params].value));
    }
    return 0;
}

#define TAKE_STATS(params, n_params, api, list, type, err)               \
    take_stats(params, n_params, api, (list).params_val,                \
               (list).params_len, sizeof(type), offsetof(type, field),  \
               offsetof(type, value), err)

int
remotedrv_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                             struct vireo_node_stat *params, int *n_params,
                             unsigned flags, struct vireo_error *err)
{
    remote_node_get_cpu_stats_args args = {
        .cpuNum = cpu_num, .nparams = params ? *n_params : 0, .flags = flags,
    };
    remote_node_get_cpu_stats_ret ret;
    int rc = 0;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_CPU_STATS, &args, &ret,
                    err) < 0)
        return -1;
    if (params == NULL)
        *n_params = ret.nparams;
    else
        rc = TAKE_STATS(params, n_params, "remoteNodeGetCPUStats",
                        ret.params, remote_node_get_cpu_stats, err);
    xdr_free((xdrproc_t)xdr_remote_node_get_cpu_stats_ret, &ret);
    return rc;
}

int
remotedrv_node_get_memory_stats(struct vireo_conn *conn, int cell_num,
                                struct vireo_node_stat *params,
                                int *n_params, unsigned flags,
                                struct vireo_error *err)
{
    remote_node_get_memory_stats_args args = {
        .cellNum = cell_num, .nparams = params ? *n_params : 0,
        .flags = flags,
    };
    remote_node_get_memory_stats_ret ret;
    int rc = 0;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_MEMORY_STATS, &args, &ret,
                    err) < 0)
        return -1;
    if (params == NULL)
        *n_params = ret.nparams;
    else
        rc = TAKE_STATS(params, n_params, "remoteNodeGetMemoryStats",
                        ret.params, remote_node_get_memory_stats, err);
    xdr_free((xdrproc_t)xdr_remote_node_get_memory_stats_ret, &ret);
    return rc;
}

int
remotedrv_node_get_cells_free_memory(struct vireo_conn *conn,
                                     unsigned long long *free_bytes,
                                     int start_cell, int max_cells,
                                     struct vireo_error *err)
{
    remote_node_get_cells_free_memory_args args = {
        .startCell = start_cell, .maxcells = max_cells,
    };
    remote_node_get_cells_free_memory_ret ret;
    int n;

    if (max_cells > REMOTE_NODE_MAX_CELLS)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "too many NUMA cells: %d > %d", max_cells,
                         REMOTE_NODE_MAX_CELLS);
    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_CELLS_FREE_MEMORY, &args,
                    &ret, err) < 0)
        return -1;
    n = (int)ret.cells.cells_len < max_cells ? (int)ret.cells.cells_len
                                             : max_cells;
    for (int i = 0; i < n; i++)
        free_bytes[i] = ret.cells.cells_val[i];
    xdr_free((xdrproc_t)xdr_remote_node_get_cells_free_memory_ret, &ret);
    return n;
}

int
remotedrv_node_get_free_memory(struct vireo_conn *conn,
                               unsigned long long *free_bytes,
                               struct vireo_error *err)
{
    remote_node_get_free_memory_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_NODE_GET_FREE_MEMORY, NULL, &ret,
                    err) < 0)
        return -1;
    *free_bytes = ret.freeMem;
    return 0;
}

int
remotedrv_node_get_free_pages(struct vireo_conn *conn, unsigned n_pages,
                              const unsigned *pages_kib, int start_cell,
                              unsigned cell_count, unsigned long long *counts,
                              unsigned flags, struct vireo_error *err)
{
    remote_node_get_free_pages_args args = {
        .pages = { n_pages, (u_int *)pages_kib },
        .startCell = start_cell, .cellCount = cell_count, .flags = flags,
    };
    remote_node_get_free_pages_ret ret;
    unsigned long long n_counts = (unsigned long long)n_pages * cell_count;
    int n;

    if (n_pages > REMOTE_NODE_MAX_CELLS || n_counts > REMOTE_NODE_MAX_CELLS)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE, "%s",
                         "too many NUMA cells or page sizes");
    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_FREE_PAGES, &args, &ret,
                    err) < 0)
        return -1;
    n = ret.counts.counts_len < n_counts ? (int)ret.counts.counts_len
                                         : (int)n_counts;
    for (int i = 0; i < n; i++)
        counts[i] = ret.counts.counts_val[i];
    xdr_free((xdrproc_t)xdr_remote_node_get_free_pages_ret, &ret);
    return n;
}

int
remotedrv_node_get_cpu_map(struct vireo_conn *conn, unsigned char **cpumap,
                           unsigned *online, unsigned flags,
                           struct vireo_error *err)
{
    remote_node_get_cpu_map_args args = {
        .need_map = cpumap != NULL, .need_online = online != NULL,
        .flags = flags,
    };
    remote_node_get_cpu_map_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_CPU_MAP, &args, &ret,
                    err) < 0)
        return -1;
    if (cpumap != NULL) {
        *cpumap = calloc(ret.cpumap.cpumap_len + 1, 1);
        if (*cpumap == NULL) {
            xdr_free((xdrproc_t)xdr_remote_node_get_cpu_map_ret, &ret);
            return error_no_memory(err);
        }
        if (ret.cpumap.cpumap_len > 0)
            memcpy(*cpumap, ret.cpumap.cpumap_val, ret.cpumap.cpumap_len);
    }
    if (online != NULL)
        *online = ret.online;
    xdr_free((xdrproc_t)xdr_remote_node_get_cpu_map_ret, &ret);
    return ret.ret;
}

/* The reply's names become the caller's, as a NULL-ended array. */
int
remotedrv_conn_get_cpu_model_names(struct vireo_conn *conn, const char *arch,
                                   char ***models, unsigned flags,
                                   struct vireo_error *err)
{
    remote_connect_get_cpu_model_names_args args = {
        .arch = (char *)arch, .need_results = models != NULL,
        .flags = flags,
    };
    remote_connect_get_cpu_model_names_ret ret;
    char **names;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_CPU_MODEL_NAMES, &args,
                    &ret, err) < 0)
        return -1;
    if (models == NULL) {
        xdr_free((xdrproc_t)xdr_remote_connect_get_cpu_model_names_ret,
                 &ret);
        return ret.ret;
    }
    names = calloc(ret.models.models_len + 1, sizeof(*names));
    if (names == NULL) {
        xdr_free((xdrproc_t)xdr_remote_connect_get_cpu_model_names_ret,
                 &ret);
        return error_no_memory(err);
    }
    if (ret.models.models_len > 0)
        memcpy(names, ret.models.models_val,
               ret.models.models_len * sizeof(*names));
    free(ret.models.models_val);
    *models = names;
    return ret.ret;
}

char *
remotedrv_conn_baseline_cpu(struct vireo_conn *conn,
                            const char *const *xml_cpus, unsigned n_cpus,
                            unsigned flags, struct vireo_error *err)
{
    remote_connect_baseline_cpu_args args = {
        .xmlCPUs = { n_cpus, (char **)xml_cpus }, .flags = flags,
    };
    remote_connect_baseline_cpu_ret ret = { 0 };

    if (n_cpus > REMOTE_CPU_BASELINE_MAX) {
        error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                  "too many CPUs to baseline: %u > %d", n_cpus,
                  REMOTE_CPU_BASELINE_MAX);
        return NULL;
    }
    if (remote_call(conn, REMOTE_PROC_CONNECT_BASELINE_CPU, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.cpu;
}
