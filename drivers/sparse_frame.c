/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sparse_frame.c: the records of a sparse transfer's socket, and where a
 * file's data and holes are (sparse_frame.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/fd_io.h"
#include "drivers/sparse_frame.h"

static void
put_be(uint8_t *p, uint64_t v, int n_bytes)
{
    for (int i = n_bytes - 1; i >= 0; i--, v >>= 8)
        p[i] = (uint8_t)v;
}

static uint64_t
get_be(const uint8_t *p, int n_bytes)
{
    uint64_t v = 0;

    for (int i = 0; i < n_bytes; i++)
        v = v << 8 | p[i];
    return v;
}

void
sparse_header_encode(uint8_t out[SPARSE_HEADER_LEN],
                     enum sparse_record_type type, uint64_t length)
{
    put_be(out, (uint64_t)type, 4);
    put_be(out + 4, length, 8);
}

bool
sparse_record_send(int fd, enum sparse_record_type type, uint64_t length,
                   const void *data)
{
    uint8_t header[SPARSE_HEADER_LEN];

    sparse_header_encode(header, type, length);
    /* The daemon may close its end at any time (its client went away). */
    return fd_send_all(fd, header, sizeof(header)) &&
           (type == SPARSE_RECORD_HOLE || fd_send_all(fd, data, length));
}

/* Read into p up to want bytes. Returns what read(2) returned, EINTR
 * retried. */
static ssize_t
read_some(int fd, uint8_t *p, size_t want)
{
    ssize_t n;

    do
        n = read(fd, p, want);
    while (n < 0 && errno == EINTR);
    return n;
}

static enum sparse_read_result
fail(int errnum)
{
    errno = errnum;
    return SPARSE_READ_FAILED;
}

/* The header is whole: check it, and make room for its body. */
static enum sparse_read_result
take_header(struct sparse_reader *r)
{
    uint64_t type = get_be(r->header, 4);

    r->length = get_be(r->header + 4, 8);
    if ((type == SPARSE_RECORD_DATA && r->length > SPARSE_DATA_MAX) ||
        (type == SPARSE_RECORD_ERROR && r->length > SPARSE_ERROR_MAX) ||
        (type != SPARSE_RECORD_DATA && type != SPARSE_RECORD_HOLE &&
         type != SPARSE_RECORD_ERROR))
        return fail(EPROTO);
    r->type = (enum sparse_record_type)type;
    r->has_header = true;
    r->body_len = 0;
    if (r->type != SPARSE_RECORD_HOLE && r->body == NULL &&
        (r->body = malloc(SPARSE_DATA_MAX)) == NULL)
        return fail(ENOMEM);
    return SPARSE_READ_RECORD;
}

/* One read toward the current record: the header, then its body. */
static enum sparse_read_result
read_step(struct sparse_reader *r, int fd)
{
    bool is_header = !r->has_header;
    uint8_t *p = is_header ? r->header + r->header_len
                           : r->body + r->body_len;
    size_t want = is_header ? SPARSE_HEADER_LEN - r->header_len
                            : (size_t)r->length - r->body_len;
    ssize_t n = read_some(fd, p, want);

    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK ? SPARSE_READ_AGAIN
                                                      : SPARSE_READ_FAILED;
    if (n == 0)
        return is_header && r->header_len == 0 ? SPARSE_READ_END
                                               : fail(EPROTO);
    if (!is_header) {
        r->body_len += (size_t)n;
        return SPARSE_READ_RECORD;
    }
    r->header_len += (size_t)n;
    return r->header_len < SPARSE_HEADER_LEN ? SPARSE_READ_RECORD
                                             : take_header(r);
}

static bool
is_whole(const struct sparse_reader *r)
{
    return r->has_header &&
           (r->type == SPARSE_RECORD_HOLE || r->body_len == r->length);
}

enum sparse_read_result
sparse_reader_read(struct sparse_reader *r, int fd, struct sparse_record *rec)
{
    while (!is_whole(r)) {
        enum sparse_read_result res = read_step(r, fd);

        if (res != SPARSE_READ_RECORD)
            return res;
    }
    rec->type = r->type;
    rec->length = r->length;
    rec->data = r->type == SPARSE_RECORD_HOLE ? NULL : r->body;
    r->has_header = false;
    r->header_len = 0;
    return SPARSE_READ_RECORD;
}

void
sparse_reader_release(struct sparse_reader *r)
{
    free(r->body);
    r->body = NULL;
    r->has_header = false;
    r->header_len = r->body_len = 0;
}

int
sparse_extent(int fd, off_t pos, bool *is_data, off_t *length)
{
    off_t data = lseek(fd, pos, SEEK_DATA);
    off_t hole;
    struct stat st;

    if (data < 0) {
        /* ENXIO: no data from pos on, a hole to the end (or the end). */
        if (errno != ENXIO || fstat(fd, &st) < 0)
            return -1;
        *is_data = false;
        *length = st.st_size > pos ? st.st_size - pos : 0;
        return 0;
    }
    if (data > pos) {
        *is_data = false;
        *length = data - pos;
        return 0;
    }
    hole = lseek(fd, pos, SEEK_HOLE);
    if (hole < 0)
        return -1;
    *is_data = true;
    *length = hole - pos;
    return 0;
}
