/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_kept_defaults.c: what libvirt fills in or rewrites in the
 * devices (and <domain> children) vireo keeps verbatim, applied to the
 * kept copy before it is serialised, so that dumpxml writes what libvirt
 * writes:
 *
 *  - <filesystem>: type 'mount' and accessmode 'passthrough' when not
 *    given, and its children in libvirt's order (<driver> first); a ram
 *    filesystem's size in KiB;
 *  - <vsock>: its <cid> auto='no' when not given;
 *  - <memoryBacking>: its children in libvirt's order;
 *  - an evdev <input>: its <source> attributes in libvirt's order;
 *  - an egd <rng> backend: <source mode='connect'> when no mode is given,
 *    and for tcp the <protocol type='raw'/> libvirt writes; a random
 *    backend reads /dev/random unless it names another source;
 *  - <memory> devices: their sizes in KiB, with unit='KiB'; their total
 *    is counted in the parse (struct parse's memdev_kib), since libvirt
 *    checks it against the guest's memory.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static bool
has_attr(xmlNodePtr node, const char *name)
{
    return xmlHasProp(node, (const xmlChar *)name) != NULL;
}

static void
set_attr(xmlNodePtr node, const char *name, const char *value)
{
    xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

/* Put the attributes of node in the given order; the others after them,
 * as they were. */
static void
order_attrs(xmlNodePtr node, const char *const *names)
{
    xmlAttrPtr first = NULL, last = NULL;

    for (const char *const *n = names; *n != NULL; n++) {
        xmlAttrPtr a = xmlHasProp(node, (const xmlChar *)*n);

        if (a == NULL || a->ns != NULL)
            continue;
        /* Unlink a from node's list and append it to the ordered one. */
        if (a->prev != NULL)
            a->prev->next = a->next;
        else
            node->properties = a->next;
        if (a->next != NULL)
            a->next->prev = a->prev;
        a->prev = last;
        a->next = NULL;
        if (last != NULL)
            last->next = a;
        else
            first = a;
        last = a;
    }
    if (last == NULL)
        return;
    last->next = node->properties;
    if (node->properties != NULL)
        node->properties->prev = last;
    node->properties = first;
}

/* Move the element children named in `order` to the front, in that
 * order; the others follow as they were. */
static void
order_children(xmlNodePtr node, const char *const *order, size_t n_order)
{
    xmlNodePtr anchor = node->children;

    for (size_t i = n_order; i-- > 0;) {
        for (xmlNodePtr c = node->children, next; c != NULL; c = next) {
            next = c->next;
            if (c->type != XML_ELEMENT_NODE ||
                !xml_read_is_named(c, order[i]))
                continue;
            anchor = node->children;
            if (c != anchor) {
                xmlUnlinkNode(c);
                xmlAddPrevSibling(anchor, c);
            }
            break;
        }
    }
}

/* ---- <filesystem> ----------------------------------------------------- */

/* A ram filesystem's size, in KiB as libvirt writes it. */
static int
ram_source_in_kib(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "usage", "units", NULL };
    xmlNodePtr source = NULL;
    xmlChar *usage, *units;
    unsigned long long kib;
    char text[32];
    int rc;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "source"))
            source = c;
    usage = source != NULL ? xmlGetNoNsProp(source, (const xmlChar *)"usage")
                           : NULL;
    if (usage == NULL)
        return 0;
    units = xmlGetNoNsProp(source, (const xmlChar *)"units");
    rc = domain_def_parse_memory((const char *)usage, (const char *)units,
                                 "usage", &kib, p->err);
    xmlFree(units);
    xmlFree(usage);
    if (rc < 0)
        return -1;
    snprintf(text, sizeof(text), "%llu", kib);
    set_attr(source, "usage", text);
    set_attr(source, "units", "KiB");
    order_attrs(source, attrs);
    return 0;
}

static int
filesystem_defaults(struct parse *p, xmlNodePtr node)
{
    xmlChar *type;
    bool is_ram;

    static const char *const attrs[] = { "type", "accessmode", "model",
                                         "multidevs", "fmode", "dmode",
                                         NULL };
    static const char *const children[] = { "driver", "binary", "idmap",
                                            "source", "target", "readonly",
                                            "space_hard_limit",
                                            "space_soft_limit" };

    if (!has_attr(node, "type"))
        set_attr(node, "type", "mount");
    if (!has_attr(node, "accessmode"))
        set_attr(node, "accessmode", "passthrough");
    order_attrs(node, attrs);
    order_children(node, children, N_OF(children));
    type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    is_ram = type != NULL && strcmp((const char *)type, "ram") == 0;
    xmlFree(type);
    return is_ram ? ram_source_in_kib(p, node) : 0;
}

/* ---- <vsock>, <memoryBacking> ----------------------------------------- */

/* A guest CID is given, unless auto='yes' says the host picks one. */
static void
vsock_defaults(xmlNodePtr node)
{
    static const char *const attrs[] = { "auto", "address", NULL };

    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xml_read_is_named(c, "cid"))
            continue;
        if (!has_attr(c, "auto"))
            set_attr(c, "auto", "no");
        order_attrs(c, attrs);
    }
}

static void
memory_backing_defaults(xmlNodePtr node)
{
    static const char *const children[] = { "hugepages", "nosharepages",
                                            "locked", "source", "access",
                                            "allocation", "discard" };

    order_children(node, children, N_OF(children));
}

/* ---- <input> ---------------------------------------------------------- */

/* An evdev input's <source> attributes in libvirt's order. */
static void
input_defaults(xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", "grab", "grabToggle",
                                         "repeat", NULL };

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "source"))
            order_attrs(c, attrs);
}

/* ---- An egd <rng> backend --------------------------------------------- */

static void
egd_backend_defaults(xmlNodePtr backend)
{
    static const char *const source_attrs[] = { "mode", "host", "service",
                                                "tls", NULL };
    xmlChar *type = xmlGetNoNsProp(backend, (const xmlChar *)"type");
    bool is_tcp = type != NULL && strcmp((const char *)type, "tcp") == 0;
    bool is_udp = type != NULL && strcmp((const char *)type, "udp") == 0;
    bool has_protocol = false;
    xmlNodePtr last_source = NULL;

    xmlFree(type);
    if (!is_tcp && !is_udp)
        return;
    for (xmlNodePtr c = backend->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (xml_read_is_named(c, "protocol"))
            has_protocol = true;
        if (!xml_read_is_named(c, "source"))
            continue;
        if (!has_attr(c, "mode"))
            set_attr(c, "mode", "connect");
        order_attrs(c, source_attrs);
        last_source = c;
    }
    if (is_tcp && !has_protocol && last_source != NULL) {
        xmlNodePtr protocol = xmlNewDocNode(backend->doc, NULL,
                                            (const xmlChar *)"protocol",
                                            NULL);

        if (protocol != NULL) {
            set_attr(protocol, "type", "raw");
            xmlAddNextSibling(last_source, protocol);
        }
    }
}

static void
rng_defaults(xmlNodePtr node)
{
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        xmlChar *model;

        if (c->type != XML_ELEMENT_NODE || !xml_read_is_named(c, "backend"))
            continue;
        model = xmlGetNoNsProp(c, (const xmlChar *)"model");
        if (model != NULL && strcmp((const char *)model, "egd") == 0)
            egd_backend_defaults(c);
        else if (model != NULL &&
                 strcmp((const char *)model, "random") == 0 &&
                 c->children == NULL)
            xmlNodeSetContent(c, (const xmlChar *)"/dev/random");
        xmlFree(model);
    }
}

/* ---- <memory> devices ------------------------------------------------- */

/* A size element rewritten in KiB, as libvirt writes it. */
static int
size_in_kib(struct parse *p, xmlNodePtr node, unsigned long long *kib)
{
    char text[32];

    if (xml_read_memory(p, node, kib) < 0)
        return -1;
    snprintf(text, sizeof(text), "%llu", *kib);
    xmlNodeSetContent(node, (const xmlChar *)text);
    set_attr(node, "unit", "KiB");
    return 0;
}

/* The sizes a memory device holds, and its <source> and <target> in
 * libvirt's order; its <target><size> counts towards the guest's
 * memory. */
static int
memory_sizes(struct parse *p, xmlNodePtr node, bool is_target)
{
    static const char *const sizes[] = { "size", "pagesize", "alignsize",
                                         "block", "requested", "current",
                                         NULL };
    static const char *const source_order[] = { "path", "nodemask",
                                                "pagesize", "alignsize",
                                                "pmem" };

    if (xml_read_is_named(node, "source"))
        order_children(node, source_order, N_OF(source_order));

    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        unsigned long long kib;

        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (xml_read_is_named(c, "target") || xml_read_is_named(c, "source")
            || xml_read_is_named(c, "label")) {
            if (memory_sizes(p, c, xml_read_is_named(c, "target")) < 0)
                return -1;
            continue;
        }
        if (!xml_read_is_one_of(xml_read_node_name(c), sizes) ||
            c->ns != NULL)
            continue;
        if (size_in_kib(p, c, &kib) < 0)
            return -1;
        if (is_target && xml_read_is_named(c, "size"))
            p->memdev_kib += kib;
    }
    return 0;
}

int
domain_xml_kept_defaults(struct parse *p, xmlNodePtr node, int level)
{
    if (level == 1) {
        if (xml_read_is_named(node, "memoryBacking"))
            memory_backing_defaults(node);
        return 0;
    }
    if (level != 2)
        return 0;
    if (xml_read_is_named(node, "filesystem"))
        return filesystem_defaults(p, node);
    if (xml_read_is_named(node, "vsock"))
        vsock_defaults(node);
    else if (xml_read_is_named(node, "rng"))
        rng_defaults(node);
    else if (xml_read_is_named(node, "input"))
        input_defaults(node);
    else if (xml_read_is_named(node, "memory"))
        return memory_sizes(p, node, false);
    return 0;
}
