/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * read_view.c: publishing immutable objects, and freeing them once no
 * reader can hold them (epochs, read_view.h).
 */
#include <stdbool.h>
#include <stdlib.h>

#include "drivers/read_view.h"

/* Each registered reader's announcement: 0 while quiescent, else the
 * epoch it saw on entering its read section. */
struct read_view_reader {
    atomic_uint_fast64_t epoch;
    atomic_bool          is_used;
};

static struct read_view_reader readers[READ_VIEW_MAX_READERS];
/* Publications so far, plus 1: a reader's announced epoch is never 0. */
static atomic_uint_fast64_t global_epoch = 1;

struct read_view_reader *
read_view_reader_new(void)
{
    for (int i = 0; i < READ_VIEW_MAX_READERS; i++) {
        bool is_free = false;

        if (atomic_compare_exchange_strong(&readers[i].is_used, &is_free,
                                           true)) {
            atomic_store(&readers[i].epoch, 0);
            return &readers[i];
        }
    }
    return NULL;
}

void
read_view_reader_free(struct read_view_reader *r)
{
    if (r == NULL)
        return;
    atomic_store(&r->epoch, 0);
    atomic_store(&r->is_used, false);
}

/* The announcement is a sequentially consistent store, and read_view_get()
 * a sequentially consistent load: the load cannot be made before the
 * announcement is visible to a reclaiming thread. */
void
read_view_enter(struct read_view_reader *r)
{
    atomic_store(&r->epoch, atomic_load(&global_epoch));
}

void
read_view_leave(struct read_view_reader *r)
{
    atomic_store(&r->epoch, 0);
}

struct read_view_obj *
read_view_get(struct read_view_slot *slot)
{
    return atomic_load(&slot->current);
}

/* The oldest epoch a reader inside a section announces, or UINT64_MAX
 * when none is inside one. */
static uint64_t
oldest_reader_epoch(void)
{
    uint64_t oldest = UINT64_MAX;

    for (int i = 0; i < READ_VIEW_MAX_READERS; i++) {
        uint64_t e = atomic_load(&readers[i].epoch);

        if (e != 0 && e < oldest)
            oldest = e;
    }
    return oldest;
}

void
read_view_reclaim(struct read_view_retired *retired)
{
    uint64_t oldest;
    struct read_view_obj **link = &retired->head;

    if (retired->head == NULL)
        return;
    oldest = oldest_reader_epoch();
    while (*link != NULL) {
        struct read_view_obj *obj = *link;

        if (obj->retired_at > oldest) {
            link = &obj->next_retired;
            continue;
        }
        *link = obj->next_retired;
        retired->n--;
        obj->free_fn(obj);
    }
}

void
read_view_publish(struct read_view_slot *slot, struct read_view_obj *obj,
                  struct read_view_retired *retired)
{
    struct read_view_obj *old = atomic_exchange(&slot->current, obj);

    if (old != NULL) {
        /* A reader announcing this epoch or a later one entered after the
         * swap, so it can only have loaded obj. */
        old->retired_at = atomic_fetch_add(&global_epoch, 1) + 1;
        old->next_retired = retired->head;
        retired->head = old;
        retired->n++;
    }
    read_view_reclaim(retired);
}

size_t
read_view_n_retired(const struct read_view_retired *retired)
{
    return retired->n;
}
