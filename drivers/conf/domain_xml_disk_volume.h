/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_disk_volume.h: a disk of type 'volume', which names a volume
 * of a storage pool (<source pool='P' volume='V' mode='M'/>) rather than a
 * file: its reading, writing, copying and freeing, called from the disk's
 * own (domain_xml_devices.c, domain_xml_devices_format.c, domain_def.c).
 * Stateless; any thread.
 */
#ifndef VIREO_CONF_DOMAIN_XML_DISK_VOLUME_H
#define VIREO_CONF_DOMAIN_XML_DISK_VOLUME_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

struct domain_disk;
struct parse;

/* Whether d is of type 'volume'. */
bool domain_disk_is_volume(const struct domain_disk *d);

/* The <source> of a volume disk, into d, with libvirt's checks: pool and
 * volume both or neither (VIR_ERR_XML_ERROR), a mode libvirt knows
 * (VIR_ERR_CONFIG_UNSUPPORTED). 0, or -1 with p->err set. */
int  domain_xml_disk_volume_parse(struct parse *p, xmlNodePtr node,
                                  struct domain_disk *d);

/* Its <source>, at a disk child's indent; nothing when it names no
 * volume (an empty drive). */
void domain_xml_disk_volume_format(FILE *out, const struct domain_disk *d);

/* Copy src's volume fields into dst (which holds copies of nothing yet),
 * *failed set when memory is short; and free them. */
void domain_disk_volume_copy(struct domain_disk *dst,
                             const struct domain_disk *src, bool *failed);
void domain_disk_volume_clear(struct domain_disk *d);

#endif /* VIREO_CONF_DOMAIN_XML_DISK_VOLUME_H */
