/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_ask.h: what a guest's start asks another driver's thread about
 * some of its devices (the bridge of a network interface, the path of a
 * volume disk), one question per device, and how the answers reach the
 * definition QEMU is started with. The questions go out as messages;
 * each answer comes back as a job on this thread; the last one answers
 * the waiting call with all of them, which the call's next run finds
 * recorded (call_replay) and puts in place. QEMU thread only.
 */
#ifndef VIREO_QEMU_QEMU_ASK_H
#define VIREO_QEMU_QEMU_ASK_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_def;
struct worker;

/* The answer for one device: value, or NULL with err set (the
 * signature of the other drivers' answer callbacks). */
typedef void (*qemu_answer_fn)(const char *value,
                               const struct vireo_error *err, void *slot);

/* One kind of question. Device i is the i-th of its kind in def. */
struct qemu_question {
    /* How many devices of the kind def has, asked about or not. */
    int    (*n_devices)(const struct domain_def *def);
    /* Whether device i is asked about. */
    bool   (*is_asked)(const struct domain_def *def, int i);
    /* Send the question for device i, its answer to go to answer(..,
     * slot) on reply_to; false, with why set, when it cannot be sent. */
    bool   (*send)(const struct domain_def *def, int i,
                   struct worker *reply_to, qemu_answer_fn answer,
                   void *slot, struct vireo_error *why);
    /* Ask for device i and wait: the value, malloc'ed, or NULL with err
     * set (for a caller with no call to suspend). */
    char  *(*ask_now)(const struct domain_def *def, int i,
                      struct vireo_error *err);
    /* Where device i's answer goes in a copy of the definition. */
    char **(*field)(struct domain_def *def, int i);
    const char *waiting_for;   /* names the answers in a timeout error */
    int         timeout_ms;
};

/* In a slot: *out is NULL when def has no device q asks about, else a
 * copy of def with every answer in place. 0 to go on; -1 with err set
 * (the first failed answer's error); or -1 once the call waits for the
 * answers, and runs again with them. With no call (autostart), it asks
 * with q->ask_now instead. */
int qemu_ask(const struct qemu_question *q, const struct domain_def *def,
             struct domain_def **out, struct vireo_error *err);

#endif /* VIREO_QEMU_QEMU_ASK_H */
