/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_info.c: the children every device may carry, read into the
 * device's struct domain_device_info (p->info): <alias>, <boot order>,
 * <address>. Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

/* Largest boot order libvirt reads (an int). */
#define MAX_BOOT_ORDER 2147483647ul

/* libvirt keeps an alias from a definition only when the user chose it:
 * "ua-" and letters, digits, '-' or '_'. The others are live names that a
 * new start gives again. */
static bool
is_user_alias(const char *alias)
{
    const char *rest = alias + 3;

    return strncmp(alias, "ua-", 3) == 0 && *rest != '\0' &&
           rest[strspn(rest, "abcdefghijklmnopqrstuvwxyz"
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")] == '\0';
}

int
xml_read_info_alias(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", NULL };
    char *alias;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "name", &alias) < 0)
        return -1;
    if (alias != NULL && is_user_alias(alias))
        p->info->alias = alias;
    else
        free(alias);
    return 0;
}

int
xml_read_info_boot(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "order", NULL };
    unsigned long order = 0;
    char *text;
    bool is_number;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "order", &text) < 0)
        return -1;
    if (text == NULL)
        return xml_read_fail(p, "Missing required attribute 'order' in "
                                "element 'boot'");
    is_number = xml_read_uint(text, MAX_BOOT_ORDER, &order);
    if (!is_number)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'order' in element 'boot': "
                  "'%s'. Expected non-negative integer value", text);
    else if (order == 0)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'order' in element 'boot': "
                  "Zero is not permitted");
    free(text);
    if (!is_number || order == 0)
        return -1;
    p->info->boot_order = (int)order;
    return 0;
}

/* A drive address with nothing but its four numbers is held as numbers,
 * as a disk's drive address is what drivers need; "controller" first,
 * as libvirt writes it. */
static int
drive_address(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "controller", "bus",
                                         "target", "unit", NULL };
    struct domain_device_info *info = p->info;
    unsigned int *fields[] = { &info->drive_controller, &info->drive_bus,
                               &info->drive_target, &info->drive_unit };

    for (size_t i = 0; i < 4; i++) {
        unsigned long v;

        if (xml_read_uint_attr(p, node, attrs[i + 1], 65535, &v) < 0)
            return -1;
        *fields[i] = (unsigned int)v;
    }
    info->has_drive_address = true;
    return 0;
}

static bool
has_only_attrs(xmlNodePtr node, const char *const *attrs)
{
    if (node->children != NULL)
        return false;
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
        if (a->ns != NULL || !xml_read_is_one_of((const char *)a->name, attrs))
            return false;
    return true;
}

/* Other addresses are kept as written: the address is the user's to pin,
 * and a driver that honours one reads it from this text. */
int
xml_read_info_address(struct parse *p, xmlNodePtr node)
{
    static const char *const drive_attrs[] = { "type", "controller", "bus",
                                               "target", "unit", NULL };
    xmlChar *type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    bool is_drive = type != NULL && xmlStrEqual(type, (const xmlChar *)"drive");

    xmlFree(type);
    if (is_drive && has_only_attrs(node, drive_attrs))
        return drive_address(p, node);
    p->info->address_xml = xml_write_node(node, 3);
    return p->info->address_xml == NULL ? xml_read_no_memory(p) : 0;
}
