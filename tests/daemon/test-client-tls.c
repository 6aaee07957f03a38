/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-client-tls.c: the TLS layer under a vireod client, against a GnuTLS
 * client session, both over memory: the handshake, the go-ahead byte,
 * records both ways, and the refusals (no certificate, a DN off the list,
 * garbage); and libvirt's DN globs. The certificate is made here: one
 * self-signed certificate is the CA, the server's and the client's.
 */
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemon/client_tls.h"
#include "daemon/config.h"
#include "daemon/tls_context.h"
#include "tests/tap.h"

/* Bytes in flight one way; the test's single thread owns both. */
struct pipe {
    uint8_t buf[1 << 17];
    size_t  len;
};

static struct pipe to_server, to_client;
static char dir[] = "/tmp/test-client-tls-XXXXXX";
static char key_path[64], cert_path[64];

static void
put(struct pipe *p, const void *data, size_t len)
{
    if (p->len + len > sizeof(p->buf))
        abort();
    memcpy(p->buf + p->len, data, len);
    p->len += len;
}

static size_t
take(struct pipe *p, void *out, size_t cap)
{
    size_t n = p->len < cap ? p->len : cap;

    memcpy(out, p->buf, n);
    memmove(p->buf, p->buf + n, p->len - n);
    p->len -= n;
    return n;
}

/* The server side's write function. */
static void
server_write(void *opaque, uint8_t *data, size_t len)
{
    put(&to_client, data, len);
    free(data);
}

static ssize_t
client_push(gnutls_transport_ptr_t s, const void *data, size_t len)
{
    put(&to_server, data, len);
    return (ssize_t)len;
}

static ssize_t
client_pull(gnutls_transport_ptr_t s, void *data, size_t len)
{
    if (to_client.len == 0) {
        gnutls_transport_set_errno((gnutls_session_t)s, EAGAIN);
        return -1;
    }
    return (ssize_t)take(&to_client, data, len);
}

static void
write_datum(const char *path, gnutls_datum_t *d)
{
    FILE *f = fopen(path, "w");

    if (f == NULL || fwrite(d->data, 1, d->size, f) != d->size)
        abort();
    fclose(f);
    gnutls_free(d->data);
}

/* A self-signed CA certificate "CN=unit" and its key, valid for an hour. */
static void
make_certificate(void)
{
    gnutls_x509_privkey_t key;
    gnutls_x509_crt_t crt;
    gnutls_datum_t d;
    unsigned char serial = 1;
    time_t now = time(NULL);

    if (mkdtemp(dir) == NULL)
        abort();
    snprintf(key_path, sizeof(key_path), "%s/key.pem", dir);
    snprintf(cert_path, sizeof(cert_path), "%s/cert.pem", dir);
    gnutls_x509_privkey_init(&key);
    gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA,
        GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
    gnutls_x509_crt_init(&crt);
    gnutls_x509_crt_set_version(crt, 3);
    gnutls_x509_crt_set_serial(crt, &serial, 1);
    gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                  "unit", 4);
    gnutls_x509_crt_set_activation_time(crt, now - 60);
    gnutls_x509_crt_set_expiration_time(crt, now + 3600);
    gnutls_x509_crt_set_basic_constraints(crt, 1, -1);
    gnutls_x509_crt_set_key(crt, key);
    if (gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0) < 0)
        abort();
    gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &d);
    write_datum(cert_path, &d);
    gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &d);
    write_datum(key_path, &d);
    gnutls_x509_crt_deinit(crt);
    gnutls_x509_privkey_deinit(key);
}

/* The configuration of a TLS daemon using that certificate. */
static void
tls_config(struct daemon_config *cfg, const char *allowed_dn)
{
    config_set_defaults(cfg, 0, NULL);
    free(cfg->key_file);
    free(cfg->cert_file);
    free(cfg->ca_file);
    cfg->key_file = strdup(key_path);
    cfg->cert_file = strdup(cert_path);
    cfg->ca_file = strdup(cert_path);
    if (allowed_dn != NULL) {
        cfg->tls_allowed_dn_list = calloc(2, sizeof(char *));
        cfg->tls_allowed_dn_list[0] = strdup(allowed_dn);
    }
}

/* The client's session, with the certificate or without one. */
static gnutls_session_t
client_session(gnutls_certificate_credentials_t *creds, bool with_cert)
{
    gnutls_session_t s;

    gnutls_certificate_allocate_credentials(creds);
    if (with_cert)
        gnutls_certificate_set_x509_key_file(*creds, cert_path, key_path,
                                             GNUTLS_X509_FMT_PEM);
    gnutls_init(&s, GNUTLS_CLIENT | GNUTLS_NONBLOCK);
    gnutls_set_default_priority(s);
    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, *creds);
    gnutls_transport_set_ptr(s, s);
    gnutls_transport_set_push_function(s, client_push);
    gnutls_transport_set_pull_function(s, client_pull);
    return s;
}

/* Hand the server what the client sent. -1 when it drops the client. */
static int
feed_server(struct client_tls *t)
{
    while (to_server.len > 0) {
        char *base;
        size_t len;

        client_tls_buffer(t, &base, &len);
        if (client_tls_received(t, take(&to_server, base, len)) < 0)
            return -1;
    }
    return 0;
}

/* Turn both sides until the client read the go-ahead byte (1), the server
 * dropped it (-1), or nothing moves (0). */
static int
handshake(gnutls_session_t client, struct client_tls *t)
{
    bool is_client_done = false;

    for (int i = 0; i < 20; i++) {
        uint8_t byte;

        if (!is_client_done) {
            int rc = gnutls_handshake(client);
            if (rc < 0 && rc != GNUTLS_E_AGAIN)
                return 0;
            is_client_done = rc == 0;
        }
        if (feed_server(t) < 0)
            return -1;
        if (is_client_done && gnutls_record_recv(client, &byte, 1) == 1)
            return byte == 1 ? 1 : 0;
    }
    return 0;
}

static void
reset_pipes(void)
{
    to_server.len = to_client.len = 0;
}

/* A server session and a client session facing each other. */
struct pair {
    struct daemon_config             cfg;
    struct tls_context              *ctx;
    struct client_tls               *server;
    gnutls_session_t                 client;
    gnutls_certificate_credentials_t creds;
};

static bool
pair_open(struct pair *p, const char *allowed_dn, bool with_cert,
          bool is_verify_off)
{
    struct vireo_error err = { 0 };
    char why[256];

    reset_pipes();
    tls_config(&p->cfg, allowed_dn);
    p->cfg.tls_no_verify_certificate = is_verify_off;
    p->ctx = tls_context_new(&p->cfg, &err);
    if (p->ctx == NULL) {
        tap_diag("%s", err.message);
        config_clear(&p->cfg);
        return false;
    }
    p->server = client_tls_new(p->ctx, server_write, NULL, why, sizeof(why));
    p->client = client_session(&p->creds, with_cert);
    return true;
}

static void
pair_close(struct pair *p)
{
    gnutls_deinit(p->client);
    gnutls_certificate_free_credentials(p->creds);
    client_tls_free(p->server);
    tls_context_free(p->ctx);
    config_clear(&p->cfg);
}

static void
check_admitted_client(void)
{
    struct pair p;
    uint8_t got[64];
    ssize_t n;

    if (!tap_ok(pair_open(&p, "C?=un*", true, false), "the credentials load"))
        return;
    tap_is_int(handshake(p.client, p.server), 1,
               "a client with a trusted certificate on the DN list gets the "
               "go-ahead byte");
    tap_ok(client_tls_is_ready(p.server), "and the server calls it ready");
    gnutls_record_send(p.client, "hello", 5);
    feed_server(p.server);
    n = client_tls_recv(p.server, got, sizeof(got));
    tap_ok(n == 5 && memcmp(got, "hello", 5) == 0,
           "what the client sends comes out decrypted");
    tap_is_int((int)client_tls_recv(p.server, got, sizeof(got)), 0,
               "and then nothing more, without blocking");
    client_tls_send(p.server, (const uint8_t *)"world", 5);
    n = gnutls_record_recv(p.client, got, sizeof(got));
    tap_ok(n == 5 && memcmp(got, "world", 5) == 0,
           "what the server sends reaches the client");
    gnutls_bye(p.client, GNUTLS_SHUT_WR);
    feed_server(p.server);
    tap_is_int((int)client_tls_recv(p.server, got, sizeof(got)),
               CLIENT_TLS_EOF, "the client's close_notify reads as the end");
    pair_close(&p);
}

/* A handshake the server must refuse; its reason must contain want. */
static void
check_refused(const char *allowed_dn, bool with_cert, const char *want,
              const char *what)
{
    struct pair p;

    if (!pair_open(&p, allowed_dn, with_cert, false)) {
        tap_ok(false, "%s", what);
        return;
    }
    tap_ok(handshake(p.client, p.server) == -1 &&
           !client_tls_is_ready(p.server) &&
           strstr(client_tls_error(p.server), want) != NULL,
           "%s (%s)", what, client_tls_error(p.server));
    pair_close(&p);
}

/* tls_no_verify_certificate: what fails the checks is let in anyway. */
static void
check_no_verify(void)
{
    struct pair p;

    if (!tap_ok(pair_open(&p, "CN=someone-else", true, true),
                "credentials without verification load"))
        return;
    tap_is_int(handshake(p.client, p.server), 1,
               "with tls_no_verify_certificate a DN off the list gets in");
    pair_close(&p);
}

static void
check_garbage(void)
{
    struct daemon_config cfg;
    struct tls_context *ctx;
    struct client_tls *t;
    char why[256];

    reset_pipes();
    tls_config(&cfg, NULL);
    ctx = tls_context_new(&cfg, NULL);
    t = client_tls_new(ctx, server_write, NULL, why, sizeof(why));
    put(&to_server, "\x00\x00\x00\x1c\x20\x00\x80\x86 not a TLS record", 26);
    tap_ok(feed_server(t) < 0 &&
           strstr(client_tls_error(t), "TLS handshake failed") != NULL,
           "bytes that are no TLS record fail the handshake (%s)",
           client_tls_error(t));
    client_tls_free(t);
    tls_context_free(ctx);
    config_clear(&cfg);
}

static void
check_missing_file(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    tls_config(&cfg, NULL);
    free(cfg.ca_file);
    cfg.ca_file = strdup("/nonexistent/cacert.pem");
    tap_ok(tls_context_new(&cfg, &err) == NULL &&
           err.code == VIR_ERR_SYSTEM_ERROR &&
           strstr(err.message, "'/nonexistent/cacert.pem'") != NULL,
           "a missing ca_file stops the start, naming it (%s)", err.message);
    config_clear(&cfg);
}

static void
check_globs(void)
{
    const char *const list[] = { "C=GB,O=Red Hat,CN=*", "CN=a?c", NULL };
    const char *const empty[] = { NULL };

    tap_ok(tls_dn_is_allowed(NULL, "CN=anyone"), "no list lets any DN in");
    tap_ok(!tls_dn_is_allowed(empty, "CN=anyone"), "an empty list lets none in");
    tap_ok(tls_dn_is_allowed(list, "C=GB,O=Red Hat,CN=host.example"),
           "'*' matches the rest of the DN");
    tap_ok(tls_dn_is_allowed(list, "CN=abc") && !tls_dn_is_allowed(list, "CN=ac"),
           "'?' matches exactly one character");
    tap_ok(!tls_dn_is_allowed(list, "C=GB,O=Red Hat"),
           "a DN shorter than the pattern does not match");
    tap_ok(!tls_dn_is_allowed((const char *const[]){ "CN=[ab]", NULL }, "CN=a"),
           "brackets are plain characters, as in GLib's simple patterns");
}

int
main(void)
{
    tap_plan(19);
    gnutls_global_init();
    make_certificate();
    check_globs();
    check_missing_file();
    check_admitted_client();
    check_refused("CN=someone-else", true, "is not on tls_allowed_dn_list",
                  "a DN off the list is refused");
    check_refused(NULL, false, "sent no certificate",
                  "a client without a certificate is refused");
    check_garbage();
    check_no_verify();
    unlink(key_path);
    unlink(cert_path);
    rmdir(dir);
    gnutls_global_deinit();
    return tap_done();
}
