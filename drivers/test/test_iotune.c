/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_iotune.c: the test driver's block I/O tunables as typed
 * parameters: <blkiotune> (virDomainGet/SetBlkioParameters) and a disk's
 * <iotune> (virDomainGet/SetBlockIoTune), with libvirt's test driver's
 * checks in its order and its words. Each runs on the test driver's
 * thread (test_call.h).
 *
 * libvirt's test driver emits no TUNABLE event for these: it gathers the
 * event's parameters for a block I/O tune and never queues them.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_iotune.h"
#include "drivers/test/test_monitor.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_tune.h"
#include "drivers/typed_params.h"

/* How many parameters each getter gives, as libvirt's test driver. */
#define N_BLKIO_PARAMS  6
#define N_IOTUNE_PARAMS 20

/* libvirt's test driver's ceiling on a throttle value. */
#define IOTUNE_MAX 1000000000000000ULL

/* ---- <blkiotune> ------------------------------------------------------ */

/* The per-device values, in the order of their parameters. */
enum blkio_field {
    BLKIO_WEIGHT = 0, BLKIO_READ_IOPS, BLKIO_WRITE_IOPS, BLKIO_READ_BPS,
    BLKIO_WRITE_BPS, N_BLKIO_FIELDS,
};

static const char *const blkio_params[N_BLKIO_FIELDS] = {
    VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
};

static unsigned long long
blkio_get(const struct domain_blkio_device *d, int field)
{
    switch (field) {
    case BLKIO_WEIGHT:     return d->weight;
    case BLKIO_READ_IOPS:  return d->read_iops_sec;
    case BLKIO_WRITE_IOPS: return d->write_iops_sec;
    case BLKIO_READ_BPS:   return d->read_bytes_sec;
    default:               return d->write_bytes_sec;
    }
}

static void
blkio_put(struct domain_blkio_device *d, int field, unsigned long long v)
{
    switch (field) {
    case BLKIO_WEIGHT:     d->weight = (unsigned int)v; break;
    case BLKIO_READ_IOPS:  d->read_iops_sec = (unsigned int)v; break;
    case BLKIO_WRITE_IOPS: d->write_iops_sec = (unsigned int)v; break;
    case BLKIO_READ_BPS:   d->read_bytes_sec = v; break;
    default:               d->write_bytes_sec = v; break;
    }
}

/* "path,value,path,value" of the devices with a value for field. */
static char *
blkio_devices_string(const struct domain_blkiotune *b, int field)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool is_first = true;

    if (out == NULL)
        return NULL;
    for (int i = 0; i < b->n_devices; i++) {
        unsigned long long v = blkio_get(&b->devices[i], field);

        if (v == 0)
            continue;
        fprintf(out, "%s%s,%llu", is_first ? "" : ",", b->devices[i].path,
                v);
        is_first = false;
    }
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static int
add_blkio_params(struct vireo_typed_params *out,
                 const struct domain_blkiotune *b, struct vireo_error *err)
{
    if (vireo_typed_params_add_uint(out, VIR_DOMAIN_BLKIO_WEIGHT, b->weight,
                                    err) < 0)
        return -1;
    for (int f = 0; f < N_BLKIO_FIELDS; f++) {
        char *text = blkio_devices_string(b, f);
        int rc;

        if (text == NULL)
            return error_no_memory(err);
        rc = vireo_typed_params_add_string(out, blkio_params[f], text, err);
        free(text);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int
op_get_blkio(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    const struct domain_def *def = test_tune_read_def(obj, t->flags, err);

    if (def == NULL)
        return -1;
    return add_blkio_params(t->out, &def->blkiotune, err);
}

int
testdrv_domain_get_blkio_params(struct vireo_domain *dom,
                                struct vireo_typed_params *params,
                                unsigned flags, struct vireo_error *err)
{
    struct test_iotune_io t = { .out = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          TEST_IOTUNE_AFFECT | TEST_IOTUNE_STRING_OKAY,
                          "testDomainGetBlkioParameters") < 0)
        return -1;
    if (params == NULL)
        return N_BLKIO_PARAMS;
    return test_call_dom(dom, op_get_blkio, &t, err);
}

/* One "path,value" of a device string, as libvirt reads it. */
struct blkio_entry {
    char              *path;
    unsigned long long value;
};

static int
blkio_parse_error(const char *param, const char *text,
                  struct vireo_error *err)
{
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                     "unable to parse blkio device '%s' '%s'", param, text);
}

/* The number at s, up to its end; libvirt's virStrToLong_uip/_ullp. */
static bool
blkio_number(const char *s, int field, char **end, unsigned long long *v)
{
    const char *digits = s;

    while (*digits == ' ' || *digits == '\t')
        digits++;
    if (*digits == '-')
        return false;
    errno = 0;
    *v = strtoull(s, end, 10);
    if (*end == s || errno != 0)
        return false;
    return field == BLKIO_READ_BPS || field == BLKIO_WRITE_BPS ||
           *v <= UINT_MAX;
}

/* Parse text into entries (n_entries of them, the caller frees). */
static int
blkio_parse(const char *text, int field, struct blkio_entry **entries,
            int *n_entries, struct vireo_error *err)
{
    const char *param = blkio_params[field];
    int n_commas = 0;
    const char *s = text;

    *entries = NULL;
    *n_entries = 0;
    if (text[0] == '\0')
        return 0;
    for (const char *c = text; (c = strchr(c, ',')) != NULL; c++)
        n_commas++;
    /* Pairs: an odd number of commas. */
    if (n_commas % 2 == 0)
        return blkio_parse_error(param, text, err);
    *entries = calloc((size_t)(n_commas + 1) / 2, sizeof(**entries));
    if (*entries == NULL)
        return error_no_memory(err);
    for (;;) {
        const char *comma = strchr(s, ',');
        struct blkio_entry *e = &(*entries)[*n_entries];
        char *end;

        if (comma == NULL)
            return blkio_parse_error(param, text, err);
        e->path = strndup(s, (size_t)(comma - s));
        if (e->path == NULL)
            return error_no_memory(err);
        (*n_entries)++;
        s = comma + 1;
        if (!blkio_number(s, field, &end, &e->value))
            return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                             "invalid value '%s' for parameter '%s' of "
                             "device '%s'", s, param, e->path);
        if (*end == '\0')
            return 0;
        if (*end != ',')
            return blkio_parse_error(param, text, err);
        s = end + 1;
    }
}

static void
blkio_entries_free(struct blkio_entry *entries, int n)
{
    for (int i = 0; i < n; i++)
        free(entries[i].path);
    free(entries);
}

static struct domain_blkio_device *
blkio_find(struct domain_blkiotune *b, const char *path)
{
    for (int i = 0; i < b->n_devices; i++)
        if (strcmp(b->devices[i].path, path) == 0)
            return &b->devices[i];
    return NULL;
}

/* libvirt's merge: a known device takes the value, even 0; a new one is
 * added only with a value. The entries' paths move into b. */
static int
blkio_merge(struct domain_blkiotune *b, struct blkio_entry *entries, int n,
            int field, struct vireo_error *err)
{
    for (int i = 0; i < n; i++) {
        struct domain_blkio_device *d = blkio_find(b, entries[i].path);

        if (d == NULL && entries[i].value == 0)
            continue;
        if (d == NULL) {
            d = realloc(b->devices, (size_t)(b->n_devices + 1) * sizeof(*d));
            if (d == NULL)
                return error_no_memory(err);
            b->devices = d;
            d = &d[b->n_devices++];
            *d = (struct domain_blkio_device){ .path = entries[i].path };
            entries[i].path = NULL;
        }
        blkio_put(d, field, entries[i].value);
    }
    return 0;
}

static int
blkio_field_of(const char *name)
{
    for (int f = 0; f < N_BLKIO_FIELDS; f++)
        if (strcmp(blkio_params[f], name) == 0)
            return f;
    return -1;
}

static int
blkio_set_devices(struct domain_blkiotune *b, const char *text, int field,
                  struct vireo_error *err)
{
    struct blkio_entry *entries;
    int n, rc;

    rc = blkio_parse(text, field, &entries, &n, err);
    if (rc == 0)
        rc = blkio_merge(b, entries, n, field, err);
    blkio_entries_free(entries, n);
    return rc;
}

/* As libvirt, a bad parameter does not stop the others: the call fails
 * with the last error, the good ones applied. */
static int
op_set_blkio(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    struct domain_def *def = test_tune_one_def(obj, t->flags, NULL, err);
    int rc = 0;

    if (def == NULL)
        return -1;
    for (int i = 0; i < t->in->n; i++) {
        const struct vireo_typed_param *p = &t->in->params[i];
        int field = blkio_field_of(p->field);

        if (strcmp(p->field, VIR_DOMAIN_BLKIO_WEIGHT) == 0)
            def->blkiotune.weight = p->value.ui;
        else if (field >= 0 &&
                 blkio_set_devices(&def->blkiotune, p->value.s, field,
                                   err) < 0)
            rc = -1;
    }
    return rc;
}

int
testdrv_domain_set_blkio_params(struct vireo_domain *dom,
                                const struct vireo_typed_params *params,
                                unsigned flags, struct vireo_error *err)
{
    static const struct typed_param_spec spec[] = {
        { VIR_DOMAIN_BLKIO_WEIGHT, VIREO_TYPED_PARAM_UINT, false },
        { VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIREO_TYPED_PARAM_STRING, false },
        { VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS, VIREO_TYPED_PARAM_STRING,
          false },
        { VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIREO_TYPED_PARAM_STRING,
          false },
        { VIR_DOMAIN_BLKIO_DEVICE_READ_BPS, VIREO_TYPED_PARAM_STRING,
          false },
        { VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS, VIREO_TYPED_PARAM_STRING,
          false },
        { NULL, 0, false },
    };
    struct test_iotune_io t = { .in = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, TEST_IOTUNE_AFFECT,
                          "testDomainSetBlkioParameters") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_blkio, &t, err);
}

/* ---- A disk's <iotune> ------------------------------------------------ */

static struct domain_disk *
find_disk(struct domain_def *def, const char *name)
{
    int i = name != NULL ? test_monitor_disk_index(def, name) : -1;

    return i >= 0 ? &def->disks[i] : NULL;
}

static int
add_iotune_params(struct vireo_typed_params *out,
                  const struct domain_disk_iotune *t, struct vireo_error *err)
{
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++) {
        if (i == DOMAIN_IOTUNE_GROUP_NAME_BEFORE &&
            vireo_typed_params_add_string(out, "group_name",
                t->group_name != NULL ? t->group_name : "", err) < 0)
            return -1;
        if (vireo_typed_params_add_ullong(out, domain_iotune_field_name(i),
                                          t->values[i], err) < 0)
            return -1;
    }
    return 0;
}

static int
op_get_iotune(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    const struct domain_def *def = test_tune_read_def(obj, t->flags, err);
    const struct domain_disk *disk;

    if (def == NULL)
        return -1;
    disk = find_disk((struct domain_def *)def, t->device);
    if (disk == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "disk '%s' was not found in the domain config",
                         t->device != NULL ? t->device : "(null)");
    return add_iotune_params(t->out, &disk->iotune, err);
}

int
testdrv_domain_get_block_io_tune(struct vireo_domain *dom, const char *disk,
                                 struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    struct test_iotune_io t = { .out = params, .device = disk,
                                .flags = flags & ~TEST_IOTUNE_STRING_OKAY };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          TEST_IOTUNE_AFFECT | TEST_IOTUNE_STRING_OKAY,
                          "testDomainGetBlockIoTune") < 0)
        return -1;
    if (params == NULL)
        return N_IOTUNE_PARAMS;
    return test_call_dom(dom, op_get_iotune, &t, err);
}

static int
iotune_field_of(const char *name)
{
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++)
        if (strcmp(domain_iotune_field_name(i), name) == 0)
            return i;
    return -1;
}

/* Take the parameters into t: 0, or -1 with err set for a value over
 * libvirt's ceiling. */
static int
iotune_take(struct domain_disk_iotune *t, const struct vireo_typed_params *in,
            struct vireo_error *err)
{
    for (int i = 0; i < in->n; i++) {
        const struct vireo_typed_param *p = &in->params[i];
        int field = iotune_field_of(p->field);

        if (field < 0) {
            free(t->group_name);
            t->group_name = strdup(p->value.s);
            if (t->group_name == NULL)
                return error_no_memory(err);
            continue;
        }
        if (p->value.ul > IOTUNE_MAX)
            return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED,
                             VIR_FROM_TEST, "block I/O throttle limit value "
                             "must be no more than %llu", IOTUNE_MAX);
        t->values[field] = p->value.ul;
    }
    return 0;
}

/* A total and its read or write part exclude each other. */
static int
check_exclusive(const struct domain_disk_iotune *t, int total,
                const char *what, struct vireo_error *err)
{
    const unsigned long long *v = t->values;

    if (v[total] != 0 && (v[total + 1] != 0 || v[total + 2] != 0))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "total and read/write of %s cannot be set at the "
                         "same time", what);
    return 0;
}

/* libvirt 9.0's test driver compares each value with its maximum, even
 * one left at 0, with these words (trailing space included). */
static int
check_maxima(const struct domain_disk_iotune *t, struct vireo_error *err)
{
    for (int i = DOMAIN_IOTUNE_TOTAL_BYTES_SEC;
         i <= DOMAIN_IOTUNE_WRITE_IOPS_SEC; i++)
        if (t->values[i] > t->values[i + DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX])
            return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                             "%s cannot be set higher than %s ",
                             domain_iotune_field_name(i),
                             domain_iotune_field_name(
                                 i + DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX));
    return 0;
}

static int
iotune_check(const struct domain_disk_iotune *t, struct vireo_error *err)
{
    if (check_exclusive(t, DOMAIN_IOTUNE_TOTAL_BYTES_SEC, "bytes_sec",
                        err) < 0 ||
        check_exclusive(t, DOMAIN_IOTUNE_TOTAL_IOPS_SEC, "iops_sec",
                        err) < 0 ||
        check_exclusive(t, DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX,
                        "bytes_sec_max", err) < 0 ||
        check_exclusive(t, DOMAIN_IOTUNE_TOTAL_IOPS_SEC_MAX, "iops_sec_max",
                        err) < 0)
        return -1;
    return check_maxima(t, err);
}

static int
op_set_iotune(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    struct domain_def *def = test_tune_one_def(obj, t->flags, NULL, err);
    struct domain_disk_iotune next;
    struct domain_disk *disk;

    if (def == NULL)
        return -1;
    if ((disk = find_disk(def, t->device)) == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "missing persistent configuration for disk '%s'",
                         t->device);
    next = disk->iotune;
    next.group_name = NULL;
    if (disk->iotune.group_name != NULL &&
        (next.group_name = strdup(disk->iotune.group_name)) == NULL)
        return error_no_memory(err);
    if (iotune_take(&next, t->in, err) < 0 || iotune_check(&next, err) < 0) {
        domain_iotune_disk_clear(&next);
        return -1;
    }
    domain_iotune_disk_clear(&disk->iotune);
    disk->iotune = next;
    return 0;
}

int
testdrv_domain_set_block_io_tune(struct vireo_domain *dom, const char *disk,
                                 const struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    struct typed_param_spec spec[DOMAIN_IOTUNE_N_FIELDS + 2];
    struct test_iotune_io t = { .in = params, .device = disk,
                                .flags = flags };

    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++)
        spec[i] = (struct typed_param_spec){ domain_iotune_field_name(i),
                                             VIREO_TYPED_PARAM_ULLONG,
                                             false };
    spec[DOMAIN_IOTUNE_N_FIELDS] = (struct typed_param_spec){
        "group_name", VIREO_TYPED_PARAM_STRING, false };
    spec[DOMAIN_IOTUNE_N_FIELDS + 1] = (struct typed_param_spec){ .field = NULL };
    if (error_check_flags(err, VIR_FROM_TEST, flags, TEST_IOTUNE_AFFECT,
                          "testDomainSetBlockIoTune") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_iotune, &t, err);
}
