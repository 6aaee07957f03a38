/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_domain.c: handlers of domain listing, lookup and query
 * procedures (spec §5.2, §5.4, §5.5). Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

/* The spec's bound on returned lists (REMOTE_DOMAIN_LIST_MAX). */
#define LIST_MAX 16384

/* Consume the driver's handles: into r when wanted, else just dropped. */
static int
fill_list(remote_connect_list_all_domains_ret *r, struct vireo_domain **doms,
          int n, bool is_wanted, struct vireo_error *err)
{
    int rc = 0;

    if (is_wanted) {
        r->domains.domains_val = calloc((size_t)n + 1,
                                        sizeof(remote_nonnull_domain));
        if (r->domains.domains_val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; i < n; i++) {
        if (!is_wanted || rc < 0) {
            handle_domain_unref(doms[i]);
            continue;
        }
        rc = dispatch_dom_put(&r->domains.domains_val[i], doms[i], err);
        r->domains.domains_len = (u_int)i + 1;
    }
    free(doms);
    return rc;
}

int
dispatch_connect_list_all_domains(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_connect_list_all_domains_args *a = args;
    remote_connect_list_all_domains_ret *r = ret;
    struct vireo_domain **doms = NULL;
    int n, rc = 0;

    if (DISPATCH_NEED(conn, conn_list_all_domains, err) < 0)
        return -1;
    n = conn->driver->conn_list_all_domains(conn, &doms, a->flags, err);
    if (n < 0)
        return -1;
    if (n > LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "too many domains: %d for a limit of %d", n, LIST_MAX);
    r->ret = (u_int)n;
    if (fill_list(r, doms, n, rc == 0 && a->need_results, err) < 0)
        return -1;
    return rc;
}

int
dispatch_domain_lookup_by_name(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_lookup_by_name_args *a = args;
    remote_domain_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_lookup_by_name, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_lookup_by_name(
                                         conn, a->name, err), err);
}

int
dispatch_domain_lookup_by_uuid(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_lookup_by_uuid_args *a = args;
    remote_domain_lookup_by_uuid_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_lookup_by_uuid, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_lookup_by_uuid(
                                         conn, (const unsigned char *)a->uuid,
                                         err), err);
}

int
dispatch_domain_lookup_by_id(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_lookup_by_id_args *a = args;
    remote_domain_lookup_by_id_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_lookup_by_id, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_lookup_by_id(
                                         conn, a->id, err), err);
}

/* The driver's info about the domain wire names. */
static int
get_info(struct vireo_conn *conn, const remote_nonnull_domain *wire,
         struct vireo_domain_info *info, struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_get_info, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
                      conn->driver->domain_get_info(dom, info, err));
}

int
dispatch_domain_get_info(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_get_info_args *a = args;
    remote_domain_get_info_ret *r = ret;
    struct vireo_domain_info info = { 0 };

    if (get_info(conn, &a->dom, &info, err) < 0)
        return -1;
    r->state = (u_char)info.state;
    r->maxMem = info.max_mem_kib;
    r->memory = info.memory_kib;
    r->nrVirtCpu = (u_short)info.n_vcpus;
    r->cpuTime = info.cpu_time_ns;
    return 0;
}

int
dispatch_domain_get_max_memory(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_get_max_memory_args *a = args;
    remote_domain_get_max_memory_ret *r = ret;
    struct vireo_domain_info info = { 0 };

    if (get_info(conn, &a->dom, &info, err) < 0)
        return -1;
    r->memory = info.max_mem_kib;
    return 0;
}

int
dispatch_domain_get_state(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_domain_get_state_args *a = args;
    remote_domain_get_state_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_get_state, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_get_state(dom, &r->state, &r->reason,
                                            a->flags, err));
}

int
dispatch_domain_get_xml_desc(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_get_xml_desc_args *a = args;
    remote_domain_get_xml_desc_ret *r = ret;

    /* libvirt keeps a domain's secrets from read-only connections, in
     * virDomainGetXMLDesc itself, before any driver. */
    if (conn->is_read_only && (a->flags & VIR_DOMAIN_XML_SECURE))
        return error_set(err, VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN,
                         "virDomainGetXMLDesc with secure flag");
    if (DISPATCH_NEED(conn, domain_get_xml_desc, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             dispatch_take_string(&r->xml, conn->driver->domain_get_xml_desc(
                                               dom, a->flags, err)));
}

int
dispatch_domain_get_os_type(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_domain_get_os_type_args *a = args;
    remote_domain_get_os_type_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_get_os_type, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             dispatch_take_string(&r->type,
                                  conn->driver->domain_get_os_type(dom, err)));
}

static int
security_label(struct vireo_domain *dom,
               remote_domain_get_security_label_ret *r,
               struct vireo_error *err)
{
    struct vireo_security_label label;

    if (dom->conn->driver->domain_get_security_label(dom, &label, err) < 0)
        return -1;
    r->enforcing = label.enforcing;
    return dispatch_copy_chars(label.label, &r->label.label_val,
                               &r->label.label_len, err);
}

int
dispatch_domain_get_security_label(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_domain_get_security_label_args *a = args;

    if (DISPATCH_NEED(conn, domain_get_security_label, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom, security_label(dom, ret, err));
}

/* A boolean slot's answer into an int ret: the slot returns 0/1 or -1. */
static int
to_flag(int answer, int *out)
{
    if (answer < 0)
        return -1;
    *out = answer;
    return 0;
}

int
dispatch_domain_is_active(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_domain_is_active_args *a = args;
    remote_domain_is_active_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_is_active, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             to_flag(conn->driver->domain_is_active(dom, err), &r->active));
}

int
dispatch_domain_is_persistent(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_is_persistent_args *a = args;
    remote_domain_is_persistent_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_is_persistent, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             to_flag(conn->driver->domain_is_persistent(dom, err),
                     &r->persistent));
}

int
dispatch_domain_get_autostart(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_get_autostart_args *a = args;
    remote_domain_get_autostart_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_get_autostart, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_get_autostart(dom, &r->autostart, err));
}

/* A slot's count into *out: 0, or -1 with err set. */
static int
put_count(int n, int *out)
{
    if (n < 0)
        return -1;
    *out = n;
    return 0;
}

int
dispatch_domain_has_managed_save_image(struct vireo_conn *conn,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_domain_has_managed_save_image_args *a = args;
    remote_domain_has_managed_save_image_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_has_managed_save_image, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             put_count(conn->driver->domain_has_managed_save_image(
                           dom, a->flags, err), &r->result));
}

int
dispatch_domain_snapshot_num(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_snapshot_num_args *a = args;
    remote_domain_snapshot_num_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_snapshot_num, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             put_count(conn->driver->domain_snapshot_num(dom, a->flags, err),
                       &r->num));
}

/* The driver's array of strings becomes the reply's: the strings move,
 * the array is the reply's own (freed with it). */
static int
put_messages(int n, char **msgs, remote_domain_get_messages_ret *r,
             struct vireo_error *err)
{
    if (n < 0)
        return -1;
    if (n > REMOTE_DOMAIN_MESSAGES_MAX) {
        for (int i = 0; i < n; i++)
            free(msgs[i]);
        free(msgs);
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "too many messages: %d for a limit of %d", n,
                         REMOTE_DOMAIN_MESSAGES_MAX);
    }
    r->msgs.msgs_val = msgs;
    r->msgs.msgs_len = (u_int)n;
    return 0;
}

int
dispatch_domain_get_messages(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_get_messages_args *a = args;
    remote_domain_get_messages_ret *r = ret;
    char **msgs = NULL;

    if (DISPATCH_NEED(conn, domain_get_messages, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             put_messages(conn->driver->domain_get_messages(dom, &msgs,
                                                            a->flags, err),
                          msgs, r, err));
}
