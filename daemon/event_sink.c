/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_sink.c: the counted link from event registrations to a client.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "daemon/event_sink.h"

struct event_sink {
    atomic_int     refs;
    struct client *client;    /* loop thread only */
};

struct event_sink *
event_sink_new(struct client *c)
{
    struct event_sink *sink = malloc(sizeof(*sink));

    if (sink == NULL)
        return NULL;
    atomic_init(&sink->refs, 1);
    sink->client = c;
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
