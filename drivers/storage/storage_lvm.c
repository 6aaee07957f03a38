/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_lvm.c: logical pools and their volumes, one LVM tool at a
 * time for the current call (storage_lvm.h says how a call goes on).
 *
 * The tools are run by the paths libvirt's build for Debian runs them
 * by, so that a failing tool is named in the error as libvirt names it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_cmd.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_lvm_parse.h"
#include "drivers/storage/storage_state.h"
#include "drivers/worker.h"

#define PVCREATE "/sbin/pvcreate"
#define PVREMOVE "/sbin/pvremove"
#define PVS      "/sbin/pvs"
#define VGCREATE "/sbin/vgcreate"
#define VGREMOVE "/sbin/vgremove"
#define VGCHANGE "/sbin/vgchange"
#define VGSCAN   "/sbin/vgscan"
#define VGS      "/sbin/vgs"
#define LVCREATE "/sbin/lvcreate"
#define LVREMOVE "/sbin/lvremove"
#define LVCHANGE "/sbin/lvchange"
#define LVS      "/sbin/lvs"
/* util-linux: lists the signatures on a device without changing it. */
#define WIPEFS   "/sbin/wipefs"

/* What libvirt zeroes at the start of each device before pvcreate. */
#define ZEROED_BYTES (1024 * 1024)
#define DEFAULT_VOL_MODE 0600
/* libvirt's words for VIR_ERR_STORAGE_POOL_BUILT. */
#define BUILT_PREFIX "Storage pool already built"

#define MAX_DEVICES 64

typedef int (*before_fn)(const char *arg, struct vireo_error *err);

/* The next tool of the current call. Its recorded answer when there is
 * one: LVM_DONE with *out (if wanted) what it printed, which the call
 * owns, or LVM_FAILED with its error in err. Else before(arg) (when
 * given; it runs exactly once, right before the tool) and the tool
 * starts: LVM_WAITING, or LVM_FAILED with err set. */
static int
step_with(const char *const *argv, char **out, before_fn before,
          const char *arg, struct vireo_error *err)
{
    struct call *c = call_current();
    void *data = NULL;
    int rc;

    if (c != NULL && call_replay(c, &rc, err, &data)) {
        if (out != NULL)
            *out = data;
        return rc < 0 ? LVM_FAILED : LVM_DONE;
    }
    if (before != NULL && before(arg, err) < 0)
        return LVM_FAILED;
    if (stor_cmd_run_output(worker_current(), c, argv, err) < 0)
        return LVM_FAILED;
    return LVM_WAITING;
}

static int
step(const char *const *argv, char **out, struct vireo_error *err)
{
    return step_with(argv, out, NULL, NULL, err);
}

/* A tool whose failure changes nothing (libvirt ignores it too). */
static int
quiet_step(const char *const *argv)
{
    struct vireo_error ignored = { 0 };

    return step(argv, NULL, &ignored) == LVM_WAITING ? LVM_WAITING
                                                     : LVM_DONE;
}

/* ---- Building and removing the group ---------------------------------- */

/* libvirt's storageBackendVolWipeLocalFile over the first MiB. */
static int
zero_start(const char *path, struct vireo_error *err)
{
    static const char zeros[64 * 1024];
    int fd = open(path, O_RDWR | O_CLOEXEC);

    if (fd < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                         "Failed to open storage volume with path '%s': %s",
                         path, strerror(errno));
    for (size_t done = 0; done < ZEROED_BYTES; done += sizeof(zeros))
        if (write(fd, zeros, sizeof(zeros)) != (ssize_t)sizeof(zeros)) {
            int errnum = errno;

            close(fd);
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                             "Failed to write %zu bytes to storage volume "
                             "with path '%s': %s", sizeof(zeros), path,
                             strerror(errnum));
        }
    if (fdatasync(fd) < 0) {
        int errnum = errno;

        close(fd);
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                         "cannot sync data to file '%s': %s", path,
                         strerror(errnum));
    }
    close(fd);
    return 0;
}

/* What libvirt's blkid probe says of a device that is not empty: the
 * first signature wipefs lists, compared with the one LVM writes. */
static int
check_empty(const char *path, const char *signatures,
            struct vireo_error *err)
{
    size_t len = strcspn(signatures, " \t\n");
    char message[sizeof(err->message)];

    if (len == 0)
        return LVM_DONE;
    if (strncmp(signatures, "LVM2_member", len) == 0 && len == 11)
        snprintf(message, sizeof(message), "%s: Device '%s' already "
                 "formatted using '%s'", BUILT_PREFIX, path, "LVM2_member");
    else
        snprintf(message, sizeof(message), "%s: Format of device '%s' does "
                 "not match the expected format '%s', forced overwrite is "
                 "necessary", BUILT_PREFIX, path, "LVM2_member");
    return error_set_raw(err, VIR_ERR_STORAGE_POOL_BUILT, VIR_FROM_STORAGE,
                         message);
}

/* One device: checked unless overwriting, zeroed, made a PV. */
static int
prepare_device(const char *path, unsigned flags, struct vireo_error *err)
{
    const char *probe[] = { WIPEFS, "--no-act", "--noheadings",
                            "--output", "TYPE", path, NULL };
    const char *pvcreate[] = { PVCREATE, path, NULL };
    char *out = NULL;

    if (!(flags & STOR_POOL_BUILD_OVERWRITE)) {
        LVM_AFTER(step(probe, &out, err));
        LVM_AFTER(check_empty(path, out != NULL ? out : "", err));
    }
    return step_with(pvcreate, NULL, zero_start, path, err);
}

/* After a failed build: the first n devices stop being PVs, so that a
 * later build can make them again. The build's error stays in err. */
static int
undo_build(const struct storage_pool_def *def, int n)
{
    for (int i = 0; i < n; i++) {
        const char *pvremove[] = { PVREMOVE, def->source.devices[i], NULL };

        LVM_AFTER(quiet_step(pvremove));
    }
    return LVM_FAILED;
}

int
stor_lvm_build(const struct stor_pool *pool, unsigned flags,
               struct vireo_error *err)
{
    const struct storage_pool_def *def = pool->def;
    const char *vgcreate[MAX_DEVICES + 3] = { VGCREATE, def->source.name };
    int n = 2, progress;

    if ((flags & STOR_POOL_BUILD_OVERWRITE) &&
        (flags & STOR_POOL_BUILD_NO_OVERWRITE))
        return error_set_raw(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                             "Flags 'VIR_STORAGE_POOL_BUILD_OVERWRITE' and "
                             "'VIR_STORAGE_POOL_BUILD_NO_OVERWRITE' are "
                             "mutually exclusive");
    if (def->source.n_devices > MAX_DEVICES)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                         "a logical pool has at most %d devices here",
                         MAX_DEVICES);
    for (int i = 0; i < def->source.n_devices; i++) {
        progress = prepare_device(def->source.devices[i], flags, err);
        if (progress == LVM_WAITING)
            return LVM_WAITING;
        if (progress == LVM_FAILED)
            return undo_build(def, i);
        vgcreate[n++] = def->source.devices[i];
    }
    vgcreate[n] = NULL;
    progress = step(vgcreate, NULL, err);
    return progress == LVM_FAILED ? undo_build(def, def->source.n_devices)
                                  : progress;
}

int
stor_lvm_delete(const struct stor_pool *pool, struct vireo_error *err)
{
    const struct storage_pool_def *def = pool->def;
    const char *vgremove[] = { VGREMOVE, "-f", def->source.name, NULL };

    LVM_AFTER(step(vgremove, NULL, err));
    for (int i = 0; i < def->source.n_devices; i++) {
        const char *pvremove[] = { PVREMOVE, def->source.devices[i], NULL };

        LVM_AFTER(quiet_step(pvremove));
    }
    return LVM_DONE;
}

/* ---- Starting, reading, stopping -------------------------------------- */

/* libvirt's virStorageBackendLogicalMatchPoolSource on pvs's report. */
static int
check_source(const struct storage_pool_def *def, const char *pvs,
             struct vireo_error *err)
{
    bool has_vg;
    int n_matching;

    lvm_parse_pvs(pvs, def->source.name, def->source.devices,
                  def->source.n_devices, &has_vg, &n_matching);
    if (!has_vg)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                         "cannot find logical volume group name '%s'",
                         def->source.name);
    if (def->source.n_devices > 0 && n_matching == 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                         "cannot find any matching source devices for "
                         "logical volume group '%s'", def->source.name);
    return LVM_DONE;
}

/* Owned by the run that reads them, until it applies them. */
struct group_report {
    struct storage_vol_def **vols;
    int                      n_vols;
    unsigned long long       capacity;
    unsigned long long       available;
};

static void
report_clear(struct group_report *r)
{
    lvm_vols_free(r->vols, r->n_vols);
    r->vols = NULL;
    r->n_vols = 0;
}

/* lvs, then vgs, read into r (cleared on failure). */
static int
read_group(const struct storage_pool_def *def, struct group_report *r,
           struct vireo_error *err)
{
    const char *lvs[] = { LVS, "--separator", "#", "--noheadings",
                          "--units", "b", "--unbuffered", "--nosuffix",
                          "--options", LVM_LVS_OPTIONS, def->source.name,
                          NULL };
    const char *vgs[] = { VGS, "--separator", ":", "--noheadings",
                          "--units", "b", "--unbuffered", "--nosuffix",
                          "--options", LVM_VGS_OPTIONS, def->source.name,
                          NULL };
    char *lvs_out = NULL, *vgs_out = NULL;
    int progress;

    memset(r, 0, sizeof(*r));
    LVM_AFTER(step(lvs, &lvs_out, err));
    LVM_AFTER(step(vgs, &vgs_out, err));
    r->n_vols = lvm_parse_lvs(lvs_out != NULL ? lvs_out : "",
                              def->target_path, &r->vols, err);
    if (r->n_vols < 0) {
        r->n_vols = 0;
        return LVM_FAILED;
    }
    progress = lvm_parse_vgs(vgs_out != NULL ? vgs_out : "", &r->capacity,
                             &r->available, err) < 0 ? LVM_FAILED : LVM_DONE;
    if (progress == LVM_FAILED)
        report_clear(r);
    return progress;
}

/* The report becomes the pool's volumes and numbers (r is emptied). */
static int
apply_report(struct stor_pool *pool, struct group_report *r,
             struct vireo_error *err)
{
    int rc = 0;

    stor_pool_clear_vols(pool);
    pool->def->capacity = r->capacity;
    pool->def->available = r->available;
    pool->def->allocation = r->capacity - r->available;
    for (int i = 0; i < r->n_vols && rc == 0; i++) {
        struct stor_vol *vol = calloc(1, sizeof(*vol));

        if (vol == NULL) {
            rc = error_no_memory(err);
            break;
        }
        vol->def = r->vols[i];
        r->vols[i] = NULL;
        rc = stor_vol_insert(pool, vol, err);
        if (rc < 0)
            stor_vol_free(vol);
    }
    report_clear(r);
    if (rc < 0)
        stor_pool_clear_vols(pool);
    return rc < 0 ? LVM_FAILED : LVM_DONE;
}

/* Read the group; if that fails, deactivate it again (the read's error
 * stays in err). */
static int
read_or_deactivate(const struct storage_pool_def *def,
                   struct group_report *r, struct vireo_error *err)
{
    const char *deactivate[] = { VGCHANGE, "-aln", def->source.name, NULL };
    int progress = read_group(def, r, err);

    if (progress != LVM_FAILED)
        return progress;
    LVM_AFTER(quiet_step(deactivate));
    return LVM_FAILED;
}

int
stor_lvm_start(struct stor_state *st, struct stor_pool *pool,
               struct vireo_error *err)
{
    const struct storage_pool_def *def = pool->def;
    const char *vgscan[] = { VGSCAN, NULL };
    const char *pvs[] = { PVS, "--noheadings", "-o", LVM_PVS_OPTIONS, NULL };
    const char *activate[] = { VGCHANGE, "-aly", def->source.name, NULL };
    struct group_report r;
    char *pvs_out = NULL;

    LVM_AFTER(quiet_step(vgscan));
    LVM_AFTER(step(pvs, &pvs_out, err));
    LVM_AFTER(check_source(def, pvs_out != NULL ? pvs_out : "", err));
    LVM_AFTER(step(activate, NULL, err));
    LVM_AFTER(read_or_deactivate(def, &r, err));
    LVM_AFTER(apply_report(pool, &r, err));
    pool->is_active = true;
    if (stor_save_run(st, pool, err) < 0) {
        pool->is_active = false;
        stor_pool_clear_vols(pool);
        return LVM_FAILED;
    }
    return LVM_DONE;
}

int
stor_lvm_refresh(struct stor_state *st, struct stor_pool *pool,
                 struct vireo_error *err)
{
    struct group_report r;
    int progress = read_or_deactivate(pool->def, &r, err);

    if (progress == LVM_DONE)
        progress = apply_report(pool, &r, err);
    if (progress == LVM_FAILED)
        stor_pool_stop(st, pool);
    return progress;
}

int
stor_lvm_stop(struct stor_state *st, struct stor_pool *pool,
              struct vireo_error *err)
{
    const char *deactivate[] = { VGCHANGE, "-aln", pool->def->source.name,
                                 NULL };

    LVM_AFTER(step(deactivate, NULL, err));
    stor_pool_stop(st, pool);
    return LVM_DONE;
}

/* ---- Finding groups ---------------------------------------------------- */

int
stor_lvm_find_sources(char **xml, struct vireo_error *err)
{
    const char *vgscan[] = { VGSCAN, NULL };
    const char *pvs[] = { PVS, "--noheadings", "-o", LVM_PVS_OPTIONS, NULL };
    struct storage_pool_source *srcs;
    char *pvs_out = NULL;
    int n_srcs;

    LVM_AFTER(quiet_step(vgscan));
    LVM_AFTER(step(pvs, &pvs_out, err));
    n_srcs = lvm_parse_sources(pvs_out != NULL ? pvs_out : "", &srcs);
    if (n_srcs < 0)
        return error_no_memory(err);
    *xml = storage_pool_sources_format(STORAGE_POOL_LOGICAL, srcs, n_srcs);
    lvm_sources_free(srcs, n_srcs);
    return *xml != NULL ? LVM_DONE : error_no_memory(err);
}

/* ---- Volumes ---------------------------------------------------------- */

static int
remove_lv(const char *path)
{
    const char *lvremove[] = { LVREMOVE, "-f", path, NULL };

    return quiet_step(lvremove);
}

/* libvirt's open of the new LV: its node must exist; it gets the
 * volume's owner and mode. */
static int
set_node_perms(const struct storage_vol_def *def, struct vireo_error *err)
{
    const struct storage_perms *p = &def->target.perms;
    const char *path = def->target.path;
    struct stat sb;
    int fd;

    if (lstat(path, &sb) < 0) {
        if (errno == ENOENT)
            return error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                             "no storage vol with matching path '%s'", path);
        return stor_system_error(err, errno, "cannot stat file", path);
    }
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return stor_system_error(err, errno, "cannot open volume", path);
    if ((geteuid() == 0 &&
         fchown(fd, (uid_t)p->uid, (gid_t)p->gid) < 0) ||
        fchmod(fd, p->mode != -1 ? (mode_t)p->mode : DEFAULT_VOL_MODE) < 0) {
        int errnum = errno;

        close(fd);
        return stor_system_error(err, errnum, "cannot set permissions of",
                                 path);
    }
    close(fd);
    return 0;
}

static char *
kib(unsigned long long bytes)
{
    char *text;

    return asprintf(&text, "%lluK", (bytes + 1023) / 1024) < 0 ? NULL : text;
}

/* lvcreate as libvirt runs it: a volume whose allocation is below its
 * capacity is a sparse (snapshot) LV of that virtual size. */
static int
run_lvcreate(const struct stor_pool *pool, const struct storage_vol_def *def,
             struct vireo_error *err)
{
    bool is_sparse = def->allocation != def->capacity;
    char *alloc = kib(def->allocation > 0 ? def->allocation : 1);
    char *cap = kib(def->capacity);
    int progress = LVM_FAILED;

    if (alloc == NULL || cap == NULL) {
        error_no_memory(err);
    } else if (is_sparse) {
        const char *argv[] = { LVCREATE, "--name", def->name, "-L", alloc,
                               "--type", "snapshot", "--virtualsize", cap,
                               pool->def->source.name, "--yes", NULL };

        progress = step(argv, NULL, err);
    } else {
        const char *argv[] = { LVCREATE, "--name", def->name, "-L", cap,
                               pool->def->source.name, "--yes", NULL };

        progress = step(argv, NULL, err);
    }
    free(alloc);
    free(cap);
    return progress;
}

/* The new volume as lvs reports it, into the pool. */
static int
take_new_vol(struct stor_pool *pool, const struct storage_vol_def *def,
             struct group_report *r, struct stor_vol **made,
             struct vireo_error *err)
{
    struct stor_vol *vol = NULL;

    for (int i = 0; i < r->n_vols && vol == NULL; i++) {
        if (strcmp(r->vols[i]->name, def->name) != 0)
            continue;
        if ((vol = calloc(1, sizeof(*vol))) == NULL) {
            report_clear(r);
            return error_no_memory(err);
        }
        vol->def = r->vols[i];
        r->vols[i] = NULL;
        storage_perms_clear(&vol->def->target.perms);
        if (storage_perms_copy(&vol->def->target.perms,
                               &def->target.perms) < 0 ||
            stor_vol_insert(pool, vol, err) < 0) {
            stor_vol_free(vol);
            report_clear(r);
            return error_no_memory(err);
        }
    }
    report_clear(r);
    if (vol == NULL)
        return error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                         "no storage vol with matching name '%s'",
                         def->name);
    /* The pool's numbers follow, as libvirt's until the next refresh. */
    pool->def->allocation += vol->def->allocation;
    pool->def->available -= vol->def->allocation;
    *made = vol;
    return LVM_DONE;
}

int
stor_lvm_vol_create(struct stor_pool *pool, const struct storage_vol_def *def,
                    struct stor_vol **made, struct vireo_error *err)
{
    struct group_report r;
    struct storage_vol_def *node = storage_vol_def_copy(def);
    int progress;

    if (node == NULL)
        return error_no_memory(err);
    free(node->target.path);
    if (asprintf(&node->target.path, "%s/%s", pool->def->target_path,
                 def->name) < 0) {
        node->target.path = NULL;
        storage_vol_def_free(node);
        return error_no_memory(err);
    }
    progress = run_lvcreate(pool, node, err);
    if (progress == LVM_DONE && set_node_perms(node, err) < 0)
        progress = remove_lv(node->target.path) == LVM_WAITING
                   ? LVM_WAITING : LVM_FAILED;
    if (progress == LVM_DONE)
        progress = read_group(pool->def, &r, err);
    if (progress == LVM_DONE)
        progress = take_new_vol(pool, node, &r, made, err);
    storage_vol_def_free(node);
    return progress;
}

int
stor_lvm_vol_delete(struct stor_pool *pool, struct stor_vol *vol,
                    struct vireo_error *err)
{
    const char *path = vol->def->target.path;
    const char *lvremove[] = { LVREMOVE, "-f", path, NULL };
    const char *lvchange[] = { LVCHANGE, "-aln", path, NULL };
    int progress = step(lvremove, NULL, err);

    if (progress == LVM_FAILED) {
        LVM_AFTER(step(lvchange, NULL, err));
        progress = step(lvremove, NULL, err);
    }
    if (progress == LVM_DONE) {
        pool->def->allocation -= vol->def->allocation;
        pool->def->available += vol->def->allocation;
        stor_vol_remove(pool, vol);
    }
    return progress;
}

/* ---- Starting at the daemon's start ----------------------------------- */

/* Owned by the storage thread: the driver's own call starting a pool. */
struct later {
    struct call        call;
    struct vireo_error err;
    struct stor_state *st;
    char              *name;
    bool               was_running;
};

static int
later_run(struct call *c, void *opaque)
{
    struct later *l = opaque;
    struct stor_pool *pool = stor_find_name(l->st, l->name, &l->err);

    if (pool == NULL)
        return -1;
    if (pool->is_active)
        return 0;
    if (l->was_running && access(pool->def->target_path, F_OK) != 0)
        return error_set(&l->err, VIR_ERR_OPERATION_INVALID,
                         VIR_FROM_STORAGE, "storage pool '%s' is not active",
                         l->name);
    return stor_lvm_start(l->st, pool, &l->err) == LVM_DONE ? 0 : -1;
}

static void
later_done(struct call *c, int rc, void *opaque)
{
    struct later *l = opaque;
    struct stor_pool *pool;

    /* Aborted: the daemon stops, and the state may be gone already. */
    if (rc < 0 && l->err.code != VIR_ERR_OPERATION_ABORTED) {
        pool = stor_find_name(l->st, l->name, NULL);
        stor_warn(l->st, l->was_running
                  ? "storage pool '%s' is not running any more: %s"
                  : "cannot autostart storage pool '%s': %s",
                  l->name, l->err.message);
        if (pool != NULL && l->was_running && !pool->is_active)
            stor_pool_stop(l->st, pool);
    }
    free(l->name);
    free(l);
}

void
stor_lvm_start_later(struct stor_state *st, struct stor_pool *pool,
                     bool was_running)
{
    struct later *l = calloc(1, sizeof(*l));

    if (l == NULL || (l->name = strdup(pool->def->name)) == NULL) {
        free(l);
        stor_warn(st, "cannot start storage pool '%s': out of memory",
                  pool->def->name);
        return;
    }
    l->st = st;
    l->was_running = was_running;
    call_init(&l->call, later_run, later_done, l, &l->err);
    if (!call_submit(worker_current(), &l->call)) {
        free(l->name);
        free(l);
    }
}
