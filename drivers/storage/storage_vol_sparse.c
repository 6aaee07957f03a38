/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_sparse.c: volume uploads and downloads, sparse (libvirt's
 * VIR_STORAGE_VOL_*_SPARSE_STREAM) or plain. The daemon's stream pump
 * gets one end of a socket pair; a thread of the transfer's own moves the
 * data between the other end and the volume's file with blocking I/O, as
 * libvirt's fd-stream thread does for libvirtd: a regular file cannot be
 * watched on a loop, holes must be found (SEEK_DATA, SEEK_HOLE) and made
 * as they come, and a read or write that fails must say why. The socket
 * speaks drivers/sparse_frame.h's records both ways; a plain transfer is
 * one whose records are all data.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/sparse_frame.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_vol_sparse.h"

/* One transfer. Owned by its thread from pthread_create on: the thread
 * alone uses the file and its end of the socket, closes both and frees
 * this when the transfer ends. */
struct sparse_job {
    int       file_fd;
    int       sock_fd;      /* blocking; the daemon's pump has the other */
    bool      is_block;     /* a block device: holes are written as zeros */
    off_t     pos;          /* the file's next byte */
    uint64_t  remaining;    /* bytes left to move (UINT64_MAX: no limit) */
    char     *path;         /* for error messages */
};

static void
job_free(struct sparse_job *job)
{
    close(job->file_fd);
    close(job->sock_fd);
    free(job->path);
    free(job);
}

/* Tell the daemon why the transfer failed, in libvirt's words ("WHAT
 * PATH: strerror", or "WHAT: strerror" without a path); it ends the
 * client's stream with them. */
static void
send_text(struct sparse_job *job, const char *what, const char *path,
          int errnum)
{
    char text[SPARSE_ERROR_MAX + 1];
    int n = snprintf(text, sizeof(text), "%s%s%s: %s", what,
                     path != NULL ? " " : "", path != NULL ? path : "",
                     strerror(errnum));

    if (n > SPARSE_ERROR_MAX)
        n = SPARSE_ERROR_MAX;
    sparse_record_send(job->sock_fd, SPARSE_RECORD_ERROR, (uint64_t)n, text);
}

static void
send_failure(struct sparse_job *job, const char *what, int errnum)
{
    send_text(job, what, job->path, errnum);
}

static uint64_t
clip(const struct sparse_job *job, uint64_t len)
{
    return len < job->remaining ? len : job->remaining;
}

/* Send len bytes of data from the file's position on, a record at a
 * time. false once the transfer is over (failed, or the daemon left). */
static bool
send_data(struct sparse_job *job, uint64_t len, uint8_t *buf)
{
    while (len > 0) {
        size_t want = len < SPARSE_DATA_MAX ? (size_t)len : SPARSE_DATA_MAX;
        ssize_t n = pread(job->file_fd, buf, want, job->pos);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            /* The file shrank under us: its end came early. */
            if (n < 0)
                send_failure(job, "Unable to read", errno);
            return false;
        }
        if (!sparse_record_send(job->sock_fd, SPARSE_RECORD_DATA,
                                (uint64_t)n, buf))
            return false;
        job->pos += n;
        job->remaining -= (uint64_t)n;
        len -= (uint64_t)n;
    }
    return true;
}

/* Download: each section of the file in turn, holes as HOLE records. A
 * block device is all data, as libvirt reads it: it has no holes to
 * find; and so is any file a plain download reads (its holes read as
 * zeros). */
static void
run_download(struct sparse_job *job, bool is_sparse, uint8_t *buf)
{
    if (job->is_block || !is_sparse) {
        send_data(job, job->remaining, buf);
        return;
    }
    while (job->remaining > 0) {
        bool is_data;
        off_t len;

        if (sparse_extent(job->file_fd, job->pos, &is_data, &len) < 0) {
            send_failure(job, "unable to seek in", errno);
            return;
        }
        if (len == 0)
            return;                 /* the end of the file */
        if (is_data) {
            if (!send_data(job, clip(job, (uint64_t)len), buf))
                return;
            continue;
        }
        len = (off_t)clip(job, (uint64_t)len);
        if (!sparse_record_send(job->sock_fd, SPARSE_RECORD_HOLE,
                                (uint64_t)len, NULL))
            return;
        job->pos += len;
        job->remaining -= (uint64_t)len;
    }
}

/* Write len bytes at the file's position. false once the transfer
 * failed (the daemon was told why). */
static bool
write_bytes(struct sparse_job *job, const uint8_t *p, uint64_t len)
{
    while (len > 0) {
        ssize_t n = pwrite(job->file_fd, p, (size_t)len, job->pos);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            send_failure(job, "Unable to write", n < 0 ? errno : ENOSPC);
            return false;
        }
        p += n;
        job->pos += n;
        job->remaining -= (uint64_t)n;
        len -= (uint64_t)n;
    }
    return true;
}

/* len bytes from the client, of which libvirt takes what the length it
 * was given leaves room for, and refuses any beyond. */
static bool
write_data(struct sparse_job *job, const uint8_t *data, uint64_t len)
{
    uint64_t room = clip(job, len);

    if (room == 0 && len > 0) {
        send_text(job, "cannot write to stream", NULL, ENOSPC);
        return false;
    }
    return write_bytes(job, data, room);
}

/* A hole on a block device: zeros, for a hole there reads as what was
 * on the device before. libvirt writes them a MiB at a time. */
static bool
write_zeros(struct sparse_job *job, uint64_t len)
{
    enum { ZEROS_MAX = 1024 * 1024 };
    uint8_t *zeros = calloc(1, len < ZEROS_MAX ? (size_t)len : ZEROS_MAX);
    bool is_ok = zeros != NULL;

    if (zeros == NULL)
        send_failure(job, "Unable to write", ENOMEM);
    while (is_ok && len > 0) {
        uint64_t n = len < ZEROS_MAX ? len : ZEROS_MAX;

        is_ok = write_bytes(job, zeros, n);
        len -= n;
    }
    free(zeros);
    return is_ok;
}

/* A hole: skip it and cut the file there, as libvirt does (lseek past,
 * ftruncate), so that a hole at the end still makes the file that long.
 * A block device can neither be cut nor have holes: zeros are written. */
static bool
write_hole(struct sparse_job *job, const struct sparse_record *rec)
{
    uint64_t len = clip(job, rec->length);

    if (job->is_block)
        return write_zeros(job, len);
    job->pos += (off_t)len;
    job->remaining -= len;
    if (ftruncate(job->file_fd, job->pos) < 0) {
        send_failure(job, "unable to truncate", errno);
        return false;
    }
    return true;
}

/* After an upload failed: take and drop what the daemon still sends until
 * it closes its end, so that it reads the error record before any write
 * of its own fails for want of a reader. */
static void
drain(struct sparse_job *job)
{
    char buf[4096];
    ssize_t n;

    do
        n = read(job->sock_fd, buf, sizeof(buf));
    while (n > 0 || (n < 0 && errno == EINTR));
}

/* Upload: records from the daemon until its end closes. */
static void
run_upload(struct sparse_job *job)
{
    struct sparse_reader reader = { 0 };
    struct sparse_record rec;
    enum sparse_read_result res;
    bool is_ok = true;

    while (is_ok &&
           (res = sparse_reader_read(&reader, job->sock_fd, &rec)) ==
               SPARSE_READ_RECORD) {
        if (rec.type == SPARSE_RECORD_DATA)
            is_ok = write_data(job, rec.data, rec.length);
        else if (rec.type == SPARSE_RECORD_HOLE)
            is_ok = write_hole(job, &rec);
        else
            is_ok = false;
    }
    sparse_reader_release(&reader);
    if (!is_ok)
        drain(job);
}

/* What the transfer's thread starts with; handed over by pthread_create,
 * freed by the thread. */
struct thread_arg {
    struct sparse_job     *job;
    enum stor_vol_transfer kind;
};

static bool
is_upload(enum stor_vol_transfer kind)
{
    return kind == STOR_VOL_SPARSE_UPLOAD || kind == STOR_VOL_PLAIN_UPLOAD;
}

static void *
transfer_main(void *opaque)
{
    struct thread_arg *arg = opaque;
    struct sparse_job *job = arg->job;
    uint8_t *buf = NULL;

    if (is_upload(arg->kind)) {
        run_upload(job);
    } else if ((buf = malloc(SPARSE_DATA_MAX)) != NULL) {
        run_download(job, arg->kind == STOR_VOL_SPARSE_DOWNLOAD, buf);
    } else {
        send_failure(job, "Unable to read", ENOMEM);
    }
    free(buf);
    free(arg);
    job_free(job);
    return NULL;
}

/* Open the volume's file at offset, as libvirt does, with its words when
 * it cannot. */
static int
open_file(struct sparse_job *job, enum stor_vol_transfer kind,
          struct vireo_error *err)
{
    int fd = open(job->path, (is_upload(kind) ? O_WRONLY : O_RDONLY) |
                             O_CLOEXEC | O_NOCTTY);
    struct stat st;

    if (fd < 0)
        stor_system_error(err, errno, "Unable to open stream for",
                          job->path);
    else
        job->is_block = fstat(fd, &st) == 0 && S_ISBLK(st.st_mode);
    return fd;
}

static int
start_thread(struct sparse_job *job, enum stor_vol_transfer kind,
             struct vireo_error *err)
{
    struct thread_arg *arg = malloc(sizeof(*arg));
    pthread_attr_t attr;
    pthread_t tid;
    int rc;

    if (arg == NULL)
        return error_no_memory(err);
    arg->job = job;
    arg->kind = kind;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&tid, &attr, transfer_main, arg);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(arg);
        return stor_system_error(err, rc, "cannot start the transfer of",
                                 job->path);
    }
    return 0;
}

int
stor_vol_transfer_start(const char *path, enum stor_vol_transfer kind,
                        unsigned long long offset, unsigned long long length,
                        int *fd, struct vireo_error *err)
{
    struct sparse_job *job = calloc(1, sizeof(*job));
    int pair[2] = { -1, -1 };

    if (job == NULL || (job->path = strdup(path)) == NULL) {
        free(job);
        return error_no_memory(err);
    }
    job->pos = (off_t)offset;
    job->remaining = length > 0 ? length : UINT64_MAX;
    job->file_fd = open_file(job, kind, err);
    if (job->file_fd < 0 ||
        socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0 ||
        fcntl(pair[0], F_SETFL, fcntl(pair[0], F_GETFL) | O_NONBLOCK) < 0) {
        if (job->file_fd >= 0)
            stor_system_error(err, errno, "cannot set up stream for", path);
        goto fail;
    }
    job->sock_fd = pair[1];
    if (start_thread(job, kind, err) < 0)
        goto fail;
    *fd = pair[0];
    return 0;
fail:
    if (pair[0] >= 0) {
        close(pair[0]);
        close(pair[1]);
    }
    if (job->file_fd >= 0)
        close(job->file_fd);
    free(job->path);
    free(job);
    return -1;
}
