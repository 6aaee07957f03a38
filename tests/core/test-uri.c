/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-uri.c: splitting connection URIs into driver, transport and params. */
#include "drivers/uri.h"
#include "tests/tap.h"

static void
check_plain_test_uri(void)
{
    struct uri *u = uri_parse("test:///default", NULL);

    tap_ok(u != NULL, "test:///default parses");
    tap_is_str(u->driver, "test", "its driver is 'test'");
    tap_ok(u->transport == NULL, "it names no transport");
    tap_ok(u->server == NULL, "it names no server");
    tap_is_str(u->path, "/default", "its path is /default");
    tap_is_int(u->n_params, 0, "it has no parameters");
    uri_free(u);
}

static void
check_transport_and_params(void)
{
    struct uri *u = uri_parse(
        "qemu+unix:///system?socket=/run/vireo/vireo%2Dsock&mode=legacy&no_tty",
        NULL);

    tap_ok(u != NULL, "a unix transport URI with parameters parses");
    tap_is_str(u->driver, "qemu", "the driver part is before the '+'");
    tap_is_str(u->transport, "unix", "the transport part is after the '+'");
    tap_is_str(u->path, "/system", "the path is /system");
    tap_is_int(u->n_params, 3, "three parameters are found");
    tap_is_str(uri_param(u, "socket"), "/run/vireo/vireo-sock",
               "parameter values are percent-decoded");
    tap_is_str(uri_param(u, "mode"), "legacy", "a second parameter is found");
    tap_is_str(uri_param(u, "no_tty"), "", "a bare parameter has an empty value");
    tap_ok(uri_param(u, "nosuch") == NULL, "an absent parameter is NULL");
    uri_free(u);
}

static void
check_remote_host_and_port(void)
{
    struct uri *u = uri_parse("test+tcp://admin@host.example:16509/default",
                              NULL);

    tap_ok(u != NULL, "a tcp URI with user, host and port parses");
    tap_is_str(u->user, "admin", "the user is found");
    tap_is_str(u->server, "host.example", "the host is found");
    tap_is_int(u->port, 16509, "the port is found");
    uri_free(u);
}

static void
check_bad_uris(void)
{
    struct vireo_error err = { 0 };

    tap_ok(uri_parse("no scheme here", &err) == NULL,
           "a string without a scheme is refused");
    tap_is_int(err.code, VIR_ERR_INVALID_ARG,
               "and the error is libvirt's invalid argument");
    tap_ok(strstr(err.message, "no scheme here") != NULL,
           "and the message names the URI");
    tap_ok(uri_parse(NULL, &err) == NULL, "a NULL URI is refused");
    tap_ok(uri_parse("test://[::1/x", &err) == NULL,
           "a malformed host is refused");
}

int
main(void)
{
    tap_plan(24);
    check_plain_test_uri();
    check_transport_and_params();
    check_remote_host_and_port();
    check_bad_uris();
    return tap_done();
}
