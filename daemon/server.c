/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * server.c: vireod's lifecycle: the drivers' startup hooks, then the
 * listeners, then the drivers' autostart hooks, and once those have ended
 * the accepting of clients. On SIGTERM/SIGINT stop
 * accepting and stop running new calls, keep the loop turning until the
 * calls in flight are answered and their replies written (at most
 * shutdown_timeout seconds), close the clients, and shut the drivers down
 * while the loop still turns (at most driver_shutdown_timeout seconds);
 * then leave the loop.
 *
 * The state here belongs to the main thread, which runs the loop.
 */
#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <systemd/sd-daemon.h>
#include <uv.h>

#include "daemon/activation.h"
#include "daemon/client.h"
#include "daemon/client_registry.h"
#include "daemon/dispatch.h"
#include "daemon/driver_hooks.h"
#include "daemon/idle_exit.h"
#include "daemon/listener.h"
#include "daemon/log.h"
#include "daemon/metrics.h"
#include "daemon/server.h"
#include "daemon/tls_context.h"
#include "drivers/registry.h"
#include "loop/uv_impl.h"

/* Bytes of replies a client may leave unread before it is dropped: four
 * messages of the largest size. */
#define MAX_PENDING_MESSAGES 4

static struct listener *rw_listener, *ro_listener, *tcp_listener,
                       *tls_listener;
static struct listener *admin_listener;   /* virt-admin's */
/* The TLS listener's credentials; freed once its last client is. */
static struct tls_context *tls_ctx;
static uv_signal_t sigterm, sigint;

/* The wait for the calls in flight, between the signal and the close. */
static struct {
    int        timeout_s;   /* shutdown_timeout */
    int        drivers_timeout_s;   /* driver_shutdown_timeout */
    bool       has_begun;
    bool       has_ended;
    uv_check_t check;       /* after each loop iteration: all answered? */
    uv_timer_t deadline;
} drain;

/* The last step: leave the loop. A second signal now changes nothing. */
static bool are_drivers_down;

static void
on_drivers_stopped(bool is_timed_out)
{
    are_drivers_down = !is_timed_out;
    if (!is_timed_out)
        log_info("every driver has stopped");
    uv_close((uv_handle_t *)&sigterm, NULL);
    uv_close((uv_handle_t *)&sigint, NULL);
    /* Closing the last watcher gives a signal back its default action:
     * a repeated SIGTERM now would kill a daemon that is stopping
     * cleanly, and make its exit status a lie. */
    signal(SIGTERM, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    uv_impl_stop();
}

/* Close the clients, whatever they still wait for, and stop the drivers;
 * the loop turns on until they are down. */
static void
end_drain(bool is_timed_out)
{
    size_t n_calls, n_bytes;

    if (drain.has_ended)
        return;
    drain.has_ended = true;
    client_count_pending(&n_calls, &n_bytes);
    if (n_calls > 0 || n_bytes > 0)
        log_warn("%s: abandoning %zu calls in flight and %zu bytes of "
                 "replies unwritten", is_timed_out ? "shutdown_timeout "
                 "passed" : "not waiting", n_calls, n_bytes);
    else
        log_info("every call in flight was answered");
    uv_close((uv_handle_t *)&drain.check, NULL);
    uv_close((uv_handle_t *)&drain.deadline, NULL);
    metrics_stop();
    client_close_all();
    driver_hooks_stop(drain.drivers_timeout_s, on_drivers_stopped);
}

/* Every event that can bring a reply or finish a write ends a loop
 * iteration, so checking after each one is enough, and costs nothing
 * before shutdown (the check only runs during the drain). */
static void
on_check(uv_check_t *check)
{
    size_t n_calls, n_bytes;

    client_count_pending(&n_calls, &n_bytes);
    if (n_calls == 0 && n_bytes == 0)
        end_drain(false);
}

static void
on_deadline(uv_timer_t *timer)
{
    end_drain(true);
}

/* Stop accepting and stop running calls; those in flight go on, and the
 * loop keeps writing their replies until on_check or on_deadline ends it. */
static void
begin_drain(void)
{
    size_t n_calls, n_bytes;

    drain.has_begun = true;
    sd_notify(0, "STOPPING=1");
    idle_exit_stop();
    listener_close(rw_listener);
    listener_close(ro_listener);
    listener_close(tcp_listener);
    listener_close(tls_listener);
    rw_listener = ro_listener = tcp_listener = tls_listener = NULL;
    listener_close(admin_listener);
    admin_listener = NULL;
    client_stop_calls();
    uv_check_init(uv_impl_loop(), &drain.check);
    uv_timer_init(uv_impl_loop(), &drain.deadline);
    if (drain.timeout_s == 0) {
        end_drain(false);
        return;
    }
    client_count_pending(&n_calls, &n_bytes);
    log_info("waiting up to %d s for %zu calls in flight and %zu bytes of "
             "replies", drain.timeout_s, n_calls, n_bytes);
    uv_check_start(&drain.check, on_check);
    uv_timer_start(&drain.deadline, on_deadline,
                   (uint64_t)drain.timeout_s * 1000, 0);
}

/* A second signal during the wait cuts it short. */
static void
on_signal(uv_signal_t *handle, int signum)
{
    if (drain.has_ended)
        return;   /* the drivers are stopping: nothing to cut short */
    if (drain.has_begun) {
        log_info("caught signal %d again, not waiting any longer", signum);
        end_drain(false);
        return;
    }
    log_info("caught signal %d, shutting down", signum);
    begin_drain();
}

/* One UNIX listener: systemd's socket for the role if it passed one, else
 * our own under unix_sock_dir. */
static struct listener *
open_unix(const struct daemon_config *cfg, struct activation *act,
          enum activation_role role, struct vireo_error *err)
{
    bool is_ro = role == ACTIVATION_RO;
    int fd = act->fds[role];

    act->fds[role] = -1;
    if (fd >= 0)
        return listener_adopt(fd, is_ro ? "vireod-ro.socket" : "vireod.socket",
                              true, is_ro, NULL, err);
    return listener_open(cfg->unix_sock_dir,
                         is_ro ? "vireo-sock-ro" : "vireo-sock",
                         is_ro ? cfg->unix_sock_ro_perms
                               : cfg->unix_sock_rw_perms, is_ro, err);
}

/* The TCP listener: systemd's socket if it passed one (its unit decides,
 * as for libvirtd); else ours if listen_tcp is on, and none under socket
 * activation without one. 0, or -1 with err set. */
static int
open_tcp(const struct daemon_config *cfg, struct activation *act,
         struct vireo_error *err)
{
    int fd = act->fds[ACTIVATION_TCP];

    act->fds[ACTIVATION_TCP] = -1;
    if (fd >= 0)
        tcp_listener = listener_adopt(fd, "vireod-tcp.socket", false, false,
                                      NULL, err);
    else if (cfg->listen_tcp && !act->is_activated)
        tcp_listener = listener_open_tcp(cfg->listen_addr, cfg->tcp_port,
                                         NULL, err);
    else
        return 0;
    return tcp_listener != NULL ? 0 : -1;
}

/* The TLS listener, chosen as the TCP one is (listen_tls, tls_port), with
 * the credentials cfg names. 0, or -1 with err set. */
static int
open_tls(const struct daemon_config *cfg, struct activation *act,
         struct vireo_error *err)
{
    int fd = act->fds[ACTIVATION_TLS];

    act->fds[ACTIVATION_TLS] = -1;
    if (fd < 0 && !(cfg->listen_tls && !act->is_activated))
        return 0;
    tls_ctx = tls_context_new(cfg, err);
    if (tls_ctx == NULL)
        tls_listener = NULL;
    else if (fd >= 0)
        tls_listener = listener_adopt(fd, "vireod-tls.socket", false, false,
                                      tls_ctx, err);
    else
        tls_listener = listener_open_tcp(cfg->listen_addr, cfg->tls_port,
                                         tls_ctx, err);
    if (fd >= 0 && tls_ctx == NULL)
        close(fd);
    return tls_listener != NULL ? 0 : -1;
}

/* The admin socket, for virt-admin: systemd's if it passed one, else
 * vireo-admin-sock beside the others, root's only (0700) as libvirtd's
 * libvirt-admin-sock is. 0, or -1 with err set. */
static int
open_admin(const struct daemon_config *cfg, struct activation *act,
           struct vireo_error *err)
{
    int fd = act->fds[ACTIVATION_ADMIN];

    act->fds[ACTIVATION_ADMIN] = -1;
    if (fd >= 0)
        admin_listener = listener_adopt(fd, "vireod-admin.socket", true,
                                        false, NULL, err);
    else
        admin_listener = listener_open(cfg->unix_sock_dir, "vireo-admin-sock",
                                       0700, false, err);
    if (admin_listener == NULL)
        return -1;
    listener_set_admin(admin_listener);
    return 0;
}

static int
open_listeners(const struct daemon_config *cfg)
{
    struct vireo_error err = { 0 };
    struct activation act;

    listener_set_backlog(cfg->max_queued_clients);
    if (activation_take(&act, &err) == 0) {
        rw_listener = open_unix(cfg, &act, ACTIVATION_RW, &err);
        if (rw_listener != NULL)
            ro_listener = open_unix(cfg, &act, ACTIVATION_RO, &err);
        if (ro_listener != NULL && open_tcp(cfg, &act, &err) == 0 &&
            open_tls(cfg, &act, &err) == 0 &&
            open_admin(cfg, &act, &err) == 0) {
            activation_clear(&act);
            return 0;
        }
    }
    activation_clear(&act);
    log_error("%s", err.message);
    listener_close(rw_listener);
    listener_close(ro_listener);
    listener_close(tcp_listener);
    listener_close(tls_listener);
    rw_listener = ro_listener = tcp_listener = tls_listener = NULL;
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

/* Per server, for the admin program to show and change. */
static void
set_server_limits(const struct daemon_config *cfg)
{
    struct client_server_limits main_limits = {
        .max_clients = (unsigned int)cfg->max_clients,
        .max_unauth_clients = (unsigned int)cfg->max_anonymous_clients,
    };
    struct client_server_limits admin_limits = {
        .max_clients = (unsigned int)cfg->admin_max_clients,
    };

    client_registry_set_limits(CLIENT_SERVER_MAIN, &main_limits);
    client_registry_set_limits(CLIENT_SERVER_ADMIN, &admin_limits);
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
    set_server_limits(cfg);
}

/* The loop has stopped, the clients are closed and the drivers down: the
 * replies still queued are dropped, and the loop runs until every closed
 * handle is released. */
static void
finish(void)
{
    dispatch_fini(are_drivers_down);
    while (client_n_live() > 0)
        uv_impl_run_once();
    uv_run(uv_impl_loop(), UV_RUN_NOWAIT);
    metrics_fini();
    tls_context_free(tls_ctx);
    tls_ctx = NULL;
}

/* Listeners that could not open: the drivers started go again, with the
 * loop turning for them, as at a normal stop. */
static void
on_start_undone(bool is_timed_out)
{
    are_drivers_down = !is_timed_out;
    uv_impl_stop();
}

static int
start(const struct daemon_config *cfg, const struct driver *const *drivers)
{
    struct vireo_error err = { 0 };
    bool is_metrics_ok;

    registry_install(drivers, true);
    if (uv_impl_register() < 0 || dispatch_init() < 0) {
        log_error("cannot set up the main loop");
        return -1;
    }
    if (driver_hooks_start(cfg, cfg->config_dir, &err) < 0) {
        log_error("cannot start the drivers: %s", err.message);
        dispatch_fini(true);
        return -1;
    }
    set_client_limits(cfg);
    /* The metrics endpoint first: its address is refused before any
     * client can connect. */
    is_metrics_ok = metrics_start(cfg, drivers, &err) == 0;
    if (!is_metrics_ok)
        log_error("%s", err.message);
    if (!is_metrics_ok || open_listeners(cfg) < 0) {
        metrics_stop();
        driver_hooks_stop(cfg->driver_shutdown_timeout, on_start_undone);
        uv_impl_run();
        finish();
        return -1;
    }
    return 0;
}

/* The drivers' autostart has ended: clients get in from now on. */
static void
on_autostarted(void)
{
    if (drain.has_begun)
        return;
    listener_accept(rw_listener);
    listener_accept(ro_listener);
    listener_accept(tcp_listener);
    listener_accept(tls_listener);
    listener_accept(admin_listener);
    log_info("vireod %s ready", VIREO_VERSION_STRING);
    /* Type=notify: systemd starts what waits for vireod now. */
    sd_notify(0, "READY=1");
}

/* --timeout: as on SIGTERM, but said differently. */
static void
on_idle(int timeout_s)
{
    log_info("no client and no guest for %d s, shutting down", timeout_s);
    begin_drain();
}

int
server_run(const struct daemon_config *cfg,
           const struct driver *const *drivers, int idle_timeout_s)
{
    if (start(cfg, drivers) < 0)
        return -1;
    drain.timeout_s = cfg->shutdown_timeout;
    drain.drivers_timeout_s = cfg->driver_shutdown_timeout;
    watch_signals();
    driver_hooks_autostart(on_autostarted);
    idle_exit_start(idle_timeout_s, on_idle);   /* 0: until virt-admin sets one */
    uv_impl_run();
    finish();
    log_info("vireod stopped");
    return 0;
}
