/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_read.h: the reading toolkit the domain XML parser is built from:
 * one parse's context, attribute and text readers that set libvirt's
 * errors, the walk over an element's children with a handler table, and
 * the preservation of elements we do not interpret.
 *
 * Every function works on one struct parse, owned by the thread parsing;
 * those returning int give 0, or -1 with p->err set.
 */
#ifndef VIREO_CONF_XML_READ_H
#define VIREO_CONF_XML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"

/* One parse in progress. */
struct parse {
    struct domain_def  *def;
    struct vireo_error *err;
    xmlDocPtr           scratch;   /* holds copies of preserved elements */
};

typedef int (*element_fn)(struct parse *p, xmlNodePtr node);

/* An element we interpret, and whether it may appear only once. */
struct handler {
    const char *name;
    element_fn  fn;
    bool        is_singleton;
};

/* An empty attribute list, for elements that take none. */
extern const char *const xml_read_no_attrs[];

/* Errors. */
int  xml_read_fail(struct parse *p, const char *what);   /* VIR_ERR_XML_ERROR */
int  xml_read_no_memory(struct parse *p);
int  xml_read_unsupported_child(struct parse *p, xmlNodePtr parent,
                                xmlNodePtr child);
int  xml_read_unsupported_value(struct parse *p, xmlNodePtr node,
                                const char *attr, const char *value);
/* A second copy of an element that may appear once. */
int  xml_read_duplicate(struct parse *p, xmlNodePtr parent, xmlNodePtr node);

/* Element in no namespace with this name: a namespaced <x:name> is someone
 * else's element and is preserved, not interpreted. */
bool xml_read_is_named(xmlNodePtr node, const char *name);
const char *xml_read_node_name(xmlNodePtr node);

/* An attribute's value as a malloc'd string, or NULL in *out when absent. */
int  xml_read_attr(struct parse *p, xmlNodePtr node, const char *name,
                   char **out);
/* The element's text content as a malloc'd string ("" when empty). */
int  xml_read_text(struct parse *p, xmlNodePtr node, char **out);
/* Refuse attributes outside `allowed` (NULL-terminated). */
int  xml_read_check_attrs(struct parse *p, xmlNodePtr node,
                          const char *const *allowed);
/* A leaf: only the given attributes, text or nothing, never elements. */
int  xml_read_leaf(struct parse *p, xmlNodePtr node, const char *const *attrs);

bool xml_read_is_one_of(const char *value, const char *const *set);
/* Room for one more element, the new slot zeroed. NULL on OOM, leaving the
 * old array intact. */
void *xml_read_grow(void *array, int n, size_t size);
/* A non-negative decimal int up to max, surrounding whitespace allowed. */
bool xml_read_uint(const char *text, unsigned long max, unsigned long *out);

/* Append node to *extras: its name (NULL when it is in a namespace) and
 * its serialisation as libvirt writes it (xml_write.h; <metadata> as
 * libxml2 writes it, as libvirt does), for output at nesting `level` (1
 * under <domain>, 2 under <devices> or <os>). */
int  xml_read_preserve(struct parse *p, xmlNodePtr node, int level,
                       struct domain_extra **extras, int *n_extras);

/* Call the handler for each element child of parent that has one, refusing
 * a second singleton; hand the others to `other` (preserve or refuse). */
int  xml_read_children(struct parse *p, xmlNodePtr parent,
                       const struct handler *handlers, size_t n_handlers,
                       element_fn other);

/* <devices>, in domain_xml_devices.c. */
int  domain_xml_devices_parse(struct parse *p, xmlNodePtr node);

#endif /* VIREO_CONF_XML_READ_H */
