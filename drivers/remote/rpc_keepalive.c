/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_keepalive.c: the client half of libvirt's keepalive program. Only a
 * client with an event loop asks the server for keepalive (feature 10),
 * since only a loop can answer the server's PINGs between calls. Such a
 * client also PINGs a server that has been silent for an interval, and
 * gives up on it after `count` unanswered PINGs: the connection is closed
 * and every call waiting on it fails with libvirt's "connection closed due
 * to keepalive timeout".
 *
 * The accounting is a deadline (ka_due_ms), pushed back by every message
 * that comes in, and two threads keep it: the loop's timer between calls,
 * and, during a call, the caller that owns the socket, whose poll() wakes
 * at the deadline. The owner has to: the call may be made on the loop's
 * own thread (from an event callback, or in a program whose only thread
 * runs the loop), and then the timer cannot fire until the call returns.
 * Whichever thread finds the deadline passed takes the step and sets the
 * next deadline, so the other finds nothing to do. libvirt's client works
 * the same way.
 */
#include <limits.h>
#include <time.h>

#include "drivers/error.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"

static int64_t
clock_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
rpc_keepalive_saw_traffic(struct rpc_client *c)
{
    if (c->ka_interval_ms <= 0)
        return;
    c->ka_unanswered = 0;
    c->ka_due_ms = clock_ms() + c->ka_interval_ms;
}

int
rpc_keepalive_wait_ms(struct rpc_client *c)
{
    int64_t left_ms;

    if (c->ka_interval_ms <= 0 || c->is_closed)
        return -1;
    left_ms = c->ka_due_ms - clock_ms();
    return left_ms > 0 ? (int)left_ms : 0;
}

void
rpc_keepalive_check(struct rpc_client *c)
{
    int64_t now_ms;

    if (c->ka_interval_ms <= 0 || c->is_closed)
        return;
    now_ms = clock_ms();
    if (now_ms < c->ka_due_ms)
        return;
    if (c->ka_unanswered >= c->ka_count) {
        struct vireo_error err = { 0 };
        /* libvirt's words, code and domain (virkeepalive.c). */
        error_set(&err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                  "connection closed due to keepalive timeout");
        rpc_io_fail(c, VIR_CONNECT_CLOSE_REASON_KEEPALIVE, &err);
        return;
    }
    c->ka_unanswered++;
    c->ka_due_ms = now_ms + c->ka_interval_ms;
    rpc_io_queue_keepalive(c, WIRE_KEEPALIVE_PING);
}

/* Loop thread: check, then sleep until the next deadline, which the
 * messages read since the last check (or the owner's checks) may have
 * moved. */
static void
on_timer(int timer, void *opaque)
{
    struct rpc_client *c = opaque;

    pthread_mutex_lock(&c->lock);
    rpc_keepalive_check(c);
    if (c->ka_timer == timer)
        event_update_timeout(timer, rpc_keepalive_wait_ms(c));
    pthread_mutex_unlock(&c->lock);
}

static void
unref_opaque(void *opaque)
{
    rpc_client_unref(opaque);
}

/* Lock held: the loop's timer, created on first use. */
static int
ensure_timer(struct rpc_client *c, struct vireo_error *err)
{
    if (c->ka_timer >= 0)
        return 0;
    atomic_fetch_add(&c->refs, 1);
    c->ka_timer = event_add_timeout(-1, on_timer, c, unref_opaque);
    if (c->ka_timer < 0) {
        atomic_fetch_sub(&c->refs, 1);
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                         "cannot start keepalive: no event loop is "
                         "registered");
    }
    return 0;
}

int
rpc_client_keepalive_start(struct rpc_client *c, int interval_s, int count,
                           struct vireo_error *err)
{
    int rc = 0;

    if (interval_s > INT_MAX / 1000)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "keepalive interval %d too large", interval_s);
    pthread_mutex_lock(&c->lock);
    if (c->is_closed || (interval_s <= 0 && c->ka_timer < 0)) {
        /* Nothing to watch over, or nothing to stop. */
    } else if ((rc = ensure_timer(c, err)) == 0) {
        c->ka_interval_ms = interval_s > 0 ? interval_s * 1000 : 0;
        c->ka_count = count;
        c->ka_unanswered = 0;
        c->ka_due_ms = clock_ms() + c->ka_interval_ms;
        event_update_timeout(c->ka_timer, rpc_keepalive_wait_ms(c));
        /* An owner asleep in poll() sleeps by the old pace: wake it. */
        rpc_io_wake_owner(c);
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}
