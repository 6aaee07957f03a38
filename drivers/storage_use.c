/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_use.c: guests' files, sent to the storage driver's thread.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/storage_use.h"
#include "drivers/worker.h"

/* Where the messages go: written by the storage thread at its start and
 * end, read by the hypervisor's thread in between (driver order keeps
 * the worker alive while anyone sends). */
struct listener {
    struct worker  *w;
    storage_use_fn  on_use;
    void           *opaque;
};

static _Atomic(struct listener *) the_listener;

void
storage_use_listen(struct worker *w, storage_use_fn on_use, void *opaque)
{
    struct listener *l = NULL, *old;

    if (w != NULL && (l = malloc(sizeof(*l))) != NULL)
        *l = (struct listener){ w, on_use, opaque };
    old = atomic_exchange(&the_listener, l);
    free(old);
}

void
storage_use_msg_free(struct storage_use_msg *msg)
{
    if (msg == NULL)
        return;
    for (int i = 0; i < msg->n_paths; i++)
        free(msg->paths[i]);
    free(msg->paths);
    free(msg);
}

/* The listener's fn and opaque ride with the message: the job needs
 * nothing shared. */
struct delivery {
    struct storage_use_msg *msg;
    storage_use_fn          on_use;
    void                   *opaque;
};

static void
deliver(void *arg)
{
    struct delivery *d = arg;

    d->on_use(d->msg, d->opaque);
    free(d);
}

static struct storage_use_msg *
msg_new(const unsigned char *uuid, const char *const *paths, int n)
{
    struct storage_use_msg *msg = calloc(1, sizeof(*msg));

    if (msg == NULL)
        return NULL;
    memcpy(msg->uuid, uuid, VIREO_UUID_BUFLEN);
    msg->paths = calloc((size_t)n + 1, sizeof(*msg->paths));
    for (int i = 0; msg->paths != NULL && i < n; i++) {
        if ((msg->paths[i] = strdup(paths[i])) == NULL)
            break;
        msg->n_paths++;
    }
    if (msg->paths == NULL || msg->n_paths < n) {
        storage_use_msg_free(msg);
        return NULL;
    }
    return msg;
}

void
storage_use_send(const unsigned char *uuid, const char *const *paths, int n)
{
    struct listener *l = atomic_load(&the_listener);
    struct delivery *d;

    if (l == NULL || (d = malloc(sizeof(*d))) == NULL)
        return;
    *d = (struct delivery){ msg_new(uuid, paths, n), l->on_use, l->opaque };
    if (d->msg == NULL || !worker_submit(l->w, deliver, d)) {
        storage_use_msg_free(d->msg);
        free(d);
    }
}
