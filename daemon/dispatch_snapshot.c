/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_snapshot.c: handlers of the snapshot procedures. A snapshot
 * travels as its name and its domain (remote_nonnull_domain_snapshot);
 * the handler makes a handle of it for the driver, and the driver's
 * handles back into that form. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/snapshot_handle.h"

/* The protocol's bound on returned lists (REMOTE_DOMAIN_SNAPSHOT_LIST_MAX). */
#define SNAPSHOT_LIST_MAX 1024

/* A handle on the snapshot wire names, or NULL with err set. */
static struct vireo_domain_snapshot *
snap_get(struct vireo_conn *conn, const remote_nonnull_domain_snapshot *wire,
         struct vireo_error *err)
{
    struct vireo_domain *dom = dispatch_dom_get(conn, &wire->dom, err);
    struct vireo_domain_snapshot *snap;

    if (dom == NULL)
        return NULL;
    snap = handle_snapshot_new(dom, wire->name, err);
    handle_domain_unref(dom);
    return snap;
}

/* Fill *wire from snap (strings malloc'ed, for xdr_free) and unref snap,
 * which may be NULL (the driver failed: returns -1). */
static int
snap_put(remote_nonnull_domain_snapshot *wire,
         struct vireo_domain_snapshot *snap, struct vireo_error *err)
{
    int rc;

    if (snap == NULL)
        return -1;
    wire->name = strdup(snap->name);
    rc = wire->name != NULL
         ? dispatch_dom_put(&wire->dom, handle_domain_ref(snap->dom), err)
         : error_no_memory(err);
    handle_snapshot_unref(snap);
    return rc;
}

/* In a handler: evaluate call with snap bound to the snapshot wire names,
 * then drop it and return call's value. */
#define WITH_SNAP(conn, wire, err, snap, call)                            \
    do {                                                                  \
        int rc_;                                                          \
        struct vireo_domain_snapshot *snap = snap_get(conn, wire, err);   \
        if (snap == NULL)                                                 \
            return -1;                                                    \
        rc_ = (call);                                                     \
        handle_snapshot_unref(snap);                                      \
        return rc_;                                                       \
    } while (0)

static int
put_int(int n, int *out)
{
    if (n < 0)
        return -1;
    *out = n;
    return 0;
}

/* Consume n handles into a wire list, or only count them. */
static int
put_list(struct vireo_domain_snapshot **snaps, int n, bool is_wanted,
         remote_nonnull_domain_snapshot **val, u_int *len, int *count,
         struct vireo_error *err)
{
    int rc = 0;

    if (n < 0)
        return -1;
    if (n > SNAPSHOT_LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "too many snapshots: %d for a limit of %d", n,
                       SNAPSHOT_LIST_MAX);
    *count = n;
    if (rc == 0 && is_wanted) {
        *val = calloc((size_t)n + 1, sizeof(**val));
        if (*val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; i < n; i++) {
        if (rc < 0 || !is_wanted) {
            handle_snapshot_unref(snaps[i]);
            continue;
        }
        rc = snap_put(&(*val)[i], snaps[i], err);
        *len = (u_int)i + 1;
    }
    free(snaps);
    return rc;
}

int
dispatch_domain_snapshot_create_xml(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_snapshot_create_xml_args *a = args;
    remote_domain_snapshot_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_create_xml, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      snap_put(&r->snap,
                               conn->driver->domain_snapshot_create_xml(
                                   dom, a->xml_desc, a->flags, err), err));
}

int
dispatch_domain_list_all_snapshots(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_domain_list_all_snapshots_args *a = args;
    remote_domain_list_all_snapshots_ret *r = ret;
    struct vireo_domain_snapshot **snaps = NULL;

    if (DISPATCH_NEED(conn, domain_list_all_snapshots, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      put_list(snaps,
                               conn->driver->domain_list_all_snapshots(
                                   dom, &snaps, a->flags, err),
                               a->need_results, &r->snapshots.snapshots_val,
                               &r->snapshots.snapshots_len, &r->ret, err));
}

int
dispatch_domain_snapshot_list_all_children(struct vireo_conn *conn,
                                           const void *args, void *ret,
                                           struct vireo_error *err)
{
    const remote_domain_snapshot_list_all_children_args *a = args;
    remote_domain_snapshot_list_all_children_ret *r = ret;
    struct vireo_domain_snapshot **snaps = NULL;

    if (DISPATCH_NEED(conn, domain_snapshot_list_all_children, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snapshot, err, snap,
              put_list(snaps,
                       conn->driver->domain_snapshot_list_all_children(
                           snap, &snaps, a->flags, err),
                       a->need_results, &r->snapshots.snapshots_val,
                       &r->snapshots.snapshots_len, &r->ret, err));
}

int
dispatch_domain_snapshot_num_children(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_snapshot_num_children_args *a = args;
    remote_domain_snapshot_num_children_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_num_children, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              put_int(conn->driver->domain_snapshot_num_children(
                          snap, a->flags, err), &r->num));
}

int
dispatch_domain_snapshot_lookup_by_name(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_domain_snapshot_lookup_by_name_args *a = args;
    remote_domain_snapshot_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_lookup_by_name, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      snap_put(&r->snap,
                               conn->driver->domain_snapshot_lookup_by_name(
                                   dom, a->name, a->flags, err), err));
}

int
dispatch_domain_has_current_snapshot(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_domain_has_current_snapshot_args *a = args;
    remote_domain_has_current_snapshot_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_has_current_snapshot, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      put_int(conn->driver->domain_has_current_snapshot(
                                  dom, a->flags, err), &r->result));
}

int
dispatch_domain_snapshot_current(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_domain_snapshot_current_args *a = args;
    remote_domain_snapshot_current_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_current, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      snap_put(&r->snap,
                               conn->driver->domain_snapshot_current(
                                   dom, a->flags, err), err));
}

int
dispatch_domain_snapshot_get_parent(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_snapshot_get_parent_args *a = args;
    remote_domain_snapshot_get_parent_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_get_parent, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              snap_put(&r->snap,
                       conn->driver->domain_snapshot_get_parent(
                           snap, a->flags, err), err));
}

int
dispatch_domain_snapshot_get_xml_desc(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_snapshot_get_xml_desc_args *a = args;
    remote_domain_snapshot_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_get_xml_desc, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              dispatch_take_string(&r->xml,
                                   conn->driver->domain_snapshot_get_xml_desc(
                                       snap, a->flags, err)));
}

int
dispatch_domain_snapshot_is_current(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_snapshot_is_current_args *a = args;
    remote_domain_snapshot_is_current_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_is_current, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              put_int(conn->driver->domain_snapshot_is_current(
                          snap, a->flags, err), &r->current));
}

int
dispatch_domain_snapshot_has_metadata(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_snapshot_has_metadata_args *a = args;
    remote_domain_snapshot_has_metadata_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_has_metadata, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              put_int(conn->driver->domain_snapshot_has_metadata(
                          snap, a->flags, err), &r->metadata));
}

int
dispatch_domain_revert_to_snapshot(struct vireo_conn *conn,
                                   const void *args, void *ret,
                                   struct vireo_error *err)
{
    const remote_domain_revert_to_snapshot_args *a = args;

    if (DISPATCH_NEED(conn, domain_revert_to_snapshot, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              conn->driver->domain_revert_to_snapshot(snap, a->flags, err));
}

int
dispatch_domain_snapshot_delete(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_snapshot_delete_args *a = args;

    if (DISPATCH_NEED(conn, domain_snapshot_delete, err) < 0)
        return -1;
    WITH_SNAP(conn, &a->snap, err, snap,
              conn->driver->domain_snapshot_delete(snap, a->flags, err));
}
