/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-pin.c: the test driver's placement slots: pinning vCPUs
 * and the emulator, the NUMA memory policy and the I/O threads, with
 * libvirt's test driver's codes and messages (as libvirtd 9.0 answers
 * through virsh for test:///default), and the definition they change.
 */
#include "tests/drivers/testdrv-helpers.h"

#define LIVE   VIR_DOMAIN_AFFECT_LIVE
#define CONFIG VIR_DOMAIN_AFFECT_CONFIG

static struct vireo_conn *conn;

static void
test_vcpus(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    unsigned char cpu1[1] = { 0x02 }, maps[2] = { 0 };
    struct vireo_vcpu_info info[2];
    int rc;

    tap_is_int(testdrv.domain_pin_vcpu(dom, 0, cpu1, 1, 0, &err), 0,
               "vCPU 0 of the running domain is pinned to CPU 1");
    tap_ok(tdrv_xml_has(dom, 0, "<cputune>\n    <vcpupin vcpu='0' cpuset='1'/>"),
           "the live definition has the <vcpupin>");
    tap_ok(tdrv_xml_lacks(dom, VIR_DOMAIN_XML_INACTIVE, "<cputune>"),
           "the persistent one does not");
    tap_is_int(testdrv.domain_get_vcpu_pin_info(dom, 2, maps, 1, 0, &err), 2,
               "the pinning of both vCPUs is reported");
    tap_ok(maps[0] == 0x02 && maps[1] == 0xff,
           "vCPU 0 on CPU 1, vCPU 1 on every host CPU");
    tap_is_int(testdrv.domain_get_vcpus(dom, info, 2, NULL, 0, &err), 2,
               "vcpuinfo answers");
    tap_is_int(info[0].cpu, 1, "and puts vCPU 0 on the last CPU it may use");
    rc = testdrv.domain_pin_vcpu(dom, 5, cpu1, 1, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "requested vcpu '5' is not present in the domain",
               "a vCPU the domain lacks cannot be pinned");
    rc = testdrv.domain_pin_vcpu(dom, 0, cpu1, 1, CONFIG, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x2) in function testDomainPinVcpuFlags",
               "nor pinned in the persistent definition");
}

static void
test_emulator(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    unsigned char map[1] = { 0 }, cpus01[1] = { 0x03 };
    int rc;

    tap_is_int(testdrv.domain_get_emulator_pin_info(dom, map, 1, 0, &err), 1,
               "the emulator's affinity is reported");
    tap_is_int(map[0], 0xff, "every host CPU until pinned");
    tap_is_int(testdrv.domain_pin_emulator(dom, cpus01, 1, CONFIG, &err), 0,
               "emulatorpin --config");
    tap_ok(tdrv_xml_has(dom, VIR_DOMAIN_XML_INACTIVE,
                   "<emulatorpin cpuset='0-1'/>"),
           "the persistent definition has the <emulatorpin>");
    tap_is_int(testdrv.domain_get_emulator_pin_info(dom, map, 1, CONFIG,
                                                    &err), 1,
               "emulatorpin --config reads it back");
    tap_is_int(map[0], 0x03, "as CPUs 0 and 1");
    map[0] = 0;
    rc = testdrv.domain_pin_emulator(dom, map, 1, LIVE, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "Empty cpu list for pinning",
               "an empty map is refused");
}

static const char *
numa_nodeset(struct vireo_domain *dom, unsigned flags, int *mode)
{
    static char nodeset[64];
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    const struct vireo_typed_param *t;

    nodeset[0] = '\0';
    *mode = -1;
    if (testdrv.domain_get_numa_params(dom, &p, flags, &err) == 0) {
        if ((t = vireo_typed_params_find(&p, VIR_DOMAIN_NUMA_MODE)))
            *mode = t->value.i;
        if ((t = vireo_typed_params_find(&p, VIR_DOMAIN_NUMA_NODESET)))
            snprintf(nodeset, sizeof(nodeset), "%s", t->value.s);
    }
    vireo_typed_params_clear(&p);
    return nodeset;
}

static int
set_numa(struct vireo_domain *dom, int mode, const char *nodeset,
         unsigned flags, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc;

    if (mode >= 0)
        vireo_typed_params_add_int(&p, VIR_DOMAIN_NUMA_MODE, mode, err);
    if (nodeset != NULL)
        vireo_typed_params_add_string(&p, VIR_DOMAIN_NUMA_NODESET, nodeset,
                                      err);
    rc = testdrv.domain_set_numa_params(dom, &p, flags, err);
    vireo_typed_params_clear(&p);
    return rc;
}

static void
test_numa(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    int mode, rc;

    tap_is_int(testdrv.domain_get_numa_params(dom, NULL, 0, &err), 2,
               "the NUMA getter counts two parameters");
    tap_is_str(numa_nodeset(dom, 0, &mode), "", "no nodeset at first");
    tap_is_int(mode, 0, "and the mode reads strict");
    rc = set_numa(dom, 2, NULL, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_CONFIG_UNSUPPORTED,
               "nodeset for NUMA memory tuning must be set if 'placement' "
               "is 'static'", "a mode without a nodeset is refused");
    tap_is_int(set_numa(dom, 2, "0,1", 0, &err), 0,
               "mode interleave with nodes 0 and 1");
    tap_is_str(numa_nodeset(dom, 0, &mode), "0-1", "the nodeset reads 0-1");
    tap_is_int(mode, 2, "the mode interleave");
    tap_ok(tdrv_xml_has(dom, 0, "<numatune>\n    <memory mode='interleave' "
                           "nodeset='0-1'/>\n  </numatune>"),
           "the live definition has the <numatune>");
    rc = set_numa(dom, 0, NULL, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID,
               "can't change numatune mode for running domain",
               "the mode of a running domain stays");
    rc = set_numa(dom, -1, "abc", 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "Failed to parse bitmap 'abc'",
               "a nodeset that does not read is refused");
    rc = set_numa(dom, 9, NULL, CONFIG, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "unsupported numatune mode: '9'",
               "so is a mode out of range");
}

static int
iothread_count(struct vireo_domain *dom, unsigned flags, unsigned *first_id,
               unsigned char *first_map)
{
    struct vireo_iothread_info *info = NULL;
    struct vireo_error err = { 0 };
    int n = testdrv.domain_get_iothread_info(dom, &info, flags, &err);

    if (n > 0) {
        *first_id = info[0].iothread_id;
        *first_map = info[0].cpumap[0];
    }
    vireo_iothread_info_list_free(info, n);
    return n;
}

static int
set_poll(struct vireo_domain *dom, unsigned id, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc;

    vireo_typed_params_add_ullong(&p, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, 100,
                                  err);
    rc = testdrv.domain_set_iothread_params(dom, id, &p, LIVE, err);
    vireo_typed_params_clear(&p);
    return rc;
}

static void
test_iothreads(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    unsigned char cpu0[1] = { 0x01 }, map = 0;
    unsigned id = 0;
    int rc;

    tap_is_int(iothread_count(dom, 0, &id, &map), 0, "no I/O thread at first");
    tap_is_int(testdrv.domain_add_iothread(dom, 2, 0, &err), 0,
               "iothreadadd 2");
    tap_is_int(iothread_count(dom, 0, &id, &map), 1, "one I/O thread");
    tap_ok(id == 2 && map == 0x03, "thread 2 on the CPUs of the two vCPUs");
    rc = testdrv.domain_add_iothread(dom, 2, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "an IOThread is already using iothread_id '2'",
               "an id in use is refused");
    rc = testdrv.domain_add_iothread(dom, 0, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "invalid value of 0 for iothread_id", "and so is 0");
    tap_is_int(testdrv.domain_pin_iothread(dom, 2, cpu0, 1, 0, &err), 0,
               "iothreadpin 2 0");
    tap_ok(tdrv_xml_has(dom, 0, "<iothreadpin iothread='2' cpuset='0'/>") &&
           tdrv_xml_has(dom, 0, "<iothreads>1</iothreads>\n  <iothreadids>\n"
                           "    <iothread id='2'/>"),
           "the live definition lists and pins the thread");
    rc = testdrv.domain_pin_iothread(dom, 3, cpu0, 1, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG, "iothreadid 3 not found",
               "a thread the domain lacks cannot be pinned");
    tap_is_int(set_poll(dom, 2, &err), 0, "iothreadset 2 --poll-max-ns 100");
    tap_is_int(testdrv.domain_add_iothread(dom, 4, CONFIG, &err), 0,
               "iothreadadd 4 --config");
    rc = set_poll(dom, 4, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "cannot find IOThread '4' in iothreadids",
               "a thread only the persistent definition has cannot be set");
    tap_is_int(testdrv.domain_del_iothread(dom, 2, 0, &err), 0,
               "iothreaddel 2");
    rc = testdrv.domain_del_iothread(dom, 2, 0, &err);
    tdrv_fails(rc, err, VIR_ERR_INVALID_ARG,
               "cannot find IOThread '2' in iothreadids list",
               "a thread cannot go twice");
    tap_ok(tdrv_xml_lacks(dom, 0, "iothread"), "the live definition has none left");
}

/* A domain defined with <iothreads>: libvirt's test driver polls only
 * the threads its API added, and fails without a word on the others. */
static void
test_defined_iothreads(void)
{
    struct vireo_error err = { 0 };
    char *xml = tdrv_xml("pin-io", NULL, "test", 1024,
                         "<iothreads>2</iothreads>");
    struct vireo_domain *dom = testdrv.domain_define_xml(conn, xml, 0, &err);
    unsigned id = 0;
    unsigned char map = 0;
    int rc;

    free(xml);
    tap_ok(dom != NULL, "a domain with two I/O threads is defined");
    if (dom == NULL)
        return;
    tap_is_int(iothread_count(dom, 0, &id, &map), 2,
               "both threads are listed");
    tap_is_int(id, 1, "numbered from 1");
    tap_ok(testdrv.domain_create(dom, 0, &err) == 0, "the domain starts");
    rc = set_poll(dom, 1, &err);
    tap_ok(rc < 0 && err.code == 0, "setting a defined thread fails silently");
    rc = testdrv.domain_pin_vcpu(dom, 0, (const unsigned char *)"\1", 1, 0,
                                 &err);
    tap_is_int(rc, 0, "a started domain's vCPU can be pinned");
    testdrv.domain_destroy(dom, 0, &err);
    rc = testdrv.domain_pin_vcpu(dom, 0, (const unsigned char *)"\1", 1, 0,
                                 &err);
    tdrv_fails(rc, err, VIR_ERR_OPERATION_INVALID,
               "cannot pin vcpus on an inactive domain",
               "an inactive one's cannot");
    tap_ok(tdrv_xml_lacks(dom, 0, "<cputune>"),
           "and the live pinning went with the run");
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(dom);
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
    test_vcpus(dom);
    test_emulator(dom);
    test_numa(dom);
    test_iothreads(dom);
    test_defined_iothreads();
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tdrv_done();
}
