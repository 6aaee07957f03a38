/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_host.c: handlers of the connection and host procedures
 * (spec §5.1). Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "wire/procs.h"

int
dispatch_connect_get_type(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    remote_connect_get_type_ret *r = ret;
    const char *type;

    if (DISPATCH_NEED(conn, conn_get_type, err) < 0)
        return -1;
    type = conn->driver->conn_get_type(conn, err);
    if (type == NULL)
        return -1;
    r->type = strdup(type);
    return r->type != NULL ? 0 : error_no_memory(err);
}

int
dispatch_connect_get_version(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    remote_connect_get_version_ret *r = ret;
    unsigned long long version;

    if (DISPATCH_NEED(conn, conn_get_version, err) < 0 ||
        conn->driver->conn_get_version(conn, &version, err) < 0)
        return -1;
    r->hv_ver = version;
    return 0;
}

/* The libvirt release whose protocol vireod speaks, never vireo's own
 * version: libvirt's clients read the daemon's "library version" as the
 * libvirt it runs, and gate calls on it (virt-manager, go-libvirt's
 * Version, `virsh version --daemon`). */
int
dispatch_connect_get_lib_version(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    remote_connect_get_lib_version_ret *r = ret;

    r->lib_ver = WIRE_LIBVIRT_VERSION;
    return 0;
}

int
dispatch_connect_get_hostname(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    remote_connect_get_hostname_ret *r = ret;

    if (DISPATCH_NEED(conn, conn_get_hostname, err) < 0)
        return -1;
    return dispatch_take_string(&r->hostname,
                                conn->driver->conn_get_hostname(conn, err));
}

int
dispatch_connect_get_capabilities(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    remote_connect_get_capabilities_ret *r = ret;

    if (DISPATCH_NEED(conn, conn_get_capabilities, err) < 0)
        return -1;
    return dispatch_take_string(&r->capabilities,
                                conn->driver->conn_get_capabilities(conn,
                                                                    err));
}

int
dispatch_connect_get_uri(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    remote_connect_get_uri_ret *r = ret;

    r->uri = strdup(conn->uri);
    return r->uri != NULL ? 0 : error_no_memory(err);
}

/* The driver's answer, as libvirtd gives it: the client's remote driver
 * then weighs in what it knows of its own transport. libvirt has no
 * procedure for virConnectIsEncrypted: its clients ask this one for that
 * too, and answer 1 only when their transport encrypts (TLS, ssh), so the
 * drivers' conn_is_encrypted is never asked over the wire. */
int
dispatch_connect_is_secure(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    remote_connect_is_secure_ret *r = ret;
    int secure;

    if (DISPATCH_NEED(conn, conn_is_secure, err) < 0 ||
        (secure = conn->driver->conn_is_secure(conn, err)) < 0)
        return -1;
    r->secure = secure;
    return 0;
}

int
dispatch_node_get_info(struct vireo_conn *conn, const void *args, void *ret,
                       struct vireo_error *err)
{
    remote_node_get_info_ret *r = ret;
    struct vireo_node_info info = { 0 };

    if (DISPATCH_NEED(conn, node_get_info, err) < 0 ||
        conn->driver->node_get_info(conn, &info, err) < 0)
        return -1;
    memcpy(r->model, info.model, sizeof(r->model));
    r->memory = info.memory_kib;
    r->cpus = (int)info.cpus;
    r->mhz = (int)info.mhz;
    r->nodes = (int)info.nodes;
    r->sockets = (int)info.sockets;
    r->cores = (int)info.cores;
    r->threads = (int)info.threads;
    return 0;
}

/* A driver without a security driver has an empty model: virsh then
 * shows no security lines and asks for no label. */
int
dispatch_node_get_security_model(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    remote_node_get_security_model_ret *r = ret;
    struct vireo_security_model model = { "", "" };

    if (conn->driver->node_get_security_model != NULL &&
        conn->driver->node_get_security_model(conn, &model, err) < 0)
        return -1;
    if (dispatch_copy_chars(model.model, &r->model.model_val,
                            &r->model.model_len, err) < 0)
        return -1;
    return dispatch_copy_chars(model.doi, &r->doi.doi_val, &r->doi.doi_len,
                               err);
}
