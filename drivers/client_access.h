/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_access.h: whether a client may read a file or search a directory,
 * decided as the kernel would decide it for the client's uid, gid and
 * groups: the mode's owner, group or other bits, and the object's POSIX
 * access ACL where it has one. vireod reads files with more rights than
 * its clients have; client_file.c asks this before every step it takes
 * for one of them.
 */
#ifndef VIREO_DRIVERS_CLIENT_ACCESS_H
#define VIREO_DRIVERS_CLIENT_ACCESS_H

#include <sys/stat.h>

struct conn_identity;

enum client_access_want {
    CLIENT_MAY_SEARCH = 1,
    CLIENT_MAY_READ   = 4,
};

/* Whether who may do want to the object that fd (any fd, O_PATH ones
 * included) refers to, st being its fstat: 1 if it may, 0 if not, -1 with
 * errno set if its ACL cannot be read (the caller refuses then). Root may
 * read and search anything. Any thread. */
int client_access_check(const struct conn_identity *who, int fd,
                        const struct stat *st, enum client_access_want want);

#endif /* VIREO_DRIVERS_CLIENT_ACCESS_H */
