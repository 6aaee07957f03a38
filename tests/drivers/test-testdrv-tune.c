/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-tune.c: the test driver's tuning slots: which definition
 * each flag reaches (live, persistent, both), memory and vCPU sizes,
 * <memtune>, the fixed scheduler, title and description, renaming and
 * lifecycle actions, with libvirt's test driver's codes and messages (as
 * libvirtd 9.0 answers through virsh for test:///default).
 */
#include "tests/drivers/testdrv-helpers.h"

#define LIVE   VIR_DOMAIN_AFFECT_LIVE
#define CONFIG VIR_DOMAIN_AFFECT_CONFIG

static struct vireo_conn *conn;

static struct vireo_domain *
lookup(const char *name)
{
    struct vireo_error err = { 0 };

    return testdrv.domain_lookup_by_name(conn, name, &err);
}

static void
test_memory(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    int rc;

    tap_is_int(testdrv.domain_set_memory_flags(dom, 1000000, LIVE, &err), 0,
               "setmem --live on the running default domain");
    tap_ok(tdrv_xml_has(dom, 0, "<currentMemory unit='KiB'>1000000<"),
           "the live definition has the new size");
    tap_ok(tdrv_xml_has(dom, 2, "<currentMemory unit='KiB'>2097152<"),
           "the persistent one keeps its own");
    tap_is_int(testdrv.domain_set_memory_flags(dom, 1000, CONFIG, &err), 0,
               "setmem --config");
    tap_ok(tdrv_xml_has(dom, 2, "<currentMemory unit='KiB'>1000<"),
           "the persistent definition has it");
    rc = testdrv.domain_set_memory_flags(dom, 100000000, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "cannot set memory higher than max memory",
               "more than the maximum is refused");
    rc = testdrv.domain_set_memory_flags(dom, 5000000,
                                         VIR_DOMAIN_MEM_MAXIMUM, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID,
               "cannot resize the maximum memory on an active domain",
               "the live maximum cannot change");
    tap_is_int(testdrv.domain_set_memory_flags(
                   dom, 500, CONFIG | VIR_DOMAIN_MEM_MAXIMUM, &err), 0,
               "the persistent maximum can");
    tap_ok(tdrv_xml_has(dom, 2, "<memory unit='KiB'>500<") &&
           tdrv_xml_has(dom, 2, "<currentMemory unit='KiB'>500<"),
           "and the current size follows it down");
    rc = testdrv.domain_set_memory_flags(dom, 1, 8, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x8) in function testDomainSetMemoryFlags",
               "unknown flags are refused in libvirt's words");
}

static void
test_vcpus(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    int rc;

    tap_is_int(testdrv.domain_set_vcpus_flags(dom, 1, LIVE, &err), 0,
               "setvcpus 1");
    tap_ok(tdrv_xml_has(dom, 0, "<vcpu placement='static' current='1'>2</vcpu>"),
           "one of two vCPUs online");
    rc = testdrv.domain_set_vcpus_flags(dom, 3, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "requested cpu amount exceeds maximum (3 > 2)",
               "more than the maximum is refused");
    rc = testdrv.domain_set_vcpus_flags(dom, 40, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "requested cpu amount exceeds maximum supported amount "
               "(40 > 32)", "more than the hypervisor's 32 too");
    tap_is_int(testdrv.domain_set_vcpus_flags(
                   dom, 4, CONFIG | VIR_DOMAIN_VCPU_MAXIMUM, &err), 0,
               "a new persistent maximum");
    tap_ok(tdrv_xml_has(dom, 2, "<vcpu placement='static' current='2'>4</vcpu>"),
           "the vCPUs it adds are offline");
    rc = testdrv.domain_set_vcpus_flags(dom, 1, VIR_DOMAIN_VCPU_GUEST, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "unsupported flags (0x8)",
               "the guest agent's flag is not the test driver's");
}

static void
test_memtune(struct vireo_domain *dom)
{
    struct vireo_typed_params p = { 0 }, got = { 0 };
    struct vireo_error err = { 0 };
    int rc;

    tap_is_int(testdrv.domain_get_memory_params(dom, &got, 4, &err), 0,
               "memory parameters");
    tap_ok(got.n == 3 && strcmp(got.params[0].field, "hard_limit") == 0 &&
           got.params[0].value.ul == VIR_DOMAIN_MEMORY_PARAM_UNLIMITED,
           "three, unlimited at first");
    vireo_typed_params_clear(&got);
    vireo_typed_params_add_ullong(&p, "hard_limit", 1000, &err);
    tap_is_int(testdrv.domain_set_memory_params(dom, &p, CONFIG, &err), 0,
               "a hard limit for the next start");
    tap_ok(tdrv_xml_has(dom, 2, "<hard_limit unit='KiB'>1000</hard_limit>"),
           "<memtune> holds it");
    vireo_typed_params_add_ullong(&p, "swap_hard_limit", 500, &err);
    rc = testdrv.domain_set_memory_params(dom, &p, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "memory hard_limit tunable value must be lower than or equal "
               "to swap_hard_limit", "hard above swap is refused");
    vireo_typed_params_clear(&p);
    vireo_typed_params_add_ullong(&p, "min_guarantee", 5, &err);
    rc = testdrv.domain_set_memory_params(dom, &p, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "parameter 'min_guarantee' not supported",
               "min_guarantee is not a test driver parameter");
    vireo_typed_params_clear(&p);
}

static void
test_scheduler(struct vireo_domain *dom)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    int n = 0, rc;
    char *type = testdrv.domain_get_scheduler_type(dom, &n, &err);

    tap_is_str(type, "fair", "the scheduler is libvirt's 'fair'");
    tap_is_int(n, 1, "with one parameter");
    free(type);
    rc = testdrv.domain_get_scheduler_params(dom, &p, 0, &err);
    tap_ok(rc == 0 && p.n == 1 && p.params[0].value.ui == 50,
           "weight 50");
    vireo_typed_params_clear(&p);
    rc = testdrv.domain_get_scheduler_params(dom, &p, CONFIG | 4, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x6) in function "
               "testDomainGetSchedulerParametersFlags",
               "the scheduler takes no flags");
    vireo_typed_params_add_int(&p, "weight", 5, &err);
    rc = testdrv.domain_set_scheduler_params(dom, &p, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "weight",
               "a weight must be an unsigned int");
    vireo_typed_params_clear(&p);
}

static void
test_metadata(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    char *text;

    text = testdrv.domain_get_metadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL,
                                       0, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_NO_DOMAIN_METADATA,
           "no title at first: VIR_ERR_NO_DOMAIN_METADATA");
    memset(&err, 0, sizeof(err));
    tap_is_int(testdrv.domain_set_metadata(dom,
                   VIR_DOMAIN_METADATA_DESCRIPTION, "hello", NULL, NULL,
                   LIVE, &err), 0, "a live description");
    text = testdrv.domain_get_metadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION,
                                       NULL, 0, &err);
    tap_is_str(text, "hello", "read back");
    free(text);
    text = testdrv.domain_get_metadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION,
                                       NULL, CONFIG, &err);
    tap_ok(text == NULL, "the persistent definition has none");
    memset(&err, 0, sizeof(err));
    tap_is_int(testdrv.domain_set_metadata(dom, VIR_DOMAIN_METADATA_TITLE,
                   "T1", NULL, NULL, 0, &err), 0, "a title");
    tap_ok(tdrv_xml_has(dom, 0, "<title>T1</title>"), "in the XML");
    tap_is_int(testdrv.domain_set_metadata(dom, VIR_DOMAIN_METADATA_TITLE,
                   "", NULL, NULL, 0, &err), 0, "an empty title removes it");
    text = testdrv.domain_get_metadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL,
                                       0, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_NO_DOMAIN_METADATA, "gone");
    memset(&err, 0, sizeof(err));
}

/* Outputs as libvirtd 9.0 gives them for the same calls. */
static void
test_metadata_elements(struct vireo_domain *dom)
{
    const int element = VIR_DOMAIN_METADATA_ELEMENT;
    struct vireo_error err = { 0 };
    char *text;
    int rc;

    tap_is_int(testdrv.domain_set_metadata(dom, element,
                   "<foo><y:bar xmlns:y=\"urn:y\">t</y:bar><baz/></foo>",
                   "x", "http://x/", 0, &err), 0, "an element in http://x/");
    text = testdrv.domain_get_metadata(dom, element, "http://x/", 0, &err);
    tap_is_str(text, "<foo>\n  <y:bar xmlns:y=\"urn:y\">t</y:bar>\n"
               "  <baz/>\n</foo>", "comes back without its namespace");
    free(text);
    tap_ok(tdrv_xml_has(dom, 0, "  <metadata>\n    <x:foo xmlns:x=\"http://x/\">\n"
                   "      <y:bar xmlns:y=\"urn:y\">t</y:bar>\n"
                   "      <x:baz/>\n    </x:foo>\n  </metadata>\n"),
           "dumpxml writes it in its namespace, children too");
    rc = testdrv.domain_set_metadata(dom, element, "<b:x xmlns:b=\"urn:q\"/>",
                                     "b", "http://b/", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INTERNAL_ERROR,
               "failed to create a new XML namespace",
               "a prefix the element declares already is refused");
    rc = testdrv.domain_set_metadata(dom, element, "<foo>", "x", "http://x/",
                                     0, &err);
    tdrv_fails(rc, err, VIR_ERR_XML_DETAIL,
               "(metadata_xml):1: Premature end of data in tag foo line 1",
               "a document that does not parse is refused");
    tap_is_int(testdrv.domain_set_metadata(dom, element, NULL, NULL,
                                           "http://x/", 0, &err), 0,
               "removed");
    tap_ok(tdrv_xml_has(dom, 0, "  <metadata/>\n"), "an empty <metadata/> stays");
    text = testdrv.domain_get_metadata(dom, element, "http://x/", 0, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_NO_DOMAIN_METADATA,
           "the element is gone");
    memset(&err, 0, sizeof(err));
}

static void
test_lifecycle(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    int rc;

    tap_is_int(testdrv.domain_set_lifecycle_action(dom,
                   VIR_DOMAIN_LIFECYCLE_POWEROFF,
                   VIR_DOMAIN_LIFECYCLE_ACTION_RESTART, 0, &err), 0,
               "on_poweroff restart");
    tap_ok(tdrv_xml_has(dom, 0, "<on_poweroff>restart</on_poweroff>"),
           "in the live XML");
    tap_ok(tdrv_xml_has(dom, 2, "<on_poweroff>destroy</on_poweroff>"),
           "not in the persistent one");
    rc = testdrv.domain_set_lifecycle_action(dom, VIR_DOMAIN_LIFECYCLE_REBOOT,
             VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_CONFIG_UNSUPPORTED,
               "Lifecycle event 'reboot' doesn't support 'coredump-destroy' "
               "action", "a reboot cannot dump core");
    tap_is_int(testdrv.domain_set_lifecycle_action(dom,
                   VIR_DOMAIN_LIFECYCLE_CRASH,
                   VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME, CONFIG, &err),
               0, "on_crash rename-restart for the next start");
    tap_ok(tdrv_xml_has(dom, 2, "<on_crash>rename-restart</on_crash>"),
           "in the persistent XML");
}

static void
test_rename(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *other;
    int rc;

    rc = testdrv.domain_rename(dom, "x", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID,
               "cannot rename active domain", "a running domain keeps its name");
    testdrv.domain_destroy(dom, 0, &err);
    rc = testdrv.domain_rename(dom, "test", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID,
               "Can't rename domain to itself", "nor takes its own");
    rc = testdrv.domain_rename(dom, "a/b", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_XML_ERROR, "name a/b cannot contain '/'",
               "nor one with a slash");
    tap_is_int(testdrv.domain_rename(dom, "renamed", 0, &err), 0,
               "an inactive persistent domain is renamed");
    other = lookup("renamed");
    tap_ok(other != NULL && lookup("test") == NULL,
           "found by its new name only");
    tap_ok(other != NULL && tdrv_xml_has(other, 0, "<on_poweroff>destroy<"),
           "the persistent definition is the one that stays");
    handle_domain_unref(other);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;

    conn = tdrv_open("test:///default", &err);
    if (conn == NULL) {
        printf("1..1\nnot ok 1 - test:///default opens: %s\n", err.message);
        return 1;
    }
    dom = lookup("test");
    test_memory(dom);
    test_vcpus(dom);
    test_memtune(dom);
    test_scheduler(dom);
    test_metadata(dom);
    test_metadata_elements(dom);
    test_lifecycle(dom);
    test_rename(dom);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tdrv_done();
}
