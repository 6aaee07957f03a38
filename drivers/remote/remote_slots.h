/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_slots.h: the functions behind remotedrv's table (remotedrv.c),
 * each named after its slot; see drivers/driver.h for their contracts.
 * Every one is one remote procedure call (start is two, as in libvirt;
 * is_encrypted asks CONNECT_IS_SECURE, as libvirt's client does).
 *   remote_host.c    host queries
 *   remote_domain.c  definitions and lifecycle
 *   remote_query.c   lookups, listing, per-domain queries
 *   remote_console.c consoles (streams) and monitor commands
 */
#ifndef VIREO_DRIVERS_REMOTE_SLOTS_H
#define VIREO_DRIVERS_REMOTE_SLOTS_H

#include "api/vireo.h"

/* remote_host.c */
int   remotedrv_conn_is_secure(struct vireo_conn *conn,
                               struct vireo_error *err);
int   remotedrv_conn_is_encrypted(struct vireo_conn *conn,
                                  struct vireo_error *err);
const char *remotedrv_conn_get_type(struct vireo_conn *conn,
                                    struct vireo_error *err);
int   remotedrv_conn_get_version(struct vireo_conn *conn,
                                 unsigned long long *version,
                                 struct vireo_error *err);
int   remotedrv_conn_get_lib_version(struct vireo_conn *conn,
                                     unsigned long long *version,
                                     struct vireo_error *err);
char *remotedrv_conn_get_hostname(struct vireo_conn *conn,
                                  struct vireo_error *err);
char *remotedrv_conn_get_capabilities(struct vireo_conn *conn,
                                      struct vireo_error *err);
int   remotedrv_node_get_info(struct vireo_conn *conn,
                              struct vireo_node_info *info,
                              struct vireo_error *err);
int   remotedrv_node_get_security_model(struct vireo_conn *conn,
                                        struct vireo_security_model *model,
                                        struct vireo_error *err);

/* remote_domain.c */
struct vireo_domain *remotedrv_domain_define_xml(struct vireo_conn *conn,
                                                 const char *xml,
                                                 unsigned flags,
                                                 struct vireo_error *err);
struct vireo_domain *remotedrv_domain_create_xml(struct vireo_conn *conn,
                                                 const char *xml,
                                                 unsigned flags,
                                                 struct vireo_error *err);
int remotedrv_domain_undefine(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err);
int remotedrv_domain_create(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err);
int remotedrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                             struct vireo_error *err);
int remotedrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err);
int remotedrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err);
int remotedrv_domain_suspend(struct vireo_domain *dom,
                             struct vireo_error *err);
int remotedrv_domain_resume(struct vireo_domain *dom,
                            struct vireo_error *err);
int remotedrv_domain_set_autostart(struct vireo_domain *dom, int autostart,
                                   struct vireo_error *err);

/* remote_query.c */
int remotedrv_conn_list_all_domains(struct vireo_conn *conn,
                                    struct vireo_domain ***doms,
                                    unsigned flags, struct vireo_error *err);
struct vireo_domain *remotedrv_domain_lookup_by_name(struct vireo_conn *conn,
                                                     const char *name,
                                                     struct vireo_error *err);
struct vireo_domain *remotedrv_domain_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
struct vireo_domain *remotedrv_domain_lookup_by_id(struct vireo_conn *conn,
                                                   int id,
                                                   struct vireo_error *err);
int remotedrv_domain_get_info(struct vireo_domain *dom,
                              struct vireo_domain_info *info,
                              struct vireo_error *err);
int remotedrv_domain_get_state(struct vireo_domain *dom, int *state,
                               int *reason, unsigned flags,
                               struct vireo_error *err);
char *remotedrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err);
int remotedrv_domain_get_security_label(struct vireo_domain *dom,
                                        struct vireo_security_label *label,
                                        struct vireo_error *err);
char *remotedrv_domain_get_os_type(struct vireo_domain *dom,
                                   struct vireo_error *err);
int remotedrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                                   struct vireo_error *err);
int remotedrv_domain_is_active(struct vireo_domain *dom,
                               struct vireo_error *err);
int remotedrv_domain_is_persistent(struct vireo_domain *dom,
                                   struct vireo_error *err);
int remotedrv_domain_has_managed_save_image(struct vireo_domain *dom,
                                            unsigned flags,
                                            struct vireo_error *err);
int remotedrv_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
int remotedrv_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                                  unsigned flags, struct vireo_error *err);

/* remote_console.c */
int remotedrv_domain_open_console(struct vireo_domain *dom,
                                  const char *dev_name, unsigned flags,
                                  int *fd, struct vireo_error *err);
int remotedrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                          const char *cmd, char **result,
                                          unsigned flags,
                                          struct vireo_error *err);

/* Domain monitoring. */
/* remote_monitor.c */
int remotedrv_domain_get_vcpus(struct vireo_domain *dom,
                               struct vireo_vcpu_info *info, int maxinfo,
                               unsigned char *cpumaps, int maplen,
                               struct vireo_error *err);
int remotedrv_domain_get_vcpu_pin_info(struct vireo_domain *dom, int ncpumaps,
                                       unsigned char *cpumaps, int maplen,
                                       unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_vcpus_flags(struct vireo_domain *dom, unsigned flags,
                                     struct vireo_error *err);
int remotedrv_domain_get_max_vcpus(struct vireo_domain *dom,
                                   struct vireo_error *err);
int remotedrv_domain_memory_stats(struct vireo_domain *dom,
                                  struct vireo_memory_stat *stats,
                                  unsigned int nr_stats, unsigned flags,
                                  struct vireo_error *err);
int remotedrv_domain_block_stats(struct vireo_domain *dom, const char *disk,
                                 struct vireo_block_stats *stats,
                                 struct vireo_error *err);
int remotedrv_domain_interface_stats(struct vireo_domain *dom,
                                     const char *device,
                                     struct vireo_interface_stats *stats,
                                     struct vireo_error *err);
int remotedrv_domain_get_block_info(struct vireo_domain *dom, const char *disk,
                                    struct vireo_block_info *info,
                                    unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_disk_errors(struct vireo_domain *dom,
                                     struct vireo_disk_error *errors,
                                     unsigned int maxerrors, unsigned flags,
                                     struct vireo_error *err);
int remotedrv_domain_get_control_info(struct vireo_domain *dom,
                                      struct vireo_domain_control_info *info,
                                      unsigned flags, struct vireo_error *err);
int remotedrv_domain_is_updated(struct vireo_domain *dom,
                                struct vireo_error *err);
int remotedrv_conn_get_all_domain_stats(struct vireo_conn *conn,
                                        struct vireo_domain **doms, int n_doms,
                                        unsigned int stats,
                                        struct vireo_domain_stats_record **records,
                                        unsigned flags, struct vireo_error *err);
/* remote_monitor_guest.c */
int remotedrv_domain_get_cpu_stats(struct vireo_domain *dom,
                                   struct vireo_typed_params *params,
                                   unsigned int nparams, int start_cpu,
                                   unsigned int ncpus, unsigned flags,
                                   struct vireo_error *err);
int remotedrv_domain_interface_addresses(
    struct vireo_domain *dom, struct vireo_domain_interface **ifaces,
    unsigned int source, unsigned flags, struct vireo_error *err);


/* Domain tuning: vCPUs, memory, tunables, metadata. */
/* remote_tune.c */
int remotedrv_domain_set_memory_flags(struct vireo_domain *dom,
                                    unsigned long long memory_kib,
                                    unsigned flags, struct vireo_error *err);
int remotedrv_domain_set_vcpus_flags(struct vireo_domain *dom, unsigned n_vcpus,
                                   unsigned flags, struct vireo_error *err);
int remotedrv_domain_set_lifecycle_action(struct vireo_domain *dom,
                                        unsigned type, unsigned action,
                                        unsigned flags,
                                        struct vireo_error *err);
int remotedrv_domain_rename(struct vireo_domain *dom, const char *new_name,
                          unsigned flags, struct vireo_error *err);
char *remotedrv_domain_get_scheduler_type(struct vireo_domain *dom,
                                        int *n_params,
                                        struct vireo_error *err);
int remotedrv_domain_get_scheduler_params(struct vireo_domain *dom,
                                        struct vireo_typed_params *params,
                                        unsigned flags,
                                        struct vireo_error *err);
int remotedrv_domain_set_scheduler_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_memory_params(struct vireo_domain *dom,
                                     struct vireo_typed_params *params,
                                     unsigned flags, struct vireo_error *err);
int remotedrv_domain_set_memory_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
char *remotedrv_domain_get_metadata(struct vireo_domain *dom, int type,
                                  const char *uri, unsigned flags,
                                  struct vireo_error *err);
int remotedrv_domain_set_metadata(struct vireo_domain *dom, int type,
                                const char *metadata, const char *key,
                                const char *uri, unsigned flags,
                                struct vireo_error *err);


/* Save, restore, managed save and snapshots: remote_save.c, then
 * remote_snapshot.c. */
int remotedrv_domain_save(struct vireo_domain *dom, const char *to,
                        const char *dxml, unsigned flags,
                        struct vireo_error *err);
int remotedrv_domain_restore(struct vireo_conn *conn, const char *from,
                           const char *dxml, unsigned flags,
                           struct vireo_error *err);
char *remotedrv_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                             const char *file, unsigned flags,
                                             struct vireo_error *err);
int remotedrv_domain_save_image_define_xml(struct vireo_conn *conn,
                                         const char *file, const char *dxml,
                                         unsigned flags,
                                         struct vireo_error *err);
int remotedrv_domain_core_dump(struct vireo_domain *dom, const char *to,
                             unsigned dumpformat, unsigned flags,
                             struct vireo_error *err);
int remotedrv_domain_managed_save(struct vireo_domain *dom, unsigned flags,
                                struct vireo_error *err);
int remotedrv_domain_managed_save_remove(struct vireo_domain *dom,
                                       unsigned flags,
                                       struct vireo_error *err);
struct vireo_domain_snapshot *remotedrv_domain_snapshot_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_list_all_snapshots(struct vireo_domain *dom,
                                      struct vireo_domain_snapshot ***snaps,
                                      unsigned flags,
                                      struct vireo_error *err);
int remotedrv_domain_snapshot_list_all_children(
    struct vireo_domain_snapshot *snap, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err);
int remotedrv_domain_snapshot_num_children(struct vireo_domain_snapshot *snap,
                                         unsigned flags,
                                         struct vireo_error *err);
struct vireo_domain_snapshot *remotedrv_domain_snapshot_lookup_by_name(
    struct vireo_domain *dom, const char *name, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_has_current_snapshot(struct vireo_domain *dom,
                                        unsigned flags,
                                        struct vireo_error *err);
struct vireo_domain_snapshot *remotedrv_domain_snapshot_current(
    struct vireo_domain *dom, unsigned flags, struct vireo_error *err);
struct vireo_domain_snapshot *remotedrv_domain_snapshot_get_parent(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
char *remotedrv_domain_snapshot_get_xml_desc(struct vireo_domain_snapshot *snap,
                                           unsigned flags,
                                           struct vireo_error *err);
int remotedrv_domain_snapshot_is_current(struct vireo_domain_snapshot *snap,
                                       unsigned flags,
                                       struct vireo_error *err);
int remotedrv_domain_snapshot_has_metadata(struct vireo_domain_snapshot *snap,
                                         unsigned flags,
                                         struct vireo_error *err);
int remotedrv_domain_revert_to_snapshot(struct vireo_domain_snapshot *snap,
                                      unsigned flags,
                                      struct vireo_error *err);
int remotedrv_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err);


/* Devices and guest operations. */
/* remote_device.c */
int remotedrv_domain_attach_device(struct vireo_domain *dom, const char *xml,
                                   unsigned flags, struct vireo_error *err);
int remotedrv_domain_detach_device(struct vireo_domain *dom, const char *xml,
                                   unsigned flags, struct vireo_error *err);
int remotedrv_domain_update_device(struct vireo_domain *dom, const char *xml,
                                   unsigned flags, struct vireo_error *err);
int remotedrv_domain_detach_device_alias(struct vireo_domain *dom,
                                         const char *alias, unsigned flags,
                                         struct vireo_error *err);
/* remote_guest.c */
char *remotedrv_domain_get_hostname(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err);
int remotedrv_domain_reset(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
int remotedrv_domain_get_time(struct vireo_domain *dom, long long *seconds,
                              unsigned *nseconds, unsigned flags,
                              struct vireo_error *err);
int remotedrv_domain_set_time(struct vireo_domain *dom, long long seconds,
                              unsigned nseconds, unsigned flags,
                              struct vireo_error *err);
int remotedrv_domain_fs_freeze(struct vireo_domain *dom,
                               const char *const *mountpoints,
                               unsigned n_mountpoints, unsigned flags,
                               struct vireo_error *err);
int remotedrv_domain_fs_thaw(struct vireo_domain *dom,
                             const char *const *mountpoints,
                             unsigned n_mountpoints, unsigned flags,
                             struct vireo_error *err);
int remotedrv_domain_fs_trim(struct vireo_domain *dom, const char *mountpoint,
                             unsigned long long minimum, unsigned flags,
                             struct vireo_error *err);
int remotedrv_domain_get_fs_info(struct vireo_domain *dom,
                                 struct vireo_fs_info **info, unsigned flags,
                                 struct vireo_error *err);
int remotedrv_domain_set_user_password(struct vireo_domain *dom,
                                       const char *user, const char *password,
                                       unsigned flags,
                                       struct vireo_error *err);
int remotedrv_domain_send_key(struct vireo_domain *dom, unsigned codeset,
                              unsigned holdtime_ms, const unsigned *keycodes,
                              int n_keycodes, unsigned flags,
                              struct vireo_error *err);
int remotedrv_domain_send_process_signal(struct vireo_domain *dom,
                                         long long pid, unsigned signum,
                                         unsigned flags,
                                         struct vireo_error *err);
int remotedrv_domain_inject_nmi(struct vireo_domain *dom, unsigned flags,
                                struct vireo_error *err);
int remotedrv_domain_get_launch_security_info(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* Host and hypervisor: remote_node.c */
int   remotedrv_conn_get_max_vcpus(struct vireo_conn *conn, const char *type,
                                   struct vireo_error *err);
char *remotedrv_conn_get_sysinfo(struct vireo_conn *conn, unsigned flags,
                                 struct vireo_error *err);
int   remotedrv_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                                   struct vireo_node_stat *params,
                                   int *n_params, unsigned flags,
                                   struct vireo_error *err);
int   remotedrv_node_get_memory_stats(struct vireo_conn *conn, int cell_num,
                                      struct vireo_node_stat *params,
                                      int *n_params, unsigned flags,
                                      struct vireo_error *err);
int   remotedrv_node_get_cells_free_memory(struct vireo_conn *conn,
                                           unsigned long long *free_bytes,
                                           int start_cell, int max_cells,
                                           struct vireo_error *err);
int   remotedrv_node_get_free_memory(struct vireo_conn *conn,
                                     unsigned long long *free_bytes,
                                     struct vireo_error *err);
int   remotedrv_node_get_free_pages(struct vireo_conn *conn,
                                    unsigned n_pages,
                                    const unsigned *pages_kib,
                                    int start_cell, unsigned cell_count,
                                    unsigned long long *counts,
                                    unsigned flags, struct vireo_error *err);
int   remotedrv_node_get_cpu_map(struct vireo_conn *conn,
                                 unsigned char **cpumap, unsigned *online,
                                 unsigned flags, struct vireo_error *err);
char *remotedrv_conn_baseline_cpu(struct vireo_conn *conn,
                                  const char *const *xml_cpus,
                                  unsigned n_cpus, unsigned flags,
                                  struct vireo_error *err);
int   remotedrv_conn_get_cpu_model_names(struct vireo_conn *conn,
                                         const char *arch, char ***models,
                                         unsigned flags,
                                         struct vireo_error *err);

/* Domain events. */

/* Domain tuning: pinning, NUMA and I/O threads. */
int remotedrv_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                              const unsigned char *cpumap, int maplen,
                              unsigned flags, struct vireo_error *err);
int remotedrv_domain_pin_emulator(struct vireo_domain *dom,
                                  const unsigned char *cpumap, int maplen,
                                  unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                           unsigned char *cpumap, int maplen,
                                           unsigned flags,
                                           struct vireo_error *err);
int remotedrv_domain_get_numa_params(struct vireo_domain *dom,
                                     struct vireo_typed_params *params,
                                     unsigned flags, struct vireo_error *err);
int remotedrv_domain_set_numa_params(struct vireo_domain *dom,
                                     const struct vireo_typed_params *params,
                                     unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_iothread_info(struct vireo_domain *dom,
                                       struct vireo_iothread_info **info,
                                       unsigned flags, struct vireo_error *err);
int remotedrv_domain_pin_iothread(struct vireo_domain *dom,
                                  unsigned iothread_id,
                                  const unsigned char *cpumap, int maplen,
                                  unsigned flags, struct vireo_error *err);
int remotedrv_domain_add_iothread(struct vireo_domain *dom,
                                  unsigned iothread_id, unsigned flags,
                                  struct vireo_error *err);
int remotedrv_domain_del_iothread(struct vireo_domain *dom,
                                  unsigned iothread_id, unsigned flags,
                                  struct vireo_error *err);
int remotedrv_domain_set_iothread_params(
    struct vireo_domain *dom, unsigned iothread_id,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* Domain tuning: block and interface I/O, perf. */
int remotedrv_domain_get_blkio_params(struct vireo_domain *dom,
                                      struct vireo_typed_params *params,
                                      unsigned flags,
                                      struct vireo_error *err);
int remotedrv_domain_set_blkio_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
int remotedrv_domain_get_block_io_tune(struct vireo_domain *dom,
                                       const char *disk,
                                       struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
int remotedrv_domain_set_block_io_tune(
    struct vireo_domain *dom, const char *disk,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_get_interface_params(struct vireo_domain *dom,
                                          const char *device,
                                          struct vireo_typed_params *params,
                                          unsigned flags,
                                          struct vireo_error *err);
int remotedrv_domain_set_interface_params(
    struct vireo_domain *dom, const char *device,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_get_perf_events(struct vireo_domain *dom,
                                     struct vireo_typed_params *params,
                                     unsigned flags,
                                     struct vireo_error *err);
int remotedrv_domain_set_perf_events(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* Networks. */
int remotedrv_connect_num_of_networks(struct vireo_conn *conn, struct
                                      vireo_error *err);
int remotedrv_connect_list_networks(struct vireo_conn *conn, char **names, int
                                    maxnames, struct vireo_error *err);
int remotedrv_connect_num_of_defined_networks(struct vireo_conn *conn, struct
    vireo_error *err);
int remotedrv_connect_list_defined_networks(struct vireo_conn *conn, char
    **names, int maxnames, struct vireo_error *err);
int remotedrv_connect_list_all_networks(struct vireo_conn *conn, struct
    vireo_network ***nets, unsigned flags, struct vireo_error *err);
struct vireo_network *remotedrv_network_lookup_by_name(struct vireo_conn *conn,
    const char *name, struct vireo_error *err);
struct vireo_network *remotedrv_network_lookup_by_uuid(struct vireo_conn *conn,
    const unsigned char *uuid, struct vireo_error *err);
struct vireo_network *remotedrv_network_define_xml(struct vireo_conn *conn,
    const char *xml, unsigned flags, struct vireo_error *err);
struct vireo_network *remotedrv_network_create_xml(struct vireo_conn *conn,
    const char *xml, unsigned flags, struct vireo_error *err);
int remotedrv_network_undefine(struct vireo_network *net, struct vireo_error
                               *err);
int remotedrv_network_create(struct vireo_network *net, struct vireo_error
                             *err);
int remotedrv_network_destroy(struct vireo_network *net, struct vireo_error
                              *err);
char *remotedrv_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                                     struct vireo_error *err);
char *remotedrv_network_get_bridge_name(struct vireo_network *net, struct
    vireo_error *err);
int remotedrv_network_get_autostart(struct vireo_network *net, int *autostart,
                                    struct vireo_error *err);
int remotedrv_network_set_autostart(struct vireo_network *net, int autostart,
                                    struct vireo_error *err);
int remotedrv_network_is_active(struct vireo_network *net, struct vireo_error
                                *err);
int remotedrv_network_is_persistent(struct vireo_network *net, struct
                                    vireo_error *err);
int remotedrv_network_update(struct vireo_network *net, unsigned command,
                             unsigned section, int parent_index, const char
                             *xml, unsigned flags, struct vireo_error *err);

/* Storage pools and volumes (remote_storage.c, remote_storage_vol.c). */
struct vireo_storage_pool;
struct vireo_storage_vol;
int   remotedrv_conn_list_all_storage_pools(struct vireo_conn *conn,
                                            struct vireo_storage_pool ***pools,
                                            unsigned flags,
                                            struct vireo_error *err);
struct vireo_storage_pool *remotedrv_storage_pool_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
struct vireo_storage_pool *remotedrv_storage_pool_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
struct vireo_storage_pool *remotedrv_storage_pool_lookup_by_volume(
    struct vireo_storage_vol *vol, struct vireo_error *err);
struct vireo_storage_pool *remotedrv_storage_pool_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
struct vireo_storage_pool *remotedrv_storage_pool_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
int   remotedrv_storage_pool_create(struct vireo_storage_pool *pool,
                                    unsigned flags, struct vireo_error *err);
int   remotedrv_storage_pool_build(struct vireo_storage_pool *pool,
                                   unsigned flags, struct vireo_error *err);
int   remotedrv_storage_pool_destroy(struct vireo_storage_pool *pool,
                                     struct vireo_error *err);
int   remotedrv_storage_pool_delete(struct vireo_storage_pool *pool,
                                    unsigned flags, struct vireo_error *err);
int   remotedrv_storage_pool_undefine(struct vireo_storage_pool *pool,
                                      struct vireo_error *err);
int   remotedrv_storage_pool_refresh(struct vireo_storage_pool *pool,
                                     unsigned flags, struct vireo_error *err);
char *remotedrv_storage_pool_get_xml_desc(struct vireo_storage_pool *pool,
                                          unsigned flags,
                                          struct vireo_error *err);
int   remotedrv_storage_pool_get_info(struct vireo_storage_pool *pool,
                                      struct vireo_storage_pool_info *info,
                                      struct vireo_error *err);
int   remotedrv_storage_pool_get_autostart(struct vireo_storage_pool *pool,
                                           int *autostart,
                                           struct vireo_error *err);
int   remotedrv_storage_pool_set_autostart(struct vireo_storage_pool *pool,
                                           int autostart,
                                           struct vireo_error *err);
int   remotedrv_storage_pool_is_active(struct vireo_storage_pool *pool,
                                       struct vireo_error *err);
int   remotedrv_storage_pool_is_persistent(struct vireo_storage_pool *pool,
                                           struct vireo_error *err);
char *remotedrv_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                               const char *type,
                                               const char *src_spec,
                                               unsigned flags,
                                               struct vireo_error *err);
int   remotedrv_storage_pool_list_all_volumes(struct vireo_storage_pool *pool,
                                              struct vireo_storage_vol ***vols,
                                              unsigned flags, bool is_legacy,
                                              struct vireo_error *err);
struct vireo_storage_vol *remotedrv_storage_vol_lookup_by_name(
    struct vireo_storage_pool *pool, const char *name,
    struct vireo_error *err);
struct vireo_storage_vol *remotedrv_storage_vol_lookup_by_key(
    struct vireo_conn *conn, const char *key, struct vireo_error *err);
struct vireo_storage_vol *remotedrv_storage_vol_lookup_by_path(
    struct vireo_conn *conn, const char *path, struct vireo_error *err);
struct vireo_storage_vol *remotedrv_storage_vol_create_xml(
    struct vireo_storage_pool *pool, const char *xml, unsigned flags,
    struct vireo_error *err);
struct vireo_storage_vol *remotedrv_storage_vol_create_xml_from(
    struct vireo_storage_pool *pool, const char *xml,
    struct vireo_storage_vol *clone, unsigned flags,
    struct vireo_error *err);
int   remotedrv_storage_vol_delete(struct vireo_storage_vol *vol,
                                   unsigned flags, struct vireo_error *err);
char *remotedrv_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                         unsigned flags,
                                         struct vireo_error *err);
int   remotedrv_storage_vol_get_info(struct vireo_storage_vol *vol,
                                     struct vireo_storage_vol_info *info,
                                     struct vireo_error *err);
char *remotedrv_storage_vol_get_path(struct vireo_storage_vol *vol,
                                     struct vireo_error *err);


/* Node devices and host interfaces. */
int   remotedrv_node_num_of_devices(struct vireo_conn *conn, const char *cap,
                                    unsigned flags, struct vireo_error *err);
int   remotedrv_node_list_devices(struct vireo_conn *conn, const char *cap,
                                  char **names, int maxnames, unsigned flags,
                                  struct vireo_error *err);
int   remotedrv_connect_list_all_node_devices(struct vireo_conn *conn,
                                              struct vireo_node_device ***devs,
                                              unsigned flags,
                                              struct vireo_error *err);
struct vireo_node_device *remotedrv_node_device_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
char *remotedrv_node_device_get_xml_desc(struct vireo_node_device *dev,
                                         unsigned flags,
                                         struct vireo_error *err);
char *remotedrv_node_device_get_parent(struct vireo_node_device *dev,
                                       struct vireo_error *err);
int   remotedrv_node_device_num_of_caps(struct vireo_node_device *dev,
                                        struct vireo_error *err);
int   remotedrv_node_device_list_caps(struct vireo_node_device *dev,
                                      char **names, int maxnames,
                                      struct vireo_error *err);
struct vireo_node_device *remotedrv_node_device_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
int   remotedrv_node_device_destroy(struct vireo_node_device *dev,
                                    struct vireo_error *err);
int   remotedrv_connect_num_of_interfaces(struct vireo_conn *conn,
                                          struct vireo_error *err);
int   remotedrv_connect_list_interfaces(struct vireo_conn *conn, char **names,
                                        int maxnames, struct vireo_error *err);
int   remotedrv_connect_num_of_defined_interfaces(struct vireo_conn *conn,
                                                  struct vireo_error *err);
int   remotedrv_connect_list_defined_interfaces(struct vireo_conn *conn,
                                                char **names, int maxnames,
                                                struct vireo_error *err);
int   remotedrv_connect_list_all_interfaces(struct vireo_conn *conn,
                                            struct vireo_interface ***ifaces,
                                            unsigned flags,
                                            struct vireo_error *err);
struct vireo_interface *remotedrv_interface_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
struct vireo_interface *remotedrv_interface_lookup_by_mac_string(
    struct vireo_conn *conn, const char *mac, struct vireo_error *err);
char *remotedrv_interface_get_xml_desc(struct vireo_interface *iface,
                                       unsigned flags,
                                       struct vireo_error *err);
struct vireo_interface *remotedrv_interface_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
int   remotedrv_interface_undefine(struct vireo_interface *iface,
                                   struct vireo_error *err);
int   remotedrv_interface_create(struct vireo_interface *iface,
                                 unsigned flags, struct vireo_error *err);
int   remotedrv_interface_destroy(struct vireo_interface *iface,
                                  unsigned flags, struct vireo_error *err);
int   remotedrv_interface_is_active(struct vireo_interface *iface,
                                    struct vireo_error *err);
int   remotedrv_interface_change_begin(struct vireo_conn *conn, unsigned flags,
                                       struct vireo_error *err);
int   remotedrv_interface_change_commit(struct vireo_conn *conn,
                                        unsigned flags,
                                        struct vireo_error *err);
int   remotedrv_interface_change_rollback(struct vireo_conn *conn,
                                          unsigned flags,
                                          struct vireo_error *err);

/* Domain checkpoints. */
/* remote_checkpoint.c */
struct vireo_domain_checkpoint *remotedrv_domain_checkpoint_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
char *remotedrv_domain_checkpoint_get_xml_desc(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_list_all_checkpoints(struct vireo_domain *dom,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err);
struct vireo_domain_checkpoint *remotedrv_domain_checkpoint_lookup_by_name(
    struct vireo_domain *dom, const char *name, unsigned flags,
    struct vireo_error *err);
struct vireo_domain_checkpoint *remotedrv_domain_checkpoint_get_parent(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
int remotedrv_domain_checkpoint_delete(struct vireo_domain_checkpoint *chk,
                                 unsigned flags, struct vireo_error *err);

/* Object events: networks, storage pools, node devices. */
int remotedrv_network_event_register_any(struct vireo_conn *conn, struct
    vireo_network *net, int event_id, vireo_network_event_generic_cb cb, void
    *opaque, vireo_free_cb free_cb, struct vireo_error *err);
int remotedrv_network_event_deregister_any(struct vireo_conn *conn, int
    callback_id, struct vireo_error *err);

/* Storage pool and node device events (remote_object_event_kinds.c). */
int remotedrv_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
int remotedrv_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                                int callback_id,
                                                struct vireo_error *err);
int remotedrv_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
int remotedrv_node_device_event_deregister_any(struct vireo_conn *conn,
                                               int callback_id,
                                               struct vireo_error *err);

/* Network DHCP leases (remote_network_lease.c). */
int remotedrv_network_get_dhcp_leases(struct vireo_network *net,
                                      const char *mac,
                                      struct vireo_network_dhcp_lease ***leases,
                                      unsigned flags, struct vireo_error *err);
/* remote_storage_vol.c: volume contents. */
int   remotedrv_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                                         unsigned algorithm, unsigned flags,
                                         struct vireo_error *err);
int   remotedrv_storage_vol_resize(struct vireo_storage_vol *vol,
                                   unsigned long long capacity,
                                   unsigned flags, struct vireo_error *err);

/* Domain capabilities (remote_domcaps.c). */
char *remotedrv_conn_get_domain_capabilities(struct vireo_conn *conn,
                                             const char *emulatorbin,
                                             const char *arch,
                                             const char *machine,
                                             const char *virttype,
                                             unsigned flags,
                                             struct vireo_error *err);

/* remote_stream.c: volume upload and download, and their streams. */
int  remotedrv_storage_vol_upload_stream(struct vireo_storage_vol *vol,
                                         struct vireo_stream *st,
                                         unsigned long long offset,
                                         unsigned long long length,
                                         unsigned flags,
                                         struct vireo_error *err);
int  remotedrv_storage_vol_download_stream(struct vireo_storage_vol *vol,
                                           struct vireo_stream *st,
                                           unsigned long long offset,
                                           unsigned long long length,
                                           unsigned flags,
                                           struct vireo_error *err);
int  remotedrv_stream_send(struct vireo_stream *st, const char *data,
                           size_t len, struct vireo_error *err);
int  remotedrv_stream_recv(struct vireo_stream *st, char *data, size_t len,
                           struct vireo_error *err);
int  remotedrv_stream_finish(struct vireo_stream *st,
                             struct vireo_error *err);
int  remotedrv_stream_abort(struct vireo_stream *st, struct vireo_error *err);
void remotedrv_stream_free(struct vireo_stream *st);
int  remotedrv_stream_send_hole(struct vireo_stream *st, long long length,
                                unsigned flags, struct vireo_error *err);
int  remotedrv_stream_recv_flags(struct vireo_stream *st, char *data,
                                 size_t len, unsigned flags,
                                 struct vireo_error *err);
int  remotedrv_stream_recv_hole(struct vireo_stream *st, long long *length,
                                unsigned flags, struct vireo_error *err);

/* remote_stream_event.c: a stream's event callback. */
int  remotedrv_stream_event_add_callback(struct vireo_stream *st,
                                         int events,
                                         vireo_stream_event_cb cb,
                                         void *opaque,
                                         vireo_free_cb free_cb,
                                         struct vireo_error *err);
int  remotedrv_stream_event_update_callback(struct vireo_stream *st,
                                            int events,
                                            struct vireo_error *err);
int  remotedrv_stream_event_remove_callback(struct vireo_stream *st,
                                            struct vireo_error *err);

#endif /* VIREO_DRIVERS_REMOTE_SLOTS_H */
