/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_slots.h: one driver handler per remote procedure, named after
 * the procedure (dispatch_<proc name in lower case>), each of type
 * dispatch_fn (dispatch_table.h). dispatch_table.c indexes them.
 */
#ifndef VIREO_DAEMON_DISPATCH_SLOTS_H
#define VIREO_DAEMON_DISPATCH_SLOTS_H

#include "api/vireo.h"

struct vireo_conn;

#define DISPATCH_SLOT(name)                                              \
    int name(struct vireo_conn *conn, const void *args, void *ret,       \
             struct vireo_error *err)

DISPATCH_SLOT(dispatch_connect_get_type);
DISPATCH_SLOT(dispatch_connect_get_version);
DISPATCH_SLOT(dispatch_connect_get_lib_version);
DISPATCH_SLOT(dispatch_connect_get_hostname);
DISPATCH_SLOT(dispatch_connect_get_capabilities);
DISPATCH_SLOT(dispatch_connect_get_uri);
DISPATCH_SLOT(dispatch_connect_is_secure);
DISPATCH_SLOT(dispatch_node_get_info);
DISPATCH_SLOT(dispatch_node_get_security_model);
DISPATCH_SLOT(dispatch_connect_list_all_domains);
DISPATCH_SLOT(dispatch_connect_num_of_domains);
DISPATCH_SLOT(dispatch_connect_list_domains);
DISPATCH_SLOT(dispatch_connect_num_of_defined_domains);
DISPATCH_SLOT(dispatch_connect_list_defined_domains);
DISPATCH_SLOT(dispatch_domain_lookup_by_name);
DISPATCH_SLOT(dispatch_domain_lookup_by_uuid);
DISPATCH_SLOT(dispatch_domain_lookup_by_id);
DISPATCH_SLOT(dispatch_domain_get_info);
DISPATCH_SLOT(dispatch_domain_get_max_memory);
DISPATCH_SLOT(dispatch_domain_get_state);
DISPATCH_SLOT(dispatch_domain_get_xml_desc);
DISPATCH_SLOT(dispatch_domain_get_os_type);
DISPATCH_SLOT(dispatch_domain_get_security_label);
DISPATCH_SLOT(dispatch_domain_is_active);
DISPATCH_SLOT(dispatch_domain_is_persistent);
DISPATCH_SLOT(dispatch_domain_get_autostart);
DISPATCH_SLOT(dispatch_domain_has_managed_save_image);
DISPATCH_SLOT(dispatch_domain_snapshot_num);
DISPATCH_SLOT(dispatch_domain_get_messages);
DISPATCH_SLOT(dispatch_domain_define_xml);
DISPATCH_SLOT(dispatch_domain_define_xml_flags);
DISPATCH_SLOT(dispatch_domain_create_xml);
DISPATCH_SLOT(dispatch_domain_undefine);
DISPATCH_SLOT(dispatch_domain_undefine_flags);
DISPATCH_SLOT(dispatch_domain_create);
DISPATCH_SLOT(dispatch_domain_create_with_flags);
DISPATCH_SLOT(dispatch_domain_destroy);
DISPATCH_SLOT(dispatch_domain_destroy_flags);
DISPATCH_SLOT(dispatch_domain_shutdown);
DISPATCH_SLOT(dispatch_domain_shutdown_flags);
DISPATCH_SLOT(dispatch_domain_reboot);
DISPATCH_SLOT(dispatch_domain_reset);
DISPATCH_SLOT(dispatch_domain_suspend);
DISPATCH_SLOT(dispatch_domain_resume);
DISPATCH_SLOT(dispatch_domain_set_autostart);
DISPATCH_SLOT(dispatch_connect_domain_event_callback_deregister_any);

/* Domain monitoring. */
DISPATCH_SLOT(dispatch_domain_get_vcpus);
DISPATCH_SLOT(dispatch_domain_get_vcpu_pin_info);
DISPATCH_SLOT(dispatch_domain_get_vcpus_flags);
DISPATCH_SLOT(dispatch_domain_get_max_vcpus);
DISPATCH_SLOT(dispatch_domain_memory_stats);
DISPATCH_SLOT(dispatch_domain_block_stats);
DISPATCH_SLOT(dispatch_domain_interface_stats);
DISPATCH_SLOT(dispatch_domain_get_block_info);
DISPATCH_SLOT(dispatch_domain_get_disk_errors);
DISPATCH_SLOT(dispatch_domain_get_control_info);
DISPATCH_SLOT(dispatch_domain_is_updated);
DISPATCH_SLOT(dispatch_connect_get_all_domain_stats);
DISPATCH_SLOT(dispatch_domain_get_cpu_stats);
DISPATCH_SLOT(dispatch_domain_interface_addresses);

/* Domain tuning: vCPUs, memory, tunables, metadata. */
DISPATCH_SLOT(dispatch_domain_set_memory);
DISPATCH_SLOT(dispatch_domain_set_max_memory);
DISPATCH_SLOT(dispatch_domain_set_memory_flags);
DISPATCH_SLOT(dispatch_domain_set_vcpus);
DISPATCH_SLOT(dispatch_domain_set_vcpus_flags);
DISPATCH_SLOT(dispatch_domain_get_scheduler_type);
DISPATCH_SLOT(dispatch_domain_get_scheduler_parameters);
DISPATCH_SLOT(dispatch_domain_get_scheduler_parameters_flags);
DISPATCH_SLOT(dispatch_domain_set_scheduler_parameters);
DISPATCH_SLOT(dispatch_domain_set_scheduler_parameters_flags);
DISPATCH_SLOT(dispatch_domain_get_memory_parameters);
DISPATCH_SLOT(dispatch_domain_set_memory_parameters);
DISPATCH_SLOT(dispatch_domain_get_metadata);
DISPATCH_SLOT(dispatch_domain_set_metadata);
DISPATCH_SLOT(dispatch_domain_rename);
DISPATCH_SLOT(dispatch_domain_set_lifecycle_action);

/* Save, restore, managed save and snapshots. */
DISPATCH_SLOT(dispatch_domain_save);
DISPATCH_SLOT(dispatch_domain_save_flags);
DISPATCH_SLOT(dispatch_domain_restore);
DISPATCH_SLOT(dispatch_domain_restore_flags);
DISPATCH_SLOT(dispatch_domain_save_image_get_xml_desc);
DISPATCH_SLOT(dispatch_domain_save_image_define_xml);
DISPATCH_SLOT(dispatch_domain_core_dump);
DISPATCH_SLOT(dispatch_domain_core_dump_with_format);
DISPATCH_SLOT(dispatch_domain_managed_save);
DISPATCH_SLOT(dispatch_domain_managed_save_remove);
DISPATCH_SLOT(dispatch_domain_snapshot_create_xml);
DISPATCH_SLOT(dispatch_domain_list_all_snapshots);
DISPATCH_SLOT(dispatch_domain_snapshot_list_all_children);
DISPATCH_SLOT(dispatch_domain_snapshot_num_children);
DISPATCH_SLOT(dispatch_domain_snapshot_list_names);
DISPATCH_SLOT(dispatch_domain_snapshot_list_children_names);
DISPATCH_SLOT(dispatch_domain_snapshot_lookup_by_name);
DISPATCH_SLOT(dispatch_domain_has_current_snapshot);
DISPATCH_SLOT(dispatch_domain_snapshot_current);
DISPATCH_SLOT(dispatch_domain_snapshot_get_parent);
DISPATCH_SLOT(dispatch_domain_snapshot_get_xml_desc);
DISPATCH_SLOT(dispatch_domain_snapshot_is_current);
DISPATCH_SLOT(dispatch_domain_snapshot_has_metadata);
DISPATCH_SLOT(dispatch_domain_revert_to_snapshot);
DISPATCH_SLOT(dispatch_domain_snapshot_delete);

/* Devices and guest operations. */
DISPATCH_SLOT(dispatch_domain_attach_device);
DISPATCH_SLOT(dispatch_domain_attach_device_flags);
DISPATCH_SLOT(dispatch_domain_detach_device);
DISPATCH_SLOT(dispatch_domain_detach_device_flags);
DISPATCH_SLOT(dispatch_domain_update_device_flags);
DISPATCH_SLOT(dispatch_domain_detach_device_alias);
DISPATCH_SLOT(dispatch_domain_get_hostname);
DISPATCH_SLOT(dispatch_domain_get_time);
DISPATCH_SLOT(dispatch_domain_set_time);
DISPATCH_SLOT(dispatch_domain_fsfreeze);
DISPATCH_SLOT(dispatch_domain_fsthaw);
DISPATCH_SLOT(dispatch_domain_fstrim);
DISPATCH_SLOT(dispatch_domain_get_fsinfo);
DISPATCH_SLOT(dispatch_domain_set_user_password);
DISPATCH_SLOT(dispatch_domain_send_key);
DISPATCH_SLOT(dispatch_domain_send_process_signal);
DISPATCH_SLOT(dispatch_domain_inject_nmi);
DISPATCH_SLOT(dispatch_domain_get_launch_security_info);

/* Host and hypervisor (dispatch_node.c). */
DISPATCH_SLOT(dispatch_connect_get_max_vcpus);
DISPATCH_SLOT(dispatch_connect_get_sysinfo);
DISPATCH_SLOT(dispatch_node_get_cpu_stats);
DISPATCH_SLOT(dispatch_node_get_memory_stats);
DISPATCH_SLOT(dispatch_node_get_cells_free_memory);
DISPATCH_SLOT(dispatch_node_get_free_memory);
DISPATCH_SLOT(dispatch_node_get_free_pages);
DISPATCH_SLOT(dispatch_node_get_cpu_map);
DISPATCH_SLOT(dispatch_connect_get_cpu_model_names);
DISPATCH_SLOT(dispatch_connect_baseline_cpu);

/* Domain events. */

/* Domain tuning: pinning, NUMA and I/O threads. */
DISPATCH_SLOT(dispatch_domain_pin_vcpu);
DISPATCH_SLOT(dispatch_domain_pin_vcpu_flags);
DISPATCH_SLOT(dispatch_domain_pin_emulator);
DISPATCH_SLOT(dispatch_domain_get_emulator_pin_info);
DISPATCH_SLOT(dispatch_domain_get_numa_parameters);
DISPATCH_SLOT(dispatch_domain_set_numa_parameters);
DISPATCH_SLOT(dispatch_domain_get_iothread_info);
DISPATCH_SLOT(dispatch_domain_pin_iothread);
DISPATCH_SLOT(dispatch_domain_add_iothread);
DISPATCH_SLOT(dispatch_domain_del_iothread);
DISPATCH_SLOT(dispatch_domain_set_iothread_params);

/* Domain tuning: block and interface I/O, perf. */
DISPATCH_SLOT(dispatch_domain_get_blkio_parameters);
DISPATCH_SLOT(dispatch_domain_set_blkio_parameters);
DISPATCH_SLOT(dispatch_domain_get_block_io_tune);
DISPATCH_SLOT(dispatch_domain_set_block_io_tune);
DISPATCH_SLOT(dispatch_domain_get_interface_parameters);
DISPATCH_SLOT(dispatch_domain_set_interface_parameters);
DISPATCH_SLOT(dispatch_domain_get_perf_events);
DISPATCH_SLOT(dispatch_domain_set_perf_events);

/* Networks. */
DISPATCH_SLOT(dispatch_connect_num_of_networks);
DISPATCH_SLOT(dispatch_connect_list_networks);
DISPATCH_SLOT(dispatch_connect_num_of_defined_networks);
DISPATCH_SLOT(dispatch_connect_list_defined_networks);
DISPATCH_SLOT(dispatch_connect_list_all_networks);
DISPATCH_SLOT(dispatch_network_lookup_by_name);
DISPATCH_SLOT(dispatch_network_lookup_by_uuid);
DISPATCH_SLOT(dispatch_network_define_xml);
DISPATCH_SLOT(dispatch_network_define_xml_flags);
DISPATCH_SLOT(dispatch_network_create_xml);
DISPATCH_SLOT(dispatch_network_create_xml_flags);
DISPATCH_SLOT(dispatch_network_undefine);
DISPATCH_SLOT(dispatch_network_create);
DISPATCH_SLOT(dispatch_network_destroy);
DISPATCH_SLOT(dispatch_network_update);
DISPATCH_SLOT(dispatch_network_get_xml_desc);
DISPATCH_SLOT(dispatch_network_get_bridge_name);
DISPATCH_SLOT(dispatch_network_get_autostart);
DISPATCH_SLOT(dispatch_network_set_autostart);
DISPATCH_SLOT(dispatch_network_is_active);
DISPATCH_SLOT(dispatch_network_is_persistent);

/* Storage pools and volumes (dispatch_storage.c, dispatch_storage_vol.c,
 * dispatch_storage_legacy.c). */
DISPATCH_SLOT(dispatch_connect_num_of_storage_pools);
DISPATCH_SLOT(dispatch_connect_list_storage_pools);
DISPATCH_SLOT(dispatch_connect_num_of_defined_storage_pools);
DISPATCH_SLOT(dispatch_connect_list_defined_storage_pools);
DISPATCH_SLOT(dispatch_connect_find_storage_pool_sources);
DISPATCH_SLOT(dispatch_storage_pool_create_xml);
DISPATCH_SLOT(dispatch_storage_pool_define_xml);
DISPATCH_SLOT(dispatch_storage_pool_create);
DISPATCH_SLOT(dispatch_storage_pool_build);
DISPATCH_SLOT(dispatch_storage_pool_destroy);
DISPATCH_SLOT(dispatch_storage_pool_delete);
DISPATCH_SLOT(dispatch_storage_pool_undefine);
DISPATCH_SLOT(dispatch_storage_pool_refresh);
DISPATCH_SLOT(dispatch_storage_pool_lookup_by_name);
DISPATCH_SLOT(dispatch_storage_pool_lookup_by_uuid);
DISPATCH_SLOT(dispatch_storage_pool_lookup_by_volume);
DISPATCH_SLOT(dispatch_storage_pool_get_info);
DISPATCH_SLOT(dispatch_storage_pool_get_xml_desc);
DISPATCH_SLOT(dispatch_storage_pool_get_autostart);
DISPATCH_SLOT(dispatch_storage_pool_set_autostart);
DISPATCH_SLOT(dispatch_storage_pool_num_of_volumes);
DISPATCH_SLOT(dispatch_storage_pool_list_volumes);
DISPATCH_SLOT(dispatch_storage_vol_create_xml);
DISPATCH_SLOT(dispatch_storage_vol_delete);
DISPATCH_SLOT(dispatch_storage_vol_lookup_by_name);
DISPATCH_SLOT(dispatch_storage_vol_lookup_by_key);
DISPATCH_SLOT(dispatch_storage_vol_lookup_by_path);
DISPATCH_SLOT(dispatch_storage_vol_get_info);
DISPATCH_SLOT(dispatch_storage_vol_get_xml_desc);
DISPATCH_SLOT(dispatch_storage_vol_get_path);
DISPATCH_SLOT(dispatch_storage_vol_create_xml_from);
DISPATCH_SLOT(dispatch_storage_pool_is_active);
DISPATCH_SLOT(dispatch_storage_pool_is_persistent);
DISPATCH_SLOT(dispatch_connect_list_all_storage_pools);
DISPATCH_SLOT(dispatch_storage_pool_list_all_volumes);

/* Node devices and host interfaces. */
DISPATCH_SLOT(dispatch_node_num_of_devices);
DISPATCH_SLOT(dispatch_node_list_devices);
DISPATCH_SLOT(dispatch_connect_list_all_node_devices);
DISPATCH_SLOT(dispatch_node_device_lookup_by_name);
DISPATCH_SLOT(dispatch_node_device_get_xml_desc);
DISPATCH_SLOT(dispatch_node_device_get_parent);
DISPATCH_SLOT(dispatch_node_device_num_of_caps);
DISPATCH_SLOT(dispatch_node_device_list_caps);
DISPATCH_SLOT(dispatch_node_device_create_xml);
DISPATCH_SLOT(dispatch_node_device_destroy);
DISPATCH_SLOT(dispatch_connect_num_of_interfaces);
DISPATCH_SLOT(dispatch_connect_list_interfaces);
DISPATCH_SLOT(dispatch_connect_num_of_defined_interfaces);
DISPATCH_SLOT(dispatch_connect_list_defined_interfaces);
DISPATCH_SLOT(dispatch_connect_list_all_interfaces);
DISPATCH_SLOT(dispatch_interface_lookup_by_name);
DISPATCH_SLOT(dispatch_interface_lookup_by_mac_string);
DISPATCH_SLOT(dispatch_interface_get_xml_desc);
DISPATCH_SLOT(dispatch_interface_define_xml);
DISPATCH_SLOT(dispatch_interface_undefine);
DISPATCH_SLOT(dispatch_interface_create);
DISPATCH_SLOT(dispatch_interface_destroy);
DISPATCH_SLOT(dispatch_interface_is_active);
DISPATCH_SLOT(dispatch_interface_change_begin);
DISPATCH_SLOT(dispatch_interface_change_commit);
DISPATCH_SLOT(dispatch_interface_change_rollback);

/* Domain checkpoints. */
DISPATCH_SLOT(dispatch_domain_checkpoint_create_xml);
DISPATCH_SLOT(dispatch_domain_checkpoint_get_xml_desc);
DISPATCH_SLOT(dispatch_domain_list_all_checkpoints);
DISPATCH_SLOT(dispatch_domain_checkpoint_list_all_children);
DISPATCH_SLOT(dispatch_domain_checkpoint_lookup_by_name);
DISPATCH_SLOT(dispatch_domain_checkpoint_get_parent);
DISPATCH_SLOT(dispatch_domain_checkpoint_delete);

/* Object events: networks, storage pools, node devices. */
DISPATCH_SLOT(dispatch_connect_network_event_deregister_any);

/* Storage pool and node device events (dispatch_object_event_kinds.c). */
DISPATCH_SLOT(dispatch_connect_storage_pool_event_deregister_any);
DISPATCH_SLOT(dispatch_connect_node_device_event_deregister_any);

/* Network DHCP leases (dispatch_network_lease.c). */
DISPATCH_SLOT(dispatch_network_get_dhcp_leases);

/* libvirt's QEMU program (dispatch_qemu.c). */
DISPATCH_SLOT(dispatch_qemu_domain_monitor_command);

/* Calls that open a stream, of type dispatch_stream_fn
 * (dispatch_console.c, dispatch_save.c). */
int dispatch_domain_open_console(struct vireo_conn *conn, const void *args,
                                 void *ret, int *fd, struct vireo_error *err);
int dispatch_domain_screenshot(struct vireo_conn *conn, const void *args,
                               void *ret, int *fd, struct vireo_error *err);

/* Storage volume contents (dispatch_storage_data.c); upload and download
 * are stream calls. */
DISPATCH_SLOT(dispatch_storage_vol_wipe);
DISPATCH_SLOT(dispatch_storage_vol_wipe_pattern);
DISPATCH_SLOT(dispatch_storage_vol_resize);
int dispatch_storage_vol_upload(struct vireo_conn *conn, const void *args,
                                void *ret, int *fd, struct vireo_error *err);
int dispatch_storage_vol_download(struct vireo_conn *conn, const void *args,
                                  void *ret, int *fd,
                                  struct vireo_error *err);

/* Domain capabilities (dispatch_domcaps.c). */
DISPATCH_SLOT(dispatch_connect_get_domain_capabilities);
/* Block statistics as typed parameters. */
DISPATCH_SLOT(dispatch_domain_block_stats_flags);

#endif /* VIREO_DAEMON_DISPATCH_SLOTS_H */
