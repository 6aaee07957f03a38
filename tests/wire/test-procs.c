/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-procs.c: the procedure table agrees with the spec's tables, and the
 * event id table with §5.7.
 */
#include "tests/tap.h"
#include "tests/wire/spec_procs.h"
#include "wire/procs.h"

static bool
is(int number, const char *name, bool is_high, bool is_write, bool pre_open)
{
    const struct wire_proc *p = wire_proc_lookup(number);

    return p && p->number == number && strcmp(p->name, name) == 0 &&
           p->is_high_priority == is_high && p->is_write == is_write &&
           p->is_allowed_before_open == pre_open;
}

/* The procedures of devices and guest operations: each a low-priority
 * write, as libvirt refuses them all on a read-only connection. */
static const struct {
    int         number;
    const char *name;
} device_procs[] = {
    { 8,   "DOMAIN_ATTACH_DEVICE" },
    { 13,  "DOMAIN_DETACH_DEVICE" },
    { 160, "DOMAIN_ATTACH_DEVICE_FLAGS" },
    { 161, "DOMAIN_DETACH_DEVICE_FLAGS" },
    { 174, "DOMAIN_UPDATE_DEVICE_FLAGS" },
    { 210, "DOMAIN_INJECT_NMI" },
    { 226, "DOMAIN_SEND_KEY" },
    { 277, "DOMAIN_GET_HOSTNAME" },
    { 294, "DOMAIN_FSTRIM" },
    { 295, "DOMAIN_SEND_PROCESS_SIGNAL" },
    { 335, "DOMAIN_FSFREEZE" },
    { 336, "DOMAIN_FSTHAW" },
    { 337, "DOMAIN_GET_TIME" },
    { 338, "DOMAIN_SET_TIME" },
    { 349, "DOMAIN_GET_FSINFO" },
    { 357, "DOMAIN_SET_USER_PASSWORD" },
    { 392, "DOMAIN_DETACH_DEVICE_ALIAS" },
    { 396, "DOMAIN_GET_LAUNCH_SECURITY_INFO" },
};

#define N_DEVICE_PROCS (int)(sizeof(device_procs) / sizeof(device_procs[0]))

static bool
is_device_proc(int number)
{
    for (int i = 0; i < N_DEVICE_PROCS; i++)
        if (device_procs[i].number == number)
            return true;
    return false;
}

static void
check_device_procs(void)
{
    int bad = 0;

    for (int i = 0; i < N_DEVICE_PROCS; i++) {
        const struct wire_proc *p = wire_proc_lookup(device_procs[i].number);

        bad += !is(device_procs[i].number, device_procs[i].name, false, true,
                   false) ||
               p->kind != WIRE_PROC_CALL || p->is_stream;
    }
    tap_is_int(bad, 0, "the 18 device and guest calls are low-priority "
               "writes with libvirt's numbers and names");
}

static void
check_table(void)
{
    int n_known = 0, n_write = 0, n_pre_open = 0, n_events = 0, bad = 0;

    for (int n = -1; n <= WIRE_PROC_MAX + 1; n++) {
        const struct wire_proc *p = wire_proc_lookup(n);

        if (p == NULL || is_device_proc(n))
            continue;
        bad += p->number != n || p->args.proc == NULL || p->ret.proc == NULL ||
               p->msg.proc == NULL ||
               (p->kind == WIRE_PROC_EVENT) != (p->msg.size > 0);
        if (!is_spec_proc(n))
            continue;
        n_known++;
        n_write += p->is_write;
        n_pre_open += p->is_allowed_before_open;
        n_events += p->kind == WIRE_PROC_EVENT;
    }
    tap_is_int(n_known, 69, "the 69 procedures of §5: 63 calls of §5.1-§5.6, "
               "OPEN_CONSOLE, 5 events");
    tap_is_int(n_events, 5, "5 of them are event messages");
    tap_is_int(n_write, 17, "the 16 lifecycle calls of §5.3 and OPEN_CONSOLE "
               "need write access");
    tap_is_int(n_pre_open, 4, "4 calls are answered before CONNECT_OPEN");
    tap_is_int(bad, 0, "each entry has its own number and complete payloads");
}

/* Consoles and libvirt's QEMU program. */
static void
check_console_and_qemu(void)
{
    const struct wire_proc *p = wire_proc_lookup(201);
    const struct wire_proc *q = wire_proc_find(WIRE_QEMU_PROGRAM, 1);

    tap_ok(is(201, "DOMAIN_OPEN_CONSOLE", false, true, false) && p->is_stream,
           "201 is DOMAIN_OPEN_CONSOLE, low priority, a write, and opens a "
           "stream");
    tap_is_int(wire_proc_find(WIRE_REMOTE_PROGRAM, 201) == p, 1,
               "finding it by program gives the same entry");
    tap_ok(q != NULL && q->prog == WIRE_QEMU_PROGRAM && q->number == 1 &&
           q->kind == WIRE_PROC_CALL && q->is_write && !q->is_stream &&
           strcmp(q->api, "virDomainQemuMonitorCommand") == 0,
           "QEMU program procedure 1 is the monitor command, a write named "
           "as libvirt names it");
    tap_ok(wire_proc_find(WIRE_QEMU_PROGRAM, 0) == NULL &&
           wire_proc_find(WIRE_QEMU_PROGRAM, 2) == NULL &&
           wire_proc_find(WIRE_KEEPALIVE_PROGRAM, 1) == NULL &&
           wire_proc_find(0x00068000, 1) == NULL,
           "other QEMU procedures, keepalive and lxc have no entry");
    tap_ok(wire_program_has_version(WIRE_QEMU_PROGRAM, 1) &&
           !wire_program_has_version(WIRE_QEMU_PROGRAM, 2) &&
           wire_program_is_known(WIRE_KEEPALIVE_PROGRAM) &&
           !wire_program_is_known(0x00068000),
           "the QEMU program is known in version 1 only; lxc is unknown");
}

int
main(void)
{
    tap_plan(27);
    check_table();
    check_device_procs();
    check_console_and_qemu();
    tap_ok(is(1, "CONNECT_OPEN", true, false, true), "1 is CONNECT_OPEN");
    tap_ok(is(66, "AUTH_LIST", true, false, true), "66 is AUTH_LIST, pre-open");
    tap_ok(is(60, "CONNECT_SUPPORTS_FEATURE", true, false, true),
           "60 is CONNECT_SUPPORTS_FEATURE, pre-open");
    tap_ok(is(7, "CONNECT_GET_CAPABILITIES", false, false, false),
           "7 is CONNECT_GET_CAPABILITIES, low priority");
    tap_ok(is(9, "DOMAIN_CREATE", false, true, false),
           "9 is DOMAIN_CREATE, low priority, a write");
    tap_ok(is(11, "DOMAIN_DEFINE_XML", true, true, false),
           "11 is DOMAIN_DEFINE_XML, high priority, a write");
    tap_ok(is(316, "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY", true, false,
              false), "316 registers events, allowed read-only");
    tap_ok(wire_proc_lookup(318)->kind == WIRE_PROC_EVENT,
           "318 is an event message");
    tap_ok(wire_proc_lookup(0) == NULL && wire_proc_lookup(148) == NULL &&
           wire_proc_lookup(444) == NULL && wire_proc_lookup(-1) == NULL &&
           wire_proc_lookup(1 << 30) == NULL,
           "0, 148, 444, -1 and 2^30 are unknown");

    tap_is_int(wire_event_callback_proc(0), 318, "lifecycle events go as 318");
    tap_is_int(wire_event_legacy_proc(0), 107, "or, legacy, as 107");
    tap_is_int(wire_event_callback_proc(1), 319, "reboot events go as 319");
    tap_is_int(wire_event_legacy_proc(15), 311, "id 15's legacy message is 311");
    tap_is_int(wire_event_legacy_proc(16), 0, "id 16 has no legacy message");
    tap_is_int(wire_event_callback_proc(26), 438, "id 26 goes as 438");
    tap_ok(wire_event_callback_proc(27) == -1 && wire_event_legacy_proc(-1) == -1,
           "ids 27 and -1 are unknown");
    return tap_done();
}
