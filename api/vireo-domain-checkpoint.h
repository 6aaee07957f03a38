/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain-checkpoint.h: the part of the public header for domain
 * checkpoints.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_CHECKPOINT_H
#define VIREO_DOMAIN_CHECKPOINT_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain-checkpoint.h"
#endif

/* Domain checkpoints. */

/* libvirt's virDomainCheckpointPtr: a domain's checkpoint, by name. */
struct vireo_domain_checkpoint;

/* Flags of vireo_domain_checkpoint_create_xml(). */
enum vireo_domain_checkpoint_create_flags {
    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE          = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE           = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE = 1 << 2,
};

/* Flags of vireo_domain_checkpoint_get_xml_desc(). */
enum vireo_domain_checkpoint_xml_flags {
    VIR_DOMAIN_CHECKPOINT_XML_SECURE    = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_XML_SIZE      = 1 << 2,
};

/* Flags of the checkpoint listings: ROOTS from the domain and
 * DESCENDANTS from a checkpoint share a bit. */
enum vireo_domain_checkpoint_list_flags {
    VIR_DOMAIN_CHECKPOINT_LIST_ROOTS       = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_LIST_LEAVES      = 1 << 2,
    VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES   = 1 << 3,
};

/* Flags of vireo_domain_checkpoint_delete(). */
enum vireo_domain_checkpoint_delete_flags {
    VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN      = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY = 1 << 2,
};

/* Flag of vireo_domain_undefine(): drop the checkpoints' metadata too. */
enum {
    VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA = 1 << 4,
};

/* Checkpoints, libvirt's virDomainCheckpoint* calls one for one. A
 * returned handle is the caller's (vireo_domain_checkpoint_free); a
 * returned list is a malloc'ed array of n handles and a NULL, each freed,
 * then the array. */
VIREO_API const char *vireo_domain_checkpoint_get_name(
    const struct vireo_domain_checkpoint *chk);
/* The domain, borrowed from the checkpoint handle. */
VIREO_API struct vireo_domain *vireo_domain_checkpoint_get_domain(
    const struct vireo_domain_checkpoint *chk);
VIREO_API void vireo_domain_checkpoint_free(
    struct vireo_domain_checkpoint *chk);
VIREO_API struct vireo_domain_checkpoint *vireo_domain_checkpoint_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
/* The <domaincheckpoint> document; the caller frees it. */
VIREO_API char *vireo_domain_checkpoint_get_xml_desc(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
/* chks may be NULL to only count. Returns n or -1. */
VIREO_API int vireo_domain_list_all_checkpoints(
    struct vireo_domain *dom, struct vireo_domain_checkpoint ***chks,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_domain_checkpoint *
vireo_domain_checkpoint_lookup_by_name(struct vireo_domain *dom,
                                       const char *name, unsigned flags,
                                       struct vireo_error *err);
VIREO_API struct vireo_domain_checkpoint *vireo_domain_checkpoint_get_parent(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_checkpoint_delete(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);

#endif /* VIREO_DOMAIN_CHECKPOINT_H */
