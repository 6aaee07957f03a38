/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_child.h: the few lookups libvirt's XPath-based object parsers make
 * (the interface and node device XML): the first child element of a name,
 * an attribute or an element's text as a malloc'ed string, a number
 * libvirt's way, and a document whose root must have a given name.
 *
 * Unknown elements are simply not looked at, as an XPath query would not
 * see them. Stateless; any thread.
 */
#ifndef VIREO_CONF_XML_CHILD_H
#define VIREO_CONF_XML_CHILD_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "api/vireo.h"

/* The first element child of node named name (in no namespace), or NULL. */
xmlNodePtr xml_child(xmlNodePtr node, const char *name);

/* The next element sibling after node with the same name, or NULL. */
xmlNodePtr xml_child_next(xmlNodePtr node);

/* How many element children of node are named name. */
int xml_child_count(xmlNodePtr node, const char *name);

/* An attribute's value, malloc'ed, or NULL when absent. *is_oom is set
 * when memory ran short (the caller fails then). */
char *xml_child_attr(xmlNodePtr node, const char *name, bool *is_oom);

/* The attribute attr of the first child element named name, as above
 * (string(./name[1]/@attr)). */
char *xml_child_attr_of(xmlNodePtr node, const char *name, const char *attr,
                        bool *is_oom);

/* The text of the first child element named name, malloc'ed, or NULL
 * when there is none (string(./name) in libvirt, where an empty text
 * also counts as none). *is_oom as above. */
char *xml_child_text(xmlNodePtr node, const char *name, bool *is_oom);

/* A whole decimal number as virXPathULong reads one: 0 and *out set, or
 * -1 when text is not a number (libvirt's "-2"). Leading space allowed. */
int xml_child_ulong(const char *text, unsigned long *out);
int xml_child_long(const char *text, long *out);
/* The same for a number that may be written in hex (0x...) or octal, as
 * virXPathUInt reads one. */
int xml_child_ulong_any_base(const char *text, unsigned long *out);

/* Parse document xml, named doc_name in a syntax error, whose root must
 * be <root_name> (else VIR_ERR_XML_ERROR "expecting root element of
 * 'root_name', not 'x'", in error domain err_domain). NULL with err set
 * on failure; the caller frees the document with xmlFreeDoc. */
xmlDocPtr xml_child_document(const char *xml, const char *doc_name,
                             const char *root_name, int err_domain,
                             struct vireo_error *err);

#endif /* VIREO_CONF_XML_CHILD_H */
