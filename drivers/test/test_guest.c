/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_guest.c: what the test driver does inside its imaginary guests, as
 * libvirt's test driver does it: a hostname made of the domain's name, a
 * clock that starts in 1989, two file systems ("/" and "/boot" on the
 * first disk) that freeze and thaw, and keys, signals, NMIs, passwords and
 * resets that are checked and then change nothing. Every check runs on
 * the test driver's thread (test_call.h), flags first, as libvirt orders
 * them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_guest_state.h"
#include "drivers/test/test_keycodes.h"
#include "drivers/test/test_slots.h"

static int
not_running(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                     "domain is not running");
}

/* libvirt's virDomainObjCheckActive. */
static int
check_active(const struct domain_obj *obj, struct vireo_error *err)
{
    return domain_obj_is_active(obj) ? 0 : not_running(err);
}

static int
op_check_active(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    return check_active(obj, err);
}

/* The calls that only need a running domain and change nothing. */
static int
running_only(struct vireo_domain *dom, unsigned flags, unsigned allowed,
             const char *func, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, allowed, func) < 0)
        return -1;
    return test_call_dom(dom, op_check_active, NULL, err);
}

int
testdrv_domain_reset(struct vireo_domain *dom, unsigned flags,
                     struct vireo_error *err)
{
    return running_only(dom, flags, 0, "testDomainReset", err);
}

int
testdrv_domain_inject_nmi(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    return running_only(dom, flags, 0, "testDomainInjectNMI", err);
}

int
testdrv_domain_set_user_password(struct vireo_domain *dom, const char *user,
                                 const char *password, unsigned flags,
                                 struct vireo_error *err)
{
    return running_only(dom, flags, VIR_DOMAIN_PASSWORD_ENCRYPTED,
                        "testDomainSetUserPassword", err);
}

/* libvirt names the guest after the domain handle it was asked with. */
char *
testdrv_domain_get_hostname(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    char *hostname;

    if (running_only(dom, flags, 0, "testDomainGetHostname", err) < 0)
        return NULL;
    if (asprintf(&hostname, "%shost", dom->name) < 0) {
        error_no_memory(err);
        return NULL;
    }
    return hostname;
}

/* ---- The clock ---------------------------------------------------------- */

struct time_io {
    long long seconds;
    unsigned  nseconds;
};

/* Only a running guest tells the time: a paused one is refused too. */
static int
op_get_time(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct time_io *t = io;
    struct test_guest_state *g;

    if (obj->state != VIR_DOMAIN_RUNNING)
        return not_running(err);
    g = test_guest_state(obj, err);
    if (g == NULL)
        return -1;
    t->seconds = g->time_s;
    t->nseconds = g->time_ns;
    return 0;
}

int
testdrv_domain_get_time(struct vireo_domain *dom, long long *seconds,
                        unsigned *nseconds, unsigned flags,
                        struct vireo_error *err)
{
    struct time_io t = { 0 };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetTime") < 0 ||
        test_call_dom(dom, op_get_time, &t, err) < 0)
        return -1;
    *seconds = t.seconds;
    *nseconds = t.nseconds;
    return 0;
}

/* SYNC takes the values given too, as libvirt's test driver does. */
static int
op_set_time(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    const struct time_io *t = io;
    struct test_guest_state *g;

    if (check_active(obj, err) < 0)
        return -1;
    g = test_guest_state(obj, err);
    if (g == NULL)
        return -1;
    g->time_s = t->seconds;
    g->time_ns = t->nseconds;
    return 0;
}

int
testdrv_domain_set_time(struct vireo_domain *dom, long long seconds,
                        unsigned nseconds, unsigned flags,
                        struct vireo_error *err)
{
    struct time_io t = { seconds, nseconds };

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIR_DOMAIN_TIME_SYNC,
                          "testDomainSetTime") < 0)
        return -1;
    return test_call_dom(dom, op_set_time, &t, err);
}

/* ---- File systems ------------------------------------------------------- */

static const char *const fs_mountpoints[TEST_N_FS] = { "/", "/boot" };

static int
fs_index(const char *mountpoint)
{
    for (int i = 0; i < TEST_N_FS; i++)
        if (strcmp(mountpoint, fs_mountpoints[i]) == 0)
            return i;
    return -1;
}

static int
no_mountpoint(const char *mountpoint, struct vireo_error *err)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "mount point not found: %s", mountpoint);
}

struct fs_io {
    const char *const *mountpoints;
    unsigned           n_mountpoints;
    bool               is_freeze;      /* else thaw */
};

/* Every named mount point must exist before any changes state; the answer
 * is how many changed. */
static int
op_fs_change(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    const struct fs_io *f = io;
    bool is_named[TEST_N_FS] = { f->n_mountpoints == 0, f->n_mountpoints == 0 };
    struct test_guest_state *g;
    int n_changed = 0;

    if (check_active(obj, err) < 0)
        return -1;
    for (unsigned i = 0; i < f->n_mountpoints; i++) {
        int fs = fs_index(f->mountpoints[i]);

        if (fs < 0)
            return no_mountpoint(f->mountpoints[i], err);
        is_named[fs] = true;
    }
    g = test_guest_state(obj, err);
    if (g == NULL)
        return -1;
    for (int fs = 0; fs < TEST_N_FS; fs++) {
        if (!is_named[fs] || g->is_frozen[fs] == f->is_freeze)
            continue;
        g->is_frozen[fs] = f->is_freeze;
        n_changed++;
    }
    return n_changed;
}

static int
fs_change(struct vireo_domain *dom, struct fs_io *f, unsigned flags,
          const char *func, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0, func) < 0)
        return -1;
    return test_call_dom(dom, op_fs_change, f, err);
}

int
testdrv_domain_fs_freeze(struct vireo_domain *dom,
                         const char *const *mountpoints,
                         unsigned n_mountpoints, unsigned flags,
                         struct vireo_error *err)
{
    struct fs_io f = { mountpoints, n_mountpoints, true };

    return fs_change(dom, &f, flags, "testDomainFSFreeze", err);
}

int
testdrv_domain_fs_thaw(struct vireo_domain *dom,
                       const char *const *mountpoints,
                       unsigned n_mountpoints, unsigned flags,
                       struct vireo_error *err)
{
    struct fs_io f = { mountpoints, n_mountpoints, false };

    return fs_change(dom, &f, flags, "testDomainFSThaw", err);
}

static int
op_fs_trim(struct test_state *st, struct domain_obj *obj, void *io,
           struct vireo_error *err)
{
    const char *mountpoint = io;

    if (check_active(obj, err) < 0)
        return -1;
    if (mountpoint != NULL && fs_index(mountpoint) < 0)
        return no_mountpoint(mountpoint, err);
    return 0;
}

int
testdrv_domain_fs_trim(struct vireo_domain *dom, const char *mountpoint,
                       unsigned long long minimum, unsigned flags,
                       struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainFSTrim") < 0)
        return -1;
    return test_call_dom(dom, op_fs_trim, (void *)mountpoint, err);
}

/* One file system on the disk whose target is disk: "/" is its first
 * partition, "/boot" its second. */
static int
fs_record(struct vireo_fs_info *fs, int index, const char *disk)
{
    fs->dev_aliases = calloc(1, sizeof(*fs->dev_aliases));
    if (fs->dev_aliases == NULL)
        return -1;
    fs->n_dev_aliases = 1;
    fs->mountpoint = strdup(fs_mountpoints[index]);
    fs->fstype = strdup("ext4");
    fs->dev_aliases[0] = strdup(disk);
    if (asprintf(&fs->name, "%s%d", disk, index + 1) < 0)
        fs->name = NULL;
    return fs->mountpoint && fs->fstype && fs->dev_aliases[0] && fs->name
           ? 0 : -1;
}

/* The first disk (not cdrom) carries both file systems; a guest without
 * one has none. */
static const char *
first_disk(const struct domain_def *def)
{
    for (int i = 0; i < def->n_disks; i++)
        if (strcmp(def->disks[i].device, "disk") == 0)
            return def->disks[i].target_dev;
    return NULL;
}

static int
op_get_fs_info(struct test_state *st, struct domain_obj *obj, void *io,
               struct vireo_error *err)
{
    struct vireo_fs_info **info = io;
    const char *disk;

    if (check_active(obj, err) < 0)
        return -1;
    disk = first_disk(obj->def);
    if (disk == NULL)
        return 0;
    *info = calloc(TEST_N_FS, sizeof(**info));
    if (*info == NULL)
        return error_no_memory(err);
    for (int i = 0; i < TEST_N_FS; i++) {
        if (fs_record(&(*info)[i], i, disk) < 0) {
            vireo_fs_info_list_free(*info, TEST_N_FS);
            *info = NULL;
            return error_no_memory(err);
        }
    }
    return TEST_N_FS;
}

int
testdrv_domain_get_fs_info(struct vireo_domain *dom,
                           struct vireo_fs_info **info, unsigned flags,
                           struct vireo_error *err)
{
    *info = NULL;
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetFSInfo") < 0)
        return -1;
    return test_call_dom(dom, op_get_fs_info, info, err);
}

/* ---- Keys, signals, launch security ------------------------------------- */

bool
test_keycode_is_known(unsigned codeset, unsigned code)
{
    const struct keycode_set *set = &test_keycode_sets[codeset];

    for (int i = 0; i < set->n_ranges; i++)
        if (code >= set->ranges[i].lo && code <= set->ranges[i].hi)
            return true;
    return false;
}

struct key_io {
    unsigned        codeset;
    const unsigned *keycodes;
    int             n_keycodes;
};

/* libvirt names a codeset outside its table as printf names NULL. */
static int
op_send_key(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    const struct key_io *k = io;
    bool is_known_set = k->codeset < TEST_KEYCODE_N_SETS;

    if (check_active(obj, err) < 0)
        return -1;
    for (int i = 0; i < k->n_keycodes; i++) {
        if (is_known_set && test_keycode_is_known(k->codeset, k->keycodes[i]))
            continue;
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "invalid keycode %u of %s codeset", k->keycodes[i],
                         is_known_set ? test_keycode_sets[k->codeset].name
                                      : "(null)");
    }
    return 0;
}

int
testdrv_domain_send_key(struct vireo_domain *dom, unsigned codeset,
                        unsigned holdtime_ms, const unsigned *keycodes,
                        int n_keycodes, unsigned flags,
                        struct vireo_error *err)
{
    struct key_io k = { codeset, keycodes, n_keycodes };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSendKey") < 0)
        return -1;
    return test_call_dom(dom, op_send_key, &k, err);
}

static int
op_exists(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    return 0;
}

/* The arguments are checked before the domain is looked for, and the
 * domain need not run. */
int
testdrv_domain_send_process_signal(struct vireo_domain *dom, long long pid,
                                   unsigned signum, unsigned flags,
                                   struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSendProcessSignal") < 0)
        return -1;
    if (pid != 1)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST, "%s",
                         "only sending a signal to pid 1 is supported");
    if (signum >= VIREO_DOMAIN_PROCESS_SIGNAL_LAST)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "signum value %d is out of range", (int)signum);
    return test_call_dom(dom, op_exists, NULL, err);
}

/* No launch security: nothing to measure, whatever the domain. */
int
testdrv_domain_get_launch_security_info(struct vireo_domain *dom,
                                        struct vireo_typed_params *params,
                                        unsigned flags,
                                        struct vireo_error *err)
{
    return error_check_flags(err, VIR_FROM_TEST, flags, 0,
                             "testDomainGetLaunchSecurityInfo");
}
