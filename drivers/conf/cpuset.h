/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpuset.h: sets of CPU (or NUMA node) numbers in libvirt's text form
 * ("0-3,^2,8"), as <vcpupin cpuset=...>, <numatune nodeset=...> and the
 * pinning calls use them, and in the byte maps of the wire (bit i of byte
 * i / 8 for CPU i). Stateless; any thread.
 *
 * A definition keeps a set as its canonical text (cpuset_format's
 * output), so that copying a definition copies a string.
 */
#ifndef VIREO_CONF_CPUSET_H
#define VIREO_CONF_CPUSET_H

#include <stdbool.h>
#include <stddef.h>

#include "api/vireo.h"

/* libvirt's bound on a CPU or node number in a definition
 * (VIR_DOMAIN_CPUMASK_LEN): numbers are below it. */
#define CPUSET_MAX_BITS 16384

/* Parse text as libvirt's virBitmapParse does (numbers, ranges N-M,
 * exclusions ^N, separated by commas, spaces allowed around them) into a
 * malloc'd map of CPUSET_MAX_BITS / 8 bytes. NULL with VIR_ERR_INVALID_ARG
 * "Failed to parse bitmap '...'" when it does not read, error domain
 * `from`; NULL with err set when memory is short. */
unsigned char *cpuset_parse(const char *text, int from,
                            struct vireo_error *err);

/* The canonical text of the first n_bytes of map ("0-3,8"; "" for an
 * empty set), malloc'd; NULL when memory is short. */
char *cpuset_format(const unsigned char *map, size_t n_bytes);

/* Whether no bit of the first n_bytes of map is set. */
bool cpuset_is_empty(const unsigned char *map, size_t n_bytes);

/* The canonical form of text (parse, then format): malloc'd, or NULL with
 * err set as cpuset_parse sets it. *is_empty (may be NULL) tells whether
 * the set is empty. */
char *cpuset_canonical(const char *text, int from, bool *is_empty,
                       struct vireo_error *err);

/* Write canonical (or any valid) text into a map of maplen bytes; bits
 * beyond it are dropped, as libvirt's virBitmapToDataBuf drops them. */
void cpuset_to_map(const char *text, unsigned char *map, size_t maplen);

/* The highest number in text, or -1 for an empty or unreadable set. */
int cpuset_last(const char *text);

#endif /* VIREO_CONF_CPUSET_H */
