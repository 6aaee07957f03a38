/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_event.c: `event`, which prints domain events as they arrive.
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

/* Owned by the main thread. */
struct waiter {
    bool is_loop;       /* --loop: wait for more than one event */
    bool is_done;
    bool is_timed_out;
    int  n_events;
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
got_event(struct waiter *w)
{
    fflush(stdout);
    w->n_events++;
    if (!w->is_loop)
        w->is_done = true;
}

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    printf("event 'lifecycle' for domain '%s': %s %s\n",
           vireo_domain_get_name(dom), vireo_domain_event_type_string(event),
           vireo_domain_event_detail_string(event, detail));
    got_event(opaque);
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    printf("event 'reboot' for domain '%s'\n", vireo_domain_get_name(dom));
    got_event(opaque);
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
    int ids[2];          /* callback ids, -1 when unused */
};

static const struct {
    const char                    *name;
    int                            event_id;
    vireo_domain_event_generic_cb  cb;
} kinds[] = {
    { "lifecycle", VIR_DOMAIN_EVENT_ID_LIFECYCLE,
      VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle) },
    { "reboot", VIR_DOMAIN_EVENT_ID_REBOOT,
      VIREO_DOMAIN_EVENT_CALLBACK(on_reboot) },
};

#define N_KINDS ((int)(sizeof(kinds) / sizeof(kinds[0])))

static void
deregister_all(struct session *s, struct registrations *r)
{
    struct vireo_error err = { 0 };

    for (int k = 0; k < N_KINDS; k++)
        if (r->ids[k] >= 0)
            vireo_conn_domain_event_deregister_any(s->conn, r->ids[k], &err);
}

/* Register for the kind --event names, or for every kind vireo sends. */
static int
register_all(struct session *s, const struct cmd *cmd,
             struct vireo_domain *dom, struct waiter *w,
             struct registrations *r)
{
    const char *only = cmd_string(cmd, "event");
    struct vireo_error err = { 0 };
    bool any = false;

    for (int k = 0; k < N_KINDS; k++) {
        r->ids[k] = -1;
        if (only != NULL && !cmd_has(cmd, "all") &&
            strcmp(only, kinds[k].name) != 0)
            continue;
        any = true;
        r->ids[k] = vireo_conn_domain_event_register_any(
            s->conn, dom, kinds[k].event_id, kinds[k].cb, w, NULL, &err);
        if (r->ids[k] < 0) {
            cli_report(&err);
            deregister_all(s, r);
            return -1;
        }
    }
    if (!any)
        cli_error("unknown event type %s", only);
    return any ? 0 : -1;
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

/* Run the loop until done, with the timer (if any) and Ctrl-C armed. */
static int
wait_armed(struct waiter *w, long timeout_s)
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
    struct waiter w = { .is_loop = cmd_has(cmd, "loop") };
    struct registrations r;
    int rc;

    if (register_all(s, cmd, dom, &w, &r) < 0)
        return -1;
    rc = wait_armed(&w, timeout_s);
    deregister_all(s, &r);
    if (rc < 0)
        return -1;
    if (w.is_timed_out)
        printf("event loop timed out\n");
    printf("events received: %d\n", w.n_events);
    /* As in virsh: no event is a failure, but nothing more to say. */
    return w.n_events > 0 ? 0 : -1;
}

int
cmd_event(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = NULL;
    long timeout_s = 0;
    int rc;

    if (cmd_number(cmd, "timeout", 1, INT_MAX / 1000, &timeout_s) < 0)
        return -1;
    if (name != NULL && (dom = session_lookup(s, name, BY_ANY)) == NULL)
        return -1;
    rc = watch(s, cmd, dom, timeout_s);
    vireo_domain_free(dom);
    return rc;
}
