/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * moment_xml.c: the pieces <domainsnapshot> and <domaincheckpoint> are
 * read and written with.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/moment_xml.h"
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
