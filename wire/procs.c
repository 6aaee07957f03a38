/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * procs.c: the procedure tables, one per program, indexed by procedure
 * number, and the event id table. One line per procedure, in the order of
 * the spec's tables (§5.1 ... §5.7) so that the two can be read side by
 * side; the QEMU program's own table follows.
 */
#include "wire/admin_procs.h"
#include "wire/procs.h"

#define NONE      { WIRE_XDR_VOID, 0 }
#define ARGS(t)   { (xdrproc_t)xdr_remote_##t##_args, sizeof(remote_##t##_args) }
#define RET(t)    { (xdrproc_t)xdr_remote_##t##_ret, sizeof(remote_##t##_ret) }
#define MSG(t)    { (xdrproc_t)xdr_remote_##t##_msg, sizeof(remote_##t##_msg) }

/* Traits, OR-ed in the last column. */
#define LOW       0
#define HIGH      (1 << 0)
#define WRITE     (1 << 1)
#define PRE_OPEN  (1 << 2)
#define STREAM    (1 << 3)

/* The payload arguments carry commas, so each of these expands them once,
 * in place, rather than handing them on to another macro. */
#define CALL(nm, a, r, traits)                                   \
    [REMOTE_PROC_##nm] = {                                       \
        .prog = WIRE_REMOTE_PROGRAM,                             \
        .number = REMOTE_PROC_##nm,                              \
        .name = #nm,                                             \
        .kind = WIRE_PROC_CALL,                                  \
        .args = a,                                               \
        .ret = r,                                                \
        .msg = NONE,                                             \
        .is_high_priority = ((traits) & HIGH) != 0,              \
        .is_write = ((traits) & WRITE) != 0,                     \
        .is_allowed_before_open = ((traits) & PRE_OPEN) != 0,    \
        .is_stream = ((traits) & STREAM) != 0,                   \
    }
#define EVENT(nm, m)                                             \
    [REMOTE_PROC_##nm] = {                                       \
        .prog = WIRE_REMOTE_PROGRAM,                             \
        .number = REMOTE_PROC_##nm,                              \
        .name = #nm,                                             \
        .kind = WIRE_PROC_EVENT,                                 \
        .args = NONE,                                            \
        .ret = NONE,                                             \
        .msg = m,                                                \
    }

static const struct wire_proc procs[WIRE_PROC_MAX + 1] = {
    /* §5.1 Connection and host. CONNECT_CLOSE is allowed before open: it
     * only ends the session, and a client may give up at any point. */
    CALL(CONNECT_OPEN,            ARGS(connect_open), NONE,                  HIGH | PRE_OPEN),
    CALL(CONNECT_CLOSE,           NONE, NONE,                                HIGH | PRE_OPEN),
    CALL(CONNECT_GET_TYPE,        NONE, RET(connect_get_type),               HIGH),
    CALL(CONNECT_GET_VERSION,     NONE, RET(connect_get_version),            HIGH),
    CALL(CONNECT_GET_LIB_VERSION, NONE, RET(connect_get_lib_version),        HIGH),
    CALL(CONNECT_GET_HOSTNAME,    NONE, RET(connect_get_hostname),           HIGH),
    CALL(CONNECT_GET_URI,         NONE, RET(connect_get_uri),                HIGH),
    CALL(CONNECT_GET_MAX_VCPUS,   ARGS(connect_get_max_vcpus),
                                  RET(connect_get_max_vcpus),                HIGH),
    CALL(CONNECT_GET_CAPABILITIES, NONE, RET(connect_get_capabilities),      LOW),
    CALL(CONNECT_GET_SYSINFO,     ARGS(connect_get_sysinfo),
                                  RET(connect_get_sysinfo),                  HIGH),
    CALL(NODE_GET_INFO,           NONE, RET(node_get_info),                  HIGH),
    CALL(NODE_GET_SECURITY_MODEL, NONE, RET(node_get_security_model),        HIGH),
    CALL(CONNECT_SUPPORTS_FEATURE, ARGS(connect_supports_feature),
                                  RET(connect_supports_feature),             HIGH | PRE_OPEN),
    CALL(AUTH_LIST,               NONE, RET(auth_list),                      HIGH | PRE_OPEN),
    CALL(CONNECT_IS_SECURE,       NONE, RET(connect_is_secure),              HIGH),
    CALL(CONNECT_REGISTER_CLOSE_CALLBACK,   NONE, NONE,                      HIGH),
    CALL(CONNECT_UNREGISTER_CLOSE_CALLBACK, NONE, NONE,                      HIGH),

    /* §5.2 Domain listing. */
    CALL(CONNECT_NUM_OF_DOMAINS,  NONE, RET(connect_num_of_domains),         HIGH),
    CALL(CONNECT_LIST_DOMAINS,    ARGS(connect_list_domains),
                                  RET(connect_list_domains),                 HIGH),
    CALL(CONNECT_NUM_OF_DEFINED_DOMAINS, NONE,
                                  RET(connect_num_of_defined_domains),       HIGH),
    CALL(CONNECT_LIST_DEFINED_DOMAINS, ARGS(connect_list_defined_domains),
                                  RET(connect_list_defined_domains),         HIGH),
    CALL(CONNECT_LIST_ALL_DOMAINS, ARGS(connect_list_all_domains),
                                  RET(connect_list_all_domains),             HIGH),
    CALL(CONNECT_GET_ALL_DOMAIN_STATS, ARGS(connect_get_all_domain_stats),
                                  RET(connect_get_all_domain_stats),         LOW),

    /* §5.3 Domain lifecycle: every one changes something. */
    CALL(DOMAIN_CREATE_XML,       ARGS(domain_create_xml),
                                  RET(domain_create_xml),                    LOW | WRITE),
    CALL(DOMAIN_DEFINE_XML,       ARGS(domain_define_xml),
                                  RET(domain_define_xml),                    HIGH | WRITE),
    CALL(DOMAIN_DEFINE_XML_FLAGS, ARGS(domain_define_xml_flags),
                                  RET(domain_define_xml_flags),              HIGH | WRITE),
    CALL(DOMAIN_UNDEFINE,         ARGS(domain_undefine), NONE,               HIGH | WRITE),
    CALL(DOMAIN_UNDEFINE_FLAGS,   ARGS(domain_undefine_flags), NONE,         HIGH | WRITE),
    CALL(DOMAIN_CREATE,           ARGS(domain_create), NONE,                 LOW | WRITE),
    CALL(DOMAIN_CREATE_WITH_FLAGS, ARGS(domain_create_with_flags),
                                  RET(domain_create_with_flags),             LOW | WRITE),
    CALL(DOMAIN_DESTROY,          ARGS(domain_destroy), NONE,                HIGH | WRITE),
    CALL(DOMAIN_DESTROY_FLAGS,    ARGS(domain_destroy_flags), NONE,          HIGH | WRITE),
    CALL(DOMAIN_SHUTDOWN,         ARGS(domain_shutdown), NONE,               LOW | WRITE),
    CALL(DOMAIN_SHUTDOWN_FLAGS,   ARGS(domain_shutdown_flags), NONE,         LOW | WRITE),
    CALL(DOMAIN_REBOOT,           ARGS(domain_reboot), NONE,                 LOW | WRITE),
    CALL(DOMAIN_RESET,            ARGS(domain_reset), NONE,                  LOW | WRITE),
    CALL(DOMAIN_SUSPEND,          ARGS(domain_suspend), NONE,                LOW | WRITE),
    CALL(DOMAIN_RESUME,           ARGS(domain_resume), NONE,                 LOW | WRITE),
    CALL(DOMAIN_SET_AUTOSTART,    ARGS(domain_set_autostart), NONE,          HIGH | WRITE),

    /* §5.4 Domain lookup and queries. */
    CALL(DOMAIN_LOOKUP_BY_ID,     ARGS(domain_lookup_by_id),
                                  RET(domain_lookup_by_id),                  HIGH),
    CALL(DOMAIN_LOOKUP_BY_NAME,   ARGS(domain_lookup_by_name),
                                  RET(domain_lookup_by_name),                HIGH),
    CALL(DOMAIN_LOOKUP_BY_UUID,   ARGS(domain_lookup_by_uuid),
                                  RET(domain_lookup_by_uuid),                HIGH),
    CALL(DOMAIN_GET_INFO,         ARGS(domain_get_info),
                                  RET(domain_get_info),                      LOW),
    CALL(DOMAIN_GET_STATE,        ARGS(domain_get_state),
                                  RET(domain_get_state),                     HIGH),
    CALL(DOMAIN_GET_XML_DESC,     ARGS(domain_get_xml_desc),
                                  RET(domain_get_xml_desc),                  LOW),
    CALL(DOMAIN_GET_OS_TYPE,      ARGS(domain_get_os_type),
                                  RET(domain_get_os_type),                   HIGH),
    CALL(DOMAIN_GET_MAX_MEMORY,   ARGS(domain_get_max_memory),
                                  RET(domain_get_max_memory),                HIGH),
    CALL(DOMAIN_GET_VCPUS_FLAGS,  ARGS(domain_get_vcpus_flags),
                                  RET(domain_get_vcpus_flags),               LOW),
    CALL(DOMAIN_IS_ACTIVE,        ARGS(domain_is_active),
                                  RET(domain_is_active),                     HIGH),
    CALL(DOMAIN_IS_PERSISTENT,    ARGS(domain_is_persistent),
                                  RET(domain_is_persistent),                 HIGH),
    CALL(DOMAIN_IS_UPDATED,       ARGS(domain_is_updated),
                                  RET(domain_is_updated),                    HIGH),
    CALL(DOMAIN_GET_AUTOSTART,    ARGS(domain_get_autostart),
                                  RET(domain_get_autostart),                 HIGH),
    CALL(DOMAIN_HAS_MANAGED_SAVE_IMAGE, ARGS(domain_has_managed_save_image),
                                  RET(domain_has_managed_save_image),        LOW),
    CALL(DOMAIN_GET_SECURITY_LABEL, ARGS(domain_get_security_label),
                                  RET(domain_get_security_label),            HIGH),
    CALL(DOMAIN_GET_CONTROL_INFO, ARGS(domain_get_control_info),
                                  RET(domain_get_control_info),              HIGH),

    /* §5.5 Also sent by virsh 9.0 for the commands in scope. */
    CALL(DOMAIN_GET_MESSAGES,     ARGS(domain_get_messages),
                                  RET(domain_get_messages),                  LOW),
    CALL(DOMAIN_SNAPSHOT_NUM,     ARGS(domain_snapshot_num),
                                  RET(domain_snapshot_num),                  HIGH),
    CALL(DOMAIN_SNAPSHOT_LIST_NAMES, ARGS(domain_snapshot_list_names),
                                  RET(domain_snapshot_list_names),           HIGH),

    /* Consoles: the reply opens a stream of the guest's console bytes.
     * libvirt refuses it on a read-only connection. */
    CALL(DOMAIN_OPEN_CONSOLE,     ARGS(domain_open_console), NONE,           LOW | WRITE | STREAM),

    /* §5.6 Event registration: allowed on read-only connections. */
    CALL(CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
         ARGS(connect_domain_event_callback_register_any),
         RET(connect_domain_event_callback_register_any),                    HIGH),
    CALL(CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
         ARGS(connect_domain_event_callback_deregister_any), NONE,           HIGH),
    CALL(CONNECT_DOMAIN_EVENT_REGISTER, NONE,
         RET(connect_domain_event_register),                                 HIGH),
    CALL(CONNECT_DOMAIN_EVENT_DEREGISTER, NONE,
         RET(connect_domain_event_deregister),                               HIGH),
    CALL(CONNECT_DOMAIN_EVENT_REGISTER_ANY,
         ARGS(connect_domain_event_register_any), NONE,                      HIGH),
    CALL(CONNECT_DOMAIN_EVENT_DEREGISTER_ANY,
         ARGS(connect_domain_event_deregister_any), NONE,                    HIGH),

    /* §5.7 Event messages. */
    EVENT(DOMAIN_EVENT_CALLBACK_LIFECYCLE, MSG(domain_event_callback_lifecycle)),
    EVENT(DOMAIN_EVENT_CALLBACK_REBOOT,    MSG(domain_event_callback_reboot)),
    EVENT(DOMAIN_EVENT_LIFECYCLE,          MSG(domain_event_lifecycle)),
    EVENT(DOMAIN_EVENT_REBOOT,             MSG(domain_event_reboot)),
    EVENT(CONNECT_EVENT_CONNECTION_CLOSED, MSG(connect_event_connection_closed)),
    /* Domain monitoring. */
    CALL(DOMAIN_GET_VCPUS,        ARGS(domain_get_vcpus),
                                  RET(domain_get_vcpus),                     LOW),
    CALL(DOMAIN_GET_VCPU_PIN_INFO, ARGS(domain_get_vcpu_pin_info),
                                  RET(domain_get_vcpu_pin_info),             LOW),
    CALL(DOMAIN_GET_MAX_VCPUS,    ARGS(domain_get_max_vcpus),
                                  RET(domain_get_max_vcpus),                 HIGH),
    CALL(DOMAIN_MEMORY_STATS,     ARGS(domain_memory_stats),
                                  RET(domain_memory_stats),                  LOW),
    CALL(DOMAIN_BLOCK_STATS,      ARGS(domain_block_stats),
                                  RET(domain_block_stats),                   LOW),
    CALL(DOMAIN_INTERFACE_STATS,  ARGS(domain_interface_stats),
                                  RET(domain_interface_stats),               HIGH),
    CALL(DOMAIN_GET_BLOCK_INFO,   ARGS(domain_get_block_info),
                                  RET(domain_get_block_info),                LOW),
    CALL(DOMAIN_GET_DISK_ERRORS,  ARGS(domain_get_disk_errors),
                                  RET(domain_get_disk_errors),               LOW),
    CALL(DOMAIN_GET_CPU_STATS,    ARGS(domain_get_cpu_stats),
                                  RET(domain_get_cpu_stats),                 LOW),
    CALL(DOMAIN_INTERFACE_ADDRESSES, ARGS(domain_interface_addresses),
                                  RET(domain_interface_addresses),           LOW),

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    CALL(DOMAIN_SET_MAX_MEMORY,   ARGS(domain_set_max_memory), NONE,         HIGH | WRITE),
    CALL(DOMAIN_SET_MEMORY,       ARGS(domain_set_memory), NONE,             LOW | WRITE),
    CALL(DOMAIN_SET_MEMORY_FLAGS, ARGS(domain_set_memory_flags), NONE,       LOW | WRITE),
    CALL(DOMAIN_SET_VCPUS,        ARGS(domain_set_vcpus), NONE,              LOW | WRITE),
    CALL(DOMAIN_SET_VCPUS_FLAGS,  ARGS(domain_set_vcpus_flags), NONE,        LOW | WRITE),
    CALL(DOMAIN_GET_SCHEDULER_TYPE, ARGS(domain_get_scheduler_type),
                                  RET(domain_get_scheduler_type),            HIGH),
    CALL(DOMAIN_GET_SCHEDULER_PARAMETERS,
         ARGS(domain_get_scheduler_parameters),
         RET(domain_get_scheduler_parameters),                               HIGH),
    CALL(DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
         ARGS(domain_get_scheduler_parameters_flags),
         RET(domain_get_scheduler_parameters_flags),                         HIGH),
    CALL(DOMAIN_SET_SCHEDULER_PARAMETERS,
         ARGS(domain_set_scheduler_parameters), NONE,                        HIGH | WRITE),
    CALL(DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
         ARGS(domain_set_scheduler_parameters_flags), NONE,                  HIGH | WRITE),
    CALL(DOMAIN_GET_MEMORY_PARAMETERS, ARGS(domain_get_memory_parameters),
                                  RET(domain_get_memory_parameters),         HIGH),
    CALL(DOMAIN_SET_MEMORY_PARAMETERS, ARGS(domain_set_memory_parameters),
                                  NONE,                                      HIGH | WRITE),
    CALL(DOMAIN_GET_METADATA,     ARGS(domain_get_metadata),
                                  RET(domain_get_metadata),                  HIGH),
    CALL(DOMAIN_SET_METADATA,     ARGS(domain_set_metadata), NONE,           HIGH | WRITE),
    CALL(DOMAIN_RENAME,           ARGS(domain_rename), RET(domain_rename),   LOW | WRITE),
    CALL(DOMAIN_SET_LIFECYCLE_ACTION, ARGS(domain_set_lifecycle_action),
                                  NONE,                                      HIGH | WRITE),

    /* Save, restore, managed save and snapshots. */
    CALL(DOMAIN_SAVE,             ARGS(domain_save), NONE,                   LOW | WRITE),
    CALL(DOMAIN_SAVE_FLAGS,       ARGS(domain_save_flags), NONE,             LOW | WRITE),
    CALL(DOMAIN_RESTORE,          ARGS(domain_restore), NONE,                LOW | WRITE),
    CALL(DOMAIN_RESTORE_FLAGS,    ARGS(domain_restore_flags), NONE,          LOW | WRITE),
    CALL(DOMAIN_SAVE_IMAGE_GET_XML_DESC, ARGS(domain_save_image_get_xml_desc),
                                  RET(domain_save_image_get_xml_desc),       HIGH),
    CALL(DOMAIN_SAVE_IMAGE_DEFINE_XML, ARGS(domain_save_image_define_xml),
                                  NONE,                                      HIGH | WRITE),
    CALL(DOMAIN_CORE_DUMP,        ARGS(domain_core_dump), NONE,              LOW | WRITE),
    CALL(DOMAIN_CORE_DUMP_WITH_FORMAT, ARGS(domain_core_dump_with_format),
                                  NONE,                                      LOW | WRITE),
    CALL(DOMAIN_MANAGED_SAVE,     ARGS(domain_managed_save), NONE,           LOW | WRITE),
    CALL(DOMAIN_MANAGED_SAVE_REMOVE, ARGS(domain_managed_save_remove), NONE, LOW | WRITE),
    CALL(DOMAIN_SNAPSHOT_CREATE_XML, ARGS(domain_snapshot_create_xml),
                                  RET(domain_snapshot_create_xml),           LOW | WRITE),
    CALL(DOMAIN_SNAPSHOT_GET_XML_DESC, ARGS(domain_snapshot_get_xml_desc),
                                  RET(domain_snapshot_get_xml_desc),         HIGH),
    CALL(DOMAIN_LIST_ALL_SNAPSHOTS, ARGS(domain_list_all_snapshots),
                                  RET(domain_list_all_snapshots),            HIGH),
    CALL(DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN,
                                  ARGS(domain_snapshot_list_all_children),
                                  RET(domain_snapshot_list_all_children),    HIGH),
    CALL(DOMAIN_SNAPSHOT_NUM_CHILDREN, ARGS(domain_snapshot_num_children),
                                  RET(domain_snapshot_num_children),         HIGH),
    CALL(DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES,
                                  ARGS(domain_snapshot_list_children_names),
                                  RET(domain_snapshot_list_children_names),  HIGH),
    CALL(DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, ARGS(domain_snapshot_lookup_by_name),
                                  RET(domain_snapshot_lookup_by_name),       HIGH),
    CALL(DOMAIN_HAS_CURRENT_SNAPSHOT, ARGS(domain_has_current_snapshot),
                                  RET(domain_has_current_snapshot),          LOW),
    CALL(DOMAIN_SNAPSHOT_CURRENT, ARGS(domain_snapshot_current),
                                  RET(domain_snapshot_current),              LOW),
    CALL(DOMAIN_SNAPSHOT_GET_PARENT, ARGS(domain_snapshot_get_parent),
                                  RET(domain_snapshot_get_parent),           HIGH),
    CALL(DOMAIN_SNAPSHOT_IS_CURRENT, ARGS(domain_snapshot_is_current),
                                  RET(domain_snapshot_is_current),           LOW),
    CALL(DOMAIN_SNAPSHOT_HAS_METADATA, ARGS(domain_snapshot_has_metadata),
                                  RET(domain_snapshot_has_metadata),         LOW),
    CALL(DOMAIN_REVERT_TO_SNAPSHOT, ARGS(domain_revert_to_snapshot), NONE,   LOW | WRITE),
    CALL(DOMAIN_SNAPSHOT_DELETE,  ARGS(domain_snapshot_delete), NONE,        LOW | WRITE),
    /* The reply names the image's type; its bytes follow as a stream. */
    CALL(DOMAIN_SCREENSHOT,       ARGS(domain_screenshot),
                                  RET(domain_screenshot),                    LOW | WRITE | STREAM),

    /* Devices and guest operations. */
    /* libvirt refuses every one of these on a read-only connection, the
     * queries too: they reach into the guest. */
    CALL(DOMAIN_ATTACH_DEVICE,    ARGS(domain_attach_device), NONE,          LOW | WRITE),
    CALL(DOMAIN_ATTACH_DEVICE_FLAGS, ARGS(domain_attach_device_flags), NONE, LOW | WRITE),
    CALL(DOMAIN_DETACH_DEVICE,    ARGS(domain_detach_device), NONE,          LOW | WRITE),
    CALL(DOMAIN_DETACH_DEVICE_FLAGS, ARGS(domain_detach_device_flags), NONE, LOW | WRITE),
    CALL(DOMAIN_UPDATE_DEVICE_FLAGS, ARGS(domain_update_device_flags), NONE, LOW | WRITE),
    CALL(DOMAIN_DETACH_DEVICE_ALIAS, ARGS(domain_detach_device_alias), NONE, LOW | WRITE),
    CALL(DOMAIN_GET_HOSTNAME,     ARGS(domain_get_hostname),
                                  RET(domain_get_hostname),                  LOW | WRITE),
    CALL(DOMAIN_GET_TIME,         ARGS(domain_get_time),
                                  RET(domain_get_time),                      LOW | WRITE),
    CALL(DOMAIN_SET_TIME,         ARGS(domain_set_time), NONE,               LOW | WRITE),
    CALL(DOMAIN_FSFREEZE,         ARGS(domain_fsfreeze),
                                  RET(domain_fsfreeze),                      LOW | WRITE),
    CALL(DOMAIN_FSTHAW,           ARGS(domain_fsthaw),
                                  RET(domain_fsthaw),                        LOW | WRITE),
    CALL(DOMAIN_FSTRIM,           ARGS(domain_fstrim), NONE,                 LOW | WRITE),
    CALL(DOMAIN_GET_FSINFO,       ARGS(domain_get_fsinfo),
                                  RET(domain_get_fsinfo),                    LOW | WRITE),
    CALL(DOMAIN_SET_USER_PASSWORD, ARGS(domain_set_user_password), NONE,     LOW | WRITE),
    CALL(DOMAIN_SEND_KEY,         ARGS(domain_send_key), NONE,               LOW | WRITE),
    CALL(DOMAIN_SEND_PROCESS_SIGNAL, ARGS(domain_send_process_signal), NONE, LOW | WRITE),
    CALL(DOMAIN_INJECT_NMI,       ARGS(domain_inject_nmi), NONE,             LOW | WRITE),
    CALL(DOMAIN_GET_LAUNCH_SECURITY_INFO, ARGS(domain_get_launch_security_info),
                                  RET(domain_get_launch_security_info),      LOW | WRITE),

    /* Host and hypervisor. */
    CALL(NODE_GET_CELLS_FREE_MEMORY, ARGS(node_get_cells_free_memory),
                                  RET(node_get_cells_free_memory),           HIGH),
    CALL(NODE_GET_FREE_MEMORY,    NONE, RET(node_get_free_memory),           HIGH),
    CALL(CONNECT_BASELINE_CPU,    ARGS(connect_baseline_cpu),
                                  RET(connect_baseline_cpu),                 LOW),
    CALL(NODE_GET_CPU_STATS,      ARGS(node_get_cpu_stats),
                                  RET(node_get_cpu_stats),                   HIGH),
    CALL(NODE_GET_MEMORY_STATS,   ARGS(node_get_memory_stats),
                                  RET(node_get_memory_stats),                HIGH),
    CALL(NODE_GET_CPU_MAP,        ARGS(node_get_cpu_map),
                                  RET(node_get_cpu_map),                     HIGH),
    CALL(CONNECT_GET_CPU_MODEL_NAMES, ARGS(connect_get_cpu_model_names),
                                  RET(connect_get_cpu_model_names),          HIGH),
    CALL(NODE_GET_FREE_PAGES,     ARGS(node_get_free_pages),
                                  RET(node_get_free_pages),                  LOW),

    /* Domain events. */
    /* Ids 2..15: the legacy message, then the callback one. */
    EVENT(DOMAIN_EVENT_RTC_CHANGE, MSG(domain_event_rtc_change)),
    EVENT(DOMAIN_EVENT_CALLBACK_RTC_CHANGE, MSG(domain_event_callback_rtc_change)),
    EVENT(DOMAIN_EVENT_WATCHDOG, MSG(domain_event_watchdog)),
    EVENT(DOMAIN_EVENT_CALLBACK_WATCHDOG, MSG(domain_event_callback_watchdog)),
    EVENT(DOMAIN_EVENT_IO_ERROR, MSG(domain_event_io_error)),
    EVENT(DOMAIN_EVENT_CALLBACK_IO_ERROR, MSG(domain_event_callback_io_error)),
    EVENT(DOMAIN_EVENT_GRAPHICS, MSG(domain_event_graphics)),
    EVENT(DOMAIN_EVENT_CALLBACK_GRAPHICS, MSG(domain_event_callback_graphics)),
    EVENT(DOMAIN_EVENT_IO_ERROR_REASON, MSG(domain_event_io_error_reason)),
    EVENT(DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON, MSG(domain_event_callback_io_error_reason)),
    EVENT(DOMAIN_EVENT_CONTROL_ERROR, MSG(domain_event_control_error)),
    EVENT(DOMAIN_EVENT_CALLBACK_CONTROL_ERROR, MSG(domain_event_callback_control_error)),
    EVENT(DOMAIN_EVENT_BLOCK_JOB, MSG(domain_event_block_job)),
    EVENT(DOMAIN_EVENT_CALLBACK_BLOCK_JOB, MSG(domain_event_callback_block_job)),
    EVENT(DOMAIN_EVENT_DISK_CHANGE, MSG(domain_event_disk_change)),
    EVENT(DOMAIN_EVENT_CALLBACK_DISK_CHANGE, MSG(domain_event_callback_disk_change)),
    EVENT(DOMAIN_EVENT_TRAY_CHANGE, MSG(domain_event_tray_change)),
    EVENT(DOMAIN_EVENT_CALLBACK_TRAY_CHANGE, MSG(domain_event_callback_tray_change)),
    EVENT(DOMAIN_EVENT_PMWAKEUP, MSG(domain_event_pmwakeup)),
    EVENT(DOMAIN_EVENT_CALLBACK_PMWAKEUP, MSG(domain_event_callback_pmwakeup)),
    EVENT(DOMAIN_EVENT_PMSUSPEND, MSG(domain_event_pmsuspend)),
    EVENT(DOMAIN_EVENT_CALLBACK_PMSUSPEND, MSG(domain_event_callback_pmsuspend)),
    EVENT(DOMAIN_EVENT_BALLOON_CHANGE, MSG(domain_event_balloon_change)),
    EVENT(DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE, MSG(domain_event_callback_balloon_change)),
    EVENT(DOMAIN_EVENT_PMSUSPEND_DISK, MSG(domain_event_pmsuspend_disk)),
    EVENT(DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK, MSG(domain_event_callback_pmsuspend_disk)),
    EVENT(DOMAIN_EVENT_DEVICE_REMOVED, MSG(domain_event_device_removed)),
    EVENT(DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, MSG(domain_event_callback_device_removed)),
    /* Later ids: the callback message only. */
    EVENT(DOMAIN_EVENT_BLOCK_JOB_2, MSG(domain_event_block_job_2)),
    EVENT(DOMAIN_EVENT_CALLBACK_TUNABLE, MSG(domain_event_callback_tunable)),
    EVENT(DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE, MSG(domain_event_callback_agent_lifecycle)),
    EVENT(DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, MSG(domain_event_callback_device_added)),
    EVENT(DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION, MSG(domain_event_callback_migration_iteration)),
    EVENT(DOMAIN_EVENT_CALLBACK_JOB_COMPLETED, MSG(domain_event_callback_job_completed)),
    EVENT(DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED, MSG(domain_event_callback_device_removal_failed)),
    EVENT(DOMAIN_EVENT_CALLBACK_METADATA_CHANGE, MSG(domain_event_callback_metadata_change)),
    EVENT(DOMAIN_EVENT_BLOCK_THRESHOLD, MSG(domain_event_block_threshold)),
    EVENT(DOMAIN_EVENT_MEMORY_FAILURE, MSG(domain_event_memory_failure)),
    EVENT(DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE, MSG(domain_event_memory_device_size_change)),

    /* Domain tuning: pinning, NUMA and I/O threads. */
    CALL(DOMAIN_PIN_VCPU,         ARGS(domain_pin_vcpu), NONE,               LOW | WRITE),
    CALL(DOMAIN_PIN_VCPU_FLAGS,   ARGS(domain_pin_vcpu_flags), NONE,         LOW | WRITE),
    CALL(DOMAIN_PIN_EMULATOR,     ARGS(domain_pin_emulator), NONE,           LOW | WRITE),
    CALL(DOMAIN_GET_EMULATOR_PIN_INFO, ARGS(domain_get_emulator_pin_info),
                                  RET(domain_get_emulator_pin_info),         LOW),
    CALL(DOMAIN_GET_NUMA_PARAMETERS, ARGS(domain_get_numa_parameters),
                                  RET(domain_get_numa_parameters),           LOW),
    CALL(DOMAIN_SET_NUMA_PARAMETERS, ARGS(domain_set_numa_parameters),
                                  NONE,                                      LOW | WRITE),
    CALL(DOMAIN_GET_IOTHREAD_INFO, ARGS(domain_get_iothread_info),
                                  RET(domain_get_iothread_info),             LOW),
    CALL(DOMAIN_PIN_IOTHREAD,     ARGS(domain_pin_iothread), NONE,           LOW | WRITE),
    CALL(DOMAIN_ADD_IOTHREAD,     ARGS(domain_add_iothread), NONE,           LOW | WRITE),
    CALL(DOMAIN_DEL_IOTHREAD,     ARGS(domain_del_iothread), NONE,           LOW | WRITE),
    CALL(DOMAIN_SET_IOTHREAD_PARAMS, ARGS(domain_set_iothread_params),
                                  NONE,                                      LOW | WRITE),

    /* Domain tuning: block and interface I/O, perf. */
    CALL(DOMAIN_GET_BLKIO_PARAMETERS, ARGS(domain_get_blkio_parameters),
                                  RET(domain_get_blkio_parameters),          HIGH),
    CALL(DOMAIN_SET_BLKIO_PARAMETERS, ARGS(domain_set_blkio_parameters),
                                  NONE,                                      HIGH | WRITE),
    CALL(DOMAIN_GET_BLOCK_IO_TUNE, ARGS(domain_get_block_io_tune),
                                  RET(domain_get_block_io_tune),             LOW),
    CALL(DOMAIN_SET_BLOCK_IO_TUNE, ARGS(domain_set_block_io_tune),
                                  NONE,                                      LOW | WRITE),
    CALL(DOMAIN_GET_INTERFACE_PARAMETERS,
         ARGS(domain_get_interface_parameters),
         RET(domain_get_interface_parameters),                               LOW),
    CALL(DOMAIN_SET_INTERFACE_PARAMETERS,
         ARGS(domain_set_interface_parameters), NONE,                        LOW | WRITE),
    CALL(DOMAIN_GET_PERF_EVENTS,  ARGS(domain_get_perf_events),
                                  RET(domain_get_perf_events),               HIGH),
    CALL(DOMAIN_SET_PERF_EVENTS,  ARGS(domain_set_perf_events), NONE,        HIGH | WRITE),

    /* Networks. */
    CALL(CONNECT_NUM_OF_NETWORKS, NONE, RET(connect_num_of_networks), HIGH),
    CALL(CONNECT_LIST_NETWORKS, ARGS(connect_list_networks), RET(connect_list_networks), HIGH),
    CALL(CONNECT_NUM_OF_DEFINED_NETWORKS, NONE, RET(connect_num_of_defined_networks), HIGH),
    CALL(CONNECT_LIST_DEFINED_NETWORKS, ARGS(connect_list_defined_networks), RET(connect_list_defined_networks), HIGH),
    CALL(CONNECT_LIST_ALL_NETWORKS, ARGS(connect_list_all_networks), RET(connect_list_all_networks), HIGH),
    CALL(NETWORK_LOOKUP_BY_NAME, ARGS(network_lookup_by_name), RET(network_lookup_by_name), HIGH),
    CALL(NETWORK_LOOKUP_BY_UUID, ARGS(network_lookup_by_uuid), RET(network_lookup_by_uuid), HIGH),
    CALL(NETWORK_CREATE_XML, ARGS(network_create_xml), RET(network_create_xml), WRITE),
    CALL(NETWORK_CREATE_XML_FLAGS, ARGS(network_create_xml_flags), RET(network_create_xml_flags), WRITE),
    CALL(NETWORK_DEFINE_XML, ARGS(network_define_xml), RET(network_define_xml), HIGH | WRITE),
    CALL(NETWORK_DEFINE_XML_FLAGS, ARGS(network_define_xml_flags), RET(network_define_xml_flags), HIGH | WRITE),
    CALL(NETWORK_UNDEFINE, ARGS(network_undefine), NONE, HIGH | WRITE),
    CALL(NETWORK_CREATE, ARGS(network_create), NONE, WRITE),
    CALL(NETWORK_DESTROY, ARGS(network_destroy), NONE, HIGH | WRITE),
    CALL(NETWORK_UPDATE, ARGS(network_update), NONE, WRITE),
    CALL(NETWORK_GET_XML_DESC, ARGS(network_get_xml_desc), RET(network_get_xml_desc), HIGH),
    CALL(NETWORK_GET_BRIDGE_NAME, ARGS(network_get_bridge_name), RET(network_get_bridge_name), HIGH),
    CALL(NETWORK_GET_AUTOSTART, ARGS(network_get_autostart), RET(network_get_autostart), HIGH),
    CALL(NETWORK_SET_AUTOSTART, ARGS(network_set_autostart), NONE, HIGH | WRITE),
    CALL(NETWORK_IS_ACTIVE, ARGS(network_is_active), RET(network_is_active), HIGH),
    CALL(NETWORK_IS_PERSISTENT, ARGS(network_is_persistent), RET(network_is_persistent), HIGH),

    /* Storage pools and volumes. */
    CALL(CONNECT_NUM_OF_STORAGE_POOLS, NONE, RET(connect_num_of_storage_pools), HIGH),
    CALL(CONNECT_LIST_STORAGE_POOLS, ARGS(connect_list_storage_pools),
                                  RET(connect_list_storage_pools),           HIGH),
    CALL(CONNECT_NUM_OF_DEFINED_STORAGE_POOLS, NONE,
                                  RET(connect_num_of_defined_storage_pools), HIGH),
    CALL(CONNECT_LIST_DEFINED_STORAGE_POOLS, ARGS(connect_list_defined_storage_pools),
                                  RET(connect_list_defined_storage_pools),   HIGH),
    CALL(CONNECT_FIND_STORAGE_POOL_SOURCES, ARGS(connect_find_storage_pool_sources),
                                  RET(connect_find_storage_pool_sources),    LOW | WRITE),
    CALL(STORAGE_POOL_CREATE_XML, ARGS(storage_pool_create_xml),
                                  RET(storage_pool_create_xml),              LOW | WRITE),
    CALL(STORAGE_POOL_DEFINE_XML, ARGS(storage_pool_define_xml),
                                  RET(storage_pool_define_xml),              HIGH | WRITE),
    CALL(STORAGE_POOL_CREATE,     ARGS(storage_pool_create), NONE,           LOW | WRITE),
    CALL(STORAGE_POOL_BUILD,      ARGS(storage_pool_build), NONE,            LOW | WRITE),
    CALL(STORAGE_POOL_DESTROY,    ARGS(storage_pool_destroy), NONE,          HIGH | WRITE),
    CALL(STORAGE_POOL_DELETE,     ARGS(storage_pool_delete), NONE,           LOW | WRITE),
    CALL(STORAGE_POOL_UNDEFINE,   ARGS(storage_pool_undefine), NONE,         HIGH | WRITE),
    CALL(STORAGE_POOL_REFRESH,    ARGS(storage_pool_refresh), NONE,          LOW | WRITE),
    CALL(STORAGE_POOL_LOOKUP_BY_NAME, ARGS(storage_pool_lookup_by_name),
                                  RET(storage_pool_lookup_by_name),          HIGH),
    CALL(STORAGE_POOL_LOOKUP_BY_UUID, ARGS(storage_pool_lookup_by_uuid),
                                  RET(storage_pool_lookup_by_uuid),          HIGH),
    CALL(STORAGE_POOL_LOOKUP_BY_VOLUME, ARGS(storage_pool_lookup_by_volume),
                                  RET(storage_pool_lookup_by_volume),        HIGH),
    CALL(STORAGE_POOL_GET_INFO,   ARGS(storage_pool_get_info),
                                  RET(storage_pool_get_info),                HIGH),
    CALL(STORAGE_POOL_GET_XML_DESC, ARGS(storage_pool_get_xml_desc),
                                  RET(storage_pool_get_xml_desc),            HIGH),
    CALL(STORAGE_POOL_GET_AUTOSTART, ARGS(storage_pool_get_autostart),
                                  RET(storage_pool_get_autostart),           HIGH),
    CALL(STORAGE_POOL_SET_AUTOSTART, ARGS(storage_pool_set_autostart), NONE, HIGH | WRITE),
    CALL(STORAGE_POOL_NUM_OF_VOLUMES, ARGS(storage_pool_num_of_volumes),
                                  RET(storage_pool_num_of_volumes),          HIGH),
    CALL(STORAGE_POOL_LIST_VOLUMES, ARGS(storage_pool_list_volumes),
                                  RET(storage_pool_list_volumes),            HIGH),
    CALL(STORAGE_VOL_CREATE_XML,  ARGS(storage_vol_create_xml),
                                  RET(storage_vol_create_xml),               LOW | WRITE),
    CALL(STORAGE_VOL_DELETE,      ARGS(storage_vol_delete), NONE,            LOW | WRITE),
    CALL(STORAGE_VOL_LOOKUP_BY_NAME, ARGS(storage_vol_lookup_by_name),
                                  RET(storage_vol_lookup_by_name),           HIGH),
    CALL(STORAGE_VOL_LOOKUP_BY_KEY, ARGS(storage_vol_lookup_by_key),
                                  RET(storage_vol_lookup_by_key),            HIGH),
    CALL(STORAGE_VOL_LOOKUP_BY_PATH, ARGS(storage_vol_lookup_by_path),
                                  RET(storage_vol_lookup_by_path),           HIGH),
    CALL(STORAGE_VOL_GET_INFO,    ARGS(storage_vol_get_info),
                                  RET(storage_vol_get_info),                 HIGH),
    CALL(STORAGE_VOL_GET_XML_DESC, ARGS(storage_vol_get_xml_desc),
                                  RET(storage_vol_get_xml_desc),             HIGH),
    CALL(STORAGE_VOL_GET_PATH,    ARGS(storage_vol_get_path),
                                  RET(storage_vol_get_path),                 HIGH),
    CALL(STORAGE_VOL_CREATE_XML_FROM, ARGS(storage_vol_create_xml_from),
                                  RET(storage_vol_create_xml_from),          LOW | WRITE),
    CALL(STORAGE_POOL_IS_ACTIVE,  ARGS(storage_pool_is_active),
                                  RET(storage_pool_is_active),               HIGH),
    CALL(STORAGE_POOL_IS_PERSISTENT, ARGS(storage_pool_is_persistent),
                                  RET(storage_pool_is_persistent),           HIGH),
    CALL(CONNECT_LIST_ALL_STORAGE_POOLS, ARGS(connect_list_all_storage_pools),
                                  RET(connect_list_all_storage_pools),       HIGH),
    CALL(STORAGE_POOL_LIST_ALL_VOLUMES, ARGS(storage_pool_list_all_volumes),
                                  RET(storage_pool_list_all_volumes),        HIGH),

    /* Node devices and host interfaces. */
    CALL(NODE_NUM_OF_DEVICES, ARGS(node_num_of_devices),
         RET(node_num_of_devices), HIGH),
    CALL(NODE_LIST_DEVICES, ARGS(node_list_devices),
         RET(node_list_devices), HIGH),
    CALL(NODE_DEVICE_LOOKUP_BY_NAME, ARGS(node_device_lookup_by_name),
         RET(node_device_lookup_by_name), HIGH),
    CALL(NODE_DEVICE_GET_XML_DESC, ARGS(node_device_get_xml_desc),
         RET(node_device_get_xml_desc), LOW),
    CALL(NODE_DEVICE_GET_PARENT, ARGS(node_device_get_parent),
         RET(node_device_get_parent), HIGH),
    CALL(NODE_DEVICE_NUM_OF_CAPS, ARGS(node_device_num_of_caps),
         RET(node_device_num_of_caps), HIGH),
    CALL(NODE_DEVICE_LIST_CAPS, ARGS(node_device_list_caps),
         RET(node_device_list_caps), HIGH),
    CALL(NODE_DEVICE_CREATE_XML, ARGS(node_device_create_xml),
         RET(node_device_create_xml), WRITE),
    CALL(NODE_DEVICE_DESTROY, ARGS(node_device_destroy),
         NONE, HIGH | WRITE),
    CALL(CONNECT_NUM_OF_INTERFACES, NONE,
         RET(connect_num_of_interfaces), HIGH),
    CALL(CONNECT_LIST_INTERFACES, ARGS(connect_list_interfaces),
         RET(connect_list_interfaces), HIGH),
    CALL(INTERFACE_LOOKUP_BY_NAME, ARGS(interface_lookup_by_name),
         RET(interface_lookup_by_name), HIGH),
    CALL(INTERFACE_LOOKUP_BY_MAC_STRING, ARGS(interface_lookup_by_mac_string),
         RET(interface_lookup_by_mac_string), HIGH),
    CALL(INTERFACE_GET_XML_DESC, ARGS(interface_get_xml_desc),
         RET(interface_get_xml_desc), LOW),
    CALL(INTERFACE_DEFINE_XML, ARGS(interface_define_xml),
         RET(interface_define_xml), HIGH | WRITE),
    CALL(INTERFACE_UNDEFINE, ARGS(interface_undefine),
         NONE, HIGH | WRITE),
    CALL(INTERFACE_CREATE, ARGS(interface_create),
         NONE, WRITE),
    CALL(INTERFACE_DESTROY, ARGS(interface_destroy),
         NONE, HIGH | WRITE),
    CALL(CONNECT_NUM_OF_DEFINED_INTERFACES, NONE,
         RET(connect_num_of_defined_interfaces), HIGH),
    CALL(CONNECT_LIST_DEFINED_INTERFACES, ARGS(connect_list_defined_interfaces),
         RET(connect_list_defined_interfaces), HIGH),
    CALL(INTERFACE_IS_ACTIVE, ARGS(interface_is_active),
         RET(interface_is_active), HIGH),
    CALL(INTERFACE_CHANGE_BEGIN, ARGS(interface_change_begin),
         NONE, WRITE),
    CALL(INTERFACE_CHANGE_COMMIT, ARGS(interface_change_commit),
         NONE, WRITE),
    CALL(INTERFACE_CHANGE_ROLLBACK, ARGS(interface_change_rollback),
         NONE, WRITE),
    CALL(CONNECT_LIST_ALL_INTERFACES, ARGS(connect_list_all_interfaces),
         RET(connect_list_all_interfaces), HIGH),
    CALL(CONNECT_LIST_ALL_NODE_DEVICES, ARGS(connect_list_all_node_devices),
         RET(connect_list_all_node_devices), HIGH),

    /* Domain checkpoints. */
    CALL(DOMAIN_CHECKPOINT_CREATE_XML, ARGS(domain_checkpoint_create_xml),
                                  RET(domain_checkpoint_create_xml),         LOW | WRITE),
    CALL(DOMAIN_CHECKPOINT_GET_XML_DESC, ARGS(domain_checkpoint_get_xml_desc),
                                  RET(domain_checkpoint_get_xml_desc),       HIGH),
    CALL(DOMAIN_LIST_ALL_CHECKPOINTS, ARGS(domain_list_all_checkpoints),
                                  RET(domain_list_all_checkpoints),          HIGH),
    CALL(DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN,
                                  ARGS(domain_checkpoint_list_all_children),
                                  RET(domain_checkpoint_list_all_children),  HIGH),
    CALL(DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, ARGS(domain_checkpoint_lookup_by_name),
                                  RET(domain_checkpoint_lookup_by_name),     HIGH),
    CALL(DOMAIN_CHECKPOINT_GET_PARENT, ARGS(domain_checkpoint_get_parent),
                                  RET(domain_checkpoint_get_parent),         HIGH),
    CALL(DOMAIN_CHECKPOINT_DELETE, ARGS(domain_checkpoint_delete), NONE,     LOW | WRITE),

    /* Object events: networks, storage pools, node devices. */
    CALL(CONNECT_NETWORK_EVENT_REGISTER_ANY, ARGS(connect_network_event_register_any), RET(connect_network_event_register_any), HIGH),
    CALL(CONNECT_NETWORK_EVENT_DEREGISTER_ANY, ARGS(connect_network_event_deregister_any), NONE, HIGH),
    EVENT(NETWORK_EVENT_LIFECYCLE, MSG(network_event_lifecycle)),

    /* Storage pool and node device events. */
    CALL(CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, ARGS(connect_storage_pool_event_register_any), RET(connect_storage_pool_event_register_any), HIGH),
    CALL(CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, ARGS(connect_storage_pool_event_deregister_any), NONE, HIGH),
    EVENT(STORAGE_POOL_EVENT_LIFECYCLE, MSG(storage_pool_event_lifecycle)),
    EVENT(STORAGE_POOL_EVENT_REFRESH, MSG(storage_pool_event_refresh)),
    CALL(CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY, ARGS(connect_node_device_event_register_any), RET(connect_node_device_event_register_any), HIGH),
    CALL(CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, ARGS(connect_node_device_event_deregister_any), NONE, HIGH),
    EVENT(NODE_DEVICE_EVENT_LIFECYCLE, MSG(node_device_event_lifecycle)),
    EVENT(NODE_DEVICE_EVENT_UPDATE, MSG(node_device_event_update)),

    /* Network DHCP leases. */
    CALL(NETWORK_GET_DHCP_LEASES, ARGS(network_get_dhcp_leases), RET(network_get_dhcp_leases), LOW),
    /* Storage volume contents: upload and download open a stream. */
    CALL(STORAGE_VOL_WIPE,        ARGS(storage_vol_wipe), NONE,              LOW | WRITE),
    CALL(STORAGE_VOL_WIPE_PATTERN, ARGS(storage_vol_wipe_pattern), NONE,     LOW | WRITE),
    CALL(STORAGE_VOL_RESIZE,      ARGS(storage_vol_resize), NONE,            LOW | WRITE),
    CALL(STORAGE_VOL_UPLOAD,      ARGS(storage_vol_upload), NONE,            LOW | WRITE | STREAM),
    CALL(STORAGE_VOL_DOWNLOAD,    ARGS(storage_vol_download), NONE,          LOW | WRITE | STREAM),
    /* Domain capabilities. */
    CALL(CONNECT_GET_DOMAIN_CAPABILITIES, ARGS(connect_get_domain_capabilities), RET(connect_get_domain_capabilities), LOW),

    /* Block statistics as typed parameters. */
    CALL(DOMAIN_BLOCK_STATS_FLAGS, ARGS(domain_block_stats_flags),
                                  RET(domain_block_stats_flags),             LOW),
};

/* libvirt's QEMU program: what virsh qemu-monitor-command calls. libvirt
 * refuses it on a read-only connection, naming virDomainQemuMonitorCommand. */
static const struct wire_proc qemu_procs[] = {
    [QEMU_PROC_DOMAIN_MONITOR_COMMAND] = {
        .prog = WIRE_QEMU_PROGRAM,
        .number = QEMU_PROC_DOMAIN_MONITOR_COMMAND,
        .name = "DOMAIN_MONITOR_COMMAND",
        .api = "virDomainQemuMonitorCommand",
        .kind = WIRE_PROC_CALL,
        .args = { (xdrproc_t)xdr_qemu_domain_monitor_command_args,
                  sizeof(qemu_domain_monitor_command_args) },
        .ret = { (xdrproc_t)xdr_qemu_domain_monitor_command_ret,
                 sizeof(qemu_domain_monitor_command_ret) },
        .msg = NONE,
        .is_write = true,
    },
};

#define N_QEMU_PROCS (int)(sizeof(qemu_procs) / sizeof(qemu_procs[0]))

const struct wire_proc *
wire_proc_lookup(int number)
{
    if (number < 1 || number > WIRE_PROC_MAX)
        return NULL;
    /* Numbers vireo does not speak are holes with no name. */
    return procs[number].name != NULL ? &procs[number] : NULL;
}

const struct wire_proc *
wire_proc_find(uint32_t prog, int number)
{
    if (prog == WIRE_REMOTE_PROGRAM)
        return wire_proc_lookup(number);
    if (prog == WIRE_ADMIN_PROGRAM)
        return wire_admin_proc_find(number);
    if (prog != WIRE_QEMU_PROGRAM || number < 1 || number >= N_QEMU_PROCS)
        return NULL;
    return qemu_procs[number].name != NULL ? &qemu_procs[number] : NULL;
}

bool
wire_program_is_known(uint32_t prog)
{
    return prog == WIRE_REMOTE_PROGRAM || prog == WIRE_KEEPALIVE_PROGRAM ||
           prog == WIRE_QEMU_PROGRAM || prog == WIRE_ADMIN_PROGRAM;
}

bool
wire_program_has_version(uint32_t prog, uint32_t vers)
{
    switch (prog) {
    case WIRE_REMOTE_PROGRAM:
        return vers == WIRE_REMOTE_VERSION;
    case WIRE_KEEPALIVE_PROGRAM:
        return vers == WIRE_KEEPALIVE_VERSION;
    case WIRE_QEMU_PROGRAM:
        return vers == WIRE_QEMU_VERSION;
    case WIRE_ADMIN_PROGRAM:
        return vers == WIRE_ADMIN_VERSION;
    default:
        return false;
    }
}

/* Spec §5.7, indexed by event id. Legacy 0 = no legacy message. */
static const struct {
    int callback_proc;
    int legacy_proc;
} event_procs[WIRE_EVENT_ID_COUNT] = {
    [0]  = { 318, 107 },    /* LIFECYCLE */
    [1]  = { 319, 169 },    /* REBOOT */
    [2]  = { 320, 170 },    /* RTC_CHANGE */
    [3]  = { 321, 171 },    /* WATCHDOG */
    [4]  = { 322, 172 },    /* IO_ERROR */
    [5]  = { 323, 173 },    /* GRAPHICS */
    [6]  = { 324, 195 },    /* IO_ERROR_REASON */
    [7]  = { 325, 224 },    /* CONTROL_ERROR */
    [8]  = { 326, 241 },    /* BLOCK_JOB */
    [9]  = { 327, 248 },    /* DISK_CHANGE */
    [10] = { 328, 268 },    /* TRAY_CHANGE */
    [11] = { 329, 269 },    /* PMWAKEUP */
    [12] = { 330, 270 },    /* PMSUSPEND */
    [13] = { 331, 276 },    /* BALLOON_CHANGE */
    [14] = { 332, 292 },    /* PMSUSPEND_DISK */
    [15] = { 333, 311 },    /* DEVICE_REMOVED */
    [16] = { 339, 0 },      /* BLOCK_JOB_2 */
    [17] = { 346, 0 },      /* TUNABLE */
    [18] = { 348, 0 },      /* AGENT_LIFECYCLE */
    [19] = { 354, 0 },      /* DEVICE_ADDED */
    [20] = { 359, 0 },      /* MIGRATION_ITERATION */
    [21] = { 363, 0 },      /* JOB_COMPLETED */
    [22] = { 367, 0 },      /* DEVICE_REMOVAL_FAILED */
    [23] = { 379, 0 },      /* METADATA_CHANGE */
    [24] = { 385, 0 },      /* BLOCK_THRESHOLD */
    [25] = { 423, 0 },      /* MEMORY_FAILURE */
    [26] = { 438, 0 },      /* MEMORY_DEVICE_SIZE_CHANGE */
};

int
wire_event_callback_proc(int event_id)
{
    if (event_id < 0 || event_id >= WIRE_EVENT_ID_COUNT)
        return -1;
    return event_procs[event_id].callback_proc;
}

int
wire_event_legacy_proc(int event_id)
{
    if (event_id < 0 || event_id >= WIRE_EVENT_ID_COUNT)
        return -1;
    return event_procs[event_id].legacy_proc;
}
