/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_checkpoint.c: the checkpoint calls over the wire. A checkpoint
 * goes as its name and domain; one the daemon names comes back as a
 * handle on the caller's own domain handle.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/checkpoint_handle.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

static void
chk_to_wire(const struct vireo_domain_checkpoint *chk,
            remote_nonnull_domain_checkpoint *out)
{
    out->name = chk->name;
    remote_domain_to_wire(chk->dom, &out->dom);
}

/* A handle for the checkpoint of dom the daemon named in the reply ret
 * (of type proc, which names its field `field`), then the reply freed. */
#define CHK_CALL(dom, PROC, args, ret_type, field, err)                    \
    do {                                                                   \
        ret_type ret_;                                                     \
        struct vireo_domain_checkpoint *chk_;                              \
        memset(&ret_, 0, sizeof(ret_));                                    \
        if (remote_call((dom)->conn, REMOTE_PROC_##PROC, args, &ret_,      \
                        err) < 0)                                          \
            return NULL;                                                   \
        chk_ = handle_checkpoint_new(dom, ret_.field.name, err);           \
        xdr_free((xdrproc_t)xdr_##ret_type, (char *)&ret_);                \
        return chk_;                                                       \
    } while (0)

struct vireo_domain_checkpoint *
remotedrv_domain_checkpoint_create_xml(struct vireo_domain *dom,
                                       const char *xml, unsigned flags,
                                       struct vireo_error *err)
{
    remote_domain_checkpoint_create_xml_args args = {
        .xml_desc = (char *)xml, .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    CHK_CALL(dom, DOMAIN_CHECKPOINT_CREATE_XML, &args,
             remote_domain_checkpoint_create_xml_ret, checkpoint, err);
}

struct vireo_domain_checkpoint *
remotedrv_domain_checkpoint_lookup_by_name(struct vireo_domain *dom,
                                           const char *name, unsigned flags,
                                           struct vireo_error *err)
{
    remote_domain_checkpoint_lookup_by_name_args args = {
        .name = (char *)name, .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    CHK_CALL(dom, DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, &args,
             remote_domain_checkpoint_lookup_by_name_ret, checkpoint, err);
}

struct vireo_domain_checkpoint *
remotedrv_domain_checkpoint_get_parent(struct vireo_domain_checkpoint *chk,
                                       unsigned flags,
                                       struct vireo_error *err)
{
    remote_domain_checkpoint_get_parent_args args = { .flags = flags };

    chk_to_wire(chk, &args.checkpoint);
    CHK_CALL(chk->dom, DOMAIN_CHECKPOINT_GET_PARENT, &args,
             remote_domain_checkpoint_get_parent_ret, parent, err);
}

char *
remotedrv_domain_checkpoint_get_xml_desc(struct vireo_domain_checkpoint *chk,
                                         unsigned flags,
                                         struct vireo_error *err)
{
    remote_domain_checkpoint_get_xml_desc_args args = { .flags = flags };
    remote_domain_checkpoint_get_xml_desc_ret ret = { 0 };

    chk_to_wire(chk, &args.checkpoint);
    if (remote_call(chk->dom->conn, REMOTE_PROC_DOMAIN_CHECKPOINT_GET_XML_DESC,
                    &args, &ret, err) < 0)
        return NULL;
    return ret.xml;
}

/* The handles of a listed set, or its count alone when chks is NULL. */
static int
collect(struct vireo_domain *dom, const remote_nonnull_domain_checkpoint *val,
        u_int n, int count, struct vireo_domain_checkpoint ***chks,
        struct vireo_error *err)
{
    struct vireo_domain_checkpoint **out;

    if (chks == NULL || count < 0)
        return count;
    out = calloc((size_t)n + 1, sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        out[i] = handle_checkpoint_new(dom, val[i].name, err);
        if (out[i] == NULL) {
            handle_checkpoint_array_free(out, (int)i);
            return -1;
        }
    }
    *chks = out;
    return (int)n;
}

int
remotedrv_domain_list_all_checkpoints(struct vireo_domain *dom,
                                      struct vireo_domain_checkpoint ***chks,
                                      unsigned flags,
                                      struct vireo_error *err)
{
    remote_domain_list_all_checkpoints_args args = {
        .need_results = chks != NULL, .flags = flags,
    };
    remote_domain_list_all_checkpoints_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_LIST_ALL_CHECKPOINTS, &args,
                    &ret, err) < 0)
        return -1;
    n = collect(dom, ret.checkpoints.checkpoints_val,
                ret.checkpoints.checkpoints_len, ret.ret, chks, err);
    xdr_free((xdrproc_t)xdr_remote_domain_list_all_checkpoints_ret,
             (char *)&ret);
    return n;
}

int
remotedrv_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err)
{
    remote_domain_checkpoint_list_all_children_args args = {
        .need_results = chks != NULL, .flags = flags,
    };
    remote_domain_checkpoint_list_all_children_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    chk_to_wire(chk, &args.checkpoint);
    if (remote_call(chk->dom->conn,
                    REMOTE_PROC_DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN, &args,
                    &ret, err) < 0)
        return -1;
    n = collect(chk->dom, ret.checkpoints.checkpoints_val,
                ret.checkpoints.checkpoints_len, ret.ret, chks, err);
    xdr_free((xdrproc_t)xdr_remote_domain_checkpoint_list_all_children_ret,
             (char *)&ret);
    return n;
}

int
remotedrv_domain_checkpoint_delete(struct vireo_domain_checkpoint *chk,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_checkpoint_delete_args args = { .flags = flags };

    chk_to_wire(chk, &args.checkpoint);
    return remote_call(chk->dom->conn, REMOTE_PROC_DOMAIN_CHECKPOINT_DELETE,
                       &args, NULL, err);
}
