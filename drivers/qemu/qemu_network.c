/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_network.c: the bridges of a guest's network interfaces
 * (qemu_network.h). The question goes to the network thread as a
 * message, one per interface; the answers come back as jobs on this
 * thread, and the last one answers the waiting call with all the
 * bridges, which the call's second run finds recorded.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/network/network_port.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_network.h"
#include "drivers/qemu/qemu_state.h"
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

/* The bridges, one per interface of the definition (NULL for the others).
 * Owned by the QEMU thread. */
struct bridges {
    int    n;
    char **names;
};

static void
bridges_free(void *p)
{
    struct bridges *b = p;

    for (int i = 0; b != NULL && i < b->n; i++)
        free(b->names[i]);
    if (b != NULL)
        free(b->names);
    free(b);
}

static struct bridges *
bridges_new(int n)
{
    struct bridges *b = calloc(1, sizeof(*b));

    if (b != NULL && (b->names = calloc((size_t)n, sizeof(char *))) == NULL) {
        free(b);
        return NULL;
    }
    if (b != NULL)
        b->n = n;
    return b;
}

/* A copy of def with the bridges in place. */
static struct domain_def *
with_bridges(const struct domain_def *def, const struct bridges *b,
             struct vireo_error *err)
{
    struct domain_def *copy = domain_def_copy(def);

    if (copy == NULL) {
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < copy->n_interfaces && i < b->n; i++) {
        if (b->names[i] == NULL)
            continue;
        free(copy->interfaces[i].source_bridge);
        copy->interfaces[i].source_bridge = strdup(b->names[i]);
        if (copy->interfaces[i].source_bridge == NULL) {
            domain_def_free(copy);
            error_no_memory(err);
            return NULL;
        }
    }
    return copy;
}

/* ---- Asking, with a call that waits ------------------------------------ */

/* One question in flight: alive until every answer is in. */
struct ask {
    struct call       *call;        /* NULL once abandoned */
    struct bridges    *bridges;
    int                n_pending;
    bool               has_failed;
    struct vireo_error err;
};

struct one_answer {
    struct ask *ask;
    int         index;
};

static void
finish(struct ask *a)
{
    if (a->call != NULL)
        call_answer(a->call, a->has_failed ? -1 : 0,
                    a->has_failed ? &a->err : NULL,
                    a->has_failed ? NULL : a->bridges,
                    a->has_failed ? NULL : bridges_free);
    if (a->call == NULL || a->has_failed)
        bridges_free(a->bridges);
    free(a);
}

static void
on_answer(const char *bridge, const struct vireo_error *err, void *opaque)
{
    struct one_answer *one = opaque;
    struct ask *a = one->ask;

    if (bridge == NULL && !a->has_failed) {
        a->has_failed = true;
        a->err = *err;
    } else if (bridge != NULL &&
               (a->bridges->names[one->index] = strdup(bridge)) == NULL &&
               !a->has_failed) {
        a->has_failed = true;
        error_no_memory(&a->err);
    }
    free(one);
    if (--a->n_pending == 0)
        finish(a);
}

static void
forget_call(void *opaque)
{
    struct ask *a = opaque;

    a->call = NULL;
}

static int
ask_all(struct call *c, const struct domain_def *def, struct vireo_error *err)
{
    struct ask *a = calloc(1, sizeof(*a));

    if (a == NULL || (a->bridges = bridges_new(def->n_interfaces)) == NULL) {
        free(a);
        return error_no_memory(err);
    }
    a->call = c;
    a->n_pending = 1;    /* held until every question is sent */
    for (int i = 0; i < def->n_interfaces; i++) {
        struct one_answer *one;

        if (!is_network(&def->interfaces[i]))
            continue;
        one = malloc(sizeof(*one));
        if (one == NULL) {
            a->has_failed = true;
            error_no_memory(&a->err);
            break;
        }
        *one = (struct one_answer){ a, i };
        a->n_pending++;
        if (!network_port_ask_bridge(def->interfaces[i].source_network,
                                     worker_current(), on_answer, one)) {
            a->n_pending--;
            free(one);
            a->has_failed = true;
            error_set(&a->err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                      "no network with matching name '%s'",
                      def->interfaces[i].source_network);
            break;
        }
    }
    call_wait(c, ANSWER_TIMEOUT_MS, "the network driver's bridges",
              forget_call, a);
    if (--a->n_pending == 0)
        finish(a);
    return -1;
}

/* ---- Asking, with nobody to suspend ------------------------------------- */

static struct bridges *
ask_now(const struct domain_def *def, struct vireo_error *err)
{
    struct bridges *b = bridges_new(def->n_interfaces);

    if (b == NULL) {
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < def->n_interfaces; i++) {
        if (is_network(&def->interfaces[i]) &&
            (b->names[i] = network_port_bridge_now(
                 def->interfaces[i].source_network, err)) == NULL) {
            bridges_free(b);
            return NULL;
        }
    }
    return b;
}

int
qemu_network_bridges(const struct domain_def *def, struct domain_def **out,
                     struct vireo_error *err)
{
    struct call *c = call_current();
    struct bridges *b;
    void *data = NULL;
    int rc;

    *out = NULL;
    if (count_networks(def) == 0)
        return 0;
    if (c == NULL) {
        if ((b = ask_now(def, err)) == NULL)
            return -1;
        *out = with_bridges(def, b, err);
        bridges_free(b);
        return *out != NULL ? 0 : -1;
    }
    if (!call_replay(c, &rc, err, &data))
        return ask_all(c, def, err);
    if (rc < 0)
        return -1;
    *out = with_bridges(def, data, err);
    return *out != NULL ? 0 : -1;
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

    if (qemu_network_bridges(obj->def, &bridged, err) < 0)
        return -1;
    g = qemu_start(st, obj, bridged != NULL ? bridged : obj->def, false, err);
    domain_def_free(bridged);
    if (g == NULL)
        return -1;
    qemu_network_started(g, obj);
    return 0;
}
