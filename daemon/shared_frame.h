/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * shared_frame.h: one encoded message that many clients' write queues
 * hold at once, so that an event sent to a thousand subscribers is
 * encoded and stored once (client_send_shared() in client.h).
 *
 * Owned by the loop thread: made, referenced and released there only
 * (write completions run there too), hence a plain count.
 */
#ifndef VIREO_DAEMON_SHARED_FRAME_H
#define VIREO_DAEMON_SHARED_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "wire/frame.h"

struct shared_frame {
    int      refs;
    size_t   len;
    uint8_t *data;      /* len bytes: the whole message, length word first */
};

/* A frame made of buf's storage (buf is left empty), with one reference;
 * NULL on allocation failure (buf is released then). */
struct shared_frame *shared_frame_take(struct wire_buffer *buf);

struct shared_frame *shared_frame_ref(struct shared_frame *f);
/* The last reference frees the frame. NULL is a no-op. */
void shared_frame_unref(struct shared_frame *f);

#endif /* VIREO_DAEMON_SHARED_FRAME_H */
