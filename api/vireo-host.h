/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-host.h: the part of the public header for connections and their
 * host: opening a connection, what it and its host are, the host's
 * statistics, and the library's version.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_HOST_H
#define VIREO_HOST_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-host.h"
#endif

struct vireo_node_info {
    char               model[32];    /* CPU model, NUL-terminated */
    unsigned long long memory_kib;
    unsigned int       cpus;
    unsigned int       mhz;
    unsigned int       nodes;
    unsigned int       sockets;
    unsigned int       cores;
    unsigned int       threads;
};

/* The host's security driver (libvirt's virSecurityModel); an empty model
 * means there is none. */
struct vireo_security_model {
    char model[257];
    char doi[257];
};

/* ---- Connections ------------------------------------------------------ */

/* Open a connection; uri NULL means $VIREO_DEFAULT_URI, else test:///default. */
VIREO_API struct vireo_conn *vireo_conn_open(const char *uri, unsigned flags,
                                             struct vireo_error *err);
/* Drop the caller's reference; the connection closes with the last one. */
VIREO_API int  vireo_conn_close(struct vireo_conn *conn);
VIREO_API struct vireo_conn *vireo_conn_ref(struct vireo_conn *conn);
/* The URI as opened; owned by the connection. */
VIREO_API const char *vireo_conn_get_uri(struct vireo_conn *conn);
/* The hypervisor type ("TEST", "QEMU"); owned by the connection. */
VIREO_API const char *vireo_conn_get_type(struct vireo_conn *conn,
                                          struct vireo_error *err);
VIREO_API int  vireo_conn_get_version(struct vireo_conn *conn,
                                      unsigned long long *version,
                                      struct vireo_error *err);
VIREO_API int  vireo_conn_get_lib_version(struct vireo_conn *conn,
                                          unsigned long long *version,
                                          struct vireo_error *err);
VIREO_API char *vireo_conn_get_hostname(struct vireo_conn *conn,
                                        struct vireo_error *err);
VIREO_API char *vireo_conn_get_capabilities(struct vireo_conn *conn,
                                            struct vireo_error *err);
VIREO_API int  vireo_node_get_info(struct vireo_conn *conn,
                                   struct vireo_node_info *info,
                                   struct vireo_error *err);
VIREO_API int  vireo_node_get_security_model(struct vireo_conn *conn,
                                             struct vireo_security_model *model,
                                             struct vireo_error *err);
VIREO_API bool vireo_conn_is_read_only(struct vireo_conn *conn);
/* 1 while the connection works, 0 once its daemon is gone (reason, if not
 * NULL, then says why: enum vireo_close_reason), -1 for a NULL conn. An
 * in-process connection is always alive. Never blocks. */
VIREO_API int  vireo_conn_is_alive(struct vireo_conn *conn, int *reason);
/* libvirt's virConnectSetKeepAlive: with an event loop registered, ping the
 * daemon after interval seconds of silence and close the connection after
 * count unanswered pings (interval <= 0 stops pinging). Returns 0, 1 when
 * the daemon does not speak keepalive, -1 on error (VIR_ERR_NO_SUPPORT for
 * an in-process driver). Connections start at 5 s and 5 pings. */
VIREO_API int  vireo_conn_set_keepalive(struct vireo_conn *conn, int interval,
                                        unsigned count,
                                        struct vireo_error *err);
/* libvirt's virConnectIsSecure: 1 if nobody can eavesdrop on the
 * connection, 0 if someone might, -1 on error. An in-process driver and a
 * daemon reached over a UNIX socket are secure; plain TCP is not. A
 * daemon is asked too, and both it and the transport must say secure. */
VIREO_API int  vireo_conn_is_secure(struct vireo_conn *conn,
                                    struct vireo_error *err);
/* libvirt's virConnectIsEncrypted: 1 if what the connection carries is
 * encrypted, 0 if not, -1 on error. Nothing vireo speaks encrypts (an
 * in-process driver carries nothing; UNIX sockets and plain TCP are
 * clear), so it says 0 once the driver (and a daemon) answered. */
VIREO_API int  vireo_conn_is_encrypted(struct vireo_conn *conn,
                                       struct vireo_error *err);

/* The library's version: major * 1,000,000 + minor * 1,000 + micro. */
VIREO_API unsigned long long vireo_version(void);

/* Host and hypervisor. */

/* One figure of the host's CPU or memory statistics, as libvirt names
 * them ("user", "kernel", "idle", "iowait"; "total", "free", "buffers",
 * "cached"); CPU times in ns, memory in KiB. */
#define VIREO_NODE_STATS_FIELD_LENGTH 80
struct vireo_node_stat {
    char               field[VIREO_NODE_STATS_FIELD_LENGTH];
    unsigned long long value;
};

/* libvirt's virConnectGetMaxVcpus: the most vCPUs a guest of the given
 * virtualization type (NULL: the driver's choice) may have, or -1. */
VIREO_API int vireo_conn_get_max_vcpus(struct vireo_conn *conn,
                                       const char *type,
                                       struct vireo_error *err);
/* libvirt's virConnectGetSysinfo: the host's <sysinfo> XML, malloc'ed,
 * or NULL. */
VIREO_API char *vireo_conn_get_sysinfo(struct vireo_conn *conn,
                                       unsigned flags,
                                       struct vireo_error *err);
/* libvirt's virNodeGetCPUStats and virNodeGetMemoryStats: with *n_params
 * 0, set *n_params to how many figures there are; else fill params with
 * up to *n_params of them and set *n_params to how many. cpu_num and
 * cell_num -1: the whole host. 0, or -1. */
VIREO_API int vireo_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                                       struct vireo_node_stat *params,
                                       int *n_params, unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_node_get_memory_stats(struct vireo_conn *conn,
                                          int cell_num,
                                          struct vireo_node_stat *params,
                                          int *n_params, unsigned flags,
                                          struct vireo_error *err);
/* libvirt's virNodeGetCellsFreeMemory: the free memory of up to max_cells
 * NUMA cells from start_cell, in bytes; returns how many, or -1. */
VIREO_API int vireo_node_get_cells_free_memory(struct vireo_conn *conn,
                                               unsigned long long *free_bytes,
                                               int start_cell, int max_cells,
                                               struct vireo_error *err);
/* libvirt's virNodeGetFreeMemory: the host's free memory in bytes; 0 is
 * an error, as in libvirt. */
VIREO_API unsigned long long vireo_node_get_free_memory(
    struct vireo_conn *conn, struct vireo_error *err);
/* libvirt's virNodeGetFreePages: counts[cell * n_pages + i] is how many
 * free pages of pages_kib[i] KiB cell start_cell + cell has, for
 * cell_count cells. Returns how many counts it set, or -1. */
VIREO_API int vireo_node_get_free_pages(struct vireo_conn *conn,
                                        unsigned n_pages,
                                        const unsigned *pages_kib,
                                        int start_cell, unsigned cell_count,
                                        unsigned long long *counts,
                                        unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virNodeGetCPUMap: how many CPUs the host has, or -1; when
 * asked, *cpumap (malloc'ed, a bit per CPU) says which are online and
 * *online how many. */
VIREO_API int vireo_node_get_cpu_map(struct vireo_conn *conn,
                                     unsigned char **cpumap,
                                     unsigned *online, unsigned flags,
                                     struct vireo_error *err);
/* libvirt's virConnectBaselineCPU: the guest CPU every one of the n_cpus
 * host CPUs (each a <cpu> element) can run, as <cpu> XML, malloc'ed, or
 * NULL. Flag VIREO_BASELINE_CPU_EXPAND_FEATURES lists all its features. */
#define VIREO_BASELINE_CPU_EXPAND_FEATURES 1u
VIREO_API char *vireo_conn_baseline_cpu(struct vireo_conn *conn,
                                        const char *const *xml_cpus,
                                        unsigned n_cpus, unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virConnectGetCPUModelNames: the CPU models the hypervisor
 * knows for arch; returns how many (0: it takes any), or -1. *models,
 * when asked, is a malloc'ed NULL-ended array of malloc'ed names. */
VIREO_API int vireo_conn_get_cpu_model_names(struct vireo_conn *conn,
                                             const char *arch,
                                             char ***models, unsigned flags,
                                             struct vireo_error *err);

#endif /* VIREO_HOST_H */
