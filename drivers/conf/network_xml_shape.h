/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_shape.h: the shape libvirt gives the elements of a
 * <network> document: for each element it reads, the attributes it reads
 * in the order it writes them, and its children in their order. Reading
 * puts a tree in that shape; writing walks it. Pure functions on
 * caller-owned trees: any thread.
 */
#ifndef VIREO_CONF_NETWORK_XML_SHAPE_H
#define VIREO_CONF_NETWORK_XML_SHAPE_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "api/vireo.h"

/* Is node the element <name>, in no namespace? */
bool network_shape_is(xmlNodePtr node, const char *name);

/* parent's first child element <name>, or NULL (parent may be NULL). */
xmlNodePtr network_shape_child(xmlNodePtr parent, const char *name);

/* Put root (<network>) in libvirt's shape: top-level elements libvirt
 * does not read are dropped, and so are, below them, the attributes and
 * children libvirt does not read; the rest is put in libvirt's order.
 * 0, or -1 with err set when memory is short. */
int network_shape_normalise(xmlNodePtr root, struct vireo_error *err);

/* The same for one element that will go under an element named parent
 * (net-update's fragments). */
int network_shape_normalise_element(xmlNodePtr node, const char *parent,
                                    struct vireo_error *err);

/* Write node (already in shape) at nesting level (1 under <network>), as
 * libvirt does, parent naming its parent element. */
void network_shape_put(FILE *out, xmlNodePtr node, int level,
                       const char *parent);

/* Finish an element whose start tag and attributes are written: "/>" when
 * it has no children, else its children and its end tag. */
void network_shape_put_children(FILE *out, xmlNodePtr node, int level,
                                const char *name);

#endif /* VIREO_CONF_NETWORK_XML_SHAPE_H */
