/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_map.h: the CPU models libvirt knows for each architecture, read
 * from libvirt's own CPU map (the files libvirt0 installs under
 * /usr/share/libvirt/cpu_map), so that a driver lists exactly what
 * libvirt's drivers list. Stateless; any thread.
 */
#ifndef VIREO_DRIVERS_CPU_MAP_H
#define VIREO_DRIVERS_CPU_MAP_H

#include <stdbool.h>

#include "api/vireo.h"

#define CPU_MAP_DIR "/usr/share/libvirt/cpu_map"

/* libvirt's virConnectGetCPUModelNames for arch, from the map in dir:
 * the models of its CPU driver in the map's order; returns how many, or
 * -1 with err set (domain `from`) as libvirt sets it: VIR_ERR_INVALID_ARG
 * for a name that is no architecture, VIR_ERR_NO_SUPPORT for one no CPU
 * driver handles. 0 for a driver that accepts any model (ARM, s390).
 * *models, if models is not NULL, is a malloc'ed NULL-ended array of
 * malloc'ed names (the caller frees both; NULL when there are none). */
int cpu_map_model_names(const char *dir, const char *arch, char ***models,
                        int from, struct vireo_error *err);

/* Whether name is one of libvirt's architecture names. */
bool cpu_map_is_arch(const char *name);

#endif /* VIREO_DRIVERS_CPU_MAP_H */
