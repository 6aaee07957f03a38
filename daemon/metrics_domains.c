/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_domains.c: collecting per-domain figures on the drivers'
 * threads, and rendering the latest of them on the scraping thread.
 *
 * Each collector is shared three ways, each part with one owner: the loop
 * thread starts collections (is_collecting says one is in flight, so at
 * most one is); during a collection the driver's thread alone uses conn
 * and pending; and latest is swapped under a lock that a scrape holds
 * only to take a reference. The collector is counted: the loop's
 * reference, and one for the collection in flight, whose end may come
 * after the loop has let go.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/log.h"
#include "daemon/metrics_calls.h"
#include "daemon/metrics_domains.h"
#include "daemon/metrics_text.h"
#include "drivers/call.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/uri.h"
#include "loop/uv_impl.h"

/* Collections are numbered by driver in the figures; a daemon has a few. */
#define MAX_COLLECTORS 8

/* One collection's answer. Read-only once published; freed by its last
 * reference (the collector's, or a scrape's). */
struct snapshot {
    atomic_int             refs;
    uint64_t               taken_ns;     /* metrics_now_ns() */
    struct metrics_domain *doms;
    int                    n;
};

/* One per driver collected from; its parts' owners are in the comment at
 * the top of this file. */
struct collector {
    atomic_int           refs;
    const struct driver *drv;
    struct uri          *uri;
    struct vireo_conn   *conn;      /* the daemon's; opened on the first
                                       collection, on the driver's thread */
    struct call          call;
    struct vireo_error   err;
    atomic_bool          is_collecting;
    struct snapshot     *pending;   /* the driver's thread's, in a run */
    pthread_mutex_t      lock;      /* guards latest */
    struct snapshot     *latest;
    _Atomic uint64_t     n_failures;
    bool                 has_logged_failure;   /* driver thread */
};

/* Loop thread; read by scrapes between start and stop. */
static struct collector *collectors[MAX_COLLECTORS];
static int n_collectors;
static uv_timer_t timer;
static bool is_timer_set;

static void
snapshot_unref(struct snapshot *s)
{
    if (s == NULL || atomic_fetch_sub(&s->refs, 1) != 1)
        return;
    for (int i = 0; i < s->n; i++)
        metrics_domain_clear(&s->doms[i]);
    free(s->doms);
    free(s);
}

static void
collector_unref(struct collector *col)
{
    if (atomic_fetch_sub(&col->refs, 1) != 1)
        return;
    snapshot_unref(col->pending);
    snapshot_unref(col->latest);
    /* On the driver's thread the close runs at once, elsewhere there. */
    handle_conn_unref_elsewhere(col->conn);
    uri_free(col->uri);
    pthread_mutex_destroy(&col->lock);
    free(col);
}

/* ---- On the driver's thread ------------------------------------------ */

static int
open_once(struct collector *col)
{
    struct vireo_conn *conn = col->conn;

    if (conn->driver != NULL)
        return 0;
    conn->driver = col->drv;
    if (col->drv->open(conn, col->uri, VIREO_CONNECT_RO, &col->err) < 0) {
        conn->driver = NULL;
        return -1;
    }
    return 0;
}

/* What the record lacks (or all, without a record: d->state 0), from
 * the domain's info: the test driver's records hold the state group only,
 * the QEMU driver's the state, interface and block groups. */
static int
add_info(struct collector *col, struct vireo_domain *dom,
         struct metrics_domain *d)
{
    struct vireo_domain_info info;

    if ((d->has_cpu && d->has_memory) || col->drv->domain_get_info == NULL)
        return 0;
    if (col->drv->domain_get_info(dom, &info, &col->err) < 0)
        return -1;
    if (d->state == 0)
        d->state = info.state;
    if (!d->has_cpu) {
        d->has_cpu = true;
        d->cpu_time_ns = info.cpu_time_ns;
    }
    if (!d->has_memory) {
        d->has_memory = true;
        d->memory_bytes = info.memory_kib * 1024;
        d->max_memory_bytes = info.max_mem_kib * 1024;
    }
    if (d->n_vcpus < 0)
        d->n_vcpus = (int)info.n_vcpus;
    return 0;
}

/* dom's figures into d: its record's parameters (NULL: none), then its
 * info. */
static int
read_domain(struct collector *col, struct vireo_domain *dom,
            const struct vireo_typed_params *params, struct metrics_domain *d)
{
    d->n_vcpus = -1;
    d->name = strdup(dom->name);
    if (d->name == NULL ||
        (params != NULL && metrics_domain_read(d, params) < 0))
        return error_no_memory(&col->err);
    if (add_info(col, dom, d) < 0)
        return -1;
    return metrics_domain_add_devices(col->drv, dom, d, &col->err);
}

static struct snapshot *
snapshot_new(int n)
{
    struct snapshot *s = calloc(1, sizeof(*s));

    if (s == NULL || (n > 0 && (s->doms = calloc((size_t)n,
                                                 sizeof(*s->doms))) == NULL)) {
        free(s);
        return NULL;
    }
    atomic_init(&s->refs, 1);
    s->n = n;
    return s;
}

/* The figures of the n domains of recs into a new pending snapshot;
 * recs without parameters (has_params false) are read from their info
 * alone. Frees recs. */
static int
read_records(struct collector *col, struct vireo_domain_stats_record *recs,
             int n, bool has_params)
{
    int rc = 0;

    col->pending = snapshot_new(n);
    if (col->pending == NULL)
        rc = error_no_memory(&col->err);
    for (int i = 0; rc == 0 && i < n; i++)
        rc = read_domain(col, recs[i].dom,
                         has_params ? &recs[i].params : NULL,
                         &col->pending->doms[i]);
    vireo_domain_stats_free(recs, n);
    return rc;
}

/* Every domain's record, from the all-domain-stats slot. */
static int
collect_stats(struct collector *col)
{
    struct vireo_domain_stats_record *recs = NULL;
    int n = col->drv->conn_get_all_domain_stats(col->conn, NULL, 0, 0, &recs,
                                                0, &col->err);

    return n < 0 ? -1 : read_records(col, recs, n, true);
}

/* A driver without that slot: every domain, as records without
 * parameters (each takes over the list's reference on its domain). */
static int
collect_infos(struct collector *col)
{
    struct vireo_domain **doms = NULL;
    struct vireo_domain_stats_record *recs;
    int n = col->drv->conn_list_all_domains(col->conn, &doms, 0, &col->err);

    if (n < 0)
        return -1;
    recs = calloc((size_t)n + 1, sizeof(*recs));
    if (recs == NULL) {
        handle_domain_array_free(doms, n);
        return error_no_memory(&col->err);
    }
    for (int i = 0; i < n; i++)
        recs[i].dom = doms[i];
    free(doms);
    return read_records(col, recs, n, false);
}

/* Runs (and may run again, if a slot waited) on the driver's thread. */
static int
collect_run(struct call *c, void *opaque)
{
    struct collector *col = opaque;

    snapshot_unref(col->pending);
    col->pending = NULL;
    if (open_once(col) < 0)
        return -1;
    return col->drv->conn_get_all_domain_stats != NULL ? collect_stats(col)
                                                       : collect_infos(col);
}

/* Publish a collection's answer, or keep the last one and count the
 * failure (logged once, so that a broken driver does not fill the log). */
static void
collect_done(struct call *c, int rc, void *opaque)
{
    struct collector *col = opaque;
    struct snapshot *old;

    if (rc < 0) {
        atomic_fetch_add(&col->n_failures, 1);
        if (!col->has_logged_failure)
            log_warn("metrics: cannot collect the %s driver's domain "
                     "statistics: %s", col->drv->name, col->err.message);
        col->has_logged_failure = true;
    } else {
        col->has_logged_failure = false;
        col->pending->taken_ns = metrics_now_ns();
        pthread_mutex_lock(&col->lock);
        old = col->latest;
        col->latest = col->pending;
        pthread_mutex_unlock(&col->lock);
        col->pending = NULL;
        snapshot_unref(old);
    }
    snapshot_unref(col->pending);
    col->pending = NULL;
    atomic_store(&col->is_collecting, false);
    collector_unref(col);
}

/* ---- On the loop thread ---------------------------------------------- */

static void
collect(struct collector *col)
{
    struct worker *w = col->drv->worker();

    if (atomic_load(&col->is_collecting) || w == NULL)
        return;
    atomic_store(&col->is_collecting, true);
    atomic_fetch_add(&col->refs, 1);
    call_init(&col->call, collect_run, collect_done, col, &col->err);
    if (!call_submit(w, &col->call)) {
        atomic_store(&col->is_collecting, false);
        collector_unref(col);
    }
}

static void
on_timer(uv_timer_t *t)
{
    for (int i = 0; i < n_collectors; i++)
        collect(collectors[i]);
}

/* The URI the daemon's own connection opens: test:///default, or the
 * driver's system (as root) or session URI. */
static int
uri_for(const struct driver *drv, char *buf, size_t size)
{
    const char *path = strcmp(drv->name, "test") == 0 ? "default"
                       : geteuid() == 0 ? "system" : "session";

    return snprintf(buf, size, "%s:///%s", drv->schemes[0], path) <
           (int)size ? 0 : -1;
}

static struct collector *
collector_new(const struct driver *drv, struct vireo_error *err)
{
    struct collector *col = calloc(1, sizeof(*col));
    char uri[64];

    if (col == NULL || uri_for(drv, uri, sizeof(uri)) < 0 ||
        (col->uri = uri_parse(uri, err)) == NULL ||
        (col->conn = handle_conn_new(uri, true)) == NULL) {
        if (col != NULL)
            uri_free(col->uri);
        free(col);
        if (err->code == 0)
            error_no_memory(err);
        return NULL;
    }
    atomic_init(&col->refs, 1);
    col->drv = drv;
    pthread_mutex_init(&col->lock, NULL);
    return col;
}

static bool
is_collectable(const struct driver *drv)
{
    bool has_figures = drv->conn_get_all_domain_stats != NULL ||
                       (drv->conn_list_all_domains != NULL &&
                        drv->domain_get_info != NULL);

    return has_figures && drv->open != NULL &&
           drv->worker != NULL && drv->worker() != NULL &&
           drv->schemes != NULL && drv->schemes[0] != NULL;
}

int
metrics_domains_start(const struct driver *const *drivers, int interval_ms,
                      struct vireo_error *err)
{
    for (int i = 0; drivers[i] != NULL && n_collectors < MAX_COLLECTORS;
         i++) {
        if (!is_collectable(drivers[i]))
            continue;
        collectors[n_collectors] = collector_new(drivers[i], err);
        if (collectors[n_collectors] == NULL)
            return -1;
        n_collectors++;
    }
    uv_timer_init(uv_impl_loop(), &timer);
    uv_timer_start(&timer, on_timer, 0, (uint64_t)interval_ms);
    is_timer_set = true;
    return 0;
}

void
metrics_domains_stop(void)
{
    if (is_timer_set) {
        uv_timer_stop(&timer);
        uv_close((uv_handle_t *)&timer, NULL);
        is_timer_set = false;
    }
    for (int i = 0; i < n_collectors; i++)
        collector_unref(collectors[i]);
    n_collectors = 0;
}

/* ---- On the scraping thread ------------------------------------------ */

/* The latest snapshot of each collector (a reference each, or NULL), on
 * the stack of one scrape. */
struct view {
    const char      *driver[MAX_COLLECTORS];
    struct snapshot *snap[MAX_COLLECTORS];
    uint64_t         n_failures[MAX_COLLECTORS];
    int              n;
};

static void
view_take(struct view *v)
{
    v->n = n_collectors;
    for (int i = 0; i < v->n; i++) {
        struct collector *col = collectors[i];

        v->driver[i] = col->drv->name;
        v->n_failures[i] = atomic_load(&col->n_failures);
        pthread_mutex_lock(&col->lock);
        v->snap[i] = col->latest;
        if (v->snap[i] != NULL)
            atomic_fetch_add(&v->snap[i]->refs, 1);
        pthread_mutex_unlock(&col->lock);
    }
}

static void
view_release(struct view *v)
{
    for (int i = 0; i < v->n; i++)
        snapshot_unref(v->snap[i]);
}

/* Which figure of a domain a family shows. */
enum figure {
    FIG_STATE, FIG_CPU, FIG_VCPUS, FIG_MEMORY, FIG_MAX_MEMORY,
};

static const struct {
    const char *name, *type, *help;
} figures[] = {
    [FIG_STATE] = { "vireo_domain_state", "gauge",
        "The domain's state, as libvirt numbers it: 1 running, 2 blocked, "
        "3 paused, 4 shutting down, 5 shut off, 6 crashed, 7 suspended by "
        "the guest." },
    [FIG_CPU] = { "vireo_domain_cpu_time_seconds_total", "counter",
        "CPU time the domain has used." },
    [FIG_VCPUS] = { "vireo_domain_vcpus", "gauge",
        "The domain's virtual CPUs." },
    [FIG_MEMORY] = { "vireo_domain_memory_bytes", "gauge",
        "The domain's current memory." },
    [FIG_MAX_MEMORY] = { "vireo_domain_memory_max_bytes", "gauge",
        "The most memory the domain may have." },
};

static void
put_figure(struct metrics_text *t, enum figure fig,
           const struct metrics_domain *d, const struct metrics_label *l)
{
    const char *name = figures[fig].name;

    if (fig == FIG_STATE)
        metrics_text_u64(t, name, l, 2, (uint64_t)d->state);
    else if (fig == FIG_CPU && d->has_cpu)
        metrics_text_seconds(t, name, l, 2, d->cpu_time_ns);
    else if (fig == FIG_VCPUS && d->n_vcpus >= 0)
        metrics_text_u64(t, name, l, 2, (uint64_t)d->n_vcpus);
    else if (fig == FIG_MEMORY && d->has_memory)
        metrics_text_u64(t, name, l, 2, d->memory_bytes);
    else if (fig == FIG_MAX_MEMORY && d->has_memory)
        metrics_text_u64(t, name, l, 2, d->max_memory_bytes);
}

static void
put_figures(struct metrics_text *t, const struct view *v, enum figure fig)
{
    metrics_text_family(t, figures[fig].name, figures[fig].type,
                        figures[fig].help);
    for (int i = 0; i < v->n; i++) {
        for (int j = 0; v->snap[i] != NULL && j < v->snap[i]->n; j++) {
            const struct metrics_domain *d = &v->snap[i]->doms[j];
            struct metrics_label l[] = {
                { "driver", v->driver[i] }, { "domain", d->name },
            };

            put_figure(t, fig, d, l);
        }
    }
}

/* A device counter: which list, which field, and its family. */
struct device_figure {
    bool        is_block;
    size_t      offset;       /* of the uint64_t in struct metrics_device */
    const char *name;
    const char *help;
};

static const struct device_figure device_figures[] = {
    { true, offsetof(struct metrics_device, in_bytes),
      "vireo_domain_block_read_bytes_total", "Bytes read from a disk." },
    { true, offsetof(struct metrics_device, out_bytes),
      "vireo_domain_block_written_bytes_total", "Bytes written to a disk." },
    { true, offsetof(struct metrics_device, in_ops),
      "vireo_domain_block_read_requests_total", "Read requests of a disk." },
    { true, offsetof(struct metrics_device, out_ops),
      "vireo_domain_block_write_requests_total",
      "Write requests of a disk." },
    { false, offsetof(struct metrics_device, in_bytes),
      "vireo_domain_net_received_bytes_total",
      "Bytes received by a network interface." },
    { false, offsetof(struct metrics_device, out_bytes),
      "vireo_domain_net_transmitted_bytes_total",
      "Bytes transmitted by a network interface." },
    { false, offsetof(struct metrics_device, in_ops),
      "vireo_domain_net_received_packets_total",
      "Packets received by a network interface." },
    { false, offsetof(struct metrics_device, out_ops),
      "vireo_domain_net_transmitted_packets_total",
      "Packets transmitted by a network interface." },
};

static void
put_devices(struct metrics_text *t, const char *driver,
            const struct metrics_domain *d, const struct device_figure *f)
{
    const struct metrics_device *list = f->is_block ? d->blocks : d->nets;
    int n = f->is_block ? d->n_blocks : d->n_nets;

    for (int i = 0; i < n; i++) {
        struct metrics_label l[] = {
            { "driver", driver }, { "domain", d->name },
            { f->is_block ? "device" : "interface",
              list[i].name != NULL ? list[i].name : "" },
        };

        metrics_text_u64(t, f->name, l, 3,
                         *(const uint64_t *)((const char *)&list[i] +
                                             f->offset));
    }
}

static void
put_device_family(struct metrics_text *t, const struct view *v,
                  const struct device_figure *f)
{
    metrics_text_family(t, f->name, "counter", f->help);
    for (int i = 0; i < v->n; i++)
        for (int j = 0; v->snap[i] != NULL && j < v->snap[i]->n; j++)
            put_devices(t, v->driver[i], &v->snap[i]->doms[j], f);
}

static void
put_collection(struct metrics_text *t, const struct view *v)
{
    uint64_t now = metrics_now_ns();

    metrics_text_family(t, "vireo_domain_stats_age_seconds", "gauge",
                        "How old the per-domain figures are: they are "
                        "collected on each driver's thread in the "
                        "background, and a scrape shows the latest.");
    for (int i = 0; i < v->n; i++) {
        struct metrics_label l = { "driver", v->driver[i] };

        if (v->snap[i] != NULL)
            metrics_text_seconds(t, "vireo_domain_stats_age_seconds", &l, 1,
                                 now - v->snap[i]->taken_ns);
    }
    metrics_text_family(t, "vireo_domain_stats_failures_total", "counter",
                        "Collections of per-domain figures that failed.");
    for (int i = 0; i < v->n; i++) {
        struct metrics_label l = { "driver", v->driver[i] };

        metrics_text_u64(t, "vireo_domain_stats_failures_total", &l, 1,
                         v->n_failures[i]);
    }
}

void
metrics_domains_render(struct metrics_text *t)
{
    struct view v;

    view_take(&v);
    put_collection(t, &v);
    for (size_t f = 0; f < sizeof(figures) / sizeof(figures[0]); f++)
        put_figures(t, &v, (enum figure)f);
    for (size_t f = 0; f < sizeof(device_figures) / sizeof(device_figures[0]);
         f++)
        put_device_family(t, &v, &device_figures[f]);
    view_release(&v);
}
