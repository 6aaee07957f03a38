/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_devices.c: the <devices> of a domain XML: the table of device
 * kinds, the emulator, disks and controllers. The other kinds have files
 * of their own (domain_xml_net.c, domain_xml_chardev.c,
 * domain_xml_display.c). A device vireo types that holds more than its
 * fields is preserved whole, and so is every device of a kind vireo does
 * not type (see the rule atop domain_xml_parse.c).
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_disk_volume.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static int
parse_emulator(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, &p->def->emulator);
}

/* ---- Disks ------------------------------------------------------------ */

/* The disk being filled while its children are walked. */
static struct domain_disk *
current_disk(struct parse *p)
{
    return &p->def->disks[p->def->n_disks - 1];
}

static int
check_value(struct parse *p, xmlNodePtr node, const char *attr,
            const char *value, const char *const *allowed)
{
    if (value != NULL && !xml_read_is_one_of(value, allowed))
        return xml_read_unsupported_value(p, node, attr, value);
    return 0;
}

static int
disk_driver(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", "type", "cache", "io",
                                         "discard", NULL };
    static const char *const types[] = { "raw", "qcow2", "fat", NULL };
    static const char *const caches[] = { "default", "none", "writethrough",
                                          "writeback", "directsync",
                                          "unsafe", NULL };
    static const char *const ios[] = { "native", "threads", "io_uring",
                                       NULL };
    static const char *const discards[] = { "unmap", "ignore", NULL };
    struct domain_disk *d = current_disk(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "name", &d->driver_name) < 0 ||
        xml_read_attr(p, node, "type", &d->driver_type) < 0 ||
        xml_read_attr(p, node, "cache", &d->driver_cache) < 0 ||
        xml_read_attr(p, node, "io", &d->driver_io) < 0 ||
        xml_read_attr(p, node, "discard", &d->driver_discard) < 0)
        return -1;
    if (check_value(p, node, "type", d->driver_type, types) < 0 ||
        check_value(p, node, "cache", d->driver_cache, caches) < 0 ||
        check_value(p, node, "io", d->driver_io, ios) < 0 ||
        check_value(p, node, "discard", d->driver_discard, discards) < 0)
        return -1;
    return 0;
}

/* <source file=...> for a file disk, <source dev=...> for a block one,
 * <source dir=...> for a directory; an empty one is none. A volume's has
 * its own (domain_xml_disk_volume.c). */
static int
disk_source(struct parse *p, xmlNodePtr node)
{
    /* libvirt reads only the attribute of the disk's type. */
    static const char *const attrs[] = { "file", "dev", "dir", NULL };
    struct domain_disk *d = current_disk(p);
    const char *name = domain_disk_source_attr(d);

    if (domain_disk_is_volume(d))
        return domain_xml_disk_volume_parse(p, node, d);
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, name, &d->source_path) < 0)
        return -1;
    if (d->source_path != NULL && d->source_path[0] == '\0') {
        free(d->source_path);
        d->source_path = NULL;
    }
    return 0;
}

static int
disk_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", "bus", NULL };
    static const char *const buses[] = { "virtio", "sata", "ide", "scsi",
                                         "fdc", NULL };
    struct domain_disk *d = current_disk(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "dev", &d->target_dev) < 0 ||
        xml_read_attr(p, node, "bus", &d->target_bus) < 0)
        return -1;
    if (d->target_dev == NULL || d->target_dev[0] == '\0')
        return xml_read_fail(p, "disk <target> must have a 'dev' attribute");
    return check_value(p, node, "bus", d->target_bus, buses);
}

static int
disk_flag(struct parse *p, xmlNodePtr node, bool *flag)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    *flag = true;
    return 0;
}

static int
disk_readonly(struct parse *p, xmlNodePtr node)
{
    return disk_flag(p, node, &current_disk(p)->is_readonly);
}

static int
disk_shareable(struct parse *p, xmlNodePtr node)
{
    return disk_flag(p, node, &current_disk(p)->is_shareable);
}

static int
disk_serial(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, &current_disk(p)->serial);
}

static const struct handler disk_handlers[] = {
    { "driver",    disk_driver,    true },
    { "source",    disk_source,    true },
    { "target",    disk_target,    true },
    { "readonly",  disk_readonly,  true },
    { "shareable", disk_shareable, true },
    { "serial",    disk_serial,    true },
    { "iotune",    domain_xml_disk_iotune_parse, true },
    XML_READ_INFO_HANDLERS,
};

/* The attributes of <disk>, with libvirt's defaults: a file disk. */
static int
disk_attrs(struct parse *p, xmlNodePtr node, struct domain_disk *d)
{
    static const char *const attrs[] = { "type", "device", NULL };
    static const char *const types[] = { "file", "block", "dir", "volume",
                                         NULL };
    static const char *const devices[] = { "disk", "cdrom", "floppy", NULL };

    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &d->type) < 0 ||
        xml_read_attr(p, node, "device", &d->device) < 0)
        return -1;
    if (d->type == NULL && (d->type = strdup("file")) == NULL)
        return xml_read_no_memory(p);
    if (d->device == NULL && (d->device = strdup("disk")) == NULL)
        return xml_read_no_memory(p);
    if (check_value(p, node, "type", d->type, types) < 0 ||
        check_value(p, node, "device", d->device, devices) < 0)
        return -1;
    return 0;
}

static bool
has_source_element(xmlNodePtr node)
{
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "source"))
            return true;
    return false;
}

/* libvirt's rule: only a cdrom or floppy drive may be empty, and an
 * empty drive without a <source> is a file disk, whatever its type. A
 * volume disk's empty <source/> passes for a source: libvirt takes it
 * as a volume not named yet. */
static int
check_disk_source(struct parse *p, xmlNodePtr node, struct domain_disk *d)
{
    if (d->source_path != NULL || d->source_pool != NULL ||
        (domain_disk_is_volume(d) && has_source_element(node)))
        return 0;
    if (strcmp(d->device, "cdrom") != 0 && strcmp(d->device, "floppy") != 0)
        return error_set(p->err, VIR_ERR_NO_SOURCE, VIR_FROM_DOMAIN,
                         "missing source information for device %s",
                         d->target_dev);
    if (has_source_element(node) || strcmp(d->type, "file") == 0)
        return 0;
    free(d->type);
    d->type = strdup("file");
    return d->type == NULL ? xml_read_no_memory(p) : 0;
}

static int
parse_disk(struct parse *p, xmlNodePtr node)
{
    struct domain_disk *d;

    d = xml_read_grow(p->def->disks, p->def->n_disks, sizeof(*d));
    if (d == NULL)
        return xml_read_no_memory(p);
    p->def->disks = d;
    d = &d[p->def->n_disks++];
    p->info = &d->info;
    if (disk_attrs(p, node, d) < 0 ||
        xml_read_children(p, node, disk_handlers, N_OF(disk_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    if (d->target_dev == NULL)
        return error_set(p->err, VIR_ERR_NO_TARGET, VIR_FROM_DOMAIN,
                         "missing target information for device %s",
                         d->source_path != NULL ? d->source_path : "(null)");
    return check_disk_source(p, node, d);
}

static void
undo_disk(struct parse *p)
{
    domain_disk_clear(&p->def->disks[--p->def->n_disks]);
}

/* ---- Controllers ------------------------------------------------------ */

/* A USB companion's master; libvirt reads a missing startport as 0. */
static int
controller_master(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "startport", NULL };
    struct domain_controller *c =
        &p->def->controllers[p->def->n_controllers - 1];
    unsigned long port;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_uint_attr(p, node, "startport", 65535, &port) < 0)
        return -1;
    c->master_startport = (int)port;
    return 0;
}

static const struct handler controller_handlers[] = {
    { "master", controller_master, true },
    XML_READ_INFO_HANDLERS,
};

static int
controller_index(struct parse *p, xmlNodePtr node, struct domain_controller *c)
{
    char *text;
    unsigned long index;
    bool is_ok;

    if (xml_read_attr(p, node, "index", &text) < 0)
        return -1;
    c->index = -1;
    if (text == NULL)
        return 0;
    is_ok = xml_read_uint(text, 65535, &index);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'index' in element "
                  "'controller': '%s'. Expected integer value", text);
    free(text);
    if (!is_ok)
        return -1;
    c->index = (int)index;
    return 0;
}

/* libvirt keeps controllers of a type together, in index order, in the
 * order the types first appear; one without an index goes after the
 * others of its type (virDomainControllerInsertPreAlloced). */
static void
insert_controller(struct domain_def *def)
{
    struct domain_controller c = def->controllers[def->n_controllers - 1];
    int n = def->n_controllers - 1, at = -1;

    for (int i = n - 1; i >= 0; i--) {
        const struct domain_controller *other = &def->controllers[i];

        if (strcmp(other->type, c.type) != 0)
            continue;
        if (c.index == -1) {
            at = i + 1;
            break;
        }
        if (other->index > c.index)
            at = i;
        else if (at == -1)
            at = i + 1;
    }
    if (at == -1)
        return;
    memmove(&def->controllers[at + 1], &def->controllers[at],
            (size_t)(n - at) * sizeof(c));
    def->controllers[at] = c;
}

static int
parse_controller(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "index", "model", "ports",
                                         NULL };
    static const char *const types[] = { "usb", "pci", "sata", "scsi", "ide",
                                         "virtio-serial", "fdc", "ccid",
                                         NULL };
    struct domain_controller *c;
    unsigned long ports;

    c = xml_read_grow(p->def->controllers, p->def->n_controllers,
                      sizeof(*c));
    if (c == NULL)
        return xml_read_no_memory(p);
    p->def->controllers = c;
    c = &c[p->def->n_controllers++];
    c->master_startport = -1;
    p->info = &c->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &c->type) < 0 ||
        controller_index(p, node, c) < 0 ||
        xml_read_attr(p, node, "model", &c->model) < 0 ||
        xml_read_uint_attr(p, node, "ports", 255, &ports) < 0)
        return -1;
    c->ports = (int)ports;
    if (c->type == NULL)
        return xml_read_fail(p, "missing type attribute for <controller>");
    if (check_value(p, node, "type", c->type, types) < 0 ||
        xml_read_children(p, node, controller_handlers,
                          N_OF(controller_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    insert_controller(p->def);
    return 0;
}

/* The controller was not inserted yet: it is still the last one. */
static void
undo_controller(struct parse *p)
{
    domain_controller_clear(&p->def->controllers[--p->def->n_controllers]);
}

/* ---- <devices> -------------------------------------------------------- */

static int
preserve_device(struct parse *p, xmlNodePtr node)
{
    if (domain_xml_check_kept_device(p, node) < 0)
        return -1;
    return xml_read_preserve(p, node, 2, &p->def->device_extras,
                             &p->def->n_device_extras);
}

static XML_READ_TYPED_DEVICE(disk_or_preserve, parse_disk, undo_disk)
static XML_READ_TYPED_DEVICE(controller_or_preserve, parse_controller,
                             undo_controller)

static const struct handler device_handlers[] = {
    { "emulator",   parse_emulator,              true },
    { "disk",       disk_or_preserve,            false },
    { "controller", controller_or_preserve,      false },
    { "interface",  domain_xml_interface_parse,  false },
    { "serial",     domain_xml_chardev_parse,    false },
    { "console",    domain_xml_chardev_parse,    false },
    { "channel",    domain_xml_chardev_parse,    false },
    { "parallel",   domain_xml_chardev_parse,    false },
    { "graphics",   domain_xml_graphics_parse,   false },
    { "video",      domain_xml_video_parse,      false },
    { "input",      domain_xml_input_parse,      false },
    { "memballoon", domain_xml_memballoon_parse, true },
    { "rng",        domain_xml_rng_parse,        false },
    { "redirdev",   domain_xml_redirdev_parse,   false },
    { "smartcard",  domain_xml_smartcard_parse,  false },
};

int
domain_xml_devices_parse(struct parse *p, xmlNodePtr node)
{
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_children(p, node, device_handlers, N_OF(device_handlers),
                             preserve_device);
}
