/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-domain-event-kinds.c: every kind of domain event reaches the
 * callbacks registered for its id, with its arguments in libvirt's order,
 * from copies the producer no longer needs; events of different kinds keep
 * the order they were queued in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/domain_event_payload.h"
#include "drivers/handle.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"
#include "tests/tap.h"

static const unsigned char uuid_a[VIREO_UUID_BUFLEN] = { 0xaa, 1 };

/* Owned by the main thread, which runs the loop: what was delivered. */
static char log_text[2048];
static int  n_delivered;

static void
record(struct vireo_domain *dom, const char *fmt, ...)
{
    size_t used = strlen(log_text);
    va_list ap;

    used += (size_t)snprintf(log_text + used, sizeof(log_text) - used,
                             "%s%s:", used ? "|" : "", dom->name);
    va_start(ap, fmt);
    vsnprintf(log_text + used, sizeof(log_text) - used, fmt, ap);
    va_end(ap);
    n_delivered++;
}

static const char *
or_null(const char *s)
{
    return s ? s : "(null)";
}

static void
on_lifecycle(struct vireo_conn *c, struct vireo_domain *d, int event,
             int detail, void *o)
{
    record(d, "lifecycle %d %d", event, detail);
}

static void
on_generic(struct vireo_conn *c, struct vireo_domain *d, void *o)
{
    record(d, "generic %d", *(int *)o);
}

static void
on_rtc(struct vireo_conn *c, struct vireo_domain *d, long long off, void *o)
{
    record(d, "rtc %lld", off);
}

static void
on_int(struct vireo_conn *c, struct vireo_domain *d, int v, void *o)
{
    record(d, "int %d %d", *(int *)o, v);
}

static void
on_io_error(struct vireo_conn *c, struct vireo_domain *d, const char *path,
            const char *alias, int action, void *o)
{
    record(d, "io %s %s %d", path, alias, action);
}

static void
on_io_error_reason(struct vireo_conn *c, struct vireo_domain *d,
                   const char *path, const char *alias, int action,
                   const char *reason, void *o)
{
    record(d, "ioreason %s %s %d %s", path, alias, action, reason);
}

static void
on_graphics(struct vireo_conn *c, struct vireo_domain *d, int phase,
            const struct vireo_domain_event_graphics_address *local,
            const struct vireo_domain_event_graphics_address *remote,
            const char *scheme,
            const struct vireo_domain_event_graphics_subject *subject,
            void *o)
{
    record(d, "graphics %d %d %s %s %d %s %s %s %d %s=%s", phase,
           local->family, local->node, local->service, remote->family,
           remote->node, remote->service, scheme, subject->n_identities,
           subject->identities[0].type, subject->identities[0].name);
}

static void
on_block_job(struct vireo_conn *c, struct vireo_domain *d, const char *disk,
             int type, int status, void *o)
{
    record(d, "blockjob%d %s %d %d", *(int *)o, disk, type, status);
}

static void
on_disk_change(struct vireo_conn *c, struct vireo_domain *d,
               const char *old_path, const char *new_path, const char *alias,
               int reason, void *o)
{
    record(d, "disk %s %s %s %d", or_null(old_path), or_null(new_path),
           alias, reason);
}

static void
on_tray(struct vireo_conn *c, struct vireo_domain *d, const char *alias,
        int reason, void *o)
{
    record(d, "tray %s %d", alias, reason);
}

static void
on_balloon(struct vireo_conn *c, struct vireo_domain *d,
           unsigned long long actual, void *o)
{
    record(d, "balloon %llu", actual);
}

static void
on_device(struct vireo_conn *c, struct vireo_domain *d, const char *alias,
          void *o)
{
    record(d, "device%d %s", *(int *)o, alias);
}

static void
on_params(struct vireo_conn *c, struct vireo_domain *d,
          const struct vireo_typed_param *params, int n, void *o)
{
    record(d, "params%d %d %s=%s %s=%llu", *(int *)o, n, params[0].field,
           params[0].value.s, params[1].field, params[1].value.ul);
}

static void
on_two_ints(struct vireo_conn *c, struct vireo_domain *d, int a, int b,
            void *o)
{
    record(d, "agent %d %d", a, b);
}

static void
on_metadata(struct vireo_conn *c, struct vireo_domain *d, int type,
            const char *nsuri, void *o)
{
    record(d, "metadata %d %s", type, or_null(nsuri));
}

static void
on_threshold(struct vireo_conn *c, struct vireo_domain *d, const char *dev,
             const char *path, unsigned long long threshold,
             unsigned long long excess, void *o)
{
    record(d, "threshold %s %s %llu %llu", dev, path, threshold, excess);
}

static void
on_memory_failure(struct vireo_conn *c, struct vireo_domain *d, int recipient,
                  int action, unsigned int flags, void *o)
{
    record(d, "memfail %d %d %u", recipient, action, flags);
}

static void
on_mem_size(struct vireo_conn *c, struct vireo_domain *d, const char *alias,
            unsigned long long size, void *o)
{
    record(d, "memsize %s %llu", alias, size);
}

/* The event id each registration is for doubles as its opaque, so that
 * callbacks shared by several ids say which one fired. */
static int ids[VIR_DOMAIN_EVENT_ID_LAST];

static const struct {
    int                           event_id;
    vireo_domain_event_generic_cb cb;
} registrations[] = {
    { VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle) },
    { VIR_DOMAIN_EVENT_ID_REBOOT, on_generic },
    { VIR_DOMAIN_EVENT_ID_RTC_CHANGE, VIREO_DOMAIN_EVENT_CALLBACK(on_rtc) },
    { VIR_DOMAIN_EVENT_ID_WATCHDOG, VIREO_DOMAIN_EVENT_CALLBACK(on_int) },
    { VIR_DOMAIN_EVENT_ID_IO_ERROR, VIREO_DOMAIN_EVENT_CALLBACK(on_io_error) },
    { VIR_DOMAIN_EVENT_ID_GRAPHICS, VIREO_DOMAIN_EVENT_CALLBACK(on_graphics) },
    { VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON,
      VIREO_DOMAIN_EVENT_CALLBACK(on_io_error_reason) },
    { VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, on_generic },
    { VIR_DOMAIN_EVENT_ID_BLOCK_JOB, VIREO_DOMAIN_EVENT_CALLBACK(on_block_job) },
    { VIR_DOMAIN_EVENT_ID_DISK_CHANGE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_disk_change) },
    { VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIREO_DOMAIN_EVENT_CALLBACK(on_tray) },
    { VIR_DOMAIN_EVENT_ID_PMWAKEUP, VIREO_DOMAIN_EVENT_CALLBACK(on_int) },
    { VIR_DOMAIN_EVENT_ID_PMSUSPEND, VIREO_DOMAIN_EVENT_CALLBACK(on_int) },
    { VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_balloon) },
    { VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, VIREO_DOMAIN_EVENT_CALLBACK(on_int) },
    { VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, VIREO_DOMAIN_EVENT_CALLBACK(on_device) },
    { VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2,
      VIREO_DOMAIN_EVENT_CALLBACK(on_block_job) },
    { VIR_DOMAIN_EVENT_ID_TUNABLE, VIREO_DOMAIN_EVENT_CALLBACK(on_params) },
    { VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_two_ints) },
    { VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIREO_DOMAIN_EVENT_CALLBACK(on_device) },
    { VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION,
      VIREO_DOMAIN_EVENT_CALLBACK(on_int) },
    { VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, VIREO_DOMAIN_EVENT_CALLBACK(on_params) },
    { VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED,
      VIREO_DOMAIN_EVENT_CALLBACK(on_device) },
    { VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_metadata) },
    { VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD,
      VIREO_DOMAIN_EVENT_CALLBACK(on_threshold) },
    { VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_memory_failure) },
    { VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_mem_size) },
};

#define N_REGISTRATIONS \
    ((int)(sizeof(registrations) / sizeof(registrations[0])))

static bool
register_every_id(struct domain_event_state *st, struct vireo_conn *conn)
{
    bool ok = true;

    for (int i = 0; i < N_REGISTRATIONS; i++) {
        int event_id = registrations[i].event_id;

        ids[event_id] = event_id;
        ok = domain_event_register(st, conn, NULL, event_id,
                                   registrations[i].cb, &ids[event_id], NULL,
                                   NULL) >= 0 && ok;
    }
    return ok;
}

/* Reset the log, run the loop until want deliveries, and compare. */
static void
expect(int want, const char *text, const char *what)
{
    event_wait_until(&n_delivered, want);
    tap_is_str(log_text, text, "%s", what);
    log_text[0] = '\0';
    n_delivered = 0;
}

/* The producer's strings are heap copies it frees at once after queuing:
 * the deliveries must not need them. */
static void
check_strings_are_copied(struct domain_event_state *st)
{
    char *alias = strdup("hostdev0");
    char *path = strdup("/var/lib/a.img");

    domain_event_queue_device_added(st, "a", uuid_a, 1, alias);
    domain_event_queue_device_removed(st, "a", uuid_a, 1, alias);
    domain_event_queue_device_removal_failed(st, "a", uuid_a, 1, alias);
    domain_event_queue_tray_change(st, "a", uuid_a, 1, alias, 1);
    domain_event_queue_disk_change(st, "a", uuid_a, 1, path, NULL, alias, 0);
    free(alias);
    free(path);
    expect(5, "a:device19 hostdev0|a:device15 hostdev0|a:device22 hostdev0|"
              "a:tray hostdev0 1|a:disk /var/lib/a.img (null) hostdev0 0",
           "device and tray events carry copies of the alias and paths");
}

static void
check_params(struct domain_event_state *st)
{
    struct vireo_typed_params p = { 0 };

    vireo_typed_params_add_string(&p, "cputune.vcpupin0", "0-1", NULL);
    vireo_typed_params_add_ullong(&p, "cputune.shares", 2048, NULL);
    domain_event_queue_tunable(st, "a", uuid_a, 1, &p);
    domain_event_queue_job_completed(st, "a", uuid_a, -1, &p);
    vireo_typed_params_clear(&p);
    expect(2, "a:params17 2 cputune.vcpupin0=0-1 cputune.shares=2048|"
              "a:params21 2 cputune.vcpupin0=0-1 cputune.shares=2048",
           "tunable and job-completed events carry a copy of the parameters");
}

static void
check_pairs(struct domain_event_state *st)
{
    domain_event_queue_block_job(st, "a", uuid_a, 1, "/a.img", "vda", 2, 0);
    domain_event_queue_block_job(st, "a", uuid_a, 1, NULL, "vdb", 1, 3);
    expect(3, "a:blockjob8 /a.img 2 0|a:blockjob16 vda 2 0|"
              "a:blockjob16 vdb 1 3",
           "a block job sends BLOCK_JOB by path and BLOCK_JOB_2 by target; "
           "a disk without a path sends only the second");
    domain_event_queue_io_error(st, "a", uuid_a, 1, "/a.img", "virtio-disk0",
                                1, "enospc");
    expect(2, "a:io /a.img virtio-disk0 1|"
              "a:ioreason /a.img virtio-disk0 1 enospc",
           "an I/O error sends IO_ERROR and IO_ERROR_REASON");
}

static void
check_numbers(struct domain_event_state *st)
{
    domain_event_queue_rtc_change(st, "a", uuid_a, 1, -3600);
    domain_event_queue_watchdog(st, "a", uuid_a, 1, 2);
    domain_event_queue_pm(st, VIR_DOMAIN_EVENT_ID_PMWAKEUP, "a", uuid_a, 1, 0);
    domain_event_queue_pm(st, VIR_DOMAIN_EVENT_ID_PMSUSPEND, "a", uuid_a, 1, 0);
    domain_event_queue_pm(st, VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, "a", uuid_a,
                          1, 0);
    domain_event_queue_balloon_change(st, "a", uuid_a, 1, 1ULL << 40);
    domain_event_queue_agent_lifecycle(st, "a", uuid_a, 1, 1, 2);
    domain_event_queue_migration_iteration(st, "a", uuid_a, 1, 7);
    domain_event_queue_memory_failure(st, "a", uuid_a, 1, 1, 2, 3u);
    domain_event_queue_memory_device_size_change(st, "a", uuid_a, 1, "dimm0",
                                                 524288);
    domain_event_queue_block_threshold(st, "a", uuid_a, 1, "vda[1]", "/b",
                                       1000, 24);
    domain_event_queue_control_error(st, "a", uuid_a, 1);
    domain_event_queue_reboot(st, "a", uuid_a, 1);
    expect(13, "a:rtc -3600|a:int 3 2|a:int 11 0|a:int 12 0|a:int 14 0|"
               "a:balloon 1099511627776|a:agent 1 2|a:int 20 7|"
               "a:memfail 1 2 3|a:memsize dimm0 524288|"
               "a:threshold vda[1] /b 1000 24|a:generic 7|a:generic 1",
           "numeric events keep their values, signs and 64 bits");
}

static void
check_graphics(struct domain_event_state *st)
{
    struct vireo_domain_event_graphics_identity who = { "x509dname", "CN=u" };
    struct domain_event_payload p = {
        .ints = { 1, 0, 1 }, .identities = &who, .n_identities = 1,
    };
    const char *strs[] = { "127.0.0.1", "5900", "::1", "40000", "vnc" };

    for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
        p.strs[i] = strdup(strs[i]);
    domain_event_queue(st, VIR_DOMAIN_EVENT_ID_GRAPHICS, "a", uuid_a, 1, &p);
    for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
        free(p.strs[i]);
    expect(1, "a:graphics 1 0 127.0.0.1 5900 1 ::1 40000 vnc 1 x509dname=CN=u",
           "a graphics event carries both addresses, its scheme and subject");
}

static void
check_order_across_kinds(struct domain_event_state *st)
{
    struct vireo_typed_params p = { 0 };

    vireo_typed_params_add_string(&p, "a", "b", NULL);
    vireo_typed_params_add_ullong(&p, "c", 1, NULL);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STARTED,
                                 0);
    domain_event_queue_metadata_change(st, "a", uuid_a, 1, 2, "http://x/");
    domain_event_queue_tunable(st, "a", uuid_a, 1, &p);
    domain_event_queue_metadata_change(st, "a", uuid_a, 1, 0, NULL);
    domain_event_queue_lifecycle(st, "a", uuid_a, -1,
                                 VIR_DOMAIN_EVENT_STOPPED, 1);
    vireo_typed_params_clear(&p);
    expect(5, "a:lifecycle 2 0|a:metadata 2 http://x/|a:params17 2 a=b c=1|"
              "a:metadata 0 (null)|a:lifecycle 5 1",
           "events of different kinds arrive in the order they were queued");
}

int
main(void)
{
    struct vireo_conn *conn = handle_conn_new("test:///default", false);
    struct domain_event_state *st = domain_event_state_new();

    tap_plan(8);
    if (!tap_ok(uv_impl_register() == 0 && register_every_id(st, conn),
                "a callback registers for each of libvirt's 27 event ids")) {
        domain_event_state_free(st);
        handle_conn_unref(conn);
        return tap_done();
    }
    check_strings_are_copied(st);
    check_params(st);
    check_pairs(st);
    check_numbers(st);
    check_graphics(st);
    check_order_across_kinds(st);
    domain_event_state_free(st);
    event_wait_settle();
    handle_conn_unref(conn);
    return tap_done();
}
