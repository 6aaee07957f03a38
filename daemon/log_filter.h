/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * log_filter.h: libvirt's log filters ("LEVEL:MATCH ...", log_filters in
 * libvirtd.conf, virt-admin daemon-log-filters): a message whose source
 * file matches a filter is logged from that filter's level up, whatever
 * log_level says. MATCH is a glob matched against the source file's path
 * ("daemon/client.c"); one with no '*' matches anywhere in it, as
 * libvirt's do ("client" becomes "*client*"). A leading '+' (libvirt's
 * stack traces) is accepted and ignored.
 *
 * Pure functions over a caller's list; any thread.
 */
#ifndef VIREO_DAEMON_LOG_FILTER_H
#define VIREO_DAEMON_LOG_FILTER_H

#include <stddef.h>

#include "api/vireo.h"

#define LOG_FILTER_MAX 32

struct log_filter {
    int  min_priority;      /* 1 debug ... 4 error */
    char match[128];        /* a glob, '*' already around a bare word */
};

/* Parse spec (NULL or empty: no filter) into filters (LOG_FILTER_MAX
 * entries): the count, or -1 with VIR_ERR_INVALID_ARG naming the bad
 * filter ("Malformed format for filter 'x'", libvirt's words). */
int log_filter_parse(const char *spec, struct log_filter *filters,
                     struct vireo_error *err);

/* libvirt's form of the list: each filter and a space ("1:*qemu* "), or
 * "" for none, into buf. */
void log_filter_format(const struct log_filter *filters, int n, char *buf,
                       size_t len);

/* The level the first filter that matches file sets, or 0 if none does. */
int log_filter_level(const struct log_filter *filters, int n,
                     const char *file);

#endif /* VIREO_DAEMON_LOG_FILTER_H */
