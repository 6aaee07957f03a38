/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_keepalive.c: the client half of libvirt's keepalive program. Only a
 * client with an event loop asks the server for keepalive (feature 10),
 * since only a loop can answer the server's PINGs between calls; such a
 * client also pings a silent server and gives up on it after `count`
 * intervals without an answer, failing every waiting call.
 */
#include "drivers/error.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"

static void
on_interval(int timer, void *opaque)
{
    struct rpc_client *c = opaque;

    (void)timer;
    pthread_mutex_lock(&c->lock);
    if (c->is_closed) {
        /* Nothing left to watch over. */
    } else if (c->ka_had_traffic) {
        c->ka_had_traffic = false;
        c->ka_unanswered = 0;
    } else if (c->ka_unanswered >= c->ka_count) {
        struct vireo_error err = { 0 };
        error_set(&err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                  "connection closed due to keepalive timeout");
        rpc_io_fail(c, VIR_CONNECT_CLOSE_REASON_KEEPALIVE, &err);
    } else {
        c->ka_unanswered++;
        rpc_io_queue_keepalive(c, WIRE_KEEPALIVE_PING);
    }
    pthread_mutex_unlock(&c->lock);
}

static void
unref_opaque(void *opaque)
{
    rpc_client_unref(opaque);
}

/* Lock held: the timer is running; change its pace, or stop it. */
static void
retune(struct rpc_client *c, int interval_s, int count)
{
    c->ka_count = count;
    c->ka_unanswered = 0;
    event_update_timeout(c->ka_timer, interval_s > 0 ? interval_s * 1000
                                                     : -1);
}

int
rpc_client_keepalive_start(struct rpc_client *c, int interval_s, int count,
                           struct vireo_error *err)
{
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (c->ka_timer >= 0 && !c->is_closed) {
        retune(c, interval_s, count);
    } else if (interval_s > 0 && !c->is_closed) {
        atomic_fetch_add(&c->refs, 1);
        c->ka_count = count;
        c->ka_timer = event_add_timeout(interval_s * 1000, on_interval, c,
                                        unref_opaque);
        if (c->ka_timer < 0) {
            atomic_fetch_sub(&c->refs, 1);
            rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                           "cannot start keepalive: no event loop is "
                           "registered");
        }
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}
