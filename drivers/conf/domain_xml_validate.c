/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_validate.c: checking a domain document against libvirt's own
 * RelaxNG schema (what VIR_DOMAIN_DEFINE_VALIDATE and
 * VIR_DOMAIN_START_VALIDATE ask for), through xml_schema.h.
 */
#include "drivers/conf/domain_xml_validate.h"
#include "drivers/conf/xml_schema.h"

static struct xml_schema domain_schema = XML_SCHEMA_INIT(DOMAIN_XML_SCHEMA);

int
domain_xml_validate(xmlDocPtr doc, struct vireo_error *err)
{
    return xml_schema_validate(&domain_schema, doc, err);
}
