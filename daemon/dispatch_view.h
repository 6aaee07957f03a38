/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_view.h: cheap read calls answered on the loop from what the
 * connection's driver publishes (drivers/domain_view.h), without a hop to
 * the driver's thread: a domain's state, info, maximum memory, activity
 * and persistence, and the lookups by name, uuid and id.
 *
 * Loop thread only. A call is answered here only when everything it needs
 * is in a current view and its client has no call in flight to a driver
 * but these same reads (so it never overtakes an earlier call of the same
 * client that may change something; it may overtake an earlier read,
 * which the protocol allows: replies carry their call's serial).
 * Otherwise it goes to the driver's thread as every other call does,
 * which is also where any error it gets is worded.
 */
#ifndef VIREO_DAEMON_DISPATCH_VIEW_H
#define VIREO_DAEMON_DISPATCH_VIEW_H

#include <stdbool.h>

struct client;
struct wire_message;
struct wire_proc;

/* Register the loop as a reader of published views. 0, or -1 when no
 * reader slot is free (every call then goes to the drivers). */
int  dispatch_view_init(void);
void dispatch_view_fini(void);

/* Whether proc is one of the reads a view may answer (they change
 * nothing). */
bool dispatch_view_serves(const struct wire_proc *proc);

/* After the call passed its checks: answer it from its connection's view
 * (true: the reply was queued, msg is left to the caller to free), or
 * false: nothing was done. */
bool dispatch_view_answer(struct client *c, const struct wire_message *msg);

#endif /* VIREO_DAEMON_DISPATCH_VIEW_H */
