/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleepdrv.c: the sleep driver's table and what is not about one guest's
 * lifecycle: startup with the daemon's context and settings, autostart,
 * shutdown, connections, events, and the queries. Slots run on the
 * driver's thread (vireod runs its clients' calls there); the hooks, which
 * the daemon calls on its main thread, hand their work over.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_event.h"
#include "drivers/driver.h"
#include "drivers/driver_config.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/uri.h"
#include "drivers/worker.h"
#include "drivers/worker_lease.h"
#include "tests/drivers/sleepdrv/sleep_priv.h"
#include "tests/drivers/sleepdrv/sleepdrv.h"

static const char *const sleepdrv_schemes[] = { "sleep", NULL };

/* Held by startup until shutdown, and by every connection. */
static struct worker_lease lease = WORKER_LEASE_INIT("vireo-sleep");

struct sleep_state *sleep_state;

/* ---- the state (driver thread) ----------------------------------------- */

static void
state_unref(void)
{
    struct sleep_state *st = sleep_state;

    if (--st->refs > 0)
        return;
    sleep_guest_stop_all();
    domain_event_state_free(st->events);
    free(st->guest_program);
    free(st->autostart_guest);
    free(st->state_dir);
    free(st->run_dir);
    free(st);
    sleep_state = NULL;
}

/* ---- startup, autostart, shutdown (daemon main thread) ----------------- */

struct startup_io {
    const struct driver_context *ctx;
    struct vireo_error          *err;
    int                          rc;
};

static int
read_settings(struct sleep_state *st, struct driver_config *cfg,
              struct vireo_error *err)
{
    long long timeout_ms = 5000;
    const char *program = NULL, *autostart = NULL;

    if (driver_config_get_int(cfg, "answer_timeout_ms", 1, 3600000,
                              &timeout_ms, err) < 0 ||
        driver_config_get_string(cfg, "guest_program", &program, err) < 0 ||
        driver_config_get_string(cfg, "autostart_guest", &autostart,
                                 err) < 0)
        return -1;
    if (program == NULL)
        return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF, "%s",
                         "sleep.conf must set guest_program");
    st->answer_timeout_ms = (int)timeout_ms;
    st->guest_program = strdup(program);
    st->autostart_guest = autostart != NULL ? strdup(autostart) : NULL;
    return st->guest_program != NULL ? 0 : error_no_memory(err);
}

static void
startup_on_thread(void *arg)
{
    struct startup_io *io = arg;
    struct sleep_state *st = calloc(1, sizeof(*st));

    io->rc = -1;
    if (st == NULL || (st->events = domain_event_state_new()) == NULL ||
        (st->state_dir = strdup(io->ctx->state_dir)) == NULL ||
        (st->run_dir = strdup(io->ctx->run_dir)) == NULL) {
        error_no_memory(io->err);
    } else if (read_settings(st, io->ctx->config, io->err) == 0) {
        st->refs = 1;
        st->next_id = 1;
        st->is_privileged = io->ctx->is_privileged;
        sleep_state = st;
        io->rc = 0;
        return;
    }
    sleep_state = st;
    if (st != NULL) {
        st->refs = 1;
        state_unref();
    }
}

static int
sleepdrv_startup(const struct driver_context *ctx, struct vireo_error *err)
{
    struct startup_io io = { .ctx = ctx, .err = err };
    struct worker *w = worker_lease_hold(&lease);

    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "cannot start the sleep driver's thread");
    if (!worker_call(w, startup_on_thread, &io) || io.rc < 0) {
        worker_lease_release(&lease);
        return -1;
    }
    return 0;
}

/* A guest named in sleep.conf starts with the daemon; nobody waits for
 * its "ready", which shows as a Started event. */
static void
autostart_on_thread(void *arg)
{
    struct vireo_error err = { 0 };
    char xml[256];
    struct domain_def *def;

    if (sleep_state->autostart_guest == NULL)
        return;
    snprintf(xml, sizeof(xml), "<domain type='qemu'><name>%s</name>"
             "<memory>1024</memory><os><type>hvm</type></os></domain>",
             sleep_state->autostart_guest);
    def = domain_def_parse(xml, &err);
    if (def != NULL)
        sleep_guest_start(def, NULL, &err);
}

static void
sleepdrv_autostart(void (*done)(void *), void *opaque)
{
    struct worker *w = worker_lease_worker(&lease);

    if (w != NULL)
        worker_call(w, autostart_on_thread, NULL);
    done(opaque);
}

static void
shutdown_on_thread(void *arg)
{
    state_unref();
}

/* Calls still queued are answered with an error; startup's hold on the
 * state goes (the guests with it, killed and reaped), and the thread ends
 * once the last connection is released. */
static void
sleepdrv_shutdown(void)
{
    worker_lease_shutdown(&lease, shutdown_on_thread, NULL);
}

static struct worker *
sleepdrv_worker(void)
{
    return worker_lease_worker(&lease);
}

/* ---- connections ------------------------------------------------------- */

static void
open_on_thread(void *arg)
{
    sleep_state->refs++;
}

/* sleep:///default is the only state. Runs on the driver's thread (the
 * daemon opens there), which the connection holds from now on. */
static int
sleepdrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
              struct vireo_error *err)
{
    struct worker *w;

    if (uri->path == NULL || strcmp(uri->path, "/default") != 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                         "the sleep driver has only sleep:///default, not "
                         "'%s'", conn->uri);
    w = worker_lease_hold(&lease);
    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "the sleep driver is not running");
    worker_call(w, open_on_thread, NULL);
    conn->priv = sleep_state;
    conn->worker = w;
    return 0;
}

static void
close_on_thread(void *arg)
{
    domain_event_deregister_conn(sleep_state->events, arg);
    state_unref();
}

static void
sleepdrv_close(struct vireo_conn *conn)
{
    worker_call(conn->worker, close_on_thread, conn);
    conn->priv = NULL;
    conn->worker = NULL;
    worker_lease_release(&lease);
}

static int
sleepdrv_event_register_any(struct vireo_conn *conn, struct vireo_domain *dom,
                            int event_id, vireo_domain_event_generic_cb cb,
                            void *opaque, vireo_free_cb free_cb,
                            struct vireo_error *err)
{
    return domain_event_register(sleep_state->events, conn, dom, event_id,
                                 cb, opaque, free_cb, err);
}

static int
sleepdrv_event_deregister_any(struct vireo_conn *conn, int callback_id,
                              struct vireo_error *err)
{
    return domain_event_deregister(sleep_state->events, conn, callback_id,
                                   err);
}

/* ---- queries ----------------------------------------------------------- */

static const char *
sleepdrv_conn_get_type(struct vireo_conn *conn, struct vireo_error *err)
{
    return "SLEEP";
}

static int
sleepdrv_conn_get_version(struct vireo_conn *conn, unsigned long long *version,
                          struct vireo_error *err)
{
    *version = 1000000;
    return 0;
}

/* What the driver was started with, for the tests to read back. */
static char *
sleepdrv_conn_get_capabilities(struct vireo_conn *conn,
                               struct vireo_error *err)
{
    const struct sleep_state *st = sleep_state;
    char *xml = NULL;

    if (asprintf(&xml, "<sleep>\n"
                       "  <state_dir>%s</state_dir>\n"
                       "  <run_dir>%s</run_dir>\n"
                       "  <privileged>%s</privileged>\n"
                       "  <answer_timeout_ms>%d</answer_timeout_ms>\n"
                       "</sleep>\n",
                 st->state_dir, st->run_dir,
                 st->is_privileged ? "yes" : "no",
                 st->answer_timeout_ms) < 0) {
        error_no_memory(err);
        return NULL;
    }
    return xml;
}

static int
sleepdrv_conn_is_secure(struct vireo_conn *conn, struct vireo_error *err)
{
    return 1;
}

static struct vireo_domain *
handle_for(struct vireo_conn *conn, const struct sleep_guest *g,
           const char *what, struct vireo_error *err)
{
    struct vireo_domain *dom;

    if (g == NULL) {
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_NONE,
                  "no domain with matching %s", what);
        return NULL;
    }
    dom = handle_domain_new(conn, g->def->name, g->def->uuid, g->id);
    if (dom == NULL)
        error_no_memory(err);
    return dom;
}

static struct vireo_domain *
sleepdrv_lookup_by_name(struct vireo_conn *conn, const char *name,
                        struct vireo_error *err)
{
    return handle_for(conn, sleep_guest_find(name, NULL, -1), "name", err);
}

static struct vireo_domain *
sleepdrv_lookup_by_uuid(struct vireo_conn *conn, const unsigned char *uuid,
                        struct vireo_error *err)
{
    return handle_for(conn, sleep_guest_find(NULL, uuid, -1), "uuid", err);
}

static struct vireo_domain *
sleepdrv_lookup_by_id(struct vireo_conn *conn, int id,
                      struct vireo_error *err)
{
    return handle_for(conn, id >= 0 ? sleep_guest_find(NULL, NULL, id)
                                    : NULL, "id", err);
}

/* Every guest runs (or starts, or pauses): the filters libvirt defines
 * for inactive or persistent domains match none. */
static int
sleepdrv_list_all(struct vireo_conn *conn, struct vireo_domain ***doms,
                  unsigned flags, struct vireo_error *err)
{
    int n = 0, cap = 0;

    for (struct sleep_guest *g = sleep_state->guests; g; g = g->next)
        cap++;
    if (doms == NULL)
        return cap;
    *doms = calloc((size_t)cap + 1, sizeof(**doms));
    if (*doms == NULL)
        return error_no_memory(err);
    for (struct sleep_guest *g = sleep_state->guests; g; g = g->next) {
        (*doms)[n] = handle_for(conn, g, "name", err);
        if ((*doms)[n] == NULL) {
            handle_domain_array_free(*doms, n);
            return -1;
        }
        n++;
    }
    return n;
}

static struct sleep_guest *
find(struct vireo_domain *dom, struct vireo_error *err)
{
    struct sleep_guest *g = sleep_guest_find(NULL, dom->uuid, -1);

    if (g == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_NONE,
                  "no domain with matching name '%s'", dom->name);
    else
        atomic_store(&dom->id, g->id);
    return g;
}

static int
sleepdrv_get_state(struct vireo_domain *dom, int *state, int *reason,
                   unsigned flags, struct vireo_error *err)
{
    struct sleep_guest *g = find(dom, err);

    if (g == NULL)
        return -1;
    *state = g->state;
    if (reason != NULL)
        *reason = g->reason;
    return 0;
}

static int
sleepdrv_get_info(struct vireo_domain *dom, struct vireo_domain_info *info,
                  struct vireo_error *err)
{
    struct sleep_guest *g = find(dom, err);

    if (g == NULL)
        return -1;
    memset(info, 0, sizeof(*info));
    info->state = g->state;
    info->max_mem_kib = info->memory_kib = g->def->memory_kib;
    info->n_vcpus = g->def->vcpus;
    return 0;
}

static char *
sleepdrv_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    struct sleep_guest *g = find(dom, err);
    char *xml;

    if (g == NULL)
        return NULL;
    xml = domain_def_format(g->def, g->id);
    if (xml == NULL)
        error_no_memory(err);
    return xml;
}

static int
sleepdrv_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    return find(dom, err) != NULL ? 1 : -1;
}

static int
sleepdrv_is_persistent(struct vireo_domain *dom, struct vireo_error *err)
{
    return find(dom, err) != NULL ? 0 : -1;
}

const struct driver sleepdrv = {
    .name                        = "sleep",
    .schemes                     = sleepdrv_schemes,
    .daemon_only                 = true,
    .startup                     = sleepdrv_startup,
    .autostart                   = sleepdrv_autostart,
    .shutdown                    = sleepdrv_shutdown,
    .worker                      = sleepdrv_worker,
    .open                        = sleepdrv_open,
    .close                       = sleepdrv_close,
    .conn_is_secure              = sleepdrv_conn_is_secure,
    .conn_get_type               = sleepdrv_conn_get_type,
    .conn_get_version            = sleepdrv_conn_get_version,
    .conn_get_capabilities       = sleepdrv_conn_get_capabilities,
    .conn_list_all_domains       = sleepdrv_list_all,
    .domain_lookup_by_name       = sleepdrv_lookup_by_name,
    .domain_lookup_by_uuid       = sleepdrv_lookup_by_uuid,
    .domain_lookup_by_id         = sleepdrv_lookup_by_id,
    .domain_create_xml           = sleepdrv_domain_create_xml,
    .domain_destroy              = sleepdrv_domain_destroy,
    .domain_shutdown             = sleepdrv_domain_shutdown,
    .domain_reboot               = sleepdrv_domain_reboot,
    .domain_suspend              = sleepdrv_domain_suspend,
    .domain_resume               = sleepdrv_domain_resume,
    .domain_get_info             = sleepdrv_get_info,
    .domain_get_state            = sleepdrv_get_state,
    .domain_get_xml_desc         = sleepdrv_get_xml_desc,
    .domain_is_active            = sleepdrv_is_active,
    .domain_is_persistent        = sleepdrv_is_persistent,
    .domain_open_console         = sleepdrv_domain_open_console,
    .domain_qemu_monitor_command = sleepdrv_domain_qemu_monitor_command,
    .domain_event_register_any   = sleepdrv_event_register_any,
    .domain_event_deregister_any = sleepdrv_event_deregister_any,
};
