/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_format.h: what the two halves of the formatter share
 * (domain_xml_format.c writes <domain> and <os>, domain_xml_devices_format.c
 * writes <devices>): libvirt's order of an element's children as a table
 * of slots, each filled by vireo's own field of that name and by the
 * preserved elements of that name.
 */
#ifndef VIREO_CONF_DOMAIN_XML_FORMAT_H
#define VIREO_CONF_DOMAIN_XML_FORMAT_H

#include <stddef.h>
#include <stdio.h>

#include "drivers/conf/domain_def.h"

/* The slot of preserved elements whose name libvirt does not know there,
 * and the slot of those in a namespace of their own (libvirt writes
 * namespaced data last). */
#define SLOT_UNKNOWN "*"
#define SLOT_FOREIGN NULL

/* One document being written. A writer that runs out of memory sets
 * is_out_of_memory, and domain_def_format then returns NULL. */
struct format {
    FILE                    *out;
    const struct domain_def *def;
    bool                     is_out_of_memory;
};

/* One place in libvirt's order: the element name, and the writer of
 * vireo's own field of that name (NULL when only preserved elements go
 * there). A writer may write nothing. */
struct slot {
    const char *name;
    void      (*put)(struct format *f);
};

/* The preserved elements to place, and the indent of their level. */
struct extras {
    const struct domain_extra *list;
    int                        n;
    const char                *indent;
};

/* Write every slot in order: its field, then its preserved elements in
 * document order. */
void format_slots(struct format *f, const struct slot *slots,
                  size_t n_slots, const struct extras *extras);

/* Whether a preserved element of this name is among extras. */
bool format_has_extra(const struct domain_extra *list, int n,
                      const char *name);

/* <devices> ... </devices>, in domain_xml_devices_format.c. */
void domain_xml_devices_format(struct format *f);

#endif /* VIREO_CONF_DOMAIN_XML_FORMAT_H */
