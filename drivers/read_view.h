/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * read_view.h: immutable objects one thread publishes and other threads
 * read without a lock or a hop, with safe reclamation.
 *
 * The owner of some state (a driver's thread) is still the only thread
 * that changes it. What others may read without asking is copied into a
 * new object, never changed again, and published by swapping one atomic
 * pointer (read_view_publish). A reader opens a read section
 * (read_view_enter), loads the pointer (read_view_get), reads, and closes
 * the section (read_view_leave); nothing it got may be used after that.
 *
 * Reclamation is by epochs. A global epoch counts publications. On entry a
 * reader announces the epoch it saw; on leaving it announces 0 (quiescent).
 * The object a publication replaces is retired with the epoch the
 * publication made, and freed only once every reader is quiescent or
 * announces that epoch or a later one: such a reader loaded the pointer
 * after the swap, so it can only hold the new object. All of it is C11
 * atomics (sequentially consistent where a store must not pass a load), so
 * ThreadSanitizer sees every edge: a reader's last read of an object
 * happens before its announcement, which the reclaiming thread loads
 * before it frees.
 *
 * Readers register once per thread (a small fixed table, no lock).
 * Retired objects wait in a list the publishing thread owns and frees
 * from, so a publisher never waits for a reader.
 */
#ifndef VIREO_DRIVERS_READ_VIEW_H
#define VIREO_DRIVERS_READ_VIEW_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* At the start of every published object. The fields are the
 * publisher's; free_fn frees the whole object (on the publisher's thread). */
struct read_view_obj {
    struct read_view_obj *next_retired;
    uint64_t              retired_at;     /* the epoch that replaced it */
    void                (*free_fn)(struct read_view_obj *obj);
};

/* Where one object is published: read by any thread, swapped by its one
 * publisher. Zero-initialised: nothing published. */
struct read_view_slot {
    _Atomic(struct read_view_obj *) current;
};

/* Owned by one publishing thread: objects replaced and not yet freed. */
struct read_view_retired {
    struct read_view_obj *head;
    size_t                n;
};

/* One reading thread's announcement. */
struct read_view_reader;

/* The most reading threads registered at once. */
enum { READ_VIEW_MAX_READERS = 32 };

/* Any thread, once before it reads: its registration, or NULL when
 * READ_VIEW_MAX_READERS are registered. Free it on the same thread, outside
 * a read section. */
struct read_view_reader *read_view_reader_new(void);
void read_view_reader_free(struct read_view_reader *r);

/* The reader's thread: open and close a read section (not nested). */
void read_view_enter(struct read_view_reader *r);
void read_view_leave(struct read_view_reader *r);

/* Inside a read section: what slot holds now, or NULL. Valid until
 * read_view_leave(). */
struct read_view_obj *read_view_get(struct read_view_slot *slot);

/* The publisher's thread: make obj (filled, never changed again; may be
 * NULL) what slot holds, retire what it held into retired, and free what
 * no reader can hold any more. */
void read_view_publish(struct read_view_slot *slot, struct read_view_obj *obj,
                       struct read_view_retired *retired);

/* The publisher's thread: free the retired objects no reader can hold. */
void read_view_reclaim(struct read_view_retired *retired);

/* Objects retired and not yet freed. */
size_t read_view_n_retired(const struct read_view_retired *retired);

#endif /* VIREO_DRIVERS_READ_VIEW_H */
