/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remotedrv.c: the remote driver's table, and what belongs to a connection
 * as a whole: opening it (connect, then libvirt's handshake), closing it,
 * and the helpers every slot file uses.
 *
 * The handshake is the one libvirt's own client performs (protocol notes
 * §4.1, §4.2), so that a real libvirtd sees nothing unusual:
 *   AUTH_LIST; SUPPORTS_FEATURE(keepalive), only with an event loop;
 *   CONNECT_OPEN; SUPPORTS_FEATURE(event callbacks).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/remote_socket.h"
#include "drivers/remote/remote_tls.h"
#include "drivers/remote/remote_uri.h"
#include "drivers/remote/remotedrv.h"
#include "drivers/remote/rpc_client.h"
#include "loop/event.h"

/* libvirt's VIR_DRV_FEATURE_* numbers asked during the handshake. */
enum {
    FEATURE_PROGRAM_KEEPALIVE     = 10,
    FEATURE_REMOTE_EVENT_CALLBACK = 14,
};

/* libvirt's client defaults: a PING after 5 s of silence, and the
 * connection is given up after 5 unanswered ones. */
enum {
    KEEPALIVE_INTERVAL_S = 5,
    KEEPALIVE_COUNT      = 5,
};

/* Any transport, the daemon-only drivers' own schemes, and "remote"
 * (the daemon's default driver). */
static const char *const remotedrv_schemes[] = { "*+", "qemu", "remote",
                                                 NULL };

int
remote_call(struct vireo_conn *conn, int proc, const void *args, void *ret,
            struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;

    return rpc_client_call(priv->rpc, proc, args, ret, err);
}

void
remote_domain_to_wire(const struct vireo_domain *dom,
                      remote_nonnull_domain *out)
{
    out->name = dom->name;
    memcpy(out->uuid, dom->uuid, sizeof(out->uuid));
    out->id = atomic_load(&dom->id);
}

struct vireo_domain *
remote_domain_from_wire(struct vireo_conn *conn,
                        const remote_nonnull_domain *in,
                        struct vireo_error *err)
{
    struct vireo_domain *dom = handle_domain_new(conn, in->name,
                                                 (const unsigned char *)
                                                 in->uuid, in->id);

    if (dom == NULL)
        error_no_memory(err);
    return dom;
}

void
remote_copy_chars(char *dst, size_t dst_size, const char *src, u_int len)
{
    size_t n = len < dst_size ? len : dst_size - 1;

    /* An empty array arrives as NULL. */
    if (n > 0)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- Handshake -------------------------------------------------------- */

/* vireo authenticates nothing itself: the daemon must accept "none" (a
 * daemon that does not know AUTH_LIST predates authentication). */
static int
check_auth(struct vireo_conn *conn, struct vireo_error *err)
{
    remote_auth_list_ret ret = { 0 };
    int rc = 0;

    if (remote_call(conn, REMOTE_PROC_AUTH_LIST, NULL, &ret, err) < 0) {
        if (err->code != VIR_ERR_NO_SUPPORT)
            return -1;
        error_clear(err);
        return 0;
    }
    if (ret.types.types_len > 0) {
        rc = error_set(err, VIR_ERR_AUTH_FAILED, VIR_FROM_REMOTE,
                       "unsupported authentication type %d",
                       ret.types.types_val[0]);
        for (u_int i = 0; i < ret.types.types_len; i++)
            if (ret.types.types_val[i] == REMOTE_AUTH_NONE) {
                error_clear(err);
                rc = 0;
            }
    }
    xdr_free((xdrproc_t)xdr_remote_auth_list_ret, &ret);
    return rc;
}

/* A failed query means "no", as in libvirt. */
static bool
supports(struct vireo_conn *conn, int feature)
{
    remote_connect_supports_feature_args args = { feature };
    remote_connect_supports_feature_ret ret = { 0 };
    struct vireo_error ignored = { 0 };

    return remote_call(conn, REMOTE_PROC_CONNECT_SUPPORTS_FEATURE, &args,
                       &ret, &ignored) == 0 && ret.supported != 0;
}

static int
open_on_daemon(struct vireo_conn *conn, const char *name, unsigned flags,
               struct vireo_error *err)
{
    char *wire_name = (char *)name;
    /* An empty name lets the daemon choose, as libvirt's client sends. */
    remote_connect_open_args args = { name[0] != '\0' ? &wire_name : NULL,
                                      flags & VIREO_CONNECT_RO };

    return remote_call(conn, REMOTE_PROC_CONNECT_OPEN, &args, NULL, err);
}

static int
handshake(struct vireo_conn *conn, const char *name, unsigned flags,
          struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;
    bool has_loop = event_is_registered();

    if (check_auth(conn, err) < 0)
        return -1;
    priv->has_keepalive = has_loop &&
                          supports(conn, FEATURE_PROGRAM_KEEPALIVE);
    if (open_on_daemon(conn, name, flags, err) < 0)
        return -1;
    priv->has_event_callbacks = supports(conn, FEATURE_REMOTE_EVENT_CALLBACK);
    if (has_loop && rpc_client_watch(priv->rpc, err) < 0)
        return -1;
    if (priv->has_keepalive &&
        rpc_client_keepalive_start(priv->rpc, KEEPALIVE_INTERVAL_S,
                                   KEEPALIVE_COUNT, err) < 0)
        return -1;
    return 0;
}

/* ---- Open and close --------------------------------------------------- */

static void
priv_free(struct remote_priv *priv)
{
    if (priv->rpc != NULL)
        rpc_client_close(priv->rpc);
    domain_event_state_free(priv->events);
    remote_object_events_free(priv);
    pthread_mutex_destroy(&priv->events_lock);
    pthread_mutex_destroy(&priv->lock);
    free(priv->type);
    free(priv->regs);
    free(priv);
}

static struct remote_priv *
priv_new(struct vireo_error *err)
{
    struct remote_priv *priv = calloc(1, sizeof(*priv));

    if (priv == NULL) {
        error_no_memory(err);
        return NULL;
    }
    pthread_mutex_init(&priv->lock, NULL);
    pthread_mutex_init(&priv->events_lock, NULL);
    remote_event_init(priv);
    priv->events = domain_event_state_new();
    if (priv->events == NULL) {
        error_no_memory(err);
        priv_free(priv);
        return NULL;
    }
    return priv;
}

static int
connect_to(struct remote_priv *priv, const struct remote_target *target,
           struct vireo_error *err)
{
    int fd = remote_socket_connect(target, err);
    struct remote_tls *tls = NULL;

    if (fd < 0)
        return -1;
    if (target->transport == REMOTE_TRANSPORT_TLS &&
        (tls = remote_tls_connect(fd, target, err)) == NULL) {
        close(fd);
        return -1;
    }
    priv->transport = target->transport;
    priv->rpc = rpc_client_new(fd, remote_event_on_message, priv, err);
    if (priv->rpc == NULL) {
        remote_tls_free(tls);
        return -1;
    }
    rpc_client_set_tls(priv->rpc, tls);
    return 0;
}

static int
remotedrv_open(struct vireo_conn *conn, const struct uri *uri,
               unsigned flags, struct vireo_error *err)
{
    struct remote_target target;
    struct remote_priv *priv;
    int rc = -1;

    if (error_check_flags(err, VIR_FROM_REMOTE, flags, VIREO_CONNECT_RO,
                          "remoteConnectOpen") < 0 ||
        remote_target_resolve(uri, (flags & VIREO_CONNECT_RO) != 0, &target,
                              err) < 0)
        return -1;
    priv = priv_new(err);
    if (priv != NULL && connect_to(priv, &target, err) == 0) {
        conn->priv = priv;
        rc = handshake(conn, target.name, flags, err);
    }
    if (rc < 0 && priv != NULL) {
        /* libvirt sends no CONNECT_CLOSE after a failed open either. */
        conn->priv = NULL;
        priv_free(priv);
    }
    remote_target_clear(&target);
    return rc;
}

static int
remotedrv_conn_is_alive(struct vireo_conn *conn, int *reason)
{
    struct remote_priv *priv = conn->priv;

    return rpc_client_is_alive(priv->rpc, reason);
}

/* 1 when the daemon does not speak keepalive (or no loop was registered
 * at open, so it was never asked), as libvirt answers. */
static int
remotedrv_conn_set_keepalive(struct vireo_conn *conn, int interval_s,
                             unsigned count, struct vireo_error *err)
{
    struct remote_priv *priv = conn->priv;

    if (!priv->has_keepalive)
        return 1;
    return rpc_client_keepalive_start(priv->rpc, interval_s, (int)count,
                                      err);
}

static void
remotedrv_close(struct vireo_conn *conn)
{
    struct remote_priv *priv = conn->priv;
    struct vireo_error ignored = { 0 };

    int reason;

    remote_event_close(conn);
    if (rpc_client_is_alive(priv->rpc, &reason))
        remote_call(conn, REMOTE_PROC_CONNECT_CLOSE, NULL, NULL, &ignored);
    conn->priv = NULL;
    priv_free(priv);
}

const struct driver remotedrv = {
    .name                        = "remote",
    .schemes                     = remotedrv_schemes,
    /* The client side of the wire: it is what a client process uses to
     * reach the daemon-only drivers, and has nothing to start. */
    .daemon_only                 = false,
    .open                        = remotedrv_open,
    .close                       = remotedrv_close,
    .conn_is_alive               = remotedrv_conn_is_alive,
    .conn_set_keepalive          = remotedrv_conn_set_keepalive,
    .conn_is_secure              = remotedrv_conn_is_secure,
    .conn_is_encrypted           = remotedrv_conn_is_encrypted,
    .conn_get_type               = remotedrv_conn_get_type,
    .conn_get_version            = remotedrv_conn_get_version,
    .conn_get_lib_version        = remotedrv_conn_get_lib_version,
    .conn_get_hostname           = remotedrv_conn_get_hostname,
    .conn_get_capabilities       = remotedrv_conn_get_capabilities,
    .node_get_info               = remotedrv_node_get_info,
    .node_get_security_model     = remotedrv_node_get_security_model,
    .conn_list_all_domains       = remotedrv_conn_list_all_domains,
    .domain_lookup_by_name       = remotedrv_domain_lookup_by_name,
    .domain_lookup_by_uuid       = remotedrv_domain_lookup_by_uuid,
    .domain_lookup_by_id         = remotedrv_domain_lookup_by_id,
    .domain_define_xml           = remotedrv_domain_define_xml,
    .domain_create_xml           = remotedrv_domain_create_xml,
    .domain_undefine             = remotedrv_domain_undefine,
    .domain_create               = remotedrv_domain_create,
    .domain_destroy              = remotedrv_domain_destroy,
    .domain_shutdown             = remotedrv_domain_shutdown,
    .domain_reboot               = remotedrv_domain_reboot,
    .domain_suspend              = remotedrv_domain_suspend,
    .domain_resume               = remotedrv_domain_resume,
    .domain_get_info             = remotedrv_domain_get_info,
    .domain_get_state            = remotedrv_domain_get_state,
    .domain_get_xml_desc         = remotedrv_domain_get_xml_desc,
    .domain_get_os_type          = remotedrv_domain_get_os_type,
    .domain_get_security_label   = remotedrv_domain_get_security_label,
    .domain_get_autostart        = remotedrv_domain_get_autostart,
    .domain_set_autostart        = remotedrv_domain_set_autostart,
    .domain_is_active            = remotedrv_domain_is_active,
    .domain_is_persistent        = remotedrv_domain_is_persistent,
    .domain_has_managed_save_image = remotedrv_domain_has_managed_save_image,
    .domain_snapshot_num         = remotedrv_domain_snapshot_num,
    .domain_get_messages         = remotedrv_domain_get_messages,
    .domain_open_console         = remotedrv_domain_open_console,
    .domain_qemu_monitor_command = remotedrv_domain_qemu_monitor_command,
    .domain_event_register_any   = remote_event_register,
    .domain_event_deregister_any = remote_event_deregister,
    /* Domain monitoring. */
    .domain_get_vcpus            = remotedrv_domain_get_vcpus,
    .domain_get_vcpu_pin_info    = remotedrv_domain_get_vcpu_pin_info,
    .domain_get_vcpus_flags      = remotedrv_domain_get_vcpus_flags,
    .domain_get_max_vcpus        = remotedrv_domain_get_max_vcpus,
    .domain_memory_stats         = remotedrv_domain_memory_stats,
    .domain_block_stats          = remotedrv_domain_block_stats,
    .domain_interface_stats      = remotedrv_domain_interface_stats,
    .domain_get_block_info       = remotedrv_domain_get_block_info,
    .domain_get_disk_errors      = remotedrv_domain_get_disk_errors,
    .domain_get_control_info     = remotedrv_domain_get_control_info,
    .domain_is_updated           = remotedrv_domain_is_updated,
    .conn_get_all_domain_stats   = remotedrv_conn_get_all_domain_stats,
    .domain_get_cpu_stats        = remotedrv_domain_get_cpu_stats,
    .domain_interface_addresses  = remotedrv_domain_interface_addresses,

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    .domain_set_memory_flags         = remotedrv_domain_set_memory_flags,
    .domain_set_vcpus_flags          = remotedrv_domain_set_vcpus_flags,
    .domain_get_scheduler_type       = remotedrv_domain_get_scheduler_type,
    .domain_get_scheduler_params     = remotedrv_domain_get_scheduler_params,
    .domain_set_scheduler_params     = remotedrv_domain_set_scheduler_params,
    .domain_get_memory_params        = remotedrv_domain_get_memory_params,
    .domain_set_memory_params        = remotedrv_domain_set_memory_params,
    .domain_get_metadata             = remotedrv_domain_get_metadata,
    .domain_set_metadata             = remotedrv_domain_set_metadata,
    .domain_rename                   = remotedrv_domain_rename,
    .domain_set_lifecycle_action     = remotedrv_domain_set_lifecycle_action,

    /* Save, restore, managed save and snapshots. */
    .domain_save = remotedrv_domain_save,
    .domain_restore = remotedrv_domain_restore,
    .domain_save_image_get_xml_desc = remotedrv_domain_save_image_get_xml_desc,
    .domain_save_image_define_xml = remotedrv_domain_save_image_define_xml,
    .domain_core_dump = remotedrv_domain_core_dump,
    .domain_managed_save = remotedrv_domain_managed_save,
    .domain_managed_save_remove = remotedrv_domain_managed_save_remove,
    .domain_snapshot_create_xml = remotedrv_domain_snapshot_create_xml,
    .domain_list_all_snapshots = remotedrv_domain_list_all_snapshots,
    .domain_snapshot_list_all_children = remotedrv_domain_snapshot_list_all_children,
    .domain_snapshot_num_children = remotedrv_domain_snapshot_num_children,
    .domain_snapshot_lookup_by_name = remotedrv_domain_snapshot_lookup_by_name,
    .domain_has_current_snapshot = remotedrv_domain_has_current_snapshot,
    .domain_snapshot_current = remotedrv_domain_snapshot_current,
    .domain_snapshot_get_parent = remotedrv_domain_snapshot_get_parent,
    .domain_snapshot_get_xml_desc = remotedrv_domain_snapshot_get_xml_desc,
    .domain_snapshot_is_current = remotedrv_domain_snapshot_is_current,
    .domain_snapshot_has_metadata = remotedrv_domain_snapshot_has_metadata,
    .domain_revert_to_snapshot = remotedrv_domain_revert_to_snapshot,
    .domain_snapshot_delete = remotedrv_domain_snapshot_delete,

    /* Devices and guest operations. */
    .domain_attach_device        = remotedrv_domain_attach_device,
    .domain_detach_device        = remotedrv_domain_detach_device,
    .domain_update_device        = remotedrv_domain_update_device,
    .domain_detach_device_alias  = remotedrv_domain_detach_device_alias,
    .domain_get_hostname         = remotedrv_domain_get_hostname,
    .domain_reset                = remotedrv_domain_reset,
    .domain_get_time             = remotedrv_domain_get_time,
    .domain_set_time             = remotedrv_domain_set_time,
    .domain_fs_freeze            = remotedrv_domain_fs_freeze,
    .domain_fs_thaw              = remotedrv_domain_fs_thaw,
    .domain_fs_trim              = remotedrv_domain_fs_trim,
    .domain_get_fs_info          = remotedrv_domain_get_fs_info,
    .domain_set_user_password    = remotedrv_domain_set_user_password,
    .domain_send_key             = remotedrv_domain_send_key,
    .domain_send_process_signal  = remotedrv_domain_send_process_signal,
    .domain_inject_nmi           = remotedrv_domain_inject_nmi,
    .domain_get_launch_security_info =
        remotedrv_domain_get_launch_security_info,

    /* Host and hypervisor. */
    .conn_get_max_vcpus          = remotedrv_conn_get_max_vcpus,
    .conn_get_sysinfo            = remotedrv_conn_get_sysinfo,
    .node_get_cpu_stats          = remotedrv_node_get_cpu_stats,
    .node_get_memory_stats       = remotedrv_node_get_memory_stats,
    .node_get_cells_free_memory  = remotedrv_node_get_cells_free_memory,
    .node_get_free_memory        = remotedrv_node_get_free_memory,
    .node_get_free_pages         = remotedrv_node_get_free_pages,
    .node_get_cpu_map            = remotedrv_node_get_cpu_map,
    .conn_get_cpu_model_names    = remotedrv_conn_get_cpu_model_names,
    .conn_baseline_cpu           = remotedrv_conn_baseline_cpu,

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    .domain_pin_vcpu                     = remotedrv_domain_pin_vcpu,
    .domain_pin_emulator                 = remotedrv_domain_pin_emulator,
    .domain_get_emulator_pin_info        = remotedrv_domain_get_emulator_pin_info,
    .domain_get_numa_params              = remotedrv_domain_get_numa_params,
    .domain_set_numa_params              = remotedrv_domain_set_numa_params,
    .domain_get_iothread_info            = remotedrv_domain_get_iothread_info,
    .domain_pin_iothread                 = remotedrv_domain_pin_iothread,
    .domain_add_iothread                 = remotedrv_domain_add_iothread,
    .domain_del_iothread                 = remotedrv_domain_del_iothread,
    .domain_set_iothread_params          = remotedrv_domain_set_iothread_params,

    /* Domain tuning: block and interface I/O, perf. */
    .domain_get_blkio_params         = remotedrv_domain_get_blkio_params,
    .domain_set_blkio_params         = remotedrv_domain_set_blkio_params,
    .domain_get_block_io_tune        = remotedrv_domain_get_block_io_tune,
    .domain_set_block_io_tune        = remotedrv_domain_set_block_io_tune,
    .domain_get_interface_params     = remotedrv_domain_get_interface_params,
    .domain_set_interface_params     = remotedrv_domain_set_interface_params,
    .domain_get_perf_events          = remotedrv_domain_get_perf_events,
    .domain_set_perf_events          = remotedrv_domain_set_perf_events,

    /* Networks. */
    .connect_num_of_networks = remotedrv_connect_num_of_networks,
    .connect_list_networks = remotedrv_connect_list_networks,
    .connect_num_of_defined_networks = remotedrv_connect_num_of_defined_networks,
    .connect_list_defined_networks = remotedrv_connect_list_defined_networks,
    .connect_list_all_networks = remotedrv_connect_list_all_networks,
    .network_lookup_by_name = remotedrv_network_lookup_by_name,
    .network_lookup_by_uuid = remotedrv_network_lookup_by_uuid,
    .network_define_xml = remotedrv_network_define_xml,
    .network_create_xml = remotedrv_network_create_xml,
    .network_undefine = remotedrv_network_undefine,
    .network_create = remotedrv_network_create,
    .network_destroy = remotedrv_network_destroy,
    .network_get_xml_desc = remotedrv_network_get_xml_desc,
    .network_get_bridge_name = remotedrv_network_get_bridge_name,
    .network_get_autostart = remotedrv_network_get_autostart,
    .network_set_autostart = remotedrv_network_set_autostart,
    .network_is_active = remotedrv_network_is_active,
    .network_is_persistent = remotedrv_network_is_persistent,
    .network_update = remotedrv_network_update,

    /* Storage pools and volumes. */
    .conn_list_all_storage_pools   = remotedrv_conn_list_all_storage_pools,
    .storage_pool_lookup_by_name   = remotedrv_storage_pool_lookup_by_name,
    .storage_pool_lookup_by_uuid   = remotedrv_storage_pool_lookup_by_uuid,
    .storage_pool_lookup_by_volume = remotedrv_storage_pool_lookup_by_volume,
    .storage_pool_define_xml       = remotedrv_storage_pool_define_xml,
    .storage_pool_create_xml       = remotedrv_storage_pool_create_xml,
    .storage_pool_create           = remotedrv_storage_pool_create,
    .storage_pool_build            = remotedrv_storage_pool_build,
    .storage_pool_destroy          = remotedrv_storage_pool_destroy,
    .storage_pool_delete           = remotedrv_storage_pool_delete,
    .storage_pool_undefine         = remotedrv_storage_pool_undefine,
    .storage_pool_refresh          = remotedrv_storage_pool_refresh,
    .storage_pool_get_xml_desc     = remotedrv_storage_pool_get_xml_desc,
    .storage_pool_get_info         = remotedrv_storage_pool_get_info,
    .storage_pool_get_autostart    = remotedrv_storage_pool_get_autostart,
    .storage_pool_set_autostart    = remotedrv_storage_pool_set_autostart,
    .storage_pool_is_active        = remotedrv_storage_pool_is_active,
    .storage_pool_is_persistent    = remotedrv_storage_pool_is_persistent,
    .conn_find_storage_pool_sources = remotedrv_conn_find_storage_pool_sources,
    .storage_pool_list_all_volumes = remotedrv_storage_pool_list_all_volumes,
    .storage_vol_lookup_by_name    = remotedrv_storage_vol_lookup_by_name,
    .storage_vol_lookup_by_key     = remotedrv_storage_vol_lookup_by_key,
    .storage_vol_lookup_by_path    = remotedrv_storage_vol_lookup_by_path,
    .storage_vol_create_xml        = remotedrv_storage_vol_create_xml,
    .storage_vol_create_xml_from   = remotedrv_storage_vol_create_xml_from,
    .storage_vol_delete            = remotedrv_storage_vol_delete,
    .storage_vol_get_xml_desc      = remotedrv_storage_vol_get_xml_desc,
    .storage_vol_get_info          = remotedrv_storage_vol_get_info,
    .storage_vol_get_path          = remotedrv_storage_vol_get_path,
    .storage_vol_wipe_pattern      = remotedrv_storage_vol_wipe_pattern,
    .storage_vol_resize            = remotedrv_storage_vol_resize,

    /* Node devices and host interfaces. */
    .node_num_of_devices               = remotedrv_node_num_of_devices,
    .node_list_devices                 = remotedrv_node_list_devices,
    .connect_list_all_node_devices     = remotedrv_connect_list_all_node_devices,
    .node_device_lookup_by_name        = remotedrv_node_device_lookup_by_name,
    .node_device_get_xml_desc          = remotedrv_node_device_get_xml_desc,
    .node_device_get_parent            = remotedrv_node_device_get_parent,
    .node_device_num_of_caps           = remotedrv_node_device_num_of_caps,
    .node_device_list_caps             = remotedrv_node_device_list_caps,
    .node_device_create_xml            = remotedrv_node_device_create_xml,
    .node_device_destroy               = remotedrv_node_device_destroy,
    .connect_num_of_interfaces         = remotedrv_connect_num_of_interfaces,
    .connect_list_interfaces           = remotedrv_connect_list_interfaces,
    .connect_num_of_defined_interfaces = remotedrv_connect_num_of_defined_interfaces,
    .connect_list_defined_interfaces   = remotedrv_connect_list_defined_interfaces,
    .connect_list_all_interfaces       = remotedrv_connect_list_all_interfaces,
    .interface_lookup_by_name          = remotedrv_interface_lookup_by_name,
    .interface_lookup_by_mac_string    = remotedrv_interface_lookup_by_mac_string,
    .interface_get_xml_desc            = remotedrv_interface_get_xml_desc,
    .interface_define_xml              = remotedrv_interface_define_xml,
    .interface_undefine                = remotedrv_interface_undefine,
    .interface_create                  = remotedrv_interface_create,
    .interface_destroy                 = remotedrv_interface_destroy,
    .interface_is_active               = remotedrv_interface_is_active,
    .interface_change_begin            = remotedrv_interface_change_begin,
    .interface_change_commit           = remotedrv_interface_change_commit,
    .interface_change_rollback         = remotedrv_interface_change_rollback,

    /* Domain checkpoints. */
    .domain_checkpoint_create_xml = remotedrv_domain_checkpoint_create_xml,
    .domain_checkpoint_get_xml_desc = remotedrv_domain_checkpoint_get_xml_desc,
    .domain_list_all_checkpoints = remotedrv_domain_list_all_checkpoints,
    .domain_checkpoint_list_all_children =
        remotedrv_domain_checkpoint_list_all_children,
    .domain_checkpoint_lookup_by_name = remotedrv_domain_checkpoint_lookup_by_name,
    .domain_checkpoint_get_parent = remotedrv_domain_checkpoint_get_parent,
    .domain_checkpoint_delete    = remotedrv_domain_checkpoint_delete,

    /* Object events: networks, storage pools, node devices. */
    .network_event_register_any = remotedrv_network_event_register_any,
    .network_event_deregister_any = remotedrv_network_event_deregister_any,

    /* Storage pool and node device events. */
    .storage_pool_event_register_any =
        remotedrv_storage_pool_event_register_any,
    .storage_pool_event_deregister_any =
        remotedrv_storage_pool_event_deregister_any,
    .node_device_event_register_any = remotedrv_node_device_event_register_any,
    .node_device_event_deregister_any =
        remotedrv_node_device_event_deregister_any,

    /* Network DHCP leases. */
    .network_get_dhcp_leases     = remotedrv_network_get_dhcp_leases,

    /* Domain capabilities. */
    .conn_get_domain_capabilities = remotedrv_conn_get_domain_capabilities,

    /* Volume upload and download, and their streams. */
    .storage_vol_upload_stream   = remotedrv_storage_vol_upload_stream,
    .storage_vol_download_stream = remotedrv_storage_vol_download_stream,
    .stream_send                 = remotedrv_stream_send,
    .stream_recv                 = remotedrv_stream_recv,
    .stream_finish               = remotedrv_stream_finish,
    .stream_abort                = remotedrv_stream_abort,
    .stream_free                 = remotedrv_stream_free,

    /* Sparse streams: holes as holes. */
    .stream_send_hole            = remotedrv_stream_send_hole,
    .stream_recv_flags           = remotedrv_stream_recv_flags,
    .stream_recv_hole            = remotedrv_stream_recv_hole,
    /* Their events, for non-blocking streams. */
    .stream_event_add_callback    = remotedrv_stream_event_add_callback,
    .stream_event_update_callback = remotedrv_stream_event_update_callback,
    .stream_event_remove_callback = remotedrv_stream_event_remove_callback,
};
