/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_procs.h: the procedures of libvirt's admin program (virt-admin's),
 * in the same form as the remote program's (procs.h): for each number its
 * name and how its payloads are encoded. Constant; any thread.
 */
#ifndef VIREO_WIRE_ADMIN_PROCS_H
#define VIREO_WIRE_ADMIN_PROCS_H

#include "wire/admin_protocol.h"
#include "wire/procs.h"

#define WIRE_ADMIN_PROGRAM  0x06900690u
#define WIRE_ADMIN_VERSION  1u

/* libvirt 9.0 defines admin procedures 1 ... 19. */
#define WIRE_ADMIN_PROC_MAX 19

/* The admin procedure with this number, or NULL if there is none. O(1). */
const struct wire_proc *wire_admin_proc_find(int number);

#endif /* VIREO_WIRE_ADMIN_PROCS_H */
