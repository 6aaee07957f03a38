/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_write.c: writing XML the way libvirt's formatter writes it (see
 * xml_write.h). libvirt writes every element it knows with its own
 * buffer code, not libxml2's serialiser: single quotes around attribute
 * values, all five special characters escaped in text too, and two spaces
 * per level. Elements vireo keeps verbatim are written the same way, so
 * that one libvirt knows reads exactly as libvirt would write it.
 */
#include <stdlib.h>

#include "drivers/conf/xml_write.h"

void
xml_write_escaped(FILE *out, const char *s, bool is_attr)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':  fputs("&amp;", out); break;
        case '<':  fputs("&lt;", out); break;
        case '>':  fputs("&gt;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '"':  fputs("&quot;", out); break;
        case '\r': fputs("&#13;", out); break;
        case '\n': fputs(is_attr ? "&#10;" : "\n", out); break;
        case '\t': fputs(is_attr ? "&#9;" : "\t", out); break;
        default:   fputc(*s, out); break;
        }
    }
}

void
xml_write_attr(FILE *out, const char *name, const char *value)
{
    if (value == NULL)
        return;
    fprintf(out, " %s='", name);
    xml_write_escaped(out, value, true);
    fputc('\'', out);
}

void
xml_write_text_element(FILE *out, const char *indent, const char *name,
                       const char *text)
{
    if (text == NULL)
        return;
    fprintf(out, "%s<%s>", indent, name);
    xml_write_escaped(out, text, false);
    fprintf(out, "</%s>\n", name);
}

void
xml_write_empty_element(FILE *out, const char *indent, const char *name,
                        const char *attr, const char *value)
{
    if (value == NULL)
        return;
    fprintf(out, "%s<%s", indent, name);
    xml_write_attr(out, attr, value);
    fputs("/>\n", out);
}

/* "prefix:name", or "name" outside a prefixed namespace. */
static void
write_qname(FILE *out, xmlNsPtr ns, const xmlChar *name)
{
    if (ns != NULL && ns->prefix != NULL)
        fprintf(out, "%s:", (const char *)ns->prefix);
    fputs((const char *)name, out);
}

/* The namespace declarations and attributes of an element. */
static void
write_attrs(FILE *out, xmlNodePtr node)
{
    for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next) {
        fputs(ns->prefix != NULL ? " xmlns:" : " xmlns", out);
        if (ns->prefix != NULL)
            fputs((const char *)ns->prefix, out);
        fputs("='", out);
        xml_write_escaped(out, (const char *)ns->href, true);
        fputc('\'', out);
    }
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next) {
        xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);

        fputc(' ', out);
        write_qname(out, a->ns, a->name);
        fputs("='", out);
        xml_write_escaped(out, value != NULL ? (const char *)value : "", true);
        fputc('\'', out);
        xmlFree(value);
    }
}

static bool
is_text(xmlNodePtr node)
{
    return node->type == XML_TEXT_NODE ||
           node->type == XML_CDATA_SECTION_NODE;
}

/* Write node at nesting `level`. is_block: its children go on lines of
 * their own; false inside mixed content, where every space is content. */
static void
write_node(FILE *out, xmlNodePtr node, int level, bool is_block)
{
    bool has_elements = false, has_text = false;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        has_elements = has_elements || c->type == XML_ELEMENT_NODE;
        has_text = has_text || is_text(c);
    }
    fputc('<', out);
    write_qname(out, node->ns, node->name);
    write_attrs(out, node);
    if (!has_elements && !has_text) {
        fputs("/>", out);
        return;
    }
    fputc('>', out);
    is_block = is_block && !has_text;
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            if (is_block)
                fprintf(out, "\n%*s", 2 * (level + 1), "");
            write_node(out, c, level + 1, is_block);
        } else if (is_text(c) && c->content != NULL) {
            xml_write_escaped(out, (const char *)c->content, false);
        }
    }
    if (is_block)
        fprintf(out, "\n%*s", 2 * level, "");
    fputs("</", out);
    write_qname(out, node->ns, node->name);
    fputc('>', out);
}

char *
xml_write_node(xmlNodePtr node, int level)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool failed;

    if (out == NULL)
        return NULL;
    write_node(out, node, level, true);
    failed = ferror(out) != 0;
    if (fclose(out) != 0 || failed) {
        free(text);
        return NULL;
    }
    return text;
}
