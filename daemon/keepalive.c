/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keepalive.c: one libuv timer per client that asked for keepalive.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/keepalive.h"
#include "daemon/log.h"
#include "loop/uv_impl.h"

struct keepalive {
    uv_timer_t     timer;        /* timer.data is the keepalive */
    struct client *client;
    int            count;        /* unanswered PINGs before the drop */
    int            n_unanswered;
    bool           had_traffic;  /* since the timer last fired */
};

static void
send_ping(struct client *c)
{
    remote_message_header hdr = {
        .prog = WIRE_KEEPALIVE_PROGRAM, .vers = WIRE_KEEPALIVE_VERSION,
        .proc = WIRE_KEEPALIVE_PING, .type = WIRE_TYPE_MESSAGE,
        .serial = 0, .status = WIRE_STATUS_OK,
    };
    struct wire_buffer out = { 0 };

    if (wire_encode(&out, &hdr, WIRE_XDR_VOID, NULL) == WIRE_RESULT_OK)
        client_send(c, &out);
    wire_buffer_release(&out);
}

static void
on_interval(uv_timer_t *timer)
{
    struct keepalive *ka = timer->data;

    if (ka->had_traffic) {
        ka->had_traffic = false;
        ka->n_unanswered = 0;
        return;
    }
    if (ka->n_unanswered >= ka->count) {
        client_drop(ka->client, "no answer to keepalive");
        return;
    }
    ka->n_unanswered++;
    send_ping(ka->client);
}

struct keepalive *
keepalive_start(struct client *c, int interval_s, int count)
{
    struct keepalive *ka;
    uint64_t interval_ms = (uint64_t)interval_s * 1000;

    if (interval_s <= 0 || (ka = calloc(1, sizeof(*ka))) == NULL)
        return NULL;
    ka->client = c;
    ka->count = count;
    uv_timer_init(uv_impl_loop(), &ka->timer);
    ka->timer.data = ka;
    uv_timer_start(&ka->timer, on_interval, interval_ms, interval_ms);
    return ka;
}

void
keepalive_traffic(struct keepalive *ka)
{
    if (ka != NULL)
        ka->had_traffic = true;
}

static void
on_closed(uv_handle_t *handle)
{
    free(handle->data);
}

void
keepalive_stop(struct keepalive *ka)
{
    if (ka == NULL)
        return;
    uv_timer_stop(&ka->timer);
    uv_close((uv_handle_t *)&ka->timer, on_closed);
}
