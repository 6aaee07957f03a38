/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_network.h: network handles to and from the wire, for the
 * network handlers and the network event relay.
 */
#ifndef VIREO_DAEMON_DISPATCH_NETWORK_H
#define VIREO_DAEMON_DISPATCH_NETWORK_H

#include "api/vireo.h"
#include "wire/remote_protocol.h"

/* A handle on the network wire names (the driver goes by its uuid), or
 * NULL with err set. The caller unrefs it. */
struct vireo_network *dispatch_net_get(struct vireo_conn *conn,
                                       const remote_nonnull_network *wire,
                                       struct vireo_error *err);

/* Fill *wire from net (name malloc'ed, for xdr_free) and unref net, which
 * may be NULL (a failed lookup: returns -1 then). Returns 0 or -1. */
int dispatch_net_put(remote_nonnull_network *wire, struct vireo_network *net,
                     struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_NETWORK_H */
