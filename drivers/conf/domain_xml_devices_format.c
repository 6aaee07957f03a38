/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_devices_format.c: <devices> as libvirt writes it. Beyond the
 * layout, libvirt settles a few things the document may leave open, and
 * writes what it settled:
 *
 *  - disks are kept in the order virDomainDiskInsertPreAlloced gives them
 *    while parsing (by drive index among disks of the same bus as given),
 *    a disk without a bus gets the one its name implies (vd: virtio,
 *    hd: ide, sd: scsi), and a cdrom is read-only;
 *  - serials get ports (the highest one so far plus one), consoles the
 *    target type 'serial' and their position as port, and an hvm guest's
 *    first console is the first serial port seen again
 *    (virDomainDefAddConsoleCompat).
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/xml_write.h"

#define N_SLOTS(table) (sizeof(table) / sizeof(table[0]))

static void
put_emulator(struct format *f)
{
    xml_write_text_element(f->out, "    ", "emulator", f->def->emulator);
}

/* ---- Disks ------------------------------------------------------------ */

/* libvirt's virDiskNameToIndex: "vda" is 0, "vdz" 25, "vdaa" 26; -1 for a
 * name it cannot read. */
static int
disk_index(const char *dev)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd",
                                            "ubd" };
    const char *p = NULL;
    int index = 0;

    for (size_t i = 0; p == NULL && i < N_SLOTS(prefixes); i++)
        if (strncmp(dev, prefixes[i], strlen(prefixes[i])) == 0)
            p = dev + strlen(prefixes[i]);
    if (p == NULL)
        return -1;
    for (int i = 0; *p >= 'a' && *p <= 'z'; i++, p++)
        index = (index + (i < 1 ? 0 : 1)) * 26 + (*p - 'a');
    return p[strspn(p, "0123456789")] == '\0' ? index : -1;
}

static bool
is_same_bus(const struct domain_disk *a, const struct domain_disk *b)
{
    return a->target_bus == NULL || b->target_bus == NULL
           ? a->target_bus == b->target_bus
           : strcmp(a->target_bus, b->target_bus) == 0;
}

/* The disks in libvirt's order: each, as the parser meets it, goes before
 * the first disk of its bus with a higher drive index, else after the last
 * disk of its bus, else at the end. order[] gets indexes into def->disks. */
static void
sort_disks(const struct domain_def *def, int *order)
{
    for (int n = 0; n < def->n_disks; n++) {
        const struct domain_disk *d = &def->disks[n];
        int at = -1;

        for (int i = n - 1; i >= 0; i--) {
            const struct domain_disk *other = &def->disks[order[i]];

            if (!is_same_bus(other, d))
                continue;
            if (disk_index(other->target_dev) > disk_index(d->target_dev))
                at = i;
            else if (at == -1)
                at = i + 1;
        }
        if (at == -1)
            at = n;
        memmove(&order[at + 1], &order[at], (size_t)(n - at) * sizeof(*order));
        order[at] = n;
    }
}

/* The bus libvirt gives a disk without one, by its name. Names that imply
 * a bus vireo does not hold (xvd: xen, ubd: uml) are left without. */
static const char *
disk_bus(const struct domain_disk *d)
{
    if (d->target_bus != NULL)
        return d->target_bus;
    if (strncmp(d->target_dev, "vd", 2) == 0)
        return "virtio";
    if (strncmp(d->target_dev, "hd", 2) == 0)
        return "ide";
    if (strncmp(d->target_dev, "sd", 2) == 0)
        return "scsi";
    return NULL;
}

static void
put_disk(FILE *out, const struct domain_disk *d)
{
    fputs("    <disk type='file'", out);
    xml_write_attr(out, "device", d->device != NULL ? d->device : "disk");
    fputs(">\n", out);
    if (d->driver_name != NULL || d->driver_type != NULL) {
        fputs("      <driver", out);
        xml_write_attr(out, "name", d->driver_name);
        xml_write_attr(out, "type", d->driver_type);
        fputs("/>\n", out);
    }
    xml_write_empty_element(out, "      ", "source", "file", d->source_path);
    fputs("      <target", out);
    xml_write_attr(out, "dev", d->target_dev);
    xml_write_attr(out, "bus", disk_bus(d));
    fputs("/>\n", out);
    /* libvirt makes every cdrom read-only. */
    if (d->is_readonly || (d->device != NULL && strcmp(d->device, "cdrom") == 0))
        fputs("      <readonly/>\n", out);
    fputs("    </disk>\n", out);
}

static void
put_disks(struct format *f)
{
    const struct domain_def *def = f->def;
    int *order;

    if (def->n_disks == 0)
        return;
    order = calloc((size_t)def->n_disks, sizeof(*order));
    if (order == NULL) {
        f->is_out_of_memory = true;
        return;
    }
    sort_disks(def, order);
    for (int i = 0; i < def->n_disks; i++)
        put_disk(f->out, &def->disks[order[i]]);
    free(order);
}

/* ---- Interfaces ------------------------------------------------------- */

static void
put_interface(FILE *out, const struct domain_interface *iface)
{
    fputs("    <interface", out);
    xml_write_attr(out, "type", iface->type != NULL ? iface->type : "user");
    if (iface->mac == NULL && iface->model == NULL) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    xml_write_empty_element(out, "      ", "mac", "address", iface->mac);
    xml_write_empty_element(out, "      ", "model", "type", iface->model);
    fputs("    </interface>\n", out);
}

static void
put_interfaces(struct format *f)
{
    for (int i = 0; i < f->def->n_interfaces; i++)
        put_interface(f->out, &f->def->interfaces[i]);
}

/* ---- Serials and consoles --------------------------------------------- */

/* A character device as libvirt settles it. A console that only repeats a
 * serial port (`of` NULL) is written as that serial port. */
struct chr {
    const struct domain_chardev *of;
    const char                  *target_type;
    int                          port;
};

/* What libvirt makes of the document's serials and consoles. Arrays of
 * n_chardevs + 1 entries each, owned by the caller. */
struct chr_view {
    struct chr *serials;
    int         n_serials;
    struct chr *consoles;
    int         n_consoles;
};

static bool
is_hvm_guest(const struct domain_def *def)
{
    return def->os_type != NULL && strcmp(def->os_type, "hvm") == 0;
}

static bool
is_serial_target(const char *target_type)
{
    return target_type == NULL || strcmp(target_type, "serial") == 0;
}

static const char *
chr_type(const struct domain_chardev *c)
{
    return c->type != NULL ? c->type : "pty";
}

static bool
is_same_source(const struct domain_chardev *a, const struct domain_chardev *b)
{
    if (strcmp(chr_type(a), chr_type(b)) != 0)
        return false;
    return a->source_path == NULL || b->source_path == NULL
           ? a->source_path == b->source_path
           : strcmp(a->source_path, b->source_path) == 0;
}

/* Serials take their own port or the highest one plus one; consoles take
 * their position among consoles, and 'serial' for a missing target type. */
static void
number_chardevs(const struct domain_def *def, struct chr_view *v)
{
    for (int i = 0; i < def->n_chardevs; i++) {
        const struct domain_chardev *c = &def->chardevs[i];

        if (c->kind == DOMAIN_CHARDEV_CONSOLE) {
            v->consoles[v->n_consoles] = (struct chr){
                c, c->target_type != NULL ? c->target_type : "serial",
                v->n_consoles };
            v->n_consoles++;
        } else {
            v->serials[v->n_serials++] = (struct chr){
                c, c->target_type, c->target_port };
        }
    }
    for (int i = 0; i < v->n_serials; i++) {
        int highest = -1;

        if (v->serials[i].port >= 0)
            continue;
        for (int j = 0; j < v->n_serials; j++)
            if (v->serials[j].port > highest)
                highest = v->serials[j].port;
        v->serials[i].port = highest + 1;
    }
}

/* virDomainDefAddConsoleCompat: an hvm guest's first console, when it is a
 * serial console, is the first serial port (made from the console if there
 * is none, replaced by it if their sources differ); and a first serial
 * port on the ISA bus (or none given) gets a console repeating it. */
static void
add_console_compat(const struct domain_def *def, struct chr_view *v)
{
    if (!is_hvm_guest(def))
        return;
    if (v->n_consoles > 0 && is_serial_target(v->consoles[0].of->target_type)) {
        if (v->n_serials == 0)
            v->serials[v->n_serials++] = (struct chr){
                v->consoles[0].of, NULL, 0 };
        else if (!is_same_source(v->serials[0].of, v->consoles[0].of))
            v->consoles[0].of = NULL;
    } else if (v->n_serials > 0 &&
               (v->serials[0].target_type == NULL ||
                strcmp(v->serials[0].target_type, "isa-serial") == 0)) {
        memmove(&v->consoles[1], &v->consoles[0],
                (size_t)v->n_consoles * sizeof(v->consoles[0]));
        v->consoles[0] = (struct chr){ NULL, "serial", 0 };
        v->n_consoles++;
    }
}

static void
put_chr(FILE *out, const char *element, const struct domain_chardev *c,
        const char *target_type, int port)
{
    fprintf(out, "    <%s", element);
    xml_write_attr(out, "type", chr_type(c));
    fputs(">\n", out);
    xml_write_empty_element(out, "      ", "source", "path", c->source_path);
    fputs("      <target", out);
    xml_write_attr(out, "type", target_type);
    fprintf(out, " port='%d'/>\n", port);
    fprintf(out, "    </%s>\n", element);
}

/* Runs view() on libvirt's view of the character devices. */
static void
with_chr_view(struct format *f,
              void (*view)(struct format *f, const struct chr_view *v))
{
    const struct domain_def *def = f->def;
    struct chr_view v = { 0 };

    if (def->n_chardevs == 0)
        return;
    v.serials = calloc((size_t)def->n_chardevs + 1, sizeof(*v.serials));
    v.consoles = calloc((size_t)def->n_chardevs + 1, sizeof(*v.consoles));
    if (v.serials != NULL && v.consoles != NULL) {
        number_chardevs(def, &v);
        add_console_compat(def, &v);
        view(f, &v);
    } else {
        f->is_out_of_memory = true;
    }
    free(v.serials);
    free(v.consoles);
}

static void
view_serials(struct format *f, const struct chr_view *v)
{
    for (int i = 0; i < v->n_serials; i++)
        put_chr(f->out, "serial", v->serials[i].of,
                v->serials[i].target_type, v->serials[i].port);
}

/* A serial console of an hvm guest is written as the serial port of its
 * position, as virDomainDefFormat does. */
static void
view_consoles(struct format *f, const struct chr_view *v)
{
    bool is_hvm = is_hvm_guest(f->def);

    for (int i = 0; i < v->n_consoles; i++) {
        const struct chr *c = &v->consoles[i];

        if (is_hvm && strcmp(c->target_type, "serial") == 0 &&
            i < v->n_serials)
            put_chr(f->out, "console", v->serials[i].of, "serial",
                    v->serials[i].port);
        else if (c->of != NULL)
            put_chr(f->out, "console", c->of, c->target_type, c->port);
    }
}

static void
put_serials(struct format *f)
{
    with_chr_view(f, view_serials);
}

static void
put_consoles(struct format *f)
{
    with_chr_view(f, view_consoles);
}

static void
put_graphics(struct format *f)
{
    for (int i = 0; i < f->def->n_graphics; i++)
        if (strcmp(f->def->graphics[i].type, "none") == 0)
            fputs("    <graphics type='none'/>\n", f->out);
}

/* ---- <devices> -------------------------------------------------------- */

/* The children of <devices>, in libvirt's order. */
static const struct slot device_slots[] = {
    { "emulator", put_emulator }, { "disk", put_disks },
    { "controller", NULL }, { "lease", NULL }, { "filesystem", NULL },
    { "interface", put_interfaces }, { "smartcard", NULL },
    { "serial", put_serials }, { "parallel", NULL },
    { "console", put_consoles }, { "channel", NULL }, { "input", NULL },
    { "tpm", NULL }, { "graphics", put_graphics }, { "sound", NULL },
    { "audio", NULL }, { "video", NULL }, { "hostdev", NULL },
    { "redirdev", NULL }, { "redirfilter", NULL }, { "hub", NULL },
    { "watchdog", NULL }, { "memballoon", NULL }, { "rng", NULL },
    { "nvram", NULL }, { "panic", NULL }, { "shmem", NULL },
    { "memory", NULL }, { "iommu", NULL }, { "vsock", NULL },
    { "crypto", NULL }, { SLOT_UNKNOWN, NULL }, { SLOT_FOREIGN, NULL },
};

void
domain_xml_devices_format(struct format *f)
{
    const struct extras extras = { f->def->device_extras,
                                   f->def->n_device_extras, "    " };

    fputs("  <devices>\n", f->out);
    format_slots(f, device_slots, N_SLOTS(device_slots), &extras);
    fputs("  </devices>\n", f->out);
}
