/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_schema.h: checking a document against one of libvirt's RelaxNG
 * schemas (installed by the libvirt0 package under
 * /usr/share/libvirt/schemas/), with libxml2's RelaxNG support, so that a
 * document is valid for vireo exactly when it is valid for libvirt.
 */
#ifndef VIREO_CONF_XML_SCHEMA_H
#define VIREO_CONF_XML_SCHEMA_H

#include <stdatomic.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "api/vireo.h"

#define XML_SCHEMA_DIR "/usr/share/libvirt/schemas/"

/* One schema, compiled on first use and only read after that: declare it
 * static, XML_SCHEMA_INIT(path). Any thread. */
struct xml_schema {
    const char              *path;
    _Atomic(xmlRelaxNGPtr)   compiled;   /* NULL until the first use */
};

#define XML_SCHEMA_INIT(file) { .path = (file), .compiled = NULL }

/* 0 if doc is valid against schema; else -1 with err set to
 * VIR_ERR_XML_INVALID_SCHEMA and libvirt's message: "Unable to validate
 * doc against <schema>" then libxml2's complaints, one a line (cut to
 * fit the message). Any thread. */
int xml_schema_validate(struct xml_schema *schema, xmlDocPtr doc,
                        struct vireo_error *err);

#endif /* VIREO_CONF_XML_SCHEMA_H */
