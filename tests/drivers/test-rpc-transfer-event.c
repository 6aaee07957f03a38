/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-rpc-transfer-event.c: non-blocking transfers and their event
 * callbacks (rpc_transfer_event.c), with an application's own event loop
 * (the tests' poll(2) one) run on the test's main thread, against a
 * daemon played by a thread that speaks libvirt's stream messages and
 * acts only when the test says so. What the volume's name asks of it:
 *
 *   download "data"    on "go", send PIECES messages of PIECE bytes,
 *                      then end of file
 *   download "fail"    on "go", give up with an error
 *   upload "slow"      read nothing until "go", then everything;
 *                      confirm the finish
 *
 * Checked, as libvirt's client behaves: recv and send return -2 where
 * they would wait, err untouched; the callback runs on the loop's thread
 * only while an event its mask asks for stands (READABLE: something to
 * receive, the end or the failure; WRITABLE: room to send); a second
 * callback, and an update or removal without one, are refused; removing
 * the callback or freeing the transfer inside the callback, or another
 * thread removing it while it runs, runs the free function once, after
 * the callback returns.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/remote/rpc_client.h"
#include "loop/event.h"
#include "tests/drivers/wire_peer.h"
#include "tests/loop/poll_impl.h"
#include "tests/tap.h"
#include "wire/stream.h"

#define PIECE  100003
#define PIECES 3
#define SEND_CHUNK 65536
/* Loop iterations that must see no callback. */
#define IDLE_ITERATIONS 5

/* The daemon thread's side. Guarded by lock. */
struct daemon {
    int                   fd;
    pthread_t             thread;
    pthread_mutex_t       lock;
    pthread_cond_t        cond;
    bool                  is_go;    /* the test said go */
    remote_message_header call;     /* the stream's call */
    char                  mode[16];
    size_t                n_got;    /* upload bytes read */
    int                   n_finish;
};

static struct daemon d = { .lock = PTHREAD_MUTEX_INITIALIZER,
                           .cond = PTHREAD_COND_INITIALIZER };

static uint8_t
pattern(size_t i)
{
    return (uint8_t)((i * 2654435761u) >> 11);
}

/* ---- the daemon thread ------------------------------------------------- */

static void
wait_for_go(void)
{
    pthread_mutex_lock(&d.lock);
    while (!d.is_go)
        pthread_cond_wait(&d.cond, &d.lock);
    d.is_go = false;
    pthread_mutex_unlock(&d.lock);
}

static void
send_stream(int status, const void *data, size_t len)
{
    wire_peer_send_stream(d.fd, &d.call, status, data, len);
}

static void
download(void)
{
    uint8_t *piece = malloc(PIECE);
    struct vireo_error err = { VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                               "cannot read from the volume: "
                               "Input/output error" };
    struct wire_buffer out = { 0 };

    wait_for_go();
    if (strcmp(d.mode, "fail") == 0) {
        wire_encode_stream_error(&out, &d.call, &err);
        wire_peer_send_buffer(d.fd, &out);
    } else {
        for (size_t p = 0; p < PIECES; p++) {
            for (size_t i = 0; i < PIECE; i++)
                piece[i] = pattern(p * PIECE + i);
            send_stream(WIRE_STATUS_CONTINUE, piece, PIECE);
        }
        send_stream(WIRE_STATUS_CONTINUE, NULL, 0);
    }
    free(piece);
}

static void
on_call(const struct wire_message *m)
{
    struct wire_buffer out = { 0 };
    remote_message_header reply = m->header;

    reply.type = WIRE_TYPE_REPLY;
    pthread_mutex_lock(&d.lock);
    d.call = m->header;
    d.call.type = WIRE_TYPE_STREAM;
    d.n_got = 0;
    d.n_finish = 0;
    snprintf(d.mode, sizeof(d.mode), "%s",
             ((const remote_storage_vol_upload_args *)m->body)->vol.name);
    pthread_mutex_unlock(&d.lock);
    wire_encode(&out, &reply, WIRE_XDR_VOID, NULL);
    wire_peer_send_buffer(d.fd, &out);
    if (m->header.proc == REMOTE_PROC_STORAGE_VOL_DOWNLOAD)
        download();
    else if (strcmp(d.mode, "slow") == 0)
        wait_for_go();
}

static void
on_stream(const struct wire_message *m)
{
    if (m->header.status == WIRE_STATUS_CONTINUE) {
        pthread_mutex_lock(&d.lock);
        d.n_got += m->data_len;
        pthread_mutex_unlock(&d.lock);
        return;
    }
    pthread_mutex_lock(&d.lock);
    d.n_finish += m->header.status == WIRE_STATUS_OK;
    pthread_mutex_unlock(&d.lock);
    send_stream(WIRE_STATUS_OK, NULL, 0);   /* the confirmation */
}

static void
on_daemon_message(const struct wire_message *m)
{
    if (m->header.type == WIRE_TYPE_CALL)
        on_call(m);
    else if (m->header.type == WIRE_TYPE_STREAM)
        on_stream(m);
}

static void *
daemon_main(void *arg)
{
    (void)arg;
    wire_peer_serve(d.fd, on_daemon_message);
    return NULL;
}

/* The connection's other messages: none come here. */
static void
on_message(const struct wire_message *msg, void *opaque)
{
    (void)msg;
    (void)opaque;
}

static void
say_go(void)
{
    pthread_mutex_lock(&d.lock);
    d.is_go = true;
    pthread_cond_signal(&d.cond);
    pthread_mutex_unlock(&d.lock);
}

/* ---- the application ---------------------------------------------------- */

/* What a callback saw and did. Loop thread only (the main thread). */
struct app {
    struct rpc_stream *s;
    pthread_t          loop_thread;
    int                n_calls;
    int                n_off_thread;   /* calls on another thread */
    int                events_seen;    /* union of events */
    int                n_would_block;  /* -2 in a callback */
    size_t             n_moved;
    bool               is_bad_data;
    bool               is_done;
    bool               is_in_callback;
    int                n_free;
    int                n_free_in_callback;
    int                rc_last;        /* the last send or recv */
    struct vireo_error err;
    enum { ON_END_REMOVE, ON_END_FREE } on_end;
};

static void
on_free(void *opaque)
{
    struct app *a = opaque;

    a->n_free++;
    a->n_free_in_callback += a->is_in_callback;
}

static void
end(struct app *a)
{
    struct vireo_error err = { 0 };

    a->is_done = true;
    if (a->on_end == ON_END_FREE) {
        rpc_transfer_free(a->s);
        a->s = NULL;
    } else {
        rpc_transfer_event_remove(a->s, &err);
    }
}

static void
on_readable(int events, void *opaque)
{
    struct app *a = opaque;
    char buf[SEND_CHUNK];
    int rc;

    a->is_in_callback = true;
    a->n_calls++;
    a->n_off_thread += !pthread_equal(pthread_self(), a->loop_thread);
    a->events_seen |= events;
    rc = rpc_transfer_recv(a->s, buf, sizeof(buf), &a->err);
    a->rc_last = rc;
    a->n_would_block += rc == -2;
    for (int i = 0; i < rc; i++)
        a->is_bad_data |= (uint8_t)buf[i] != pattern(a->n_moved + i);
    if (rc > 0)
        a->n_moved += rc;
    else if (rc != -2)
        end(a);
    a->is_in_callback = false;
}

static void
on_tick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

/* Run the loop n times; a timer makes sure each iteration ends. */
static void
run_iterations(int n)
{
    int timer = event_add_timeout(10, on_tick, NULL, NULL);

    for (int i = 0; i < n; i++)
        poll_impl_run_once();
    event_remove_timeout(timer);
    poll_impl_run_once();
}

static void
run_until_done(struct app *a)
{
    while (!a->is_done)
        poll_impl_run_once();
}

static struct rpc_stream *
open_transfer(struct rpc_client *c, int proc, const char *mode)
{
    remote_storage_vol_upload_args args = {
        .vol = { .pool = (char *)"p", .name = (char *)mode,
                 .key = (char *)"k" },
    };
    struct vireo_error err = { 0 };
    struct rpc_stream *s = NULL;

    if (rpc_client_open_transfer(c, proc, &args, false, &s, &err) < 0)
        tap_diag("open: %s", err.message);
    else
        rpc_transfer_set_nonblocking(s);
    return s;
}

static void
test_registration(struct app *a)
{
    struct vireo_error err = { 0 };

    rpc_transfer_event_add(a->s, VIREO_STREAM_EVENT_READABLE, on_readable, a,
                           NULL, &err);
    tap_ok(err.code == VIR_ERR_INTERNAL_ERROR &&
           strcmp(err.message, "internal error: multiple stream callbacks "
                               "not supported") == 0,
           "a second callback is refused: %s", err.message);
}

static void
test_download(struct rpc_client *c)
{
    struct app a = { .loop_thread = pthread_self() };
    struct vireo_error err = { 0 };
    char buf[16];

    a.s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD, "data");
    tap_is_int(rpc_transfer_recv(a.s, buf, sizeof(buf), &err), -2,
               "recv before anything came returns -2");
    tap_is_int(err.code, 0, "and sets no error");
    rpc_transfer_event_add(a.s, VIREO_STREAM_EVENT_READABLE, on_readable, &a,
                           on_free, &err);
    test_registration(&a);
    run_iterations(IDLE_ITERATIONS);
    tap_is_int(a.n_calls, 0, "READABLE is not raised before data came");
    say_go();
    run_until_done(&a);
    tap_ok(a.n_moved == (size_t)PIECE * PIECES && !a.is_bad_data,
           "the callbacks received all the data, unchanged (%zu bytes)",
           a.n_moved);
    tap_ok(a.rc_last == 0 && a.events_seen == VIREO_STREAM_EVENT_READABLE &&
           a.n_would_block == 0,
           "each call was READABLE with something to take, the last the "
           "end of the data");
    tap_is_int(a.n_off_thread, 0, "every call ran on the loop's thread");
    tap_ok(a.n_free == 1 && a.n_free_in_callback == 0,
           "removed inside the callback, its free function ran once, after "
           "it returned");
    memset(&err, 0, sizeof(err));
    rpc_transfer_event_remove(a.s, &err);
    tap_ok(strcmp(err.message, "internal error: no stream callback "
                               "registered") == 0,
           "removing it again is refused: %s", err.message);
    memset(&err, 0, sizeof(err));
    tap_is_int(rpc_transfer_finish(a.s, &err), 0,
               "the download finishes");
    rpc_transfer_free(a.s);
}

/* The daemon gives up: READABLE, and recv says why; the callback frees
 * the transfer. */
static void
test_download_fails(struct rpc_client *c)
{
    struct app a = { .loop_thread = pthread_self(), .on_end = ON_END_FREE };
    struct vireo_error err = { 0 };

    a.s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD, "fail");
    rpc_transfer_event_add(a.s, VIREO_STREAM_EVENT_READABLE, on_readable, &a,
                           on_free, &err);
    say_go();
    run_until_done(&a);
    tap_ok(a.rc_last == -1 && strstr(a.err.message, "Input/output error"),
           "the daemon's error shows as READABLE, and recv fails with it: "
           "%s", a.err.message);
    tap_ok(a.n_free == 1 && a.n_free_in_callback == 0,
           "freed inside its callback, the transfer's free function ran "
           "once, after it returned");
}

/* A callback that another thread removes while it runs. */
struct handover {
    struct app      a;
    pthread_mutex_t lock;
    pthread_cond_t  cond;
    bool            is_in_callback;
    bool            is_removed;
    int             rc_remove;
    int             n_free_at_remove;  /* free runs when remove returned */
};

static void
on_readable_waits(int events, void *opaque)
{
    struct handover *h = opaque;

    (void)events;
    h->a.n_calls++;
    pthread_mutex_lock(&h->lock);
    h->is_in_callback = true;
    pthread_cond_broadcast(&h->cond);
    while (!h->is_removed)
        pthread_cond_wait(&h->cond, &h->lock);
    pthread_mutex_unlock(&h->lock);
    h->a.is_done = true;
}

static void
on_free_handover(void *opaque)
{
    struct handover *h = opaque;

    pthread_mutex_lock(&h->lock);
    h->a.n_free++;
    pthread_mutex_unlock(&h->lock);
}

static void *
remover_main(void *opaque)
{
    struct handover *h = opaque;
    struct vireo_error err = { 0 };

    pthread_mutex_lock(&h->lock);
    while (!h->is_in_callback)
        pthread_cond_wait(&h->cond, &h->lock);
    pthread_mutex_unlock(&h->lock);
    h->rc_remove = rpc_transfer_event_remove(h->a.s, &err);
    pthread_mutex_lock(&h->lock);
    h->n_free_at_remove = h->a.n_free;
    h->is_removed = true;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
    return NULL;
}

static void
test_remove_from_another_thread(struct rpc_client *c)
{
    struct handover h = { .lock = PTHREAD_MUTEX_INITIALIZER,
                          .cond = PTHREAD_COND_INITIALIZER };
    struct vireo_error err = { 0 };
    pthread_t remover;

    h.a.s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD, "data");
    rpc_transfer_event_add(h.a.s, VIREO_STREAM_EVENT_READABLE,
                           on_readable_waits, &h, on_free_handover, &err);
    pthread_create(&remover, NULL, remover_main, &h);
    say_go();
    run_until_done(&h.a);
    pthread_join(remover, NULL);
    run_iterations(IDLE_ITERATIONS);
    tap_ok(h.rc_remove == 0 && h.n_free_at_remove == 0 && h.a.n_free == 1,
           "removed by another thread while it runs, the callback's free "
           "function waits for it to return, then runs once");
    tap_is_int(h.a.n_calls, 1, "and it is not called again");
    rpc_transfer_free(h.a.s);
}

/* WRITABLE: send until -2 (the daemon reads nothing yet). */
static void
on_writable(int events, void *opaque)
{
    struct app *a = opaque;
    static char chunk[SEND_CHUNK];
    int rc;

    a->n_calls++;
    a->events_seen |= events;
    if (a->is_done) {
        rpc_transfer_event_update(a->s, 0, &a->err);
        return;
    }
    while ((rc = rpc_transfer_send(a->s, chunk, sizeof(chunk),
                                   &a->err)) > 0)
        a->n_moved += (size_t)rc;
    a->rc_last = rc;
    a->is_done = true;
}

static void
test_upload(struct rpc_client *c)
{
    struct app a = { .loop_thread = pthread_self() };
    struct vireo_error err = { 0 };
    int n_calls;

    a.s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_UPLOAD, "slow");
    rpc_transfer_event_add(a.s, VIREO_STREAM_EVENT_WRITABLE, on_writable, &a,
                           on_free, &err);
    run_until_done(&a);
    tap_ok(a.rc_last == -2 && a.err.code == 0 && a.n_moved > 0,
           "a WRITABLE callback sends until the queue is full: -2 after "
           "%zu bytes", a.n_moved);
    n_calls = a.n_calls;
    run_iterations(IDLE_ITERATIONS);
    tap_is_int(a.n_calls, n_calls,
               "WRITABLE is not raised while the daemon reads nothing");
    say_go();
    while (a.n_calls == n_calls)
        poll_impl_run_once();
    tap_ok(a.events_seen == VIREO_STREAM_EVENT_WRITABLE,
           "once the daemon reads, WRITABLE comes again");
    rpc_transfer_event_remove(a.s, &err);
    tap_is_int(rpc_transfer_finish(a.s, &err), 0, "the upload finishes");
    pthread_mutex_lock(&d.lock);
    tap_ok(d.n_got == a.n_moved && d.n_finish == 1,
           "the daemon got every byte sent (%zu of %zu), then the finish",
           d.n_got, a.n_moved);
    pthread_mutex_unlock(&d.lock);
    tap_is_int(a.n_free, 1, "the free function ran once on removal");
    rpc_transfer_free(a.s);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct rpc_client *c;
    int sv[2];

    tap_plan(21);
    poll_impl_register();
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    d.fd = sv[1];
    pthread_create(&d.thread, NULL, daemon_main, NULL);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    c = rpc_client_new(sv[0], on_message, NULL, &err);
    tap_ok(c != NULL && rpc_client_watch(c, &err) == 0,
           "a client watched through the application's loop");
    test_download(c);
    test_download_fails(c);
    test_remove_from_another_thread(c);
    test_upload(c);
    rpc_client_close(c);
    run_iterations(1);       /* the loop lets go of the client's socket */
    pthread_join(d.thread, NULL);
    close(d.fd);
    return tap_done();
}
