/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-sparse-frame.c: the records of a sparse transfer's socket, written
 * and read back whole, piece by piece and broken; and the data and holes
 * of a real sparse file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/sparse_frame.h"
#include "tests/tap.h"

static void
make_pair(int pair[2], bool is_nonblocking)
{
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
        abort();
    if (is_nonblocking)
        fcntl(pair[0], F_SETFL, O_NONBLOCK);
}

static bool
is_record(const struct sparse_record *rec, enum sparse_record_type type,
          uint64_t length, const char *data)
{
    return rec->type == type && rec->length == length &&
           (data == NULL ? rec->data == NULL
                         : memcmp(rec->data, data, length) == 0);
}

static void
check_whole_records(void)
{
    struct sparse_reader r = { 0 };
    struct sparse_record rec;
    int pair[2];

    make_pair(pair, true);
    sparse_record_send(pair[1], SPARSE_RECORD_DATA, 3, "abc");
    sparse_record_send(pair[1], SPARSE_RECORD_HOLE, 5ULL << 32, NULL);
    sparse_record_send(pair[1], SPARSE_RECORD_ERROR, 4, "full");
    tap_ok(sparse_reader_read(&r, pair[0], &rec) == SPARSE_READ_RECORD &&
           is_record(&rec, SPARSE_RECORD_DATA, 3, "abc"),
           "a data record reads back with its bytes");
    tap_ok(sparse_reader_read(&r, pair[0], &rec) == SPARSE_READ_RECORD &&
           is_record(&rec, SPARSE_RECORD_HOLE, 5ULL << 32, NULL),
           "a hole of 20 GiB reads back as its length alone");
    tap_ok(sparse_reader_read(&r, pair[0], &rec) == SPARSE_READ_RECORD &&
           is_record(&rec, SPARSE_RECORD_ERROR, 4, "full"),
           "an error record reads back with its text");
    tap_is_int(sparse_reader_read(&r, pair[0], &rec), SPARSE_READ_AGAIN,
               "an empty non-blocking socket says to come back later");
    close(pair[1]);
    tap_is_int(sparse_reader_read(&r, pair[0], &rec), SPARSE_READ_END,
               "the writer's close between records is the end");
    close(pair[0]);
    sparse_reader_release(&r);
}

static void
check_piecewise(void)
{
    struct sparse_reader r = { 0 };
    struct sparse_record rec;
    uint8_t header[SPARSE_HEADER_LEN];
    enum sparse_read_result res = SPARSE_READ_AGAIN;
    int pair[2];
    size_t i;

    make_pair(pair, true);
    sparse_header_encode(header, SPARSE_RECORD_DATA, 2);
    for (i = 0; i < sizeof(header) && res == SPARSE_READ_AGAIN; i++) {
        if (write(pair[1], header + i, 1) != 1)
            abort();
        res = sparse_reader_read(&r, pair[0], &rec);
    }
    tap_ok(res == SPARSE_READ_AGAIN && i == sizeof(header),
           "a header arriving a byte at a time is waited for");
    if (write(pair[1], "x", 1) != 1)
        abort();
    tap_is_int(sparse_reader_read(&r, pair[0], &rec), SPARSE_READ_AGAIN,
               "and so is a body that is half there");
    if (write(pair[1], "y", 1) != 1)
        abort();
    tap_ok(sparse_reader_read(&r, pair[0], &rec) == SPARSE_READ_RECORD &&
           is_record(&rec, SPARSE_RECORD_DATA, 2, "xy"),
           "the record is whole once its last byte came");
    if (write(pair[1], header, 5) != 5)
        abort();
    close(pair[1]);
    res = sparse_reader_read(&r, pair[0], &rec);
    tap_ok(res == SPARSE_READ_FAILED && errno == EPROTO,
           "an end inside a record is a protocol error, not an end");
    close(pair[0]);
    sparse_reader_release(&r);
}

static void
check_bad_headers(void)
{
    struct sparse_reader r = { 0 };
    struct sparse_record rec;
    uint8_t header[SPARSE_HEADER_LEN];
    enum sparse_read_result res;
    int pair[2];

    make_pair(pair, false);
    sparse_header_encode(header, SPARSE_RECORD_DATA, SPARSE_DATA_MAX + 1);
    if (write(pair[1], header, sizeof(header)) != sizeof(header))
        abort();
    res = sparse_reader_read(&r, pair[0], &rec);
    tap_ok(res == SPARSE_READ_FAILED && errno == EPROTO,
           "a data record longer than a stream message is refused");
    sparse_reader_release(&r);
    sparse_header_encode(header, (enum sparse_record_type)9, 0);
    if (write(pair[1], header, sizeof(header)) != sizeof(header))
        abort();
    res = sparse_reader_read(&r, pair[0], &rec);
    tap_ok(res == SPARSE_READ_FAILED && errno == EPROTO,
           "a record of no known type is refused");
    close(pair[0]);
    close(pair[1]);
    sparse_reader_release(&r);
}

/* A file with data at 0 and at 1 MiB, 4 KiB each, 3 MiB long: holes
 * between them and to its end. */
static int
make_sparse_file(void)
{
    char path[] = "/tmp/test-sparse-frame.XXXXXX";
    char block[4096];
    int fd = mkstemp(path);

    if (fd < 0)
        abort();
    unlink(path);
    memset(block, 'd', sizeof(block));
    if (pwrite(fd, block, sizeof(block), 0) != sizeof(block) ||
        pwrite(fd, block, sizeof(block), 1 << 20) != sizeof(block) ||
        ftruncate(fd, 3 << 20) < 0)
        abort();
    return fd;
}

static bool
is_extent(int fd, off_t pos, bool want_data, off_t want_len)
{
    bool is_data = !want_data;
    off_t len = -1;

    return sparse_extent(fd, pos, &is_data, &len) == 0 &&
           is_data == want_data && len == want_len;
}

static void
check_extents(void)
{
    int fd = make_sparse_file();

    tap_ok(is_extent(fd, 0, true, 4096),
           "a sparse file starts with its 4 KiB of data");
    tap_ok(is_extent(fd, 4096, false, (1 << 20) - 4096),
           "then a hole up to 1 MiB");
    tap_ok(is_extent(fd, 1000, true, 3096),
           "from inside the data, the rest of the data counts");
    tap_ok(is_extent(fd, 1 << 20, true, 4096),
           "the second piece of data is found at 1 MiB");
    tap_ok(is_extent(fd, (1 << 20) + 4096, false, (2 << 20) - 4096),
           "a hole that runs to the end counts up to the end");
    tap_ok(is_extent(fd, 3 << 20, false, 0) &&
           is_extent(fd, 4 << 20, false, 0),
           "at and past the end, nothing is left");
    close(fd);
}

int
main(void)
{
    tap_plan(17);
    check_whole_records();
    check_piecewise();
    check_bad_headers();
    check_extents();
    return tap_done();
}
