/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_open.c: CONNECT_OPEN. The loop picks the driver from the name
 * (cheap and pure); the driver's own thread opens, so that a driver whose
 * open is slow never stalls the loop. The connection comes back to the
 * loop with the reply (dispatch_reply.c hands it to the client).
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_table.h"
#include "daemon/log.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/registry.h"
#include "drivers/uri.h"

/* What a client asks for with no name (the "remote" scheme, or no URI). */
#define OPEN_DEFAULT_NAME "test:///default"

struct open_job {
    struct client       *client;
    const struct driver *drv;
    struct uri          *uri;
    char                *name;
    unsigned int         flags;        /* VIREO_CONNECT_RO or 0 */
    remote_message_header call;
};

static void
open_job_free(struct open_job *job)
{
    uri_free(job->uri);
    free(job->name);
    free(job);
}

/* On the driver's thread: the connection, or NULL with err set. */
static struct vireo_conn *
open_conn(struct open_job *job, struct vireo_error *err)
{
    bool is_read_only = (job->flags & VIREO_CONNECT_RO) != 0;
    struct vireo_conn *conn = handle_conn_new(job->name, is_read_only);

    if (conn == NULL) {
        error_no_memory(err);
        return NULL;
    }
    conn->driver = job->drv;
    if (job->drv->open(conn, job->uri, job->flags, err) == 0)
        return conn;
    /* A failed open set nothing up: the last unref must not close it. */
    conn->driver = NULL;
    handle_conn_unref(conn);
    return NULL;
}

static void
open_run(void *arg)
{
    struct open_job *job = arg;
    struct dispatch_reply *reply = calloc(1, sizeof(*reply));
    struct vireo_error err = { 0 };

    if (reply == NULL) {
        log_error("CONNECT_OPEN: out of memory for the reply");
        open_job_free(job);
        return;
    }
    reply->client = job->client;
    reply->is_open = true;
    reply->opened = open_conn(job, &err);
    dispatch_reply_encode(&reply->out, &job->call,
                          wire_proc_lookup(REMOTE_PROC_CONNECT_OPEN),
                          reply->opened != NULL ? 0 : -1, NULL, &err);
    if (reply->opened != NULL)
        log_info("opened %s%s", job->name,
                 reply->opened->is_read_only ? " read-only" : "");
    if (!dispatch_reply_push(reply)) {
        if (reply->opened != NULL)
            handle_conn_unref(reply->opened);
        wire_buffer_release(&reply->out);
        free(reply);
    }
    open_job_free(job);
}

/* Fill job's driver, uri and name from the name the client sent. */
static int
resolve(struct open_job *job, const remote_connect_open_args *args,
        struct vireo_error *err)
{
    const char *name = args->name != NULL ? *args->name : NULL;

    if (name == NULL || name[0] == '\0')
        name = OPEN_DEFAULT_NAME;
    job->name = strdup(name);
    if (job->name == NULL)
        return error_no_memory(err);
    job->uri = uri_parse(name, err);
    if (job->uri == NULL)
        return -1;
    job->drv = registry_find(job->uri, name, err);
    if (job->drv == NULL)
        return -1;
    if (job->drv->open == NULL || job->drv->submit == NULL)
        return error_set(err, VIR_ERR_NO_CONNECT, VIR_FROM_NONE,
                         "no connection driver available for %s", name);
    return 0;
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
    job->client = c;
    job->call = msg->header;
    /* libvirtd looks at the read-only bit only (spec §4.1); a read-only
     * socket makes every connection on it read-only. */
    job->flags = (args->flags & VIREO_CONNECT_RO) != 0 ||
                 client_is_read_only(c) ? VIREO_CONNECT_RO : 0;
    if (resolve(job, args, err) < 0 || job->drv->submit(open_run, job) < 0) {
        if (err->code == VIR_ERR_OK)
            error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_RPC,
                      "the %s driver is not running", job->drv->name);
        open_job_free(job);
        return -1;
    }
    client_call_start(c);
    client_set_opening(c, true);
    return 0;
}
