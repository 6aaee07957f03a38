/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * registry.h: which driver serves a URI.
 *
 * The process installs its driver list once (the client library: test and
 * remote; the daemon: test and qemu). Daemon-only drivers are never picked
 * in a client process, and only the daemon runs the startup/shutdown hooks.
 */
#ifndef VIREO_DRIVERS_REGISTRY_H
#define VIREO_DRIVERS_REGISTRY_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/handle.h"

struct driver;
struct driver_context;
struct uri;

/* Install the process's drivers (a NULL-terminated array that outlives the
 * process). in_daemon says whether daemon-only drivers may be picked. Any
 * thread, but before any registry_find(); a later call replaces the list
 * and must not race lookups (tests use that). */
void registry_install(const struct driver *const *drivers, bool in_daemon);

/* The driver for uri: the first installed driver whose scheme list holds
 * "DRIVER+TRANSPORT" as a whole, else "*+" (any transport: the remote
 * driver), for URIs naming a transport; uri->driver for the others. NULL with
 * VIR_ERR_NO_CONNECT "no connection driver available for <uri>". */
const struct driver *registry_find(const struct uri *uri, const char *text,
                                   struct vireo_error *err);

/* The daemon's context for a driver's startup hook, valid until the hook
 * returns; NULL with err set if it cannot be made. */
typedef const struct driver_context *(*registry_context_fn)(
    const struct driver *drv, void *opaque, struct vireo_error *err);

/* Daemon only: run every startup hook in order, each with the context
 * context_for gives it; on a failure, shut down the ones already started
 * and return -1. */
int  registry_startup_all(registry_context_fn context_for, void *opaque,
                          struct vireo_error *err);
/* Daemon only, once it listens: run every autostart hook, in order, then
 * call done(opaque), from any thread, once each has called its own done
 * (driver.h). */
void registry_autostart_all(void (*done)(void *opaque), void *opaque);
/* Daemon only: whether any driver has guests running (its has_guests
 * hook), which keeps an idle daemon alive. Any thread. */
bool registry_any_has_guests(void);
/* Daemon only: the installed companion driver that serves kind for the
 * connections of primary (driver.h, companion_of), or NULL. Any thread. */
const struct driver *registry_companion(const struct driver *primary,
                                        enum conn_companion_kind kind);

/* Daemon only: run every shutdown hook, in reverse order. */
void registry_shutdown_all(void);

#endif /* VIREO_DRIVERS_REGISTRY_H */
