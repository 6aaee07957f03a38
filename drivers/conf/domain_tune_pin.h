/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_tune_pin.h: where a definition places its threads, as libvirt's
 * domain XML holds it: the I/O threads (<iothreads>, <iothreadids>), the
 * pinning of vCPUs, emulator and I/O threads (<cputune>) and the memory
 * policy on the host's NUMA nodes (<numatune>). domain_xml_tune_pin.c
 * reads and writes them.
 *
 * Plain data owned by the definition that holds it; every set is its
 * canonical text (cpuset.h). Any thread may use these functions on a
 * definition it owns.
 */
#ifndef VIREO_CONF_DOMAIN_TUNE_PIN_H
#define VIREO_CONF_DOMAIN_TUNE_PIN_H

#include <stdbool.h>

#include "api/vireo.h"

/* One I/O thread (libvirt's virDomainIOThreadIDDef). */
struct domain_iothread {
    unsigned int id;              /* > 0, unique in the definition */
    bool         is_autofill;     /* numbered by libvirt to reach
                                   * <iothreads>' count: not written in
                                   * <iothreadids> */
    int          thread_pool_min; /* -1 when absent */
    int          thread_pool_max; /* -1 when absent */
    char        *cpuset;          /* <iothreadpin>; NULL: not pinned */
};

/* One <vcpupin>. */
struct domain_vcpu_pin {
    unsigned int vcpu;
    char        *cpuset;
};

/* libvirt's virDomainNumatuneMemMode and virDomainNumatunePlacement. */
enum domain_numa_mode {
    DOMAIN_NUMA_MODE_STRICT = 0,
    DOMAIN_NUMA_MODE_PREFERRED,
    DOMAIN_NUMA_MODE_INTERLEAVE,
    DOMAIN_NUMA_MODE_RESTRICTIVE,
    DOMAIN_NUMA_MODE_LAST
};

enum domain_numa_placement {
    DOMAIN_NUMA_PLACEMENT_DEFAULT = 0,
    DOMAIN_NUMA_PLACEMENT_STATIC,
    DOMAIN_NUMA_PLACEMENT_AUTO,
};

struct domain_pin {
    struct domain_iothread *iothreads;    /* in libvirt's order */
    int                     n_iothreads;
    struct domain_vcpu_pin *vcpu_pins;    /* by rising vCPU */
    int                     n_vcpu_pins;
    char                   *emulator_cpuset; /* <emulatorpin>; NULL: none */
    /* The other children of <cputune>, kept as written (each line
     * indented for its place, newline-terminated): those libvirt writes
     * before the pins (<shares>, <period> ...) and after them
     * (<vcpusched>, <cachetune> ...). NULL when none. */
    char                   *cputune_head;
    char                   *cputune_tail;
    /* <numatune><memory>: written when is_numa_set. */
    bool                    is_numa_set;
    int                     numa_mode;      /* enum domain_numa_mode */
    int                     numa_placement; /* enum domain_numa_placement */
    char                   *numa_nodeset;   /* placement static: the set */
    char                   *numa_memnodes;  /* <memnode> lines, as written */
    /* The parser's notes until every child of <domain> is read; zero and
     * NULL in a finished definition. */
    unsigned int            parsed_iothreads;   /* <iothreads>' count */
    struct domain_vcpu_pin *parsed_iothread_pins; /* .vcpu: the thread */
    int                     n_parsed_iothread_pins;
};

/* A deep copy of src into dst (whose old content is not freed). false
 * when memory is short; dst then holds what it could copy, to free. */
bool domain_pin_copy(struct domain_pin *dst, const struct domain_pin *src);

/* Free what pin holds and zero it. */
void domain_pin_clear(struct domain_pin *pin);

/* The I/O thread with this id, or NULL. */
struct domain_iothread *domain_pin_find_iothread(struct domain_pin *pin,
                                                 unsigned int id);

/* Append I/O thread id (libvirt's virDomainIOThreadIDAdd): not autofill,
 * no pool bounds, not pinned. NULL when memory is short. */
struct domain_iothread *domain_pin_add_iothread(struct domain_pin *pin,
                                                unsigned int id);

/* Remove I/O thread id (libvirt's virDomainIOThreadIDDel): those after it
 * lose their autofill, so that their ids stay written. */
void domain_pin_del_iothread(struct domain_pin *pin, unsigned int id);

/* Pin vCPU vcpu to cpuset (canonical text, taken over: freed on failure
 * too). 0, or -1 when memory is short. */
int domain_pin_set_vcpu(struct domain_pin *pin, unsigned int vcpu,
                        char *cpuset);

/* vCPU vcpu's pinning, or NULL when it has none. */
const char *domain_pin_vcpu(const struct domain_pin *pin, unsigned int vcpu);

/* libvirt's virDomainNumatuneSet with the vCPU placement static: mode
 * and placement -1 and nodeset NULL keep what is there. 0, or -1 with err
 * set (VIR_ERR_CONFIG_UNSUPPORTED when a static placement is left without a
 * nodeset), pin unchanged; nodeset (canonical) is copied. */
int domain_pin_set_numa(struct domain_pin *pin, int mode, int placement,
                        const char *nodeset, struct vireo_error *err);

/* libvirt's words for a mode ("strict" ...), NULL outside the enum; and
 * the reverse, -1 for an unknown word. */
const char *domain_numa_mode_to_string(int mode);
int domain_numa_mode_from_string(const char *word);

#endif /* VIREO_CONF_DOMAIN_TUNE_PIN_H */
