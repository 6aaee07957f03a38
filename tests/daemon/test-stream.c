/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-stream.c: daemon/stream.c on the real loop, between a socket pair
 * standing for the guest's console and a client made of three functions
 * that record what the pump sends it: the messages libvirt's streams
 * carry, their size, both bounds, finishing, aborting, end of file and
 * errors; and sparse streams, whose fd speaks records (data, holes and
 * errors) that become STREAM and STREAM_HOLE messages and back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/stream.h"
#include "drivers/sparse_frame.h"
#include "loop/uv_impl.h"
#include "tests/tap.h"
#include "wire/stream.h"

/* The client stream.c talks to: what it was sent, how much it claims to
 * have queued, and how often it was told to read again. */
struct client {
    struct wire_buffer sent;
    size_t             pending_out;
    int                n_resumed;
};

static struct client client;

void
client_send(struct client *c, struct wire_buffer *buf)
{
    wire_buffer_append(&c->sent, buf->data, buf->len);
    wire_buffer_release(buf);
}

size_t
client_pending_out(const struct client *c)
{
    return c->pending_out;
}

void
client_resume(struct client *c)
{
    c->n_resumed++;
}

/* ---- helpers ------------------------------------------------------------ */

static void
run_ms(int ms)
{
    struct timespec pause = { 0, 1000000 };

    for (int i = 0; i < ms; i++) {
        uv_run(uv_impl_loop(), UV_RUN_NOWAIT);
        nanosleep(&pause, NULL);
    }
}

static remote_message_header
call_header(uint32_t serial)
{
    remote_message_header hdr = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = 1, .proc = 201,
        .type = WIRE_TYPE_CALL, .serial = serial,
    };

    return hdr;
}

/* A stream for serial on a fresh socket pair, plain or sparse; returns
 * the guest's (the host side's) end. */
static int
open_kind(struct stream_set *set, uint32_t serial, enum stream_kind kind)
{
    remote_message_header hdr = call_header(serial);
    int fds[2];

    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds);
    stream_set_open_kind(set, &hdr, fds[0], kind);
    return fds[1];
}

static int
open_stream(struct stream_set *set, uint32_t serial)
{
    return open_kind(set, serial, STREAM_PLAIN);
}

/* Feed stream_set_receive() one message from the client. */
static void
receive(struct stream_set *set, uint32_t serial, int status,
        const void *data, size_t len)
{
    remote_message_header hdr = call_header(serial);
    struct wire_buffer buf = { 0 };
    struct wire_message msg;

    wire_encode_stream(&buf, &hdr, status, data, len);
    wire_decode(buf.data, buf.len, &msg);
    stream_set_receive(set, &msg);
    wire_message_free(&msg);
    wire_buffer_release(&buf);
}

/* What the client was sent, message by message, then forgotten. */
struct seen {
    int    n_data;           /* CONTINUE with bytes */
    size_t data_len;
    size_t largest;
    int    n_eof;            /* empty CONTINUE */
    int    n_ok;
    int    n_error;
    int    n_holes;          /* STREAM_HOLE */
    long long hole_len;      /* their lengths added up */
    char   error[VIREO_ERROR_MESSAGE_MAX + 32];
    uint32_t serial;
};

static struct seen
take_sent(void)
{
    struct seen seen = { 0 };
    size_t off = 0;

    while (off < client.sent.len) {
        long n = wire_read_length(client.sent.data + off);
        struct wire_message msg;
        struct vireo_error err = { 0 };

        wire_decode(client.sent.data + off, (size_t)n, &msg);
        seen.serial = msg.header.serial;
        if (msg.header.type == WIRE_TYPE_STREAM_HOLE) {
            long long len = 0;
            unsigned flags;

            wire_stream_hole(&msg, &len, &flags, &err);
            seen.n_holes++;
            seen.hole_len += len;
        } else if (msg.header.status == WIRE_STATUS_CONTINUE &&
                   msg.data_len > 0) {
            seen.n_data++;
            seen.data_len += msg.data_len;
            if (msg.data_len > seen.largest)
                seen.largest = msg.data_len;
        } else if (msg.header.status == WIRE_STATUS_CONTINUE) {
            seen.n_eof++;
        } else if (msg.header.status == WIRE_STATUS_OK) {
            seen.n_ok++;
        } else {
            seen.n_error++;
            wire_stream_error(&msg, &err);
            snprintf(seen.error, sizeof(seen.error), "%d:%d:%s", err.code,
                     err.domain, err.message);
        }
        wire_message_free(&msg);
        off += (size_t)n;
    }
    client.sent.len = 0;
    return seen;
}

/* Read what the guest's end has; -1 at end of file. */
static ssize_t
drain(int fd, size_t *total)
{
    static char buf[1 << 16];
    ssize_t n;

    *total = 0;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        *total += (size_t)n;
    return n == 0 ? -1 : (ssize_t)*total;
}

static void
fill(int fd, size_t len)
{
    char buf[4096];

    memset(buf, 'g', sizeof(buf));
    while (len > 0) {
        ssize_t n = write(fd, buf, len < sizeof(buf) ? len : sizeof(buf));

        if (n < 0) {
            run_ms(1);
            continue;
        }
        len -= (size_t)n;
    }
}

/* The console ended: the client was sent an empty data message and
 * nothing else (no error, no unasked confirmation); its finish is then
 * confirmed. */
static void
check_end(struct stream_set *set, uint32_t serial, const char *what)
{
    struct seen seen = take_sent();

    tap_ok(seen.n_eof == 1 && seen.n_ok == 0 && seen.n_error == 0,
           "%s: an empty data message (end of file), no more", what);
    if (seen.n_error > 0)
        tap_diag("error sent: %s", seen.error);
    receive(set, serial, WIRE_STATUS_OK, NULL, 0);
    run_ms(5);
    tap_is_int(take_sent().n_ok, 1, "... and the client's finish is "
               "confirmed");
}

/* ---- the checks ---------------------------------------------------------- */

static void
test_guest_output(struct stream_set *set)
{
    int guest = open_stream(set, 10);
    struct seen seen;

    write(guest, "hello", 5);
    run_ms(20);
    seen = take_sent();
    tap_ok(seen.n_data == 1 && seen.data_len == 5 && seen.serial == 10,
           "what the console says reaches the client as stream data of "
           "its serial");
    fill(guest, 600000);
    run_ms(50);
    seen = take_sent();
    tap_ok(seen.data_len == 600000 && seen.largest <= WIRE_STREAM_CHUNK_MAX,
           "600000 bytes go out whole, in messages of at most 262120 bytes "
           "(largest %zu)", seen.largest);
    close(guest);
    run_ms(20);
    check_end(set, 10, "the console's end");
}

static void
test_slow_client(struct stream_set *set)
{
    int guest = open_stream(set, 11);
    size_t total;

    /* The queue grows (by this stream or another reply): what was being
     * read goes out, then reading stops. */
    client.pending_out = STREAM_OUT_HIGH;
    write(guest, "first", 5);
    run_ms(20);
    take_sent();
    write(guest, "later", 5);
    run_ms(20);
    tap_is_int((int)take_sent().data_len, 0,
               "while the client has 1 MiB queued, the console is not read");
    client.pending_out = 0;
    stream_set_output_drained(set);
    run_ms(20);
    tap_is_int((int)take_sent().data_len, 5, "... and once it drained, it is");
    receive(set, 11, WIRE_STATUS_ERROR, NULL, 0);
    run_ms(20);
    tap_ok(take_sent().n_ok == 1 && drain(guest, &total) == -1,
           "an abort is confirmed at once and closes the console's fd");
    close(guest);
}

static void
test_client_input(struct stream_set *set)
{
    int guest = open_stream(set, 12);
    char *big = calloc(1, 3 << 20);
    size_t total = 0, got;
    int resumed = client.n_resumed;

    receive(set, 12, WIRE_STATUS_CONTINUE, "abc", 3);
    run_ms(10);
    tap_ok(drain(guest, &total) == 3, "the client's data is written to the "
           "console's fd");
    receive(set, 12, WIRE_STATUS_CONTINUE, big, 3 << 20);
    receive(set, 12, WIRE_STATUS_OK, NULL, 0);
    tap_ok(stream_set_is_backed_up(set),
           "3 MiB the console does not take: the client is not read");
    run_ms(10);
    tap_is_int(take_sent().n_ok, 0, "... and its finish waits for its data");
    for (total = 0; total < 3u << 20; total += got) {
        run_ms(2);
        if (drain(guest, &got) < 0) {
            total += got;
            break;
        }
    }
    run_ms(10);
    tap_ok(total == 3u << 20 && !stream_set_is_backed_up(set) &&
           client.n_resumed > resumed,
           "once the console took it all, the client is read again");
    tap_is_int(take_sent().n_ok, 1, "... and the finish is confirmed after "
               "the data");
    free(big);
    close(guest);
}

static void
test_errors(struct stream_set *set)
{
    int guest = open_stream(set, 13);
    struct seen seen;

    receive(set, 99, WIRE_STATUS_CONTINUE, "lost", 4);
    receive(set, 99, WIRE_STATUS_OK, NULL, 0);
    run_ms(10);
    tap_is_int((int)client.sent.len, 0,
               "messages for a stream nobody opened are dropped");
    close(guest);
    run_ms(10);
    take_sent();
    receive(set, 13, WIRE_STATUS_CONTINUE, "late", 4);
    run_ms(10);
    seen = take_sent();
    tap_is_str(seen.error, "38:38:cannot write to stream: Broken pipe",
               "data for a console that is gone: a stream error in "
               "libvirt's words");
    receive(set, 13, WIRE_STATUS_OK, NULL, 0);
    tap_is_int((int)client.sent.len, 0, "... after which the stream is gone");
}

/* A QEMU guest's console is a pty: when QEMU exits, the side the driver
 * opened polls as an error (POLLERR) yet reads end of file, and the client
 * must see the end of file, as libvirtd sends it. */
static void
test_pty_hangup(struct stream_set *set)
{
    remote_message_header hdr = call_header(15);
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    struct seen seen;
    int slave;

    grantpt(master);
    unlockpt(master);
    slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    stream_set_open(set, &hdr, slave);
    write(master, "boot\n", 5);
    run_ms(20);
    seen = take_sent();
    tap_ok(seen.n_data >= 1 && seen.data_len >= 5,
           "a pty console's output reaches the client");
    close(master);
    run_ms(20);
    check_end(set, 15, "the pty's other side gone");
}

static void
test_close(struct stream_set *set)
{
    int guest = open_stream(set, 14);
    size_t total;

    stream_set_close(set);
    run_ms(10);
    tap_ok(drain(guest, &total) == -1,
           "a client that goes away closes its consoles' fds");
    close(guest);
}

/* A hole from the client, as libvirt's client sends it. */
static void
receive_hole(struct stream_set *set, uint32_t serial, long long length)
{
    remote_message_header hdr = call_header(serial);
    struct wire_buffer buf = { 0 };
    struct wire_message msg;

    wire_encode_stream_hole(&buf, &hdr, length, 0);
    wire_decode(buf.data, buf.len, &msg);
    stream_set_receive(set, &msg);
    wire_message_free(&msg);
    wire_buffer_release(&buf);
}

static void
test_sparse_download(struct stream_set *set)
{
    int host = open_kind(set, 40, STREAM_SPARSE_DOWNLOAD);
    struct seen seen;

    sparse_record_send(host, SPARSE_RECORD_DATA, 3, "abc");
    sparse_record_send(host, SPARSE_RECORD_HOLE, 1 << 20, NULL);
    sparse_record_send(host, SPARSE_RECORD_DATA, 2, "de");
    close(host);
    run_ms(50);
    seen = take_sent();
    tap_ok(seen.n_data == 2 && seen.data_len == 5 && seen.n_holes == 1 &&
           seen.hole_len == 1 << 20 && seen.n_eof == 1,
           "a sparse download's records reach the client as data, one "
           "STREAM_HOLE of 1 MiB, and the end");
    receive(set, 40, WIRE_STATUS_OK, NULL, 0);
    run_ms(10);
    tap_is_int(take_sent().n_ok, 1, "and its finish is confirmed");
}

/* A plain download: the host side (a thread reading the volume's file)
 * sends data records, which reach the client as data; a read that fails
 * ends the stream with its words, as libvirtd's thread's error does. */
static void
test_plain_download(struct stream_set *set)
{
    int host = open_kind(set, 47, STREAM_PLAIN_DOWNLOAD);
    struct seen seen;

    sparse_record_send(host, SPARSE_RECORD_DATA, 3, "abc");
    sparse_record_send(host, SPARSE_RECORD_DATA, 4, "defg");
    close(host);
    run_ms(50);
    seen = take_sent();
    tap_ok(seen.n_data == 2 && seen.data_len == 7 && seen.n_eof == 1 &&
           seen.n_error == 0,
           "a plain download's data records reach the client as data, "
           "then the end");
    receive(set, 47, WIRE_STATUS_OK, NULL, 0);
    run_ms(10);
    tap_is_int(take_sent().n_ok, 1, "and its finish is confirmed");

    host = open_kind(set, 48, STREAM_PLAIN_DOWNLOAD);
    sparse_record_send(host, SPARSE_RECORD_DATA, 2, "ab");
    sparse_record_send(host, SPARSE_RECORD_ERROR, 33,
                       "Unable to read /v: Is a directory");
    run_ms(50);
    seen = take_sent();
    tap_ok(seen.n_data == 1 && seen.n_eof == 0 &&
           strcmp(seen.error, "38:38:Unable to read /v: Is a directory") == 0,
           "a plain download whose read failed ends with the host side's "
           "words, never with an end of file");
    close(host);
}

/* The records the host side of a sparse upload got, as "D3 H4096 ...". */
static void
read_records(int host, char *log, size_t size)
{
    struct sparse_reader r = { 0 };
    struct sparse_record rec;

    log[0] = '\0';
    while (sparse_reader_read(&r, host, &rec) == SPARSE_READ_RECORD)
        snprintf(log + strlen(log), size - strlen(log), "%s%c%llu",
                 log[0] != '\0' ? " " : "",
                 rec.type == SPARSE_RECORD_HOLE ? 'H' : 'D',
                 (unsigned long long)rec.length);
    sparse_reader_release(&r);
}

static void
test_sparse_upload(struct stream_set *set)
{
    int host = open_kind(set, 41, STREAM_SPARSE_UPLOAD);
    char log[64];

    receive(set, 41, WIRE_STATUS_CONTINUE, "xyz", 3);
    receive_hole(set, 41, 4096);
    receive(set, 41, WIRE_STATUS_CONTINUE, "w", 1);
    receive(set, 41, WIRE_STATUS_OK, NULL, 0);
    run_ms(20);
    read_records(host, log, sizeof(log));
    tap_is_str(log, "D3 H4096 D1",
               "a sparse upload's data and hole reach the host side as "
               "records, in order");
    tap_is_int(take_sent().n_ok, 0,
               "its finish waits for the host side's verdict");
    close(host);
    run_ms(20);
    tap_is_int(take_sent().n_ok, 1,
               "which its close gives: the finish is confirmed");

    host = open_kind(set, 42, STREAM_SPARSE_UPLOAD);
    sparse_record_send(host, SPARSE_RECORD_ERROR, 47,
                       "cannot write to stream: No space left on device");
    run_ms(20);
    tap_is_str(take_sent().error,
               "38:38:cannot write to stream: No space left on device",
               "the host side's error record ends the stream with its "
               "words");
    close(host);
}

/* A plain upload: the host side (a thread writing the volume's file) may
 * still be writing when the client's data is all out; the finish is
 * confirmed once it has closed its end, as libvirtd waits for its
 * thread, and a write that failed ends the stream with its words. */
static void
test_plain_upload(struct stream_set *set)
{
    int host = open_kind(set, 44, STREAM_PLAIN_UPLOAD);
    char log[64];

    receive(set, 44, WIRE_STATUS_CONTINUE, "abcd", 4);
    receive(set, 44, WIRE_STATUS_CONTINUE, "ef", 2);
    receive(set, 44, WIRE_STATUS_OK, NULL, 0);
    run_ms(20);
    read_records(host, log, sizeof(log));
    tap_is_str(log, "D4 D2",
               "a plain upload's data reaches the host side, a record "
               "per message, then its end");
    tap_is_int(take_sent().n_ok, 0,
               "its finish waits for the host side to close");
    close(host);
    run_ms(20);
    tap_is_int(take_sent().n_ok, 1, "which confirms it");

    /* A host side that ended early closes before the client's finish
     * arrives. */
    host = open_kind(set, 45, STREAM_PLAIN_UPLOAD);
    close(host);
    run_ms(20);
    receive(set, 45, WIRE_STATUS_OK, NULL, 0);
    run_ms(20);
    tap_is_int(take_sent().n_ok, 1,
               "a host side that closed first: the finish is confirmed");

    host = open_kind(set, 46, STREAM_PLAIN_UPLOAD);
    receive(set, 46, WIRE_STATUS_CONTINUE, "abcd", 4);
    receive(set, 46, WIRE_STATUS_OK, NULL, 0);
    run_ms(20);
    read_records(host, log, sizeof(log));
    sparse_record_send(host, SPARSE_RECORD_ERROR, 29,
                       "Unable to write /v: No space");
    close(host);
    run_ms(20);
    {
        struct seen sent = take_sent();

        tap_is_str(sent.error, "38:38:Unable to write /v: No space",
                   "a plain upload whose host side failed after the "
                   "client's finish ends with the host side's words");
        tap_is_int(sent.n_ok, 0, "and its finish is not confirmed");
    }
}

static void
test_unexpected_hole(struct stream_set *set)
{
    int guest = open_stream(set, 43);

    receive_hole(set, 43, 4096);
    run_ms(10);
    tap_is_str(take_sent().error, "39:38:Unexpected stream hole",
               "a hole on a stream not opened sparse ends it, as with "
               "libvirtd");
    close(guest);
}

int
main(void)
{
    struct stream_set *set;

    tap_plan(35);
    signal(SIGPIPE, SIG_IGN);        /* as vireod */
    uv_impl_register();
    set = stream_set_new(&client);
    test_guest_output(set);
    test_slow_client(set);
    test_client_input(set);
    test_errors(set);
    test_pty_hangup(set);
    test_sparse_download(set);
    test_sparse_upload(set);
    test_plain_upload(set);
    test_plain_download(set);
    test_unexpected_hole(set);
    test_close(set);
    stream_set_free(set);
    run_ms(10);
    wire_buffer_release(&client.sent);
    return tap_done();
}
