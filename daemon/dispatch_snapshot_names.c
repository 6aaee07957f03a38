/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_snapshot_names.c: the snapshot name lists older clients use
 * instead of the LIST_ALL procedures (virDomainSnapshotListNames and
 * virDomainSnapshotListChildrenNames; Perl's Sys::Virt calls them for
 * list_snapshot_names and list_child_snapshot_names). Each is answered
 * from the driver's list of handles, as libvirt's drivers answer both
 * from the one list they keep. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/snapshot_handle.h"

/* The protocol's bound on returned lists (REMOTE_DOMAIN_SNAPSHOT_LIST_MAX). */
#define SNAPSHOT_LIST_MAX 1024

/* libvirtd's check of a client's bound on the answer. */
static int
check_max(int max, struct vireo_error *err)
{
    if (max > SNAPSHOT_LIST_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "maxnames > REMOTE_DOMAIN_SNAPSHOT_LIST_MAX");
    if (max < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN_SNAPSHOT,
                         "maxnames must not be negative");
    return 0;
}

/* Consume n handles (n < 0: the driver failed) into the first max of
 * their names, in the driver's order. */
static int
put_names(struct vireo_domain_snapshot **snaps, int n, int max,
          remote_nonnull_string **val, u_int *len, struct vireo_error *err)
{
    int rc = 0;

    if (n < 0)
        return -1;
    *val = calloc((size_t)n + 1, sizeof(**val));
    if (*val == NULL)
        rc = error_no_memory(err);
    for (int i = 0; i < n; i++) {
        if (rc == 0 && i < max) {
            (*val)[i] = strdup(snaps[i]->name);
            if ((*val)[i] == NULL)
                rc = error_no_memory(err);
            else
                *len = (u_int)i + 1;
        }
        handle_snapshot_unref(snaps[i]);
    }
    free(snaps);
    return rc;
}

/* The snapshots of the domain a names. */
static int
list_snapshots(struct vireo_conn *conn,
               const remote_domain_snapshot_list_names_args *a,
               struct vireo_domain_snapshot ***snaps, struct vireo_error *err)
{
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->dom, err);
    int n;

    if (dom == NULL)
        return -1;
    n = conn->driver->domain_list_all_snapshots(dom, snaps, a->flags, err);
    handle_domain_unref(dom);
    return n;
}

int
dispatch_domain_snapshot_list_names(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_snapshot_list_names_args *a = args;
    remote_domain_snapshot_list_names_ret *r = ret;
    struct vireo_domain_snapshot **snaps = NULL;
    int n;

    if (check_max(a->maxnames, err) < 0 ||
        DISPATCH_NEED(conn, domain_list_all_snapshots, err) < 0)
        return -1;
    n = list_snapshots(conn, a, &snaps, err);
    return put_names(snaps, n, a->maxnames, &r->names.names_val,
                     &r->names.names_len, err);
}

/* The children of the snapshot a names, as a handle for the driver. */
static int
list_children(struct vireo_conn *conn,
              const remote_domain_snapshot_list_children_names_args *a,
              struct vireo_domain_snapshot ***snaps, struct vireo_error *err)
{
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->snap.dom, err);
    struct vireo_domain_snapshot *snap;
    int n;

    if (dom == NULL)
        return -1;
    snap = handle_snapshot_new(dom, a->snap.name, err);
    handle_domain_unref(dom);
    if (snap == NULL)
        return -1;
    n = conn->driver->domain_snapshot_list_all_children(snap, snaps,
                                                        a->flags, err);
    handle_snapshot_unref(snap);
    return n;
}

int
dispatch_domain_snapshot_list_children_names(struct vireo_conn *conn,
                                             const void *args, void *ret,
                                             struct vireo_error *err)
{
    const remote_domain_snapshot_list_children_names_args *a = args;
    remote_domain_snapshot_list_children_names_ret *r = ret;
    struct vireo_domain_snapshot **snaps = NULL;
    int n;

    if (check_max(a->maxnames, err) < 0 ||
        DISPATCH_NEED(conn, domain_snapshot_list_all_children, err) < 0)
        return -1;
    n = list_children(conn, a, &snaps, err);
    return put_names(snaps, n, a->maxnames, &r->names.names_val,
                     &r->names.names_len, err);
}
