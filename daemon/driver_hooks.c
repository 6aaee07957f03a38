/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_hooks.c: starting vireod's drivers with their context, and
 * stopping them on a thread of their own while the loop runs.
 *
 * The state here belongs to the loop thread, except `stopper`'s work,
 * which reaches the loop back through an async handle.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/conf_syntax.h"
#include "daemon/driver_hooks.h"
#include "daemon/log.h"
#include "drivers/driver.h"
#include "drivers/driver_config.h"
#include "drivers/error.h"
#include "drivers/registry.h"
#include "loop/uv_impl.h"

/* ---- contexts ---------------------------------------------------------- */

/* The context being handed to one startup hook, and what it owns. */
struct context {
    struct driver_context  ctx;
    char                  *state_dir;
    char                  *run_dir;
    struct driver_config  *config;
    const struct daemon_config *cfg;
    const char            *config_dir;
};

static void
context_clear(struct context *c)
{
    free(c->state_dir);
    free(c->run_dir);
    driver_config_free(c->config);
    c->state_dir = c->run_dir = NULL;
    c->config = NULL;
}

static int
make_dir(const char *path, struct vireo_error *err)
{
    if (mkdir(path, 0700) == 0 || errno == EEXIST)
        return 0;
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "cannot create %s: %s", path, strerror(errno));
}

/* conf_scan's callback: every setting goes into the driver's table. */
static int
add_setting(void *opaque, const char *name, size_t len, struct conf_value *v,
            const struct conf_where *at, struct vireo_error *err)
{
    struct driver_config *config = opaque;
    char key[128], where[512];
    int rc;

    snprintf(key, sizeof(key), "%.*s", (int)len, name);
    snprintf(where, sizeof(where), "%s:%d", at->filename, at->line);
    if (v->kind == CONF_INT)
        rc = driver_config_set_int(config, key, v->number, where);
    else if (v->kind == CONF_STRING)
        rc = driver_config_set_string(config, key, v->text, where);
    else
        rc = driver_config_set_list(config, key, where);
    return rc < 0 ? error_no_memory(err) : 0;
}

/* The driver's NAME.conf, if there is one, into c->config. */
static int
read_config(struct context *c, const char *name, struct vireo_error *err)
{
    char *path = NULL, *text;
    int rc = 0;

    c->config = driver_config_new();
    if (c->config == NULL ||
        asprintf(&path, "%s/%s.conf", c->config_dir, name) < 0)
        return error_no_memory(err);
    if (access(path, F_OK) == 0) {
        text = conf_read_file(path, err);
        rc = text != NULL ? conf_scan(text, path, add_setting, c->config, err)
                          : -1;
        free(text);
    }
    free(path);
    return rc;
}

static void
log_driver_warning(const char *message)
{
    log_warn("%s", message);
}

static const struct driver_context *
context_for(const struct driver *drv, void *opaque, struct vireo_error *err)
{
    struct context *c = opaque;

    context_clear(c);
    if (asprintf(&c->state_dir, "%s/%s", c->cfg->state_dir, drv->name) < 0 ||
        asprintf(&c->run_dir, "%s/%s", c->cfg->run_dir, drv->name) < 0) {
        error_no_memory(err);
        return NULL;
    }
    /* vireod made state_dir and run_dir themselves (with their parents). */
    if (make_dir(c->state_dir, err) < 0 || make_dir(c->run_dir, err) < 0 ||
        read_config(c, drv->name, err) < 0)
        return NULL;
    c->ctx = (struct driver_context){
        .state_dir = c->state_dir, .run_dir = c->run_dir,
        .is_privileged = geteuid() == 0, .config = c->config,
        .log_warning = log_driver_warning,
    };
    log_debug("%s driver: state in %s, runtime state in %s", drv->name,
              c->state_dir, c->run_dir);
    return &c->ctx;
}

/* After a startup hook: the keys it did not ask for. */
static void
warn_unused(const struct context *c)
{
    const char *key, *where;
    int cursor = 0;

    while (c->config != NULL &&
           (key = driver_config_next_unused(c->config, &cursor, &where)))
        log_warn("%s: '%s' is not used by vireod, ignored", where, key);
}

/* Wraps context_for so that the previous driver's unused keys are told
 * before its context goes. */
static const struct driver_context *
next_context(const struct driver *drv, void *opaque, struct vireo_error *err)
{
    warn_unused(opaque);
    return context_for(drv, opaque, err);
}

int
driver_hooks_start(const struct daemon_config *cfg, const char *config_dir,
                   struct vireo_error *err)
{
    struct context c = { .cfg = cfg, .config_dir = config_dir };
    int rc = registry_startup_all(next_context, &c, err);

    if (rc == 0)
        warn_unused(&c);
    context_clear(&c);
    return rc;
}

/* ---- autostart --------------------------------------------------------- */

/* The wait for every autostart hook's end, which any thread may report.
 * The handle closes once it has fired, or once the drivers are down. */
static struct {
    uv_async_t is_done;
    void     (*done)(void);
    bool       is_open;
} autostart;

static void
on_autostarted(uv_async_t *handle)
{
    uv_close((uv_handle_t *)handle, NULL);
    autostart.is_open = false;
    autostart.done();
}

static void
report_autostarted(void *opaque)
{
    (void)opaque;
    uv_async_send(&autostart.is_done);
}

void
driver_hooks_autostart(void (*done)(void))
{
    autostart.done = done;
    autostart.is_open = true;
    uv_async_init(uv_impl_loop(), &autostart.is_done, on_autostarted);
    registry_autostart_all(report_autostarted, NULL);
}

/* ---- stopping ---------------------------------------------------------- */

static struct {
    pthread_t   thread;
    bool        has_thread;
    uv_async_t  is_done;      /* the stopper finished */
    uv_timer_t  deadline;
    void      (*done)(bool is_timed_out);
    bool        has_ended;
} stopper;

/* On a timeout the stopper is left to itself (the daemon is exiting): its
 * async handle stays open, since the thread may still signal it. */
static void
end(bool is_timed_out)
{
    if (stopper.has_ended)
        return;
    stopper.has_ended = true;
    uv_close((uv_handle_t *)&stopper.deadline, NULL);
    if (is_timed_out) {
        pthread_detach(stopper.thread);
    } else {
        uv_close((uv_handle_t *)&stopper.is_done, NULL);
        if (stopper.has_thread)
            pthread_join(stopper.thread, NULL);
        if (autostart.is_open)    /* no driver is left to report it */
            uv_close((uv_handle_t *)&autostart.is_done, NULL);
        autostart.is_open = false;
    }
    stopper.done(is_timed_out);
}

static void
on_done(uv_async_t *handle)
{
    end(false);
}

static void
on_deadline(uv_timer_t *timer)
{
    log_error("the drivers did not stop within the bound; exiting without "
              "them");
    end(true);
}

/* The stopper's thread: shutdown hooks may wait for their threads, which
 * may need the loop meanwhile. */
static void *
stop_all(void *arg)
{
    registry_shutdown_all();
    uv_async_send(&stopper.is_done);
    return NULL;
}

void
driver_hooks_stop(int bound_s, void (*done)(bool is_timed_out))
{
    stopper.done = done;
    uv_async_init(uv_impl_loop(), &stopper.is_done, on_done);
    uv_timer_init(uv_impl_loop(), &stopper.deadline);
    stopper.has_thread =
        pthread_create(&stopper.thread, NULL, stop_all, NULL) == 0;
    if (!stopper.has_thread) {
        /* No thread: stop them here, which blocks the loop meanwhile. */
        log_warn("cannot start a thread to stop the drivers on");
        registry_shutdown_all();
        end(false);
        return;
    }
    uv_timer_start(&stopper.deadline, on_deadline,
                   (uint64_t)bound_s * 1000, 0);
}
