/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_event_print.c: each domain event printed as `virsh event` prints it,
 * one callback per event id, in libvirt's words. Without --loop only the
 * first event is printed, as in virsh.
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

#include "cmd_event.h"

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* names[i], or fallback for a value virsh has no word for. */
static const char *
word(const char *const *names, int n, int i, const char *fallback)
{
    return i >= 0 && i < n && names[i] != NULL ? names[i] : fallback;
}

#define WORD(names, i, fallback) word(names, N_OF(names), i, fallback)

/* virsh's raw timestamp: UTC, to the millisecond. */
static void
print_timestamp(void)
{
    struct timeval tv;
    struct tm tm;

    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    printf("%04d-%02d-%02d %02d:%02d:%02d.%03d+0000: ", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           (int)(tv.tv_usec / 1000));
}

void
cmd_event_print(struct event_watch *ew, const char *fmt, ...)
{
    struct waiter *w = ew->w;
    va_list ap;

    if (!w->is_loop && w->n_events > 0)
        return;
    if (w->has_timestamp)
        print_timestamp();
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fflush(stdout);
    w->n_events++;
    if (!w->is_loop)
        w->is_done = true;
}

static const char *
or_null(const char *s)
{
    return s != NULL ? s : "<null>";   /* libvirt's NULLSTR */
}

/* ---- One printer per kind ------------------------------------------------ */

static void
print_generic(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct event_watch *ew = opaque;

    cmd_event_print(ew, "event '%s' for domain '%s'\n", ew->name,
                vireo_domain_get_name(dom));
}

static void
print_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
                int detail, void *opaque)
{
    cmd_event_print(opaque, "event 'lifecycle' for domain '%s': %s %s\n",
                vireo_domain_get_name(dom),
                vireo_domain_event_type_string(event),
                vireo_domain_event_detail_string(event, detail));
}

static void
print_rtc_change(struct vireo_conn *conn, struct vireo_domain *dom,
                 long long utc_offset, void *opaque)
{
    cmd_event_print(opaque, "event 'rtc-change' for domain '%s': %lld\n",
                vireo_domain_get_name(dom), utc_offset);
}

static void
print_watchdog(struct vireo_conn *conn, struct vireo_domain *dom, int action,
               void *opaque)
{
    static const char *const actions[] = {
        "none", "pause", "reset", "poweroff", "shutdown", "debug",
        "inject-nmi",
    };

    cmd_event_print(opaque, "event 'watchdog' for domain '%s': %s\n",
                vireo_domain_get_name(dom),
                WORD(actions, action, "unknown"));
}

static const char *const io_error_actions[] = { "none", "pause", "report" };

static void
print_io_error(struct vireo_conn *conn, struct vireo_domain *dom,
               const char *src_path, const char *dev_alias, int action,
               void *opaque)
{
    cmd_event_print(opaque, "event 'io-error' for domain '%s': %s (%s) %s\n",
                vireo_domain_get_name(dom), src_path, dev_alias,
                WORD(io_error_actions, action, "unknown"));
}

static void
print_io_error_reason(struct vireo_conn *conn, struct vireo_domain *dom,
                      const char *src_path, const char *dev_alias, int action,
                      const char *reason, void *opaque)
{
    cmd_event_print(opaque,
                "event 'io-error' for domain '%s': %s (%s) %s due to %s\n",
                vireo_domain_get_name(dom), src_path, dev_alias,
                WORD(io_error_actions, action, "unknown"), reason);
}

static void
print_graphics(struct vireo_conn *conn, struct vireo_domain *dom, int phase,
               const struct vireo_domain_event_graphics_address *local,
               const struct vireo_domain_event_graphics_address *remote,
               const char *auth_scheme,
               const struct vireo_domain_event_graphics_subject *subject,
               void *opaque)
{
    static const char *const phases[] = {
        "connect", "initialize", "disconnect",
    };
    static const char *const families[] = { "IPv4", "IPv6", "unix" };
    struct event_watch *ew = opaque;
    int n_before = ew->w->n_events;

    cmd_event_print(ew, "event 'graphics' for domain '%s': %s local[%s %s %s] "
                "remote[%s %s %s] %s\n", vireo_domain_get_name(dom),
                WORD(phases, phase, "unknown"),
                WORD(families, local->family, "unknown"), local->node,
                local->service, WORD(families, remote->family, "unknown"),
                remote->node, remote->service, auth_scheme);
    if (ew->w->n_events == n_before)
        return;   /* not printed: neither are its identities */
    for (int i = 0; i < subject->n_identities; i++)
        printf("\t%s=%s\n", subject->identities[i].type,
               subject->identities[i].name);
    fflush(stdout);
}

static void
print_block_job(struct vireo_conn *conn, struct vireo_domain *dom,
                const char *disk, int type, int status, void *opaque)
{
    static const char *const types[] = {
        "Unknown job", "Block Pull", "Block Copy", "Block Commit",
        "Active Block Commit", "Backup",
    };
    static const char *const statuses[] = {
        "completed", "failed", "canceled", "ready",
    };
    struct event_watch *ew = opaque;

    cmd_event_print(ew, "event '%s' for domain '%s': %s for %s %s\n", ew->name,
                vireo_domain_get_name(dom), WORD(types, type, "Unknown job"),
                disk, WORD(statuses, status, "unknown"));
}

static void
print_disk_change(struct vireo_conn *conn, struct vireo_domain *dom,
                  const char *old_src_path, const char *new_src_path,
                  const char *dev_alias, int reason, void *opaque)
{
    static const char *const reasons[] = { "changed", "dropped" };

    cmd_event_print(opaque,
                "event 'disk-change' for domain '%s' disk %s: %s -> %s: %s\n",
                vireo_domain_get_name(dom), dev_alias, or_null(old_src_path),
                or_null(new_src_path), WORD(reasons, reason, "unknown"));
}

static void
print_tray_change(struct vireo_conn *conn, struct vireo_domain *dom,
                  const char *dev_alias, int reason, void *opaque)
{
    static const char *const reasons[] = { "opened", "closed" };

    cmd_event_print(opaque, "event 'tray-change' for domain '%s' disk %s: %s\n",
                vireo_domain_get_name(dom), dev_alias,
                WORD(reasons, reason, "unknown"));
}

/* libvirt defines no PM reasons: virsh prints them as generic events. */
static void
print_pm(struct vireo_conn *conn, struct vireo_domain *dom, int reason,
         void *opaque)
{
    print_generic(conn, dom, opaque);
}

static void
print_balloon_change(struct vireo_conn *conn, struct vireo_domain *dom,
                     unsigned long long actual_kib, void *opaque)
{
    cmd_event_print(opaque, "event 'balloon-change' for domain '%s': %lluKiB\n",
                vireo_domain_get_name(dom), actual_kib);
}

static void
print_device(struct vireo_conn *conn, struct vireo_domain *dom,
             const char *dev_alias, void *opaque)
{
    struct event_watch *ew = opaque;

    cmd_event_print(ew, "event '%s' for domain '%s': %s\n", ew->name,
                vireo_domain_get_name(dom), dev_alias);
}

/* A typed parameter's value as libvirt's virTypedParameterToString. */
static void
print_param_value(const struct vireo_typed_param *p)
{
    switch (p->type) {
    case VIREO_TYPED_PARAM_INT:     printf("%d", p->value.i); break;
    case VIREO_TYPED_PARAM_UINT:    printf("%u", p->value.ui); break;
    case VIREO_TYPED_PARAM_LLONG:   printf("%lld", p->value.l); break;
    case VIREO_TYPED_PARAM_ULLONG:  printf("%llu", p->value.ul); break;
    case VIREO_TYPED_PARAM_DOUBLE:  printf("%g", p->value.d); break;
    case VIREO_TYPED_PARAM_BOOLEAN: printf("%d", p->value.b); break;
    case VIREO_TYPED_PARAM_STRING:  printf("%s", p->value.s); break;
    }
}

/* tunable and job-completed: a heading, then one tabbed line a param. */
static void
print_params(struct vireo_conn *conn, struct vireo_domain *dom,
             const struct vireo_typed_param *params, int n_params,
             void *opaque)
{
    struct event_watch *ew = opaque;
    int n_before = ew->w->n_events;

    cmd_event_print(ew, "event '%s' for domain '%s':\n", ew->name,
                vireo_domain_get_name(dom));
    if (ew->w->n_events == n_before)
        return;
    for (int i = 0; i < n_params; i++) {
        printf("\t%s: ", params[i].field);
        print_param_value(&params[i]);
        printf("\n");
    }
    fflush(stdout);
}

static void
print_agent_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom,
                      int state, int reason, void *opaque)
{
    static const char *const states[] = {
        "unknown", "connected", "disconnected",
    };
    static const char *const reasons[] = {
        "unknown", "domain started", "channel event",
    };

    cmd_event_print(opaque, "event 'agent-lifecycle' for domain '%s': "
                "state: '%s' reason: '%s'\n", vireo_domain_get_name(dom),
                WORD(states, state, "unsupported value"),
                WORD(reasons, reason, "unsupported value"));
}

static void
print_migration_iteration(struct vireo_conn *conn, struct vireo_domain *dom,
                          int iteration, void *opaque)
{
    cmd_event_print(opaque, "event 'migration-iteration' for domain '%s': "
                "iteration: '%d'\n", vireo_domain_get_name(dom), iteration);
}

static void
print_metadata_change(struct vireo_conn *conn, struct vireo_domain *dom,
                      int type, const char *nsuri, void *opaque)
{
    static const char *const types[] = { "description", "title", "element" };

    cmd_event_print(opaque, "event 'metadata-change' for domain '%s': "
                "type %s, uri %s\n", vireo_domain_get_name(dom),
                WORD(types, type, "unsupported value"), or_null(nsuri));
}

static void
print_block_threshold(struct vireo_conn *conn, struct vireo_domain *dom,
                      const char *dev, const char *path,
                      unsigned long long threshold,
                      unsigned long long excess, void *opaque)
{
    cmd_event_print(opaque, "event 'block-threshold' for domain '%s': "
                "dev: %s(%s) %llu %llu\n", vireo_domain_get_name(dom), dev,
                or_null(path), threshold, excess);
}

static void
print_memory_failure(struct vireo_conn *conn, struct vireo_domain *dom,
                     int recipient, int action, unsigned int flags,
                     void *opaque)
{
    static const char *const recipients[] = { "hypervisor", "guest" };
    static const char *const actions[] = {
        "ignore", "inject", "fatal", "reset",
    };

    /* flags: 1 action required, 2 recursive. */
    cmd_event_print(opaque, "event 'memory-failure' for domain '%s':\n"
                "recipient: %s\naction: %s\n"
                "flags:\n\taction required: %d\n\trecursive: %d\n",
                vireo_domain_get_name(dom),
                WORD(recipients, recipient, "unsupported value"),
                WORD(actions, action, "unsupported value"),
                (flags & 1) != 0, (flags & 2) != 0);
}

static void
print_memory_device_size_change(struct vireo_conn *conn,
                                struct vireo_domain *dom, const char *alias,
                                unsigned long long size, void *opaque)
{
    cmd_event_print(opaque, "event 'memory-device-size-change' for domain '%s':\n"
                "alias: %s\nsize: %llu\n", vireo_domain_get_name(dom), alias,
                size);
}

/* ---- The table, in event id order ------------------------------------------ */

#define CB(fn) VIREO_DOMAIN_EVENT_CALLBACK(fn)

const struct event_kind event_kinds[VIR_DOMAIN_EVENT_ID_LAST] = {
    { "lifecycle",             CB(print_lifecycle) },
    { "reboot",                print_generic },
    { "rtc-change",            CB(print_rtc_change) },
    { "watchdog",              CB(print_watchdog) },
    { "io-error",              CB(print_io_error) },
    { "graphics",              CB(print_graphics) },
    { "io-error-reason",       CB(print_io_error_reason) },
    { "control-error",         print_generic },
    { "block-job",             CB(print_block_job) },
    { "disk-change",           CB(print_disk_change) },
    { "tray-change",           CB(print_tray_change) },
    { "pm-wakeup",             CB(print_pm) },
    { "pm-suspend",            CB(print_pm) },
    { "balloon-change",        CB(print_balloon_change) },
    { "pm-suspend-disk",       CB(print_pm) },
    { "device-removed",        CB(print_device) },
    { "block-job-2",           CB(print_block_job) },
    { "tunable",               CB(print_params) },
    { "agent-lifecycle",       CB(print_agent_lifecycle) },
    { "device-added",          CB(print_device) },
    { "migration-iteration",   CB(print_migration_iteration) },
    { "job-completed",         CB(print_params) },
    { "device-removal-failed", CB(print_device) },
    { "metadata-change",       CB(print_metadata_change) },
    { "block-threshold",       CB(print_block_threshold) },
    { "memory-failure",        CB(print_memory_failure) },
    { "memory-device-size-change", CB(print_memory_device_size_change) },
};
