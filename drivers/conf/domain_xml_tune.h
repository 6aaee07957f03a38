/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune.h: the tunables' parts of the domain XML parser and
 * formatter (domain_xml_tune.c), called from their tables.
 */
#ifndef VIREO_CONF_DOMAIN_XML_TUNE_H
#define VIREO_CONF_DOMAIN_XML_TUNE_H

#include <libxml/tree.h>

struct format;
struct parse;

/* <memtune>: its limits, each with libvirt's units. */
int  domain_xml_memtune_parse(struct parse *p, xmlNodePtr node);
void domain_xml_memtune_format(struct format *f);

#endif /* VIREO_CONF_DOMAIN_XML_TUNE_H */
