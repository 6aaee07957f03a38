/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_view.h: what a driver publishes about its domains so that cheap
 * read calls (a domain's state, info, activity, persistence; lookups by
 * name, uuid and id) can be answered on the caller's thread, without a hop
 * to the driver's thread. The contract a driver adopts:
 *
 * - It owns one domain_view_source per set of domains (the test driver:
 *   one per test state) and points every connection to that set at it
 *   (vireo_conn.view) before the open's answer goes out; it clears the
 *   pointer when the connection closes. The source lives as long as any
 *   connection that points at it.
 * - On its own thread, before anything that may change a domain (or make
 *   a change visible, such as an event), it calls domain_view_mark_stale().
 *   After the operation, and before its answer goes out, it republishes
 *   if a reader asked for it (domain_view_is_wanted): domain_view_begin,
 *   domain_view_add per domain, domain_view_publish.
 * - A reader (vireod's loop) answers from the view only when
 *   domain_view_current() returns one, and only with what the view holds;
 *   anything else (a stale view, an unknown domain, flags) goes to the
 *   driver's thread as before, so errors keep the driver's own words.
 *
 * So a client that got the answer to a write sees its effect: the write
 * marked the view stale before its answer went out, and the flag only
 * clears with a publication made after the write. A reader may answer
 * from the old view while a change is under way, before its answer: the
 * read then simply happens before the write.
 */
#ifndef VIREO_DRIVERS_DOMAIN_VIEW_H
#define VIREO_DRIVERS_DOMAIN_VIEW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "api/vireo.h"
#include "drivers/read_view.h"

/* One domain as published. Immutable once in a published view; shared by
 * the views that hold it unchanged. refs is the publisher's only. */
struct domain_view_entry {
    int                refs;
    char              *name;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    int                id;            /* -1 while inactive */
    int                state;         /* enum vireo_domain_state */
    int                reason;
    bool               is_persistent;
    unsigned long long max_mem_kib;
    unsigned long long memory_kib;
    unsigned int       n_vcpus;
    int                pid;           /* the process running the domain,
                                         for cpu_time_ns; 0 when none */
};

/* Every domain of a set, indexed by name, uuid and id (open addressing:
 * each index slot holds an entry's position + 1, 0 when empty).
 * Immutable once published; freed by the publisher once no reader can
 * hold it (read_view.h). */
struct domain_view {
    struct read_view_obj       obj;
    size_t                     n;
    size_t                     cap;       /* entries allocated */
    size_t                     n_reused;  /* entries shared with the view
                                             it was built after */
    struct domain_view_entry **entries;
    size_t                     mask;      /* index size - 1 */
    size_t                    *by_name;
    size_t                    *by_uuid;
    size_t                    *by_id;
};

/* Where a driver publishes a set's view. Embedded in what the driver
 * keeps for the set; initialise with domain_view_source_init (on the
 * driver's thread, before any reader sees it). */
struct domain_view_source {
    struct read_view_slot slot;
    /* A change may have happened since the last publication. */
    atomic_bool           is_stale;
    /* A reader found the view stale and went to the driver's thread: the
     * driver republishes after its next operation. */
    atomic_bool           is_wanted;
    /* The CPU time a domain's info gives now (a driver whose answer moves
     * with the clock), or NULL: info is not answered from the view. Runs
     * on the reader's thread, on the entry only. */
    unsigned long long  (*cpu_time_ns)(const struct domain_view_entry *e);
};

/* ---- Readers: any thread, inside a read section (read_view.h) -------- */

/* The view src holds if it is current, else NULL; then the next operation
 * on the driver's thread publishes a fresh one. */
const struct domain_view *domain_view_current(struct domain_view_source *src);

/* The entry with that key, or NULL. */
const struct domain_view_entry *
domain_view_find_by_uuid(const struct domain_view *v,
                         const unsigned char *uuid);
const struct domain_view_entry *
domain_view_find_by_name(const struct domain_view *v, const char *name);
const struct domain_view_entry *
domain_view_find_by_id(const struct domain_view *v, int id);

/* ---- The publisher: the driver's thread ------------------------------ */

/* Stale, with nothing published and nothing asked. */
void domain_view_source_init(struct domain_view_source *src);

/* Before a change (see the contract above). */
void domain_view_mark_stale(struct domain_view_source *src);

/* Whether a reader waits for a fresh view and src is stale. */
bool domain_view_is_wanted(struct domain_view_source *src);

/* Whether src was marked stale since its last publication. */
bool domain_view_is_stale(struct domain_view_source *src);

/* A new view with room for n_max domains, or NULL (memory). */
struct domain_view *domain_view_begin(size_t n_max);

/* Add a domain: e's fields (refs ignored, name copied), or prev's entry
 * with the same uuid when it holds the same (prev: what src holds now,
 * may be NULL). 0, or -1 when memory is short. */
int domain_view_add(struct domain_view *v, const struct domain_view_entry *e,
                    const struct domain_view *prev);

/* What src holds now (the publisher may read it outside a section). */
const struct domain_view *domain_view_published(struct domain_view_source *src);

/* Index v and make it src's view, unless it holds just what src holds
 * (then v is freed and src only stops being stale). Frees what no reader
 * can hold any more from retired, which the calling thread owns. 0, or -1
 * when memory is short (v is freed and src stays stale). */
int domain_view_publish(struct domain_view_source *src, struct domain_view *v,
                        struct read_view_retired *retired);

struct domain_list;
struct domain_obj;

/* What every driver's domain object says alike: name, uuid, id, state
 * and reason, persistence, and memory (the definition's); e's name points
 * into obj. n_vcpus and pid stay the driver's to fill. */
void domain_view_describe_obj(const struct domain_obj *obj,
                              struct domain_view_entry *e);

/* What a reader may learn of obj: fills e, whose name may point into obj. */
typedef void (*domain_view_describe_fn)(const struct domain_obj *obj,
                                        struct domain_view_entry *e);

/* Build a view of every domain of list, each described by describe, and
 * publish it as domain_view_publish() does. 0, or -1 when memory is short
 * (src stays stale: readers keep going to the driver's thread). */
int domain_view_publish_list(struct domain_view_source *src,
                             const struct domain_list *list,
                             domain_view_describe_fn describe,
                             struct read_view_retired *retired);

/* Free a view that was never published. NULL is a no-op. */
void domain_view_free(struct domain_view *v);

/* When the set goes: retire src's view (src is no longer read). */
void domain_view_source_fini(struct domain_view_source *src,
                             struct read_view_retired *retired);

#endif /* VIREO_DRIVERS_DOMAIN_VIEW_H */
