/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-monitor.c: the test driver's monitoring slots on a domain
 * with two disks, two interfaces and a balloon: the figures, the errors
 * for an inactive domain and for unknown disks and interfaces, and the
 * domstats records. The expected answers are those libvirtd 9.0's test
 * driver gave python3-libvirt for the same domain.
 */
#include <time.h>

#include "tests/drivers/testdrv-helpers.h"

#define MON_DEVICES                                                       \
    "<currentMemory unit='KiB'>524288</currentMemory>"                    \
    "<devices>"                                                           \
    "<disk type='file' device='disk'><source file='/a/b'/>"               \
    "<target dev='vda' bus='virtio'/></disk>"                             \
    "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>" \
    "<interface type='bridge'><mac address='52:54:00:11:22:33'/>"         \
    "<source bridge='br0'/></interface>"                                  \
    "<interface type='user'><mac address='52:54:00:11:22:34'/></interface>" \
    "<memballoon model='virtio'/>"                                        \
    "</devices>"

static struct vireo_conn *conn;

static struct vireo_domain *
define_mon(void)
{
    struct vireo_error err = { 0 };
    char *xml = tdrv_xml("mon", "11111111-2222-3333-4444-555555555555",
                         "test", 1048576, MON_DEVICES);
    struct vireo_domain *dom = testdrv.domain_define_xml(conn, xml, 0, &err);

    free(xml);
    return dom;
}

/* An inactive domain has no statistics: libvirt's words for each. */
static void
test_inactive(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_vcpu_info info[4];
    struct vireo_memory_stat stats[16];
    struct vireo_block_stats bs;
    struct vireo_interface_stats is;
    struct vireo_domain_control_info ci;

    tdrv_fails(testdrv.domain_get_vcpus(dom, info, 4, NULL, 0, &err), err,
               VIR_ERR_OPERATION_INVALID,
               "cannot list vcpus for an inactive domain",
               "an inactive domain lists no vcpus");
    tdrv_fails(testdrv.domain_memory_stats(dom, stats, 16, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "nor memory statistics");
    tdrv_fails(testdrv.domain_block_stats(dom, "vda", &bs, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "nor block statistics");
    tdrv_fails(testdrv.domain_interface_stats(dom, "testnet0", &is, &err),
               err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "nor interface statistics");
    tdrv_fails(testdrv.domain_get_control_info(dom, &ci, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "nor a control state");
    tdrv_fails(testdrv.domain_get_max_vcpus(dom, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "the live maximum needs a running domain");
    tap_is_int(testdrv.domain_get_vcpus_flags(dom, 0, &err), 2,
               "its configured vcpus are 2");
    tap_is_int(testdrv.domain_get_vcpus_flags(dom, 4, &err), 2,
               "and at most 2");
    tdrv_fails(testdrv.domain_get_vcpus_flags(dom, 8, &err), err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x8) in function testDomainGetVcpusFlags",
               "the guest-agent count is refused");
    tdrv_fails(testdrv.domain_get_vcpus_flags(dom, 3, &err), err,
               VIR_ERR_INVALID_ARG, "are mutually exclusive",
               "live and config together are refused");
}

static void
test_disks(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_block_info bi;
    struct vireo_block_stats bs;
    struct vireo_disk_error de[4];

    tap_is_int(testdrv.domain_get_block_info(dom, "/a/b", &bi, 0, &err), 0,
               "block info by source path");
    tap_ok(bi.capacity == 1099506450432ULL &&
           bi.allocation == 1099511627776ULL &&
           bi.physical == 1099511627776ULL, "libvirt's fixed sizes");
    tdrv_fails(testdrv.domain_get_block_info(dom, "hdc", &bi, 0, &err), err,
               VIR_ERR_INVALID_ARG,
               "disk 'hdc' does not currently have a source assigned",
               "an empty cdrom has no size");
    tdrv_fails(testdrv.domain_get_block_info(dom, "vdb", &bi, 0, &err), err,
               VIR_ERR_INVALID_ARG, "invalid path vdb not assigned to domain",
               "an unknown disk is refused");
    tap_is_int(testdrv.domain_block_stats(dom, "hdc", &bs, &err), 0,
               "an empty cdrom still counts");
    tap_ok(bs.rd_req > bs.rd_bytes && bs.rd_bytes > bs.wr_req &&
           bs.errs > 0, "counters from the clock, in libvirt's ratios");
    tdrv_fails(testdrv.domain_block_stats(dom, "sda", &bs, &err), err,
               VIR_ERR_INVALID_ARG, "invalid path: sda",
               "block stats of an unknown disk");
    tdrv_fails(testdrv.domain_block_stats(dom, "", &bs, &err), err,
               VIR_ERR_OPERATION_UNSUPPORTED,
               "summary statistics are not supported yet",
               "no summary over all disks");
    tap_is_int(testdrv.domain_get_disk_errors(dom, NULL, 0, 0, &err), 2,
               "two disks with errors");
    tap_is_int(testdrv.domain_get_disk_errors(dom, de, 4, 0, &err), 2,
               "both reported");
    tap_ok(strcmp(de[0].disk, "vda") == 0 && de[0].error == 1 &&
           strcmp(de[1].disk, "hdc") == 0 && de[1].error == 2,
           "vda unspecified, hdc out of space");
    free(de[0].disk);
    free(de[1].disk);
}

static void
test_running(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_vcpu_info info[4];
    unsigned char maps[4 * 2];
    struct vireo_memory_stat stats[16];
    struct vireo_interface_stats is;
    int n;

    tap_is_int(testdrv.domain_get_vcpus(dom, info, 4, maps, 2, &err), 2,
               "two vcpus listed");
    tap_ok(info[1].number == 1 && info[1].state == 1 && info[1].cpu == 15 &&
           maps[2] == 0xff && maps[3] == 0xff,
           "running on the last of 16 host cpus, free to use all");
    n = testdrv.domain_memory_stats(dom, stats, 16, 0, &err);
    tap_is_int(n, 13, "thirteen balloon statistics");
    tap_ok(stats[0].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON &&
           stats[0].val == 524288 && stats[5].val == 262144 &&
           stats[8].val == 627319920 && stats[9].val == 65536,
           "actual, unused, last update and caches as libvirtd gives them");
    tap_is_int(testdrv.domain_memory_stats(dom, stats, 3, 0, &err), 3,
               "as many as asked for");
    tap_is_int(testdrv.domain_interface_stats(dom, "52:54:00:11:22:34", &is,
                                              &err), 0,
               "an interface by MAC");
    tap_is_int(testdrv.domain_interface_stats(dom, "testnet1", &is, &err), 0,
               "and by the name the test hypervisor gave it");
    tdrv_fails(testdrv.domain_interface_stats(dom, "vnet9", &is, &err), err,
               VIR_ERR_INVALID_ARG, "'vnet9' is not a known interface",
               "an unknown interface");
    tap_is_int(testdrv.domain_get_max_vcpus(dom, &err), 2, "max vcpus live");
    tap_is_int(testdrv.domain_is_updated(dom, &err), 0, "never updated");
}

/* The wall clock in microseconds, as libvirt's g_get_real_time(). */
static long long
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* libvirt's test driver derives every block counter from one reading of
 * the clock in microseconds (rd_req = now / 10, rd_bytes = now / 20,
 * wr_req = now / 30, wr_bytes = now / 40, errs = now / 2000000), so
 * each is rd_req divided by 2, 3, 4 or 200000, rounded down, and
 * rd_req * 10 was the clock during the call. */
static void
test_block_clock(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_block_stats bs;
    long long before = now_us(), after;

    tap_is_int(testdrv.domain_block_stats(dom, "vda", &bs, &err), 0,
               "block stats of vda");
    after = now_us();
    tap_ok(bs.rd_req * 10 >= before - 9 && bs.rd_req * 10 <= after,
           "read requests are the clock in microseconds over 10");
    tap_ok(bs.rd_bytes == bs.rd_req / 2 && bs.wr_req == bs.rd_req / 3 &&
           bs.wr_bytes == bs.rd_req / 4,
           "bytes read, write requests and bytes written are a half, a "
           "third and a quarter of it");
    tap_ok(bs.errs == bs.rd_req / 200000,
           "errors are the clock in seconds over 2");
}

/* Likewise for an interface, from rx_bytes = now / 10: rx_packets over
 * 100, rx_errs, rx_drop, tx_errs, tx_drop over 1, 2, 3, 4 million,
 * tx_bytes over 20, tx_packets over 110. */
static void
test_interface_clock(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_interface_stats is;
    long long before = now_us(), after;
    long long b;

    tap_is_int(testdrv.domain_interface_stats(dom, "testnet0", &is, &err), 0,
               "interface stats of testnet0");
    after = now_us();
    b = is.rx_bytes;
    tap_ok(b * 10 >= before - 9 && b * 10 <= after,
           "bytes received are the clock in microseconds over 10");
    tap_ok(is.rx_packets == b / 10 && is.tx_bytes == b / 2 &&
           is.tx_packets == b / 11,
           "packets received, bytes and packets sent: over 100, 20, 110");
    tap_ok(is.rx_errs == b / 100000 && is.rx_drop == b / 200000 &&
           is.tx_errs == b / 300000 && is.tx_drop == b / 400000,
           "errors and drops: the clock in seconds over 1, 2, 3 and 4");
}

/* The figures libvirtd's test driver gave for cpu-stats and domifaddr. */
static void
test_guest(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params cpus[4] = { { 0 } };
    struct vireo_typed_params total = { 0 };
    struct vireo_domain_interface *ifaces = NULL;
    int n;

    tap_is_int(testdrv.domain_get_cpu_stats(dom, NULL, 0, 0, 0, 0, &err), 2,
               "two host cpus for cpu-stats");
    tap_is_int(testdrv.domain_get_cpu_stats(dom, NULL, 0, -1, 1, 0, &err), 3,
               "three totals");
    tap_is_int(testdrv.domain_get_cpu_stats(dom, cpus, 2, 0, 4, 0, &err), 2,
               "two statistics a cpu");
    tap_ok(cpus[1].n == 2 && cpus[1].params[0].value.ul == 24386308518ULL &&
           cpus[1].params[1].value.ul == 23151740628ULL && cpus[2].n == 0,
           "cpu 1's times, and nothing past the last cpu");
    tap_is_int(testdrv.domain_get_cpu_stats(dom, &total, 3, -1, 1, 0, &err), 3,
               "the totals");
    tap_ok(total.n == 3 && total.params[0].value.ul == 48772617035ULL &&
           strcmp(total.params[2].field, "system_time") == 0 &&
           total.params[2].value.ul == 6460000000ULL,
           "cpu, user and system time");
    tdrv_fails(testdrv.domain_get_cpu_stats(dom, cpus, 2, 5, 1, 0, &err), err,
               VIR_ERR_INVALID_ARG, "start_cpu 5 larger than maximum of 1",
               "a cpu past the host's is refused");
    for (int i = 0; i < 4; i++)
        vireo_typed_params_clear(&cpus[i]);
    vireo_typed_params_clear(&total);
    n = testdrv.domain_interface_addresses(dom, &ifaces, 0, 0, &err);
    tap_ok(n == 2 && strcmp(ifaces[0].name, "testnet0") == 0 &&
           strcmp(ifaces[0].hwaddr, "52:54:00:11:22:33") == 0 &&
           strcmp(ifaces[1].addrs[0].addr, "192.168.0.2") == 0 &&
           ifaces[1].addrs[0].prefix == 24,
           "an address per interface, 192.168.0.N off the test network");
    vireo_domain_interfaces_free(ifaces, n);
    tdrv_fails(testdrv.domain_interface_addresses(dom, &ifaces, 3, 0, &err),
               err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "Unknown IP address data source 3", "an unknown source");
}

static void
test_stats(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_stats_record *recs = NULL;
    int n;

    n = testdrv.conn_get_all_domain_stats(
        conn, NULL, 0, 0, &recs, VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE,
        &err);
    tap_is_int(n, 0, "no inactive domain left");
    vireo_domain_stats_free(recs, n);
    n = testdrv.conn_get_all_domain_stats(conn, NULL, 0, 0, &recs, 0, &err);
    tap_ok(n >= 1 && recs[n - 1].params.n == 2 &&
           strcmp(recs[n - 1].params.params[0].field, "state.state") == 0 &&
           recs[n - 1].params.params[1].value.i == 1,
           "each domain: state.state, state.reason (booted)");
    vireo_domain_stats_free(recs, n);
    n = testdrv.conn_get_all_domain_stats(conn, NULL, 0, 2, &recs, 0, &err);
    tap_ok(n >= 1 && recs[0].params.n == 0,
           "a group the test driver lacks is dropped");
    vireo_domain_stats_free(recs, n);
    tdrv_fails(testdrv.conn_get_all_domain_stats(
                   conn, NULL, 0, 2, &recs,
                   VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS, &err),
               err, VIR_ERR_ARGUMENT_UNSUPPORTED,
               "Stats types bits 0x2 are not supported by this daemon",
               "or refused when enforced");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;

    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "test:///default opens"))
        return tdrv_done();
    dom = define_mon();
    if (tap_ok(dom != NULL, "a domain with disks, interfaces and a balloon")) {
        test_inactive(dom);
        tap_is_int(testdrv.domain_create(dom, 0, &err), 0, "it starts");
        test_disks(dom);
        test_running(dom);
        test_block_clock(dom);
        test_interface_clock(dom);
        test_guest(dom);
        test_stats();
        testdrv.domain_destroy(dom, 0, &err);
        testdrv.domain_undefine(dom, 0, &err);
        handle_domain_unref(dom);
    }
    handle_conn_unref(conn);
    return tdrv_done();
}
