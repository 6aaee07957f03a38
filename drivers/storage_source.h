/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_source.h: what the hypervisor driver asks the storage driver
 * about a disk of type 'volume': the path of the volume its <source
 * pool=... volume=...> names, as libvirt's QEMU driver asks its storage
 * driver when a guest starts. The question is a message to the storage
 * thread, answered there from its state and sent back as a job on the
 * asker's thread: neither driver touches the other's state, and neither
 * links the other (the storage driver registers itself here).
 */
#ifndef VIREO_DRIVERS_STORAGE_SOURCE_H
#define VIREO_DRIVERS_STORAGE_SOURCE_H

#include <stdbool.h>

#include "api/vireo.h"

struct worker;

/* On the storage thread: the path of volume in pool (malloc'ed) into
 * *path, or -1 with err set in libvirt's words. */
typedef int (*storage_source_find_fn)(const char *pool, const char *volume,
                                      char **path, struct vireo_error *err,
                                      void *opaque);

/* On the asker's thread, once: the volume's path (borrowed for the
 * call), or NULL with err set. */
typedef void (*storage_source_answer_fn)(const char *path,
                                         const struct vireo_error *err,
                                         void *opaque);

/* The storage driver, on its thread: answer the questions on w with
 * find(.., opaque); NULL w: no more. Set before the hypervisor driver
 * starts and cleared after it stopped (the daemon's driver order), as
 * storage_use_listen. */
void storage_source_listen(struct worker *w, storage_source_find_fn find,
                           void *opaque);

/* Any thread: ask for the path of volume in pool, the answer to go to
 * answer(.., opaque) on reply_to. Returns false (answer never runs) when
 * no storage driver listens or memory is short. */
bool storage_source_ask(const char *pool, const char *volume,
                        struct worker *reply_to,
                        storage_source_answer_fn answer, void *opaque);

/* Not from the storage thread: the same question, waiting for the answer
 * (for a caller with no call to suspend: an autostart, a guest found
 * again after a restart). The path, malloc'ed, or NULL with err set
 * (VIR_ERR_NO_STORAGE_POOL when no storage driver listens). */
char *storage_source_path_now(const char *pool, const char *volume,
                              struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_SOURCE_H */
