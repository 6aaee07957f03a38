/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_domain_read.c: one domain's all-domain-stats record, read into
 * the figures the metrics endpoint shows. Pure: no driver, no thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/metrics_domains.h"

/* More disks or interfaces than this in one record is not a domain. */
#define MAX_DEVICES 4096

static uint64_t
as_u64(const struct vireo_typed_param *p)
{
    switch (p->type) {
    case VIREO_TYPED_PARAM_INT:     return p->value.i < 0 ? 0 : (uint64_t)p->value.i;
    case VIREO_TYPED_PARAM_UINT:    return p->value.ui;
    case VIREO_TYPED_PARAM_LLONG:   return p->value.l < 0 ? 0 : (uint64_t)p->value.l;
    case VIREO_TYPED_PARAM_ULLONG:  return p->value.ul;
    case VIREO_TYPED_PARAM_DOUBLE:  return p->value.d < 0 ? 0 : (uint64_t)p->value.d;
    case VIREO_TYPED_PARAM_BOOLEAN: return (uint64_t)p->value.b;
    default:                        return 0;
    }
}

/* Device index of *list, grown to hold it. NULL if out of range or
 * memory ran short. */
static struct metrics_device *
device_at(struct metrics_device **list, int *n, long index)
{
    struct metrics_device *grown;

    if (index < 0 || index >= MAX_DEVICES)
        return NULL;
    if (index < *n)
        return &(*list)[index];
    grown = realloc(*list, (size_t)(index + 1) * sizeof(**list));
    if (grown == NULL)
        return NULL;
    memset(grown + *n, 0, (size_t)(index + 1 - *n) * sizeof(*grown));
    *list = grown;
    *n = (int)index + 1;
    return &grown[index];
}

/* "rd.bytes" of a disk, "rx.pkts" of an interface, ...: the field it
 * fills, or NULL. */
static uint64_t *
device_field(struct metrics_device *dev, const char *what, bool is_block)
{
    static const char *const block_names[] = {
        "rd.bytes", "wr.bytes", "rd.reqs", "wr.reqs" };
    static const char *const net_names[] = {
        "rx.bytes", "tx.bytes", "rx.pkts", "tx.pkts" };
    const char *const *names = is_block ? block_names : net_names;
    uint64_t *fields[] = { &dev->in_bytes, &dev->out_bytes, &dev->in_ops,
                           &dev->out_ops };

    for (int i = 0; i < 4; i++)
        if (strcmp(what, names[i]) == 0)
            return fields[i];
    return NULL;
}

/* A "block.N.x" or "net.N.x" parameter. -1 when memory ran short. */
static int
read_device(struct metrics_domain *d, const struct vireo_typed_param *p,
            const char *rest, bool is_block)
{
    char *end;
    long index = strtol(rest, &end, 10);
    struct metrics_device *dev;
    uint64_t *field;

    if (end == rest || *end != '.')
        return 0;                       /* block.count and the like */
    dev = is_block ? device_at(&d->blocks, &d->n_blocks, index)
                   : device_at(&d->nets, &d->n_nets, index);
    if (dev == NULL)
        return index >= 0 && index < MAX_DEVICES ? -1 : 0;
    if (strcmp(end + 1, "name") == 0 && p->type == VIREO_TYPED_PARAM_STRING) {
        free(dev->name);
        dev->name = strdup(p->value.s);
        return dev->name != NULL ? 0 : -1;
    }
    if ((field = device_field(dev, end + 1, is_block)) != NULL)
        *field = as_u64(p);
    return 0;
}

static int
read_param(struct metrics_domain *d, const struct vireo_typed_param *p)
{
    const char *f = p->field;

    if (strcmp(f, "state.state") == 0) {
        d->state = (int)as_u64(p);
    } else if (strcmp(f, "cpu.time") == 0) {
        d->has_cpu = true;
        d->cpu_time_ns = as_u64(p);
    } else if (strcmp(f, "balloon.current") == 0) {
        d->has_memory = true;
        d->memory_bytes = as_u64(p) * 1024;
    } else if (strcmp(f, "balloon.maximum") == 0) {
        d->max_memory_bytes = as_u64(p) * 1024;
    } else if (strcmp(f, "vcpu.current") == 0) {
        d->n_vcpus = (int)as_u64(p);
    } else if (strncmp(f, "block.", 6) == 0) {
        return read_device(d, p, f + 6, true);
    } else if (strncmp(f, "net.", 4) == 0) {
        return read_device(d, p, f + 4, false);
    }
    return 0;
}

int
metrics_domain_read(struct metrics_domain *d,
                    const struct vireo_typed_params *p)
{
    for (int i = 0; i < p->n; i++)
        if (read_param(d, &p->params[i]) < 0)
            return -1;
    return 0;
}

static void
free_devices(struct metrics_device *list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i].name);
    free(list);
}

void
metrics_domain_clear(struct metrics_domain *d)
{
    free(d->name);
    free_devices(d->blocks, d->n_blocks);
    free_devices(d->nets, d->n_nets);
    memset(d, 0, sizeof(*d));
    d->n_vcpus = -1;
}
