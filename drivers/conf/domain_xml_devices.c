/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_devices.c: the <devices> of a domain XML: emulator, disks,
 * user-mode interfaces, serials and consoles, graphics 'none'; any other
 * device is preserved verbatim (see the rule atop domain_xml_parse.c).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

static int
parse_emulator(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, &p->def->emulator);
}

/* The disk being filled while its children are walked. */
static struct domain_disk *
current_disk(struct parse *p)
{
    return &p->def->disks[p->def->n_disks - 1];
}

static int
disk_driver(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", "type", NULL };
    static const char *const types[] = { "raw", "qcow2", NULL };
    struct domain_disk *d = current_disk(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "name", &d->driver_name) < 0 ||
        xml_read_attr(p, node, "type", &d->driver_type) < 0)
        return -1;
    if (d->driver_type != NULL && !xml_read_is_one_of(d->driver_type, types))
        return xml_read_unsupported_value(p, node, "type", d->driver_type);
    return 0;
}

static int
disk_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "file", NULL };

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    return xml_read_attr(p, node, "file", &current_disk(p)->source_path);
}

static int
disk_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", "bus", NULL };
    static const char *const buses[] = { "virtio", "sata", "ide", "scsi",
                                         NULL };
    struct domain_disk *d = current_disk(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "dev", &d->target_dev) < 0 ||
        xml_read_attr(p, node, "bus", &d->target_bus) < 0)
        return -1;
    if (d->target_dev == NULL || d->target_dev[0] == '\0')
        return xml_read_fail(p, "disk <target> must have a 'dev' attribute");
    if (d->target_bus != NULL && !xml_read_is_one_of(d->target_bus, buses))
        return xml_read_unsupported_value(p, node, "bus", d->target_bus);
    return 0;
}

static int
disk_readonly(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    current_disk(p)->is_readonly = true;
    return 0;
}

static int
refuse_child(struct parse *p, xmlNodePtr node)
{
    return xml_read_unsupported_child(p, node->parent, node);
}

static const struct handler disk_handlers[] = {
    { "driver",   disk_driver,   true },
    { "source",   disk_source,   true },
    { "target",   disk_target,   true },
    { "readonly", disk_readonly, true },
};

/* libvirt's default disk type is 'file', the only one we run. */
static int
check_disk_type(struct parse *p, xmlNodePtr node)
{
    xmlChar *type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    bool is_file = type == NULL || strcmp((const char *)type, "file") == 0;

    if (!is_file)
        xml_read_unsupported_value(p, node, "type", (const char *)type);
    xmlFree(type);
    return is_file ? 0 : -1;
}

static int
parse_disk(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "device", NULL };
    static const char *const devices[] = { "disk", "cdrom", NULL };
    struct domain_disk *d;

    d = xml_read_grow(p->def->disks, p->def->n_disks, sizeof(*d));
    if (d == NULL)
        return xml_read_no_memory(p);
    p->def->disks = d;
    d = &d[p->def->n_disks++];
    if (check_disk_type(p, node) < 0 ||
        xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "device", &d->device) < 0)
        return -1;
    if (d->device == NULL && (d->device = strdup("disk")) == NULL)
        return xml_read_no_memory(p);
    if (!xml_read_is_one_of(d->device, devices))
        return xml_read_unsupported_value(p, node, "device", d->device);
    if (xml_read_children(p, node, disk_handlers,
             sizeof(disk_handlers) / sizeof(disk_handlers[0]),
             refuse_child) < 0)
        return -1;
    if (d->target_dev == NULL)
        return xml_read_fail(p, "disk is missing its <target dev='...'/>");
    return 0;
}

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

static const struct handler interface_handlers[] = {
    { "mac",   interface_mac,   true },
    { "model", interface_model, true },
};

static int
parse_interface(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    struct domain_interface *iface;

    iface = xml_read_grow(p->def->interfaces, p->def->n_interfaces,
                          sizeof(*iface));
    if (iface == NULL)
        return xml_read_no_memory(p);
    p->def->interfaces = iface;
    iface = &iface[p->def->n_interfaces++];
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &iface->type) < 0)
        return -1;
    if (iface->type == NULL)
        return xml_read_fail(p, "missing type attribute for <interface>");
    if (strcmp(iface->type, "user") != 0)
        return xml_read_unsupported_value(p, node, "type", iface->type);
    return xml_read_children(p, node, interface_handlers,
                sizeof(interface_handlers) / sizeof(interface_handlers[0]),
                refuse_child);
}

static struct domain_chardev *
current_chardev(struct parse *p)
{
    return &p->def->chardevs[p->def->n_chardevs - 1];
}

static int
chardev_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "path", NULL };

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    return xml_read_attr(p, node, "path", &current_chardev(p)->source_path);
}

static int
chardev_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "port", NULL };
    struct domain_chardev *c = current_chardev(p);
    unsigned long port;
    char *text = NULL;
    bool is_ok;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &c->target_type) < 0 ||
        xml_read_attr(p, node, "port", &text) < 0)
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

static const struct handler chardev_handlers[] = {
    { "source", chardev_source, true },
    { "target", chardev_target, true },
};

static int
parse_chardev(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    static const char *const types[] = { "pty", "null", "stdio", "file",
                                         NULL };
    struct domain_chardev *c;

    c = xml_read_grow(p->def->chardevs, p->def->n_chardevs, sizeof(*c));
    if (c == NULL)
        return xml_read_no_memory(p);
    p->def->chardevs = c;
    c = &c[p->def->n_chardevs++];
    c->kind = xml_read_is_named(node, "console") ? DOMAIN_CHARDEV_CONSOLE
                                                 : DOMAIN_CHARDEV_SERIAL;
    c->target_port = -1;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &c->type) < 0)
        return -1;
    if (c->type == NULL && (c->type = strdup("pty")) == NULL)
        return xml_read_no_memory(p);
    if (!xml_read_is_one_of(c->type, types))
        return xml_read_unsupported_value(p, node, "type", c->type);
    if (xml_read_children(p, node, chardev_handlers,
             sizeof(chardev_handlers) / sizeof(chardev_handlers[0]),
             refuse_child) < 0)
        return -1;
    if (strcmp(c->type, "file") == 0 && c->source_path == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "<%s type='file'> needs <source path='...'/>",
                         xml_read_node_name(node));
    return 0;
}

static int
parse_graphics(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    xmlChar *type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    bool is_none = type != NULL && strcmp((const char *)type, "none") == 0;
    struct domain_graphics *g;

    /* The type decides everything else, so it is the one to report. */
    if (type == NULL)
        return xml_read_fail(p, "missing type attribute for <graphics>");
    if (!is_none)
        xml_read_unsupported_value(p, node, "type", (const char *)type);
    xmlFree(type);
    if (!is_none || xml_read_leaf(p, node, attrs) < 0)
        return -1;
    g = xml_read_grow(p->def->graphics, p->def->n_graphics, sizeof(*g));
    if (g == NULL)
        return xml_read_no_memory(p);
    p->def->graphics = g;
    g = &g[p->def->n_graphics++];
    g->port = -1;
    if ((g->type = strdup("none")) == NULL)
        return xml_read_no_memory(p);
    return 0;
}

static int
preserve_device(struct parse *p, xmlNodePtr node)
{
    return xml_read_preserve(p, node, 2, &p->def->device_extras,
                    &p->def->n_device_extras);
}

static const struct handler device_handlers[] = {
    { "emulator",  parse_emulator,  true },
    { "disk",      parse_disk,      false },
    { "interface", parse_interface, false },
    { "serial",    parse_chardev,   false },
    { "console",   parse_chardev,   false },
    { "graphics",  parse_graphics,  true },
};

int
domain_xml_devices_parse(struct parse *p, xmlNodePtr node)
{
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_children(p, node, device_handlers,
                sizeof(device_handlers) / sizeof(device_handlers[0]),
                preserve_device);
}
