/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_list.c: a domain's snapshot tree. A domain has few snapshots,
 * so the tree is an array in creation order and parents are found by
 * name. libvirt links a new child in front of its siblings, so its
 * topological order visits the newest child first; this one does too.
 */
#include <stdlib.h>
#include <string.h>

#include "api/vireo.h"
#include "drivers/conf/snapshot_xml.h"
#include "drivers/snapshot_list.h"

/* Owned by the domain object that holds it (domain_list.h). */
struct snapshot_list {
    struct snapshot_def **defs;     /* creation order */
    int                   n_defs;
    int                   n_alloc;
    char                 *current;  /* name of the current one, or NULL */
};

struct snapshot_list *
snapshot_list_new(void)
{
    return calloc(1, sizeof(struct snapshot_list));
}

void
snapshot_list_free(struct snapshot_list *list)
{
    if (list == NULL)
        return;
    for (int i = 0; i < list->n_defs; i++)
        snapshot_def_free(list->defs[i]);
    free(list->defs);
    free(list->current);
    free(list);
}

int
snapshot_list_count(const struct snapshot_list *list)
{
    return list != NULL ? list->n_defs : 0;
}

static int
index_of(const struct snapshot_list *list, const char *name)
{
    for (int i = 0; list != NULL && name != NULL && i < list->n_defs; i++)
        if (strcmp(list->defs[i]->name, name) == 0)
            return i;
    return -1;
}

struct snapshot_def *
snapshot_list_find(const struct snapshot_list *list, const char *name)
{
    int i = index_of(list, name);

    return i >= 0 ? list->defs[i] : NULL;
}

int
snapshot_list_add(struct snapshot_list *list, struct snapshot_def *def)
{
    if (list->n_defs == list->n_alloc) {
        int n = list->n_alloc > 0 ? list->n_alloc * 2 : 8;
        struct snapshot_def **grown = realloc(list->defs,
                                              (size_t)n * sizeof(*grown));

        if (grown == NULL)
            return -1;
        list->defs = grown;
        list->n_alloc = n;
    }
    list->defs[list->n_defs++] = def;
    return 0;
}

void
snapshot_list_remove(struct snapshot_list *list, const char *name)
{
    int i = index_of(list, name);

    if (i < 0)
        return;
    if (list->current != NULL && strcmp(list->current, name) == 0) {
        free(list->current);
        list->current = NULL;
    }
    snapshot_def_free(list->defs[i]);
    memmove(&list->defs[i], &list->defs[i + 1],
            (size_t)(list->n_defs - i - 1) * sizeof(list->defs[0]));
    list->n_defs--;
}

static bool
is_child_of(const struct snapshot_def *def, const char *parent)
{
    if (parent == NULL)
        return def->parent_name == NULL;
    return def->parent_name != NULL && strcmp(def->parent_name, parent) == 0;
}

int
snapshot_list_reparent_children(struct snapshot_list *list, const char *name,
                                const char *new_parent)
{
    for (int i = 0; i < list->n_defs; i++) {
        struct snapshot_def *def = list->defs[i];
        char *copy = NULL;

        if (!is_child_of(def, name))
            continue;
        if (new_parent != NULL && (copy = strdup(new_parent)) == NULL)
            return -1;
        free(def->parent_name);
        def->parent_name = copy;
    }
    return 0;
}

struct snapshot_def *
snapshot_list_current(const struct snapshot_list *list)
{
    return list != NULL ? snapshot_list_find(list, list->current) : NULL;
}

void
snapshot_list_set_current(struct snapshot_list *list,
                          const struct snapshot_def *def)
{
    char *name = def != NULL ? strdup(def->name) : NULL;

    free(list->current);
    list->current = name;
}

int
snapshot_list_n_children(const struct snapshot_list *list, const char *name,
                         bool is_deep)
{
    int n = 0;

    for (int i = 0; list != NULL && i < list->n_defs; i++) {
        if (!is_child_of(list->defs[i], name))
            continue;
        n++;
        if (is_deep)
            n += snapshot_list_n_children(list, list->defs[i]->name, true);
    }
    return n;
}

/* ---- Listing ----------------------------------------------------------- */

/* Whether any of the group's flags is set but not all: then it filters. */
static bool
group_filters(unsigned flags, unsigned group)
{
    return (flags & group) != 0 && (flags & group) != group;
}

static bool
passes_state(const struct snapshot_def *def, unsigned flags)
{
    const unsigned group = VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE |
                           VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE |
                           VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY;
    unsigned holding;

    if (!group_filters(flags, group))
        return true;
    if (def->state == SNAPSHOT_STATE_SHUTOFF)
        holding = VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE;
    else if (def->state == SNAPSHOT_STATE_DISK_SNAPSHOT)
        holding = VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY;
    else
        holding = VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE;
    return (flags & holding) != 0;
}

/* libvirt's filters; every snapshot here has metadata. */
static bool
passes(const struct snapshot_list *list, const struct snapshot_def *def,
       unsigned flags)
{
    const unsigned leaves = VIR_DOMAIN_SNAPSHOT_LIST_LEAVES |
                            VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES;
    const unsigned meta = VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                          VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA;
    const unsigned where = VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL |
                           VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL;
    bool is_leaf = snapshot_list_n_children(list, def->name, false) == 0;
    bool is_external = snapshot_def_is_external(def);

    if (group_filters(flags, leaves) &&
        is_leaf != ((flags & VIR_DOMAIN_SNAPSHOT_LIST_LEAVES) != 0))
        return false;
    if (group_filters(flags, meta) &&
        (flags & VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA) != 0)
        return false;
    if (group_filters(flags, where) &&
        is_external != ((flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL) != 0))
        return false;
    return passes_state(def, flags);
}

struct collect {
    const struct snapshot_list *list;
    unsigned                    flags;
    struct snapshot_def       **out;
    int                         n;
};

static void
take(struct collect *c, struct snapshot_def *def)
{
    if (passes(c->list, def, c->flags))
        c->out[c->n++] = def;
}

/* Children of parent, newest first, each followed by its own subtree
 * when is_deep. */
static void
walk(struct collect *c, const char *parent, bool is_deep)
{
    for (int i = c->list->n_defs - 1; i >= 0; i--) {
        struct snapshot_def *def = c->list->defs[i];

        if (!is_child_of(def, parent))
            continue;
        take(c, def);
        if (is_deep)
            walk(c, def->name, true);
    }
}

/* Whether def descends from ancestor (NULL: the tree's top, which every
 * snapshot descends from). The walk is bounded, whatever the names say. */
static bool
is_below(const struct snapshot_list *list, const struct snapshot_def *def,
         const char *ancestor)
{
    for (int hops = 0; def != NULL && hops <= list->n_defs; hops++) {
        if (def->parent_name == NULL)
            return ancestor == NULL;
        if (ancestor != NULL && strcmp(def->parent_name, ancestor) == 0)
            return true;
        def = snapshot_list_find(list, def->parent_name);
    }
    return false;
}

/* Creation order: from's children, or all its descendants. */
static void
scan(struct collect *c, const char *from, bool is_deep)
{
    for (int i = 0; i < c->list->n_defs; i++) {
        struct snapshot_def *def = c->list->defs[i];

        if (is_deep ? is_below(c->list, def, from) : is_child_of(def, from))
            take(c, def);
    }
}

int
snapshot_list_collect(const struct snapshot_list *list, const char *from,
                      unsigned flags, struct snapshot_def ***out)
{
    /* ROOTS from the top and DESCENDANTS from a snapshot share a bit, with
     * opposite meanings. */
    bool has_bit = (flags & VIR_DOMAIN_SNAPSHOT_LIST_ROOTS) != 0;
    bool is_deep = from == NULL ? !has_bit : has_bit;
    struct collect c = { .list = list, .flags = flags };

    *out = NULL;
    if (snapshot_list_count(list) == 0)
        return 0;
    c.out = calloc((size_t)list->n_defs, sizeof(*c.out));
    if (c.out == NULL)
        return -1;
    if (flags & VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL)
        walk(&c, from, is_deep);
    else
        scan(&c, from, is_deep);
    if (c.n == 0) {
        free(c.out);
        c.out = NULL;
    }
    *out = c.out;
    return c.n;
}
