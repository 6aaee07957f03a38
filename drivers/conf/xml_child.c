/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_child.c: first-child lookups for the object XML parsers that
 * libvirt writes with XPath (see xml_child.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/xml_child.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

static bool
is_named(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr
xml_child(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr c = node != NULL ? node->children : NULL; c != NULL;
         c = c->next)
        if (is_named(c, name))
            return c;
    return NULL;
}

xmlNodePtr
xml_child_next(xmlNodePtr node)
{
    for (xmlNodePtr c = node->next; c != NULL; c = c->next)
        if (is_named(c, (const char *)node->name))
            return c;
    return NULL;
}

int
xml_child_count(xmlNodePtr node, const char *name)
{
    int n = 0;

    for (xmlNodePtr c = xml_child(node, name); c != NULL;
         c = xml_child_next(c))
        n++;
    return n;
}

/* A copy of libxml2's string (freed here), NULL staying NULL. */
static char *
take(xmlChar *s, bool *is_oom)
{
    char *copy;

    if (s == NULL)
        return NULL;
    copy = strdup((const char *)s);
    xmlFree(s);
    if (copy == NULL)
        *is_oom = true;
    return copy;
}

char *
xml_child_attr(xmlNodePtr node, const char *name, bool *is_oom)
{
    return take(xmlGetNoNsProp(node, (const xmlChar *)name), is_oom);
}

char *
xml_child_attr_of(xmlNodePtr node, const char *name, const char *attr,
                  bool *is_oom)
{
    xmlNodePtr c = xml_child(node, name);

    return c != NULL ? xml_child_attr(c, attr, is_oom) : NULL;
}

char *
xml_child_text(xmlNodePtr node, const char *name, bool *is_oom)
{
    xmlNodePtr c = xml_child(node, name);
    char *text;

    if (c == NULL)
        return NULL;
    text = take(xmlNodeGetContent(c), is_oom);
    if (text != NULL && text[0] == '\0') {
        free(text);
        return NULL;
    }
    return text;
}

int
xml_child_long(const char *text, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

/* strtoul in base (0: any C notation), refusing a sign as libvirt's
 * unsigned readers do. */
static int
to_ulong(const char *text, int base, unsigned long *out)
{
    char *end;
    unsigned long v;

    if (strchr(text, '-') != NULL)
        return -1;
    errno = 0;
    v = strtoul(text, &end, base);
    if (errno != 0 || end == text || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

int
xml_child_ulong(const char *text, unsigned long *out)
{
    return to_ulong(text, 10, out);
}

int
xml_child_ulong_any_base(const char *text, unsigned long *out)
{
    return to_ulong(text, 0, out);
}

xmlDocPtr
xml_child_document(const char *xml, const char *doc_name,
                   const char *root_name, int err_domain,
                   struct vireo_error *err)
{
    xmlDocPtr doc = xml_read_document(xml, strlen(xml), doc_name, err);
    xmlNodePtr root;

    if (doc == NULL)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (root == NULL || !is_named(root, root_name)) {
        error_set(err, VIR_ERR_XML_ERROR, err_domain,
                  "expecting root element of '%s', not '%s'", root_name,
                  root != NULL ? (const char *)root->name : "");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}
