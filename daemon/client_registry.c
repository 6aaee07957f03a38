/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_registry.c: the open clients of each server, in a list per server
 * (oldest first, so that client-list reads in connection order), and each
 * server's limits. Loop thread only, so nothing here takes a lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "daemon/client.h"
#include "daemon/client_registry.h"
#include "daemon/listener.h"

/* Owned by the loop thread. */
static struct {
    struct client_record       *first, *last;
    size_t                      n;
    /* TLS clients not yet seen past their handshake: a client never goes
     * back into one, so each leaves this list once, and counting the
     * unauthenticated ones (before every accept) walks only these. */
    struct client_record       *first_shaking;
    struct client_server_limits limits;
} servers[CLIENT_N_SERVERS] = {
    /* libvirtd's defaults: max_clients, max_anonymous_clients; and
     * admin_max_clients, with no admin client ever unauthenticated. */
    [CLIENT_SERVER_MAIN] = { .limits = { 5000, 20 } },
    [CLIENT_SERVER_ADMIN] = { .limits = { 5000, 0 } },
};

static void
add_shaking(struct client_record *r)
{
    struct client_record **first = &servers[r->server].first_shaking;

    r->is_shaking = true;
    r->shaking_prev = NULL;
    r->shaking_next = *first;
    if (*first != NULL)
        (*first)->shaking_prev = r;
    *first = r;
}

static void
remove_shaking(struct client_record *r)
{
    if (!r->is_shaking)
        return;
    if (r->shaking_prev != NULL)
        r->shaking_prev->shaking_next = r->shaking_next;
    else
        servers[r->server].first_shaking = r->shaking_next;
    if (r->shaking_next != NULL)
        r->shaking_next->shaking_prev = r->shaking_prev;
    r->is_shaking = false;
    r->shaking_prev = r->shaking_next = NULL;
}

static const char *const server_names[CLIENT_N_SERVERS] = {
    [CLIENT_SERVER_MAIN] = "libvirtd",
    [CLIENT_SERVER_ADMIN] = "admin",
};

struct client_record *
client_registry_add(struct client *c, unsigned int id,
                    enum client_server server,
                    enum client_transport transport)
{
    struct client_record *r = calloc(1, sizeof(*r));

    if (r == NULL)
        return NULL;
    r->client = c;
    r->id = id;
    r->connected_s = (int64_t)time(NULL);
    r->transport = transport;
    r->server = server;
    r->prev = servers[server].last;
    if (r->prev != NULL)
        r->prev->next = r;
    else
        servers[server].first = r;
    servers[server].last = r;
    servers[server].n++;
    if (transport == CLIENT_TRANSPORT_TLS)
        add_shaking(r);
    return r;
}

void
client_registry_remove(struct client_record *r)
{
    if (r == NULL)
        return;
    if (r->prev != NULL)
        r->prev->next = r->next;
    else
        servers[r->server].first = r->next;
    if (r->next != NULL)
        r->next->prev = r->prev;
    else
        servers[r->server].last = r->prev;
    servers[r->server].n--;
    remove_shaking(r);
    free(r);
    listener_resume_held();
}

bool
client_registry_has_room(enum client_server server)
{
    const struct client_server_limits *l = &servers[server].limits;

    return servers[server].n < l->max_clients &&
           (l->max_unauth_clients == 0 ||
            client_registry_count_unauth(server) < l->max_unauth_clients);
}

void
client_registry_full_reason(enum client_server server, char *why,
                            size_t why_len)
{
    const struct client_server_limits *l = &servers[server].limits;

    if (servers[server].n >= l->max_clients)
        snprintf(why, why_len, "max_clients (%u) reached", l->max_clients);
    else
        snprintf(why, why_len, "max_anonymous_clients (%u) reached",
                 l->max_unauth_clients);
}

bool
client_registry_refuses(const struct client_record *r, char *why,
                        size_t why_len)
{
    const struct client_server_limits *l;

    if (r == NULL) {
        snprintf(why, why_len, "out of memory");
        return true;
    }
    l = &servers[r->server].limits;
    if (servers[r->server].n > l->max_clients) {
        snprintf(why, why_len, "max_clients (%u) reached", l->max_clients);
        return true;
    }
    /* The new client itself is in its handshake if it speaks TLS. */
    if (r->transport == CLIENT_TRANSPORT_TLS &&
        client_registry_count_unauth(r->server) > l->max_unauth_clients) {
        snprintf(why, why_len, "max_anonymous_clients (%u) reached",
                 l->max_unauth_clients);
        return true;
    }
    return false;
}

int
client_server_by_name(const char *name)
{
    for (int s = 0; s < CLIENT_N_SERVERS; s++)
        if (strcmp(server_names[s], name) == 0)
            return s;
    return -1;
}

const char *
client_server_name(enum client_server server)
{
    return server_names[server];
}

struct client_record *
client_registry_first(enum client_server server)
{
    return servers[server].first;
}

size_t
client_registry_count(enum client_server server)
{
    return servers[server].n;
}

size_t
client_registry_count_unauth(enum client_server server)
{
    struct client_record *r = servers[server].first_shaking, *next;
    size_t n = 0;

    for (; r != NULL; r = next) {
        next = r->shaking_next;
        if (client_is_in_handshake(r->client))
            n++;
        else
            remove_shaking(r);
    }
    return n;
}

struct client_record *
client_registry_find(enum client_server server, uint64_t id)
{
    for (struct client_record *r = servers[server].first; r != NULL;
         r = r->next)
        if (r->id == id)
            return r;
    return NULL;
}

struct client_server_limits
client_registry_limits(enum client_server server)
{
    return servers[server].limits;
}

void
client_registry_set_limits(enum client_server server,
                           const struct client_server_limits *limits)
{
    servers[server].limits = *limits;
    listener_resume_held();
}
