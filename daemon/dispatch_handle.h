/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_handle.h: what the driver handlers share: domain references
 * to and from the wire, and the "slot missing" check.
 */
#ifndef VIREO_DAEMON_DISPATCH_HANDLE_H
#define VIREO_DAEMON_DISPATCH_HANDLE_H

#include "api/vireo.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "wire/remote_protocol.h"

/* 0 if conn's driver fills slot, else -1 with VIR_ERR_NO_SUPPORT. */
#define DISPATCH_NEED(conn, slot, err)                                   \
    ((conn)->driver->slot != NULL                                        \
     ? 0 : error_unsupported((err), (conn)->driver, #slot))

/* The same, naming the libvirt function a client called ("virDomainFSFreeze")
 * where several procedures share the slot or the name is not the slot's. */
#define DISPATCH_NEED_AS(conn, slot, api, err)                           \
    ((conn)->driver->slot != NULL                                        \
     ? 0 : error_unsupported((err), (conn)->driver, (api)))

/* In a handler: get a handle on the domain wire names, evaluate call
 * with it bound to dom, unref it and return call's value. */
#define DISPATCH_WITH_DOM(conn, wire, err, dom, call)                    \
    do {                                                                 \
        int rc_;                                                         \
        struct vireo_domain *dom = dispatch_dom_get(conn, wire, err);    \
        if (dom == NULL)                                                 \
            return -1;                                                   \
        rc_ = (call);                                                    \
        handle_domain_unref(dom);                                        \
        return rc_;                                                      \
    } while (0)

/* A handle on the domain a call names (the driver goes by its uuid), or
 * NULL with err set. The caller unrefs it. */
struct vireo_domain *dispatch_dom_get(struct vireo_conn *conn,
                                      const remote_nonnull_domain *wire,
                                      struct vireo_error *err);

/* Fill *wire from dom (name malloc'ed, for xdr_free) and unref dom, which
 * may be NULL (a failed lookup: returns -1 then). Returns 0 or -1. */
int dispatch_dom_put(remote_nonnull_domain *wire, struct vireo_domain *dom,
                     struct vireo_error *err);

/* A malloc'ed string into a remote_nonnull_string; NULL means failure
 * (err already set by the driver). Returns 0 or -1. */
int dispatch_take_string(remote_nonnull_string *out, char *s);

/* A copy of s as a counted char array, the way libvirtd sends the
 * security model, DOI and label: the count includes the NUL. 0, or -1
 * with err set. */
int dispatch_copy_chars(const char *s, char **val, u_int *len,
                        struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_HANDLE_H */
