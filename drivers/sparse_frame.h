/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sparse_frame.h: what a sparse volume transfer needs on the host side.
 *
 * A driver hands vireod's stream pump an fd (a socket); for a plain
 * transfer the fd carries the volume's bytes. For a sparse one (libvirt's
 * VIR_STORAGE_VOL_*_SPARSE_STREAM) it carries records instead, so that a
 * hole crosses as a length and never as zeros:
 *
 *   header  12 bytes: type (u32), length (u64), both big-endian
 *   DATA    length bytes of data follow (at most SPARSE_DATA_MAX)
 *   HOLE    nothing follows: length bytes of zeros are skipped
 *   ERROR   length bytes of text follow (at most SPARSE_ERROR_MAX): the
 *           host side failed and says why; nothing follows it
 *
 * The end of the socket between records is the end of the data. The
 * daemon turns DATA and HOLE records into libvirt's STREAM and
 * STREAM_HOLE messages and back.
 *
 * Also here: finding where a file's data and holes are (libvirt's
 * virFileInData), for the side that reads the volume.
 *
 * No state of its own; a struct sparse_reader belongs to whoever reads.
 * Any thread.
 */
#ifndef VIREO_DRIVERS_SPARSE_FRAME_H
#define VIREO_DRIVERS_SPARSE_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum sparse_record_type {
    SPARSE_RECORD_DATA  = 1,
    SPARSE_RECORD_HOLE  = 2,
    SPARSE_RECORD_ERROR = 3,
};

enum {
    SPARSE_HEADER_LEN = 12,
    /* As the daemon's stream messages: one DATA record, one message. */
    SPARSE_DATA_MAX   = 262120,
    SPARSE_ERROR_MAX  = 255,
};

/* The header of a record of type and length. */
void sparse_header_encode(uint8_t out[SPARSE_HEADER_LEN],
                          enum sparse_record_type type, uint64_t length);

/* Write one record (data: length bytes for DATA and ERROR, NULL for
 * HOLE) to a blocking socket, without SIGPIPE when the reader went away.
 * true, or false with errno set. */
bool sparse_record_send(int fd, enum sparse_record_type type,
                        uint64_t length, const void *data);

/* A record read back. data points into the reader (DATA, ERROR) and
 * lives until the next read. */
struct sparse_record {
    enum sparse_record_type type;
    uint64_t                length;
    const uint8_t          *data;
};

/* Reassembles records from a socket read piece by piece (blocking or
 * not). Owned by the one thread that reads. */
struct sparse_reader {
    uint8_t  header[SPARSE_HEADER_LEN];
    size_t   header_len;       /* bytes of header read so far */
    bool     has_header;       /* header decoded into type and length */
    enum sparse_record_type type;
    uint64_t length;
    uint8_t *body;             /* SPARSE_DATA_MAX bytes, made on demand */
    size_t   body_len;         /* bytes of the body read so far */
};

enum sparse_read_result {
    SPARSE_READ_RECORD,        /* *rec holds a whole record */
    SPARSE_READ_AGAIN,         /* a non-blocking fd has nothing more now */
    SPARSE_READ_END,           /* the fd ended between two records */
    SPARSE_READ_FAILED,        /* errno: the read's, ENOMEM, or EPROTO for
                                  a bad record or an end inside one */
};

/* Read from fd until a record is whole (or as far as fd allows). */
enum sparse_read_result sparse_reader_read(struct sparse_reader *r, int fd,
                                           struct sparse_record *rec);

/* Release the reader's buffer; the reader may be used again. */
void sparse_reader_release(struct sparse_reader *r);

/* libvirt's virFileInData at pos: *is_data says whether pos is in data or
 * in a hole, *length how many bytes the section has from pos on (0 at or
 * past the end of the file; a hole that runs to the end counts up to the
 * end). fd's offset is moved: read and write it with pread and pwrite.
 * 0, or -1 with errno set. */
int sparse_extent(int fd, off_t pos, bool *is_data, off_t *length);

#endif /* VIREO_DRIVERS_SPARSE_FRAME_H */
