/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-readonly.c: a read-only connection answers every question and
 * refuses every change, naming the libvirt function as libvirt does.
 */
#include <stdlib.h>

#include "api-test.h"

#define DENIED(func) "operation forbidden: read only access prevents " func

static void
test_changes_refused(struct vireo_conn *ro, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    char xml[512];

    domain_xml(xml, sizeof(xml), "ro1");
    tap_ok(vireo_domain_define_xml(ro, xml, 0, &err) == NULL, "define fails");
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainDefineXML"),
             "define is VIR_ERR_OPERATION_DENIED");
    vireo_domain_create_xml(ro, xml, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainCreateXML"),
             "create_xml is refused");
    vireo_domain_undefine(dom, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainUndefine"),
             "undefine is refused");
    vireo_domain_create(dom, VIR_DOMAIN_START_PAUSED, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED,
             DENIED("virDomainCreateWithFlags"), "start is refused");
    vireo_domain_destroy(dom, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainDestroy"),
             "destroy is refused");
    vireo_domain_shutdown(dom, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainShutdown"),
             "shutdown is refused");
    vireo_domain_reboot(dom, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainReboot"),
             "reboot is refused");
    vireo_domain_suspend(dom, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainSuspend"),
             "suspend is refused");
    vireo_domain_resume(dom, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainResume"),
             "resume is refused");
    vireo_domain_set_autostart(dom, 1, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virDomainSetAutostart"),
             "set_autostart is refused");
    tap_is_int(err.domain, VIR_FROM_DOMAIN, "refusals come from the domain "
               "layer, VIR_FROM_DOMAIN");
    vireo_domain_get_xml_desc(dom, VIR_DOMAIN_XML_SECURE, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED,
             DENIED("virDomainGetXMLDesc with secure flag"),
             "the XML with secrets is refused");
}

static void
test_questions_answered(struct vireo_conn *ro, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_info info;
    int state = -1;
    char **msgs;
    char *xml;

    tap_ok(vireo_conn_is_read_only(ro), "the connection says read-only");
    tap_ok(vireo_domain_get_state(dom, &state, NULL, 0, &err) == 0 &&
           state == VIR_DOMAIN_RUNNING, "state is answered");
    tap_ok(vireo_domain_get_info(dom, &info, &err) == 0, "info is answered");
    xml = vireo_domain_get_xml_desc(dom, 0, &err);
    tap_ok(xml != NULL, "the XML without secrets is answered");
    free(xml);
    tap_ok(vireo_conn_get_type(ro, &err) != NULL, "host queries work");
    tap_ok(vireo_conn_is_secure(ro, &err) == 1 &&
           vireo_conn_is_encrypted(ro, &err) == 0,
           "and so do is_secure and is_encrypted");
    tap_ok(vireo_domain_has_managed_save_image(dom, 0, &err) == 0 &&
           vireo_domain_snapshot_num(dom, 0, &err) == 0,
           "managed save and snapshots are answered, as libvirtd answers "
           "a read-only client");
    tap_is_int(vireo_domain_get_messages(dom, &msgs, 0, &err), 0,
               "and messages");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *ro = vireo_conn_open("test:///default",
                                            VIREO_CONNECT_RO, &err);
    struct vireo_domain *dom = vireo_domain_lookup_by_name(ro, "test", &err);
    int state = -1;

    tap_plan(23);
    tap_ok(dom != NULL, "a read-only connection looks domains up");
    test_changes_refused(ro, dom);
    test_questions_answered(ro, dom);
    vireo_domain_get_state(dom, &state, NULL, 0, &err);
    tap_is_int(state, VIR_DOMAIN_RUNNING, "nothing changed the domain");
    vireo_domain_free(dom);
    vireo_conn_close(ro);
    return tap_done();
}
