/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * strings.c: states, reasons and lifecycle events in the words virsh 9.0
 * prints (virshDomainStateToString(), virshDomainStateReasonToString(),
 * virshDomainEventToString(), virshDomainEventDetailToString()), so that
 * our CLI and virsh print the same lines.
 *
 * Tables are indexed by libvirt's numeric values; anything outside them
 * reads as virsh reads it: "no state" for a state, "unknown" otherwise.
 */
#include <stddef.h>

#include "api/vireo.h"

#define N_ELEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))

struct words {
    const char *const *list;
    int                n;
};

#define WORDS(a) { (a), N_ELEMS(a) }

static const char *
word(struct words w, int i, const char *fallback)
{
    return i >= 0 && i < w.n ? w.list[i] : fallback;
}

/* ---- States and their reasons ------------------------------------------ */

static const char *const states[] = {
    "no state", "running", "idle", "paused", "in shutdown", "shut off",
    "crashed", "pmsuspended",
};

static const char *const running_reasons[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
    "migration canceled", "save canceled", "event wakeup", "crashed",
    "post-copy", "post-copy failed",
};

static const char *const paused_reasons[] = {
    "unknown", "user", "migrating", "saving", "dumping", "I/O error",
    "watchdog", "from snapshot", "shutting down", "creating snapshot",
    "crashed", "starting up", "post-copy", "post-copy failed",
};

static const char *const shutdown_reasons[] = { "unknown", "user" };

static const char *const shutoff_reasons[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon",
};

static const char *const crashed_reasons[] = { "unknown", "panicked" };

static const char *const only_unknown[] = { "unknown" };

/* Per state, its reasons; NOSTATE, BLOCKED and PMSUSPENDED only have
 * "unknown". */
static const struct words reasons[] = {
    [VIR_DOMAIN_NOSTATE]     = WORDS(only_unknown),
    [VIR_DOMAIN_RUNNING]     = WORDS(running_reasons),
    [VIR_DOMAIN_BLOCKED]     = WORDS(only_unknown),
    [VIR_DOMAIN_PAUSED]      = WORDS(paused_reasons),
    [VIR_DOMAIN_SHUTDOWN]    = WORDS(shutdown_reasons),
    [VIR_DOMAIN_SHUTOFF]     = WORDS(shutoff_reasons),
    [VIR_DOMAIN_CRASHED]     = WORDS(crashed_reasons),
    [VIR_DOMAIN_PMSUSPENDED] = WORDS(only_unknown),
};

const char *
vireo_domain_state_string(int state)
{
    return word((struct words)WORDS(states), state, "no state");
}

const char *
vireo_domain_state_reason_string(int state, int reason)
{
    if (state < 0 || state >= N_ELEMS(reasons))
        return "unknown";
    return word(reasons[state], reason, "unknown");
}

/* ---- Lifecycle events and their details --------------------------------- */

static const char *const event_types[] = {
    "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
    "Shutdown", "PMSuspended", "Crashed",
};

static const char *const defined_details[] = {
    "Added", "Updated", "Renamed", "Snapshot",
};

static const char *const undefined_details[] = { "Removed", "Renamed" };

static const char *const started_details[] = {
    "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
};

static const char *const suspended_details[] = {
    "Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot",
    "API error", "Post-copy", "Post-copy Error",
};

static const char *const resumed_details[] = {
    "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
};

static const char *const stopped_details[] = {
    "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
    "Snapshot",
};

static const char *const shutdown_details[] = {
    "Finished", "Finished after guest request", "Finished after host request",
};

static const char *const pmsuspended_details[] = { "Memory", "Disk" };

static const char *const crashed_details[] = { "Panicked", "Crashloaded" };

static const struct words details[] = {
    [VIR_DOMAIN_EVENT_DEFINED]     = WORDS(defined_details),
    [VIR_DOMAIN_EVENT_UNDEFINED]   = WORDS(undefined_details),
    [VIR_DOMAIN_EVENT_STARTED]     = WORDS(started_details),
    [VIR_DOMAIN_EVENT_SUSPENDED]   = WORDS(suspended_details),
    [VIR_DOMAIN_EVENT_RESUMED]     = WORDS(resumed_details),
    [VIR_DOMAIN_EVENT_STOPPED]     = WORDS(stopped_details),
    [VIR_DOMAIN_EVENT_SHUTDOWN]    = WORDS(shutdown_details),
    [VIR_DOMAIN_EVENT_PMSUSPENDED] = WORDS(pmsuspended_details),
    [VIR_DOMAIN_EVENT_CRASHED]     = WORDS(crashed_details),
};

const char *
vireo_domain_event_type_string(int event)
{
    return word((struct words)WORDS(event_types), event, "unknown");
}

const char *
vireo_domain_event_detail_string(int event, int detail)
{
    if (event < 0 || event >= N_ELEMS(details))
        return "unknown";
    return word(details[event], detail, "unknown");
}
