/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-event.h: the part of the public header for the event loop:
 * registering an implementation, and watches and timers on it.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_EVENT_H
#define VIREO_EVENT_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-event.h"
#endif

/* ---- The event loop --------------------------------------------------- */

/* Bits of the `events` masks of file-handle watches. */
enum vireo_event_handle_type {
    VIREO_EVENT_HANDLE_READABLE = 1 << 0,
    VIREO_EVENT_HANDLE_WRITABLE = 1 << 1,
    VIREO_EVENT_HANDLE_ERROR    = 1 << 2,
    VIREO_EVENT_HANDLE_HANGUP   = 1 << 3,
};

typedef void (*vireo_free_cb)(void *opaque);
typedef void (*vireo_event_handle_cb)(int watch, int fd, int events,
                                      void *opaque);
typedef void (*vireo_event_timeout_cb)(int timer, void *opaque);

/* An event-loop implementation, in the spirit of virEventRegisterImpl().
 * Watches and timers are named by the id the add function returns (> 0),
 * never by fd. A timeout of -1 is disabled, 0 fires on every iteration.
 * Removal must be safe from inside a callback; free_cb(opaque) runs once the
 * loop no longer references opaque. Every function may be called from any
 * thread. */
struct vireo_event_impl {
    int  (*add_handle)(int fd, int events, vireo_event_handle_cb cb,
                       void *opaque, vireo_free_cb free_cb);
    void (*update_handle)(int watch, int events);
    int  (*remove_handle)(int watch);
    int  (*add_timeout)(int timeout_ms, vireo_event_timeout_cb cb,
                        void *opaque, vireo_free_cb free_cb);
    void (*update_timeout)(int timer, int timeout_ms);
    int  (*remove_timeout)(int timer);
};

/* Register the application's own loop. Call once, before opening connections
 * that need events. The table is copied. */
VIREO_API void vireo_event_register_impl(const struct vireo_event_impl *impl);
/* Register vireo's default implementation (libuv). */
VIREO_API int  vireo_event_register_default_impl(struct vireo_error *err);
/* Run one iteration of the default loop, blocking until something happens. */
VIREO_API int  vireo_event_run_default_impl(struct vireo_error *err);
/* Make a blocked vireo_event_run_default_impl() return; any thread. */
VIREO_API void vireo_event_interrupt_default_impl(void);

/* Use whichever implementation is registered (-1 if none is). */
VIREO_API int  vireo_event_add_handle(int fd, int events,
                                      vireo_event_handle_cb cb, void *opaque,
                                      vireo_free_cb free_cb);
VIREO_API void vireo_event_update_handle(int watch, int events);
VIREO_API int  vireo_event_remove_handle(int watch);
VIREO_API int  vireo_event_add_timeout(int timeout_ms,
                                       vireo_event_timeout_cb cb, void *opaque,
                                       vireo_free_cb free_cb);
VIREO_API void vireo_event_update_timeout(int timer, int timeout_ms);
VIREO_API int  vireo_event_remove_timeout(int timer);

#endif /* VIREO_EVENT_H */
