/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_checkpoint.c: the checkpoint API (libvirt's virDomainCheckpoint*
 * and virDomainListAllCheckpoints). Each entry point checks its arguments
 * as libvirt's does, then calls the driver's slot and returns its error
 * untouched. A checkpoint handle names a checkpoint of one domain and
 * holds that domain's handle.
 */
#include "api/check.h"
#include "drivers/checkpoint_handle.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* chk is a checkpoint handle on an open connection. */
static int
check_checkpoint(const struct vireo_domain_checkpoint *chk, const char *func,
                 struct vireo_error *err)
{
    if (chk == NULL || chk->dom == NULL || chk->dom->conn == NULL ||
        chk->dom->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_DOMAIN_CHECKPOINT,
                         VIR_FROM_DOMAIN_CHECKPOINT, "%s", func);
    return 0;
}

/* The driver of a domain, if its slot (a pointer in the driver table) is
 * filled; else NULL with VIR_ERR_NO_SUPPORT naming func. */
#define SLOT_OF(dom, slot, func, err)                                     \
    ((dom)->conn->driver->slot != NULL                                    \
     ? (dom)->conn->driver                                                \
     : (error_unsupported(err, (dom)->conn->driver, func), NULL))

const char *
vireo_domain_checkpoint_get_name(const struct vireo_domain_checkpoint *chk)
{
    return chk != NULL ? chk->name : NULL;
}

struct vireo_domain *
vireo_domain_checkpoint_get_domain(const struct vireo_domain_checkpoint *chk)
{
    return chk != NULL ? chk->dom : NULL;
}

void
vireo_domain_checkpoint_free(struct vireo_domain_checkpoint *chk)
{
    handle_checkpoint_unref(chk);
}

/* libvirt's own checks of the creation flags. */
static int
check_create_flags(unsigned flags, struct vireo_error *err)
{
    if ((flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE) &&
        (flags & VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE))
        return check_invalid_arg(err, "Flags 'VIR_DOMAIN_CHECKPOINT_CREATE_"
                                 "REDEFINE' and 'VIR_DOMAIN_CHECKPOINT_"
                                 "CREATE_QUIESCE' are mutually exclusive");
    if ((flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE) &&
        !(flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE))
        return check_invalid_arg(err, "Flag 'VIR_DOMAIN_CHECKPOINT_CREATE_"
                                 "REDEFINE' is required by flag 'VIR_DOMAIN_"
                                 "CHECKPOINT_CREATE_REDEFINE_VALIDATE'");
    return 0;
}

struct vireo_domain_checkpoint *
vireo_domain_checkpoint_create_xml(struct vireo_domain *dom, const char *xml,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainCheckpointCreateXML";
    const struct driver *driver;

    if (check_domain(dom, func, err) < 0 ||
        check_writable(dom->conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0 ||
        check_create_flags(flags, err) < 0 ||
        (driver = SLOT_OF(dom, domain_checkpoint_create_xml, func,
                          err)) == NULL)
        return NULL;
    return driver->domain_checkpoint_create_xml(dom, xml, flags, err);
}

char *
vireo_domain_checkpoint_get_xml_desc(struct vireo_domain_checkpoint *chk,
                                     unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainCheckpointGetXMLDesc";
    const struct driver *driver;

    if (check_checkpoint(chk, func, err) < 0 ||
        (driver = SLOT_OF(chk->dom, domain_checkpoint_get_xml_desc, func,
                          err)) == NULL)
        return NULL;
    return driver->domain_checkpoint_get_xml_desc(chk, flags, err);
}

int
vireo_domain_list_all_checkpoints(struct vireo_domain *dom,
                                  struct vireo_domain_checkpoint ***chks,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainListAllCheckpoints";
    const struct driver *driver;

    if (chks != NULL)
        *chks = NULL;
    if (check_domain(dom, func, err) < 0 ||
        (driver = SLOT_OF(dom, domain_list_all_checkpoints, func,
                          err)) == NULL)
        return -1;
    return driver->domain_list_all_checkpoints(dom, chks, flags, err);
}

int
vireo_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err)
{
    const char *func = "virDomainCheckpointListAllChildren";
    const struct driver *driver;

    if (chks != NULL)
        *chks = NULL;
    if (check_checkpoint(chk, func, err) < 0 ||
        (driver = SLOT_OF(chk->dom, domain_checkpoint_list_all_children,
                          func, err)) == NULL)
        return -1;
    return driver->domain_checkpoint_list_all_children(chk, chks, flags,
                                                       err);
}

struct vireo_domain_checkpoint *
vireo_domain_checkpoint_lookup_by_name(struct vireo_domain *dom,
                                       const char *name, unsigned flags,
                                       struct vireo_error *err)
{
    const char *func = "virDomainCheckpointLookupByName";
    const struct driver *driver;

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(name, "name", func, err) < 0 ||
        (driver = SLOT_OF(dom, domain_checkpoint_lookup_by_name, func,
                          err)) == NULL)
        return NULL;
    return driver->domain_checkpoint_lookup_by_name(dom, name, flags, err);
}

struct vireo_domain_checkpoint *
vireo_domain_checkpoint_get_parent(struct vireo_domain_checkpoint *chk,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainCheckpointGetParent";
    const struct driver *driver;

    if (check_checkpoint(chk, func, err) < 0 ||
        (driver = SLOT_OF(chk->dom, domain_checkpoint_get_parent, func,
                          err)) == NULL)
        return NULL;
    return driver->domain_checkpoint_get_parent(chk, flags, err);
}

int
vireo_domain_checkpoint_delete(struct vireo_domain_checkpoint *chk,
                               unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainCheckpointDelete";
    const struct driver *driver;

    if (check_checkpoint(chk, func, err) < 0 ||
        check_writable(chk->dom->conn, func, err) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN) &&
        (flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY))
        return check_invalid_arg(err, "Flags 'VIR_DOMAIN_CHECKPOINT_DELETE_"
                                 "CHILDREN' and 'VIR_DOMAIN_CHECKPOINT_DELETE_"
                                 "CHILDREN_ONLY' are mutually exclusive");
    if ((driver = SLOT_OF(chk->dom, domain_checkpoint_delete, func,
                          err)) == NULL)
        return -1;
    return driver->domain_checkpoint_delete(chk, flags, err);
}
