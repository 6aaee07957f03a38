/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * queue.h: work queues, the only way work moves between threads.
 *
 * Many producers, one consumer. Items are intrusive: embed a struct
 * queue_link in the message and push its address; the consumer gets the
 * links back in push order and uses container_of-style arithmetic
 * (QUEUE_ITEM) to reach the message. After queue_push() the message belongs
 * to the consumer.
 *
 * Two ways to consume:
 * - a thread consumer blocks in queue_wait();
 * - a loop consumer (queue_new_loop) has its batch callback run on the event
 *   loop's thread, woken through an eventfd watched with the *registered*
 *   event implementation, so it works with any loop.
 * Either way the consumer takes the whole pending batch at once.
 */
#ifndef VIREO_LOOP_QUEUE_H
#define VIREO_LOOP_QUEUE_H

#include <stddef.h>
#include <stdbool.h>

struct queue_link {
    struct queue_link *next;
};

#define QUEUE_ITEM(link, type, member) \
    ((type *)((char *)(link) - offsetof(type, member)))

struct queue;

/* Called on the loop thread with every link pushed since the last call, in
 * push order (a NULL-terminated list through ->next). The callback owns the
 * batch. */
typedef void (*queue_batch_cb)(struct queue_link *batch, void *opaque);

/* A queue whose consumer is a thread blocking in queue_wait(). NULL on
 * allocation failure. */
struct queue *queue_new(void);

/* A queue whose consumer is the registered event loop. NULL if no event
 * implementation is registered or the wake-up fd cannot be made. */
struct queue *queue_new_loop(queue_batch_cb cb, void *opaque);

/* Any thread. Never blocks for longer than the queue's lock. Returns false
 * (and leaves the link with the caller) once the queue is closed. */
bool queue_push(struct queue *q, struct queue_link *link);

/* Consumer: take everything pending without waiting (NULL when empty). */
struct queue_link *queue_drain(struct queue *q);

/* Thread consumer: wait up to timeout_ms (-1 forever) for items and take the
 * whole batch. Returns NULL on timeout, or when the queue is closed and
 * empty. */
struct queue_link *queue_wait(struct queue *q, int timeout_ms);

/* Refuse further pushes and wake every waiter. Items already queued can
 * still be drained. Any thread. */
void queue_close(struct queue *q);
bool queue_is_closed(struct queue *q);

/* Consumer: free the queue. Pending items must have been drained (the queue
 * cannot know how to free them). queue_free(NULL) is a no-op. A loop queue
 * may be freed from any thread: no batch callback starts afterwards, and
 * the memory goes once the loop has let go of its watch. */
void queue_free(struct queue *q);

#endif /* VIREO_LOOP_QUEUE_H */
