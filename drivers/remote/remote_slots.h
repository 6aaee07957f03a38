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


/* Save, restore, managed save and snapshots. */

/* Devices and guest operations. */

/* Host and hypervisor. */

/* Domain events. */

#endif /* VIREO_DRIVERS_REMOTE_SLOTS_H */
