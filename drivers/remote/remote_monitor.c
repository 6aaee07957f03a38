/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_monitor.c: the domain monitoring slots over the wire: one call
 * each, with the daemon's reply checked against what was asked before it
 * is copied out, as libvirt's remote driver does.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

static int
bad_reply(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE, "%s", what);
}

/* ---- vCPUs ------------------------------------------------------------ */

static int
copy_vcpus(const remote_domain_get_vcpus_ret *ret,
           struct vireo_vcpu_info *info, int maxinfo, unsigned char *cpumaps,
           int maplen, struct vireo_error *err)
{
    if (ret->info.info_len > (u_int)maxinfo)
        return bad_reply(err, "host reply too large: "
                              "ret->info.info_len > maxinfo");
    if (ret->cpumaps.cpumaps_len > (u_int)(maxinfo * maplen))
        return bad_reply(err, "host reply too large: "
                              "ret->cpumaps.cpumaps_len > maxinfo * maplen");
    for (u_int i = 0; i < ret->info.info_len; i++)
        info[i] = (struct vireo_vcpu_info){
            .number = ret->info.info_val[i].number,
            .state = ret->info.info_val[i].state,
            .cpu_time_ns = ret->info.info_val[i].cpu_time,
            .cpu = ret->info.info_val[i].cpu,
        };
    if (cpumaps != NULL) {
        memset(cpumaps, 0, (size_t)maxinfo * (size_t)maplen);
        memcpy(cpumaps, ret->cpumaps.cpumaps_val, ret->cpumaps.cpumaps_len);
    }
    return (int)ret->info.info_len;
}

int
remotedrv_domain_get_vcpus(struct vireo_domain *dom,
                           struct vireo_vcpu_info *info, int maxinfo,
                           unsigned char *cpumaps, int maplen,
                           struct vireo_error *err)
{
    remote_domain_get_vcpus_args args = { .maxinfo = maxinfo,
                                          .maplen = cpumaps ? maplen : 0 };
    remote_domain_get_vcpus_ret ret = { 0 };
    int n;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_VCPUS, &args, &ret,
                    err) < 0)
        return -1;
    n = copy_vcpus(&ret, info, maxinfo, cpumaps, args.maplen, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_vcpus_ret, (char *)&ret);
    return n;
}

int
remotedrv_domain_get_vcpu_pin_info(struct vireo_domain *dom, int ncpumaps,
                                   unsigned char *cpumaps, int maplen,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_get_vcpu_pin_info_args args = {
        .ncpumaps = ncpumaps, .maplen = maplen, .flags = flags };
    remote_domain_get_vcpu_pin_info_ret ret = { 0 };
    int n = -1;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO, &args,
                    &ret, err) < 0)
        return -1;
    if (ret.num > ncpumaps ||
        ret.cpumaps.cpumaps_len > (u_int)(ncpumaps * maplen)) {
        bad_reply(err, "host reply too large: vcpu pin info");
    } else {
        memset(cpumaps, 0, (size_t)ncpumaps * (size_t)maplen);
        memcpy(cpumaps, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
        n = ret.num;
    }
    xdr_free((xdrproc_t)xdr_remote_domain_get_vcpu_pin_info_ret,
             (char *)&ret);
    return n;
}

int
remotedrv_domain_get_vcpus_flags(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err)
{
    remote_domain_get_vcpus_flags_args args = { .flags = flags };
    remote_domain_get_vcpus_flags_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_VCPUS_FLAGS, &args,
                    &ret, err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_domain_get_max_vcpus(struct vireo_domain *dom,
                               struct vireo_error *err)
{
    remote_domain_get_max_vcpus_args args;
    remote_domain_get_max_vcpus_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_MAX_VCPUS, &args,
                    &ret, err) < 0)
        return -1;
    return ret.num;
}

/* ---- Memory, disks, interfaces ---------------------------------------- */

int
remotedrv_domain_memory_stats(struct vireo_domain *dom,
                              struct vireo_memory_stat *stats,
                              unsigned int nr_stats, unsigned flags,
                              struct vireo_error *err)
{
    remote_domain_memory_stats_args args = { .maxStats = nr_stats,
                                             .flags = flags };
    remote_domain_memory_stats_ret ret = { 0 };
    int n = -1;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_MEMORY_STATS, &args, &ret,
                    err) < 0)
        return -1;
    if (ret.stats.stats_len > nr_stats) {
        bad_reply(err, "host reply too large: memory stats");
    } else {
        for (u_int i = 0; i < ret.stats.stats_len; i++)
            stats[i] = (struct vireo_memory_stat){
                .tag = ret.stats.stats_val[i].tag,
                .val = ret.stats.stats_val[i].val };
        n = (int)ret.stats.stats_len;
    }
    xdr_free((xdrproc_t)xdr_remote_domain_memory_stats_ret, (char *)&ret);
    return n;
}

int
remotedrv_domain_block_stats(struct vireo_domain *dom, const char *disk,
                             struct vireo_block_stats *stats,
                             struct vireo_error *err)
{
    remote_domain_block_stats_args args = { .path = (char *)disk };
    remote_domain_block_stats_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_BLOCK_STATS, &args, &ret,
                    err) < 0)
        return -1;
    *stats = (struct vireo_block_stats){
        .rd_req = ret.rd_req, .rd_bytes = ret.rd_bytes, .wr_req = ret.wr_req,
        .wr_bytes = ret.wr_bytes, .errs = ret.errs,
    };
    return 0;
}

int
remotedrv_domain_interface_stats(struct vireo_domain *dom,
                                 const char *device,
                                 struct vireo_interface_stats *stats,
                                 struct vireo_error *err)
{
    remote_domain_interface_stats_args args = { .device = (char *)device };
    remote_domain_interface_stats_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_INTERFACE_STATS, &args,
                    &ret, err) < 0)
        return -1;
    *stats = (struct vireo_interface_stats){
        .rx_bytes = ret.rx_bytes, .rx_packets = ret.rx_packets,
        .rx_errs = ret.rx_errs, .rx_drop = ret.rx_drop,
        .tx_bytes = ret.tx_bytes, .tx_packets = ret.tx_packets,
        .tx_errs = ret.tx_errs, .tx_drop = ret.tx_drop,
    };
    return 0;
}

int
remotedrv_domain_get_block_info(struct vireo_domain *dom, const char *disk,
                                struct vireo_block_info *info, unsigned flags,
                                struct vireo_error *err)
{
    remote_domain_get_block_info_args args = { .path = (char *)disk,
                                               .flags = flags };
    remote_domain_get_block_info_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_BLOCK_INFO, &args,
                    &ret, err) < 0)
        return -1;
    info->allocation = ret.allocation;
    info->capacity = ret.capacity;
    info->physical = ret.physical;
    return 0;
}

/* The names are moved out of the reply, which then frees the rest. */
static int
take_disk_errors(remote_domain_get_disk_errors_ret *ret,
                 struct vireo_disk_error *errors, unsigned int maxerrors,
                 struct vireo_error *err)
{
    if (ret->errors.errors_len > maxerrors)
        return bad_reply(err, "host reply too large: disk errors");
    for (u_int i = 0; errors != NULL && i < ret->errors.errors_len; i++) {
        errors[i].disk = ret->errors.errors_val[i].disk;
        errors[i].error = ret->errors.errors_val[i].error;
        ret->errors.errors_val[i].disk = NULL;
    }
    return ret->nerrors;
}

int
remotedrv_domain_get_disk_errors(struct vireo_domain *dom,
                                 struct vireo_disk_error *errors,
                                 unsigned int maxerrors, unsigned flags,
                                 struct vireo_error *err)
{
    remote_domain_get_disk_errors_args args = { .maxerrors = maxerrors,
                                                .flags = flags };
    remote_domain_get_disk_errors_ret ret = { 0 };
    int n;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_DISK_ERRORS, &args,
                    &ret, err) < 0)
        return -1;
    n = take_disk_errors(&ret, errors, maxerrors, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_disk_errors_ret, (char *)&ret);
    return n;
}

/* ---- Control state, updates ------------------------------------ */

int
remotedrv_domain_get_control_info(struct vireo_domain *dom,
                                  struct vireo_domain_control_info *info,
                                  unsigned flags, struct vireo_error *err)
{
    remote_domain_get_control_info_args args = { .flags = flags };
    remote_domain_get_control_info_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_CONTROL_INFO, &args,
                    &ret, err) < 0)
        return -1;
    info->state = ret.state;
    info->details = ret.details;
    info->state_time_ms = ret.stateTime;
    return 0;
}

int
remotedrv_domain_is_updated(struct vireo_domain *dom, struct vireo_error *err)
{
    remote_domain_is_updated_args args;
    remote_domain_is_updated_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_IS_UPDATED, &args, &ret,
                    err) < 0)
        return -1;
    return ret.updated;
}

/* ---- domstats --------------------------------------------------------- */

static int
take_records(struct vireo_conn *conn,
             const remote_connect_get_all_domain_stats_ret *ret,
             struct vireo_domain_stats_record **records,
             struct vireo_error *err)
{
    u_int n = ret->retStats.retStats_len;
    struct vireo_domain_stats_record *recs = calloc(n + 1, sizeof(*recs));

    if (recs == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        const remote_domain_stats_record *in = &ret->retStats.retStats_val[i];

        recs[i].dom = remote_domain_from_wire(conn, &in->dom, err);
        if (recs[i].dom == NULL ||
            typed_params_from_wire(in->params.params_val,
                                   in->params.params_len,
                                   REMOTE_DOMAIN_STATS_PARAMS_MAX,
                                   &recs[i].params, err) < 0) {
            vireo_domain_stats_free(recs, (int)i + 1);
            return -1;
        }
    }
    *records = recs;
    return (int)n;
}

int
remotedrv_conn_get_all_domain_stats(struct vireo_conn *conn,
                                    struct vireo_domain **doms, int n_doms,
                                    unsigned int stats,
                                    struct vireo_domain_stats_record **records,
                                    unsigned flags, struct vireo_error *err)
{
    remote_connect_get_all_domain_stats_args args = { .stats = stats,
                                                      .flags = flags };
    remote_connect_get_all_domain_stats_ret ret = { 0 };
    remote_nonnull_domain *wire = NULL;
    int n;

    if (doms != NULL && n_doms > 0) {
        wire = calloc((size_t)n_doms, sizeof(*wire));
        if (wire == NULL)
            return error_no_memory(err);
        for (int i = 0; i < n_doms; i++)
            remote_domain_to_wire(doms[i], &wire[i]);
        args.doms.doms_val = wire;
        args.doms.doms_len = (u_int)n_doms;
    }
    n = remote_call(conn, REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS, &args,
                    &ret, err);
    free(wire);
    if (n < 0)
        return -1;
    n = take_records(conn, &ret, records, err);
    xdr_free((xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret,
             (char *)&ret);
    return n;
}
