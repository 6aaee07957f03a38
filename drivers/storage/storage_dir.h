/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_dir.h: what a `dir` pool is on the host, as libvirt's
 * filesystem backend (storage_backend_fs.c, storage_util.c) does it: a
 * directory made with the pool's mode and owner, its files as volumes
 * (their format read from their header: qcow2 or raw) and so its
 * subdirectories (of type and format 'dir'), the filesystem's
 * numbers from statvfs, and the plain file operations on volumes that
 * need no tool (raw files made, grown, wiped, deleted).
 *
 * These touch only local files, each call briefly; errors carry
 * libvirt's words. Storage thread.
 */
#ifndef VIREO_DRIVERS_STORAGE_DIR_H
#define VIREO_DRIVERS_STORAGE_DIR_H

#include <stdbool.h>

#include "api/vireo.h"

struct storage_pool_def;
struct storage_vol_def;
struct stor_pool;

/* libvirt's virReportSystemError, which its errors show unprefixed:
 * "WHAT 'PATH': strerror(errnum)". Returns -1. */
int stor_system_error(struct vireo_error *err, int errnum, const char *what,
                      const char *path);

/* mkdir the target (its parents with default modes) with the pool's
 * mode (0711 when none is given and the directory is new), owner and
 * group; an existing directory only gets them set. */
int stor_dir_build(const struct storage_pool_def *def,
                   struct vireo_error *err);
/* rmdir the target ("failed to remove pool '%s'"). */
int stor_dir_delete(const struct storage_pool_def *def,
                    struct vireo_error *err);
/* Read the directory again: every regular file, block device and
 * subdirectory a volume, in name order, its numbers from the file; the pool's numbers from statvfs and
 * its target's permissions from the directory. */
int stor_dir_refresh(struct stor_pool *pool, struct vireo_error *err);
/* The pool's capacity numbers as they are now. */
int stor_dir_fs_numbers(struct storage_pool_def *def,
                        struct vireo_error *err);
/* A volume's numbers, format and permissions from its file. */
int stor_dir_vol_stat(struct storage_vol_def *vol, struct vireo_error *err);

/* A raw file of vol's capacity, allocation bytes of it preallocated;
 * on failure nothing is left. */
int stor_dir_create_raw(const struct storage_vol_def *vol,
                        struct vireo_error *err);
/* Truncate or extend a raw file (allocating the growth when asked). */
int stor_dir_resize_raw(const char *path, unsigned long long capacity,
                        bool is_allocated, struct vireo_error *err);
/* libvirt's zero wipe: a sparse file is truncated and grown again, any
 * other has its allocation overwritten with zeros. */
int stor_dir_wipe(const char *path, unsigned long long allocation,
                  struct vireo_error *err);
int stor_dir_unlink(const char *path, struct vireo_error *err);
/* Delete the volume's file, or its directory if it is one (rmdir, as
 * libvirt: "cannot remove directory '%s'"). */
int stor_dir_vol_remove(const struct storage_vol_def *vol,
                        struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_DIR_H */
