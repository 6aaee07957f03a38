/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_facts.h: what QEMU says of itself over QMP when the driver starts
 * (qemu_probe_start_qmp): each machine type's vCPU limit, the CPU models
 * it runs and whether the accelerator can run them, the QOM types it
 * builds (devices among them) and the commands it knows. The domain
 * capabilities are written from these, as libvirt's QEMU driver writes
 * them from the same questions.
 *
 * Driver thread only.
 */
#ifndef VIREO_QEMU_FACTS_H
#define VIREO_QEMU_FACTS_H

#include <stdbool.h>

/* The commands to give the probe, one a line, ending with quit. */
extern const char qemu_facts_commands[];

/* A CPU model of query-cpu-definitions; part of its facts. */
struct qemu_cpu_model {
    char *name;
    bool  is_usable;     /* no feature missing under the accelerator */
};

/* Owned by the driver's thread (its qemu_host). */
struct qemu_facts {
    struct qemu_facts_machine {
        char *name;
        int   cpu_max;
    }                      *machines;
    int                     n_machines;
    struct qemu_cpu_model  *cpus;          /* in QEMU's order */
    int                     n_cpus;
    char                  **types;         /* sorted, for bsearch */
    int                     n_types;
    char                  **commands;      /* sorted, for bsearch */
    int                     n_commands;
};

/* The facts in the probe's output, malloc'ed (qemu_facts_free); NULL when
 * the output holds no answer to query-machines (no usable QEMU) or memory
 * is short. */
struct qemu_facts *qemu_facts_parse(const char *output);
/* NULL is a no-op. */
void qemu_facts_free(struct qemu_facts *f);

/* The commands of the KVM probe, which starts the emulator with accel
 * "kvm:tcg" as libvirt's QEMU driver probes it: query-kvm, then quit. */
extern const char qemu_facts_kvm_commands[];

/* Whether the KVM probe's output says KVM runs guests here: query-kvm
 * answered that KVM is present and enabled (QEMU fell back to TCG
 * otherwise), which is how libvirt's QEMU driver decides that kvm is a
 * virt type of this host. false for no output (QEMU could not start
 * with KVM) or no answer. */
bool qemu_facts_kvm_is_usable(const char *output);

/* The most vCPUs machine (a full name, not an alias) takes; 0 unknown. */
int  qemu_facts_cpu_max(const struct qemu_facts *f, const char *machine);
bool qemu_facts_has_type(const struct qemu_facts *f, const char *type);
bool qemu_facts_has_command(const struct qemu_facts *f, const char *name);

#endif /* VIREO_QEMU_FACTS_H */
