/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_clients.c: the loop's counters of clients and events. The list
 * of sockets changes only when a listener opens (at start-up), under a
 * lock a scrape also takes; a client's arrival and departure touch only
 * its socket's atomic count.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/metrics_clients.h"
#include "daemon/metrics_text.h"

/* Added on the loop thread and kept until metrics_clients_fini(). */
struct metrics_socket {
    const void            *server;
    char                  *name;
    _Atomic uint64_t       n_clients;
    struct metrics_socket *next;
};

static pthread_mutex_t sockets_lock = PTHREAD_MUTEX_INITIALIZER;
static struct metrics_socket *sockets;        /* newest first */
static _Atomic uint64_t n_events_sent, n_events_dropped, n_slow_dropped;

void
metrics_socket_add(const void *server, const char *name)
{
    struct metrics_socket *s = calloc(1, sizeof(*s));

    if (s == NULL || (s->name = strdup(name)) == NULL) {
        free(s);
        return;   /* the socket goes uncounted; serving is unaffected */
    }
    s->server = server;
    pthread_mutex_lock(&sockets_lock);
    s->next = sockets;
    sockets = s;
    pthread_mutex_unlock(&sockets_lock);
}

struct metrics_socket *
metrics_socket_joined(const void *server)
{
    struct metrics_socket *s;

    pthread_mutex_lock(&sockets_lock);
    for (s = sockets; s != NULL && s->server != server; s = s->next)
        ;
    pthread_mutex_unlock(&sockets_lock);
    if (s != NULL)
        atomic_fetch_add_explicit(&s->n_clients, 1, memory_order_relaxed);
    return s;
}

void
metrics_socket_left(struct metrics_socket *s)
{
    if (s != NULL)
        atomic_fetch_sub_explicit(&s->n_clients, 1, memory_order_relaxed);
}

void
metrics_event_sent(void)
{
    atomic_fetch_add_explicit(&n_events_sent, 1, memory_order_relaxed);
}

void
metrics_event_dropped(void)
{
    atomic_fetch_add_explicit(&n_events_dropped, 1, memory_order_relaxed);
}

void
metrics_slow_consumer_dropped(void)
{
    atomic_fetch_add_explicit(&n_slow_dropped, 1, memory_order_relaxed);
}

static void
put_total(struct metrics_text *t, const char *name, const char *help,
          _Atomic uint64_t *counter)
{
    metrics_text_family(t, name, "counter", help);
    metrics_text_u64(t, name, NULL, 0,
                     atomic_load_explicit(counter, memory_order_relaxed));
}

void
metrics_clients_render(struct metrics_text *t)
{
    metrics_text_family(t, "vireo_clients_connected", "gauge",
                        "Clients connected now, by listening socket.");
    pthread_mutex_lock(&sockets_lock);
    for (struct metrics_socket *s = sockets; s != NULL; s = s->next) {
        struct metrics_label label = { "socket", s->name };

        metrics_text_u64(t, "vireo_clients_connected", &label, 1,
                         atomic_load_explicit(&s->n_clients,
                                              memory_order_relaxed));
    }
    pthread_mutex_unlock(&sockets_lock);
    put_total(t, "vireo_events_sent_total",
              "Event messages queued for clients.", &n_events_sent);
    put_total(t, "vireo_events_dropped_total",
              "Event messages dropped: their client was gone, or they "
              "could not be encoded.", &n_events_dropped);
    put_total(t, "vireo_slow_consumer_disconnects_total",
              "Clients disconnected for leaving too many bytes unread.",
              &n_slow_dropped);
}

void
metrics_clients_fini(void)
{
    pthread_mutex_lock(&sockets_lock);
    while (sockets != NULL) {
        struct metrics_socket *s = sockets;

        sockets = s->next;
        free(s->name);
        free(s);
    }
    pthread_mutex_unlock(&sockets_lock);
}
