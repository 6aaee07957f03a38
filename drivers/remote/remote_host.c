/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_host.c: host queries, and whether the connection is secure or
 * encrypted, each one call to the daemon. Returned strings are taken over
 * from the decoded reply, not copied.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* libvirt's client asks the daemon whether its driver is secure
 * (CONNECT_IS_SECURE), and answers 1 only if that driver is and the
 * transport does its part as well: transport_does. 0 or 1, or -1. */
static int
daemon_secure_and(struct vireo_conn *conn, bool transport_does,
                  struct vireo_error *err)
{
    remote_connect_is_secure_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_IS_SECURE, NULL, &ret,
                    err) < 0)
        return -1;
    return ret.secure != 0 && transport_does;
}

int
remotedrv_conn_is_secure(struct vireo_conn *conn, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;

    return daemon_secure_and(conn,
                             remote_transport_is_secure(priv->transport),
                             err);
}

/* libvirt has no procedure for this: its client asks CONNECT_IS_SECURE
 * too, never the daemon's own is_encrypted (which would say no even over
 * a UNIX socket), and weighs in whether its transport encrypts. */
int
remotedrv_conn_is_encrypted(struct vireo_conn *conn, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;

    return daemon_secure_and(conn,
                             remote_transport_is_encrypted(priv->transport),
                             err);
}

/* The type never changes on a connection, and callers keep the pointer:
 * ask once, keep it with the connection (as libvirt's client does). */
const char *
remotedrv_conn_get_type(struct vireo_conn *conn, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    remote_connect_get_type_ret ret = { 0 };
    const char *type;

    pthread_mutex_lock(&priv->lock);
    type = priv->type;
    pthread_mutex_unlock(&priv->lock);
    if (type != NULL)
        return type;
    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_TYPE, NULL, &ret, err) < 0)
        return NULL;
    pthread_mutex_lock(&priv->lock);
    if (priv->type == NULL)
        priv->type = ret.type;
    else
        free(ret.type);
    type = priv->type;
    pthread_mutex_unlock(&priv->lock);
    return type;
}

int
remotedrv_conn_get_version(struct vireo_conn *conn,
                           unsigned long long *version,
                           struct vireo_error *err)
{
    remote_connect_get_version_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_VERSION, NULL, &ret,
                    err) < 0)
        return -1;
    *version = ret.hv_ver;
    return 0;
}

int
remotedrv_conn_get_lib_version(struct vireo_conn *conn,
                               unsigned long long *version,
                               struct vireo_error *err)
{
    remote_connect_get_lib_version_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_LIB_VERSION, NULL, &ret,
                    err) < 0)
        return -1;
    *version = ret.lib_ver;
    return 0;
}

char *
remotedrv_conn_get_hostname(struct vireo_conn *conn, struct vireo_error *err)
{
    remote_connect_get_hostname_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_HOSTNAME, NULL, &ret,
                    err) < 0)
        return NULL;
    return ret.hostname;
}

char *
remotedrv_conn_get_capabilities(struct vireo_conn *conn,
                                struct vireo_error *err)
{
    remote_connect_get_capabilities_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_CAPABILITIES, NULL, &ret,
                    err) < 0)
        return NULL;
    return ret.capabilities;
}

int
remotedrv_node_get_info(struct vireo_conn *conn, struct vireo_node_info *info,
                        struct vireo_error *err)
{
    remote_node_get_info_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_INFO, NULL, &ret, err) < 0)
        return -1;
    memset(info, 0, sizeof(*info));
    /* The model is a fixed char[32]; it may fill it without a NUL. */
    memcpy(info->model, ret.model, sizeof(info->model) - 1);
    info->memory_kib = ret.memory;
    info->cpus = (unsigned)ret.cpus;
    info->mhz = (unsigned)ret.mhz;
    info->nodes = (unsigned)ret.nodes;
    info->sockets = (unsigned)ret.sockets;
    info->cores = (unsigned)ret.cores;
    info->threads = (unsigned)ret.threads;
    return 0;
}

int
remotedrv_node_get_security_model(struct vireo_conn *conn,
                                  struct vireo_security_model *model,
                                  struct vireo_error *err)
{
    remote_node_get_security_model_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_GET_SECURITY_MODEL, NULL, &ret,
                    err) < 0)
        return -1;
    remote_copy_chars(model->model, sizeof(model->model),
                      ret.model.model_val, ret.model.model_len);
    remote_copy_chars(model->doi, sizeof(model->doi), ret.doi.doi_val,
                      ret.doi.doi_len);
    xdr_free((xdrproc_t)xdr_remote_node_get_security_model_ret, &ret);
    return 0;
}
