/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_job.c: a call travelling to its driver's thread and its reply
 * travelling back. The job owns the decoded call and a reference on the
 * connection; the client pointer only rides along, for the loop.
 */
#include <stdlib.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_table.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

struct dispatch_job {
    struct client      *client;
    struct vireo_conn  *conn;     /* referenced */
    struct wire_message msg;      /* the call */
    dispatch_fn         fn;
    /* Instead of fn, for calls that register events: they also need
     * where the events go (referenced). */
    dispatch_sink_fn    sink_fn;
    struct event_sink  *sink;
};

/* Runs fn and fills reply->out; the ret struct lives only here. */
static void
run_call(struct dispatch_job *job, struct dispatch_reply *reply)
{
    const struct wire_proc *proc = job->msg.proc;
    struct vireo_error err = { 0 };
    void *ret = proc->ret.size > 0 ? calloc(1, proc->ret.size) : NULL;
    int rc;

    if (proc->ret.size > 0 && ret == NULL)
        rc = error_no_memory(&err);
    else if (job->sink_fn != NULL)
        rc = job->sink_fn(job->conn, job->sink, job->msg.body, ret, &err);
    else
        rc = job->fn(job->conn, job->msg.body, ret, &err);
    if (dispatch_reply_encode(&reply->out, &job->msg.header, proc, rc, ret,
                              &err) < 0)
        log_error("%s: cannot encode even an error reply", proc->name);
    if (ret != NULL)
        xdr_free(proc->ret.proc, ret);
    free(ret);
}

static void
job_free(struct dispatch_job *job)
{
    wire_message_free(&job->msg);
    handle_conn_unref(job->conn);
    if (job->sink != NULL)
        event_sink_unref(job->sink);
    free(job);
}

/* On the driver's thread. */
static void
job_run(void *arg)
{
    struct dispatch_job *job = arg;
    struct dispatch_reply *reply = calloc(1, sizeof(*reply));

    if (reply != NULL) {
        reply->client = job->client;
        run_call(job, reply);
        if (!dispatch_reply_push(reply)) {
            wire_buffer_release(&reply->out);
            free(reply);
        }
    } else {
        log_error("%s: out of memory for the reply; the client will wait",
                  job->msg.proc->name);
    }
    job_free(job);
}

/* Hand job (with its msg and conn filled) to the connection's driver. */
static int
submit(struct client *c, struct wire_message *msg, struct dispatch_job *job,
       struct vireo_error *err)
{
    const struct driver *drv = job->conn->driver;

    if (drv->submit == NULL || drv->submit(job_run, job) < 0) {
        job->msg.body = NULL;   /* still the caller's */
        job_free(job);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_RPC,
                         "the %s driver is not running", drv->name);
    }
    client_call_start(c);
    msg->body = NULL;
    return 0;
}

static struct dispatch_job *
job_new(struct client *c, struct wire_message *msg, struct vireo_error *err)
{
    struct dispatch_job *job = calloc(1, sizeof(*job));

    if (job == NULL) {
        error_no_memory(err);
        return NULL;
    }
    job->client = c;
    job->conn = handle_conn_ref(client_conn(c));
    job->msg = *msg;
    return job;
}

/* A job runs fn, or sink_fn with c's event sink. */
static int
submit_new(struct client *c, struct wire_message *msg, dispatch_fn fn,
           dispatch_sink_fn sink_fn, struct vireo_error *err)
{
    struct dispatch_job *job = job_new(c, msg, err);

    if (job == NULL)
        return -1;
    job->fn = fn;
    job->sink_fn = sink_fn;
    if (sink_fn != NULL)
        job->sink = event_sink_ref(client_event_sink(c));
    return submit(c, msg, job, err);
}

int
dispatch_job_submit(struct client *c, struct wire_message *msg,
                    dispatch_fn fn, struct vireo_error *err)
{
    return submit_new(c, msg, fn, NULL, err);
}

int
dispatch_job_submit_sink(struct client *c, struct wire_message *msg,
                         dispatch_sink_fn fn, struct vireo_error *err)
{
    return submit_new(c, msg, NULL, fn, err);
}
