/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * idle_exit.c: the idle watch. Whether the daemon is idle can only change
 * when the loop handles something (a client connects or goes, a guest's
 * monitor closes), so a look before the loop waits for the next event
 * (libuv's prepare phase, after the handles closed in the last iteration
 * are gone) arms or disarms the timer; it is only installed with
 * --timeout.
 *
 * The state here belongs to the loop thread.
 */
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/idle_exit.h"
#include "drivers/registry.h"
#include "loop/uv_impl.h"

static struct {
    bool       has_handles;  /* prepare and timer initialised, not closed */
    bool       is_armed;
    int        timeout_s;
    void     (*on_idle)(int timeout_s);
    uv_prepare_t prepare;
    uv_timer_t timer;
} idle;

static bool
is_idle(void)
{
    return client_n_live() == 0 && !registry_any_has_guests();
}

static void
on_timer(uv_timer_t *timer)
{
    void (*on_idle)(int timeout_s) = idle.on_idle;

    idle.is_armed = false;
    if (!is_idle())
        return;   /* a guest started without the loop seeing a client */
    idle_exit_stop();
    on_idle(idle.timeout_s);
}

static void
on_prepare(uv_prepare_t *prepare)
{
    bool now_idle = is_idle();

    if (now_idle && !idle.is_armed)
        uv_timer_start(&idle.timer, on_timer,
                       (uint64_t)idle.timeout_s * 1000, 0);
    else if (!now_idle && idle.is_armed)
        uv_timer_stop(&idle.timer);
    idle.is_armed = now_idle;
}

/* Watch from now on, with a full timeout to go. */
static void
watch(void)
{
    if (!idle.has_handles) {
        uv_prepare_init(uv_impl_loop(), &idle.prepare);
        uv_timer_init(uv_impl_loop(), &idle.timer);
        idle.has_handles = true;
    }
    uv_timer_stop(&idle.timer);
    idle.is_armed = false;
    uv_prepare_start(&idle.prepare, on_prepare);
}

void
idle_exit_start(int timeout_s, void (*on_idle)(int timeout_s))
{
    idle.timeout_s = timeout_s;
    idle.on_idle = on_idle;
    if (timeout_s > 0)
        watch();
}

void
idle_exit_set_timeout(int timeout_s)
{
    if (idle.on_idle == NULL)
        return;
    idle.timeout_s = timeout_s;
    if (timeout_s > 0) {
        watch();
    } else if (idle.has_handles) {
        uv_prepare_stop(&idle.prepare);
        uv_timer_stop(&idle.timer);
        idle.is_armed = false;
    }
}

void
idle_exit_stop(void)
{
    idle.on_idle = NULL;
    if (!idle.has_handles)
        return;
    idle.has_handles = false;
    uv_close((uv_handle_t *)&idle.prepare, NULL);
    uv_close((uv_handle_t *)&idle.timer, NULL);
}
