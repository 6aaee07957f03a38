/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_snapshot.c: the snapshot calls over the wire. A snapshot goes
 * as its name and domain; one the daemon names comes back as a handle on
 * the caller's own domain handle.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/snapshot_handle.h"

static void
snap_to_wire(const struct vireo_domain_snapshot *snap,
             remote_nonnull_domain_snapshot *out)
{
    out->name = snap->name;
    remote_domain_to_wire(snap->dom, &out->dom);
}

/* A handle for a snapshot of dom the daemon named; the reply is the
 * caller's to free (free_fn). */
static struct vireo_domain_snapshot *
snap_from_reply(struct vireo_domain *dom, void *ret, xdrproc_t free_fn,
                const remote_nonnull_domain_snapshot *wire,
                struct vireo_error *err)
{
    struct vireo_domain_snapshot *snap =
        handle_snapshot_new(dom, wire->name, err);

    xdr_free(free_fn, ret);
    return snap;
}

/* Calls whose reply is one snapshot. */
#define SNAP_CALL(dom, PROC, args, ret_type, field, err)                   \
    do {                                                                   \
        ret_type ret_;                                                     \
        memset(&ret_, 0, sizeof(ret_));                                    \
        if (remote_call((dom)->conn, REMOTE_PROC_##PROC, args, &ret_,      \
                        err) < 0)                                          \
            return NULL;                                                   \
        return snap_from_reply(dom, &ret_, (xdrproc_t)xdr_##ret_type,      \
                               &ret_.field, err);                          \
    } while (0)

struct vireo_domain_snapshot *
remotedrv_domain_snapshot_create_xml(struct vireo_domain *dom,
                                     const char *xml, unsigned flags,
                                     struct vireo_error *err)
{
    remote_domain_snapshot_create_xml_args args = {
        .xml_desc = (char *)xml, .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    SNAP_CALL(dom, DOMAIN_SNAPSHOT_CREATE_XML, &args,
              remote_domain_snapshot_create_xml_ret, snap, err);
}

struct vireo_domain_snapshot *
remotedrv_domain_snapshot_lookup_by_name(struct vireo_domain *dom,
                                         const char *name, unsigned flags,
                                         struct vireo_error *err)
{
    remote_domain_snapshot_lookup_by_name_args args = {
        .name = (char *)name, .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    SNAP_CALL(dom, DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, &args,
              remote_domain_snapshot_lookup_by_name_ret, snap, err);
}

struct vireo_domain_snapshot *
remotedrv_domain_snapshot_current(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err)
{
    remote_domain_snapshot_current_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    SNAP_CALL(dom, DOMAIN_SNAPSHOT_CURRENT, &args,
              remote_domain_snapshot_current_ret, snap, err);
}

struct vireo_domain_snapshot *
remotedrv_domain_snapshot_get_parent(struct vireo_domain_snapshot *snap,
                                     unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_get_parent_args args = { .flags = flags };

    snap_to_wire(snap, &args.snap);
    SNAP_CALL(snap->dom, DOMAIN_SNAPSHOT_GET_PARENT, &args,
              remote_domain_snapshot_get_parent_ret, snap, err);
}

/* Handles on a listed set, or its count alone when snaps is NULL. */
static int
collect(struct vireo_domain *dom, const remote_nonnull_domain_snapshot *val,
        u_int n, int count, struct vireo_domain_snapshot ***snaps,
        struct vireo_error *err)
{
    struct vireo_domain_snapshot **out;

    if (snaps == NULL || count < 0)
        return count;
    out = calloc((size_t)n + 1, sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        out[i] = handle_snapshot_new(dom, val[i].name, err);
        if (out[i] == NULL) {
            handle_snapshot_array_free(out, (int)i);
            return -1;
        }
    }
    *snaps = out;
    return (int)n;
}

int
remotedrv_domain_list_all_snapshots(struct vireo_domain *dom,
                                    struct vireo_domain_snapshot ***snaps,
                                    unsigned flags, struct vireo_error *err)
{
    remote_domain_list_all_snapshots_args args = {
        .need_results = snaps != NULL, .flags = flags,
    };
    remote_domain_list_all_snapshots_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_LIST_ALL_SNAPSHOTS, &args,
                    &ret, err) < 0)
        return -1;
    n = collect(dom, ret.snapshots.snapshots_val, ret.snapshots.snapshots_len,
                ret.ret, snaps, err);
    xdr_free((xdrproc_t)xdr_remote_domain_list_all_snapshots_ret, &ret);
    return n;
}

int
remotedrv_domain_snapshot_list_all_children(
    struct vireo_domain_snapshot *snap, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_list_all_children_args args = {
        .need_results = snaps != NULL, .flags = flags,
    };
    remote_domain_snapshot_list_all_children_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    snap_to_wire(snap, &args.snapshot);
    if (remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN,
                    &args, &ret, err) < 0)
        return -1;
    n = collect(snap->dom, ret.snapshots.snapshots_val,
                ret.snapshots.snapshots_len, ret.ret, snaps, err);
    xdr_free((xdrproc_t)xdr_remote_domain_snapshot_list_all_children_ret,
             &ret);
    return n;
}

int
remotedrv_domain_snapshot_num_children(struct vireo_domain_snapshot *snap,
                                       unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_num_children_args args = { .flags = flags };
    remote_domain_snapshot_num_children_ret ret = { 0 };

    snap_to_wire(snap, &args.snap);
    if (remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_NUM_CHILDREN,
                    &args, &ret, err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_domain_has_current_snapshot(struct vireo_domain *dom,
                                      unsigned flags, struct vireo_error *err)
{
    remote_domain_has_current_snapshot_args args = { .flags = flags };
    remote_domain_has_current_snapshot_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_HAS_CURRENT_SNAPSHOT, &args,
                    &ret, err) < 0)
        return -1;
    return ret.result != 0;
}

char *
remotedrv_domain_snapshot_get_xml_desc(struct vireo_domain_snapshot *snap,
                                       unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_get_xml_desc_args args = { .flags = flags };
    remote_domain_snapshot_get_xml_desc_ret ret = { 0 };

    snap_to_wire(snap, &args.snap);
    if (remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC,
                    &args, &ret, err) < 0)
        return NULL;
    return ret.xml;
}

int
remotedrv_domain_snapshot_is_current(struct vireo_domain_snapshot *snap,
                                     unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_is_current_args args = { .flags = flags };
    remote_domain_snapshot_is_current_ret ret = { 0 };

    snap_to_wire(snap, &args.snap);
    if (remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT,
                    &args, &ret, err) < 0)
        return -1;
    return ret.current != 0;
}

int
remotedrv_domain_snapshot_has_metadata(struct vireo_domain_snapshot *snap,
                                       unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_has_metadata_args args = { .flags = flags };
    remote_domain_snapshot_has_metadata_ret ret = { 0 };

    snap_to_wire(snap, &args.snap);
    if (remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_HAS_METADATA,
                    &args, &ret, err) < 0)
        return -1;
    return ret.metadata != 0;
}

int
remotedrv_domain_revert_to_snapshot(struct vireo_domain_snapshot *snap,
                                    unsigned flags, struct vireo_error *err)
{
    remote_domain_revert_to_snapshot_args args = { .flags = flags };

    snap_to_wire(snap, &args.snap);
    return remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_REVERT_TO_SNAPSHOT,
                       &args, NULL, err);
}

int
remotedrv_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_snapshot_delete_args args = { .flags = flags };

    snap_to_wire(snap, &args.snap);
    return remote_call(snap->dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE,
                       &args, NULL, err);
}
