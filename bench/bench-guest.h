/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench-guest.h: the guest every QEMU benchmark starts: small and
 * diskless (TCG, 64 MiB, no OS: it only has to run), the same through
 * either daemon as under bare QEMU.
 */
#ifndef VIREO_BENCH_GUEST_H
#define VIREO_BENCH_GUEST_H

#include <stddef.h>

#define BENCH_GUEST_MEMORY_MIB 64

/* The guest's domain XML, named name, into buf (size bytes). */
void bench_guest_xml(char *buf, size_t size, const char *name);

#endif /* VIREO_BENCH_GUEST_H */
