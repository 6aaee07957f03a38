/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_open.c: CONNECT_OPEN. The loop picks the driver from the name
 * (cheap and pure) and says who the client is; the driver's own thread
 * opens, so that a driver whose open is slow never stalls the loop. The
 * connection comes back to the loop with the reply (dispatch_reply.c
 * hands it to the client).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_table.h"
#include "daemon/log.h"
#include "daemon/metrics_calls.h"
#include "drivers/call.h"
#include "drivers/companion.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/registry.h"
#include "drivers/uri.h"

/* What a client asks for with no name (the "remote" scheme, or no URI). */
#define OPEN_DEFAULT_NAME "test:///default"

struct open_job {
    struct call           call;
    struct dispatch_reply reply;
    const struct driver  *drv;
    struct uri           *uri;
    struct vireo_conn    *conn;        /* until the driver opened it */
    unsigned int          flags;       /* VIREO_CONNECT_RO or 0 */
    struct vireo_error    err;
};

static void
open_job_release(struct dispatch_reply *reply)
{
    struct open_job *job =
        (struct open_job *)((char *)reply - offsetof(struct open_job, reply));

    uri_free(job->uri);
    handle_conn_unref(job->conn);   /* never opened: no close to run */
    free(job);
}

/* Driver thread. A failed open set nothing up, so the connection forgets
 * its driver and the last unref will not call close. */
static int
open_run(struct call *c, void *opaque)
{
    struct open_job *job = opaque;
    struct vireo_conn *conn = job->conn;

    conn->driver = job->drv;
    if (job->drv->open(conn, job->uri, job->flags, &job->err) < 0) {
        conn->driver = NULL;
        return -1;
    }
    if (companion_open_all(conn, job->uri, job->flags, &job->err) < 0) {
        if (job->drv->close != NULL)
            job->drv->close(conn);
        conn->driver = NULL;
        return -1;
    }
    return 0;
}

static void
open_done(struct call *c, int rc, void *opaque)
{
    struct open_job *job = opaque;

    if (rc == 0) {
        job->reply.opened = job->conn;
        job->conn = NULL;
        log_info("opened %s%s", job->reply.opened->uri,
                 job->reply.opened->is_read_only ? " read-only" : "");
    }
    dispatch_reply_fill(&job->reply,
                        wire_proc_lookup(REMOTE_PROC_CONNECT_OPEN), rc, NULL,
                        &job->err);
    dispatch_reply_push(&job->reply);
}

/* The connection the driver will open for c, named name, with who the
 * client is. */
static struct vireo_conn *
conn_for(struct client *c, const char *name, bool is_read_only,
         struct vireo_error *err)
{
    struct vireo_conn *conn = handle_conn_new(name, is_read_only);

    if (conn == NULL || (conn->identity = malloc(sizeof(*conn->identity)))
                        == NULL) {
        handle_conn_unref(conn);
        error_no_memory(err);
        return NULL;
    }
    client_identity(c, conn->identity);
    return conn;
}

/* Fill job's driver, uri and connection from the name the client sent. */
static int
resolve(struct client *c, struct open_job *job,
        const remote_connect_open_args *args, struct vireo_error *err)
{
    const char *name = args->name != NULL ? *args->name : NULL;

    if (name == NULL || name[0] == '\0')
        name = OPEN_DEFAULT_NAME;
    job->uri = uri_parse(name, err);
    if (job->uri == NULL)
        return -1;
    job->drv = registry_find(job->uri, name, err);
    if (job->drv == NULL)
        return -1;
    if (job->drv->open == NULL || job->drv->worker == NULL)
        return error_set(err, VIR_ERR_NO_CONNECT, VIR_FROM_NONE,
                         "no connection driver available for %s", name);
    job->conn = conn_for(c, name, job->flags != 0, err);
    return job->conn != NULL ? 0 : -1;
}

static int
submit(struct open_job *job, struct vireo_error *err)
{
    struct worker *w = job->drv->worker();

    if (w != NULL && call_submit_deferred(w, &job->call))
        return 0;
    return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_RPC,
                     "the %s driver is not running", job->drv->name);
}

int
dispatch_open_submit(struct client *c, struct wire_message *msg,
                     struct vireo_error *err)
{
    const remote_connect_open_args *args = msg->body;
    struct open_job *job;

    /* libvirtd's wording, odd as it is (spec §2.8). */
    if (client_conn(c) != NULL || client_is_opening(c))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "connection not open");
    job = calloc(1, sizeof(*job));
    if (job == NULL)
        return error_no_memory(err);
    job->reply.client = c;
    job->reply.call = msg->header;
    job->reply.is_open = true;
    job->reply.release = open_job_release;
    job->reply.arrived_ns = metrics_call_arrival_ns();
    call_init(&job->call, open_run, open_done, job, &job->err);
    /* libvirtd looks at the read-only bit only (spec §4.1); a read-only
     * socket makes every connection on it read-only. */
    job->flags = (args->flags & VIREO_CONNECT_RO) != 0 ||
                 client_is_read_only(c) ? VIREO_CONNECT_RO : 0;
    if (resolve(c, job, args, err) < 0 || submit(job, err) < 0) {
        open_job_release(&job->reply);
        return -1;
    }
    client_call_start(c);
    client_set_opening(c, true);
    return 0;
}
