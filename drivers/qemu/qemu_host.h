/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_host.h: what the host and its QEMU offer, as libvirt's QEMU driver
 * reports it: QEMU's version and machine types (asked of the emulator
 * once, when the driver starts, without waiting for it), the host's CPUs
 * and memory, and the capabilities document built from them.
 *
 * Driver thread only.
 */
#ifndef VIREO_QEMU_HOST_H
#define VIREO_QEMU_HOST_H

#include <stdbool.h>

#include "api/vireo.h"

struct qemu_facts;
struct qemu_host;
struct worker;

/* Look for the emulator (qemu-system-x86_64 on PATH) and start asking it
 * for its version and machine types. Never fails for a missing QEMU: the
 * driver runs without one, and says so when asked. NULL only when memory
 * is short. */
struct qemu_host *qemu_host_new(struct worker *w);
/* Stops any question still running. NULL is a no-op. */
void qemu_host_free(struct qemu_host *host);

/* The emulator found on PATH, or the name looked for when none was. */
const char *qemu_host_emulator(const struct qemu_host *host);

/* Whether QEMU's answers are still awaited. If so, qemu_host_wait() makes
 * the current call wait for them (0; its slot then returns and asks again
 * when it runs again), or fails (-1, err set). */
int qemu_host_is_probing(const struct qemu_host *host);
int qemu_host_wait(struct qemu_host *host, struct vireo_error *err);
/* Both in one, for a slot that returns a document: 1 when QEMU's answers
 * are here; 0 when the current call now waits for them (the slot returns
 * and runs again once they come); -1 with err set when the wait failed
 * or timed out. */
int qemu_host_ready(struct qemu_host *host, struct vireo_error *err);

/* QEMU's version as libvirt gives it (major * 1000000 + minor * 1000 +
 * micro); -1 with VIR_ERR_INTERNAL_ERROR when there is no usable QEMU. */
int qemu_host_version(const struct qemu_host *host,
                      unsigned long long *version, struct vireo_error *err);

/* What QEMU answered over QMP (qemu_facts.h), or NULL when it could not
 * answer. */
const struct qemu_facts *qemu_host_facts(const struct qemu_host *host);

/* Whether guests may be of virt type kvm: /dev/kvm was there when the
 * driver started and QEMU, started with KVM, said it runs with it
 * (qemu_facts_kvm_is_usable), as libvirt's QEMU driver decides once when
 * it probes QEMU. false until QEMU answered (qemu_host_is_probing). */
bool qemu_host_has_kvm(const struct qemu_host *host);

/* The full name of machine type name (an alias is resolved), or of
 * QEMU's default machine when name is NULL; NULL when QEMU has no such
 * machine. Borrowed from host. */
const char *qemu_host_machine(const struct qemu_host *host, const char *name);

/* The capabilities document, malloc'ed; NULL with err set. */
char *qemu_host_capabilities(const struct qemu_host *host,
                             struct vireo_error *err);

/* The host's CPUs and memory, from /proc and /sys. 0 or -1 (err). */
int qemu_host_node_info(struct vireo_node_info *info,
                        struct vireo_error *err);

#endif /* VIREO_QEMU_HOST_H */
