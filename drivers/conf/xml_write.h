/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_write.h: writing XML the way libvirt's formatter writes it: text and
 * attribute escaping, single-quoted attributes, two spaces of indent per
 * level, and libxml2 elements vireo keeps verbatim serialised that way.
 *
 * Stateless; any thread. The FILE is the caller's (an open_memstream).
 */
#ifndef VIREO_CONF_XML_WRITE_H
#define VIREO_CONF_XML_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

/* Escape for text content or (is_attr) a single-quoted attribute value, as
 * libvirt does (&amp; &lt; &gt; &apos; &quot;). Characters the parser would
 * normalise away (CR anywhere; tab and newline inside attributes) are
 * written as references so that they survive a round trip. */
void xml_write_escaped(FILE *out, const char *s, bool is_attr);

/* " name='value'", or nothing when value is NULL. */
void xml_write_attr(FILE *out, const char *name, const char *value);

/* "<indent><name>text</name>\n", or nothing when text is NULL. */
void xml_write_text_element(FILE *out, const char *indent, const char *name,
                            const char *text);

/* "<indent><name attr='value'/>\n", or nothing when value is NULL. */
void xml_write_empty_element(FILE *out, const char *indent, const char *name,
                             const char *attr, const char *value);

/* node serialised as libvirt writes the elements it knows, for output at
 * nesting `level` (1 under <domain>): the first line unindented, the lines
 * of its children indented for their level, no final newline. Comments
 * and processing instructions are left out; an element whose children mix
 * text and elements is written on one line, as libxml2 does. Returns a
 * malloc'd string, or NULL on allocation failure. */
char *xml_write_node(xmlNodePtr node, int level);

#endif /* VIREO_CONF_XML_WRITE_H */
