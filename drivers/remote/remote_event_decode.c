/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_event_decode.c: the daemon's domain event messages, decoded. One
 * small function per kind fills the payload slots its id's callback reads
 * (the table in drivers/domain_event_payload.h); ids 2 ... 15 share it
 * between their legacy message and the callback message that wraps it.
 */
#include <stdlib.h>

#include "drivers/remote/remote_event_decode.h"
#include "drivers/typed_param_wire.h"
#include "wire/decode.h"
#include "wire/procs.h"

/* Optional strings on the wire are pointers to a string. */
static char *
opt(char *const *s)
{
    return s != NULL ? *s : NULL;
}

static void
from_rtc_change(const remote_domain_event_rtc_change_msg *m,
                struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.nums[0] = (unsigned long long)m->offset;
}

static void
from_watchdog(const remote_domain_event_watchdog_msg *m,
              struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->action;
}

static void
from_io_error(const remote_domain_event_io_error_msg *m,
              struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->action;
    ev->payload.strs[0] = m->srcPath;
    ev->payload.strs[1] = m->devAlias;
}

static void
from_io_error_reason(const remote_domain_event_io_error_reason_msg *m,
                     struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->action;
    ev->payload.strs[0] = m->srcPath;
    ev->payload.strs[1] = m->devAlias;
    ev->payload.strs[2] = m->reason;
}

/* The one kind that allocates: the identities change type. An identity
 * list that cannot be allocated is delivered empty. */
static void
from_graphics(const remote_domain_event_graphics_msg *m,
              struct remote_event *ev)
{
    struct domain_event_payload *p = &ev->payload;
    u_int n = m->subject.subject_len;

    ev->dom = &m->dom;
    p->ints[0] = m->phase;
    p->ints[1] = m->local.family;
    p->ints[2] = m->remote.family;
    p->strs[0] = m->local.node;
    p->strs[1] = m->local.service;
    p->strs[2] = m->remote.node;
    p->strs[3] = m->remote.service;
    p->strs[4] = m->authScheme;
    p->identities = n ? calloc(n, sizeof(*p->identities)) : NULL;
    if (p->identities == NULL)
        return;
    p->n_identities = (int)n;
    for (u_int i = 0; i < n; i++) {
        p->identities[i].type = m->subject.subject_val[i].type;
        p->identities[i].name = m->subject.subject_val[i].name;
    }
}

static void
from_control_error(const remote_domain_event_control_error_msg *m,
                   struct remote_event *ev)
{
    ev->dom = &m->dom;
}

static void
from_block_job(const remote_domain_event_block_job_msg *m,
               struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->type;
    ev->payload.ints[1] = m->status;
    ev->payload.strs[0] = m->path;
}

static void
from_disk_change(const remote_domain_event_disk_change_msg *m,
                 struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->reason;
    ev->payload.strs[0] = opt(m->oldSrcPath);
    ev->payload.strs[1] = opt(m->newSrcPath);
    ev->payload.strs[2] = m->devAlias;
}

static void
from_tray_change(const remote_domain_event_tray_change_msg *m,
                 struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.ints[0] = m->reason;
    ev->payload.strs[0] = m->devAlias;
}

static void
from_balloon_change(const remote_domain_event_balloon_change_msg *m,
                    struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.nums[0] = m->actual;
}

static void
from_device_removed(const remote_domain_event_device_removed_msg *m,
                    struct remote_event *ev)
{
    ev->dom = &m->dom;
    ev->payload.strs[0] = m->devAlias;
}

/* PM messages name only the domain; the callback form adds a reason. */
static void
from_pm(const remote_nonnull_domain *dom, struct remote_event *ev)
{
    ev->dom = dom;
}

/* ---- Ids 0 ... 15 ------------------------------------------------------- */

/* A legacy message of kind name, or the callback message wrapping one. */
#define BOTH(NAME, name, id)                                                 \
    case REMOTE_PROC_DOMAIN_EVENT_##NAME:                                    \
        from_##name(body, ev);                                               \
        ev->callback_id = -1;                                                \
        ev->event_id = id;                                                   \
        return true;                                                         \
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_##NAME: {                         \
        const remote_domain_event_callback_##name##_msg *m = body;           \
        from_##name(&m->msg, ev);                                            \
        ev->callback_id = m->callbackID;                                     \
        ev->event_id = id;                                                   \
        return true;                                                         \
    }

#define PM(NAME, name, id)                                                   \
    case REMOTE_PROC_DOMAIN_EVENT_##NAME:                                    \
        from_pm(&((const remote_domain_event_##name##_msg *)body)->dom, ev); \
        ev->callback_id = -1;                                                \
        ev->event_id = id;                                                   \
        return true;                                                         \
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_##NAME: {                         \
        const remote_domain_event_callback_##name##_msg *m = body;           \
        from_pm(&m->msg.dom, ev);                                            \
        ev->payload.ints[0] = m->reason;                                     \
        ev->callback_id = m->callbackID;                                     \
        ev->event_id = id;                                                   \
        return true;                                                         \
    }

static bool
decode_early(int proc, const void *body, struct remote_event *ev)
{
    switch (proc) {
    case REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE: {
        const remote_domain_event_lifecycle_msg *m = body;
        ev->dom = &m->dom;
        ev->callback_id = -1;
        ev->event_id = VIR_DOMAIN_EVENT_ID_LIFECYCLE;
        ev->payload.ints[0] = m->event;
        ev->payload.ints[1] = m->detail;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE: {
        const remote_domain_event_callback_lifecycle_msg *m = body;
        ev->dom = &m->dom;
        ev->callback_id = m->callbackID;
        ev->event_id = VIR_DOMAIN_EVENT_ID_LIFECYCLE;
        ev->payload.ints[0] = m->event;
        ev->payload.ints[1] = m->detail;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_REBOOT:
        ev->dom = &((const remote_domain_event_reboot_msg *)body)->dom;
        ev->callback_id = -1;
        ev->event_id = VIR_DOMAIN_EVENT_ID_REBOOT;
        return true;
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT: {
        const remote_domain_event_callback_reboot_msg *m = body;
        ev->dom = &m->dom;
        ev->callback_id = m->callbackID;
        ev->event_id = VIR_DOMAIN_EVENT_ID_REBOOT;
        return true;
    }
    BOTH(RTC_CHANGE, rtc_change, VIR_DOMAIN_EVENT_ID_RTC_CHANGE)
    BOTH(WATCHDOG, watchdog, VIR_DOMAIN_EVENT_ID_WATCHDOG)
    BOTH(IO_ERROR, io_error, VIR_DOMAIN_EVENT_ID_IO_ERROR)
    BOTH(GRAPHICS, graphics, VIR_DOMAIN_EVENT_ID_GRAPHICS)
    BOTH(IO_ERROR_REASON, io_error_reason, VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON)
    BOTH(CONTROL_ERROR, control_error, VIR_DOMAIN_EVENT_ID_CONTROL_ERROR)
    BOTH(BLOCK_JOB, block_job, VIR_DOMAIN_EVENT_ID_BLOCK_JOB)
    BOTH(DISK_CHANGE, disk_change, VIR_DOMAIN_EVENT_ID_DISK_CHANGE)
    BOTH(TRAY_CHANGE, tray_change, VIR_DOMAIN_EVENT_ID_TRAY_CHANGE)
    PM(PMWAKEUP, pmwakeup, VIR_DOMAIN_EVENT_ID_PMWAKEUP)
    PM(PMSUSPEND, pmsuspend, VIR_DOMAIN_EVENT_ID_PMSUSPEND)
    BOTH(BALLOON_CHANGE, balloon_change, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE)
    PM(PMSUSPEND_DISK, pmsuspend_disk, VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK)
    BOTH(DEVICE_REMOVED, device_removed, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED)
    default:
        return false;
    }
}

/* ---- Ids 16 ... 26: callback messages only ------------------------------ */

/* A message that starts with callbackID and dom, as every later one does. */
#define HEAD(type, id)                                                       \
    const type *m = body;                                                    \
    ev->callback_id = m->callbackID;                                         \
    ev->dom = &m->dom;                                                       \
    ev->event_id = id

static bool
params_from_wire(const remote_typed_param *val, u_int len, int limit,
                 struct remote_event *ev)
{
    return typed_params_from_wire(val, len, limit, &ev->payload.params,
                                  NULL) == 0;
}

static bool
decode_alias_kinds(int proc, const void *body, struct remote_event *ev)
{
    switch (proc) {
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED: {
        HEAD(remote_domain_event_callback_device_added_msg,
             VIR_DOMAIN_EVENT_ID_DEVICE_ADDED);
        ev->payload.strs[0] = m->devAlias;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED: {
        HEAD(remote_domain_event_callback_device_removal_failed_msg,
             VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED);
        ev->payload.strs[0] = m->devAlias;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2: {
        HEAD(remote_domain_event_block_job_2_msg,
             VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2);
        ev->payload.strs[0] = m->dst;
        ev->payload.ints[0] = m->type;
        ev->payload.ints[1] = m->status;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD: {
        HEAD(remote_domain_event_block_threshold_msg,
             VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD);
        ev->payload.strs[0] = m->dev;
        ev->payload.strs[1] = opt(m->path);
        ev->payload.nums[0] = m->threshold;
        ev->payload.nums[1] = m->excess;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE: {
        HEAD(remote_domain_event_memory_device_size_change_msg,
             VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE);
        ev->payload.strs[0] = m->alias;
        ev->payload.nums[0] = m->size;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE: {
        HEAD(remote_domain_event_callback_metadata_change_msg,
             VIR_DOMAIN_EVENT_ID_METADATA_CHANGE);
        ev->payload.ints[0] = m->type;
        ev->payload.strs[0] = opt(m->nsuri);
        return true;
    }
    default:
        return false;
    }
}

static bool
decode_later(int proc, const void *body, struct remote_event *ev)
{
    switch (proc) {
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE: {
        HEAD(remote_domain_event_callback_tunable_msg,
             VIR_DOMAIN_EVENT_ID_TUNABLE);
        return params_from_wire(m->params.params_val, m->params.params_len,
                                REMOTE_DOMAIN_EVENT_TUNABLE_MAX, ev);
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED: {
        HEAD(remote_domain_event_callback_job_completed_msg,
             VIR_DOMAIN_EVENT_ID_JOB_COMPLETED);
        return params_from_wire(m->params.params_val, m->params.params_len,
                                REMOTE_DOMAIN_EVENT_JOB_STATS_MAX, ev);
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE: {
        HEAD(remote_domain_event_callback_agent_lifecycle_msg,
             VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE);
        ev->payload.ints[0] = m->state;
        ev->payload.ints[1] = m->reason;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION: {
        HEAD(remote_domain_event_callback_migration_iteration_msg,
             VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION);
        ev->payload.ints[0] = m->iteration;
        return true;
    }
    case REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE: {
        HEAD(remote_domain_event_memory_failure_msg,
             VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE);
        ev->payload.ints[0] = m->recipient;
        ev->payload.ints[1] = m->action;
        ev->payload.ints[2] = (int)m->flags;
        return true;
    }
    default:
        return decode_alias_kinds(proc, body, ev);
    }
}

bool
remote_event_decode(const struct wire_message *msg, struct remote_event *ev)
{
    int proc = (int)msg->header.proc;

    if (msg->header.prog != WIRE_REMOTE_PROGRAM || msg->body == NULL)
        return false;
    return decode_early(proc, msg->body, ev) ||
           decode_later(proc, msg->body, ev);
}

void
remote_event_release(struct remote_event *ev)
{
    vireo_typed_params_clear(&ev->payload.params);
    free(ev->payload.identities);
    ev->payload.identities = NULL;
    ev->payload.n_identities = 0;
}
