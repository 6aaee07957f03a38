/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dir_open.h: opendir(3) for code that runs on driver threads.
 *
 * glibc's opendir opens its descriptor inside libc, where
 * ThreadSanitizer's interceptors do not see it; closedir is seen. A
 * descriptor number the main loop closed a moment before and the kernel
 * hands out again then looks, to the sanitizer, like the loop's socket
 * being closed from a driver thread. Opening the directory with open(2)
 * and handing it to fdopendir makes the new descriptor this thread's own.
 * Any thread.
 */
#ifndef VIREO_DRIVERS_DIR_OPEN_H
#define VIREO_DRIVERS_DIR_OPEN_H

#include <dirent.h>

/* The directory at path, or NULL with errno set, as opendir. */
DIR *dir_open(const char *path);

#endif /* VIREO_DRIVERS_DIR_OPEN_H */
