/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_tune.h: the tunables of a definition that vireo types
 * (domain_xml_tune.c reads and writes them): <memtune>'s limits, plain
 * values copied with the definition that holds them; and the elements of
 * <metadata> (domain_xml_tune_metadata.c), which stays a preserved
 * element of the definition.
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

struct domain_def;
struct vireo_error;

/* The element of <metadata> in namespace uri, as libvirt's
 * virDomainGetMetadata returns it (its namespace dropped, indented);
 * malloc'd. NULL with VIR_ERR_NO_DOMAIN_METADATA when there is none. */
char *domain_metadata_get(const struct domain_def *def, const char *uri,
                          struct vireo_error *err);

/* libvirt's virDomainSetMetadata for an element: xml (a document of one
 * element) replaces the elements of namespace uri, under prefix key; NULL
 * only removes them (an emptied <metadata/> stays, as in libvirt). 0, or
 * -1 with err set (VIR_ERR_XML_DETAIL for a document that does not parse,
 * VIR_ERR_INTERNAL_ERROR for a key that cannot be a prefix), def
 * unchanged. */
int domain_metadata_set(struct domain_def *def, const char *xml,
                        const char *key, const char *uri,
                        struct vireo_error *err);

#endif /* VIREO_CONF_DOMAIN_TUNE_H */
