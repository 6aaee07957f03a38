/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_x86.h: libvirt's x86 CPU baseline (virConnectBaselineCPU), on the
 * features and models of libvirt's CPU map (cpu_map.h), so that the
 * model, vendor and features it finds are the ones libvirt finds.
 * Stateless (the map is read for each call); any thread.
 */
#ifndef VIREO_DRIVERS_CPU_X86_H
#define VIREO_DRIVERS_CPU_X86_H

#include "api/vireo.h"

/* libvirt's VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES: list every feature
 * of the model found, not only those it lacks. */
#define CPU_BASELINE_EXPAND_FEATURES 1u

/* The guest CPU every host CPU of xml_cpus (each a <cpu> element of a
 * host: arch, model, vendor, features) can run, as libvirt's x86 driver
 * computes it from the map in dir, formatted as libvirt formats it;
 * malloc'ed, or NULL with err set in libvirt's words. */
char *cpu_x86_baseline(const char *dir, const char *const *xml_cpus,
                       unsigned n_cpus, unsigned flags,
                       struct vireo_error *err);

#endif /* VIREO_DRIVERS_CPU_X86_H */
