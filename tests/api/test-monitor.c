/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-monitor.c: the monitoring entry points through libvireo.so, on the
 * in-process test:///default: their argument checks (libvirt's words),
 * that they answer on a read-only connection, and that what the driver
 * fills reaches the caller (vCPUs, balloon, disks, interfaces, cpu-stats,
 * domstats).
 */
#include <stdlib.h>

#include "api-test.h"

static struct vireo_domain *
define_running(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char xml[1024];
    struct vireo_domain *dom;

    snprintf(xml, sizeof(xml),
             "<domain type='test'><name>mon</name>"
             "<memory unit='KiB'>1048576</memory>"
             "<currentMemory unit='KiB'>524288</currentMemory>"
             "<vcpu current='2'>4</vcpu><os><type>hvm</type></os>"
             "<devices><disk type='file' device='disk'>"
             "<source file='/a/b'/><target dev='vda'/></disk>"
             "<interface type='user'><mac address='52:54:00:00:00:01'/>"
             "</interface><memballoon model='virtio'/></devices>"
             "</domain>");
    dom = vireo_domain_define_xml(conn, xml, 0, &err);
    if (dom != NULL && vireo_domain_create(dom, 0, &err) < 0) {
        vireo_domain_free(dom);
        return NULL;
    }
    return dom;
}

static void
test_arguments(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params p = { 0 };
    struct vireo_domain_stats_record *recs;

    vireo_domain_memory_stats(dom, NULL, 4, 0, &err);
    is_error_code(&err, VIR_ERR_INVALID_ARG,
                  "memory stats need somewhere to go");
    vireo_domain_block_stats(dom, NULL, NULL, &err);
    is_error_code(&err, VIR_ERR_INVALID_ARG, "block stats need a disk");
    vireo_domain_get_cpu_stats(dom, &p, 2, -1, 2, 0, &err);
    is_error_code(&err, VIR_ERR_INVALID_ARG,
                  "the total of cpu-stats is one list");
    vireo_domain_get_vcpus_flags(NULL, 0, &err);
    is_error(&err, VIR_ERR_INVALID_DOMAIN,
             "invalid domain pointer in virDomainGetVcpusFlags",
             "a NULL domain is refused, naming the call");
    vireo_conn_get_all_domain_stats(NULL, NULL, 0, 0, &recs, 0, &err);
    is_error_code(&err, VIR_ERR_INVALID_CONN, "so is a NULL connection");
}

static void
test_answers(struct vireo_conn *conn, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_vcpu_info info[4];
    struct vireo_memory_stat stats[16];
    struct vireo_block_info bi;
    struct vireo_domain_stats_record *recs = NULL;
    struct vireo_typed_params total = { 0 };
    int n;

    tap_is_int(vireo_domain_get_vcpus(dom, info, 4, NULL, 0, &err), 2,
               "two vCPUs online");
    tap_is_int(vireo_domain_get_max_vcpus(dom, &err), 4, "of four");
    tap_is_int(vireo_domain_memory_stats(dom, stats, 16, 0, &err), 13,
               "thirteen balloon figures");
    tap_ok(stats[0].val == 524288, "the balloon is at currentMemory");
    tap_is_int(vireo_domain_get_block_info(dom, "/a/b", &bi, 0, &err), 0,
               "block info by source path");
    tap_is_int(vireo_domain_get_cpu_stats(dom, &total, 3, -1, 1, 0, &err), 3,
               "cpu-stats totals");
    vireo_typed_params_clear(&total);
    n = vireo_conn_get_all_domain_stats(conn, &dom, 1, 0, &recs, 0, &err);
    tap_ok(n == 1 && recs[0].params.n == 2 &&
           strcmp(vireo_domain_get_name(recs[0].dom), "mon") == 0,
           "domstats of one domain: its state group");
    vireo_domain_stats_free(recs, n);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn, *ro;
    struct vireo_domain *dom, *ro_dom;
    int state;

    tap_plan(15);
    conn = vireo_conn_open("test:///default", 0, &err);
    dom = conn ? define_running(conn) : NULL;
    if (!tap_ok(dom != NULL, "a running domain with a disk and a balloon"))
        return tap_done();
    test_arguments(dom);
    test_answers(conn, dom);
    ro = vireo_conn_open("test:///default", VIREO_CONNECT_RO, &err);
    ro_dom = ro ? vireo_domain_lookup_by_name(ro, "mon", &err) : NULL;
    tap_is_int(ro_dom ? vireo_domain_get_vcpus_flags(ro_dom, 0, &err) : -1,
               2, "monitoring works on a read-only connection");
    vireo_domain_free(ro_dom);
    vireo_conn_close(ro);
    vireo_domain_destroy(dom, 0, &err);
    tap_ok(vireo_domain_get_state(dom, &state, NULL, 0, &err) == 0 &&
           vireo_domain_memory_stats(dom, (struct vireo_memory_stat[1]){ 0 },
                                     1, 0, &err) < 0 &&
           err.code == VIR_ERR_OPERATION_INVALID,
           "a stopped domain has no memory statistics");
    vireo_domain_undefine(dom, 0, &err);
    vireo_domain_free(dom);
    vireo_conn_close(conn);
    return tap_done();
}
