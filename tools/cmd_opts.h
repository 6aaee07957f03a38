/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_opts.h: the options of each command, as virsh names and explains
 * them. Each cmd_*.c defines the option tables of its commands beside
 * them; commands.c's table points at them. Shared here: the options
 * several files' commands take alike.
 */
#ifndef VIREO_TOOLS_CMD_OPTS_H
#define VIREO_TOOLS_CMD_OPTS_H

#include "cli.h"

#define DOMAIN_ARG \
    { "domain", OPT_STRING, true, true, "domain name, id or uuid" }
#define END_OPTS { NULL, OPT_BOOL, false, false, NULL }
#define IMPACT_OPTS                                                         \
    { "config", OPT_BOOL, false, false, "affect next boot" },              \
    { "live", OPT_BOOL, false, false, "affect running domain" },           \
    { "current", OPT_BOOL, false, false, "affect current domain" }
#define NETWORK_ARG \
    { "network", OPT_STRING, true, true, "network name or uuid" }

/* cmd_checkpoint.c */
extern const struct opt_def cmd_checkpoint_create_opts[];
extern const struct opt_def cmd_checkpoint_create_as_opts[];
extern const struct opt_def cmd_checkpoint_list_opts[];
extern const struct opt_def cmd_checkpoint_one_opts[];
extern const struct opt_def cmd_checkpoint_dumpxml_opts[];
extern const struct opt_def cmd_checkpoint_delete_opts[];

/* cmd_console.c */
extern const struct opt_def cmd_console_opts[];
extern const struct opt_def cmd_qemu_monitor_command_opts[];

/* cmd_cpu.c */
extern const struct opt_def cmd_cpu_baseline_opts[];

/* cmd_device.c */
extern const struct opt_def cmd_device_change_opts[];
extern const struct opt_def cmd_update_device_opts[];
extern const struct opt_def cmd_detach_device_alias_opts[];
extern const struct opt_def cmd_domif_getlink_opts[];
extern const struct opt_def cmd_domif_setlink_opts[];

/* cmd_domain.c */
extern const struct opt_def cmd_domain_only_opts[];
extern const struct opt_def cmd_define_opts[];
extern const struct opt_def cmd_create_opts[];
extern const struct opt_def cmd_start_opts[];
extern const struct opt_def cmd_autostart_opts[];

/* cmd_domcaps.c */
extern const struct opt_def cmd_domcapabilities_opts[];

/* cmd_event.c */
extern const struct opt_def cmd_event_opts[];

/* cmd_guest.c */
extern const struct opt_def cmd_domhostname_opts[];
extern const struct opt_def cmd_domtime_opts[];
extern const struct opt_def cmd_domfs_change_opts[];
extern const struct opt_def cmd_domfstrim_opts[];
extern const struct opt_def cmd_set_user_password_opts[];

/* cmd_help.c */
extern const struct opt_def cmd_help_opts[];

/* cmd_iface.c */
extern const struct opt_def cmd_iface_list_opts[];
extern const struct opt_def cmd_iface_only_opts[];
extern const struct opt_def cmd_iface_dumpxml_opts[];
extern const struct opt_def cmd_iface_name_opts[];
extern const struct opt_def cmd_iface_define_opts[];

/* cmd_info.c */
extern const struct opt_def cmd_list_opts[];
extern const struct opt_def cmd_domstate_opts[];
extern const struct opt_def cmd_dumpxml_opts[];

/* cmd_iotune.c */
extern const struct opt_def cmd_blkiotune_opts[];
extern const struct opt_def cmd_blkdeviotune_opts[];
extern const struct opt_def cmd_domiftune_opts[];
extern const struct opt_def cmd_perf_opts[];

/* cmd_monitor.c */
extern const struct opt_def cmd_domblkstat_opts[];
extern const struct opt_def cmd_domifstat_opts[];
extern const struct opt_def cmd_domblkinfo_opts[];

/* cmd_monitor_stats.c */
extern const struct opt_def cmd_cpu_stats_opts[];
extern const struct opt_def cmd_domstats_opts[];

/* cmd_network.c */
extern const struct opt_def cmd_net_list_opts[];
extern const struct opt_def cmd_net_one_opts[];
extern const struct opt_def cmd_net_dumpxml_opts[];
extern const struct opt_def cmd_net_define_opts[];
extern const struct opt_def cmd_net_create_opts[];
extern const struct opt_def cmd_net_autostart_opts[];
extern const struct opt_def cmd_net_update_opts[];

/* cmd_network_event.c */
extern const struct opt_def cmd_net_event_opts[];

/* cmd_network_lease.c */
extern const struct opt_def cmd_net_dhcp_leases_opts[];

/* cmd_node.c */
extern const struct opt_def cmd_maxvcpus_opts[];
extern const struct opt_def cmd_nodecpustats_opts[];
extern const struct opt_def cmd_nodememstats_opts[];
extern const struct opt_def cmd_freecell_opts[];
extern const struct opt_def cmd_nodecpumap_opts[];
extern const struct opt_def cmd_cpu_models_opts[];

/* cmd_nodedev.c */
extern const struct opt_def cmd_nodedev_list_opts[];
extern const struct opt_def cmd_nodedev_only_opts[];
extern const struct opt_def cmd_nodedev_create_opts[];

/* cmd_object_event.c */
extern const struct opt_def cmd_pool_event_opts[];
extern const struct opt_def cmd_nodedev_event_opts[];

/* cmd_pin.c */
extern const struct opt_def cmd_vcpupin_opts[];
extern const struct opt_def cmd_emulatorpin_opts[];
extern const struct opt_def cmd_numatune_opts[];
extern const struct opt_def cmd_iothreadinfo_opts[];
extern const struct opt_def cmd_iothread_id_opts[];
extern const struct opt_def cmd_iothreadpin_opts[];
extern const struct opt_def cmd_iothreadset_opts[];

/* cmd_pool.c */
extern const struct opt_def cmd_pool_opts[];
extern const struct opt_def cmd_pool_list_opts[];
extern const struct opt_def cmd_pool_info_opts[];
extern const struct opt_def cmd_pool_dumpxml_opts[];
extern const struct opt_def cmd_pool_file_opts[];
extern const struct opt_def cmd_pool_autostart_opts[];

/* cmd_pool_sources.c */
extern const struct opt_def cmd_pool_sources_opts[];
extern const struct opt_def cmd_pool_sources_as_opts[];

/* cmd_save.c */
extern const struct opt_def cmd_save_opts[];
extern const struct opt_def cmd_restore_opts[];

/* cmd_snapshot.c */
extern const struct opt_def cmd_snapshot_create_as_opts[];
extern const struct opt_def cmd_snapshot_list_opts[];
extern const struct opt_def cmd_snapshot_one_opts[];
extern const struct opt_def cmd_snapshot_current_opts[];
extern const struct opt_def cmd_snapshot_revert_opts[];
extern const struct opt_def cmd_snapshot_delete_opts[];

/* cmd_tune.c */
extern const struct opt_def cmd_setmem_opts[];
extern const struct opt_def cmd_setvcpus_opts[];
extern const struct opt_def cmd_memtune_opts[];
extern const struct opt_def cmd_domrename_opts[];
extern const struct opt_def cmd_lifecycle_opts[];

/* cmd_tune_params.c */
extern const struct opt_def cmd_schedinfo_opts[];
extern const struct opt_def cmd_desc_opts[];
extern const struct opt_def cmd_metadata_opts[];

/* cmd_vol.c */
extern const struct opt_def cmd_vol_list_opts[];
extern const struct opt_def cmd_vol_opts[];
extern const struct opt_def cmd_vol_info_opts[];
extern const struct opt_def cmd_vol_pool_opts[];
extern const struct opt_def cmd_vol_wipe_opts[];
extern const struct opt_def cmd_vol_resize_opts[];
extern const struct opt_def cmd_vol_create_as_opts[];

/* cmd_vol_stream.c */
extern const struct opt_def cmd_vol_upload_opts[];
extern const struct opt_def cmd_vol_download_opts[];

#endif /* VIREO_TOOLS_CMD_OPTS_H */
