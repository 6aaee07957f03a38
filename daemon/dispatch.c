/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch.c: the loop's side of a call: the checks libvirtd makes before
 * running one (spec §2.8), then either an answer on the spot or a job for
 * the driver's thread.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "daemon/client.h"
#include "daemon/dispatch.h"
#include "daemon/dispatch_admin.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_table.h"
#include "daemon/dispatch_unsupported.h"
#include "daemon/dispatch_view.h"
#include "daemon/log.h"
#include "daemon/metrics_calls.h"
#include "daemon/stream.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "wire/error.h"
#include "wire/proc_read_only.h"

/* Without a reader slot the loop only loses its short cut: every call
 * then goes to its driver's thread. */
int
dispatch_init(void)
{
    if (dispatch_view_init() < 0)
        log_warn("cannot read published views: every call goes to its "
                 "driver's thread");
    return dispatch_reply_init();
}

void
dispatch_fini(bool are_drivers_down)
{
    dispatch_reply_fini(are_drivers_down);
    dispatch_view_fini();
}

static void
send_error(struct client *c, const remote_message_header *call,
           const struct vireo_error *err)
{
    struct wire_buffer out = { 0 };

    if (dispatch_reply_error(&out, call, err) == 0) {
        metrics_call_replied(&out, metrics_call_arrival_ns());
        client_send(c, &out);
    } else {
        wire_buffer_release(&out);
    }
}

/* Answer a PING with a PONG; every other keepalive message needs nothing
 * (any traffic proves the peer alive). */
static void
keepalive(struct client *c, const remote_message_header *in)
{
    remote_message_header hdr = *in;
    struct wire_buffer out = { 0 };

    if (in->proc != WIRE_KEEPALIVE_PING)
        return;
    hdr.proc = WIRE_KEEPALIVE_PONG;
    hdr.type = WIRE_TYPE_MESSAGE;
    hdr.serial = 0;
    hdr.status = WIRE_STATUS_OK;
    if (wire_encode(&out, &hdr, WIRE_XDR_VOID, NULL) == WIRE_RESULT_OK)
        client_send(c, &out);
    else
        wire_buffer_release(&out);
}

/* libvirt names the API in "read only access prevents virDomainSuspend":
 * DOMAIN_SUSPEND becomes DomainSuspend, with XML kept in capitals. */
static void
api_name(const char *proc_name, char *buf, size_t size)
{
    size_t n = snprintf(buf, size, "vir");
    bool is_word_start = true;

    for (const char *p = proc_name; *p != '\0' && n + 1 < size; p++) {
        bool is_xml = is_word_start && p[0] == 'X' && p[1] == 'M' &&
                      p[2] == 'L' && (p[3] == '_' || p[3] == '\0');

        if (*p == '_') {
            is_word_start = true;
            continue;
        }
        if (is_xml && n + 3 < size) {
            n += (size_t)snprintf(buf + n, size - n, "XML");
            p += 2;
        } else {
            buf[n++] = is_word_start ? *p : (char)tolower((unsigned char)*p);
        }
        is_word_start = false;
    }
    buf[n] = '\0';
}

/* The checks every call passes before it runs: open first, then write
 * access: the calls that change something, and the few that only read
 * what libvirt keeps from read-only users (wire/proc_read_only.h).
 * Returns 0 or -1 with err set. libvirt-qemu's entry points report from
 * no particular domain (VIR_FROM_NONE), libvirt's own from
 * VIR_FROM_DOMAIN. */
static int
check_call(struct client *c, const struct wire_proc *proc,
           struct vireo_error *err)
{
    struct vireo_conn *conn = client_conn(c);
    int domain = proc->prog == WIRE_REMOTE_PROGRAM ? VIR_FROM_DOMAIN
                                                   : VIR_FROM_NONE;
    char api[64];

    if (conn == NULL && !proc->is_allowed_before_open)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "hypervisor connection not open");
    if ((proc->is_write ||
         wire_proc_refuses_read_only(proc->prog, proc->number)) &&
        client_calls_are_read_only(c)) {
        if (proc->api != NULL)
            snprintf(api, sizeof(api), "%s", proc->api);
        else
            api_name(proc->name, api, sizeof(api));
        return error_set(err, VIR_ERR_OPERATION_DENIED, domain,
                         "read only access prevents %s", api);
    }
    return 0;
}

static void
run_local(struct client *c, struct wire_message *msg, dispatch_local_fn fn)
{
    struct vireo_error err;
    struct wire_buffer out = { 0 };
    const struct wire_proc *proc = msg->proc;
    void *ret = proc->ret.size > 0 ? calloc(1, proc->ret.size) : NULL;
    int rc;

    error_clear(&err);
    if (proc->ret.size > 0 && ret == NULL)
        rc = error_no_memory(&err);
    else
        rc = fn(c, msg->body, ret, &err);
    if (dispatch_reply_encode(&out, &msg->header, proc, rc, ret, &err) == 0) {
        metrics_call_replied(&out, metrics_call_arrival_ns());
        client_send(c, &out);
    } else {
        wire_buffer_release(&out);
    }
    if (ret != NULL && rc == 0)
        xdr_free(proc->ret.proc, ret);
    free(ret);
}

/* A valid CALL for a driver: a job on its thread. Returns 0 when it was
 * handed on, -1 with err set otherwise. */
static int
route_driver_call(struct client *c, struct wire_message *msg,
                  struct vireo_error *err)
{
    dispatch_stream_fn stream_fn = dispatch_stream_handler(msg->proc);
    dispatch_fn fn = dispatch_driver_handler(msg->proc);

    if (stream_fn != NULL)
        return dispatch_job_submit_stream(c, msg, stream_fn, err);
    if (fn == NULL)
        return dispatch_unsupported_unserved(msg->proc, err);
    return dispatch_job_submit(c, msg, fn, err);
}

/* A valid CALL: where it runs. Protocol-level calls, CONNECT_OPEN and
 * event registrations exist in the remote program only. Returns 0 when it
 * was answered or handed on, -1 with err set otherwise. */
static int
route_call(struct client *c, struct wire_message *msg,
           struct vireo_error *err)
{
    int number = msg->proc->number;
    bool is_remote = msg->proc->prog == WIRE_REMOTE_PROGRAM;
    dispatch_local_fn local = is_remote ? dispatch_local_handler(number)
                                        : NULL;
    dispatch_sink_fn sink_fn = is_remote ? dispatch_sink_handler(number)
                                         : NULL;

    if (check_call(c, msg->proc, err) < 0)
        return -1;
    if (dispatch_view_answer(c, msg))
        return 0;
    if (local != NULL) {
        run_local(c, msg, local);
        return 0;
    }
    if (is_remote && number == REMOTE_PROC_CONNECT_OPEN)
        return dispatch_open_submit(c, msg, err);
    if (sink_fn != NULL)
        return dispatch_job_submit_sink(c, msg, sink_fn, err);
    return route_driver_call(c, msg, err);
}

void
dispatch_message(struct client *c, struct wire_message *msg, int result)
{
    /* Only the header is cleared: every call passes here, and most never
     * write the kilobytes of message. */
    struct vireo_error err;

    error_clear(&err);
    metrics_call_arrived();
    if (result != WIRE_RESULT_OK) {
        log_debug("bad message (serial %u): %s", msg->header.serial,
                  wire_result_string(result));
        if (dispatch_unsupported_unknown(c, &msg->header, result, &err) < 0 ||
            wire_error_for_result(&err, result, &msg->header) == 0)
            send_error(c, &msg->header, &err);
    } else if (msg->header.prog == WIRE_KEEPALIVE_PROGRAM) {
        keepalive(c, &msg->header);
    } else if (msg->header.type == WIRE_TYPE_CALL &&
               dispatch_admin_takes(c, msg)) {
        dispatch_admin_message(c, msg);
    } else if (msg->header.type == WIRE_TYPE_STREAM ||
               msg->header.type == WIRE_TYPE_STREAM_HOLE) {
        stream_set_receive(client_streams(c), msg);
    } else if (msg->header.type == WIRE_TYPE_CALL && msg->proc != NULL &&
               route_call(c, msg, &err) < 0) {
        send_error(c, &msg->header, &err);
    }
    /* Handed-on messages were emptied by their taker. */
    wire_message_free(msg);
}
