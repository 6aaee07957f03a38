/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_wait.h: running the registered libuv loop in tests of event
 * delivery, on the test's main thread.
 */
#ifndef VIREO_TESTS_CORE_EVENT_WAIT_H
#define VIREO_TESTS_CORE_EVENT_WAIT_H

/* Run a few iterations so that deferred frees and closes complete. */
void event_wait_settle(void);

/* Run the loop until *counter reaches want, or give up after ~2 s. */
void event_wait_until(const int *counter, int want);

#endif /* VIREO_TESTS_CORE_EVENT_WAIT_H */
