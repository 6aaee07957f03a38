/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-proc-names.c: the remote program's number -> name -> libvirt API
 * table. The spot checks are names and error domains a private libvirtd
 * 9.0 sent back for calls its test driver lacks; the rest are properties
 * every line must have, and agreement with the procedure table vireo
 * decodes (procs.c).
 */
#include <string.h>

#include "tests/tap.h"
#include "wire/proc_names.h"
#include "wire/procs.h"

static bool
api_is(int number, const char *api)
{
    const char *got = wire_proc_api_name(number);

    return got != NULL && strcmp(got, api) == 0;
}

/* Seen from libvirtd: "this function is not supported by the connection
 * driver: <API>", code 3, from the error domain given. */
static void
test_libvirtd_answers(void)
{
    static const struct { int number; const char *api; int domain; } seen[] = {
        { 103, "virDomainBlockPeek", VIR_FROM_DOMAIN },
        { 135, "virConnectDomainXMLFromNative", VIR_FROM_DOMAIN },
        { 207, "virDomainMigrateSetMaxSpeed", VIR_FROM_DOMAIN },
        { 250, "virNodeSuspendForDuration", VIR_FROM_DOMAIN },
        { 286, "virConnectListAllNWFilters", VIR_FROM_NWFILTER },
        { 287, "virConnectListAllSecrets", VIR_FROM_SECRET },
        { 395, "virNodeGetSEVInfo", VIR_FROM_DOMAIN },
        { 422, "virDomainBackupGetXMLDesc", VIR_FROM_DOMAIN },
        { 443, "virDomainFDAssociate", VIR_FROM_DOMAIN },
    };
    int n_bad = 0;

    for (size_t i = 0; i < sizeof(seen) / sizeof(seen[0]); i++) {
        struct vireo_error err = { 0 };
        char want[256];

        snprintf(want, sizeof(want),
                 "this function is not supported by the connection driver: %s",
                 seen[i].api);
        if (!api_is(seen[i].number, seen[i].api) ||
            wire_error_not_supported(&err, seen[i].number) != -1 ||
            err.code != VIR_ERR_NO_SUPPORT || err.domain != seen[i].domain ||
            strcmp(err.message, want) != 0) {
            tap_diag("%d: %s (%d) %s", seen[i].number, err.message,
                     err.domain, wire_proc_api_name(seen[i].number));
            n_bad++;
        }
    }
    tap_ok(n_bad == 0, "the APIs and error domains libvirtd named for %zu "
           "unserved calls", sizeof(seen) / sizeof(seen[0]));
}

static void
test_acronyms(void)
{
    tap_ok(api_is(14, "virDomainGetXMLDesc") && api_is(110, "virConnectGetURI") &&
           api_is(19, "virDomainGetOSType") && api_is(210, "virDomainInjectNMI") &&
           api_is(335, "virDomainFSFreeze") && api_is(349, "virDomainGetFSInfo") &&
           api_is(351, "virDomainGetIOThreadInfo") &&
           api_is(129, "virInterfaceLookupByMACString") &&
           api_is(297, "virNodeDeviceLookupSCSIHostByWWN") &&
           api_is(424, "virDomainAuthorizedSSHKeysGet") &&
           api_is(253, "virDomainGetBlockIoTune"),
           "acronyms are spelt as libvirt's API spells them");
    tap_ok(api_is(316, "virConnectDomainEventRegisterAny") &&
           api_is(317, "virConnectDomainEventDeregisterAny"),
           "callback-style event registrations call the ...Any APIs");
}

/* Seen from libvirtd too: libvirt-qemu's and libvirt-lxc's calls report
 * from VIR_FROM_NONE. */
static void
test_other_programs(void)
{
    struct vireo_error qemu = { 0 }, lxc = { 0 }, event = { .code = 42 };

    tap_ok(wire_error_not_supported_in(&qemu, WIRE_QEMU_PROGRAM, 3) == -1 &&
           qemu.code == VIR_ERR_NO_SUPPORT && qemu.domain == VIR_FROM_NONE &&
           strcmp(qemu.message, "this function is not supported by the "
                  "connection driver: virDomainQemuAgentCommand") == 0 &&
           wire_error_not_supported_in(&lxc, WIRE_LXC_PROGRAM, 1) == -1 &&
           lxc.domain == VIR_FROM_NONE &&
           strcmp(lxc.message, "this function is not supported by the "
                  "connection driver: virDomainLxcOpenNamespace") == 0,
           "the QEMU and LXC programs' calls have theirs");
    tap_ok(wire_error_not_supported_in(&event, WIRE_QEMU_PROGRAM, 6) == 0 &&
           wire_error_not_supported_in(&event, WIRE_QEMU_PROGRAM, 8) == 0 &&
           wire_error_not_supported_in(&event, WIRE_LXC_PROGRAM, 2) == 0 &&
           wire_error_not_supported_in(&event, 0x1234, 1) == 0 &&
           event.code == 42,
           "their event message, numbers past theirs and other programs have "
           "none");
}

static void
test_not_calls(void)
{
    struct vireo_error err = { .code = 42 };

    tap_ok(wire_proc_api_name(107) == NULL && wire_proc_api_name(318) == NULL &&
           wire_proc_api_name(362) == NULL && wire_proc_api_name(1) == NULL &&
           wire_proc_api_name(69) == NULL,
           "event messages and the RPC layer's own procedures have no API");
    tap_ok(wire_error_not_supported(&err, 107) == 0 && err.code == 42,
           "... and no not-supported error: err is left alone");
    tap_ok(wire_proc_name(0) == NULL && wire_proc_name(444) == NULL &&
           wire_proc_api_name(-1) == NULL && wire_proc_api_name(444) == NULL,
           "numbers outside 1 ... 443 have nothing");
}

/* Every number has a name; every API is vir + CamelCase; and for every
 * procedure vireo decodes, both tables give the same name. */
static void
test_whole_table(void)
{
    int n_named = 0, n_apis = 0, n_bad = 0, n_agree = 0, n_known = 0;

    for (int n = 1; n <= WIRE_PROC_MAX; n++) {
        const char *name = wire_proc_name(n), *api = wire_proc_api_name(n);
        const struct wire_proc *p = wire_proc_lookup(n);

        n_named += name != NULL;
        n_apis += api != NULL;
        if (api != NULL && (strncmp(api, "vir", 3) != 0 ||
                            api[3] < 'A' || api[3] > 'Z'))
            n_bad++;
        if (p != NULL) {
            n_known++;
            n_agree += name != NULL && strcmp(p->name, name) == 0;
        }
    }
    tap_is_int(n_named, WIRE_PROC_MAX, "all %d procedures have a name",
               WIRE_PROC_MAX);
    tap_is_int(n_apis, 385, "385 of them are API calls (the others: 51 "
               "event messages, open, close and 5 authentication steps)");
    tap_is_int(n_bad, 0, "every API name is vir + CamelCase");
    tap_is_int(n_agree, n_known, "the %d procedures vireo decodes have the "
               "same names in both tables", n_known);
}

int
main(void)
{
    tap_plan(12);
    test_libvirtd_answers();
    test_acronyms();
    test_other_programs();
    test_not_calls();
    test_whole_table();
    return tap_done();
}
