/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics.h: vireod's metrics endpoint (metrics_listen): what it shows
 * and when it runs. The figures are counted all the time (cheaply, on the
 * loop); the endpoint and the per-domain collection run only when
 * metrics_listen is set.
 */
#ifndef VIREO_DAEMON_METRICS_H
#define VIREO_DAEMON_METRICS_H

#include "api/vireo.h"
#include "daemon/config.h"

struct driver;
struct metrics_text;

/* Loop thread, once the drivers have started: with cfg->metrics_listen
 * set, collect per-domain figures from drivers (NULL-terminated) and
 * serve the endpoint. 0 (also when it is not set), or -1 with err set
 * (a bad or non-loopback address, a port taken). */
int  metrics_start(const struct daemon_config *cfg,
                   const struct driver *const *drivers,
                   struct vireo_error *err);

/* Loop thread, before the drivers stop: stop serving and collecting. */
void metrics_stop(void);

/* Loop thread, once every client is freed: forget the sockets counted. */
void metrics_fini(void);

/* Any thread: every family, as a scrape shows them. */
void metrics_render(struct metrics_text *t);

#endif /* VIREO_DAEMON_METRICS_H */
