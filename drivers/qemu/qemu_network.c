/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_network.c: the bridges of a guest's network interfaces
 * (qemu_network.h), asked of the network thread, one message per
 * interface (qemu_ask.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/network/network_port.h"
#include "drivers/qemu/qemu_ask.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_network.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_volume.h"
#include "drivers/worker.h"

/* How long a start waits for the network driver, which answers from
 * memory: only a stopping daemon makes it wait at all. */
#define ANSWER_TIMEOUT_MS 30000

static bool
is_network(const struct domain_interface *iface)
{
    return strcmp(iface->type, "network") == 0;
}

static int
count_networks(const struct domain_def *def)
{
    int n = 0;

    for (int i = 0; i < def->n_interfaces; i++)
        n += is_network(&def->interfaces[i]);
    return n;
}

/* ---- The question: a network's bridge, by interface -------------------- */

static int
n_interfaces(const struct domain_def *def)
{
    return def->n_interfaces;
}

static bool
is_asked(const struct domain_def *def, int i)
{
    return is_network(&def->interfaces[i]);
}

static bool
send_question(const struct domain_def *def, int i, struct worker *reply_to,
              qemu_answer_fn answer, void *slot, struct vireo_error *why)
{
    const char *name = def->interfaces[i].source_network;

    if (network_port_ask_bridge(name, reply_to, answer, slot))
        return true;
    error_set(why, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
              "no network with matching name '%s'", name);
    return false;
}

static char *
ask_now(const struct domain_def *def, int i, struct vireo_error *err)
{
    return network_port_bridge_now(def->interfaces[i].source_network, err);
}

static char **
bridge_field(struct domain_def *def, int i)
{
    return &def->interfaces[i].source_bridge;
}

static const struct qemu_question bridges = {
    .n_devices   = n_interfaces,
    .is_asked    = is_asked,
    .send        = send_question,
    .ask_now     = ask_now,
    .field       = bridge_field,
    .waiting_for = "the network driver's bridges",
    .timeout_ms  = ANSWER_TIMEOUT_MS,
};

int
qemu_network_bridges(const struct domain_def *def, struct domain_def **out,
                     struct vireo_error *err)
{
    return qemu_ask(&bridges, def, out, err);
}

void
qemu_network_forget_bridges(struct domain_def *live)
{
    for (int i = 0; i < live->n_interfaces; i++) {
        if (!is_network(&live->interfaces[i]))
            continue;
        free(live->interfaces[i].source_bridge);
        live->interfaces[i].source_bridge = NULL;
    }
}

int
qemu_network_bridges_of(struct qemu_state *st, struct vireo_domain *dom,
                        struct domain_def **out, struct vireo_error *err)
{
    struct vireo_error ignored = { 0 };
    struct domain_obj *obj = qemu_state_find(st, dom, &ignored);

    *out = NULL;
    return obj != NULL ? qemu_network_bridges(obj->def, out, err) : 0;
}

void
qemu_network_started(struct qemu_guest *g, struct domain_obj *obj)
{
    if (count_networks(obj->def) == 0)
        return;
    qemu_network_forget_bridges(obj->def);
    qemu_guest_save_status(g);
}

int
qemu_network_autostart(struct qemu_state *st, struct domain_obj *obj,
                       struct vireo_error *err)
{
    struct domain_def *bridged = NULL;
    struct qemu_guest *g;

    if (qemu_network_bridges(obj->def, &bridged, err) < 0 ||
        qemu_volume_paths(obj->def, &bridged, err) < 0) {
        domain_def_free(bridged);
        return -1;
    }
    g = qemu_start(st, obj, bridged != NULL ? bridged : obj->def, false, err);
    domain_def_free(bridged);
    if (g == NULL)
        return -1;
    qemu_network_started(g, obj);
    return 0;
}
