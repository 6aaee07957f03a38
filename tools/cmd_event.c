/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_event.c: `event`, which prints domain events as they arrive
 * (cmd_event_print.c prints each kind).
 *
 * Callbacks run on the thread that runs the default loop, which here is
 * the main thread, inside vireo_event_run_default_impl(): the state they
 * share with the waiting loop needs no lock. Ctrl-C ends the wait the way
 * the timeout does.
 */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_event.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_event_opts[] = {
    { "domain", OPT_STRING, true, false,
      "filter by domain name, id or uuid" },
    { "event", OPT_STRING, true, false, "which event type to wait for" },
    { "all", OPT_BOOL, false, false,
      "wait for all events instead of just one type" },
    { "loop", OPT_BOOL, false, false,
      "loop until timeout or interrupt, rather than one-shot" },
    { "timeout", OPT_NUMBER, true, false, "timeout seconds" },
    { "list", OPT_BOOL, false, false, "list valid event types" },
    { "timestamp", OPT_BOOL, false, false,
      "show timestamp for each printed event" },
    END_OPTS,
};

/* Set by the SIGINT handler. */
static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
    interrupted = 1;
    /* Wakes the loop through a libuv async handle, which is safe to send
     * from a signal handler. */
    vireo_event_interrupt_default_impl();
}

static void
on_timeout(int timer, void *opaque)
{
    struct waiter *w = opaque;

    w->is_timed_out = true;
    w->is_done = true;
}

/* ---- Registrations ------------------------------------------------------ */

struct registrations {
    struct event_watch watches[VIR_DOMAIN_EVENT_ID_LAST];
    int                ids[VIR_DOMAIN_EVENT_ID_LAST];   /* -1 when unused */
};

static void
deregister_all(struct session *s, struct registrations *r)
{
    struct vireo_error err = { 0 };

    for (int k = 0; k < VIR_DOMAIN_EVENT_ID_LAST; k++)
        if (r->ids[k] >= 0)
            vireo_conn_domain_event_deregister_any(s->conn, r->ids[k], &err);
}

/* Register for the kind --event names, or for every kind with --all. As
 * virsh does, only the first registration must succeed: an older daemon
 * may not know the later ids. */
static int
register_all(struct session *s, const char *only, struct vireo_domain *dom,
             struct waiter *w, struct registrations *r)
{
    struct vireo_error err = { 0 };
    int n_tried = 0;

    for (int k = 0; k < VIR_DOMAIN_EVENT_ID_LAST; k++) {
        r->ids[k] = -1;
        if (only != NULL && strcmp(only, event_kinds[k].name) != 0)
            continue;
        r->watches[k] = (struct event_watch){ w, event_kinds[k].name };
        r->ids[k] = vireo_conn_domain_event_register_any(
            s->conn, dom, k, event_kinds[k].print, &r->watches[k], NULL,
            &err);
        if (r->ids[k] < 0 && n_tried == 0) {
            cli_report(&err);
            deregister_all(s, r);
            return -1;
        }
        n_tried++;
    }
    return 0;
}

/* ---- Waiting ------------------------------------------------------------ */

static int
wait_for_events(struct waiter *w)
{
    struct vireo_error err = { 0 };

    while (!w->is_done && !interrupted) {
        if (vireo_event_run_default_impl(&err) < 0) {
            cli_report(&err);
            return -1;
        }
    }
    return 0;
}

int
cmd_event_wait(struct waiter *w, long timeout_s)
{
    struct sigaction sa, old;
    int timer = -1, rc;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    interrupted = 0;
    sigaction(SIGINT, &sa, &old);
    if (timeout_s > 0)
        timer = vireo_event_add_timeout((int)timeout_s * 1000, on_timeout, w,
                                        NULL);
    if (timeout_s > 0 && timer < 0) {
        cli_error("failed to add the timeout to the event loop");
        rc = -1;
    } else {
        rc = wait_for_events(w);
    }
    if (timer >= 0)
        vireo_event_remove_timeout(timer);
    sigaction(SIGINT, &old, NULL);
    return rc;
}

static int
watch(struct session *s, const struct cmd *cmd, struct vireo_domain *dom,
      long timeout_s)
{
    struct waiter w = {
        .is_loop = cmd_has(cmd, "loop"),
        .has_timestamp = cmd_has(cmd, "timestamp"),
    };
    struct registrations r;
    int rc;

    if (register_all(s, cmd_string(cmd, "event"), dom, &w, &r) < 0)
        return -1;
    rc = cmd_event_wait(&w, timeout_s);
    deregister_all(s, &r);
    if (rc < 0)
        return -1;
    return cmd_event_finish(&w);
}

int
cmd_event_finish(const struct waiter *w)
{
    if (interrupted)
        printf("event loop interrupted\n");
    else if (w->is_timed_out)
        printf("event loop timed out\n");
    printf("events received: %d\n", w->n_events);
    /* As in virsh: no event is a failure, but nothing more to say. */
    return w->n_events > 0 ? 0 : -1;
}

/* virsh's checks of the options, in its order. */
static int
check_options(const struct cmd *cmd)
{
    const char *only = cmd_string(cmd, "event");
    static const char *const pairs[][2] = {
        { "all", "event" }, { "list", "all" }, { "list", "event" },
    };

    for (int i = 0; i < 3; i++)
        if (cmd_has(cmd, pairs[i][0]) && cmd_has(cmd, pairs[i][1])) {
            cli_error("Options --%s and --%s are mutually exclusive",
                      pairs[i][0], pairs[i][1]);
            return -1;
        }
    if (cmd_has(cmd, "list"))
        return 0;
    if (only == NULL && !cmd_has(cmd, "all")) {
        cli_error("one of --list, --all, or --event <type> is required");
        return -1;
    }
    for (int k = 0; only != NULL && k < VIR_DOMAIN_EVENT_ID_LAST; k++)
        if (strcmp(only, event_kinds[k].name) == 0)
            return 0;
    if (only != NULL) {
        cli_error("unknown event type %s", only);
        return -1;
    }
    return 0;
}

int
cmd_event(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = NULL;
    long timeout_s = 0;
    int rc;

    if (check_options(cmd) < 0)
        return -1;
    if (cmd_has(cmd, "list")) {
        for (int k = 0; k < VIR_DOMAIN_EVENT_ID_LAST; k++)
            printf("%s\n", event_kinds[k].name);
        return 0;
    }
    if (cmd_number(cmd, "timeout", 1, INT_MAX / 1000, &timeout_s) < 0)
        return -1;
    if (name != NULL && (dom = session_lookup(s, name, BY_ANY)) == NULL)
        return -1;
    rc = watch(s, cmd, dom, timeout_s);
    vireo_domain_free(dom);
    return rc;
}
