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
 * stopped QEMU would not. It has a console (a socket on its stdin that it
 * echoes in capitals), which the driver hands out as libvirt's consoles
 * are, and a monitor (a socket on its stderr) that answers commands, as
 * QEMU's does.
 */
#ifndef VIREO_TESTS_SLEEPDRV_PRIV_H
#define VIREO_TESTS_SLEEPDRV_PRIV_H

#include <stdbool.h>

#include "api/vireo.h"

struct call;
struct domain_def;
struct sleep_monitor_cmd;
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
    int                  console;     /* our end of its console socket */
    struct worker_watch *monitor;     /* our end of its monitor socket */
    char                 mon_line[8192]; /* a monitor reply read in part */
    size_t               mon_line_len;
    unsigned long        next_mon_id;
    struct sleep_monitor_cmd *mon_pending; /* commands sent, unanswered */
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

/* sleep_console.c: the guest's console and monitor. */
/* Make the sockets of a guest about to be spawned: *console_fd and
 * *monitor_fd are the guest's ends, for its stdin and stderr (the caller
 * closes them once it spawned). 0, or -1 with err set. */
int  sleep_console_prepare(struct sleep_guest *g, int *console_fd,
                           int *monitor_fd, struct vireo_error *err);
/* The guest is gone (or was never spawned): fail what waits on its
 * monitor and close our ends. */
void sleep_console_release(struct sleep_guest *g);
int  sleepdrv_domain_open_console(struct vireo_domain *dom,
                                  const char *dev_name, unsigned flags,
                                  int *fd, struct vireo_error *err);
int  sleepdrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                          const char *cmd, char **result,
                                          unsigned flags,
                                          struct vireo_error *err);

#endif /* VIREO_TESTS_SLEEPDRV_PRIV_H */
