/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_list.h: a driver's networks as libvirt keeps them
 * (virNetworkObjList): each a running or an only definition, and the
 * persistent one of a running network when it differs, found by name or
 * uuid, given new definitions with libvirt's checks, filtered for
 * listing, and changed by virNetworkUpdate. The test driver and the
 * network driver share it; a driver with more per-network state embeds
 * struct network_obj first in its own.
 *
 * Everything here belongs to the driver's thread that owns the list.
 * Allocating and freeing objects is the driver's.
 */
#ifndef VIREO_DRIVERS_NETWORK_LIST_H
#define VIREO_DRIVERS_NETWORK_LIST_H

#include <stdbool.h>

#include "api/vireo.h"

struct network_def;

/* One network. Owned by its driver's thread, like the list. */
struct network_obj {
    struct network_def *def;       /* running, or the only one */
    struct network_def *new_def;   /* the persistent one of a running
                                      network when it differs, or NULL */
    bool                is_active;
    bool                is_persistent;
    bool                is_autostart;
    struct network_obj *next;
};

/* NULL when absent. */
struct network_obj *network_list_find_name(struct network_obj *head,
                                           const char *name);
struct network_obj *network_list_find_uuid(struct network_obj *head,
                                           const unsigned char *uuid);
/* The same, with libvirt's VIR_ERR_NO_NETWORK set when absent, reported
 * from `from` (libvirt's network driver says VIR_FROM_NETWORK, its test
 * driver VIR_FROM_TEST). */
struct network_obj *network_list_by_name(struct network_obj *head,
                                         const char *name, int from,
                                         struct vireo_error *err);
struct network_obj *network_list_by_uuid(struct network_obj *head,
                                         const unsigned char *uuid, int from,
                                         struct vireo_error *err);

/* libvirt's virNetworkObjAssignDef checks: the network def would take is
 * the one with its uuid (whose name must be def's; with is_live, it must
 * not run), else none (*found NULL: a new network, and no other may have
 * its name). 0, or -1 with err set. */
int network_list_check_clash(struct network_obj *head,
                             const struct network_def *def, bool is_live,
                             struct network_obj **found,
                             struct vireo_error *err);

/* Give obj def (taken over): as its running definition (is_live), else
 * as its persistent one. */
void network_obj_assign(struct network_obj *obj, struct network_def *def,
                        bool is_live);

/* The persistent definition (new_def when it has one). */
struct network_def *network_obj_persistent_def(struct network_obj *obj);

void network_list_append(struct network_obj **head, struct network_obj *obj);
/* Take obj out of the list; the caller frees it. */
void network_list_unlink(struct network_obj **head, struct network_obj *obj);

/* Does obj pass libvirt's VIR_CONNECT_LIST_NETWORKS_* filters? */
bool network_obj_is_listed(const struct network_obj *obj, unsigned flags);

/* virNetworkUpdate's new definitions for obj: *live (with
 * VIREO_NETWORK_UPDATE_AFFECT_LIVE, or neither flag on a running
 * network) and *config (AFFECT_CONFIG, or neither on one that is not),
 * NULL when not asked; obj is unchanged. 0, or -1 with err set in
 * libvirt's words. */
int network_obj_updated_defs(struct network_obj *obj, unsigned command,
                             unsigned section, int parent_index,
                             const char *xml, unsigned flags,
                             struct network_def **live,
                             struct network_def **config,
                             struct vireo_error *err);

#endif /* VIREO_DRIVERS_NETWORK_LIST_H */
