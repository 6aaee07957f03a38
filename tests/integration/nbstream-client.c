/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nbstream-client.c: a volume uploaded or downloaded through a
 * non-blocking stream (VIREO_STREAM_NONBLOCK) driven by its event
 * callback on vireo's default event loop, as an application does it:
 *
 *   nbstream-client URI POOL VOLUME upload FILE
 *   nbstream-client URI POOL VOLUME download FILE LENGTH
 *
 * It prints a transcript of what is deterministic (the answers of the
 * stream event calls, which events the callback saw, whether a send or
 * recv made in the callback would have blocked, the bytes moved), which
 * nbstream_client.py prints alike through python3-libvirt:
 * test-nbstream.sh compares the two against vireod and libvirtd. Lines
 * starting "c-only:" are what python cannot see (the free function).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/vireo.h"

/* Bytes per send and recv: whole messages, so that each send in a
 * WRITABLE callback goes out whole. */
#define CHUNK 65536
/* Loop iterations run with a callback whose events do not stand. */
#define IDLE_ITERATIONS 5

/* What the callback does and saw. Loop thread only. */
struct transfer {
    int       fd;             /* the local file */
    bool      is_upload;
    long long n_moved;        /* bytes sent or received */
    int       n_calls;        /* callbacks run */
    int       n_other_events; /* callbacks with other events than asked */
    int       n_would_block;  /* -2 from send or recv in a callback */
    int       n_free;         /* the free function's runs */
    bool      is_done;
    char      outcome[VIREO_ERROR_MESSAGE_MAX + 64];  /* how it ended */
};

static void
print_result(const char *what, int rc, const struct vireo_error *err)
{
    if (rc == -1)
        printf("%s: error: %s\n", what, err->message);
    else
        printf("%s: %d\n", what, rc);
}

static void
end_transfer(struct vireo_stream *st, struct transfer *t, const char *how)
{
    struct vireo_error err = { 0 };
    int rc = vireo_stream_finish(st, &err);

    snprintf(t->outcome, sizeof(t->outcome), "%s, finish: %s", how,
             rc < 0 ? err.message : "0");
    rc = vireo_stream_event_remove_callback(st, &err);
    if (rc < 0)
        snprintf(t->outcome, sizeof(t->outcome), "remove: %s", err.message);
    t->is_done = true;
}

static void
fail_transfer(struct vireo_stream *st, struct transfer *t, const char *what,
              const struct vireo_error *err)
{
    struct vireo_error ignored = { 0 };

    snprintf(t->outcome, sizeof(t->outcome), "%s failed: %s", what,
             err->message);
    vireo_stream_event_remove_callback(st, &ignored);
    vireo_stream_abort(st, &ignored);
    t->is_done = true;
}

/* WRITABLE: one chunk of the file, or the end of the upload. */
static void
send_chunk(struct vireo_stream *st, struct transfer *t)
{
    struct vireo_error err = { 0 };
    char buf[CHUNK];
    ssize_t n = read(t->fd, buf, sizeof(buf));
    int rc;

    if (n <= 0) {
        end_transfer(st, t, n == 0 ? "end of file" : strerror(errno));
        return;
    }
    rc = vireo_stream_send(st, buf, (size_t)n, &err);
    if (rc == -2) {
        t->n_would_block++;
        lseek(t->fd, -n, SEEK_CUR);
    } else if (rc < 0) {
        fail_transfer(st, t, "send", &err);
    } else {
        t->n_moved += rc;
        lseek(t->fd, rc - n, SEEK_CUR);
    }
}

/* READABLE: what came, or the end of the download. */
static void
recv_chunk(struct vireo_stream *st, struct transfer *t)
{
    struct vireo_error err = { 0 };
    char buf[CHUNK];
    int rc = vireo_stream_recv(st, buf, sizeof(buf), &err);

    if (rc == -2)
        t->n_would_block++;
    else if (rc < 0)
        fail_transfer(st, t, "recv", &err);
    else if (rc == 0)
        end_transfer(st, t, "end of data");
    else if (write(t->fd, buf, (size_t)rc) != rc)
        fail_transfer(st, t, "write", &(struct vireo_error){ .message =
                                                             "short write" });
    else
        t->n_moved += rc;
}

static void
on_event(struct vireo_stream *st, int events, void *opaque)
{
    struct transfer *t = opaque;
    int wanted = t->is_upload ? VIREO_STREAM_EVENT_WRITABLE
                              : VIREO_STREAM_EVENT_READABLE;

    t->n_calls++;
    if (events != wanted)
        t->n_other_events++;
    if (t->is_done)
        return;
    if (t->is_upload)
        send_chunk(st, t);
    else
        recv_chunk(st, t);
}

static void
on_free(void *opaque)
{
    struct transfer *t = opaque;

    t->n_free++;
}

static void
on_tick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

/* Run n iterations of the loop; a timer makes sure each one ends. */
static void
run_iterations(int n)
{
    struct vireo_error err = { 0 };
    int timer = vireo_event_add_timeout(10, on_tick, NULL, NULL);

    for (int i = 0; i < n; i++)
        vireo_event_run_default_impl(&err);
    vireo_event_remove_timeout(timer);
}

/* The calls' answers before the transfer: a second callback refused, and
 * a mask whose event does not stand calls nothing. */
static void
check_registration(struct vireo_stream *st, struct transfer *t)
{
    struct vireo_error err = { 0 };
    int idle_mask = t->is_upload ? VIREO_STREAM_EVENT_READABLE : 0;
    int wanted = t->is_upload ? VIREO_STREAM_EVENT_WRITABLE
                              : VIREO_STREAM_EVENT_READABLE;
    int rc;

    rc = vireo_stream_event_add_callback(st, idle_mask, on_event, t, on_free,
                                         &err);
    print_result("add callback", rc, &err);
    rc = vireo_stream_event_add_callback(st, wanted, on_event, t, NULL, &err);
    print_result("add a second callback", rc, &err);
    run_iterations(IDLE_ITERATIONS);
    printf("callbacks while no asked event stands: %d\n", t->n_calls);
    rc = vireo_stream_event_update_callback(st, wanted, &err);
    print_result("update callback", rc, &err);
}

static int
transfer(struct vireo_conn *conn, char **argv)
{
    struct vireo_error err = { 0 };
    struct transfer t = { .is_upload = strcmp(argv[4], "upload") == 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(conn, argv[2], &err);
    struct vireo_storage_vol *vol =
        pool != NULL ? vireo_storage_vol_lookup_by_name(pool, argv[3], &err)
                     : NULL;
    struct vireo_stream *st = vireo_stream_new(conn, VIREO_STREAM_NONBLOCK,
                                               &err);
    char buf[16];
    int rc;

    t.fd = t.is_upload ? open(argv[5], O_RDONLY)
                       : open(argv[5], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (vol == NULL || st == NULL || t.fd < 0) {
        fprintf(stderr, "setup failed: %s\n", err.message);
        return 1;
    }
    rc = t.is_upload ? vireo_storage_vol_upload(vol, st, 0, 0, 0, &err)
                     : vireo_storage_vol_download(vol, st, 0,
                                                  strtoull(argv[6], NULL, 10),
                                                  0, &err);
    print_result(argv[4], rc, &err);
    if (rc < 0)
        return 1;
    if (t.is_upload) {
        rc = vireo_stream_recv(st, buf, sizeof(buf), &err);
        print_result("recv on the upload stream", rc, &err);
    }
    check_registration(st, &t);
    while (!t.is_done)
        vireo_event_run_default_impl(&err);
    printf("%s\n", t.outcome);
    printf("bytes moved: %lld\n", t.n_moved);
    printf("callbacks with other events than asked: %d\n", t.n_other_events);
    printf("would-block answers in callbacks: %d\n", t.n_would_block);
    if (t.is_upload)
        printf("callbacks: %d\n", t.n_calls);
    rc = vireo_stream_event_remove_callback(st, &err);
    print_result("remove again", rc, &err);
    rc = vireo_stream_event_update_callback(st, 0, &err);
    print_result("update without a callback", rc, &err);
    printf("c-only: free function runs: %d\n", t.n_free);
    close(t.fd);
    vireo_stream_free(st);
    vireo_storage_vol_free(vol);
    vireo_storage_pool_free(pool);
    return 0;
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    int rc;

    if (argc < 6 || (strcmp(argv[4], "download") == 0 && argc < 7)) {
        fprintf(stderr, "usage: %s URI POOL VOLUME upload FILE\n"
                        "       %s URI POOL VOLUME download FILE LENGTH\n",
                argv[0], argv[0]);
        return 2;
    }
    if (vireo_event_register_default_impl(&err) < 0 ||
        (conn = vireo_conn_open(argv[1], 0, &err)) == NULL) {
        fprintf(stderr, "cannot connect: %s\n", err.message);
        return 1;
    }
    rc = transfer(conn, argv);
    vireo_conn_close(conn);
    run_iterations(2);     /* the loop lets go of the connection */
    return rc;
}
