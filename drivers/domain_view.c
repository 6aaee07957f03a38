/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_view.c: building, publishing and searching the immutable views
 * of a driver's domains (domain_view.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_view.h"

/* ---- Hashing ---------------------------------------------------------- */

static size_t
hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ULL;      /* FNV-1a */

    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return (size_t)h;
}

static size_t
hash_name(const char *name)
{
    return hash_bytes((const unsigned char *)name, strlen(name));
}

static size_t
hash_id(int id)
{
    return (size_t)((uint64_t)(unsigned)id * 0x9E3779B97F4A7C15ULL >> 17);
}

/* ---- Entries ---------------------------------------------------------- */

static void
entry_unref(struct domain_view_entry *e)
{
    if (--e->refs > 0)
        return;
    free(e->name);
    free(e);
}

static bool
entry_equals(const struct domain_view_entry *a,
             const struct domain_view_entry *b)
{
    return a->id == b->id && a->state == b->state &&
           a->reason == b->reason && a->is_persistent == b->is_persistent &&
           a->max_mem_kib == b->max_mem_kib &&
           a->memory_kib == b->memory_kib && a->n_vcpus == b->n_vcpus &&
           a->pid == b->pid &&
           memcmp(a->uuid, b->uuid, sizeof(a->uuid)) == 0 &&
           strcmp(a->name, b->name) == 0;
}

static struct domain_view_entry *
entry_copy(const struct domain_view_entry *from)
{
    struct domain_view_entry *e = malloc(sizeof(*e));

    if (e == NULL)
        return NULL;
    *e = *from;
    e->refs = 1;
    e->name = strdup(from->name);
    if (e->name == NULL) {
        free(e);
        return NULL;
    }
    return e;
}

/* ---- Views ------------------------------------------------------------ */

void
domain_view_free(struct domain_view *v)
{
    if (v == NULL)
        return;
    for (size_t i = 0; i < v->n; i++)
        entry_unref(v->entries[i]);
    free(v->entries);
    free(v->by_name);
    free(v->by_uuid);
    free(v->by_id);
    free(v);
}

static void
free_obj(struct read_view_obj *obj)
{
    domain_view_free((struct domain_view *)obj);
}

struct domain_view *
domain_view_begin(size_t n_max)
{
    struct domain_view *v = calloc(1, sizeof(*v));

    if (v == NULL)
        return NULL;
    v->obj.free_fn = free_obj;
    v->cap = n_max;
    v->entries = calloc(n_max + 1, sizeof(*v->entries));
    if (v->entries == NULL) {
        free(v);
        return NULL;
    }
    return v;
}

int
domain_view_add(struct domain_view *v, const struct domain_view_entry *e,
                const struct domain_view *prev)
{
    const struct domain_view_entry *old =
        prev != NULL ? domain_view_find_by_uuid(prev, e->uuid) : NULL;
    struct domain_view_entry *added;

    if (v->n == v->cap)
        return -1;
    if (old != NULL && entry_equals(old, e)) {
        added = (struct domain_view_entry *)old;
        added->refs++;
        v->n_reused++;
    } else if ((added = entry_copy(e)) == NULL) {
        return -1;
    }
    v->entries[v->n++] = added;
    return 0;
}

/* Put position i in the first free slot of index from hash h on. */
static void
index_put(size_t *index, size_t mask, size_t h, size_t i)
{
    while (index[h & mask] != 0)
        h++;
    index[h & mask] = i + 1;
}

static int
build_indexes(struct domain_view *v)
{
    size_t size = 8;

    while (size < 2 * v->n)
        size *= 2;
    v->mask = size - 1;
    v->by_name = calloc(size, sizeof(size_t));
    v->by_uuid = calloc(size, sizeof(size_t));
    v->by_id = calloc(size, sizeof(size_t));
    if (v->by_name == NULL || v->by_uuid == NULL || v->by_id == NULL)
        return -1;
    for (size_t i = 0; i < v->n; i++) {
        const struct domain_view_entry *e = v->entries[i];

        index_put(v->by_name, v->mask, hash_name(e->name), i);
        index_put(v->by_uuid, v->mask, hash_bytes(e->uuid, sizeof(e->uuid)),
                  i);
        if (e->id >= 0)
            index_put(v->by_id, v->mask, hash_id(e->id), i);
    }
    return 0;
}

/* ---- Searching -------------------------------------------------------- */

const struct domain_view_entry *
domain_view_find_by_uuid(const struct domain_view *v,
                         const unsigned char *uuid)
{
    size_t h = hash_bytes(uuid, VIREO_UUID_BUFLEN);

    for (;; h++) {
        size_t at = v->by_uuid[h & v->mask];

        if (at == 0)
            return NULL;
        if (memcmp(v->entries[at - 1]->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return v->entries[at - 1];
    }
}

const struct domain_view_entry *
domain_view_find_by_name(const struct domain_view *v, const char *name)
{
    size_t h = hash_name(name);

    for (;; h++) {
        size_t at = v->by_name[h & v->mask];

        if (at == 0)
            return NULL;
        if (strcmp(v->entries[at - 1]->name, name) == 0)
            return v->entries[at - 1];
    }
}

const struct domain_view_entry *
domain_view_find_by_id(const struct domain_view *v, int id)
{
    size_t h = hash_id(id);

    if (id < 0)
        return NULL;
    for (;; h++) {
        size_t at = v->by_id[h & v->mask];

        if (at == 0)
            return NULL;
        if (v->entries[at - 1]->id == id)
            return v->entries[at - 1];
    }
}

/* ---- Publishing ------------------------------------------------------- */

void
domain_view_source_init(struct domain_view_source *src)
{
    atomic_init(&src->slot.current, NULL);
    atomic_init(&src->is_stale, true);
    atomic_init(&src->is_wanted, false);
    src->cpu_time_ns = NULL;
}

void
domain_view_mark_stale(struct domain_view_source *src)
{
    atomic_store(&src->is_stale, true);
}

bool
domain_view_is_wanted(struct domain_view_source *src)
{
    return atomic_load(&src->is_wanted) && atomic_load(&src->is_stale);
}

bool
domain_view_is_stale(struct domain_view_source *src)
{
    return atomic_load(&src->is_stale);
}

const struct domain_view *
domain_view_published(struct domain_view_source *src)
{
    return (const struct domain_view *)atomic_load(&src->slot.current);
}

/* The stale flag is loaded before the view, and cleared after a view is
 * published: a reader that finds it clear gets that view or a later one. */
const struct domain_view *
domain_view_current(struct domain_view_source *src)
{
    if (atomic_load(&src->is_stale)) {
        atomic_store(&src->is_wanted, true);
        return NULL;
    }
    return (const struct domain_view *)read_view_get(&src->slot);
}

/* Cleared before the flag: a reader arriving now asks again. */
static void
mark_fresh(struct domain_view_source *src)
{
    atomic_store(&src->is_wanted, false);
    atomic_store(&src->is_stale, false);
}

int
domain_view_publish(struct domain_view_source *src, struct domain_view *v,
                    struct read_view_retired *retired)
{
    const struct domain_view *prev = domain_view_published(src);

    if (prev != NULL && v->n == prev->n && v->n_reused == v->n) {
        domain_view_free(v);
        mark_fresh(src);
        return 0;
    }
    if (build_indexes(v) < 0) {
        domain_view_free(v);
        return -1;
    }
    read_view_publish(&src->slot, &v->obj, retired);
    mark_fresh(src);
    return 0;
}

void
domain_view_describe_obj(const struct domain_obj *obj,
                         struct domain_view_entry *e)
{
    const struct domain_def *def = obj->def;

    e->name = def->name;
    memcpy(e->uuid, def->uuid, sizeof(e->uuid));
    e->id = obj->id;
    e->state = obj->state;
    e->reason = obj->reason;
    e->is_persistent = obj->is_persistent;
    e->max_mem_kib = def->memory_kib;
    e->memory_kib = def->current_memory_kib;
}

int
domain_view_publish_list(struct domain_view_source *src,
                         const struct domain_list *list,
                         domain_view_describe_fn describe,
                         struct read_view_retired *retired)
{
    const struct domain_view *prev = domain_view_published(src);
    size_t n = domain_list_count(list);
    struct domain_view *v = domain_view_begin(n);

    for (size_t i = 0; v != NULL && i < n; i++) {
        struct domain_view_entry e = { 0 };

        describe(domain_list_at(list, i), &e);
        if (domain_view_add(v, &e, prev) < 0) {
            domain_view_free(v);
            v = NULL;
        }
    }
    return v != NULL ? domain_view_publish(src, v, retired) : -1;
}

void
domain_view_source_fini(struct domain_view_source *src,
                        struct read_view_retired *retired)
{
    atomic_store(&src->is_stale, true);
    read_view_publish(&src->slot, NULL, retired);
}
