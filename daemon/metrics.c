/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics.c: the endpoint put together: the loop's counters (calls,
 * clients, events), the driver threads' load (worker_stats.h) and the
 * per-domain snapshots, rendered on the HTTP thread. The state here is
 * the loop thread's.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/log.h"
#include "daemon/metrics.h"
#include "daemon/metrics_calls.h"
#include "daemon/metrics_clients.h"
#include "daemon/metrics_domains.h"
#include "daemon/metrics_http.h"
#include "daemon/metrics_text.h"
#include "drivers/error.h"
#include "drivers/worker_stats.h"

/* How often the drivers are asked for their domains' figures. */
#define DOMAIN_INTERVAL_MS 1000

static struct metrics_http *http;
static bool are_domains_collected;

/* Each driver thread's queue and load, from its relaxed counters. */
static void
render_workers(struct metrics_text *t)
{
    size_t n;
    struct worker_stats *s = worker_stats_collect(&n);

    metrics_text_family(t, "vireo_driver_thread_queue_depth", "gauge",
                        "Jobs waiting or running on a driver thread.");
    for (size_t i = 0; i < n; i++) {
        struct metrics_label l = { "thread", s[i].name };

        metrics_text_u64(t, "vireo_driver_thread_queue_depth", &l, 1,
                         worker_stats_depth(&s[i]));
    }
    metrics_text_family(t, "vireo_driver_thread_jobs_done_total", "counter",
                        "Jobs a driver thread has run or cancelled.");
    for (size_t i = 0; i < n; i++) {
        struct metrics_label l = { "thread", s[i].name };

        metrics_text_u64(t, "vireo_driver_thread_jobs_done_total", &l, 1,
                         s[i].jobs_done);
    }
    metrics_text_family(t, "vireo_driver_thread_busy_seconds_total",
                        "counter", "Time a driver thread has spent in jobs.");
    for (size_t i = 0; i < n; i++) {
        struct metrics_label l = { "thread", s[i].name };

        metrics_text_seconds(t, "vireo_driver_thread_busy_seconds_total", &l,
                             1, s[i].busy_us * 1000);
    }
    free(s);
}

void
metrics_render(struct metrics_text *t)
{
    metrics_clients_render(t);
    metrics_calls_render(t);
    render_workers(t);
    if (are_domains_collected)
        metrics_domains_render(t);
}

/* Whether path is one of the sockets vireod listens on for clients, which
 * would replace the endpoint's as stale. */
static bool
is_client_socket(const struct daemon_config *cfg, const char *path)
{
    static const char *const names[] = { "vireo-sock", "vireo-sock-ro" };
    size_t n = strlen(cfg->unix_sock_dir);

    if (strncmp(path, cfg->unix_sock_dir, n) != 0 || path[n] != '/')
        return false;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(path + n + 1, names[i]) == 0)
            return true;
    return false;
}

int
metrics_start(const struct daemon_config *cfg,
              const struct driver *const *drivers, struct vireo_error *err)
{
    if (cfg->metrics_listen == NULL || cfg->metrics_listen[0] == '\0')
        return 0;
    if (is_client_socket(cfg, cfg->metrics_listen))
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_CONF,
                         "metrics_listen '%s' is a socket of vireod's "
                         "clients", cfg->metrics_listen);
    if (metrics_domains_start(drivers, DOMAIN_INTERVAL_MS, err) < 0) {
        metrics_domains_stop();
        return -1;
    }
    are_domains_collected = true;
    http = metrics_http_start(cfg->metrics_listen, metrics_render, err);
    if (http == NULL) {
        metrics_stop();
        return -1;
    }
    return 0;
}

void
metrics_stop(void)
{
    metrics_http_stop(http);
    http = NULL;
    if (are_domains_collected)
        metrics_domains_stop();
    are_domains_collected = false;
}

void
metrics_fini(void)
{
    metrics_clients_fini();
}
