/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_table.c: procedure -> driver handler, for the remote program
 * and libvirt's QEMU program. A procedure missing here is answered as
 * libvirtd answers a call its driver lacks, "this function is not
 * supported by the connection driver: virXxx" (dispatch_unsupported.h).
 */
#include <stddef.h>

#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_table.h"
#include "wire/procs.h"

#define SLOT(NAME, fn) [REMOTE_PROC_##NAME] = fn

static const dispatch_fn handlers[WIRE_PROC_MAX + 1] = {
    SLOT(CONNECT_GET_TYPE, dispatch_connect_get_type),
    SLOT(CONNECT_GET_VERSION, dispatch_connect_get_version),
    SLOT(CONNECT_GET_LIB_VERSION, dispatch_connect_get_lib_version),
    SLOT(CONNECT_GET_HOSTNAME, dispatch_connect_get_hostname),
    SLOT(CONNECT_GET_CAPABILITIES, dispatch_connect_get_capabilities),
    SLOT(CONNECT_GET_URI, dispatch_connect_get_uri),
    SLOT(CONNECT_IS_SECURE, dispatch_connect_is_secure),
    SLOT(NODE_GET_INFO, dispatch_node_get_info),
    SLOT(NODE_GET_SECURITY_MODEL, dispatch_node_get_security_model),
    SLOT(CONNECT_LIST_ALL_DOMAINS, dispatch_connect_list_all_domains),
    SLOT(CONNECT_NUM_OF_DOMAINS, dispatch_connect_num_of_domains),
    SLOT(CONNECT_LIST_DOMAINS, dispatch_connect_list_domains),
    SLOT(CONNECT_NUM_OF_DEFINED_DOMAINS,
         dispatch_connect_num_of_defined_domains),
    SLOT(CONNECT_LIST_DEFINED_DOMAINS, dispatch_connect_list_defined_domains),
    SLOT(DOMAIN_LOOKUP_BY_NAME, dispatch_domain_lookup_by_name),
    SLOT(DOMAIN_LOOKUP_BY_UUID, dispatch_domain_lookup_by_uuid),
    SLOT(DOMAIN_LOOKUP_BY_ID, dispatch_domain_lookup_by_id),
    SLOT(DOMAIN_GET_INFO, dispatch_domain_get_info),
    SLOT(DOMAIN_GET_MAX_MEMORY, dispatch_domain_get_max_memory),
    SLOT(DOMAIN_GET_STATE, dispatch_domain_get_state),
    SLOT(DOMAIN_GET_XML_DESC, dispatch_domain_get_xml_desc),
    SLOT(DOMAIN_GET_OS_TYPE, dispatch_domain_get_os_type),
    SLOT(DOMAIN_GET_SECURITY_LABEL, dispatch_domain_get_security_label),
    SLOT(DOMAIN_IS_ACTIVE, dispatch_domain_is_active),
    SLOT(DOMAIN_IS_PERSISTENT, dispatch_domain_is_persistent),
    SLOT(DOMAIN_GET_AUTOSTART, dispatch_domain_get_autostart),
    SLOT(DOMAIN_HAS_MANAGED_SAVE_IMAGE, dispatch_domain_has_managed_save_image),
    SLOT(DOMAIN_SNAPSHOT_NUM, dispatch_domain_snapshot_num),
    SLOT(DOMAIN_GET_MESSAGES, dispatch_domain_get_messages),
    SLOT(DOMAIN_DEFINE_XML, dispatch_domain_define_xml),
    SLOT(DOMAIN_DEFINE_XML_FLAGS, dispatch_domain_define_xml_flags),
    SLOT(DOMAIN_CREATE_XML, dispatch_domain_create_xml),
    SLOT(DOMAIN_UNDEFINE, dispatch_domain_undefine),
    SLOT(DOMAIN_UNDEFINE_FLAGS, dispatch_domain_undefine_flags),
    SLOT(DOMAIN_CREATE, dispatch_domain_create),
    SLOT(DOMAIN_CREATE_WITH_FLAGS, dispatch_domain_create_with_flags),
    SLOT(DOMAIN_DESTROY, dispatch_domain_destroy),
    SLOT(DOMAIN_DESTROY_FLAGS, dispatch_domain_destroy_flags),
    SLOT(DOMAIN_SHUTDOWN, dispatch_domain_shutdown),
    SLOT(DOMAIN_SHUTDOWN_FLAGS, dispatch_domain_shutdown_flags),
    SLOT(DOMAIN_REBOOT, dispatch_domain_reboot),
    SLOT(DOMAIN_RESET, dispatch_domain_reset),
    SLOT(DOMAIN_SUSPEND, dispatch_domain_suspend),
    SLOT(DOMAIN_RESUME, dispatch_domain_resume),
    SLOT(DOMAIN_SET_AUTOSTART, dispatch_domain_set_autostart),
    SLOT(CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
         dispatch_connect_domain_event_callback_deregister_any),
    /* Domain monitoring. */
    SLOT(DOMAIN_GET_VCPUS, dispatch_domain_get_vcpus),
    SLOT(DOMAIN_GET_VCPU_PIN_INFO, dispatch_domain_get_vcpu_pin_info),
    SLOT(DOMAIN_GET_VCPUS_FLAGS, dispatch_domain_get_vcpus_flags),
    SLOT(DOMAIN_GET_MAX_VCPUS, dispatch_domain_get_max_vcpus),
    SLOT(DOMAIN_MEMORY_STATS, dispatch_domain_memory_stats),
    SLOT(DOMAIN_BLOCK_STATS, dispatch_domain_block_stats),
    SLOT(DOMAIN_INTERFACE_STATS, dispatch_domain_interface_stats),
    SLOT(DOMAIN_GET_BLOCK_INFO, dispatch_domain_get_block_info),
    SLOT(DOMAIN_GET_DISK_ERRORS, dispatch_domain_get_disk_errors),
    SLOT(DOMAIN_GET_CONTROL_INFO, dispatch_domain_get_control_info),
    SLOT(DOMAIN_IS_UPDATED, dispatch_domain_is_updated),
    SLOT(CONNECT_GET_ALL_DOMAIN_STATS, dispatch_connect_get_all_domain_stats),
    SLOT(DOMAIN_GET_CPU_STATS, dispatch_domain_get_cpu_stats),
    SLOT(DOMAIN_INTERFACE_ADDRESSES, dispatch_domain_interface_addresses),

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    SLOT(DOMAIN_SET_MEMORY, dispatch_domain_set_memory),
    SLOT(DOMAIN_SET_MAX_MEMORY, dispatch_domain_set_max_memory),
    SLOT(DOMAIN_SET_MEMORY_FLAGS, dispatch_domain_set_memory_flags),
    SLOT(DOMAIN_SET_VCPUS, dispatch_domain_set_vcpus),
    SLOT(DOMAIN_SET_VCPUS_FLAGS, dispatch_domain_set_vcpus_flags),
    SLOT(DOMAIN_GET_SCHEDULER_TYPE, dispatch_domain_get_scheduler_type),
    SLOT(DOMAIN_GET_SCHEDULER_PARAMETERS,
         dispatch_domain_get_scheduler_parameters),
    SLOT(DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
         dispatch_domain_get_scheduler_parameters_flags),
    SLOT(DOMAIN_SET_SCHEDULER_PARAMETERS,
         dispatch_domain_set_scheduler_parameters),
    SLOT(DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
         dispatch_domain_set_scheduler_parameters_flags),
    SLOT(DOMAIN_GET_MEMORY_PARAMETERS, dispatch_domain_get_memory_parameters),
    SLOT(DOMAIN_SET_MEMORY_PARAMETERS, dispatch_domain_set_memory_parameters),
    SLOT(DOMAIN_GET_METADATA, dispatch_domain_get_metadata),
    SLOT(DOMAIN_SET_METADATA, dispatch_domain_set_metadata),
    SLOT(DOMAIN_RENAME, dispatch_domain_rename),
    SLOT(DOMAIN_SET_LIFECYCLE_ACTION, dispatch_domain_set_lifecycle_action),

    /* Save, restore, managed save and snapshots. */
    SLOT(DOMAIN_SAVE, dispatch_domain_save),
    SLOT(DOMAIN_SAVE_FLAGS, dispatch_domain_save_flags),
    SLOT(DOMAIN_RESTORE, dispatch_domain_restore),
    SLOT(DOMAIN_RESTORE_FLAGS, dispatch_domain_restore_flags),
    SLOT(DOMAIN_SAVE_IMAGE_GET_XML_DESC, dispatch_domain_save_image_get_xml_desc),
    SLOT(DOMAIN_SAVE_IMAGE_DEFINE_XML, dispatch_domain_save_image_define_xml),
    SLOT(DOMAIN_CORE_DUMP, dispatch_domain_core_dump),
    SLOT(DOMAIN_CORE_DUMP_WITH_FORMAT, dispatch_domain_core_dump_with_format),
    SLOT(DOMAIN_MANAGED_SAVE, dispatch_domain_managed_save),
    SLOT(DOMAIN_MANAGED_SAVE_REMOVE, dispatch_domain_managed_save_remove),
    SLOT(DOMAIN_SNAPSHOT_CREATE_XML, dispatch_domain_snapshot_create_xml),
    SLOT(DOMAIN_LIST_ALL_SNAPSHOTS, dispatch_domain_list_all_snapshots),
    SLOT(DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN, dispatch_domain_snapshot_list_all_children),
    SLOT(DOMAIN_SNAPSHOT_NUM_CHILDREN, dispatch_domain_snapshot_num_children),
    SLOT(DOMAIN_SNAPSHOT_LIST_NAMES, dispatch_domain_snapshot_list_names),
    SLOT(DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES,
         dispatch_domain_snapshot_list_children_names),
    SLOT(DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, dispatch_domain_snapshot_lookup_by_name),
    SLOT(DOMAIN_HAS_CURRENT_SNAPSHOT, dispatch_domain_has_current_snapshot),
    SLOT(DOMAIN_SNAPSHOT_CURRENT, dispatch_domain_snapshot_current),
    SLOT(DOMAIN_SNAPSHOT_GET_PARENT, dispatch_domain_snapshot_get_parent),
    SLOT(DOMAIN_SNAPSHOT_GET_XML_DESC, dispatch_domain_snapshot_get_xml_desc),
    SLOT(DOMAIN_SNAPSHOT_IS_CURRENT, dispatch_domain_snapshot_is_current),
    SLOT(DOMAIN_SNAPSHOT_HAS_METADATA, dispatch_domain_snapshot_has_metadata),
    SLOT(DOMAIN_REVERT_TO_SNAPSHOT, dispatch_domain_revert_to_snapshot),
    SLOT(DOMAIN_SNAPSHOT_DELETE, dispatch_domain_snapshot_delete),

    /* Devices and guest operations. */
    SLOT(DOMAIN_ATTACH_DEVICE, dispatch_domain_attach_device),
    SLOT(DOMAIN_ATTACH_DEVICE_FLAGS, dispatch_domain_attach_device_flags),
    SLOT(DOMAIN_DETACH_DEVICE, dispatch_domain_detach_device),
    SLOT(DOMAIN_DETACH_DEVICE_FLAGS, dispatch_domain_detach_device_flags),
    SLOT(DOMAIN_UPDATE_DEVICE_FLAGS, dispatch_domain_update_device_flags),
    SLOT(DOMAIN_DETACH_DEVICE_ALIAS, dispatch_domain_detach_device_alias),
    SLOT(DOMAIN_GET_HOSTNAME, dispatch_domain_get_hostname),
    SLOT(DOMAIN_GET_TIME, dispatch_domain_get_time),
    SLOT(DOMAIN_SET_TIME, dispatch_domain_set_time),
    SLOT(DOMAIN_FSFREEZE, dispatch_domain_fsfreeze),
    SLOT(DOMAIN_FSTHAW, dispatch_domain_fsthaw),
    SLOT(DOMAIN_FSTRIM, dispatch_domain_fstrim),
    SLOT(DOMAIN_GET_FSINFO, dispatch_domain_get_fsinfo),
    SLOT(DOMAIN_SET_USER_PASSWORD, dispatch_domain_set_user_password),
    SLOT(DOMAIN_SEND_KEY, dispatch_domain_send_key),
    SLOT(DOMAIN_SEND_PROCESS_SIGNAL, dispatch_domain_send_process_signal),
    SLOT(DOMAIN_INJECT_NMI, dispatch_domain_inject_nmi),
    SLOT(DOMAIN_GET_LAUNCH_SECURITY_INFO,
         dispatch_domain_get_launch_security_info),

    /* Host and hypervisor. */
    SLOT(CONNECT_GET_MAX_VCPUS, dispatch_connect_get_max_vcpus),
    SLOT(CONNECT_GET_SYSINFO, dispatch_connect_get_sysinfo),
    SLOT(NODE_GET_CPU_STATS, dispatch_node_get_cpu_stats),
    SLOT(NODE_GET_MEMORY_STATS, dispatch_node_get_memory_stats),
    SLOT(NODE_GET_CELLS_FREE_MEMORY, dispatch_node_get_cells_free_memory),
    SLOT(NODE_GET_FREE_MEMORY, dispatch_node_get_free_memory),
    SLOT(NODE_GET_FREE_PAGES, dispatch_node_get_free_pages),
    SLOT(NODE_GET_CPU_MAP, dispatch_node_get_cpu_map),
    SLOT(CONNECT_GET_CPU_MODEL_NAMES, dispatch_connect_get_cpu_model_names),
    SLOT(CONNECT_BASELINE_CPU, dispatch_connect_baseline_cpu),

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    SLOT(DOMAIN_PIN_VCPU, dispatch_domain_pin_vcpu),
    SLOT(DOMAIN_PIN_VCPU_FLAGS, dispatch_domain_pin_vcpu_flags),
    SLOT(DOMAIN_PIN_EMULATOR, dispatch_domain_pin_emulator),
    SLOT(DOMAIN_GET_EMULATOR_PIN_INFO, dispatch_domain_get_emulator_pin_info),
    SLOT(DOMAIN_GET_NUMA_PARAMETERS, dispatch_domain_get_numa_parameters),
    SLOT(DOMAIN_SET_NUMA_PARAMETERS, dispatch_domain_set_numa_parameters),
    SLOT(DOMAIN_GET_IOTHREAD_INFO, dispatch_domain_get_iothread_info),
    SLOT(DOMAIN_PIN_IOTHREAD, dispatch_domain_pin_iothread),
    SLOT(DOMAIN_ADD_IOTHREAD, dispatch_domain_add_iothread),
    SLOT(DOMAIN_DEL_IOTHREAD, dispatch_domain_del_iothread),
    SLOT(DOMAIN_SET_IOTHREAD_PARAMS, dispatch_domain_set_iothread_params),

    /* Domain tuning: block and interface I/O, perf. */
    SLOT(DOMAIN_GET_BLKIO_PARAMETERS, dispatch_domain_get_blkio_parameters),
    SLOT(DOMAIN_SET_BLKIO_PARAMETERS, dispatch_domain_set_blkio_parameters),
    SLOT(DOMAIN_GET_BLOCK_IO_TUNE, dispatch_domain_get_block_io_tune),
    SLOT(DOMAIN_SET_BLOCK_IO_TUNE, dispatch_domain_set_block_io_tune),
    SLOT(DOMAIN_GET_INTERFACE_PARAMETERS,
         dispatch_domain_get_interface_parameters),
    SLOT(DOMAIN_SET_INTERFACE_PARAMETERS,
         dispatch_domain_set_interface_parameters),
    SLOT(DOMAIN_GET_PERF_EVENTS, dispatch_domain_get_perf_events),
    SLOT(DOMAIN_SET_PERF_EVENTS, dispatch_domain_set_perf_events),

    /* Networks. */
    SLOT(CONNECT_NUM_OF_NETWORKS, dispatch_connect_num_of_networks),
    SLOT(CONNECT_LIST_NETWORKS, dispatch_connect_list_networks),
    SLOT(CONNECT_NUM_OF_DEFINED_NETWORKS, dispatch_connect_num_of_defined_networks),
    SLOT(CONNECT_LIST_DEFINED_NETWORKS, dispatch_connect_list_defined_networks),
    SLOT(CONNECT_LIST_ALL_NETWORKS, dispatch_connect_list_all_networks),
    SLOT(NETWORK_LOOKUP_BY_NAME, dispatch_network_lookup_by_name),
    SLOT(NETWORK_LOOKUP_BY_UUID, dispatch_network_lookup_by_uuid),
    SLOT(NETWORK_DEFINE_XML, dispatch_network_define_xml),
    SLOT(NETWORK_DEFINE_XML_FLAGS, dispatch_network_define_xml_flags),
    SLOT(NETWORK_CREATE_XML, dispatch_network_create_xml),
    SLOT(NETWORK_CREATE_XML_FLAGS, dispatch_network_create_xml_flags),
    SLOT(NETWORK_UNDEFINE, dispatch_network_undefine),
    SLOT(NETWORK_CREATE, dispatch_network_create),
    SLOT(NETWORK_DESTROY, dispatch_network_destroy),
    SLOT(NETWORK_UPDATE, dispatch_network_update),
    SLOT(NETWORK_GET_XML_DESC, dispatch_network_get_xml_desc),
    SLOT(NETWORK_GET_BRIDGE_NAME, dispatch_network_get_bridge_name),
    SLOT(NETWORK_GET_AUTOSTART, dispatch_network_get_autostart),
    SLOT(NETWORK_SET_AUTOSTART, dispatch_network_set_autostart),
    SLOT(NETWORK_IS_ACTIVE, dispatch_network_is_active),
    SLOT(NETWORK_IS_PERSISTENT, dispatch_network_is_persistent),

    /* Storage pools and volumes. */
    SLOT(CONNECT_NUM_OF_STORAGE_POOLS, dispatch_connect_num_of_storage_pools),
    SLOT(CONNECT_LIST_STORAGE_POOLS, dispatch_connect_list_storage_pools),
    SLOT(CONNECT_NUM_OF_DEFINED_STORAGE_POOLS, dispatch_connect_num_of_defined_storage_pools),
    SLOT(CONNECT_LIST_DEFINED_STORAGE_POOLS, dispatch_connect_list_defined_storage_pools),
    SLOT(CONNECT_FIND_STORAGE_POOL_SOURCES, dispatch_connect_find_storage_pool_sources),
    SLOT(STORAGE_POOL_CREATE_XML, dispatch_storage_pool_create_xml),
    SLOT(STORAGE_POOL_DEFINE_XML, dispatch_storage_pool_define_xml),
    SLOT(STORAGE_POOL_CREATE, dispatch_storage_pool_create),
    SLOT(STORAGE_POOL_BUILD, dispatch_storage_pool_build),
    SLOT(STORAGE_POOL_DESTROY, dispatch_storage_pool_destroy),
    SLOT(STORAGE_POOL_DELETE, dispatch_storage_pool_delete),
    SLOT(STORAGE_POOL_UNDEFINE, dispatch_storage_pool_undefine),
    SLOT(STORAGE_POOL_REFRESH, dispatch_storage_pool_refresh),
    SLOT(STORAGE_POOL_LOOKUP_BY_NAME, dispatch_storage_pool_lookup_by_name),
    SLOT(STORAGE_POOL_LOOKUP_BY_UUID, dispatch_storage_pool_lookup_by_uuid),
    SLOT(STORAGE_POOL_LOOKUP_BY_VOLUME, dispatch_storage_pool_lookup_by_volume),
    SLOT(STORAGE_POOL_GET_INFO, dispatch_storage_pool_get_info),
    SLOT(STORAGE_POOL_GET_XML_DESC, dispatch_storage_pool_get_xml_desc),
    SLOT(STORAGE_POOL_GET_AUTOSTART, dispatch_storage_pool_get_autostart),
    SLOT(STORAGE_POOL_SET_AUTOSTART, dispatch_storage_pool_set_autostart),
    SLOT(STORAGE_POOL_NUM_OF_VOLUMES, dispatch_storage_pool_num_of_volumes),
    SLOT(STORAGE_POOL_LIST_VOLUMES, dispatch_storage_pool_list_volumes),
    SLOT(STORAGE_VOL_CREATE_XML, dispatch_storage_vol_create_xml),
    SLOT(STORAGE_VOL_DELETE, dispatch_storage_vol_delete),
    SLOT(STORAGE_VOL_LOOKUP_BY_NAME, dispatch_storage_vol_lookup_by_name),
    SLOT(STORAGE_VOL_LOOKUP_BY_KEY, dispatch_storage_vol_lookup_by_key),
    SLOT(STORAGE_VOL_LOOKUP_BY_PATH, dispatch_storage_vol_lookup_by_path),
    SLOT(STORAGE_VOL_GET_INFO, dispatch_storage_vol_get_info),
    SLOT(STORAGE_VOL_GET_XML_DESC, dispatch_storage_vol_get_xml_desc),
    SLOT(STORAGE_VOL_GET_PATH, dispatch_storage_vol_get_path),
    SLOT(STORAGE_VOL_CREATE_XML_FROM, dispatch_storage_vol_create_xml_from),
    SLOT(STORAGE_POOL_IS_ACTIVE, dispatch_storage_pool_is_active),
    SLOT(STORAGE_POOL_IS_PERSISTENT, dispatch_storage_pool_is_persistent),
    SLOT(CONNECT_LIST_ALL_STORAGE_POOLS, dispatch_connect_list_all_storage_pools),
    SLOT(STORAGE_POOL_LIST_ALL_VOLUMES, dispatch_storage_pool_list_all_volumes),

    /* Node devices and host interfaces. */
    SLOT(NODE_NUM_OF_DEVICES, dispatch_node_num_of_devices),
    SLOT(NODE_LIST_DEVICES, dispatch_node_list_devices),
    SLOT(CONNECT_LIST_ALL_NODE_DEVICES,
         dispatch_connect_list_all_node_devices),
    SLOT(NODE_DEVICE_LOOKUP_BY_NAME, dispatch_node_device_lookup_by_name),
    SLOT(NODE_DEVICE_GET_XML_DESC, dispatch_node_device_get_xml_desc),
    SLOT(NODE_DEVICE_GET_PARENT, dispatch_node_device_get_parent),
    SLOT(NODE_DEVICE_NUM_OF_CAPS, dispatch_node_device_num_of_caps),
    SLOT(NODE_DEVICE_LIST_CAPS, dispatch_node_device_list_caps),
    SLOT(NODE_DEVICE_CREATE_XML, dispatch_node_device_create_xml),
    SLOT(NODE_DEVICE_DESTROY, dispatch_node_device_destroy),
    SLOT(CONNECT_NUM_OF_INTERFACES, dispatch_connect_num_of_interfaces),
    SLOT(CONNECT_LIST_INTERFACES, dispatch_connect_list_interfaces),
    SLOT(CONNECT_NUM_OF_DEFINED_INTERFACES,
         dispatch_connect_num_of_defined_interfaces),
    SLOT(CONNECT_LIST_DEFINED_INTERFACES,
         dispatch_connect_list_defined_interfaces),
    SLOT(CONNECT_LIST_ALL_INTERFACES, dispatch_connect_list_all_interfaces),
    SLOT(INTERFACE_LOOKUP_BY_NAME, dispatch_interface_lookup_by_name),
    SLOT(INTERFACE_LOOKUP_BY_MAC_STRING,
         dispatch_interface_lookup_by_mac_string),
    SLOT(INTERFACE_GET_XML_DESC, dispatch_interface_get_xml_desc),
    SLOT(INTERFACE_DEFINE_XML, dispatch_interface_define_xml),
    SLOT(INTERFACE_UNDEFINE, dispatch_interface_undefine),
    SLOT(INTERFACE_CREATE, dispatch_interface_create),
    SLOT(INTERFACE_DESTROY, dispatch_interface_destroy),
    SLOT(INTERFACE_IS_ACTIVE, dispatch_interface_is_active),
    SLOT(INTERFACE_CHANGE_BEGIN, dispatch_interface_change_begin),
    SLOT(INTERFACE_CHANGE_COMMIT, dispatch_interface_change_commit),
    SLOT(INTERFACE_CHANGE_ROLLBACK, dispatch_interface_change_rollback),

    /* Domain checkpoints. */
    SLOT(DOMAIN_CHECKPOINT_CREATE_XML, dispatch_domain_checkpoint_create_xml),
    SLOT(DOMAIN_CHECKPOINT_GET_XML_DESC, dispatch_domain_checkpoint_get_xml_desc),
    SLOT(DOMAIN_LIST_ALL_CHECKPOINTS, dispatch_domain_list_all_checkpoints),
    SLOT(DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN, dispatch_domain_checkpoint_list_all_children),
    SLOT(DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, dispatch_domain_checkpoint_lookup_by_name),
    SLOT(DOMAIN_CHECKPOINT_GET_PARENT, dispatch_domain_checkpoint_get_parent),
    SLOT(DOMAIN_CHECKPOINT_DELETE, dispatch_domain_checkpoint_delete),

    /* Object events: networks, storage pools, node devices. */
    SLOT(CONNECT_NETWORK_EVENT_DEREGISTER_ANY, dispatch_connect_network_event_deregister_any),

    /* Storage pool and node device events. */
    SLOT(CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, dispatch_connect_storage_pool_event_deregister_any),
    SLOT(CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, dispatch_connect_node_device_event_deregister_any),

    /* Network DHCP leases. */
    SLOT(NETWORK_GET_DHCP_LEASES, dispatch_network_get_dhcp_leases),
    /* Storage volume contents. */
    SLOT(STORAGE_VOL_WIPE, dispatch_storage_vol_wipe),
    SLOT(STORAGE_VOL_WIPE_PATTERN, dispatch_storage_vol_wipe_pattern),
    SLOT(STORAGE_VOL_RESIZE, dispatch_storage_vol_resize),
    /* Domain capabilities. */
    SLOT(CONNECT_GET_DOMAIN_CAPABILITIES, dispatch_connect_get_domain_capabilities),

    /* Block statistics as typed parameters. */
    SLOT(DOMAIN_BLOCK_STATS_FLAGS, dispatch_domain_block_stats_flags),
};

static const dispatch_fn qemu_handlers[] = {
    [QEMU_PROC_DOMAIN_MONITOR_COMMAND] = dispatch_qemu_domain_monitor_command,
};

#define N_QEMU_HANDLERS \
    (int)(sizeof(qemu_handlers) / sizeof(qemu_handlers[0]))

dispatch_fn
dispatch_driver_handler(const struct wire_proc *proc)
{
    int n = proc->number;

    if (proc->prog == WIRE_QEMU_PROGRAM)
        return n >= 1 && n < N_QEMU_HANDLERS ? qemu_handlers[n] : NULL;
    if (n < 1 || n > WIRE_PROC_MAX)
        return NULL;
    return handlers[n];
}

dispatch_stream_fn
dispatch_stream_handler(const struct wire_proc *proc)
{
    if (proc->prog != WIRE_REMOTE_PROGRAM)
        return NULL;
    if (proc->number == REMOTE_PROC_DOMAIN_OPEN_CONSOLE)
        return dispatch_domain_open_console;
    if (proc->number == REMOTE_PROC_DOMAIN_SCREENSHOT)
        return dispatch_domain_screenshot;
    if (proc->number == REMOTE_PROC_STORAGE_VOL_UPLOAD)
        return dispatch_storage_vol_upload;
    if (proc->number == REMOTE_PROC_STORAGE_VOL_DOWNLOAD)
        return dispatch_storage_vol_download;
    return NULL;
}
