/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-domain.c: the test driver's domain lifecycle through its
 * slots: legal transitions with their state and reason, illegal ones with
 * libvirt's codes and messages, definitions and their clashes, transient
 * versus persistent domains, autostart, ids and the INACTIVE XML.
 */
#include <time.h>

#include "tests/drivers/testdrv-helpers.h"

#define UUID_A "11111111-2222-3333-4444-555555555555"
#define UUID_B "11111111-2222-3333-4444-666666666666"

static struct vireo_conn *conn;

static struct vireo_domain *
lookup(const char *name)
{
    struct vireo_error err = { 0 };

    return testdrv.domain_lookup_by_name(conn, name, &err);
}

static void
sleep_ms(long ms)
{
    struct timespec ts = { 0, ms * 1000000L };

    nanosleep(&ts, NULL);
}

static void
test_default_domain(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = lookup("test");
    struct vireo_domain_info a, b;
    char *text;

    tap_ok(dom != NULL, "the default state holds 'test'");
    tap_is_int(dom->id, 1, "it runs with id 1");
    tap_is_str(tdrv_state(dom), "1/0",
               "running, reason unknown (libvirtd's pair)");
    tap_is_int(testdrv.domain_get_info(dom, &a, &err), 0, "get_info");
    tap_is_int(a.max_mem_kib, 8388608, "max memory");
    tap_is_int(a.memory_kib, 2097152, "current memory");
    tap_is_int(a.n_vcpus, 2, "2 vcpus");
    sleep_ms(5);
    testdrv.domain_get_info(dom, &b, &err);
    tap_ok(b.cpu_time_ns - a.cpu_time_ns >= 5000000ull,
           "cpu time is the wall clock, as libvirt's test driver gives it");
    text = testdrv.domain_get_os_type(dom, &err);
    tap_is_str(text, "linux",
               "the os type is always linux, as libvirt's test driver says");
    free(text);
    text = testdrv.domain_get_xml_desc(dom, 0, &err);
    tap_ok(text && strstr(text, "id='1'"), "live XML carries the id");
    tap_ok(text && strstr(text, "6695eb01-f6a4-8304-79aa-97f2502e193f"),
           "live XML carries libvirt's uuid");
    free(text);
    text = testdrv.domain_get_xml_desc(dom, VIR_DOMAIN_XML_INACTIVE, &err);
    tap_ok(text && !strstr(text, "id='1'"), "INACTIVE XML has no id");
    free(text);
    tap_is_int(testdrv.domain_is_persistent(dom, &err), 1, "persistent");
    handle_domain_unref(dom);
}

static void
test_running_paused_shutoff(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = lookup("test");
    struct vireo_domain_info a, b;

    tap_is_int(testdrv.domain_suspend(dom, &err), 0, "suspend");
    tap_is_str(tdrv_state(dom), "3/1", "paused (user)");
    tdrv_fails(testdrv.domain_suspend(dom, &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "internal error: domain 'test' not running", "suspend twice");
    testdrv.domain_get_info(dom, &a, &err);
    sleep_ms(3);
    testdrv.domain_get_info(dom, &b, &err);
    tap_ok(b.cpu_time_ns > a.cpu_time_ns, "the clock goes on while paused");
    tap_is_int(testdrv.domain_resume(dom, &err), 0, "resume");
    tap_is_str(tdrv_state(dom), "1/5", "running (unpaused)");
    tdrv_fails(testdrv.domain_resume(dom, &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "internal error: domain 'test' not paused",
               "resume a running domain");
    tap_is_int(testdrv.domain_reboot(dom, 0, &err), 0, "reboot");
    tap_is_int(dom->id, 1, "reboot keeps the id");
    tap_is_str(tdrv_state(dom), "1/1", "running (booted) after a reboot");
    testdrv.domain_suspend(dom, &err);
    tap_is_int(testdrv.domain_reboot(dom, 0, &err), 0,
               "a paused domain can be rebooted");
    tap_is_str(tdrv_state(dom), "1/1", "and runs again (booted)");
    testdrv.domain_get_info(dom, &a, &err);
    sleep_ms(3);
    testdrv.domain_get_info(dom, &b, &err);
    tap_ok(b.cpu_time_ns > a.cpu_time_ns, "and after a reboot");
    tap_is_int(testdrv.domain_destroy(dom, 0, &err), 0, "destroy");
    tap_is_str(tdrv_state(dom), "5/2", "shut off (destroyed)");
    tap_is_int(dom->id, -1, "the handle's id is refreshed to -1");
    tap_is_int(testdrv.domain_is_active(dom, &err), 0, "inactive");
    testdrv.domain_get_info(dom, &a, &err);
    tap_ok(a.cpu_time_ns > 1000000000ull * 1000000000ull,
           "and while shut off: seconds since the epoch");
    tdrv_fails(testdrv.domain_destroy(dom, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "destroy twice");
    tdrv_fails(testdrv.domain_suspend(dom, &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "internal error: domain 'test' not running",
               "suspend a shut-off domain");
    tdrv_fails(testdrv.domain_resume(dom, &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "internal error: domain 'test' not paused",
               "resume a shut-off domain");
    tdrv_fails(testdrv.domain_shutdown(dom, 0, &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "internal error: domain 'test' not running",
               "shutdown a shut-off domain");
    tdrv_fails(testdrv.domain_reboot(dom, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "reboot a shut-off domain");
    tap_is_int(testdrv.domain_create(dom, 0, &err), 0, "start");
    tap_is_str(tdrv_state(dom), "1/1", "running (booted)");
    tap_is_int(dom->id, 2, "a new id, never reused");
    tdrv_fails(testdrv.domain_create(dom, 0, &err), err,
               VIR_ERR_INTERNAL_ERROR, "' is already running",
               "start twice: libvirt's test driver's internal error");
    tap_is_int(testdrv.domain_shutdown(dom, 0, &err), 0, "shutdown");
    tap_is_str(tdrv_state(dom), "5/1", "shut off (shutdown)");
    tap_is_int(testdrv.domain_create(dom, VIR_DOMAIN_START_PAUSED, &err), 0,
               "start paused");
    tap_is_str(tdrv_state(dom), "3/11", "paused (starting up)");
    tap_is_int(dom->id, 3, "id 3");
    tap_is_int(testdrv.domain_shutdown(dom, 0, &err), 0,
               "a paused domain can be shut down");
    tap_is_str(tdrv_state(dom), "5/1", "shut off (shutdown)");
    handle_domain_unref(dom);
}

static void
test_define_clashes(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom, *again, *kvm;
    char *xml;

    dom = tdrv_define(conn, "vm1", UUID_A, &err);
    tap_ok(dom != NULL, "define vm1");
    tap_is_int(dom->id, -1, "defined domains have no id");
    tap_is_str(tdrv_state(dom), "5/0", "shut off (unknown)");
    tap_is_int(testdrv.domain_is_persistent(dom, &err), 1, "persistent");
    again = tdrv_define(conn, "vm1", UUID_A, &err);
    tap_ok(again != NULL, "define the same name and uuid again");
    handle_domain_unref(again);
    tdrv_fails(tdrv_define(conn, "vm1", UUID_B, &err) ? 0 : -1, err,
               VIR_ERR_OPERATION_FAILED,
               "operation failed: domain 'vm1' already exists with uuid "
               UUID_A, "same name, other uuid");
    tdrv_fails(tdrv_define(conn, "vm2", UUID_A, &err) ? 0 : -1, err,
               VIR_ERR_OPERATION_FAILED,
               "operation failed: domain 'vm1' is already defined with uuid "
               UUID_A, "same uuid, other name");
    /* libvirt's test driver runs every domain type. */
    xml = tdrv_xml("vm3", NULL, "kvm", 1024, NULL);
    kvm = testdrv.domain_define_xml(conn, xml, 0, &err);
    tap_ok(kvm != NULL, "a domain of type kvm is defined, as libvirt does");
    handle_domain_unref(kvm);
    free(xml);
    tdrv_fails(testdrv.domain_define_xml(conn, "<domain", 0, &err) ? 0 : -1,
               err, VIR_ERR_XML_DETAIL, "", "malformed XML refused");
    tdrv_fails(testdrv.domain_define_xml(conn, "<x/>",
                                         VIR_DOMAIN_DEFINE_VALIDATE, &err)
               ? 0 : -1, err, VIR_ERR_XML_INVALID_SCHEMA,
               "XML document failed to validate against schema: Unable to "
               "validate doc against /usr/share/libvirt/schemas/domain.rng\n"
               "Expecting element domain, got x\n",
               "define --validate refuses what libvirt's schema refuses");
    tdrv_fails(testdrv.domain_define_xml(conn, "<x/>", 2, &err) ? 0 : -1,
               err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x2) in function testDomainDefineXMLFlags",
               "unknown define flags");
    handle_domain_unref(dom);
}

static void
test_pending_config(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = lookup("vm1");
    char *xml, *live, *inactive;

    testdrv.domain_create(dom, 0, &err);
    xml = tdrv_xml("vm1", UUID_A, "test", 4096, NULL);
    handle_domain_unref(testdrv.domain_define_xml(conn, xml, 0, &err));
    free(xml);
    live = testdrv.domain_get_xml_desc(dom, 0, &err);
    inactive = testdrv.domain_get_xml_desc(dom, VIR_DOMAIN_XML_INACTIVE, &err);
    tap_ok(live && strstr(live, ">1024<"), "the live config is unchanged");
    tap_ok(inactive && strstr(inactive, ">4096<"),
           "INACTIVE shows the new persistent config");
    free(live);
    free(inactive);
    testdrv.domain_destroy(dom, 0, &err);
    live = testdrv.domain_get_xml_desc(dom, 0, &err);
    tap_ok(live && strstr(live, ">4096<"), "it applies once stopped");
    free(live);
    handle_domain_unref(dom);
}

static void
test_transient(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = lookup("vm1"), *tr;
    char *xml;

    testdrv.domain_create(dom, 0, &err);
    tap_is_int(testdrv.domain_undefine(dom, 0, &err), 0,
               "undefine a running persistent domain");
    tap_is_int(testdrv.domain_is_persistent(dom, &err), 0, "now transient");
    tap_is_int(testdrv.domain_is_active(dom, &err), 1, "still running");
    tap_is_int(testdrv.domain_undefine(dom, 0, &err), 0,
               "undefine it again, transient: libvirt's test driver allows it");
    tap_ok(testdrv.domain_is_persistent(dom, &err) == 0 &&
           testdrv.domain_is_active(dom, &err) == 1,
           "and it runs on, transient");
    tap_is_int(testdrv.domain_set_autostart(dom, 1, &err), 0,
               "autostart of a transient domain: libvirt's test driver sets it");
    tap_is_int(testdrv.domain_destroy(dom, 0, &err), 0, "destroy it");
    tdrv_fails(lookup("vm1") ? 0 : -1, err, 0, "", "and it is gone");
    tdrv_fails(testdrv.domain_get_state(dom, &(int){ 0 }, NULL, 0, &err),
               err, VIR_ERR_NO_DOMAIN,
               "Domain not found: no domain with matching uuid '" UUID_A
               "' (vm1)", "a stale handle names what it looked for");
    handle_domain_unref(dom);

    xml = tdrv_xml("tr1", UUID_B, "test", 1024, NULL);
    tr = testdrv.domain_create_xml(conn, xml, 0, &err);
    tap_ok(tr != NULL, "create_xml a transient domain");
    tap_is_str(tdrv_state(tr), "1/1", "running (booted)");
    tap_is_int(testdrv.domain_is_persistent(tr, &err), 0, "transient");
    tdrv_fails(testdrv.domain_create_xml(conn, xml, 0, &err) ? 0 : -1, err,
               VIR_ERR_OPERATION_INVALID, "domain 'tr1' is already active",
               "create_xml over a running domain");
    free(xml);
    tap_is_int(testdrv.domain_shutdown(tr, 0, &err), 0, "shut it down");
    tap_ok(lookup("tr1") == NULL, "a shut-down transient domain is gone");
    handle_domain_unref(tr);

    xml = tdrv_xml("tr2", NULL, "test", 1024, NULL);
    tr = testdrv.domain_create_xml(conn, xml, VIR_DOMAIN_START_PAUSED, &err);
    free(xml);
    tap_is_str(tdrv_state(tr), "3/11",
               "create_xml START_PAUSED: paused (starting up)");
    testdrv.domain_destroy(tr, 0, &err);
    handle_domain_unref(tr);
}

static void
test_create_over_inactive(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = tdrv_define(conn, "p1", UUID_A, &err), *run;
    char *xml = tdrv_xml("p1", UUID_A, "test", 8192, NULL), *text;

    run = testdrv.domain_create_xml(conn, xml, 0, &err);
    free(xml);
    tap_ok(run != NULL && run->id > 0, "create_xml runs a defined domain");
    tap_is_int(testdrv.domain_is_persistent(dom, &err), 1,
               "which stays persistent");
    text = testdrv.domain_get_xml_desc(dom, VIR_DOMAIN_XML_INACTIVE, &err);
    tap_ok(text && strstr(text, ">1024<"), "with its config kept");
    free(text);
    testdrv.domain_destroy(dom, 0, &err);
    text = testdrv.domain_get_xml_desc(dom, 0, &err);
    tap_ok(text && strstr(text, ">1024<"), "and back once stopped");
    free(text);
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(run);
    handle_domain_unref(dom);
}

static void
test_autostart_and_poweroff(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    char *xml;
    int autostart = -1;

    dom = tdrv_define(conn, "as1", NULL, &err);
    testdrv.domain_get_autostart(dom, &autostart, &err);
    tap_is_int(autostart, 0, "autostart starts off");
    tap_is_int(testdrv.domain_set_autostart(dom, 1, &err), 0, "enable it");
    testdrv.domain_get_autostart(dom, &autostart, &err);
    tap_is_int(autostart, 1, "autostart on");
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(dom);

    xml = tdrv_xml("pr", NULL, "test", 1024,
                   "<on_poweroff>restart</on_poweroff>"
                   "<on_reboot>destroy</on_reboot>");
    dom = testdrv.domain_define_xml(conn, xml, 0, &err);
    free(xml);
    tap_ok(dom != NULL, "define with on_poweroff restart, on_reboot destroy");
    testdrv.domain_create(dom, 0, &err);
    int first_id = dom->id;
    tap_is_int(testdrv.domain_shutdown(dom, 0, &err), 0, "shutdown");
    tap_is_str(tdrv_state(dom), "1/1", "on_poweroff restart: running again");
    tap_is_int(dom->id, first_id, "under the same id, as libvirt's does");
    tap_is_int(testdrv.domain_reboot(dom, 0, &err), 0, "reboot");
    tap_is_str(tdrv_state(dom), "5/1",
               "on_reboot destroy: shut off (shutdown)");
    tap_is_int(dom->id, -1, "with no id");
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(dom);

    xml = tdrv_xml("tr-rb", NULL, "test", 1024,
                   "<on_reboot>preserve</on_reboot>");
    dom = testdrv.domain_create_xml(conn, xml, 0, &err);
    free(xml);
    tap_is_int(testdrv.domain_reboot(dom, 0, &err), 0,
               "reboot a transient domain whose on_reboot stops it");
    tap_ok(lookup("tr-rb") == NULL, "and it is gone");
    handle_domain_unref(dom);
    dom = lookup("test");
    tdrv_fails(testdrv.domain_reboot(dom, 0x20, &err), err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x20) in function testDomainReboot",
               "unknown reboot flags");
    handle_domain_unref(dom);
}

static void
test_unknown_and_flags(void)
{
    struct vireo_error err = { 0 };
    unsigned char uuid[VIREO_UUID_BUFLEN] = { 0xde, 0xad };
    struct vireo_domain *dom;

    tdrv_fails(testdrv.domain_lookup_by_name(conn, "nope", &err) ? 0 : -1,
               err, VIR_ERR_NO_DOMAIN,
               "Domain not found", "unknown name");
    tap_ok(testdrv.domain_lookup_by_id(conn, 99, &err) == NULL &&
           strcmp(err.message, "Domain not found") == 0,
           "a missed lookup names nothing, as libvirt's test driver says");
    memset(&err, 0, sizeof(err));
    tdrv_fails(testdrv.domain_lookup_by_uuid(conn, uuid, &err) ? 0 : -1, err,
               VIR_ERR_NO_DOMAIN, "Domain not found", "unknown uuid");
    tdrv_fails(testdrv.domain_lookup_by_id(conn, 99, &err) ? 0 : -1, err,
               VIR_ERR_NO_DOMAIN, "Domain not found",
               "unknown id");
    tdrv_fails(testdrv.domain_lookup_by_id(conn, 1, &err) ? 0 : -1, err,
               VIR_ERR_NO_DOMAIN, "Domain not found",
               "ids of stopped domains are gone");
    dom = lookup("test");
    testdrv.domain_create(dom, 0, &err);
    struct vireo_domain *by_id = testdrv.domain_lookup_by_id(conn, dom->id,
                                                             &err);
    tap_ok(by_id != NULL && strcmp(by_id->name, "test") == 0,
           "lookup by the current id");
    handle_domain_unref(by_id);
    tdrv_fails(testdrv.domain_destroy(dom, 0x100, &err), err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x100) in function testDomainDestroyFlags",
               "unknown destroy flags");
    tdrv_fails(testdrv.domain_get_state(dom, &(int){ 0 }, NULL, 1, &err), err,
               VIR_ERR_INVALID_ARG, "unsupported flags (0x1)",
               "get_state takes no flags");
    tdrv_fails(testdrv.domain_get_xml_desc(dom, 4, &err) ? 0 : -1, err,
               VIR_ERR_INVALID_ARG, "unsupported flags (0x4)",
               "unknown XML flags");
    handle_domain_unref(dom);
}

int
main(void)
{
    struct vireo_error err = { 0 };

    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    test_default_domain();
    test_running_paused_shutoff();
    test_define_clashes();
    test_pending_config();
    test_transient();
    test_create_over_inactive();
    test_autostart_and_poweroff();
    test_unknown_and_flags();
    handle_conn_unref(conn);
    return tdrv_done();
}
