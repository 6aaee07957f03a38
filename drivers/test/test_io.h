/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_io.h: the test driver's blocking file I/O (saving, dumping and
 * restoring images), kept off the test driver's thread.
 *
 * A path a client names may block for as long as it likes: a FIFO nobody
 * reads yet, a hung NFS mount. libvirtd's test driver blocks the calling
 * RPC worker only; here the test thread serves every client, so a
 * daemon's call (call.h) hands the I/O to a thread of its own and waits
 * as a call; the I/O's end answers it, and the call runs again from the
 * top and finds the result (test_io_result). Until then it changes
 * nothing. An in-process caller (no call) waits on its own thread anyway:
 * the I/O runs at once, here.
 *
 * libvirt's test driver holds the domain's lock over a save's or dump's
 * I/O, so a second call on the same domain waits for it while other
 * domains and calls go on. Here, a call on a domain whose I/O is pending
 * waits (as a call) until the I/O's call ends, then runs. Conn-level
 * calls (restore, the image calls) hold no domain, as in libvirt.
 *
 * Test thread only.
 */
#ifndef VIREO_DRIVERS_TEST_TEST_IO_H
#define VIREO_DRIVERS_TEST_TEST_IO_H

#include <stdbool.h>

#include "api/vireo.h"

struct test_state;

/* What test_io_start returns when the call now waits for the I/O: the
 * operation returns at once and its result is ignored. */
#define TEST_IO_WAITING 1

/* The blocking part, on any thread: reads and writes what task holds
 * (its own copies: nothing of the test state). 0, with *result set to a
 * malloc'ed string or NULL, or -1 with err set. */
typedef int (*test_io_fn)(void *task, char **result, struct vireo_error *err);

/* In an operation: run fn(task) where it may block, then free_task(task).
 * With a daemon's call, TEST_IO_WAITING (the operation's domain, if any,
 * stays held until the call ends). Without, fn's result, with *result
 * the caller's. */
int test_io_start(test_io_fn fn, void *task, void (*free_task)(void *task),
                  char **result, struct vireo_error *err);

/* The most I/O steps one operation takes (read an image, write it). */
#define TEST_IO_MAX_STEPS 2

/* In an operation: whether its next I/O step has ended (on the call's
 * later runs, in the order the steps were started): true with *rc, *err
 * when *rc < 0, and *result (a malloc'ed copy, the caller's, or NULL);
 * false when that step has not been started yet. */
bool test_io_result(int *rc, char **result, struct vireo_error *err);

/* test_call.c, around every operation, on the domain with uuid (NULL
 * for conn-level operations) of st; only the outermost counts. enter
 * takes the call's recorded answers, and returns false when the call
 * must wait for the domain's pending I/O (the operation must not run:
 * the call is answered once the domain is free and runs again). leave
 * ends the call's hold on the domain unless its I/O is pending, and
 * returns true when it is (the slot's result is then ignored). */
bool test_io_enter(struct test_state *st, const unsigned char *uuid);
bool test_io_leave(void);

#endif /* VIREO_DRIVERS_TEST_TEST_IO_H */
