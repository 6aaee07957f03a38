/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_tune.h: the tunables of a definition that vireo types
 * (domain_xml_tune.c reads and writes them): <memtune>'s limits. Plain
 * values, copied with the definition that holds them.
 */
#ifndef VIREO_CONF_DOMAIN_TUNE_H
#define VIREO_CONF_DOMAIN_TUNE_H

#include <stdbool.h>

/* One memory limit in KiB. Unset (all zeros) means libvirt's "unlimited"
 * (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED); a value of 0 is a real limit. */
struct domain_mem_limit {
    bool               is_set;
    unsigned long long kib;
};

/* <memtune>, in the order libvirt writes its children. */
struct domain_memtune {
    struct domain_mem_limit hard_limit;
    struct domain_mem_limit soft_limit;
    unsigned long long      min_guarantee_kib;  /* 0: absent */
    struct domain_mem_limit swap_hard_limit;
};

/* The limit as the memory parameters carry it: its value, or
 * VIR_DOMAIN_MEMORY_PARAM_UNLIMITED. */
unsigned long long domain_mem_limit_get(const struct domain_mem_limit *l);

/* Set from a parameter's value: UNLIMITED and above unset it, as libvirt
 * truncates them. */
void domain_mem_limit_set(struct domain_mem_limit *l, unsigned long long kib);

#endif /* VIREO_CONF_DOMAIN_TUNE_H */
