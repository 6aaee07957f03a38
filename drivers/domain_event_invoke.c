/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event_invoke.c: a registered callback called with its event's
 * payload, in the argument order of its id's callback type (the slot
 * table is in domain_event_payload.h). Runs on the loop's thread, inside
 * a delivery; borrows everything it passes.
 */
#include "drivers/domain_event_payload.h"
#include "drivers/handle.h"

/* The callback as the type its id registered it with. */
#define AS(type, cb) ((type)(void (*)(void))(cb))

static void
invoke_graphics(vireo_domain_event_generic_cb cb, struct vireo_domain *dom,
                const struct domain_event_payload *p, void *opaque)
{
    struct vireo_domain_event_graphics_address local = {
        p->ints[1], p->strs[0], p->strs[1],
    };
    struct vireo_domain_event_graphics_address remote = {
        p->ints[2], p->strs[2], p->strs[3],
    };
    struct vireo_domain_event_graphics_subject subject = {
        p->n_identities, p->identities,
    };

    AS(vireo_domain_event_graphics_cb, cb)(dom->conn, dom, p->ints[0], &local,
                                           &remote, p->strs[4], &subject,
                                           opaque);
}

static void
invoke_legacy_kinds(int event_id, vireo_domain_event_generic_cb cb,
                    struct vireo_domain *dom,
                    const struct domain_event_payload *p, void *opaque)
{
    struct vireo_conn *conn = dom->conn;

    switch (event_id) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
        AS(vireo_domain_event_lifecycle_cb, cb)(conn, dom, p->ints[0],
                                                p->ints[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        AS(vireo_domain_event_rtc_change_cb, cb)(conn, dom,
                                                 (long long)p->nums[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
        AS(vireo_domain_event_watchdog_cb, cb)(conn, dom, p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        AS(vireo_domain_event_io_error_cb, cb)(conn, dom, p->strs[0],
                                               p->strs[1], p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_GRAPHICS:
        invoke_graphics(cb, dom, p, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON:
        AS(vireo_domain_event_io_error_reason_cb, cb)(
            conn, dom, p->strs[0], p->strs[1], p->ints[0], p->strs[2], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB:
        AS(vireo_domain_event_block_job_cb, cb)(conn, dom, p->strs[0],
                                                p->ints[0], p->ints[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DISK_CHANGE:
        AS(vireo_domain_event_disk_change_cb, cb)(
            conn, dom, p->strs[0], p->strs[1], p->strs[2], p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TRAY_CHANGE:
        AS(vireo_domain_event_tray_change_cb, cb)(conn, dom, p->strs[0],
                                                  p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_PMWAKEUP:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK:
        AS(vireo_domain_event_pm_cb, cb)(conn, dom, p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE:
        AS(vireo_domain_event_balloon_change_cb, cb)(conn, dom, p->nums[0],
                                                     opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
        AS(vireo_domain_event_device_cb, cb)(conn, dom, p->strs[0], opaque);
        break;
    default:   /* reboot, control error */
        cb(conn, dom, opaque);
        break;
    }
}

static void
invoke_later_kinds(int event_id, vireo_domain_event_generic_cb cb,
                   struct vireo_domain *dom,
                   const struct domain_event_payload *p, void *opaque)
{
    struct vireo_conn *conn = dom->conn;

    switch (event_id) {
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2:
        AS(vireo_domain_event_block_job_cb, cb)(conn, dom, p->strs[0],
                                                p->ints[0], p->ints[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TUNABLE:
        AS(vireo_domain_event_tunable_cb, cb)(conn, dom, p->params.params,
                                              p->params.n, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE:
        AS(vireo_domain_event_agent_lifecycle_cb, cb)(conn, dom, p->ints[0],
                                                      p->ints[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_ADDED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED:
        AS(vireo_domain_event_device_cb, cb)(conn, dom, p->strs[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION:
        AS(vireo_domain_event_migration_iteration_cb, cb)(conn, dom,
                                                          p->ints[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_JOB_COMPLETED:
        AS(vireo_domain_event_job_completed_cb, cb)(
            conn, dom, p->params.params, p->params.n, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_METADATA_CHANGE:
        AS(vireo_domain_event_metadata_change_cb, cb)(conn, dom, p->ints[0],
                                                      p->strs[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD:
        AS(vireo_domain_event_block_threshold_cb, cb)(
            conn, dom, p->strs[0], p->strs[1], p->nums[0], p->nums[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE:
        AS(vireo_domain_event_memory_failure_cb, cb)(
            conn, dom, p->ints[0], p->ints[1], (unsigned int)p->ints[2],
            opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE:
        AS(vireo_domain_event_memory_device_size_change_cb, cb)(
            conn, dom, p->strs[0], p->nums[0], opaque);
        break;
    }
}

void
domain_event_payload_invoke(int event_id, vireo_domain_event_generic_cb cb,
                            struct vireo_domain *dom,
                            const struct domain_event_payload *p,
                            void *opaque)
{
    if (event_id <= VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED)
        invoke_legacy_kinds(event_id, cb, dom, p, opaque);
    else
        invoke_later_kinds(event_id, cb, dom, p, opaque);
}
