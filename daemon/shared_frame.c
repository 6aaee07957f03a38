/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * shared_frame.c: a counted, encoded message (shared_frame.h).
 */
#include <stdlib.h>

#include "daemon/shared_frame.h"

struct shared_frame *
shared_frame_take(struct wire_buffer *buf)
{
    struct shared_frame *f = malloc(sizeof(*f));

    if (f == NULL) {
        wire_buffer_release(buf);
        return NULL;
    }
    f->refs = 1;
    f->len = buf->len;
    f->data = buf->data;
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return f;
}

struct shared_frame *
shared_frame_ref(struct shared_frame *f)
{
    f->refs++;
    return f;
}

void
shared_frame_unref(struct shared_frame *f)
{
    if (f == NULL || --f->refs > 0)
        return;
    free(f->data);
    free(f);
}
