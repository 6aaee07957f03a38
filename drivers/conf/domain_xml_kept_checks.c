/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_kept_checks.c: what libvirt refuses in devices vireo keeps
 * verbatim (<sound>, its <audio>, <watchdog>, <hostdev>, <iommu>). Keeping an element whole
 * must not make vireo accept what libvirt refuses, so the checks libvirt
 * makes on these elements' words are made here, with its codes and words,
 * before the element is kept.
 *
 * Stateless; any thread.
 */
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

/* An attribute whose value libvirt reads as an enum: a word outside it is
 * refused, in one of libvirt's two wordings. */
struct kept_enum {
    const char        *element;
    const char        *attr;
    const char *const *words;
    bool               is_xml_error; /* "Invalid value for attribute ...",
                                      * else "unknown <element> <attr>" */
};

static const char *const sound_models[] = {
    "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7", NULL,
};
static const char *const watchdog_models[] = {
    "i6300esb", "ib700", "diag288", NULL,
};
static const char *const watchdog_actions[] = {
    "reset", "shutdown", "poweroff", "pause", "dump", "none", "inject-nmi",
    NULL,
};

static const struct kept_enum kept_enums[] = {
    { "sound", "model", sound_models, true },
    { "watchdog", "model", watchdog_models, false },
    { "watchdog", "action", watchdog_actions, false },
};

static int
check_enum(struct parse *p, xmlNodePtr node, const struct kept_enum *e)
{
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)e->attr);
    int rc = 0;

    if (value == NULL || xml_read_is_one_of((const char *)value, e->words))
        rc = 0;
    else if (e->is_xml_error)
        rc = error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'.", e->attr, e->element, (const char *)value);
    else
        rc = error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                       "unknown %s %s '%s'", e->element, e->attr,
                       (const char *)value);
    xmlFree(value);
    return rc;
}

/* libvirt needs to know which host device is meant. */
static int
check_hostdev(struct parse *p, xmlNodePtr node)
{
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "source"))
            return 0;
    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s",
                     "Missing <source> element in hostdev device");
}

/* The first element child of node with this name, or NULL. */
static xmlNodePtr
child_named(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr c = node != NULL ? node->children : NULL; c != NULL;
         c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, name))
            return c;
    return NULL;
}

/* Whether attr of node is exactly value. */
static bool
is_attr(xmlNodePtr node, const char *attr, const char *value)
{
    xmlChar *v = node != NULL ? xmlGetNoNsProp(node, (const xmlChar *)attr)
                              : NULL;
    bool is = v != NULL && strcmp((const char *)v, value) == 0;

    xmlFree(v);
    return is;
}

/* Interrupt remapping needs QEMU's split I/O APIC (<features><ioapic
 * driver='qemu'/>, wherever <features> is in the document), and eim needs
 * interrupt remapping. */
static int
check_iommu(struct parse *p, xmlNodePtr node)
{
    xmlNodePtr driver = child_named(node, "driver");
    xmlNodePtr features = child_named(xmlDocGetRootElement(node->doc),
                                      "features");
    bool has_intremap = is_attr(driver, "intremap", "on");

    if (has_intremap &&
        !is_attr(child_named(features, "ioapic"), "driver", "qemu"))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "%s", "IOMMU interrupt remapping requires split I/O "
                         "APIC (ioapic driver='qemu')");
    if (is_attr(driver, "eim", "on") && !has_intremap)
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "%s", "IOMMU eim requires interrupt remapping to be "
                         "enabled");
    return 0;
}

/* Whether <devices> holds an <audio id='id'/> backend. */
static bool
has_audio_backend(xmlNodePtr devices, const char *id)
{
    for (xmlNodePtr c = devices->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "audio") &&
            is_attr(c, "id", id))
            return true;
    return false;
}

/* A sound device's <audio id='N'/> names an <audio> backend that must
 * exist. */
static int
check_sound_audio(struct parse *p, xmlNodePtr node)
{
    xmlNodePtr audio = child_named(node, "audio");
    xmlChar *id = audio != NULL
                  ? xmlGetNoNsProp(audio, (const xmlChar *)"id") : NULL;
    int rc = 0;

    if (id != NULL && !has_audio_backend(node->parent, (const char *)id))
        rc = error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                       "no audio device with ID %s", (const char *)id);
    xmlFree(id);
    return rc;
}

int
domain_xml_check_kept_device(struct parse *p, xmlNodePtr node)
{
    for (size_t i = 0; i < N_OF(kept_enums); i++)
        if (xml_read_is_named(node, kept_enums[i].element) &&
            check_enum(p, node, &kept_enums[i]) < 0)
            return -1;
    if (xml_read_is_named(node, "hostdev"))
        return check_hostdev(p, node);
    if (xml_read_is_named(node, "iommu"))
        return check_iommu(p, node);
    if (xml_read_is_named(node, "sound"))
        return check_sound_audio(p, node);
    return 0;
}
