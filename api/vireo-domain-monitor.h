/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain-monitor.h: the part of the public header for domain
 * monitoring: information, statistics and jobs.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_MONITOR_H
#define VIREO_DOMAIN_MONITOR_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain-monitor.h"
#endif

/* Domain monitoring. */

/* One vCPU as vireo_domain_get_vcpus() reports it (libvirt's
 * virVcpuInfo). */
struct vireo_vcpu_info {
    unsigned int       number;
    int                state;        /* VIR_VCPU_OFFLINE 0, RUNNING 1,
                                      * BLOCKED 2 */
    unsigned long long cpu_time_ns;
    int                cpu;          /* the host CPU it runs on, or -1 */
};

/* One memory statistic (libvirt's virDomainMemoryStat): tag is one of
 * libvirt's VIR_DOMAIN_MEMORY_STAT_* numbers, in KiB unless the tag says
 * otherwise. */
struct vireo_memory_stat {
    int                tag;
    unsigned long long val;
};

enum vireo_domain_memory_stat_tag {
    VIR_DOMAIN_MEMORY_STAT_SWAP_IN         = 0,
    VIR_DOMAIN_MEMORY_STAT_SWAP_OUT        = 1,
    VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT     = 2,
    VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT     = 3,
    VIR_DOMAIN_MEMORY_STAT_UNUSED          = 4,
    VIR_DOMAIN_MEMORY_STAT_AVAILABLE       = 5,
    VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON  = 6,
    VIR_DOMAIN_MEMORY_STAT_RSS             = 7,
    VIR_DOMAIN_MEMORY_STAT_USABLE          = 8,
    VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE     = 9,
    VIR_DOMAIN_MEMORY_STAT_DISK_CACHES     = 10,
    VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC = 11,
    VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL  = 12,
    VIR_DOMAIN_MEMORY_STAT_NR              = 13,
};

/* Block device and interface counters; -1 for one a driver does not
 * count (libvirt's virDomainBlockStats and virDomainInterfaceStats). */
struct vireo_block_stats {
    long long rd_req, rd_bytes, wr_req, wr_bytes, errs;
};

struct vireo_interface_stats {
    long long rx_bytes, rx_packets, rx_errs, rx_drop;
    long long tx_bytes, tx_packets, tx_errs, tx_drop;
};

/* A disk's sizes in bytes (libvirt's virDomainBlockInfo). */
struct vireo_block_info {
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long physical;
};

/* An I/O error a disk met (libvirt's virDomainDiskError); disk is
 * malloc'ed, freed by the caller. */
struct vireo_disk_error {
    char *disk;                      /* its target, "vda" */
    int   error;                     /* VIR_DOMAIN_DISK_ERROR_* */
};

enum vireo_domain_disk_error_code {
    VIR_DOMAIN_DISK_ERROR_NONE     = 0,
    VIR_DOMAIN_DISK_ERROR_UNSPEC   = 1,
    VIR_DOMAIN_DISK_ERROR_NO_SPACE = 2,
};

/* What the management side of a domain is doing (libvirt's
 * virDomainControlInfo). */
struct vireo_domain_control_info {
    unsigned int       state;        /* VIR_DOMAIN_CONTROL_OK 0, JOB 1,
                                      * OCCUPIED 2, ERROR 3 */
    unsigned int       details;
    unsigned long long state_time_ms;
};

/* Statistics groups of vireo_conn_get_all_domain_stats(). */
enum vireo_domain_stats_types {
    VIR_DOMAIN_STATS_STATE = 1 << 0,
};

/* Its flags: which domains, and how strictly. */
enum vireo_conn_get_all_domain_stats_flags {
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE        = 1 << 0,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE      = 1 << 1,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT    = 1 << 2,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT     = 1 << 3,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING       = 1 << 4,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED        = 1 << 5,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF       = 1 << 6,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER         = 1 << 7,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT        = 1 << 29,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING       = 1 << 30,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS = 1u << 31,
};

/* One domain's statistics: a reference on dom and the typed parameters,
 * both the record's (vireo_domain_stats_free()). */
struct vireo_domain_stats_record {
    struct vireo_domain       *dom;
    struct vireo_typed_params  params;
};

/* libvirt's virDomainGetVcpus: up to maxinfo vCPUs of a running domain
 * into info, and when cpumaps is not NULL each one's host CPU affinity,
 * maplen bytes per vCPU. Returns how many were filled, or -1. */
VIREO_API int vireo_domain_get_vcpus(struct vireo_domain *dom,
                                     struct vireo_vcpu_info *info,
                                     int maxinfo, unsigned char *cpumaps,
                                     int maplen, struct vireo_error *err);
/* libvirt's virDomainGetVcpuPinInfo: the affinity of ncpumaps vCPUs of
 * the live or persistent definition (flags VIR_DOMAIN_AFFECT_*), maplen
 * bytes each. Returns the number of vCPUs, or -1. */
VIREO_API int vireo_domain_get_vcpu_pin_info(struct vireo_domain *dom,
                                             int ncpumaps,
                                             unsigned char *cpumaps,
                                             int maplen, unsigned flags,
                                             struct vireo_error *err);
/* libvirt's virDomainGetVcpusFlags and virDomainGetMaxVcpus. */
VIREO_API int vireo_domain_get_vcpus_flags(struct vireo_domain *dom,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_domain_get_max_vcpus(struct vireo_domain *dom,
                                         struct vireo_error *err);
/* libvirt's virDomainMemoryStats: up to nr_stats statistics; returns how
 * many, or -1. */
VIREO_API int vireo_domain_memory_stats(struct vireo_domain *dom,
                                        struct vireo_memory_stat *stats,
                                        unsigned int nr_stats,
                                        unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virDomainBlockStats (disk by target or source path) and
 * virDomainInterfaceStats (interface by host name or MAC address). */
VIREO_API int vireo_domain_block_stats(struct vireo_domain *dom,
                                       const char *disk,
                                       struct vireo_block_stats *stats,
                                       struct vireo_error *err);
VIREO_API int vireo_domain_interface_stats(struct vireo_domain *dom,
                                           const char *device,
                                           struct vireo_interface_stats *stats,
                                           struct vireo_error *err);
/* libvirt's virDomainGetBlockInfo. */
VIREO_API int vireo_domain_get_block_info(struct vireo_domain *dom,
                                          const char *disk,
                                          struct vireo_block_info *info,
                                          unsigned flags,
                                          struct vireo_error *err);
/* libvirt's virDomainGetDiskErrors: with errors NULL (and maxerrors 0)
 * the number of disks with an error; else up to maxerrors of them, whose
 * disk names the caller frees. Returns the count, or -1. */
VIREO_API int vireo_domain_get_disk_errors(struct vireo_domain *dom,
                                           struct vireo_disk_error *errors,
                                           unsigned int maxerrors,
                                           unsigned flags,
                                           struct vireo_error *err);
/* libvirt's virDomainGetControlInfo. */
VIREO_API int vireo_domain_get_control_info(
    struct vireo_domain *dom, struct vireo_domain_control_info *info,
    unsigned flags, struct vireo_error *err);
/* libvirt's virDomainIsUpdated: 1 if the live definition differs from
 * the persistent one, else 0; -1 on error. */
VIREO_API int vireo_domain_is_updated(struct vireo_domain *dom,
                                      struct vireo_error *err);
/* libvirt's virConnectGetAllDomainStats (doms NULL) and
 * virDomainListGetStats (the n_doms domains of doms): the stats groups
 * asked for (0: all the driver has) of each domain. *records is then a
 * malloc'ed array of the returned count; free it with
 * vireo_domain_stats_free(). */
VIREO_API int vireo_conn_get_all_domain_stats(
    struct vireo_conn *conn, struct vireo_domain **doms, int n_doms,
    unsigned int stats, struct vireo_domain_stats_record **records,
    unsigned flags, struct vireo_error *err);
VIREO_API void vireo_domain_stats_free(struct vireo_domain_stats_record *recs,
                                       int n);

/* libvirt's virDomainGetCPUStats. With nparams 0 it only counts: the
 * statistics per CPU (or of the total with start_cpu -1), or with ncpus 0
 * too the host CPUs. Else params is an array of ncpus lists (one, for the
 * total), each starting empty, that receive up to nparams statistics of
 * CPUs start_cpu, start_cpu + 1 ...; returns how many each got, or -1. */
VIREO_API int vireo_domain_get_cpu_stats(struct vireo_domain *dom,
                                         struct vireo_typed_params *params,
                                         unsigned int nparams, int start_cpu,
                                         unsigned int ncpus, unsigned flags,
                                         struct vireo_error *err);

/* One address of a guest interface (libvirt's virDomainIPAddress). */
struct vireo_domain_ip_addr {
    int          type;               /* VIR_IP_ADDR_TYPE_IPV4 0, IPV6 1 */
    char        *addr;
    unsigned int prefix;
};

/* A guest interface and its addresses (libvirt's virDomainInterface). */
struct vireo_domain_interface {
    char                        *name;
    char                        *hwaddr;     /* may be NULL */
    struct vireo_domain_ip_addr *addrs;
    int                          n_addrs;
};

/* libvirt's virDomainInterfaceAddresses: the interfaces of a running
 * domain as source (VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE 0, AGENT 1,
 * ARP 2) knows them. *ifaces is a malloc'ed array of the returned count;
 * free it with vireo_domain_interfaces_free(). */
VIREO_API int vireo_domain_interface_addresses(
    struct vireo_domain *dom, struct vireo_domain_interface **ifaces,
    unsigned int source, unsigned flags, struct vireo_error *err);
VIREO_API void vireo_domain_interfaces_free(
    struct vireo_domain_interface *ifaces, int n);

/* ---- Statistics groups of the QEMU driver's domstats ------------------ */

/* More groups of vireo_conn_get_all_domain_stats(), libvirt's numbers:
 * net.N.* (each interface's tap counters) and block.N.* (each disk's). */
enum vireo_domain_stats_device_types {
    VIR_DOMAIN_STATS_INTERFACE = 1 << 4,
    VIR_DOMAIN_STATS_BLOCK     = 1 << 5,
};

#endif /* VIREO_DOMAIN_MONITOR_H */
