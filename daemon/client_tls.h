/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_tls.h: the TLS layer under a client's socket. Ciphertext comes in
 * through a buffer this layer lends to the socket's reads and goes out
 * through the write function it is given; GnuTLS works on those in-memory
 * buffers (its push and pull functions), so the handshake and every record
 * run on the main loop without blocking it. Once the handshake is done
 * and the client's certificate passed tls_context's checks, the server
 * sends one byte, 1, in a record of its own: libvirt's clients wait for it
 * before their first call, and read a closed socket as a refusal.
 *
 * Owned by the main loop thread, like the client it belongs to.
 */
#ifndef VIREO_DAEMON_CLIENT_TLS_H
#define VIREO_DAEMON_CLIENT_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tls_context;
struct client_tls;

/* Where ciphertext goes: write it, and free data once written. */
typedef void (*client_tls_write_fn)(void *opaque, uint8_t *data, size_t len);

/* A session with ctx's credentials (which must outlive it); write gets the
 * bytes to send. NULL on failure, with why filled. */
struct client_tls *client_tls_new(const struct tls_context *ctx,
                                  client_tls_write_fn write, void *opaque,
                                  char *why, size_t why_len);
void client_tls_free(struct client_tls *t);

/* Room for the next read of ciphertext: *base and *len (0 when out of
 * memory). */
void client_tls_buffer(struct client_tls *t, char **base, size_t *len);

/* n bytes were read into the room client_tls_buffer gave. Drives the
 * handshake and the checks after it. 0, or -1: the client must be dropped
 * (client_tls_error says why). */
int client_tls_received(struct client_tls *t, size_t n);

/* Whether the handshake is done and the client let in. */
bool client_tls_is_ready(const struct client_tls *t);

/* Decrypt what arrived into out (cap bytes): the count, 0 when nothing
 * more is there yet, CLIENT_TLS_EOF when the client closed the session,
 * -1 on error (client_tls_error). */
#define CLIENT_TLS_EOF (-2)
ssize_t client_tls_recv(struct client_tls *t, uint8_t *out, size_t cap);

/* Encrypt len bytes and hand the records to the write function. 0, or
 * -1 (client_tls_error). */
int client_tls_send(struct client_tls *t, const uint8_t *data, size_t len);

/* Why the last call failed. */
const char *client_tls_error(const struct client_tls *t);

/* The Distinguished Name of the certificate the client was let in with,
 * into dn (len bytes): true, or false before the handshake is done or
 * without a readable one (for virt-admin client-info). */
bool client_tls_peer_dn(const struct client_tls *t, char *dn, size_t len);

#endif /* VIREO_DAEMON_CLIENT_TLS_H */
