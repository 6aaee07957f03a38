/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_sink.c: the counted link from event registrations to a client,
 * and the client's legacy registrations.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "daemon/event_sink.h"
#include "wire/procs.h"

/* A legacy slot holds a callback id (>= 0), or one of these. */
enum {
    LEGACY_FREE    = -1,
    LEGACY_CLAIMED = -2,      /* registering; no callback id yet */
};

struct event_sink {
    atomic_int     refs;
    struct client *client;    /* loop thread only */
    atomic_int     legacy[WIRE_EVENT_ID_LEGACY_COUNT];
};

struct event_sink *
event_sink_new(struct client *c)
{
    struct event_sink *sink = malloc(sizeof(*sink));

    if (sink == NULL)
        return NULL;
    atomic_init(&sink->refs, 1);
    sink->client = c;
    for (int i = 0; i < WIRE_EVENT_ID_LEGACY_COUNT; i++)
        atomic_init(&sink->legacy[i], LEGACY_FREE);
    return sink;
}

struct event_sink *
event_sink_ref(struct event_sink *sink)
{
    atomic_fetch_add(&sink->refs, 1);
    return sink;
}

void
event_sink_unref(struct event_sink *sink)
{
    if (atomic_fetch_sub(&sink->refs, 1) == 1)
        free(sink);
}

void
event_sink_detach(struct event_sink *sink)
{
    if (sink == NULL)
        return;
    sink->client = NULL;
    event_sink_unref(sink);
}

struct client *
event_sink_client(const struct event_sink *sink)
{
    return sink->client;
}

bool
event_sink_legacy_claim(struct event_sink *sink, int event_id)
{
    int expected = LEGACY_FREE;

    return atomic_compare_exchange_strong(&sink->legacy[event_id], &expected,
                                          LEGACY_CLAIMED);
}

void
event_sink_legacy_settle(struct event_sink *sink, int event_id,
                         int callback_id)
{
    atomic_store(&sink->legacy[event_id],
                 callback_id >= 0 ? callback_id : LEGACY_FREE);
}

int
event_sink_legacy_take(struct event_sink *sink, int event_id)
{
    int id = atomic_load(&sink->legacy[event_id]);

    /* A registration still under way is not there to take. */
    while (id >= 0 && !atomic_compare_exchange_weak(&sink->legacy[event_id],
                                                    &id, LEGACY_FREE))
        ;
    return id >= 0 ? id : -1;
}

void
event_sink_legacy_forget(struct event_sink *sink, int event_id,
                         int callback_id)
{
    /* A driver state never reuses a callback id, so a slot that holds
     * another id holds a newer registration, which stays. */
    atomic_compare_exchange_strong(&sink->legacy[event_id], &callback_id,
                                   LEGACY_FREE);
}
