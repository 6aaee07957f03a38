/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * moment_list.h: what libvirt calls a domain's moments, its snapshots or
 * its checkpoints, kept as libvirt keeps them: a tree (each names its
 * parent), one of them current, and libvirt's listing rules (roots or
 * all, children or all descendants, leaves or not, topological order).
 * One list holds one kind of definition, described by a struct
 * moment_kind. Nothing locks: the driver that owns the domain object
 * serialises every access, as for domain_list.h.
 */
#ifndef VIREO_DRIVERS_MOMENT_LIST_H
#define VIREO_DRIVERS_MOMENT_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* What a list needs to know of its definitions. Both flags below have the
 * same bits in libvirt's snapshot and checkpoint listings; TOPOLOGICAL
 * differs, and snapshots have filters of their own. */
enum {
    MOMENT_LIST_ROOTS     = 1 << 0,   /* from a moment: DESCENDANTS */
    MOMENT_LIST_LEAVES    = 1 << 2,
    MOMENT_LIST_NO_LEAVES = 1 << 3,
};

struct moment_kind {
    size_t   name_offset;       /* offsetof the definition's char *name */
    size_t   parent_offset;     /* ... and of its char *parent_name (NULL:
                                   a root) */
    unsigned topological_flag;  /* the listing flag for parents first */
    void   (*free)(void *def);
    /* The kind's own filters, or NULL when it has none. */
    bool   (*passes)(const void *def, unsigned flags);
};

struct moment_list;

/* NULL when memory is short. kind must outlive the list. */
struct moment_list *moment_list_new(const struct moment_kind *kind);
/* Frees every definition too. NULL is a no-op. */
void moment_list_free(struct moment_list *list);

int moment_list_count(const struct moment_list *list);

/* NULL when absent (or name is NULL). */
void *moment_list_find(const struct moment_list *list, const char *name);

/* Add def (the list takes it on success), whose name the caller checked
 * is free. 0, or -1 when memory is short. */
int moment_list_add(struct moment_list *list, void *def);

/* Remove and free the moment named name; its children keep pointing at
 * it unless the caller reparents them first. */
void moment_list_remove(struct moment_list *list, const char *name);

/* Give every child of name (of it, not its descendants) the parent
 * new_parent (NULL: they become roots). 0, or -1 when memory is short. */
int moment_list_reparent_children(struct moment_list *list, const char *name,
                                  const char *new_parent);

/* The current moment, or NULL. set_current(NULL) clears it. */
void *moment_list_current(const struct moment_list *list);
void moment_list_set_current(struct moment_list *list, const void *def);

/* How many children name has, or descendants when is_deep. */
int moment_list_n_children(const struct moment_list *list, const char *name,
                           bool is_deep);

/* libvirt's listing: from NULL, every moment, or only the roots with
 * MOMENT_LIST_ROOTS; from a moment, its children, or all its descendants
 * with the same bit. Then the leaf filters and the kind's own; the kind's
 * topological flag puts parents before their children, newest child
 * first as libvirt does. Returns how many, with *out a malloc'ed array of
 * borrowed definitions (NULL when none), or -1 when memory is short. */
int moment_list_collect(const struct moment_list *list, const char *from,
                        unsigned flags, void ***out);

/* Remove every descendant of name; returns whether the current one was
 * among them, or -1 when memory is short. */
int moment_list_drop_descendants(struct moment_list *list, const char *name);

/* Remove name, moving its children up to its parent, and the current mark
 * too if it was on it. 0, or -1 when memory is short. */
int moment_list_drop_one(struct moment_list *list, const char *name);

#endif /* VIREO_DRIVERS_MOMENT_LIST_H */
