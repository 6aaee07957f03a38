/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_domain.h: the slots of struct driver (driver.h) for domains:
 * lookups, lifecycle, consoles, events, tuning, save and snapshots,
 * devices, monitoring, capabilities and block statistics. Each slot's
 * comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Domains. */
    int (*conn_list_all_domains)(struct vireo_conn *conn,
                                 struct vireo_domain ***doms, unsigned flags,
                                 struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_name)(struct vireo_conn *conn,
                                                  const char *name,
                                                  struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_uuid)(struct vireo_conn *conn,
                                                  const unsigned char *uuid,
                                                  struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_id)(struct vireo_conn *conn,
                                                int id,
                                                struct vireo_error *err);
    struct vireo_domain *(*domain_define_xml)(struct vireo_conn *conn,
                                              const char *xml, unsigned flags,
                                              struct vireo_error *err);
    struct vireo_domain *(*domain_create_xml)(struct vireo_conn *conn,
                                              const char *xml, unsigned flags,
                                              struct vireo_error *err);
    int (*domain_undefine)(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
    int (*domain_create)(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err);
    int (*domain_destroy)(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err);
    int (*domain_shutdown)(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
    int (*domain_reboot)(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err);
    /* libvirt's virDomainReset: the guest is reset at once, as by its
     * reset button, without asking it. */
    int (*domain_reset)(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err);
    int (*domain_suspend)(struct vireo_domain *dom, struct vireo_error *err);
    int (*domain_resume)(struct vireo_domain *dom, struct vireo_error *err);
    int (*domain_get_info)(struct vireo_domain *dom,
                           struct vireo_domain_info *info,
                           struct vireo_error *err);
    int (*domain_get_state)(struct vireo_domain *dom, int *state, int *reason,
                            unsigned flags, struct vireo_error *err);
    char *(*domain_get_xml_desc)(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err);
    char *(*domain_get_os_type)(struct vireo_domain *dom,
                                struct vireo_error *err);
    int (*domain_get_security_label)(struct vireo_domain *dom,
                                     struct vireo_security_label *label,
                                     struct vireo_error *err);
    int (*domain_get_autostart)(struct vireo_domain *dom, int *autostart,
                                struct vireo_error *err);
    int (*domain_set_autostart)(struct vireo_domain *dom, int autostart,
                                struct vireo_error *err);
    int (*domain_is_active)(struct vireo_domain *dom,
                            struct vireo_error *err);
    int (*domain_is_persistent)(struct vireo_domain *dom,
                                struct vireo_error *err);
    /* 1 if a managed-save image exists for the domain, else 0. */
    int (*domain_has_managed_save_image)(struct vireo_domain *dom,
                                         unsigned flags,
                                         struct vireo_error *err);
    /* The number of snapshots the domain has. */
    int (*domain_snapshot_num)(struct vireo_domain *dom, unsigned flags,
                               struct vireo_error *err);
    /* The messages recorded about the domain (tainting, deprecations):
     * returns how many, n, or -1. *msgs is then a malloc'ed array of n
     * malloc'ed strings and a NULL, or NULL when n is 0; the caller frees
     * the strings and the array. */
    int (*domain_get_messages)(struct vireo_domain *dom, char ***msgs,
                               unsigned flags, struct vireo_error *err);

    /* libvirt's virDomainOpenConsole: the console (or serial port)
     * dev_name names by alias ("serial0", "console0"; NULL: the first),
     * as a non-blocking fd the caller reads the guest's output from and
     * writes its input to; the caller owns and closes it. flags are
     * VIR_DOMAIN_CONSOLE_FORCE and VIR_DOMAIN_CONSOLE_SAFE. */
    int (*domain_open_console)(struct vireo_domain *dom,
                               const char *dev_name, unsigned flags,
                               int *fd, struct vireo_error *err);
    /* libvirt-qemu's virDomainQemuMonitorCommand, for debugging: pass
     * cmd (a QMP command as JSON text) to the guest's monitor; *result is
     * QEMU's reply as malloc'ed JSON text. */
    int (*domain_qemu_monitor_command)(struct vireo_domain *dom,
                                       const char *cmd, char **result,
                                       unsigned flags,
                                       struct vireo_error *err);

    /* Lifecycle events: see domain_event.h for the delivery guarantees. */
    int (*domain_event_register_any)(struct vireo_conn *conn,
                                     struct vireo_domain *dom, int event_id,
                                     vireo_domain_event_generic_cb cb,
                                     void *opaque, vireo_free_cb free_cb,
                                     struct vireo_error *err);
    int (*domain_event_deregister_any)(struct vireo_conn *conn,
                                       int callback_id,
                                       struct vireo_error *err);
    /* Domain monitoring. */
    /* See vireo.h for what each reports. A domain that must be running
     * and is not gives VIR_ERR_OPERATION_INVALID. */
    int (*domain_get_vcpus)(struct vireo_domain *dom,
                            struct vireo_vcpu_info *info, int maxinfo,
                            unsigned char *cpumaps, int maplen,
                            struct vireo_error *err);
    int (*domain_get_vcpu_pin_info)(struct vireo_domain *dom, int ncpumaps,
                                    unsigned char *cpumaps, int maplen,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_get_vcpus_flags)(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
    int (*domain_get_max_vcpus)(struct vireo_domain *dom,
                                struct vireo_error *err);
    int (*domain_memory_stats)(struct vireo_domain *dom,
                               struct vireo_memory_stat *stats,
                               unsigned int nr_stats, unsigned flags,
                               struct vireo_error *err);
    int (*domain_block_stats)(struct vireo_domain *dom, const char *disk,
                              struct vireo_block_stats *stats,
                              struct vireo_error *err);
    int (*domain_interface_stats)(struct vireo_domain *dom,
                                  const char *device,
                                  struct vireo_interface_stats *stats,
                                  struct vireo_error *err);
    int (*domain_get_block_info)(struct vireo_domain *dom, const char *disk,
                                 struct vireo_block_info *info,
                                 unsigned flags, struct vireo_error *err);
    /* errors NULL: only the count. The disk names are malloc'ed. */
    int (*domain_get_disk_errors)(struct vireo_domain *dom,
                                  struct vireo_disk_error *errors,
                                  unsigned int maxerrors, unsigned flags,
                                  struct vireo_error *err);
    int (*domain_get_control_info)(struct vireo_domain *dom,
                                   struct vireo_domain_control_info *info,
                                   unsigned flags, struct vireo_error *err);
    int (*domain_is_updated)(struct vireo_domain *dom,
                             struct vireo_error *err);
    /* doms NULL: every domain the flags' filters select; else those
     * n_doms. *records as vireo_conn_get_all_domain_stats() returns it. */
    int (*conn_get_all_domain_stats)(struct vireo_conn *conn,
                                     struct vireo_domain **doms, int n_doms,
                                     unsigned int stats,
                                     struct vireo_domain_stats_record **records,
                                     unsigned flags, struct vireo_error *err);
    /* params: ncpus lists (one for the total), or NULL when nparams is
     * 0. See vireo_domain_get_cpu_stats(). */
    int (*domain_get_cpu_stats)(struct vireo_domain *dom,
                                struct vireo_typed_params *params,
                                unsigned int nparams, int start_cpu,
                                unsigned int ncpus, unsigned flags,
                                struct vireo_error *err);
    int (*domain_interface_addresses)(struct vireo_domain *dom,
                                      struct vireo_domain_interface **ifaces,
                                      unsigned int source, unsigned flags,
                                      struct vireo_error *err);

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    /* libvirt's virDomainSetMemoryFlags, which also stands for
     * virDomainSetMemory (flags VIR_DOMAIN_AFFECT_LIVE) and
     * virDomainSetMaxMemory (VIR_DOMAIN_MEM_MAXIMUM): the current memory,
     * or with MEM_MAXIMUM the maximum, in KiB, of the definitions flags
     * name (enum vireo_domain_modification_impact). */
    int (*domain_set_memory_flags)(struct vireo_domain *dom,
                                   unsigned long long memory_kib,
                                   unsigned flags, struct vireo_error *err);
    /* virDomainSetVcpusFlags (and virDomainSetVcpus, flags AFFECT_LIVE):
     * the vCPUs online, or with VIR_DOMAIN_VCPU_MAXIMUM the maximum. */
    int (*domain_set_vcpus_flags)(struct vireo_domain *dom, unsigned n_vcpus,
                                  unsigned flags, struct vireo_error *err);
    /* virDomainGetSchedulerType: the scheduler's name (malloc'ed) and how
     * many parameters it has. */
    char *(*domain_get_scheduler_type)(struct vireo_domain *dom,
                                       int *n_params,
                                       struct vireo_error *err);
    /* virDomainGetSchedulerParametersFlags (flags 0 for the form without):
     * every parameter, appended to an empty *params. */
    int (*domain_get_scheduler_params)(struct vireo_domain *dom,
                                       struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*domain_set_scheduler_params)(struct vireo_domain *dom,
                                       const struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    /* virDomainGetMemoryParameters / virDomainSetMemoryParameters: the
     * <memtune> limits, in KiB (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED when
     * none). */
    int (*domain_get_memory_params)(struct vireo_domain *dom,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_set_memory_params)(struct vireo_domain *dom,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainGetMetadata: the title, the description or (type
     * VIR_DOMAIN_METADATA_ELEMENT) the element of namespace uri, as
     * malloc'ed text; VIR_ERR_NO_DOMAIN_METADATA when there is none. */
    char *(*domain_get_metadata)(struct vireo_domain *dom, int type,
                                 const char *uri, unsigned flags,
                                 struct vireo_error *err);
    /* virDomainSetMetadata: metadata NULL (or empty) removes it; an element
     * is stored under namespace uri with prefix key. */
    int (*domain_set_metadata)(struct vireo_domain *dom, int type,
                               const char *metadata, const char *key,
                               const char *uri, unsigned flags,
                               struct vireo_error *err);
    /* virDomainRename: an inactive persistent domain takes new_name. */
    int (*domain_rename)(struct vireo_domain *dom, const char *new_name,
                         unsigned flags, struct vireo_error *err);
    /* virDomainSetLifecycleAction: type and action from enum
     * vireo_domain_lifecycle and enum vireo_domain_lifecycle_action. */
    int (*domain_set_lifecycle_action)(struct vireo_domain *dom,
                                       unsigned type, unsigned action,
                                       unsigned flags,
                                       struct vireo_error *err);

    /* Save, restore, managed save and snapshots. */
    /* libvirt's virDomainSaveFlags: stop the running domain, its state
     * written to the file `to` (a path on the driver's host, written by
     * the driver). dxml (a replacement definition) may be NULL. */
    int (*domain_save)(struct vireo_domain *dom, const char *to,
                       const char *dxml, unsigned flags,
                       struct vireo_error *err);
    /* virDomainRestoreFlags: run the domain the saved file `from` holds. */
    int (*domain_restore)(struct vireo_conn *conn, const char *from,
                          const char *dxml, unsigned flags,
                          struct vireo_error *err);
    /* virDomainSaveImageGetXMLDesc: the definition a saved file holds,
     * malloc'ed. */
    char *(*domain_save_image_get_xml_desc)(struct vireo_conn *conn,
                                            const char *file, unsigned flags,
                                            struct vireo_error *err);
    /* virDomainSaveImageDefineXML: replace the definition in a saved
     * file by dxml. */
    int (*domain_save_image_define_xml)(struct vireo_conn *conn,
                                        const char *file, const char *dxml,
                                        unsigned flags,
                                        struct vireo_error *err);
    /* virDomainCoreDumpWithFormat: write the running domain's memory to
     * `to` in dumpformat (enum vireo_domain_core_dump_format). */
    int (*domain_core_dump)(struct vireo_domain *dom, const char *to,
                            unsigned dumpformat, unsigned flags,
                            struct vireo_error *err);
    /* virDomainManagedSave and virDomainManagedSaveRemove: the image the
     * driver keeps itself, which the next start resumes from. */
    int (*domain_managed_save)(struct vireo_domain *dom, unsigned flags,
                               struct vireo_error *err);
    int (*domain_managed_save_remove)(struct vireo_domain *dom,
                                      unsigned flags,
                                      struct vireo_error *err);
    /* virDomainScreenshot: the malloc'ed MIME type of an image of the
     * screen, whose bytes the caller reads from *fd (its own, closed by
     * it) to the end. */
    char *(*domain_screenshot)(struct vireo_domain *dom, unsigned screen,
                               unsigned flags, int *fd,
                               struct vireo_error *err);
    /* The snapshot API, one slot per libvirt call of the same name. A
     * returned handle or array (of n handles) belongs to the caller
     * (handle_snapshot_unref, handle_snapshot_array_free). */
    struct vireo_domain_snapshot *(*domain_snapshot_create_xml)(
        struct vireo_domain *dom, const char *xml, unsigned flags,
        struct vireo_error *err);
    int (*domain_list_all_snapshots)(struct vireo_domain *dom,
                                     struct vireo_domain_snapshot ***snaps,
                                     unsigned flags, struct vireo_error *err);
    int (*domain_snapshot_list_all_children)(
        struct vireo_domain_snapshot *snap,
        struct vireo_domain_snapshot ***snaps, unsigned flags,
        struct vireo_error *err);
    int (*domain_snapshot_num_children)(struct vireo_domain_snapshot *snap,
                                        unsigned flags,
                                        struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_lookup_by_name)(
        struct vireo_domain *dom, const char *name, unsigned flags,
        struct vireo_error *err);
    int (*domain_has_current_snapshot)(struct vireo_domain *dom,
                                       unsigned flags,
                                       struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_current)(
        struct vireo_domain *dom, unsigned flags, struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_get_parent)(
        struct vireo_domain_snapshot *snap, unsigned flags,
        struct vireo_error *err);
    char *(*domain_snapshot_get_xml_desc)(struct vireo_domain_snapshot *snap,
                                          unsigned flags,
                                          struct vireo_error *err);
    int (*domain_snapshot_is_current)(struct vireo_domain_snapshot *snap,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*domain_snapshot_has_metadata)(struct vireo_domain_snapshot *snap,
                                        unsigned flags,
                                        struct vireo_error *err);
    int (*domain_revert_to_snapshot)(struct vireo_domain_snapshot *snap,
                                     unsigned flags,
                                     struct vireo_error *err);
    int (*domain_snapshot_delete)(struct vireo_domain_snapshot *snap,
                                  unsigned flags, struct vireo_error *err);

    /* Devices and guest operations. */
    /* libvirt's virDomainAttachDeviceFlags, virDomainDetachDeviceFlags and
     * virDomainUpdateDeviceFlags: xml is one device element (<disk>,
     * <interface> ...), flags VIR_DOMAIN_AFFECT_*. flags 0 stands for the
     * flag-less virDomainAttachDevice and virDomainDetachDevice, which
     * change the running domain. */
    int (*domain_attach_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    int (*domain_detach_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    int (*domain_update_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    /* Detach the device whose <alias name=...> is alias. */
    int (*domain_detach_device_alias)(struct vireo_domain *dom,
                                      const char *alias, unsigned flags,
                                      struct vireo_error *err);
    /* The guest's own hostname, malloc'ed (the caller frees it). */
    char *(*domain_get_hostname)(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err);
    /* The guest's clock, and setting it (VIR_DOMAIN_TIME_SYNC: from the
     * host's clock, ignoring seconds and nseconds). */
    int (*domain_get_time)(struct vireo_domain *dom, long long *seconds,
                           unsigned *nseconds, unsigned flags,
                           struct vireo_error *err);
    int (*domain_set_time)(struct vireo_domain *dom, long long seconds,
                           unsigned nseconds, unsigned flags,
                           struct vireo_error *err);
    /* Freeze or thaw the guest's file systems at the n_mountpoints mount
     * points (none: all of them); returns how many changed state. */
    int (*domain_fs_freeze)(struct vireo_domain *dom,
                            const char *const *mountpoints,
                            unsigned n_mountpoints, unsigned flags,
                            struct vireo_error *err);
    int (*domain_fs_thaw)(struct vireo_domain *dom,
                          const char *const *mountpoints,
                          unsigned n_mountpoints, unsigned flags,
                          struct vireo_error *err);
    /* Discard the unused blocks of mountpoint (NULL: every file system)
     * in runs of at least minimum bytes. */
    int (*domain_fs_trim)(struct vireo_domain *dom, const char *mountpoint,
                          unsigned long long minimum, unsigned flags,
                          struct vireo_error *err);
    /* The guest's mounted file systems: returns how many, n, with *info a
     * malloc'ed array of n records (NULL when n is 0), which the caller
     * frees with vireo_fs_info_list_free(). */
    int (*domain_get_fs_info)(struct vireo_domain *dom,
                              struct vireo_fs_info **info, unsigned flags,
                              struct vireo_error *err);
    /* Set a guest account's password (VIR_DOMAIN_PASSWORD_ENCRYPTED: it
     * is already encrypted). */
    int (*domain_set_user_password)(struct vireo_domain *dom,
                                    const char *user, const char *password,
                                    unsigned flags, struct vireo_error *err);
    /* Press n_keycodes keys (at most VIREO_DOMAIN_SEND_KEY_MAX) of codeset
     * (enum vireo_keycode_set) together for holdtime_ms. */
    int (*domain_send_key)(struct vireo_domain *dom, unsigned codeset,
                           unsigned holdtime_ms, const unsigned *keycodes,
                           int n_keycodes, unsigned flags,
                           struct vireo_error *err);
    /* Send libvirt's signal signum (enum vireo_domain_process_signal) to
     * the guest's process pid. */
    int (*domain_send_process_signal)(struct vireo_domain *dom,
                                      long long pid, unsigned signum,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*domain_inject_nmi)(struct vireo_domain *dom, unsigned flags,
                             struct vireo_error *err);
    /* The launch security measurements, appended to params (which the
     * caller clears). */
    int (*domain_get_launch_security_info)(struct vireo_domain *dom,
                                           struct vireo_typed_params *params,
                                           unsigned flags,
                                           struct vireo_error *err);

    /* Host and hypervisor. Each is its libvirt call; see vireo.h. */
    int   (*conn_get_max_vcpus)(struct vireo_conn *conn, const char *type,
                                struct vireo_error *err);
    char *(*conn_get_sysinfo)(struct vireo_conn *conn, unsigned flags,
                              struct vireo_error *err);
    /* params NULL: only set *n_params to how many figures there are. */
    int   (*node_get_cpu_stats)(struct vireo_conn *conn, int cpu_num,
                                struct vireo_node_stat *params,
                                int *n_params, unsigned flags,
                                struct vireo_error *err);
    int   (*node_get_memory_stats)(struct vireo_conn *conn, int cell_num,
                                   struct vireo_node_stat *params,
                                   int *n_params, unsigned flags,
                                   struct vireo_error *err);
    /* How many cells it filled (at least one), or -1. */
    int   (*node_get_cells_free_memory)(struct vireo_conn *conn,
                                        unsigned long long *free_bytes,
                                        int start_cell, int max_cells,
                                        struct vireo_error *err);
    int   (*node_get_free_memory)(struct vireo_conn *conn,
                                  unsigned long long *free_bytes,
                                  struct vireo_error *err);
    /* counts holds n_pages * cell_count figures. Returns how many it
     * set, which for libvirt's test driver is 0 (the daemon then fails
     * the call, as libvirtd does), or -1. */
    int   (*node_get_free_pages)(struct vireo_conn *conn, unsigned n_pages,
                                 const unsigned *pages_kib, int start_cell,
                                 unsigned cell_count,
                                 unsigned long long *counts, unsigned flags,
                                 struct vireo_error *err);
    /* cpumap and online may be NULL (not wanted); *cpumap is malloc'ed. */
    int   (*node_get_cpu_map)(struct vireo_conn *conn,
                              unsigned char **cpumap, unsigned *online,
                              unsigned flags, struct vireo_error *err);
    /* A guest CPU all the host CPUs (each a <cpu> element) can run, as
     * <cpu> XML, malloc'ed. */
    char *(*conn_baseline_cpu)(struct vireo_conn *conn,
                               const char *const *xml_cpus, unsigned n_cpus,
                               unsigned flags, struct vireo_error *err);
    /* models may be NULL (only count). */
    int   (*conn_get_cpu_model_names)(struct vireo_conn *conn,
                                      const char *arch, char ***models,
                                      unsigned flags,
                                      struct vireo_error *err);

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    /* CPU maps are maplen bytes, bit i of byte i / 8 for host CPU i;
     * flags are libvirt's virDomainModificationImpact. */
    /* virDomainPinVcpuFlags (virDomainPinVcpu with flags 0): vCPU vcpu
     * runs on the CPUs of cpumap. */
    int (*domain_pin_vcpu)(struct vireo_domain *dom, unsigned vcpu,
                           const unsigned char *cpumap, int maplen,
                           unsigned flags, struct vireo_error *err);
    /* virDomainPinEmulator / virDomainGetEmulatorPinInfo: the emulator's
     * threads; the getter fills cpumap and returns 1. */
    int (*domain_pin_emulator)(struct vireo_domain *dom,
                               const unsigned char *cpumap, int maplen,
                               unsigned flags, struct vireo_error *err);
    int (*domain_get_emulator_pin_info)(struct vireo_domain *dom,
                                        unsigned char *cpumap, int maplen,
                                        unsigned flags,
                                        struct vireo_error *err);
    /* virDomainGetNumaParameters / virDomainSetNumaParameters: the memory
     * policy on the host's NUMA nodes (VIR_DOMAIN_NUMA_MODE, an int, and
     * VIR_DOMAIN_NUMA_NODESET, a string). The getter returns 0, or with
     * params NULL how many parameters it gives (libvirt's nparams 0),
     * which libvirt's drivers tell before they look for the domain. */
    int (*domain_get_numa_params)(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    int (*domain_set_numa_params)(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    /* virDomainGetIOThreadInfo: *info a malloc'ed array of the count
     * returned (vireo_iothread_info_list_free); NULL when 0. */
    int (*domain_get_iothread_info)(struct vireo_domain *dom,
                                    struct vireo_iothread_info **info,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainPinIOThread, virDomainAddIOThread, virDomainDelIOThread,
     * virDomainSetIOThreadParams: I/O thread iothread_id. */
    int (*domain_pin_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id,
                               const unsigned char *cpumap, int maplen,
                               unsigned flags, struct vireo_error *err);
    int (*domain_add_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id, unsigned flags,
                               struct vireo_error *err);
    int (*domain_del_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id, unsigned flags,
                               struct vireo_error *err);
    int (*domain_set_iothread_params)(struct vireo_domain *dom,
                                      unsigned iothread_id,
                                      const struct vireo_typed_params *params,
                                      unsigned flags,
                                      struct vireo_error *err);

    /* Domain tuning: block and interface I/O, perf. */
    /* The getters below answer libvirt's two-step question: given params
     * NULL they return how many parameters they give (as libvirt's
     * drivers, without looking at the domain); else they fill params
     * and return 0. -1 with err set on failure. */
    /* virDomainGetBlkioParameters / virDomainSetBlkioParameters:
     * <blkiotune>'s weight, and its per-device values as strings
     * "path,value,path,value" (VIR_DOMAIN_BLKIO_DEVICE_WEIGHT ...). */
    int (*domain_get_blkio_params)(struct vireo_domain *dom,
                                   struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err);
    int (*domain_set_blkio_params)(struct vireo_domain *dom,
                                   const struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err);
    /* virDomainGetBlockIoTune / virDomainSetBlockIoTune: the <iotune> of
     * the disk named by its target or source path. */
    int (*domain_get_block_io_tune)(struct vireo_domain *dom,
                                    const char *disk,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_set_block_io_tune)(struct vireo_domain *dom,
                                    const char *disk,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainGetInterfaceParameters / virDomainSetInterfaceParameters:
     * the <bandwidth> of the interface named by its target device or
     * MAC address. */
    int (*domain_get_interface_params)(struct vireo_domain *dom,
                                       const char *device,
                                       struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*domain_set_interface_params)(
        struct vireo_domain *dom, const char *device,
        const struct vireo_typed_params *params, unsigned flags,
        struct vireo_error *err);
    /* virDomainGetPerfEvents / virDomainSetPerfEvents: <perf>, one
     * boolean per event libvirt knows (no two-step question here). */
    int (*domain_get_perf_events)(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    int (*domain_set_perf_events)(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);

    /* Domain capabilities: libvirt's virConnectGetDomainCapabilities. The
     * <domainCapabilities> document (malloc'ed, the caller's) for a guest
     * of that emulator binary, architecture, machine type and virt type;
     * any of them NULL picks the driver's default. NULL with err set:
     * VIR_ERR_INVALID_ARG for a combination the host cannot run. */
    char *(*conn_get_domain_capabilities)(struct vireo_conn *conn,
                                          const char *emulatorbin,
                                          const char *arch,
                                          const char *machine,
                                          const char *virttype,
                                          unsigned flags,
                                          struct vireo_error *err);

    /* Block statistics as typed parameters: libvirt's
     * virDomainBlockStatsFlags. The counters of the disk named by its
     * target or source path ("" for the sum over every disk), appended to
     * an empty *params under libvirt's names (VIR_DOMAIN_BLOCK_STATS_*:
     * "rd_operations", "rd_bytes", ...); with params NULL only their
     * number. Returns that number, or -1 with err set. */
    int (*domain_block_stats_flags)(struct vireo_domain *dom,
                                    const char *disk,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
