/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-guest.h: one QEMU guest of the load generator, driven over a
 * blocking connection of its own to a daemon's qemu driver: defined from
 * bench_guest_xml(), started, called, and left as it was found (stopped
 * and undefined). The churning clients of the mixed workload each drive
 * one; so does a run that polls a running guest (--poll-guest).
 *
 * A guest is owned by the one thread that drives it.
 */
#ifndef VIREO_BENCH_LOADGEN_GUEST_H
#define VIREO_BENCH_LOADGEN_GUEST_H

#include <stdbool.h>

#include "wire/decode.h"

/* A call on a guest that takes longer than this has hung the daemon: the
 * set-up fails instead of hanging too (a start or destroy under load
 * takes seconds at worst). */
#define GUEST_CALL_TIMEOUT_S 120

struct guest {
    int                   fd;           /* its blocking connection */
    remote_nonnull_domain dom;          /* ours, once defined */
    bool                  is_defined, is_running;
    char                  name[128];
};

/* A blocking connection on the socket at path, opened on uri, whose
 * reads give up after GUEST_CALL_TIMEOUT_S: 0, or -1 with the daemon's
 * message on stderr (*fd, when not -1, is the caller's to close). */
int guest_connect(const char *path, const char *uri, int *fd);

/* Define the guest prefix-what on a connection of its own: 0, or -1
 * with the daemon's message on stderr; either way g is
 * guest_release()'s afterwards. */
int guest_define(struct guest *g, const char *path, const char *uri,
                 const char *prefix, const char *what);

/* One call on the guest, on fd (its own client's, or another's); the
 * milliseconds it took, or -1 when it failed. Every call used here takes
 * the domain alone as its argument (start, destroy, suspend, undefine). */
double guest_call(int fd, const struct guest *g, int proc);

/* Leave the daemon as it was: the guest destroyed if running and
 * undefined if defined; its connection closed. */
void guest_release(struct guest *g);

#endif /* VIREO_BENCH_LOADGEN_GUEST_H */
