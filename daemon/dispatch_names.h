/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_names.h: the shape of libvirt's older list procedures (a
 * client's bound, maxnames, and the names a driver fills in), shared by
 * the node device and interface handlers.
 */
#ifndef VIREO_DAEMON_DISPATCH_NAMES_H
#define VIREO_DAEMON_DISPATCH_NAMES_H

#include "api/vireo.h"
#include "wire/remote_protocol.h"

/* libvirtd's check of maxnames against the protocol's bound, whose name
 * (REMOTE_..._LIST_MAX) its message quotes: 0, or -1 with err set. */
int dispatch_names_check(int maxnames, int limit, const char *limit_name,
                         struct vireo_error *err);

/* A buffer for maxnames names, for a driver to fill; NULL with err set
 * when memory is short. */
char **dispatch_names_buffer(int maxnames, struct vireo_error *err);

/* Hand the n names a driver filled in (n < 0: it failed; the buffer is
 * freed either way) to *val and *len, for xdr_free. 0 or -1. */
int dispatch_names_put(char **names, int n, remote_nonnull_string **val,
                       u_int *len);

#endif /* VIREO_DAEMON_DISPATCH_NAMES_H */
