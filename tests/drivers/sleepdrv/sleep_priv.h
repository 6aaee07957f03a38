/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_priv.h: the sleep driver, a small daemon-only driver for tests
 * that runs each "guest" as a shell process and talks to it the way a
 * real hypervisor driver talks to QEMU: it starts and reaps processes,
 * reads their output through watched pipes, signals them, arms timers,
 * and answers calls only when the guest has answered (or a deadline has
 * passed). It exercises every core service a driver thread gets
 * (drivers/worker*.h, drivers/call.h) under vireod, with real clients.
 *
 * A guest is the sleep-guest program (sleep_guest_main.c): it prints
 * "ready", answers SIGUSR1 with "rebooted" and exits on SIGTERM.
 * Suspending it is SIGSTOP, so a suspended guest answers nothing, as a
 * stopped QEMU would not.
 */
#ifndef VIREO_TESTS_SLEEPDRV_PRIV_H
#define VIREO_TESTS_SLEEPDRV_PRIV_H

#include <stdbool.h>

#include "api/vireo.h"

struct call;
struct domain_def;
struct domain_event_state;
struct worker_child;
struct worker_timer;
struct worker_watch;

/* What a guest's one call in flight waits for. */
enum sleep_wait {
    SLEEP_WAIT_NONE,
    SLEEP_WAIT_READY,       /* create: the script says "ready" */
    SLEEP_WAIT_REBOOTED,    /* reboot: it says "rebooted" */
    SLEEP_WAIT_EXIT,        /* shutdown, destroy: the process exits */
    SLEEP_WAIT_SETTLE,      /* suspend: a short timer, then paused */
};

/* Owned by the sleep driver's thread. */
struct sleep_guest {
    struct sleep_guest  *next;
    struct domain_def   *def;
    int                  id;
    int                  state;       /* enum vireo_domain_state */
    int                  reason;
    struct worker_child *process;
    struct worker_watch *output;      /* the script's stdout */
    char                 line[128];   /* a line read in part */
    size_t               line_len;
    enum sleep_wait      waiting_for;
    struct call         *call;        /* the call waiting, or NULL */
    struct worker_timer *settle;
    int                  stop_detail; /* the Stopped event's detail */
};

/* Owned by the sleep driver's thread: made by startup, freed when the
 * last of startup's hold and the connections lets go. */
struct sleep_state {
    int                        refs;
    struct sleep_guest        *guests;
    int                        next_id;
    struct domain_event_state *events;
    /* From sleep.conf. */
    int                        answer_timeout_ms;
    char                      *guest_program;      /* sleep-guest's path */
    char                      *autostart_guest;    /* a name, or NULL */
    /* The startup context, shown in the capabilities document. */
    char                      *state_dir;
    char                      *run_dir;
    bool                       is_privileged;
};

extern struct sleep_state *sleep_state;

/* sleep_guest.c: guests and the slots that change them. */
struct sleep_guest *sleep_guest_find(const char *name,
                                     const unsigned char *uuid, int id);
/* Start def (taken over) as a guest; the call (if any) is answered once
 * the guest says "ready". NULL with err set. */
struct sleep_guest *sleep_guest_start(struct domain_def *def,
                                      struct call *c,
                                      struct vireo_error *err);
/* Stop every guest at once (the driver is going away). */
void sleep_guest_stop_all(void);
void sleep_guest_emit(const struct sleep_guest *g, int event, int detail);

struct vireo_domain *sleepdrv_domain_create_xml(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
int sleepdrv_domain_suspend(struct vireo_domain *dom,
                            struct vireo_error *err);
int sleepdrv_domain_resume(struct vireo_domain *dom,
                           struct vireo_error *err);
int sleepdrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
int sleepdrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                             struct vireo_error *err);
int sleepdrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err);

#endif /* VIREO_TESTS_SLEEPDRV_PRIV_H */
