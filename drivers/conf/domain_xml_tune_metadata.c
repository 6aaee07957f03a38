/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune_metadata.c: the elements of <metadata>, each in a
 * namespace of its own, read and replaced one namespace at a time as
 * libvirt's virDomainGetMetadata and virDomainSetMetadata do. The
 * definition keeps <metadata> as a preserved element (struct domain_extra
 * named "metadata", serialised by libxml2 as libvirt writes it); these
 * functions parse it, change it and serialise it again. Any thread; the
 * definition is the caller's.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/domain_xml_tune.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

static int
not_present(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_NO_DOMAIN_METADATA, VIR_FROM_DOMAIN,
                     "Requested metadata element is not present");
}

static struct domain_extra *
find_extra(const struct domain_def *def)
{
    for (int i = 0; i < def->n_extras; i++)
        if (def->extras[i].name != NULL &&
            strcmp(def->extras[i].name, "metadata") == 0)
            return &def->extras[i];
    return NULL;
}

/* The preserved <metadata> as a document, indentation dropped; or a new
 * empty one when there is none. NULL when memory is short. */
static xmlDocPtr
metadata_doc(const struct domain_extra *extra)
{
    xmlDocPtr doc;

    if (extra != NULL)
        return xmlReadMemory(extra->xml, (int)strlen(extra->xml),
                             "(metadata)", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                             XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    doc = xmlNewDoc((const xmlChar *)"1.0");
    if (doc != NULL)
        xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL,
                                                (const xmlChar *)"metadata",
                                                NULL));
    if (doc != NULL && xmlDocGetRootElement(doc) == NULL) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

static bool
is_in_ns(xmlNodePtr node, const char *uri)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           node->ns->href != NULL &&
           strcmp((const char *)node->ns->href, uri) == 0;
}

static xmlNodePtr
child_in_ns(xmlNodePtr parent, const char *uri)
{
    for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
        if (is_in_ns(c, uri))
            return c;
    return NULL;
}

/* node and its descendants: the elements in uri's namespace lose it. */
static void
drop_ns(xmlNodePtr node, const char *uri)
{
    if (is_in_ns(node, uri))
        xmlSetNs(node, NULL);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            drop_ns(c, uri);
}

/* node and its descendants: the elements in no namespace take ns. */
static void
give_ns(xmlNodePtr node, xmlNsPtr ns)
{
    if (node->ns == NULL)
        xmlSetNs(node, ns);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            give_ns(c, ns);
}

/* The element as libvirt returns it: without its namespace (nor the
 * declaration of it), its other namespaces kept. */
static char *
element_text(xmlDocPtr doc, xmlNodePtr node, const char *uri)
{
    xmlNodePtr copy = xmlDocCopyNode(node, doc, 1);
    char *text;

    if (copy == NULL)
        return NULL;
    drop_ns(copy, uri);
    for (xmlNsPtr *p = &copy->nsDef; *p != NULL; p = &(*p)->next) {
        if ((*p)->href != NULL &&
            strcmp((const char *)(*p)->href, uri) == 0) {
            xmlNsPtr gone = *p;

            *p = gone->next;
            gone->next = NULL;
            xmlFreeNs(gone);
            break;
        }
    }
    text = xml_read_dump(doc, copy, 0);
    xmlFreeNode(copy);
    return text;
}

char *
domain_metadata_get(const struct domain_def *def, const char *uri,
                    struct vireo_error *err)
{
    const struct domain_extra *extra = find_extra(def);
    xmlDocPtr doc;
    xmlNodePtr node;
    char *text = NULL;

    if (extra == NULL) {
        not_present(err);
        return NULL;
    }
    if ((doc = metadata_doc(extra)) == NULL) {
        error_no_memory(err);
        return NULL;
    }
    node = child_in_ns(xmlDocGetRootElement(doc), uri);
    if (node == NULL)
        not_present(err);
    else if ((text = element_text(doc, node, uri)) == NULL)
        error_no_memory(err);
    xmlFreeDoc(doc);
    return text;
}

/* The user's element, copied into doc under namespace uri with prefix
 * key (libvirt's virXMLNodeSetNamespace), or NULL with err set. */
static xmlNodePtr
new_element(xmlDocPtr doc, const char *xml, const char *key,
            const char *uri, struct vireo_error *err)
{
    xmlDocPtr user = xml_read_document(xml, strlen(xml), "(metadata_xml)",
                                       err);
    xmlNodePtr node = NULL;
    xmlNsPtr ns;

    if (user == NULL)
        return NULL;
    node = xmlDocCopyNode(xmlDocGetRootElement(user), doc, 1);
    xmlFreeDoc(user);
    if (node == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (key == NULL || xmlValidateNCName((const xmlChar *)key, 0) != 0) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                  "failed to validate prefix for a new XML namespace");
    } else if ((ns = xmlNewNs(node, (const xmlChar *)uri,
                              (const xmlChar *)key)) == NULL) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                  "failed to create a new XML namespace");
    } else {
        give_ns(node, ns);
        return node;
    }
    xmlFreeNode(node);
    return NULL;
}

/* Store doc's <metadata> as def's preserved element. */
static int
store(struct domain_def *def, struct domain_extra *extra, xmlDocPtr doc,
      struct vireo_error *err)
{
    char *text = xml_read_dump(doc, xmlDocGetRootElement(doc), 1);
    struct domain_extra *grown;

    if (text == NULL)
        return error_no_memory(err);
    if (extra != NULL) {
        free(extra->xml);
        extra->xml = text;
        return 0;
    }
    grown = realloc(def->extras, (size_t)(def->n_extras + 1) *
                                 sizeof(*grown));
    if (grown == NULL || (grown[def->n_extras].name =
                          strdup("metadata")) == NULL) {
        if (grown != NULL)
            def->extras = grown;
        free(text);
        return error_no_memory(err);
    }
    def->extras = grown;
    grown[def->n_extras].xml = text;
    grown[def->n_extras].why = NULL;
    def->n_extras++;
    return 0;
}

int
domain_metadata_set(struct domain_def *def, const char *xml,
                    const char *key, const char *uri,
                    struct vireo_error *err)
{
    struct domain_extra *extra = find_extra(def);
    xmlDocPtr doc = metadata_doc(extra);
    xmlNodePtr root, node = NULL, old;
    int rc = -1;

    if (doc == NULL)
        return error_no_memory(err);
    root = xmlDocGetRootElement(doc);
    if (xml != NULL && (node = new_element(doc, xml, key, uri, err)) == NULL)
        goto out;
    while ((old = child_in_ns(root, uri)) != NULL) {
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    }
    if (node != NULL)
        xmlAddChild(root, node);
    /* Removing from no <metadata> makes none; libvirt keeps an emptied
     * one, written <metadata/>. */
    rc = node == NULL && extra == NULL ? 0 : store(def, extra, doc, err);
out:
    xmlFreeDoc(doc);
    return rc;
}
