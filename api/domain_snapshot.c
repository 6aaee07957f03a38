/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_snapshot.c: the snapshot API (libvirt's virDomainSnapshot*).
 * Each entry point checks its arguments as libvirt's does, then calls the
 * driver's slot and returns its error untouched. A snapshot handle names
 * a snapshot of one domain and holds that domain's handle.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/snapshot_handle.h"

/* snap is a snapshot handle on an open connection. */
static int
check_snapshot(const struct vireo_domain_snapshot *snap, const char *func,
               struct vireo_error *err)
{
    if (snap == NULL || snap->dom == NULL || snap->dom->conn == NULL ||
        snap->dom->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_DOMAIN_SNAPSHOT,
                         VIR_FROM_DOMAIN_SNAPSHOT, "%s", func);
    return 0;
}

static const struct driver *
drv(const struct vireo_domain_snapshot *snap)
{
    return snap->dom->conn->driver;
}

/* The slot is filled, or VIR_ERR_NO_SUPPORT naming func. */
static int
need(const struct driver *driver, bool has_slot, const char *func,
     struct vireo_error *err)
{
    return has_slot ? 0 : error_unsupported(err, driver, func);
}

const char *
vireo_domain_snapshot_get_name(const struct vireo_domain_snapshot *snap)
{
    return snap != NULL ? snap->name : NULL;
}

struct vireo_domain *
vireo_domain_snapshot_get_domain(const struct vireo_domain_snapshot *snap)
{
    return snap != NULL ? snap->dom : NULL;
}

void
vireo_domain_snapshot_free(struct vireo_domain_snapshot *snap)
{
    handle_snapshot_unref(snap);
}

struct vireo_domain_snapshot *
vireo_domain_snapshot_create_xml(struct vireo_domain *dom, const char *xml,
                                 unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotCreateXML";

    if (check_domain(dom, func, err) < 0 ||
        check_writable(dom->conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0 ||
        need(dom->conn->driver,
             dom->conn->driver->domain_snapshot_create_xml != NULL, func,
             err) < 0)
        return NULL;
    return dom->conn->driver->domain_snapshot_create_xml(dom, xml, flags, err);
}

int
vireo_domain_list_all_snapshots(struct vireo_domain *dom,
                                struct vireo_domain_snapshot ***snaps,
                                unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainListAllSnapshots";

    if (snaps != NULL)
        *snaps = NULL;
    if (check_domain(dom, func, err) < 0 ||
        need(dom->conn->driver,
             dom->conn->driver->domain_list_all_snapshots != NULL, func,
             err) < 0)
        return -1;
    return dom->conn->driver->domain_list_all_snapshots(dom, snaps, flags,
                                                        err);
}

int
vireo_domain_snapshot_list_all_children(struct vireo_domain_snapshot *snap,
                                        struct vireo_domain_snapshot ***snaps,
                                        unsigned flags,
                                        struct vireo_error *err)
{
    const char *func = "virDomainSnapshotListAllChildren";

    if (snaps != NULL)
        *snaps = NULL;
    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_list_all_children != NULL,
             func, err) < 0)
        return -1;
    return drv(snap)->domain_snapshot_list_all_children(snap, snaps, flags,
                                                        err);
}

int
vireo_domain_snapshot_num_children(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotNumChildren";

    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_num_children != NULL,
             func, err) < 0)
        return -1;
    return drv(snap)->domain_snapshot_num_children(snap, flags, err);
}

struct vireo_domain_snapshot *
vireo_domain_snapshot_lookup_by_name(struct vireo_domain *dom,
                                     const char *name, unsigned flags,
                                     struct vireo_error *err)
{
    const char *func = "virDomainSnapshotLookupByName";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(name, "name", func, err) < 0 ||
        need(dom->conn->driver,
             dom->conn->driver->domain_snapshot_lookup_by_name != NULL, func,
             err) < 0)
        return NULL;
    return dom->conn->driver->domain_snapshot_lookup_by_name(dom, name, flags,
                                                             err);
}

int
vireo_domain_has_current_snapshot(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err)
{
    const char *func = "virDomainHasCurrentSnapshot";

    if (check_domain(dom, func, err) < 0 ||
        need(dom->conn->driver,
             dom->conn->driver->domain_has_current_snapshot != NULL, func,
             err) < 0)
        return -1;
    return dom->conn->driver->domain_has_current_snapshot(dom, flags, err);
}

struct vireo_domain_snapshot *
vireo_domain_snapshot_current(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err)
{
    const char *func = "virDomainSnapshotCurrent";

    if (check_domain(dom, func, err) < 0 ||
        need(dom->conn->driver,
             dom->conn->driver->domain_snapshot_current != NULL, func,
             err) < 0)
        return NULL;
    return dom->conn->driver->domain_snapshot_current(dom, flags, err);
}

struct vireo_domain_snapshot *
vireo_domain_snapshot_get_parent(struct vireo_domain_snapshot *snap,
                                 unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotGetParent";

    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_get_parent != NULL, func,
             err) < 0)
        return NULL;
    return drv(snap)->domain_snapshot_get_parent(snap, flags, err);
}

char *
vireo_domain_snapshot_get_xml_desc(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotGetXMLDesc";

    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_get_xml_desc != NULL,
             func, err) < 0)
        return NULL;
    return drv(snap)->domain_snapshot_get_xml_desc(snap, flags, err);
}

int
vireo_domain_snapshot_is_current(struct vireo_domain_snapshot *snap,
                                 unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotIsCurrent";

    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_is_current != NULL, func,
             err) < 0)
        return -1;
    return drv(snap)->domain_snapshot_is_current(snap, flags, err);
}

int
vireo_domain_snapshot_has_metadata(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotHasMetadata";

    if (check_snapshot(snap, func, err) < 0 ||
        need(drv(snap), drv(snap)->domain_snapshot_has_metadata != NULL,
             func, err) < 0)
        return -1;
    return drv(snap)->domain_snapshot_has_metadata(snap, flags, err);
}

int
vireo_domain_revert_to_snapshot(struct vireo_domain_snapshot *snap,
                                unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainRevertToSnapshot";

    if (check_snapshot(snap, func, err) < 0 ||
        check_writable(snap->dom->conn, func, err) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) &&
        (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))
        return check_invalid_arg(err, "Flags 'VIR_DOMAIN_SNAPSHOT_REVERT_"
                                 "RUNNING' and 'VIR_DOMAIN_SNAPSHOT_REVERT_"
                                 "PAUSED' are mutually exclusive");
    if (need(drv(snap), drv(snap)->domain_revert_to_snapshot != NULL, func,
             err) < 0)
        return -1;
    return drv(snap)->domain_revert_to_snapshot(snap, flags, err);
}

int
vireo_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSnapshotDelete";

    if (check_snapshot(snap, func, err) < 0 ||
        check_writable(snap->dom->conn, func, err) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN) &&
        (flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY))
        return check_invalid_arg(err, "Flags 'VIR_DOMAIN_SNAPSHOT_DELETE_"
                                 "CHILDREN' and 'VIR_DOMAIN_SNAPSHOT_DELETE_"
                                 "CHILDREN_ONLY' are mutually exclusive");
    if (need(drv(snap), drv(snap)->domain_snapshot_delete != NULL, func,
             err) < 0)
        return -1;
    return drv(snap)->domain_snapshot_delete(snap, flags, err);
}
