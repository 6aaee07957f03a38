/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * companion.h: the connections vireod opens beside a hypervisor
 * connection to the drivers that serve its networks and storage
 * (driver.h, companion_of), as libvirt opens its network and storage
 * drivers beside qemu:///system.
 */
#ifndef VIREO_DRIVERS_COMPANION_H
#define VIREO_DRIVERS_COMPANION_H

#include "api/vireo.h"
#include "drivers/handle.h"

struct uri;

/* On conn's driver thread, right after conn's driver opened it: open a
 * companion connection for every kind an installed companion serves for
 * that driver, with conn's URI, flags and identity, into
 * conn->companions. 0, or -1 with err set (then none is kept). */
int companion_open_all(struct vireo_conn *conn, const struct uri *uri,
                       unsigned flags, struct vireo_error *err);

/* The connection that serves kind's calls for conn: its companion for
 * that kind if it has one, else conn itself. Not referenced. */
static inline struct vireo_conn *
companion_for(struct vireo_conn *conn, enum conn_companion_kind kind)
{
    return conn->companions[kind] != NULL ? conn->companions[kind] : conn;
}

#endif /* VIREO_DRIVERS_COMPANION_H */
