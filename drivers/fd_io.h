/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fd_io.h: whole reads and writes on a blocking descriptor, retried over
 * EINTR and short transfers. Any thread.
 */
#ifndef VIREO_DRIVERS_FD_IO_H
#define VIREO_DRIVERS_FD_IO_H

#include <stdbool.h>
#include <stddef.h>

/* Write all len bytes of buf: true, or false with errno set. */
bool fd_write_all(int fd, const void *buf, size_t len);

/* The same on a socket, without SIGPIPE when the other end went away
 * (errno EPIPE then). */
bool fd_send_all(int fd, const void *buf, size_t len);

/* Read exactly len bytes into buf: true, or false with errno set (or 0
 * when the file ended first: a short read is as bad as a failed one). */
bool fd_read_all(int fd, void *buf, size_t len);

#endif /* VIREO_DRIVERS_FD_IO_H */
