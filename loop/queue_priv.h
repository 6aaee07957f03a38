/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * queue_priv.h: a queue's push split in two halves, for queue_defer.c
 * only: queue the link now, wake the consumer later.
 */
#ifndef VIREO_LOOP_QUEUE_PRIV_H
#define VIREO_LOOP_QUEUE_PRIV_H

#include <stdbool.h>

#include "loop/queue.h"

/* Any thread: queue link without waking the consumer. false (the link
 * left with the caller) once q is closed; else *needs_wake says whether
 * q was empty, in which case the consumer may sleep until queue_wake(). */
bool queue_push_quiet(struct queue *q, struct queue_link *link,
                      bool *needs_wake);

/* Any thread: wake q's consumer (a spare wake-up costs it one empty
 * look). */
void queue_wake(struct queue *q);

#endif /* VIREO_LOOP_QUEUE_PRIV_H */
