/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_list.h: one domain's snapshots as libvirt keeps them: a
 * moment list (moment_list.h, which says how the tree and its listing
 * behave) of snapshot definitions, with the snapshot filters. Nothing
 * locks: the driver that owns the domain object serialises every access,
 * as for domain_list.h.
 */
#ifndef VIREO_DRIVERS_SNAPSHOT_LIST_H
#define VIREO_DRIVERS_SNAPSHOT_LIST_H

#include <stdbool.h>

struct snapshot_def;
struct snapshot_list;

/* NULL when memory is short. */
struct snapshot_list *snapshot_list_new(void);
/* Frees every definition too. NULL is a no-op. */
void snapshot_list_free(struct snapshot_list *list);

int snapshot_list_count(const struct snapshot_list *list);

/* NULL when absent. */
struct snapshot_def *snapshot_list_find(const struct snapshot_list *list,
                                        const char *name);

/* Add def (the list takes it on success), whose name the caller checked
 * is free. 0, or -1 when memory is short. */
int snapshot_list_add(struct snapshot_list *list, struct snapshot_def *def);

/* Remove and free the snapshot named name; its children keep pointing at
 * it unless the caller reparents them first. */
void snapshot_list_remove(struct snapshot_list *list, const char *name);

/* The current snapshot, or NULL. set_current(NULL) clears it. */
struct snapshot_def *snapshot_list_current(const struct snapshot_list *list);
void snapshot_list_set_current(struct snapshot_list *list,
                               const struct snapshot_def *def);

/* How many children name has, or descendants when is_deep. */
int snapshot_list_n_children(const struct snapshot_list *list,
                             const char *name, bool is_deep);

/* libvirt's listing (virDomainSnapshotObjListGetNames): from NULL, every
 * snapshot, or only the roots with VIR_DOMAIN_SNAPSHOT_LIST_ROOTS; from a
 * snapshot, its children, or all its descendants with
 * VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS (the same bit). Then the filters
 * of enum vireo_domain_snapshot_list_flags; TOPOLOGICAL puts parents
 * before their children. Returns how many, with *out a malloc'ed array of
 * borrowed definitions (NULL when none), or -1 when memory is short. */
int snapshot_list_collect(const struct snapshot_list *list, const char *from,
                          unsigned flags, struct snapshot_def ***out);

/* Remove every descendant of name; returns whether the current one was
 * among them, or -1 when memory is short. */
int snapshot_list_drop_descendants(struct snapshot_list *list,
                                   const char *name);
/* Remove name, moving its children up to its parent, and the current
 * mark too if it was on it. 0, or -1 when memory is short. */
int snapshot_list_drop_one(struct snapshot_list *list, const char *name);

#endif /* VIREO_DRIVERS_SNAPSHOT_LIST_H */
