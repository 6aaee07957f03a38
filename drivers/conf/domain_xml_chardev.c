/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_chardev.c: <serial>, <console>, <channel> and <parallel>
 * of type pty, file, unix, null, stdio, spicevmc, tcp or udp (their ends
 * in domain_xml_chardev_net.c). Other types (dev, pipe ...) and character
 * devices holding more than vireo types (<log>, a tcp <reconnect> ...)
 * are preserved whole. A pty's path and a console's tty are live facts: as in
 * libvirt, a definition never brings them back.
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_chardev_net.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static struct domain_chardev *
current_chardev(struct parse *p)
{
    return &p->def->chardevs[p->def->n_chardevs - 1];
}

static int
chardev_source(struct parse *p, xmlNodePtr node)
{
    static const char *const path_attrs[] = { "path", NULL };
    static const char *const unix_attrs[] = { "mode", "path", NULL };
    static const char *const modes[] = { "bind", "connect", NULL };
    struct domain_chardev *c = current_chardev(p);
    bool is_unix = strcmp(c->type, "unix") == 0;

    if (domain_chardev_is_net(c))
        return domain_xml_chardev_net_source(p, node, c);
    if (strcmp(c->type, "null") == 0 || strcmp(c->type, "stdio") == 0 ||
        strcmp(c->type, "spicevmc") == 0)
        return xml_read_unsupported_child(p, node->parent, node);
    if (xml_read_leaf(p, node, is_unix ? unix_attrs : path_attrs) < 0 ||
        xml_read_attr(p, node, "path", &c->source_path) < 0 ||
        xml_read_attr(p, node, "mode", &c->source_mode) < 0)
        return -1;
    if (c->source_mode != NULL && !xml_read_is_one_of(c->source_mode, modes))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Unknown source mode '%s'", c->source_mode);
    if (strcmp(c->type, "pty") == 0) {
        free(c->source_path);
        c->source_path = NULL;
    }
    return 0;
}

static int
target_model(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", NULL };

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    return xml_read_attr(p, node, "name", &current_chardev(p)->target_model);
}

static const struct handler target_handlers[] = {
    { "model", target_model, true },
};

static int
target_port(struct parse *p, xmlNodePtr node, struct domain_chardev *c)
{
    unsigned long port;
    char *text = NULL;
    bool is_ok;

    if (xml_read_attr(p, node, "port", &text) < 0)
        return -1;
    if (text == NULL)
        return 0;
    is_ok = xml_read_uint(text, 65535, &port);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid port '%s' in <target> of <%s>", text,
                  xml_read_node_name(node->parent));
    free(text);
    if (!is_ok)
        return -1;
    c->target_port = (int)port;
    return 0;
}

/* A channel's target names it; its live state is not kept. */
static int
chardev_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "port", NULL };
    static const char *const channel_attrs[] = { "type", "name", "state",
                                                 NULL };
    static const char *const parallel_attrs[] = { "port", NULL };
    struct domain_chardev *c = current_chardev(p);
    bool is_channel = c->kind == DOMAIN_CHARDEV_CHANNEL;
    bool is_parallel = c->kind == DOMAIN_CHARDEV_PARALLEL;

    if (xml_read_check_attrs(p, node, is_channel ? channel_attrs
                             : is_parallel ? parallel_attrs : attrs) < 0 ||
        xml_read_attr(p, node, "type", &c->target_type) < 0 ||
        xml_read_attr(p, node, "name", &c->target_name) < 0 ||
        target_port(p, node, c) < 0)
        return -1;
    if (is_channel && (c->target_type == NULL ||
                       strcmp(c->target_type, "virtio") != 0))
        return xml_read_unsupported_value(p, node, "type",
                                          c->target_type != NULL
                                          ? c->target_type : "");
    return xml_read_children(p, node, target_handlers,
                             is_channel || is_parallel
                             ? 0 : N_OF(target_handlers),
                             xml_read_refuse_child);
}

static int
chardev_protocol(struct parse *p, xmlNodePtr node)
{
    return domain_xml_chardev_net_protocol(p, node, current_chardev(p));
}

/* <source> and <protocol> are counted before (count_children). */
static const struct handler chardev_handlers[] = {
    { "source", chardev_source, false },
    { "protocol", chardev_protocol, false },
    { "target", chardev_target, true },
    XML_READ_INFO_HANDLERS,
};

static int
chardev_kind(xmlNodePtr node)
{
    if (xml_read_is_named(node, "console"))
        return DOMAIN_CHARDEV_CONSOLE;
    if (xml_read_is_named(node, "channel"))
        return DOMAIN_CHARDEV_CHANNEL;
    if (xml_read_is_named(node, "parallel"))
        return DOMAIN_CHARDEV_PARALLEL;
    return DOMAIN_CHARDEV_SERIAL;
}

static int
n_children_named(xmlNodePtr node, const char *name)
{
    int n = 0;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, name))
            n++;
    return n;
}

/* A udp device has up to two ends, any other one; and one protocol. */
static int
count_children(struct parse *p, xmlNodePtr node, struct domain_chardev *c)
{
    int n_sources = n_children_named(node, "source");
    bool is_udp = strcmp(c->type, "udp") == 0;

    if (n_sources > (is_udp ? 2 : 1))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "only %s source element%s allowed for character "
                         "device", is_udp ? "two" : "one",
                         is_udp ? "s are" : " is");
    if (n_children_named(node, "protocol") > 1)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "only one protocol element is allowed for "
                         "character device");
    return 0;
}

/* What libvirt requires once the element is read. */
static int
check_chardev(struct parse *p, xmlNodePtr node, struct domain_chardev *c)
{
    if (domain_chardev_is_net(c) && domain_xml_chardev_net_settle(p, c) < 0)
        return -1;
    if (strcmp(c->type, "file") == 0 && c->source_path == NULL)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "Missing source path attribute for char device");
    if (c->kind == DOMAIN_CHARDEV_CHANNEL && c->target_type == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "missing target type for <%s>",
                         xml_read_node_name(node));
    return 0;
}

static int
parse_chardev(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "tty", NULL };
    static const char *const types[] = { "pty", "null", "stdio", "file",
                                         "unix", "spicevmc", "tcp", "udp",
                                         NULL };
    struct domain_chardev *c;

    c = xml_read_grow(p->def->chardevs, p->def->n_chardevs, sizeof(*c));
    if (c == NULL)
        return xml_read_no_memory(p);
    p->def->chardevs = c;
    c = &c[p->def->n_chardevs++];
    c->kind = chardev_kind(node);
    c->target_port = -1;
    p->info = &c->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &c->type) < 0)
        return -1;
    if (c->type == NULL && (c->type = strdup("pty")) == NULL)
        return xml_read_no_memory(p);
    if (!xml_read_is_one_of(c->type, types))
        return xml_read_unsupported_value(p, node, "type", c->type);
    if (count_children(p, node, c) < 0 ||
        xml_read_children(p, node, chardev_handlers, N_OF(chardev_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    return check_chardev(p, node, c);
}

static void
undo_chardev(struct parse *p)
{
    domain_chardev_clear(&p->def->chardevs[--p->def->n_chardevs]);
}

XML_READ_TYPED_DEVICE(domain_xml_chardev_parse, parse_chardev, undo_chardev)
