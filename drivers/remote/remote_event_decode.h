/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_event_decode.h: a domain event message from the daemon (spec
 * §5.7, legacy or callback style) in the shape the local event state
 * queues (drivers/domain_event_payload.h).
 */
#ifndef VIREO_DRIVERS_REMOTE_EVENT_DECODE_H
#define VIREO_DRIVERS_REMOTE_EVENT_DECODE_H

#include <stdbool.h>

#include "drivers/domain_event_payload.h"
#include "wire/remote_protocol.h"

struct wire_message;

/* One decoded event. Its strings and dom are borrowed from the message;
 * its parameters and identity array are its own (release them). */
struct remote_event {
    int                          event_id;
    int                          callback_id;   /* -1 for legacy messages */
    const remote_nonnull_domain *dom;
    struct domain_event_payload  payload;
};

/* Decode msg into *ev (all zeros before): false for a message that is not
 * a domain event, or one whose parameters cannot be decoded. Any thread. */
bool remote_event_decode(const struct wire_message *msg,
                         struct remote_event *ev);

/* Free what *ev owns. */
void remote_event_release(struct remote_event *ev);

#endif /* VIREO_DRIVERS_REMOTE_EVENT_DECODE_H */
