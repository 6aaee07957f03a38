/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_monitor.c: what a domain is doing: its vCPUs, memory, block and
 * interface statistics, disk sizes and errors, control state, clock, and
 * the statistics records of domstats. None changes anything, so all work
 * on a read-only connection.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

int
vireo_domain_get_vcpus(struct vireo_domain *dom, struct vireo_vcpu_info *info,
                       int maxinfo, unsigned char *cpumaps, int maplen,
                       struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetVcpus", err) < 0 ||
        check_non_null(info, "info", "virDomainGetVcpus", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_vcpus == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainGetVcpus");
    return dom->conn->driver->domain_get_vcpus(
        dom, info, maxinfo, cpumaps, maplen, err);
}

int
vireo_domain_get_vcpu_pin_info(struct vireo_domain *dom, int ncpumaps,
                               unsigned char *cpumaps, int maplen,
                               unsigned flags, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetVcpuPinInfo", err) < 0 ||
        check_non_null(cpumaps, "cpumaps", "virDomainGetVcpuPinInfo", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_vcpu_pin_info == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetVcpuPinInfo");
    return dom->conn->driver->domain_get_vcpu_pin_info(
        dom, ncpumaps, cpumaps, maplen, flags, err);
}

int
vireo_domain_get_vcpus_flags(struct vireo_domain *dom, unsigned flags,
                             struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetVcpusFlags", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_vcpus_flags == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetVcpusFlags");
    return dom->conn->driver->domain_get_vcpus_flags(dom, flags, err);
}

int
vireo_domain_get_max_vcpus(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetMaxVcpus", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_max_vcpus == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetMaxVcpus");
    return dom->conn->driver->domain_get_max_vcpus(dom, err);
}

int
vireo_domain_memory_stats(struct vireo_domain *dom,
                          struct vireo_memory_stat *stats,
                          unsigned int nr_stats, unsigned flags,
                          struct vireo_error *err)
{
    if (check_domain(dom, "virDomainMemoryStats", err) < 0 ||
        check_non_null(stats, "stats", "virDomainMemoryStats", err) < 0)
        return -1;
    if (dom->conn->driver->domain_memory_stats == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainMemoryStats");
    return dom->conn->driver->domain_memory_stats(
        dom, stats, nr_stats, flags, err);
}

int
vireo_domain_block_stats(struct vireo_domain *dom, const char *disk,
                         struct vireo_block_stats *stats,
                         struct vireo_error *err)
{
    if (check_domain(dom, "virDomainBlockStats", err) < 0 ||
        check_non_null(disk, "disk", "virDomainBlockStats", err) < 0 ||
        check_non_null(stats, "stats", "virDomainBlockStats", err) < 0)
        return -1;
    if (dom->conn->driver->domain_block_stats == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainBlockStats");
    return dom->conn->driver->domain_block_stats(dom, disk, stats, err);
}

int
vireo_domain_interface_stats(struct vireo_domain *dom, const char *device,
                             struct vireo_interface_stats *stats,
                             struct vireo_error *err)
{
    if (check_domain(dom, "virDomainInterfaceStats", err) < 0 ||
        check_non_null(device, "device", "virDomainInterfaceStats", err) < 0 ||
        check_non_null(stats, "stats", "virDomainInterfaceStats", err) < 0)
        return -1;
    if (dom->conn->driver->domain_interface_stats == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainInterfaceStats");
    return dom->conn->driver->domain_interface_stats(dom, device, stats, err);
}

int
vireo_domain_get_block_info(struct vireo_domain *dom, const char *disk,
                            struct vireo_block_info *info, unsigned flags,
                            struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetBlockInfo", err) < 0 ||
        check_non_null(disk, "disk", "virDomainGetBlockInfo", err) < 0 ||
        check_non_null(info, "info", "virDomainGetBlockInfo", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_block_info == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetBlockInfo");
    return dom->conn->driver->domain_get_block_info(
        dom, disk, info, flags, err);
}

int
vireo_domain_get_disk_errors(struct vireo_domain *dom,
                             struct vireo_disk_error *errors,
                             unsigned int maxerrors, unsigned flags,
                             struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetDiskErrors", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_disk_errors == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetDiskErrors");
    return dom->conn->driver->domain_get_disk_errors(
        dom, errors, maxerrors, flags, err);
}

int
vireo_domain_get_control_info(struct vireo_domain *dom,
                              struct vireo_domain_control_info *info,
                              unsigned flags, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetControlInfo", err) < 0 ||
        check_non_null(info, "info", "virDomainGetControlInfo", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_control_info == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetControlInfo");
    return dom->conn->driver->domain_get_control_info(dom, info, flags, err);
}

int
vireo_domain_is_updated(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainIsUpdated", err) < 0)
        return -1;
    if (dom->conn->driver->domain_is_updated == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainIsUpdated");
    return dom->conn->driver->domain_is_updated(dom, err);
}


int
vireo_conn_get_all_domain_stats(struct vireo_conn *conn,
                                struct vireo_domain **doms, int n_doms,
                                unsigned int stats,
                                struct vireo_domain_stats_record **records,
                                unsigned flags, struct vireo_error *err)
{
    const char *func = doms != NULL ? "virDomainListGetStats"
                                    : "virConnectGetAllDomainStats";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(records, "retStats", func, err) < 0 ||
        check_non_negative(n_doms, "ndoms", func, err) < 0)
        return -1;
    for (int i = 0; doms != NULL && i < n_doms; i++)
        if (doms[i] == NULL || doms[i]->conn != conn)
            return check_invalid_arg(err, "domains from different "
                                          "connections");
    if (conn->driver->conn_get_all_domain_stats == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->conn_get_all_domain_stats(conn, doms, n_doms, stats,
                                                   records, flags, err);
}

int
vireo_domain_get_cpu_stats(struct vireo_domain *dom,
                           struct vireo_typed_params *params,
                           unsigned int nparams, int start_cpu,
                           unsigned int ncpus, unsigned flags,
                           struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetCPUStats", err) < 0)
        return -1;
    /* libvirt's rules: a CPU from -1 (the total, then exactly one list)
     * up, and lists exactly when statistics are asked for. */
    if (start_cpu < -1 || (start_cpu == -1 && ncpus != 1) ||
        ((params == NULL) != (nparams == 0)) ||
        (ncpus == 0 && params != NULL))
        return check_invalid_arg(err, "arguments in virDomainGetCPUStats "
                                      "are not consistent");
    if (dom->conn->driver->domain_get_cpu_stats == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetCPUStats");
    return dom->conn->driver->domain_get_cpu_stats(dom, params, nparams,
                                                   start_cpu, ncpus, flags,
                                                   err);
}

int
vireo_domain_interface_addresses(struct vireo_domain *dom,
                                 struct vireo_domain_interface **ifaces,
                                 unsigned int source, unsigned flags,
                                 struct vireo_error *err)
{
    if (check_domain(dom, "virDomainInterfaceAddresses", err) < 0 ||
        check_non_null(ifaces, "ifaces", "virDomainInterfaceAddresses",
                       err) < 0)
        return -1;
    *ifaces = NULL;
    if (dom->conn->driver->domain_interface_addresses == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainInterfaceAddresses");
    return dom->conn->driver->domain_interface_addresses(dom, ifaces, source,
                                                         flags, err);
}
