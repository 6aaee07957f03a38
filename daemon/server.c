/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * server.c: vireod's lifecycle (issue 4): drivers' startup hooks, then the
 * listeners; on SIGTERM/SIGINT stop accepting, close the clients, run the
 * drivers' shutdown hooks in reverse order (which join their threads and
 * so finish the calls in flight), and hand back what they answered.
 *
 * The state here belongs to the main thread, which runs the loop.
 */
#include <signal.h>
#include <stdlib.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/dispatch.h"
#include "daemon/listener.h"
#include "daemon/log.h"
#include "daemon/server.h"
#include "drivers/registry.h"
#include "drivers/test/testdrv.h"
#include "loop/uv_impl.h"

/* The daemon's drivers, in startup order. */
static const struct driver *const server_drivers[] = { &testdrv, NULL };

/* Bytes of replies a client may leave unread before it is dropped: four
 * messages of the largest size. */
#define MAX_PENDING_MESSAGES 4

static struct listener *rw_listener, *ro_listener, *tcp_listener;
static uv_signal_t sigterm, sigint;

static void
stop_serving(void)
{
    listener_close(rw_listener);
    listener_close(ro_listener);
    listener_close(tcp_listener);
    rw_listener = ro_listener = tcp_listener = NULL;
    client_close_all();
    uv_close((uv_handle_t *)&sigterm, NULL);
    uv_close((uv_handle_t *)&sigint, NULL);
    uv_impl_stop();
}

static void
on_signal(uv_signal_t *handle, int signum)
{
    log_info("caught signal %d, shutting down", signum);
    stop_serving();
}

static int
open_listeners(const struct daemon_config *cfg)
{
    struct vireo_error err = { 0 };

    rw_listener = listener_open(cfg->unix_sock_dir, "vireo-sock",
                                cfg->unix_sock_rw_perms, false, &err);
    if (rw_listener != NULL)
        ro_listener = listener_open(cfg->unix_sock_dir, "vireo-sock-ro",
                                    cfg->unix_sock_ro_perms, true, &err);
    if (ro_listener != NULL && cfg->listen_tcp)
        tcp_listener = listener_open_tcp(cfg->listen_addr, cfg->tcp_port,
                                         &err);
    if (ro_listener != NULL && (!cfg->listen_tcp || tcp_listener != NULL))
        return 0;
    log_error("%s", err.message);
    listener_close(rw_listener);
    listener_close(ro_listener);
    rw_listener = ro_listener = NULL;
    return -1;
}

static void
watch_signals(void)
{
    uv_signal_init(uv_impl_loop(), &sigterm);
    uv_signal_init(uv_impl_loop(), &sigint);
    uv_signal_start(&sigterm, on_signal, SIGTERM);
    uv_signal_start(&sigint, on_signal, SIGINT);
}

static void
set_client_limits(const struct daemon_config *cfg)
{
    struct client_limits limits = {
        .max_message_size = cfg->max_message_size,
        .max_clients = cfg->max_clients,
        .max_client_requests = cfg->max_client_requests,
        .max_pending_out = (size_t)cfg->max_message_size *
                           MAX_PENDING_MESSAGES,
        .keepalive_interval_s = cfg->keepalive_interval,
        .keepalive_count = cfg->keepalive_count,
    };

    client_set_limits(&limits);
}

/* The loop has stopped: drivers finish what was queued (their replies
 * land in the reply queue, and are dropped with it), then the loop runs
 * until every closed handle is released. */
static void
finish(void)
{
    registry_shutdown_all();
    dispatch_fini();
    while (client_n_live() > 0)
        uv_impl_run_once();
    uv_run(uv_impl_loop(), UV_RUN_NOWAIT);
}

static int
start(const struct daemon_config *cfg)
{
    struct vireo_error err = { 0 };

    registry_install(server_drivers, true);
    if (uv_impl_register() < 0 || dispatch_init() < 0) {
        log_error("cannot set up the main loop");
        return -1;
    }
    if (registry_startup_all(&err) < 0) {
        log_error("cannot start the drivers: %s", err.message);
        dispatch_fini();
        return -1;
    }
    set_client_limits(cfg);
    if (open_listeners(cfg) < 0) {
        finish();
        return -1;
    }
    return 0;
}

int
server_run(const struct daemon_config *cfg)
{
    if (start(cfg) < 0)
        return -1;
    watch_signals();
    log_info("vireod %s ready", VIREO_VERSION_STRING);
    uv_impl_run();
    finish();
    log_info("vireod stopped");
    return 0;
}
