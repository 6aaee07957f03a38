/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_validate.h: a domain document against libvirt's RelaxNG
 * schema (define --validate, create --validate).
 */
#ifndef VIREO_CONF_DOMAIN_XML_VALIDATE_H
#define VIREO_CONF_DOMAIN_XML_VALIDATE_H

#include <libxml/tree.h>

#include "api/vireo.h"

/* libvirt's schema of domain XML, installed by the libvirt0 package. */
#define DOMAIN_XML_SCHEMA "/usr/share/libvirt/schemas/domain.rng"

/* 0 if doc is valid against DOMAIN_XML_SCHEMA; else -1 with err set to
 * VIR_ERR_XML_INVALID_SCHEMA and libvirt's message: "Unable to validate
 * doc against <schema>" then libxml2's complaints, one a line (cut to
 * fit the message). The schema is compiled on the first call. Any thread. */
int domain_xml_validate(xmlDocPtr doc, struct vireo_error *err);

#endif /* VIREO_CONF_DOMAIN_XML_VALIDATE_H */
