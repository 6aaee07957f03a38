/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * call.h: calls a driver answers later.
 *
 * A call is made on behalf of a caller (a client's call in vireod, a test)
 * and runs on the driver's thread. When what it asks needs the outside
 * world (a QMP reply, a process exit), the slot doing the work does not
 * block: it starts the work, says what it waits for (call_wait), and
 * returns; the thread goes on with other calls. When the answer comes,
 * the driver hands it to the call (call_answer) and the call runs again
 * from the top. This time the slot finds its answer recorded
 * (call_replay) and returns it, and the call completes. A call may wait
 * several times: answers are replayed in the order they were recorded, so
 * what runs before and between the waits must not depend on anything but
 * the call's arguments and the recorded answers.
 *
 *   int mydrv_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
 *   {
 *       struct call *c = call_current();
 *       int rc;
 *
 *       if (c != NULL && call_replay(c, &rc, err, NULL))
 *           return rc;
 *       ... checks; send "stop", keeping c in the pending record ...
 *       call_wait(c, timeout_ms, "QEMU's answer to 'stop'", forget, rec);
 *       return -1;                 (ignored: the call waits)
 *   }
 *
 * Every wait has a deadline: if no answer arrives in time, the call is
 * answered with VIR_ERR_OPERATION_TIMEOUT, and on_abandon tells the driver
 * to forget the call. The same happens, with VIR_ERR_OPERATION_ABORTED,
 * when the driver's worker cancels its calls or exits. So a reply handler
 * and the deadline never both answer: whichever comes first, the other
 * finds nothing.
 *
 * Everything here runs on the worker thread, except call_init and
 * call_submit.
 */
#ifndef VIREO_DRIVERS_CALL_H
#define VIREO_DRIVERS_CALL_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/worker.h"

struct call;
struct call_step;
struct worker_timer;

/* Runs (and re-runs) the call; returns its result, 0 or more on success,
 * -1 with *err set on failure. What it returns after call_wait() is
 * ignored. */
typedef int  (*call_run_fn)(struct call *c, void *opaque);
/* The call's one answer. From then on the call belongs to the caller
 * again (it may free the memory holding it). */
typedef void (*call_done_fn)(struct call *c, int rc, void *opaque);
typedef void (*call_abandon_fn)(void *opaque);

/* Embedded by the caller; the fields are private to call.c. */
struct call {
    struct worker_job   job;
    call_run_fn         run;
    call_done_fn        done;
    void               *opaque;
    struct vireo_error *err;          /* the caller's; where errors go */
    struct worker      *w;
    struct call_step   *steps;        /* recorded answers */
    int                 n_steps;
    int                 n_replayed;   /* in this run */
    bool                is_waiting;
    bool                is_queued;    /* answered, to run again */
    bool                is_aborted;   /* could not be queued again */
    const char         *waiting_for;
    int                 timeout_ms;
    struct worker_timer *deadline;
    call_abandon_fn     on_abandon;
    void               *abandon_opaque;
    struct worker_node  node;         /* in the worker's waiting calls */
};

/* Any thread: prepare c; errors are written to *err (the caller's). */
void call_init(struct call *c, call_run_fn run, call_done_fn done,
               void *opaque, struct vireo_error *err);

/* Any thread: run c on w. Returns false when w no longer takes calls
 * (it is stopping); c is then still the caller's and done is not called. */
bool call_submit(struct worker *w, struct call *c);
/* call_submit() whose wake-up of w may wait for the end of the calling
 * thread's batch (worker_push_deferred()): the daemon's loop hands a
 * turn's calls over with one wake-up. */
bool call_submit_deferred(struct worker *w, struct call *c);

/* The call the worker thread is running right now, or NULL: then the
 * caller waits on its own thread (an in-process connection) and the slot
 * must answer at once. */
struct call *call_current(void);

/* On a re-run: the next recorded answer, if any. Returns true with *rc,
 * *err (when *rc < 0) and *data (if data is not NULL; the call keeps
 * ownership until it completes) filled; false when this step has not been
 * answered yet. */
bool call_replay(struct call *c, int *rc, struct vireo_error *err,
                 void **data);

/* From the running call's slot: wait for the outside world for at most
 * timeout_ms (> 0). waiting_for (a static string) names what is awaited
 * in the timeout error: "Timed out during operation: waited 30000 ms for
 * QEMU's answer to 'stop'". on_abandon(opaque) runs if the call ends
 * before call_answer() is called: by its deadline, or by cancellation. */
void call_wait(struct call *c, int timeout_ms, const char *waiting_for,
               call_abandon_fn on_abandon, void *opaque);

/* The answer to what c waits for: rc, err (when rc < 0) and data, freed
 * with free_data when the call completes (both may be NULL). The call runs
 * again on a later turn of the worker. */
void call_answer(struct call *c, int rc, const struct vireo_error *err,
                 void *data, void (*free_data)(void *data));

#endif /* VIREO_DRIVERS_CALL_H */
