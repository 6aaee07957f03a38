/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain-tune.h: the part of the public header for domain tuning:
 * vCPUs, memory, tunables, metadata, pinning, NUMA, I/O threads, block and
 * interface I/O, perf.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_TUNE_H
#define VIREO_DOMAIN_TUNE_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain-tune.h"
#endif

/* Domain tuning: vCPUs, memory, tunables, metadata. */

/* Which definition a change or a query is about, as libvirt's
 * virDomainModificationImpact: CURRENT is the live one of a running domain,
 * else the persistent one. */
enum vireo_domain_modification_impact {
    VIR_DOMAIN_AFFECT_CURRENT = 0,
    VIR_DOMAIN_AFFECT_LIVE    = 1 << 0,
    VIR_DOMAIN_AFFECT_CONFIG  = 1 << 1,
};

/* vireo_domain_set_memory_flags: the maximum rather than the current. */
#define VIR_DOMAIN_MEM_MAXIMUM (1 << 2)

/* vireo_domain_set_vcpus_flags. */
enum vireo_domain_vcpu_flags {
    VIR_DOMAIN_VCPU_MAXIMUM      = 1 << 2,
    VIR_DOMAIN_VCPU_GUEST        = 1 << 3,
    VIR_DOMAIN_VCPU_HOTPLUGGABLE = 1 << 4,
};

enum vireo_domain_metadata_type {
    VIR_DOMAIN_METADATA_DESCRIPTION = 0,
    VIR_DOMAIN_METADATA_TITLE       = 1,
    VIR_DOMAIN_METADATA_ELEMENT     = 2,
};

enum vireo_domain_lifecycle {
    VIR_DOMAIN_LIFECYCLE_POWEROFF = 0,
    VIR_DOMAIN_LIFECYCLE_REBOOT   = 1,
    VIR_DOMAIN_LIFECYCLE_CRASH    = 2,
};

enum vireo_domain_lifecycle_action {
    VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY          = 0,
    VIR_DOMAIN_LIFECYCLE_ACTION_RESTART          = 1,
    VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME   = 2,
    VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE         = 3,
    VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY = 4,
    VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART = 5,
};

/* A memory limit that is not set (libvirt's
 * VIR_DOMAIN_MEMORY_PARAM_UNLIMITED), in KiB. */
#define VIR_DOMAIN_MEMORY_PARAM_UNLIMITED 9007199254740991ULL
#define VIR_DOMAIN_MEMORY_HARD_LIMIT      "hard_limit"
#define VIR_DOMAIN_MEMORY_SOFT_LIMIT      "soft_limit"
#define VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT "swap_hard_limit"
#define VIR_DOMAIN_SCHEDULER_WEIGHT       "weight"

/* Each is libvirt's function of the same name without "Flags" where noted;
 * flags from the enums above. 0, or -1 with err set. */
VIREO_API int vireo_domain_set_memory(struct vireo_domain *dom,
                                      unsigned long long memory_kib,
                                      struct vireo_error *err);
VIREO_API int vireo_domain_set_max_memory(struct vireo_domain *dom,
                                          unsigned long long memory_kib,
                                          struct vireo_error *err);
VIREO_API int vireo_domain_set_memory_flags(struct vireo_domain *dom,
                                            unsigned long long memory_kib,
                                            unsigned flags,
                                            struct vireo_error *err);
VIREO_API int vireo_domain_set_vcpus_flags(struct vireo_domain *dom,
                                           unsigned n_vcpus, unsigned flags,
                                           struct vireo_error *err);
/* The scheduler's name (caller frees) and its number of parameters. */
VIREO_API char *vireo_domain_get_scheduler_type(struct vireo_domain *dom,
                                                int *n_params,
                                                struct vireo_error *err);
/* Append every parameter to *params (empty on entry). */
VIREO_API int vireo_domain_get_scheduler_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_scheduler_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_get_memory_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_memory_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
/* The title, description or element (enum vireo_domain_metadata_type);
 * caller frees. */
VIREO_API char *vireo_domain_get_metadata(struct vireo_domain *dom, int type,
                                          const char *uri, unsigned flags,
                                          struct vireo_error *err);
VIREO_API int vireo_domain_set_metadata(struct vireo_domain *dom, int type,
                                        const char *metadata, const char *key,
                                        const char *uri, unsigned flags,
                                        struct vireo_error *err);
/* On success dom's name is new_name. */
VIREO_API int vireo_domain_rename(struct vireo_domain *dom,
                                  const char *new_name, unsigned flags,
                                  struct vireo_error *err);
VIREO_API int vireo_domain_set_lifecycle_action(struct vireo_domain *dom,
                                                unsigned type,
                                                unsigned action,
                                                unsigned flags,
                                                struct vireo_error *err);

/* Domain tuning: pinning, NUMA and I/O threads. */

/* The fields of vireo_domain_get_numa_params() and
 * vireo_domain_set_iothread_params(), libvirt's names. */
#define VIR_DOMAIN_NUMA_MODE              "numa_mode"
#define VIR_DOMAIN_NUMA_NODESET           "numa_nodeset"
#define VIR_DOMAIN_IOTHREAD_POLL_MAX_NS   "poll_max_ns"
#define VIR_DOMAIN_IOTHREAD_POLL_GROW     "poll_grow"
#define VIR_DOMAIN_IOTHREAD_POLL_SHRINK   "poll_shrink"

/* One I/O thread as vireo_domain_get_iothread_info() reports it (libvirt's
 * virDomainIOThreadInfo): the host CPUs it may run on, cpumaplen bytes,
 * bit i of byte i / 8 for CPU i. */
struct vireo_iothread_info {
    unsigned int   iothread_id;
    unsigned char *cpumap;       /* malloc'ed */
    int            cpumaplen;
};

/* CPU sets in libvirt's text form ("0-3,^2,8", as virsh's cpulists and
 * <vcpupin cpuset=...>): parse text into map (maplen bytes, zeroed
 * first), 0, or -1 with VIR_ERR_INVALID_ARG "Failed to parse bitmap" when
 * it does not read or names a CPU at or beyond maplen * 8; and the
 * canonical text of a map ("0-1,3"; "" when empty), malloc'ed, or NULL
 * when memory is short. */
VIREO_API int vireo_cpumap_parse(const char *text, unsigned char *map,
                                 int maplen, struct vireo_error *err);
VIREO_API char *vireo_cpumap_format(const unsigned char *map, int maplen);

/* Free an array vireo_domain_get_iothread_info() returned, and the maps
 * it holds. NULL is a no-op. */
VIREO_API void vireo_iothread_info_list_free(struct vireo_iothread_info *info,
                                             int n);

/* libvirt's virDomainPinVcpuFlags (flags 0 stands for virDomainPinVcpu),
 * virDomainPinEmulator and virDomainGetEmulatorPinInfo (which returns 1
 * and fills cpumap): maps of maplen bytes as above. */
VIREO_API int vireo_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                                    const unsigned char *cpumap, int maplen,
                                    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_pin_emulator(struct vireo_domain *dom,
                                        const unsigned char *cpumap,
                                        int maplen, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                                 unsigned char *cpumap,
                                                 int maplen, unsigned flags,
                                                 struct vireo_error *err);
/* libvirt's virDomainGetNumaParameters and virDomainSetNumaParameters:
 * VIR_DOMAIN_NUMA_MODE (int) and VIR_DOMAIN_NUMA_NODESET (string). The
 * getter appends to params (clear it with vireo_typed_params_clear()). */
VIREO_API int vireo_domain_get_numa_params(struct vireo_domain *dom,
                                           struct vireo_typed_params *params,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_domain_set_numa_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
/* libvirt's virDomainGetIOThreadInfo: the count of *info, a malloc'ed
 * array (NULL when 0) to free with vireo_iothread_info_list_free(). */
VIREO_API int vireo_domain_get_iothread_info(struct vireo_domain *dom,
                                             struct vireo_iothread_info **info,
                                             unsigned flags,
                                             struct vireo_error *err);
/* libvirt's virDomainPinIOThread, virDomainAddIOThread,
 * virDomainDelIOThread and virDomainSetIOThreadParams. */
VIREO_API int vireo_domain_pin_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id,
                                        const unsigned char *cpumap,
                                        int maplen, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_add_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_del_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_set_iothread_params(
    struct vireo_domain *dom, unsigned iothread_id,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* Domain tuning: block and interface I/O, perf. */

/* The parameters of vireo_domain_get/set_blkio_params (libvirt's names):
 * the weight (uint), and per-device values as strings "path,value,...". */
#define VIR_DOMAIN_BLKIO_WEIGHT             "weight"
#define VIR_DOMAIN_BLKIO_DEVICE_WEIGHT      "device_weight"
#define VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS   "device_read_iops_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS  "device_write_iops_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_READ_BPS    "device_read_bytes_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS   "device_write_bytes_sec"

/* The parameters of vireo_domain_get/set_interface_params (uint, kB/s or
 * kB). */
#define VIR_DOMAIN_BANDWIDTH_IN_AVERAGE  "inbound.average"
#define VIR_DOMAIN_BANDWIDTH_IN_PEAK     "inbound.peak"
#define VIR_DOMAIN_BANDWIDTH_IN_BURST    "inbound.burst"
#define VIR_DOMAIN_BANDWIDTH_IN_FLOOR    "inbound.floor"
#define VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE "outbound.average"
#define VIR_DOMAIN_BANDWIDTH_OUT_PEAK    "outbound.peak"
#define VIR_DOMAIN_BANDWIDTH_OUT_BURST   "outbound.burst"

/* vireo_domain_get_blkio_params: <blkiotune> of the definition flags
 * name (VIR_DOMAIN_AFFECT_*). Fills params (the caller clears them). */
VIREO_API int vireo_domain_get_blkio_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_blkio_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* A disk's I/O throttling (<iotune>), the disk named by its target
 * ("vda") or source path; parameters "total_bytes_sec" ... (ullong) and
 * "group_name" (string), libvirt's names. */
VIREO_API int vireo_domain_get_block_io_tune(
    struct vireo_domain *dom, const char *disk,
    struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_set_block_io_tune(
    struct vireo_domain *dom, const char *disk,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* An interface's <bandwidth>, the interface named by its target device
 * or MAC address (VIR_DOMAIN_BANDWIDTH_*). */
VIREO_API int vireo_domain_get_interface_params(
    struct vireo_domain *dom, const char *device,
    struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_set_interface_params(
    struct vireo_domain *dom, const char *device,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* <perf>: one boolean per perf event, named as libvirt ("cmt",
 * "cpu_cycles" ...). */
VIREO_API int vireo_domain_get_perf_events(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_perf_events(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

#endif /* VIREO_DOMAIN_TUNE_H */
