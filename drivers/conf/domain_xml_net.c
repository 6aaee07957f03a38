/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_net.c: <interface> of type user, bridge, ethernet, network
 * or direct. Other types, and interfaces holding more than vireo types
 * (<driver> other than its queues, <filterref> ...), are preserved
 * whole.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static struct domain_interface *
current_interface(struct parse *p)
{
    return &p->def->interfaces[p->def->n_interfaces - 1];
}

/* Six colon-separated hex pairs, stored lowercase so that output is
 * canonical. */
static bool
normalise_mac(char *mac)
{
    static const char hex[] = "0123456789abcdefABCDEF";

    if (strlen(mac) != 17)
        return false;
    for (size_t i = 0; i < 17; i++) {
        if (i % 3 == 2 ? mac[i] != ':' : strchr(hex, mac[i]) == NULL)
            return false;
        if (mac[i] >= 'A' && mac[i] <= 'F')
            mac[i] = (char)(mac[i] - 'A' + 'a');
    }
    return true;
}

static int
interface_mac(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "address", NULL };
    struct domain_interface *iface = current_interface(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "address", &iface->mac) < 0)
        return -1;
    if (iface->mac == NULL)
        return xml_read_fail(p, "<mac> must have an 'address' attribute");
    if (!normalise_mac(iface->mac))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "unable to parse mac address '%s'", iface->mac);
    /* The low bit of the first octet marks a group address. */
    if (strtoul(iface->mac, NULL, 16) & 1)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "expected unicast mac address, found multicast "
                         "'%s'", iface->mac);
    return 0;
}

/* The source attribute each type takes; the other types take none. */
static const char *
source_attr(const char *type)
{
    if (strcmp(type, "bridge") == 0)
        return "bridge";
    if (strcmp(type, "network") == 0)
        return "network";
    return NULL;
}

/* A direct interface's host device, and how the guest shares it. */
static int
direct_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", "mode", NULL };
    static const char *const modes[] = { "vepa", "private", "bridge",
                                         "passthrough", NULL };
    struct domain_interface *iface = current_interface(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "dev", &iface->source_dev) < 0 ||
        xml_read_attr(p, node, "mode", &iface->source_mode) < 0)
        return -1;
    if (iface->source_dev == NULL)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "No <source> 'dev' attribute specified with "
                         "<interface type='direct'/>");
    if (iface->source_mode != NULL &&
        !xml_read_is_one_of(iface->source_mode, modes))
        return xml_read_unsupported_value(p, node, "mode",
                                          iface->source_mode);
    return 0;
}

static int
interface_source(struct parse *p, xmlNodePtr node)
{
    struct domain_interface *iface = current_interface(p);
    const char *name = source_attr(iface->type);
    const char *const attrs[] = { name, NULL };
    char **field = strcmp(iface->type, "bridge") == 0
                   ? &iface->source_bridge : &iface->source_network;

    if (strcmp(iface->type, "direct") == 0)
        return direct_source(p, node);
    if (name == NULL)
        return xml_read_unsupported_child(p, node->parent, node);
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, name, field) < 0)
        return -1;
    if (*field == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Missing required attribute '%s' in element "
                         "'source'", name);
    return 0;
}

/* libvirt forgets tap names it generates itself (vnetN, macvtapN ...) on
 * define, so that a new start names them again. */
static bool
is_generated_name(const char *dev)
{
    return strncmp(dev, "vnet", 4) == 0 || strncmp(dev, "macvtap", 7) == 0 ||
           strncmp(dev, "macvlan", 7) == 0;
}

static int
interface_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", NULL };
    struct domain_interface *iface = current_interface(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "dev", &iface->target_dev) < 0)
        return -1;
    if (iface->target_dev != NULL && is_generated_name(iface->target_dev)) {
        free(iface->target_dev);
        iface->target_dev = NULL;
    }
    return 0;
}

static int
interface_model(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    struct domain_interface *iface = current_interface(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &iface->model) < 0)
        return -1;
    if (iface->model == NULL || iface->model[0] == '\0')
        return xml_read_fail(p, "<model> must have a 'type' attribute");
    return 0;
}

/* Only the number of queues is typed; other driver settings keep the
 * interface whole. */
static int
interface_driver(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "queues", NULL };
    unsigned long queues;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_uint_attr(p, node, "queues", 65535, &queues) < 0)
        return -1;
    current_interface(p)->driver_queues = (unsigned int)queues;
    return 0;
}

/* libvirt reads only the first <link> and the first <mtu>. */
static bool
is_first_of_its_name(xmlNodePtr node)
{
    for (xmlNodePtr c = node->prev; c != NULL; c = c->prev)
        if (c->type == XML_ELEMENT_NODE && c->ns == NULL &&
            xmlStrEqual(c->name, node->name))
            return false;
    return true;
}

static int
interface_link(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "state", NULL };
    static const char *const states[] = { "up", "down", NULL };
    char **state = &current_interface(p)->link_state;

    if (!is_first_of_its_name(node))
        return 0;
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "state", state) < 0)
        return -1;
    if (*state != NULL && !xml_read_is_one_of(*state, states))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unknown interface link state '%s'", *state);
    return 0;
}

/* <mtu size='N'>; a size of 0 is as none. */
static int
interface_mtu(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "size", NULL };
    char *text;
    bool is_ok;

    if (!is_first_of_its_name(node))
        return 0;
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "size", &text) < 0)
        return -1;
    if (text == NULL)
        return 0;
    /* An empty size is none. */
    is_ok = text[0] == '\0' ||
            xml_read_strict_uint(text, &current_interface(p)->mtu);
    free(text);
    if (!is_ok)
        return xml_read_fail(p, "malformed mtu size");
    return 0;
}

static const struct handler interface_handlers[] = {
    { "driver", interface_driver, true },
    { "link",   interface_link,   false },
    { "mtu",    interface_mtu,    false },
    { "mac",    interface_mac,    true },
    { "source", interface_source, true },
    { "target", interface_target, true },
    { "model",  interface_model,  true },
    { "bandwidth", domain_xml_bandwidth_parse, true },
    XML_READ_INFO_HANDLERS,
};

/* libvirt gives an interface without one a random MAC in QEMU's range. */
static int
generate_mac(struct parse *p, struct domain_interface *iface)
{
    unsigned char bytes[VIREO_UUID_BUFLEN];

    if (uuid_generate(bytes) < 0)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "cannot generate a mac address");
    iface->mac = malloc(18);
    if (iface->mac == NULL)
        return xml_read_no_memory(p);
    snprintf(iface->mac, 18, "52:54:00:%02x:%02x:%02x", bytes[0], bytes[1],
             bytes[2]);
    return 0;
}

static int
parse_interface(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    static const char *const types[] = { "user", "bridge", "ethernet",
                                         "network", "direct", NULL };
    struct domain_interface *iface;

    iface = xml_read_grow(p->def->interfaces, p->def->n_interfaces,
                          sizeof(*iface));
    if (iface == NULL)
        return xml_read_no_memory(p);
    p->def->interfaces = iface;
    iface = &iface[p->def->n_interfaces++];
    p->info = &iface->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &iface->type) < 0)
        return -1;
    if (iface->type == NULL)
        return xml_read_fail(p, "missing type attribute for <interface>");
    if (!xml_read_is_one_of(iface->type, types))
        return xml_read_unsupported_value(p, node, "type", iface->type);
    if (xml_read_children(p, node, interface_handlers,
                          N_OF(interface_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    if (source_attr(iface->type) != NULL && iface->source_bridge == NULL &&
        iface->source_network == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "interface type='%s' requires a 'source' element",
                         iface->type);
    return iface->mac == NULL ? generate_mac(p, iface) : 0;
}

static void
undo_interface(struct parse *p)
{
    domain_interface_clear(&p->def->interfaces[--p->def->n_interfaces]);
}

XML_READ_TYPED_DEVICE(domain_xml_interface_parse, parse_interface,
                      undo_interface)
