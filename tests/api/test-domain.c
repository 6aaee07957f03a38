/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-domain.c: every domain entry point through the test driver: the
 * lookups, a whole lifecycle, the queries, the local accessors, and the
 * argument checks in front of them. Expected answers and errors are those
 * libvirtd 9.0's test driver gives for the same calls.
 */
#include <stdlib.h>

#include "api-test.h"

static void
is_state(struct vireo_domain *dom, int want_state, int want_reason,
         const char *what)
{
    struct vireo_error err = { 0 };
    int state = -1, reason = -1;

    vireo_domain_get_state(dom, &state, &reason, 0, &err);
    if (!tap_ok(state == want_state && reason == want_reason, "%s", what))
        tap_diag("  got %s (%s): %s", vireo_domain_state_string(state),
                 vireo_domain_state_reason_string(state, reason),
                 err.message);
}

static void
test_lookups(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char uuid[VIREO_UUID_STRING_BUFLEN];
    unsigned char raw[VIREO_UUID_BUFLEN];
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);
    struct vireo_domain *other;

    tap_ok(dom != NULL && vireo_domain_get_id(dom) == 1,
           "the running test domain is found by name, with id 1");
    other = vireo_domain_lookup_by_id(conn, 1, &err);
    tap_is_str(vireo_domain_get_name(other), "test", "and by id");
    vireo_domain_free(other);
    vireo_domain_get_uuid(dom, raw);
    other = vireo_domain_lookup_by_uuid(conn, raw, &err);
    tap_is_str(vireo_domain_get_name(other), "test", "and by UUID");
    vireo_domain_free(other);
    vireo_domain_get_uuid_string(dom, uuid);
    other = vireo_domain_lookup_by_uuid_string(conn, uuid, &err);
    tap_is_str(vireo_domain_get_name(other), "test", "and by UUID string");
    vireo_domain_free(other);
    tap_ok(vireo_domain_get_conn(dom) == conn, "a handle knows its conn");
    vireo_domain_free(dom);
}

static void
test_lookup_failures(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };

    tap_ok(vireo_domain_lookup_by_name(conn, "nosuch", &err) == NULL,
           "an unknown name finds nothing");
    is_error_code(&err, VIR_ERR_NO_DOMAIN, "with VIR_ERR_NO_DOMAIN");
    tap_ok(vireo_domain_lookup_by_uuid_string(conn, "not-a-uuid", &err) ==
           NULL, "a malformed UUID string finds nothing");
    is_error(&err, VIR_ERR_INVALID_ARG, "Invalid UUID",
             "and says the UUID is not valid");
    tap_ok(vireo_domain_lookup_by_id(conn, -1, &err) == NULL,
           "a negative id is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "id in virDomainLookupByID must be zero or greater",
             "as libvirt words it");
    tap_ok(vireo_domain_lookup_by_name(conn, NULL, &err) == NULL,
           "a NULL name is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "name in virDomainLookupByName must not be NULL",
             "as libvirt words it");
    tap_ok(vireo_domain_lookup_by_name(NULL, "test", &err) == NULL,
           "a NULL conn finds nothing");
    is_error(&err, VIR_ERR_INVALID_CONN,
             "invalid connection pointer in virDomainLookupByName",
             "with VIR_ERR_INVALID_CONN");
}

static bool
list_has(struct vireo_conn *conn, unsigned flags, const char *name)
{
    struct vireo_error err = { 0 };
    struct vireo_domain **doms = NULL;
    int n = vireo_conn_list_all_domains(conn, &doms, flags, &err);
    bool found = false;

    for (int i = 0; i < n; i++) {
        found |= strcmp(vireo_domain_get_name(doms[i]), name) == 0;
        vireo_domain_free(doms[i]);
    }
    free(doms);
    return found;
}

static void
test_lifecycle_start(struct vireo_conn *conn, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };

    is_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN,
             "a defined domain is shut off");
    tap_ok(vireo_domain_is_active(dom, &err) == 0 &&
           vireo_domain_is_persistent(dom, &err) == 1,
           "it is inactive and persistent");
    tap_ok(list_has(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE, "vm1") &&
           !list_has(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE, "vm1"),
           "it is listed as inactive only");
    tap_ok(vireo_domain_suspend(dom, &err) < 0,
           "suspending a shut-off domain fails");
    is_error_code(&err, VIR_ERR_INTERNAL_ERROR,
                  "with libvirt's test driver's internal error");
    tap_is_int(vireo_domain_create(dom, 0, &err), 0, "it starts");
    tap_ok(vireo_domain_get_id(dom) > 0, "starting refreshes the handle's id");
    is_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED,
             "it is running (booted)");
}

static void
test_lifecycle_pause(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };

    tap_is_int(vireo_domain_suspend(dom, &err), 0, "it suspends");
    is_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER,
             "it is paused (user)");
    tap_is_int(vireo_domain_resume(dom, &err), 0, "it resumes");
    is_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED,
             "it is running (unpaused)");
}

static void
test_queries(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_info info;
    int autostart = -1;
    char *text;

    tap_ok(vireo_domain_get_info(dom, &info, &err) == 0 &&
           info.state == VIR_DOMAIN_RUNNING && info.n_vcpus == 1 &&
           info.max_mem_kib == 131072,
           "info says running, 1 vCPU, 131072 KiB");
    text = vireo_domain_get_xml_desc(dom, 0, &err);
    tap_ok(text != NULL && strstr(text, "<name>vm1</name>") != NULL,
           "its XML names it");
    free(text);
    text = vireo_domain_get_os_type(dom, &err);
    tap_is_str(text, "linux",
               "its OS type is linux, as libvirt's test driver says");
    free(text);
    tap_ok(vireo_domain_set_autostart(dom, 1, &err) == 0 &&
           vireo_domain_get_autostart(dom, &autostart, &err) == 0 &&
           autostart == 1, "autostart can be set and read back");
}

static void
test_lifecycle_end(struct vireo_conn *conn, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };

    tap_is_int(vireo_domain_destroy(dom, 0, &err), 0, "it is destroyed");
    is_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED,
             "it is shut off (destroyed)");
    tap_is_int(vireo_domain_get_id(dom), -1, "and has no id");
    tap_is_int(vireo_domain_undefine(dom, 0, &err), 0, "it is undefined");
    tap_ok(vireo_domain_lookup_by_name(conn, "vm1", &err) == NULL,
           "and is gone");
}

static void
test_lifecycle(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char xml[512];
    struct vireo_domain *dom =
        vireo_domain_define_xml(conn, domain_xml(xml, sizeof(xml), "vm1"), 0,
                                &err);

    if (!tap_ok(dom != NULL, "a domain is defined from XML"))
        tap_diag("  %s", err.message);
    test_lifecycle_start(conn, dom);
    test_lifecycle_pause(dom);
    test_queries(dom);
    test_lifecycle_end(conn, dom);
    vireo_domain_free(dom);
}

static void
test_transient(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char xml[512];
    struct vireo_domain *dom =
        vireo_domain_create_xml(conn, domain_xml(xml, sizeof(xml), "tr1"),
                                VIR_DOMAIN_START_PAUSED, &err);

    tap_ok(dom != NULL && vireo_domain_is_persistent(dom, &err) == 0,
           "create_xml makes a transient domain");
    is_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_STARTING_UP,
             "START_PAUSED leaves it paused (starting up)");
    tap_ok(vireo_domain_destroy(dom, 0, &err) == 0 &&
           vireo_domain_lookup_by_name(conn, "tr1", &err) == NULL,
           "destroying a transient domain removes it");
    vireo_domain_free(dom);
    tap_ok(vireo_domain_define_xml(conn, "<domain", 0, &err) == NULL,
           "malformed XML defines nothing");
    is_error_code(&err, VIR_ERR_XML_DETAIL,
                  "with VIR_ERR_XML_DETAIL, as libvirt reports ill-formed XML");
}

/* Managed save, snapshots and messages: the test hypervisor has none of
 * them for any domain, running or shut off, as libvirt's has none. */
static void
test_records(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);
    char xml[512];
    struct vireo_domain *off =
        vireo_domain_define_xml(conn, domain_xml(xml, sizeof(xml), "off1"), 0,
                                &err);
    static char *stale[] = { NULL };
    char **msgs = stale;    /* the call must reset it */

    tap_is_int(vireo_domain_has_managed_save_image(dom, 0, &err), 0,
               "a running domain has no managed save image");
    tap_is_int(vireo_domain_has_managed_save_image(off, 0, &err), 0,
               "nor has a shut-off one");
    tap_is_int(vireo_domain_snapshot_num(dom, 0, &err), 0,
               "a domain has no snapshots");
    tap_is_int(vireo_domain_snapshot_num(off,
                                         VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                                         VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
                                         &err), 0,
               "nor any with metadata, listed in topological order");
    tap_ok(vireo_domain_get_messages(dom, &msgs, 0, &err) == 0 &&
           msgs == NULL, "a domain has no messages, and *msgs is NULL");
    tap_ok(vireo_domain_get_messages(off, &msgs,
                                     VIR_DOMAIN_MESSAGE_DEPRECATION |
                                     VIR_DOMAIN_MESSAGE_TAINTING, &err) == 0 &&
           msgs == NULL, "neither deprecations nor tainting");
    vireo_domain_undefine(off, 0, &err);
    vireo_domain_free(off);
    vireo_domain_free(dom);
}

/* The errors of those calls, worded as libvirt's test driver and library
 * word them. */
static void
test_record_errors(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);
    char xml[512], gone_error[128], uuid[VIREO_UUID_STRING_BUFLEN];
    struct vireo_domain *gone =
        vireo_domain_define_xml(conn, domain_xml(xml, sizeof(xml), "gone"), 0,
                                &err);
    static char *stale[] = { NULL };
    char **msgs = NULL;

    vireo_domain_has_managed_save_image(dom, 1, &err);
    is_error(&err, VIR_ERR_INVALID_ARG, "unsupported flags (0x1) in "
             "function testDomainHasManagedSaveImage",
             "has_managed_save_image takes no flags");
    vireo_domain_snapshot_num(dom, 1u << 20, &err);
    is_error(&err, VIR_ERR_INVALID_ARG, "unsupported flags (0x100000) in "
             "function testDomainSnapshotNum",
             "snapshot_num refuses flags past the listing's");
    vireo_domain_get_messages(dom, &msgs, 4, &err);
    is_error(&err, VIR_ERR_INVALID_ARG, "unsupported flags (0x4) in "
             "function testDomainGetMessages",
             "get_messages refuses flags past tainting");

    vireo_domain_get_uuid_string(gone, uuid);
    snprintf(gone_error, sizeof(gone_error), "Domain not found: no domain "
             "with matching uuid '%s' (gone)", uuid);
    vireo_domain_undefine(gone, 0, &err);
    vireo_domain_has_managed_save_image(gone, 0, &err);
    is_error(&err, VIR_ERR_NO_DOMAIN, gone_error,
             "an undefined domain has no managed save image to ask about");
    tap_is_int(vireo_domain_snapshot_num(gone, 0, &err), -1,
               "nor snapshots");
    is_error(&err, VIR_ERR_NO_DOMAIN, gone_error, "the same error");
    tap_is_int(vireo_domain_get_messages(gone, &msgs, 0, &err), -1,
               "nor messages");
    is_error(&err, VIR_ERR_NO_DOMAIN, gone_error, "the same error again");

    vireo_domain_get_messages(dom, NULL, 0, &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "msgs in virDomainGetMessages must not be NULL",
             "a NULL msgs is refused as libvirt words it");
    vireo_domain_has_managed_save_image(NULL, 0, &err);
    is_error(&err, VIR_ERR_INVALID_DOMAIN,
             "invalid domain pointer in virDomainHasManagedSaveImage",
             "a NULL domain is refused, naming libvirt's function");
    vireo_domain_snapshot_num(NULL, 0, &err);
    is_error(&err, VIR_ERR_INVALID_DOMAIN,
             "invalid domain pointer in virDomainSnapshotNum", "by each");
    msgs = stale;
    vireo_domain_get_messages(NULL, &msgs, 0, &err);
    is_error(&err, VIR_ERR_INVALID_DOMAIN,
             "invalid domain pointer in virDomainGetMessages", "of them");
    tap_ok(msgs == NULL, "a failed get_messages leaves *msgs NULL");
    vireo_domain_free(gone);
    vireo_domain_free(dom);
}

/* Every domain entry point refuses a NULL handle the same way. */
static void
test_null_domain(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_info info;
    int i;
    bool all = vireo_domain_undefine(NULL, 0, &err) < 0 &&
               vireo_domain_create(NULL, 0, &err) < 0 &&
               vireo_domain_destroy(NULL, 0, &err) < 0 &&
               vireo_domain_shutdown(NULL, 0, &err) < 0 &&
               vireo_domain_reboot(NULL, 0, &err) < 0 &&
               vireo_domain_resume(NULL, &err) < 0 &&
               vireo_domain_get_info(NULL, &info, &err) < 0 &&
               vireo_domain_get_state(NULL, &i, &i, 0, &err) < 0 &&
               vireo_domain_get_xml_desc(NULL, 0, &err) == NULL &&
               vireo_domain_get_os_type(NULL, &err) == NULL &&
               vireo_domain_get_autostart(NULL, &i, &err) < 0 &&
               vireo_domain_set_autostart(NULL, 1, &err) < 0 &&
               vireo_domain_is_active(NULL, &err) < 0 &&
               vireo_domain_is_persistent(NULL, &err) < 0;

    tap_ok(all, "every domain call refuses a NULL domain");
    tap_ok(vireo_domain_suspend(NULL, &err) < 0, "suspend refuses it too");
    is_error(&err, VIR_ERR_INVALID_DOMAIN,
             "invalid domain pointer in virDomainSuspend",
             "with VIR_ERR_INVALID_DOMAIN naming the function");
    tap_ok(vireo_domain_get_name(NULL) == NULL &&
           vireo_domain_get_id(NULL) == -1 &&
           vireo_domain_get_conn(NULL) == NULL &&
           vireo_domain_ref(NULL) == NULL,
           "local accessors answer NULL/-1 for NULL");
    vireo_domain_free(NULL);
}

static void
test_null_arguments(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);

    tap_ok(vireo_domain_get_info(dom, NULL, &err) < 0,
           "a NULL info is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "info in virDomainGetInfo must not be NULL",
             "as libvirt words it");
    tap_ok(vireo_domain_get_state(dom, NULL, NULL, 0, &err) < 0,
           "a NULL state is refused");
    tap_ok(vireo_domain_define_xml(conn, NULL, 0, &err) == NULL,
           "a NULL XML is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "xml in virDomainDefineXML must not be NULL",
             "as libvirt words it");
    vireo_domain_free(dom);
}

/* A handle keeps its connection open after the caller's close. */
static void
test_handle_holds_conn(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);
    int state = -1;

    vireo_conn_close(conn);
    tap_ok(vireo_domain_get_state(dom, &state, NULL, 0, &err) == 0 &&
           state == VIR_DOMAIN_RUNNING,
           "a domain handle outlives the caller's close of its conn");
    vireo_domain_free(dom);
}

/* A handle's name changes with a rename, twice over, and is freed with
 * the handle (whether it is the name it was made with or a later one). */
static void
test_rename(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);

    vireo_domain_destroy(dom, 0, &err);
    tap_ok(vireo_domain_rename(dom, "renamed", 0, &err) == 0 &&
           strcmp(vireo_domain_get_name(dom), "renamed") == 0,
           "a renamed domain's handle has the new name");
    tap_ok(vireo_domain_rename(dom, "test", 0, &err) == 0 &&
           strcmp(vireo_domain_get_name(dom), "test") == 0,
           "and the name of a second rename");
    vireo_domain_create(dom, 0, &err);
    vireo_domain_free(dom);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);

    tap_plan(73);
    test_lookups(conn);
    test_lookup_failures(conn);
    test_lifecycle(conn);
    test_transient(conn);
    test_records(conn);
    test_record_errors(conn);
    test_null_domain();
    test_null_arguments(conn);
    test_handle_holds_conn();
    test_rename(conn);
    vireo_conn_close(conn);
    return tap_done();
}
