/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_table.h: the handlers of the remote procedures vireod serves,
 * indexed by procedure number, and how a driver call travels as a job.
 *
 * A driver handler runs on the driver's thread: it turns the decoded args
 * into a driver slot call and fills ret (zeroed, then freed with the
 * procedure's xdr routine, so every pointer it stores must be malloc'ed).
 * It may run more than once for one call: a slot that waits for the
 * outside world (drivers/call.h) makes the call run again once answered,
 * after ret was freed and zeroed again. So a handler only decodes, calls
 * slots and fills ret, and keeps nothing between runs.
 * A local handler runs on the loop and answers protocol-level calls.
 * Both return 0, or -1 with err set.
 */
#ifndef VIREO_DAEMON_DISPATCH_TABLE_H
#define VIREO_DAEMON_DISPATCH_TABLE_H

#include "api/vireo.h"

struct client;
struct event_sink;
struct vireo_conn;
struct wire_message;
struct wire_proc;

typedef int (*dispatch_fn)(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err);
typedef int (*dispatch_local_fn)(struct client *c, const void *args,
                                 void *ret, struct vireo_error *err);

/* Event registrations also say where their events go. */
typedef int (*dispatch_sink_fn)(struct vireo_conn *conn,
                                struct event_sink *sink, const void *args,
                                void *ret, struct vireo_error *err);

/* A call whose reply opens a stream (wire_proc.is_stream) answers with the
 * fd the stream pumps (daemon/stream.h), and with ret filled when the
 * procedure has a reply body (a screenshot's MIME type). The fd is the
 * handler's until it returns 0 with it, then the job's. */
typedef int (*dispatch_stream_fn)(struct vireo_conn *conn, const void *args,
                                  void *ret, int *fd,
                                  struct vireo_error *err);

/* The handler for a procedure, or NULL if vireod does not serve it. The
 * local and sink handlers, and CONNECT_OPEN, exist in the remote program
 * only (their numbers mean other things in another program). */
dispatch_fn        dispatch_driver_handler(const struct wire_proc *proc);
dispatch_local_fn  dispatch_local_handler(int proc);
dispatch_sink_fn   dispatch_sink_handler(int proc);
dispatch_stream_fn dispatch_stream_handler(const struct wire_proc *proc);

/* Loop thread: run fn for msg on the driver of c's connection; takes
 * msg's contents and a call reference on c. Returns 0, or -1 with err set
 * (msg is then still the caller's). */
int dispatch_job_submit(struct client *c, struct wire_message *msg,
                        dispatch_fn fn, struct vireo_error *err);

/* The same for a registration: the job also holds c's event sink. */
int dispatch_job_submit_sink(struct client *c, struct wire_message *msg,
                             dispatch_sink_fn fn, struct vireo_error *err);

/* The same for a call that opens a stream: once its reply is queued, the
 * fd the driver handed over is pumped as c's stream. */
int dispatch_job_submit_stream(struct client *c, struct wire_message *msg,
                               dispatch_stream_fn fn, struct vireo_error *err);

/* Loop thread: CONNECT_OPEN: pick the driver and open on its thread.
 * Same contract as dispatch_job_submit. */
int dispatch_open_submit(struct client *c, struct wire_message *msg,
                         struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_TABLE_H */
