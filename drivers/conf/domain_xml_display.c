/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_display.c: the devices around the guest's screen and its
 * housekeeping: <graphics> (vnc, spice), <video>, <input>, <memballoon>,
 * <rng>. Others of these kinds (spice graphics, an egd rng ...), and any
 * holding more than vireo types, are preserved whole.
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

/* ---- <graphics> ------------------------------------------------------- */

static struct domain_graphics *
current_graphics(struct parse *p)
{
    return &p->def->graphics[p->def->n_graphics - 1];
}

/* The first <listen type='address'>: the address the attribute gives,
 * which libvirt requires to agree with it. */
static int
graphics_listen(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "address", NULL };
    struct domain_graphics *g = current_graphics(p);
    char *type = NULL, *address = NULL;
    int rc = 0;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &type) < 0 ||
        xml_read_attr(p, node, "address", &address) < 0)
        rc = -1;
    else if (type == NULL || strcmp(type, "address") != 0)
        rc = xml_read_unsupported_value(p, node, "type",
                                        type != NULL ? type : "");
    else if (g->listen_address != NULL && address != NULL &&
             strcmp(g->listen_address, address) != 0)
        rc = error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                       "graphics 'listen' attribute '%s' must match "
                       "'address' attribute of first listen element (found "
                       "'%s')", g->listen_address, address);
    else if (g->listen_address == NULL) {
        g->listen_address = address;
        address = NULL;
    }
    free(type);
    free(address);
    return rc;
}

/* spice's other children are kept verbatim, for the formatter to put in
 * libvirt's order. */
static int
graphics_child(struct parse *p, xmlNodePtr node)
{
    struct domain_graphics *g = current_graphics(p);

    if (strcmp(g->type, "spice") != 0)
        return xml_read_unsupported_child(p, node->parent, node);
    return xml_read_preserve(p, node, 3, &g->children, &g->n_children);
}

static const struct handler graphics_handlers[] = {
    { "listen", graphics_listen, true },
};

/* libvirt's port rules: no port or -1 means autoport, which a definition
 * keeps as -1 (the port is a live fact); autoport='yes' wins over a port. */
static int
graphics_port(struct parse *p, xmlNodePtr node, struct domain_graphics *g)
{
    char *text;
    int autoport;
    char *end = NULL;
    long port = -1;

    if (xml_read_attr(p, node, "port", &text) < 0 ||
        xml_read_tristate(p, node, "autoport", xml_read_yes_no,
                          &autoport) < 0) {
        free(text);
        return -1;
    }
    if (text != NULL)
        port = strtol(text, &end, 10);
    if (text != NULL && (end == text || *end != '\0' || port < -1 ||
                         port > 65535)) {
        error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                  "cannot parse vnc port %s", text);
        free(text);
        return -1;
    }
    free(text);
    g->is_autoport = autoport == DOMAIN_TRISTATE_ABSENT ? port == -1
                                                       : autoport ==
                                                         DOMAIN_TRISTATE_YES;
    g->port = g->is_autoport ? -1 : (int)port;
    return 0;
}

/* libvirt's spice ports: autoport (given, or implied by no port at all)
 * clears both ports; a definition keeps the others as given. */
static int
spice_ports(struct parse *p, xmlNodePtr node, struct domain_graphics *g)
{
    unsigned long tls_port = 0;
    char *text;

    if (graphics_port(p, node, g) < 0 ||
        xml_read_attr(p, node, "tlsPort", &text) < 0)
        return -1;
    if (text != NULL && strcmp(text, "-1") != 0 &&
        !xml_read_uint(text, 65535, &tls_port)) {
        error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                  "cannot parse spice tlsPort %s", text);
        free(text);
        return -1;
    }
    free(text);
    g->tls_port = (int)tls_port;
    if (g->is_autoport) {
        g->port = 0;
        g->tls_port = 0;
    }
    return 0;
}

static int
parse_graphics(struct parse *p, xmlNodePtr node)
{
    static const char *const vnc_attrs[] = { "type", "port", "autoport",
                                             "listen", "keymap", "passwd",
                                             NULL };
    static const char *const spice_attrs[] = { "type", "port", "tlsPort",
                                               "autoport", "listen",
                                               "keymap", "passwd", NULL };
    struct domain_graphics *g;
    bool is_vnc;

    g = xml_read_grow(p->def->graphics, p->def->n_graphics, sizeof(*g));
    if (g == NULL)
        return xml_read_no_memory(p);
    p->def->graphics = g;
    g = &g[p->def->n_graphics++];
    g->port = -1;
    if (xml_read_attr(p, node, "type", &g->type) < 0)
        return -1;
    if (g->type == NULL)
        return xml_read_fail(p, "missing type attribute for <graphics>");
    /* libvirt 9.0 has no type 'none'. */
    if (strcmp(g->type, "none") == 0)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid value for attribute 'type' in element "
                         "'graphics': '%s'.", g->type);
    is_vnc = strcmp(g->type, "vnc") == 0;
    if (!is_vnc && strcmp(g->type, "spice") != 0)
        return xml_read_unsupported_value(p, node, "type", g->type);
    if (xml_read_check_attrs(p, node, is_vnc ? vnc_attrs : spice_attrs) < 0 ||
        (is_vnc ? graphics_port(p, node, g) : spice_ports(p, node, g)) < 0 ||
        xml_read_attr(p, node, "listen", &g->listen_address) < 0 ||
        xml_read_attr(p, node, "keymap", &g->keymap) < 0 ||
        xml_read_attr(p, node, "passwd", &g->passwd) < 0)
        return -1;
    return xml_read_children(p, node, graphics_handlers,
                             N_OF(graphics_handlers), graphics_child);
}

static void
undo_graphics(struct parse *p)
{
    domain_graphics_clear(&p->def->graphics[--p->def->n_graphics]);
}

XML_READ_TYPED_DEVICE(domain_xml_graphics_parse, parse_graphics,
                      undo_graphics)

/* ---- <video> ---------------------------------------------------------- */

static struct domain_video *
current_video(struct parse *p)
{
    return &p->def->videos[p->def->n_videos - 1];
}

static int
video_model(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "ram", "vram", "vgamem",
                                         "heads", "primary", NULL };
    static const char *const types[] = { "vga", "cirrus", "vmvga", "xen",
                                         "vbox", "qxl", "parallels",
                                         "virtio", "gop", "none", "bochs",
                                         "ramfb", NULL };
    struct domain_video *v = current_video(p);
    unsigned long ram, vram, vgamem, heads;
    int primary;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &v->model_type) < 0 ||
        xml_read_uint_attr(p, node, "ram", 0xffffffffu, &ram) < 0 ||
        xml_read_uint_attr(p, node, "vram", 0xffffffffu, &vram) < 0 ||
        xml_read_uint_attr(p, node, "vgamem", 0xffffffffu, &vgamem) < 0 ||
        xml_read_uint_attr(p, node, "heads", 0xffffffffu, &heads) < 0 ||
        xml_read_tristate(p, node, "primary", xml_read_yes_no,
                          &primary) < 0)
        return -1;
    if (v->model_type == NULL)
        return xml_read_fail(p, "missing video model type");
    if (!xml_read_is_one_of(v->model_type, types))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unknown video model '%s'", v->model_type);
    v->ram_kib = (unsigned int)ram;
    v->vram_kib = (unsigned int)vram;
    v->vgamem_kib = (unsigned int)vgamem;
    v->heads = (unsigned int)heads;
    v->is_primary = primary == DOMAIN_TRISTATE_YES;
    return 0;
}

static const struct handler video_handlers[] = {
    { "model", video_model, true },
    XML_READ_INFO_HANDLERS,
};

static int
parse_video(struct parse *p, xmlNodePtr node)
{
    struct domain_video *v;

    v = xml_read_grow(p->def->videos, p->def->n_videos, sizeof(*v));
    if (v == NULL)
        return xml_read_no_memory(p);
    p->def->videos = v;
    v = &v[p->def->n_videos++];
    p->info = &v->info;
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0 ||
        xml_read_children(p, node, video_handlers, N_OF(video_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    /* A <video/> without a model takes the default one, settled later. */
    return 0;
}

static void
undo_video(struct parse *p)
{
    domain_video_clear(&p->def->videos[--p->def->n_videos]);
}

XML_READ_TYPED_DEVICE(domain_xml_video_parse, parse_video, undo_video)

/* ---- <input> ---------------------------------------------------------- */

static const struct handler input_handlers[] = {
    XML_READ_INFO_HANDLERS,
};

/* The bus libvirt gives an input without one on an x86 guest. */
static const char *
default_input_bus(const char *type)
{
    return strcmp(type, "tablet") == 0 ? "usb" : "ps2";
}

static int
parse_input(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "bus", NULL };
    static const char *const types[] = { "tablet", "mouse", "keyboard",
                                         NULL };
    static const char *const buses[] = { "ps2", "usb", "virtio", "xen",
                                         NULL };
    struct domain_input *in;

    in = xml_read_grow(p->def->inputs, p->def->n_inputs, sizeof(*in));
    if (in == NULL)
        return xml_read_no_memory(p);
    p->def->inputs = in;
    in = &in[p->def->n_inputs++];
    p->info = &in->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", &in->type) < 0 ||
        xml_read_attr(p, node, "bus", &in->bus) < 0)
        return -1;
    if (in->type == NULL)
        return xml_read_fail(p, "missing input device type");
    if (!xml_read_is_one_of(in->type, types))
        return xml_read_unsupported_value(p, node, "type", in->type);
    if (in->bus != NULL && !xml_read_is_one_of(in->bus, buses))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unknown input bus type '%s'", in->bus);
    if (in->bus == NULL &&
        (in->bus = strdup(default_input_bus(in->type))) == NULL)
        return xml_read_no_memory(p);
    return xml_read_children(p, node, input_handlers, N_OF(input_handlers),
                             xml_read_refuse_child);
}

static void
undo_input(struct parse *p)
{
    domain_input_clear(&p->def->inputs[--p->def->n_inputs]);
}

XML_READ_TYPED_DEVICE(domain_xml_input_parse, parse_input, undo_input)

/* ---- <memballoon> ----------------------------------------------------- */

static const struct handler memballoon_handlers[] = {
    XML_READ_INFO_HANDLERS,
};

static int
parse_memballoon(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "model", NULL };
    static const char *const models[] = { "virtio", "xen", "none",
                                          "virtio-transitional",
                                          "virtio-non-transitional", NULL };
    struct domain_def *def = p->def;

    p->info = &def->memballoon_info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "model", &def->memballoon_model) < 0)
        return -1;
    if (def->memballoon_model == NULL)
        return xml_read_fail(p, "Missing required attribute 'model' in "
                                "element 'memballoon'");
    if (!xml_read_is_one_of(def->memballoon_model, models))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid value for attribute 'model' in element "
                         "'memballoon': '%s'.", def->memballoon_model);
    return xml_read_children(p, node, memballoon_handlers,
                             N_OF(memballoon_handlers),
                             xml_read_refuse_child);
}

static void
undo_memballoon(struct parse *p)
{
    free(p->def->memballoon_model);
    p->def->memballoon_model = NULL;
    domain_info_clear(&p->def->memballoon_info);
    memset(&p->def->memballoon_info, 0, sizeof(p->def->memballoon_info));
}

XML_READ_TYPED_DEVICE(domain_xml_memballoon_parse, parse_memballoon,
                      undo_memballoon)

/* ---- <rng> ------------------------------------------------------------ */

static struct domain_rng *
current_rng(struct parse *p)
{
    return &p->def->rngs[p->def->n_rngs - 1];
}

/* libvirt reads /dev/random when the backend names no source. */
static int
rng_backend(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "model", NULL };
    struct domain_rng *r = current_rng(p);

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "model", &r->backend_model) < 0)
        return -1;
    if (r->backend_model == NULL || strcmp(r->backend_model, "random") != 0)
        return xml_read_unsupported_value(p, node, "model",
                                          r->backend_model != NULL
                                          ? r->backend_model : "");
    if (xml_read_text(p, node, &r->backend_path) < 0)
        return -1;
    if (r->backend_path[0] != '\0')
        return 0;
    free(r->backend_path);
    r->backend_path = strdup("/dev/random");
    return r->backend_path == NULL ? xml_read_no_memory(p) : 0;
}

static const struct handler rng_handlers[] = {
    { "backend", rng_backend, true },
    XML_READ_INFO_HANDLERS,
};

static int
parse_rng(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "model", NULL };
    struct domain_rng *r;

    r = xml_read_grow(p->def->rngs, p->def->n_rngs, sizeof(*r));
    if (r == NULL)
        return xml_read_no_memory(p);
    p->def->rngs = r;
    r = &r[p->def->n_rngs++];
    p->info = &r->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "model", &r->model) < 0)
        return -1;
    if (r->model == NULL || strcmp(r->model, "virtio") != 0)
        return xml_read_unsupported_value(p, node, "model",
                                          r->model != NULL ? r->model : "");
    if (xml_read_children(p, node, rng_handlers, N_OF(rng_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    if (r->backend_model == NULL)
        return xml_read_fail(p, "missing RNG device backend");
    return 0;
}

static void
undo_rng(struct parse *p)
{
    domain_rng_clear(&p->def->rngs[--p->def->n_rngs]);
}

XML_READ_TYPED_DEVICE(domain_xml_rng_parse, parse_rng, undo_rng)
