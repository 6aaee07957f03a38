/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_checkpoint.h: the slots of struct driver (driver.h) for
 * domain checkpoints. Each slot's comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Domain checkpoints. */
    /* The checkpoint API, one slot per libvirt call of the same name
     * (virDomainCheckpoint*, virDomainListAllCheckpoints). A returned
     * handle or array (of n handles and a NULL) belongs to the caller
     * (handle_checkpoint_unref, handle_checkpoint_array_free); a list
     * call sets *chks only when it returns n >= 0. Errors carry libvirt's
     * codes: VIR_ERR_NO_DOMAIN_CHECKPOINT for a name the domain lacks. */
    struct vireo_domain_checkpoint *(*domain_checkpoint_create_xml)(
        struct vireo_domain *dom, const char *xml, unsigned flags,
        struct vireo_error *err);
    char *(*domain_checkpoint_get_xml_desc)(
        struct vireo_domain_checkpoint *chk, unsigned flags,
        struct vireo_error *err);
    int (*domain_list_all_checkpoints)(
        struct vireo_domain *dom, struct vireo_domain_checkpoint ***chks,
        unsigned flags, struct vireo_error *err);
    int (*domain_checkpoint_list_all_children)(
        struct vireo_domain_checkpoint *chk,
        struct vireo_domain_checkpoint ***chks, unsigned flags,
        struct vireo_error *err);
    struct vireo_domain_checkpoint *(*domain_checkpoint_lookup_by_name)(
        struct vireo_domain *dom, const char *name, unsigned flags,
        struct vireo_error *err);
    struct vireo_domain_checkpoint *(*domain_checkpoint_get_parent)(
        struct vireo_domain_checkpoint *chk, unsigned flags,
        struct vireo_error *err);
    int (*domain_checkpoint_delete)(struct vireo_domain_checkpoint *chk,
                                    unsigned flags, struct vireo_error *err);
