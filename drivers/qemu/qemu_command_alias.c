/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_alias.c: the names devices have in QEMU, which are libvirt's
 * aliases ("virtio-disk0", "net0", "serial0" ...), and the facts the rest
 * of the builder derives from the definition the same way every time: what
 * each character device is to QEMU, and where a channel's socket goes.
 *
 * Stateless; any thread.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/qemu/qemu_command_priv.h"

/* ---- Character devices ------------------------------------------------ */

static bool
is_serial_target(const struct domain_chardev *c)
{
    return c->target_type == NULL || strcmp(c->target_type, "serial") == 0;
}

static bool
is_virtio_target(const struct domain_chardev *c)
{
    return c->target_type != NULL && strcmp(c->target_type, "virtio") == 0;
}

/* Serials take their own port or the highest so far plus one, as the
 * formatter numbers them. */
static void
number_serial_ports(const struct domain_def *def, struct qemu_chr *out)
{
    for (int i = 0; i < def->n_chardevs; i++) {
        int highest = -1;

        if (out[i].role != QEMU_CHR_SERIAL || out[i].port >= 0)
            continue;
        for (int j = 0; j < def->n_chardevs; j++)
            if (out[j].role == QEMU_CHR_SERIAL && out[j].port > highest)
                highest = out[j].port;
        out[i].port = highest + 1;
    }
}

/* A console: the first one, a serial console, is the first serial port
 * (or becomes it when there is none); a virtio one is its own device. */
static struct qemu_chr
console_role(const struct domain_chardev *c, int position, int n_serials)
{
    if (position == 0 && is_serial_target(c))
        return n_serials > 0
               ? (struct qemu_chr){ QEMU_CHR_SERIAL_CONSOLE, 0, -1 }
               : (struct qemu_chr){ QEMU_CHR_SERIAL, 0, 0 };
    if (is_virtio_target(c))
        return (struct qemu_chr){ QEMU_CHR_VIRTIO_CONSOLE, position, -1 };
    return (struct qemu_chr){ QEMU_CHR_UNSUPPORTED, position, -1 };
}

/* Whether libvirt puts a console repeating the first serial port before
 * the given consoles (virDomainDefAddConsoleCompat): when the first
 * console is no serial console and the first serial port is an ISA one.
 * The consoles' numbers then start at 1. */
static bool
has_compat_console(const struct domain_def *def)
{
    const struct domain_chardev *serial = NULL, *console = NULL;

    for (int i = 0; i < def->n_chardevs; i++) {
        const struct domain_chardev *c = &def->chardevs[i];

        if (c->kind == DOMAIN_CHARDEV_SERIAL && serial == NULL)
            serial = c;
        if (c->kind == DOMAIN_CHARDEV_CONSOLE && console == NULL)
            console = c;
    }
    if (serial == NULL || (console != NULL && is_serial_target(console)))
        return false;
    return serial->target_type == NULL ||
           strcmp(serial->target_type, "isa-serial") == 0;
}

struct qemu_chr *
qemu_command_chr_roles(const struct domain_def *def)
{
    struct qemu_chr *out = calloc((size_t)def->n_chardevs + 1, sizeof(*out));
    int n_serials = 0, n_channels = 0;
    int n_consoles = has_compat_console(def) ? 1 : 0;

    if (out == NULL)
        return NULL;
    for (int i = 0; i < def->n_chardevs; i++)
        if (def->chardevs[i].kind == DOMAIN_CHARDEV_SERIAL)
            n_serials++;
    for (int i = 0, serial = 0; i < def->n_chardevs; i++) {
        const struct domain_chardev *c = &def->chardevs[i];

        if (c->kind == DOMAIN_CHARDEV_SERIAL)
            out[i] = (struct qemu_chr){ QEMU_CHR_SERIAL, serial++,
                                        c->target_port };
        else if (c->kind == DOMAIN_CHARDEV_CONSOLE)
            out[i] = console_role(c, n_consoles++, n_serials);
        else
            out[i] = (struct qemu_chr){ QEMU_CHR_CHANNEL, n_channels++, -1 };
    }
    number_serial_ports(def, out);
    return out;
}

char *
qemu_command_channel_path(const struct domain_chardev *c, int index,
                          const char *domain_dir)
{
    char *path;

    if (c->source_path != NULL)
        return strdup(c->source_path);
    if (c->target_name != NULL)
        return asprintf(&path, "%s/%s", domain_dir, c->target_name) < 0
               ? NULL : path;
    return asprintf(&path, "%s/channel%d", domain_dir, index) < 0
           ? NULL : path;
}

/* ---- Addresses -------------------------------------------------------- */

bool
qemu_command_address_attr(const char *address_xml, const char *attr,
                          unsigned int *value)
{
    char key[32];
    const char *at;
    char *end;
    unsigned long v;

    if (address_xml == NULL)
        return false;
    snprintf(key, sizeof(key), " %s='", attr);
    at = strstr(address_xml, key);
    if (at == NULL)
        return false;
    v = strtoul(at + strlen(key), &end, 0);
    if (*end != '\'' || v > 0xffffffffu)
        return false;
    *value = (unsigned int)v;
    return true;
}

/* ---- Aliases ---------------------------------------------------------- */

static int
set_alias(struct domain_device_info *info, struct vireo_error *err,
          const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A user alias ("ua-...") stays: it is the user's name for the device. */
static int
set_alias(struct domain_device_info *info, struct vireo_error *err,
          const char *fmt, ...)
{
    va_list ap;
    char *alias;
    int rc;

    if (info->alias != NULL && strncmp(info->alias, "ua-", 3) == 0)
        return 0;
    va_start(ap, fmt);
    rc = vasprintf(&alias, fmt, ap);
    va_end(ap);
    if (rc < 0)
        return error_no_memory(err);
    free(info->alias);
    info->alias = alias;
    return 0;
}

/* libvirt's names: the root bus and the built-in IDE/AHCI controllers
 * have QEMU's own names. */
static int
controller_alias(const struct domain_def *def, struct domain_controller *c,
                 struct vireo_error *err)
{
    const char *model = c->model != NULL ? c->model : "";

    if (strcmp(c->type, "pci") == 0) {
        if (strcmp(model, "pcie-root") == 0)
            return set_alias(&c->info, err, "pcie.0");
        return set_alias(&c->info, err, "pci.%d", c->index);
    }
    if (strcmp(c->type, "usb") == 0)
        return c->index == 0 ? set_alias(&c->info, err, "usb")
                             : set_alias(&c->info, err, "usb%d", c->index);
    if (c->index == 0 && (strcmp(c->type, "ide") == 0 ||
                          (strcmp(c->type, "sata") == 0 &&
                           qemu_command_is_q35(def))))
        return set_alias(&c->info, err, "ide");
    return set_alias(&c->info, err, "%s%d", c->type, c->index);
}

static int
disk_alias(struct domain_disk *d, struct vireo_error *err)
{
    const char *bus = domain_disk_bus(d);
    const struct domain_device_info *i = &d->info;

    if (bus != NULL && strcmp(bus, "virtio") == 0)
        return set_alias(&d->info, err, "virtio-disk%d",
                         domain_disk_index(d->target_dev));
    if (bus != NULL && strcmp(bus, "scsi") == 0)
        return set_alias(&d->info, err, "scsi%u-%u-%u-%u", i->drive_controller,
                         i->drive_bus, i->drive_target, i->drive_unit);
    return set_alias(&d->info, err, "%s%u-%u-%u", bus != NULL ? bus : "disk",
                     i->drive_controller, i->drive_bus, i->drive_unit);
}

static int
chardev_alias(struct domain_chardev *c, const struct qemu_chr *chr,
              struct vireo_error *err)
{
    switch (chr->role) {
    case QEMU_CHR_SERIAL:
    case QEMU_CHR_SERIAL_CONSOLE:
        return set_alias(&c->info, err, "serial%d", chr->index);
    case QEMU_CHR_VIRTIO_CONSOLE:
        return set_alias(&c->info, err, "console%d", chr->index);
    case QEMU_CHR_CHANNEL:
        return set_alias(&c->info, err, "channel%d", chr->index);
    default:
        return 0;
    }
}

static int
chardev_aliases(struct domain_def *def, struct vireo_error *err)
{
    struct qemu_chr *roles = qemu_command_chr_roles(def);
    int rc = roles != NULL ? 0 : error_no_memory(err);

    for (int i = 0; i < def->n_chardevs && rc == 0; i++)
        rc = chardev_alias(&def->chardevs[i], &roles[i], err);
    free(roles);
    return rc;
}

/* Devices numbered by their position: net0, input0, video0, rng0. */
#define NUMBERED_ALIASES(array, count, prefix)                          \
    for (int i = 0; i < (count); i++)                                   \
        if (set_alias(&(array)[i].info, err, prefix "%d", i) < 0)        \
            return -1;

int
qemu_command_assign_aliases(struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_controllers; i++)
        if (controller_alias(def, &def->controllers[i], err) < 0)
            return -1;
    for (int i = 0; i < def->n_disks; i++)
        if (disk_alias(&def->disks[i], err) < 0)
            return -1;
    NUMBERED_ALIASES(def->interfaces, def->n_interfaces, "net")
    NUMBERED_ALIASES(def->inputs, def->n_inputs, "input")
    NUMBERED_ALIASES(def->videos, def->n_videos, "video")
    NUMBERED_ALIASES(def->rngs, def->n_rngs, "rng")
    /* A balloon of model none is no device: libvirt names it not. */
    if (def->memballoon_model != NULL &&
        strcmp(def->memballoon_model, "none") != 0 &&
        set_alias(&def->memballoon_info, err, "balloon0") < 0)
        return -1;
    return chardev_aliases(def, err);
}

const char *
qemu_command_controller_alias(const struct domain_def *def, const char *type,
                              int index)
{
    for (int i = 0; i < def->n_controllers; i++)
        if (strcmp(def->controllers[i].type, type) == 0 &&
            def->controllers[i].index == index)
            return def->controllers[i].info.alias;
    return NULL;
}

/* ---- Live facts settled at start -------------------------------------- */

/* A serial port without a target type is an ISA one, and libvirt's QEMU
 * driver says so. */
static int
settle_serial(struct domain_chardev *c, struct vireo_error *err)
{
    if (c->target_type == NULL &&
        (c->target_type = strdup("isa-serial")) == NULL)
        return error_no_memory(err);
    if (c->target_model == NULL && strcmp(c->target_type, "isa-serial") == 0 &&
        (c->target_model = strdup("isa-serial")) == NULL)
        return error_no_memory(err);
    return 0;
}

int
qemu_command_settle_live(struct domain_def *def, const char *domain_dir,
                         struct vireo_error *err)
{
    int channel = 0;

    for (int i = 0; i < def->n_chardevs; i++) {
        struct domain_chardev *c = &def->chardevs[i];

        if (c->kind == DOMAIN_CHARDEV_SERIAL && settle_serial(c, err) < 0)
            return -1;
        if (c->kind != DOMAIN_CHARDEV_CHANNEL)
            continue;
        if (strcmp(c->type, "unix") == 0 && c->source_path == NULL) {
            c->source_path = qemu_command_channel_path(c, channel, domain_dir);
            if (c->source_path == NULL)
                return error_no_memory(err);
            if (c->source_mode == NULL &&
                (c->source_mode = strdup("bind")) == NULL)
                return error_no_memory(err);
        }
        channel++;
    }
    for (int i = 0; i < def->n_graphics; i++) {
        struct domain_graphics *g = &def->graphics[i];

        if (strcmp(g->type, "vnc") == 0 && g->listen_address == NULL &&
            (g->listen_address = strdup(QEMU_COMMAND_VNC_LISTEN)) == NULL)
            return error_no_memory(err);
    }
    return 0;
}
