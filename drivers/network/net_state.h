/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_state.h: the network driver's state: its networks, what each has
 * put on the host while it runs, and where it keeps its files.
 *
 * Everything here is owned by the network driver's thread ("vireo-net"):
 * the slots, the startup and shutdown hooks' jobs, the exits of its
 * processes and the QEMU driver's questions (network_port.h) all run
 * there, so nothing here takes a lock.
 */
#ifndef VIREO_NETWORK_NET_STATE_H
#define VIREO_NETWORK_NET_STATE_H

#include <stdbool.h>
#include <time.h>

#include "api/vireo.h"
#include "drivers/network_list.h"

struct network_def;
struct object_event_state;
struct worker_child;

/* One network: libvirt's object (network_list.h) and what it has on the
 * host. Owned by the network thread, like the list it is in. */
struct net_obj {
    struct network_obj   base;       /* first: the list links these */
    struct net_state    *st;         /* the state it belongs to */
    bool                 is_starting;   /* its firewall is being applied */
    /* dnsmasq serving its DHCP and DNS while it runs, or NULL. A detached
     * process, so that it outlives a daemon restart, as the bridge does. */
    struct worker_child *dnsmasq;
    time_t               dnsmasq_started;
};

/* Owned by the network thread. */
struct net_state {
    int                        refs;        /* startup, and each conn */
    struct network_obj        *list;        /* net_obj, definition order */
    struct object_event_state *events;
    char                      *config_dir;  /* NAME.xml: persistent ones */
    char                      *autostart_dir;
    char                      *run_dir;     /* status and dnsmasq files */
    bool                       is_privileged;
    void                     (*log_warning)(const char *message);
    /* The daemon's autostart hook, told once no network is starting any
     * more (net_run_autostart_all); NULL before and after. */
    void                     (*autostarted)(void *opaque);
    void                      *autostarted_opaque;
};

/* ---- net_objs.c: the list -------------------------------------------- */

/* Walking the list: the first network, the one after obj; NULL at the
 * end. */
struct net_obj *net_objs_first(struct net_state *st);
struct net_obj *net_objs_next(struct net_obj *obj);

/* NULL when absent. */
struct net_obj *net_objs_find_name(struct net_state *st, const char *name);
struct net_obj *net_objs_find_uuid(struct net_state *st,
                                   const unsigned char *uuid);
/* The same, with libvirt's VIR_ERR_NO_NETWORK set when absent. */
struct net_obj *net_objs_by_uuid(struct net_state *st,
                                 const unsigned char *uuid,
                                 struct vireo_error *err);

/* Take def over (freed on failure): as obj's running definition
 * (is_live) or its persistent one, with libvirt's checks of name, uuid
 * and bridge against the other networks; a new network when none has its
 * uuid. The network, or NULL with err set. */
struct net_obj *net_objs_assign(struct net_state *st, struct network_def *def,
                                bool is_live, struct vireo_error *err);

/* Give a definition what libvirt's network driver fills in when it is
 * defined: a bridge name (virbrN, unused by other networks and by the
 * host) and a MAC address for the bridge, for modes with a bridge of
 * their own, after libvirt's check that DHCPv6 serves one IPv6 address
 * at most. 0, or -1 with err set. */
int net_objs_fill_in(struct net_state *st, struct network_def *def,
                     struct vireo_error *err);

/* Forget obj (it is neither running nor persistent any more). */
void net_objs_remove(struct net_state *st, struct net_obj *obj);

/* Queue a lifecycle event (VIR_NETWORK_EVENT_*) about obj. */
void net_objs_emit(struct net_state *st, const struct net_obj *obj,
                   int event);

/* The persistent definition of obj (new_def when it has one). */
struct network_def *net_objs_persistent_def(struct net_obj *obj);

/* A warning line for the daemon's log, printf style. */
void net_state_warn(struct net_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* VIREO_NETWORK_NET_STATE_H */
