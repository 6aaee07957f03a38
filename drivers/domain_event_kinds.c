/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event_kinds.c: one queue function per kind of domain event, each
 * laying out its arguments as domain_event_payload.h says and queuing
 * them (domain_event.c copies them). Driver thread, like domain_event.c.
 */
#include "drivers/domain_event.h"
#include "drivers/domain_event_payload.h"

/* The payload's strings are only read while queuing: borrowing the
 * caller's (const) strings is safe, they are copied per delivery. */
#define BORROW(s) ((char *)(s))

void
domain_event_queue_lifecycle(struct domain_event_state *st, const char *name,
                             const unsigned char *uuid, int id, int event,
                             int detail)
{
    struct domain_event_payload p = { .ints = { event, detail } };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_LIFECYCLE, name, uuid, id, &p);
}

void
domain_event_queue_reboot(struct domain_event_state *st, const char *name,
                          const unsigned char *uuid, int id)
{
    struct domain_event_payload p = { 0 };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_REBOOT, name, uuid, id, &p);
}

void
domain_event_queue_control_error(struct domain_event_state *st,
                                 const char *name, const unsigned char *uuid,
                                 int id)
{
    struct domain_event_payload p = { 0 };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, name, uuid, id,
                       &p);
}

void
domain_event_queue_tunable(struct domain_event_state *st, const char *name,
                           const unsigned char *uuid, int id,
                           const struct vireo_typed_params *params)
{
    struct domain_event_payload p = { .params = *params };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_TUNABLE, name, uuid, id, &p);
}

void
domain_event_queue_job_completed(struct domain_event_state *st,
                                 const char *name, const unsigned char *uuid,
                                 int id,
                                 const struct vireo_typed_params *params)
{
    struct domain_event_payload p = { .params = *params };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, name, uuid, id,
                       &p);
}

void
domain_event_queue_metadata_change(struct domain_event_state *st,
                                   const char *name, const unsigned char *uuid,
                                   int id, int type, const char *nsuri)
{
    struct domain_event_payload p = {
        .ints = { type }, .strs = { BORROW(nsuri) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, name, uuid,
                       id, &p);
}

static void
queue_device(struct domain_event_state *st, int event_id, const char *name,
             const unsigned char *uuid, int id, const char *dev_alias)
{
    struct domain_event_payload p = { .strs = { BORROW(dev_alias) } };

    domain_event_queue(st, event_id, name, uuid, id, &p);
}

void
domain_event_queue_device_added(struct domain_event_state *st,
                                const char *name, const unsigned char *uuid,
                                int id, const char *dev_alias)
{
    queue_device(st, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, name, uuid, id,
                 dev_alias);
}

void
domain_event_queue_device_removed(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, const char *dev_alias)
{
    queue_device(st, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, name, uuid, id,
                 dev_alias);
}

void
domain_event_queue_device_removal_failed(struct domain_event_state *st,
                                         const char *name,
                                         const unsigned char *uuid, int id,
                                         const char *dev_alias)
{
    queue_device(st, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, name, uuid,
                 id, dev_alias);
}

void
domain_event_queue_block_job(struct domain_event_state *st, const char *name,
                             const unsigned char *uuid, int id,
                             const char *disk_path, const char *disk_target,
                             int type, int status)
{
    struct domain_event_payload p = { .ints = { type, status } };

    if (disk_path != NULL) {
        p.strs[0] = BORROW(disk_path);
        domain_event_queue(st, VIR_DOMAIN_EVENT_ID_BLOCK_JOB, name, uuid, id,
                           &p);
    }
    p.strs[0] = BORROW(disk_target);
    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, name, uuid, id,
                       &p);
}

void
domain_event_queue_pm(struct domain_event_state *st, int event_id,
                      const char *name, const unsigned char *uuid, int id,
                      int reason)
{
    struct domain_event_payload p = { .ints = { reason } };

    domain_event_queue(st, event_id, name, uuid, id, &p);
}

void
domain_event_queue_rtc_change(struct domain_event_state *st,
                              const char *name, const unsigned char *uuid,
                              int id, long long utc_offset)
{
    struct domain_event_payload p = {
        .nums = { (unsigned long long)utc_offset },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_RTC_CHANGE, name, uuid, id,
                       &p);
}

void
domain_event_queue_balloon_change(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, unsigned long long actual_kib)
{
    struct domain_event_payload p = { .nums = { actual_kib } };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, name, uuid,
                       id, &p);
}

void
domain_event_queue_watchdog(struct domain_event_state *st, const char *name,
                            const unsigned char *uuid, int id, int action)
{
    struct domain_event_payload p = { .ints = { action } };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_WATCHDOG, name, uuid, id, &p);
}

void
domain_event_queue_io_error(struct domain_event_state *st, const char *name,
                            const unsigned char *uuid, int id,
                            const char *src_path, const char *dev_alias,
                            int action, const char *reason)
{
    struct domain_event_payload p = {
        .ints = { action },
        .strs = { BORROW(src_path), BORROW(dev_alias), BORROW(reason) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_IO_ERROR, name, uuid, id, &p);
    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, name, uuid,
                       id, &p);
}

void
domain_event_queue_disk_change(struct domain_event_state *st,
                               const char *name, const unsigned char *uuid,
                               int id, const char *old_src_path,
                               const char *new_src_path,
                               const char *dev_alias, int reason)
{
    struct domain_event_payload p = {
        .ints = { reason },
        .strs = { BORROW(old_src_path), BORROW(new_src_path),
                  BORROW(dev_alias) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_DISK_CHANGE, name, uuid, id,
                       &p);
}

void
domain_event_queue_tray_change(struct domain_event_state *st,
                               const char *name, const unsigned char *uuid,
                               int id, const char *dev_alias, int reason)
{
    struct domain_event_payload p = {
        .ints = { reason }, .strs = { BORROW(dev_alias) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, name, uuid, id,
                       &p);
}

void
domain_event_queue_agent_lifecycle(struct domain_event_state *st,
                                   const char *name, const unsigned char *uuid,
                                   int id, int state, int reason)
{
    struct domain_event_payload p = { .ints = { state, reason } };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, name, uuid,
                       id, &p);
}

void
domain_event_queue_migration_iteration(struct domain_event_state *st,
                                       const char *name,
                                       const unsigned char *uuid, int id,
                                       int iteration)
{
    struct domain_event_payload p = { .ints = { iteration } };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, name,
                       uuid, id, &p);
}

void
domain_event_queue_block_threshold(struct domain_event_state *st,
                                   const char *name, const unsigned char *uuid,
                                   int id, const char *dev, const char *path,
                                   unsigned long long threshold,
                                   unsigned long long excess)
{
    struct domain_event_payload p = {
        .nums = { threshold, excess },
        .strs = { BORROW(dev), BORROW(path) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD, name, uuid,
                       id, &p);
}

void
domain_event_queue_memory_failure(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, int recipient, int action,
                                  unsigned int flags)
{
    struct domain_event_payload p = {
        .ints = { recipient, action, (int)flags },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE, name, uuid,
                       id, &p);
}

void
domain_event_queue_memory_device_size_change(struct domain_event_state *st,
                                             const char *name,
                                             const unsigned char *uuid,
                                             int id, const char *alias,
                                             unsigned long long size_kib)
{
    struct domain_event_payload p = {
        .nums = { size_kib }, .strs = { BORROW(alias) },
    };

    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE,
                       name, uuid, id, &p);
}
