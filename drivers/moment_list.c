/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * moment_list.c: a domain's tree of snapshots or checkpoints. A domain has
 * few, so the tree is an array in creation order and parents are found by
 * name. libvirt links a new child in front of its siblings, so its
 * topological order visits the newest child first; this one does too.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/moment_list.h"

/* Owned by the domain object that holds it (domain_list.h). */
struct moment_list {
    const struct moment_kind *kind;
    void                    **defs;     /* creation order */
    int                       n_defs;
    int                       n_alloc;
    char                     *current;  /* name of the current one, or NULL */
};

static char *const *
name_field(const struct moment_list *list, const void *def)
{
    return (char *const *)(const void *)((const char *)def +
                                         list->kind->name_offset);
}

static char **
parent_field(const struct moment_list *list, void *def)
{
    return (char **)(void *)((char *)def + list->kind->parent_offset);
}

static const char *
name_of(const struct moment_list *list, const void *def)
{
    return *name_field(list, def);
}

static const char *
parent_of(const struct moment_list *list, const void *def)
{
    return *parent_field(list, (void *)def);
}

struct moment_list *
moment_list_new(const struct moment_kind *kind)
{
    struct moment_list *list = calloc(1, sizeof(*list));

    if (list != NULL)
        list->kind = kind;
    return list;
}

void
moment_list_free(struct moment_list *list)
{
    if (list == NULL)
        return;
    for (int i = 0; i < list->n_defs; i++)
        list->kind->free(list->defs[i]);
    free(list->defs);
    free(list->current);
    free(list);
}

int
moment_list_count(const struct moment_list *list)
{
    return list != NULL ? list->n_defs : 0;
}

static int
index_of(const struct moment_list *list, const char *name)
{
    for (int i = 0; list != NULL && name != NULL && i < list->n_defs; i++)
        if (strcmp(name_of(list, list->defs[i]), name) == 0)
            return i;
    return -1;
}

void *
moment_list_find(const struct moment_list *list, const char *name)
{
    int i = index_of(list, name);

    return i >= 0 ? list->defs[i] : NULL;
}

int
moment_list_add(struct moment_list *list, void *def)
{
    if (list->n_defs == list->n_alloc) {
        int n = list->n_alloc > 0 ? list->n_alloc * 2 : 8;
        void **grown = realloc(list->defs, (size_t)n * sizeof(*grown));

        if (grown == NULL)
            return -1;
        list->defs = grown;
        list->n_alloc = n;
    }
    list->defs[list->n_defs++] = def;
    return 0;
}

void
moment_list_remove(struct moment_list *list, const char *name)
{
    int i = index_of(list, name);

    if (i < 0)
        return;
    if (list->current != NULL && strcmp(list->current, name) == 0) {
        free(list->current);
        list->current = NULL;
    }
    list->kind->free(list->defs[i]);
    memmove(&list->defs[i], &list->defs[i + 1],
            (size_t)(list->n_defs - i - 1) * sizeof(list->defs[0]));
    list->n_defs--;
}

static bool
is_child_of(const struct moment_list *list, const void *def,
            const char *parent)
{
    const char *its = parent_of(list, def);

    if (parent == NULL)
        return its == NULL;
    return its != NULL && strcmp(its, parent) == 0;
}

int
moment_list_reparent_children(struct moment_list *list, const char *name,
                              const char *new_parent)
{
    for (int i = 0; i < list->n_defs; i++) {
        void *def = list->defs[i];
        char *copy = NULL;

        if (!is_child_of(list, def, name))
            continue;
        if (new_parent != NULL && (copy = strdup(new_parent)) == NULL)
            return -1;
        free(*parent_field(list, def));
        *parent_field(list, def) = copy;
    }
    return 0;
}

void *
moment_list_current(const struct moment_list *list)
{
    return list != NULL ? moment_list_find(list, list->current) : NULL;
}

void
moment_list_set_current(struct moment_list *list, const void *def)
{
    char *name = def != NULL ? strdup(name_of(list, def)) : NULL;

    free(list->current);
    list->current = name;
}

int
moment_list_n_children(const struct moment_list *list, const char *name,
                       bool is_deep)
{
    int n = 0;

    for (int i = 0; list != NULL && i < list->n_defs; i++) {
        if (!is_child_of(list, list->defs[i], name))
            continue;
        n++;
        if (is_deep)
            n += moment_list_n_children(list, name_of(list, list->defs[i]),
                                        true);
    }
    return n;
}

/* ---- Listing ----------------------------------------------------------- */

static bool
passes(const struct moment_list *list, const void *def, unsigned flags)
{
    const unsigned leaves = MOMENT_LIST_LEAVES | MOMENT_LIST_NO_LEAVES;
    bool is_leaf = moment_list_n_children(list, name_of(list, def),
                                          false) == 0;

    /* Both leaf flags, or neither, do not filter. */
    if ((flags & leaves) != 0 && (flags & leaves) != leaves &&
        is_leaf != ((flags & MOMENT_LIST_LEAVES) != 0))
        return false;
    return list->kind->passes == NULL || list->kind->passes(def, flags);
}

struct collect {
    const struct moment_list *list;
    unsigned                  flags;
    void                    **out;
    int                       n;
};

static void
take(struct collect *c, void *def)
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
        void *def = c->list->defs[i];

        if (!is_child_of(c->list, def, parent))
            continue;
        take(c, def);
        if (is_deep)
            walk(c, name_of(c->list, def), true);
    }
}

/* Whether def descends from ancestor (NULL: the tree's top, which every
 * moment descends from). The walk is bounded, whatever the names say. */
static bool
is_below(const struct moment_list *list, const void *def,
         const char *ancestor)
{
    for (int hops = 0; def != NULL && hops <= list->n_defs; hops++) {
        const char *parent = parent_of(list, def);

        if (parent == NULL)
            return ancestor == NULL;
        if (ancestor != NULL && strcmp(parent, ancestor) == 0)
            return true;
        def = moment_list_find(list, parent);
    }
    return false;
}

/* Creation order: from's children, or all its descendants. */
static void
scan(struct collect *c, const char *from, bool is_deep)
{
    for (int i = 0; i < c->list->n_defs; i++) {
        void *def = c->list->defs[i];

        if (is_deep ? is_below(c->list, def, from)
                    : is_child_of(c->list, def, from))
            take(c, def);
    }
}

int
moment_list_collect(const struct moment_list *list, const char *from,
                    unsigned flags, void ***out)
{
    /* ROOTS from the top and DESCENDANTS from a moment share a bit, with
     * opposite meanings. */
    bool has_bit = (flags & MOMENT_LIST_ROOTS) != 0;
    bool is_deep = from == NULL ? !has_bit : has_bit;
    struct collect c = { .list = list, .flags = flags };

    *out = NULL;
    if (moment_list_count(list) == 0)
        return 0;
    c.out = calloc((size_t)list->n_defs, sizeof(*c.out));
    if (c.out == NULL)
        return -1;
    if (flags & list->kind->topological_flag)
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

/* ---- Deleting ----------------------------------------------------------- */

static void
free_names(char **names, int n)
{
    for (int i = 0; names != NULL && i < n; i++)
        free(names[i]);
    free(names);
}

int
moment_list_drop_descendants(struct moment_list *list, const char *name)
{
    const void *current = moment_list_current(list);
    bool had_current = false;
    void **defs;
    char **names;
    int n = moment_list_collect(list, name, MOMENT_LIST_ROOTS, &defs);
    bool is_short = n < 0;

    /* Removing frees a definition: keep the names apart first. */
    names = n > 0 ? calloc((size_t)n, sizeof(*names)) : NULL;
    is_short |= n > 0 && names == NULL;
    for (int i = 0; !is_short && i < n; i++) {
        had_current |= defs[i] == current;
        names[i] = strdup(name_of(list, defs[i]));
        is_short |= names[i] == NULL;
    }
    free(defs);
    if (is_short) {
        free_names(names, n);
        return -1;
    }
    for (int i = 0; i < n; i++)
        moment_list_remove(list, names[i]);
    free_names(names, n);
    return had_current;
}

int
moment_list_drop_one(struct moment_list *list, const char *name)
{
    void *def = moment_list_find(list, name);
    const char *parent_name = def != NULL ? parent_of(list, def) : NULL;

    if (def == NULL)
        return 0;
    if (moment_list_reparent_children(list, name, parent_name) < 0)
        return -1;
    if (moment_list_current(list) == def)
        moment_list_set_current(list, moment_list_find(list, parent_name));
    moment_list_remove(list, name);
    return 0;
}
