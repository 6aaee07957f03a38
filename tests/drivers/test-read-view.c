/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-read-view.c: publication of immutable objects (read_view.h): a
 * reader gets what was published last, an object a reader may still hold
 * is not freed, and under threads no reader ever sees an object torn or
 * already freed. Run under ThreadSanitizer too.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "drivers/read_view.h"
#include "tests/tap.h"

enum { N_VALUES = 8 };

/* A published object: every value equals seq, so a torn one shows. */
struct sample {
    struct read_view_obj obj;
    unsigned long        seq;
    unsigned long        values[N_VALUES];
    atomic_bool          is_freed;     /* set by free_fn when kept */
};

/* How free_fn disposes: really, or by marking and keeping the object
 * until the end (so that a reader that still holds it can see the mark
 * without the memory being reused). */
static bool keeps_freed;
static struct sample **graveyard;
static size_t n_graveyard;
static size_t n_freed;

static void
sample_free(struct read_view_obj *obj)
{
    struct sample *s = (struct sample *)obj;

    n_freed++;
    if (!keeps_freed) {
        free(s);
        return;
    }
    atomic_store(&s->is_freed, true);
    graveyard[n_graveyard++] = s;
}

static struct sample *
sample_new(unsigned long seq)
{
    struct sample *s = calloc(1, sizeof(*s));

    s->obj.free_fn = sample_free;
    s->seq = seq;
    for (int i = 0; i < N_VALUES; i++)
        s->values[i] = seq;
    return s;
}

static void
test_single_thread(void)
{
    struct read_view_slot slot = { 0 };
    struct read_view_retired retired = { 0 };
    struct read_view_reader *r = read_view_reader_new();
    struct sample *got;

    tap_ok(r != NULL, "a thread registers as a reader");
    read_view_enter(r);
    tap_ok(read_view_get(&slot) == NULL, "an empty slot gives nothing");
    read_view_leave(r);

    read_view_publish(&slot, &sample_new(1)->obj, &retired);
    read_view_enter(r);
    got = (struct sample *)read_view_get(&slot);
    tap_ok(got != NULL && got->seq == 1, "a reader gets what was published");

    /* The reader still holds object 1 while 2 replaces it. */
    n_freed = 0;
    read_view_publish(&slot, &sample_new(2)->obj, &retired);
    tap_ok(n_freed == 0 && read_view_n_retired(&retired) == 1,
           "an object a reader may hold is retired, not freed");
    tap_ok(got->seq == 1 && got->values[N_VALUES - 1] == 1,
           "and stays readable until the reader leaves");
    read_view_leave(r);
    read_view_reclaim(&retired);
    tap_ok(n_freed == 1 && read_view_n_retired(&retired) == 0,
           "it is freed once the reader has left its section");

    /* A reader that entered after the swap cannot hold the old object. */
    read_view_enter(r);
    read_view_publish(&slot, &sample_new(3)->obj, &retired);
    read_view_leave(r);
    read_view_enter(r);
    read_view_publish(&slot, &sample_new(4)->obj, &retired);
    got = (struct sample *)read_view_get(&slot);
    tap_ok(got->seq == 4 && n_freed == 2 && read_view_n_retired(&retired) == 1,
           "a reader that entered after a swap holds up only the object "
           "it may have loaded");
    read_view_leave(r);

    read_view_publish(&slot, NULL, &retired);
    tap_ok(n_freed == 4 && read_view_n_retired(&retired) == 0,
           "publishing nothing retires the last object; with no reader "
           "inside, everything goes");
    read_view_reader_free(r);
}

static void
test_reader_limit(void)
{
    struct read_view_reader *rs[READ_VIEW_MAX_READERS];
    int n = 0;

    while (n < READ_VIEW_MAX_READERS && (rs[n] = read_view_reader_new()))
        n++;
    tap_ok(n == READ_VIEW_MAX_READERS && read_view_reader_new() == NULL,
           "registration stops at %d readers", READ_VIEW_MAX_READERS);
    read_view_reader_free(rs[0]);
    rs[0] = read_view_reader_new();
    tap_ok(rs[0] != NULL, "a freed registration is taken again");
    while (n > 0)
        read_view_reader_free(rs[--n]);
}

/* ---- Threads ---------------------------------------------------------- */

enum { N_READERS = 3, N_PUBLISHED = 20000, N_CHECKS = 64 };

struct shared {
    struct read_view_slot slot;
    atomic_bool           is_done;
    atomic_int            n_torn;
    atomic_int            n_freed_seen;
    atomic_int            n_backwards;
    atomic_long           n_reads;
};

/* Check s over and over for a while, as a slow reader would: the longer
 * it is held, the surer a premature free shows. */
static void
check_held(struct shared *sh, struct sample *s)
{
    for (int round = 0; round < N_CHECKS; round++) {
        for (int i = 0; i < N_VALUES; i++)
            if (s->values[i] != s->seq)
                atomic_fetch_add(&sh->n_torn, 1);
        if (atomic_load(&s->is_freed)) {
            atomic_fetch_add(&sh->n_freed_seen, 1);
            return;
        }
    }
}

static void *
reader_main(void *arg)
{
    struct shared *sh = arg;
    struct read_view_reader *r = read_view_reader_new();
    unsigned long last = 0;

    while (!atomic_load(&sh->is_done)) {
        struct sample *s;

        read_view_enter(r);
        s = (struct sample *)read_view_get(&sh->slot);
        if (s != NULL) {
            check_held(sh, s);
            if (s->seq < last)
                atomic_fetch_add(&sh->n_backwards, 1);
            last = s->seq;
            atomic_fetch_add(&sh->n_reads, 1);
        }
        read_view_leave(r);
    }
    read_view_reader_free(r);
    return NULL;
}

/* Every READ_STRIDE publications the writer waits (5 s at most) until
 * the readers read since its last wait: on a loaded machine it could
 * otherwise publish everything before a reader ran at all. */
enum { READ_STRIDE = 1000 };

static void
await_reads(struct shared *sh, long *seen)
{
    struct timespec ms = { 0, 1000000L };

    for (int i = 0; i < 5000 && atomic_load(&sh->n_reads) == *seen; i++)
        nanosleep(&ms, NULL);
    *seen = atomic_load(&sh->n_reads);
}

/* One writer publishes N_PUBLISHED objects while readers read; freed
 * objects are kept and marked (keep) or really freed (for the
 * sanitizers). */
static void
run_threads(bool keep)
{
    struct shared sh = { 0 };
    struct read_view_retired retired = { 0 };
    pthread_t t[N_READERS];
    long seen = 0;

    keeps_freed = keep;
    n_freed = n_graveyard = 0;
    graveyard = keep ? calloc(N_PUBLISHED + 1, sizeof(*graveyard)) : NULL;
    for (int i = 0; i < N_READERS; i++)
        pthread_create(&t[i], NULL, reader_main, &sh);
    for (unsigned long seq = 1; seq <= N_PUBLISHED; seq++) {
        read_view_publish(&sh.slot, &sample_new(seq)->obj, &retired);
        if (seq % READ_STRIDE == 1)
            await_reads(&sh, &seen);
    }
    atomic_store(&sh.is_done, true);
    for (int i = 0; i < N_READERS; i++)
        pthread_join(t[i], NULL);
    read_view_publish(&sh.slot, NULL, &retired);

    tap_ok(atomic_load(&sh.n_reads) > 0, "%s: readers read (%ld reads)",
           keep ? "kept" : "freed", atomic_load(&sh.n_reads));
    tap_ok(atomic_load(&sh.n_torn) == 0 &&
           atomic_load(&sh.n_freed_seen) == 0,
           "%s: no reader saw an object torn (%d) or freed (%d)",
           keep ? "kept" : "freed", atomic_load(&sh.n_torn),
           atomic_load(&sh.n_freed_seen));
    tap_ok(atomic_load(&sh.n_backwards) == 0,
           "%s: no reader saw an older object after a newer one",
           keep ? "kept" : "freed");
    tap_ok(n_freed == N_PUBLISHED && read_view_n_retired(&retired) == 0,
           "%s: every object was freed once the readers were gone",
           keep ? "kept" : "freed");
    for (size_t i = 0; i < n_graveyard; i++)
        free(graveyard[i]);
    free(graveyard);
}

int
main(void)
{
    tap_plan(18);
    test_single_thread();
    test_reader_limit();
    run_threads(true);
    run_threads(false);
    return tap_done();
}
