/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_node.c: handlers of the host and hypervisor procedures: vCPU
 * limit, SMBIOS, CPU statistics, free memory, free pages, CPU map and CPU
 * models. Each checks what libvirtd checks before the driver is asked,
 * and answers in libvirtd's shape. Driver threads; what they allocate in
 * a reply is freed with it (xdr_free).
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

/* What libvirtd answers when its driver fails without saying why. */
#define NO_ERROR_SET "Library function returned error but did not set virError"

int
dispatch_connect_get_max_vcpus(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_connect_get_max_vcpus_args *a = args;
    remote_connect_get_max_vcpus_ret *r = ret;
    int n;

    if (DISPATCH_NEED(conn, conn_get_max_vcpus, err) < 0 ||
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

    if (DISPATCH_NEED(conn, conn_get_sysinfo, err) < 0)
        return -1;
    return dispatch_take_string(&r->sysinfo,
                                conn->driver->conn_get_sysinfo(conn, a->flags,
                                                               err));
}

/* The figures into the reply, which owns them from then on. */
static int
put_cpu_stats(remote_node_get_cpu_stats_ret *r,
              const struct vireo_node_stat *params, int n,
              struct vireo_error *err)
{
    r->params.params_val = calloc(n ? n : 1, sizeof(*r->params.params_val));
    if (r->params.params_val == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        r->params.params_val[i].field = strdup(params[i].field);
        if (r->params.params_val[i].field == NULL) {
            r->params.params_len = i;
            return error_no_memory(err);
        }
        r->params.params_val[i].value = params[i].value;
    }
    r->params.params_len = n;
    return 0;
}

/* As libvirtd: nparams 0 asks how many there are, and gets only that. */
int
dispatch_node_get_cpu_stats(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_node_get_cpu_stats_args *a = args;
    remote_node_get_cpu_stats_ret *r = ret;
    struct vireo_node_stat params[REMOTE_NODE_CPU_STATS_MAX];
    int n = a->nparams;

    if (a->nparams > REMOTE_NODE_CPU_STATS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "nparams too large");
    if (DISPATCH_NEED(conn, node_get_cpu_stats, err) < 0 ||
        conn->driver->node_get_cpu_stats(conn, a->cpuNum,
                                         n > 0 ? params : NULL, &n,
                                         a->flags, err) < 0)
        return -1;
    if (a->nparams == 0) {
        r->nparams = n;
        return 0;
    }
    return put_cpu_stats(r, params, n, err);
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
    if (DISPATCH_NEED(conn, node_get_cells_free_memory, err) < 0)
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

    if (DISPATCH_NEED(conn, node_get_free_memory, err) < 0 ||
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
    if (DISPATCH_NEED(conn, node_get_free_pages, err) < 0)
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

    if (DISPATCH_NEED(conn, node_get_cpu_map, err) < 0)
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

    if (DISPATCH_NEED(conn, conn_get_cpu_model_names, err) < 0)
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
