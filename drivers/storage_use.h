/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_use.h: which files running guests hold, told by the hypervisor
 * driver to the storage driver, so that a volume in use is not deleted
 * (libvirt's storage driver learns it from its QEMU driver the same way).
 * The two drivers never touch each other's state: the hypervisor's
 * thread sends a message, the storage thread applies it.
 */
#ifndef VIREO_DRIVERS_STORAGE_USE_H
#define VIREO_DRIVERS_STORAGE_USE_H

#include "api/vireo.h"

struct worker;

/* What a guest holds now: its files (n of them; none when it stopped).
 * Belongs to the storage thread once sent. */
struct storage_use_msg {
    unsigned char uuid[VIREO_UUID_BUFLEN];
    char        **paths;
    int           n_paths;
};

/* On the storage thread: apply msg (then the handler's to free, with
 * storage_use_msg_free). */
typedef void (*storage_use_fn)(struct storage_use_msg *msg, void *opaque);

/* The storage driver, on its thread: send the messages to w, to
 * on_use(msg, opaque); NULL w: no more. Set before the hypervisor
 * driver starts and cleared after it stopped (the daemon's driver
 * order), so that a message never finds a worker that is gone. */
void storage_use_listen(struct worker *w, storage_use_fn on_use,
                        void *opaque);

/* The hypervisor driver, any thread: guest uuid holds the n paths now
 * (copied); n 0 when it stopped. Nothing happens when no storage driver
 * listens, or when memory is short (the volume then only lacks the
 * protection). */
void storage_use_send(const unsigned char *uuid, const char *const *paths,
                      int n);

void storage_use_msg_free(struct storage_use_msg *msg);

#endif /* VIREO_DRIVERS_STORAGE_USE_H */
