/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_run.h: starting and stopping networks on the host, and finding the
 * running ones again when the daemon starts.
 *
 * A network with a bridge of its own (isolated, nat, route, open) gets
 * the bridge with its MAC and IPv4 address, a dnsmasq when it has an
 * address, IPv4 forwarding (nat, route) and an nftables table
 * (net_nft.h); a bridge network uses the host's bridge as it is. What a
 * start adds, its stop removes. Starting waits for nft without blocking
 * the thread: a call then waits (call.h) and its answer comes when nft
 * exits. Network thread only.
 */
#ifndef VIREO_NETWORK_NET_RUN_H
#define VIREO_NETWORK_NET_RUN_H

#include "api/vireo.h"

struct call;
struct net_obj;
struct net_state;

/* Start obj. c is the call to answer (NULL: nobody waits, failures are
 * logged). 0 when it runs already, -1 with err set, or -1 after
 * call_wait() when the answer comes later. A transient network that
 * fails to start is forgotten. */
int net_run_start(struct net_state *st, struct net_obj *obj, struct call *c,
                  struct vireo_error *err);

/* Stop obj: everything it added to the host goes; a transient network is
 * forgotten. The same answers as net_run_start. */
int net_run_stop(struct net_state *st, struct net_obj *obj, struct call *c,
                 struct vireo_error *err);

/* At startup: the networks the status files say were running, found
 * again or cleaned up, each logged. */
void net_run_reattach_all(struct net_state *st);

/* Start every persistent network marked autostart that is not running;
 * done(opaque) once none is starting any more (at once when every start
 * ended within the call, later when one waits for nft). */
void net_run_autostart_all(struct net_state *st, void (*done)(void *),
                           void *opaque);

/* Shutdown: let go of every network, leaving them running. */
void net_run_detach_all(struct net_state *st);

#endif /* VIREO_NETWORK_NET_RUN_H */
