/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_object_event_kinds.c: storage pool and node device events from
 * the daemon.
 *
 * As libvirt's remote driver does, the daemon is asked once per event id
 * (for every object of the kind) when the first local callback for that
 * id registers, and told to stop when the last one goes; the local
 * registrations (object_event.h, one state per kind and connection, made
 * with the first registration of either kind) filter and fan out each
 * event message on the registered loop's thread.
 *
 * Locks are remote_event.c's: priv->lock around registration and the
 * daemon calls it makes, priv->events_lock around each object_event call.
 * The thread that reads event messages looks only at the atomic daemon
 * callback ids before taking events_lock.
 */
#include <stdlib.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/node_device_event.h"
#include "drivers/nodedev_handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/rpc_client.h"
#include "drivers/storage_handle.h"
#include "drivers/storage_pool_event.h"
#include "wire/decode.h"
#include "wire/procs.h"

/* Both kinds have two event ids. */
#define N_IDS 2

/* One kind's events on the connection (see the locks above). */
struct kind_events {
    struct object_event_state *local;              /* behind events_lock */
    int                        n_local[N_IDS];     /* callbacks; lock */
    atomic_int                 daemon_id[N_IDS];   /* -1: none */
};

/* Owned by the connection. */
struct remote_object_event_kinds {
    struct kind_events pools;
    struct kind_events devs;
};

/* How to ask the daemon for one kind's events, and to stop. */
struct kind_spec {
    const struct object_event_kind *kind;
    int (*daemon_add)(struct vireo_conn *conn, int event_id, int *daemon_id,
                      struct vireo_error *err);
    int (*daemon_remove)(struct vireo_conn *conn, int daemon_id,
                         struct vireo_error *err);
};

static int
pool_daemon_add(struct vireo_conn *conn, int event_id, int *daemon_id,
                struct vireo_error *err)
{
    remote_connect_storage_pool_event_register_any_args args = { event_id,
                                                                 NULL };
    remote_connect_storage_pool_event_register_any_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
                    &args, &ret, err) < 0)
        return -1;
    *daemon_id = ret.callbackID;
    return 0;
}

static int
pool_daemon_remove(struct vireo_conn *conn, int daemon_id,
                   struct vireo_error *err)
{
    remote_connect_storage_pool_event_deregister_any_args args = {
        daemon_id
    };

    return remote_call(conn,
                       REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY,
                       &args, NULL, err);
}

static int
dev_daemon_add(struct vireo_conn *conn, int event_id, int *daemon_id,
               struct vireo_error *err)
{
    remote_connect_node_device_event_register_any_args args = { event_id,
                                                                NULL };
    remote_connect_node_device_event_register_any_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
                    &args, &ret, err) < 0)
        return -1;
    *daemon_id = ret.callbackID;
    return 0;
}

static int
dev_daemon_remove(struct vireo_conn *conn, int daemon_id,
                  struct vireo_error *err)
{
    remote_connect_node_device_event_deregister_any_args args = {
        daemon_id
    };

    return remote_call(conn,
                       REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY,
                       &args, NULL, err);
}

static const struct kind_spec pool_spec = {
    &storage_pool_event_kind, pool_daemon_add, pool_daemon_remove,
};
static const struct kind_spec dev_spec = {
    &node_device_event_kind, dev_daemon_add, dev_daemon_remove,
};

void
remote_object_event_kinds_free(struct remote_priv *priv)
{
    if (priv->object_kinds == NULL)
        return;
    object_event_state_free(priv->object_kinds->pools.local);
    object_event_state_free(priv->object_kinds->devs.local);
    free(priv->object_kinds);
    priv->object_kinds = NULL;
}

/* priv->lock held: the connection's states, made on first use. */
static struct remote_object_event_kinds *
kinds(struct remote_priv *priv, struct vireo_error *err)
{
    struct remote_object_event_kinds *k = priv->object_kinds;

    if (k != NULL)
        return k;
    k = calloc(1, sizeof(*k));
    if (k != NULL) {
        k->pools.local = object_event_state_new(&storage_pool_event_kind);
        k->devs.local = object_event_state_new(&node_device_event_kind);
    }
    if (k == NULL || k->pools.local == NULL || k->devs.local == NULL) {
        if (k != NULL) {
            object_event_state_free(k->pools.local);
            object_event_state_free(k->devs.local);
            free(k);
        }
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < N_IDS; i++) {
        atomic_init(&k->pools.daemon_id[i], -1);
        atomic_init(&k->devs.daemon_id[i], -1);
    }
    pthread_mutex_lock(&priv->events_lock);
    priv->object_kinds = k;   /* the reading thread may look from now on */
    pthread_mutex_unlock(&priv->events_lock);
    return k;
}

static struct kind_events *
events_of(struct remote_object_event_kinds *k, const struct kind_spec *spec)
{
    return spec == &pool_spec ? &k->pools : &k->devs;
}

/* ---- Messages (the reading thread) ------------------------------------ */

/* Hand an event the daemon sent for its callback daemon_id to the local
 * callbacks of event_id, if that registration is still ours. */
static void
relay(struct remote_priv *priv, const struct kind_spec *spec, int event_id,
      int daemon_id, const char *name, const unsigned char *uuid,
      const struct object_event_payload *p)
{
    pthread_mutex_lock(&priv->events_lock);
    if (priv->object_kinds != NULL) {
        struct kind_events *ke = events_of(priv->object_kinds, spec);

        if (atomic_load(&ke->daemon_id[event_id]) == daemon_id)
            object_event_queue(ke->local, event_id, name, uuid, p);
    }
    pthread_mutex_unlock(&priv->events_lock);
}

static void
on_pool_message(int proc, const void *body, struct remote_priv *priv)
{
    if (proc == REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE) {
        const remote_storage_pool_event_lifecycle_msg *m = body;
        struct object_event_payload p = { .ints = { m->event, m->detail } };

        relay(priv, &pool_spec, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
              m->callbackID, m->pool.name,
              (const unsigned char *)m->pool.uuid, &p);
    } else {
        const remote_storage_pool_event_refresh_msg *m = body;
        struct object_event_payload p = { 0 };

        relay(priv, &pool_spec, VIR_STORAGE_POOL_EVENT_ID_REFRESH,
              m->callbackID, m->pool.name,
              (const unsigned char *)m->pool.uuid, &p);
    }
}

static void
on_dev_message(int proc, const void *body, struct remote_priv *priv)
{
    if (proc == REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE) {
        const remote_node_device_event_lifecycle_msg *m = body;
        struct object_event_payload p = { .ints = { m->event, m->detail } };

        relay(priv, &dev_spec, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
              m->callbackID, m->dev.name, NULL, &p);
    } else {
        const remote_node_device_event_update_msg *m = body;
        struct object_event_payload p = { 0 };

        relay(priv, &dev_spec, VIR_NODE_DEVICE_EVENT_ID_UPDATE,
              m->callbackID, m->dev.name, NULL, &p);
    }
}

bool
remote_object_event_kinds_on_message(const struct wire_message *msg,
                                     struct remote_priv *priv)
{
    int proc = (int)msg->header.proc;

    if (msg->header.prog != WIRE_REMOTE_PROGRAM)
        return false;
    switch (proc) {
    case REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE:
    case REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH:
        if (msg->body != NULL)
            on_pool_message(proc, msg->body, priv);
        return true;
    case REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE:
    case REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE:
        if (msg->body != NULL)
            on_dev_message(proc, msg->body, priv);
        return true;
    default:
        return false;
    }
}

/* ---- Registrations (the caller's thread) ------------------------------ */

/* priv->lock held: ask the daemon for event_id's events. */
static int
daemon_add(struct vireo_conn *conn, const struct kind_spec *spec,
           struct kind_events *ke, int event_id, struct vireo_error *err)
{
    int daemon_id;

    if (spec->daemon_add(conn, event_id, &daemon_id, err) < 0)
        return -1;
    atomic_store(&ke->daemon_id[event_id], daemon_id);
    return 0;
}

/* priv->lock held: tell the daemon to stop sending event_id's events. */
static int
daemon_remove(struct vireo_conn *conn, const struct kind_spec *spec,
              struct kind_events *ke, int event_id, struct vireo_error *err)
{
    int daemon_id = atomic_exchange(&ke->daemon_id[event_id], -1);

    return daemon_id < 0 ? 0 : spec->daemon_remove(conn, daemon_id, err);
}

static int
kind_register(struct vireo_conn *conn, const struct kind_spec *spec,
              const char *filter_name, const unsigned char *filter_uuid,
              int event_id, object_event_cb cb, void *opaque,
              vireo_free_cb free_cb, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    struct remote_object_event_kinds *k;
    struct kind_events *ke;
    struct vireo_error ignored = { 0 };
    int id = -1;

    if (event_id < 0 || event_id >= spec->kind->n_event_ids)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "unsupported event ID %d", event_id);
    if (rpc_client_watch(priv->rpc, err) < 0)
        return -1;
    pthread_mutex_lock(&priv->lock);
    if ((k = kinds(priv, err)) == NULL)
        goto out;
    ke = events_of(k, spec);
    if (ke->n_local[event_id] == 0 &&
        daemon_add(conn, spec, ke, event_id, err) < 0)
        goto out;
    pthread_mutex_lock(&priv->events_lock);
    id = object_event_register(ke->local, conn, filter_name, filter_uuid,
                               event_id, cb, opaque, free_cb, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (id >= 0)
        ke->n_local[event_id]++;
    else if (ke->n_local[event_id] == 0)
        daemon_remove(conn, spec, ke, event_id, &ignored);
out:
    pthread_mutex_unlock(&priv->lock);
    return id;
}

static int
kind_deregister(struct vireo_conn *conn, const struct kind_spec *spec,
                int callback_id, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    struct remote_object_event_kinds *k;
    struct kind_events *ke;
    int event_id, rc = -1;

    pthread_mutex_lock(&priv->lock);
    if ((k = kinds(priv, err)) == NULL)
        goto out;
    ke = events_of(k, spec);
    pthread_mutex_lock(&priv->events_lock);
    event_id = object_event_callback_event_id(ke->local, conn, callback_id);
    rc = object_event_deregister(ke->local, conn, callback_id, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (rc == 0 && --ke->n_local[event_id] == 0)
        rc = daemon_remove(conn, spec, ke, event_id, err);
out:
    pthread_mutex_unlock(&priv->lock);
    return rc;
}

void
remote_object_event_kinds_close(struct vireo_conn *conn)
{
    struct remote_priv *priv = conn->priv;

    pthread_mutex_lock(&priv->events_lock);
    if (priv->object_kinds != NULL) {
        object_event_deregister_conn(priv->object_kinds->pools.local, conn);
        object_event_deregister_conn(priv->object_kinds->devs.local, conn);
    }
    pthread_mutex_unlock(&priv->events_lock);
}

int
remotedrv_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    return kind_register(conn, &pool_spec, NULL,
                         pool != NULL ? pool->uuid : NULL, event_id,
                         OBJECT_EVENT_CB(cb), opaque, free_cb, err);
}

int
remotedrv_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                            int callback_id,
                                            struct vireo_error *err)
{
    return kind_deregister(conn, &pool_spec, callback_id, err);
}

int
remotedrv_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    return kind_register(conn, &dev_spec, dev != NULL ? dev->name : NULL,
                         NULL, event_id, OBJECT_EVENT_CB(cb), opaque, free_cb,
                         err);
}

int
remotedrv_node_device_event_deregister_any(struct vireo_conn *conn,
                                           int callback_id,
                                           struct vireo_error *err)
{
    return kind_deregister(conn, &dev_spec, callback_id, err);
}
