/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_checkpoint.c: handlers of the checkpoint procedures. A
 * checkpoint travels as its name and its domain
 * (remote_nonnull_domain_checkpoint); the handler makes a handle of it for
 * the driver, and turns the driver's handles back into that form. Driver
 * threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/checkpoint_handle.h"

/* The protocol's bound on returned lists
 * (REMOTE_DOMAIN_CHECKPOINT_LIST_MAX). */
#define CHECKPOINT_LIST_MAX 16384

/* A handle on the checkpoint wire names, or NULL with err set. */
static struct vireo_domain_checkpoint *
chk_get(struct vireo_conn *conn, const remote_nonnull_domain_checkpoint *wire,
        struct vireo_error *err)
{
    struct vireo_domain *dom = dispatch_dom_get(conn, &wire->dom, err);
    struct vireo_domain_checkpoint *chk;

    if (dom == NULL)
        return NULL;
    chk = handle_checkpoint_new(dom, wire->name, err);
    handle_domain_unref(dom);
    return chk;
}

/* Fill *wire from chk (strings malloc'ed, for xdr_free) and unref chk,
 * which may be NULL (the driver failed: returns -1). */
static int
chk_put(remote_nonnull_domain_checkpoint *wire,
        struct vireo_domain_checkpoint *chk, struct vireo_error *err)
{
    int rc;

    if (chk == NULL)
        return -1;
    wire->name = strdup(chk->name);
    rc = wire->name != NULL
         ? dispatch_dom_put(&wire->dom, handle_domain_ref(chk->dom), err)
         : error_no_memory(err);
    handle_checkpoint_unref(chk);
    return rc;
}

/* In a handler: evaluate call with chk bound to the checkpoint wire
 * names, then drop it and return call's value. */
#define WITH_CHK(conn, wire, err, chk, call)                              \
    do {                                                                  \
        int rc_;                                                          \
        struct vireo_domain_checkpoint *chk = chk_get(conn, wire, err);   \
        if (chk == NULL)                                                  \
            return -1;                                                    \
        rc_ = (call);                                                     \
        handle_checkpoint_unref(chk);                                     \
        return rc_;                                                       \
    } while (0)

/* A list's wire form: its handles, and their count. */
struct wire_list {
    remote_nonnull_domain_checkpoint **val;
    u_int                             *len;
    int                               *count;
};

/* Consume n handles into a wire list, or only count them. */
static int
put_list(struct vireo_domain_checkpoint **chks, int n, bool is_wanted,
         struct wire_list out, struct vireo_error *err)
{
    int rc = 0;

    if (n < 0)
        return -1;
    if (n > CHECKPOINT_LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "too many checkpoints: %d for a limit of %d", n,
                       CHECKPOINT_LIST_MAX);
    *out.count = n;
    if (rc == 0 && is_wanted &&
        (*out.val = calloc((size_t)n + 1, sizeof(**out.val))) == NULL)
        rc = error_no_memory(err);
    for (int i = 0; i < n; i++) {
        if (rc < 0 || !is_wanted) {
            handle_checkpoint_unref(chks[i]);
            continue;
        }
        rc = chk_put(&(*out.val)[i], chks[i], err);
        *out.len = (u_int)i + 1;
    }
    free(chks);
    return rc;
}

int
dispatch_domain_checkpoint_create_xml(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_checkpoint_create_xml_args *a = args;
    remote_domain_checkpoint_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_checkpoint_create_xml, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      chk_put(&r->checkpoint,
                              conn->driver->domain_checkpoint_create_xml(
                                  dom, a->xml_desc, a->flags, err), err));
}

int
dispatch_domain_checkpoint_get_xml_desc(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_domain_checkpoint_get_xml_desc_args *a = args;
    remote_domain_checkpoint_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_checkpoint_get_xml_desc, err) < 0)
        return -1;
    WITH_CHK(conn, &a->checkpoint, err, chk,
             dispatch_take_string(&r->xml,
                                  conn->driver->domain_checkpoint_get_xml_desc(
                                      chk, a->flags, err)));
}

int
dispatch_domain_list_all_checkpoints(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_domain_list_all_checkpoints_args *a = args;
    remote_domain_list_all_checkpoints_ret *r = ret;
    struct vireo_domain_checkpoint **chks = NULL;
    struct wire_list out = { &r->checkpoints.checkpoints_val,
                             &r->checkpoints.checkpoints_len, &r->ret };

    if (DISPATCH_NEED(conn, domain_list_all_checkpoints, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      put_list(chks,
                               conn->driver->domain_list_all_checkpoints(
                                   dom, &chks, a->flags, err),
                               a->need_results, out, err));
}

int
dispatch_domain_checkpoint_list_all_children(struct vireo_conn *conn,
                                             const void *args, void *ret,
                                             struct vireo_error *err)
{
    const remote_domain_checkpoint_list_all_children_args *a = args;
    remote_domain_checkpoint_list_all_children_ret *r = ret;
    struct vireo_domain_checkpoint **chks = NULL;
    struct wire_list out = { &r->checkpoints.checkpoints_val,
                             &r->checkpoints.checkpoints_len, &r->ret };

    if (DISPATCH_NEED(conn, domain_checkpoint_list_all_children, err) < 0)
        return -1;
    WITH_CHK(conn, &a->checkpoint, err, chk,
             put_list(chks,
                      conn->driver->domain_checkpoint_list_all_children(
                          chk, &chks, a->flags, err),
                      a->need_results, out, err));
}

int
dispatch_domain_checkpoint_lookup_by_name(struct vireo_conn *conn,
                                          const void *args, void *ret,
                                          struct vireo_error *err)
{
    const remote_domain_checkpoint_lookup_by_name_args *a = args;
    remote_domain_checkpoint_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_checkpoint_lookup_by_name, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      chk_put(&r->checkpoint,
                              conn->driver->domain_checkpoint_lookup_by_name(
                                  dom, a->name, a->flags, err), err));
}

int
dispatch_domain_checkpoint_get_parent(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_checkpoint_get_parent_args *a = args;
    remote_domain_checkpoint_get_parent_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_checkpoint_get_parent, err) < 0)
        return -1;
    WITH_CHK(conn, &a->checkpoint, err, chk,
             chk_put(&r->parent,
                     conn->driver->domain_checkpoint_get_parent(
                         chk, a->flags, err), err));
}

int
dispatch_domain_checkpoint_delete(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_checkpoint_delete_args *a = args;

    (void)ret;
    if (DISPATCH_NEED(conn, domain_checkpoint_delete, err) < 0)
        return -1;
    WITH_CHK(conn, &a->checkpoint, err, chk,
             conn->driver->domain_checkpoint_delete(chk, a->flags, err));
}
