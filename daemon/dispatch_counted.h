/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_counted.h: libvirt's two-step getters of typed parameters,
 * for the handlers that serve one (dispatch_iotune.c, dispatch_blkstats.c):
 * a call with nparams 0 asks only how many parameters there are, which the
 * driver's getter answers when given no list; otherwise the first nparams
 * of the driver's parameters go back. Driver threads.
 */
#ifndef VIREO_DAEMON_DISPATCH_COUNTED_H
#define VIREO_DAEMON_DISPATCH_COUNTED_H

#include "api/vireo.h"
#include "wire/remote_protocol.h"

/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters add for a driver
 * that takes string parameters (libvirt's test driver does). */
#define STRING_OKAY (1u << 2)

/* A getter of a counted list: the device it names (NULL for none), the
 * slot, and where the answer goes. */
typedef int (*get_fn)(struct vireo_domain *dom, const char *device,
                      struct vireo_typed_params *params, unsigned flags,
                      struct vireo_error *err);

struct counted_get {
    const remote_nonnull_domain *dom;
    const char                  *device;
    int                          nparams;   /* what the caller asked for */
    int                          limit;     /* the wire's maximum */
    unsigned                     flags;
    get_fn                       fn;
    remote_typed_param         **val;       /* the reply's list */
    u_int                       *len;
    int                         *n_out;     /* the reply's nparams */
};

/* Run g on conn's driver (the slot's call may wait and run again). 0, or
 * -1 with err set ("nparams too large" past the wire's limit). */
int counted_get(struct vireo_conn *conn, const struct counted_get *g,
                struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_COUNTED_H */
