/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_volume.c: the paths of a guest's volume disks (qemu_volume.h),
 * asked of the storage thread, one message per volume disk
 * (qemu_ask.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/domain_xml_disk_volume.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_ask.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_volume.h"
#include "drivers/storage_source.h"
#include "drivers/worker.h"

/* How long a start waits for the storage driver, which answers from
 * memory: only a stopping daemon makes it wait at all. */
#define ANSWER_TIMEOUT_MS 30000

/* A disk whose volume is to be asked for: an empty volume drive (a
 * cdrom with no volume named yet) has none. */
static bool
names_volume(const struct domain_disk *d)
{
    return domain_disk_is_volume(d) && d->source_pool != NULL;
}

/* ---- The question: a volume's path, by disk --------------------------- */

static int
n_disks(const struct domain_def *def)
{
    return def->n_disks;
}

static bool
is_asked(const struct domain_def *def, int i)
{
    return names_volume(&def->disks[i]);
}

static bool
send_question(const struct domain_def *def, int i, struct worker *reply_to,
              qemu_answer_fn answer, void *slot, struct vireo_error *why)
{
    const struct domain_disk *d = &def->disks[i];

    if (storage_source_ask(d->source_pool, d->source_volume, reply_to,
                           answer, slot))
        return true;
    /* No storage driver runs: no pool is there to be found. */
    error_set(why, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_STORAGE,
              "no storage pool with matching name '%s'", d->source_pool);
    return false;
}

static char *
ask_now(const struct domain_def *def, int i, struct vireo_error *err)
{
    const struct domain_disk *d = &def->disks[i];

    return storage_source_path_now(d->source_pool, d->source_volume, err);
}

static char **
path_field(struct domain_def *def, int i)
{
    return &def->disks[i].source_path;
}

static const struct qemu_question paths = {
    .n_devices   = n_disks,
    .is_asked    = is_asked,
    .send        = send_question,
    .ask_now     = ask_now,
    .field       = path_field,
    .waiting_for = "the storage driver's volume paths",
    .timeout_ms  = ANSWER_TIMEOUT_MS,
};

int
qemu_volume_paths(const struct domain_def *base, struct domain_def **def,
                  struct vireo_error *err)
{
    struct domain_def *with_paths = NULL;

    if (qemu_ask(&paths, *def != NULL ? *def : base, &with_paths, err) < 0)
        return -1;
    if (with_paths != NULL) {
        domain_def_free(*def);
        *def = with_paths;
    }
    return 0;
}

int
qemu_volume_paths_of(struct qemu_state *st, struct vireo_domain *dom,
                     struct domain_def **def, struct vireo_error *err)
{
    struct vireo_error ignored = { 0 };
    struct domain_obj *obj = qemu_state_find(st, dom, &ignored);

    return obj != NULL ? qemu_volume_paths(obj->def, def, err) : 0;
}

void
qemu_volume_find_again(struct qemu_state *st, struct domain_def *live)
{
    struct vireo_error err = { 0 };

    for (int i = 0; i < live->n_disks; i++) {
        struct domain_disk *d = &live->disks[i];

        if (!names_volume(d) || d->source_path != NULL)
            continue;
        d->source_path = storage_source_path_now(d->source_pool,
                                                 d->source_volume, &err);
        if (d->source_path == NULL)
            qemu_state_warn(st, "qemu: the volume '%s' of pool '%s' that "
                            "domain '%s' runs on is not found again: %s",
                            d->source_volume, d->source_pool, live->name,
                            err.message);
    }
}
