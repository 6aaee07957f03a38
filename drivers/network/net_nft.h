/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_nft.h: a network's firewall, in nftables tables of its own
 * ("ip vireo_NAME" for IPv4, "ip6 vireo_NAME" for IPv6), as libvirt 9
 * keeps its rules apart: masquerading for nat, forwarding to and from
 * the bridge for nat and route, and nothing forwarded for an isolated
 * network. IPv6 is routed, not masqueraded, on a nat network unless its
 * <forward><nat ipv6='yes'/> asks for it, as libvirt does. The ruleset is written to
 * RUN_DIR/NAME.nft and loaded by `nft -f` in one transaction, which
 * first deletes any table of that name, so loading it again (a daemon
 * restart) never duplicates a rule. Deleting the table removes it all.
 *
 * nft runs as a child of the network thread, which does not wait for it:
 * its exit arrives as a job and runs done. Network thread only.
 */
#ifndef VIREO_NETWORK_NET_NFT_H
#define VIREO_NETWORK_NET_NFT_H

#include <stdbool.h>

#include "api/vireo.h"

struct net_ipv4;
struct net_obj;
struct net_state;

/* rc 0, or -1 with err (nft's own words) set. name is the network's. */
typedef void (*net_nft_done)(struct net_state *st, const char *name, int rc,
                             const struct vireo_error *err, void *opaque);

/* Does this network get a table? (nat, route and isolated ones with an
 * IPv4 or IPv6 address, or with <network ipv6='yes'>.) */
bool net_nft_is_wanted(const struct net_obj *obj, const struct net_ipv4 *ip);

/* The nft transaction that loads obj's tables, as net_nft_apply runs
 * it (the caller frees it); NULL with err set. */
char *net_nft_ruleset(const struct net_obj *obj, const struct net_ipv4 *ip,
                      struct vireo_error *err);

/* Load obj's table; done follows. 0, or -1 with err set when nft cannot
 * be started (done then never runs). */
int net_nft_apply(struct net_state *st, const struct net_obj *obj,
                  const struct net_ipv4 *ip, net_nft_done done, void *opaque,
                  struct vireo_error *err);

/* Delete the tables of network name, if there is one; the same contract. */
int net_nft_remove(struct net_state *st, const char *name, net_nft_done done,
                   void *opaque, struct vireo_error *err);

#endif /* VIREO_NETWORK_NET_NFT_H */
