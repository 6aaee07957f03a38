/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_vol_stream.c: `vol-upload` and `vol-download`, a volume's contents
 * from or to a file through a stream, in virsh 9.0's steps and words:
 * parse --offset and --length, find the volume, open the file, open the
 * stream, move all the data, close the file, finish the stream. A failed
 * download removes the file it created.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_vol_upload_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "file", OPT_STRING, true, true, "file" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "offset", OPT_NUMBER, false, false, "volume offset to upload to" },
    { "length", OPT_NUMBER, false, false, "amount of data to upload" },
    { NULL },
};

const struct opt_def cmd_vol_download_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "file", OPT_STRING, true, true, "file" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "offset", OPT_NUMBER, false, false,
      "volume offset to download from" },
    { "length", OPT_NUMBER, false, false, "amount of data to download" },
    { NULL },
};

/* An unsigned option as virsh reads it: 0 when absent. A negative value
 * is refused, unless is_wrapping (virsh lets --length be -1 for "all",
 * as strtoull wraps it). */
static int
opt_ull(const struct cmd *cmd, const char *name, bool is_wrapping,
        unsigned long long *value)
{
    const char *text = cmd_string(cmd, name);
    char *end;

    *value = 0;
    if (text == NULL)
        return 0;
    errno = 0;
    *value = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' ||
        (!is_wrapping && strchr(text, '-') != NULL)) {
        cli_error("Numeric value '%s' for <%s> option is malformed or out "
                  "of range", text, name);
        return -1;
    }
    return 0;
}

/* What the two commands share once parsed. */
struct transfer {
    struct vireo_storage_vol *vol;
    const char               *name;     /* the volume as the user named it */
    const char               *file;
    int                       fd;
    unsigned long long        offset;
    unsigned long long        length;
    struct vireo_stream      *st;
};

static int
transfer_begin(struct session *s, const struct cmd *cmd,
               struct transfer *t)
{
    memset(t, 0, sizeof(*t));
    t->fd = -1;
    t->name = cmd_string(cmd, "vol");
    t->file = cmd_string(cmd, "file");
    if (opt_ull(cmd, "offset", false, &t->offset) < 0 ||
        opt_ull(cmd, "length", true, &t->length) < 0)
        return -1;
    t->vol = cli_lookup_vol(s, cmd);
    return t->vol != NULL ? 0 : -1;
}

/* After the file is open: a stream on the volume's connection. */
static int
transfer_stream(struct session *s, struct transfer *t)
{
    struct vireo_error err = { 0 };

    t->st = vireo_stream_new(s->conn, 0, &err);
    if (t->st == NULL) {
        cli_error("cannot create a new stream");
        cli_report(&err);
        return -1;
    }
    return 0;
}

static void
transfer_end(struct transfer *t)
{
    vireo_stream_free(t->st);
    if (t->fd >= 0)
        close(t->fd);
    vireo_storage_vol_free(t->vol);
}

/* Close the file, then finish the stream, as virsh does. */
static int
transfer_close(struct transfer *t)
{
    struct vireo_error err = { 0 };
    int fd = t->fd;

    t->fd = -1;
    if (close(fd) < 0) {
        cli_error("cannot close file %s", t->file);
        vireo_stream_abort(t->st, &err);
        return -1;
    }
    if (vireo_stream_finish(t->st, &err) < 0) {
        cli_error("cannot close volume %s", t->name);
        cli_report(&err);
        return -1;
    }
    return 0;
}

static int
read_file(struct vireo_stream *st, char *data, size_t nbytes, void *opaque)
{
    const struct transfer *t = opaque;
    ssize_t n;

    do
        n = read(t->fd, data, nbytes);
    while (n < 0 && errno == EINTR);
    return (int)n;
}

static int
write_file(struct vireo_stream *st, const char *data, size_t nbytes,
           void *opaque)
{
    const struct transfer *t = opaque;
    ssize_t n;

    do
        n = write(t->fd, data, nbytes);
    while (n < 0 && errno == EINTR);
    return (int)n;
}

int
cmd_vol_upload(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct transfer t;
    int rc = -1;

    if (transfer_begin(s, cmd, &t) < 0)
        goto out;
    if ((t.fd = open(t.file, O_RDONLY | O_CLOEXEC)) < 0) {
        cli_error("cannot read %s", t.file);
        goto out;
    }
    if (transfer_stream(s, &t) < 0)
        goto out;
    if (vireo_storage_vol_upload(t.vol, t.st, t.offset, t.length, 0,
                                 &err) < 0) {
        cli_error("cannot upload to volume %s", t.name);
        cli_report(&err);
        goto out;
    }
    if (vireo_stream_send_all(t.st, read_file, &t, &err) < 0) {
        cli_error("cannot send data to volume %s", t.name);
        cli_report(&err);
        goto out;
    }
    rc = transfer_close(&t);
out:
    transfer_end(&t);
    return rc;
}

static int
download(struct session *s, struct transfer *t)
{
    struct vireo_error err = { 0 };

    if (transfer_stream(s, t) < 0)
        return -1;
    if (vireo_storage_vol_download(t->vol, t->st, t->offset, t->length, 0,
                                   &err) < 0) {
        cli_error("cannot download from volume %s", t->name);
        cli_report(&err);
        return -1;
    }
    if (vireo_stream_recv_all(t->st, write_file, t, &err) < 0) {
        cli_error("cannot receive data from volume %s", t->name);
        cli_report(&err);
        return -1;
    }
    return transfer_close(t);
}

int
cmd_vol_download(struct session *s, const struct cmd *cmd)
{
    struct transfer t;
    bool is_created = false;
    int rc = -1;

    if (transfer_begin(s, cmd, &t) < 0)
        goto out;
    /* virsh truncates a file that exists, and removes on failure only a
     * file it created. */
    t.fd = open(t.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (t.fd >= 0)
        is_created = true;
    else if (errno == EEXIST)
        t.fd = open(t.file, O_WRONLY | O_TRUNC | O_CLOEXEC, 0666);
    if (t.fd < 0) {
        cli_error("cannot create %s", t.file);
        goto out;
    }
    rc = download(s, &t);
    if (rc < 0 && is_created)
        unlink(t.file);
out:
    transfer_end(&t);
    return rc;
}
