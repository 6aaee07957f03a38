/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_store.h: the QEMU driver's files, written so that a daemon killed
 * at any moment leaves each of them either whole and old or whole and
 * new, never half written.
 *
 * The layout, as libvirt's QEMU driver keeps it:
 *   STATE_DIR/NAME.xml             a persistent definition
 *   STATE_DIR/autostart/NAME.xml   a link to it: start with the daemon
 *   STATE_DIR/log/NAME.log         QEMU's output, kept after it exits
 *   RUN_DIR/NAME.xml               a running domain's status
 *   RUN_DIR/domain-ID-NAME/        a running guest's sockets
 *
 * Stateless: any thread, though the driver calls these on its own. Every
 * function returning int gives 0, or -1 with err set
 * (VIR_ERR_SYSTEM_ERROR naming the file and errno).
 */
#ifndef VIREO_QEMU_STORE_H
#define VIREO_QEMU_STORE_H

#include <stdbool.h>

#include "api/vireo.h"

/* DIR/NAME.SUFFIX as a malloc'ed string ("xml", "log"), or NULL when
 * memory is short. */
char *qemu_store_path(const char *dir, const char *name, const char *suffix);

/* Make dir and its missing parents (mode 0700 for the ones made). */
int qemu_store_make_dir(const char *dir, struct vireo_error *err);

/* Replace path's content with text: a temporary file beside it, written
 * and fsync'ed, renamed over path, then the directory fsync'ed. One
 * writer per directory at a time (the driver's thread). */
int qemu_store_write(const char *path, const char *text,
                     struct vireo_error *err);

/* The whole file as a malloc'ed string, refusing files larger than
 * max_bytes (VIR_ERR_INTERNAL_ERROR). NULL with err set. */
char *qemu_store_read(const char *path, size_t max_bytes,
                      struct vireo_error *err);

/* Remove path (a missing one is not an error) and fsync its directory. */
int qemu_store_remove(const char *path, struct vireo_error *err);

/* The same for a running domain's status (RUN_DIR/NAME.xml), without any
 * fsync: atomic against a daemon's crash (the rename), which is all a
 * status needs, since a crash of the machine ends the QEMU it describes
 * and makes it stale whatever it says (libvirt keeps these on a tmpfs).
 * An fsync here costs a stop or a state change 10 to 50 ms of the
 * driver's thread on a busy disk. */
int qemu_store_write_runtime(const char *path, const char *text,
                             struct vireo_error *err);
int qemu_store_remove_runtime(const char *path, struct vireo_error *err);

/* Make link_path a symbolic link to target, atomically replacing what
 * was there. One writer per directory at a time. */
int qemu_store_link(const char *link_path, const char *target,
                    struct vireo_error *err);

/* Whether path exists (as anything; a link need not resolve). */
bool qemu_store_exists(const char *path);

/* The names NAME of the files DIR/NAME.xml, sorted, as a malloc'ed array
 * of malloc'ed strings ending in NULL; *n their count. A missing dir has
 * none. NULL with err set. */
char **qemu_store_list(const char *dir, int *n, struct vireo_error *err);
void qemu_store_list_free(char **names);

/* Remove the temporary files a write interrupted by a crash left in dir.
 * Best effort: nothing to report. */
void qemu_store_sweep(const char *dir);

#endif /* VIREO_QEMU_STORE_H */
