/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_route.c: a call's object kind, from its procedure's name.
 *
 * libvirt names every network call with NETWORK (virNetwork*, the network
 * lists and events, network ports) and every storage call with STORAGE
 * (pools, volumes, their lists and events), and no other call carries
 * either word, so the name is the whole rule.
 */
#include <stdbool.h>
#include <string.h>

#include "daemon/dispatch_route.h"
#include "drivers/companion.h"
#include "wire/procs.h"

/* The companion kind of proc, or -1 for the hypervisor's own calls. */
static int
kind_of(const struct wire_proc *proc)
{
    if (proc->prog != WIRE_REMOTE_PROGRAM)
        return -1;
    if (strstr(proc->name, "NETWORK") != NULL)
        return CONN_COMPANION_NETWORK;
    if (strstr(proc->name, "STORAGE") != NULL)
        return CONN_COMPANION_STORAGE;
    return -1;
}

static bool
has_companions(const struct vireo_conn *conn)
{
    for (int k = 0; k < CONN_COMPANION_KINDS; k++)
        if (conn->companions[k] != NULL)
            return true;
    return false;
}

struct vireo_conn *
dispatch_route(struct vireo_conn *conn, const struct wire_proc *proc)
{
    int kind;

    if (conn == NULL || !has_companions(conn))
        return conn;
    kind = kind_of(proc);
    return kind < 0 ? conn : companion_for(conn, (enum conn_companion_kind)kind);
}
