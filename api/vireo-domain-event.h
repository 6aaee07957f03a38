/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain-event.h: the part of the public header for domain events:
 * their ids, types and details, and the callbacks registered for them.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_EVENT_H
#define VIREO_DOMAIN_EVENT_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain-event.h"
#endif

/* ---- Lifecycle events (libvirt's values) ------------------------------ */

enum vireo_domain_event_id {
    VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0,
    VIR_DOMAIN_EVENT_ID_REBOOT    = 1,
    VIR_DOMAIN_EVENT_ID_LAST      = 27,   /* ids known to libvirt 9.0 */
};

enum vireo_domain_event_type {
    VIR_DOMAIN_EVENT_DEFINED     = 0,
    VIR_DOMAIN_EVENT_UNDEFINED   = 1,
    VIR_DOMAIN_EVENT_STARTED     = 2,
    VIR_DOMAIN_EVENT_SUSPENDED   = 3,
    VIR_DOMAIN_EVENT_RESUMED     = 4,
    VIR_DOMAIN_EVENT_STOPPED     = 5,
    VIR_DOMAIN_EVENT_SHUTDOWN    = 6,
    VIR_DOMAIN_EVENT_PMSUSPENDED = 7,
    VIR_DOMAIN_EVENT_CRASHED     = 8,
};

enum { VIR_DOMAIN_EVENT_DEFINED_ADDED = 0, VIR_DOMAIN_EVENT_DEFINED_UPDATED = 1 };
enum { VIR_DOMAIN_EVENT_UNDEFINED_REMOVED = 0 };
enum { VIR_DOMAIN_EVENT_STARTED_BOOTED = 0 };
enum {
    VIR_DOMAIN_EVENT_SUSPENDED_PAUSED   = 0,
    VIR_DOMAIN_EVENT_SUSPENDED_IOERROR  = 2,
    VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG = 3,
};
enum { VIR_DOMAIN_EVENT_RESUMED_UNPAUSED = 0 };
enum {
    VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN  = 0,
    VIR_DOMAIN_EVENT_STOPPED_DESTROYED = 1,
    VIR_DOMAIN_EVENT_STOPPED_CRASHED   = 2,
    VIR_DOMAIN_EVENT_STOPPED_FAILED    = 5,
};
enum {
    VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED = 0,
    VIR_DOMAIN_EVENT_SHUTDOWN_GUEST    = 1,
    VIR_DOMAIN_EVENT_SHUTDOWN_HOST     = 2,
};
enum { VIR_DOMAIN_EVENT_CRASHED_PANICKED = 0 };

/* ---- Domain events ---------------------------------------------------- */

/* Every callback is invoked on the thread running the registered event loop,
 * never from inside the call that caused the event. The dom handle is valid
 * for the duration of the callback (take a reference to keep it). */
typedef void (*vireo_domain_event_generic_cb)(struct vireo_conn *conn,
                                              struct vireo_domain *dom,
                                              void *opaque);
typedef void (*vireo_domain_event_lifecycle_cb)(struct vireo_conn *conn,
                                                struct vireo_domain *dom,
                                                int event, int detail,
                                                void *opaque);
#define VIREO_DOMAIN_EVENT_CALLBACK(cb) ((vireo_domain_event_generic_cb)(void (*)(void))(cb))

/* Register cb for event_id on dom (NULL: every domain). Needs a registered
 * event loop. Returns a callback id >= 0; free_cb(opaque) runs after
 * deregistration once no delivery can still use opaque. */
VIREO_API int vireo_conn_domain_event_register_any(
    struct vireo_conn *conn, struct vireo_domain *dom, int event_id,
    vireo_domain_event_generic_cb cb, void *opaque, vireo_free_cb free_cb,
    struct vireo_error *err);
VIREO_API int vireo_conn_domain_event_deregister_any(struct vireo_conn *conn,
                                                     int callback_id,
                                                     struct vireo_error *err);

/* Domain events. */

/* The event ids after lifecycle and reboot (libvirt's virDomainEventID);
 * each is delivered to a callback of the type named beside it, cast with
 * VIREO_DOMAIN_EVENT_CALLBACK(). Arguments come in libvirt's order. */
enum vireo_domain_event_id_more {
    VIR_DOMAIN_EVENT_ID_RTC_CHANGE                = 2,  /* rtc_change_cb */
    VIR_DOMAIN_EVENT_ID_WATCHDOG                  = 3,  /* watchdog_cb */
    VIR_DOMAIN_EVENT_ID_IO_ERROR                  = 4,  /* io_error_cb */
    VIR_DOMAIN_EVENT_ID_GRAPHICS                  = 5,  /* graphics_cb */
    VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON           = 6,  /* io_error_reason_cb */
    VIR_DOMAIN_EVENT_ID_CONTROL_ERROR             = 7,  /* generic_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_JOB                 = 8,  /* block_job_cb: path */
    VIR_DOMAIN_EVENT_ID_DISK_CHANGE               = 9,  /* disk_change_cb */
    VIR_DOMAIN_EVENT_ID_TRAY_CHANGE               = 10, /* tray_change_cb */
    VIR_DOMAIN_EVENT_ID_PMWAKEUP                  = 11, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_PMSUSPEND                 = 12, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE            = 13, /* balloon_change_cb */
    VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK            = 14, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED            = 15, /* device_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2               = 16, /* block_job_cb: target */
    VIR_DOMAIN_EVENT_ID_TUNABLE                   = 17, /* tunable_cb */
    VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE           = 18, /* agent_lifecycle_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_ADDED              = 19, /* device_cb */
    VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION       = 20, /* migration_iteration_cb */
    VIR_DOMAIN_EVENT_ID_JOB_COMPLETED             = 21, /* job_completed_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED     = 22, /* device_cb */
    VIR_DOMAIN_EVENT_ID_METADATA_CHANGE           = 23, /* metadata_change_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD           = 24, /* block_threshold_cb */
    VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE            = 25, /* memory_failure_cb */
    VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE = 26, /* memory_device_size_change_cb */
};

/* One end of a graphics connection (virDomainEventGraphicsAddress). */
struct vireo_domain_event_graphics_address {
    int         family;     /* 0 IPv4, 1 IPv6, 2 UNIX */
    const char *node;
    const char *service;
};

/* Who authenticated a graphics client (virDomainEventGraphicsSubject). */
struct vireo_domain_event_graphics_identity {
    const char *type;       /* "x509dname", "saslUsername", ... */
    const char *name;
};
struct vireo_domain_event_graphics_subject {
    int                                                n_identities;
    const struct vireo_domain_event_graphics_identity *identities;
};

/* The callbacks, one per argument list (libvirt's
 * virConnectDomainEvent*Callback). Pointers passed in are valid for the
 * duration of the call only. */
typedef void (*vireo_domain_event_rtc_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, long long utc_offset,
    void *opaque);
typedef void (*vireo_domain_event_watchdog_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int action,
    void *opaque);
typedef void (*vireo_domain_event_io_error_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *src_path,
    const char *dev_alias, int action, void *opaque);
typedef void (*vireo_domain_event_graphics_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int phase,
    const struct vireo_domain_event_graphics_address *local,
    const struct vireo_domain_event_graphics_address *remote,
    const char *auth_scheme,
    const struct vireo_domain_event_graphics_subject *subject, void *opaque);
typedef void (*vireo_domain_event_io_error_reason_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *src_path,
    const char *dev_alias, int action, const char *reason, void *opaque);
typedef void (*vireo_domain_event_block_job_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *disk,
    int type, int status, void *opaque);
/* old_src_path and new_src_path may be NULL (no medium). */
typedef void (*vireo_domain_event_disk_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *old_src_path, const char *new_src_path,
    const char *dev_alias, int reason, void *opaque);
typedef void (*vireo_domain_event_tray_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *dev_alias, int reason, void *opaque);
/* PM wakeup, PM suspend and PM suspend to disk. */
typedef void (*vireo_domain_event_pm_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int reason,
    void *opaque);
typedef void (*vireo_domain_event_balloon_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    unsigned long long actual_kib, void *opaque);
/* Device removed, added, and removal failed. */
typedef void (*vireo_domain_event_device_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *dev_alias, void *opaque);
typedef void (*vireo_domain_event_tunable_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const struct vireo_typed_param *params, int n_params, void *opaque);
typedef void (*vireo_domain_event_agent_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int state,
    int reason, void *opaque);
typedef void (*vireo_domain_event_migration_iteration_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int iteration,
    void *opaque);
typedef void (*vireo_domain_event_job_completed_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const struct vireo_typed_param *params, int n_params, void *opaque);
/* nsuri is NULL unless type is VIR_DOMAIN_METADATA_ELEMENT. */
typedef void (*vireo_domain_event_metadata_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int type,
    const char *nsuri, void *opaque);
typedef void (*vireo_domain_event_block_threshold_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *dev,
    const char *path, unsigned long long threshold,
    unsigned long long excess, void *opaque);
typedef void (*vireo_domain_event_memory_failure_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int recipient,
    int action, unsigned int flags, void *opaque);
typedef void (*vireo_domain_event_memory_device_size_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *alias,
    unsigned long long size, void *opaque);

#endif /* VIREO_DOMAIN_EVENT_H */
