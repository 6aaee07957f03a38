/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_node.c: handlers of the host and hypervisor procedures: vCPU
 * limit, SMBIOS, CPU statistics, free memory, free pages, CPU map and CPU
 * models. Each checks what libvirtd checks before the driver is asked,
 * and answers in libvirtd's shape. Driver threads; what they allocate in
 * a reply is freed with it (xdr_free).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

/* What libvirtd answers when its driver fails without saying why. */
#define NO_ERROR_SET "Library function returned error but did not set virError"

/* A call the connection's driver lacks, in libvirt's words: the public
 * function's name (api). 0 if has_slot, else -1. */
static int
need(bool has_slot, const char *api, struct vireo_error *err)
{
    return has_slot ? 0 : error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_NONE,
                                    "%s", api);
}

int
dispatch_connect_get_max_vcpus(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_connect_get_max_vcpus_args *a = args;
    remote_connect_get_max_vcpus_ret *r = ret;
    int n;

    if (need(conn->driver->conn_get_max_vcpus != NULL,
             "virConnectGetMaxVcpus", err) < 0 ||
        (n = conn->driver->conn_get_max_vcpus(conn,
                                              a->type ? *a->type : NULL,
                                              err)) < 0)
        return -1;
    r->max_vcpus = n;
    return 0;
}

int
dispatch_connect_get_sysinfo(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_connect_get_sysinfo_args *a = args;
    remote_connect_get_sysinfo_ret *r = ret;

    if (need(conn->driver->conn_get_sysinfo != NULL,
             "virConnectGetSysinfo", err) < 0)
        return -1;
    return dispatch_take_string(&r->sysinfo,
                                conn->driver->conn_get_sysinfo(conn, a->flags,
                                                               err));
}

/* The figures into a reply's array of n + 1 wire records (CPU and memory
 * statistics have each their own record type, alike but for the name),
 * which the reply owns from then on: *val and *len are the array's.
 * Records are elem_size bytes, with field and value at those offsets. */
static int
put_stats(void **val, u_int *len, size_t elem_size, size_t field_at,
          size_t value_at, const struct vireo_node_stat *params, int n,
          struct vireo_error *err)
{
    char *records = calloc(n + 1, elem_size);

    *val = records;
    if (records == NULL)
        return error_no_memory(err);
    for (*len = 0; (int)*len < n; (*len)++) {
        char *record = records + *len * elem_size;
        char *field = strdup(params[*len].field);

        if (field == NULL)
            return error_no_memory(err);
        memcpy(record + field_at, &field, sizeof(field));
        memcpy(record + value_at, &params[*len].value, sizeof(uint64_t));
    }
    return 0;
}

#define PUT_STATS(list, type, params, n, err)                            \
    put_stats((void **)&(list).params_val, &(list).params_len,          \
              sizeof(type), offsetof(type, field), offsetof(type, value),\
              params, n, err)

/* The two statistics calls, as libvirtd serves them: nparams 0 asks how
 * many figures there are, and gets only that. Returns how many figures
 * are in params, or -1. */
typedef int (*stats_fn)(struct vireo_conn *conn, int which,
                        struct vireo_node_stat *params, int *n_params,
                        unsigned flags, struct vireo_error *err);

static int
get_stats(struct vireo_conn *conn, stats_fn fn, const char *api, int which,
          int nparams, unsigned flags, struct vireo_node_stat *params,
          int max, struct vireo_error *err)
{
    int n = nparams;

    if (nparams > max)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "nparams too large");
    if (need(fn != NULL, api, err) < 0 ||
        fn(conn, which, n > 0 ? params : NULL, &n, flags, err) < 0)
        return -1;
    return n;
}

int
dispatch_node_get_cpu_stats(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_node_get_cpu_stats_args *a = args;
    remote_node_get_cpu_stats_ret *r = ret;
    struct vireo_node_stat params[REMOTE_NODE_CPU_STATS_MAX];
    int n = get_stats(conn, conn->driver->node_get_cpu_stats,
                      "virNodeGetCPUStats", a->cpuNum, a->nparams, a->flags,
                      params, REMOTE_NODE_CPU_STATS_MAX, err);

    if (n < 0)
        return -1;
    if (a->nparams == 0) {
        r->nparams = n;
        return 0;
    }
    return PUT_STATS(r->params, remote_node_get_cpu_stats, params, n, err);
}

int
dispatch_node_get_memory_stats(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_node_get_memory_stats_args *a = args;
    remote_node_get_memory_stats_ret *r = ret;
    struct vireo_node_stat params[REMOTE_NODE_MEMORY_STATS_MAX];
    int n = get_stats(conn, conn->driver->node_get_memory_stats,
                      "virNodeGetMemoryStats", a->cellNum, a->nparams,
                      a->flags, params, REMOTE_NODE_MEMORY_STATS_MAX, err);

    if (n < 0)
        return -1;
    if (a->nparams == 0) {
        r->nparams = n;
        return 0;
    }
    return PUT_STATS(r->params, remote_node_get_memory_stats, params, n,
                     err);
}

int
dispatch_node_get_cells_free_memory(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_node_get_cells_free_memory_args *a = args;
    remote_node_get_cells_free_memory_ret *r = ret;
    int n;

    if (a->maxcells > REMOTE_NODE_MAX_CELLS)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "maxCells > REMOTE_NODE_MAX_CELLS");
    if (need(conn->driver->node_get_cells_free_memory != NULL,
             "virNodeGetCellsFreeMemory", err) < 0)
        return -1;
    r->cells.cells_val = calloc(a->maxcells > 0 ? a->maxcells : 1,
                                sizeof(*r->cells.cells_val));
    if (r->cells.cells_val == NULL)
        return error_no_memory(err);
    n = conn->driver->node_get_cells_free_memory(
            conn, (unsigned long long *)r->cells.cells_val, a->startCell,
            a->maxcells, err);
    if (n < 0)
        return -1;
    r->cells.cells_len = n;
    return 0;
}

int
dispatch_node_get_free_memory(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    remote_node_get_free_memory_ret *r = ret;
    unsigned long long bytes = 0;

    if (need(conn->driver->node_get_free_memory != NULL,
             "virNodeGetFreeMemory", err) < 0 ||
        conn->driver->node_get_free_memory(conn, &bytes, err) < 0)
        return -1;
    r->freeMem = bytes;
    return 0;
}

/* libvirtd fails the call when the driver sets no count, saying nothing
 * more (its generic words, as it sends them). */
int
dispatch_node_get_free_pages(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_node_get_free_pages_args *a = args;
    remote_node_get_free_pages_ret *r = ret;
    unsigned long long n_counts =
        (unsigned long long)a->pages.pages_len * a->cellCount;
    int n;

    if (n_counts > REMOTE_NODE_MAX_CELLS)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "the result won't fit into REMOTE_NODE_MAX_CELLS");
    if (need(conn->driver->node_get_free_pages != NULL,
             "virNodeGetFreePages", err) < 0)
        return -1;
    r->counts.counts_val = calloc(n_counts ? n_counts : 1,
                                  sizeof(*r->counts.counts_val));
    if (r->counts.counts_val == NULL)
        return error_no_memory(err);
    n = conn->driver->node_get_free_pages(
            conn, a->pages.pages_len, a->pages.pages_val, a->startCell,
            a->cellCount, (unsigned long long *)r->counts.counts_val,
            a->flags, err);
    if (n < 0)
        return -1;
    if (n == 0)
        return error_set_raw(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                             NO_ERROR_SET);
    r->counts.counts_len = n;
    return 0;
}

/* The map travels as VIR_CPU_MAPLEN(n) bytes: one bit per CPU. */
int
dispatch_node_get_cpu_map(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_node_get_cpu_map_args *a = args;
    remote_node_get_cpu_map_ret *r = ret;
    unsigned char *map = NULL;
    unsigned online = 0;
    int n;

    if (need(conn->driver->node_get_cpu_map != NULL,
             "virNodeGetCPUMap", err) < 0)
        return -1;
    n = conn->driver->node_get_cpu_map(conn, a->need_map ? &map : NULL,
                                       a->need_online ? &online : NULL,
                                       a->flags, err);
    if (n < 0)
        return -1;
    if (a->need_map) {
        r->cpumap.cpumap_val = (char *)map;
        r->cpumap.cpumap_len = (n + 7) / 8;
    }
    r->online = online;
    r->ret = n;
    return 0;
}

int
dispatch_connect_get_cpu_model_names(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_connect_get_cpu_model_names_args *a = args;
    remote_connect_get_cpu_model_names_ret *r = ret;
    char **models = NULL;
    int n;

    if (need(conn->driver->conn_get_cpu_model_names != NULL,
             "virConnectGetCPUModelNames", err) < 0)
        return -1;
    n = conn->driver->conn_get_cpu_model_names(conn, a->arch,
                                               a->need_results ? &models
                                                               : NULL,
                                               a->flags, err);
    if (n < 0)
        return -1;
    if (n > REMOTE_CONNECT_CPU_MODELS_MAX) {
        for (int i = 0; i < n; i++)
            free(models[i]);
        free(models);
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "Too many CPU models '%d' for limit '%d'", n,
                         REMOTE_CONNECT_CPU_MODELS_MAX);
    }
    r->models.models_val = models;
    r->models.models_len = models != NULL ? n : 0;
    r->ret = n;
    return 0;
}

int
dispatch_connect_baseline_cpu(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_connect_baseline_cpu_args *a = args;
    remote_connect_baseline_cpu_ret *r = ret;

    if (need(conn->driver->conn_baseline_cpu != NULL,
             "virConnectBaselineCPU", err) < 0)
        return -1;
    return dispatch_take_string(&r->cpu,
                                conn->driver->conn_baseline_cpu(
                                    conn,
                                    (const char *const *)a->xmlCPUs.xmlCPUs_val,
                                    a->xmlCPUs.xmlCPUs_len, a->flags, err));
}
