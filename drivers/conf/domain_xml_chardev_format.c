/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_chardev_format.c: <serial>, <console>, <channel> and
 * <parallel> as libvirt writes them. libvirt settles serials, consoles
 * and parallel ports before it writes them, and vireo writes what it
 * settles:
 *
 *  - serials and parallel ports get ports (the highest one so far of
 *    their kind plus one), consoles the
 *    target type 'serial' and their position as port, and an hvm guest's
 *    first console is the first serial port seen again
 *    (virDomainDefAddConsoleCompat).
 *
 * Live facts (a pty's path, a console's tty, aliases) are written only for
 * a running domain. Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_chardev_net.h"
#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/xml_write.h"

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
    if (domain_chardev_is_net(a))
        return domain_chardev_net_is_same(a, b);
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

        if (c->kind == DOMAIN_CHARDEV_CHANNEL ||
            c->kind == DOMAIN_CHARDEV_PARALLEL)
            continue;
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

/* <source>: a pty's path only while it runs (it is a live fact); a tcp or
 * udp device's ends. */
static void
put_source(struct format *f, const struct domain_chardev *c)
{
    bool is_pty = strcmp(chr_type(c), "pty") == 0;

    if (domain_chardev_is_net(c)) {
        domain_xml_chardev_net_format(f->out, "      ", c);
        return;
    }
    if (c->source_path == NULL || (is_pty && !f->is_live))
        return;
    fputs("      <source", f->out);
    xml_write_attr(f->out, "mode", c->source_mode);
    xml_write_attr(f->out, "path", c->source_path);
    fputs("/>\n", f->out);
}

/* <target type=... port=...>, with the serial's <model> inside. */
static void
put_target(FILE *out, const struct domain_chardev *c, const char *type,
           int port, bool has_model)
{
    fputs("      <target", out);
    xml_write_attr(out, "type", type);
    fprintf(out, " port='%d'", port);
    if (!has_model || c->target_model == NULL) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    xml_write_empty_element(out, "        ", "model", "name", c->target_model);
    fputs("      </target>\n", out);
}

/* A running console on a pty names it in tty= too. */
static void
put_chr(struct format *f, const char *element, const struct domain_chardev *c,
        const char *target_type, int port)
{
    bool is_console = strcmp(element, "console") == 0;

    fprintf(f->out, "    <%s", element);
    xml_write_attr(f->out, "type", chr_type(c));
    if (is_console && f->is_live && strcmp(chr_type(c), "pty") == 0)
        xml_write_attr(f->out, "tty", c->source_path);
    fputs(">\n", f->out);
    put_source(f, c);
    put_target(f->out, c, target_type, port, !is_console);
    format_device_info(f, &c->info);
    fprintf(f->out, "    </%s>\n", element);
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
        put_chr(f, "serial", v->serials[i].of,
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
            put_chr(f, "console", v->serials[i].of, "serial",
                    v->serials[i].port);
        else if (c->of != NULL)
            put_chr(f, "console", c->of, c->target_type, c->port);
    }
}

void
domain_xml_serials_format(struct format *f)
{
    with_chr_view(f, view_serials);
}

void
domain_xml_consoles_format(struct format *f)
{
    with_chr_view(f, view_consoles);
}

/* ---- Parallel ports ---------------------------------------------------- */

/* A parallel port without a port number takes the highest one among the
 * parallel ports before it plus one, as libvirt numbers them while
 * reading the document. */
void
domain_xml_parallels_format(struct format *f)
{
    int highest = -1;

    for (int i = 0; i < f->def->n_chardevs; i++) {
        const struct domain_chardev *c = &f->def->chardevs[i];
        int port;

        if (c->kind != DOMAIN_CHARDEV_PARALLEL)
            continue;
        port = c->target_port >= 0 ? c->target_port : highest + 1;
        if (port > highest)
            highest = port;
        put_chr(f, "parallel", c, NULL, port);
    }
}

/* ---- Channels --------------------------------------------------------- */

static void
put_channel(struct format *f, const struct domain_chardev *c)
{
    fputs("    <channel", f->out);
    xml_write_attr(f->out, "type", chr_type(c));
    fputs(">\n", f->out);
    put_source(f, c);
    fputs("      <target", f->out);
    xml_write_attr(f->out, "type", c->target_type);
    xml_write_attr(f->out, "name", c->target_name);
    fputs("/>\n", f->out);
    format_device_info(f, &c->info);
    fputs("    </channel>\n", f->out);
}

void
domain_xml_channels_format(struct format *f)
{
    for (int i = 0; i < f->def->n_chardevs; i++)
        if (f->def->chardevs[i].kind == DOMAIN_CHARDEV_CHANNEL)
            put_channel(f, &f->def->chardevs[i]);
}
