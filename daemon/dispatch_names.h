/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_names.h: the shapes of libvirt's list procedures (the older
 * ones: a client's bound, maxnames, and the names a driver fills in; the
 * CONNECT_LIST_ALL_* ones: an array of objects), shared by the node
 * device and interface handlers.
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

/* Fill wire element `wire` from the i-th of the driver's handles. */
typedef int (*dispatch_list_put_fn)(void *wire, int i, void *handles,
                                    struct vireo_error *err);

/* The reply array of a CONNECT_LIST_ALL_* call: n elements of elem_size,
 * each filled by put from handles (the driver's array, which stays the
 * caller's), with *len counting those filled, for xdr_free. NULL when
 * handles is NULL (the client only counts). *rc is 0, or -1 with err set:
 * more than limit (libvirtd's "too many <what>" answer), or a failed put.
 */
void *dispatch_list_fill(int n, int limit, const char *what,
                         size_t elem_size, dispatch_list_put_fn put,
                         void *handles, u_int *len, int *rc,
                         struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_NAMES_H */
