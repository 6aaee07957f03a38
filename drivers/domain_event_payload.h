/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event_payload.h: what a domain event carries beyond its domain,
 * in one shape for every event id, and the call of a registered callback
 * with it (each id's callback type, arguments in libvirt's order).
 *
 * Slots are filled in the order of the callback's arguments, by kind:
 *
 *   id                        ints                    nums          strs
 *   LIFECYCLE                 event, detail
 *   RTC_CHANGE                                        utc offset*
 *   WATCHDOG                  action
 *   IO_ERROR                  action                                src path, alias
 *   GRAPHICS                  phase, local family,                  local node, local
 *                             remote family                         service, remote node,
 *                                                                   remote service, scheme
 *   IO_ERROR_REASON           action                                src path, alias, reason
 *   BLOCK_JOB, BLOCK_JOB_2    type, status                          disk
 *   DISK_CHANGE               reason                                old, new, alias
 *   TRAY_CHANGE               reason                                alias
 *   PMWAKEUP, PMSUSPEND(_DISK) reason
 *   BALLOON_CHANGE                                    actual
 *   DEVICE_*                                                        alias
 *   AGENT_LIFECYCLE           state, reason
 *   MIGRATION_ITERATION       iteration
 *   METADATA_CHANGE           type                                  nsuri (may be NULL)
 *   BLOCK_THRESHOLD                                   threshold,    dev, path
 *                                                     excess
 *   MEMORY_FAILURE            recipient, action, flags
 *   MEMORY_DEVICE_SIZE_CHANGE                         size          alias
 *
 * (* signed, stored as its two's complement.) TUNABLE and JOB_COMPLETED
 * carry params; GRAPHICS also carries the subject's identities.
 *
 * A payload is owned by whoever holds it; pure functions, any thread.
 */
#ifndef VIREO_DRIVERS_DOMAIN_EVENT_PAYLOAD_H
#define VIREO_DRIVERS_DOMAIN_EVENT_PAYLOAD_H

#include "api/vireo.h"

#define DOMAIN_EVENT_N_INTS 3
#define DOMAIN_EVENT_N_NUMS 2
#define DOMAIN_EVENT_N_STRS 5

struct domain_event_payload {
    int                           ints[DOMAIN_EVENT_N_INTS];
    unsigned long long            nums[DOMAIN_EVENT_N_NUMS];
    char                         *strs[DOMAIN_EVENT_N_STRS];  /* owned */
    struct vireo_typed_params     params;                     /* owned */
    /* A graphics subject: the array and its strings are owned. */
    struct vireo_domain_event_graphics_identity *identities;
    int                           n_identities;
};

/* A deep copy of src into *dst (all zeros before): 0, or -1 when memory is
 * short, with *dst left empty. */
int domain_event_payload_copy(struct domain_event_payload *dst,
                              const struct domain_event_payload *src);

/* Free what p owns; p is all zeros again. */
void domain_event_payload_clear(struct domain_event_payload *p);

/* Call cb, registered for event_id, with dom and p in the callback's
 * argument order. */
void domain_event_payload_invoke(int event_id,
                                 vireo_domain_event_generic_cb cb,
                                 struct vireo_domain *dom,
                                 const struct domain_event_payload *p,
                                 void *opaque);

#endif /* VIREO_DRIVERS_DOMAIN_EVENT_PAYLOAD_H */
