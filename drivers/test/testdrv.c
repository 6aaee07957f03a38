/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * testdrv.c: the test driver's table, and what belongs to a connection as
 * a whole: opening (choosing the state the URI names), closing, and event
 * registrations. The slots themselves live in the files test_slots.h lists.
 */
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/test/test_network.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/testdrv.h"
#include "drivers/uri.h"
#include "drivers/worker.h"
#include "drivers/worker_lease.h"

static const char *const testdrv_schemes[] = { "test", NULL };

/* The test driver's thread, which owns every test state. In vireod the
 * startup hook holds it from start to shutdown; in a client process it
 * runs while a connection is open (each connection holds it too). */
static struct worker_lease lease = WORKER_LEASE_INIT("vireo-test");

static int
testdrv_startup(const struct driver_context *ctx, struct vireo_error *err)
{
    if (worker_lease_hold(&lease) == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "cannot start the test driver's thread");
    return 0;
}

/* vireod has closed its clients (after waiting shutdown_timeout for the
 * calls in flight): calls still queued are answered with an error instead
 * of run, and the thread goes once the last connection is released. */
static void
testdrv_shutdown(void)
{
    worker_lease_shutdown(&lease, NULL, NULL);
}

static struct worker *
testdrv_worker(void)
{
    return worker_lease_worker(&lease);
}

/* ---- Opening and closing ---------------------------------------------- */

struct open_io {
    const struct uri           *uri;
    const struct conn_identity *who;
    struct test_state          *st;
    struct vireo_error         *err;
};

static void
open_on_thread(void *arg)
{
    struct open_io *o = arg;

    if (strcmp(o->uri->path, "/default") == 0)
        o->st = test_state_open_default(o->err);
    else
        o->st = test_state_open_file(o->uri->path, o->who, o->err);
}

/* The URI must name a state of this process: test:///default, or an
 * absolute node-file path. Through vireod, a node file is read with the
 * client's rights (client_file.h), and never for the read-only socket,
 * whose clients may not make the daemon read files at all. */
static int
check_uri(const struct vireo_conn *conn, const struct uri *uri,
          struct vireo_error *err)
{
    if ((uri->server != NULL && uri->server[0] != '\0') ||
        uri->transport != NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "the test driver is in-process: '%s' names a "
                         "remote host", conn->uri);
    if (uri->path == NULL || uri->path[0] != '/' || uri->path[1] == '\0')
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "testOpen: supply a path or use test:///default");
    if (strcmp(uri->path, "/default") != 0 && conn->identity != NULL &&
        conn->identity->is_read_only_socket)
        return error_set(err, VIR_ERR_OPERATION_DENIED, VIR_FROM_TEST,
                         "a node file (%s) cannot be opened through the "
                         "read-only socket", uri->path);
    return 0;
}

static int
testdrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
             struct vireo_error *err)
{
    struct open_io o = { .uri = uri, .who = conn->identity, .err = err };
    struct worker *w;

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIREO_CONNECT_RO,
                          "testConnectOpen") < 0 ||
        check_uri(conn, uri, err) < 0)
        return -1;
    w = worker_lease_hold(&lease);
    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                         "cannot start the test driver's thread");
    if (!worker_call(w, open_on_thread, &o))
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                  "the test driver's thread is not running");
    if (o.st == NULL) {
        worker_lease_release(&lease);
        return -1;
    }
    conn->priv = o.st;
    conn->worker = w;
    conn->view = &o.st->view;
    return 0;
}

static int
op_close(struct test_state *st, void *io, struct vireo_error *err)
{
    domain_event_deregister_conn(st->events, io);
    test_networks_close_conn(st->networks, io);
    test_object_events_close_conn(st, io);
    test_state_release(st);
    return 0;
}

/* Any thread; on the test thread itself when the last reference went
 * there (handle.h), which may stop the thread once this returns. */
static void
testdrv_close(struct vireo_conn *conn)
{
    conn->view = NULL;
    test_call(conn, op_close, conn, NULL);
    conn->priv = NULL;
    conn->worker = NULL;
    worker_lease_release(&lease);
}

/* ---- Events ------------------------------------------------------------ */

struct register_io {
    struct vireo_conn             *conn;
    struct vireo_domain           *dom;
    int                            event_id;
    vireo_domain_event_generic_cb  cb;
    void                          *opaque;
    vireo_free_cb                  free_cb;
    int                            callback_id;
};

static int
op_register(struct test_state *st, void *io, struct vireo_error *err)
{
    struct register_io *r = io;

    return domain_event_register(st->events, r->conn, r->dom, r->event_id,
                                 r->cb, r->opaque, r->free_cb, err);
}

static int
testdrv_domain_event_register_any(struct vireo_conn *conn,
                                  struct vireo_domain *dom, int event_id,
                                  vireo_domain_event_generic_cb cb,
                                  void *opaque, vireo_free_cb free_cb,
                                  struct vireo_error *err)
{
    struct register_io r = { .conn = conn, .dom = dom, .event_id = event_id,
                             .cb = cb, .opaque = opaque, .free_cb = free_cb };

    return test_call(conn, op_register, &r, err);
}

static int
op_deregister(struct test_state *st, void *io, struct vireo_error *err)
{
    struct register_io *r = io;

    return domain_event_deregister(st->events, r->conn, r->callback_id, err);
}

static int
testdrv_domain_event_deregister_any(struct vireo_conn *conn, int callback_id,
                                    struct vireo_error *err)
{
    struct register_io r = { .conn = conn, .callback_id = callback_id };

    return test_call(conn, op_deregister, &r, err);
}

const struct driver testdrv = {
    .name                        = "test",
    .schemes                     = testdrv_schemes,
    .daemon_only                 = false,
    /* States live with connections; startup and shutdown only hold the
     * driver's thread for the daemon's life. Nothing autostarts: a state
     * is made by its first connection. */
    .startup                     = testdrv_startup,
    .shutdown                    = testdrv_shutdown,
    .worker                      = testdrv_worker,
    .open                        = testdrv_open,
    .close                       = testdrv_close,
    .conn_is_secure              = testdrv_conn_is_secure,
    .conn_is_encrypted           = testdrv_conn_is_encrypted,
    .conn_get_type               = testdrv_conn_get_type,
    .conn_get_version            = testdrv_conn_get_version,
    .conn_get_lib_version        = testdrv_conn_get_lib_version,
    .conn_get_hostname           = testdrv_conn_get_hostname,
    .conn_get_capabilities       = testdrv_conn_get_capabilities,
    .node_get_info               = testdrv_node_get_info,
    .node_get_security_model     = testdrv_node_get_security_model,
    .conn_list_all_domains       = testdrv_conn_list_all_domains,
    .domain_lookup_by_name       = testdrv_domain_lookup_by_name,
    .domain_lookup_by_uuid       = testdrv_domain_lookup_by_uuid,
    .domain_lookup_by_id         = testdrv_domain_lookup_by_id,
    .domain_define_xml           = testdrv_domain_define_xml,
    .domain_create_xml           = testdrv_domain_create_xml,
    .domain_undefine             = testdrv_domain_undefine,
    .domain_create               = testdrv_domain_create,
    .domain_destroy              = testdrv_domain_destroy,
    .domain_shutdown             = testdrv_domain_shutdown,
    .domain_reboot               = testdrv_domain_reboot,
    .domain_suspend              = testdrv_domain_suspend,
    .domain_resume               = testdrv_domain_resume,
    .domain_get_info             = testdrv_domain_get_info,
    .domain_get_state            = testdrv_domain_get_state,
    .domain_get_xml_desc         = testdrv_domain_get_xml_desc,
    .domain_get_os_type          = testdrv_domain_get_os_type,
    .domain_get_security_label   = testdrv_domain_get_security_label,
    .domain_get_autostart        = testdrv_domain_get_autostart,
    .domain_set_autostart        = testdrv_domain_set_autostart,
    .domain_is_active            = testdrv_domain_is_active,
    .domain_is_persistent        = testdrv_domain_is_persistent,
    .domain_has_managed_save_image = testdrv_domain_has_managed_save_image,
    .domain_snapshot_num         = testdrv_domain_snapshot_num,
    .domain_get_messages         = testdrv_domain_get_messages,
    .domain_event_register_any   = testdrv_domain_event_register_any,
    .domain_event_deregister_any = testdrv_domain_event_deregister_any,
    /* Domain monitoring. */
    .domain_get_vcpus            = testdrv_domain_get_vcpus,
    .domain_get_vcpu_pin_info    = testdrv_domain_get_vcpu_pin_info,
    .domain_get_vcpus_flags      = testdrv_domain_get_vcpus_flags,
    .domain_get_max_vcpus        = testdrv_domain_get_max_vcpus,
    .domain_memory_stats         = testdrv_domain_memory_stats,
    .domain_block_stats          = testdrv_domain_block_stats,
    .domain_interface_stats      = testdrv_domain_interface_stats,
    .domain_get_block_info       = testdrv_domain_get_block_info,
    .domain_get_disk_errors      = testdrv_domain_get_disk_errors,
    .domain_get_control_info     = testdrv_domain_get_control_info,
    .domain_is_updated           = testdrv_domain_is_updated,
    .conn_get_all_domain_stats   = testdrv_conn_get_all_domain_stats,
    .domain_get_cpu_stats        = testdrv_domain_get_cpu_stats,
    .domain_interface_addresses  = testdrv_domain_interface_addresses,

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    .domain_set_memory_flags     = testdrv_domain_set_memory_flags,
    .domain_set_vcpus_flags      = testdrv_domain_set_vcpus_flags,
    .domain_get_scheduler_type   = testdrv_domain_get_scheduler_type,
    .domain_get_scheduler_params = testdrv_domain_get_scheduler_params,
    .domain_set_scheduler_params = testdrv_domain_set_scheduler_params,
    .domain_get_memory_params    = testdrv_domain_get_memory_params,
    .domain_set_memory_params    = testdrv_domain_set_memory_params,
    .domain_get_metadata         = testdrv_domain_get_metadata,
    .domain_set_metadata         = testdrv_domain_set_metadata,
    .domain_rename               = testdrv_domain_rename,
    .domain_set_lifecycle_action = testdrv_domain_set_lifecycle_action,

    /* Save, restore, managed save and snapshots. */
    .domain_save                 = testdrv_domain_save,
    .domain_restore              = testdrv_domain_restore,
    .domain_save_image_get_xml_desc = testdrv_domain_save_image_get_xml_desc,
    .domain_save_image_define_xml = testdrv_domain_save_image_define_xml,
    .domain_core_dump            = testdrv_domain_core_dump,
    .domain_managed_save         = testdrv_domain_managed_save,
    .domain_managed_save_remove  = testdrv_domain_managed_save_remove,
    .domain_screenshot           = testdrv_domain_screenshot,
    .domain_snapshot_create_xml  = testdrv_domain_snapshot_create_xml,
    .domain_list_all_snapshots   = testdrv_domain_list_all_snapshots,
    .domain_snapshot_list_all_children =
        testdrv_domain_snapshot_list_all_children,
    .domain_snapshot_num_children = testdrv_domain_snapshot_num_children,
    .domain_snapshot_lookup_by_name = testdrv_domain_snapshot_lookup_by_name,
    .domain_has_current_snapshot = testdrv_domain_has_current_snapshot,
    .domain_snapshot_current     = testdrv_domain_snapshot_current,
    .domain_snapshot_get_parent  = testdrv_domain_snapshot_get_parent,
    .domain_snapshot_get_xml_desc = testdrv_domain_snapshot_get_xml_desc,
    .domain_snapshot_is_current  = testdrv_domain_snapshot_is_current,
    .domain_snapshot_has_metadata = testdrv_domain_snapshot_has_metadata,
    .domain_revert_to_snapshot   = testdrv_domain_revert_to_snapshot,
    .domain_snapshot_delete      = testdrv_domain_snapshot_delete,

    /* Devices and guest operations. */
    /* libvirt's test driver attaches, detaches and updates no device. */
    .domain_reset                = testdrv_domain_reset,
    .domain_inject_nmi           = testdrv_domain_inject_nmi,
    .domain_set_user_password    = testdrv_domain_set_user_password,
    .domain_get_hostname         = testdrv_domain_get_hostname,
    .domain_get_time             = testdrv_domain_get_time,
    .domain_set_time             = testdrv_domain_set_time,
    .domain_fs_freeze            = testdrv_domain_fs_freeze,
    .domain_fs_thaw              = testdrv_domain_fs_thaw,
    .domain_fs_trim              = testdrv_domain_fs_trim,
    .domain_get_fs_info          = testdrv_domain_get_fs_info,
    .domain_send_key             = testdrv_domain_send_key,
    .domain_send_process_signal  = testdrv_domain_send_process_signal,
    .domain_get_launch_security_info = testdrv_domain_get_launch_security_info,

    /* Host and hypervisor. */
    .conn_get_max_vcpus          = testdrv_conn_get_max_vcpus,
    .conn_get_sysinfo            = testdrv_conn_get_sysinfo,
    .node_get_cpu_stats          = testdrv_node_get_cpu_stats,
    .node_get_cells_free_memory  = testdrv_node_get_cells_free_memory,
    .node_get_free_memory        = testdrv_node_get_free_memory,
    .node_get_free_pages         = testdrv_node_get_free_pages,
    .node_get_cpu_map            = testdrv_node_get_cpu_map,
    .conn_get_cpu_model_names    = testdrv_conn_get_cpu_model_names,
    .conn_baseline_cpu           = testdrv_conn_baseline_cpu,

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    .domain_pin_vcpu              = testdrv_domain_pin_vcpu,
    .domain_pin_emulator          = testdrv_domain_pin_emulator,
    .domain_get_emulator_pin_info = testdrv_domain_get_emulator_pin_info,
    .domain_get_numa_params       = testdrv_domain_get_numa_params,
    .domain_set_numa_params       = testdrv_domain_set_numa_params,
    .domain_get_iothread_info     = testdrv_domain_get_iothread_info,
    .domain_pin_iothread          = testdrv_domain_pin_iothread,
    .domain_add_iothread          = testdrv_domain_add_iothread,
    .domain_del_iothread          = testdrv_domain_del_iothread,
    .domain_set_iothread_params   = testdrv_domain_set_iothread_params,

    /* Domain tuning: block and interface I/O, perf. */
    .domain_get_blkio_params     = testdrv_domain_get_blkio_params,
    .domain_set_blkio_params     = testdrv_domain_set_blkio_params,
    .domain_get_block_io_tune    = testdrv_domain_get_block_io_tune,
    .domain_set_block_io_tune    = testdrv_domain_set_block_io_tune,
    .domain_get_interface_params = testdrv_domain_get_interface_params,
    .domain_set_interface_params = testdrv_domain_set_interface_params,
    .domain_get_perf_events      = testdrv_domain_get_perf_events,
    .domain_set_perf_events      = testdrv_domain_set_perf_events,

    /* Networks. */
    .connect_num_of_networks     = testdrv_connect_num_of_networks,
    .connect_list_networks       = testdrv_connect_list_networks,
    .connect_num_of_defined_networks = testdrv_connect_num_of_defined_networks,
    .connect_list_defined_networks = testdrv_connect_list_defined_networks,
    .connect_list_all_networks   = testdrv_connect_list_all_networks,
    .network_lookup_by_name      = testdrv_network_lookup_by_name,
    .network_lookup_by_uuid      = testdrv_network_lookup_by_uuid,
    .network_define_xml          = testdrv_network_define_xml,
    .network_create_xml          = testdrv_network_create_xml,
    .network_undefine            = testdrv_network_undefine,
    .network_create              = testdrv_network_create,
    .network_destroy             = testdrv_network_destroy,
    .network_get_xml_desc        = testdrv_network_get_xml_desc,
    .network_get_bridge_name     = testdrv_network_get_bridge_name,
    .network_get_autostart       = testdrv_network_get_autostart,
    .network_set_autostart       = testdrv_network_set_autostart,
    .network_is_active           = testdrv_network_is_active,
    .network_is_persistent       = testdrv_network_is_persistent,
    .network_update              = testdrv_network_update,

    /* Storage pools and volumes. */
    .conn_list_all_storage_pools   = testdrv_conn_list_all_storage_pools,
    .storage_pool_lookup_by_name   = testdrv_storage_pool_lookup_by_name,
    .storage_pool_lookup_by_uuid   = testdrv_storage_pool_lookup_by_uuid,
    .storage_pool_lookup_by_volume = testdrv_storage_pool_lookup_by_volume,
    .storage_pool_define_xml       = testdrv_storage_pool_define_xml,
    .storage_pool_create_xml       = testdrv_storage_pool_create_xml,
    .storage_pool_create           = testdrv_storage_pool_create,
    .storage_pool_build            = testdrv_storage_pool_build,
    .storage_pool_destroy          = testdrv_storage_pool_destroy,
    .storage_pool_delete           = testdrv_storage_pool_delete,
    .storage_pool_undefine         = testdrv_storage_pool_undefine,
    .storage_pool_refresh          = testdrv_storage_pool_refresh,
    .storage_pool_get_xml_desc     = testdrv_storage_pool_get_xml_desc,
    .storage_pool_get_info         = testdrv_storage_pool_get_info,
    .storage_pool_get_autostart    = testdrv_storage_pool_get_autostart,
    .storage_pool_set_autostart    = testdrv_storage_pool_set_autostart,
    .storage_pool_is_active        = testdrv_storage_pool_is_active,
    .storage_pool_is_persistent    = testdrv_storage_pool_is_persistent,
    .conn_find_storage_pool_sources = testdrv_conn_find_storage_pool_sources,
    .storage_pool_list_all_volumes = testdrv_storage_pool_list_all_volumes,
    .storage_vol_lookup_by_name    = testdrv_storage_vol_lookup_by_name,
    .storage_vol_lookup_by_key     = testdrv_storage_vol_lookup_by_key,
    .storage_vol_lookup_by_path    = testdrv_storage_vol_lookup_by_path,
    .storage_vol_create_xml        = testdrv_storage_vol_create_xml,
    .storage_vol_create_xml_from   = testdrv_storage_vol_create_xml_from,
    .storage_vol_delete            = testdrv_storage_vol_delete,
    .storage_vol_get_xml_desc      = testdrv_storage_vol_get_xml_desc,
    .storage_vol_get_info          = testdrv_storage_vol_get_info,
    .storage_vol_get_path          = testdrv_storage_vol_get_path,

    /* Node devices and host interfaces. */
    .node_num_of_devices               = testdrv_node_num_of_devices,
    .node_list_devices                 = testdrv_node_list_devices,
    .connect_list_all_node_devices     = testdrv_connect_list_all_node_devices,
    .node_device_lookup_by_name        = testdrv_node_device_lookup_by_name,
    .node_device_get_xml_desc          = testdrv_node_device_get_xml_desc,
    .node_device_get_parent            = testdrv_node_device_get_parent,
    .node_device_num_of_caps           = testdrv_node_device_num_of_caps,
    .node_device_list_caps             = testdrv_node_device_list_caps,
    .node_device_create_xml            = testdrv_node_device_create_xml,
    .node_device_destroy               = testdrv_node_device_destroy,
    .connect_num_of_interfaces         = testdrv_connect_num_of_interfaces,
    .connect_list_interfaces           = testdrv_connect_list_interfaces,
    .connect_num_of_defined_interfaces = testdrv_connect_num_of_defined_interfaces,
    .connect_list_defined_interfaces   = testdrv_connect_list_defined_interfaces,
    .connect_list_all_interfaces       = testdrv_connect_list_all_interfaces,
    .interface_lookup_by_name          = testdrv_interface_lookup_by_name,
    .interface_lookup_by_mac_string    = testdrv_interface_lookup_by_mac_string,
    .interface_get_xml_desc            = testdrv_interface_get_xml_desc,
    .interface_define_xml              = testdrv_interface_define_xml,
    .interface_undefine                = testdrv_interface_undefine,
    .interface_create                  = testdrv_interface_create,
    .interface_destroy                 = testdrv_interface_destroy,
    .interface_is_active               = testdrv_interface_is_active,
    .interface_change_begin            = testdrv_interface_change_begin,
    .interface_change_commit           = testdrv_interface_change_commit,
    .interface_change_rollback         = testdrv_interface_change_rollback,

    /* Domain checkpoints. */
    .domain_checkpoint_create_xml = testdrv_domain_checkpoint_create_xml,
    .domain_checkpoint_get_xml_desc = testdrv_domain_checkpoint_get_xml_desc,
    .domain_list_all_checkpoints = testdrv_domain_list_all_checkpoints,
    .domain_checkpoint_list_all_children =
        testdrv_domain_checkpoint_list_all_children,
    .domain_checkpoint_lookup_by_name = testdrv_domain_checkpoint_lookup_by_name,
    .domain_checkpoint_get_parent = testdrv_domain_checkpoint_get_parent,
    .domain_checkpoint_delete    = testdrv_domain_checkpoint_delete,

    /* Object events: networks, storage pools, node devices. */
    .network_event_register_any  = testdrv_network_event_register_any,
    .network_event_deregister_any = testdrv_network_event_deregister_any,

    /* Storage pool and node device events (test_object_event.c). */
    .storage_pool_event_register_any = testdrv_storage_pool_event_register_any,
    .storage_pool_event_deregister_any =
        testdrv_storage_pool_event_deregister_any,
    .node_device_event_register_any = testdrv_node_device_event_register_any,
    .node_device_event_deregister_any =
        testdrv_node_device_event_deregister_any,

};
