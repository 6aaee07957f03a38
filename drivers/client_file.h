/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_file.h: reading a file that a client named, on its behalf.
 *
 * vireod runs with more rights than most of its clients, so a file named
 * by a client (a test driver node file, a domain file it points to) is
 * read only as far as that client could read it itself: every directory
 * on the way must be searchable and the file readable by the client's
 * uid, gid and groups (its peer credentials; client_access.h has the
 * rule, POSIX ACLs included), no symlink may be on the way (a client
 * could otherwise point one at anything), and only a regular file of
 * bounded size is read, without ever blocking (a FIFO would hang the
 * driver), and none of /proc or /sys (the kernel decides who may read
 * those, not their mode). No error message quotes the file's content.
 *
 * For an in-process connection (who == NULL) the process reads with its
 * own rights: symlinks are followed, and only the non-blocking,
 * regular-file and size rules apply.
 */
#ifndef VIREO_DRIVERS_CLIENT_FILE_H
#define VIREO_DRIVERS_CLIENT_FILE_H

#include <stddef.h>

#include "api/vireo.h"

struct conn_identity;

/* The whole file at path (absolute when who is set), NUL-terminated and
 * malloc'ed, at most max_bytes long. NULL with err set (err_domain, the
 * caller's VIR_FROM_*) naming the path and the reason. Any thread. */
char *client_file_read(const char *path, const struct conn_identity *who,
                       size_t max_bytes, int err_domain,
                       struct vireo_error *err);

#endif /* VIREO_DRIVERS_CLIENT_FILE_H */
