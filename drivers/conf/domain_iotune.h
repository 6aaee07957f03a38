/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_iotune.h: the I/O tunables of a definition (domain_xml_tune_io.c
 * reads and writes them): <blkiotune>, a disk's <iotune>, an interface's
 * <bandwidth> and <perf>. Plain values owned by the definition that holds
 * them, copied with it (domain_iotune_*_copy) and freed with it
 * (domain_iotune_*_clear). Any thread.
 */
#ifndef VIREO_CONF_DOMAIN_IOTUNE_H
#define VIREO_CONF_DOMAIN_IOTUNE_H

#include <stdbool.h>

/* One <blkiotune><device>: 0 means "not set" for every value, as in
 * libvirt (a device whose values are all 0 is not written). */
struct domain_blkio_device {
    char              *path;
    unsigned int       weight;
    unsigned int       read_iops_sec;
    unsigned int       write_iops_sec;
    unsigned long long read_bytes_sec;
    unsigned long long write_bytes_sec;
};

/* <blkiotune>: weight 0 is "not set". */
struct domain_blkiotune {
    unsigned int                weight;
    struct domain_blkio_device *devices;
    int                         n_devices;
};

/* The values of a disk's <iotune>, in libvirt's order (the order of its
 * children and of virDomainGetBlockIoTune's parameters; group_name comes
 * between size_iops_sec and the lengths). */
enum domain_iotune_field {
    DOMAIN_IOTUNE_TOTAL_BYTES_SEC = 0,
    DOMAIN_IOTUNE_READ_BYTES_SEC,
    DOMAIN_IOTUNE_WRITE_BYTES_SEC,
    DOMAIN_IOTUNE_TOTAL_IOPS_SEC,
    DOMAIN_IOTUNE_READ_IOPS_SEC,
    DOMAIN_IOTUNE_WRITE_IOPS_SEC,
    DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX,
    DOMAIN_IOTUNE_READ_BYTES_SEC_MAX,
    DOMAIN_IOTUNE_WRITE_BYTES_SEC_MAX,
    DOMAIN_IOTUNE_TOTAL_IOPS_SEC_MAX,
    DOMAIN_IOTUNE_READ_IOPS_SEC_MAX,
    DOMAIN_IOTUNE_WRITE_IOPS_SEC_MAX,
    DOMAIN_IOTUNE_SIZE_IOPS_SEC,
    DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_READ_BYTES_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_READ_IOPS_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH,
    DOMAIN_IOTUNE_N_FIELDS,
};

/* Where group_name goes among the fields. */
#define DOMAIN_IOTUNE_GROUP_NAME_BEFORE DOMAIN_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH

/* A disk's <iotune>: 0 is "not set" for every value. */
struct domain_disk_iotune {
    unsigned long long values[DOMAIN_IOTUNE_N_FIELDS];
    char              *group_name;  /* may be NULL */
};

/* libvirt's name of a field ("total_bytes_sec"), both the element's and
 * the parameter's. */
const char *domain_iotune_field_name(int field);

/* One direction of an interface's <bandwidth>. */
struct domain_bandwidth_rate {
    bool               is_set;
    unsigned long long average;   /* kB/s */
    unsigned long long peak;      /* 0: absent */
    unsigned long long floor;     /* inbound only; 0: absent */
    unsigned long long burst;     /* kB; 0: absent */
};

struct domain_bandwidth {
    struct domain_bandwidth_rate inbound;
    struct domain_bandwidth_rate outbound;
};

/* The perf events libvirt 9.0 knows, in its order (virPerfEventType). */
#define DOMAIN_PERF_N_EVENTS 22

/* libvirt's name of event i ("cmt", "cpu_cycles" ...), or NULL. */
const char *domain_perf_event_name(int i);

/* The index of a name, or -1. */
int domain_perf_event_index(const char *name);

/* <perf>: each event enum domain_tristate (absent, yes, no). */
struct domain_perf {
    int events[DOMAIN_PERF_N_EVENTS];
};

/* A deep copy (0, or -1 on allocation failure with dst left clear), and
 * clears (free what is owned, leave the struct zeroed). A disk's iotune
 * is copied with its disk (domain_def_copy). */
int  domain_iotune_blkiotune_copy(struct domain_blkiotune *dst,
                                  const struct domain_blkiotune *src);
void domain_iotune_blkiotune_clear(struct domain_blkiotune *b);
void domain_iotune_disk_clear(struct domain_disk_iotune *t);

#endif /* VIREO_CONF_DOMAIN_IOTUNE_H */
