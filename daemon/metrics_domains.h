/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_domains.h: per-domain figures (state, CPU time, memory, block
 * and network I/O) for the metrics endpoint.
 *
 * The daemon opens a read-only connection of its own to each started
 * driver that has the all-domain-stats slot, and every interval pushes a
 * collection onto that driver's thread. Its answer is kept as the latest
 * snapshot; a scrape renders that snapshot and its age, so scraping never
 * waits on a driver thread. The connection holds the driver's state as a
 * client's would (test:///default then lives as long as the daemon).
 */
#ifndef VIREO_DAEMON_METRICS_DOMAINS_H
#define VIREO_DAEMON_METRICS_DOMAINS_H

#include <stdbool.h>
#include <stdint.h>

#include "api/vireo.h"

struct driver;
struct metrics_text;

/* One disk's or interface's counters. */
struct metrics_device {
    char    *name;
    uint64_t in_bytes, out_bytes;     /* block: read, written;
                                         net: received, transmitted */
    uint64_t in_ops, out_ops;         /* requests, or packets */
};

/* One domain, as read from its all-domain-stats record (and its info
 * where the record had no such group). Built on a driver thread, then
 * only read. */
struct metrics_domain {
    char                  *name;
    int                    state;        /* enum vireo_domain_state */
    bool                   has_cpu;
    uint64_t               cpu_time_ns;
    bool                   has_memory;
    uint64_t               memory_bytes;
    uint64_t               max_memory_bytes;
    int                    n_vcpus;      /* -1: not reported */
    struct metrics_device *blocks;
    int                    n_blocks;
    struct metrics_device *nets;
    int                    n_nets;
};

/* Fill d from a record's typed parameters (libvirt's names: state.state,
 * cpu.time, balloon.current, balloon.maximum, vcpu.current,
 * block.N.name, block.N.rd.bytes, net.N.name, net.N.rx.bytes, ...).
 * d->name is left alone. 0, or -1 when memory ran short (d then holds
 * what it had; metrics_domain_clear() frees it). */
int  metrics_domain_read(struct metrics_domain *d,
                         const struct vireo_typed_params *p);
void metrics_domain_clear(struct metrics_domain *d);

/* A driver thread, in a collection: when d (of dom, running) has no disk
 * or interface figures, read its devices from dom's XML and their
 * counters from drv's block and interface stats slots. 0, or -1 with err
 * set. */
int  metrics_domain_add_devices(const struct driver *drv,
                                struct vireo_domain *dom,
                                struct metrics_domain *d,
                                struct vireo_error *err);

/* Loop thread: collect from each of drivers (NULL-terminated) that is
 * running and has the slot, now and every interval_ms. 0, or -1 with err
 * set. */
int  metrics_domains_start(const struct driver *const *drivers,
                           int interval_ms, struct vireo_error *err);

/* Loop thread: stop collecting; each connection is closed on its
 * driver's thread (after a collection in flight, if any). Before the
 * drivers stop. */
void metrics_domains_stop(void);

/* Any thread, between start and stop: the per-domain families, and
 * vireo_domain_stats_age_seconds per driver. */
void metrics_domains_render(struct metrics_text *t);

#endif /* VIREO_DAEMON_METRICS_DOMAINS_H */
