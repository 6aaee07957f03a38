/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_state.h: the QEMU driver's state: its domains, where it keeps them
 * on disk, its settings and its event registrations, and the helpers every
 * slot uses to find a domain and to tell listeners about it.
 *
 * There is one state per daemon, made by the startup hook. A connection's
 * priv is the state.
 */
#ifndef VIREO_QEMU_STATE_H
#define VIREO_QEMU_STATE_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/domain_view.h"

struct domain_def;
struct domain_event_state;
struct domain_list;
struct domain_obj;
struct qemu_host;

/* Owned by the qemu driver's thread: created, changed and freed there
 * only, with no lock. Held by the startup hook until shutdown and by every
 * open connection; the last of them frees it, letting go of the guests
 * that still run (they outlive the daemon). */
struct qemu_state {
    int                        refs;
    struct domain_list        *domains;
    struct domain_event_state *events;
    int                        next_id;        /* ids are never reused
                                                  while the daemon runs */
    bool                       is_privileged;  /* qemu:///system */
    /* Where things live (see qemu_store.h): */
    char                      *config_dir;     /* definitions */
    char                      *autostart_dir;  /* links to them */
    char                      *status_dir;     /* runtime status, and
                                                  each guest's directory */
    char                      *log_dir;        /* QEMU's output per domain */
    /* From qemu.conf. */
    int                        monitor_timeout_ms; /* every QMP command's
                                                      deadline */
    struct qemu_host          *host;           /* what QEMU says of itself */
    void                     (*log_warning)(const char *message);
    /* What readers on other threads may know of the domains without
     * asking (qemu_view.h): every connection points at it. */
    struct domain_view_source  view;
};

/* The object dom names (by uuid), or NULL with VIR_ERR_NO_DOMAIN set in
 * libvirt's words. The handle learns the domain's current id. */
struct domain_obj *qemu_state_find(struct qemu_state *st,
                                   struct vireo_domain *dom,
                                   struct vireo_error *err);

/* Refuse a def that takes another domain's name or uuid
 * (VIR_ERR_OPERATION_FAILED, libvirt's wording). Returns 0 and sets *same
 * to the domain with exactly def's name and uuid, or NULL if none. */
int qemu_state_check_clash(struct qemu_state *st,
                           const struct domain_def *def,
                           struct domain_obj **same,
                           struct vireo_error *err);

/* Queue a lifecycle event about obj as it is now; the published view
 * (qemu_view.h) is stale from then until the job ends. */
void qemu_state_emit(struct qemu_state *st, const struct domain_obj *obj,
                     int event, int detail);

/* VIR_ERR_SYSTEM_ERROR as libvirt words it: the formatted text, ": ",
 * and errnum's description, with no prefix. Returns -1. Any thread. */
int qemu_error_system(struct vireo_error *err, int errnum, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));

/* A line in the daemon's log, for what no caller hears of. */
void qemu_state_warn(struct qemu_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Set obj's state and reason together, and mark st's published view
 * stale (qemu_view.h). */
void qemu_state_set(struct qemu_state *st, struct domain_obj *obj, int state,
                    int reason);

#endif /* VIREO_QEMU_STATE_H */
