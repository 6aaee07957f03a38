/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_tls.h: the client side of libvirt's TLS transport: the
 * certificates libvirt's client uses (pkipath=DIR, else
 * /etc/pki/CA/cacert.pem, /etc/pki/libvirt/private/clientkey.pem and
 * /etc/pki/libvirt/clientcert.pem), a handshake that checks the server's
 * certificate against the CA and the host name (no_verify=1 skips that),
 * and the daemon's one-byte go-ahead.
 *
 * A session is used with its RPC client's lock held, by whichever thread
 * holds it (rpc_io.c).
 */
#ifndef VIREO_DRIVERS_REMOTE_TLS_H
#define VIREO_DRIVERS_REMOTE_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "api/vireo.h"

struct remote_target;
struct remote_tls;

/* Handshake on fd (connected, non-blocking; it stays the caller's), waiting
 * up to the handshake's own deadline, then read the go-ahead. NULL with
 * err set (VIR_ERR_SYSTEM_ERROR for a missing file, VIR_ERR_RPC for a
 * failed handshake or a refusal by the daemon). */
struct remote_tls *remote_tls_connect(int fd, const struct remote_target *t,
                                      struct vireo_error *err);
void remote_tls_free(struct remote_tls *tls);

/* send(2) and read(2) through the session: the count, or -1 with errno
 * (EAGAIN: try again when the socket is ready; the same bytes for a send);
 * 0 from recv at the end of the session. */
ssize_t remote_tls_send(struct remote_tls *tls, const void *data, size_t len);
ssize_t remote_tls_recv(struct remote_tls *tls, void *data, size_t len);

/* Decrypted bytes waiting in the session, which no poll(2) would report. */
bool remote_tls_has_pending(struct remote_tls *tls);

#endif /* VIREO_DRIVERS_REMOTE_TLS_H */
