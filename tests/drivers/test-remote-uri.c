/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-remote-uri.c: what the remote driver makes of a URI: the daemon's
 * address, and the name CONNECT_OPEN carries (libvirt's rules: transport,
 * server and client-side parameters stripped, the rest kept); and what
 * each transport protects, as libvirt's client judges it.
 */
#include <stdlib.h>
#include <unistd.h>

#include "drivers/remote/remote_uri.h"
#include "drivers/uri.h"
#include "tests/tap.h"

/* Resolve text; NULL-safe fields for the checks. err gets the failure. */
static int
resolve(const char *text, bool read_only, struct remote_target *t,
        struct vireo_error *err)
{
    struct uri *u = uri_parse(text, err);
    int rc;

    memset(t, 0, sizeof(*t));
    if (u == NULL)
        return -1;
    rc = remote_target_resolve(u, read_only, t, err);
    uri_free(u);
    return rc;
}

static void
check_name(const char *text, const char *want)
{
    struct vireo_error err = { 0 };
    struct remote_target t;

    if (resolve(text, false, &t, &err) < 0) {
        tap_ok(false, "%s resolves: %s", text, err.message);
        return;
    }
    tap_is_str(t.name, want, "%s is opened as '%s'", text, want);
    remote_target_clear(&t);
}

static void
check_names(void)
{
    check_name("test+unix:///default?socket=/x/vireo-sock", "test:///default");
    check_name("qemu+unix:///system?socket=/x", "qemu:///system");
    check_name("qemu:///system", "qemu:///system");
    check_name("vireo+unix:///system?socket=/x", "vireo:///system");
    check_name("test+tcp://example.org:1234/default", "test:///default");
    check_name("remote:///", "");
    check_name("test+unix:///default?socket=/x&mode=legacy&no_tty=1",
               "test:///default");
    check_name("test+unix:///default?socket=/x&extra=a%20b",
               "test:///default?extra=a%20b");
    check_name("test+unix:///?socket=/x&name=qemu:///session",
               "qemu:///session");
}

static void
check_unix(void)
{
    struct vireo_error err = { 0 };
    struct remote_target t;
    char *dir, *want_rw = NULL, *want_ro = NULL;

    tap_is_int(resolve("test+unix:///default?socket=/tmp/s", false, &t, &err),
               0, "a socket parameter resolves");
    tap_ok(t.transport == REMOTE_TRANSPORT_UNIX, "over a UNIX socket");
    tap_is_str(t.socket_path, "/tmp/s", "at the path given");
    remote_target_clear(&t);

    /* Only seen by an unprivileged process; root's is fixed. */
    setenv("XDG_RUNTIME_DIR", "/tmp/xdg-test", 1);
    dir = remote_default_socket_dir();
    tap_is_str(dir, getuid() == 0 ? "/run/vireo" : "/tmp/xdg-test/vireo",
               "the daemon's socket directory: /run/vireo for root, "
               "$XDG_RUNTIME_DIR/vireo for others");
    if (asprintf(&want_rw, "%s/vireo-sock", dir) < 0 ||
        asprintf(&want_ro, "%s/vireo-sock-ro", dir) < 0)
        exit(1);
    resolve("qemu:///system", false, &t, &err);
    tap_is_str(t.socket_path, want_rw, "no socket: the daemon's own");
    remote_target_clear(&t);
    resolve("qemu:///system", true, &t, &err);
    tap_is_str(t.socket_path, want_ro, "read-only: the daemon's read-only "
               "socket");
    remote_target_clear(&t);
    free(dir);
    free(want_rw);
    free(want_ro);
}

static void
check_tcp(void)
{
    struct vireo_error err = { 0 };
    struct remote_target t;

    resolve("test+tcp://example.org:1234/default", false, &t, &err);
    tap_ok(t.transport == REMOTE_TRANSPORT_TCP, "tcp: over TCP");
    tap_is_str(t.host, "example.org", "to the host named");
    tap_is_int(t.port, 1234, "on the port named");
    remote_target_clear(&t);
    resolve("test+tcp:///default", false, &t, &err);
    tap_is_str(t.host, "localhost", "no host: localhost");
    tap_is_int(t.port, 16509, "no port: libvirtd's 16509");
    remote_target_clear(&t);
}

static void
check_tls(void)
{
    struct vireo_error err = { 0 };
    struct remote_target t;

    resolve("qemu://example.org/system?pkipath=/pki&no_verify=1", false, &t,
            &err);
    tap_ok(t.transport == REMOTE_TRANSPORT_TLS,
           "a host without a transport: TLS, as libvirt");
    tap_is_int(t.port, 16514, "no port: libvirtd's 16514");
    tap_ok(t.pki_dir != NULL && strcmp(t.pki_dir, "/pki") == 0 &&
           t.is_verify_off, "pkipath and no_verify are the client's");
    tap_is_str(t.name, "qemu:///system", "and the daemon sees neither");
    remote_target_clear(&t);
    resolve("test+tls://h:99/default", false, &t, &err);
    tap_ok(t.transport == REMOTE_TRANSPORT_TLS && t.port == 99 &&
           t.pki_dir == NULL && !t.is_verify_off,
           "tls: the port named, libvirt's paths, verification on");
    remote_target_clear(&t);
}

static void
check_protection(void)
{
    tap_ok(remote_transport_is_secure(REMOTE_TRANSPORT_UNIX) &&
           !remote_transport_is_encrypted(REMOTE_TRANSPORT_UNIX),
           "a UNIX socket is secure but not encrypted");
    tap_ok(!remote_transport_is_secure(REMOTE_TRANSPORT_TCP) &&
           !remote_transport_is_encrypted(REMOTE_TRANSPORT_TCP),
           "plain TCP is neither");
    tap_ok(remote_transport_is_secure(REMOTE_TRANSPORT_TLS) &&
           remote_transport_is_encrypted(REMOTE_TRANSPORT_TLS),
           "TLS is both");
}

static void
check_refusals(void)
{
    struct vireo_error err = { 0 };
    struct remote_target t;

    tap_is_int(resolve("qemu+ssh://host/system", false, &t, &err), -1,
               "ssh is refused");
    tap_ok(err.code == VIR_ERR_INVALID_ARG && strstr(err.message, "ssh"),
           "naming the transport: %s", err.message);
    tap_is_int(resolve("test+unix://host/default", false, &t, &err), -1,
               "a UNIX socket on another host is refused");
    tap_is_int(resolve("test+unix:///default?socket=rel/path", false, &t,
                       &err), -1, "a relative socket path is refused");
}

int
main(void)
{
    tap_plan(32);
    check_names();
    check_unix();
    check_tcp();
    check_tls();
    check_protection();
    check_refusals();
    return tap_done();
}
