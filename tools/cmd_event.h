/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_event.h: what `event` (cmd_event.c) shares with its printers
 * (cmd_event_print.c). Main thread only, like the whole CLI.
 */
#ifndef VIREO_TOOLS_CMD_EVENT_H
#define VIREO_TOOLS_CMD_EVENT_H

#include <stdbool.h>

#include "vireo.h"

/* Owned by the main thread: the state of one `event` run. */
struct waiter {
    bool is_loop;       /* --loop: wait for more than one event */
    bool has_timestamp; /* --timestamp */
    bool is_done;
    bool is_timed_out;
    int  n_events;
};

/* One registration's opaque: the run and virsh's name of its event. */
struct event_watch {
    struct waiter *w;
    const char    *name;
};

/* virsh's event names in event id order, with the printer of each. */
struct event_kind {
    const char                    *name;
    vireo_domain_event_generic_cb  print;
};
extern const struct event_kind event_kinds[VIR_DOMAIN_EVENT_ID_LAST];

/* Print one event's text (with virsh's timestamp when asked), unless a
 * one-shot run already has its event; count it (cmd_event_print.c). */
void cmd_event_print(struct event_watch *ew, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Run the loop until the run is done, with the timer (if timeout_s > 0)
 * and Ctrl-C armed. 0, or -1 after printing an error. */
int cmd_event_wait(struct waiter *w, long timeout_s);

/* virsh's closing lines ("event loop timed out", "events received: N");
 * 0 when an event arrived, else -1 (cmd_event.c). */
int cmd_event_finish(const struct waiter *w);

#endif /* VIREO_TOOLS_CMD_EVENT_H */
