/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_tls.c: libvirt's TLS transport, client side (remote_tls.h).
 */
#include <errno.h>
#include <gnutls/gnutls.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/remote/remote_tls.h"
#include "drivers/remote/remote_uri.h"

/* How long the handshake and the go-ahead may take, as a bound on a
 * daemon that accepts and then says nothing. */
#define HANDSHAKE_TIMEOUT_MS 30000

/* Used under its RPC client's lock (remote_tls.h). */
struct remote_tls {
    gnutls_session_t                 session;
    gnutls_certificate_credentials_t creds;
};

struct pki_paths {
    char ca[512], key[512], cert[512];
};

static void
find_paths(const struct remote_target *t, struct pki_paths *p)
{
    if (t->pki_dir != NULL) {
        snprintf(p->ca, sizeof(p->ca), "%s/cacert.pem", t->pki_dir);
        snprintf(p->key, sizeof(p->key), "%s/clientkey.pem", t->pki_dir);
        snprintf(p->cert, sizeof(p->cert), "%s/clientcert.pem", t->pki_dir);
        return;
    }
    snprintf(p->ca, sizeof(p->ca), "/etc/pki/CA/cacert.pem");
    snprintf(p->key, sizeof(p->key), "/etc/pki/libvirt/private/clientkey.pem");
    snprintf(p->cert, sizeof(p->cert), "/etc/pki/libvirt/clientcert.pem");
}

static int
need_file(const char *what, const char *path, struct vireo_error *err)
{
    if (access(path, R_OK) == 0)
        return 0;
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                     "Cannot access %s '%s': %s", what, path,
                     strerror(errno));
}

static int
load_credentials(struct remote_tls *tls, const struct remote_target *t,
                 struct vireo_error *err)
{
    struct pki_paths p;
    int rc;

    find_paths(t, &p);
    if (need_file("CA certificate", p.ca, err) < 0 ||
        need_file("client key", p.key, err) < 0 ||
        need_file("client certificate", p.cert, err) < 0)
        return -1;
    rc = gnutls_certificate_set_x509_trust_file(tls->creds, p.ca,
                                                GNUTLS_X509_FMT_PEM);
    if (rc >= 0)
        rc = gnutls_certificate_set_x509_key_file(tls->creds, p.cert, p.key,
                                                  GNUTLS_X509_FMT_PEM);
    if (rc < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                         "Unable to load the TLS credentials: %s",
                         gnutls_strerror(rc));
    return 0;
}

static int
start_session(struct remote_tls *tls, int fd, const struct remote_target *t,
              struct vireo_error *err)
{
    int rc = gnutls_init(&tls->session, GNUTLS_CLIENT | GNUTLS_NONBLOCK);

    if (rc < 0) {
        tls->session = NULL;
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                         "Failed to initialize TLS session: %s",
                         gnutls_strerror(rc));
    }
    gnutls_set_default_priority(tls->session);
    gnutls_credentials_set(tls->session, GNUTLS_CRD_CERTIFICATE, tls->creds);
    gnutls_server_name_set(tls->session, GNUTLS_NAME_DNS, t->host,
                           strlen(t->host));
    /* The CA and the host name, checked inside the handshake. */
    if (!t->is_verify_off)
        gnutls_session_set_verify_cert(tls->session, t->host, 0);
    gnutls_transport_set_int(tls->session, fd);
    return 0;
}

/* Wait for fd to be ready in the direction GnuTLS wants. */
static bool
wait_ready(struct remote_tls *tls, int fd)
{
    struct pollfd pfd = {
        .fd = fd,
        .events = gnutls_record_get_direction(tls->session) ? POLLOUT : POLLIN,
    };

    return poll(&pfd, 1, HANDSHAKE_TIMEOUT_MS) > 0;
}

static int
handshake(struct remote_tls *tls, int fd, struct vireo_error *err)
{
    int rc;

    do {
        rc = gnutls_handshake(tls->session);
    } while ((rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED) &&
             wait_ready(tls, fd));
    if (rc == 0)
        return 0;
    if (rc == GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR) {
        gnutls_datum_t why = { 0 };
        unsigned int status = gnutls_session_get_verify_cert_status(
            tls->session);

        gnutls_certificate_verification_status_print(
            status, GNUTLS_CRT_X509, &why, 0);
        error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                  "The server certificate is not trusted: %s",
                  why.data ? (const char *)why.data : "");
        gnutls_free(why.data);
        return -1;
    }
    return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                     "TLS handshake failed: %s", gnutls_strerror(rc));
}

/* The daemon's go-ahead: one byte, 1, once it accepted our certificate;
 * a closed connection otherwise. */
static int
read_confirmation(struct remote_tls *tls, int fd, struct vireo_error *err)
{
    unsigned char byte = 0;
    ssize_t n;

    do {
        n = gnutls_record_recv(tls->session, &byte, 1);
    } while ((n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) &&
             wait_ready(tls, fd));
    if (n == 1 && byte == 1)
        return 0;
    if (n == 1 || n == 0 || n == GNUTLS_E_PREMATURE_TERMINATION ||
        n == GNUTLS_E_PUSH_ERROR || n == GNUTLS_E_PULL_ERROR)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "server verification (of our certificate or IP "
                         "address) failed");
    return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                     "Unable to read TLS confirmation: %s",
                     n < 0 ? gnutls_strerror((int)n) : "timed out");
}

struct remote_tls *
remote_tls_connect(int fd, const struct remote_target *t,
                   struct vireo_error *err)
{
    struct remote_tls *tls = calloc(1, sizeof(*tls));

    if (tls == NULL ||
        gnutls_certificate_allocate_credentials(&tls->creds) < 0) {
        free(tls);
        error_no_memory(err);
        return NULL;
    }
    if (load_credentials(tls, t, err) < 0 ||
        start_session(tls, fd, t, err) < 0 ||
        handshake(tls, fd, err) < 0 ||
        read_confirmation(tls, fd, err) < 0) {
        remote_tls_free(tls);
        return NULL;
    }
    return tls;
}

void
remote_tls_free(struct remote_tls *tls)
{
    if (tls == NULL)
        return;
    if (tls->session != NULL)
        gnutls_deinit(tls->session);
    gnutls_certificate_free_credentials(tls->creds);
    free(tls);
}

/* GnuTLS's codes as errno, for rpc_io's send(2)/read(2) logic. */
static ssize_t
as_errno(ssize_t rc)
{
    if (rc >= 0)
        return rc;
    errno = rc == GNUTLS_E_AGAIN ? EAGAIN
          : rc == GNUTLS_E_INTERRUPTED ? EINTR : EIO;
    return -1;
}

ssize_t
remote_tls_send(struct remote_tls *tls, const void *data, size_t len)
{
    return as_errno(gnutls_record_send(tls->session, data, len));
}

ssize_t
remote_tls_recv(struct remote_tls *tls, void *data, size_t len)
{
    ssize_t rc = gnutls_record_recv(tls->session, data, len);

    return rc == GNUTLS_E_PREMATURE_TERMINATION ? 0 : as_errno(rc);
}

bool
remote_tls_has_pending(struct remote_tls *tls)
{
    return gnutls_record_check_pending(tls->session) > 0;
}
