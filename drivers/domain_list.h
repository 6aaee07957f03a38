/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_list.h: a driver's set of domain objects, indexed by name, uuid and
 * id so that every lookup is a hash probe, never a walk.
 *
 * A domain object is what a driver knows about one domain: its definitions,
 * its state and its id. The list owns its objects and frees them on removal.
 *
 * Neither the list nor its objects lock: the driver that owns the list
 * serialises every access (the test driver with its state's mutex, the qemu
 * driver by touching it only from its own thread).
 */
#ifndef VIREO_DRIVERS_DOMAIN_LIST_H
#define VIREO_DRIVERS_DOMAIN_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "api/vireo.h"

struct domain_def;
struct snapshot_list;
struct moment_list;

/* Which hash chains an object sits on; private to domain_list.c. */
enum {
    DOMAIN_INDEX_NAME,
    DOMAIN_INDEX_UUID,
    DOMAIN_INDEX_ID,
    DOMAIN_N_INDEXES
};

/* Owned by the list it was added to; guarded by that list's owner. */
struct domain_obj {
    struct domain_def *def;        /* the live config, or the only one */
    struct domain_def *new_def;    /* persistent config that applies at the
                                      next start, while running; else NULL */
    int                id;         /* -1 while inactive; set with
                                      domain_list_set_id() only */
    int                state;      /* enum vireo_domain_state */
    int                reason;     /* the state's reason enum */
    bool               is_persistent;
    bool               has_autostart;
    void              *priv;       /* the driver's own per-domain data */
    void             (*priv_free)(void *priv); /* frees priv with the object;
                                                  NULL if nothing to free */
    /* What libvirt keeps on every domain object: whether a managed-save
     * image waits for the next start, and the snapshots (NULL until the
     * first; freed with the object). */
    bool               has_managed_save;
    struct snapshot_list *snapshots;
    /* The checkpoints (moment_list.h of checkpoint definitions; NULL until
     * the first; freed with the object). */
    struct moment_list *checkpoints;

    /* The list's bookkeeping. */
    struct domain_obj *chain[DOMAIN_N_INDEXES];
    size_t             slot;
};

struct domain_list;

struct domain_list *domain_list_new(void);
/* Frees the list and every object in it. NULL is a no-op. */
void domain_list_free(struct domain_list *list);

/* A shut-off, transient object that owns def; NULL on allocation failure.
 * Free it with domain_obj_free() unless it was added to a list. */
struct domain_obj *domain_obj_new(struct domain_def *def);
void domain_obj_free(struct domain_obj *obj);

/* Add obj, indexed by its def's name and uuid (and id if >= 0); the list
 * then owns it. The caller has checked that neither key is taken.
 * Returns 0, or -1 on allocation failure (obj stays the caller's). */
int  domain_list_add(struct domain_list *list, struct domain_obj *obj);
/* Unlink obj from every index and free it. */
void domain_list_remove(struct domain_list *list, struct domain_obj *obj);
/* Change obj's id (-1 to clear), keeping the id index in step. */
void domain_list_set_id(struct domain_list *list, struct domain_obj *obj,
                        int id);

/* NULL when absent. */
struct domain_obj *domain_list_find_by_name(const struct domain_list *list,
                                            const char *name);
struct domain_obj *domain_list_find_by_uuid(const struct domain_list *list,
                                            const unsigned char *uuid);
struct domain_obj *domain_list_find_by_id(const struct domain_list *list,
                                          int id);

/* Iteration in no particular order: objects 0 .. count-1. Removing
 * object i moves another object into slot i. */
size_t             domain_list_count(const struct domain_list *list);
struct domain_obj *domain_list_at(const struct domain_list *list, size_t i);

/* A new shut-off, transient object for def (taken over, even on failure),
 * added to list. NULL with err set when memory is short. */
struct domain_obj *domain_list_add_new(struct domain_list *list,
                                       struct domain_def *def,
                                       struct vireo_error *err);

/* Refuse a def whose name or uuid another domain holds, in libvirt's
 * words (virDomainObjListAdd): VIR_ERR_OPERATION_FAILED, error domain
 * `from`. Returns 0 and sets *same to the domain with exactly def's name
 * and uuid, or NULL when neither is taken. */
int domain_list_check_clash(const struct domain_list *list,
                            const struct domain_def *def, int from,
                            struct domain_obj **same,
                            struct vireo_error *err);

/* A new handle on obj for conn, with its current id; NULL with err set
 * when memory is short. */
struct vireo_domain *domain_obj_handle(struct vireo_conn *conn,
                                       const struct domain_obj *obj,
                                       struct vireo_error *err);

/* Whether obj has an id (running, paused, ...). */
bool domain_obj_is_active(const struct domain_obj *obj);

/* libvirt's grouped filter of virConnectListAllDomains (flags from enum
 * vireo_list_flags): OR within a group, AND across groups, an empty group
 * does not filter. The managed-save, snapshot and checkpoint groups ask
 * what the object carries. */
bool domain_obj_matches_filter(const struct domain_obj *obj, unsigned flags);

/* Give obj (an inactive domain with no next-start definition) the name
 * new_name, which no other object holds, keeping the name index in step.
 * 0, or -1 on allocation failure (nothing changed). */
int domain_list_rename(struct domain_list *list, struct domain_obj *obj,
                       const char *new_name);

/* Every flag domain_obj_matches_filter() understands. */
#define DOMAIN_LIST_FILTERS_ALL 0xffffu

#endif /* VIREO_DRIVERS_DOMAIN_LIST_H */
