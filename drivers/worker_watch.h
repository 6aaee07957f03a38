/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_watch.h: file descriptors the main loop watches for a driver.
 *
 * The loop owns every socket's readiness; a driver that talks to a QMP
 * socket or reads a pipe asks the loop to watch the fd, and readiness
 * arrives as a job on the driver's own thread. From the moment the loop
 * sees the fd ready until the driver resumes the watch, the watch is
 * paused: the driver reads (or writes) until EAGAIN and then calls
 * worker_watch_resume(), so there is no busy loop, and since the loop's
 * watch is level-triggered, nothing that arrived meanwhile is missed.
 *
 * A driver may hold any number of watches and add or drop them at any
 * time. Every function here is for the worker thread only.
 */
#ifndef VIREO_DRIVERS_WORKER_WATCH_H
#define VIREO_DRIVERS_WORKER_WATCH_H

#include "api/vireo.h"

struct worker;
struct worker_watch;

/* On the worker thread, with the watch paused; events are EVENT_* bits
 * (loop/event.h) the loop saw since the last call. */
typedef void (*worker_watch_cb)(struct worker_watch *ww, int fd, int events,
                                void *opaque);

/* Watch fd for events (EVENT_READABLE, EVENT_WRITABLE) on behalf of w, the
 * calling worker. The watch takes fd: it is closed once the loop has let
 * go of it, after worker_watch_free(); keep a dup() to use it longer.
 * NULL with err set if no loop is registered or the loop refuses fd (fd is
 * then still the caller's). */
struct worker_watch *worker_watch_new(struct worker *w, int fd, int events,
                                      worker_watch_cb cb, void *opaque,
                                      struct vireo_error *err);

/* Watch again for events (0: stay paused). Call it once the fd is
 * drained, from the callback or later. */
void worker_watch_resume(struct worker_watch *ww, int events);

int worker_watch_fd(const struct worker_watch *ww);

/* Stop watching and give the fd up (see worker_watch_new). Safe inside the
 * watch's own callback; no callback follows. NULL is a no-op. */
void worker_watch_free(struct worker_watch *ww);

#endif /* VIREO_DRIVERS_WORKER_WATCH_H */
