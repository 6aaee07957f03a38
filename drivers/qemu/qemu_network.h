/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_network.h: a guest's <interface type='network'>: the bridge of its
 * network, asked of the network driver (network_port.h) when the guest
 * starts, so that its tap goes on that bridge as for type='bridge'.
 * QEMU thread only.
 */
#ifndef VIREO_QEMU_QEMU_NETWORK_H
#define VIREO_QEMU_QEMU_NETWORK_H

#include "api/vireo.h"

struct domain_def;
struct domain_obj;
struct qemu_guest;
struct qemu_state;

/* In a slot, before anything else that may wait (the answer is the call's
 * first recorded one): *out is NULL when def has no network interface,
 * else a copy of def whose network interfaces carry their bridge in
 * source_bridge, for the start to make their taps with. 0 to go on; -1
 * with err set (libvirt's "no network with matching name", "network is
 * not active"), or -1 once the call waits for the network driver, which
 * runs it again with the answer. With no call (autostart), it waits for
 * the network thread instead. */
int qemu_network_bridges(const struct domain_def *def,
                         struct domain_def **out, struct vireo_error *err);

/* After the start: the running definition names the network only, as
 * libvirt's does. */
void qemu_network_forget_bridges(struct domain_def *live);

/* qemu_network_bridges for the definition of the domain dom names; *out
 * NULL when there is no such domain (the slot says so itself). */
int qemu_network_bridges_of(struct qemu_state *st, struct vireo_domain *dom,
                            struct domain_def **out, struct vireo_error *err);

/* g started on obj with bridges named: they go from its running
 * definition and its status file. */
void qemu_network_started(struct qemu_guest *g, struct domain_obj *obj);

/* Autostart obj, its network interfaces' bridges asked first. 0, or -1
 * with err set. */
int qemu_network_autostart(struct qemu_state *st, struct domain_obj *obj,
                           struct vireo_error *err);

#endif /* VIREO_QEMU_QEMU_NETWORK_H */
