/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_query.c: lookups, listing and per-domain queries over the wire.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* ---- Listing and lookups ---------------------------------------------- */

/* A NULL-terminated array of handles on the listed domains, or -1. */
static int
collect(struct vireo_conn *conn, const remote_connect_list_all_domains_ret *ret,
        struct vireo_domain ***doms, struct vireo_error *err)
{
    u_int n = ret->domains.domains_len;
    struct vireo_domain **out = calloc(n + 1, sizeof(*out));

    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        out[i] = remote_domain_from_wire(conn, &ret->domains.domains_val[i],
                                         err);
        if (out[i] == NULL) {
            handle_domain_array_free(out, (int)i);
            return -1;
        }
    }
    *doms = out;
    return (int)n;
}

int
remotedrv_conn_list_all_domains(struct vireo_conn *conn,
                                struct vireo_domain ***doms, unsigned flags,
                                struct vireo_error *err)
{
    remote_connect_list_all_domains_args args = { doms != NULL, flags };
    remote_connect_list_all_domains_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS, &args, &ret,
                    err) < 0)
        return -1;
    n = doms != NULL ? collect(conn, &ret, doms, err) : (int)ret.ret;
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_domains_ret, &ret);
    return n;
}

/* Every lookup reply is one domain: a handle on it, the reply released. */
static struct vireo_domain *
lookup(struct vireo_conn *conn, int proc, const void *args,
       struct vireo_error *err)
{
    remote_domain_lookup_by_name_ret ret;
    struct vireo_domain *dom;

    _Static_assert(sizeof(remote_domain_lookup_by_name_ret) ==
                   sizeof(remote_domain_lookup_by_uuid_ret) &&
                   sizeof(remote_domain_lookup_by_name_ret) ==
                   sizeof(remote_domain_lookup_by_id_ret),
                   "the three lookups answer the same struct");
    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, proc, args, &ret, err) < 0)
        return NULL;
    dom = remote_domain_from_wire(conn, &ret.dom, err);
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_ret, &ret);
    return dom;
}

struct vireo_domain *
remotedrv_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                                struct vireo_error *err)
{
    remote_domain_lookup_by_name_args args = { (char *)name };

    return lookup(conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME, &args, err);
}

struct vireo_domain *
remotedrv_domain_lookup_by_uuid(struct vireo_conn *conn,
                                const unsigned char *uuid,
                                struct vireo_error *err)
{
    remote_domain_lookup_by_uuid_args args;

    memcpy(args.uuid, uuid, sizeof(args.uuid));
    return lookup(conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID, &args, err);
}

struct vireo_domain *
remotedrv_domain_lookup_by_id(struct vireo_conn *conn, int id,
                              struct vireo_error *err)
{
    remote_domain_lookup_by_id_args args = { id };

    return lookup(conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_ID, &args, err);
}

/* ---- One domain ------------------------------------------------------- */

int
remotedrv_domain_get_info(struct vireo_domain *dom,
                          struct vireo_domain_info *info,
                          struct vireo_error *err)
{
    remote_domain_get_info_args args;
    remote_domain_get_info_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_INFO, &args, &ret,
                    err) < 0)
        return -1;
    info->state = ret.state;
    info->max_mem_kib = ret.maxMem;
    info->memory_kib = ret.memory;
    info->n_vcpus = ret.nrVirtCpu;
    info->cpu_time_ns = ret.cpuTime;
    return 0;
}

int
remotedrv_domain_get_state(struct vireo_domain *dom, int *state, int *reason,
                           unsigned flags, struct vireo_error *err)
{
    remote_domain_get_state_args args = { .flags = flags };
    remote_domain_get_state_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_STATE, &args, &ret,
                    err) < 0)
        return -1;
    *state = ret.state;
    if (reason != NULL)
        *reason = ret.reason;
    return 0;
}

char *
remotedrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err)
{
    remote_domain_get_xml_desc_args args = { .flags = flags };
    remote_domain_get_xml_desc_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_XML_DESC, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.xml;
}

int
remotedrv_domain_get_security_label(struct vireo_domain *dom,
                                    struct vireo_security_label *label,
                                    struct vireo_error *err)
{
    remote_domain_get_security_label_args args;
    remote_domain_get_security_label_ret ret;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL, &args,
                    &ret, err) < 0)
        return -1;
    remote_copy_chars(label->label, sizeof(label->label),
                      ret.label.label_val, ret.label.label_len);
    label->enforcing = ret.enforcing;
    xdr_free((xdrproc_t)xdr_remote_domain_get_security_label_ret, &ret);
    return 0;
}

char *
remotedrv_domain_get_os_type(struct vireo_domain *dom,
                             struct vireo_error *err)
{
    remote_domain_get_os_type_args args;
    remote_domain_get_os_type_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_OS_TYPE, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.type;
}

int
remotedrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                               struct vireo_error *err)
{
    remote_domain_get_autostart_args args;
    remote_domain_get_autostart_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_AUTOSTART, &args, &ret,
                    err) < 0)
        return -1;
    *autostart = ret.autostart;
    return 0;
}

int
remotedrv_domain_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    remote_domain_is_active_args args;
    remote_domain_is_active_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_IS_ACTIVE, &args, &ret,
                    err) < 0)
        return -1;
    return ret.active != 0;
}

int
remotedrv_domain_is_persistent(struct vireo_domain *dom,
                               struct vireo_error *err)
{
    remote_domain_is_persistent_args args;
    remote_domain_is_persistent_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_IS_PERSISTENT, &args, &ret,
                    err) < 0)
        return -1;
    return ret.persistent != 0;
}

int
remotedrv_domain_has_managed_save_image(struct vireo_domain *dom,
                                        unsigned flags,
                                        struct vireo_error *err)
{
    remote_domain_has_managed_save_image_args args = { .flags = flags };
    remote_domain_has_managed_save_image_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE,
                    &args, &ret, err) < 0)
        return -1;
    return ret.result != 0;
}

int
remotedrv_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err)
{
    remote_domain_snapshot_num_args args = { .flags = flags };
    remote_domain_snapshot_num_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_SNAPSHOT_NUM, &args, &ret,
                    err) < 0)
        return -1;
    return ret.num;
}

/* The reply's array of strings becomes the caller's, with a NULL after
 * the last string (NULL itself when there are none); the reply is left
 * owning nothing. */
static int
take_messages(remote_domain_get_messages_ret *ret, char ***msgs,
              struct vireo_error *err)
{
    u_int n = ret->msgs.msgs_len;
    char **out;

    if (n == 0)
        return 0;
    out = realloc(ret->msgs.msgs_val, (n + 1) * sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    out[n] = NULL;
    ret->msgs.msgs_val = NULL;
    ret->msgs.msgs_len = 0;
    *msgs = out;
    return (int)n;
}

int
remotedrv_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                              unsigned flags, struct vireo_error *err)
{
    remote_domain_get_messages_args args = { .flags = flags };
    remote_domain_get_messages_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    *msgs = NULL;
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_MESSAGES, &args, &ret,
                    err) < 0)
        return -1;
    n = take_messages(&ret, msgs, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_messages_ret, &ret);
    return n;
}
