/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_port.h: what another driver asks the network driver, through
 * messages to its thread, never by reading its state: the bridge a guest
 * interface of type='network' is plugged into, as libvirt's QEMU driver
 * asks its network driver for a port.
 */
#ifndef VIREO_NETWORK_NETWORK_PORT_H
#define VIREO_NETWORK_NETWORK_PORT_H

#include <stdbool.h>

#include "api/vireo.h"

struct worker;

/* On reply_to's thread, once: the bridge of the network (borrowed for
 * the call), or NULL with err set in libvirt's words (no such network,
 * not active, a mode without a bridge). */
typedef void (*network_port_answer_fn)(const char *bridge,
                                       const struct vireo_error *err,
                                       void *opaque);

/* Any thread: ask for the bridge of the running network name. Returns
 * false (answer never runs) when the network driver is not running or
 * memory is short. */
bool network_port_ask_bridge(const char *name, struct worker *reply_to,
                             network_port_answer_fn answer, void *opaque);

/* Not from the network thread: the same question, waiting for the
 * answer (for a caller with no call to suspend: a guest's autostart).
 * The bridge, malloc'ed, or NULL with err set. */
char *network_port_bridge_now(const char *name, struct vireo_error *err);

#endif /* VIREO_NETWORK_NETWORK_PORT_H */
