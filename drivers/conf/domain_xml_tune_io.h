/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune_io.h: the I/O tunables' parts of the domain XML parser
 * and formatter (domain_xml_tune_io.c), called from their tables.
 */
#ifndef VIREO_CONF_DOMAIN_XML_TUNE_IO_H
#define VIREO_CONF_DOMAIN_XML_TUNE_IO_H

#include <stdio.h>

#include <libxml/tree.h>

#include "drivers/conf/domain_iotune.h"

struct format;
struct parse;

/* <blkiotune> and <perf>, children of <domain>. */
int  domain_xml_blkiotune_parse(struct parse *p, xmlNodePtr node);
void domain_xml_blkiotune_format(struct format *f);
int  domain_xml_perf_parse(struct parse *p, xmlNodePtr node);
void domain_xml_perf_format(struct format *f);

/* A disk's <iotune>, into the disk being read; written at a disk
 * child's indent (nothing when no value is set). */
int  domain_xml_disk_iotune_parse(struct parse *p, xmlNodePtr node);
void domain_xml_disk_iotune_format(FILE *out,
                                   const struct domain_disk_iotune *t);

/* An interface's <bandwidth>, into the interface being read. */
int  domain_xml_bandwidth_parse(struct parse *p, xmlNodePtr node);
void domain_xml_bandwidth_format(FILE *out, const struct domain_bandwidth *b);

#endif /* VIREO_CONF_DOMAIN_XML_TUNE_IO_H */
