/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-iotune.c: the test driver's I/O tunables: <blkiotune>'s
 * weight and device strings, a disk's <iotune>, an interface's
 * <bandwidth> and <perf>, each read back as parameters and as XML, with
 * libvirt's test driver's codes and messages (as libvirtd 9.0 answers
 * through virsh for test:///default).
 */
#include "tests/drivers/testdrv-helpers.h"

#define LIVE   VIR_DOMAIN_AFFECT_LIVE
#define CONFIG VIR_DOMAIN_AFFECT_CONFIG

static struct vireo_conn *conn;

/* Whether dom's XML (flags 0 or VIR_DOMAIN_XML_INACTIVE) holds text. */
static bool
xml_has(struct vireo_domain *dom, unsigned flags, const char *text)
{
    struct vireo_error err = { 0 };
    char *xml = testdrv.domain_get_xml_desc(dom, flags, &err);
    bool has = xml != NULL && strstr(xml, text) != NULL;

    if (!has)
        tap_diag("  no '%s' in:\n%s", text, xml != NULL ? xml : err.message);
    free(xml);
    return has;
}

/* Whether dom's XML lacks text (says nothing either way). */
static bool
xml_lacks(struct vireo_domain *dom, unsigned flags, const char *text)
{
    struct vireo_error err = { 0 };
    char *xml = testdrv.domain_get_xml_desc(dom, flags, &err);
    bool lacks = xml != NULL && strstr(xml, text) == NULL;

    free(xml);
    return lacks;
}

/* The string parameter field of a getter's answer, or "". */
static const char *
string_of(const struct vireo_typed_params *p, const char *field)
{
    const struct vireo_typed_param *t = vireo_typed_params_find(p, field);

    return t != NULL && t->type == VIREO_TYPED_PARAM_STRING ? t->value.s : "";
}

static unsigned long long
number_of(const struct vireo_typed_params *p, const char *field)
{
    const struct vireo_typed_param *t = vireo_typed_params_find(p, field);

    if (t == NULL)
        return ~0ULL;
    return t->type == VIREO_TYPED_PARAM_UINT ? t->value.ui : t->value.ul;
}

static int
set_string(struct vireo_domain *dom, const char *field, const char *value,
           unsigned flags, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc = vireo_typed_params_add_string(&p, field, value, err);

    if (rc == 0)
        rc = testdrv.domain_set_blkio_params(dom, &p, flags, err);
    vireo_typed_params_clear(&p);
    return rc;
}

static void
test_blkio(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    int rc;

    tap_is_int(testdrv.domain_get_blkio_params(dom, NULL, 0, &err), 6,
               "blkio: the count question is answered with 6");
    tap_is_int(set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT,
                          "/dev/sda,100,/dev/sdb,200", 0, &err), 0,
               "blkio: device weights are set");
    tap_is_int(set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
                          "/dev/sda,10", 0, &err), 0,
               "blkio: a read iops limit is merged into its device");
    tap_is_int(set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, "/dev/sdb,0",
                          0, &err), 0,
               "blkio: a weight of 0 on a known device is taken");
    tap_is_int(testdrv.domain_get_blkio_params(dom, &p, 0, &err), 0,
               "blkio: the parameters are read back");
    tap_is_str(string_of(&p, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT), "/dev/sda,100",
               "blkio: only devices with a weight are listed");
    tap_is_str(string_of(&p, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS),
               "/dev/sda,10", "blkio: the read iops are listed");
    vireo_typed_params_clear(&p);
    tap_ok(xml_has(dom, 0, "<device>\n      <path>/dev/sda</path>\n"
                           "      <weight>100</weight>\n"
                           "      <read_iops_sec>10</read_iops_sec>\n"),
           "blkio: the live XML holds the device in libvirt's order");
    rc = set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, "/dev/sda,x", 0,
                    &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "invalid value 'x' for parameter 'device_weight' of device "
               "'/dev/sda'", "blkio: a bad number is refused");
    rc = set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, "/dev/sda", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "unable to parse blkio device 'device_weight' '/dev/sda'",
               "blkio: a path without a value is refused");
    tap_is_int(set_string(dom, VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
                          "/dev/sdc,4096", CONFIG, &err), 0,
               "blkio: --config changes the persistent definition");
    tap_ok(xml_has(dom, VIR_DOMAIN_XML_INACTIVE,
                   "<write_bytes_sec>4096</write_bytes_sec>") &&
           xml_lacks(dom, VIR_DOMAIN_XML_INACTIVE, "/dev/sda"),
           "blkio: and only that one");
}

static int
set_iotune(struct vireo_domain *dom, const char *disk, const char *field,
           unsigned long long value, const char *field2,
           unsigned long long value2, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc = vireo_typed_params_add_ullong(&p, field, value, err);

    if (rc == 0 && field2 != NULL)
        rc = vireo_typed_params_add_ullong(&p, field2, value2, err);
    if (rc == 0)
        rc = testdrv.domain_set_block_io_tune(dom, disk, &p, 0, err);
    vireo_typed_params_clear(&p);
    return rc;
}

static void
test_iotune(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    int rc;

    tap_is_int(testdrv.domain_get_block_io_tune(dom, "vdz", NULL, 0, &err),
               20, "iotune: the count question needs no disk");
    rc = set_iotune(dom, "vda", "total_bytes_sec", 1000, NULL, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "total_bytes_sec cannot be set higher than "
               "total_bytes_sec_max ",
               "iotune: a value above its (unset) maximum is refused");
    rc = set_iotune(dom, "vda", "total_bytes_sec", 1, "read_bytes_sec", 1,
                    &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "total and read/write of bytes_sec cannot be set at the same "
               "time", "iotune: a total with a part is refused");
    rc = set_iotune(dom, "vda", "total_bytes_sec", 10000000000000000ULL,
                    NULL, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "must be no more than 1000000000000000",
               "iotune: a value over the ceiling is refused");
    tap_is_int(set_iotune(dom, "/guest/diskimage1", "total_iops_sec_max", 50,
                          "total_iops_sec_max_length", 3, &err), 0,
               "iotune: a maximum and its length are set, by source path");
    tap_is_int(testdrv.domain_get_block_io_tune(dom, "vda", &p, 0, &err), 0,
               "iotune: the parameters are read back");
    tap_is_int(p.n, 20, "iotune: all twenty of them");
    tap_ok(number_of(&p, "total_iops_sec_max") == 50 &&
           number_of(&p, "total_iops_sec_max_length") == 3 &&
           p.params[13].type == VIREO_TYPED_PARAM_STRING,
           "iotune: with the values set, group_name 14th");
    vireo_typed_params_clear(&p);
    tap_ok(xml_has(dom, 0, "<iotune>\n        <total_iops_sec_max>50<"),
           "iotune: the disk's XML holds <iotune>");
    rc = testdrv.domain_get_block_io_tune(dom, "vdz", &p, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "disk 'vdz' was not found in the domain config",
               "iotune: an unknown disk is refused on reading");
    rc = set_iotune(dom, "vdz", "total_iops_sec_max", 1, NULL, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "missing persistent configuration for disk 'vdz'",
               "iotune: and on writing");
}

static int
set_bandwidth(struct vireo_domain *dom, const char *field, unsigned value,
              unsigned flags, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc = vireo_typed_params_add_uint(&p, field, value, err);

    if (rc == 0)
        rc = testdrv.domain_set_interface_params(dom, "testnet0", &p, flags,
                                                 err);
    vireo_typed_params_clear(&p);
    return rc;
}

static void
test_bandwidth(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    int rc;

    tap_is_int(testdrv.domain_get_interface_params(dom, "x", NULL, 0, &err),
               7, "bandwidth: the count question is answered with 7");
    tap_is_int(set_bandwidth(dom, VIR_DOMAIN_BANDWIDTH_IN_FLOOR, 50, 0, &err),
               0, "bandwidth: an inbound floor alone makes a rate");
    tap_is_int(set_bandwidth(dom, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, 10, 0,
                             &err), 0, "bandwidth: so does an average");
    tap_ok(xml_has(dom, 0, "<bandwidth>\n        <inbound floor='50'/>\n"
                           "        <outbound average='10'/>\n"
                           "      </bandwidth>\n      <target"),
           "bandwidth: written before <target>, in libvirt's form");
    tap_is_int(set_bandwidth(dom, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, 0, 0,
                             &err), 0,
               "bandwidth: an inbound average of 0 clears inbound");
    tap_is_int(testdrv.domain_get_interface_params(dom, "aa:bb:cc:dd:ee:ff",
                                                   &p, 0, &err), 0,
               "bandwidth: read back by MAC address");
    tap_ok(number_of(&p, VIR_DOMAIN_BANDWIDTH_IN_FLOOR) == 0 &&
           number_of(&p, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE) == 10,
           "bandwidth: inbound gone, outbound kept");
    vireo_typed_params_clear(&p);
    rc = testdrv.domain_get_interface_params(dom, "nosuch", &p, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "'nosuch' is not a known interface",
               "bandwidth: an unknown interface is refused");
    rc = set_bandwidth(dom, "inbound.bogus", 1, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "parameter 'inbound.bogus' not supported",
               "bandwidth: an unknown parameter is refused");
}

static void
test_perf(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    int rc;

    vireo_typed_params_add_boolean(&p, "cpu_cycles", true, &err);
    vireo_typed_params_add_boolean(&p, "cmt", false, &err);
    tap_is_int(testdrv.domain_set_perf_events(dom, &p, 0, &err), 0,
               "perf: events are enabled and disabled");
    vireo_typed_params_clear(&p);
    tap_ok(xml_has(dom, 0, "<perf>\n    <event name='cmt' enabled='no'/>\n"
                           "    <event name='cpu_cycles' enabled='yes'/>\n"
                           "  </perf>\n"),
           "perf: <perf> lists them in libvirt's order");
    tap_is_int(testdrv.domain_get_perf_events(dom, &p, CONFIG, &err), 0,
               "perf: the persistent events are read");
    tap_ok(p.n == 22 && vireo_typed_params_find(&p, "cpu_cycles") != NULL &&
           !vireo_typed_params_find(&p, "cpu_cycles")->value.b,
           "perf: all 22, untouched in the persistent definition");
    vireo_typed_params_clear(&p);
    vireo_typed_params_add_boolean(&p, "foo", true, &err);
    rc = testdrv.domain_set_perf_events(dom, &p, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "parameter 'foo' not supported",
               "perf: an unknown event is refused");
    vireo_typed_params_clear(&p);
    rc = testdrv.domain_get_perf_events(dom, &p, LIVE | CONFIG, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
               "'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
               "perf: LIVE with CONFIG is refused");
    vireo_typed_params_clear(&p);
}

static void
test_inactive(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    int rc;

    tap_is_int(testdrv.domain_destroy(dom, 0, &err), 0, "the domain stops");
    rc = testdrv.domain_get_blkio_params(dom, &p, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "blkio: --live on an inactive domain is refused");
    rc = testdrv.domain_get_interface_params(dom, "testnet0", &p, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "bandwidth: so is its interface's");
    tap_is_int(testdrv.domain_get_perf_events(dom, &p, 0, &err), 0,
               "perf: the inactive definition is read");
    tap_ok(vireo_typed_params_find(&p, "cpu_cycles") != NULL &&
           !vireo_typed_params_find(&p, "cpu_cycles")->value.b,
           "perf: the live change did not reach it");
    vireo_typed_params_clear(&p);
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
    dom = testdrv.domain_lookup_by_name(conn, "test", &err);
    test_blkio(dom);
    test_iotune(dom);
    test_bandwidth(dom);
    test_perf(dom);
    test_inactive(dom);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tdrv_done();
}
