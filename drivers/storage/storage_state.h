/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_state.h: the storage driver's pools and volumes, as libvirt's
 * storage driver keeps them for qemu:///system: pool definitions on disk
 * under the driver's state directory (NAME.xml, autostart/NAME.xml as a
 * link, as /etc/libvirt/storage), the pools running now under its run
 * directory (NAME.xml, as /run/libvirt/storage), and the volumes of an
 * active pool as found in its directory by the last refresh.
 *
 * Everything here belongs to the storage driver's thread.
 */
#ifndef VIREO_DRIVERS_STORAGE_STATE_H
#define VIREO_DRIVERS_STORAGE_STATE_H

#include <stdbool.h>

#include "api/vireo.h"

struct storage_pool_def;
struct storage_vol_def;
struct storage_use_msg;
struct object_event_state;

/* Owned by the storage thread. One volume of an active pool. */
struct stor_vol {
    struct storage_vol_def *def;
    /* qemu-img is still writing it: it is listed, but refused to
     * anything that would change or read it, as libvirt's "building". */
    bool                    is_building;
};

/* Owned by the storage thread. */
struct stor_pool {
    struct storage_pool_def *def;
    bool                     is_active;
    bool                     is_persistent;
    bool                     is_autostart;
    struct stor_vol        **vols;      /* sorted by name, as a refresh */
    int                      n_vols;
    int                      n_jobs;    /* volume jobs in flight */
    /* A logical pool's start runs its LVM tools (storage_lvm.h): a
     * transient one is in the table meanwhile, not yet active. */
    bool                     is_starting;
};

/* Owned by the storage thread. */
struct stor_state {
    struct stor_pool **pools;            /* in definition order */
    int                n_pools;
    char              *config_dir;       /* persistent definitions */
    char              *autostart_dir;
    char              *run_dir;          /* the pools running now */
    void             (*log_warning)(const char *message);
    /* What running guests hold, as the qemu driver says (storage_use.h);
     * one message per guest, the latest. */
    struct storage_use_msg **holds;
    int                      n_holds;
    struct object_event_state *events;   /* pool events */
};

/* A new state on the given directories, its definitions loaded and the
 * pools that ran before found again; NULL with err set. */
struct stor_state *stor_state_new(const char *state_dir, const char *run_dir,
                                  void (*log_warning)(const char *),
                                  struct vireo_error *err);
void stor_state_free(struct stor_state *st);
/* Start the persistent pools marked autostart that are not running. */
void stor_state_autostart(struct stor_state *st);

/* A warning for the daemon's log, formatted. */
void stor_warn(struct stor_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Lookups: VIR_ERR_NO_STORAGE_POOL in libvirt's words when absent. */
struct stor_pool *stor_find_name(struct stor_state *st, const char *name,
                                 struct vireo_error *err);
struct stor_pool *stor_find_uuid(struct stor_state *st,
                                 const unsigned char *uuid,
                                 struct vireo_error *err);
/* The same, the pool also active ("storage pool 'NAME' is not active"). */
struct stor_pool *stor_find_active(struct stor_state *st, const char *name,
                                   struct vireo_error *err);
/* Take def (even on failure) as a new pool; NULL when memory is short. */
struct stor_pool *stor_add_pool(struct stor_state *st,
                                struct storage_pool_def *def,
                                struct vireo_error *err);
/* Drop pool from the table and free it. */
void stor_forget(struct stor_state *st, struct stor_pool *pool);
void stor_pool_clear_vols(struct stor_pool *pool);

/* The persistent definition, the autostart link and the run state.
 * 0 or -1 with err set (libvirt's system errors). */
int stor_save_config(struct stor_state *st, const struct stor_pool *pool,
                     struct vireo_error *err);
int stor_remove_config(struct stor_state *st, const struct stor_pool *pool,
                       struct vireo_error *err);
int stor_set_autostart(struct stor_state *st, struct stor_pool *pool,
                       bool is_autostart, struct vireo_error *err);
int stor_save_run(struct stor_state *st, const struct stor_pool *pool,
                  struct vireo_error *err);
void stor_remove_run(struct stor_state *st, const struct stor_pool *pool);

/* storage_pool.c: 0 for a pool type with a backend here (dir and
 * logical), else -1 with the words of a libvirt built without the
 * others' ("missing backend for pool type N (TYPE)"). */
int stor_check_backend(int type, struct vireo_error *err);

/* Start a pool (check its directory and refresh it), and refresh one:
 * a pool whose directory is gone stops, with libvirt's error. */
int stor_pool_start(struct stor_state *st, struct stor_pool *pool,
                    struct vireo_error *err);
int stor_pool_refresh(struct stor_state *st, struct stor_pool *pool,
                      struct vireo_error *err);
/* Stop it: forget its volumes and its run state; a transient pool goes. */
void stor_pool_stop(struct stor_state *st, struct stor_pool *pool);

/* A volume of pool by name, or NULL (err set when err is given). */
struct stor_vol *stor_vol_find(struct stor_pool *pool, const char *name,
                               struct vireo_error *err);
/* Take vol into the pool's volumes, in name order; -1 only when memory is
 * short. */
int stor_vol_insert(struct stor_pool *pool, struct stor_vol *vol,
                    struct vireo_error *err);
void stor_vol_remove(struct stor_pool *pool, struct stor_vol *vol);
void stor_vol_free(struct stor_vol *vol);
/* 0 when nothing is building vol, else -1 with libvirt's words. */
int stor_vol_check_idle(const struct stor_vol *vol, struct vireo_error *err);
/* storage_hold.c: whether a running guest holds path, and the qemu
 * driver's messages applied (a storage_use_fn, opaque the state). */
bool stor_is_held(const struct stor_state *st, const char *path);
void stor_hold_apply(struct storage_use_msg *msg, void *opaque);
void stor_hold_clear(struct stor_state *st);
/* storage_source_find.c: the path of a guest's volume disk, a
 * storage_source_find_fn (opaque the state). */
int stor_source_find(const char *pool, const char *volume, char **path,
                     struct vireo_error *err, void *opaque);

/* storage_events.c: a lifecycle event (VIR_STORAGE_POOL_EVENT_*) or a
 * refresh event about pool, for whoever listens. */
void stor_emit(struct stor_state *st, const struct stor_pool *pool,
               int event);
void stor_emit_refresh(struct stor_state *st, const struct stor_pool *pool);

#endif /* VIREO_DRIVERS_STORAGE_STATE_H */
