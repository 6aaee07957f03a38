/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event.h: the pluggable event-loop contract and the process-wide slot that
 * holds the registered implementation.
 *
 * vireo never runs a loop of its own choosing: an application registers six
 * functions (or the default libuv implementation, uv_impl.h), and every
 * internal user of the loop goes through event_add_handle() and friends.
 *
 * Contract an implementation must honour:
 * - watches and timers are named by a positive id, never by fd; the same fd
 *   may be watched twice;
 * - a timeout of -1 is disabled, 0 fires on every loop iteration, N > 0 fires
 *   every N milliseconds;
 * - every function may be called from any thread, including from inside a
 *   callback, and removal from inside the watch's own callback is safe;
 * - free_cb(opaque), when given, runs exactly once, after removal, once the
 *   loop no longer references opaque.
 */
#ifndef VIREO_LOOP_EVENT_H
#define VIREO_LOOP_EVENT_H

#include <stdbool.h>

enum {
    EVENT_READABLE = 1 << 0,
    EVENT_WRITABLE = 1 << 1,
    EVENT_ERROR    = 1 << 2,
    EVENT_HANGUP   = 1 << 3,
};

typedef void (*event_free_cb)(void *opaque);
typedef void (*event_handle_cb)(int watch, int fd, int events, void *opaque);
typedef void (*event_timeout_cb)(int timer, void *opaque);

struct event_impl {
    int  (*add_handle)(int fd, int events, event_handle_cb cb, void *opaque,
                       event_free_cb free_cb);
    void (*update_handle)(int watch, int events);
    int  (*remove_handle)(int watch);
    int  (*add_timeout)(int timeout_ms, event_timeout_cb cb, void *opaque,
                        event_free_cb free_cb);
    void (*update_timeout)(int timer, int timeout_ms);
    int  (*remove_timeout)(int timer);
};

/* Install impl (copied) as the process's loop. Any thread; meant to be called
 * once at start-up, before anything adds a watch. */
void event_register_impl(const struct event_impl *impl);
bool event_is_registered(void);

/* Forwarders to the registered implementation. Each returns -1 (and adds
 * nothing) when no implementation is registered. */
int  event_add_handle(int fd, int events, event_handle_cb cb, void *opaque,
                      event_free_cb free_cb);
void event_update_handle(int watch, int events);
int  event_remove_handle(int watch);
int  event_add_timeout(int timeout_ms, event_timeout_cb cb, void *opaque,
                       event_free_cb free_cb);
void event_update_timeout(int timer, int timeout_ms);
int  event_remove_timeout(int timer);

#endif /* VIREO_LOOP_EVENT_H */
