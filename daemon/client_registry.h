/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_registry.h: who is connected, for the admin program (virt-admin
 * client-list, client-info, client-disconnect, server-clients-info): one
 * record per open client, grouped by the server its socket belongs to,
 * with the facts libvirt reports about a client (id, transport, when it
 * connected) and each server's client limits.
 *
 * vireod answers to libvirt's server names: "libvirtd" holds the clients
 * of the read-write, read-only, TCP and TLS sockets, "admin" those of the
 * admin socket, so virt-admin's defaults and scripts written for libvirtd
 * work unchanged.
 *
 * Owned by the main loop thread, like the clients themselves: client.c
 * adds and removes records there, and admin calls run there.
 */
#ifndef VIREO_DAEMON_CLIENT_REGISTRY_H
#define VIREO_DAEMON_CLIENT_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct client;

enum client_server {
    CLIENT_SERVER_MAIN,      /* "libvirtd" */
    CLIENT_SERVER_ADMIN,     /* "admin" */
    CLIENT_N_SERVERS,
};

/* libvirt's virClientTransport values, as they travel on the wire. */
enum client_transport {
    CLIENT_TRANSPORT_UNIX = 0,
    CLIENT_TRANSPORT_TCP  = 1,
    CLIENT_TRANSPORT_TLS  = 2,
};

/* Owned by the loop thread; lives from accept to close. */
struct client_record {
    struct client        *client;
    uint64_t              id;            /* the client's id in the log */
    int64_t               connected_s;   /* epoch seconds */
    enum client_transport transport;
    enum client_server    server;
    struct client_record *prev, *next;   /* the server's, oldest first */
    /* In the server's list of TLS clients that may still be in their
     * handshake (client_registry_count_unauth() prunes it). */
    bool                  is_shaking;
    struct client_record *shaking_prev, *shaking_next;
};

/* One server's limits (libvirt's max_clients and max_anonymous_clients;
 * vireod asks no client to authenticate, so the second counts clients
 * still in their TLS handshake). */
struct client_server_limits {
    unsigned int max_clients;
    unsigned int max_unauth_clients;
};

/* Record c, just accepted on a socket of server. NULL when out of memory
 * (the client is then refused). */
struct client_record *client_registry_add(struct client *c, unsigned int id,
                                          enum client_server server,
                                          enum client_transport transport);

/* c was closed: forget it (a socket holding a connection for a free
 * slot then accepts it). NULL is a no-op. */
void client_registry_remove(struct client_record *r);

/* Whether the client just recorded as r (NULL: it could not be) must be
 * refused, as libvirtd refuses it: its server holds more clients than
 * max_clients, or more TLS clients in their handshake than
 * max_unauth_clients. If so, why says which ("max_clients (5) reached"). */
bool client_registry_refuses(const struct client_record *r, char *why,
                             size_t why_len);

/* Whether server may take one more client: fewer than max_clients, and
 * (where the server has that limit) fewer TLS clients in their handshake
 * than max_unauth_clients. The sockets stop accepting while it may not. */
bool client_registry_has_room(enum client_server server);

/* Which limit server is at, in why: "max_clients (5) reached". */
void client_registry_full_reason(enum client_server server, char *why,
                                 size_t why_len);

/* The server with that name, or -1. */
int client_server_by_name(const char *name);
const char *client_server_name(enum client_server server);

/* The server's open clients, oldest first (NULL: none); follow ->next. */
struct client_record *client_registry_first(enum client_server server);
size_t client_registry_count(enum client_server server);
/* Those of them whose TLS handshake is not done yet. Costs one step per
 * such client (and one, once, per TLS client that finished its
 * handshake since the last count), never one per open client: the
 * sockets ask before every accept. */
size_t client_registry_count_unauth(enum client_server server);

/* The open client of server with that id, or NULL. */
struct client_record *client_registry_find(enum client_server server,
                                           uint64_t id);

struct client_server_limits client_registry_limits(enum client_server server);
void client_registry_set_limits(enum client_server server,
                                const struct client_server_limits *limits);

#endif /* VIREO_DAEMON_CLIENT_REGISTRY_H */
