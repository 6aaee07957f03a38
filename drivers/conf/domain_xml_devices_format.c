/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_devices_format.c: <devices> as libvirt writes it: the order
 * of its children, the emulator, disks and controllers (the other kinds
 * are written by domain_xml_chardev_format.c and
 * domain_xml_display_format.c). Disks are kept in the order
 * virDomainDiskInsertPreAlloced gives them while parsing (by drive index
 * among disks of the same bus as given), and a disk without a bus is
 * written with the one its name implies (vd: virtio, hd: ide, sd: scsi).
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_disk_volume.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/xml_write.h"

#define N_SLOTS(table) (sizeof(table) / sizeof(table[0]))

static void
put_emulator(struct format *f)
{
    xml_write_text_element(f->out, "    ", "emulator", f->def->emulator);
}

/* ---- Disks ------------------------------------------------------------ */

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
            if (domain_disk_index(other->target_dev) > domain_disk_index(d->target_dev))
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

static void
put_disk_driver(FILE *out, const struct domain_disk *d)
{
    if (d->driver_name == NULL && d->driver_type == NULL &&
        d->driver_cache == NULL && d->driver_io == NULL &&
        d->driver_discard == NULL)
        return;
    fputs("      <driver", out);
    xml_write_attr(out, "name", d->driver_name);
    xml_write_attr(out, "type", d->driver_type);
    xml_write_attr(out, "cache", d->driver_cache);
    xml_write_attr(out, "io", d->driver_io);
    xml_write_attr(out, "discard", d->driver_discard);
    fputs("/>\n", out);
}

static void
put_disk(struct format *f, const struct domain_disk *d)
{
    FILE *out = f->out;

    fputs("    <disk", out);
    xml_write_attr(out, "type", d->type);
    xml_write_attr(out, "device", d->device);
    fputs(">\n", out);
    put_disk_driver(out, d);
    if (domain_disk_is_volume(d))
        domain_xml_disk_volume_format(out, d);
    else
        xml_write_empty_element(out, "      ", "source",
                                domain_disk_source_attr(d), d->source_path);
    fputs("      <target", out);
    xml_write_attr(out, "dev", d->target_dev);
    xml_write_attr(out, "bus", domain_disk_bus(d));
    fputs("/>\n", out);
    domain_xml_disk_iotune_format(out, &d->iotune);
    if (d->is_readonly)
        fputs("      <readonly/>\n", out);
    if (d->is_shareable)
        fputs("      <shareable/>\n", out);
    xml_write_text_element(out, "      ", "serial", d->serial);
    format_device_info(f, &d->info);
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
        put_disk(f, &def->disks[order[i]]);
    free(order);
}

/* ---- Controllers ------------------------------------------------------ */

static void
put_controller(struct format *f, const struct domain_controller *c)
{
    fputs("    <controller", f->out);
    xml_write_attr(f->out, "type", c->type);
    fprintf(f->out, " index='%d'", c->index);
    xml_write_attr(f->out, "model", c->model);
    if (c->ports > 0)
        fprintf(f->out, " ports='%d'", c->ports);
    if (c->master_startport < 0 && !format_has_device_info(f, &c->info)) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    if (c->master_startport >= 0)
        fprintf(f->out, "      <master startport='%d'/>\n",
                c->master_startport);
    format_device_info(f, &c->info);
    fputs("    </controller>\n", f->out);
}

static void
put_controllers(struct format *f)
{
    for (int i = 0; i < f->def->n_controllers; i++)
        put_controller(f, &f->def->controllers[i]);
}

/* ---- <devices> -------------------------------------------------------- */

/* The children of <devices>, in libvirt's order. */
static const struct slot device_slots[] = {
    { "emulator", put_emulator }, { "disk", put_disks },
    { "controller", put_controllers }, { "lease", NULL },
    { "filesystem", NULL }, { "interface", domain_xml_interfaces_format },
    { "smartcard", domain_xml_smartcards_format }, { "serial", domain_xml_serials_format },
    { "parallel", domain_xml_parallels_format }, { "console", domain_xml_consoles_format },
    { "channel", domain_xml_channels_format },
    { "input", domain_xml_inputs_format }, { "tpm", NULL },
    { "graphics", domain_xml_graphics_format }, { "sound", NULL },
    { "audio", NULL }, { "video", domain_xml_videos_format },
    { "hostdev", NULL }, { "redirdev", domain_xml_redirdevs_format }, { "redirfilter", NULL },
    { "hub", NULL }, { "watchdog", NULL },
    { "memballoon", domain_xml_memballoon_format },
    { "rng", domain_xml_rngs_format },
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
