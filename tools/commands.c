/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * commands.c: the table of commands: each command's name, handler,
 * options (defined beside the handler, cmd_opts.h) and help text, in the
 * order help lists them (cmd_args.c parses a command's words against its
 * entry, cmd_help.c prints help from it).
 */
#include <stddef.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* ---- The table ---------------------------------------------------------- */

static const struct cmd_def table[] = {
    { "list", cmd_list, cmd_list_opts, true, "list domains",
      "Returns list of domains." },
    { "dominfo", cmd_dominfo, cmd_domain_only_opts, true, "domain information",
      "Returns basic information about the domain." },
    { "domstate", cmd_domstate, cmd_domstate_opts, true, "domain state",
      "Returns state about a domain." },
    { "domid", cmd_domid, cmd_domain_only_opts, true,
      "convert a domain name or UUID to domain id", "" },
    { "domuuid", cmd_domuuid, cmd_domain_only_opts, true,
      "convert a domain name or id to domain UUID", "" },
    { "dumpxml", cmd_dumpxml, cmd_dumpxml_opts, true, "domain information in XML",
      "Output the domain information as an XML dump to stdout." },
    { "define", cmd_define, cmd_define_opts, true,
      "define (but don't start) a domain from an XML file",
      "Define a domain." },
    { "undefine", cmd_undefine, cmd_domain_only_opts, true, "undefine a domain",
      "Undefine an inactive domain, or convert persistent to transient." },
    { "create", cmd_create, cmd_create_opts, true,
      "create a domain from an XML file",
      "Create a domain." },
    { "start", cmd_start, cmd_start_opts, true,
      "start a (previously defined) inactive domain",
      "Start a domain, either from the last managedsave\n"
      "    state, or via a fresh boot if no managedsave state\n"
      "    is present." },
    { "destroy", cmd_destroy, cmd_domain_only_opts, true, "destroy (stop) a domain",
      "Forcefully stop a given domain, but leave its resources intact." },
    { "shutdown", cmd_shutdown, cmd_domain_only_opts, true,
      "gracefully shutdown a domain", "Run shutdown in the target domain." },
    { "reboot", cmd_reboot, cmd_domain_only_opts, true, "reboot a domain",
      "Run a reboot command in the target domain." },
    { "suspend", cmd_suspend, cmd_domain_only_opts, true, "suspend a domain",
      "Suspend a running domain." },
    { "resume", cmd_resume, cmd_domain_only_opts, true, "resume a domain",
      "Resume a previously suspended domain." },
    { "autostart", cmd_autostart, cmd_autostart_opts, true, "autostart a domain",
      "Configure a domain to be automatically started at boot." },
    { "event", cmd_event, cmd_event_opts, true, "Domain Events",
      "List event types, or wait for domain events to occur" },
    { "console", cmd_console, cmd_console_opts, true, "connect to the guest console",
      "Connect the virtual serial console for the guest" },
    { "qemu-monitor-command", cmd_qemu_monitor_command,
      cmd_qemu_monitor_command_opts, true, "QEMU Monitor Command",
      "QEMU Monitor Command" },
    { "version", cmd_version, NULL, true, "show version",
      "Display the system version information." },
    { "hostname", cmd_hostname, NULL, true, "print the hypervisor hostname",
      "" },
    { "nodeinfo", cmd_nodeinfo, NULL, true, "node information",
      "Returns basic information about the node." },
    { "uri", cmd_uri, NULL, true, "print the hypervisor canonical URI", "" },
    { "capabilities", cmd_capabilities, NULL, true, "capabilities",
      "Returns capabilities of hypervisor/driver." },
    /* Domain monitoring. */
    { "vcpuinfo", cmd_vcpuinfo, cmd_domain_only_opts, true, "detailed domain vcpu "
      "information", "Returns basic information about the domain virtual "
      "CPUs." },
    { "vcpucount", cmd_vcpucount, cmd_domain_only_opts, true, "domain vcpu counts",
      "Returns the number of virtual CPUs used by the domain." },
    { "dommemstat", cmd_dommemstat, cmd_domain_only_opts, true, "get memory "
      "statistics for a domain", "Get memory statistics for a running "
      "domain." },
    { "domblkstat", cmd_domblkstat, cmd_domblkstat_opts, true, "get device "
      "block stats for a domain", "Get device block stats for a running "
      "domain." },
    { "domifstat", cmd_domifstat, cmd_domifstat_opts, true, "get network "
      "interface stats for a domain", "Get network interface stats for a "
      "running domain." },
    { "domblkinfo", cmd_domblkinfo, cmd_domblkinfo_opts, true, "domain block "
      "device size information", "Get block device size info for a "
      "domain." },
    { "domblkerror", cmd_domblkerror, cmd_domain_only_opts, true, "Show errors on "
      "block devices", "Show block device errors" },
    { "domifaddr", cmd_domifaddr, cmd_domain_only_opts, true, "Get network "
      "interfaces' addresses for a running domain", "Get network "
      "interfaces' addresses for a running domain" },
    { "domcontrol", cmd_domcontrol, cmd_domain_only_opts, true, "domain control "
      "interface state", "Returns state of a control interface to the "
      "domain." },
    { "cpu-stats", cmd_cpu_stats, cmd_cpu_stats_opts, true, "show domain cpu "
      "statistics", "Display per-CPU and total statistics about the "
      "domain's CPUs" },
    { "domstats", cmd_domstats, cmd_domstats_opts, true, "get statistics about "
      "one or multiple domains", "Gets statistics about one or more (or "
      "all) domains" },

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    { "setmem", cmd_setmem, cmd_setmem_opts, true, "change memory allocation",
      "Change the current memory allocation in the guest domain." },
    { "setmaxmem", cmd_setmaxmem, cmd_setmem_opts, true,
      "change maximum memory limit",
      "Change the maximum memory allocation limit in the guest domain." },
    { "setvcpus", cmd_setvcpus, cmd_setvcpus_opts, true,
      "change number of virtual CPUs",
      "Change the number of virtual CPUs in the guest domain." },
    { "memtune", cmd_memtune, cmd_memtune_opts, true,
      "Get or set memory parameters",
      "Get or set the current memory parameters for a guest domain." },
    { "domrename", cmd_domrename, cmd_domrename_opts, true, "rename a domain",
      "Rename an inactive domain." },
    { "set-lifecycle-action", cmd_set_lifecycle_action, cmd_lifecycle_opts, true,
      "change lifecycle actions",
      "Change lifecycle actions for the guest domain." },
    { "schedinfo", cmd_schedinfo, cmd_schedinfo_opts, true,
      "show/set scheduler parameters",
      "Show/Set scheduler parameters." },
    { "desc", cmd_desc, cmd_desc_opts, true,
      "show or set domain's description or title",
      "Allows setting or modifying the description or title of a domain." },
    { "metadata", cmd_metadata, cmd_metadata_opts, true,
      "show or set domain's custom XML metadata",
      "Shows or modifies the XML metadata of a domain." },

    /* Save, restore, managed save and snapshots. */
    { "save", cmd_save, cmd_save_opts, true, "save a domain state to a file",
      "Save the RAM state of a running domain." },
    { "restore", cmd_restore, cmd_restore_opts, true,
      "restore a domain from a saved state in a file",
      "Restore a domain." },
    { "managedsave", cmd_managedsave, cmd_domain_only_opts, true,
      "managed save of a domain state",
      "Save and destroy a running domain, so it can be restarted from\n"
      "    the same state at a later time." },
    { "snapshot-create-as", cmd_snapshot_create_as, cmd_snapshot_create_as_opts,
      true, "Create a snapshot from a set of args",
      "Create a snapshot (disk and RAM) from arguments" },
    { "snapshot-list", cmd_snapshot_list, cmd_snapshot_list_opts, true,
      "List snapshots for a domain", "Snapshot List" },
    { "snapshot-info", cmd_snapshot_info, cmd_snapshot_one_opts, true,
      "snapshot information", "Returns basic information about a snapshot." },
    { "snapshot-current", cmd_snapshot_current, cmd_snapshot_current_opts, true,
      "Get or set the current snapshot", "Get or set the current snapshot" },
    { "snapshot-dumpxml", cmd_snapshot_dumpxml, cmd_snapshot_one_opts, true,
      "Dump XML for a domain snapshot", "Snapshot Dump XML" },
    { "snapshot-revert", cmd_snapshot_revert, cmd_snapshot_revert_opts, true,
      "Revert a domain to a snapshot", "Revert domain to snapshot" },
    { "snapshot-delete", cmd_snapshot_delete, cmd_snapshot_delete_opts, true,
      "Delete a domain snapshot", "Snapshot Delete" },

    /* Devices and guest operations. */
    { "attach-device", cmd_attach_device, cmd_device_change_opts, true,
      "attach device from an XML file", "Attach device from an XML <file>." },
    { "detach-device", cmd_detach_device, cmd_device_change_opts, true,
      "detach device from an XML file", "Detach device from an XML <file>" },
    { "update-device", cmd_update_device, cmd_update_device_opts, true,
      "update device from an XML file", "Update device from an XML <file>." },
    { "detach-device-alias", cmd_detach_device_alias,
      cmd_detach_device_alias_opts, true, "detach device from an alias",
      "Detach device identified by the given alias from a domain" },
    { "domif-getlink", cmd_domif_getlink, cmd_domif_getlink_opts, true,
      "get link state of a virtual interface",
      "Get link state of a domain's virtual interface." },
    { "domif-setlink", cmd_domif_setlink, cmd_domif_setlink_opts, true,
      "set link state of a virtual interface",
      "Set link state of a domain's virtual interface. This command "
      "wraps usage of update-device command." },
    { "domhostname", cmd_domhostname, cmd_domhostname_opts, true,
      "print the domain's hostname", "" },
    { "domtime", cmd_domtime, cmd_domtime_opts, true, "domain time",
      "Gets or sets the domain's system time" },
    { "domfsinfo", cmd_domfsinfo, cmd_domain_only_opts, true,
      "Get information of domain's mounted filesystems.",
      "Get information of domain's mounted filesystems." },
    { "domfsfreeze", cmd_domfsfreeze, cmd_domfs_change_opts, true,
      "Freeze domain's mounted filesystems.",
      "Freeze domain's mounted filesystems." },
    { "domfsthaw", cmd_domfsthaw, cmd_domfs_change_opts, true,
      "Thaw domain's mounted filesystems.",
      "Thaw domain's mounted filesystems." },
    { "domfstrim", cmd_domfstrim, cmd_domfstrim_opts, true,
      "Invoke fstrim on domain's mounted filesystems.",
      "Invoke fstrim on domain's mounted filesystems." },
    { "reset", cmd_reset, cmd_domain_only_opts, true, "reset a domain",
      "Reset the target domain as if by power button" },
    { "inject-nmi", cmd_inject_nmi, cmd_domain_only_opts, true,
      "Inject NMI to the guest", "Inject NMI to the guest domain." },
    { "set-user-password", cmd_set_user_password, cmd_set_user_password_opts,
      true, "set the user password inside the domain",
      "changes the password of the specified user inside the domain" },

    /* Host and hypervisor. */
    { "maxvcpus", cmd_maxvcpus, cmd_maxvcpus_opts, true, "connection vcpu maximum",
      "Show maximum number of virtual CPUs for guests on this connection." },
    { "sysinfo", cmd_sysinfo, NULL, true, "print the hypervisor sysinfo",
      "output an XML string for the hypervisor sysinfo, if available" },
    { "nodecpustats", cmd_nodecpustats, cmd_nodecpustats_opts, true,
      "Prints cpu stats of the node.",
      "Returns cpu stats of the node, in nanoseconds." },
    { "nodememstats", cmd_nodememstats, cmd_nodememstats_opts, true,
      "Prints memory stats of the node.",
      "Returns memory stats of the node, in kilobytes." },
    { "freecell", cmd_freecell, cmd_freecell_opts, true,
      "NUMA free memory",
      "display available free memory for the NUMA cell." },
    { "nodecpumap", cmd_nodecpumap, cmd_nodecpumap_opts, true,
      "node cpu map", "Displays the node's total number of CPUs, the number "
      "of online CPUs and the list of online CPUs." },
    { "cpu-models", cmd_cpu_models, cmd_cpu_models_opts, true, "CPU models",
      "Get the CPU models for an arch." },
    { "cpu-baseline", cmd_cpu_baseline, cmd_cpu_baseline_opts, true,
      "compute baseline CPU",
      "Compute baseline CPU for a set of given CPUs." },

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    { "vcpupin", cmd_vcpupin, cmd_vcpupin_opts, true, "control or query domain "
      "vcpu affinity", "Pin domain VCPUs to host physical CPUs." },
    { "emulatorpin", cmd_emulatorpin, cmd_emulatorpin_opts, true,
      "control or query domain emulator affinity",
      "Pin domain emulator threads to host physical CPUs." },
    { "numatune", cmd_numatune, cmd_numatune_opts, true,
      "Get or set numa parameters",
      "Get or set the current numa parameters for a guest domain." },
    { "iothreadinfo", cmd_iothreadinfo, cmd_iothreadinfo_opts, true,
      "view domain IOThreads", "Returns basic information about the domain "
      "IOThreads." },
    { "iothreadpin", cmd_iothreadpin, cmd_iothreadpin_opts, true,
      "control domain IOThread affinity",
      "Pin domain IOThreads to host physical CPUs." },
    { "iothreadadd", cmd_iothreadadd, cmd_iothread_id_opts, true,
      "add an IOThread to the guest domain",
      "Add an IOThread to the guest domain." },
    { "iothreadset", cmd_iothreadset, cmd_iothreadset_opts, true,
      "modifies an existing IOThread of the guest domain",
      "Modifies an existing IOThread of the guest domain." },
    { "iothreaddel", cmd_iothreaddel, cmd_iothread_id_opts, true,
      "delete an IOThread from the guest domain",
      "Delete an IOThread from the guest domain." },

    /* Domain tuning: block and interface I/O, perf. */
    { "blkiotune", cmd_blkiotune, cmd_blkiotune_opts, true,
      "Get or set blkio parameters",
      "Get or set the current blkio parameters for a guest domain." },
    { "blkdeviotune", cmd_blkdeviotune, cmd_blkdeviotune_opts, true,
      "Set or query a block device I/O tuning parameters.",
      "Set or query disk I/O parameters such as block throttling." },
    { "domiftune", cmd_domiftune, cmd_domiftune_opts, true,
      "get/set parameters of a virtual interface",
      "Get/set parameters of a domain's virtual interface." },
    { "perf", cmd_perf, cmd_perf_opts, true, "Get or set perf event",
      "Get or set the current perf events for a guest domain." },

    /* Networks. */
    { "net-list", cmd_net_list, cmd_net_list_opts, true, "list networks",
      "Returns list of networks." },
    { "net-info", cmd_net_info, cmd_net_one_opts, true, "network information",
      "Returns basic information about the network" },
    { "net-dumpxml", cmd_net_dumpxml, cmd_net_dumpxml_opts, true,
      "network information in XML",
      "Output the network information as an XML dump to stdout." },
    { "net-uuid", cmd_net_uuid, cmd_net_one_opts, true,
      "convert a network name to network UUID",
      "Convert a network name to network UUID." },
    { "net-name", cmd_net_name, cmd_net_one_opts, true,
      "convert a network UUID to network name",
      "Convert a network UUID to network name." },
    { "net-define", cmd_net_define, cmd_net_define_opts, true,
      "define an inactive persistent virtual network or modify an "
      "existing persistent one from an XML file",
      "Define or modify a persistent virtual network." },
    { "net-create", cmd_net_create, cmd_net_create_opts, true,
      "create a network from an XML file",
      "Create a network." },
    { "net-undefine", cmd_net_undefine, cmd_net_one_opts, true,
      "undefine a persistent network", "Undefine the configuration for a "
      "persistent network." },
    { "net-start", cmd_net_start, cmd_net_one_opts, true,
      "start a (previously defined) inactive network",
      "Start a network." },
    { "net-destroy", cmd_net_destroy, cmd_net_one_opts, true,
      "destroy (stop) a network", "Forcefully stop a given network." },
    { "net-autostart", cmd_net_autostart, cmd_net_autostart_opts, true,
      "autostart a network", "Configure a network to be automatically "
      "started at boot." },
    { "net-update", cmd_net_update, cmd_net_update_opts, true,
      "update parts of an existing network's configuration",
      "Update part of an existing network's configuration." },

    /* Storage pools and volumes. */
    { "pool-list", cmd_pool_list, cmd_pool_list_opts, true, "list pools",
      "Returns list of pools." },
    { "pool-info", cmd_pool_info, cmd_pool_info_opts, true,
      "storage pool information",
      "Returns basic information about the storage pool." },
    { "pool-dumpxml", cmd_pool_dumpxml, cmd_pool_dumpxml_opts, true,
      "pool information in XML",
      "Output the pool information as an XML dump to stdout." },
    { "pool-name", cmd_pool_name, cmd_pool_opts, true,
      "convert a pool UUID to pool name", "" },
    { "pool-uuid", cmd_pool_uuid, cmd_pool_opts, true,
      "convert a pool name to pool UUID", "" },
    { "pool-define", cmd_pool_define, cmd_pool_file_opts, true,
      "define an inactive persistent storage pool or modify an existing "
      "persistent one from an XML file",
      "Define or modify a persistent storage pool." },
    { "pool-create", cmd_pool_create, cmd_pool_file_opts, true,
      "create a pool from an XML file",
      "Create a pool." },
    { "pool-start", cmd_pool_start, cmd_pool_opts, true,
      "start a (previously defined) inactive pool",
      "Start a pool." },
    { "pool-build", cmd_pool_build, cmd_pool_opts, true, "build a pool",
      "Build a given pool." },
    { "pool-destroy", cmd_pool_destroy, cmd_pool_opts, true,
      "destroy (stop) a pool", "Forcefully stop a given pool. Raw data in "
      "the pool is untouched" },
    { "pool-delete", cmd_pool_delete, cmd_pool_opts, true, "delete a pool",
      "Delete a given pool." },
    { "pool-undefine", cmd_pool_undefine, cmd_pool_opts, true,
      "undefine an inactive pool",
      "Undefine the configuration for an inactive pool." },
    { "pool-refresh", cmd_pool_refresh, cmd_pool_opts, true, "refresh a pool",
      "Refresh a given pool." },
    { "pool-autostart", cmd_pool_autostart, cmd_pool_autostart_opts, true,
      "autostart a pool", "Configure a pool to be automatically started at "
      "boot." },
    { "find-storage-pool-sources", cmd_pool_sources, cmd_pool_sources_opts,
      true, "discover potential storage pool sources",
      "Returns XML <sources> document." },
    { "find-storage-pool-sources-as", cmd_pool_sources_as,
      cmd_pool_sources_as_opts, true, "find potential storage pool sources",
      "Returns XML <sources> document." },
    { "vol-list", cmd_vol_list, cmd_vol_list_opts, true, "list vols",
      "Returns list of vols by pool." },
    { "vol-info", cmd_vol_info, cmd_vol_info_opts, true,
      "storage vol information",
      "Returns basic information about the storage vol." },
    { "vol-dumpxml", cmd_vol_dumpxml, cmd_vol_opts, true,
      "vol information in XML",
      "Output the vol information as an XML dump to stdout." },
    { "vol-path", cmd_vol_path, cmd_vol_opts, true,
      "returns the volume path for a given volume name or key",
      "Returns the volume path for a given volume name or key" },
    { "vol-key", cmd_vol_key, cmd_vol_opts, true,
      "returns the volume key for a given volume name or path",
      "Returns the volume key for a given volume name or path" },
    { "vol-name", cmd_vol_name, cmd_vol_pool_opts, true,
      "returns the volume name for a given volume key or path",
      "Returns the volume name for a given volume key or path" },
    { "vol-pool", cmd_vol_pool, cmd_vol_pool_opts, true,
      "returns the storage pool for a given volume key or path",
      "Returns the storage pool for a given volume key or path" },
    { "vol-create-as", cmd_vol_create_as, cmd_vol_create_as_opts, true,
      "create a volume from a set of args",
      "Create a vol." },
    { "vol-delete", cmd_vol_delete, cmd_vol_opts, true, "delete a vol",
      "Delete a given vol." },

    /* Node devices and host interfaces. */
    { "nodedev-list", cmd_nodedev_list, cmd_nodedev_list_opts, true,
      "enumerate devices on this host", "" },
    { "nodedev-dumpxml", cmd_nodedev_dumpxml, cmd_nodedev_only_opts, true,
      "node device details in XML",
      "Output the node device details as an XML dump to stdout." },
    { "nodedev-create", cmd_nodedev_create, cmd_nodedev_create_opts, true,
      "create a device defined by an XML file on the node",
      "Create a device on the node.  Note that this command creates\n"
      "    devices on the physical host that can then be assigned to a\n"
      "    virtual machine." },
    { "nodedev-destroy", cmd_nodedev_destroy, cmd_nodedev_only_opts, true,
      "destroy (stop) a device on the node",
      "Destroy a device on the node.  Note that this command destroys\n"
      "    devices on the physical host" },
    { "iface-list", cmd_iface_list, cmd_iface_list_opts, true,
      "list physical host interfaces",
      "Returns list of physical host interfaces." },
    { "iface-dumpxml", cmd_iface_dumpxml, cmd_iface_dumpxml_opts, true,
      "interface information in XML",
      "Output the physical host interface information as an XML dump to\n"
      "    stdout." },
    { "iface-mac", cmd_iface_mac, cmd_iface_only_opts, true,
      "convert an interface name to interface MAC address",
      "Convert an interface name to interface MAC address." },
    { "iface-name", cmd_iface_name, cmd_iface_name_opts, true,
      "convert an interface MAC address to interface name",
      "Convert an interface MAC address to interface name." },
    { "iface-define", cmd_iface_define, cmd_iface_define_opts, true,
      "define an inactive persistent physical host interface or modify an "
      "existing persistent one from an XML file",
      "Define or modify a persistent physical host interface." },
    { "iface-undefine", cmd_iface_undefine, cmd_iface_only_opts, true,
      "undefine a physical host interface (remove it from configuration)",
      "undefine an interface." },
    { "iface-start", cmd_iface_start, cmd_iface_only_opts, true,
      "start a physical host interface (enable it / \"if-up\")",
      "start a physical host interface." },
    { "iface-destroy", cmd_iface_destroy, cmd_iface_only_opts, true,
      "destroy a physical host interface (disable it / \"if-down\")",
      "forcefully stop a physical host interface." },
    { "iface-begin", cmd_iface_begin, NULL, true,
      "create a snapshot of current interfaces settings, which can be "
      "later committed (iface-commit) or restored (iface-rollback)",
      "Create a restore point for interfaces settings" },
    { "iface-commit", cmd_iface_commit, NULL, true,
      "commit changes made since iface-begin and free restore point",
      "commit changes and free restore point" },
    { "iface-rollback", cmd_iface_rollback, NULL, true,
      "rollback to previous saved configuration created via iface-begin",
      "rollback to previous restore point" },

    /* Domain checkpoints. */
    { "checkpoint-create", cmd_checkpoint_create, cmd_checkpoint_create_opts,
      true, "Create a checkpoint from XML",
      "Create a checkpoint from XML for use in future incremental backups" },
    { "checkpoint-create-as", cmd_checkpoint_create_as,
      cmd_checkpoint_create_as_opts, true, "Create a checkpoint from a set of args",
      "Create a checkpoint from arguments" },
    { "checkpoint-list", cmd_checkpoint_list, cmd_checkpoint_list_opts, true,
      "List checkpoints for a domain", "Checkpoint List" },
    { "checkpoint-info", cmd_checkpoint_info, cmd_checkpoint_one_opts, true,
      "checkpoint information",
      "Returns basic information about a checkpoint." },
    { "checkpoint-dumpxml", cmd_checkpoint_dumpxml, cmd_checkpoint_dumpxml_opts,
      true, "Dump XML for a domain checkpoint", "Checkpoint Dump XML" },
    { "checkpoint-parent", cmd_checkpoint_parent, cmd_checkpoint_one_opts, true,
      "Get the name of the parent of a checkpoint",
      "Extract the checkpoint's parent, if any" },
    { "checkpoint-delete", cmd_checkpoint_delete, cmd_checkpoint_delete_opts,
      true, "Delete a domain checkpoint", "Checkpoint Delete" },

    /* Object events: networks, storage pools, node devices. */
    { "net-event", cmd_net_event, cmd_net_event_opts, true,
      "Network Events", "List event types, or wait for network events to "
      "occur" },

    /* Storage pool and node device events. */
    { "pool-event", cmd_pool_event, cmd_pool_event_opts, true,
      "Storage Pool Events", "List event types, or wait for storage pool "
      "events to occur" },
    { "nodedev-event", cmd_nodedev_event, cmd_nodedev_event_opts, true,
      "Node Device Events", "List event types, or wait for node device "
      "events to occur" },

    /* Network DHCP leases. */
    { "net-dhcp-leases", cmd_net_dhcp_leases, cmd_net_dhcp_leases_opts, true,
      "print lease info for a given network",
      "Print lease info for a given network" },
    /* Storage volume contents. */
    { "vol-wipe", cmd_vol_wipe, cmd_vol_wipe_opts, true, "wipe a vol",
      "Ensure data previously on a volume is not accessible to future "
      "reads" },
    { "vol-resize", cmd_vol_resize, cmd_vol_resize_opts, true, "resize a vol",
      "Resizes a storage volume. This is safe only for storage volumes "
      "not in use by an active guest.\nSee blockresize for live "
      "resizing." },
    /* Domain capabilities. */
    { "domcapabilities", cmd_domcapabilities, cmd_domcapabilities_opts, true,
      "domain capabilities", "Returns capabilities of emulator with "
      "respect to host and libvirt." },
    /* Volume upload and download, through streams. */
    { "vol-upload", cmd_vol_upload, cmd_vol_upload_opts, true,
      "upload file contents to a volume",
      "Upload file contents to a volume" },
    { "vol-download", cmd_vol_download, cmd_vol_download_opts, true,
      "download volume contents to a file",
      "Download volume contents to a file" },

    { "help", cmd_help, cmd_help_opts, false, "print help",
      "Prints global help, command specific help, or help for a\n"
      "    group of related commands" },
    { "quit", cmd_quit, NULL, false, "quit this interactive terminal", "" },
    { "exit", cmd_quit, NULL, false, "quit this interactive terminal", "" },
};

#define N_COMMANDS ((int)(sizeof(table) / sizeof(table[0])))

const struct cmd_def *
commands_find(const char *name)
{
    for (int i = 0; i < N_COMMANDS; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

const struct cmd_def *
commands_at(int i)
{
    return i >= 0 && i < N_COMMANDS ? &table[i] : NULL;
}
