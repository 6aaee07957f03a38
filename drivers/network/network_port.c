/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_port.c: another driver's questions to the network thread
 * (network_port.h). The question is a message that goes to the network
 * thread, is answered there from the driver's state, and comes back as a
 * job on the asker's thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/network/net_state.h"
#include "drivers/network/network_port.h"
#include "drivers/network/network_port_priv.h"
#include "drivers/worker.h"

/* Owned by the network thread while there, then by the asker's. */
struct port_msg {
    char                  *name;
    struct worker         *reply_to;
    network_port_answer_fn answer;
    void                  *opaque;
    char                  *bridge;     /* the answer, or NULL with err */
    struct vireo_error     err;
};

static void
msg_free(struct port_msg *m)
{
    free(m->name);
    free(m->bridge);
    free(m);
}

/* On the asker's thread. */
static void
deliver(void *arg)
{
    struct port_msg *m = arg;

    m->answer(m->bridge, &m->err, m->opaque);
    msg_free(m);
}

/* libvirt's networkAllocatePort, for what a tap needs: the bridge of an
 * active network with one. */
static void
find_bridge(struct port_msg *m)
{
    struct net_state *st = network_port_state();
    struct net_obj *obj = st != NULL ? net_objs_find_name(st, m->name) : NULL;

    if (obj == NULL)
        error_set(&m->err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching name '%s'", m->name);
    else if (!obj->base.is_active)
        error_set(&m->err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                  "network '%s' is not active", m->name);
    else if (obj->base.def->bridge == NULL)
        error_set(&m->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                  "network '%s' has no bridge for a guest's tap", m->name);
    else if ((m->bridge = strdup(obj->base.def->bridge)) == NULL)
        error_no_memory(&m->err);
}

/* On the network thread. */
static void
answer_on_thread(void *arg)
{
    struct port_msg *m = arg;

    find_bridge(m);
    if (!worker_submit(m->reply_to, deliver, m))
        msg_free(m);    /* the asker is stopping: nobody waits */
}

bool
network_port_ask_bridge(const char *name, struct worker *reply_to,
                        network_port_answer_fn answer, void *opaque)
{
    struct worker *w = network_port_worker();
    struct port_msg *m = calloc(1, sizeof(*m));

    if (w == NULL || m == NULL || (m->name = strdup(name)) == NULL) {
        free(m);
        return false;
    }
    m->reply_to = reply_to;
    m->answer = answer;
    m->opaque = opaque;
    if (!worker_submit(w, answer_on_thread, m)) {
        msg_free(m);
        return false;
    }
    return true;
}

struct now_io {
    const char        *name;
    char              *bridge;
    struct vireo_error err;
};

static void
now_on_thread(void *arg)
{
    struct now_io *io = arg;
    struct port_msg m = { .name = (char *)io->name };

    find_bridge(&m);
    io->bridge = m.bridge;
    io->err = m.err;
}

char *
network_port_bridge_now(const char *name, struct vireo_error *err)
{
    struct worker *w = network_port_worker();
    struct now_io io = { .name = name };

    if (w == NULL || !worker_call(w, now_on_thread, &io)) {
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching name '%s'", name);
        return NULL;
    }
    if (io.bridge == NULL)
        *err = io.err;
    return io.bridge;
}
