/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_hold.c: the files running guests hold, by guest, as the qemu
 * driver reports them at each start and stop (storage_use.h). Storage
 * thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/storage/storage_state.h"
#include "drivers/storage_use.h"

bool
stor_is_held(const struct stor_state *st, const char *path)
{
    for (int i = 0; i < st->n_holds; i++)
        for (int k = 0; k < st->holds[i]->n_paths; k++)
            if (strcmp(st->holds[i]->paths[k], path) == 0)
                return true;
    return false;
}

static void
drop(struct stor_state *st, const unsigned char *uuid)
{
    for (int i = 0; i < st->n_holds; i++) {
        if (memcmp(st->holds[i]->uuid, uuid, VIREO_UUID_BUFLEN) != 0)
            continue;
        storage_use_msg_free(st->holds[i]);
        st->holds[i] = st->holds[--st->n_holds];
        return;
    }
}

void
stor_hold_apply(struct storage_use_msg *msg, void *opaque)
{
    struct stor_state *st = opaque;
    struct storage_use_msg **grown;

    drop(st, msg->uuid);
    if (msg->n_paths == 0) {
        storage_use_msg_free(msg);
        return;
    }
    grown = realloc(st->holds, (size_t)(st->n_holds + 1) * sizeof(*grown));
    if (grown == NULL) {
        stor_warn(st, "%s", "out of memory: a guest's volumes are not "
                  "protected from deletion");
        storage_use_msg_free(msg);
        return;
    }
    st->holds = grown;
    st->holds[st->n_holds++] = msg;
}

void
stor_hold_clear(struct stor_state *st)
{
    for (int i = 0; i < st->n_holds; i++)
        storage_use_msg_free(st->holds[i]);
    free(st->holds);
    st->holds = NULL;
    st->n_holds = 0;
}
