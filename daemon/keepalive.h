/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keepalive.h: the server side of libvirt's keepalive (spec §2.9). Once a
 * client has asked for feature 10, it is sent a PING after every interval
 * without traffic from it, and dropped after `count` PINGs in a row went
 * unanswered by any traffic. Loop thread only.
 */
#ifndef VIREO_DAEMON_KEEPALIVE_H
#define VIREO_DAEMON_KEEPALIVE_H

struct client;
struct keepalive;

/* Start pinging c. NULL (and no keepalive) when interval_s <= 0 or on
 * allocation failure. */
struct keepalive *keepalive_start(struct client *c, int interval_s,
                                  int count);

/* The client sent something: it is alive. NULL is a no-op. */
void keepalive_traffic(struct keepalive *ka);

/* Stop and free (once the loop has closed the timer). NULL is a no-op. */
void keepalive_stop(struct keepalive *ka);

#endif /* VIREO_DAEMON_KEEPALIVE_H */
