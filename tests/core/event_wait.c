/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_wait.c: the loop runs of event tests. A real loop blocks when
 * nothing is due, so a short timer bounds each wait.
 */
#include <stddef.h>

#include "loop/event.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"

static void
watchdog(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

static void
count_tick(int timer, void *opaque)
{
    (void)timer;
    (*(int *)opaque)++;
}

void
event_wait_settle(void)
{
    int ticks = 0;
    int guard = event_add_timeout(1, count_tick, &ticks, NULL);

    for (int i = 0; i < 50 && ticks < 2; i++)
        uv_impl_run_once();
    event_remove_timeout(guard);
    uv_impl_run_once();   /* closes the guard timer; the loop has work: no block */
}

void
event_wait_until(const int *counter, int want)
{
    int guard = event_add_timeout(10, watchdog, NULL, NULL);

    for (int i = 0; i < 200 && *counter < want; i++)
        uv_impl_run_once();
    event_remove_timeout(guard);
    event_wait_settle();
}
