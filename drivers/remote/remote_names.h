/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_names.h: the names lists of libvirt's older list calls, moved
 * from a reply into the caller's array.
 */
#ifndef VIREO_DRIVERS_REMOTE_NAMES_H
#define VIREO_DRIVERS_REMOTE_NAMES_H

#include <rpc/types.h>

#include "api/vireo.h"

/* Move the n names of a reply (val, malloc'ed by the decoder; the array
 * is freed here) into names, the caller's room for maxnames. A daemon
 * that sends more than asked for breaks the protocol: VIR_ERR_RPC.
 * Returns how many, or -1. */
int remote_names_take(char **val, u_int n, char **names, int maxnames,
                      struct vireo_error *err);

#endif /* VIREO_DRIVERS_REMOTE_NAMES_H */
