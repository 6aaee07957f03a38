/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * commands.c: the table of commands, and help (cmd_args.c parses a
 * command's words against its entry).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- Options ------------------------------------------------------------ */

#define DOMAIN_ARG \
    { "domain", OPT_STRING, true, true, "domain name, id or uuid" }
#define FILE_ARG \
    { "file", OPT_STRING, true, true, \
      "file containing an XML domain description" }
#define END_OPTS { NULL, OPT_BOOL, false, false, NULL }

static const struct opt_def domain_only[] = { DOMAIN_ARG, END_OPTS };

static const struct opt_def list_opts[] = {
    { "all", OPT_BOOL, false, false, "list inactive & active domains" },
    { "inactive", OPT_BOOL, false, false, "list inactive domains" },
    { "transient", OPT_BOOL, false, false, "list transient domains" },
    { "persistent", OPT_BOOL, false, false, "list persistent domains" },
    { "uuid", OPT_BOOL, false, false, "list uuid's only" },
    { "name", OPT_BOOL, false, false, "list domain names only" },
    { "id", OPT_BOOL, false, false, "list domain IDs only" },
    { "table", OPT_BOOL, false, false, "list table (default)" },
    END_OPTS,
};

static const struct opt_def domstate_opts[] = {
    DOMAIN_ARG,
    { "reason", OPT_BOOL, false, false, "also print reason for the state" },
    END_OPTS,
};

static const struct opt_def dumpxml_opts[] = {
    DOMAIN_ARG,
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    { "security-info", OPT_BOOL, false, false,
      "include security sensitive information in XML dump" },
    END_OPTS,
};

static const struct opt_def define_opts[] = {
    FILE_ARG,
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

static const struct opt_def create_opts[] = {
    FILE_ARG,
    { "paused", OPT_BOOL, false, false,
      "leave the guest paused after creation" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

static const struct opt_def start_opts[] = {
    { "domain", OPT_STRING, true, true, "name of the inactive domain" },
    { "paused", OPT_BOOL, false, false, "leave the guest paused after start" },
    END_OPTS,
};

static const struct opt_def autostart_opts[] = {
    DOMAIN_ARG,
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    END_OPTS,
};

static const struct opt_def event_opts[] = {
    { "domain", OPT_STRING, true, false,
      "filter by domain name, id or uuid" },
    { "event", OPT_STRING, true, false, "which event type to wait for" },
    { "all", OPT_BOOL, false, false,
      "wait for all events instead of just one type" },
    { "loop", OPT_BOOL, false, false,
      "loop until timeout or interrupt, rather than one-shot" },
    { "timeout", OPT_NUMBER, true, false, "timeout seconds" },
    { "list", OPT_BOOL, false, false, "list valid event types" },
    { "timestamp", OPT_BOOL, false, false,
      "show timestamp for each printed event" },
    END_OPTS,
};

static const struct opt_def console_opts[] = {
    DOMAIN_ARG,
    { "devname", OPT_STRING, false, false, "character device name" },
    { "force", OPT_BOOL, false, false,
      "force console connection (disconnect already connected sessions)" },
    { "safe", OPT_BOOL, false, false,
      "only connect if safe console handling is supported" },
    END_OPTS,
};

static const struct opt_def qemu_monitor_command_opts[] = {
    DOMAIN_ARG,
    { "hmp", OPT_BOOL, false, false,
      "command is in human monitor protocol" },
    { "cmd", OPT_STRING, true, true, "command" },
    END_OPTS,
};

static const struct opt_def help_opts[] = {
    { "command", OPT_STRING, true, false, "name of the command" },
    END_OPTS,
};

/* Domain monitoring. */
static const struct opt_def domblkstat_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, false, "block device" },
    { "human", OPT_BOOL, false, false, "print a more human readable output" },
    END_OPTS,
};

static const struct opt_def domifstat_opts[] = {
    DOMAIN_ARG,
    { "interface", OPT_STRING, true, true, "interface device specified by "
      "name or MAC Address" },
    END_OPTS,
};

static const struct opt_def domblkinfo_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, true, "block device" },
    END_OPTS,
};

static const struct opt_def cpu_stats_opts[] = {
    DOMAIN_ARG,
    { "total", OPT_BOOL, false, false, "Show total statistics only" },
    { "start", OPT_NUMBER, false, false, "Show statistics from this CPU" },
    { "count", OPT_NUMBER, false, false, "Number of shown CPUs at most" },
    END_OPTS,
};

static const struct opt_def domstats_opts[] = {
    { "domain", OPT_STRING, true, false, "list of domains to get stats for" },
    { "state", OPT_BOOL, false, false, "report domain state" },
    { "list-active", OPT_BOOL, false, false, "list only active domains" },
    { "list-inactive", OPT_BOOL, false, false, "list only inactive domains" },
    { "list-running", OPT_BOOL, false, false, "list only running domains" },
    { "list-paused", OPT_BOOL, false, false, "list only paused domains" },
    { "list-shutoff", OPT_BOOL, false, false, "list only shutoff domains" },
    { "enforce", OPT_BOOL, false, false, "enforce requested stats parameters" },
    END_OPTS,
};

/* Domain tuning: vCPUs, memory, tunables, metadata. */
#define IMPACT_OPTS                                                         \
    { "config", OPT_BOOL, false, false, "affect next boot" },              \
    { "live", OPT_BOOL, false, false, "affect running domain" },           \
    { "current", OPT_BOOL, false, false, "affect current domain" }

static const struct opt_def setmem_opts[] = {
    DOMAIN_ARG,
    { "size", OPT_STRING, true, true,
      "new memory size, as scaled integer (default KiB)" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def setvcpus_opts[] = {
    DOMAIN_ARG,
    { "count", OPT_NUMBER, true, true, "number of virtual CPUs" },
    { "maximum", OPT_BOOL, false, false, "set maximum limit on next boot" },
    IMPACT_OPTS,
    { "guest", OPT_BOOL, false, false, "modify cpu state in the guest" },
    { "hotpluggable", OPT_BOOL, false, false,
      "make added vcpus hot(un)pluggable" },
    END_OPTS,
};

static const struct opt_def memtune_opts[] = {
    DOMAIN_ARG,
    { "hard-limit", OPT_STRING, false, false,
      "Max memory, as scaled integer (default KiB)" },
    { "soft-limit", OPT_STRING, false, false,
      "Memory during contention, as scaled integer (default KiB)" },
    { "swap-hard-limit", OPT_STRING, false, false,
      "Max memory plus swap, as scaled integer (default KiB)" },
    { "min-guarantee", OPT_STRING, false, false,
      "Min guaranteed memory, as scaled integer (default KiB)" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def domrename_opts[] = {
    DOMAIN_ARG,
    { "new-name", OPT_STRING, true, true, "new domain name" },
    END_OPTS,
};

static const struct opt_def lifecycle_opts[] = {
    DOMAIN_ARG,
    { "type", OPT_STRING, true, true, "lifecycle type to modify" },
    { "action", OPT_STRING, true, true, "lifecycle action to set" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def schedinfo_opts[] = {
    DOMAIN_ARG,
    { "weight", OPT_NUMBER, false, false, "weight for XEN_CREDIT" },
    { "cap", OPT_NUMBER, false, false, "cap for XEN_CREDIT" },
    IMPACT_OPTS,
    { "set", OPT_STRING, false, false, "parameter=value" },
    END_OPTS,
};

static const struct opt_def desc_opts[] = {
    DOMAIN_ARG,
    IMPACT_OPTS,
    { "title", OPT_BOOL, false, false,
      "modify/get the title instead of description" },
    { "new-desc", OPT_STRING, true, false, "message" },
    END_OPTS,
};

static const struct opt_def metadata_opts[] = {
    DOMAIN_ARG,
    { "uri", OPT_STRING, true, true, "URI of the namespace" },
    IMPACT_OPTS,
    { "key", OPT_STRING, false, false,
      "key to be used as a namespace identifier" },
    { "set", OPT_STRING, false, false,
      "new metadata to set" },
    { "remove", OPT_BOOL, false, false, "remove the metadata corresponding "
      "to an uri" },
    END_OPTS,
};

/* Save, restore, managed save and snapshots. */
static const struct opt_def save_opts[] = {
    DOMAIN_ARG,
    { "file", OPT_STRING, true, true, "where to save the data" },
    END_OPTS,
};

static const struct opt_def restore_opts[] = {
    { "file", OPT_STRING, true, true, "the state to restore" },
    END_OPTS,
};

#define SNAPSHOT_NAME_ARG \
    { "snapshotname", OPT_STRING, true, false, "snapshot name" }

static const struct opt_def snapshot_create_as_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_STRING, true, false, "name of snapshot" },
    { "description", OPT_STRING, true, false, "description of snapshot" },
    { "print-xml", OPT_BOOL, false, false,
      "print XML document rather than create" },
    { "halt", OPT_BOOL, false, false, "halt domain after snapshot is created" },
    END_OPTS,
};

static const struct opt_def snapshot_list_opts[] = {
    DOMAIN_ARG,
    { "parent", OPT_BOOL, false, false, "add a column showing parent snapshot" },
    { "roots", OPT_BOOL, false, false, "list only snapshots without parents" },
    { "leaves", OPT_BOOL, false, false, "list only snapshots without children" },
    { "no-leaves", OPT_BOOL, false, false,
      "list only snapshots that are not leaves (with children)" },
    { "inactive", OPT_BOOL, false, false,
      "filter by snapshots taken while inactive" },
    { "topological", OPT_BOOL, false, false,
      "sort list topologically rather than by name" },
    { "name", OPT_BOOL, false, false, "list snapshot names only" },
    END_OPTS,
};

static const struct opt_def snapshot_one_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "the current snapshot" },
    END_OPTS,
};

static const struct opt_def snapshot_current_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_BOOL, false, false, "list the name, rather than the full xml" },
    END_OPTS,
};

static const struct opt_def snapshot_revert_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "revert to current snapshot" },
    { "running", OPT_BOOL, false, false, "after reverting, change state to running" },
    { "paused", OPT_BOOL, false, false, "after reverting, change state to paused" },
    { "force", OPT_BOOL, false, false, "try harder on risky reverts" },
    END_OPTS,
};

static const struct opt_def snapshot_delete_opts[] = {
    DOMAIN_ARG,
    SNAPSHOT_NAME_ARG,
    { "current", OPT_BOOL, false, false, "delete current snapshot" },
    { "children", OPT_BOOL, false, false, "delete snapshot and all children" },
    { "children-only", OPT_BOOL, false, false, "delete children but not snapshot" },
    { "metadata", OPT_BOOL, false, false,
      "delete only libvirt metadata, leaving snapshot contents behind" },
    END_OPTS,
};

/* Devices and guest operations. */

#define DEVICE_FILE_ARG \
    { "file", OPT_STRING, true, true, "XML file" }
#define AFFECT_OPTS \
    { "config", OPT_BOOL, false, false, "affect next boot" }, \
    { "live", OPT_BOOL, false, false, "affect running domain" }, \
    { "current", OPT_BOOL, false, false, "affect current domain" }
#define PERSISTENT_OPT \
    { "persistent", OPT_BOOL, false, false, "make live change persistent" }

static const struct opt_def device_change_opts[] = {
    DOMAIN_ARG, DEVICE_FILE_ARG, PERSISTENT_OPT, AFFECT_OPTS, END_OPTS,
};

static const struct opt_def update_device_opts[] = {
    DOMAIN_ARG, DEVICE_FILE_ARG, PERSISTENT_OPT, AFFECT_OPTS,
    { "force", OPT_BOOL, false, false, "force device update" },
    END_OPTS,
};

static const struct opt_def detach_device_alias_opts[] = {
    DOMAIN_ARG,
    { "alias", OPT_STRING, true, true, "device alias" },
    AFFECT_OPTS, END_OPTS,
};

#define INTERFACE_ARG \
    { "interface", OPT_STRING, true, true, \
      "interface device (MAC Address)" }

static const struct opt_def domif_getlink_opts[] = {
    DOMAIN_ARG, INTERFACE_ARG,
    { "config", OPT_BOOL, false, false, "Get persistent interface state" },
    END_OPTS,
};

static const struct opt_def domif_setlink_opts[] = {
    DOMAIN_ARG, INTERFACE_ARG,
    { "state", OPT_STRING, true, true, "new state of the device" },
    { "config", OPT_BOOL, false, false, "affect next boot" },
    END_OPTS,
};

static const struct opt_def domhostname_opts[] = {
    DOMAIN_ARG,
    { "source", OPT_STRING, false, false,
      "address source: 'lease' or 'agent'" },
    END_OPTS,
};

static const struct opt_def domtime_opts[] = {
    DOMAIN_ARG,
    { "now", OPT_BOOL, false, false,
      "set to the time of the host running virsh" },
    { "pretty", OPT_BOOL, false, false,
      "print domain's time in human readable form" },
    { "sync", OPT_BOOL, false, false,
      "instead of setting given time, synchronize from domain's RTC" },
    { "time", OPT_NUMBER, false, false, "time to set" },
    END_OPTS,
};

static const struct opt_def domfs_change_opts[] = {
    DOMAIN_ARG,
    { "mountpoint", OPT_STRING, false, false, "mountpoint to be changed" },
    END_OPTS,
};

static const struct opt_def domfstrim_opts[] = {
    DOMAIN_ARG,
    { "minimum", OPT_NUMBER, false, false,
      "Just a hint to ignore contiguous free ranges smaller than this "
      "(Bytes)" },
    { "mountpoint", OPT_STRING, false, false, "which mount point to trim" },
    END_OPTS,
};

static const struct opt_def set_user_password_opts[] = {
    DOMAIN_ARG,
    { "user", OPT_STRING, true, true, "the username" },
    { "password", OPT_STRING, true, true, "the new password" },
    { "encrypted", OPT_BOOL, false, false,
      "the password is already encrypted" },
    END_OPTS,
};

/* Host and hypervisor. */
static const struct opt_def maxvcpus_opts[] = {
    { "type", OPT_STRING, false, false, "domain type" },
    END_OPTS,
};
static const struct opt_def nodecpustats_opts[] = {
    { "cpu", OPT_NUMBER, true, false, "prints specified cpu statistics only." },
    { "percent", OPT_BOOL, false, false,
      "prints by percentage during 1 second." },
    END_OPTS,
};
static const struct opt_def nodememstats_opts[] = {
    { "cell", OPT_NUMBER, true, false,
      "prints specified cell statistics only." },
    END_OPTS,
};
static const struct opt_def freecell_opts[] = {
    { "cellno", OPT_NUMBER, true, false, "NUMA cell number" },
    { "all", OPT_BOOL, false, false, "show free memory for all NUMA cells" },
    END_OPTS,
};
static const struct opt_def nodecpumap_opts[] = {
    { "pretty", OPT_BOOL, false, false,
      "return human readable output" },
    END_OPTS,
};
static const struct opt_def cpu_baseline_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing XML CPU descriptions" },
    { "features", OPT_BOOL, false, false,
      "Show features that are part of the CPU model type" },
    { "migratable", OPT_BOOL, false, false,
      "Do not include features that block migration" },
    END_OPTS,
};
static const struct opt_def cpu_models_opts[] = {
    { "arch", OPT_STRING, true, true, "architecture" },
    END_OPTS,
};

/* Domain events. */

/* Domain tuning: pinning, NUMA and I/O threads. */
static const struct opt_def vcpupin_opts[] = {
    DOMAIN_ARG,
    { "vcpu", OPT_NUMBER, true, false, "vcpu number" },
    { "cpulist", OPT_STRING, true, false,
      "host cpu number(s) to set, or omit option to query" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def emulatorpin_opts[] = {
    DOMAIN_ARG,
    { "cpulist", OPT_STRING, true, false,
      "host cpu number(s) to set, or omit option to query" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def numatune_opts[] = {
    DOMAIN_ARG,
    { "mode", OPT_STRING, false, false,
      "NUMA mode, one of strict, preferred and interleave or a number from "
      "the virDomainNumatuneMemMode enum" },
    { "nodeset", OPT_STRING, false, false, "NUMA node selections to set" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def iothreadinfo_opts[] = {
    DOMAIN_ARG,
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def iothread_id_opts[] = {
    DOMAIN_ARG,
    { "id", OPT_NUMBER, true, true, "iothread id" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def iothreadpin_opts[] = {
    DOMAIN_ARG,
    { "iothread", OPT_NUMBER, true, true, "IOThread ID number" },
    { "cpulist", OPT_STRING, true, true, "host cpu number(s) to set" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def iothreadset_opts[] = {
    DOMAIN_ARG,
    { "id", OPT_NUMBER, true, true, "iothread id of existing IOThread" },
    { "poll-max-ns", OPT_NUMBER, false, false,
      "set the maximum IOThread polling time in ns" },
    { "poll-grow", OPT_NUMBER, false, false,
      "set the value to increase the IOThread polling time" },
    { "poll-shrink", OPT_NUMBER, false, false,
      "set the value for reduction of the IOThread polling time" },
    IMPACT_OPTS,
    END_OPTS,
};

/* Domain tuning: block and interface I/O, perf. */
static const struct opt_def blkiotune_opts[] = {
    DOMAIN_ARG,
    { "weight", OPT_NUMBER, false, false,
      "IO Weight in range [100, 1000]" },
    { "device-weights", OPT_STRING, false, false,
      "per-device IO Weights, in the form of /path/to/device,weight,..." },
    { "device-read-iops-sec", OPT_STRING, false, false,
      "per-device read I/O limit per second, in the form of "
      "/path/to/device,read_iops_sec,..." },
    { "device-write-iops-sec", OPT_STRING, false, false,
      "per-device write I/O limit per second, in the form of "
      "/path/to/device,write_iops_sec,..." },
    { "device-read-bytes-sec", OPT_STRING, false, false,
      "per-device bytes read per second, in the form of "
      "/path/to/device,read_bytes_sec,..." },
    { "device-write-bytes-sec", OPT_STRING, false, false,
      "per-device bytes wrote per second, in the form of "
      "/path/to/device,write_bytes_sec,..." },
    IMPACT_OPTS,
    END_OPTS,
};

#define IOTUNE_OPT(name, help) { name, OPT_STRING, false, false, help }

static const struct opt_def blkdeviotune_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, true, "block device" },
    IOTUNE_OPT("total-bytes-sec", "total throughput limit, in bytes/s"),
    IOTUNE_OPT("read-bytes-sec", "read throughput limit, in bytes/s"),
    IOTUNE_OPT("write-bytes-sec", "write throughput limit, in bytes/s"),
    IOTUNE_OPT("total-iops-sec", "total I/O operations limit per second"),
    IOTUNE_OPT("read-iops-sec", "read I/O operations limit per second"),
    IOTUNE_OPT("write-iops-sec", "write I/O operations limit per second"),
    IOTUNE_OPT("total-bytes-sec-max", "total max, in bytes"),
    IOTUNE_OPT("read-bytes-sec-max", "read max, in bytes"),
    IOTUNE_OPT("write-bytes-sec-max", "write max, in bytes"),
    IOTUNE_OPT("total-iops-sec-max", "total I/O operations max"),
    IOTUNE_OPT("read-iops-sec-max", "read I/O operations max"),
    IOTUNE_OPT("write-iops-sec-max", "write I/O operations max"),
    IOTUNE_OPT("size-iops-sec", "I/O size in bytes"),
    IOTUNE_OPT("group-name", "group name to share I/O quota between "
                             "multiple drives"),
    IOTUNE_OPT("total-bytes-sec-max-length",
               "duration in seconds to allow total max bytes"),
    IOTUNE_OPT("read-bytes-sec-max-length",
               "duration in seconds to allow read max bytes"),
    IOTUNE_OPT("write-bytes-sec-max-length",
               "duration in seconds to allow write max bytes"),
    IOTUNE_OPT("total-iops-sec-max-length",
               "duration in seconds to allow total I/O operations max"),
    IOTUNE_OPT("read-iops-sec-max-length",
               "duration in seconds to allow read I/O operations max"),
    IOTUNE_OPT("write-iops-sec-max-length",
               "duration in seconds to allow write I/O operations max"),
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def domiftune_opts[] = {
    DOMAIN_ARG,
    { "interface", OPT_STRING, true, true,
      "interface device (MAC Address)" },
    { "inbound", OPT_STRING, false, false,
      "control domain's incoming traffics" },
    { "outbound", OPT_STRING, false, false,
      "control domain's outgoing traffics" },
    IMPACT_OPTS,
    END_OPTS,
};

static const struct opt_def perf_opts[] = {
    DOMAIN_ARG,
    { "enable", OPT_STRING, false, false, "perf events which will be enabled" },
    { "disable", OPT_STRING, false, false,
      "perf events which will be disabled" },
    IMPACT_OPTS,
    END_OPTS,
};

/* Networks. */
#define NETWORK_ARG \
    { "network", OPT_STRING, true, true, "network name or uuid" }

static const struct opt_def net_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive networks" },
    { "all", OPT_BOOL, false, false, "list inactive & active networks" },
    { "persistent", OPT_BOOL, false, false, "list persistent networks" },
    { "transient", OPT_BOOL, false, false, "list transient networks" },
    { "autostart", OPT_BOOL, false, false,
      "list networks with autostart enabled" },
    { "no-autostart", OPT_BOOL, false, false,
      "list networks with autostart disabled" },
    { "uuid", OPT_BOOL, false, false, "list uuid's only" },
    { "name", OPT_BOOL, false, false, "list network names only" },
    END_OPTS,
};

static const struct opt_def net_one_opts[] = {
    NETWORK_ARG,
    END_OPTS,
};

static const struct opt_def net_dumpxml_opts[] = {
    NETWORK_ARG,
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    END_OPTS,
};

static const struct opt_def net_define_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML network description" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

static const struct opt_def net_create_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML network description" },
    END_OPTS,
};

static const struct opt_def net_autostart_opts[] = {
    NETWORK_ARG,
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    END_OPTS,
};

static const struct opt_def net_update_opts[] = {
    NETWORK_ARG,
    { "command", OPT_STRING, true, true,
      "type of update (add-first, add-last (add), delete, or modify)" },
    { "section", OPT_STRING, true, true,
      "which section of network configuration to update" },
    { "xml", OPT_STRING, true, true,
      "name of file containing xml (or, if it starts with '<', the "
      "complete xml element itself) to add/modify, or to be matched for "
      "search" },
    { "parent-index", OPT_NUMBER, false, false,
      "which parent object to search through" },
    { "config", OPT_BOOL, false, false, "affect next network startup" },
    { "live", OPT_BOOL, false, false, "affect running network" },
    { "current", OPT_BOOL, false, false,
      "affect current state of network" },
    END_OPTS,
};

/* Storage pools and volumes. */
static const struct opt_def pool_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { NULL },
};
static const struct opt_def pool_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive pools" },
    { "all", OPT_BOOL, false, false, "list inactive & active pools" },
    { "type", OPT_STRING, false, false,
      "only list pool of specified type(s) (if supported)" },
    { "details", OPT_BOOL, false, false,
      "display extended details for pools" },
    { "uuid", OPT_BOOL, false, false, "list UUID of active pools only" },
    { "name", OPT_BOOL, false, false, "list name of active pools only" },
    { NULL },
};
static const struct opt_def pool_info_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "bytes", OPT_BOOL, false, false, "Reture pool info in bytes" },
    { NULL },
};
static const struct opt_def pool_dumpxml_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "inactive", OPT_BOOL, false, false,
      "show inactive defined XML" },
    { NULL },
};
static const struct opt_def pool_file_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML pool description" },
    { NULL },
};
static const struct opt_def pool_autostart_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    { NULL },
};
static const struct opt_def vol_list_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name or uuid" },
    { "details", OPT_BOOL, false, false,
      "display extended details for volumes" },
    { NULL },
};
static const struct opt_def vol_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { NULL },
};
static const struct opt_def vol_info_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "bytes", OPT_BOOL, false, false,
      "sizes are represented in bytes rather than pretty units" },
    { NULL },
};
static const struct opt_def vol_pool_opts[] = {
    { "vol", OPT_STRING, true, true, "volume key or path" },
    { "uuid", OPT_BOOL, false, false,
      "return the pool uuid rather than pool name" },
    { NULL },
};
static const struct opt_def vol_wipe_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "algorithm", OPT_STRING, false, false,
      "perform selected wiping algorithm" },
    { NULL },
};
static const struct opt_def vol_resize_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "capacity", OPT_STRING, true, true,
      "new capacity for the vol, as scaled integer (default bytes)" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "allocate", OPT_BOOL, false, false,
      "allocate the new capacity, rather than leaving it sparse" },
    { "delta", OPT_BOOL, false, false,
      "use capacity as a delta to current size, rather than the new size" },
    { "shrink", OPT_BOOL, false, false,
      "allow the resize to shrink the volume" },
    { NULL },
};
static const struct opt_def vol_create_as_opts[] = {
    { "pool", OPT_STRING, true, true, "pool name" },
    { "name", OPT_STRING, true, true, "name of the volume" },
    { "capacity", OPT_STRING, true, true,
      "size of the vol, as scaled integer (default bytes)" },
    { "allocation", OPT_STRING, false, false,
      "initial allocation size, as scaled integer (default bytes)" },
    { "format", OPT_STRING, false, false,
      "file format type raw,bochs,qcow,qcow2,qed,vmdk" },
    { NULL },
};

/* Node devices and host interfaces. */
static const struct opt_def nodedev_list_opts[] = {
    { "inactive", OPT_BOOL, false, false,
      "list inactive & defined devices only" },
    { "all", OPT_BOOL, false, false, "list inactive & active devices" },
    { "cap", OPT_STRING, false, false,
      "capability names, separated by comma" },
    END_OPTS,
};

static const struct opt_def nodedev_only[] = {
    { "device", OPT_STRING, true, true,
      "device name or wwn pair in 'wwnn,wwpn' format" },
    END_OPTS,
};

static const struct opt_def nodedev_create_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML description of the device" },
    END_OPTS,
};

static const struct opt_def iface_list_opts[] = {
    { "inactive", OPT_BOOL, false, false, "list inactive interfaces" },
    { "all", OPT_BOOL, false, false, "list inactive & active interfaces" },
    END_OPTS,
};

static const struct opt_def iface_only[] = {
    { "interface", OPT_STRING, true, true, "interface name" },
    END_OPTS,
};

static const struct opt_def iface_dumpxml_opts[] = {
    { "interface", OPT_STRING, true, true, "interface name or MAC address" },
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    END_OPTS,
};

static const struct opt_def iface_name_opts[] = {
    { "interface", OPT_STRING, true, true, "interface mac" },
    END_OPTS,
};

static const struct opt_def iface_define_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML interface description" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

/* Domain checkpoints. */
#define CHECKPOINT_NAME_ARG \
    { "checkpointname", OPT_STRING, true, true, "checkpoint name" }

static const struct opt_def checkpoint_create_opts[] = {
    DOMAIN_ARG,
    { "xmlfile", OPT_STRING, true, false, "domain checkpoint XML" },
    { "redefine", OPT_BOOL, false, false,
      "redefine metadata for existing checkpoint" },
    { "quiesce", OPT_BOOL, false, false, "quiesce guest's file systems" },
    END_OPTS,
};

static const struct opt_def checkpoint_create_as_opts[] = {
    DOMAIN_ARG,
    { "name", OPT_STRING, true, false, "name of checkpoint" },
    { "description", OPT_STRING, true, false, "description of checkpoint" },
    { "print-xml", OPT_BOOL, false, false,
      "print XML document rather than create" },
    { "quiesce", OPT_BOOL, false, false, "quiesce guest's file systems" },
    { "diskspec", OPT_STRING, false, false,
      "disk attributes: disk[,checkpoint=type][,bitmap=name]" },
    END_OPTS,
};

static const struct opt_def checkpoint_list_opts[] = {
    DOMAIN_ARG,
    { "parent", OPT_BOOL, false, false,
      "add a column showing parent checkpoint" },
    { "roots", OPT_BOOL, false, false, "list only checkpoints without parents" },
    { "leaves", OPT_BOOL, false, false,
      "list only checkpoints without children" },
    { "no-leaves", OPT_BOOL, false, false,
      "list only checkpoints that are not leaves (with children)" },
    { "topological", OPT_BOOL, false, false,
      "sort list topologically rather than by name" },
    { "tree", OPT_BOOL, false, false, "list checkpoints in a tree" },
    { "name", OPT_BOOL, false, false, "list checkpoint names only" },
    END_OPTS,
};

static const struct opt_def checkpoint_one_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    END_OPTS,
};

static const struct opt_def checkpoint_dumpxml_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    { "security-info", OPT_BOOL, false, false,
      "include security sensitive information in XML dump" },
    { "no-domain", OPT_BOOL, false, false, "exclude <domain> from XML" },
    { "size", OPT_BOOL, false, false,
      "include backup size estimate in XML dump" },
    END_OPTS,
};

static const struct opt_def checkpoint_delete_opts[] = {
    DOMAIN_ARG,
    CHECKPOINT_NAME_ARG,
    { "children", OPT_BOOL, false, false,
      "delete checkpoint and all children" },
    { "children-only", OPT_BOOL, false, false,
      "delete children but not checkpoint" },
    { "metadata", OPT_BOOL, false, false,
      "delete only libvirt metadata, leaving checkpoint contents behind" },
    END_OPTS,
};

/* Object events: networks, storage pools, node devices. */
static const struct opt_def net_event_opts[] = {
    { "network", OPT_STRING, true, false,
      "filter by network name or uuid" },
    { "event", OPT_STRING, true, false, "which event type to wait for" },
    { "loop", OPT_BOOL, false, false,
      "loop until timeout or interrupt, rather than one-shot" },
    { "timeout", OPT_NUMBER, false, false,
      "timeout seconds" },
    { "list", OPT_BOOL, false, false, "list valid event types" },
    { "timestamp", OPT_BOOL, false, false,
      "show timestamp for each printed event" },
    END_OPTS,
};

/* Storage pool and node device events: net-event's options with virsh's
 * filter of each kind. */
#define OBJECT_EVENT_OPTS                                                    \
    { "event", OPT_STRING, true, false, "which event type to wait for" },   \
    { "loop", OPT_BOOL, false, false,                                        \
      "loop until timeout or interrupt, rather than one-shot" },             \
    { "timeout", OPT_NUMBER, false, false, "timeout seconds" },              \
    { "list", OPT_BOOL, false, false, "list valid event types" },            \
    { "timestamp", OPT_BOOL, false, false,                                   \
      "show timestamp for each printed event" },                             \
    END_OPTS

static const struct opt_def pool_event_opts[] = {
    { "pool", OPT_STRING, true, false,
      "filter by storage pool name or uuid" },
    OBJECT_EVENT_OPTS,
};

static const struct opt_def nodedev_event_opts[] = {
    { "device", OPT_STRING, true, false, "filter by node device name" },
    OBJECT_EVENT_OPTS,
};

/* Network DHCP leases. */
static const struct opt_def net_dhcp_leases_opts[] = {
    NETWORK_ARG,
    { "mac", OPT_STRING, false, false, "MAC address" },
    END_OPTS,
};

/* Domain capabilities. */
static const struct opt_def domcapabilities_opts[] = {
    { "virttype", OPT_STRING, false, false,
      "virtualization type (/domain/@type)" },
    { "emulatorbin", OPT_STRING, false, false,
      "path to emulator binary (/domain/devices/emulator)" },
    { "arch", OPT_STRING, false, false,
      "domain architecture (/domain/os/type/@arch)" },
    { "machine", OPT_STRING, false, false,
      "machine type (/domain/os/type/@machine)" },
    END_OPTS,
};
/* Volume upload and download. */
static const struct opt_def vol_upload_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "file", OPT_STRING, true, true, "file" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "offset", OPT_NUMBER, false, false, "volume offset to upload to" },
    { "length", OPT_NUMBER, false, false, "amount of data to upload" },
    { NULL },
};
static const struct opt_def vol_download_opts[] = {
    { "vol", OPT_STRING, true, true, "vol name, key or path" },
    { "file", OPT_STRING, true, true, "file" },
    { "pool", OPT_STRING, false, false, "pool name or uuid" },
    { "offset", OPT_NUMBER, false, false,
      "volume offset to download from" },
    { "length", OPT_NUMBER, false, false, "amount of data to download" },
    { NULL },
};

/* ---- The table ---------------------------------------------------------- */

static const struct cmd_def table[] = {
    { "list", cmd_list, list_opts, true, "list domains",
      "Returns list of domains." },
    { "dominfo", cmd_dominfo, domain_only, true, "domain information",
      "Returns basic information about the domain." },
    { "domstate", cmd_domstate, domstate_opts, true, "domain state",
      "Returns state about a domain." },
    { "domid", cmd_domid, domain_only, true,
      "convert a domain name or UUID to domain id", "" },
    { "domuuid", cmd_domuuid, domain_only, true,
      "convert a domain name or id to domain UUID", "" },
    { "dumpxml", cmd_dumpxml, dumpxml_opts, true, "domain information in XML",
      "Output the domain information as an XML dump to stdout." },
    { "define", cmd_define, define_opts, true,
      "define (but don't start) a domain from an XML file",
      "Define a domain." },
    { "undefine", cmd_undefine, domain_only, true, "undefine a domain",
      "Undefine an inactive domain, or convert persistent to transient." },
    { "create", cmd_create, create_opts, true,
      "create a domain from an XML file",
      "Create a domain." },
    { "start", cmd_start, start_opts, true,
      "start a (previously defined) inactive domain",
      "Start a domain, either from the last managedsave\n"
      "    state, or via a fresh boot if no managedsave state\n"
      "    is present." },
    { "destroy", cmd_destroy, domain_only, true, "destroy (stop) a domain",
      "Forcefully stop a given domain, but leave its resources intact." },
    { "shutdown", cmd_shutdown, domain_only, true,
      "gracefully shutdown a domain", "Run shutdown in the target domain." },
    { "reboot", cmd_reboot, domain_only, true, "reboot a domain",
      "Run a reboot command in the target domain." },
    { "suspend", cmd_suspend, domain_only, true, "suspend a domain",
      "Suspend a running domain." },
    { "resume", cmd_resume, domain_only, true, "resume a domain",
      "Resume a previously suspended domain." },
    { "autostart", cmd_autostart, autostart_opts, true, "autostart a domain",
      "Configure a domain to be automatically started at boot." },
    { "event", cmd_event, event_opts, true, "Domain Events",
      "List event types, or wait for domain events to occur" },
    { "console", cmd_console, console_opts, true, "connect to the guest console",
      "Connect the virtual serial console for the guest" },
    { "qemu-monitor-command", cmd_qemu_monitor_command,
      qemu_monitor_command_opts, true, "QEMU Monitor Command",
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
    { "vcpuinfo", cmd_vcpuinfo, domain_only, true, "detailed domain vcpu "
      "information", "Returns basic information about the domain virtual "
      "CPUs." },
    { "vcpucount", cmd_vcpucount, domain_only, true, "domain vcpu counts",
      "Returns the number of virtual CPUs used by the domain." },
    { "dommemstat", cmd_dommemstat, domain_only, true, "get memory "
      "statistics for a domain", "Get memory statistics for a running "
      "domain." },
    { "domblkstat", cmd_domblkstat, domblkstat_opts, true, "get device "
      "block stats for a domain", "Get device block stats for a running "
      "domain." },
    { "domifstat", cmd_domifstat, domifstat_opts, true, "get network "
      "interface stats for a domain", "Get network interface stats for a "
      "running domain." },
    { "domblkinfo", cmd_domblkinfo, domblkinfo_opts, true, "domain block "
      "device size information", "Get block device size info for a "
      "domain." },
    { "domblkerror", cmd_domblkerror, domain_only, true, "Show errors on "
      "block devices", "Show block device errors" },
    { "domifaddr", cmd_domifaddr, domain_only, true, "Get network "
      "interfaces' addresses for a running domain", "Get network "
      "interfaces' addresses for a running domain" },
    { "domcontrol", cmd_domcontrol, domain_only, true, "domain control "
      "interface state", "Returns state of a control interface to the "
      "domain." },
    { "cpu-stats", cmd_cpu_stats, cpu_stats_opts, true, "show domain cpu "
      "statistics", "Display per-CPU and total statistics about the "
      "domain's CPUs" },
    { "domstats", cmd_domstats, domstats_opts, true, "get statistics about "
      "one or multiple domains", "Gets statistics about one or more (or "
      "all) domains" },

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    { "setmem", cmd_setmem, setmem_opts, true, "change memory allocation",
      "Change the current memory allocation in the guest domain." },
    { "setmaxmem", cmd_setmaxmem, setmem_opts, true,
      "change maximum memory limit",
      "Change the maximum memory allocation limit in the guest domain." },
    { "setvcpus", cmd_setvcpus, setvcpus_opts, true,
      "change number of virtual CPUs",
      "Change the number of virtual CPUs in the guest domain." },
    { "memtune", cmd_memtune, memtune_opts, true,
      "Get or set memory parameters",
      "Get or set the current memory parameters for a guest domain." },
    { "domrename", cmd_domrename, domrename_opts, true, "rename a domain",
      "Rename an inactive domain." },
    { "set-lifecycle-action", cmd_set_lifecycle_action, lifecycle_opts, true,
      "change lifecycle actions",
      "Change lifecycle actions for the guest domain." },
    { "schedinfo", cmd_schedinfo, schedinfo_opts, true,
      "show/set scheduler parameters",
      "Show/Set scheduler parameters." },
    { "desc", cmd_desc, desc_opts, true,
      "show or set domain's description or title",
      "Allows setting or modifying the description or title of a domain." },
    { "metadata", cmd_metadata, metadata_opts, true,
      "show or set domain's custom XML metadata",
      "Shows or modifies the XML metadata of a domain." },

    /* Save, restore, managed save and snapshots. */
    { "save", cmd_save, save_opts, true, "save a domain state to a file",
      "Save the RAM state of a running domain." },
    { "restore", cmd_restore, restore_opts, true,
      "restore a domain from a saved state in a file",
      "Restore a domain." },
    { "managedsave", cmd_managedsave, domain_only, true,
      "managed save of a domain state",
      "Save and destroy a running domain, so it can be restarted from\n"
      "    the same state at a later time." },
    { "snapshot-create-as", cmd_snapshot_create_as, snapshot_create_as_opts,
      true, "Create a snapshot from a set of args",
      "Create a snapshot (disk and RAM) from arguments" },
    { "snapshot-list", cmd_snapshot_list, snapshot_list_opts, true,
      "List snapshots for a domain", "Snapshot List" },
    { "snapshot-info", cmd_snapshot_info, snapshot_one_opts, true,
      "snapshot information", "Returns basic information about a snapshot." },
    { "snapshot-current", cmd_snapshot_current, snapshot_current_opts, true,
      "Get or set the current snapshot", "Get or set the current snapshot" },
    { "snapshot-dumpxml", cmd_snapshot_dumpxml, snapshot_one_opts, true,
      "Dump XML for a domain snapshot", "Snapshot Dump XML" },
    { "snapshot-revert", cmd_snapshot_revert, snapshot_revert_opts, true,
      "Revert a domain to a snapshot", "Revert domain to snapshot" },
    { "snapshot-delete", cmd_snapshot_delete, snapshot_delete_opts, true,
      "Delete a domain snapshot", "Snapshot Delete" },

    /* Devices and guest operations. */
    { "attach-device", cmd_attach_device, device_change_opts, true,
      "attach device from an XML file", "Attach device from an XML <file>." },
    { "detach-device", cmd_detach_device, device_change_opts, true,
      "detach device from an XML file", "Detach device from an XML <file>" },
    { "update-device", cmd_update_device, update_device_opts, true,
      "update device from an XML file", "Update device from an XML <file>." },
    { "detach-device-alias", cmd_detach_device_alias,
      detach_device_alias_opts, true, "detach device from an alias",
      "Detach device identified by the given alias from a domain" },
    { "domif-getlink", cmd_domif_getlink, domif_getlink_opts, true,
      "get link state of a virtual interface",
      "Get link state of a domain's virtual interface." },
    { "domif-setlink", cmd_domif_setlink, domif_setlink_opts, true,
      "set link state of a virtual interface",
      "Set link state of a domain's virtual interface. This command "
      "wraps usage of update-device command." },
    { "domhostname", cmd_domhostname, domhostname_opts, true,
      "print the domain's hostname", "" },
    { "domtime", cmd_domtime, domtime_opts, true, "domain time",
      "Gets or sets the domain's system time" },
    { "domfsinfo", cmd_domfsinfo, domain_only, true,
      "Get information of domain's mounted filesystems.",
      "Get information of domain's mounted filesystems." },
    { "domfsfreeze", cmd_domfsfreeze, domfs_change_opts, true,
      "Freeze domain's mounted filesystems.",
      "Freeze domain's mounted filesystems." },
    { "domfsthaw", cmd_domfsthaw, domfs_change_opts, true,
      "Thaw domain's mounted filesystems.",
      "Thaw domain's mounted filesystems." },
    { "domfstrim", cmd_domfstrim, domfstrim_opts, true,
      "Invoke fstrim on domain's mounted filesystems.",
      "Invoke fstrim on domain's mounted filesystems." },
    { "reset", cmd_reset, domain_only, true, "reset a domain",
      "Reset the target domain as if by power button" },
    { "inject-nmi", cmd_inject_nmi, domain_only, true,
      "Inject NMI to the guest", "Inject NMI to the guest domain." },
    { "set-user-password", cmd_set_user_password, set_user_password_opts,
      true, "set the user password inside the domain",
      "changes the password of the specified user inside the domain" },

    /* Host and hypervisor. */
    { "maxvcpus", cmd_maxvcpus, maxvcpus_opts, true, "connection vcpu maximum",
      "Show maximum number of virtual CPUs for guests on this connection." },
    { "sysinfo", cmd_sysinfo, NULL, true, "print the hypervisor sysinfo",
      "output an XML string for the hypervisor sysinfo, if available" },
    { "nodecpustats", cmd_nodecpustats, nodecpustats_opts, true,
      "Prints cpu stats of the node.",
      "Returns cpu stats of the node, in nanoseconds." },
    { "nodememstats", cmd_nodememstats, nodememstats_opts, true,
      "Prints memory stats of the node.",
      "Returns memory stats of the node, in kilobytes." },
    { "freecell", cmd_freecell, freecell_opts, true,
      "NUMA free memory",
      "display available free memory for the NUMA cell." },
    { "nodecpumap", cmd_nodecpumap, nodecpumap_opts, true,
      "node cpu map", "Displays the node's total number of CPUs, the number "
      "of online CPUs and the list of online CPUs." },
    { "cpu-models", cmd_cpu_models, cpu_models_opts, true, "CPU models",
      "Get the CPU models for an arch." },
    { "cpu-baseline", cmd_cpu_baseline, cpu_baseline_opts, true,
      "compute baseline CPU",
      "Compute baseline CPU for a set of given CPUs." },

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    { "vcpupin", cmd_vcpupin, vcpupin_opts, true, "control or query domain "
      "vcpu affinity", "Pin domain VCPUs to host physical CPUs." },
    { "emulatorpin", cmd_emulatorpin, emulatorpin_opts, true,
      "control or query domain emulator affinity",
      "Pin domain emulator threads to host physical CPUs." },
    { "numatune", cmd_numatune, numatune_opts, true,
      "Get or set numa parameters",
      "Get or set the current numa parameters for a guest domain." },
    { "iothreadinfo", cmd_iothreadinfo, iothreadinfo_opts, true,
      "view domain IOThreads", "Returns basic information about the domain "
      "IOThreads." },
    { "iothreadpin", cmd_iothreadpin, iothreadpin_opts, true,
      "control domain IOThread affinity",
      "Pin domain IOThreads to host physical CPUs." },
    { "iothreadadd", cmd_iothreadadd, iothread_id_opts, true,
      "add an IOThread to the guest domain",
      "Add an IOThread to the guest domain." },
    { "iothreadset", cmd_iothreadset, iothreadset_opts, true,
      "modifies an existing IOThread of the guest domain",
      "Modifies an existing IOThread of the guest domain." },
    { "iothreaddel", cmd_iothreaddel, iothread_id_opts, true,
      "delete an IOThread from the guest domain",
      "Delete an IOThread from the guest domain." },

    /* Domain tuning: block and interface I/O, perf. */
    { "blkiotune", cmd_blkiotune, blkiotune_opts, true,
      "Get or set blkio parameters",
      "Get or set the current blkio parameters for a guest domain." },
    { "blkdeviotune", cmd_blkdeviotune, blkdeviotune_opts, true,
      "Set or query a block device I/O tuning parameters.",
      "Set or query disk I/O parameters such as block throttling." },
    { "domiftune", cmd_domiftune, domiftune_opts, true,
      "get/set parameters of a virtual interface",
      "Get/set parameters of a domain's virtual interface." },
    { "perf", cmd_perf, perf_opts, true, "Get or set perf event",
      "Get or set the current perf events for a guest domain." },

    /* Networks. */
    { "net-list", cmd_net_list, net_list_opts, true, "list networks",
      "Returns list of networks." },
    { "net-info", cmd_net_info, net_one_opts, true, "network information",
      "Returns basic information about the network" },
    { "net-dumpxml", cmd_net_dumpxml, net_dumpxml_opts, true,
      "network information in XML",
      "Output the network information as an XML dump to stdout." },
    { "net-uuid", cmd_net_uuid, net_one_opts, true,
      "convert a network name to network UUID",
      "Convert a network name to network UUID." },
    { "net-name", cmd_net_name, net_one_opts, true,
      "convert a network UUID to network name",
      "Convert a network UUID to network name." },
    { "net-define", cmd_net_define, net_define_opts, true,
      "define an inactive persistent virtual network or modify an "
      "existing persistent one from an XML file",
      "Define or modify a persistent virtual network." },
    { "net-create", cmd_net_create, net_create_opts, true,
      "create a network from an XML file",
      "Create a network." },
    { "net-undefine", cmd_net_undefine, net_one_opts, true,
      "undefine a persistent network", "Undefine the configuration for a "
      "persistent network." },
    { "net-start", cmd_net_start, net_one_opts, true,
      "start a (previously defined) inactive network",
      "Start a network." },
    { "net-destroy", cmd_net_destroy, net_one_opts, true,
      "destroy (stop) a network", "Forcefully stop a given network." },
    { "net-autostart", cmd_net_autostart, net_autostart_opts, true,
      "autostart a network", "Configure a network to be automatically "
      "started at boot." },
    { "net-update", cmd_net_update, net_update_opts, true,
      "update parts of an existing network's configuration",
      "Update part of an existing network's configuration." },

    /* Storage pools and volumes. */
    { "pool-list", cmd_pool_list, pool_list_opts, true, "list pools",
      "Returns list of pools." },
    { "pool-info", cmd_pool_info, pool_info_opts, true,
      "storage pool information",
      "Returns basic information about the storage pool." },
    { "pool-dumpxml", cmd_pool_dumpxml, pool_dumpxml_opts, true,
      "pool information in XML",
      "Output the pool information as an XML dump to stdout." },
    { "pool-name", cmd_pool_name, pool_opts, true,
      "convert a pool UUID to pool name", "" },
    { "pool-uuid", cmd_pool_uuid, pool_opts, true,
      "convert a pool name to pool UUID", "" },
    { "pool-define", cmd_pool_define, pool_file_opts, true,
      "define an inactive persistent storage pool or modify an existing "
      "persistent one from an XML file",
      "Define or modify a persistent storage pool." },
    { "pool-create", cmd_pool_create, pool_file_opts, true,
      "create a pool from an XML file",
      "Create a pool." },
    { "pool-start", cmd_pool_start, pool_opts, true,
      "start a (previously defined) inactive pool",
      "Start a pool." },
    { "pool-build", cmd_pool_build, pool_opts, true, "build a pool",
      "Build a given pool." },
    { "pool-destroy", cmd_pool_destroy, pool_opts, true,
      "destroy (stop) a pool", "Forcefully stop a given pool. Raw data in "
      "the pool is untouched" },
    { "pool-delete", cmd_pool_delete, pool_opts, true, "delete a pool",
      "Delete a given pool." },
    { "pool-undefine", cmd_pool_undefine, pool_opts, true,
      "undefine an inactive pool",
      "Undefine the configuration for an inactive pool." },
    { "pool-refresh", cmd_pool_refresh, pool_opts, true, "refresh a pool",
      "Refresh a given pool." },
    { "pool-autostart", cmd_pool_autostart, pool_autostart_opts, true,
      "autostart a pool", "Configure a pool to be automatically started at "
      "boot." },
    { "vol-list", cmd_vol_list, vol_list_opts, true, "list vols",
      "Returns list of vols by pool." },
    { "vol-info", cmd_vol_info, vol_info_opts, true,
      "storage vol information",
      "Returns basic information about the storage vol." },
    { "vol-dumpxml", cmd_vol_dumpxml, vol_opts, true,
      "vol information in XML",
      "Output the vol information as an XML dump to stdout." },
    { "vol-path", cmd_vol_path, vol_opts, true,
      "returns the volume path for a given volume name or key",
      "Returns the volume path for a given volume name or key" },
    { "vol-key", cmd_vol_key, vol_opts, true,
      "returns the volume key for a given volume name or path",
      "Returns the volume key for a given volume name or path" },
    { "vol-name", cmd_vol_name, vol_pool_opts, true,
      "returns the volume name for a given volume key or path",
      "Returns the volume name for a given volume key or path" },
    { "vol-pool", cmd_vol_pool, vol_pool_opts, true,
      "returns the storage pool for a given volume key or path",
      "Returns the storage pool for a given volume key or path" },
    { "vol-create-as", cmd_vol_create_as, vol_create_as_opts, true,
      "create a volume from a set of args",
      "Create a vol." },
    { "vol-delete", cmd_vol_delete, vol_opts, true, "delete a vol",
      "Delete a given vol." },

    /* Node devices and host interfaces. */
    { "nodedev-list", cmd_nodedev_list, nodedev_list_opts, true,
      "enumerate devices on this host", "" },
    { "nodedev-dumpxml", cmd_nodedev_dumpxml, nodedev_only, true,
      "node device details in XML",
      "Output the node device details as an XML dump to stdout." },
    { "nodedev-create", cmd_nodedev_create, nodedev_create_opts, true,
      "create a device defined by an XML file on the node",
      "Create a device on the node.  Note that this command creates\n"
      "    devices on the physical host that can then be assigned to a\n"
      "    virtual machine." },
    { "nodedev-destroy", cmd_nodedev_destroy, nodedev_only, true,
      "destroy (stop) a device on the node",
      "Destroy a device on the node.  Note that this command destroys\n"
      "    devices on the physical host" },
    { "iface-list", cmd_iface_list, iface_list_opts, true,
      "list physical host interfaces",
      "Returns list of physical host interfaces." },
    { "iface-dumpxml", cmd_iface_dumpxml, iface_dumpxml_opts, true,
      "interface information in XML",
      "Output the physical host interface information as an XML dump to\n"
      "    stdout." },
    { "iface-mac", cmd_iface_mac, iface_only, true,
      "convert an interface name to interface MAC address",
      "Convert an interface name to interface MAC address." },
    { "iface-name", cmd_iface_name, iface_name_opts, true,
      "convert an interface MAC address to interface name",
      "Convert an interface MAC address to interface name." },
    { "iface-define", cmd_iface_define, iface_define_opts, true,
      "define an inactive persistent physical host interface or modify an "
      "existing persistent one from an XML file",
      "Define or modify a persistent physical host interface." },
    { "iface-undefine", cmd_iface_undefine, iface_only, true,
      "undefine a physical host interface (remove it from configuration)",
      "undefine an interface." },
    { "iface-start", cmd_iface_start, iface_only, true,
      "start a physical host interface (enable it / \"if-up\")",
      "start a physical host interface." },
    { "iface-destroy", cmd_iface_destroy, iface_only, true,
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
    { "checkpoint-create", cmd_checkpoint_create, checkpoint_create_opts,
      true, "Create a checkpoint from XML",
      "Create a checkpoint from XML for use in future incremental backups" },
    { "checkpoint-create-as", cmd_checkpoint_create_as,
      checkpoint_create_as_opts, true, "Create a checkpoint from a set of args",
      "Create a checkpoint from arguments" },
    { "checkpoint-list", cmd_checkpoint_list, checkpoint_list_opts, true,
      "List checkpoints for a domain", "Checkpoint List" },
    { "checkpoint-info", cmd_checkpoint_info, checkpoint_one_opts, true,
      "checkpoint information",
      "Returns basic information about a checkpoint." },
    { "checkpoint-dumpxml", cmd_checkpoint_dumpxml, checkpoint_dumpxml_opts,
      true, "Dump XML for a domain checkpoint", "Checkpoint Dump XML" },
    { "checkpoint-parent", cmd_checkpoint_parent, checkpoint_one_opts, true,
      "Get the name of the parent of a checkpoint",
      "Extract the checkpoint's parent, if any" },
    { "checkpoint-delete", cmd_checkpoint_delete, checkpoint_delete_opts,
      true, "Delete a domain checkpoint", "Checkpoint Delete" },

    /* Object events: networks, storage pools, node devices. */
    { "net-event", cmd_net_event, net_event_opts, true,
      "Network Events", "List event types, or wait for network events to "
      "occur" },

    /* Storage pool and node device events. */
    { "pool-event", cmd_pool_event, pool_event_opts, true,
      "Storage Pool Events", "List event types, or wait for storage pool "
      "events to occur" },
    { "nodedev-event", cmd_nodedev_event, nodedev_event_opts, true,
      "Node Device Events", "List event types, or wait for node device "
      "events to occur" },

    /* Network DHCP leases. */
    { "net-dhcp-leases", cmd_net_dhcp_leases, net_dhcp_leases_opts, true,
      "print lease info for a given network",
      "Print lease info for a given network" },
    /* Storage volume contents. */
    { "vol-wipe", cmd_vol_wipe, vol_wipe_opts, true, "wipe a vol",
      "Ensure data previously on a volume is not accessible to future "
      "reads" },
    { "vol-resize", cmd_vol_resize, vol_resize_opts, true, "resize a vol",
      "Resizes a storage volume. This is safe only for storage volumes "
      "not in use by an active guest.\nSee blockresize for live "
      "resizing." },
    /* Domain capabilities. */
    { "domcapabilities", cmd_domcapabilities, domcapabilities_opts, true,
      "domain capabilities", "Returns capabilities of emulator with "
      "respect to host and libvirt." },
    /* Volume upload and download, through streams. */
    { "vol-upload", cmd_vol_upload, vol_upload_opts, true,
      "upload file contents to a volume",
      "Upload file contents to a volume" },
    { "vol-download", cmd_vol_download, vol_download_opts, true,
      "download volume contents to a file",
      "Download volume contents to a file" },

    { "help", cmd_help, help_opts, false, "print help",
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

/* ---- Help ------------------------------------------------------------- */

static void
print_synopsis(const struct cmd_def *def)
{
    printf("  SYNOPSIS\n    %s", def->name);
    for (int i = 0; def->opts && def->opts[i].name; i++) {
        const struct opt_def *o = &def->opts[i];
        if (o->type == OPT_BOOL)
            printf(" [--%s]", o->name);
        else if (o->is_positional)
            printf(o->is_required ? " <%s>" : " [<%s>]", o->name);
        else
            printf(" [--%s <%s>]", o->name, commands_opt_type_name(o->type));
    }
    printf("\n\n");
}

static void
print_options(const struct cmd_def *def)
{
    char left[64];

    if (def->opts == NULL || def->opts[0].name == NULL)
        return;
    printf("  OPTIONS\n");
    for (int i = 0; def->opts[i].name; i++) {
        const struct opt_def *o = &def->opts[i];
        if (o->type == OPT_BOOL)
            snprintf(left, sizeof(left), "--%s", o->name);
        else
            snprintf(left, sizeof(left),
                     o->is_positional ? "[--%s] <%s>" : "--%s <%s>",
                     o->name, commands_opt_type_name(o->type));
        printf("    %-15s  %s\n", left, o->help);
    }
    printf("\n");
}

static void
print_command_help(const struct cmd_def *def)
{
    printf("  NAME\n    %s - %s\n\n", def->name, def->summary);
    print_synopsis(def);
    if (def->description[0] != '\0')
        printf("  DESCRIPTION\n    %s\n\n", def->description);
    print_options(def);
}

static void
print_command_list(void)
{
    printf(" Commands:\n\n");
    for (int i = 0; i < N_COMMANDS; i++)
        printf("    %-15s %s\n", table[i].name, table[i].summary);
    printf("\n"
           " Commands separated by ';' run in order on one connection;\n"
           " as in virsh, one that fails does not stop the others, and\n"
           " vireo exits with the last one's status.\n");
}

int
cmd_help(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "command");
    const struct cmd_def *def;

    if (name == NULL) {
        print_command_list();
        return 0;
    }
    def = commands_find(name);
    if (def == NULL) {
        cli_error("command or command group '%s' doesn't exist", name);
        return -1;
    }
    print_command_help(def);
    return 0;
}

int
cmd_quit(struct session *s, const struct cmd *cmd)
{
    s->is_quitting = true;
    return 0;
}

void
commands_print_usage(const char *prog)
{
    printf("\n%s [options]... [<command_string>]\n"
           "%s [options]... <command> [args...]\n\n"
           "  options:\n"
           "    -c | --connect=URI      hypervisor connection URI\n"
           "                            (default: $VIREO_DEFAULT_URI, else\n"
           "                            test:///default)\n"
           "    -h | --help             this help\n"
           "    -r | --readonly         connect readonly\n"
           "    -v | --version          program version\n\n"
           "  With no command, commands are read from standard input, one\n"
           "  line at a time, until EOF or 'quit'.\n\n",
           prog, prog);
    print_command_list();
    printf("\n  (specify help <command> for details about the command)\n\n");
}
