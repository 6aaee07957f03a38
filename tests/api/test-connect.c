/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-connect.c: opening connections (URIs, the default, bad URIs, flags)
 * and the host queries, through the public library and the test driver.
 */
#include <stdlib.h>

#include "api-test.h"

static void
test_default_uri(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;

    unsetenv("VIREO_DEFAULT_URI");
    conn = vireo_conn_open(NULL, 0, &err);
    tap_ok(conn != NULL, "a NULL URI opens a connection");
    tap_is_str(vireo_conn_get_uri(conn), "test:///default",
               "a NULL URI means test:///default");
    vireo_conn_close(conn);

    /* A URI nothing serves shows that the variable was read. */
    setenv("VIREO_DEFAULT_URI", "foo:///", 1);
    conn = vireo_conn_open(NULL, 0, &err);
    tap_ok(conn == NULL, "a NULL URI follows $VIREO_DEFAULT_URI");
    is_error(&err, VIR_ERR_NO_CONNECT,
             "no connection driver available for foo:///",
             "and names that URI in the error");
    unsetenv("VIREO_DEFAULT_URI");
}

static void
test_bad_opens(void)
{
    struct vireo_error err = { 0 };

    tap_ok(vireo_conn_open("foo:///", 0, &err) == NULL,
           "an unknown scheme opens nothing");
    is_error(&err, VIR_ERR_NO_CONNECT,
             "no connection driver available for foo:///",
             "an unknown scheme is VIR_ERR_NO_CONNECT, in libvirt's words");
    memset(&err, 0, sizeof(err));
    tap_ok(vireo_conn_open("test:///default", 0x100, &err) == NULL,
           "unknown flags open nothing");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "unsupported flags (0x100) in function virConnectOpenAuth",
             "unknown flags are VIR_ERR_INVALID_ARG, in libvirt's words");
    tap_ok(vireo_conn_open("foo:///", 0, NULL) == NULL,
           "a failing open with a NULL err just returns NULL");
}

static void
test_host_queries(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    unsigned long long version = 0;
    struct vireo_node_info info;
    char *text;

    tap_is_str(vireo_conn_get_type(conn, &err), "TEST",
               "the test driver's type is TEST");
    tap_ok(vireo_conn_get_version(conn, &version, &err) == 0 && version > 0,
           "the hypervisor has a version");
    tap_ok(vireo_conn_get_lib_version(conn, &version, &err) == 0 &&
           version == vireo_version(), "the library version is ours");
    text = vireo_conn_get_hostname(conn, &err);
    tap_ok(text != NULL && *text != '\0', "the host has a name");
    free(text);
    text = vireo_conn_get_capabilities(conn, &err);
    tap_ok(text != NULL && strstr(text, "<capabilities>") != NULL,
           "capabilities are a <capabilities> document");
    free(text);
    tap_ok(vireo_node_get_info(conn, &info, &err) == 0 && info.cpus > 0 &&
           info.memory_kib > 0 && info.model[0] != '\0',
           "node info has CPUs, memory and a model");
    tap_ok(!vireo_conn_is_read_only(conn), "a plain open is read-write");
}

/* An in-process connection: nothing travels, so nobody can listen in,
 * and nothing is encrypted, as libvirt's test driver answers. */
static void
test_security(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };

    tap_is_int(vireo_conn_is_secure(conn, &err), 1,
               "an in-process connection is secure");
    tap_is_int(vireo_conn_is_encrypted(conn, &err), 0,
               "and not encrypted");
    tap_is_int(vireo_conn_is_secure(NULL, &err), -1,
               "a NULL conn is neither");
    is_error(&err, VIR_ERR_INVALID_CONN,
             "invalid connection pointer in virConnectIsSecure",
             "is_secure names libvirt's function");
    vireo_conn_is_encrypted(NULL, &err);
    is_error(&err, VIR_ERR_INVALID_CONN,
             "invalid connection pointer in virConnectIsEncrypted",
             "and so does is_encrypted");
}

static void
test_null_conn(void)
{
    struct vireo_error err = { 0 };
    unsigned long long v;
    struct vireo_node_info info;

    tap_ok(vireo_conn_get_type(NULL, &err) == NULL, "no type without conn");
    is_error(&err, VIR_ERR_INVALID_CONN,
             "invalid connection pointer in virConnectGetType",
             "a NULL conn is VIR_ERR_INVALID_CONN naming the function");
    tap_ok(vireo_conn_get_version(NULL, &v, &err) < 0 &&
           vireo_conn_get_lib_version(NULL, &v, &err) < 0 &&
           vireo_conn_get_hostname(NULL, &err) == NULL &&
           vireo_conn_get_capabilities(NULL, &err) == NULL &&
           vireo_node_get_info(NULL, &info, &err) < 0,
           "every host query refuses a NULL conn");
    is_error_code(&err, VIR_ERR_INVALID_CONN, "with VIR_ERR_INVALID_CONN");
    tap_ok(vireo_conn_close(NULL) < 0, "closing NULL fails");
    tap_ok(vireo_conn_get_uri(NULL) == NULL && !vireo_conn_is_read_only(NULL),
           "local accessors accept NULL");
}

static void
test_null_outputs(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };

    tap_ok(vireo_conn_get_version(conn, NULL, &err) < 0,
           "a NULL version pointer is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "hvVer in virConnectGetVersion must not be NULL",
             "as libvirt words it");
    tap_ok(vireo_node_get_info(conn, NULL, &err) < 0,
           "a NULL node info is refused");
    is_error_code(&err, VIR_ERR_INVALID_ARG, "with VIR_ERR_INVALID_ARG");
}

static void
test_refcount(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);

    tap_ok(vireo_conn_ref(conn) == conn, "ref returns the connection");
    tap_is_int(vireo_conn_close(conn), 0, "the first close drops one ref");
    tap_is_str(vireo_conn_get_type(conn, &err), "TEST",
               "the connection still works after one of two closes");
    tap_is_int(vireo_conn_close(conn), 0, "the second close closes it");
}

static void
test_version(void)
{
    tap_is_int(vireo_version(), VIREO_VERSION_MAJOR * 1000000ULL +
               VIREO_VERSION_MINOR * 1000ULL + VIREO_VERSION_MICRO,
               "vireo_version() encodes the project version");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;

    tap_plan(37);
    test_default_uri();
    test_bad_opens();
    conn = vireo_conn_open("test:///default", 0, &err);
    tap_ok(conn != NULL, "test:///default opens");
    test_host_queries(conn);
    test_security(conn);
    test_null_conn();
    test_null_outputs(conn);
    test_refcount();
    test_version();
    vireo_conn_close(conn);
    return tap_done();
}
