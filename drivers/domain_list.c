/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_list.c: domain objects in a vector (for listing) and on three
 * chained hash tables (by name, uuid and id) whose links live inside the
 * objects, so indexing an object never allocates. Each table doubles when
 * it holds more objects than buckets, keeping chains short: defining and
 * looking up N domains is O(N), never quadratic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/moment_list.h"
#include "drivers/snapshot_list.h"

#define INITIAL_BUCKETS 64

struct index {
    struct domain_obj **buckets;
    size_t              n_buckets;   /* a power of two */
    size_t              n_objs;
};

/* Owned by whoever created it; see domain_list.h for locking. */
struct domain_list {
    struct domain_obj **objs;
    size_t              n_objs;
    size_t              cap;
    struct index        index[DOMAIN_N_INDEXES];
};

/* ---- Hashing ---------------------------------------------------------- */

static uint64_t
hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 14695981039346656037ull;   /* FNV-1a */

    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t
hash_id(int id)
{
    return (uint64_t)(unsigned)id * 0x9e3779b97f4a7c15ull;
}

static uint64_t
obj_hash(const struct domain_obj *obj, int which)
{
    switch (which) {
    case DOMAIN_INDEX_NAME:
        return hash_bytes(obj->def->name, strlen(obj->def->name));
    case DOMAIN_INDEX_UUID:
        return hash_bytes(obj->def->uuid, VIREO_UUID_BUFLEN);
    default:
        return hash_id(obj->id);
    }
}

/* ---- One index -------------------------------------------------------- */

static void
index_link(struct index *ix, struct domain_obj *obj, int which, uint64_t h)
{
    size_t b = (size_t)h & (ix->n_buckets - 1);

    obj->chain[which] = ix->buckets[b];
    ix->buckets[b] = obj;
}

/* Double the table; on allocation failure keep the old one, whose chains
 * merely grow longer. */
static void
index_grow(struct index *ix, int which)
{
    size_t n = ix->n_buckets * 2;
    struct domain_obj **old = ix->buckets;
    size_t n_old = ix->n_buckets;
    struct domain_obj **fresh = calloc(n, sizeof(*fresh));

    if (fresh == NULL)
        return;
    ix->buckets = fresh;
    ix->n_buckets = n;
    for (size_t b = 0; b < n_old; b++) {
        struct domain_obj *obj = old[b], *next;

        for (; obj != NULL; obj = next) {
            next = obj->chain[which];
            index_link(ix, obj, which, obj_hash(obj, which));
        }
    }
    free(old);
}

static void
index_insert(struct index *ix, struct domain_obj *obj, int which)
{
    if (ix->n_objs >= ix->n_buckets)
        index_grow(ix, which);
    index_link(ix, obj, which, obj_hash(obj, which));
    ix->n_objs++;
}

static void
index_erase(struct index *ix, struct domain_obj *obj, int which)
{
    size_t b = (size_t)obj_hash(obj, which) & (ix->n_buckets - 1);
    struct domain_obj **pp = &ix->buckets[b];

    while (*pp != NULL && *pp != obj)
        pp = &(*pp)->chain[which];
    if (*pp == NULL)
        return;
    *pp = obj->chain[which];
    obj->chain[which] = NULL;
    ix->n_objs--;
}

/* ---- Objects ---------------------------------------------------------- */

struct domain_obj *
domain_obj_new(struct domain_def *def)
{
    struct domain_obj *obj = calloc(1, sizeof(*obj));

    if (obj == NULL)
        return NULL;
    obj->def = def;
    obj->id = -1;
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
    return obj;
}

void
domain_obj_free(struct domain_obj *obj)
{
    if (obj == NULL)
        return;
    if (obj->priv_free != NULL)
        obj->priv_free(obj->priv);
    domain_def_free(obj->def);
    domain_def_free(obj->new_def);
    snapshot_list_free(obj->snapshots);
    moment_list_free(obj->checkpoints);
    free(obj);
}

bool
domain_obj_is_active(const struct domain_obj *obj)
{
    return obj->id >= 0;
}

/* ---- The list --------------------------------------------------------- */

struct domain_list *
domain_list_new(void)
{
    struct domain_list *list = calloc(1, sizeof(*list));

    if (list == NULL)
        return NULL;
    for (int i = 0; i < DOMAIN_N_INDEXES; i++) {
        list->index[i].buckets = calloc(INITIAL_BUCKETS,
                                        sizeof(struct domain_obj *));
        if (list->index[i].buckets == NULL) {
            domain_list_free(list);
            return NULL;
        }
        list->index[i].n_buckets = INITIAL_BUCKETS;
    }
    return list;
}

void
domain_list_free(struct domain_list *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->n_objs; i++)
        domain_obj_free(list->objs[i]);
    free(list->objs);
    for (int i = 0; i < DOMAIN_N_INDEXES; i++)
        free(list->index[i].buckets);
    free(list);
}

int
domain_list_add(struct domain_list *list, struct domain_obj *obj)
{
    if (list->n_objs == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        struct domain_obj **objs = realloc(list->objs, cap * sizeof(*objs));

        if (objs == NULL)
            return -1;
        list->objs = objs;
        list->cap = cap;
    }
    obj->slot = list->n_objs;
    list->objs[list->n_objs++] = obj;
    index_insert(&list->index[DOMAIN_INDEX_NAME], obj, DOMAIN_INDEX_NAME);
    index_insert(&list->index[DOMAIN_INDEX_UUID], obj, DOMAIN_INDEX_UUID);
    if (obj->id >= 0)
        index_insert(&list->index[DOMAIN_INDEX_ID], obj, DOMAIN_INDEX_ID);
    return 0;
}

void
domain_list_remove(struct domain_list *list, struct domain_obj *obj)
{
    struct domain_obj *last = list->objs[list->n_objs - 1];

    index_erase(&list->index[DOMAIN_INDEX_NAME], obj, DOMAIN_INDEX_NAME);
    index_erase(&list->index[DOMAIN_INDEX_UUID], obj, DOMAIN_INDEX_UUID);
    if (obj->id >= 0)
        index_erase(&list->index[DOMAIN_INDEX_ID], obj, DOMAIN_INDEX_ID);
    last->slot = obj->slot;
    list->objs[obj->slot] = last;
    list->n_objs--;
    domain_obj_free(obj);
}

void
domain_list_set_id(struct domain_list *list, struct domain_obj *obj, int id)
{
    struct index *ix = &list->index[DOMAIN_INDEX_ID];

    if (obj->id >= 0)
        index_erase(ix, obj, DOMAIN_INDEX_ID);
    obj->id = id;
    if (id >= 0)
        index_insert(ix, obj, DOMAIN_INDEX_ID);
}

struct domain_obj *
domain_list_find_by_name(const struct domain_list *list, const char *name)
{
    const struct index *ix = &list->index[DOMAIN_INDEX_NAME];
    size_t b = (size_t)hash_bytes(name, strlen(name)) & (ix->n_buckets - 1);

    for (struct domain_obj *o = ix->buckets[b]; o != NULL;
         o = o->chain[DOMAIN_INDEX_NAME])
        if (strcmp(o->def->name, name) == 0)
            return o;
    return NULL;
}

struct domain_obj *
domain_list_find_by_uuid(const struct domain_list *list,
                         const unsigned char *uuid)
{
    const struct index *ix = &list->index[DOMAIN_INDEX_UUID];
    size_t b = (size_t)hash_bytes(uuid, VIREO_UUID_BUFLEN) &
               (ix->n_buckets - 1);

    for (struct domain_obj *o = ix->buckets[b]; o != NULL;
         o = o->chain[DOMAIN_INDEX_UUID])
        if (memcmp(o->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return o;
    return NULL;
}

struct domain_obj *
domain_list_find_by_id(const struct domain_list *list, int id)
{
    const struct index *ix = &list->index[DOMAIN_INDEX_ID];
    size_t b;

    if (id < 0)
        return NULL;
    b = (size_t)hash_id(id) & (ix->n_buckets - 1);
    for (struct domain_obj *o = ix->buckets[b]; o != NULL;
         o = o->chain[DOMAIN_INDEX_ID])
        if (o->id == id)
            return o;
    return NULL;
}

size_t
domain_list_count(const struct domain_list *list)
{
    return list->n_objs;
}

struct domain_obj *
domain_list_at(const struct domain_list *list, size_t i)
{
    return i < list->n_objs ? list->objs[i] : NULL;
}

/* ---- Adding with libvirt's checks -------------------------------------- */

struct domain_obj *
domain_list_add_new(struct domain_list *list, struct domain_def *def,
                    struct vireo_error *err)
{
    struct domain_obj *obj = domain_obj_new(def);

    if (obj == NULL) {
        domain_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    if (domain_list_add(list, obj) < 0) {
        domain_obj_free(obj);
        error_no_memory(err);
        return NULL;
    }
    return obj;
}

/* The uuid is looked at first, as libvirt does. */
int
domain_list_check_clash(const struct domain_list *list,
                        const struct domain_def *def, int from,
                        struct domain_obj **same, struct vireo_error *err)
{
    struct domain_obj *by_uuid = domain_list_find_by_uuid(list, def->uuid);
    struct domain_obj *by_name = domain_list_find_by_name(list, def->name);
    char text[VIREO_UUID_STRING_BUFLEN];

    *same = NULL;
    if (by_uuid != NULL && by_uuid != by_name) {
        uuid_format(by_uuid->def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, from,
                         "domain '%s' is already defined with uuid %s",
                         by_uuid->def->name, text);
    }
    if (by_name != NULL && by_uuid == NULL) {
        uuid_format(by_name->def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, from,
                         "domain '%s' already exists with uuid %s",
                         def->name, text);
    }
    *same = by_uuid;
    return 0;
}

struct vireo_domain *
domain_obj_handle(struct vireo_conn *conn, const struct domain_obj *obj,
                  struct vireo_error *err)
{
    struct vireo_domain *dom = handle_domain_new(conn, obj->def->name,
                                                 obj->def->uuid, obj->id);

    if (dom == NULL)
        error_no_memory(err);
    return dom;
}

/* ---- Filtering -------------------------------------------------------- */

/* A group passes when none of its bits is asked for, or one that is asked
 * for holds. */
static bool
group_passes(unsigned flags, unsigned group, unsigned holding)
{
    return (flags & group) == 0 || (flags & group & holding) != 0;
}

static unsigned
state_bit(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return VIR_CONNECT_LIST_DOMAINS_RUNNING;
    case VIR_DOMAIN_PAUSED:
        return VIR_CONNECT_LIST_DOMAINS_PAUSED;
    case VIR_DOMAIN_SHUTOFF:
        return VIR_CONNECT_LIST_DOMAINS_SHUTOFF;
    default:
        return VIR_CONNECT_LIST_DOMAINS_OTHER;
    }
}

bool
domain_obj_matches_filter(const struct domain_obj *obj, unsigned flags)
{
    unsigned holding =
        (domain_obj_is_active(obj) ? VIR_CONNECT_LIST_DOMAINS_ACTIVE
                                   : VIR_CONNECT_LIST_DOMAINS_INACTIVE) |
        (obj->is_persistent ? VIR_CONNECT_LIST_DOMAINS_PERSISTENT
                            : VIR_CONNECT_LIST_DOMAINS_TRANSIENT) |
        state_bit(obj->state) |
        (obj->has_autostart ? VIR_CONNECT_LIST_DOMAINS_AUTOSTART
                            : VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) |
        (obj->has_managed_save ? VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE
                               : VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) |
        (snapshot_list_count(obj->snapshots) > 0
         ? VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT
         : VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT) |
        (moment_list_count(obj->checkpoints) > 0
         ? VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT
         : VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT);
    static const unsigned groups[] = {
        VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE,
        VIR_CONNECT_LIST_DOMAINS_PERSISTENT |
            VIR_CONNECT_LIST_DOMAINS_TRANSIENT,
        VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED |
            VIR_CONNECT_LIST_DOMAINS_SHUTOFF | VIR_CONNECT_LIST_DOMAINS_OTHER,
        VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE |
            VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE,
        VIR_CONNECT_LIST_DOMAINS_AUTOSTART |
            VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART,
        VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT |
            VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT,
        VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
            VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT,
    };

    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (!group_passes(flags, groups[i], holding))
            return false;
    return true;
}

int
domain_list_rename(struct domain_list *list, struct domain_obj *obj,
                   const char *new_name)
{
    char *name = strdup(new_name);

    if (name == NULL)
        return -1;
    index_erase(&list->index[DOMAIN_INDEX_NAME], obj, DOMAIN_INDEX_NAME);
    free(obj->def->name);
    obj->def->name = name;
    index_insert(&list->index[DOMAIN_INDEX_NAME], obj, DOMAIN_INDEX_NAME);
    return 0;
}
