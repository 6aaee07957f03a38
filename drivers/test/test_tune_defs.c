/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_tune_defs.c: which definitions of a test domain a tuning call
 * reads or changes, by libvirt's rules for VIR_DOMAIN_AFFECT_LIVE, _CONFIG
 * and _CURRENT (virDomainObjGetOneDefState, virDomainObjGetDefs). Test
 * driver's thread.
 */
#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_tune.h"

/* CURRENT becomes LIVE or CONFIG; LIVE needs a running domain and CONFIG
 * a persistent one. */
static int
settle_impact(const struct domain_obj *obj, unsigned *flags,
              struct vireo_error *err)
{
    bool is_active = domain_obj_is_active(obj);

    if ((*flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)) == 0)
        *flags |= is_active ? VIR_DOMAIN_AFFECT_LIVE
                            : VIR_DOMAIN_AFFECT_CONFIG;
    if (!is_active && (*flags & VIR_DOMAIN_AFFECT_LIVE) != 0)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "domain is not running");
    if (!obj->is_persistent && (*flags & VIR_DOMAIN_AFFECT_CONFIG) != 0)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "transient domains do not have any persistent "
                         "config");
    return 0;
}

/* A running persistent domain's next-start definition. libvirt keeps one
 * from the start; here it is made when first needed, as a copy of the
 * live one. */
static struct domain_def *
persistent_of_active(struct domain_obj *obj, struct vireo_error *err)
{
    if (obj->new_def == NULL) {
        obj->new_def = domain_def_copy(obj->def);
        if (obj->new_def == NULL)
            error_no_memory(err);
    }
    return obj->new_def;
}

/* Before the live definition of a running persistent domain changes alone,
 * the persistent one must exist apart from it, or the change would leak
 * into the next start. */
static int
keep_persistent(struct domain_obj *obj, struct vireo_error *err)
{
    if (!domain_obj_is_active(obj) || !obj->is_persistent)
        return 0;
    return persistent_of_active(obj, err) != NULL ? 0 : -1;
}

struct domain_def *
test_tune_one_def(struct domain_obj *obj, unsigned flags, bool *is_live,
                  struct vireo_error *err)
{
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) != 0 &&
        (flags & VIR_DOMAIN_AFFECT_CONFIG) != 0) {
        /* libvirtd words this one without the "invalid argument: "
         * prefix (virsh perf --live --config shows it so). */
        error_set_raw(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                      "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
                      "'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        return NULL;
    }
    if (settle_impact(obj, &flags, err) < 0)
        return NULL;
    if (is_live != NULL)
        *is_live = (flags & VIR_DOMAIN_AFFECT_LIVE) != 0;
    if (domain_obj_is_active(obj) && (flags & VIR_DOMAIN_AFFECT_CONFIG) != 0)
        return persistent_of_active(obj, err);
    return keep_persistent(obj, err) < 0 ? NULL : obj->def;
}

const struct domain_def *
test_tune_read_def(struct domain_obj *obj, unsigned flags,
                   struct vireo_error *err)
{
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) != 0 &&
        (flags & VIR_DOMAIN_AFFECT_CONFIG) != 0)
        return test_tune_one_def(obj, flags, NULL, err);
    if (settle_impact(obj, &flags, err) < 0)
        return NULL;
    if (domain_obj_is_active(obj) && (flags & VIR_DOMAIN_AFFECT_CONFIG) != 0)
        return obj->new_def != NULL ? obj->new_def : obj->def;
    return obj->def;
}

int
test_tune_defs(struct domain_obj *obj, unsigned flags,
               struct domain_def **live, struct domain_def **persistent,
               struct vireo_error *err)
{
    *live = NULL;
    *persistent = NULL;
    if (settle_impact(obj, &flags, err) < 0)
        return -1;
    if (!domain_obj_is_active(obj)) {
        *persistent = obj->def;
        return 0;
    }
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) != 0 &&
        keep_persistent(obj, err) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) != 0)
        *live = obj->def;
    if ((flags & VIR_DOMAIN_AFFECT_CONFIG) != 0 &&
        (*persistent = persistent_of_active(obj, err)) == NULL)
        return -1;
    return 0;
}
