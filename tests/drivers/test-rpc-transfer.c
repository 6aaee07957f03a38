/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-rpc-transfer.c: the remote driver's transfers (rpc_transfer.c),
 * the streams of volume upload and download, against a daemon played by
 * a thread of this test that speaks libvirt's stream messages as
 * libvirtd does. What the volume's name in the call asks of it:
 *
 *   upload "ok"        keep the data; confirm the finish
 *   upload "fail"      give up with an error after the first data
 *   download "ok"      send DOWNLOAD_BYTES in odd-sized messages, with a
 *                      keepalive PING and a domain event among them,
 *                      then end of file
 *   download "abort"   send data, then wait for the client's abort
 *   download "vanish"  send a little, then hang up
 *   upload "missing"   refuse the call, as for a volume that is not there
 *   download "sparse"  send "AB", a hole of 1 MiB and one of 3 bytes,
 *                      "CD", a hole of 5 bytes, then end of file
 *   upload "sparse"    note each data message's size and each hole's
 *                      length, in order; confirm the finish
 *
 * Checked: the framing (type, serial, size of each message), the
 * data unchanged both ways, finish and abort and their confirmations,
 * the daemon's error reaching the application, keepalive answered,
 * events delivered and other calls served while a transfer runs, a
 * daemon that goes away; holes in their place among the data both ways,
 * read as zeros or stopped at, and refused on a transfer not opened
 * sparse.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/remote/rpc_client.h"
#include "wire/error.h"
#include "tests/drivers/wire_peer.h"
#include "tests/tap.h"
#include "wire/stream.h"

#define UPLOAD_BYTES   (8 * 1024 * 1024 + 7)
#define DOWNLOAD_BYTES (3 * 1024 * 1024 + 12345)
#define DOWNLOAD_PIECE 100003

/* The daemon thread's side and what it saw. Guarded by lock. */
struct daemon {
    int             fd;
    pthread_t       thread;
    pthread_mutex_t lock;
    uint8_t        *got;           /* the upload's data, in order */
    size_t          got_len;
    size_t          max_payload;   /* the largest STREAM message's data */
    int             n_bad_headers; /* STREAM messages not of the call */
    int             n_finish;      /* OK received after the data */
    int             n_abort;       /* ERROR received */
    int             n_pong;
    remote_message_header call;    /* the stream's call */
    char            sparse_log[128]; /* a sparse upload: "D3 H4096 ..." */
    char           *mode;          /* the volume's name in the call */
};

static struct daemon d = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* The byte at offset i of the test's data: no run repeats with a short
 * period, so that a lost or doubled message shows. */
static uint8_t
pattern(size_t i)
{
    return (uint8_t)((i * 2654435761u) >> 13);
}

/* ---- the daemon thread ------------------------------------------------- */

static void
send_stream(int status, const void *data, size_t len)
{
    wire_peer_send_stream(d.fd, &d.call, status, data, len);
}

static void
send_ping(void)
{
    struct wire_buffer out = { 0 };
    remote_message_header hdr = {
        .prog = WIRE_KEEPALIVE_PROGRAM, .vers = WIRE_KEEPALIVE_VERSION,
        .proc = WIRE_KEEPALIVE_PING, .type = WIRE_TYPE_MESSAGE,
    };

    wire_encode(&out, &hdr, WIRE_XDR_VOID, NULL);
    wire_peer_send_buffer(d.fd, &out);
}

static void
send_event(void)
{
    struct wire_buffer out = { 0 };
    remote_message_header hdr = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = WIRE_REMOTE_VERSION,
        .proc = REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
        .type = WIRE_TYPE_MESSAGE,
    };
    remote_domain_event_callback_lifecycle_msg msg = {
        .callbackID = 1, .dom = { .name = (char *)"g", .id = 1 },
        .event = 4, .detail = 0,
    };

    wire_encode(&out, &hdr,
                (xdrproc_t)xdr_remote_domain_event_callback_lifecycle_msg,
                &msg);
    wire_peer_send_buffer(d.fd, &out);
}

static void
send_hole(long long length)
{
    struct wire_buffer out = { 0 };

    wire_encode_stream_hole(&out, &d.call, length, 0);
    wire_peer_send_buffer(d.fd, &out);
}

static void
download_sparse(void)
{
    send_stream(WIRE_STATUS_CONTINUE, "AB", 2);
    send_hole(1 << 20);
    send_hole(3);
    send_stream(WIRE_STATUS_CONTINUE, "CD", 2);
    send_hole(5);
    send_stream(WIRE_STATUS_CONTINUE, NULL, 0);
}

static void
download(void)
{
    uint8_t *piece = malloc(DOWNLOAD_PIECE);
    size_t total = strcmp(d.mode, "ok") == 0 ? DOWNLOAD_BYTES
                                              : DOWNLOAD_PIECE;

    for (size_t off = 0; off < total; off += DOWNLOAD_PIECE) {
        size_t n = total - off < DOWNLOAD_PIECE ? total - off
                                                : DOWNLOAD_PIECE;

        for (size_t i = 0; i < n; i++)
            piece[i] = pattern(off + i);
        send_stream(WIRE_STATUS_CONTINUE, piece, n);
        if (off == 0) {
            send_ping();
            send_event();
        }
    }
    free(piece);
    if (strcmp(d.mode, "ok") == 0)
        send_stream(WIRE_STATUS_CONTINUE, NULL, 0);
    else if (strcmp(d.mode, "vanish") == 0)
        shutdown(d.fd, SHUT_RDWR);
}

/* A call: GET_TYPE is answered; upload and download open the stream. */
static void
on_call(const struct wire_message *m)
{
    struct wire_buffer out = { 0 };
    remote_message_header reply = m->header;

    reply.type = WIRE_TYPE_REPLY;
    if (m->header.proc == REMOTE_PROC_CONNECT_GET_TYPE) {
        remote_connect_get_type_ret ret = { (char *)"FAKE" };

        wire_encode(&out, &reply,
                    (xdrproc_t)xdr_remote_connect_get_type_ret, &ret);
        wire_peer_send_buffer(d.fd, &out);
        return;
    }
    if (strcmp(((const remote_storage_vol_upload_args *)m->body)->vol.name,
               "missing") == 0) {
        struct vireo_error err = { VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                                   "Storage volume not found: no storage "
                                   "vol with matching name 'missing'" };
        struct wire_error_reply e;

        wire_error_reply_fill(&e, &err);
        reply.status = WIRE_STATUS_ERROR;
        wire_encode(&out, &reply, (xdrproc_t)xdr_remote_error, &e.xdr);
        wire_peer_send_buffer(d.fd, &out);
        return;
    }
    pthread_mutex_lock(&d.lock);
    d.call = m->header;
    d.call.type = WIRE_TYPE_STREAM;
    free(d.mode);
    d.got_len = 0;
    d.mode = strdup(((const remote_storage_vol_upload_args *)m->body)
                        ->vol.name);
    pthread_mutex_unlock(&d.lock);
    wire_encode(&out, &reply, WIRE_XDR_VOID, NULL);
    wire_peer_send_buffer(d.fd, &out);
    if (m->header.proc == REMOTE_PROC_STORAGE_VOL_DOWNLOAD &&
        strcmp(d.mode, "sparse") == 0)
        download_sparse();
    else if (m->header.proc == REMOTE_PROC_STORAGE_VOL_DOWNLOAD)
        download();
}

/* A sparse upload's message, noted in the log. Lock held. */
static void
note_sparse(const struct wire_message *m)
{
    size_t used = strlen(d.sparse_log);
    long long length = (long long)m->data_len;
    unsigned flags = 0;
    struct vireo_error err = { 0 };

    if (m->header.type == WIRE_TYPE_STREAM_HOLE &&
        wire_stream_hole(m, &length, &flags, &err) < 0)
        length = -1;
    snprintf(d.sparse_log + used, sizeof(d.sparse_log) - used, "%s%c%lld",
             used > 0 ? " " : "",
             m->header.type == WIRE_TYPE_STREAM_HOLE ? 'H' : 'D', length);
}

static void
on_data(const struct wire_message *m)
{
    pthread_mutex_lock(&d.lock);
    if (strcmp(d.mode, "sparse") == 0)
        note_sparse(m);
    if (m->data_len > d.max_payload)
        d.max_payload = m->data_len;
    if (strcmp(d.mode, "fail") == 0 && d.got_len == 0) {
        struct vireo_error err = { VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                                   "cannot write to the volume: "
                                   "No space left on device" };
        struct wire_buffer out = { 0 };

        d.got_len = 1;
        wire_encode_stream_error(&out, &d.call, &err);
        wire_peer_send_buffer(d.fd, &out);
    } else if (strcmp(d.mode, "ok") == 0) {
        memcpy(d.got + d.got_len, m->data, m->data_len);
        d.got_len += m->data_len;
    }
    pthread_mutex_unlock(&d.lock);
}

static void
on_stream(const struct wire_message *m)
{
    pthread_mutex_lock(&d.lock);
    if (m->header.serial != d.call.serial || m->header.proc != d.call.proc)
        d.n_bad_headers++;
    pthread_mutex_unlock(&d.lock);
    if (m->header.status == WIRE_STATUS_CONTINUE) {
        on_data(m);
        return;
    }
    pthread_mutex_lock(&d.lock);
    if (m->header.status == WIRE_STATUS_OK)
        d.n_finish++;
    else
        d.n_abort++;
    pthread_mutex_unlock(&d.lock);
    send_stream(WIRE_STATUS_OK, NULL, 0);   /* the confirmation */
}

static void *
daemon_main(void *arg)
{
    uint8_t *buf;
    long len;

    while ((len = wire_peer_read_message(d.fd, &buf)) > 0) {
        struct wire_message m;

        if (wire_decode(buf, (size_t)len, &m) == WIRE_RESULT_OK) {
            if (m.header.prog == WIRE_KEEPALIVE_PROGRAM) {
                pthread_mutex_lock(&d.lock);
                d.n_pong += m.header.proc == WIRE_KEEPALIVE_PONG;
                pthread_mutex_unlock(&d.lock);
            } else if (m.header.type == WIRE_TYPE_CALL)
                on_call(&m);
            else if (m.header.type == WIRE_TYPE_STREAM ||
                     m.header.type == WIRE_TYPE_STREAM_HOLE)
                on_stream(&m);
        }
        wire_message_free(&m);
        free(buf);
    }
    return NULL;
}

/* ---- the application ---------------------------------------------------- */

/* Events the connection delivered; on whichever thread read them, with
 * the client's lock held. */
static atomic_int n_events;

static void
on_message(const struct wire_message *msg, void *opaque)
{
    if (msg->header.proc == REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE)
        atomic_fetch_add(&n_events, 1);
}

static struct rpc_stream *
open_sparse(struct rpc_client *c, int proc, const char *mode, bool is_sparse)
{
    remote_storage_vol_upload_args args = {
        .vol = { .pool = (char *)"p", .name = (char *)mode,
                 .key = (char *)"k" },
    };
    struct vireo_error err = { 0 };
    struct rpc_stream *s = NULL;

    if (rpc_client_open_transfer(c, proc, &args, is_sparse, &s, &err) < 0)
        tap_diag("open: %s", err.message);
    return s;
}

static struct rpc_stream *
open_transfer(struct rpc_client *c, int proc, const char *mode)
{
    return open_sparse(c, proc, mode, false);
}

/* Another thread's calls while a transfer runs. */
static void *
caller_main(void *arg)
{
    struct rpc_client *c = arg;
    intptr_t n_ok = 0;

    for (int i = 0; i < 20; i++) {
        remote_connect_get_type_ret ret = { 0 };
        struct vireo_error err = { 0 };

        n_ok += rpc_client_call(c, REMOTE_PROC_CONNECT_GET_TYPE, NULL, &ret,
                                &err) == 0;
        xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&ret);
    }
    return (void *)n_ok;
}

static void
test_upload(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_UPLOAD,
                                         "ok");
    struct vireo_error err = { 0 };
    char *data = malloc(UPLOAD_BYTES);
    pthread_t caller;
    void *n_calls;
    int rc = 0;

    for (size_t i = 0; i < UPLOAD_BYTES; i++)
        data[i] = (char)pattern(i);
    pthread_create(&caller, NULL, caller_main, c);
    /* Sends of odd sizes, one larger than a message. */
    for (size_t off = 0, n = 1; off < UPLOAD_BYTES && rc >= 0;
         off += n, n = n * 7 + 1) {
        if (n > UPLOAD_BYTES - off)
            n = UPLOAD_BYTES - off;
        rc = rpc_transfer_send(s, data + off, n, &err);
    }
    pthread_join(caller, &n_calls);
    tap_is_int(rc >= 0 ? rpc_transfer_finish(s, &err) : -1, 0,
               "an upload is sent and finished: the daemon confirms");
    pthread_mutex_lock(&d.lock);
    tap_ok(d.got_len == UPLOAD_BYTES && memcmp(d.got, data,
                                               UPLOAD_BYTES) == 0,
           "the daemon got every byte, in order");
    tap_ok(d.max_payload <= WIRE_STREAM_CHUNK_MAX && d.max_payload > 0,
           "no message carries more than libvirt's %d bytes (largest: "
           "%zu)", WIRE_STREAM_CHUNK_MAX, d.max_payload);
    tap_is_int(d.n_bad_headers, 0,
               "every message carries the call's serial and procedure");
    tap_is_int(d.n_finish, 1, "finish is one empty OK message");
    pthread_mutex_unlock(&d.lock);
    tap_is_int((int)(intptr_t)n_calls, 20,
               "another thread's calls are answered during the upload");
    tap_is_int(rpc_transfer_finish(s, &err), -1,
               "a finished stream cannot be finished again");
    rpc_transfer_free(s);
    free(data);
}

static void
test_upload_fails(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_UPLOAD,
                                         "fail");
    struct vireo_error err = { 0 };
    static char data[65536];
    int rc = 0;

    for (int i = 0; i < 1000 && rc >= 0; i++)
        rc = rpc_transfer_send(s, data, sizeof(data), &err);
    tap_ok(rc == -1 && err.code == VIR_ERR_SYSTEM_ERROR &&
           strstr(err.message, "No space left on device") != NULL,
           "the daemon's error ends the upload: send fails with it (%s)",
           err.message);
    memset(&err, 0, sizeof(err));
    tap_ok(rpc_transfer_finish(s, &err) == -1 &&
           err.code == VIR_ERR_SYSTEM_ERROR,
           "and finish reports it too");
    rpc_transfer_free(s);
}

static void
test_download(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                         "ok");
    struct vireo_error err = { 0 };
    char *got = malloc(DOWNLOAD_BYTES + 1);
    size_t len = 0;
    bool is_same = true;
    int n;

    while ((n = rpc_transfer_recv(s, got + len, 70001, &err)) > 0)
        len += (size_t)n;
    for (size_t i = 0; i < len && is_same; i++)
        is_same = (uint8_t)got[i] == pattern(i);
    tap_ok(n == 0 && len == DOWNLOAD_BYTES && is_same,
           "a download receives every byte, then end of file (%zu)", len);
    tap_is_int(rpc_transfer_finish(s, &err), 0,
               "and is finished, the daemon confirming");
    tap_is_int(atomic_load(&n_events), 1,
               "a domain event among the data was delivered");
    pthread_mutex_lock(&d.lock);
    tap_is_int(d.n_pong, 1,
               "the daemon's keepalive PING was answered during it");
    pthread_mutex_unlock(&d.lock);
    rpc_transfer_free(s);
    free(got);
}

static void
test_abort(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                         "abort");
    struct vireo_error err = { 0 };
    char buf[16];

    rpc_transfer_recv(s, buf, sizeof(buf), &err);
    tap_is_int(rpc_transfer_abort(s, &err), 0,
               "an abort is confirmed, what was in flight dropped");
    pthread_mutex_lock(&d.lock);
    tap_is_int(d.n_abort, 1, "abort is one ERROR message");
    pthread_mutex_unlock(&d.lock);
    rpc_transfer_free(s);
}

static void
test_refused(struct rpc_client *c)
{
    remote_storage_vol_upload_args args = {
        .vol = { .pool = (char *)"p", .name = (char *)"missing",
                 .key = (char *)"k" },
    };
    struct vireo_error err = { 0 };
    struct rpc_stream *s = NULL;

    tap_ok(rpc_client_open_transfer(c, REMOTE_PROC_STORAGE_VOL_UPLOAD, &args,
                                    false, &s, &err) == -1 &&
           s == NULL && err.code == VIR_ERR_NO_STORAGE_VOL,
           "a refused call opens no stream and carries the daemon's error "
           "(%s)", err.message);
}

static void
test_vanish(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                         "vanish");
    struct vireo_error err = { 0 };
    static char buf[DOWNLOAD_PIECE];
    int n, total = 0;

    while ((n = rpc_transfer_recv(s, buf, sizeof(buf), &err)) > 0)
        total += n;
    tap_ok(total == DOWNLOAD_PIECE && n == -1 && err.code != 0,
           "a daemon that hangs up: what it sent arrives, then an error "
           "(%s)", err.message);
    rpc_transfer_free(s);
}

/* Receive, stopping at holes: take every hole where the data stands,
 * adding up their lengths in *hole (they may come as one or as several,
 * as the daemon's messages arrive), then read the data after them. */
static int
recv_after_holes(struct rpc_stream *s, char *buf, size_t len,
                 long long *hole, struct vireo_error *err)
{
    int n;

    *hole = 0;
    while ((n = rpc_transfer_recv_sparse(s, buf, len, true, err)) == -3) {
        long long one = 0;

        if (rpc_transfer_recv_hole(s, &one, err) < 0 || one <= 0)
            return -1;
        *hole += one;
    }
    return n;
}

static void
test_sparse_download_stops(struct rpc_client *c)
{
    struct rpc_stream *s = open_sparse(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                       "sparse", true);
    struct vireo_error err = { 0 };
    long long hole1 = -1, hole2 = -1, none = -1;
    char buf[100];
    int n1, n2, n3;

    rpc_transfer_recv_hole(s, &none, &err);
    n1 = rpc_transfer_recv_sparse(s, buf, sizeof(buf), true, &err);
    tap_ok(n1 == 2 && memcmp(buf, "AB", 2) == 0 && none == 0,
           "a sparse download starts with no hole to take, and reads its "
           "data up to the first hole");
    n2 = recv_after_holes(s, buf, sizeof(buf), &hole1, &err);
    tap_ok(n2 == 2 && memcmp(buf, "CD", 2) == 0 && hole1 == (1 << 20) + 3,
           "it stops at the holes (-3), which add up to what the daemon "
           "sent (%lld), then reads the data after them", hole1);
    n3 = recv_after_holes(s, buf, sizeof(buf), &hole2, &err);
    tap_ok(n3 == 0 && hole2 == 5, "then the trailing hole, and the end");
    tap_is_int(rpc_transfer_finish(s, &err), 0, "and it finishes");
    rpc_transfer_free(s);
}

static void
test_sparse_download_zeros(struct rpc_client *c)
{
    struct rpc_stream *s = open_sparse(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                       "sparse", true);
    struct vireo_error err = { 0 };
    size_t total = 2 + (1 << 20) + 3 + 2 + 5, len = 0;
    char *got = malloc(total + 1);
    bool is_zero = true;
    int n;

    while ((n = rpc_transfer_recv(s, got + len, 70001, &err)) > 0)
        len += (size_t)n;
    for (size_t i = 2; i < total - 7 && is_zero; i++)
        is_zero = got[i] == 0;
    tap_ok(n == 0 && len == total && memcmp(got, "AB", 2) == 0 &&
           is_zero && memcmp(got + total - 7, "CD\0\0\0\0\0", 7) == 0,
           "read without stopping, the holes are zeros in their place");
    rpc_transfer_finish(s, &err);
    rpc_transfer_free(s);
    free(got);
}

static void
test_sparse_upload(struct rpc_client *c)
{
    struct rpc_stream *s = open_sparse(c, REMOTE_PROC_STORAGE_VOL_UPLOAD,
                                       "sparse", true);
    struct vireo_error err = { 0 };
    int rc;

    memset(d.sparse_log, 0, sizeof(d.sparse_log));
    rc = rpc_transfer_send(s, "abc", 3, &err);
    rc |= rpc_transfer_send_hole(s, 4096, 0, &err);
    rc |= rpc_transfer_send_hole(s, 1LL << 40, 0, &err);
    rc |= rpc_transfer_send(s, "de", 2, &err) < 0;
    tap_ok(rc >= 0 && rpc_transfer_finish(s, &err) == 0,
           "a sparse upload sends data and holes, and finishes");
    pthread_mutex_lock(&d.lock);
    tap_is_str(d.sparse_log, "D3 H4096 H1099511627776 D2",
               "the daemon gets them in order, a hole of 1 TiB included");
    pthread_mutex_unlock(&d.lock);
    rpc_transfer_free(s);
}

static void
test_not_sparse(struct rpc_client *c)
{
    struct rpc_stream *s = open_transfer(c, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                                         "sparse");
    struct vireo_error err = { 0 };
    long long length;
    char buf[100];
    int n;

    tap_ok(rpc_transfer_send_hole(s, 4096, 0, &err) == -1 &&
           err.code == VIR_ERR_OPERATION_INVALID &&
           strstr(err.message,
                  "Skipping is not supported with this stream") != NULL &&
           rpc_transfer_recv_hole(s, &length, &err) == -1,
           "a transfer not opened sparse neither sends nor takes holes");
    memset(&err, 0, sizeof(err));
    while ((n = rpc_transfer_recv(s, buf, sizeof(buf), &err)) > 0)
        ;
    tap_ok(n == -1 && err.code == VIR_ERR_RPC &&
           strstr(err.message, "Unexpected stream hole") != NULL,
           "and a hole the daemon sends on it ends it: %s", err.message);
    rpc_transfer_free(s);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct rpc_client *c;
    int sv[2];

    tap_plan(27);
    d.got = malloc(UPLOAD_BYTES);
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    d.fd = sv[1];
    pthread_create(&d.thread, NULL, daemon_main, NULL);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    c = rpc_client_new(sv[0], on_message, NULL, &err);
    tap_ok(c != NULL, "a client without an event loop");
    test_upload(c);
    test_upload_fails(c);
    test_download(c);
    test_abort(c);
    test_refused(c);
    test_sparse_download_stops(c);
    test_sparse_download_zeros(c);
    test_sparse_upload(c);
    test_not_sparse(c);
    test_vanish(c);
    rpc_client_close(c);
    pthread_join(d.thread, NULL);
    close(d.fd);
    free(d.got);
    free(d.mode);
    return tap_done();
}
