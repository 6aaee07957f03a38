/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch.h: what vireod does with each message a client sends.
 *
 * Runs on the loop thread. Protocol-level calls (authentication list,
 * feature queries, close callbacks, close) are answered there at once;
 * CONNECT_OPEN and every driver call become a job on the driver's own
 * thread, whose encoded reply comes back to the loop through a loop queue
 * and is written there.
 */
#ifndef VIREO_DAEMON_DISPATCH_H
#define VIREO_DAEMON_DISPATCH_H

#include <stdbool.h>

struct client;
struct wire_message;

/* Create the queue replies come back through. Loop thread, after the
 * event implementation is registered. Returns 0 or -1. */
int  dispatch_init(void);

/* Act on one message decoded with result `result` (enum wire_result);
 * takes msg's contents. */
void dispatch_message(struct client *c, struct wire_message *msg, int result);

/* After the drivers were shut down: drop the replies still queued. The
 * queue is freed if every driver is down (are_drivers_down), else only
 * closed, since a driver left running may still push to it. */
void dispatch_fini(bool are_drivers_down);

#endif /* VIREO_DAEMON_DISPATCH_H */
