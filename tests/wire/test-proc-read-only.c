/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-proc-read-only.c: which calls libvirt's API refuses on a read-only
 * connection. The spot checks are answers a private libvirtd 9.0 sent on
 * a connection opened with VIR_CONNECT_RO; the rest are properties every
 * entry must have, and agreement with the procedure table vireo decodes
 * (procs.c): what vireo counts as a write, libvirt refuses too.
 */
#include <string.h>

#include "tests/tap.h"
#include "wire/frame.h"
#include "wire/proc_names.h"
#include "wire/proc_read_only.h"
#include "wire/procs.h"

/* Whether the refusal of (prog, number) is libvirtd's: code 29,
 * "operation forbidden: read only access prevents <api>", from domain. */
static bool
refusal_is(uint32_t prog, int number, const char *api, int domain)
{
    struct vireo_error err = { 0 };
    const char *prefix = "operation forbidden: read only access prevents ";
    bool is_same;

    if (wire_error_read_only_in(&err, prog, number) != -1)
        return false;
    is_same = err.code == VIR_ERR_OPERATION_DENIED && err.domain == domain &&
              strncmp(err.message, prefix, strlen(prefix)) == 0 &&
              strcmp(err.message + strlen(prefix), api) == 0;
    if (!is_same)
        tap_diag("%d: %d %d %s", number, err.code, err.domain, err.message);
    return is_same;
}

/* Seen from libvirtd on a connection opened with VIR_CONNECT_RO. */
static void
test_libvirtd_refusals(void)
{
    tap_ok(refusal_is(WIRE_REMOTE_PROGRAM, 135,
                      "virConnectDomainXMLFromNative", VIR_FROM_DOMAIN) &&
           refusal_is(WIRE_REMOTE_PROGRAM, 250, "virNodeSuspendForDuration",
                      VIR_FROM_DOMAIN) &&
           refusal_is(WIRE_REMOTE_PROGRAM, 142, "virSecretDefineXML",
                      VIR_FROM_SECRET) &&
           refusal_is(WIRE_REMOTE_PROGRAM, 443, "virDomainFDAssociate",
                      VIR_FROM_DOMAIN),
           "calls that change something are refused in libvirtd's words");
    tap_ok(refusal_is(WIRE_REMOTE_PROGRAM, 103, "virDomainBlockPeek",
                      VIR_FROM_DOMAIN) &&
           refusal_is(WIRE_REMOTE_PROGRAM, 395, "virNodeGetSEVInfo",
                      VIR_FROM_DOMAIN) &&
           refusal_is(WIRE_REMOTE_PROGRAM, 235,
                      "virDomainSaveImageGetXMLDesc", VIR_FROM_DOMAIN),
           "and so are a few that only read");
    tap_ok(refusal_is(WIRE_QEMU_PROGRAM, 3, "virDomainQemuAgentCommand",
                      VIR_FROM_NONE) &&
           refusal_is(WIRE_LXC_PROGRAM, 1, "virDomainLxcOpenNamespace",
                      VIR_FROM_NONE),
           "the QEMU and LXC programs' calls, from no error domain");
}

/* Seen from libvirtd: these went on to the driver ("not supported"). */
static void
test_libvirtd_allowances(void)
{
    struct vireo_error err = { 0 };

    tap_ok(!wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM, 422) &&
           !wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM, 287) &&
           !wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM, 3),
           "a backup's XML, the secret list and the driver type are read");
    tap_ok(wire_error_read_only_in(&err, WIRE_REMOTE_PROGRAM, 422) == 0 &&
           err.code == 0, "and their error is left alone");
    tap_ok(!wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM, -1) &&
           !wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM,
                                        WIRE_PROC_MAX + 1) &&
           !wire_proc_refuses_read_only(WIRE_QEMU_PROGRAM, 99) &&
           !wire_proc_refuses_read_only(WIRE_KEEPALIVE_PROGRAM, 1),
           "numbers and programs beyond libvirt's are not refused");
}

static void
test_every_entry(void)
{
    int n_refused = 0, n_no_api = 0, n_write_allowed = 0;

    for (int n = 1; n <= WIRE_PROC_MAX; n++) {
        const struct wire_proc *proc = wire_proc_lookup(n);
        bool is_refused = wire_proc_refuses_read_only(WIRE_REMOTE_PROGRAM, n);

        n_refused += is_refused;
        if (is_refused && wire_proc_api_name(n) == NULL) {
            tap_diag("%d is refused but has no API", n);
            n_no_api++;
        }
        if (proc != NULL && proc->is_write && !is_refused) {
            tap_diag("%d (%s) is a write for vireo, not for libvirt", n,
                     proc->name);
            n_write_allowed++;
        }
    }
    tap_ok(n_refused > 190, "libvirt refuses many calls (%d)", n_refused);
    tap_is_int(n_no_api, 0, "each refused procedure has its API's name");
    tap_is_int(n_write_allowed, 0,
               "every call vireo counts as a write, libvirt refuses too");
}

int
main(void)
{
    test_libvirtd_refusals();
    test_libvirtd_allowances();
    test_every_entry();
    return tap_done();
}
