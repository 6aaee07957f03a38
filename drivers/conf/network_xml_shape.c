/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_shape.c: libvirt's shape of <network>'s elements (see
 * network_xml_shape.h), as a table, and the walk that applies it.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml_shape.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define MAX_NAMES 8

/* One element: where it is ("parent/name", or "*" for any parent), the
 * attributes libvirt reads in its output order, its children in order. */
struct shape {
    const char *key;
    const char *attrs[MAX_NAMES];
    const char *children[MAX_NAMES];
};

#define BANDWIDTH_ATTRS { "average", "peak", "burst", "floor" }
#define LEASE_ATTRS { "expiry", "unit" }

static const struct shape shapes[] = {
    { "network/forward", { "dev", "mode", "managed", "trustGuestRxFilters" },
      { "driver", "nat", "pf", "interface", "address" } },
    { "forward/nat", { "ipv6" }, { "address", "port" } },
    { "nat/address", { "start", "end" }, { NULL } },
    { "nat/port", { "start", "end" }, { NULL } },
    { "forward/interface", { "dev" }, { NULL } },
    { "forward/pf", { "dev" }, { NULL } },
    { "forward/driver", { "name" }, { NULL } },
    { "forward/address", { "type", "domain", "bus", "slot", "function" },
      { NULL } },
    { "network/bridge", { "name", "zone", "stp", "delay", "macTableManager" },
      { NULL } },
    { "network/mtu", { "size" }, { NULL } },
    { "network/mac", { "address" }, { NULL } },
    { "network/domain", { "name", "localOnly" }, { NULL } },
    { "network/port", { "isolated" }, { NULL } },
    { "network/dns", { "enable", "forwardPlainNames" },
      { "forwarder", "txt", "srv", "host" } },
    { "dns/forwarder", { "domain", "addr" }, { NULL } },
    { "dns/txt", { "name", "value" }, { NULL } },
    { "dns/srv", { "service", "protocol", "domain", "target", "port",
                   "priority", "weight" }, { NULL } },
    { "dns/host", { "ip" }, { "hostname" } },
    { "host/hostname", { NULL }, { NULL } },
    { "network/ip", { "family", "address", "netmask", "prefix", "localPtr" },
      { "tftp", "dhcp" } },
    { "ip/tftp", { "root" }, { NULL } },
    { "ip/dhcp", { NULL }, { "range", "host", "bootp" } },
    { "dhcp/range", { "start", "end" }, { "lease" } },
    { "dhcp/host", { "mac", "id", "name", "ip" }, { "lease" } },
    { "dhcp/bootp", { "file", "server" }, { NULL } },
    { "range/lease", LEASE_ATTRS, { NULL } },
    { "host/lease", LEASE_ATTRS, { NULL } },
    { "network/route", { "family", "address", "netmask", "prefix", "gateway",
                         "metric" }, { NULL } },
    { "network/portgroup", { "name", "default", "trustGuestRxFilters" },
      { "vlan", "virtualport", "bandwidth" } },
    { "*/bandwidth", { NULL }, { "inbound", "outbound" } },
    { "bandwidth/inbound", BANDWIDTH_ATTRS, { NULL } },
    { "bandwidth/outbound", BANDWIDTH_ATTRS, { NULL } },
    { "*/vlan", { "trunk" }, { "tag" } },
    { "vlan/tag", { "id", "nativeMode" }, { NULL } },
    { "*/virtualport", { "type" }, { "parameters" } },
    { "virtualport/parameters", { "managerid", "typeid", "typeidversion",
                                  "instanceid", "profileid", "interfaceid" },
      { NULL } },
};

/* Elements libvirt always writes with an end tag, even when empty. */
static const char *const always_open[] = { "ip", "portgroup", NULL };

/* Top-level elements kept as they are (name and uuid are read, metadata is
 * libvirt's verbatim). */
static const char *const top_verbatim[] = { "name", "uuid", "metadata", NULL };

bool
network_shape_is(xmlNodePtr node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           node->ns == NULL && xmlStrEqual(node->name, BAD_CAST name);
}

xmlNodePtr
network_shape_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent != NULL ? parent->children : NULL; c != NULL;
         c = c->next)
        if (network_shape_is(c, name))
            return c;
    return NULL;
}

static const struct shape *
find_shape(const char *parent, const char *name)
{
    char key[64];

    snprintf(key, sizeof(key), "%s/%s", parent, name);
    for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++)
        if (strcmp(shapes[i].key, key) == 0)
            return &shapes[i];
    snprintf(key, sizeof(key), "*/%s", name);
    for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++)
        if (strcmp(shapes[i].key, key) == 0)
            return &shapes[i];
    return NULL;
}

static int
rank(const char *const *names, const xmlChar *name)
{
    for (int i = 0; i < MAX_NAMES && names[i] != NULL; i++)
        if (xmlStrEqual(name, BAD_CAST names[i]))
            return i;
    return -1;
}

static bool
is_listed(const char *const *names, const xmlChar *name)
{
    for (int i = 0; names[i] != NULL; i++)
        if (xmlStrEqual(name, BAD_CAST names[i]))
            return true;
    return false;
}

/* Keep the attributes libvirt reads, in its order. */
static int
shape_attrs(xmlNodePtr node, const struct shape *s, struct vireo_error *err)
{
    xmlChar *values[MAX_NAMES] = { NULL };
    int rc = 0;

    for (int i = 0; i < MAX_NAMES && s->attrs[i] != NULL; i++)
        values[i] = xmlGetNoNsProp(node, BAD_CAST s->attrs[i]);
    xmlFreePropList(node->properties);
    node->properties = NULL;
    for (int i = 0; i < MAX_NAMES && s->attrs[i] != NULL; i++) {
        if (values[i] != NULL &&
            xmlNewProp(node, BAD_CAST s->attrs[i], values[i]) == NULL)
            rc = error_no_memory(err);
        xmlFree(values[i]);
    }
    return rc;
}

static bool
is_kept(xmlNodePtr c, const struct shape *s)
{
    if (c->type == XML_ELEMENT_NODE)
        return c->ns == NULL && rank(s->children, c->name) >= 0;
    /* Text is content only in leaves (<hostname>). */
    return s->children[0] == NULL && c->type == XML_TEXT_NODE;
}

/* Drop what libvirt does not read below node, order what is left (a
 * stable sort by rank), and shape the children in turn. */
static int
shape_children(xmlNodePtr node, const struct shape *s,
               struct vireo_error *err)
{
    xmlNodePtr *kept = NULL;
    int n = 0, cap = 0;

    for (xmlNodePtr c = node->children, next; c != NULL; c = next) {
        next = c->next;
        xmlUnlinkNode(c);
        if (!is_kept(c, s)) {
            xmlFreeNode(c);
            continue;
        }
        if (n == cap) {
            xmlNodePtr *grown = realloc(kept, (size_t)(cap + 8) * sizeof(*kept));

            if (grown == NULL) {
                xmlFreeNode(c);
                free(kept);
                return error_no_memory(err);
            }
            kept = grown;
            cap += 8;
        }
        kept[n++] = c;
    }
    for (int r = -1; r < MAX_NAMES; r++)
        for (int i = 0; i < n; i++)
            if ((kept[i]->type == XML_ELEMENT_NODE
                 ? rank(s->children, kept[i]->name) : -1) == r)
                xmlAddChild(node, kept[i]);
    free(kept);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            network_shape_normalise_element(c, (const char *)node->name,
                                            err) < 0)
            return -1;
    return 0;
}

int
network_shape_normalise_element(xmlNodePtr node, const char *parent,
                                struct vireo_error *err)
{
    const struct shape *s = find_shape(parent, (const char *)node->name);

    if (s == NULL)
        return 0;
    if (shape_attrs(node, s, err) < 0)
        return -1;
    return shape_children(node, s, err);
}

int
network_shape_normalise(xmlNodePtr root, struct vireo_error *err)
{
    for (xmlNodePtr c = root->children, next; c != NULL; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE && c->ns == NULL &&
            is_listed(top_verbatim, c->name))
            continue;
        if (c->type != XML_ELEMENT_NODE || c->ns != NULL ||
            find_shape("network", (const char *)c->name) == NULL) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
            continue;
        }
        if (network_shape_normalise_element(c, "network", err) < 0)
            return -1;
    }
    return 0;
}

static void
indent(FILE *out, int level)
{
    for (int i = 0; i < level; i++)
        fputs("  ", out);
}

static bool
has_element_children(xmlNodePtr node)
{
    for (xmlNodePtr c = node != NULL ? node->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

void
network_shape_put_children(FILE *out, xmlNodePtr node, int level,
                           const char *name)
{
    if (!has_element_children(node)) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            network_shape_put(out, c, level + 1, name);
    indent(out, level);
    fprintf(out, "</%s>\n", name);
}

void
network_shape_put(FILE *out, xmlNodePtr node, int level, const char *parent)
{
    const char *name = (const char *)node->name;
    xmlChar *text;

    (void)parent;
    indent(out, level);
    fprintf(out, "<%s", name);
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next) {
        xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

        xml_write_attr(out, (const char *)a->name, (const char *)v);
        xmlFree(v);
    }
    if (has_element_children(node)) {
        network_shape_put_children(out, node, level, name);
        return;
    }
    text = xmlNodeGetContent(node);
    if (text != NULL && text[0] != '\0') {
        fputc('>', out);
        xml_write_escaped(out, (const char *)text, false);
        fprintf(out, "</%s>\n", name);
    } else if (is_listed(always_open, node->name)) {
        fputs(">\n", out);
        indent(out, level);
        fprintf(out, "</%s>\n", name);
    } else {
        fputs("/>\n", out);
    }
    xmlFree(text);
}
