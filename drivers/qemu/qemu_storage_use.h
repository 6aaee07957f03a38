/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_storage_use.h: telling the storage driver which files a guest
 * holds while it runs (storage_use.h), so that their volumes cannot be
 * deleted under it. qemu thread.
 */
#ifndef VIREO_QEMU_STORAGE_USE_H
#define VIREO_QEMU_STORAGE_USE_H

struct domain_def;

/* The guest running def holds its disks' files. */
void qemu_storage_use_hold(const struct domain_def *def);
/* The guest with def stopped: it holds nothing. */
void qemu_storage_use_release(const struct domain_def *def);

#endif /* VIREO_QEMU_STORAGE_USE_H */
