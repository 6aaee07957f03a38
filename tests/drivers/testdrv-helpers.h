/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * testdrv-helpers.h: what the test-driver tests share, header-only: opening
 * a connection straight through testdrv's slots (no client library), domain
 * documents, and checks on a slot's error.
 */
#ifndef VIREO_TESTS_DRIVERS_TESTDRV_HELPERS_H
#define VIREO_TESTS_DRIVERS_TESTDRV_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/handle.h"
#include "drivers/test/testdrv.h"
#include "drivers/uri.h"
#include "tests/tap.h"

/* Open text with testdrv as vireod would for a client who is who, or, with
 * who NULL, as the client library would in its own process; NULL (err
 * set) on failure. Close with handle_conn_unref(). */
static inline struct vireo_conn *
tdrv_open_as(const char *text, const struct conn_identity *who,
             struct vireo_error *err)
{
    struct uri *uri = uri_parse(text, err);
    struct vireo_conn *conn;

    if (uri == NULL)
        return NULL;
    conn = handle_conn_new(text, false);
    if (conn != NULL && who != NULL &&
        (conn->identity = malloc(sizeof(*who))) != NULL)
        *conn->identity = *who;
    if (conn == NULL || (who != NULL && conn->identity == NULL)) {
        handle_conn_unref(conn);
        uri_free(uri);
        return NULL;
    }
    conn->driver = &testdrv;
    if (testdrv.open(conn, uri, 0, err) < 0) {
        conn->driver = NULL;   /* a failed open has nothing to close */
        handle_conn_unref(conn);
        conn = NULL;
    }
    uri_free(uri);
    return conn;
}

static inline struct vireo_conn *
tdrv_open(const char *text, struct vireo_error *err)
{
    return tdrv_open_as(text, NULL, err);
}

/* A minimal domain document: name, optional uuid, virt type and extra
 * children of <domain>. Caller frees. */
static inline char *
tdrv_xml(const char *name, const char *uuid, const char *type,
         unsigned long long memory_kib, const char *extra)
{
    char *xml = NULL;

    if (asprintf(&xml,
                 "<domain type='%s'>"
                 "<name>%s</name>%s%s%s"
                 "<memory unit='KiB'>%llu</memory>"
                 "<vcpu>2</vcpu>"
                 "<os><type arch='i686'>hvm</type></os>%s"
                 "</domain>",
                 type, name, uuid ? "<uuid>" : "", uuid ? uuid : "",
                 uuid ? "</uuid>" : "", memory_kib, extra ? extra : "") < 0)
        abort();
    return xml;
}

/* Define (or with is_create, create) a test domain; NULL on failure. */
static inline struct vireo_domain *
tdrv_define(struct vireo_conn *conn, const char *name, const char *uuid,
            struct vireo_error *err)
{
    char *xml = tdrv_xml(name, uuid, "test", 1024, NULL);
    struct vireo_domain *dom = testdrv.domain_define_xml(conn, xml, 0, err);

    free(xml);
    return dom;
}

/* Whether dom's XML (flags 0 or VIR_DOMAIN_XML_INACTIVE) holds text (or,
 * with is_wanted false, lacks it); the XML is shown when not. */
static inline bool
tdrv_xml_is(struct vireo_domain *dom, unsigned flags, const char *text,
            bool is_wanted)
{
    struct vireo_error err = { 0 };
    char *xml = testdrv.domain_get_xml_desc(dom, flags, &err);
    bool is_as_wanted = xml != NULL && (strstr(xml, text) != NULL) ==
                                       is_wanted;

    if (!is_as_wanted)
        tap_diag("  %s '%s' in:\n%s", is_wanted ? "no" : "found", text,
                 xml != NULL ? xml : err.message);
    free(xml);
    return is_as_wanted;
}

#define tdrv_xml_has(dom, flags, text)   tdrv_xml_is(dom, flags, text, true)
#define tdrv_xml_lacks(dom, flags, text) tdrv_xml_is(dom, flags, text, false)

/* The call failed with code and a message containing `text`. */
#define tdrv_fails(rc, err, want_code, text, ...)                           \
    do {                                                                    \
        bool tdrv_p_ = (rc) < 0 && (err).code == (want_code) &&             \
                       strstr((err).message, (text)) != NULL;               \
        if (!tap_ok(tdrv_p_, __VA_ARGS__))                                  \
            tap_diag("  got rc %d code %d '%s', want code %d '%s'",         \
                     (int)(rc), (err).code, (err).message, (want_code),     \
                     (text));                                               \
        memset(&(err), 0, sizeof(err));                                     \
    } while (0)

/* state and reason of dom, as "state/reason", e.g. "5/2". */
static inline const char *
tdrv_state(struct vireo_domain *dom)
{
    static char buf[32];
    struct vireo_error err = { 0 };
    int state = -1, reason = -1;

    if (testdrv.domain_get_state(dom, &state, &reason, 0, &err) < 0)
        snprintf(buf, sizeof(buf), "error %d", err.code);
    else
        snprintf(buf, sizeof(buf), "%d/%d", state, reason);
    return buf;
}

/* TAP allows the plan at the end: tests here count as they go. */
static inline int
tdrv_done(void)
{
    printf("1..%d\n", tap_run_);
    return tap_done();
}

#endif /* VIREO_TESTS_DRIVERS_TESTDRV_HELPERS_H */
