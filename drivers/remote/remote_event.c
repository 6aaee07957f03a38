/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_event.c: domain events from the daemon.
 *
 * The daemon is asked once per event id, for every domain; the local
 * registrations (drivers/domain_event.c, one state per connection) apply
 * the domain filters and fan each event out to its callbacks, on the
 * registered loop's thread. Messages are decoded by remote_event_decode.c.
 *
 * Event messages are read by whichever thread moves the connection's
 * bytes, with the RPC client's lock held; they only ever look at the
 * atomic callback ids here, never at priv->lock, which registration holds
 * across its own calls to the daemon. The local registrations are behind
 * priv->events_lock, held for the length of one domain_event call.
 */
#include <stdlib.h>

#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_event_decode.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/rpc_client.h"
#include "wire/decode.h"
#include "wire/procs.h"

/* A daemon without callback ids can only send the legacy messages of
 * ids 0 ... 15; registrations for later ids then stay local and never
 * fire. */
static bool
is_delivered(const struct remote_priv *priv, int event_id)
{
    return priv->has_event_callbacks ||
           event_id < WIRE_EVENT_ID_LEGACY_COUNT;
}

void
remote_event_init(struct remote_priv *priv)
{
    for (int i = 0; i < VIR_DOMAIN_EVENT_ID_LAST; i++)
        atomic_init(&priv->ids[i].remote_id, -1);
}

/* Whether a message for event_id carrying callback_id is one of ours (a
 * legacy message carries none: any registration for the id will do). */
static bool
is_registered(struct remote_priv *priv, int event_id, int callback_id)
{
    int remote_id = atomic_load(&priv->ids[event_id].remote_id);

    return remote_id >= 0 && (callback_id < 0 || remote_id == callback_id);
}

void
remote_event_on_message(const struct wire_message *msg, void *opaque)
{
    struct remote_priv *priv = opaque;
    struct remote_event ev = { 0 };

    if (remote_object_event_on_message(msg, priv))
        return;
    if (!remote_event_decode(msg, &ev))
        return;   /* not a domain event, or undecodable parameters */
    if (is_registered(priv, ev.event_id, ev.callback_id)) {
        pthread_mutex_lock(&priv->events_lock);
        domain_event_queue(priv->events, ev.event_id, ev.dom->name,
                           (const unsigned char *)ev.dom->uuid, ev.dom->id,
                           &ev.payload);
        pthread_mutex_unlock(&priv->events_lock);
    }
    remote_event_release(&ev);
}

/* priv->lock held: ask the daemon for event_id's events. */
static int
daemon_add(struct vireo_conn *conn, struct remote_priv *priv, int event_id,
           struct vireo_error *err)
{
    if (!is_delivered(priv, event_id))
        return 0;
    if (priv->has_event_callbacks) {
        remote_connect_domain_event_callback_register_any_args args =
            { event_id, NULL };
        remote_connect_domain_event_callback_register_any_ret ret = { 0 };
        if (remote_call(conn,
                        REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                        &args, &ret, err) < 0)
            return -1;
        atomic_store(&priv->ids[event_id].remote_id, ret.callbackID);
    } else {
        /* A daemon without callback ids (libvirt < 1.2.1). */
        remote_connect_domain_event_register_any_args args = { event_id };
        if (remote_call(conn, REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER_ANY,
                        &args, NULL, err) < 0)
            return -1;
        atomic_store(&priv->ids[event_id].remote_id, 0);
    }
    return 0;
}

/* priv->lock held: tell the daemon to stop sending event_id's events. */
static int
daemon_remove(struct vireo_conn *conn, struct remote_priv *priv,
              int event_id, struct vireo_error *err)
{
    int remote_id = atomic_exchange(&priv->ids[event_id].remote_id, -1);

    if (remote_id < 0)
        return 0;
    if (priv->has_event_callbacks) {
        remote_connect_domain_event_callback_deregister_any_args args =
            { remote_id };
        return remote_call(
            conn, REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
            &args, NULL, err);
    }
    remote_connect_domain_event_deregister_any_args args = { event_id };
    return remote_call(conn, REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER_ANY,
                       &args, NULL, err);
}

/* priv->lock held: room for one more remembered registration, made before
 * the registration itself so that nothing can fail after it. */
static int
reserve_reg(struct remote_priv *priv, struct vireo_error *err)
{
    struct remote_local_reg *grown =
        realloc(priv->regs, (size_t)(priv->n_regs + 1) * sizeof(*grown));

    if (grown == NULL)
        return error_no_memory(err);
    priv->regs = grown;
    return 0;
}

int
remote_event_register(struct vireo_conn *conn, struct vireo_domain *dom,
                      int event_id, vireo_domain_event_generic_cb cb,
                      void *opaque, vireo_free_cb free_cb,
                      struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    struct vireo_error ignored = { 0 };
    int id = -1;

    /* Events arrive through the loop: watch the socket from now on. */
    if (rpc_client_watch(priv->rpc, err) < 0)
        return -1;
    pthread_mutex_lock(&priv->lock);
    if (reserve_reg(priv, err) < 0 ||
        (priv->ids[event_id].n_local == 0 &&
         daemon_add(conn, priv, event_id, err) < 0))
        goto out;
    pthread_mutex_lock(&priv->events_lock);
    id = domain_event_register(priv->events, conn, dom, event_id, cb, opaque,
                               free_cb, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (id < 0) {
        if (priv->ids[event_id].n_local == 0)
            daemon_remove(conn, priv, event_id, &ignored);
        goto out;
    }
    priv->regs[priv->n_regs++] = (struct remote_local_reg){ id, event_id };
    priv->ids[event_id].n_local++;
out:
    pthread_mutex_unlock(&priv->lock);
    return id;
}

/* priv->lock held: forget callback_id; its event id, or -1. */
static int
forget_reg(struct remote_priv *priv, int callback_id)
{
    for (int i = 0; i < priv->n_regs; i++)
        if (priv->regs[i].callback_id == callback_id) {
            int event_id = priv->regs[i].event_id;
            priv->regs[i] = priv->regs[--priv->n_regs];
            return event_id;
        }
    return -1;
}

int
remote_event_deregister(struct vireo_conn *conn, int callback_id,
                        struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    int rc, event_id;

    pthread_mutex_lock(&priv->lock);
    /* The local state knows every id and words the error for unknown
     * ones; only then is the id ours to forget. */
    pthread_mutex_lock(&priv->events_lock);
    rc = domain_event_deregister(priv->events, conn, callback_id, err);
    pthread_mutex_unlock(&priv->events_lock);
    if (rc == 0 && (event_id = forget_reg(priv, callback_id)) >= 0 &&
        --priv->ids[event_id].n_local == 0)
        rc = daemon_remove(conn, priv, event_id, err);
    pthread_mutex_unlock(&priv->lock);
    return rc;
}

void
remote_event_close(struct vireo_conn *conn)
{
    struct remote_priv *priv = conn->priv;

    pthread_mutex_lock(&priv->events_lock);
    domain_event_deregister_conn(priv->events, conn);
    pthread_mutex_unlock(&priv->events_lock);
    remote_object_events_close(conn);
}
