/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_storage.h: pools and volumes between handles and the wire, for
 * the remote storage calls (remote_storage*.c).
 */
#ifndef VIREO_DRIVERS_REMOTE_STORAGE_H
#define VIREO_DRIVERS_REMOTE_STORAGE_H

#include "drivers/remote/remote_priv.h"
#include "drivers/storage_handle.h"

/* The wire's form of a handle; out points into the handle (do not free). */
void remote_pool_to_wire(const struct vireo_storage_pool *pool,
                         remote_nonnull_storage_pool *out);
void remote_vol_to_wire(const struct vireo_storage_vol *vol,
                        remote_nonnull_storage_vol *out);
/* A new handle for what the daemon named, or NULL with err set. */
struct vireo_storage_pool *remote_pool_from_wire(
    struct vireo_conn *conn, const remote_nonnull_storage_pool *in,
    struct vireo_error *err);
struct vireo_storage_vol *remote_vol_from_wire(
    struct vireo_conn *conn, const remote_nonnull_storage_vol *in,
    struct vireo_error *err);

/* Calls whose reply is one pool (one volume): the reply's handle. */
#define REMOTE_POOL_CALL(conn, PROC, args, ret_type, err)                  \
    do {                                                                   \
        ret_type ret_;                                                     \
        struct vireo_storage_pool *pool_;                                  \
        memset(&ret_, 0, sizeof(ret_));                                    \
        if (remote_call(conn, REMOTE_PROC_##PROC, args, &ret_, err) < 0)   \
            return NULL;                                                   \
        pool_ = remote_pool_from_wire(conn, &ret_.pool, err);              \
        xdr_free((xdrproc_t)xdr_##ret_type, (char *)&ret_);                \
        return pool_;                                                      \
    } while (0)

#define REMOTE_VOL_CALL(conn, PROC, args, ret_type, err)                   \
    do {                                                                   \
        ret_type ret_;                                                     \
        struct vireo_storage_vol *vol_;                                    \
        memset(&ret_, 0, sizeof(ret_));                                    \
        if (remote_call(conn, REMOTE_PROC_##PROC, args, &ret_, err) < 0)   \
            return NULL;                                                   \
        vol_ = remote_vol_from_wire(conn, &ret_.vol, err);                 \
        xdr_free((xdrproc_t)xdr_##ret_type, (char *)&ret_);                \
        return vol_;                                                       \
    } while (0)

#endif /* VIREO_DRIVERS_REMOTE_STORAGE_H */
