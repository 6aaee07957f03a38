/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * moment_xml.h: what reading and writing <domainsnapshot> and
 * <domaincheckpoint> share: finding children, copying attributes and
 * texts, and the embedded <domain>, read and written through the domain
 * XML parser and formatter. Plain functions, any thread.
 */
#ifndef VIREO_CONF_MOMENT_XML_H
#define VIREO_CONF_MOMENT_XML_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "api/vireo.h"

struct domain_def;

/* An element (in any namespace) named name. */
bool moment_xml_is_element(xmlNodePtr node, const char *name);

/* The first child element named name, or NULL. */
xmlNodePtr moment_xml_child(xmlNodePtr parent, const char *name);

/* A malloc'ed copy of an attribute, or of the text of parent's child
 * element named name: 0 with *out NULL when absent, or -1 when memory is
 * short (err set). */
int moment_xml_attr(xmlNodePtr node, const char *name, char **out,
                    struct vireo_error *err);
int moment_xml_text(xmlNodePtr parent, const char *name, char **out,
                    struct vireo_error *err);

/* The <domain> element node, parsed as a document of its own; NULL with
 * err set on failure. */
struct domain_def *moment_xml_read_domain(xmlNodePtr node,
                                          struct vireo_error *err);

/* The domain document as dumpxml writes it, each line indented one more
 * level. false when memory is short. */
bool moment_xml_put_domain(FILE *out, const struct domain_def *dom);

/* Reads one element into an item of an array. */
typedef int (*moment_item_fn)(void *item, xmlNodePtr node,
                              struct vireo_error *err);

/* The element children of parent's child `list` (only those named item,
 * or all with item NULL), each read by read_one into a new array of
 * size-byte items, zeroed first: *items (NULL when none) and *n, which
 * counts the items read so far even when one fails, for the caller to
 * free. 0, or -1 with err set. */
int moment_xml_read_items(xmlNodePtr parent, const char *list,
                          const char *item, size_t size,
                          moment_item_fn read_one, void **items, int *n,
                          struct vireo_error *err);

/* Reads a moment's root element into its new definition. */
typedef int (*moment_read_fn)(void *def, xmlNodePtr root, bool is_redefine,
                              struct vireo_error *err);

/* A new definition of size bytes (zeroed) read from doc's root with
 * read; free_fn frees it when read fails. Takes doc. NULL with err set. */
void *moment_xml_read_root(xmlDocPtr doc, size_t size, moment_read_fn read,
                           void (*free_fn)(void *def), bool is_redefine,
                           struct vireo_error *err);

/* The elements that open every moment: <name>, <description> if any; and
 * <parent> if any. */
void moment_xml_put_names(FILE *out, const char *name,
                          const char *description);
void moment_xml_put_parent(FILE *out, const char *parent_name);

/* A moment's document: <root>, what put_body writes of def, then dom
 * (unless NULL), then </root>. malloc'ed, or NULL when memory is short. */
char *moment_xml_format(const char *root,
                        void (*put_body)(FILE *out, const void *def),
                        const void *def, const struct domain_def *dom);

#endif /* VIREO_CONF_MOMENT_XML_H */
