/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_display_format.c: <interface>, <input>, <graphics>, <video>,
 * <memballoon> and <rng> as libvirt writes them. A vnc port is a live
 * fact: a definition with autoport says -1.
 *
 * Stateless; any thread.
 */
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/xml_write.h"

/* ---- Interfaces ------------------------------------------------------- */

static void
put_interface(struct format *f, const struct domain_interface *iface)
{
    FILE *out = f->out;

    fputs("    <interface", out);
    xml_write_attr(out, "type", iface->type);
    fputs(">\n", out);
    xml_write_empty_element(out, "      ", "mac", "address", iface->mac);
    xml_write_empty_element(out, "      ", "source", "bridge",
                            iface->source_bridge);
    xml_write_empty_element(out, "      ", "source", "network",
                            iface->source_network);
    if (iface->source_dev != NULL) {
        fputs("      <source", out);
        xml_write_attr(out, "dev", iface->source_dev);
        xml_write_attr(out, "mode", iface->source_mode != NULL
                                    ? iface->source_mode : "vepa");
        fputs("/>\n", out);
    }
    domain_xml_bandwidth_format(out, &iface->bandwidth);
    xml_write_empty_element(out, "      ", "target", "dev", iface->target_dev);
    xml_write_empty_element(out, "      ", "model", "type", iface->model);
    if (iface->driver_queues > 0)
        fprintf(out, "      <driver queues='%u'/>\n", iface->driver_queues);
    xml_write_empty_element(out, "      ", "link", "state", iface->link_state);
    if (iface->mtu > 0)
        fprintf(out, "      <mtu size='%u'/>\n", iface->mtu);
    format_device_info(f, &iface->info);
    fputs("    </interface>\n", out);
}

void
domain_xml_interfaces_format(struct format *f)
{
    for (int i = 0; i < f->def->n_interfaces; i++)
        put_interface(f, &f->def->interfaces[i]);
}

/* ---- Inputs ----------------------------------------------------------- */

void
domain_xml_inputs_format(struct format *f)
{
    for (int i = 0; i < f->def->n_inputs; i++) {
        const struct domain_input *in = &f->def->inputs[i];

        fputs("    <input", f->out);
        xml_write_attr(f->out, "type", in->type);
        xml_write_attr(f->out, "bus", in->bus);
        if (!format_has_device_info(f, &in->info)) {
            fputs("/>\n", f->out);
            continue;
        }
        fputs(">\n", f->out);
        format_device_info(f, &in->info);
        fputs("    </input>\n", f->out);
    }
}

/* ---- Graphics --------------------------------------------------------- */

/* The port: the live one of a running guest, else -1 for autoport. */
static void
put_vnc_port(struct format *f, const struct domain_graphics *g)
{
    if ((f->is_live || !g->is_autoport) && g->port > 0)
        fprintf(f->out, " port='%d'", g->port);
    else if (g->is_autoport)
        fputs(" port='-1'", f->out);
    fprintf(f->out, " autoport='%s'", g->is_autoport ? "yes" : "no");
}

/* Ports of 0 are unset (autoport, or not given). */
static void
put_spice_ports(struct format *f, const struct domain_graphics *g)
{
    if (g->port > 0)
        fprintf(f->out, " port='%d'", g->port);
    if (g->tls_port > 0)
        fprintf(f->out, " tlsPort='%d'", g->tls_port);
    fprintf(f->out, " autoport='%s'", g->is_autoport ? "yes" : "no");
}

/* libvirt's order of spice's children after <listen>. */
static const struct slot spice_slots[] = {
    { "channel", NULL }, { "image", NULL }, { "jpeg", NULL },
    { "zlib", NULL }, { "playback", NULL }, { "streaming", NULL },
    { "mouse", NULL }, { "clipboard", NULL }, { "filetransfer", NULL },
    { "gl", NULL }, { "audio", NULL }, { SLOT_UNKNOWN, NULL },
    { SLOT_FOREIGN, NULL },
};

static void
put_graphics(struct format *f, const struct domain_graphics *g)
{
    const struct extras children = { g->children, g->n_children,
                                     "      " };
    FILE *out = f->out;

    fputs("    <graphics", out);
    xml_write_attr(out, "type", g->type);
    if (strcmp(g->type, "vnc") == 0)
        put_vnc_port(f, g);
    else
        put_spice_ports(f, g);
    xml_write_attr(out, "listen", g->listen_address);
    xml_write_attr(out, "keymap", g->keymap);
    fputs(">\n      <listen type='address'", out);
    xml_write_attr(out, "address", g->listen_address);
    fputs("/>\n", out);
    format_slots(f, spice_slots, sizeof(spice_slots) / sizeof(spice_slots[0]),
                 &children);
    fputs("    </graphics>\n", out);
}

void
domain_xml_graphics_format(struct format *f)
{
    for (int i = 0; i < f->def->n_graphics; i++)
        put_graphics(f, &f->def->graphics[i]);
}

/* ---- Video ------------------------------------------------------------ */

static void
put_kib(FILE *out, const char *name, unsigned int kib)
{
    if (kib > 0)
        fprintf(out, " %s='%u'", name, kib);
}

static void
put_video(struct format *f, const struct domain_video *v)
{
    FILE *out = f->out;

    fputs("    <video>\n      <model", out);
    xml_write_attr(out, "type", v->model_type);
    put_kib(out, "ram", v->ram_kib);
    put_kib(out, "vram", v->vram_kib);
    put_kib(out, "vgamem", v->vgamem_kib);
    put_kib(out, "heads", v->heads);
    if (v->is_primary)
        fputs(" primary='yes'", out);
    fputs("/>\n", out);
    format_device_info(f, &v->info);
    fputs("    </video>\n", out);
}

void
domain_xml_videos_format(struct format *f)
{
    for (int i = 0; i < f->def->n_videos; i++)
        put_video(f, &f->def->videos[i]);
}

/* ---- Memory balloon and RNG ------------------------------------------- */

void
domain_xml_memballoon_format(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->memballoon_model == NULL)
        return;
    fputs("    <memballoon", f->out);
    xml_write_attr(f->out, "model", def->memballoon_model);
    if (!format_has_device_info(f, &def->memballoon_info)) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    format_device_info(f, &def->memballoon_info);
    fputs("    </memballoon>\n", f->out);
}

static void
put_rng(struct format *f, const struct domain_rng *r)
{
    FILE *out = f->out;

    fputs("    <rng", out);
    xml_write_attr(out, "model", r->model);
    fputs(">\n      <backend", out);
    xml_write_attr(out, "model", r->backend_model);
    fputc('>', out);
    xml_write_escaped(out, r->backend_path, false);
    fputs("</backend>\n", out);
    format_device_info(f, &r->info);
    fputs("    </rng>\n", out);
}

void
domain_xml_rngs_format(struct format *f)
{
    for (int i = 0; i < f->def->n_rngs; i++)
        put_rng(f, &f->def->rngs[i]);
}
