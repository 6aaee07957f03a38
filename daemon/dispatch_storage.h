/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_storage.h: pool and volume references between the wire and
 * driver handles, for the storage handlers (dispatch_storage*.c).
 */
#ifndef VIREO_DAEMON_DISPATCH_STORAGE_H
#define VIREO_DAEMON_DISPATCH_STORAGE_H

#include "daemon/dispatch_handle.h"
#include "drivers/storage_handle.h"

/* A handle on the pool (volume) a call names, or NULL with err set. The
 * caller unrefs it. */
struct vireo_storage_pool *dispatch_pool_get(
    struct vireo_conn *conn, const remote_nonnull_storage_pool *wire,
    struct vireo_error *err);
struct vireo_storage_vol *dispatch_vol_get(
    struct vireo_conn *conn, const remote_nonnull_storage_vol *wire,
    struct vireo_error *err);

/* Fill *wire from the handle (strings malloc'ed, for xdr_free) and unref
 * it; NULL (a failed call) returns -1. */
int dispatch_pool_put(remote_nonnull_storage_pool *wire,
                      struct vireo_storage_pool *pool,
                      struct vireo_error *err);
int dispatch_vol_put(remote_nonnull_storage_vol *wire,
                     struct vireo_storage_vol *vol, struct vireo_error *err);

/* In a handler: evaluate call with pool (vol) bound to the handle the
 * wire names, then drop it and return call's value. */
#define DISPATCH_WITH_POOL(conn, wire, err, pool, call)                   \
    do {                                                                  \
        int rc_;                                                          \
        struct vireo_storage_pool *pool = dispatch_pool_get(conn, wire,   \
                                                            err);         \
        if (pool == NULL)                                                 \
            return -1;                                                    \
        rc_ = (call);                                                     \
        handle_pool_unref(pool);                                          \
        return rc_;                                                       \
    } while (0)

#define DISPATCH_WITH_VOL(conn, wire, err, vol, call)                     \
    do {                                                                  \
        int rc_;                                                          \
        struct vireo_storage_vol *vol = dispatch_vol_get(conn, wire, err); \
        if (vol == NULL)                                                  \
            return -1;                                                    \
        rc_ = (call);                                                     \
        handle_vol_unref(vol);                                            \
        return rc_;                                                       \
    } while (0)

/* A driver's int answer (n >= 0) into *out; -1 passes through. */
int dispatch_put_int(int n, int *out);

#endif /* VIREO_DAEMON_DISPATCH_STORAGE_H */
