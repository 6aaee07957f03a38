/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event.h: domain-event registrations and their delivery.
 *
 * One domain_event_state per driver state, owned by the driver's thread:
 * every function taking a state is called there, and only there, with no
 * lock. When a domain changes, the driver queues the event; it reaches
 * every matching callback later, on the registered event loop's thread,
 * never from inside the call that caused it, and each callback sees events
 * in the order they were queued.
 *
 * A callback may deregister itself or others from inside a delivery:
 * deliveries still queued for a removed registration are skipped.
 * free_cb(opaque) runs once no delivery can use opaque any more: on the
 * driver's thread during the removal when none is in flight, else on the
 * loop's thread after the last one.
 *
 * A driver's close must call domain_event_deregister_conn() before the
 * connection is gone: delivery relies on it (see domain_event.c).
 */
#ifndef VIREO_DRIVERS_DOMAIN_EVENT_H
#define VIREO_DRIVERS_DOMAIN_EVENT_H

#include "api/vireo.h"

struct domain_event_state;

/* Events are delivered on the loop's thread: without a registered loop
 * nothing would ever arrive, so registrations fail at once with
 * VIR_ERR_OPERATION_INVALID. Returns 0 when a loop is registered, else -1.
 * Any thread: this alone does not touch a state. */
int domain_event_require_loop(struct vireo_error *err);

/* A state with no registrations; NULL when memory is short. A state may
 * exist before any loop is registered: registrations need one. */
struct domain_event_state *domain_event_state_new(void);
/* The owner lets go: every registration is dropped as by deregistration
 * (deliveries still queued are skipped, free_cb runs once). */
void domain_event_state_free(struct domain_event_state *st);

/* Register cb for event_id (0 <= id < VIR_DOMAIN_EVENT_ID_LAST) on conn;
 * dom NULL means every domain, else only the domain with dom's uuid.
 * Returns a callback id >= 0, unique within st. Fails with
 * VIR_ERR_INVALID_ARG for a bad id, or when conn already has cb registered
 * for the same id and filter (libvirt's "event callback already tracked"),
 * and VIR_ERR_OPERATION_INVALID when no event loop is registered. */
int domain_event_register(struct domain_event_state *st,
                          struct vireo_conn *conn, struct vireo_domain *dom,
                          int event_id, vireo_domain_event_generic_cb cb,
                          void *opaque, vireo_free_cb free_cb,
                          struct vireo_error *err);

/* Remove a registration made by conn. VIR_ERR_INVALID_ARG if conn has no
 * callback with that id. */
int domain_event_deregister(struct domain_event_state *st,
                            struct vireo_conn *conn, int callback_id,
                            struct vireo_error *err);

/* Remove every registration of conn (it is closing). */
void domain_event_deregister_conn(struct domain_event_state *st,
                                  struct vireo_conn *conn);

/* Loop thread, inside a callback: a number that is the same for every
 * callback one event reaches and differs between events, so that a
 * callback relaying events to many peers can encode each event once.
 * 0 outside a delivery. */
unsigned long domain_event_serial(void);

/* ---- Producing --------------------------------------------------------
 * Every queue function below names a domain as it is at emission time (id
 * -1 when it is not running), copies what it is given (the caller keeps
 * its strings and parameters), and is cheap when nobody listens. Driver
 * thread, like every function taking a state. */

struct domain_event_payload;   /* domain_event_payload.h */

/* Any event id, with its payload laid out as domain_event_payload.h says:
 * for code that receives events already in that shape (the remote
 * driver). */
void domain_event_queue(struct domain_event_state *st, int event_id,
                        const char *name, const unsigned char *uuid, int id,
                        const struct domain_event_payload *p);

/* VIR_DOMAIN_EVENT_ID_LIFECYCLE and VIR_DOMAIN_EVENT_ID_REBOOT. */
void domain_event_queue_lifecycle(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, int event, int detail);
void domain_event_queue_reboot(struct domain_event_state *st,
                               const char *name, const unsigned char *uuid,
                               int id);

/* VIR_DOMAIN_EVENT_ID_TUNABLE: the tunables just changed, named as libvirt
 * names them ("cputune.vcpu0", "blkdeviotune.total_bytes_sec", ...). */
void domain_event_queue_tunable(struct domain_event_state *st,
                                const char *name, const unsigned char *uuid,
                                int id,
                                const struct vireo_typed_params *params);
/* VIR_DOMAIN_EVENT_ID_METADATA_CHANGE: type is libvirt's
 * VIR_DOMAIN_METADATA_* (0 description, 1 title, 2 element); nsuri only
 * for an element, else NULL. */
void domain_event_queue_metadata_change(struct domain_event_state *st,
                                        const char *name,
                                        const unsigned char *uuid, int id,
                                        int type, const char *nsuri);
/* VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, _DEVICE_REMOVED and
 * _DEVICE_REMOVAL_FAILED, naming the device by its alias. */
void domain_event_queue_device_added(struct domain_event_state *st,
                                     const char *name,
                                     const unsigned char *uuid, int id,
                                     const char *dev_alias);
void domain_event_queue_device_removed(struct domain_event_state *st,
                                       const char *name,
                                       const unsigned char *uuid, int id,
                                       const char *dev_alias);
void domain_event_queue_device_removal_failed(struct domain_event_state *st,
                                              const char *name,
                                              const unsigned char *uuid,
                                              int id, const char *dev_alias);
/* VIR_DOMAIN_EVENT_ID_JOB_COMPLETED: the job's statistics, as
 * virDomainGetJobStats would give them. */
void domain_event_queue_job_completed(struct domain_event_state *st,
                                      const char *name,
                                      const unsigned char *uuid, int id,
                                      const struct vireo_typed_params *params);
/* VIR_DOMAIN_EVENT_ID_BLOCK_JOB with the disk's path and then
 * VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 with its target ("vda"), as libvirt
 * emits them together; type and status are libvirt's
 * VIR_DOMAIN_BLOCK_JOB_TYPE_* and VIR_DOMAIN_BLOCK_JOB_* values. A disk
 * without a path (network storage) sends BLOCK_JOB_2 only. */
void domain_event_queue_block_job(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, const char *disk_path,
                                  const char *disk_target, int type,
                                  int status);

/* VIR_DOMAIN_EVENT_ID_PMWAKEUP, _PMSUSPEND and _PMSUSPEND_DISK (reason 0:
 * libvirt defines none). */
void domain_event_queue_pm(struct domain_event_state *st, int event_id,
                           const char *name, const unsigned char *uuid,
                           int id, int reason);
/* VIR_DOMAIN_EVENT_ID_RTC_CHANGE: the guest clock's offset from UTC, s. */
void domain_event_queue_rtc_change(struct domain_event_state *st,
                                   const char *name,
                                   const unsigned char *uuid, int id,
                                   long long utc_offset);
/* VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE: the balloon's new size, KiB. */
void domain_event_queue_balloon_change(struct domain_event_state *st,
                                       const char *name,
                                       const unsigned char *uuid, int id,
                                       unsigned long long actual_kib);
/* VIR_DOMAIN_EVENT_ID_WATCHDOG: action is VIR_DOMAIN_EVENT_WATCHDOG_*. */
void domain_event_queue_watchdog(struct domain_event_state *st,
                                 const char *name, const unsigned char *uuid,
                                 int id, int action);
/* VIR_DOMAIN_EVENT_ID_IO_ERROR and then _IO_ERROR_REASON, as libvirt emits
 * them together. */
void domain_event_queue_io_error(struct domain_event_state *st,
                                 const char *name, const unsigned char *uuid,
                                 int id, const char *src_path,
                                 const char *dev_alias, int action,
                                 const char *reason);
/* VIR_DOMAIN_EVENT_ID_CONTROL_ERROR: the hypervisor's control channel
 * failed. */
void domain_event_queue_control_error(struct domain_event_state *st,
                                      const char *name,
                                      const unsigned char *uuid, int id);
/* VIR_DOMAIN_EVENT_ID_DISK_CHANGE (either path may be NULL) and
 * VIR_DOMAIN_EVENT_ID_TRAY_CHANGE. */
void domain_event_queue_disk_change(struct domain_event_state *st,
                                    const char *name,
                                    const unsigned char *uuid, int id,
                                    const char *old_src_path,
                                    const char *new_src_path,
                                    const char *dev_alias, int reason);
void domain_event_queue_tray_change(struct domain_event_state *st,
                                    const char *name,
                                    const unsigned char *uuid, int id,
                                    const char *dev_alias, int reason);
/* VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE: the guest agent's state, reason. */
void domain_event_queue_agent_lifecycle(struct domain_event_state *st,
                                        const char *name,
                                        const unsigned char *uuid, int id,
                                        int state, int reason);
/* VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION. */
void domain_event_queue_migration_iteration(struct domain_event_state *st,
                                            const char *name,
                                            const unsigned char *uuid,
                                            int id, int iteration);
/* VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD. */
void domain_event_queue_block_threshold(struct domain_event_state *st,
                                        const char *name,
                                        const unsigned char *uuid, int id,
                                        const char *dev, const char *path,
                                        unsigned long long threshold,
                                        unsigned long long excess);
/* VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE. */
void domain_event_queue_memory_failure(struct domain_event_state *st,
                                       const char *name,
                                       const unsigned char *uuid, int id,
                                       int recipient, int action,
                                       unsigned int flags);
/* VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE: size in KiB. */
void domain_event_queue_memory_device_size_change(
    struct domain_event_state *st, const char *name,
    const unsigned char *uuid, int id, const char *alias,
    unsigned long long size_kib);

#endif /* VIREO_DRIVERS_DOMAIN_EVENT_H */
