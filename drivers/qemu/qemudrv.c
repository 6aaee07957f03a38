/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemudrv.c: the QEMU driver's table and what is not about one domain:
 * startup with the daemon's context and qemu.conf, autostart, shutdown,
 * connections (qemu:///system for a root daemon, qemu:///session for any
 * other), event registrations, and the host queries.
 *
 * The driver lives only in vireod (daemon_only): every slot runs on its
 * thread, where vireod runs each client's calls; the hooks, which the
 * daemon calls on its main thread, hand their work over.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/domain_event.h"
#include "drivers/domain_list.h"
#include "drivers/driver.h"
#include "drivers/driver_config.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/host.h"
#include "drivers/qemu/qemu_config.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_host.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_store.h"
#include "drivers/qemu/qemu_view.h"
#include "drivers/qemu/qemudrv.h"
#include "drivers/uri.h"
#include "drivers/worker.h"
#include "drivers/worker_lease.h"

#define DEFAULT_MONITOR_TIMEOUT_S 30

static const char *const qemudrv_schemes[] = { "qemu", NULL };

/* Held by startup until shutdown, and by every connection. */
static struct worker_lease lease = WORKER_LEASE_INIT("vireo-qemu");

/* The state startup made, for the hooks. Driver thread only. */
static struct qemu_state *the_state;

/* ---- the state (driver thread) ----------------------------------------- */

static void
state_free(struct qemu_state *st)
{
    qemu_lifecycle_detach_all(st);
    qemu_view_fini(st);
    domain_list_free(st->domains);
    domain_event_state_free(st->events);
    qemu_host_free(st->host);
    free(st->config_dir);
    free(st->autostart_dir);
    free(st->status_dir);
    free(st->log_dir);
    free(st);
}

static void
state_unref(struct qemu_state *st)
{
    if (--st->refs > 0)
        return;
    if (st == the_state)
        the_state = NULL;
    state_free(st);
}

static int
read_settings(struct qemu_state *st, struct driver_config *cfg,
              struct vireo_error *err)
{
    long long timeout_s = DEFAULT_MONITOR_TIMEOUT_S;

    if (driver_config_get_int(cfg, "monitor_timeout", 1, INT_MAX / 1000,
                              &timeout_s, err) < 0)
        return -1;
    st->monitor_timeout_ms = (int)timeout_s * 1000;
    return 0;
}

static int
set_dirs(struct qemu_state *st, const struct driver_context *ctx,
         struct vireo_error *err)
{
    if ((st->config_dir = strdup(ctx->state_dir)) == NULL ||
        (st->status_dir = strdup(ctx->run_dir)) == NULL ||
        asprintf(&st->autostart_dir, "%s/autostart", ctx->state_dir) < 0 ||
        asprintf(&st->log_dir, "%s/log", ctx->state_dir) < 0)
        return error_no_memory(err);
    return qemu_store_make_dir(st->log_dir, err);
}

static struct qemu_state *
state_new(const struct driver_context *ctx, struct vireo_error *err)
{
    struct qemu_state *st = calloc(1, sizeof(*st));

    if (st == NULL) {
        error_no_memory(err);
        return NULL;
    }
    st->refs = 1;
    st->next_id = 1;
    qemu_view_init(st);
    st->is_privileged = ctx->is_privileged;
    st->log_warning = ctx->log_warning;
    if ((st->domains = domain_list_new()) == NULL ||
        (st->events = domain_event_state_new()) == NULL ||
        (st->host = qemu_host_new(worker_current())) == NULL)
        error_no_memory(err);
    else if (set_dirs(st, ctx, err) == 0 &&
             read_settings(st, ctx->config, err) == 0 &&
             qemu_config_load_all(st, err) == 0)
        return st;
    state_free(st);
    return NULL;
}

/* ---- startup, autostart, shutdown (daemon main thread) ----------------- */

/* Load the definitions, then find the guests that ran before; their
 * monitors answer later, on this thread. */
static int
start_on_thread(const struct driver_context *ctx, struct vireo_error *err)
{
    the_state = state_new(ctx, err);
    if (the_state == NULL)
        return -1;
    qemu_lifecycle_reattach_all(the_state);
    return 0;
}

static int
qemudrv_startup(const struct driver_context *ctx, struct vireo_error *err)
{
    return worker_lease_startup(&lease, start_on_thread, ctx, err);
}

static void
autostart_on_thread(void *arg)
{
    if (the_state != NULL)
        qemu_lifecycle_autostart_all(the_state);
}

/* Each guest's start is begun within the call, as a client's start is;
 * its monitor's handshake follows on the loop. */
static void
qemudrv_autostart(void (*done)(void *), void *opaque)
{
    worker_lease_call(&lease, autostart_on_thread, NULL);
    done(opaque);
}

static void
shutdown_on_thread(void *arg)
{
    if (the_state != NULL)
        state_unref(the_state);
}

/* Calls still queued or waiting are answered with an error; startup's
 * hold on the state goes, and with the last connection the state: the
 * guests run on, their status on disk for the next start. */
static void
qemudrv_shutdown(void)
{
    worker_lease_shutdown(&lease, shutdown_on_thread, NULL);
}

static struct worker *
qemudrv_worker(void)
{
    return worker_lease_worker(&lease);
}

/* ---- connections ------------------------------------------------------- */

/* libvirt's virConnectValidateURIPath for its QEMU driver: a root daemon
 * serves qemu:///system (and qemu:///session, which libvirt also lets
 * root open), any other only qemu:///session. */
static int
check_uri(const struct qemu_state *st, const struct uri *uri,
          struct vireo_error *err)
{
    const char *path = uri->path != NULL ? uri->path : "";

    if (strcmp(path, "/session") == 0 ||
        (st->is_privileged && strcmp(path, "/system") == 0))
        return 0;
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "unexpected QEMU URI path '%s', try qemu:///%s", path,
                     st->is_privileged ? "system" : "session");
}

static void
open_on_thread(void *arg)
{
    the_state->refs++;
}

/* Runs on the driver's thread (the daemon opens there). */
static int
qemudrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
             struct vireo_error *err)
{
    struct worker *w;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, VIREO_CONNECT_RO,
                          "qemuConnectOpen") < 0)
        return -1;
    if (the_state == NULL || worker_current() == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                         "the QEMU driver is not running");
    if (check_uri(the_state, uri, err) < 0)
        return -1;
    w = worker_lease_hold(&lease);
    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                         "the QEMU driver is not running");
    worker_call(w, open_on_thread, NULL);
    conn->priv = the_state;
    conn->worker = w;
    conn->view = &the_state->view;
    return 0;
}

static void
close_on_thread(void *arg)
{
    struct vireo_conn *conn = arg;
    struct qemu_state *st = conn->priv;

    domain_event_deregister_conn(st->events, conn);
    state_unref(st);
}

/* Any thread: the work moves to the driver's. */
static void
qemudrv_close(struct vireo_conn *conn)
{
    conn->view = NULL;
    worker_lease_close_conn(&lease, conn, close_on_thread);
}

static int
qemudrv_event_register_any(struct vireo_conn *conn, struct vireo_domain *dom,
                           int event_id, vireo_domain_event_generic_cb cb,
                           void *opaque, vireo_free_cb free_cb,
                           struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;

    return domain_event_register(st->events, conn, dom, event_id, cb, opaque,
                                 free_cb, err);
}

static int
qemudrv_event_deregister_any(struct vireo_conn *conn, int callback_id,
                             struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;

    return domain_event_deregister(st->events, conn, callback_id, err);
}

/* ---- the connection and the host --------------------------------------- */

static const char *
qemudrv_conn_get_type(struct vireo_conn *conn, struct vireo_error *err)
{
    return "QEMU";
}

/* QEMU's version, once the emulator has said it. */
static int
qemudrv_conn_get_version(struct vireo_conn *conn, unsigned long long *version,
                         struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct call *c = call_current();
    int rc;

    if (c != NULL && call_replay(c, &rc, err, NULL) && rc < 0)
        return -1;
    if (qemu_host_is_probing(st->host))
        return qemu_host_wait(st->host, err);
    return qemu_host_version(st->host, version, err);
}

/* The library's version is vireo's own. */
static int
qemudrv_conn_get_lib_version(struct vireo_conn *conn,
                             unsigned long long *version,
                             struct vireo_error *err)
{
    *version = VIREO_VERSION_MAJOR * 1000000ull +
               VIREO_VERSION_MINOR * 1000ull + VIREO_VERSION_MICRO;
    return 0;
}

static char *
qemudrv_conn_get_hostname(struct vireo_conn *conn, struct vireo_error *err)
{
    return host_name(VIR_FROM_QEMU, err);
}

static char *
qemudrv_conn_get_capabilities(struct vireo_conn *conn,
                              struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;

    if (qemu_host_ready(st->host, err) <= 0)
        return NULL;
    return qemu_host_capabilities(st->host, err);
}

static int
qemudrv_node_get_info(struct vireo_conn *conn, struct vireo_node_info *info,
                      struct vireo_error *err)
{
    return qemu_host_node_info(info, err);
}

/* Guests run with no security driver, as libvirt's do with
 * security_driver = "none". */
static int
qemudrv_node_get_security_model(struct vireo_conn *conn,
                                struct vireo_security_model *model,
                                struct vireo_error *err)
{
    memset(model, 0, sizeof(*model));
    snprintf(model->model, sizeof(model->model), "none");
    snprintf(model->doi, sizeof(model->doi), "0");
    return 0;
}

/* A driver inside the daemon: the remote driver adds what it knows of
 * the transport. */
static int
qemudrv_conn_is_secure(struct vireo_conn *conn, struct vireo_error *err)
{
    return 1;
}

static int
qemudrv_conn_is_encrypted(struct vireo_conn *conn, struct vireo_error *err)
{
    return 0;
}

const struct driver qemudrv = {
    .name                        = "qemu",
    .schemes                     = qemudrv_schemes,
    .daemon_only                 = true,
    .startup                     = qemudrv_startup,
    .autostart                   = qemudrv_autostart,
    .shutdown                    = qemudrv_shutdown,
    .worker                      = qemudrv_worker,
    .has_guests                  = qemu_guest_any,
    .open                        = qemudrv_open,
    .close                       = qemudrv_close,
    .conn_is_secure              = qemudrv_conn_is_secure,
    .conn_is_encrypted           = qemudrv_conn_is_encrypted,
    .conn_get_type               = qemudrv_conn_get_type,
    .conn_get_version            = qemudrv_conn_get_version,
    .conn_get_lib_version        = qemudrv_conn_get_lib_version,
    .conn_get_hostname           = qemudrv_conn_get_hostname,
    .conn_get_capabilities       = qemudrv_conn_get_capabilities,
    .conn_get_domain_capabilities = qemudrv_conn_get_domain_capabilities,
    .node_get_info               = qemudrv_node_get_info,
    .node_get_security_model     = qemudrv_node_get_security_model,
    .conn_list_all_domains       = qemudrv_conn_list_all_domains,
    .domain_lookup_by_name       = qemudrv_domain_lookup_by_name,
    .domain_lookup_by_uuid       = qemudrv_domain_lookup_by_uuid,
    .domain_lookup_by_id         = qemudrv_domain_lookup_by_id,
    .domain_define_xml           = qemudrv_domain_define_xml,
    .domain_create_xml           = qemudrv_domain_create_xml,
    .domain_undefine             = qemudrv_domain_undefine,
    .domain_create               = qemudrv_domain_create,
    .domain_destroy              = qemudrv_domain_destroy,
    .domain_shutdown             = qemudrv_domain_shutdown,
    .domain_reboot               = qemudrv_domain_reboot,
    .domain_reset                = qemudrv_domain_reset,
    .domain_suspend              = qemudrv_domain_suspend,
    .domain_resume               = qemudrv_domain_resume,
    .domain_get_info             = qemudrv_domain_get_info,
    .domain_get_state            = qemudrv_domain_get_state,
    .domain_get_xml_desc         = qemudrv_domain_get_xml_desc,
    .domain_get_os_type          = qemudrv_domain_get_os_type,
    .domain_get_security_label   = qemudrv_domain_get_security_label,
    .domain_get_autostart        = qemudrv_domain_get_autostart,
    .domain_set_autostart        = qemudrv_domain_set_autostart,
    .domain_is_active            = qemudrv_domain_is_active,
    .domain_is_persistent        = qemudrv_domain_is_persistent,
    .domain_has_managed_save_image = qemudrv_domain_has_managed_save_image,
    .domain_snapshot_num         = qemudrv_domain_snapshot_num,
    .domain_get_messages         = qemudrv_domain_get_messages,
    .domain_open_console         = qemudrv_domain_open_console,
    .domain_qemu_monitor_command = qemudrv_domain_qemu_monitor_command,
    .domain_event_register_any   = qemudrv_event_register_any,
    .domain_event_deregister_any = qemudrv_event_deregister_any,
    .node_get_cpu_stats          = qemudrv_node_get_cpu_stats,
    .node_get_memory_stats       = qemudrv_node_get_memory_stats,
    .node_get_cells_free_memory  = qemudrv_node_get_cells_free_memory,
    .node_get_free_memory        = qemudrv_node_get_free_memory,
    .node_get_cpu_map            = qemudrv_node_get_cpu_map,
    .conn_get_cpu_model_names    = qemudrv_conn_get_cpu_model_names,
    /* Statistics: disks and interfaces, and domstats. */
    .domain_block_stats          = qemudrv_domain_block_stats,
    .domain_interface_stats      = qemudrv_domain_interface_stats,
    .conn_get_all_domain_stats   = qemudrv_conn_get_all_domain_stats,
    .domain_block_stats_flags    = qemudrv_domain_block_stats_flags,
};
