/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_iotune.c: the I/O tuning calls: blkio parameters, a disk's block
 * I/O tune, an interface's bandwidth parameters and the perf events.
 * Each getter returns every parameter the driver gives; changes are
 * refused on a read-only connection, naming libvirt's function.
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

/* The checks every getter makes: the domain, the list, the device when
 * the call names one (device_arg NULL when it does not). */
static int
check_get(struct vireo_domain *dom, const void *params, const char *device,
          const char *device_arg, const char *func, struct vireo_error *err)
{
    if (check_domain(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0)
        return -1;
    if (device_arg != NULL)
        return check_non_null(device, device_arg, func, err);
    return 0;
}

static int
check_set(struct vireo_domain *dom, const void *params, const char *device,
          const char *device_arg, const char *func, struct vireo_error *err)
{
    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0)
        return -1;
    if (device_arg != NULL)
        return check_non_null(device, device_arg, func, err);
    return 0;
}

int
vireo_domain_get_blkio_params(struct vireo_domain *dom,
                              struct vireo_typed_params *params,
                              unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetBlkioParameters";

    if (check_get(dom, params, NULL, NULL, func, err) < 0 ||
        NEED(dom, domain_get_blkio_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_blkio_params(
        dom, params, flags | STRING_OKAY, err);
}

int
vireo_domain_set_blkio_params(struct vireo_domain *dom,
                              const struct vireo_typed_params *params,
                              unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetBlkioParameters";

    if (check_set(dom, params, NULL, NULL, func, err) < 0 ||
        NEED(dom, domain_set_blkio_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_blkio_params(dom, params, flags,
                                                      err);
}

int
vireo_domain_get_block_io_tune(struct vireo_domain *dom, const char *disk,
                               struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetBlockIoTune";

    if (check_get(dom, params, disk, "disk", func, err) < 0 ||
        NEED(dom, domain_get_block_io_tune, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_block_io_tune(
        dom, disk, params, flags | STRING_OKAY, err);
}

int
vireo_domain_set_block_io_tune(struct vireo_domain *dom, const char *disk,
                               const struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetBlockIoTune";

    if (check_set(dom, params, disk, "disk", func, err) < 0 ||
        NEED(dom, domain_set_block_io_tune, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_block_io_tune(dom, disk, params,
                                                       flags, err);
}

int
vireo_domain_get_interface_params(struct vireo_domain *dom,
                                  const char *device,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetInterfaceParameters";

    if (check_get(dom, params, device, "device", func, err) < 0 ||
        NEED(dom, domain_get_interface_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_interface_params(
        dom, device, params, flags | STRING_OKAY, err);
}

int
vireo_domain_set_interface_params(struct vireo_domain *dom,
                                  const char *device,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetInterfaceParameters";

    if (check_set(dom, params, device, "device", func, err) < 0 ||
        NEED(dom, domain_set_interface_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_interface_params(dom, device,
                                                          params, flags, err);
}

int
vireo_domain_get_perf_events(struct vireo_domain *dom,
                             struct vireo_typed_params *params,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetPerfEvents";

    if (check_get(dom, params, NULL, NULL, func, err) < 0 ||
        NEED(dom, domain_get_perf_events, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_perf_events(
        dom, params, flags | STRING_OKAY, err);
}

int
vireo_domain_set_perf_events(struct vireo_domain *dom,
                             const struct vireo_typed_params *params,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetPerfEvents";

    if (check_set(dom, params, NULL, NULL, func, err) < 0 ||
        NEED(dom, domain_set_perf_events, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_perf_events(dom, params, flags,
                                                     err);
}
