/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_tune.c: the tuning calls: memory and vCPU sizes, the scheduler's
 * and <memtune>'s parameters, title, description, renaming and lifecycle
 * actions. Changes are refused on a read-only connection, naming libvirt's
 * function.
 */
#include <stdlib.h>
#include <string.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters with flags add. */
#define STRING_OKAY (1u << 2)

/* 0 if dom's driver fills the slot named what, else VIR_ERR_NO_SUPPORT. */
#define NEED(dom, slot, func, err)                                        \
    ((dom)->conn->driver->slot != NULL                                    \
     ? 0 : error_unsupported((err), (dom)->conn->driver, (func)))

static int
set_memory(struct vireo_domain *dom, unsigned long long kib, unsigned flags,
           const char *func, struct vireo_error *err)
{
    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_set_memory_flags, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_memory_flags(dom, kib, flags, err);
}

int
vireo_domain_set_memory(struct vireo_domain *dom,
                        unsigned long long memory_kib,
                        struct vireo_error *err)
{
    return set_memory(dom, memory_kib, VIR_DOMAIN_AFFECT_LIVE,
                      "virDomainSetMemory", err);
}

int
vireo_domain_set_max_memory(struct vireo_domain *dom,
                            unsigned long long memory_kib,
                            struct vireo_error *err)
{
    return set_memory(dom, memory_kib, VIR_DOMAIN_MEM_MAXIMUM,
                      "virDomainSetMaxMemory", err);
}

int
vireo_domain_set_memory_flags(struct vireo_domain *dom,
                              unsigned long long memory_kib, unsigned flags,
                              struct vireo_error *err)
{
    return set_memory(dom, memory_kib, flags, "virDomainSetMemoryFlags",
                      err);
}

int
vireo_domain_set_vcpus_flags(struct vireo_domain *dom, unsigned n_vcpus,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetVcpusFlags";

    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_set_vcpus_flags, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_vcpus_flags(dom, n_vcpus, flags,
                                                     err);
}

char *
vireo_domain_get_scheduler_type(struct vireo_domain *dom, int *n_params,
                                struct vireo_error *err)
{
    const char *func = "virDomainGetSchedulerType";

    if (check_domain(dom, func, err) < 0 ||
        NEED(dom, domain_get_scheduler_type, func, err) < 0)
        return NULL;
    return dom->conn->driver->domain_get_scheduler_type(dom, n_params, err);
}

int
vireo_domain_get_scheduler_params(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = flags ? "virDomainGetSchedulerParametersFlags"
                             : "virDomainGetSchedulerParameters";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_get_scheduler_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_scheduler_params(
        dom, params, flags != 0 ? flags | STRING_OKAY : 0, err);
}

int
vireo_domain_set_scheduler_params(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = flags ? "virDomainSetSchedulerParametersFlags"
                             : "virDomainSetSchedulerParameters";

    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_set_scheduler_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_scheduler_params(dom, params, flags,
                                                          err);
}

int
vireo_domain_get_memory_params(struct vireo_domain *dom,
                               struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetMemoryParameters";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_get_memory_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_memory_params(
        dom, params, flags | STRING_OKAY, err);
}

int
vireo_domain_set_memory_params(struct vireo_domain *dom,
                               const struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSetMemoryParameters";

    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        NEED(dom, domain_set_memory_params, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_memory_params(dom, params, flags,
                                                       err);
}

char *
vireo_domain_get_metadata(struct vireo_domain *dom, int type,
                          const char *uri, unsigned flags,
                          struct vireo_error *err)
{
    const char *func = "virDomainGetMetadata";

    if (check_domain(dom, func, err) < 0 ||
        NEED(dom, domain_get_metadata, func, err) < 0)
        return NULL;
    return dom->conn->driver->domain_get_metadata(dom, type, uri, flags,
                                                  err);
}

int
vireo_domain_set_metadata(struct vireo_domain *dom, int type,
                          const char *metadata, const char *key,
                          const char *uri, unsigned flags,
                          struct vireo_error *err)
{
    const char *func = "virDomainSetMetadata";

    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_set_metadata, func, err) < 0)
        return -1;
    if (type == VIR_DOMAIN_METADATA_TITLE && metadata != NULL &&
        strchr(metadata, '\n') != NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "metadata title can't contain newlines");
    return dom->conn->driver->domain_set_metadata(dom, type, metadata, key,
                                                  uri, flags, err);
}

/* On success the handle carries the new name, as libvirt's does. */
int
vireo_domain_rename(struct vireo_domain *dom, const char *new_name,
                    unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainRename";
    char *name;

    if (check_domain_change(dom, func, err) < 0 ||
        check_non_null(new_name, "new_name", func, err) < 0 ||
        NEED(dom, domain_rename, func, err) < 0)
        return -1;
    if ((name = strdup(new_name)) == NULL)
        return error_no_memory(err);
    if (dom->conn->driver->domain_rename(dom, new_name, flags, err) < 0) {
        free(name);
        return -1;
    }
    handle_domain_set_name(dom, name);
    return 0;
}

int
vireo_domain_set_lifecycle_action(struct vireo_domain *dom, unsigned type,
                                  unsigned action, unsigned flags,
                                  struct vireo_error *err)
{
    const char *func = "virDomainSetLifecycleAction";

    if (check_domain_change(dom, func, err) < 0 ||
        NEED(dom, domain_set_lifecycle_action, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_lifecycle_action(dom, type, action,
                                                          flags, err);
}
