/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client.h: a client library as bench-client sees it, three calls deep.
 *
 * bench-client measures vireo's client library against libvirt's, and the
 * two cannot share a translation unit: vireo.h and libvirt's virterror.h
 * both define libvirt's VIR_ERR_* names. So each library sits behind this
 * table, in a file of its own (client-vireo.c, client-libvirt.c).
 */
#ifndef BENCH_CLIENT_H
#define BENCH_CLIENT_H

/* One connection and one handle on the domain "test", looked up once. */
struct session;

struct client {
    const char *name;
    /* Connect to uri and look up "test"; NULL, with a message on stderr,
     * on failure. Any thread; the session may then be shared by threads. */
    struct session *(*open)(const char *uri);
    /* One domain get-state call; -1, with a message on stderr, on failure.
     * Safe from many threads at once on one session. */
    int (*get_state)(struct session *s);
    /* Free the handle and close the connection; NULL is a no-op. */
    void (*close)(struct session *s);
};

extern const struct client client_vireo;
extern const struct client client_libvirt;

#endif
