/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tls_context.c: vireod's TLS credentials, and the checks a client's
 * certificate passes before the client is served (the same checks, in the
 * same order, as libvirtd's).
 */
#include <errno.h>
#include <gnutls/x509.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemon/log.h"
#include "daemon/tls_context.h"
#include "drivers/error.h"

/* libvirt's CRL, used when it exists and crl_file is not set. */
#define DEFAULT_CRL_FILE "/etc/pki/CA/cacrl.pem"

/* A chain longer than this is refused. */
#define MAX_PEER_CERTS 16

/* Read-only once made; see tls_context.h. */
struct tls_context {
    gnutls_certificate_credentials_t creds;
    gnutls_priority_t                priority;
    bool                             is_verify_off;
    char                           **allowed_dns;  /* NULL: any */
};

static int __attribute__((format(printf, 3, 4)))
say(char *why, size_t why_len, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, why_len, fmt, ap);
    va_end(ap);
    return -1;
}

/* A file the daemon cannot go on without must be readable: say which. */
static int
need_file(const char *what, const char *path, struct vireo_error *err)
{
    if (path != NULL && access(path, R_OK) == 0)
        return 0;
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                     "cannot read %s '%s': %s", what,
                     path ? path : "(none)", strerror(path ? errno : ENOENT));
}

static int
gnutls_failed(struct vireo_error *err, const char *what, const char *path,
              int rc)
{
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                     "cannot load %s '%s': %s", what, path,
                     gnutls_strerror(rc));
}

static int
load_crl(struct tls_context *ctx, const char *crl_file,
         struct vireo_error *err)
{
    int rc;

    if (crl_file == NULL && access(DEFAULT_CRL_FILE, R_OK) == 0)
        crl_file = DEFAULT_CRL_FILE;
    if (crl_file == NULL)
        return 0;
    if (need_file("the certificate revocation list", crl_file, err) < 0)
        return -1;
    rc = gnutls_certificate_set_x509_crl_file(ctx->creds, crl_file,
                                              GNUTLS_X509_FMT_PEM);
    return rc < 0 ? gnutls_failed(err, "the certificate revocation list",
                                  crl_file, rc) : 0;
}

static int
load_files(struct tls_context *ctx, const struct daemon_config *cfg,
           struct vireo_error *err)
{
    int rc;

    if (need_file("the CA certificate", cfg->ca_file, err) < 0 ||
        need_file("the server certificate", cfg->cert_file, err) < 0 ||
        need_file("the server key", cfg->key_file, err) < 0)
        return -1;
    rc = gnutls_certificate_set_x509_trust_file(ctx->creds, cfg->ca_file,
                                                GNUTLS_X509_FMT_PEM);
    if (rc < 0)
        return gnutls_failed(err, "the CA certificate", cfg->ca_file, rc);
    if (load_crl(ctx, cfg->crl_file, err) < 0)
        return -1;
    rc = gnutls_certificate_set_x509_key_file(ctx->creds, cfg->cert_file,
                                              cfg->key_file,
                                              GNUTLS_X509_FMT_PEM);
    return rc < 0 ? gnutls_failed(err, "the server certificate and key",
                                  cfg->cert_file, rc) : 0;
}

static int
set_priority(struct tls_context *ctx, const char *priority,
             struct vireo_error *err)
{
    const char *at = NULL;
    int rc = gnutls_priority_init(&ctx->priority, priority, &at);

    if (rc < 0) {
        ctx->priority = NULL;
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "bad tls_priority '%s' at '%s': %s", priority,
                         at ? at : "", gnutls_strerror(rc));
    }
    return 0;
}

struct tls_context *
tls_context_new(const struct daemon_config *cfg, struct vireo_error *err)
{
    struct tls_context *ctx = calloc(1, sizeof(*ctx));

    if (ctx == NULL ||
        gnutls_certificate_allocate_credentials(&ctx->creds) < 0) {
        free(ctx);
        error_no_memory(err);
        return NULL;
    }
    ctx->is_verify_off = cfg->tls_no_verify_certificate;
    ctx->allowed_dns = cfg->tls_allowed_dn_list;
    if (load_files(ctx, cfg, err) < 0 ||
        set_priority(ctx, cfg->tls_priority, err) < 0) {
        tls_context_free(ctx);
        return NULL;
    }
    return ctx;
}

void
tls_context_free(struct tls_context *ctx)
{
    if (ctx == NULL)
        return;
    if (ctx->priority != NULL)
        gnutls_priority_deinit(ctx->priority);
    gnutls_certificate_free_credentials(ctx->creds);
    free(ctx);
}

int
tls_context_new_session(const struct tls_context *ctx,
                        gnutls_session_t *session, char *why, size_t why_len)
{
    int rc = gnutls_init(session, GNUTLS_SERVER | GNUTLS_NONBLOCK);

    if (rc < 0)
        return say(why, why_len, "cannot start a TLS session: %s",
                   gnutls_strerror(rc));
    rc = gnutls_priority_set(*session, ctx->priority);
    if (rc == 0)
        rc = gnutls_credentials_set(*session, GNUTLS_CRD_CERTIFICATE,
                                    ctx->creds);
    if (rc < 0) {
        gnutls_deinit(*session);
        return say(why, why_len, "cannot start a TLS session: %s",
                   gnutls_strerror(rc));
    }
    /* Asked, not required: a client without one is refused by the
     * checks after the handshake, with a clearer reason in the log. */
    gnutls_certificate_server_set_request(*session, GNUTLS_CERT_REQUEST);
    return 0;
}

/* GLib's g_pattern_match_simple: '*' and '?' are the only specials. */
static bool
glob_matches(const char *pattern, const char *s)
{
    for (; *pattern != '\0'; pattern++, s++) {
        if (*pattern == '*') {
            for (const char *rest = s;; rest++) {
                if (glob_matches(pattern + 1, rest))
                    return true;
                if (*rest == '\0')
                    return false;
            }
        }
        if (*s == '\0' || (*pattern != '?' && *pattern != *s))
            return false;
    }
    return *s == '\0';
}

bool
tls_dn_is_allowed(const char *const *allowed, const char *dn)
{
    if (allowed == NULL)
        return true;
    for (size_t i = 0; allowed[i] != NULL; i++)
        if (glob_matches(allowed[i], dn))
            return true;
    return false;
}

/* GnuTLS's verdict on the chain against the CA and CRL, in libvirt's
 * order of reasons. */
static int
check_trust(gnutls_session_t session, char *why, size_t why_len)
{
    unsigned int status = 0;
    int rc = gnutls_certificate_verify_peers2(session, &status);

    if (rc == GNUTLS_E_NO_CERTIFICATE_FOUND)
        return say(why, why_len, "the client sent no certificate");
    if (rc < 0)
        return say(why, why_len, "cannot verify the client certificate: %s",
                   gnutls_strerror(rc));
    if (status == 0)
        return 0;
    if (status & GNUTLS_CERT_REVOKED)
        return say(why, why_len, "the client certificate has been revoked");
    if (status & GNUTLS_CERT_EXPIRED)
        return say(why, why_len, "the client certificate has expired");
    if (status & GNUTLS_CERT_NOT_ACTIVATED)
        return say(why, why_len, "the client certificate is not yet active");
    if (status & GNUTLS_CERT_SIGNER_NOT_FOUND)
        return say(why, why_len, "the client certificate has no known "
                   "issuer (not signed by ca_file's CA)");
    if (status & GNUTLS_CERT_INSECURE_ALGORITHM)
        return say(why, why_len, "the client certificate uses an insecure "
                   "algorithm");
    return say(why, why_len, "the client certificate is not trusted");
}

/* One certificate of the chain: within its dates; the client's own (the
 * first) also with an allowed DN. */
static int
check_one(const struct tls_context *ctx, const gnutls_datum_t *raw,
          bool is_first, char *why, size_t why_len)
{
    gnutls_x509_crt_t crt;
    char dn[1024];
    size_t dn_len = sizeof(dn);
    time_t now = time(NULL);
    int ret = -1;

    if (gnutls_x509_crt_init(&crt) < 0)
        return say(why, why_len, "out of memory");
    if (gnutls_x509_crt_import(crt, raw, GNUTLS_X509_FMT_DER) < 0)
        say(why, why_len, "the client certificate cannot be parsed");
    else if (gnutls_x509_crt_get_expiration_time(crt) < now)
        say(why, why_len, "the client certificate has expired");
    else if (gnutls_x509_crt_get_activation_time(crt) > now)
        say(why, why_len, "the client certificate is not yet active");
    else if (!is_first)
        ret = 0;
    else if (gnutls_x509_crt_get_dn(crt, dn, &dn_len) < 0)
        say(why, why_len, "the client certificate has no readable DN");
    else if (!tls_dn_is_allowed((const char *const *)ctx->allowed_dns, dn))
        say(why, why_len, "the client's Distinguished Name '%s' is not on "
            "tls_allowed_dn_list", dn);
    else
        ret = 0;
    gnutls_x509_crt_deinit(crt);
    return ret;
}

static int
check_certificate(const struct tls_context *ctx, gnutls_session_t session,
                  char *why, size_t why_len)
{
    const gnutls_datum_t *certs;
    unsigned int n = 0;

    if (check_trust(session, why, why_len) < 0)
        return -1;
    if (gnutls_certificate_type_get(session) != GNUTLS_CRT_X509)
        return say(why, why_len, "the client certificate is not X.509");
    certs = gnutls_certificate_get_peers(session, &n);
    if (certs == NULL || n == 0)
        return say(why, why_len, "the client sent no certificate");
    if (n > MAX_PEER_CERTS)
        return say(why, why_len, "the client's chain is too long");
    for (unsigned int i = 0; i < n; i++)
        if (check_one(ctx, &certs[i], i == 0, why, why_len) < 0)
            return -1;
    return 0;
}

int
tls_context_check_client(const struct tls_context *ctx,
                         gnutls_session_t session, char *why, size_t why_len)
{
    if (check_certificate(ctx, session, why, why_len) == 0)
        return 0;
    if (!ctx->is_verify_off)
        return -1;
    log_warn("%s; let in anyway: tls_no_verify_certificate is set", why);
    return 0;
}
