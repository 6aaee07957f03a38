/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_calls.c: the per-procedure counters. One row per procedure of
 * the remote, QEMU and admin programs, and one for calls of any procedure vireo
 * does not know, so that a reply is counted by indexing, never by search.
 * Only the loop thread writes; a scrape reads with relaxed loads, so a
 * histogram read during an update may be off by that one call (its count
 * is the sum of the buckets read, so it is never inconsistent in itself).
 */
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include "daemon/metrics_calls.h"
#include "daemon/metrics_text.h"
#include "wire/admin_procs.h"
#include "wire/frame.h"
#include "wire/procs.h"

/* Upper bounds of the latency buckets, in seconds and in nanoseconds:
 * from a call answered on the loop (tens of microseconds) to a guest
 * operation that waits on QEMU (seconds). */
static const char *const bound_names[] = {
    "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01",
    "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10",
};
static const uint64_t bound_ns[] = {
    100000, 250000, 500000, 1000000, 2500000, 5000000, 10000000,
    25000000, 50000000, 100000000, 250000000, 500000000, 1000000000,
    2500000000u, 5000000000u, 10000000000u,
};
#define N_BOUNDS (sizeof(bound_ns) / sizeof(bound_ns[0]))

/* QEMU's program has a handful of procedures, numbered from 1. */
#define QEMU_ROWS 8

/* Written by the loop thread only. */
struct proc_row {
    _Atomic uint64_t n_calls;
    _Atomic uint64_t n_errors;
    _Atomic uint64_t sum_ns;
    _Atomic uint64_t buckets[N_BOUNDS + 1];   /* the last: above 10 s */
};

static struct proc_row remote_rows[WIRE_PROC_MAX + 1];
static struct proc_row qemu_rows[QEMU_ROWS];
static struct proc_row admin_rows[WIRE_ADMIN_PROC_MAX + 1];
static struct proc_row unknown_row;
static uint64_t arrival_ns;                   /* loop thread only */

uint64_t
metrics_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void
metrics_call_arrived(void)
{
    arrival_ns = metrics_now_ns();
}

uint64_t
metrics_call_arrival_ns(void)
{
    return arrival_ns;
}

static struct proc_row *
row_of(uint32_t prog, uint32_t proc)
{
    if (prog == WIRE_REMOTE_PROGRAM && proc <= WIRE_PROC_MAX)
        return &remote_rows[proc];
    if (prog == WIRE_QEMU_PROGRAM && proc < QEMU_ROWS)
        return &qemu_rows[proc];
    if (prog == WIRE_ADMIN_PROGRAM && proc <= WIRE_ADMIN_PROC_MAX)
        return &admin_rows[proc];
    return &unknown_row;
}

static void
add(_Atomic uint64_t *counter, uint64_t n)
{
    atomic_fetch_add_explicit(counter, n, memory_order_relaxed);
}

static size_t
bucket_of(uint64_t ns)
{
    size_t i = 0;

    while (i < N_BOUNDS && ns > bound_ns[i])
        i++;
    return i;
}

void
metrics_call_replied(const struct wire_buffer *reply, uint64_t arrived_ns)
{
    remote_message_header hdr;
    struct proc_row *row;
    uint64_t now = metrics_now_ns();
    uint64_t took = now > arrived_ns ? now - arrived_ns : 0;

    if (reply->len < WIRE_LEN_MIN)
        return;
    wire_header_decode(reply->data + WIRE_LEN_SIZE, &hdr);
    if (hdr.type != WIRE_TYPE_REPLY)
        return;
    row = row_of(hdr.prog, (uint32_t)hdr.proc);
    add(&row->n_calls, 1);
    if (hdr.status == WIRE_STATUS_ERROR)
        add(&row->n_errors, 1);
    add(&row->sum_ns, took);
    add(&row->buckets[bucket_of(took)], 1);
}

static uint64_t
load(_Atomic uint64_t *counter)
{
    return atomic_load_explicit(counter, memory_order_relaxed);
}

/* What a family does with one procedure's row, labelled proc. */
typedef void (*row_fn)(struct metrics_text *t, struct proc_row *row,
                       const struct metrics_label *proc);

/* fn for each of a program's n rows called at least once, labelled with
 * libvirt's name for its procedure (REMOTE_PROC_DOMAIN_GET_STATE). */
static void
each_program_row(struct metrics_text *t, row_fn fn, uint32_t prog,
                 const char *prefix, struct proc_row *rows, int n)
{
    char name[96];
    struct metrics_label label = { "proc", name };

    for (int i = 0; i < n; i++) {
        const struct wire_proc *p = wire_proc_find(prog, i);

        if (load(&rows[i].n_calls) == 0)
            continue;
        snprintf(name, sizeof(name), "%s_PROC_%s", prefix,
                 p != NULL ? p->name : "UNKNOWN");
        fn(t, &rows[i], &label);
    }
}

/* fn for every row called at least once; calls vireo does not know come
 * last, as proc "unknown". */
static void
each_row(struct metrics_text *t, row_fn fn)
{
    struct metrics_label unknown = { "proc", "unknown" };

    each_program_row(t, fn, WIRE_REMOTE_PROGRAM, "REMOTE", remote_rows,
                     WIRE_PROC_MAX + 1);
    each_program_row(t, fn, WIRE_QEMU_PROGRAM, "QEMU", qemu_rows, QEMU_ROWS);
    each_program_row(t, fn, WIRE_ADMIN_PROGRAM, "ADMIN", admin_rows,
                     WIRE_ADMIN_PROC_MAX + 1);
    if (load(&unknown_row.n_calls) > 0)
        fn(t, &unknown_row, &unknown);
}

static void
put_calls(struct metrics_text *t, struct proc_row *row,
          const struct metrics_label *proc)
{
    metrics_text_u64(t, "vireo_calls_total", proc, 1, load(&row->n_calls));
}

static void
put_errors(struct metrics_text *t, struct proc_row *row,
           const struct metrics_label *proc)
{
    metrics_text_u64(t, "vireo_call_errors_total", proc, 1,
                     load(&row->n_errors));
}

static void
put_latency(struct metrics_text *t, struct proc_row *row,
            const struct metrics_label *proc)
{
    uint64_t counts[N_BOUNDS + 1];

    for (size_t i = 0; i <= N_BOUNDS; i++)
        counts[i] = load(&row->buckets[i]);
    metrics_text_histogram(t, "vireo_call_duration_seconds", proc, 1,
                           bound_names, counts, N_BOUNDS, load(&row->sum_ns));
}

void
metrics_calls_render(struct metrics_text *t)
{
    metrics_text_family(t, "vireo_calls_total", "counter",
                        "Calls answered, by libvirt procedure name.");
    each_row(t, put_calls);
    metrics_text_family(t, "vireo_call_errors_total", "counter",
                        "Calls answered with an error, by procedure.");
    each_row(t, put_errors);
    metrics_text_family(t, "vireo_call_duration_seconds", "histogram",
                        "Time from a call's arrival on the main loop to its "
                        "reply being queued, by procedure.");
    each_row(t, put_latency);
}
