/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune_pin.h: the thread placement's parts of the domain XML
 * parser and formatter (domain_xml_tune_pin.c), called from their tables:
 * <iothreads>, <iothreadids>, <cputune> and <numatune>.
 */
#ifndef VIREO_CONF_DOMAIN_XML_TUNE_PIN_H
#define VIREO_CONF_DOMAIN_XML_TUNE_PIN_H

#include <libxml/tree.h>

struct format;
struct parse;

int  domain_xml_iothreads_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_iothreadids_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_cputune_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_numatune_parse(struct parse *p, xmlNodePtr node);

/* Once every child of <domain> is read, as libvirt reads them in its own
 * order: number the I/O threads <iothreads> counts beyond those listed,
 * attach the <iothreadpin>s to them, drop the <vcpupin>s of vCPUs the
 * domain does not have. */
int  domain_xml_pin_settle(struct parse *p);

void domain_xml_iothreads_format(struct format *f);
void domain_xml_iothreadids_format(struct format *f);
void domain_xml_cputune_format(struct format *f);
void domain_xml_numatune_format(struct format *f);

#endif /* VIREO_CONF_DOMAIN_XML_TUNE_PIN_H */
