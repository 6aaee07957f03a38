/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-stream.c: the public stream calls' checks, on the in-process test
 * driver, whose volumes have no streams (libvirt's test driver has none
 * either). The expected words are libvirt 9.0's, as python3-libvirt gets
 * them from test:///default; as there, connections of one process share
 * the default state, so a read-only one sees the volume made here.
 */
#include <stdlib.h>

#include "api-test.h"

#define NO_SUPPORT "this function is not supported by the connection " \
                   "driver: "

static struct vireo_storage_vol *
make_vol(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(conn, "default-pool", &err);
    struct vireo_storage_vol *vol = vireo_storage_vol_create_xml(
        pool, "<volume><name>u.img</name><capacity>1048576</capacity>"
              "</volume>", 0, &err);

    vireo_storage_pool_free(pool);
    return vol;
}

static void
test_unopened(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_stream *st = vireo_stream_new(conn, 0, &err);
    long long hole = 0;
    char buf[8];

    tap_ok(st != NULL, "a stream is made on a connection");
    vireo_stream_send(st, "abc", 3, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamSend",
             "send on a stream no call opened is not supported");
    vireo_stream_recv(st, buf, sizeof(buf), &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamRecv",
             "nor recv");
    vireo_stream_finish(st, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamFinish",
             "nor finish");
    vireo_stream_send_hole(st, 4096, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamSendHole",
             "nor sending a hole");
    vireo_stream_recv_flags(st, buf, sizeof(buf),
                            VIR_STREAM_RECV_STOP_AT_HOLE, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamRecvFlags",
             "nor receiving up to a hole");
    vireo_stream_recv_hole(st, &hole, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamRecvHole",
             "nor taking one");
    tap_is_int(vireo_stream_abort(st, &err), 0,
               "but abort succeeds, as libvirt's");
    vireo_stream_free(st);
    vireo_stream_free(NULL);
}

static void
test_volume_calls(struct vireo_conn *conn, struct vireo_storage_vol *vol)
{
    struct vireo_error err = { 0 };
    struct vireo_stream *st = vireo_stream_new(conn, 0, &err);
    struct vireo_conn *other = vireo_conn_open("test:///default", 0, &err);
    struct vireo_stream *elsewhere = vireo_stream_new(other, 0, &err);

    vireo_storage_vol_upload(vol, st, 0, 0, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStorageVolUpload",
             "the test driver has no volume upload");
    vireo_storage_vol_download(vol, st, 0, 0, 0, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStorageVolDownload",
             "nor download");
    vireo_storage_vol_download(vol, elsewhere, 0, 0, 0, &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "stream in virStorageVolDownload must match connection of "
             "volume 'u.img'",
             "a stream of another connection is refused");
    vireo_storage_vol_upload(vol, NULL, 0, 0, 0, &err);
    is_error(&err, VIR_ERR_INVALID_STREAM,
             "invalid stream pointer in virStorageVolUpload",
             "so is no stream");
    vireo_stream_free(elsewhere);
    vireo_stream_free(st);
    vireo_conn_close(other);
}

static void
test_read_only(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *ro = vireo_conn_open("test:///default",
                                             VIREO_CONNECT_RO, &err);
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(ro, "default-pool", &err);
    struct vireo_storage_vol *vol = vireo_storage_vol_lookup_by_name(
        pool, "u.img", &err);
    struct vireo_stream *st = vireo_stream_new(ro, 0, &err);

    vireo_storage_vol_upload(vol, st, 0, 0, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED,
             "operation forbidden: read only access prevents "
             "virStorageVolUpload",
             "a read-only connection cannot upload");
    vireo_stream_free(st);
    vireo_storage_vol_free(vol);
    vireo_storage_pool_free(pool);
    vireo_conn_close(ro);
}

static int
no_source(struct vireo_stream *st, char *data, size_t nbytes, void *opaque)
{
    (void)st, (void)data, (void)nbytes, (void)opaque;
    return 0;
}

static int
no_sink(struct vireo_stream *st, const char *data, size_t nbytes,
        void *opaque)
{
    (void)st, (void)data, (void)nbytes, (void)opaque;
    return 0;
}

static void
no_event(struct vireo_stream *st, int events, void *opaque)
{
    (void)st, (void)events, (void)opaque;
}

/* A non-blocking stream: its events need a driver that opened it, and
 * the whole-data helpers refuse it before looking for one, as libvirt's
 * do (python3-libvirt on test:///default gave the words). */
static void
test_nonblocking(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_stream *st = vireo_stream_new(conn, VIREO_STREAM_NONBLOCK,
                                               &err);

    tap_ok(st != NULL, "a non-blocking stream is made");
    vireo_stream_event_add_callback(st, VIREO_STREAM_EVENT_READABLE,
                                    no_event, NULL, NULL, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT, NO_SUPPORT "virStreamEventAddCallback",
             "a stream no call opened takes no event callback");
    vireo_stream_event_update_callback(st, VIREO_STREAM_EVENT_WRITABLE,
                                       &err);
    is_error(&err, VIR_ERR_NO_SUPPORT,
             NO_SUPPORT "virStreamEventUpdateCallback",
             "nor updates one");
    vireo_stream_event_remove_callback(st, &err);
    is_error(&err, VIR_ERR_NO_SUPPORT,
             NO_SUPPORT "virStreamEventRemoveCallback",
             "nor removes one");
    vireo_stream_send_all(st, no_source, NULL, &err);
    is_error(&err, VIR_ERR_OPERATION_INVALID, "Requested operation is not "
             "valid: data sources cannot be used for non-blocking streams",
             "send_all refuses a non-blocking stream");
    vireo_stream_recv_all(st, no_sink, NULL, &err);
    is_error(&err, VIR_ERR_OPERATION_INVALID, "Requested operation is not "
             "valid: data sinks cannot be used for non-blocking streams",
             "and so does recv_all");
    vireo_stream_free(st);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    struct vireo_storage_vol *vol;

    tap_plan(20);
    conn = vireo_conn_open("test:///default", 0, &err);
    vol = make_vol(conn);
    test_unopened(conn);
    test_volume_calls(conn, vol);
    test_read_only();
    test_nonblocking(conn);
    tap_ok(vireo_stream_new(NULL, 0, &err) == NULL,
           "no stream without a connection");
    vireo_storage_vol_free(vol);
    vireo_conn_close(conn);
    return tap_done();
}
