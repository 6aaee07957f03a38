/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_postparse.c: what libvirt settles once the whole document is
 * read, in every driver (virDomainDefPostParse and the checks after it):
 * controller indexes, drive addresses of ide, sata and scsi disks, the
 * controllers those addresses and virtio channels imply, the video a
 * graphical guest gets, video defaults; and the rules that need the whole
 * document (boot orders, duplicate disk targets). What libvirt's QEMU
 * driver adds on top (PCI addresses, a USB controller ...) is not done
 * here: the definition stays what libvirt's test driver keeps.
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_tune_pin.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

/* ---- Controllers ------------------------------------------------------ */

static bool
has_controller(const struct domain_def *def, const char *type, int index)
{
    for (int i = 0; i < def->n_controllers; i++)
        if (strcmp(def->controllers[i].type, type) == 0 &&
            def->controllers[i].index == index)
            return true;
    return false;
}

/* The index a controller without one gets: a USB companion shares the
 * index of the USB controller before it (its EHCI master), any other
 * controller takes the lowest free index of its type. */
static int
unused_index(const struct domain_def *def, int at)
{
    const struct domain_controller *c = &def->controllers[at];
    int index = 0;

    if (c->master_startport >= 0)
        for (int i = at - 1; i >= 0; i--)
            if (strcmp(def->controllers[i].type, c->type) == 0 &&
                def->controllers[i].index != -1)
                return def->controllers[i].index;
    while (has_controller(def, c->type, index))
        index++;
    return index;
}

/* Two controllers of one type with one index, other than a USB master and
 * its companions. */
static bool
is_duplicate(const struct domain_controller *a,
             const struct domain_controller *b)
{
    return strcmp(a->type, b->type) == 0 && a->index == b->index &&
           a->master_startport < 0 && b->master_startport < 0;
}

/* libvirt gives a controller without an index the lowest free one of its
 * type (a companion its master's), in document order, and refuses two
 * with the same. */
static int
settle_controller_indexes(struct parse *p)
{
    struct domain_def *def = p->def;

    for (int i = 0; i < def->n_controllers; i++)
        if (def->controllers[i].index == -1)
            def->controllers[i].index = unused_index(def, i);
    for (int i = 0; i < def->n_controllers; i++)
        for (int j = 0; j < i; j++)
            if (is_duplicate(&def->controllers[i], &def->controllers[j]))
                return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                                 "Multiple '%s' controllers with index '%d'",
                                 def->controllers[i].type,
                                 def->controllers[i].index);
    return 0;
}

/* Appended, as libvirt adds implied controllers after the given ones. */
static int
add_controller(struct parse *p, const char *type, int index)
{
    struct domain_def *def = p->def;
    struct domain_controller *c;

    if (has_controller(def, type, index))
        return 0;
    c = xml_read_grow(def->controllers, def->n_controllers, sizeof(*c));
    if (c == NULL)
        return xml_read_no_memory(p);
    def->controllers = c;
    c = &c[def->n_controllers++];
    c->index = index;
    c->master_startport = -1;
    c->type = strdup(type);
    return c->type == NULL ? xml_read_no_memory(p) : 0;
}

/* ---- Disks ------------------------------------------------------------ */

/* virDomainDiskDefAssignAddress: ide has 2 buses of 2 units per
 * controller, sata 6 units, scsi 7, fdc 2 (libvirt's generic rule). */
static void
assign_drive_address(struct domain_disk *d)
{
    const char *bus = domain_disk_bus(d);
    int index = domain_disk_index(d->target_dev);
    struct domain_device_info *info = &d->info;

    if (bus == NULL || index < 0 || info->has_drive_address ||
        info->address_xml != NULL)
        return;
    if (strcmp(bus, "ide") == 0) {
        info->drive_controller = (unsigned int)index / 4;
        info->drive_bus = (unsigned int)(index % 4) / 2;
        info->drive_unit = (unsigned int)index % 2;
    } else if (strcmp(bus, "sata") == 0) {
        info->drive_controller = (unsigned int)index / 6;
        info->drive_unit = (unsigned int)index % 6;
    } else if (strcmp(bus, "scsi") == 0) {
        info->drive_controller = (unsigned int)index / 7;
        info->drive_unit = (unsigned int)index % 7;
    } else if (strcmp(bus, "fdc") == 0) {
        info->drive_controller = (unsigned int)index / 2;
        info->drive_unit = (unsigned int)index % 2;
    } else {
        return;
    }
    info->has_drive_address = true;
}

/* The controllers 0..N of a bus whose disks name controller N. */
static int
add_disk_controllers(struct parse *p, const char *bus)
{
    const struct domain_def *def = p->def;
    int highest = -1;

    for (int i = 0; i < def->n_disks; i++) {
        const struct domain_disk *d = &def->disks[i];
        const char *b = domain_disk_bus(d);

        if (b != NULL && strcmp(b, bus) == 0 && d->info.has_drive_address &&
            (int)d->info.drive_controller > highest)
            highest = (int)d->info.drive_controller;
    }
    for (int i = 0; i <= highest; i++)
        if (add_controller(p, bus, i) < 0)
            return -1;
    return 0;
}

static const char *
or_empty(const char *s)
{
    return s != NULL ? s : "";
}

static int
settle_disks(struct parse *p)
{
    struct domain_def *def = p->def;

    for (int i = 0; i < def->n_disks; i++) {
        struct domain_disk *d = &def->disks[i];

        for (int j = 0; j < i; j++)
            if (strcmp(def->disks[j].target_dev, d->target_dev) == 0)
                return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                                 "target '%s' duplicated for disk sources "
                                 "'%s' and '%s'", d->target_dev,
                                 or_empty(def->disks[j].source_path),
                                 or_empty(d->source_path));
        /* libvirt makes every cdrom read-only. */
        if (strcmp(d->device, "cdrom") == 0)
            d->is_readonly = true;
        assign_drive_address(d);
    }
    return 0;
}

/* A virtio channel or console needs a virtio-serial controller: the one
 * its address names, else the first. */
static int
add_virtio_serial_controllers(struct parse *p)
{
    const struct domain_def *def = p->def;

    for (int i = 0; i < def->n_chardevs; i++) {
        const struct domain_chardev *c = &def->chardevs[i];
        const char *addr = c->info.address_xml;
        const char *ctrl = addr != NULL ? strstr(addr, " controller='") : NULL;
        int index = ctrl != NULL ? atoi(ctrl + 13) : 0;

        if (c->kind == DOMAIN_CHARDEV_SERIAL || c->target_type == NULL ||
            strcmp(c->target_type, "virtio") != 0)
            continue;
        if (add_controller(p, "virtio-serial", index) < 0)
            return -1;
    }
    return 0;
}

/* ---- Video ------------------------------------------------------------ */

static bool
has_preserved(const struct domain_def *def, const char *name)
{
    for (int i = 0; i < def->n_device_extras; i++)
        if (def->device_extras[i].name != NULL &&
            strcmp(def->device_extras[i].name, name) == 0)
            return true;
    return false;
}

/* The model libvirt's test driver gives a video without one. */
#define DEFAULT_VIDEO "cirrus"

/* libvirt gives a graphical guest without video a default one. */
static int
add_implicit_video(struct parse *p)
{
    struct domain_def *def = p->def;
    struct domain_video *v;

    if ((def->n_graphics == 0 && !has_preserved(def, "graphics")) ||
        def->n_videos > 0 || has_preserved(def, "video"))
        return 0;
    v = xml_read_grow(def->videos, def->n_videos, sizeof(*v));
    if (v == NULL)
        return xml_read_no_memory(p);
    def->videos = v;
    def->n_videos++;
    return 0;
}

/* virDomainVideoDefaultRAM, in KiB. */
static unsigned int
default_vram_kib(const char *model)
{
    static const char *const with_16m[] = { "vga", "cirrus", "vmvga",
                                            "bochs", NULL };

    if (xml_read_is_one_of(model, with_16m))
        return 16384;
    if (strcmp(model, "qxl") == 0)
        return 65536;
    return 0;
}

/* The first video libvirt marks primary goes first. */
static void
move_primary_first(struct domain_def *def)
{
    for (int i = 1; i < def->n_videos; i++) {
        struct domain_video primary = def->videos[i];

        if (!primary.is_primary)
            continue;
        memmove(&def->videos[1], &def->videos[0], (size_t)i * sizeof(primary));
        def->videos[0] = primary;
        return;
    }
}

static int
settle_videos(struct parse *p)
{
    struct domain_def *def = p->def;

    if (add_implicit_video(p) < 0)
        return -1;
    for (int i = 0; i < def->n_videos; i++) {
        struct domain_video *v = &def->videos[i];

        if (v->model_type == NULL &&
            (v->model_type = strdup(DEFAULT_VIDEO)) == NULL)
            return xml_read_no_memory(p);
        if (strcmp(v->model_type, "none") == 0)
            continue;
        if (v->vram_kib == 0)
            v->vram_kib = default_vram_kib(v->model_type);
        if (v->ram_kib == 0 && strcmp(v->model_type, "qxl") == 0)
            v->ram_kib = 65536;
        if (v->heads == 0)
            v->heads = 1;
    }
    move_primary_first(def);
    if (def->n_videos > 0 && strcmp(def->videos[0].model_type, "none") != 0)
        def->videos[0].is_primary = true;
    return 0;
}

/* ---- Whole-document rules --------------------------------------------- */

/* Every device's info, for the boot order rules. */
static int
collect_boot_orders(const struct domain_def *def, int *orders, int max)
{
    int n = 0;

#define COLLECT(array, count)                                   \
    for (int i = 0; i < (count) && n < max; i++)                \
        if ((array)[i].info.boot_order > 0)                     \
            orders[n++] = (array)[i].info.boot_order;
    COLLECT(def->disks, def->n_disks)
    COLLECT(def->interfaces, def->n_interfaces)
#undef COLLECT
    return n;
}

static int
check_boot_orders(struct parse *p)
{
    const struct domain_def *def = p->def;
    int max = def->n_disks + def->n_interfaces;
    int *orders, n, rc = 0;

    if (max == 0)
        return 0;
    orders = calloc((size_t)max, sizeof(*orders));
    if (orders == NULL)
        return xml_read_no_memory(p);
    n = collect_boot_orders(def, orders, max);
    for (int i = 0; i < n && rc == 0; i++)
        for (int j = 0; j < i && rc == 0; j++)
            if (orders[i] == orders[j])
                rc = error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                               VIR_FROM_DOMAIN, "boot order '%d' used for "
                               "more than one device", orders[i]);
    if (rc == 0 && n > 0 && def->n_os_boot_devs > 0)
        rc = error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                       "per-device boot elements cannot be used together "
                       "with os/boot elements");
    free(orders);
    return rc;
}

/* A console after the first is a virtio (or other) console: libvirt
 * refuses a second serial one, whether its target says so or not. */
static int
check_consoles(struct parse *p)
{
    int position = 0;

    for (int i = 0; i < p->def->n_chardevs; i++) {
        const struct domain_chardev *c = &p->def->chardevs[i];

        if (c->kind != DOMAIN_CHARDEV_CONSOLE)
            continue;
        if (position++ > 0 &&
            (c->target_type == NULL || strcmp(c->target_type, "serial") == 0))
            return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN, "Only the first console can be "
                             "a serial port");
    }
    return 0;
}

/* A tablet on ps2 is the one input combination libvirt refuses here. */
static int
check_inputs(struct parse *p)
{
    for (int i = 0; i < p->def->n_inputs; i++)
        if (strcmp(p->def->inputs[i].type, "tablet") == 0 &&
            strcmp(p->def->inputs[i].bus, "ps2") == 0)
            return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                             "ps2 bus does not support tablet input device");
    return 0;
}

int
domain_xml_postparse(struct parse *p)
{
    if (domain_xml_pin_settle(p) < 0)
        return -1;
    if (settle_controller_indexes(p) < 0 || settle_disks(p) < 0 ||
        check_boot_orders(p) < 0 || check_inputs(p) < 0 ||
        check_consoles(p) < 0)
        return -1;
    /* libvirt's order of implied controllers. */
    if (add_disk_controllers(p, "scsi") < 0 ||
        add_disk_controllers(p, "fdc") < 0 ||
        add_disk_controllers(p, "ide") < 0 ||
        add_disk_controllers(p, "sata") < 0 ||
        add_virtio_serial_controllers(p) < 0 ||
        domain_xml_smartcards_settle(p, add_controller) < 0)
        return -1;
    return settle_videos(p);
}
