/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_monitor.c: the commands that show what a domain is doing: vcpuinfo,
 * vcpucount, dommemstat, domblkstat, domifstat, domblkinfo, domblkerror,
 * domifaddr, domcontrol, cpu-stats and domstats. Output follows
 * virsh 9.0 line for line, errors included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_domblkstat_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, false, "block device" },
    { "human", OPT_BOOL, false, false, "print a more human readable output" },
    END_OPTS,
};

const struct opt_def cmd_domifstat_opts[] = {
    DOMAIN_ARG,
    { "interface", OPT_STRING, true, true, "interface device specified by "
      "name or MAC Address" },
    END_OPTS,
};

const struct opt_def cmd_domblkinfo_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, true, "block device" },
    END_OPTS,
};

/* virsh's two-column layout: labels left-aligned in 15 columns. */
#define FIELD(label, fmt, ...) printf("%-15s " fmt "\n", label, __VA_ARGS__)

/* libvirt's flags of the vCPU count (virDomainVcpuFlags). */
#define AFFECT_LIVE    (1u << 0)
#define AFFECT_CONFIG  (1u << 1)
#define VCPU_MAXIMUM   (1u << 2)

/* Look the domain up; on failure virsh's error was printed. */
static struct vireo_domain *
domain_arg(struct session *s, const struct cmd *cmd)
{
    return session_lookup(s, cmd_string(cmd, "domain"), BY_ANY);
}

/* Print virsh's "error: <what>" line and the error, and fail. */
static int
failed(const struct vireo_error *err, const char *what)
{
    cli_error("%s", what);
    cli_report(err);
    return -1;
}

/* ---- vCPUs ------------------------------------------------------------ */

/* The host's CPUs, as virsh counts them when the driver has no CPU map:
 * from the node's topology. */
int
host_cpu_count(struct session *s)
{
    struct vireo_node_info node;
    struct vireo_error err = { 0 };

    if (vireo_node_get_info(s->conn, &node, &err) < 0)
        return -1;
    return (int)(node.nodes * node.sockets * node.cores * node.threads);
}

static const char *
vcpu_state_string(int state)
{
    static const char *const names[] = { "offline", "running", "blocked" };

    return state >= 0 && state < 3 ? names[state] : "no state";
}

static void
print_affinity(const unsigned char *map, int n_cpus)
{
    printf("%-15s ", "CPU Affinity:");
    for (int c = 0; c < n_cpus; c++)
        putchar(map[c / 8] & (1u << (c % 8)) ? 'y' : '-');
    putchar('\n');
}

static void
print_vcpu(const struct vireo_vcpu_info *v, int n, const unsigned char *map,
           int n_cpus, bool is_pin_only)
{
    FIELD("VCPU:", "%d", n);
    if (is_pin_only) {
        FIELD("CPU:", "%s", "N/A");
        FIELD("State:", "%s", "N/A");
        FIELD("CPU time", "%s", "N/A");
    } else {
        FIELD("CPU:", "%d", v->cpu);
        FIELD("State:", "%s", vcpu_state_string(v->state));
        if (v->cpu_time_ns != 0)
            FIELD("CPU time:", "%.1lfs", (double)v->cpu_time_ns / 1e9);
    }
    print_affinity(map, n_cpus);
}

/* The vCPUs of a running domain, or of a shut-off one only their
 * affinity from its configuration, as virsh falls back to. */
static int
show_vcpus(struct vireo_domain *dom, int n_cpus)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_info info;
    struct vireo_vcpu_info *v = NULL;
    unsigned char *maps = NULL;
    int maplen = (n_cpus + 7) / 8, n = -1;
    bool is_pin_only = false;

    if (vireo_domain_get_info(dom, &info, &err) < 0)
        return failed(&err, "vcpuinfo: failed to get domain info");
    v = calloc(info.n_vcpus + 1, sizeof(*v));
    maps = calloc((size_t)(info.n_vcpus + 1) * (size_t)maplen, 1);
    if (v != NULL && maps != NULL)
        n = vireo_domain_get_vcpus(dom, v, (int)info.n_vcpus, maps, maplen,
                                   &err);
    if (n < 0 && v != NULL && maps != NULL &&
        info.state == VIR_DOMAIN_SHUTOFF) {
        is_pin_only = true;
        n = vireo_domain_get_vcpu_pin_info(dom, (int)info.n_vcpus, maps,
                                           maplen, AFFECT_CONFIG, &err);
    }
    for (int i = 0; i < n; i++) {
        print_vcpu(&v[i], i, maps + (size_t)i * (size_t)maplen, n_cpus,
                   is_pin_only);
        putchar('\n');
    }
    free(v);
    free(maps);
    if (n < 0)
        cli_report(&err);
    return n < 0 ? -1 : 0;
}

int
cmd_vcpuinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    int n_cpus, rc;

    if (dom == NULL)
        return -1;
    n_cpus = host_cpu_count(s);
    rc = n_cpus > 0 ? show_vcpus(dom, n_cpus) : -1;
    vireo_domain_free(dom);
    return rc;
}

/* virsh prints the four counts it can read, in this order, and skips the
 * live ones of a shut-off domain. */
int
cmd_vcpucount(struct session *s, const struct cmd *cmd)
{
    static const struct { const char *which, *where; unsigned flags; }
    rows[] = {
        { "maximum", "config", VCPU_MAXIMUM | AFFECT_CONFIG },
        { "maximum", "live", VCPU_MAXIMUM | AFFECT_LIVE },
        { "current", "config", AFFECT_CONFIG },
        { "current", "live", AFFECT_LIVE },
    };
    struct vireo_domain *dom = domain_arg(s, cmd);

    if (dom == NULL)
        return -1;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct vireo_error err = { 0 };
        int n = vireo_domain_get_vcpus_flags(dom, rows[i].flags, &err);

        if (n >= 0)
            printf("%-12s %-12s %3d\n", rows[i].which, rows[i].where, n);
    }
    putchar('\n');
    vireo_domain_free(dom);
    return 0;
}

/* ---- Memory, disks, interfaces ---------------------------------------- */

static const char *
memory_stat_name(int tag)
{
    static const char *const names[VIR_DOMAIN_MEMORY_STAT_NR] = {
        "swap_in", "swap_out", "major_fault", "minor_fault", "unused",
        "available", "actual", "rss", "usable", "last_update", "disk_caches",
        "hugetlb_pgalloc", "hugetlb_pgfail",
    };

    return tag >= 0 && tag < VIR_DOMAIN_MEMORY_STAT_NR ? names[tag] : NULL;
}

int
cmd_dommemstat(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    struct vireo_memory_stat stats[VIR_DOMAIN_MEMORY_STAT_NR];
    struct vireo_error err = { 0 };
    char what[300];
    int n;

    if (dom == NULL)
        return -1;
    n = vireo_domain_memory_stats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0,
                                  &err);
    if (n < 0) {
        snprintf(what, sizeof(what),
                 "Failed to get memory statistics for domain %s",
                 vireo_domain_get_name(dom));
        vireo_domain_free(dom);
        return failed(&err, what);
    }
    for (int i = 0; i < n; i++)
        if (memory_stat_name(stats[i].tag) != NULL)
            printf("%s %llu\n", memory_stat_name(stats[i].tag), stats[i].val);
    putchar('\n');
    vireo_domain_free(dom);
    return 0;
}

/* One counter: as "DEV name N", or for people as a padded label. -1 means
 * the driver does not count it, and virsh leaves it out. */
static void
print_counter(const char *device, const char *name, const char *label,
              long long value, bool is_human)
{
    if (value < 0)
        return;
    if (is_human)
        printf(" %-31s %lld\n", label, value);
    else
        printf("%s %s %lld\n", device, name, value);
}

int
cmd_domblkstat(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    const char *device = cmd_string(cmd, "device");
    bool is_human = cmd_has(cmd, "human");
    struct vireo_block_stats st;
    struct vireo_error err = { 0 };
    char what[600];

    if (dom == NULL)
        return -1;
    if (device == NULL)
        device = "";
    if (vireo_domain_block_stats(dom, device, &st, &err) < 0) {
        snprintf(what, sizeof(what), "Failed to get block stats %s %s",
                 vireo_domain_get_name(dom), device);
        vireo_domain_free(dom);
        return failed(&err, what);
    }
    if (is_human)
        printf("Device: %s\n", device);
    print_counter(device, "rd_req", "number of read operations:", st.rd_req,
                  is_human);
    print_counter(device, "rd_bytes", "number of bytes read:", st.rd_bytes,
                  is_human);
    print_counter(device, "wr_req", "number of write operations:", st.wr_req,
                  is_human);
    print_counter(device, "wr_bytes", "number of bytes written:",
                  st.wr_bytes, is_human);
    print_counter(device, "errs", "error count:", st.errs, is_human);
    putchar('\n');
    vireo_domain_free(dom);
    return 0;
}

int
cmd_domifstat(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    const char *device = cmd_string(cmd, "interface");
    struct vireo_interface_stats st;
    struct vireo_error err = { 0 };
    char what[600];

    if (dom == NULL)
        return -1;
    if (vireo_domain_interface_stats(dom, device, &st, &err) < 0) {
        snprintf(what, sizeof(what), "Failed to get interface stats %s %s",
                 vireo_domain_get_name(dom), device);
        vireo_domain_free(dom);
        return failed(&err, what);
    }
    print_counter(device, "rx_bytes", NULL, st.rx_bytes, false);
    print_counter(device, "rx_packets", NULL, st.rx_packets, false);
    print_counter(device, "rx_errs", NULL, st.rx_errs, false);
    print_counter(device, "rx_drop", NULL, st.rx_drop, false);
    print_counter(device, "tx_bytes", NULL, st.tx_bytes, false);
    print_counter(device, "tx_packets", NULL, st.tx_packets, false);
    print_counter(device, "tx_errs", NULL, st.tx_errs, false);
    print_counter(device, "tx_drop", NULL, st.tx_drop, false);
    putchar('\n');
    vireo_domain_free(dom);
    return 0;
}

int
cmd_domblkinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    struct vireo_block_info info;
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_get_block_info(dom, cmd_string(cmd, "device"), &info,
                                     0, &err);
    if (rc == 0) {
        FIELD("Capacity:", "%llu", info.capacity);
        FIELD("Allocation:", "%llu", info.allocation);
        FIELD("Physical:", "%llu", info.physical);
        putchar('\n');
    } else {
        cli_report(&err);
    }
    vireo_domain_free(dom);
    return rc;
}

int
cmd_domblkerror(struct session *s, const struct cmd *cmd)
{
    static const char *const names[] = { "no error", "unspecified error",
                                         "no space" };
    struct vireo_domain *dom = domain_arg(s, cmd);
    struct vireo_disk_error *errors = NULL;
    struct vireo_error err = { 0 };
    int n;

    if (dom == NULL)
        return -1;
    n = vireo_domain_get_disk_errors(dom, NULL, 0, 0, &err);
    if (n > 0 && (errors = calloc((size_t)n, sizeof(*errors))) != NULL)
        n = vireo_domain_get_disk_errors(dom, errors, (unsigned)n, 0, &err);
    if (n == 0)
        printf("No errors found\n");
    for (int i = 0; errors != NULL && i < n; i++) {
        int e = errors[i].error;

        printf("%s: %s\n", errors[i].disk,
               e >= 0 && e < 3 ? names[e] : "unknown error");
        free(errors[i].disk);
    }
    free(errors);
    if (n < 0)
        cli_report(&err);
    else
        putchar('\n');
    vireo_domain_free(dom);
    return n < 0 ? -1 : 0;
}

/* ---- Addresses, control state ---------------------------------- */

static void
print_addresses(const struct vireo_domain_interface *ifaces, int n)
{
    printf(" %-10s %-17s    %-12s %s\n%s\n", "Name", "MAC address",
           "Protocol", "Address",
           "-------------------------------------------------------------"
           "------------------");
    for (int i = 0; i < n; i++) {
        const struct vireo_domain_interface *f = &ifaces[i];

        for (int j = 0; j < f->n_addrs; j++)
            printf(" %-10s %-17s    %-12s %s/%u\n",
                   j == 0 ? f->name : "-",
                   j == 0 && f->hwaddr ? f->hwaddr : "-",
                   f->addrs[j].type == 1 ? "ipv6" : "ipv4",
                   f->addrs[j].addr, f->addrs[j].prefix);
    }
    putchar('\n');
}

int
cmd_domifaddr(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_arg(s, cmd);
    struct vireo_domain_interface *ifaces = NULL;
    struct vireo_error err = { 0 };
    int n;

    if (dom == NULL)
        return -1;
    n = vireo_domain_interface_addresses(dom, &ifaces, 0, 0, &err);
    vireo_domain_free(dom);
    if (n < 0)
        return failed(&err, "Failed to query for interfaces addresses");
    print_addresses(ifaces, n);
    vireo_domain_interfaces_free(ifaces, n);
    return 0;
}

int
cmd_domcontrol(struct session *s, const struct cmd *cmd)
{
    static const char *const states[] = { "ok", "background job",
                                          "occupied", "error" };
    struct vireo_domain *dom = domain_arg(s, cmd);
    struct vireo_domain_control_info info;
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_get_control_info(dom, &info, 0, &err);
    if (rc == 0)
        printf("%s\n\n", info.state < 4 ? states[info.state] : "unknown");
    else
        cli_report(&err);
    vireo_domain_free(dom);
    return rc;
}
