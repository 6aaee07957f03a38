/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * registry.c: the process's driver list and the choice of a driver for a URI.
 *
 * The list is installed once at start-up, before any lookup, and then only
 * read, so lookups take no lock; installation publishes it with a release
 * store.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/registry.h"
#include "drivers/uri.h"

struct registry {
    const struct driver *const *drivers;
    bool                        in_daemon;
};

static struct registry current;
static _Atomic(const struct registry *) installed;

void
registry_install(const struct driver *const *drivers, bool in_daemon)
{
    current.drivers = drivers;
    current.in_daemon = in_daemon;
    atomic_store_explicit(&installed, &current, memory_order_release);
}

static bool
accepts_scheme(const struct driver *drv, const char *scheme)
{
    for (const char *const *s = drv->schemes; s && *s; s++)
        if (strcmp(*s, scheme) == 0)
            return true;
    return false;
}

/* A URI with a transport (test+unix://) is matched on "driver+transport",
 * then on the wildcard scheme "*+" with which the remote driver claims every
 * transport; a URI without one on its driver name alone, so that "test"
 * reaches the in-process driver. */
static const struct driver *
find_by_scheme(const struct registry *r, const char *scheme)
{
    for (const struct driver *const *d = r->drivers; *d; d++) {
        if ((*d)->daemon_only && !r->in_daemon)
            continue;
        if (accepts_scheme(*d, scheme))
            return *d;
    }
    return NULL;
}

const struct driver *
registry_find(const struct uri *uri, const char *text, struct vireo_error *err)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);
    const struct driver *drv = NULL;

    if (r != NULL && uri->transport != NULL) {
        char full[128];
        snprintf(full, sizeof(full), "%s+%s", uri->driver, uri->transport);
        drv = find_by_scheme(r, full);
        if (drv == NULL)
            drv = find_by_scheme(r, "*+");
    }
    if (r != NULL && drv == NULL && uri->transport == NULL)
        drv = find_by_scheme(r, uri->driver);
    if (drv == NULL)
        error_set(err, VIR_ERR_NO_CONNECT, VIR_FROM_NONE, "%s", text);
    return drv;
}

static bool
names_driver(const char *const *names, const char *name)
{
    for (; names != NULL && *names != NULL; names++)
        if (strcmp(*names, name) == 0)
            return true;
    return false;
}

const struct driver *
registry_companion(const struct driver *primary,
                   enum conn_companion_kind kind)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);

    for (int i = 0; r != NULL && r->in_daemon && r->drivers[i]; i++) {
        const struct driver *d = r->drivers[i];

        if (d->companion_kind == kind &&
            names_driver(d->companion_of, primary->name))
            return d;
    }
    return NULL;
}

static int
start_one(const struct driver *drv, registry_context_fn context_for,
          void *opaque, struct vireo_error *err)
{
    const struct driver_context *ctx;

    if (drv->startup == NULL)
        return 0;
    ctx = context_for(drv, opaque, err);
    if (ctx == NULL)
        return -1;
    return drv->startup(ctx, err);
}

int
registry_startup_all(registry_context_fn context_for, void *opaque,
                     struct vireo_error *err)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);
    int n_started = 0;

    if (r == NULL)
        return 0;
    for (; r->drivers[n_started]; n_started++)
        if (start_one(r->drivers[n_started], context_for, opaque, err) < 0)
            goto out;
    return 0;
out:
    while (n_started-- > 0)
        if (r->drivers[n_started]->shutdown != NULL)
            r->drivers[n_started]->shutdown();
    return -1;
}

/* The autostart hooks still running, and whom to tell when none is. */
struct autostart_countdown {
    atomic_int left;
    void     (*done)(void *opaque);
    void      *opaque;
};

/* One hook's done, or the walk's own: the last one tells. Any thread. */
static void
autostart_count_down(void *arg)
{
    struct autostart_countdown *c = arg;

    if (atomic_fetch_sub_explicit(&c->left, 1, memory_order_acq_rel) == 1) {
        c->done(c->opaque);
        free(c);
    }
}

static void
ignore_done(void *opaque)
{
    (void)opaque;
}

void
registry_autostart_all(void (*done)(void *opaque), void *opaque)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);
    struct autostart_countdown *c = malloc(sizeof(*c));

    for (int i = 0; c == NULL && r != NULL && r->drivers[i]; i++)
        if (r->drivers[i]->autostart != NULL)   /* no memory to count with */
            r->drivers[i]->autostart(ignore_done, NULL);
    if (c == NULL) {
        done(opaque);
        return;
    }
    c->done = done;
    c->opaque = opaque;
    /* The walk holds one count, so no hook can end the countdown before
     * every hook has been called. */
    atomic_init(&c->left, 1);
    for (int i = 0; r != NULL && r->drivers[i]; i++) {
        if (r->drivers[i]->autostart == NULL)
            continue;
        atomic_fetch_add_explicit(&c->left, 1, memory_order_relaxed);
        r->drivers[i]->autostart(autostart_count_down, c);
    }
    autostart_count_down(c);
}

bool
registry_any_has_guests(void)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);

    for (int i = 0; r != NULL && r->drivers[i]; i++)
        if (r->drivers[i]->has_guests != NULL && r->drivers[i]->has_guests())
            return true;
    return false;
}

void
registry_shutdown_all(void)
{
    const struct registry *r =
        atomic_load_explicit(&installed, memory_order_acquire);
    int n = 0;

    if (r == NULL)
        return;
    while (r->drivers[n])
        n++;
    while (n-- > 0)
        if (r->drivers[n]->shutdown != NULL)
            r->drivers[n]->shutdown();
}
