/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-rpc-stream.c: the remote driver's streams (rpc_stream.c) between an
 * application's end of a socket pair and a daemon played by a thread of
 * this test, which speaks libvirt's stream messages as libvirtd does and
 * echoes stream data in capitals, like a guest's console. The application
 * runs the tests' poll(2) loop. Checked: both directions, the daemon's end
 * of file, the application closing its end (finish), the daemon's error,
 * a stream pumped by a caller waiting for a reply (no loop running), and
 * the bound: an application that does not read stops the connection from
 * reading its daemon.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "drivers/remote/rpc_client.h"
#include "loop/event.h"
#include "tests/loop/poll_impl.h"
#include "tests/drivers/wire_peer.h"
#include "tests/tap.h"
#include "wire/stream.h"

#define FLOOD_BYTES (8 << 20)

/* The daemon thread's side of the socket and what it reports. */
struct daemon {
    int             fd;
    pthread_t       thread;
    pthread_mutex_t lock;
    int             n_finish;      /* STREAM OK received (confirmed) */
    size_t          flood_sent;    /* bytes of the flood the socket took */
    bool            is_flood_stalled;
};

static struct daemon d = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* ---- the daemon thread ------------------------------------------------- */

/* The flood: 64 KiB messages without waiting, until the socket takes
 * nothing for half a second; then the rest, blocking. */
static void
flood(const remote_message_header *call)
{
    static uint8_t chunk[65536];
    struct wire_buffer out = { 0 };
    size_t sent = 0, off = 0;
    int idle_ms = 0;

    memset(chunk, 'f', sizeof(chunk));
    for (int i = 0; i < FLOOD_BYTES / (int)sizeof(chunk); i++)
        wire_encode_stream(&out, call, WIRE_STATUS_CONTINUE, chunk,
                           sizeof(chunk));
    while (off < out.len && idle_ms < 500) {
        ssize_t n = send(d.fd, out.data + off, out.len - off,
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n > 0) {
            off += (size_t)n;
            sent += (size_t)n;
            idle_ms = 0;
        } else {
            poll(NULL, 0, 10);
            idle_ms += 10;
        }
    }
    pthread_mutex_lock(&d.lock);
    d.flood_sent = sent;
    d.is_flood_stalled = off < out.len;
    pthread_mutex_unlock(&d.lock);
    while (off < out.len) {
        ssize_t n = send(d.fd, out.data + off, out.len - off, MSG_NOSIGNAL);

        if (n <= 0)
            break;
        off += (size_t)n;
    }
    wire_buffer_release(&out);
}

/* GET_TYPE's reply waits for the next stream data to be echoed: the
 * call returns only if its caller moved the stream's bytes. */
static struct wire_buffer deferred;

/* A call: OPEN_CONSOLE is answered at once, GET_TYPE after the next echo. */
static void
on_call(const struct wire_message *m)
{
    struct wire_buffer out = { 0 };
    remote_message_header reply = m->header;

    reply.type = WIRE_TYPE_REPLY;
    if (m->header.proc == REMOTE_PROC_CONNECT_GET_TYPE) {
        remote_connect_get_type_ret ret = { (char *)"FAKE" };

        wire_encode(&deferred, &reply,
                    (xdrproc_t)xdr_remote_connect_get_type_ret, &ret);
        return;
    }
    wire_encode(&out, &reply, WIRE_XDR_VOID, NULL);
    wire_peer_send_buffer(d.fd, &out);
}

/* Stream data "flood" floods; "bye" ends the stream from our side (end of
 * file), "fail" with an error, "vanish" the whole connection; other data
 * is echoed in capitals. */
static void
on_data(const struct wire_message *m)
{
    struct wire_buffer out = { 0 };
    char upper[4096];
    size_t n = m->data_len < sizeof(upper) ? m->data_len : sizeof(upper);

    if (n == 5 && memcmp(m->data, "flood", 5) == 0) {
        flood(&m->header);
        return;
    }
    if (n == 6 && memcmp(m->data, "vanish", 6) == 0) {
        shutdown(d.fd, SHUT_RDWR);     /* the daemon goes away */
        return;
    }
    if (n == 3 && memcmp(m->data, "bye", 3) == 0) {
        wire_encode_stream(&out, &m->header, WIRE_STATUS_CONTINUE, NULL, 0);
    } else if (n == 4 && memcmp(m->data, "fail", 4) == 0) {
        struct vireo_error err = { VIR_ERR_RPC, VIR_FROM_STREAMS,
                                   "stream had I/O failure" };

        wire_encode_stream_error(&out, &m->header, &err);
    } else {
        for (size_t i = 0; i < n; i++)
            upper[i] = (char)toupper(m->data[i]);
        wire_encode_stream(&out, &m->header, WIRE_STATUS_CONTINUE, upper, n);
    }
    wire_peer_send_buffer(d.fd, &out);
    if (deferred.len > 0)
        wire_peer_send_buffer(d.fd, &deferred);
}

static void *
daemon_main(void *arg)
{
    uint8_t *buf;
    long len;

    while ((len = wire_peer_read_message(d.fd, &buf)) > 0) {
        struct wire_message m;

        if (wire_decode(buf, (size_t)len, &m) == WIRE_RESULT_OK) {
            if (m.header.type == WIRE_TYPE_CALL) {
                on_call(&m);
            } else if (m.header.type == WIRE_TYPE_STREAM &&
                       m.header.status == WIRE_STATUS_CONTINUE) {
                on_data(&m);
            } else if (m.header.type == WIRE_TYPE_STREAM) {
                struct wire_buffer out = { 0 };

                pthread_mutex_lock(&d.lock);
                d.n_finish++;
                pthread_mutex_unlock(&d.lock);
                wire_encode_stream(&out, &m.header, WIRE_STATUS_OK, NULL, 0);
                wire_peer_send_buffer(d.fd, &out);
            }
        }
        wire_message_free(&m);
        free(buf);
    }
    return NULL;
}

/* ---- the application ---------------------------------------------------- */

static void
tick(int timer, void *opaque)
{
}

/* Run the loop for about ms milliseconds. */
static void
run_ms(int ms)
{
    int timer = event_add_timeout(5, tick, NULL, NULL);

    for (int i = 0; i < ms / 5; i++)
        poll_impl_run_once();
    event_remove_timeout(timer);
    poll_impl_run_once();
}

/* Read from the application's end, running the loop, until len bytes came
 * or it ended; returns how many, -1 if it ended first. */
static long
app_read(int fd, char *buf, size_t len)
{
    size_t got = 0;

    for (int i = 0; i < 2000 && got < len; i++) {
        ssize_t n = recv(fd, buf + got, len - got, MSG_DONTWAIT);

        if (n == 0)
            return -1;
        if (n > 0)
            got += (size_t)n;
        else
            run_ms(5);
    }
    return (long)got;
}

static int
open_console(struct rpc_client *c, int *app)
{
    remote_domain_open_console_args args = { .dom = { .name = (char *)"g" } };
    struct vireo_error err = { 0 };
    int pair[2];

    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair);
    *app = pair[0];
    if (rpc_client_open_stream(c, REMOTE_PROC_DOMAIN_OPEN_CONSOLE, &args,
                               pair[1], &err) < 0) {
        tap_diag("open: %s", err.message);
        return -1;
    }
    return 0;
}

static void
test_both_ways(struct rpc_client *c)
{
    char buf[64] = { 0 };
    int app;

    tap_is_int(open_console(c, &app), 0, "a stream opens once its call "
               "succeeds");
    send(app, "hello", 5, 0);
    tap_ok(app_read(app, buf, 5) == 5 && memcmp(buf, "HELLO", 5) == 0,
           "what the application writes goes out as stream data, and the "
           "daemon's data comes back to it");
    send(app, "bye", 3, 0);
    tap_ok(app_read(app, buf, 10) == -1,
           "the daemon's end of file: the application reads end of file");
    close(app);
    run_ms(50);
    tap_is_int(d.n_finish, 1,
               "the application closing its end finishes the stream");
}

static void
test_error(struct rpc_client *c)
{
    char buf[16];
    int app;

    open_console(c, &app);
    send(app, "fail", 4, 0);
    tap_ok(app_read(app, buf, sizeof(buf)) == -1,
           "a stream error from the daemon ends the stream: end of file");
    close(app);
}

/* The caller of a call moves the stream's bytes while it waits: the loop
 * does not run until the call returns. */
static void
test_owner_pumps(struct rpc_client *c)
{
    remote_connect_get_type_ret ret = { 0 };
    struct vireo_error err = { 0 };
    char buf[16] = { 0 };
    int app, rc;

    open_console(c, &app);
    send(app, "owner", 5, 0);
    rc = rpc_client_call(c, REMOTE_PROC_CONNECT_GET_TYPE, NULL, &ret, &err);
    xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&ret);
    tap_ok(rc == 0 && recv(app, buf, 5, MSG_DONTWAIT) == 5 &&
           memcmp(buf, "OWNER", 5) == 0,
           "a caller waiting for its reply moves the stream's bytes too");
    close(app);
    run_ms(20);
}

static void
test_bound(struct rpc_client *c)
{
    static char buf[1 << 16];
    size_t total = 0, sent = 0;
    bool is_stalled = false;
    long n;
    int app;

    open_console(c, &app);
    send(app, "flood", 5, 0);
    /* The daemon reports once its socket took nothing for half a second;
     * a loaded machine (or a sanitizer) makes that take a while. */
    for (int i = 0; i < 2000 && sent == 0; i++) {
        run_ms(5);
        pthread_mutex_lock(&d.lock);
        sent = d.flood_sent;
        is_stalled = d.is_flood_stalled;
        pthread_mutex_unlock(&d.lock);
    }
    tap_ok(is_stalled && sent > 0 && sent < (6 << 20),
           "an application that does not read: the connection stops "
           "reading, and the daemon can send only so much (%zu KiB)",
           sent >> 10);
    while ((n = app_read(app, buf, sizeof(buf))) > 0 &&
           total + (size_t)n < FLOOD_BYTES)
        total += (size_t)n;
    total += n > 0 ? (size_t)n : 0;
    tap_is_int((int)(total >> 10), FLOOD_BYTES >> 10,
               "once it reads, all of it arrives");
    close(app);
    run_ms(20);
}

static void
test_daemon_vanishes(struct rpc_client *c)
{
    char buf[16];
    int app, reason = -1;

    open_console(c, &app);
    send(app, "vanish", 6, 0);
    tap_ok(app_read(app, buf, sizeof(buf)) == -1 &&
           rpc_client_is_alive(c, &reason) == 0 &&
           reason == VIR_CONNECT_CLOSE_REASON_EOF,
           "the daemon goes away: the application reads end of file");
    close(app);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct rpc_client *c;
    int sv[2];

    tap_plan(10);
    poll_impl_register();
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    d.fd = sv[1];
    pthread_create(&d.thread, NULL, daemon_main, NULL);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    c = rpc_client_new(sv[0], NULL, NULL, &err);
    tap_ok(c != NULL && rpc_client_watch(c, &err) == 0,
           "a client on the loop");
    test_both_ways(c);
    test_error(c);
    test_owner_pumps(c);
    test_bound(c);
    test_daemon_vanishes(c);
    rpc_client_close(c);
    run_ms(20);
    pthread_join(d.thread, NULL);
    close(d.fd);
    return tap_done();
}
