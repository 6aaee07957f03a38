/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_monitor.c: what the test hypervisor reports about its domains'
 * activity: vCPUs and their affinity, memory, block and interface
 * statistics, disk sizes and errors, the control state, the guest's clock
 * and the statistics records of domstats.
 *
 * The figures are libvirt's test driver's: made up, some fixed, some from
 * the definition, and the counters from the wall clock so that they grow
 * between calls. Each runs on the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_device_find.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_monitor.h"
#include "drivers/test/test_pin.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

/* libvirt's flags these calls take (virDomainModificationImpact,
 * virDomainVcpuFlags). */
#define AFFECT_LIVE    (1u << 0)
#define AFFECT_CONFIG  (1u << 1)
#define VCPU_MAXIMUM   (1u << 2)

/* The guest clock of a test domain until something sets it, as libvirt's
 * test driver starts every domain's clock. */
#define TEST_GUEST_TIME_S 627319920LL

/* The disk sizes libvirt's test driver reports for any disk with a
 * source. */
#define TEST_DISK_CAPACITY   1099506450432ULL
#define TEST_DISK_ALLOCATION 1099511627776ULL

/* Microseconds since the epoch: the base of the growing counters. */
static unsigned long long
real_time_us(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (unsigned long long)tv.tv_sec * 1000000ULL +
           (unsigned long long)tv.tv_usec;
}

/* libvirt's virDomainObjCheckActive, worded and filed as it does. */
static int
check_active(const struct domain_obj *obj, struct vireo_error *err)
{
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "domain is not running");
    return 0;
}

/* libvirt's virDomainObjGetOneDef: the live definition (AFFECT_LIVE, or
 * neither flag on a running domain) or the persistent one. */
static const struct domain_def *
one_def(const struct domain_obj *obj, unsigned flags,
        struct vireo_error *err)
{
    bool is_active = domain_obj_is_active(obj);

    if ((flags & AFFECT_LIVE) && (flags & AFFECT_CONFIG)) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                  "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
                  "'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        return NULL;
    }
    if ((flags & AFFECT_LIVE) && !is_active) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                  "domain is not running");
        return NULL;
    }
    if ((flags & AFFECT_CONFIG) && !obj->is_persistent) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                  "transient domains do not have any persistent config");
        return NULL;
    }
    if ((flags & AFFECT_CONFIG) && is_active && obj->new_def != NULL)
        return obj->new_def;
    return obj->def;
}

unsigned int
test_monitor_vcpus_online(const struct domain_def *def)
{
    return def->vcpus_current != 0 ? def->vcpus_current : def->vcpus;
}

static unsigned int
host_cpus(const struct test_state *st)
{
    const struct test_host *h = &st->host;

    return h->nodes * h->sockets * h->cores * h->threads;
}

/* ---- vCPUs ------------------------------------------------------------ */

struct vcpus_io {
    struct vireo_vcpu_info *info;
    int                     maxinfo;
    unsigned char          *cpumaps;
    int                     maplen;
    unsigned                flags;
};

static int
op_get_vcpus(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct vcpus_io *v = io;
    unsigned int n_cpus = host_cpus(st);
    unsigned long long now_us = real_time_us();
    int n = v->maxinfo;

    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot list vcpus for an inactive domain");
    if (n > (int)test_monitor_vcpus_online(obj->def))
        n = (int)test_monitor_vcpus_online(obj->def);
    for (int i = 0; i < n; i++) {
        v->info[i] = (struct vireo_vcpu_info){
            .number = (unsigned)i, .state = 1 /* running */,
            .cpu_time_ns = now_us / 10,
            .cpu = test_pin_vcpu_cpu(obj->def, (unsigned)i, n_cpus),
        };
        if (v->cpumaps != NULL)
            test_pin_vcpu_map(obj->def, (unsigned)i,
                              v->cpumaps + (size_t)i * (size_t)v->maplen,
                              v->maplen, n_cpus);
    }
    return n;
}

int
testdrv_domain_get_vcpus(struct vireo_domain *dom,
                         struct vireo_vcpu_info *info, int maxinfo,
                         unsigned char *cpumaps, int maplen,
                         struct vireo_error *err)
{
    struct vcpus_io v = { .info = info, .maxinfo = maxinfo,
                          .cpumaps = cpumaps, .maplen = maplen };

    return test_call_dom(dom, op_get_vcpus, &v, err);
}

static int
op_get_vcpu_pin_info(struct test_state *st, struct domain_obj *obj, void *io,
                     struct vireo_error *err)
{
    struct vcpus_io *v = io;
    const struct domain_def *def = one_def(obj, v->flags, err);
    int n = 0;

    if (def == NULL)
        return -1;
    for (; n < (int)def->vcpus && n < v->maxinfo; n++)
        test_pin_vcpu_map(def, (unsigned)n,
                          v->cpumaps + (size_t)n * (size_t)v->maplen,
                          v->maplen, host_cpus(st));
    return n;
}

int
testdrv_domain_get_vcpu_pin_info(struct vireo_domain *dom, int ncpumaps,
                                 unsigned char *cpumaps, int maplen,
                                 unsigned flags, struct vireo_error *err)
{
    struct vcpus_io v = { .maxinfo = ncpumaps, .cpumaps = cpumaps,
                          .maplen = maplen, .flags = flags };

    return test_call_dom(dom, op_get_vcpu_pin_info, &v, err);
}

static int
op_get_vcpus_flags(struct test_state *st, struct domain_obj *obj, void *io,
                   struct vireo_error *err)
{
    unsigned flags = *(unsigned *)io;
    const struct domain_def *def = one_def(obj, flags, err);

    if (def == NULL)
        return -1;
    if (flags & VCPU_MAXIMUM)
        return (int)def->vcpus;
    return (int)test_monitor_vcpus_online(def);
}

int
testdrv_domain_get_vcpus_flags(struct vireo_domain *dom, unsigned flags,
                               struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          AFFECT_LIVE | AFFECT_CONFIG | VCPU_MAXIMUM,
                          "testDomainGetVcpusFlags") < 0)
        return -1;
    return test_call_dom(dom, op_get_vcpus_flags, &flags, err);
}

int
testdrv_domain_get_max_vcpus(struct vireo_domain *dom,
                             struct vireo_error *err)
{
    unsigned flags = AFFECT_LIVE | VCPU_MAXIMUM;

    return test_call_dom(dom, op_get_vcpus_flags, &flags, err);
}

/* ---- Memory ----------------------------------------------------------- */

struct memory_io {
    struct vireo_memory_stat *stats;
    unsigned int              nr_stats;
};

static bool
has_memballoon(const struct domain_def *def)
{
    return def->memballoon_model != NULL &&
           strcmp(def->memballoon_model, "none") != 0;
}

static int
op_memory_stats(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct memory_io *m = io;
    unsigned long long cur = obj->def->current_memory_kib;
    /* The balloon's figures, in libvirt's test driver's order. */
    const struct vireo_memory_stat all[] = {
        { VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, cur },
        { VIR_DOMAIN_MEMORY_STAT_SWAP_IN, 0 },
        { VIR_DOMAIN_MEMORY_STAT_SWAP_OUT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_UNUSED, cur / 2 },
        { VIR_DOMAIN_MEMORY_STAT_AVAILABLE, cur },
        { VIR_DOMAIN_MEMORY_STAT_USABLE, cur / 2 },
        { VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, TEST_GUEST_TIME_S },
        { VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, cur / 8 },
        { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC, 0 },
        { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL, 0 },
        { VIR_DOMAIN_MEMORY_STAT_RSS, cur / 2 },
    };
    unsigned int n = 0;

    if (check_active(obj, err) < 0)
        return -1;
    if (!has_memballoon(obj->def))
        return 0;
    for (; n < m->nr_stats && n < sizeof(all) / sizeof(all[0]); n++)
        m->stats[n] = all[n];
    return (int)n;
}

int
testdrv_domain_memory_stats(struct vireo_domain *dom,
                            struct vireo_memory_stat *stats,
                            unsigned int nr_stats, unsigned flags,
                            struct vireo_error *err)
{
    struct memory_io m = { .stats = stats, .nr_stats = nr_stats };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainMemoryStats") < 0)
        return -1;
    return test_call_dom(dom, op_memory_stats, &m, err);
}

/* ---- Disks ------------------------------------------------------------ */

int
test_monitor_disk_index(const struct domain_def *def, const char *name)
{
    return domain_def_disk_index(def, name);
}

struct disk_io {
    const char               *name;
    struct vireo_block_stats *stats;
    struct vireo_block_info  *info;
};

static int
op_block_stats(struct test_state *st, struct domain_obj *obj, void *io,
               struct vireo_error *err)
{
    struct disk_io *d = io;
    long long base;

    if (check_active(obj, err) < 0)
        return -1;
    if (test_monitor_disk_index(obj->def, d->name) < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "invalid path: %s", d->name);
    base = (long long)real_time_us();
    *d->stats = (struct vireo_block_stats){
        .rd_req = base / 10, .rd_bytes = base / 20, .wr_req = base / 30,
        .wr_bytes = base / 40, .errs = base / (1000LL * 1000LL * 2),
    };
    return 0;
}

int
testdrv_domain_block_stats(struct vireo_domain *dom, const char *disk,
                           struct vireo_block_stats *stats,
                           struct vireo_error *err)
{
    struct disk_io d = { .name = disk, .stats = stats };

    if (disk[0] == '\0')
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_TEST,
                         "summary statistics are not supported yet");
    return test_call_dom(dom, op_block_stats, &d, err);
}

static int
op_get_block_info(struct test_state *st, struct domain_obj *obj, void *io,
                  struct vireo_error *err)
{
    struct disk_io *d = io;
    int i = test_monitor_disk_index(obj->def, d->name);

    if (i < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "invalid path %s not assigned to domain", d->name);
    if (obj->def->disks[i].source_path == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "disk '%s' does not currently have a source "
                         "assigned", d->name);
    *d->info = (struct vireo_block_info){
        .capacity = TEST_DISK_CAPACITY,
        .allocation = TEST_DISK_ALLOCATION,
        .physical = TEST_DISK_ALLOCATION,
    };
    return 0;
}

int
testdrv_domain_get_block_info(struct vireo_domain *dom, const char *disk,
                              struct vireo_block_info *info, unsigned flags,
                              struct vireo_error *err)
{
    struct disk_io d = { .name = disk, .info = info };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetBlockInfo") < 0)
        return -1;
    return test_call_dom(dom, op_get_block_info, &d, err);
}

struct disk_errors_io {
    struct vireo_disk_error *errors;
    unsigned int             maxerrors;
};

/* Every disk of a running test domain reports an error, alternately
 * "unspecified" and "no space", as in libvirt's test driver. */
static int
op_get_disk_errors(struct test_state *st, struct domain_obj *obj, void *io,
                   struct vireo_error *err)
{
    struct disk_errors_io *e = io;
    int n = obj->def->n_disks;

    if (check_active(obj, err) < 0)
        return -1;
    if (e->errors == NULL)
        return n;
    if ((unsigned)n > e->maxerrors)
        n = (int)e->maxerrors;
    for (int i = 0; i < n; i++) {
        e->errors[i].disk = strdup(obj->def->disks[i].target_dev);
        e->errors[i].error = i % 2 + 1;
        if (e->errors[i].disk == NULL) {
            for (int j = 0; j < i; j++)
                free(e->errors[j].disk);
            return error_no_memory(err);
        }
    }
    return n;
}

int
testdrv_domain_get_disk_errors(struct vireo_domain *dom,
                               struct vireo_disk_error *errors,
                               unsigned int maxerrors, unsigned flags,
                               struct vireo_error *err)
{
    struct disk_errors_io e = { .errors = errors, .maxerrors = maxerrors };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetDiskErrors") < 0)
        return -1;
    return test_call_dom(dom, op_get_disk_errors, &e, err);
}

/* ---- Interfaces ------------------------------------------------------- */

const struct domain_interface *
test_monitor_find_interface(const struct domain_def *def, const char *device,
                            struct vireo_error *err)
{
    return domain_def_find_interface(def, device, err);
}

struct interface_io {
    const char                   *device;
    struct vireo_interface_stats *stats;
};

static int
op_interface_stats(struct test_state *st, struct domain_obj *obj, void *io,
                   struct vireo_error *err)
{
    struct interface_io *n = io;
    long long base;

    if (check_active(obj, err) < 0 ||
        test_monitor_find_interface(obj->def, n->device, err) == NULL)
        return -1;
    base = (long long)real_time_us();
    *n->stats = (struct vireo_interface_stats){
        .rx_bytes = base / 10, .rx_packets = base / 100,
        .rx_errs = base / (1000LL * 1000LL), .rx_drop = base / (2000LL * 1000LL),
        .tx_bytes = base / 20, .tx_packets = base / 110,
        .tx_errs = base / (3000LL * 1000LL), .tx_drop = base / (4000LL * 1000LL),
    };
    return 0;
}

int
testdrv_domain_interface_stats(struct vireo_domain *dom, const char *device,
                               struct vireo_interface_stats *stats,
                               struct vireo_error *err)
{
    struct interface_io n = { .device = device, .stats = stats };

    return test_call_dom(dom, op_interface_stats, &n, err);
}

/* ---- Control state, updates ------------------------------------ */

/* Nothing ever holds a test domain's monitor: always "ok". */
static int
op_get_control_info(struct test_state *st, struct domain_obj *obj, void *io,
                    struct vireo_error *err)
{
    if (check_active(obj, err) < 0)
        return -1;
    *(struct vireo_domain_control_info *)io =
        (struct vireo_domain_control_info){ 0 };
    return 0;
}

int
testdrv_domain_get_control_info(struct vireo_domain *dom,
                                struct vireo_domain_control_info *info,
                                unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetControlInfo") < 0)
        return -1;
    return test_call_dom(dom, op_get_control_info, info, err);
}

/* The test driver changes a live definition and its persistent one
 * together, so they never differ. */
static int
op_is_updated(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    return 0;
}

int
testdrv_domain_is_updated(struct vireo_domain *dom, struct vireo_error *err)
{
    return test_call_dom(dom, op_is_updated, NULL, err);
}
