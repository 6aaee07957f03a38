/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-nosupport.c: the entry points against a driver table of our own
 * that fills almost no slot: each answers VIR_ERR_NO_SUPPORT naming the
 * libvirt function, never crashes; and a driver whose open fails is never
 * asked to close.
 *
 * Linked with the library's internals (not libvireo.so) to install the
 * table, as registry_install() allows tests to do.
 */
#include <stdlib.h>

#include "api-test.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/registry.h"

static int n_closes;

static int
tiny_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
          struct vireo_error *err)
{
    return 0;
}

static void
tiny_close(struct vireo_conn *conn)
{
    n_closes++;
}

static int
broken_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
            struct vireo_error *err)
{
    return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE, "%s",
                     "no luck");
}

static const char *const tiny_schemes[] = { "tiny", NULL };
static const char *const broken_schemes[] = { "broken", NULL };

static const struct driver tiny = {
    .name = "tiny", .schemes = tiny_schemes,
    .open = tiny_open, .close = tiny_close,
};

static const struct driver broken = {
    .name = "broken", .schemes = broken_schemes,
    .open = broken_open, .close = tiny_close,
};

static const struct driver *const drivers[] = { &tiny, &broken, NULL };

#define NO_SUPPORT(func) \
    "this function is not supported by the connection driver: " func

static void
test_host(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    unsigned long long version = 0;
    struct vireo_node_info info;

    vireo_conn_get_type(conn, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT("virConnectGetType"),
             "an empty slot answers VIR_ERR_NO_SUPPORT naming the call");
    tap_ok(vireo_conn_get_version(conn, &version, &err) < 0 &&
           vireo_conn_get_hostname(conn, &err) == NULL &&
           vireo_conn_get_capabilities(conn, &err) == NULL &&
           vireo_node_get_info(conn, &info, &err) < 0 &&
           vireo_conn_is_secure(conn, &err) < 0,
           "every host query without a slot fails");
    is_error_code(&err, VIR_ERR_NO_SUPPORT, "with VIR_ERR_NO_SUPPORT");
    vireo_conn_is_encrypted(conn, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT("virConnectIsEncrypted"),
             "is_encrypted too: a driver must say, not the library");
    tap_ok(vireo_conn_get_lib_version(conn, &version, &err) == 0 &&
           version == vireo_version(),
           "without a slot, the library version is the library's own");
}

static void
test_lookups(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain **doms;
    unsigned char uuid[VIREO_UUID_BUFLEN] = { 1 };

    tap_ok(vireo_conn_list_all_domains(conn, &doms, 0, &err) < 0 &&
           vireo_domain_lookup_by_name(conn, "x", &err) == NULL &&
           vireo_domain_lookup_by_id(conn, 1, &err) == NULL &&
           vireo_domain_lookup_by_uuid(conn, uuid, &err) == NULL &&
           vireo_domain_lookup_by_uuid_string(
               conn, "6695eb01-f6a4-8304-79aa-97f2502e193f", &err) == NULL &&
           vireo_domain_define_xml(conn, "<domain/>", 0, &err) == NULL &&
           vireo_domain_create_xml(conn, "<domain/>", 0, &err) == NULL,
           "every lookup and creation without a slot fails");
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT("virDomainCreateXML"),
             "with VIR_ERR_NO_SUPPORT");
}

static void
test_domain_calls(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_info info;
    char **msgs;
    int i;
    bool all = vireo_domain_undefine(dom, 0, &err) < 0 &&
               vireo_domain_create(dom, 0, &err) < 0 &&
               vireo_domain_destroy(dom, 0, &err) < 0 &&
               vireo_domain_shutdown(dom, 0, &err) < 0 &&
               vireo_domain_suspend(dom, &err) < 0 &&
               vireo_domain_resume(dom, &err) < 0 &&
               vireo_domain_get_info(dom, &info, &err) < 0 &&
               vireo_domain_get_state(dom, &i, &i, 0, &err) < 0 &&
               vireo_domain_get_xml_desc(dom, 0, &err) == NULL &&
               vireo_domain_get_os_type(dom, &err) == NULL &&
               vireo_domain_get_autostart(dom, &i, &err) < 0 &&
               vireo_domain_set_autostart(dom, 1, &err) < 0 &&
               vireo_domain_is_active(dom, &err) < 0 &&
               vireo_domain_is_persistent(dom, &err) < 0 &&
               vireo_domain_has_managed_save_image(dom, 0, &err) < 0 &&
               vireo_domain_snapshot_num(dom, 0, &err) < 0;

    tap_ok(all, "every domain call without a slot fails");
    vireo_domain_get_messages(dom, &msgs, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT("virDomainGetMessages"),
             "get_messages too, naming the call");
    vireo_domain_reboot(dom, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT("virDomainReboot"),
             "reboot answers VIR_ERR_NO_SUPPORT");
}

static void
test_events(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };

    vireo_conn_domain_event_deregister_any(conn, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT,
             NO_SUPPORT("virConnectDomainEventDeregisterAny"),
             "event deregistration without a slot fails");
}

static void
test_failed_open(void)
{
    struct vireo_error err = { 0 };

    n_closes = 0;
    tap_ok(vireo_conn_open("broken:///", 0, &err) == NULL,
           "a driver whose open fails gives no connection");
    is_error(&err, VIR_ERR_OPERATION_FAILED, "operation failed: no luck",
             "and its error reaches the caller untouched");
    tap_is_int(n_closes, 0, "and its close is never called");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    unsigned char uuid[VIREO_UUID_BUFLEN] = { 0 };
    struct vireo_conn *conn;
    struct vireo_domain *dom;

    tap_plan(16);
    /* The first open installs the library's drivers; ours replace them. */
    vireo_conn_close(vireo_conn_open("test:///default", 0, &err));
    registry_install(drivers, false);
    conn = vireo_conn_open("tiny:///", 0, &err);
    tap_ok(conn != NULL, "a driver with only open and close opens");
    test_host(conn);
    test_lookups(conn);
    dom = handle_domain_new(conn, "d", uuid, -1);
    test_domain_calls(dom);
    test_events(conn);
    vireo_domain_free(dom);
    n_closes = 0;
    vireo_conn_close(conn);
    tap_is_int(n_closes, 1, "closing the connection calls its close once");
    test_failed_open();
    return tap_done();
}
