/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_client.c: calls, and who moves the bytes.
 *
 * A caller queues its message and writes what the socket takes. If no
 * thread is doing the I/O, it becomes the owner: it polls the socket (and
 * an eventfd other callers poke when they leave bytes behind), dispatching
 * whatever arrives, until its own reply is there; then it wakes the next
 * waiter to take over, or, with nobody waiting, gives the socket back to
 * the loop watch. Others sleep on their call's condition until the owner
 * hands them their reply or the ownership. This is libvirt's own scheme: no
 * thread exists just for I/O, and a process without an event loop works.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/remote/remote_tls.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"

struct rpc_client *
rpc_client_new(int fd, rpc_message_cb on_message, void *opaque,
               struct vireo_error *err)
{
    struct rpc_client *c = calloc(1, sizeof(*c));

    if (c == NULL) {
        close(fd);
        error_no_memory(err);
        return NULL;
    }
    c->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (c->wake_fd < 0) {
        error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                      "Unable to create an eventfd");
        close(fd);
        free(c);
        return NULL;
    }
    atomic_init(&c->refs, 1);
    c->fd = fd;
    c->on_message = on_message;
    c->opaque = opaque;
    c->watch = -1;
    c->ka_timer = -1;
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

void
rpc_client_set_tls(struct rpc_client *c, struct remote_tls *tls)
{
    c->tls = tls;
}

static struct rpc_client *
client_ref(struct rpc_client *c)
{
    atomic_fetch_add(&c->refs, 1);
    return c;
}

void
rpc_client_unref(struct rpc_client *c)
{
    if (atomic_fetch_sub(&c->refs, 1) != 1)
        return;
    remote_tls_free(c->tls);
    close(c->fd);
    close(c->wake_fd);
    wire_buffer_release(&c->out);
    free(c->in.data);
    free(c->chunk);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static void
unref_opaque(void *opaque)
{
    rpc_client_unref(opaque);
}

/* Loop thread: move bytes, unless a caller owns the socket right now
 * (the watch is being switched off; the owner will do it). */
static void
on_socket(int watch, int fd, int events, void *opaque)
{
    struct rpc_client *c = opaque;

    (void)watch;
    (void)fd;
    pthread_mutex_lock(&c->lock);
    if (!c->has_owner && !c->is_closed) {
        if (events & EVENT_WRITABLE)
            rpc_io_flush(c);
        if (events & (EVENT_READABLE | EVENT_HANGUP | EVENT_ERROR))
            rpc_io_read(c);
        rpc_io_update_watch(c);
    }
    pthread_mutex_unlock(&c->lock);
}

int
rpc_client_watch(struct rpc_client *c, struct vireo_error *err)
{
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (c->watch < 0) {
        c->watch_events = EVENT_READABLE;
        c->watch = event_add_handle(c->fd, EVENT_READABLE, on_socket,
                                    client_ref(c), unref_opaque);
        if (c->watch < 0) {
            rpc_client_unref(c);
            rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                           "cannot watch the connection: no event loop "
                           "is registered");
        } else {
            rpc_io_update_watch(c);
        }
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}

int
rpc_client_is_alive(struct rpc_client *c, int *reason)
{
    struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
    int alive;

    pthread_mutex_lock(&c->lock);
    if (!c->is_closed && !c->has_owner && poll(&pfd, 1, 0) > 0)
        rpc_io_read(c);
    alive = !c->is_closed;
    if (!alive)
        *reason = c->close_reason;
    pthread_mutex_unlock(&c->lock);
    return alive;
}

void
rpc_client_close(struct rpc_client *c)
{
    pthread_mutex_lock(&c->lock);
    c->is_closed = true;
    c->close_reason = VIR_CONNECT_CLOSE_REASON_CLIENT;
    rpc_stream_close_all(c);
    if (c->watch >= 0)
        event_remove_handle(c->watch);
    if (c->ka_timer >= 0)
        event_remove_timeout(c->ka_timer);
    c->watch = -1;
    c->ka_timer = -1;
    pthread_mutex_unlock(&c->lock);
    rpc_client_unref(c);
}

/* Encode the call after whatever is queued and push it out. */
static int
queue_call(struct rpc_client *c, struct rpc_call *call, const void *args,
           struct vireo_error *err)
{
    remote_message_header hdr = {
        .prog = call->proc->prog, .vers = 1, /* every program's version */
        .proc = call->proc->number, .type = WIRE_TYPE_CALL,
        .serial = call->serial, .status = WIRE_STATUS_OK,
    };
    int rc = wire_encode(&c->out, &hdr, call->proc->args.proc, args);

    if (rc != WIRE_RESULT_OK)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "cannot encode %s: %s", call->proc->name,
                         wire_result_string(rc));
    call->next = c->calls;
    c->calls = call;
    rpc_io_kick(c);
    return 0;
}

static void
drain_wake_fd(struct rpc_client *c)
{
    uint64_t count;

    if (read(c->wake_fd, &count, sizeof(count)) < 0) {
        /* EAGAIN: already drained. */
    }
}

/* The owner's poll set: the socket, the eventfd, then each stream's fd
 * (the streams' bytes move while the owner waits, as between calls). */
static struct pollfd *
poll_set(struct rpc_client *c, struct pollfd *stack, int stack_n, int *n)
{
    int n_streams = rpc_stream_poll_count(c);
    struct pollfd *fds = stack;

    if (2 + n_streams > stack_n &&
        (fds = malloc((size_t)(2 + n_streams) * sizeof(*fds))) == NULL) {
        fds = stack;                 /* short of memory: streams wait */
        n_streams = stack_n - 2;
    }
    fds[0] = (struct pollfd){ .fd = c->fd };
    fds[1] = (struct pollfd){ .fd = c->wake_fd, .events = POLLIN };
    if (!rpc_stream_is_backed_up(c))
        fds[0].events |= POLLIN;
    if (c->out_sent < c->out.len)
        fds[0].events |= POLLOUT;
    *n = 2 + rpc_stream_poll_fill(c, fds + 2, n_streams);
    return fds;
}

/* Owner: move bytes until call has its reply (or the connection died).
 * The lock is dropped only around poll(), which sleeps no longer than the
 * next keepalive check: this thread may be the loop's, whose keepalive
 * timer then cannot run until the call returns (rpc_keepalive.c). A
 * failure found by another thread wakes it through the eventfd. */
static void
run_io(struct rpc_client *c, struct rpc_call *call)
{
    rpc_io_update_watch(c);
    while (!call->done) {
        struct pollfd stack[8];
        int n_fds, n;
        struct pollfd *fds = poll_set(c, stack, 8, &n_fds);
        int timeout_ms = rpc_keepalive_wait_ms(c);

        pthread_mutex_unlock(&c->lock);
        n = poll(fds, (nfds_t)n_fds, timeout_ms);
        pthread_mutex_lock(&c->lock);
        if (n >= 0) {           /* else EINTR: look again */
            if (fds[1].revents & POLLIN)
                drain_wake_fd(c);
            if (fds[0].revents & POLLOUT)
                rpc_io_flush(c);
            if (fds[0].revents & (POLLIN | POLLHUP | POLLERR))
                rpc_io_read(c);
            rpc_stream_poll_done(c, fds + 2, n_fds - 2);
            if (fds[1].revents & POLLIN)
                rpc_io_flush(c);
            /* After the reads: a message that just came in is an answer. */
            rpc_keepalive_check(c);
        }
        if (fds != stack)
            free(fds);
    }
}

/* The owner's reply is in: pass the socket to the next waiter, or back to
 * the loop. */
static void
hand_off(struct rpc_client *c)
{
    c->has_owner = false;
    if (c->calls != NULL)
        pthread_cond_signal(&c->calls->cond);
    else
        rpc_io_update_watch(c);
}

static void
wait_for_reply(struct rpc_client *c, struct rpc_call *call)
{
    while (!call->done) {
        if (c->has_owner) {
            pthread_cond_wait(&call->cond, &c->lock);
            continue;
        }
        c->has_owner = true;
        run_io(c, call);
        hand_off(c);
    }
}

int
rpc_client_call(struct rpc_client *c, int proc, const void *args,
                void *ret, struct vireo_error *err)
{
    return rpc_client_call_proc(c, wire_proc_lookup(proc), args, ret, err);
}

int
rpc_client_call_proc(struct rpc_client *c, const struct wire_proc *proc,
                     const void *args, void *ret, struct vireo_error *err)
{
    struct rpc_call call = {
        .proc = proc, .ret = ret, .err = err, .rc = -1,
    };

    if (call.proc == NULL || call.proc->kind != WIRE_PROC_CALL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                         "not a call vireo knows");
    pthread_cond_init(&call.cond, NULL);
    pthread_mutex_lock(&c->lock);
    if (c->is_closed) {
        /* libvirt's words for a call on a connection that already died. */
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                  "client socket is closed");
    } else {
        call.serial = c->next_serial++;
        if (queue_call(c, &call, args, err) == 0)
            wait_for_reply(c, &call);
    }
    pthread_mutex_unlock(&c->lock);
    pthread_cond_destroy(&call.cond);
    return call.rc;
}

/* Lock held: register the stream, make the call, and start pumping once
 * it succeeded. The stream exists before the call goes out, so that data
 * (and holes, when is_sparse) following the reply closely finds it. */
static struct rpc_stream *
open_stream(struct rpc_client *c, struct rpc_call *call, const void *args,
            int fd, bool is_sparse)
{
    remote_message_header hdr = {
        .prog = call->proc->prog, .vers = 1, .proc = call->proc->number,
        .serial = call->serial,
    };
    struct rpc_stream *s = rpc_stream_new(c, &hdr, fd);
    bool is_transfer = fd < 0;

    if (s == NULL) {
        error_no_memory(call->err);
        return NULL;
    }
    s->is_transfer = is_transfer;
    s->is_sparse = is_sparse;
    if (queue_call(c, call, args, call->err) == 0)
        wait_for_reply(c, call);
    /* A transfer outlives the connection's death (rpc_transfer_detach):
     * what came before it is still the caller's to receive. */
    if (is_transfer && call->rc < 0) {
        rpc_stream_free(c, s);
        return NULL;
    }
    if (is_transfer)
        return s;
    /* A connection that died took the stream with it. */
    s = rpc_stream_find(c, call->serial);
    if (s != NULL && call->rc == 0 &&
        rpc_stream_start(c, s, call->err) < 0)
        call->rc = -1;
    if (s != NULL && call->rc < 0) {
        rpc_stream_free(c, s);
        s = NULL;
    }
    return s;
}

/* The call of proc, which opens a stream pumping fd (taken over), or,
 * with fd -1, a transfer (sparse or not), set in *transfer for the
 * caller. */
static int
stream_call(struct rpc_client *c, int proc, const void *args, int fd,
            bool is_sparse, struct rpc_stream **transfer,
            struct vireo_error *err)
{
    struct rpc_call call = {
        .proc = wire_proc_lookup(proc), .err = err, .rc = -1,
    };
    struct rpc_stream *s;

    if (call.proc == NULL || !call.proc->is_stream) {
        if (fd >= 0)
            close(fd);
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "procedure %d opens no stream", proc);
    }
    pthread_cond_init(&call.cond, NULL);
    pthread_mutex_lock(&c->lock);
    if (c->is_closed) {
        if (fd >= 0)
            close(fd);
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                  "client socket is closed");
    } else if (fd >= 0 && c->watch < 0) {
        close(fd);
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_RPC, "%s",
                  "a stream needs an event loop, registered before the "
                  "connection was opened");
    } else {
        call.serial = c->next_serial++;
        s = open_stream(c, &call, args, fd, is_sparse);
        if (s != NULL && transfer != NULL) {
            s->client = client_ref(c);
            *transfer = s;
        }
    }
    pthread_mutex_unlock(&c->lock);
    pthread_cond_destroy(&call.cond);
    return call.rc;
}

int
rpc_client_open_stream(struct rpc_client *c, int proc, const void *args,
                       int fd, struct vireo_error *err)
{
    return stream_call(c, proc, args, fd, false, NULL, err);
}

void
rpc_client_wait(struct rpc_client *c, struct rpc_call *call)
{
    wait_for_reply(c, call);
}

int
rpc_client_open_transfer(struct rpc_client *c, int proc, const void *args,
                         bool is_sparse, struct rpc_stream **transfer,
                         struct vireo_error *err)
{
    return stream_call(c, proc, args, -1, is_sparse, transfer, err);
}
