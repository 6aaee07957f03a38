/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_volume.h: a guest's disks of type 'volume': the path of each
 * volume, asked of the storage driver (storage_source.h) when the guest
 * starts, so that QEMU opens the volume's file as for a disk of type
 * 'file'. The running definition keeps the path in source_path (its XML
 * shows the pool and volume only, as libvirt's), and a guest found again
 * after a restart has it asked again. QEMU thread only.
 */
#ifndef VIREO_QEMU_QEMU_VOLUME_H
#define VIREO_QEMU_QEMU_VOLUME_H

#include "api/vireo.h"

struct domain_def;
struct qemu_state;

/* In a slot, after qemu_network_bridges (the call's answers are replayed
 * in that order). The definition to start is *def, or base when *def is
 * NULL (*def, if any, is the caller's copy of base); when it has volume
 * disks, *def becomes a copy of it whose volume disks carry their path,
 * and the one before is freed. 0 to go on; -1 with err set in libvirt's
 * words (no such pool, the pool not active, no such volume), or -1 once
 * the call waits for the storage driver, which runs it again with the
 * answer. With no call (autostart), it waits for the storage thread. */
int qemu_volume_paths(const struct domain_def *base, struct domain_def **def,
                      struct vireo_error *err);

/* qemu_volume_paths with base the definition of the domain dom names;
 * nothing happens when there is no such domain (the slot says so). */
int qemu_volume_paths_of(struct qemu_state *st, struct vireo_domain *dom,
                         struct domain_def **def, struct vireo_error *err);

/* A running guest found again after a restart (its definition read back
 * without the paths): its volume disks' paths, asked again, waiting for
 * the storage thread. A volume gone leaves its disk without one, which
 * is logged: the guest runs on, its volume no longer protected. */
void qemu_volume_find_again(struct qemu_state *st, struct domain_def *live);

#endif /* VIREO_QEMU_QEMU_VOLUME_H */
