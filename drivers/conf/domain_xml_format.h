/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_format.h: what the parts of the formatter share
 * (domain_xml_format.c writes <domain> and <os>,
 * domain_xml_platform_format.c <features>, <cpu>, <clock> and <pm>,
 * domain_xml_devices_format.c <devices>, with the character devices in
 * domain_xml_chardev_format.c and the rest in
 * domain_xml_display_format.c): libvirt's order of an element's children
 * as a table of slots, each filled by vireo's own field of that name and
 * by the preserved elements of that name; and the children every device
 * ends with.
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
    bool                     is_live;   /* a running domain: live facts
                                         * (aliases, ptys, ports) shown */
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

/* A device's closing children, as libvirt ends every device: <boot
 * order>, then (live only) <alias>, then <address>, at the indent of a
 * device's children. */
void format_device_info(struct format *f,
                        const struct domain_device_info *info);

/* Whether format_device_info writes anything: an element without it
 * closes at once (<input type='tablet' bus='usb'/>). */
bool format_has_device_info(const struct format *f,
                            const struct domain_device_info *info);

/* The parts, each in its own file. */
void domain_xml_devices_format(struct format *f);
void domain_xml_features_format(struct format *f);
void domain_xml_cpu_format(struct format *f);
void domain_xml_clock_format(struct format *f);
void domain_xml_pm_format(struct format *f);
void domain_xml_interfaces_format(struct format *f);
void domain_xml_serials_format(struct format *f);
void domain_xml_consoles_format(struct format *f);
void domain_xml_channels_format(struct format *f);
void domain_xml_parallels_format(struct format *f);
void domain_xml_smartcards_format(struct format *f);
void domain_xml_inputs_format(struct format *f);
void domain_xml_graphics_format(struct format *f);
void domain_xml_videos_format(struct format *f);
void domain_xml_memballoon_format(struct format *f);
void domain_xml_rngs_format(struct format *f);
void domain_xml_redirdevs_format(struct format *f);

#endif /* VIREO_CONF_DOMAIN_XML_FORMAT_H */
