/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_tls.c: a client's TLS session over in-memory buffers (see
 * client_tls.h). Main loop thread only.
 */
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/client_tls.h"
#include "daemon/tls_context.h"

/* Room asked before each read: a whole TLS record and then some. */
#define CIPHER_CHUNK (17 * 1024)

/* Owned by the main loop thread. */
struct client_tls {
    gnutls_session_t          session;
    const struct tls_context *ctx;
    client_tls_write_fn       write;
    void                     *opaque;
    uint8_t                  *in;       /* ciphertext read, not yet pulled */
    size_t                    in_off;   /* what GnuTLS has pulled */
    size_t                    in_len;
    size_t                    in_cap;
    bool                      is_ready;
    char                      why[512];
};

/* GnuTLS's pull: what was read, else "try again" until the next read. */
static ssize_t
pull(gnutls_transport_ptr_t opaque, void *data, size_t len)
{
    struct client_tls *t = opaque;
    size_t n = t->in_len - t->in_off;

    if (n == 0) {
        gnutls_transport_set_errno(t->session, EAGAIN);
        return -1;
    }
    if (n > len)
        n = len;
    memcpy(data, t->in + t->in_off, n);
    t->in_off += n;
    if (t->in_off == t->in_len)
        t->in_off = t->in_len = 0;
    return (ssize_t)n;
}

/* GnuTLS's push: the socket's write queue takes every record, so a push
 * never has to wait. */
static ssize_t
push(gnutls_transport_ptr_t opaque, const void *data, size_t len)
{
    struct client_tls *t = opaque;
    uint8_t *copy = malloc(len);

    if (copy == NULL) {
        gnutls_transport_set_errno(t->session, ENOMEM);
        return -1;
    }
    memcpy(copy, data, len);
    t->write(t->opaque, copy, len);
    return (ssize_t)len;
}

struct client_tls *
client_tls_new(const struct tls_context *ctx, client_tls_write_fn write,
               void *opaque, char *why, size_t why_len)
{
    struct client_tls *t = calloc(1, sizeof(*t));

    if (t == NULL) {
        snprintf(why, why_len, "out of memory");
        return NULL;
    }
    if (tls_context_new_session(ctx, &t->session, why, why_len) < 0) {
        free(t);
        return NULL;
    }
    t->ctx = ctx;
    t->write = write;
    t->opaque = opaque;
    gnutls_transport_set_ptr(t->session, t);
    gnutls_transport_set_pull_function(t->session, pull);
    gnutls_transport_set_push_function(t->session, push);
    return t;
}

void
client_tls_free(struct client_tls *t)
{
    if (t == NULL)
        return;
    gnutls_deinit(t->session);
    free(t->in);
    free(t);
}

void
client_tls_buffer(struct client_tls *t, char **base, size_t *len)
{
    /* What GnuTLS left unpulled moves to the front, so that the buffer
     * never grows past a chunk and what it holds. */
    if (t->in_off > 0) {
        memmove(t->in, t->in + t->in_off, t->in_len - t->in_off);
        t->in_len -= t->in_off;
        t->in_off = 0;
    }
    if (t->in_cap - t->in_len < CIPHER_CHUNK) {
        uint8_t *p = realloc(t->in, t->in_len + CIPHER_CHUNK);

        if (p == NULL) {
            *base = NULL;
            *len = 0;
            return;
        }
        t->in = p;
        t->in_cap = t->in_len + CIPHER_CHUNK;
    }
    *base = (char *)t->in + t->in_len;
    *len = t->in_cap - t->in_len;
}

static int
fail(struct client_tls *t, const char *what, int rc)
{
    snprintf(t->why, sizeof(t->why), "%s: %s", what, gnutls_strerror(rc));
    return -1;
}

/* The handshake is done: check the client, then tell it it is in. */
static int
admit(struct client_tls *t)
{
    static const uint8_t confirm = 1;
    int rc;

    if (tls_context_check_client(t->ctx, t->session, t->why,
                                 sizeof(t->why)) < 0)
        return -1;
    rc = gnutls_record_send(t->session, &confirm, 1);
    if (rc < 0)
        return fail(t, "TLS write failed", rc);
    t->is_ready = true;
    return 0;
}

int
client_tls_received(struct client_tls *t, size_t n)
{
    int rc;

    t->in_len += n;
    if (t->is_ready)
        return 0;
    rc = gnutls_handshake(t->session);
    if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED)
        return 0;
    if (rc < 0)
        return fail(t, "TLS handshake failed", rc);
    return admit(t);
}

bool
client_tls_is_ready(const struct client_tls *t)
{
    return t->is_ready;
}

ssize_t
client_tls_recv(struct client_tls *t, uint8_t *out, size_t cap)
{
    ssize_t rc;

    if (!t->is_ready)
        return 0;
    rc = gnutls_record_recv(t->session, out, cap);
    if (rc > 0)
        return rc;
    if (rc == 0)
        return CLIENT_TLS_EOF;
    if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED)
        return 0;
    return fail(t, "TLS read failed", (int)rc);
}

int
client_tls_send(struct client_tls *t, const uint8_t *data, size_t len)
{
    while (len > 0) {
        ssize_t rc = gnutls_record_send(t->session, data, len);

        if (rc < 0)
            return fail(t, "TLS write failed", (int)rc);
        data += rc;
        len -= (size_t)rc;
    }
    return 0;
}

const char *
client_tls_error(const struct client_tls *t)
{
    return t->why;
}

bool
client_tls_peer_dn(const struct client_tls *t, char *dn, size_t len)
{
    const gnutls_datum_t *certs;
    unsigned int n = 0;
    gnutls_x509_crt_t crt;
    bool is_read = false;

    if (!t->is_ready ||
        (certs = gnutls_certificate_get_peers(t->session, &n)) == NULL ||
        n == 0 || gnutls_x509_crt_init(&crt) < 0)
        return false;
    if (gnutls_x509_crt_import(crt, &certs[0], GNUTLS_X509_FMT_DER) == 0 &&
        gnutls_x509_crt_get_dn(crt, dn, &len) == 0)
        is_read = true;
    gnutls_x509_crt_deinit(crt);
    return is_read;
}
