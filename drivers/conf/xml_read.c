/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_read.c: the reading toolkit of the domain XML parser (see
 * xml_read.h): errors in libvirt's words, attribute and text readers, the
 * handler-table walk, and preserving what we do not interpret.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_schema_names.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

int
xml_read_fail(struct parse *p, const char *what)
{
    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s", what);
}

int
xml_read_no_memory(struct parse *p)
{
    return error_no_memory(p->err);
}

/* Element in no namespace with this name: a namespaced <x:name> is someone
 * else's element and is preserved, not interpreted. */
bool
xml_read_is_named(xmlNodePtr node, const char *name)
{
    return node->ns == NULL && strcmp((const char *)node->name, name) == 0;
}

const char *
xml_read_node_name(xmlNodePtr node)
{
    return (const char *)node->name;
}

/* An attribute's value as a malloc'd string (libxml2's own allocator is not
 * ours to assume), or NULL in *out when absent. Returns 0 or -1 (OOM). */
int
xml_read_attr(struct parse *p, xmlNodePtr node, const char *name, char **out)
{
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);

    *out = NULL;
    if (value == NULL)
        return 0;
    *out = strdup((const char *)value);
    xmlFree(value);
    return *out == NULL ? xml_read_no_memory(p) : 0;
}

/* The element's text content as a malloc'd string ("" when empty). */
int
xml_read_text(struct parse *p, xmlNodePtr node, char **out)
{
    xmlChar *value = xmlNodeGetContent(node);

    *out = strdup(value != NULL ? (const char *)value : "");
    xmlFree(value);
    return *out == NULL ? xml_read_no_memory(p) : 0;
}

/* The name of the element that holds node ("" for the root). */
static const char *
holder_name(xmlNodePtr node)
{
    xmlNodePtr parent = node->parent;

    return parent != NULL && parent->type == XML_ELEMENT_NODE
           ? xml_read_node_name(parent) : "";
}

/* libvirt's parser reads only what its schema describes: an attribute the
 * schema does not allow on this element is one libvirt ignores. */
static bool
is_ignored_attr(xmlNodePtr node, xmlAttrPtr a)
{
    return a->ns == NULL &&
           !xml_schema_names_has_attr(holder_name(node),
                                      xml_read_node_name(node),
                                      (const char *)a->name);
}

bool
xml_read_is_ignored_child(xmlNodePtr parent, xmlNodePtr child)
{
    return child->ns == NULL &&
           !xml_schema_names_has_child(holder_name(parent),
                                       xml_read_node_name(parent),
                                       xml_read_node_name(child));
}

/* Refuse attributes outside `allowed` (NULL-terminated), but for those
 * libvirt ignores. */
int
xml_read_check_attrs(struct parse *p, xmlNodePtr node,
                     const char *const *allowed)
{
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next) {
        bool known = false;
        for (size_t i = 0; allowed[i] != NULL && a->ns == NULL; i++)
            if (strcmp((const char *)a->name, allowed[i]) == 0)
                known = true;
        if (!known && !is_ignored_attr(node, a)) {
            p->is_unsupported = true;
            return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN,
                             "attribute '%s' of element <%s> is not supported",
                             (const char *)a->name, xml_read_node_name(node));
        }
    }
    return 0;
}

int
xml_read_unsupported_child(struct parse *p, xmlNodePtr parent,
                           xmlNodePtr child)
{
    p->is_unsupported = true;
    return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                     "element <%s> in <%s> is not supported",
                     xml_read_node_name(child), xml_read_node_name(parent));
}

int
xml_read_unsupported_value(struct parse *p, xmlNodePtr node,
                           const char *attr, const char *value)
{
    p->is_unsupported = true;
    return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                     "%s '%s' of element <%s> is not supported",
                     attr, value, xml_read_node_name(node));
}

int
xml_read_duplicate(struct parse *p, xmlNodePtr parent, xmlNodePtr node)
{
    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                     "element <%s> appears more than once in <%s>",
                     xml_read_node_name(node), xml_read_node_name(parent));
}

/* A leaf: text or nothing, never elements (but those libvirt ignores). */
int
xml_read_leaf(struct parse *p, xmlNodePtr node, const char *const *attrs)
{
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xml_read_is_ignored_child(node, c))
            return xml_read_unsupported_child(p, node, c);
    return xml_read_check_attrs(p, node, attrs);
}

bool
xml_read_is_one_of(const char *value, const char *const *set)
{
    for (size_t i = 0; set[i] != NULL; i++)
        if (strcmp(value, set[i]) == 0)
            return true;
    return false;
}

/* Room for one more element, the new slot zeroed. NULL on OOM, leaving the
 * old array intact. */
void *
xml_read_grow(void *array, int n, size_t size)
{
    char *grown = realloc(array, (size_t)(n + 1) * size);

    if (grown != NULL)
        memset(grown + (size_t)n * size, 0, size);
    return grown;
}

/* A non-negative decimal int, surrounding whitespace allowed. */
bool
xml_read_uint(const char *text, unsigned long max, unsigned long *out)
{
    unsigned long v = 0;
    const char *s = text + strspn(text, " \t\r\n");

    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > max)
            return false;
    }
    s += strspn(s, " \t\r\n");
    *out = v;
    return *s == '\0';
}

/* A whole decimal within an unsigned int as libvirt reads one (strtoul's
 * syntax: leading blanks and a '+' allowed, nothing after the digits),
 * never negative. */
bool
xml_read_strict_uint(const char *text, unsigned int *out)
{
    unsigned long value;
    char *end;

    if (strchr(text, '-') != NULL)
        return false;
    errno = 0;
    value = strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value > UINT_MAX)
        return false;
    *out = (unsigned int)value;
    return true;
}

/* ---- Preserved elements ----------------------------------------------- */

/* Whitespace-only text between elements is layout, not content: dropping it
 * lets the element be re-indented the same way every time, which keeps
 * format(parse(format(x))) stable. Text in elements without element
 * children is content and stays. */
static void
strip_layout(xmlNodePtr node)
{
    bool has_elements = false;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            has_elements = true;
    for (xmlNodePtr c = node->children, next; c != NULL; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE)
            strip_layout(c);
        else if (has_elements && c->type == XML_TEXT_NODE &&
                 xmlIsBlankNode(c)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
}

/* Drop from a kept element what libvirt's parser never reads, the
 * attributes and children its schema does not allow there, so that they
 * are not written back. `holder` names the element that holds node.
 * Namespaced names are another tool's, and stay. */
static void
strip_ignored(xmlNodePtr node, const char *holder)
{
    const char *name = xml_read_node_name(node);

    for (xmlAttrPtr a = node->properties, next; a != NULL; a = next) {
        next = a->next;
        if (a->ns == NULL &&
            !xml_schema_names_has_attr(holder, name, (const char *)a->name))
            xmlRemoveProp(a);
    }
    for (xmlNodePtr c = node->children, next; c != NULL; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE || c->ns != NULL)
            continue;
        if (xml_schema_names_has_child(holder, name,
                                       xml_read_node_name(c))) {
            strip_ignored(c, name);
            continue;
        }
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
}

/* <metadata> as libvirt writes it: with libxml2's own serialiser (double
 * quotes), since libvirt keeps that element's content as a libxml2 tree.
 * A malloc'd string, or NULL on allocation failure. */
char *
xml_read_dump(xmlDocPtr doc, xmlNodePtr node, int level)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *text = NULL;

    if (buf != NULL && xmlNodeDump(buf, doc, node, level, 1) >= 0)
        text = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return text;
}

/* Serialise node for output at nesting `level` (1 under <domain>, 2 under
 * <devices> or <os>), as libvirt writes it. The copy carries the
 * namespace declarations it needs from its ancestors, so
 * <qemu:commandline> stays valid on its own. It goes into a scratch
 * document without a dictionary: libxml2 2.9's dictionary slows badly with
 * many distinct names, and the parse has paid that once. */
int
xml_read_preserve(struct parse *p, xmlNodePtr node, int level,
                  struct domain_extra **extras, int *n_extras)
{
    struct domain_extra *grown, *extra;
    bool is_metadata = level == 1 && xml_read_is_named(node, "metadata");
    xmlNodePtr copy = NULL;

    if (xml_read_is_ignored_child(node->parent, node))
        return 0;
    if (p->scratch == NULL)
        p->scratch = xmlNewDoc((const xmlChar *)"1.0");
    if (p->scratch != NULL)
        copy = xmlDocCopyNode(node, p->scratch, 1);
    grown = xml_read_grow(*extras, *n_extras, sizeof(*grown));
    if (copy == NULL || grown == NULL) {
        xmlFreeNode(copy);
        return xml_read_no_memory(p);
    }
    *extras = grown;
    extra = &grown[*n_extras];
    strip_layout(copy);
    if (node->ns == NULL && !is_metadata)
        strip_ignored(copy, holder_name(node));
    if (domain_xml_kept_defaults(p, copy, level) < 0) {
        xmlFreeNode(copy);
        return -1;
    }
    if (is_metadata)
        extra->xml = xml_read_dump(p->scratch, copy, level);
    else
        extra->xml = xml_write_node(copy, level);
    if (node->ns == NULL)
        extra->name = strdup(xml_read_node_name(node));
    xmlFreeNode(copy);
    if (extra->xml == NULL || (node->ns == NULL && extra->name == NULL)) {
        free(extra->xml);
        free(extra->name);
        extra->xml = extra->name = NULL;
        return xml_read_no_memory(p);
    }
    (*n_extras)++;
    return 0;
}

/* ---- Walking children ------------------------------------------------- */

/* Call the handler for each element child of parent that has one, refusing
 * a second singleton; hand the others to `other` (preserve or refuse). */
int
xml_read_children(struct parse *p, xmlNodePtr parent,
                  const struct handler *handlers, size_t n_handlers,
                  element_fn other)
{
    unsigned long seen = 0;

    for (xmlNodePtr c = parent->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t i = 0;
        while (i < n_handlers && !xml_read_is_named(c, handlers[i].name))
            i++;
        if (i == n_handlers) {
            if (other(p, c) < 0)
                return -1;
            continue;
        }
        if (handlers[i].is_singleton && (seen & (1ul << i)))
            return xml_read_duplicate(p, parent, c);
        seen |= 1ul << i;
        if (handlers[i].fn(p, c) < 0)
            return -1;
    }
    return 0;
}

const char *const xml_read_no_attrs[] = { NULL };

int
xml_read_refuse_child(struct parse *p, xmlNodePtr node)
{
    if (xml_read_is_ignored_child(node->parent, node))
        return 0;
    return xml_read_unsupported_child(p, node->parent, node);
}

/* The message of err without libvirt's prefix for its code. */
static const char *
detail(const struct vireo_error *err)
{
    const char *prefix = error_prefix(err->code);
    size_t n = prefix != NULL ? strlen(prefix) : 0;

    if (n > 0 && strncmp(err->message, prefix, n) == 0 &&
        strncmp(err->message + n, ": ", 2) == 0)
        return err->message + n + 2;
    return err->message;
}

int
xml_read_or_preserve(struct parse *p, xmlNodePtr node, element_fn fn,
                     void (*undo)(struct parse *p), int level,
                     struct domain_extra **extras, int *n_extras)
{
    struct domain_extra *kept;

    p->is_unsupported = false;
    if (fn(p, node) == 0)
        return 0;
    if (!p->is_unsupported)
        return -1;
    p->is_unsupported = false;
    if (undo != NULL)
        undo(p);
    if (xml_read_preserve(p, node, level, extras, n_extras) < 0)
        return -1;
    kept = &(*extras)[*n_extras - 1];
    kept->why = strdup(detail(p->err));
    if (kept->why == NULL)
        return xml_read_no_memory(p);
    error_clear(p->err);
    return 0;
}

const char *const xml_read_yes_no[2] = { "yes", "no" };
const char *const xml_read_on_off[2] = { "on", "off" };

int
xml_read_tristate(struct parse *p, xmlNodePtr node, const char *name,
                  const char *const words[2], int *out)
{
    char *value;
    int rc = 0;

    if (xml_read_attr(p, node, name, &value) < 0)
        return -1;
    if (value == NULL)
        *out = DOMAIN_TRISTATE_ABSENT;
    else if (strcmp(value, words[0]) == 0)
        *out = DOMAIN_TRISTATE_YES;
    else if (strcmp(value, words[1]) == 0)
        *out = DOMAIN_TRISTATE_NO;
    else
        rc = error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'.", name, xml_read_node_name(node), value);
    free(value);
    return rc;
}

int
xml_read_uint_attr(struct parse *p, xmlNodePtr node, const char *name,
                   unsigned long max, unsigned long *out)
{
    char *value;
    bool is_ok;

    *out = 0;
    if (xml_read_attr(p, node, name, &value) < 0)
        return -1;
    if (value == NULL)
        return 0;
    is_ok = xml_read_uint(value, max, out);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute '%s' in element '%s': '%s'",
                  name, xml_read_node_name(node), value);
    free(value);
    return is_ok ? 0 : -1;
}
