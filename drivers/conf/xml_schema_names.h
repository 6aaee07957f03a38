/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_schema_names.h: which attributes and child elements libvirt's domain
 * schema (domain.rng and what it includes, under XML_SCHEMA_DIR) allows
 * on an element, told apart by the name of the element that holds it
 * (<source> of a <disk> is not <source> of an <interface>).
 *
 * libvirt's parser reads what its schema describes and ignores the rest:
 * an attribute or element the schema does not allow in that place is one
 * libvirt drops on define. One vireo does not model but the schema allows
 * is one libvirt keeps, so vireo must keep it too (or refuse it). The
 * table is derived from the schema files on first use, once per process,
 * and only read after that. Any thread.
 *
 * When the schema cannot be read, every name counts as known: vireo then
 * keeps or refuses what it does not model, and drops nothing.
 */
#ifndef VIREO_CONF_XML_SCHEMA_NAMES_H
#define VIREO_CONF_XML_SCHEMA_NAMES_H

#include <stdbool.h>

/* The domain schema allows attribute `attr` on <element> inside <parent>
 * ("" for the document's root). */
bool xml_schema_names_has_attr(const char *parent, const char *element,
                               const char *attr);

/* The domain schema allows <child> inside <element> inside <parent>. */
bool xml_schema_names_has_child(const char *parent, const char *element,
                                const char *child);

/* The same for another schema file (a test's own): a table built and
 * freed by the caller. NULL if the file cannot be read. */
struct xml_schema_names;
struct xml_schema_names *xml_schema_names_load(const char *path);
bool xml_schema_names_table_has_attr(const struct xml_schema_names *t,
                                     const char *parent, const char *element,
                                     const char *attr);
bool xml_schema_names_table_has_child(const struct xml_schema_names *t,
                                      const char *parent,
                                      const char *element, const char *child);
void xml_schema_names_free(struct xml_schema_names *t);

#endif /* VIREO_CONF_XML_SCHEMA_NAMES_H */
