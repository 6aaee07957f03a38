/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_run.c: networks on the host (net_run.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/network/net_dnsmasq.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_ipv6.h"
#include "drivers/network/net_link.h"
#include "drivers/network/net_link6.h"
#include "drivers/network/net_nft.h"
#include "drivers/network/net_route.h"
#include "drivers/network/net_run.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"
#include "drivers/worker_child.h"

/* How long a call waits for nft. */
#define NFT_TIMEOUT_MS 30000

static bool
has_own_bridge(const struct net_obj *obj)
{
    int f = obj->base.def->forward;

    return f == NETWORK_FORWARD_NONE || f == NETWORK_FORWARD_NAT ||
           f == NETWORK_FORWARD_ROUTE || f == NETWORK_FORWARD_OPEN;
}

/* A call waiting for nft. Network thread. */
struct nft_wait {
    struct call *call;   /* NULL once abandoned, or when nobody waits */
};

static void
forget_call(void *opaque)
{
    struct nft_wait *w = opaque;

    w->call = NULL;
}

/* Wait on c (if any) for the nft run that will answer w. */
static struct nft_wait *
wait_new(struct call *c, const char *what)
{
    struct nft_wait *w = calloc(1, sizeof(*w));

    if (w != NULL && c != NULL) {
        w->call = c;
        call_wait(c, NFT_TIMEOUT_MS, what, forget_call, w);
    }
    return w;
}

static void
answer(struct nft_wait *w, int rc, const struct vireo_error *err)
{
    if (w->call != NULL)
        call_answer(w->call, rc, err, NULL, NULL);
    free(w);
}

/* Tell the autostart hook, if it waits and no network is starting. */
static void
check_autostarted(struct net_state *st)
{
    void (*done)(void *) = st->autostarted;

    if (done == NULL)
        return;
    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o))
        if (o->is_starting)
            return;
    st->autostarted = NULL;
    done(st->autostarted_opaque);
}

/* ---- Taking a network off the host ------------------------------------- */

static void
removed_cb(struct net_state *st, const char *name, int rc,
           const struct vireo_error *err, void *opaque)
{
    char *path = net_store_path(st->run_dir, name, "nft");

    net_store_remove(path);
    free(path);
    if (rc < 0)
        net_state_warn(st, "network '%s': %s", name, err->message);
    if (opaque != NULL)
        answer(opaque, 0, NULL);
}

/* Everything obj added to the host, gone (the table after nft's answer,
 * which wait gets, or nobody when NULL). */
static void
teardown(struct net_state *st, struct net_obj *obj, struct nft_wait *wait)
{
    struct vireo_error err = { 0 };

    net_dnsmasq_stop(st, obj);
    if (!has_own_bridge(obj)) {
        if (wait != NULL)
            answer(wait, 0, NULL);
        return;
    }
    if (net_link_bridge_del(obj->base.def->bridge, &err) < 0)
        net_state_warn(st, "network '%s': %s", obj->base.def->name, err.message);
    if (net_nft_remove(st, obj->base.def->name, removed_cb, wait, &err) < 0) {
        net_state_warn(st, "network '%s': %s", obj->base.def->name, err.message);
        if (wait != NULL)
            answer(wait, 0, NULL);
    }
}

/* obj no longer runs: its persistent definition is the one, or, if it
 * has none, it is forgotten. */
static void
mark_stopped(struct net_state *st, struct net_obj *obj)
{
    obj->base.is_active = false;
    obj->is_starting = false;
    net_store_delete_status(st, obj->base.def->name);
    if (!obj->base.is_persistent) {
        net_objs_remove(st, obj);
        return;
    }
    if (obj->base.new_def != NULL) {
        network_def_free(obj->base.def);
        obj->base.def = obj->base.new_def;
        obj->base.new_def = NULL;
    }
}

int
net_run_stop(struct net_state *st, struct net_obj *obj, struct call *c,
             struct vireo_error *err)
{
    struct nft_wait *wait;

    if (!obj->base.is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "network '%s' is not active", obj->base.def->name);
    net_objs_emit(st, obj, VIR_NETWORK_EVENT_STOPPED);
    wait = c != NULL ? wait_new(c, "nft's removal of the network's table")
                     : NULL;
    teardown(st, obj, wait);
    mark_stopped(st, obj);
    return wait != NULL ? -1 : 0;
}

/* ---- Putting one on ---------------------------------------------------- */

/* The live definition of a persistent network: a copy, so that changes
 * to the persistent one wait for the next start. */
static int
make_live(struct net_obj *obj, struct vireo_error *err)
{
    struct network_def *live;

    if (!obj->base.is_persistent || obj->base.new_def != NULL)
        return 0;
    if ((live = network_def_copy(obj->base.def, err)) == NULL)
        return -1;
    obj->base.new_def = obj->base.def;
    obj->base.def = live;
    return 0;
}

static int
check_virtual(const struct net_obj *obj, const struct net_ipv4 *ip,
              struct vireo_error *err)
{
    if (ip->has_address &&
        net_link_check_route_clash(net_ipv4_network(ip), ip->netmask,
                                   err) < 0)
        return -1;
    return 0;
}

/* IPv6 on the new bridge: its sysctls and addresses (before it comes
 * up, as libvirt adds them). */
static int
setup_ipv6(const struct network_def *def, const struct net_ipv6 *ip6,
           struct vireo_error *err)
{
    if (net_link6_set_sysctls(def->bridge, ip6->n_addrs > 0, err) < 0)
        return -1;
    for (int i = 0; i < ip6->n_addrs; i++)
        if (net_link6_add_address(def->bridge, &ip6->addrs[i].address,
                                  ip6->addrs[i].prefix, err) < 0)
            return -1;
    return 0;
}

/* Forwarding, as libvirt turns it on once the bridge is up, for any
 * forward mode: IPv4 when the network has an IPv4 address, IPv6 when it
 * has an IPv6 one, unless that would flush routes
 * (net_link6_check_forwarding). An IPv6-only network leaves IPv4's
 * alone. */
static int
enable_forwarding(const struct network_def *def, const struct net_ipv4 *ip,
                  const struct net_ipv6 *ip6, struct vireo_error *err)
{
    bool is_forward = def->forward != NETWORK_FORWARD_NONE;
    bool is_ipv4 = is_forward && ip->has_address;
    bool is_ipv6 = is_forward && ip6->n_addrs > 0;

    if ((is_ipv6 && net_link6_check_forwarding(err) < 0) ||
        (is_ipv4 && net_link_enable_forwarding(err) < 0) ||
        (is_ipv6 && net_link6_enable_forwarding(err) < 0))
        return -1;
    return 0;
}

/* The bridge with its addresses, up, its routes, forwarding and
 * dnsmasq, in libvirt's order. */
static int
setup_virtual(struct net_state *st, struct net_obj *obj,
              const struct net_ipv4 *ip, const struct net_ipv6 *ip6,
              struct vireo_error *err)
{
    const struct network_def *def = obj->base.def;
    xmlNodePtr mac = NULL;
    char *mac_text = NULL;
    int rc;

    for (xmlNodePtr c = xmlDocGetRootElement(def->doc)->children; c;
         c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "mac"))
            mac = c;
    if (mac != NULL)
        mac_text = (char *)xmlGetNoNsProp(mac, BAD_CAST "address");
    rc = net_link_bridge_add(def->bridge, mac_text, err);
    xmlFree(mac_text);
    if (rc < 0)
        return -1;
    if ((ip->has_address &&
         net_link_set_ipv4(def->bridge, ip->address, ip->netmask, err) < 0) ||
        setup_ipv6(def, ip6, err) < 0 ||
        net_link_up(def->bridge, err) < 0)
        rc = -1;
    if (rc == 0)
        net_route_add_all(st, def);
    if (rc < 0 || enable_forwarding(def, ip, ip6, err) < 0 ||
        (net_dnsmasq_is_wanted(obj, ip) &&
         net_dnsmasq_start(st, obj, ip, err) < 0)) {
        net_dnsmasq_stop(st, obj);
        net_link_bridge_del(def->bridge, &(struct vireo_error){ 0 });
        return -1;
    }
    return 0;
}

/* obj runs: say so, to the disk first. */
static int
mark_started(struct net_state *st, struct net_obj *obj,
             struct vireo_error *err)
{
    obj->is_starting = false;
    obj->base.is_active = true;
    if (net_store_save_status(st, obj, err) < 0)
        return -1;
    net_objs_emit(st, obj, VIR_NETWORK_EVENT_STARTED);
    return 0;
}

/* A start failed after the host was changed: undo it all. */
static void
fail_start(struct net_state *st, struct net_obj *obj)
{
    teardown(st, obj, NULL);
    obj->base.is_active = true;     /* for mark_stopped's bookkeeping */
    mark_stopped(st, obj);
}

static void
applied_cb(struct net_state *st, const char *name, int rc,
           const struct vireo_error *err, void *opaque)
{
    struct net_obj *obj = net_objs_find_name(st, name);
    struct vireo_error e = { 0 };
    struct nft_wait *w = opaque;

    if (obj == NULL || !obj->is_starting) {
        error_set(&e, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                  "network '%s' went away while starting", name);
        answer(w, -1, &e);
    } else if (rc == 0 && mark_started(st, obj, &e) == 0) {
        answer(w, 0, NULL);
    } else {
        if (rc < 0)
            e = *err;
        if (w->call == NULL)
            net_state_warn(st, "network '%s' did not start: %s", name,
                           e.message);
        fail_start(st, obj);
        answer(w, -1, &e);
    }
    check_autostarted(st);
}

static int
start_virtual(struct net_state *st, struct net_obj *obj,
              const struct net_ipv4 *ip, struct call *c,
              struct vireo_error *err)
{
    struct net_ipv6 *ip6 = net_ipv6_read_new(obj->base.def, err);
    struct nft_wait *w;
    int rc;

    if (ip6 == NULL)
        return -1;
    rc = net_ipv6_check_start(ip6, err) < 0 ||
         check_virtual(obj, ip, err) < 0 ||
         setup_virtual(st, obj, ip, ip6, err) < 0 ? -1 : 0;
    free(ip6);
    if (rc < 0)
        return -1;
    if (!net_nft_is_wanted(obj, ip)) {
        if (mark_started(st, obj, err) == 0)
            return 0;
        fail_start(st, obj);
        return -1;
    }
    obj->is_starting = true;
    if (net_store_save_status(st, obj, err) < 0) {
        fail_start(st, obj);
        return -1;
    }
    if ((w = wait_new(c, "nft's loading of the network's table")) == NULL) {
        fail_start(st, obj);
        return error_no_memory(err);
    }
    if (net_nft_apply(st, obj, ip, applied_cb, w, err) < 0) {
        fail_start(st, obj);
        answer(w, -1, err);
    }
    return -1;    /* the call waits: applied_cb answers it */
}

int
net_run_start(struct net_state *st, struct net_obj *obj, struct call *c,
              struct vireo_error *err)
{
    struct net_ipv4 ip;
    int f = obj->base.def->forward;

    if (obj->base.is_active || obj->is_starting)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "%s", "network is already active");
    if (f != NETWORK_FORWARD_BRIDGE && !has_own_bridge(obj))
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                         "forward mode '%s' is not supported here",
                         network_forward_to_string(f));
    if (make_live(obj, err) < 0 || net_ipv4_read(obj->base.def, &ip, err) < 0)
        return -1;
    if (f == NETWORK_FORWARD_BRIDGE) {
        if (mark_started(st, obj, err) == 0)
            return 0;
        obj->base.is_active = true;
        mark_stopped(st, obj);
        return -1;
    }
    return start_virtual(st, obj, &ip, c, err);
}

/* ---- After a daemon restart -------------------------------------------- */

static void
reapplied_cb(struct net_state *st, const char *name, int rc,
             const struct vireo_error *err, void *opaque)
{
    (void)opaque;
    if (rc < 0)
        net_state_warn(st, "network '%s': %s", name, err->message);
}

/* The network a status file names, holding its live definition. */
static struct net_obj *
adopt_def(struct net_state *st, const char *name, char *xml,
          struct vireo_error *err)
{
    struct network_def *def = network_def_parse(xml, err);
    struct net_obj *obj;

    free(xml);
    if (def == NULL)
        return NULL;
    obj = net_objs_find_uuid(st, def->uuid);
    if (obj != NULL && obj->base.is_persistent && obj->base.new_def == NULL) {
        obj->base.new_def = obj->base.def;
        obj->base.def = def;
        return obj;
    }
    (void)name;
    return net_objs_assign(st, def, true, err);
}

/* Everything a status file says was on the host, gone. */
static void
clean_stale(struct net_state *st, const char *name, const char *bridge)
{
    struct vireo_error err = { 0 };

    net_dnsmasq_kill_stale(st, name, net_store_status_pid(st, name));
    if (bridge != NULL)
        net_link_bridge_del(bridge, &err);
    if (net_nft_remove(st, name, removed_cb, NULL, &err) < 0)
        net_state_warn(st, "network '%s': %s", name, err.message);
    net_store_delete_status(st, name);
}

static int
resume_virtual(struct net_state *st, struct net_obj *obj,
               struct vireo_error *err)
{
    pid_t pid = net_store_status_pid(st, obj->base.def->name);
    struct net_ipv4 ip;

    if (net_ipv4_read(obj->base.def, &ip, err) < 0 ||
        (net_dnsmasq_is_wanted(obj, &ip) &&
         net_dnsmasq_reattach(st, obj, &ip, pid, err) < 0))
        return -1;
    if (net_nft_is_wanted(obj, &ip) &&
        net_nft_apply(st, obj, &ip, reapplied_cb, NULL, err) < 0)
        return -1;
    return 0;
}

static void
reattach_one(struct net_state *st, const char *name, char *xml)
{
    struct vireo_error err = { 0 };
    struct net_obj *obj = adopt_def(st, name, xml, &err);

    if (obj == NULL) {
        net_state_warn(st, "running network '%s' not found again: %s; "
                       "cleaning up", name, err.message);
        clean_stale(st, name, NULL);
        return;
    }
    obj->base.is_active = true;
    if (has_own_bridge(obj) && !net_link_exists(obj->base.def->bridge)) {
        net_state_warn(st, "network '%s' ran, but its bridge '%s' is gone; "
                       "cleaning up", name, obj->base.def->bridge);
        clean_stale(st, name, NULL);
        mark_stopped(st, obj);
        return;
    }
    if (has_own_bridge(obj) && resume_virtual(st, obj, &err) < 0)
        net_state_warn(st, "network '%s' found again, but: %s", name,
                       err.message);
    if (net_store_save_status(st, obj, &err) < 0)
        net_state_warn(st, "network '%s': %s", name, err.message);
}

void
net_run_reattach_all(struct net_state *st)
{
    net_store_each_status(st, reattach_one);
}

void
net_run_autostart_all(struct net_state *st, void (*done)(void *),
                      void *opaque)
{
    struct net_obj *next;

    for (struct net_obj *o = net_objs_first(st); o != NULL; o = next) {
        struct vireo_error err = { 0 };

        next = net_objs_next(o);
        if (o->base.is_autostart && o->base.is_persistent && !o->base.is_active &&
            !o->is_starting && net_run_start(st, o, NULL, &err) < 0 &&
            err.code != 0)
            net_state_warn(st, "cannot autostart network '%s': %s",
                           o->base.def->name, err.message);
    }
    st->autostarted = done;
    st->autostarted_opaque = opaque;
    check_autostarted(st);
}

void
net_run_detach_all(struct net_state *st)
{
    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o)) {
        worker_child_free(o->dnsmasq);    /* detached: it runs on */
        o->dnsmasq = NULL;
    }
}
