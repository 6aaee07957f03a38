/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_lvm.h: what a `logical` pool is on the host, as libvirt's
 * logical backend (storage_backend_logical.c) does it: a volume group
 * made of the pool's devices (pvcreate, vgcreate), activated and
 * deactivated (vgchange), read (pvs, vgs, lvs), removed (vgremove,
 * pvremove); its logical volumes made and removed (lvcreate, lvremove).
 *
 * Every LVM tool runs as a child of the storage thread, which never
 * waits for one (storage_cmd.h): a function here starts the next tool
 * of the current call and returns LVM_WAITING; the tool's exit runs
 * the call again, and the same function, called again with the same
 * arguments, finds the answers so far (call.h) and goes on. Only the
 * run that ends (LVM_DONE or LVM_FAILED) changes the pool. They run
 * only for calls (call_current() is not NULL). Storage thread.
 */
#ifndef VIREO_DRIVERS_STORAGE_LVM_H
#define VIREO_DRIVERS_STORAGE_LVM_H

#include "api/vireo.h"

struct stor_state;
struct stor_pool;
struct stor_vol;
struct storage_vol_def;

enum lvm_progress {
    LVM_FAILED  = -1,    /* err says why */
    LVM_WAITING = 0,     /* a tool runs: return at once, the call waits */
    LVM_DONE    = 1,
};

/* Go on with the calling function only once that step is done; else
 * return its progress (waiting or failed). */
#define LVM_AFTER(step_expr)                  \
    do {                                      \
        int progress_ = (step_expr);          \
        if (progress_ != LVM_DONE)            \
            return progress_;                 \
    } while (0)

/* libvirt's virStoragePoolBuildFlags. */
#define STOR_POOL_BUILD_NO_OVERWRITE (1u << 2)
#define STOR_POOL_BUILD_OVERWRITE    (1u << 3)

/* pool-build: each device checked (unless OVERWRITE: a device holding
 * anything is refused, as libvirt's blkid probe refuses it), its first
 * MiB zeroed and pvcreate'd, then vgcreate of them all; on failure the
 * devices made physical volumes are pvremove'd again. */
int stor_lvm_build(const struct stor_pool *pool, unsigned flags,
                   struct vireo_error *err);
/* pool-start: the group must be on the pool's devices (pvs), vgchange
 * -aly, then a refresh. On LVM_DONE the pool is active with its
 * volumes and its run state saved (the caller sends the event). */
int stor_lvm_start(struct stor_state *st, struct stor_pool *pool,
                   struct vireo_error *err);
/* pool-refresh: lvs and vgs; if that fails, the group is deactivated
 * and the pool stops, as libvirt's does. */
int stor_lvm_refresh(struct stor_state *st, struct stor_pool *pool,
                     struct vireo_error *err);
/* pool-destroy: vgchange -aln; on LVM_DONE the pool has stopped. */
int stor_lvm_stop(struct stor_state *st, struct stor_pool *pool,
                  struct vireo_error *err);
/* pool-delete: vgremove -f, then pvremove of each device (whose
 * failure is only logged, as libvirt logs it). */
int stor_lvm_delete(const struct stor_pool *pool, struct vireo_error *err);

/* find-storage-pool-sources: vgscan (whose failure is ignored, as
 * libvirt ignores it), then pvs; on LVM_DONE *xml (malloc'ed) lists the
 * volume groups with their physical volumes, as libvirt's logical
 * backend writes them. */
int stor_lvm_find_sources(char **xml, struct vireo_error *err);

/* vol-create: lvcreate of def (taken) in pool, its device node given
 * the volume's mode and owner, its numbers read back with lvs; *made
 * is then the new volume, in the pool. When the node is missing (no
 * device-mapper) the LV is removed again and the call fails with
 * libvirt's words. */
int stor_lvm_vol_create(struct stor_pool *pool,
                        const struct storage_vol_def *def,
                        struct stor_vol **made, struct vireo_error *err);
/* vol-delete: lvremove -f; if that fails, lvchange -aln and lvremove
 * again. On LVM_DONE the volume has left the pool. */
int stor_lvm_vol_delete(struct stor_pool *pool, struct stor_vol *vol,
                        struct vireo_error *err);

/* A pool that was running before the daemon stopped, or is marked
 * autostart: checked and started by a call of the driver's own on the
 * storage thread, as libvirt's does at its start (its device directory
 * must exist for a pool that ran, as libvirt's checkPool asks). */
void stor_lvm_start_later(struct stor_state *st, struct stor_pool *pool,
                          bool was_running);

#endif /* VIREO_DRIVERS_STORAGE_LVM_H */
