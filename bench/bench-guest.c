/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench-guest.c: the benchmarks' guest (bench-guest.h).
 */
#include "bench-guest.h"

#include <stdio.h>

void
bench_guest_xml(char *buf, size_t size, const char *name)
{
    snprintf(buf, size,
             "<domain type='qemu'>\n"
             "  <name>%s</name>\n"
             "  <memory unit='MiB'>%d</memory>\n"
             "  <vcpu>1</vcpu>\n"
             "  <os>\n"
             "    <type arch='x86_64' machine='pc'>hvm</type>\n"
             "  </os>\n"
             "  <devices>\n"
             "    <memballoon model='none'/>\n"
             "  </devices>\n"
             "</domain>\n", name, BENCH_GUEST_MEMORY_MIB);
}
