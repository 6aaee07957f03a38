/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * moment_xml.c: the pieces <domainsnapshot> and <domaincheckpoint> are
 * read and written with.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/moment_xml.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

bool
moment_xml_is_element(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr
moment_xml_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent->children; n != NULL; n = n->next)
        if (moment_xml_is_element(n, name))
            return n;
    return NULL;
}

int
moment_xml_attr(xmlNodePtr node, const char *name, char **out,
                struct vireo_error *err)
{
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);

    *out = NULL;
    if (value == NULL)
        return 0;
    *out = strdup((const char *)value);
    xmlFree(value);
    return *out != NULL ? 0 : error_no_memory(err);
}

int
moment_xml_text(xmlNodePtr parent, const char *name, char **out,
                struct vireo_error *err)
{
    xmlNodePtr node = moment_xml_child(parent, name);
    xmlChar *text;

    *out = NULL;
    if (node == NULL)
        return 0;
    text = xmlNodeGetContent(node);
    if (text == NULL)
        return error_no_memory(err);
    *out = strdup((const char *)text);
    xmlFree(text);
    return *out != NULL ? 0 : error_no_memory(err);
}

struct domain_def *
moment_xml_read_domain(xmlNodePtr node, struct vireo_error *err)
{
    xmlBufferPtr buf = xmlBufferCreate();
    struct domain_def *def;

    if (buf == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (xmlNodeDump(buf, node->doc, node, 0, 0) < 0) {
        xmlBufferFree(buf);
        error_no_memory(err);
        return NULL;
    }
    def = domain_def_parse((const char *)xmlBufferContent(buf), err);
    xmlBufferFree(buf);
    return def;
}

static bool
is_item(xmlNodePtr node, const char *item)
{
    return item != NULL ? moment_xml_is_element(node, item)
                        : node->type == XML_ELEMENT_NODE;
}

int
moment_xml_read_items(xmlNodePtr parent, const char *list, const char *item,
                      size_t size, moment_item_fn read_one, void **items,
                      int *n, struct vireo_error *err)
{
    xmlNodePtr node = moment_xml_child(parent, list);
    int count = 0;

    *items = NULL;
    *n = 0;
    for (xmlNodePtr d = node != NULL ? node->children : NULL; d != NULL;
         d = d->next)
        count += is_item(d, item);
    if (count == 0)
        return 0;
    if ((*items = calloc((size_t)count, size)) == NULL)
        return error_no_memory(err);
    for (xmlNodePtr d = node->children; d != NULL; d = d->next) {
        if (!is_item(d, item))
            continue;
        if (read_one((char *)*items + (size_t)(*n)++ * size, d, err) < 0)
            return -1;
    }
    return 0;
}

bool
moment_xml_put_domain(FILE *out, const struct domain_def *dom)
{
    char *text = domain_def_format(dom, -1);
    char *line, *next;

    if (text == NULL)
        return false;
    for (line = text; *line != '\0'; line = next) {
        next = strchr(line, '\n');
        next = next != NULL ? next + 1 : line + strlen(line);
        fprintf(out, "  %.*s", (int)(next - line), line);
    }
    free(text);
    return true;
}

void *
moment_xml_read_root(xmlDocPtr doc, size_t size, moment_read_fn read,
                     void (*free_fn)(void *def), bool is_redefine,
                     struct vireo_error *err)
{
    void *def = calloc(1, size);

    if (def == NULL)
        error_no_memory(err);
    else if (read(def, xmlDocGetRootElement(doc), is_redefine, err) < 0) {
        free_fn(def);
        def = NULL;
    }
    xmlFreeDoc(doc);
    return def;
}

void
moment_xml_put_names(FILE *out, const char *name, const char *description)
{
    xml_write_text_element(out, "  ", "name", name);
    if (description != NULL)
        xml_write_text_element(out, "  ", "description", description);
}

void
moment_xml_put_parent(FILE *out, const char *parent_name)
{
    if (parent_name == NULL)
        return;
    fputs("  <parent>\n", out);
    xml_write_text_element(out, "    ", "name", parent_name);
    fputs("  </parent>\n", out);
}

char *
moment_xml_format(const char *root,
                  void (*put_body)(FILE *out, const void *def),
                  const void *def, const struct domain_def *dom)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool ok = true;

    if (out == NULL)
        return NULL;
    fprintf(out, "<%s>\n", root);
    put_body(out, def);
    if (dom != NULL)
        ok = moment_xml_put_domain(out, dom);
    fprintf(out, "</%s>\n", root);
    ok = ok && ferror(out) == 0;
    if (fclose(out) != 0 || !ok) {
        free(text);
        return NULL;
    }
    return text;
}
