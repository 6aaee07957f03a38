/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_job.c: a client's call travelling to its driver's thread as a
 * call (drivers/call.h), and its reply travelling back.
 *
 * Everything the call needs is allocated at once, on the loop, before it
 * leaves: the job, its result struct and the reply that carries the answer
 * back. So a driver's thread short of memory can still answer (the loop
 * then words the error), and the client is never left throttled waiting
 * for a reply that cannot be built. The job holds a reference on the
 * connection, dropped on the driver's thread when the call completes: a
 * connection's last reference never goes on the loop.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_route.h"
#include "daemon/dispatch_stream_kind.h"
#include "daemon/dispatch_table.h"
#include "daemon/dispatch_view.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "daemon/metrics_calls.h"
#include "daemon/stream.h"
#include "drivers/call.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

struct dispatch_job {
    struct call           call;
    struct dispatch_reply reply;
    struct vireo_conn    *conn;      /* referenced until the call completes */
    struct wire_message   msg;       /* the call's arguments */
    dispatch_fn           fn;
    /* Instead of fn, for calls that register events: they also need
     * where the events go (referenced). */
    dispatch_sink_fn      sink_fn;
    struct event_sink    *sink;
    /* Instead of fn, for calls that open a stream: the fd the driver
     * handed over, the job's until the loop starts the stream (-1). */
    dispatch_stream_fn    stream_fn;
    int                   fd;
    void                 *ret;       /* msg.proc->ret.size bytes, after */
    /* Last, so that a new job zeroes everything above it but only the
     * header of this one: its message buffer is kilobytes the call
     * mostly never writes. */
    struct vireo_error    err;
};

/* Driver thread: a call that opens a stream. A run that is replayed after
 * a wait has no fd yet; one that got an fd is the last. */
static int
run_stream(struct dispatch_job *job)
{
    int rc = job->stream_fn(job->conn, job->msg.body, job->ret, &job->fd,
                            &job->err);

    if (rc < 0 && job->fd >= 0) {
        close(job->fd);
        job->fd = -1;
    }
    return rc;
}

/* Driver thread, each time the call runs (again after an answer it waited
 * for: then what the last run left in ret goes first). */
static int
job_run(struct call *c, void *opaque)
{
    struct dispatch_job *job = opaque;
    const struct wire_proc *proc = job->msg.proc;

    if (job->ret != NULL) {
        xdr_free(proc->ret.proc, job->ret);
        memset(job->ret, 0, proc->ret.size);
    }
    error_clear(&job->err);
    if (job->sink_fn != NULL)
        return job->sink_fn(job->conn, job->sink, job->msg.body, job->ret,
                            &job->err);
    if (job->stream_fn != NULL)
        return run_stream(job);
    return job->fn(job->conn, job->msg.body, job->ret, &job->err);
}

/* Driver thread, once: answer, and let go of the connection here. The
 * push comes last: from then on the loop may free the job. */
static void
job_done(struct call *c, int rc, void *opaque)
{
    struct dispatch_job *job = opaque;
    const struct wire_proc *proc = job->msg.proc;

    if (job->stream_fn != NULL && rc >= 0 && job->fd < 0)
        rc = error_set(&job->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                       "the %s driver opened no stream",
                       job->conn->driver->name);
    dispatch_reply_fill(&job->reply, proc, rc, job->ret, &job->err);
    if (job->ret != NULL)
        xdr_free(proc->ret.proc, job->ret);
    handle_conn_unref(job->conn);
    job->conn = NULL;
    dispatch_reply_push(&job->reply);
}

/* Loop thread, after the reply was written (or dropped). */
static void
job_release(struct dispatch_reply *reply)
{
    struct dispatch_job *job =
        (struct dispatch_job *)((char *)reply -
                                offsetof(struct dispatch_job, reply));

    wire_message_free(&job->msg);
    if (job->conn != NULL)
        handle_conn_unref_elsewhere(job->conn);   /* never submitted */
    if (job->sink != NULL)
        event_sink_unref(job->sink);
    if (job->fd >= 0)
        close(job->fd);                           /* the reply was dropped */
    free(job);
}

/* Loop thread, once the reply that opened the stream is queued: the fd
 * belongs to the loop from here on. */
static void
start_stream(struct dispatch_reply *reply)
{
    struct dispatch_job *job =
        (struct dispatch_job *)((char *)reply -
                                offsetof(struct dispatch_job, reply));

    if (job->fd < 0)
        return;
    stream_set_open_kind(client_streams(reply->client), &reply->call,
                         job->fd, dispatch_stream_kind(&job->msg));
    job->fd = -1;
}

/* The job for msg on c's connection, ret included; NULL with err set. */
static struct dispatch_job *
job_new(struct client *c, struct wire_message *msg, struct vireo_error *err)
{
    size_t ret_size = msg->proc->ret.size;
    struct dispatch_job *job = malloc(sizeof(*job) + ret_size);

    if (job == NULL) {
        error_no_memory(err);
        return NULL;
    }
    memset(job, 0, offsetof(struct dispatch_job, err));
    error_clear(&job->err);
    job->ret = ret_size > 0 ? (char *)job + sizeof(*job) : NULL;
    if (job->ret != NULL)
        memset(job->ret, 0, ret_size);
    job->fd = -1;
    job->conn = handle_conn_ref(dispatch_route(client_conn(c), msg->proc));
    job->reply.client = c;
    job->reply.call = msg->header;
    job->reply.release = job_release;
    job->reply.is_view_read = dispatch_view_serves(msg->proc);
    job->reply.arrived_ns = metrics_call_arrival_ns();
    call_init(&job->call, job_run, job_done, job, &job->err);
    /* libvirt's high-priority calls never block their driver's thread. */
    job->call.job.is_brief = msg->proc->is_high_priority;
    return job;
}

/* Hand job to the connection's driver thread; takes msg's contents. */
static int
submit(struct client *c, struct wire_message *msg, struct dispatch_job *job,
       struct vireo_error *err)
{
    const struct driver *drv = job->conn->driver;

    job->msg = *msg;
    if (job->conn->worker == NULL ||
        !call_submit_deferred(job->conn->worker, &job->call)) {
        job->msg.body = NULL;   /* still the caller's */
        job_release(&job->reply);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_RPC,
                         "the %s driver is not running", drv->name);
    }
    client_call_start(c);
    if (job->reply.is_view_read)
        client_read_start(c);
    msg->body = NULL;
    return 0;
}

int
dispatch_job_submit(struct client *c, struct wire_message *msg,
                    dispatch_fn fn, struct vireo_error *err)
{
    struct dispatch_job *job = job_new(c, msg, err);

    if (job == NULL)
        return -1;
    job->fn = fn;
    return submit(c, msg, job, err);
}

int
dispatch_job_submit_sink(struct client *c, struct wire_message *msg,
                         dispatch_sink_fn fn, struct vireo_error *err)
{
    struct dispatch_job *job = job_new(c, msg, err);

    if (job == NULL)
        return -1;
    job->sink_fn = fn;
    job->sink = event_sink_ref(client_event_sink(c));
    return submit(c, msg, job, err);
}

int
dispatch_job_submit_stream(struct client *c, struct wire_message *msg,
                           dispatch_stream_fn fn, struct vireo_error *err)
{
    struct dispatch_job *job = job_new(c, msg, err);

    if (job == NULL)
        return -1;
    job->stream_fn = fn;
    job->reply.delivered = start_stream;
    return submit(c, msg, job, err);
}
