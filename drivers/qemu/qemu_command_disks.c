/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_disks.c: controllers and disks on QEMU's command line.
 * Each disk is two -blockdev nodes (the file or host device, then its
 * raw or qcow2 format), in libvirt's JSON form, and a -device on its bus:
 * virtio-blk-pci, ide-hd/ide-cd on IDE or AHCI, scsi-hd/scsi-cd on a SCSI
 * controller. Device ids are the aliases.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "drivers/qemu/qemu_command_priv.h"

/* ---- PCI addresses ---------------------------------------------------- */

/* The bus name of PCI bus number `bus`: the alias of the PCI controller of
 * that index, else the machine's root bus. */
static const char *
pci_bus_name(const struct domain_def *def, unsigned int bus)
{
    const char *alias = qemu_command_controller_alias(def, "pci", (int)bus);

    if (alias != NULL)
        return alias;
    return qemu_command_is_q35(def) ? "pcie.0" : "pci.0";
}

/* ",bus=...,addr=0xS.0xF" for a device with a PCI address, else "" (QEMU
 * picks a slot). Returns a malloc'd string, or NULL on allocation
 * failure. */
static char *
pci_address(const struct domain_def *def, const struct domain_device_info *info)
{
    unsigned int bus = 0, slot, function = 0, multi;
    char *out;
    const char *xml = info->address_xml;

    if (xml == NULL || strstr(xml, "type='pci'") == NULL ||
        !qemu_command_address_attr(xml, "slot", &slot))
        return strdup("");
    qemu_command_address_attr(xml, "bus", &bus);
    qemu_command_address_attr(xml, "function", &function);
    multi = strstr(xml, "multifunction='on'") != NULL;
    if (asprintf(&out, ",bus=%s,addr=0x%x.0x%x%s", pci_bus_name(def, bus),
                 slot, function, multi ? ",multifunction=on" : "") < 0)
        return NULL;
    return out;
}

/* "-device TYPE[,bus,addr][,id=ALIAS]REST"; no id when id is NULL. */
static void
add_pci_device(struct cmd *c, const char *type,
               const struct domain_device_info *info, const char *id,
               const char *rest)
{
    char *addr = pci_address(c->def, info);

    if (addr == NULL) {
        c->is_out_of_memory = true;
        return;
    }
    cmd_add_opt(c, "-device", "%s%s%s%s%s", type, addr,
                id != NULL ? ",id=" : "", id != NULL ? id : "", rest);
    free(addr);
}

void
qemu_command_add_pci_device(struct cmd *c, const char *type,
                            const struct domain_device_info *info,
                            const char *rest)
{
    add_pci_device(c, type, info, info->alias, rest);
}

/* ---- Controllers ------------------------------------------------------ */

/* QEMU's device for a USB controller model (NULL: libvirt's choice for a
 * modern x86 guest). */
static const char *
usb_device(const char *model)
{
    static const struct { const char *model, *device; } table[] = {
        { "qemu-xhci", "qemu-xhci" }, { "nec-xhci", "nec-usb-xhci" },
        { "piix3-uhci", "piix3-usb-uhci" }, { "piix4-uhci", "piix4-usb-uhci" },
        { "ich9-ehci1", "ich9-usb-ehci1" }, { "ehci", "usb-ehci" },
        { "ich9-uhci1", "ich9-usb-uhci1" }, { "ich9-uhci2", "ich9-usb-uhci2" },
        { "ich9-uhci3", "ich9-usb-uhci3" },
    };

    if (model == NULL)
        return "qemu-xhci";
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(model, table[i].model) == 0)
            return table[i].device;
    return NULL;
}

static void
add_usb_controller(struct cmd *c, const struct domain_controller *ctl)
{
    const char *device = usb_device(ctl->model);
    char rest[64] = "";

    if (device == NULL)   /* model 'none': no USB */
        return;
    /* A companion joins its EHCI master's bus and, as libvirt does it,
     * has no id of its own: its alias is its master's. */
    if (ctl->master_startport >= 0) {
        snprintf(rest, sizeof(rest), ",masterbus=%s.0,firstport=%d",
                 ctl->info.alias, ctl->master_startport);
        add_pci_device(c, device, &ctl->info, NULL, rest);
        return;
    }
    if (ctl->ports > 0 && strstr(device, "xhci") != NULL)
        snprintf(rest, sizeof(rest), ",p2=%d,p3=%d", ctl->ports, ctl->ports);
    qemu_command_add_pci_device(c, device, &ctl->info, rest);
}

static void
add_controller(struct cmd *c, const struct domain_controller *ctl)
{
    const char *model = ctl->model != NULL ? ctl->model : "";
    char rest[64];

    if (strcmp(ctl->type, "usb") == 0) {
        add_usb_controller(c, ctl);
    } else if (strcmp(ctl->type, "pci") == 0) {
        /* The root buses are the machine's own. */
        if (strcmp(model, "pcie-root-port") != 0)
            return;
        snprintf(rest, sizeof(rest), ",port=%d,chassis=%d", ctl->index,
                 ctl->index);
        qemu_command_add_pci_device(c, "pcie-root-port", &ctl->info, rest);
    } else if (strcmp(ctl->type, "scsi") == 0) {
        qemu_command_add_pci_device(c, strcmp(model, "lsilogic") == 0 ? "lsi"
                          : "virtio-scsi-pci", &ctl->info, "");
    } else if (strcmp(ctl->type, "virtio-serial") == 0) {
        qemu_command_add_pci_device(c, "virtio-serial-pci", &ctl->info, "");
    } else if (strcmp(ctl->type, "sata") == 0) {
        /* q35's first AHCI controller is built in. */
        if (ctl->index != 0 || !qemu_command_is_q35(c->def))
            qemu_command_add_pci_device(c, "ahci", &ctl->info, "");
    }
    /* ide: pc's built-in controller (others are refused). */
}

/* Root ports first: other devices may sit on them. */
void
qemu_command_add_controllers(struct cmd *c)
{
    const struct domain_def *def = c->def;

    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < def->n_controllers; i++) {
            const struct domain_controller *ctl = &def->controllers[i];
            bool is_pci = strcmp(ctl->type, "pci") == 0;

            if (is_pci == (pass == 0))
                add_controller(c, ctl);
        }
}

/* ---- Disk backends ---------------------------------------------------- */

/* libvirt's mapping of a cache mode onto QEMU's two flags; NULL or
 * "default": QEMU's own (writeback). */
static void
add_cache(json_object *node, const char *mode)
{
    bool is_direct, is_no_flush;
    json_object *cache;

    if (mode == NULL || strcmp(mode, "default") == 0)
        return;
    is_direct = strcmp(mode, "none") == 0 || strcmp(mode, "directsync") == 0;
    is_no_flush = strcmp(mode, "unsafe") == 0;
    cache = json_object_new_object();
    json_object_object_add(cache, "direct", json_object_new_boolean(is_direct));
    json_object_object_add(cache, "no-flush",
                           json_object_new_boolean(is_no_flush));
    json_object_object_add(node, "cache", cache);
}

static bool
is_cache_direct(const struct domain_disk *d)
{
    return d->driver_cache != NULL &&
           (strcmp(d->driver_cache, "none") == 0 ||
            strcmp(d->driver_cache, "directsync") == 0);
}

static bool
is_cdrom(const struct domain_disk *d)
{
    return strcmp(d->device, "cdrom") == 0;
}

/* QEMU's protocol driver for the disk's source. */
static const char *
storage_driver(const struct domain_disk *d)
{
    if (strcmp(d->type, "block") != 0)
        return "file";
    return is_cdrom(d) ? "host_cdrom" : "host_device";
}

static json_object *
storage_node(const struct domain_disk *d, const char *name)
{
    json_object *node = json_object_new_object();

    json_object_object_add(node, "driver",
                           json_object_new_string(storage_driver(d)));
    json_object_object_add(node, "filename",
                           json_object_new_string(d->source_path));
    json_object_object_add(node, "node-name", json_object_new_string(name));
    json_object_object_add(node, "auto-read-only",
                           json_object_new_boolean(true));
    if (d->driver_discard != NULL)
        json_object_object_add(node, "discard",
                               json_object_new_string(d->driver_discard));
    add_cache(node, d->driver_cache);
    /* Native AIO needs O_DIRECT; libvirt leaves QEMU to use threads
     * otherwise, which is QEMU's default. */
    if (d->driver_io != NULL &&
        (strcmp(d->driver_io, "native") != 0 || is_cache_direct(d)))
        json_object_object_add(node, "aio",
                               json_object_new_string(d->driver_io));
    return node;
}

static json_object *
format_node(const struct domain_disk *d, const char *name, const char *file)
{
    json_object *node = json_object_new_object();

    json_object_object_add(node, "node-name", json_object_new_string(name));
    json_object_object_add(node, "read-only",
                           json_object_new_boolean(d->is_readonly));
    if (d->driver_discard != NULL)
        json_object_object_add(node, "discard",
                               json_object_new_string(d->driver_discard));
    add_cache(node, d->driver_cache);
    json_object_object_add(node, "driver",
                           json_object_new_string(d->driver_type != NULL
                                                  ? d->driver_type : "raw"));
    json_object_object_add(node, "file", json_object_new_string(file));
    return node;
}

static void
add_json(struct cmd *c, const char *opt, json_object *node)
{
    const char *text = json_object_to_json_string_ext(
        node, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

    if (text == NULL)
        c->is_out_of_memory = true;
    else
        cmd_add_opt(c, opt, "%s", text);
    json_object_put(node);
}

/* The two nodes of disk number n; *format gets the top node's name. */
static void
add_blockdevs(struct cmd *c, const struct domain_disk *d, int n,
              char format[32])
{
    char storage[32];

    snprintf(storage, sizeof(storage), "libvirt-%d-storage", n);
    snprintf(format, 32, "libvirt-%d-format", n);
    add_json(c, "-blockdev", storage_node(d, storage));
    add_json(c, "-blockdev", format_node(d, format, storage));
}

/* ---- Disk devices ----------------------------------------------------- */

/* The device's own properties: bootindex, write cache, serial, sharing. */
static char *
disk_properties(const struct domain_disk *d, const char *format)
{
    char *serial = d->serial != NULL ? cmd_escape(d->serial) : NULL;
    const char *cache = d->driver_cache;
    const char *write_cache = NULL;
    char *out;
    int rc;

    if (d->serial != NULL && serial == NULL)
        return NULL;
    if (cache != NULL && strcmp(cache, "default") != 0)
        write_cache = strcmp(cache, "writethrough") == 0 ||
                      strcmp(cache, "directsync") == 0 ? "off" : "on";
    rc = asprintf(&out, "%s%s%s%.0d%s%s%s%s%s",
                  format[0] != '\0' ? ",drive=" : "", format,
                  d->info.boot_order > 0 ? ",bootindex=" : "",
                  d->info.boot_order,
                  write_cache != NULL ? ",write-cache=" : "",
                  write_cache != NULL ? write_cache : "",
                  serial != NULL ? ",serial=" : "", serial != NULL ? serial : "",
                  d->is_shareable ? ",share-rw=on" : "");
    free(serial);
    return rc < 0 ? NULL : out;
}

/* Where an IDE, AHCI or SCSI device plugs in, by its drive address. */
static int
drive_bus(const struct cmd *c, const struct domain_disk *d, const char *bus,
          char *out, size_t size)
{
    const struct domain_device_info *i = &d->info;
    const char *ctl = qemu_command_controller_alias(c->def, bus,
                                                    (int)i->drive_controller);
    const char *model = NULL;

    if (ctl == NULL)
        ctl = "ide";
    if (strcmp(bus, "ide") == 0)
        return snprintf(out, size, ",bus=%s.%u,unit=%u", ctl, i->drive_bus,
                        i->drive_unit);
    if (strcmp(bus, "sata") == 0)
        return snprintf(out, size, ",bus=%s.%u", ctl, i->drive_unit);
    for (int k = 0; k < c->def->n_controllers; k++)
        if (c->def->controllers[k].info.alias == ctl)
            model = c->def->controllers[k].model;
    if (model != NULL && strcmp(model, "lsilogic") == 0)
        return snprintf(out, size, ",bus=%s.0,scsi-id=%u", ctl, i->drive_unit);
    return snprintf(out, size, ",bus=%s.0,channel=0,scsi-id=%u,lun=%u", ctl,
                    i->drive_target, i->drive_unit);
}

static void
add_disk_device(struct cmd *c, const struct domain_disk *d,
                const char *format)
{
    const char *bus = domain_disk_bus(d);
    char *props = disk_properties(d, format);
    char where[96];

    if (props == NULL) {
        c->is_out_of_memory = true;
        return;
    }
    if (strcmp(bus, "virtio") == 0) {
        qemu_command_add_pci_device(c, "virtio-blk-pci", &d->info, props);
    } else {
        const char *type = strcmp(bus, "scsi") == 0
                           ? (is_cdrom(d) ? "scsi-cd" : "scsi-hd")
                           : (is_cdrom(d) ? "ide-cd" : "ide-hd");

        drive_bus(c, d, bus, where, sizeof(where));
        cmd_add_opt(c, "-device", "%s%s,id=%s%s", type, where, d->info.alias,
                    props);
    }
    free(props);
}

void
qemu_command_add_disks(struct cmd *c)
{
    for (int i = 0; i < c->def->n_disks; i++) {
        const struct domain_disk *d = &c->def->disks[i];
        char format[32] = "";

        /* An empty cdrom is a drive with no medium. */
        if (d->source_path != NULL)
            add_blockdevs(c, d, i + 1, format);
        add_disk_device(c, d, format);
    }
}
