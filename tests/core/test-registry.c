/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-registry.c: picking a driver for a URI, keeping daemon-only drivers
 * out of client processes, and running startup/shutdown hooks in order.
 */
#include "drivers/driver.h"
#include "drivers/registry.h"
#include "drivers/uri.h"
#include "tests/tap.h"

static char calls[64];

static void
record(const char *what)
{
    strncat(calls, what, sizeof(calls) - strlen(calls) - 1);
}

static int  a_startup(struct vireo_error *err) { (void)err; record("A+"); return 0; }
static void a_shutdown(void) { record("A-"); }
/* Fails: the daemon must then undo A. */
static int  b_startup(struct vireo_error *err) { (void)err; record("B+"); return -1; }
static int  c_startup(struct vireo_error *err) { (void)err; record("C+"); return 0; }
static void c_shutdown(void) { record("C-"); }

static const char *const local_schemes[]  = { "test", NULL };
static const char *const daemon_schemes[] = { "qemu", NULL };
static const char *const remote_schemes[] = { "*+", "remote", NULL };

static const struct driver local_drv = {
    .name = "local", .schemes = local_schemes,
    .startup = a_startup, .shutdown = a_shutdown,
};
static const struct driver daemon_drv = {
    .name = "daemon", .schemes = daemon_schemes, .daemon_only = true,
    .startup = c_startup, .shutdown = c_shutdown,
};
static const struct driver remote_drv = {
    .name = "remote", .schemes = remote_schemes,
};
static const struct driver failing_drv = {
    .name = "failing", .schemes = local_schemes, .startup = b_startup,
};

static const struct driver *
find(const char *text, struct vireo_error *err)
{
    struct uri *u = uri_parse(text, err);
    const struct driver *drv = u ? registry_find(u, text, err) : NULL;

    uri_free(u);
    return drv;
}

static void
check_client_process(void)
{
    static const struct driver *const drivers[] = {
        &local_drv, &daemon_drv, &remote_drv, NULL };
    struct vireo_error err = { 0 };

    registry_install(drivers, false);
    tap_ok(find("test:///default", &err) == &local_drv,
           "a plain test URI reaches the in-process driver");
    tap_ok(find("test+unix:///default?socket=/x", &err) == &remote_drv,
           "a URI with a transport reaches the remote driver");
    tap_ok(find("qemu:///system", &err) == NULL,
           "a daemon-only driver is never picked in a client process");
    tap_is_int(err.code, VIR_ERR_NO_CONNECT, "and the error is 'no connect'");
    tap_is_str(err.message,
               "no connection driver available for qemu:///system",
               "with libvirt's wording and the URI");
}

static void
check_daemon_process(void)
{
    static const struct driver *const drivers[] = {
        &local_drv, &daemon_drv, NULL };
    struct vireo_error err = { 0 };

    registry_install(drivers, true);
    tap_ok(find("qemu:///system", &err) == &daemon_drv,
           "the daemon picks its daemon-only drivers");
    calls[0] = '\0';
    tap_is_int(registry_startup_all(&err), 0, "every startup hook succeeds");
    registry_shutdown_all();
    tap_is_str(calls, "A+C+C-A-",
               "hooks start in order and shut down in reverse order");
}

static void
check_failed_startup(void)
{
    static const struct driver *const drivers[] = {
        &local_drv, &failing_drv, &daemon_drv, NULL };
    struct vireo_error err = { 0 };

    registry_install(drivers, true);
    calls[0] = '\0';
    tap_is_int(registry_startup_all(&err), -1,
               "a failing startup hook fails the daemon's startup");
    tap_is_str(calls, "A+B+A-",
               "and the drivers already started are shut down again");
}

int
main(void)
{
    tap_plan(10);
    check_client_process();
    check_daemon_process();
    check_failed_startup();
    return tap_done();
}
