/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_pin.c: where a domain's threads run: pinning vCPUs, emulator and
 * I/O threads, the NUMA memory policy, and adding, removing and tuning
 * I/O threads. Changes are refused on a read-only connection, naming
 * libvirt's function.
 */

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters with flags add. */
#define STRING_OKAY (1u << 2)

/* 0 if dom's driver fills the slot, else VIR_ERR_NO_SUPPORT naming func. */
#define NEED(dom, slot, func, err)                                        \
    ((dom)->conn->driver->slot != NULL                                    \
     ? 0 : error_unsupported((err), (dom)->conn->driver, (func)))

/* libvirt's checks of a CPU map argument. */
static int
check_map(const unsigned char *map, int maplen, const char *func,
          struct vireo_error *err)
{
    if (check_non_null(map, "cpumap", func, err) < 0)
        return -1;
    if (maplen <= 0)
        return check_invalid_arg(err, "maplen in %s must be greater than 0",
                                 func);
    return 0;
}

int
vireo_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                      const unsigned char *cpumap, int maplen,
                      unsigned flags, struct vireo_error *err)
{
    const char *func = flags != 0 ? "virDomainPinVcpuFlags"
                                  : "virDomainPinVcpu";

    if (check_domain_change(dom, func, err) < 0 ||
        check_map(cpumap, maplen, func, err) < 0 ||
        NEED(dom, domain_pin_vcpu, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_pin_vcpu(dom, vcpu, cpumap, maplen,
                                              flags, err);
}

int
vireo_domain_pin_emulator(struct vireo_domain *dom,
                          const unsigned char *cpumap, int maplen,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainPinEmulator";

    if (check_domain_change(dom, func, err) < 0 ||
        check_map(cpumap, maplen, func, err) < 0 ||
        NEED(dom, domain_pin_emulator, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_pin_emulator(dom, cpumap, maplen, flags,
                                                  err);
}

int
vireo_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                   unsigned char *cpumap, int maplen,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetEmulatorPinInfo";

    if (check_domain(dom, func, err) < 0 ||
        check_map(cpumap, maplen, func, err) < 0 ||
        NEED(dom, domain_get_emulator_pin_info, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_emulator_pin_info(dom, cpumap,
                                                           maplen, flags,
                                                           err);
}

int
vireo_domain_get_numa_params(struct vireo_domain *dom,
                             struct vireo_typed_params *params,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetNumaParameters";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_get_numa_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_numa_params(dom, params,
                                                     flags | STRING_OKAY,
                                                     err);
}

int
vireo_domain_set_numa_params(struct vireo_domain *dom,
                             const struct vireo_typed_params *params,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetNumaParameters";

    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_set_numa_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_numa_params(dom, params, flags,
                                                     err);
}

int
vireo_domain_get_iothread_info(struct vireo_domain *dom,
                               struct vireo_iothread_info **info,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetIOThreadInfo";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(info, "info", func, err) < 0)
        return -1;
    *info = NULL;
    if (NEED(dom, domain_get_iothread_info, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_iothread_info(dom, info, flags,
                                                       err);
}

int
vireo_domain_pin_iothread(struct vireo_domain *dom, unsigned iothread_id,
                          const unsigned char *cpumap, int maplen,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainPinIOThread";

    if (check_domain_change(dom, func, err) < 0 ||
        check_map(cpumap, maplen, func, err) < 0 ||
        NEED(dom, domain_pin_iothread, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_pin_iothread(dom, iothread_id, cpumap,
                                                  maplen, flags, err);
}

int
vireo_domain_add_iothread(struct vireo_domain *dom, unsigned iothread_id,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainAddIOThread";

    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_add_iothread, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_add_iothread(dom, iothread_id, flags,
                                                  err);
}

int
vireo_domain_del_iothread(struct vireo_domain *dom, unsigned iothread_id,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainDelIOThread";

    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_del_iothread, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_del_iothread(dom, iothread_id, flags,
                                                  err);
}

int
vireo_domain_set_iothread_params(struct vireo_domain *dom,
                                 unsigned iothread_id,
                                 const struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetIOThreadParams";

    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_set_iothread_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_iothread_params(dom, iothread_id,
                                                         params, flags, err);
}
