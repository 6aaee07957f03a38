/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storagedrv.c: the storage driver's table and lifetime: startup loads
 * the pool definitions and finds the pools that ran before, autostart
 * starts those marked so, shutdown lets the state go. Connections are
 * companions beside the qemu driver's (companion.h): their open runs on
 * the qemu thread and only points them at this driver's thread and
 * state, which lives from startup to shutdown.
 */
#include <stdlib.h>

#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage/storagedrv.h"
#include "drivers/object_event.h"
#include "drivers/storage_use.h"
#include "drivers/storage_source.h"
#include "drivers/worker.h"
#include "drivers/worker_lease.h"

static const char *const companion_of[] = { "qemu", NULL };

/* Held by startup until shutdown, and by every connection. */
static struct worker_lease lease = WORKER_LEASE_INIT("vireo-storage");

/* Made on the storage thread by startup, freed there by shutdown; every
 * connection's priv, read only on that thread. */
static struct stor_state *the_state;

/* On the storage thread. */
static int
start_on_thread(const struct driver_context *ctx, struct vireo_error *err)
{
    the_state = stor_state_new(ctx->state_dir, ctx->run_dir,
                               ctx->log_warning, err);
    if (the_state == NULL)
        return -1;
    storage_use_listen(worker_current(), stor_hold_apply, the_state);
    storage_source_listen(worker_current(), stor_source_find, the_state);
    return 0;
}

static int
stordrv_startup(const struct driver_context *ctx, struct vireo_error *err)
{
    return worker_lease_startup(&lease, start_on_thread, ctx, err);
}

static void
autostart_on_thread(void *arg)
{
    if (the_state != NULL)
        stor_state_autostart(the_state);
}

/* A pool starts within the call. */
static void
stordrv_autostart(void (*done)(void *), void *opaque)
{
    worker_lease_call(&lease, autostart_on_thread, NULL);
    done(opaque);
}

static void
shutdown_on_thread(void *arg)
{
    storage_use_listen(NULL, NULL, NULL);
    storage_source_listen(NULL, NULL, NULL);
    stor_state_free(the_state);
    the_state = NULL;
}

/* Pools keep running on the host: their run state stays on disk for the
 * next start. */
static void
stordrv_shutdown(void)
{
    worker_lease_shutdown(&lease, shutdown_on_thread, NULL);
}

static struct worker *
stordrv_worker(void)
{
    return worker_lease_worker(&lease);
}

/* On the qemu thread, beside a qemu connection: the_state is only
 * pointed at, never read here. */
static int
stordrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
             struct vireo_error *err)
{
    struct worker *w = worker_lease_hold(&lease);

    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "the storage driver is not running");
    conn->priv = the_state;
    conn->worker = w;
    return 0;
}

static void
close_on_thread(void *arg)
{
    struct vireo_conn *conn = arg;
    struct stor_state *st = conn->priv;

    if (st != NULL)
        object_event_deregister_conn(st->events, conn);
}

/* Any thread: the connection's event registrations go on the storage
 * thread. */
static void
stordrv_close(struct vireo_conn *conn)
{
    worker_lease_close_conn(&lease, conn, close_on_thread);
}

const struct driver storagedrv = {
    .name                              = "storage",
    .daemon_only                       = true,
    .startup                           = stordrv_startup,
    .autostart                         = stordrv_autostart,
    .shutdown                          = stordrv_shutdown,
    .worker                            = stordrv_worker,
    .companion_of                      = companion_of,
    .companion_kind                    = CONN_COMPANION_STORAGE,
    .open                              = stordrv_open,
    .close                             = stordrv_close,
    .conn_list_all_storage_pools       = stordrv_conn_list_all_storage_pools,
    .conn_find_storage_pool_sources    = stordrv_conn_find_storage_pool_sources,
    .storage_pool_lookup_by_name       = stordrv_storage_pool_lookup_by_name,
    .storage_pool_lookup_by_uuid       = stordrv_storage_pool_lookup_by_uuid,
    .storage_pool_lookup_by_volume     = stordrv_storage_pool_lookup_by_volume,
    .storage_pool_define_xml           = stordrv_storage_pool_define_xml,
    .storage_pool_create_xml           = stordrv_storage_pool_create_xml,
    .storage_pool_create               = stordrv_storage_pool_create,
    .storage_pool_build                = stordrv_storage_pool_build,
    .storage_pool_destroy              = stordrv_storage_pool_destroy,
    .storage_pool_delete               = stordrv_storage_pool_delete,
    .storage_pool_undefine             = stordrv_storage_pool_undefine,
    .storage_pool_refresh              = stordrv_storage_pool_refresh,
    .storage_pool_get_xml_desc         = stordrv_storage_pool_get_xml_desc,
    .storage_pool_get_info             = stordrv_storage_pool_get_info,
    .storage_pool_get_autostart        = stordrv_storage_pool_get_autostart,
    .storage_pool_set_autostart        = stordrv_storage_pool_set_autostart,
    .storage_pool_is_active            = stordrv_storage_pool_is_active,
    .storage_pool_is_persistent        = stordrv_storage_pool_is_persistent,
    .storage_pool_list_all_volumes     = stordrv_storage_pool_list_all_volumes,
    .storage_vol_lookup_by_name        = stordrv_storage_vol_lookup_by_name,
    .storage_vol_lookup_by_key         = stordrv_storage_vol_lookup_by_key,
    .storage_vol_lookup_by_path        = stordrv_storage_vol_lookup_by_path,
    .storage_vol_create_xml            = stordrv_storage_vol_create_xml,
    .storage_vol_create_xml_from       = stordrv_storage_vol_create_xml_from,
    .storage_vol_delete                = stordrv_storage_vol_delete,
    .storage_vol_get_xml_desc          = stordrv_storage_vol_get_xml_desc,
    .storage_vol_get_info              = stordrv_storage_vol_get_info,
    .storage_vol_get_path              = stordrv_storage_vol_get_path,
    .storage_vol_wipe_pattern          = stordrv_storage_vol_wipe_pattern,
    .storage_vol_resize                = stordrv_storage_vol_resize,
    .storage_vol_upload                = stordrv_storage_vol_upload,
    .storage_vol_download              = stordrv_storage_vol_download,
    .storage_pool_event_register_any   =
        stordrv_storage_pool_event_register_any,
    .storage_pool_event_deregister_any =
        stordrv_storage_pool_event_deregister_any,
};
