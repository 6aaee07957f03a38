/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_list.c: a domain's snapshot tree, a moment list
 * (moment_list.h) of snapshot definitions with the snapshot listing's own
 * filters. Every snapshot here has metadata.
 */
#include <stddef.h>

#include "api/vireo.h"
#include "drivers/conf/snapshot_xml.h"
#include "drivers/moment_list.h"
#include "drivers/snapshot_list.h"

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

/* libvirt's snapshot filters beyond the leaves. */
static bool
passes(const void *opaque, unsigned flags)
{
    const struct snapshot_def *def = opaque;
    const unsigned meta = VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                          VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA;
    const unsigned where = VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL |
                           VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL;

    if (group_filters(flags, meta) &&
        (flags & VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA) != 0)
        return false;
    if (group_filters(flags, where) &&
        snapshot_def_is_external(def) !=
        ((flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL) != 0))
        return false;
    return passes_state(def, flags);
}

static void
free_def(void *def)
{
    snapshot_def_free(def);
}

static const struct moment_kind snapshot_kind = {
    .name_offset      = offsetof(struct snapshot_def, name),
    .parent_offset    = offsetof(struct snapshot_def, parent_name),
    .topological_flag = VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
    .free             = free_def,
    .passes           = passes,
};

/* A snapshot list is a moment list of this kind. */
static struct moment_list *
m(const struct snapshot_list *list)
{
    return (struct moment_list *)(void *)list;
}

struct snapshot_list *
snapshot_list_new(void)
{
    return (struct snapshot_list *)(void *)moment_list_new(&snapshot_kind);
}

void
snapshot_list_free(struct snapshot_list *list)
{
    moment_list_free(m(list));
}

int
snapshot_list_count(const struct snapshot_list *list)
{
    return moment_list_count(m(list));
}

struct snapshot_def *
snapshot_list_find(const struct snapshot_list *list, const char *name)
{
    return moment_list_find(m(list), name);
}

int
snapshot_list_add(struct snapshot_list *list, struct snapshot_def *def)
{
    return moment_list_add(m(list), def);
}

void
snapshot_list_remove(struct snapshot_list *list, const char *name)
{
    moment_list_remove(m(list), name);
}

struct snapshot_def *
snapshot_list_current(const struct snapshot_list *list)
{
    return moment_list_current(m(list));
}

void
snapshot_list_set_current(struct snapshot_list *list,
                          const struct snapshot_def *def)
{
    moment_list_set_current(m(list), def);
}

int
snapshot_list_n_children(const struct snapshot_list *list, const char *name,
                         bool is_deep)
{
    return moment_list_n_children(m(list), name, is_deep);
}

int
snapshot_list_collect(const struct snapshot_list *list, const char *from,
                      unsigned flags, struct snapshot_def ***out)
{
    return moment_list_collect(m(list), from, flags, (void ***)out);
}

int
snapshot_list_drop_descendants(struct snapshot_list *list, const char *name)
{
    return moment_list_drop_descendants(m(list), name);
}

int
snapshot_list_drop_one(struct snapshot_list *list, const char *name)
{
    return moment_list_drop_one(m(list), name);
}
