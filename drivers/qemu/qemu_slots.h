/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_slots.h: the QEMU driver's domain slots, each named after its
 * table slot, and the files that hold them:
 *   qemu_define.c     define, undefine, autostart
 *   qemu_query.c      lookups, listing, and reading one domain
 *   qemu_lifecycle.c  start, create, destroy, shutdown, reboot, reset,
 *                     suspend, resume
 *   qemu_console.c    the console and the monitor passthrough
 *   qemu_node.c       the host's figures and CPU models
 *   qemu_domcaps.c    the domain capabilities
 *   qemu_stats.c      disk and interface counters
 *   qemu_domstats.c   domstats
 * Every slot runs on the driver's thread (vireod runs each client's calls
 * there), with conn->priv the driver's state.
 */
#ifndef VIREO_QEMU_SLOTS_H
#define VIREO_QEMU_SLOTS_H

#include "api/vireo.h"

struct domain_def;
struct qemu_state;

/* qemu_define.c */
/* What the driver can run at all, checked when a definition arrives:
 * a name fit for a file, an existing emulator, an hvm guest of x86, and
 * a virt type of qemu (or kvm, where QEMU said KVM runs guests:
 * qemu_host_has_kvm). 0 or -1 (err). */
int qemu_define_check(const struct qemu_state *st,
                      const struct domain_def *def, struct vireo_error *err);
struct vireo_domain *qemudrv_domain_define_xml(struct vireo_conn *conn,
                                               const char *xml,
                                               unsigned flags,
                                               struct vireo_error *err);
int qemudrv_domain_undefine(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err);
int qemudrv_domain_set_autostart(struct vireo_domain *dom, int autostart,
                                 struct vireo_error *err);

/* qemu_query.c */
struct vireo_domain *qemudrv_domain_lookup_by_name(struct vireo_conn *conn,
                                                   const char *name,
                                                   struct vireo_error *err);
struct vireo_domain *qemudrv_domain_lookup_by_uuid(struct vireo_conn *conn,
                                                   const unsigned char *uuid,
                                                   struct vireo_error *err);
struct vireo_domain *qemudrv_domain_lookup_by_id(struct vireo_conn *conn,
                                                 int id,
                                                 struct vireo_error *err);
int qemudrv_conn_list_all_domains(struct vireo_conn *conn,
                                  struct vireo_domain ***doms, unsigned flags,
                                  struct vireo_error *err);
int qemudrv_domain_get_info(struct vireo_domain *dom,
                            struct vireo_domain_info *info,
                            struct vireo_error *err);
int qemudrv_domain_get_state(struct vireo_domain *dom, int *state,
                             int *reason, unsigned flags,
                             struct vireo_error *err);
char *qemudrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
char *qemudrv_domain_get_os_type(struct vireo_domain *dom,
                                 struct vireo_error *err);
int qemudrv_domain_get_security_label(struct vireo_domain *dom,
                                      struct vireo_security_label *label,
                                      struct vireo_error *err);
int qemudrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                                 struct vireo_error *err);
int qemudrv_domain_is_active(struct vireo_domain *dom,
                             struct vireo_error *err);
int qemudrv_domain_is_persistent(struct vireo_domain *dom,
                                 struct vireo_error *err);
int qemudrv_domain_has_managed_save_image(struct vireo_domain *dom,
                                          unsigned flags,
                                          struct vireo_error *err);
int qemudrv_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                                struct vireo_error *err);
int qemudrv_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                                unsigned flags, struct vireo_error *err);

/* qemu_lifecycle.c */
struct vireo_domain *qemudrv_domain_create_xml(struct vireo_conn *conn,
                                               const char *xml,
                                               unsigned flags,
                                               struct vireo_error *err);
int qemudrv_domain_create(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err);
int qemudrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
int qemudrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err);
int qemudrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err);
int qemudrv_domain_reset(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err);
int qemudrv_domain_suspend(struct vireo_domain *dom,
                           struct vireo_error *err);
int qemudrv_domain_resume(struct vireo_domain *dom, struct vireo_error *err);

/* qemu_console.c */
int qemudrv_domain_open_console(struct vireo_domain *dom,
                                const char *dev_name, unsigned flags,
                                int *fd, struct vireo_error *err);
int qemudrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                        const char *cmd, char **result,
                                        unsigned flags,
                                        struct vireo_error *err);

/* qemu_node.c */
int qemudrv_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                               struct vireo_node_stat *params, int *n_params,
                               unsigned flags, struct vireo_error *err);
int qemudrv_node_get_memory_stats(struct vireo_conn *conn, int cell_num,
                                  struct vireo_node_stat *params,
                                  int *n_params, unsigned flags,
                                  struct vireo_error *err);
int qemudrv_node_get_cells_free_memory(struct vireo_conn *conn,
                                       unsigned long long *free_bytes,
                                       int start_cell, int max_cells,
                                       struct vireo_error *err);
int qemudrv_node_get_free_memory(struct vireo_conn *conn,
                                 unsigned long long *free_bytes,
                                 struct vireo_error *err);
int qemudrv_node_get_cpu_map(struct vireo_conn *conn, unsigned char **cpumap,
                             unsigned *online, unsigned flags,
                             struct vireo_error *err);
int qemudrv_conn_get_cpu_model_names(struct vireo_conn *conn,
                                     const char *arch, char ***models,
                                     unsigned flags,
                                     struct vireo_error *err);

/* qemu_domcaps.c */
char *qemudrv_conn_get_domain_capabilities(struct vireo_conn *conn,
                                           const char *emulatorbin,
                                           const char *arch,
                                           const char *machine,
                                           const char *virttype,
                                           unsigned flags,
                                           struct vireo_error *err);

/* qemu_stats.c: a running guest's disk and interface counters */
int qemudrv_domain_block_stats(struct vireo_domain *dom, const char *disk,
                               struct vireo_block_stats *stats,
                               struct vireo_error *err);
int qemudrv_domain_interface_stats(struct vireo_domain *dom,
                                   const char *device,
                                   struct vireo_interface_stats *stats,
                                   struct vireo_error *err);
int qemudrv_domain_block_stats_flags(struct vireo_domain *dom,
                                     const char *disk,
                                     struct vireo_typed_params *params,
                                     unsigned flags, struct vireo_error *err);

/* qemu_domstats.c: domstats' state, interface and block groups */
int qemudrv_conn_get_all_domain_stats(struct vireo_conn *conn,
                                      struct vireo_domain **doms, int n_doms,
                                      unsigned int stats,
                                      struct vireo_domain_stats_record **records,
                                      unsigned flags, struct vireo_error *err);

#endif /* VIREO_QEMU_SLOTS_H */
