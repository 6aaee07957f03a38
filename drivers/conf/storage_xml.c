/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_xml.c: what the pool and volume documents share: sizes with
 * units, <permissions>, and small readers over libxml2's tree.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

int
storage_xml_fail(struct vireo_error *err, const char *fmt, ...)
{
    char message[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_STORAGE, "%s",
                     message);
}

xmlNodePtr
storage_xml_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent->children; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0)
            return n;
    return NULL;
}

static int
copy_xml_string(xmlChar *value, char **out, struct vireo_error *err)
{
    *out = NULL;
    if (value == NULL)
        return 0;
    *out = strdup((const char *)value);
    xmlFree(value);
    return *out != NULL ? 0 : error_no_memory(err);
}

int
storage_xml_attr(xmlNodePtr node, const char *name, char **out,
                 struct vireo_error *err)
{
    return copy_xml_string(xmlGetProp(node, (const xmlChar *)name), out, err);
}

int
storage_xml_text(xmlNodePtr parent, const char *name, char **out,
                 struct vireo_error *err)
{
    xmlNodePtr node = storage_xml_child(parent, name);

    *out = NULL;
    if (node == NULL)
        return 0;
    return copy_xml_string(xmlNodeGetContent(node), out, err);
}

/* libvirt's virScaleInteger: 1024-based for "k", "KiB", 1000-based for
 * "KB"; 0 when the unit is unknown. */
static unsigned long long
unit_scale(const char *unit)
{
    static const char prefixes[] = "kmgtpe";
    const char *p;
    unsigned long long base, scale = 1;

    if (unit == NULL || *unit == '\0' || strcasecmp(unit, "b") == 0 ||
        strcasecmp(unit, "byte") == 0 || strcasecmp(unit, "bytes") == 0)
        return 1;
    p = strchr(prefixes, tolower((unsigned char)unit[0]));
    if (p == NULL)
        return 0;
    if (unit[1] == '\0' || strcasecmp(unit + 1, "ib") == 0)
        base = 1024;
    else if (strcasecmp(unit + 1, "b") == 0)
        base = 1000;
    else
        return 0;
    for (long i = 0; i <= p - prefixes; i++)
        scale *= base;
    return scale;
}

int
storage_xml_read_size(xmlNodePtr parent, const char *name,
                      unsigned long long *bytes, struct vireo_error *err)
{
    xmlNodePtr node = storage_xml_child(parent, name);
    char *unit = NULL, *text = NULL, *end = NULL;
    unsigned long long value, scale;
    int rc = 0;

    if (node == NULL)
        return 1;
    if (storage_xml_attr(node, "unit", &unit, err) < 0 ||
        copy_xml_string(xmlNodeGetContent(node), &text, err) < 0) {
        free(unit);
        return -1;
    }
    errno = 0;
    /* libvirt's virStrToLong_ullp: leading blanks pass, a sign does not;
     * its words name the capacity whichever size it is. */
    value = text != NULL && strchr(text, '-') == NULL
            ? strtoull(text, &end, 10) : 0;
    scale = unit_scale(unit);
    if (end == NULL || end == text || *end != '\0' || errno != 0)
        rc = storage_xml_fail(err, "malformed capacity element");
    else if (scale == 0)
        rc = error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                       "unknown suffix '%s'", unit);
    else if (value > ~0ull / scale)
        rc = error_set(err, VIR_ERR_OVERFLOW, VIR_FROM_STORAGE,
                       "value too large: %s%s", text, unit);
    else
        *bytes = value * scale;
    free(unit);
    free(text);
    return rc;
}

void
storage_perms_clear(struct storage_perms *perms)
{
    free(perms->label);
    perms->label = NULL;
    perms->mode = perms->uid = perms->gid = -1;
}

int
storage_perms_copy(struct storage_perms *dst, const struct storage_perms *src)
{
    *dst = *src;
    dst->label = NULL;
    if (src->label != NULL && (dst->label = strdup(src->label)) == NULL)
        return -1;
    return 0;
}

/* A number of <permissions>: octal for mode, decimal for ids. */
static int
read_perm_number(xmlNodePtr perms, const char *name, int base, long *out,
                 struct vireo_error *err)
{
    char *text, *end = NULL;
    long value;

    if (storage_xml_text(perms, name, &text, err) < 0)
        return -1;
    if (text == NULL)
        return 0;
    errno = 0;
    value = strtol(text, &end, base);
    if (text[0] == '\0' || *end != '\0' || errno != 0 || value < -1 ||
        (base == 8 && (value < 0 || value > 0777))) {
        free(text);
        return storage_xml_fail(err, "malformed %s element",
                                strcmp(name, "mode") == 0
                                ? "octal mode" : name);
    }
    free(text);
    *out = value;
    return 0;
}

int
storage_xml_read_perms(xmlNodePtr parent, struct storage_perms *perms,
                       struct vireo_error *err)
{
    xmlNodePtr node = storage_xml_child(parent, "permissions");

    perms->mode = perms->uid = perms->gid = -1;
    perms->label = NULL;
    if (node == NULL)
        return 0;
    if (read_perm_number(node, "mode", 8, &perms->mode, err) < 0 ||
        read_perm_number(node, "owner", 10, &perms->uid, err) < 0 ||
        read_perm_number(node, "group", 10, &perms->gid, err) < 0)
        return -1;
    return storage_xml_text(node, "label", &perms->label, err);
}

void
storage_xml_write_perms(FILE *out, const char *indent,
                        const struct storage_perms *perms)
{
    if (perms->mode == -1 && perms->uid == -1 && perms->gid == -1 &&
        perms->label == NULL)
        return;
    fprintf(out, "%s<permissions>\n", indent);
    if (perms->mode != -1)
        fprintf(out, "%s  <mode>0%lo</mode>\n", indent,
                (unsigned long)perms->mode);
    if (perms->uid != -1)
        fprintf(out, "%s  <owner>%ld</owner>\n", indent, perms->uid);
    if (perms->gid != -1)
        fprintf(out, "%s  <group>%ld</group>\n", indent, perms->gid);
    if (perms->label != NULL) {
        char inner[64];

        snprintf(inner, sizeof(inner), "%s  ", indent);
        xml_write_text_element(out, inner, "label", perms->label);
    }
    fprintf(out, "%s</permissions>\n", indent);
}

xmlDocPtr
storage_xml_read(const char *xml, const char *doc_name, const char *root_name,
                 size_t size, void **def, struct vireo_error *err)
{
    xmlDocPtr doc;
    xmlNodePtr root;

    *def = NULL;
    if (xml == NULL) {
        storage_xml_fail(err, "no XML document given");
        return NULL;
    }
    doc = xml_read_document(xml, strlen(xml), doc_name, err);
    if (doc == NULL)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (root == NULL || strcmp((const char *)root->name, root_name) != 0) {
        storage_xml_fail(err, "expecting root element of '%s', not '%s'",
                         root_name, root != NULL ? (const char *)root->name
                                                 : "");
        xmlFreeDoc(doc);
        return NULL;
    }
    *def = calloc(1, size);
    if (*def == NULL) {
        xmlFreeDoc(doc);
        error_no_memory(err);
        return NULL;
    }
    return doc;
}
