/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-network.c: the public network calls, through libvireo.so on the
 * in-process test driver: argument checks in libvirt's words, listing and
 * looking up test:///default's `default` network, defining, updating and
 * undefining one, and the read-only refusal.
 */
#include <stdlib.h>

#include "tests/api/api-test.h"

#define NET_XML "<network><name>api</name>" \
                "<uuid>4f1e2d3c-5b6a-4978-8a9b-0c1d2e3f4a5b</uuid></network>"

static void
check_arguments(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };

    tap_ok(vireo_network_lookup_by_name(conn, NULL, &err) == NULL,
           "a lookup without a name fails");
    is_error_code(&err, VIR_ERR_INVALID_ARG, "as an invalid argument");
    err = (struct vireo_error){ 0 };
    tap_ok(vireo_network_lookup_by_uuid_string(conn, "nope", &err) == NULL,
           "a lookup by a word that is not a uuid fails");
    is_error_code(&err, VIR_ERR_INVALID_ARG, "as an invalid argument too");
    err = (struct vireo_error){ 0 };
    tap_is_int(vireo_network_create(NULL, &err), -1,
               "starting no network fails");
    is_error_code(&err, VIR_ERR_INVALID_NETWORK, "as an invalid network");
}

static void
check_default(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_network **nets = NULL;
    int n = vireo_conn_list_all_networks(conn, &nets, 0, &err);
    struct vireo_network *net;
    char *xml;

    tap_ok(n == 1 && strcmp(vireo_network_get_name(nets[0]), "default") == 0,
           "test:///default lists its network 'default'");
    vireo_network_array_free(nets, n);
    net = vireo_network_lookup_by_uuid_string(
        conn, "dd8fe884-6c02-601e-7551-cca97df1c5df", &err);
    xml = net != NULL ? vireo_network_get_xml_desc(net, 0, &err) : NULL;
    tap_ok(xml != NULL && strstr(xml, "<forward mode='nat'/>") != NULL,
           "found by uuid, its XML says it is NAT");
    free(xml);
    err = (struct vireo_error){ 0 };
    tap_ok(vireo_network_get_xml_desc(net, VIREO_NETWORK_XML_INACTIVE,
                                      &err) == NULL,
           "its inactive XML is refused, as by libvirt's test driver");
    is_error(&err, VIR_ERR_INVALID_ARG, "unsupported flags (0x1) in "
             "function testNetworkGetXMLDesc", "with virCheckFlags' words");
    vireo_network_free(net);
}

static void
check_define_update_undefine(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_network *net = vireo_network_define_xml(conn, NET_XML, 0,
                                                         &err);
    char *xml;

    tap_ok(net != NULL, "a network is defined");
    tap_is_int(vireo_network_update(net, VIREO_NETWORK_UPDATE_COMMAND_ADD_LAST,
                                    VIREO_NETWORK_SECTION_PORTGROUP, -1,
                                    "<portgroup name='pg'/>", 0, &err), 0,
               "an inactive network's config takes a portgroup");
    xml = vireo_network_get_xml_desc(net, 0, &err);
    tap_ok(xml != NULL && strstr(xml, "<portgroup name='pg'>") != NULL,
           "which its XML shows");
    free(xml);
    tap_is_int(vireo_conn_num_of_defined_networks(conn, &err), 1,
               "one network is defined and not running");
    tap_is_int(vireo_network_undefine(net, &err), 0, "it is undefined");
    vireo_network_free(net);
}

static void
check_read_only(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *ro = vireo_conn_open("test:///default",
                                            VIREO_CONNECT_RO, &err);

    tap_ok(ro != NULL && vireo_network_define_xml(ro, NET_XML, 0,
                                                  &err) == NULL,
           "a read-only connection cannot define a network");
    is_error_code(&err, VIR_ERR_OPERATION_DENIED, "operation denied");
    vireo_conn_close(ro);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);

    tap_plan(18);
    if (!tap_ok(conn != NULL, "test:///default opens"))
        return tap_done();
    check_arguments(conn);
    check_default(conn);
    check_define_update_undefine(conn);
    check_read_only();
    vireo_conn_close(conn);
    return tap_done();
}
