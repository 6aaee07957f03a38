/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_lookup.c: finding domains: the list and the four lookups.
 *
 * Each returns new handles that belong to the caller (vireo_domain_free()).
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/conf/uuid.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

int
vireo_conn_list_all_domains(struct vireo_conn *conn,
                            struct vireo_domain ***doms, unsigned flags,
                            struct vireo_error *err)
{
    if (check_conn(conn, "virConnectListAllDomains", err) < 0)
        return -1;
    if (doms != NULL)
        *doms = NULL;
    if (conn->driver->conn_list_all_domains == NULL)
        return error_unsupported(err, conn->driver,
                                 "virConnectListAllDomains");
    return conn->driver->conn_list_all_domains(conn, doms, flags, err);
}

struct vireo_domain *
vireo_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                            struct vireo_error *err)
{
    if (check_conn(conn, "virDomainLookupByName", err) < 0 ||
        check_non_null(name, "name", "virDomainLookupByName", err) < 0)
        return NULL;
    if (conn->driver->domain_lookup_by_name == NULL) {
        error_unsupported(err, conn->driver, "virDomainLookupByName");
        return NULL;
    }
    return conn->driver->domain_lookup_by_name(conn, name, err);
}

struct vireo_domain *
vireo_domain_lookup_by_uuid(struct vireo_conn *conn,
                            const unsigned char uuid[VIREO_UUID_BUFLEN],
                            struct vireo_error *err)
{
    if (check_conn(conn, "virDomainLookupByUUID", err) < 0 ||
        check_non_null(uuid, "uuid", "virDomainLookupByUUID", err) < 0)
        return NULL;
    if (conn->driver->domain_lookup_by_uuid == NULL) {
        error_unsupported(err, conn->driver, "virDomainLookupByUUID");
        return NULL;
    }
    return conn->driver->domain_lookup_by_uuid(conn, uuid, err);
}

/* The text form is parsed here, so drivers only ever see 16 bytes. */
struct vireo_domain *
vireo_domain_lookup_by_uuid_string(struct vireo_conn *conn, const char *uuid,
                                   struct vireo_error *err)
{
    unsigned char raw[VIREO_UUID_BUFLEN];

    if (check_conn(conn, "virDomainLookupByUUIDString", err) < 0 ||
        check_non_null(uuid, "uuidstr", "virDomainLookupByUUIDString",
                       err) < 0)
        return NULL;
    if (uuid_parse(uuid, raw) < 0) {
        check_invalid_arg(err, "%s", "Invalid UUID");
        return NULL;
    }
    return vireo_domain_lookup_by_uuid(conn, raw, err);
}

struct vireo_domain *
vireo_domain_lookup_by_id(struct vireo_conn *conn, int id,
                          struct vireo_error *err)
{
    if (check_conn(conn, "virDomainLookupByID", err) < 0 ||
        check_non_negative(id, "id", "virDomainLookupByID", err) < 0)
        return NULL;
    if (conn->driver->domain_lookup_by_id == NULL) {
        error_unsupported(err, conn->driver, "virDomainLookupByID");
        return NULL;
    }
    return conn->driver->domain_lookup_by_id(conn, id, err);
}
