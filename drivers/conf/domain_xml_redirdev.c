/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_redirdev.c: <redirdev>, a USB device redirected from a
 * client, of type spicevmc (through a SPICE channel) or tcp (a usbredir
 * server), read and written as libvirt does. Other types, and redirdevs
 * holding more than these fields, are preserved whole.
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static struct domain_redirdev *
current_redirdev(struct parse *p)
{
    return &p->def->redirdevs[p->def->n_redirdevs - 1];
}

/* A tcp redirdev's server; libvirt connects to it unless told to bind. */
static int
redirdev_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "mode", "host", "service", NULL };
    static const char *const modes[] = { "bind", "connect", NULL };
    struct domain_redirdev *r = current_redirdev(p);

    if (strcmp(r->type, "tcp") != 0)
        return xml_read_unsupported_child(p, node->parent, node);
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "mode", &r->source_mode) < 0 ||
        xml_read_attr(p, node, "host", &r->source_host) < 0 ||
        xml_read_attr(p, node, "service", &r->source_service) < 0)
        return -1;
    if (r->source_mode != NULL && !xml_read_is_one_of(r->source_mode, modes))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Unknown source mode '%s'", r->source_mode);
    return 0;
}

static int
redirdev_protocol(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    struct domain_redirdev *r = current_redirdev(p);
    char *type;

    if (strcmp(r->type, "tcp") != 0)
        return xml_read_unsupported_child(p, node->parent, node);
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &type) < 0)
        return -1;
    /* raw is what libvirt writes when none is given. */
    if (type != NULL && strcmp(type, "raw") != 0) {
        xml_read_unsupported_value(p, node, "type", type);
        free(type);
        return -1;
    }
    free(type);
    return 0;
}

static const struct handler redirdev_handlers[] = {
    { "source",   redirdev_source,   true },
    { "protocol", redirdev_protocol, true },
    XML_READ_INFO_HANDLERS,
};

static int
parse_redirdev(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "bus", "type", NULL };
    static const char *const types[] = { "spicevmc", "tcp", NULL };
    struct domain_redirdev *r;

    r = xml_read_grow(p->def->redirdevs, p->def->n_redirdevs, sizeof(*r));
    if (r == NULL)
        return xml_read_no_memory(p);
    p->def->redirdevs = r;
    r = &r[p->def->n_redirdevs++];
    p->info = &r->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "bus", &r->bus) < 0 ||
        xml_read_attr(p, node, "type", &r->type) < 0)
        return -1;
    if (r->bus == NULL || strcmp(r->bus, "usb") != 0)
        return xml_read_unsupported_value(p, node, "bus",
                                          r->bus != NULL ? r->bus : "");
    if (r->type == NULL || !xml_read_is_one_of(r->type, types))
        return xml_read_unsupported_value(p, node, "type",
                                          r->type != NULL ? r->type : "");
    return xml_read_children(p, node, redirdev_handlers,
                             N_OF(redirdev_handlers), xml_read_refuse_child);
}

static void
undo_redirdev(struct parse *p)
{
    domain_redirdev_clear(&p->def->redirdevs[--p->def->n_redirdevs]);
}

XML_READ_TYPED_DEVICE(domain_xml_redirdev_parse, parse_redirdev,
                      undo_redirdev)

/* libvirt always closes a redirdev on its own line, even an empty one. */
static void
put_redirdev(struct format *f, const struct domain_redirdev *r)
{
    FILE *out = f->out;

    fputs("    <redirdev", out);
    xml_write_attr(out, "bus", r->bus);
    xml_write_attr(out, "type", r->type);
    fputs(">\n", out);
    if (strcmp(r->type, "tcp") == 0) {
        fputs("      <source", out);
        xml_write_attr(out, "mode", r->source_mode != NULL ? r->source_mode
                                                           : "connect");
        xml_write_attr(out, "host", r->source_host);
        xml_write_attr(out, "service", r->source_service);
        fputs("/>\n      <protocol type='raw'/>\n", out);
    }
    format_device_info(f, &r->info);
    fputs("    </redirdev>\n", out);
}

void
domain_xml_redirdevs_format(struct format *f)
{
    for (int i = 0; i < f->def->n_redirdevs; i++)
        put_redirdev(f, &f->def->redirdevs[i]);
}
