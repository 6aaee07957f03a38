/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-registry.c: picking a driver for a URI, keeping daemon-only drivers
 * out of client processes, and running startup/autostart/shutdown hooks in
 * order, each startup with the context the daemon gives it.
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

/* The context each startup hook saw: its state directory names it. */
static char seen_dirs[64];

static void
see(const struct driver_context *ctx)
{
    strncat(seen_dirs, ctx->state_dir, sizeof(seen_dirs) -
            strlen(seen_dirs) - 1);
}

static int  a_startup(const struct driver_context *ctx,
                      struct vireo_error *err) { see(ctx); record("A+"); return 0; }
static void a_autostart(void (*done)(void *), void *opaque)
{
    record("A*");
    done(opaque);
}
static void a_shutdown(void) { record("A-"); }
/* Fails: the daemon must then undo A. */
static int  b_startup(const struct driver_context *ctx,
                      struct vireo_error *err) { see(ctx); record("B+"); return -1; }
static int  c_startup(const struct driver_context *ctx,
                      struct vireo_error *err) { see(ctx); record("C+"); return 0; }
/* C's starts end later: its done is kept for the test to call. */
static void (*c_done)(void *);
static void *c_done_opaque;
static void c_autostart(void (*done)(void *), void *opaque)
{
    record("C*");
    c_done = done;
    c_done_opaque = opaque;
}
static void c_shutdown(void) { record("C-"); }

static bool is_all_autostarted;

static void
all_autostarted(void *opaque)
{
    (void)opaque;
    is_all_autostarted = true;
}

static const char *const local_schemes[]  = { "test", NULL };
static const char *const daemon_schemes[] = { "qemu", NULL };
static const char *const remote_schemes[] = { "*+", "remote", NULL };

static const struct driver local_drv = {
    .name = "local", .schemes = local_schemes,
    .startup = a_startup, .autostart = a_autostart, .shutdown = a_shutdown,
};
static const struct driver daemon_drv = {
    .name = "daemon", .schemes = daemon_schemes, .daemon_only = true,
    .startup = c_startup, .autostart = c_autostart, .shutdown = c_shutdown,
};
static const struct driver remote_drv = {
    .name = "remote", .schemes = remote_schemes,
};
static const struct driver failing_drv = {
    .name = "failing", .schemes = local_schemes, .startup = b_startup,
};

/* A context naming the driver, as the daemon's names its directories. */
static const struct driver_context *
context_for(const struct driver *drv, void *opaque, struct vireo_error *err)
{
    static struct driver_context ctx;
    static char dir[32];

    snprintf(dir, sizeof(dir), "%s/", drv->name);
    ctx.state_dir = dir;
    ctx.is_privileged = *(bool *)opaque;
    return &ctx;
}

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
    bool is_privileged = true;

    calls[0] = seen_dirs[0] = '\0';
    tap_is_int(registry_startup_all(context_for, &is_privileged, &err), 0,
               "every startup hook succeeds");
    tap_is_str(seen_dirs, "local/daemon/",
               "each startup hook gets the context made for its driver");
    registry_autostart_all(all_autostarted, NULL);
    tap_ok(!is_all_autostarted && c_done != NULL,
           "autostart is not done while a driver's starts are under way");
    c_done(c_done_opaque);
    tap_ok(is_all_autostarted,
           "and done once every driver's autostart has ended");
    registry_shutdown_all();
    tap_is_str(calls, "A+C+A*C*C-A-",
               "hooks start, autostart in order and shut down in reverse "
               "order");
}

static void
check_failed_startup(void)
{
    static const struct driver *const drivers[] = {
        &local_drv, &failing_drv, &daemon_drv, NULL };
    struct vireo_error err = { 0 };

    registry_install(drivers, true);
    bool is_privileged = false;

    calls[0] = '\0';
    tap_is_int(registry_startup_all(context_for, &is_privileged, &err), -1,
               "a failing startup hook fails the daemon's startup");
    tap_is_str(calls, "A+B+A-",
               "and the drivers already started are shut down again");
}

int
main(void)
{
    tap_plan(13);
    check_client_process();
    check_daemon_process();
    check_failed_startup();
    return tap_done();
}
