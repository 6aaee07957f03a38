/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tls_context.h: vireod's TLS credentials (its key and certificate, the CA
 * and CRL client certificates are checked against, the priority string)
 * and libvirtd's checks of a client's certificate once the handshake is
 * done: trusted by the CA, not revoked, within its validity dates, and a
 * Distinguished Name on tls_allowed_dn_list.
 *
 * Made once at start-up on the main thread and read-only afterwards; the
 * main thread frees it once no client session uses it.
 */
#ifndef VIREO_DAEMON_TLS_CONTEXT_H
#define VIREO_DAEMON_TLS_CONTEXT_H

#include <gnutls/gnutls.h>
#include <stdbool.h>
#include <stddef.h>

#include "api/vireo.h"
#include "daemon/config.h"

struct tls_context;

/* Load the files cfg names (key_file, cert_file, ca_file, and crl_file or
 * else libvirt's /etc/pki/CA/cacrl.pem if it exists). NULL with
 * VIR_ERR_SYSTEM_ERROR naming the file that is missing or unreadable, or
 * VIR_ERR_INTERNAL_ERROR with GnuTLS's words for a bad one or a bad
 * tls_priority. */
struct tls_context *tls_context_new(const struct daemon_config *cfg,
                                    struct vireo_error *err);
void tls_context_free(struct tls_context *ctx);

/* A new non-blocking server session that asks the client for its
 * certificate; its transport is the caller's to set. 0, or -1 with
 * GnuTLS's words in why. */
int tls_context_new_session(const struct tls_context *ctx,
                            gnutls_session_t *session, char *why,
                            size_t why_len);

/* After the handshake: whether the client's certificate lets it in. 0, or
 * -1 with the reason in why. With tls_no_verify_certificate a failure is
 * only logged and 0 returned, as libvirtd does. */
int tls_context_check_client(const struct tls_context *ctx,
                             gnutls_session_t session, char *why,
                             size_t why_len);

/* Whether dn matches one of the globs of allowed (NULL-terminated; NULL
 * allows any). A glob is GLib's simple pattern, as libvirtd uses: '*'
 * matches any run of characters, '?' any one, everything else itself. */
bool tls_dn_is_allowed(const char *const *allowed, const char *dn);

#endif /* VIREO_DAEMON_TLS_CONTEXT_H */
