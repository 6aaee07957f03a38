/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nbconsole-client.c: a guest's console read without blocking, as an
 * application on vireo's default event loop does it:
 *
 *   nbconsole-client URI DOMAIN TEXT
 *
 * vireo gives a console as the application's end of a non-blocking
 * socket (vireo_domain_open_console): TEXT is written to it, and a watch
 * of the loop reads what comes back until the guest's echo of TEXT is
 * there. Prints "echo=" the last bytes read, "events=" the union of the
 * watch's events and "would_block=" how many reads found nothing, as
 * console_client.py's nbecho mode does through python3-libvirt's
 * non-blocking stream.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api/vireo.h"

/* What the watch read. Loop thread only. */
struct console {
    char        got[65536];
    size_t      n_got;
    const char *want;        /* the echo awaited */
    int         events;
    int         n_would_block;
    bool        is_done;
};

static void
on_readable(int watch, int fd, int events, void *opaque)
{
    struct console *c = opaque;
    ssize_t n = read(fd, c->got + c->n_got, sizeof(c->got) - 1 - c->n_got);

    (void)watch;
    c->events |= events;
    if (n > 0) {
        c->n_got += (size_t)n;
        c->got[c->n_got] = '\0';
        c->is_done = strstr(c->got, c->want) != NULL ||
                     c->n_got == sizeof(c->got) - 1;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        c->n_would_block++;
    } else {
        c->is_done = true;      /* the console ended */
    }
}

static int
read_echo(struct vireo_domain *dom, const char *text, char *want)
{
    struct vireo_error err = { 0 };
    struct console c = { .want = want };
    size_t len = strlen(text);
    int fd, watch;

    if (vireo_domain_open_console(dom, NULL, 0, &fd, &err) < 0) {
        fprintf(stderr, "open console: %s\n", err.message);
        return 1;
    }
    watch = vireo_event_add_handle(fd, VIREO_EVENT_HANDLE_READABLE,
                                   on_readable, &c, NULL);
    if (watch < 0 || write(fd, text, len) != (ssize_t)len) {
        fprintf(stderr, "cannot watch or write the console\n");
        return 1;
    }
    while (!c.is_done)
        vireo_event_run_default_impl(&err);
    printf("echo=%s\n", c.n_got >= len ? c.got + c.n_got - len : c.got);
    printf("events=%d\n", c.events);
    printf("would_block=%d\n", c.n_would_block);
    vireo_event_remove_handle(watch);
    close(fd);        /* the console's end: the stream is finished */
    return 0;
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    struct vireo_domain *dom;
    char want[256];
    int rc;

    if (argc != 4 || strlen(argv[3]) >= sizeof(want)) {
        fprintf(stderr, "usage: %s URI DOMAIN TEXT\n", argv[0]);
        return 2;
    }
    for (size_t i = 0; argv[3][i] != '\0'; i++)
        want[i] = (char)(argv[3][i] >= 'a' && argv[3][i] <= 'z'
                             ? argv[3][i] - 'a' + 'A' : argv[3][i]);
    want[strlen(argv[3])] = '\0';
    if (vireo_event_register_default_impl(&err) < 0 ||
        (conn = vireo_conn_open(argv[1], 0, &err)) == NULL ||
        (dom = vireo_domain_lookup_by_name(conn, argv[2], &err)) == NULL) {
        fprintf(stderr, "cannot reach the domain: %s\n", err.message);
        return 1;
    }
    rc = read_echo(dom, argv[3], want);
    vireo_domain_free(dom);
    vireo_conn_close(conn);
    return rc;
}
