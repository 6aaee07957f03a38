/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_object_event.c: network events from the daemon.
 *
 * As for domain events (remote_event.c), the daemon is asked once, for
 * every network, when the first local callback registers, and told to
 * stop when the last one goes; the local registrations (object_event.h,
 * one state per connection, made with the first) filter and fan out each
 * NETWORK_EVENT_LIFECYCLE message on the registered loop's thread.
 *
 * Locks are remote_event.c's: priv->lock around registration and the
 * daemon calls it makes, priv->events_lock around each object_event call.
 * The thread that reads event messages looks only at the atomic callback
 * id before taking events_lock.
 */
#include <stdlib.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network_event.h"
#include "drivers/network_handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/rpc_client.h"
#include "wire/decode.h"
#include "wire/procs.h"

/* Owned by the connection (see the locks above). */
struct remote_object_events {
    struct object_event_state *networks;    /* behind events_lock */
    int                        n_networks;  /* local callbacks; lock */
    atomic_int                 network_id;  /* the daemon's; -1: none */
};

void
remote_object_events_free(struct remote_priv *priv)
{
    remote_object_event_kinds_free(priv);
    if (priv->objects == NULL)
        return;
    object_event_state_free(priv->objects->networks);
    free(priv->objects);
    priv->objects = NULL;
}

/* priv->lock held: the connection's object events, made on first use. */
static struct remote_object_events *
objects(struct remote_priv *priv, struct vireo_error *err)
{
    struct remote_object_events *o = priv->objects;

    if (o != NULL)
        return o;
    o = calloc(1, sizeof(*o));
    if (o != NULL && (o->networks = object_event_state_new(
                          &network_event_kind)) == NULL) {
        free(o);
        o = NULL;
    }
    if (o == NULL) {
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&o->network_id, -1);
    pthread_mutex_lock(&priv->events_lock);
    priv->objects = o;   /* the reading thread may look from now on */
    pthread_mutex_unlock(&priv->events_lock);
    return o;
}

bool
remote_object_event_on_message(const struct wire_message *msg,
                               struct remote_priv *priv)
{
    const remote_network_event_lifecycle_msg *m = msg->body;

    if (msg->header.prog != WIRE_REMOTE_PROGRAM ||
        msg->header.proc != REMOTE_PROC_NETWORK_EVENT_LIFECYCLE)
        return remote_object_event_kinds_on_message(msg, priv);
    pthread_mutex_lock(&priv->events_lock);
    if (m != NULL && priv->objects != NULL &&
        atomic_load(&priv->objects->network_id) == m->callbackID)
        object_event_queue_lifecycle(priv->objects->networks, m->net.name,
                                     (const unsigned char *)m->net.uuid,
                                     m->event, m->detail);
    pthread_mutex_unlock(&priv->events_lock);
    return true;
}

/* priv->lock held: ask the daemon for network lifecycle events. */
static int
daemon_add(struct vireo_conn *conn, struct remote_object_events *o,
           struct vireo_error *err)
{
    remote_connect_network_event_register_any_args args = {
        VIR_NETWORK_EVENT_ID_LIFECYCLE, NULL,
    };
    remote_connect_network_event_register_any_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY,
                    &args, &ret, err) < 0)
        return -1;
    atomic_store(&o->network_id, ret.callbackID);
    return 0;
}

/* priv->lock held: tell the daemon to stop. */
static int
daemon_remove(struct vireo_conn *conn, struct remote_object_events *o,
              struct vireo_error *err)
{
    remote_connect_network_event_deregister_any_args args = {
        atomic_exchange(&o->network_id, -1),
    };

    if (args.callbackID < 0)
        return 0;
    return remote_call(conn, REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY,
                       &args, NULL, err);
}

int
remotedrv_network_event_register_any(struct vireo_conn *conn,
                                     struct vireo_network *net, int event_id,
                                     vireo_network_event_generic_cb cb,
                                     void *opaque, vireo_free_cb free_cb,
                                     struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    struct remote_object_events *o;
    struct vireo_error ignored = { 0 };
    int id = -1;

    if (rpc_client_watch(priv->rpc, err) < 0)
        return -1;
    pthread_mutex_lock(&priv->lock);
    if ((o = objects(priv, err)) == NULL ||
        (o->n_networks == 0 && daemon_add(conn, o, err) < 0))
        goto out;
    pthread_mutex_lock(&priv->events_lock);
    id = object_event_register(o->networks, conn, NULL,
                               net != NULL ? net->uuid : NULL, event_id,
                               OBJECT_EVENT_CB(cb), opaque, free_cb, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (id >= 0)
        o->n_networks++;
    else if (o->n_networks == 0)
        daemon_remove(conn, o, &ignored);
out:
    pthread_mutex_unlock(&priv->lock);
    return id;
}

int
remotedrv_network_event_deregister_any(struct vireo_conn *conn,
                                       int callback_id,
                                       struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    struct remote_object_events *o;
    int rc = -1;

    pthread_mutex_lock(&priv->lock);
    if ((o = objects(priv, err)) == NULL)
        goto out;
    pthread_mutex_lock(&priv->events_lock);
    rc = object_event_deregister(o->networks, conn, callback_id, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (rc == 0 && --o->n_networks == 0)
        rc = daemon_remove(conn, o, err);
out:
    pthread_mutex_unlock(&priv->lock);
    return rc;
}

void
remote_object_events_close(struct vireo_conn *conn)
{
    struct remote_priv *priv = conn->priv;

    pthread_mutex_lock(&priv->events_lock);
    if (priv->objects != NULL)
        object_event_deregister_conn(priv->objects->networks, conn);
    pthread_mutex_unlock(&priv->events_lock);
    remote_object_event_kinds_close(conn);
}
