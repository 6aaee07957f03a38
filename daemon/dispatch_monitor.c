/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_monitor.c: handlers of the domain monitoring procedures: vCPUs,
 * memory, block and interface statistics, disk sizes and errors, control
 * state, guest time and domstats. Driver threads. Requests beyond the
 * protocol's limits are refused with libvirtd's words before the driver
 * is asked.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

static int
too_large(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s", what);
}

/* ---- vCPUs ------------------------------------------------------------ */

static int
get_vcpus(struct vireo_conn *conn, const remote_domain_get_vcpus_args *a,
          struct vireo_vcpu_info *info, unsigned char *maps,
          struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_vcpus(dom, info, a->maxinfo,
                                                     maps, a->maplen, err));
}

int
dispatch_domain_get_vcpus(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_domain_get_vcpus_args *a = args;
    remote_domain_get_vcpus_ret *r = ret;
    struct vireo_vcpu_info *info;
    int n;

    if (DISPATCH_NEED(conn, domain_get_vcpus, err) < 0)
        return -1;
    if (a->maxinfo < 0 || a->maxinfo > REMOTE_VCPUINFO_MAX)
        return too_large(err, "maxinfo > REMOTE_VCPUINFO_MAX");
    if (a->maplen < 0 ||
        (long long)a->maxinfo * a->maplen > REMOTE_CPUMAPS_MAX)
        return too_large(err, "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
    info = calloc((size_t)a->maxinfo + 1, sizeof(*info));
    r->cpumaps.cpumaps_val = calloc((size_t)a->maxinfo * (size_t)a->maplen
                                    + 1, 1);
    r->info.info_val = calloc((size_t)a->maxinfo + 1, sizeof(remote_vcpu_info));
    if (info == NULL || r->cpumaps.cpumaps_val == NULL ||
        r->info.info_val == NULL) {
        free(info);
        return error_no_memory(err);
    }
    n = get_vcpus(conn, a, info, (unsigned char *)r->cpumaps.cpumaps_val,
                  err);
    for (int i = 0; i < n; i++)
        r->info.info_val[i] = (remote_vcpu_info){
            .number = info[i].number, .state = info[i].state,
            .cpu_time = info[i].cpu_time_ns, .cpu = info[i].cpu,
        };
    free(info);
    if (n < 0)
        return -1;
    r->info.info_len = (u_int)n;
    r->cpumaps.cpumaps_len = (u_int)(a->maxinfo * a->maplen);
    return 0;
}

static int
get_vcpu_pin_info(struct vireo_conn *conn,
                  const remote_domain_get_vcpu_pin_info_args *a,
                  unsigned char *maps, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_vcpu_pin_info(
                          dom, a->ncpumaps, maps, a->maplen, a->flags, err));
}

int
dispatch_domain_get_vcpu_pin_info(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_get_vcpu_pin_info_args *a = args;
    remote_domain_get_vcpu_pin_info_ret *r = ret;
    int n;

    if (DISPATCH_NEED(conn, domain_get_vcpu_pin_info, err) < 0)
        return -1;
    if (a->ncpumaps < 0 || a->ncpumaps > REMOTE_VCPUINFO_MAX)
        return too_large(err, "ncpumaps > REMOTE_VCPUINFO_MAX");
    if (a->maplen < 0 ||
        (long long)a->ncpumaps * a->maplen > REMOTE_CPUMAPS_MAX)
        return too_large(err, "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
    r->cpumaps.cpumaps_val = calloc((size_t)a->ncpumaps * (size_t)a->maplen
                                    + 1, 1);
    if (r->cpumaps.cpumaps_val == NULL)
        return error_no_memory(err);
    n = get_vcpu_pin_info(conn, a, (unsigned char *)r->cpumaps.cpumaps_val,
                          err);
    if (n < 0)
        return -1;
    r->cpumaps.cpumaps_len = (u_int)(a->ncpumaps * a->maplen);
    r->num = n;
    return 0;
}

int
dispatch_domain_get_vcpus_flags(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_get_vcpus_flags_args *a = args;
    remote_domain_get_vcpus_flags_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_get_vcpus_flags, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      (r->num = conn->driver->domain_get_vcpus_flags(
                           dom, a->flags, err)) < 0 ? -1 : 0);
}

int
dispatch_domain_get_max_vcpus(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_get_max_vcpus_args *a = args;
    remote_domain_get_max_vcpus_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_get_max_vcpus, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      (r->num = conn->driver->domain_get_max_vcpus(
                           dom, err)) < 0 ? -1 : 0);
}

/* ---- Memory, disks, interfaces ---------------------------------------- */

static int
memory_stats(struct vireo_conn *conn,
             const remote_domain_memory_stats_args *a,
             struct vireo_memory_stat *stats, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_memory_stats(
                          dom, stats, a->maxStats, a->flags, err));
}

int
dispatch_domain_memory_stats(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_memory_stats_args *a = args;
    remote_domain_memory_stats_ret *r = ret;
    struct vireo_memory_stat *stats;
    int n;

    if (DISPATCH_NEED(conn, domain_memory_stats, err) < 0)
        return -1;
    if (a->maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX)
        return too_large(err, "maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX");
    stats = calloc((size_t)a->maxStats + 1, sizeof(*stats));
    r->stats.stats_val = calloc((size_t)a->maxStats + 1,
                                sizeof(remote_domain_memory_stat));
    if (stats == NULL || r->stats.stats_val == NULL) {
        free(stats);
        return error_no_memory(err);
    }
    n = memory_stats(conn, a, stats, err);
    for (int i = 0; i < n; i++)
        r->stats.stats_val[i] = (remote_domain_memory_stat){
            .tag = stats[i].tag, .val = stats[i].val };
    free(stats);
    if (n < 0)
        return -1;
    r->stats.stats_len = (u_int)n;
    return 0;
}

static int
block_stats(struct vireo_conn *conn, const remote_domain_block_stats_args *a,
            struct vireo_block_stats *s, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_block_stats(dom, a->path, s, err));
}

int
dispatch_domain_block_stats(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_domain_block_stats_args *a = args;
    remote_domain_block_stats_ret *r = ret;
    struct vireo_block_stats s;

    if (DISPATCH_NEED(conn, domain_block_stats, err) < 0 ||
        block_stats(conn, a, &s, err) < 0)
        return -1;
    *r = (remote_domain_block_stats_ret){
        .rd_req = s.rd_req, .rd_bytes = s.rd_bytes, .wr_req = s.wr_req,
        .wr_bytes = s.wr_bytes, .errs = s.errs,
    };
    return 0;
}

static int
interface_stats(struct vireo_conn *conn,
                const remote_domain_interface_stats_args *a,
                struct vireo_interface_stats *s, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_interface_stats(dom, a->device, s,
                                                           err));
}

int
dispatch_domain_interface_stats(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_interface_stats_args *a = args;
    remote_domain_interface_stats_ret *r = ret;
    struct vireo_interface_stats s;

    if (DISPATCH_NEED(conn, domain_interface_stats, err) < 0 ||
        interface_stats(conn, a, &s, err) < 0)
        return -1;
    *r = (remote_domain_interface_stats_ret){
        .rx_bytes = s.rx_bytes, .rx_packets = s.rx_packets,
        .rx_errs = s.rx_errs, .rx_drop = s.rx_drop,
        .tx_bytes = s.tx_bytes, .tx_packets = s.tx_packets,
        .tx_errs = s.tx_errs, .tx_drop = s.tx_drop,
    };
    return 0;
}

static int
get_block_info(struct vireo_conn *conn,
               const remote_domain_get_block_info_args *a,
               struct vireo_block_info *info, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_block_info(dom, a->path, info,
                                                          a->flags, err));
}

int
dispatch_domain_get_block_info(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_get_block_info_args *a = args;
    remote_domain_get_block_info_ret *r = ret;
    struct vireo_block_info info;

    if (DISPATCH_NEED(conn, domain_get_block_info, err) < 0 ||
        get_block_info(conn, a, &info, err) < 0)
        return -1;
    r->allocation = info.allocation;
    r->capacity = info.capacity;
    r->physical = info.physical;
    return 0;
}

static int
get_disk_errors(struct vireo_conn *conn,
                const remote_domain_get_disk_errors_args *a,
                struct vireo_disk_error *errors, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_disk_errors(
                          dom, errors, a->maxerrors, a->flags, err));
}

int
dispatch_domain_get_disk_errors(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_get_disk_errors_args *a = args;
    remote_domain_get_disk_errors_ret *r = ret;
    struct vireo_disk_error *errors = NULL;
    int n;

    if (DISPATCH_NEED(conn, domain_get_disk_errors, err) < 0)
        return -1;
    if (a->maxerrors > REMOTE_DOMAIN_DISK_ERRORS_MAX)
        return too_large(err, "maxerrors too large");
    if (a->maxerrors > 0) {
        errors = calloc(a->maxerrors, sizeof(*errors));
        r->errors.errors_val = calloc(a->maxerrors,
                                      sizeof(remote_domain_disk_error));
        if (errors == NULL || r->errors.errors_val == NULL) {
            free(errors);
            return error_no_memory(err);
        }
    }
    n = get_disk_errors(conn, a, errors, err);
    for (int i = 0; errors != NULL && i < n; i++) {
        /* The reply takes each name over; xdr_free releases them. */
        r->errors.errors_val[i].disk = errors[i].disk;
        r->errors.errors_val[i].error = errors[i].error;
        r->errors.errors_len = (u_int)i + 1;
    }
    free(errors);
    if (n < 0)
        return -1;
    r->nerrors = n;
    return 0;
}

/* ---- Control state, updates ------------------------------------ */

static int
get_control_info(struct vireo_conn *conn,
                 const remote_domain_get_control_info_args *a,
                 struct vireo_domain_control_info *info,
                 struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_control_info(dom, info,
                                                            a->flags, err));
}

int
dispatch_domain_get_control_info(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_domain_get_control_info_args *a = args;
    remote_domain_get_control_info_ret *r = ret;
    struct vireo_domain_control_info info;

    if (DISPATCH_NEED(conn, domain_get_control_info, err) < 0 ||
        get_control_info(conn, a, &info, err) < 0)
        return -1;
    r->state = info.state;
    r->details = info.details;
    r->stateTime = info.state_time_ms;
    return 0;
}

int
dispatch_domain_is_updated(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_is_updated_args *a = args;
    remote_domain_is_updated_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_is_updated, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      (r->updated = conn->driver->domain_is_updated(
                           dom, err)) < 0 ? -1 : 0);
}

/* ---- domstats --------------------------------------------------------- */

/* Handles on the domains the call names; NULL with err set. */
static struct vireo_domain **
listed_domains(struct vireo_conn *conn,
               const remote_connect_get_all_domain_stats_args *a,
               struct vireo_error *err)
{
    struct vireo_domain **doms = calloc(a->doms.doms_len + 1, sizeof(*doms));

    if (doms == NULL) {
        error_no_memory(err);
        return NULL;
    }
    for (u_int i = 0; i < a->doms.doms_len; i++) {
        doms[i] = dispatch_dom_get(conn, &a->doms.doms_val[i], err);
        if (doms[i] == NULL) {
            handle_domain_array_free(doms, (int)i);
            return NULL;
        }
    }
    return doms;
}

static int
put_records(remote_connect_get_all_domain_stats_ret *r,
            struct vireo_domain_stats_record *recs, int n,
            struct vireo_error *err)
{
    r->retStats.retStats_val = calloc((size_t)n + 1,
                                      sizeof(remote_domain_stats_record));
    if (r->retStats.retStats_val == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        remote_domain_stats_record *out = &r->retStats.retStats_val[i];

        r->retStats.retStats_len = (u_int)i + 1;
        if (typed_params_to_wire(&recs[i].params, &out->params.params_val,
                                 &out->params.params_len, err) < 0)
            return -1;
        /* put drops the record's reference on the domain. */
        if (dispatch_dom_put(&out->dom, recs[i].dom, err) < 0) {
            recs[i].dom = NULL;
            return -1;
        }
        recs[i].dom = NULL;
    }
    return 0;
}

int
dispatch_connect_get_all_domain_stats(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_connect_get_all_domain_stats_args *a = args;
    remote_connect_get_all_domain_stats_ret *r = ret;
    struct vireo_domain_stats_record *recs = NULL;
    struct vireo_domain **doms = NULL;
    int n, rc;

    if (DISPATCH_NEED(conn, conn_get_all_domain_stats, err) < 0)
        return -1;
    if (a->doms.doms_len > 0) {
        doms = listed_domains(conn, a, err);
        if (doms == NULL)
            return -1;
    }
    n = conn->driver->conn_get_all_domain_stats(conn, doms,
                                                (int)a->doms.doms_len,
                                                a->stats, &recs, a->flags,
                                                err);
    if (doms != NULL)
        handle_domain_array_free(doms, (int)a->doms.doms_len);
    if (n < 0)
        return -1;
    rc = put_records(r, recs, n, err);
    vireo_domain_stats_free(recs, n);
    return rc;
}
