/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_parse.c: libvirt domain XML -> struct domain_def.
 *
 * THE RULE for what we do not understand:
 *
 *  - An unknown child of <domain>, of <devices> or of <os> is PRESERVED
 *    verbatim (serialised into a struct domain_extra, in document order) and
 *    written back by the formatter. Another tool's <clock>, <features>,
 *    <video> or <boot> survives define -> dumpxml; it is never dropped.
 *  - Anything unsupported INSIDE an element we do interpret (an unknown
 *    child of <disk>, <disk type='block'>, <interface type='network'>,
 *    <graphics type='vnc'>, an unknown attribute ...) is REFUSED with
 *    VIR_ERR_CONFIG_UNSUPPORTED naming it. Half-understanding such an
 *    element and dropping the rest would silently change the guest.
 *
 * Hostile input: documents over DOMAIN_XML_MAX_BYTES are refused before
 * parsing; the parser never loads the network, a DTD or external entities,
 * never substitutes entities and never lifts its size limits; any DOCTYPE
 * that carries an internal subset or an external identifier (the only way
 * to declare entities) stops the parse at once, so entity expansion attacks
 * never start. libxml2 prints nothing: its errors are read from the
 * per-call parser context.
 *
 * Thread-safety: every call has its own parser context and document; the
 * only shared step, xmlInitParser, runs once under pthread_once.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"

/* The name libvirt gives the document in well-formedness errors. */
#define DOC_NAME "(domain_definition)"

#define MAX_VCPUS 4096

/* One parse in progress. */
struct parse {
    struct domain_def  *def;
    struct vireo_error *err;
    xmlDocPtr           scratch;   /* holds copies of preserved elements */
};

typedef int (*element_fn)(struct parse *p, xmlNodePtr node);

/* An element we interpret, and whether it may appear only once. */
struct handler {
    const char *name;
    element_fn  fn;
    bool        is_singleton;
};

/* ---- Small helpers ---------------------------------------------------- */

static int
fail_xml(struct parse *p, const char *what)
{
    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s", what);
}

static int
no_memory(struct parse *p)
{
    return error_no_memory(p->err);
}

/* Element in no namespace with this name: a namespaced <x:name> is someone
 * else's element and is preserved, not interpreted. */
static bool
is_named(xmlNodePtr node, const char *name)
{
    return node->ns == NULL && strcmp((const char *)node->name, name) == 0;
}

static const char *
node_name(xmlNodePtr node)
{
    return (const char *)node->name;
}

/* An attribute's value as a malloc'd string (libxml2's own allocator is not
 * ours to assume), or NULL in *out when absent. Returns 0 or -1 (OOM). */
static int
attr_dup(struct parse *p, xmlNodePtr node, const char *name, char **out)
{
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);

    *out = NULL;
    if (value == NULL)
        return 0;
    *out = strdup((const char *)value);
    xmlFree(value);
    return *out == NULL ? no_memory(p) : 0;
}

/* The element's text content as a malloc'd string ("" when empty). */
static int
text_dup(struct parse *p, xmlNodePtr node, char **out)
{
    xmlChar *value = xmlNodeGetContent(node);

    *out = strdup(value != NULL ? (const char *)value : "");
    xmlFree(value);
    return *out == NULL ? no_memory(p) : 0;
}

/* Refuse attributes outside `allowed` (NULL-terminated). */
static int
check_attrs(struct parse *p, xmlNodePtr node, const char *const *allowed)
{
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next) {
        bool known = false;
        for (size_t i = 0; allowed[i] != NULL && a->ns == NULL; i++)
            if (strcmp((const char *)a->name, allowed[i]) == 0)
                known = true;
        if (!known)
            return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN,
                             "attribute '%s' of element <%s> is not supported",
                             (const char *)a->name, node_name(node));
    }
    return 0;
}

static int
child_unsupported(struct parse *p, xmlNodePtr parent, xmlNodePtr child)
{
    return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                     "element <%s> in <%s> is not supported",
                     node_name(child), node_name(parent));
}

static int
value_unsupported(struct parse *p, xmlNodePtr node, const char *attr,
                  const char *value)
{
    return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                     "%s '%s' of element <%s> is not supported",
                     attr, value, node_name(node));
}

static int
duplicate(struct parse *p, xmlNodePtr parent, xmlNodePtr node)
{
    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                     "element <%s> appears more than once in <%s>",
                     node_name(node), node_name(parent));
}

/* A leaf: text or nothing, never elements. */
static int
check_leaf(struct parse *p, xmlNodePtr node, const char *const *attrs)
{
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return child_unsupported(p, node, c);
    return check_attrs(p, node, attrs);
}

static bool
is_one_of(const char *value, const char *const *set)
{
    for (size_t i = 0; set[i] != NULL; i++)
        if (strcmp(value, set[i]) == 0)
            return true;
    return false;
}

/* Room for one more element, the new slot zeroed. NULL on OOM, leaving the
 * old array intact. */
static void *
grow(void *array, int n, size_t size)
{
    char *grown = realloc(array, (size_t)(n + 1) * size);

    if (grown != NULL)
        memset(grown + (size_t)n * size, 0, size);
    return grown;
}

/* A non-negative decimal int, surrounding whitespace allowed. */
static bool
parse_uint(const char *text, unsigned long max, unsigned long *out)
{
    unsigned long v = 0;
    const char *s = text + strspn(text, " \t\r\n");

    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > max)
            return false;
    }
    s += strspn(s, " \t\r\n");
    *out = v;
    return *s == '\0';
}

/* ---- Preserved elements ----------------------------------------------- */

/* Whitespace-only text between elements is layout, not content: dropping it
 * lets xmlNodeDump re-indent the element the same way every time, which
 * keeps format(parse(format(x))) stable. Text in elements without element
 * children is content and stays. */
static void
strip_layout(xmlNodePtr node)
{
    bool has_elements = false;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            has_elements = true;
    for (xmlNodePtr c = node->children, next; c != NULL; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE)
            strip_layout(c);
        else if (has_elements && c->type == XML_TEXT_NODE &&
                 xmlIsBlankNode(c)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
}

/* Serialise node for output at nesting `level` (1 under <domain>, 2 under
 * <devices> or <os>). The copy carries the namespace declarations it needs
 * from its ancestors, so <qemu:commandline> stays valid on its own. It goes
 * into a scratch document without a dictionary: libxml2 2.9's dictionary
 * slows badly with many distinct names, and the parse has paid that once. */
static int
preserve(struct parse *p, xmlNodePtr node, int level,
         struct domain_extra **extras, int *n_extras)
{
    struct domain_extra *grown;
    xmlNodePtr copy = NULL;
    xmlBufferPtr buf = xmlBufferCreate();
    int rc = -1;

    if (p->scratch == NULL)
        p->scratch = xmlNewDoc((const xmlChar *)"1.0");
    if (p->scratch != NULL)
        copy = xmlDocCopyNode(node, p->scratch, 1);
    if (copy == NULL || buf == NULL)
        goto out;
    strip_layout(copy);
    if (xmlNodeDump(buf, p->scratch, copy, level, 1) < 0)
        goto out;
    grown = grow(*extras, *n_extras, sizeof(*grown));
    if (grown == NULL)
        goto out;
    *extras = grown;
    grown[*n_extras].xml = strdup((const char *)xmlBufferContent(buf));
    if (grown[*n_extras].xml != NULL) {
        (*n_extras)++;
        rc = 0;
    }
 out:
    xmlBufferFree(buf);
    xmlFreeNode(copy);
    return rc < 0 ? no_memory(p) : 0;
}

/* ---- Walking children ------------------------------------------------- */

/* Call the handler for each element child of parent that has one, refusing
 * a second singleton; hand the others to `other` (preserve or refuse). */
static int
walk(struct parse *p, xmlNodePtr parent, const struct handler *handlers,
     size_t n_handlers, element_fn other)
{
    unsigned long seen = 0;

    for (xmlNodePtr c = parent->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t i = 0;
        while (i < n_handlers && !is_named(c, handlers[i].name))
            i++;
        if (i == n_handlers) {
            if (other(p, c) < 0)
                return -1;
            continue;
        }
        if (handlers[i].is_singleton && (seen & (1ul << i)))
            return duplicate(p, parent, c);
        seen |= 1ul << i;
        if (handlers[i].fn(p, c) < 0)
            return -1;
    }
    return 0;
}

static const char *const no_attrs[] = { NULL };

/* ---- <devices> children ----------------------------------------------- */

static int
parse_emulator(struct parse *p, xmlNodePtr node)
{
    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    return text_dup(p, node, &p->def->emulator);
}

/* The disk being filled while its children are walked. */
static struct domain_disk *
current_disk(struct parse *p)
{
    return &p->def->disks[p->def->n_disks - 1];
}

static int
disk_driver(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", "type", NULL };
    static const char *const types[] = { "raw", "qcow2", NULL };
    struct domain_disk *d = current_disk(p);

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "name", &d->driver_name) < 0 ||
        attr_dup(p, node, "type", &d->driver_type) < 0)
        return -1;
    if (d->driver_type != NULL && !is_one_of(d->driver_type, types))
        return value_unsupported(p, node, "type", d->driver_type);
    return 0;
}

static int
disk_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "file", NULL };

    if (check_leaf(p, node, attrs) < 0)
        return -1;
    return attr_dup(p, node, "file", &current_disk(p)->source_file);
}

static int
disk_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", "bus", NULL };
    static const char *const buses[] = { "virtio", "sata", "ide", "scsi",
                                         NULL };
    struct domain_disk *d = current_disk(p);

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "dev", &d->target_dev) < 0 ||
        attr_dup(p, node, "bus", &d->target_bus) < 0)
        return -1;
    if (d->target_dev == NULL || d->target_dev[0] == '\0')
        return fail_xml(p, "disk <target> must have a 'dev' attribute");
    if (d->target_bus != NULL && !is_one_of(d->target_bus, buses))
        return value_unsupported(p, node, "bus", d->target_bus);
    return 0;
}

static int
disk_readonly(struct parse *p, xmlNodePtr node)
{
    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    current_disk(p)->is_readonly = true;
    return 0;
}

static int
refuse_child(struct parse *p, xmlNodePtr node)
{
    return child_unsupported(p, node->parent, node);
}

static const struct handler disk_handlers[] = {
    { "driver",   disk_driver,   true },
    { "source",   disk_source,   true },
    { "target",   disk_target,   true },
    { "readonly", disk_readonly, true },
};

/* libvirt's default disk type is 'file', the only one we run. */
static int
check_disk_type(struct parse *p, xmlNodePtr node)
{
    xmlChar *type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    bool is_file = type == NULL || strcmp((const char *)type, "file") == 0;

    if (!is_file)
        value_unsupported(p, node, "type", (const char *)type);
    xmlFree(type);
    return is_file ? 0 : -1;
}

static int
parse_disk(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "device", NULL };
    static const char *const devices[] = { "disk", "cdrom", NULL };
    struct domain_disk *d;

    d = grow(p->def->disks, p->def->n_disks, sizeof(*d));
    if (d == NULL)
        return no_memory(p);
    p->def->disks = d;
    d = &d[p->def->n_disks++];
    if (check_disk_type(p, node) < 0 || check_attrs(p, node, attrs) < 0 ||
        attr_dup(p, node, "device", &d->device) < 0)
        return -1;
    if (d->device == NULL && (d->device = strdup("disk")) == NULL)
        return no_memory(p);
    if (!is_one_of(d->device, devices))
        return value_unsupported(p, node, "device", d->device);
    if (walk(p, node, disk_handlers,
             sizeof(disk_handlers) / sizeof(disk_handlers[0]),
             refuse_child) < 0)
        return -1;
    if (d->target_dev == NULL)
        return fail_xml(p, "disk is missing its <target dev='...'/>");
    return 0;
}

static struct domain_interface *
current_interface(struct parse *p)
{
    return &p->def->interfaces[p->def->n_interfaces - 1];
}

/* Six colon-separated hex pairs, stored lowercase so that output is
 * canonical. */
static bool
normalise_mac(char *mac)
{
    static const char hex[] = "0123456789abcdefABCDEF";

    if (strlen(mac) != 17)
        return false;
    for (size_t i = 0; i < 17; i++) {
        if (i % 3 == 2 ? mac[i] != ':' : strchr(hex, mac[i]) == NULL)
            return false;
        if (mac[i] >= 'A' && mac[i] <= 'F')
            mac[i] = (char)(mac[i] - 'A' + 'a');
    }
    return true;
}

static int
interface_mac(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "address", NULL };
    struct domain_interface *iface = current_interface(p);

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "address", &iface->mac) < 0)
        return -1;
    if (iface->mac == NULL)
        return fail_xml(p, "<mac> must have an 'address' attribute");
    if (!normalise_mac(iface->mac))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "unable to parse mac address '%s'", iface->mac);
    return 0;
}

static int
interface_model(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    struct domain_interface *iface = current_interface(p);

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "type", &iface->model) < 0)
        return -1;
    if (iface->model == NULL || iface->model[0] == '\0')
        return fail_xml(p, "<model> must have a 'type' attribute");
    return 0;
}

static const struct handler interface_handlers[] = {
    { "mac",   interface_mac,   true },
    { "model", interface_model, true },
};

static int
parse_interface(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    struct domain_interface *iface;

    iface = grow(p->def->interfaces, p->def->n_interfaces, sizeof(*iface));
    if (iface == NULL)
        return no_memory(p);
    p->def->interfaces = iface;
    iface = &iface[p->def->n_interfaces++];
    if (check_attrs(p, node, attrs) < 0 ||
        attr_dup(p, node, "type", &iface->type) < 0)
        return -1;
    if (iface->type == NULL)
        return fail_xml(p, "missing type attribute for <interface>");
    if (strcmp(iface->type, "user") != 0)
        return value_unsupported(p, node, "type", iface->type);
    return walk(p, node, interface_handlers,
                sizeof(interface_handlers) / sizeof(interface_handlers[0]),
                refuse_child);
}

static struct domain_chardev *
current_chardev(struct parse *p)
{
    return &p->def->chardevs[p->def->n_chardevs - 1];
}

static int
chardev_source(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "path", NULL };

    if (check_leaf(p, node, attrs) < 0)
        return -1;
    return attr_dup(p, node, "path", &current_chardev(p)->source_path);
}

static int
chardev_target(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", "port", NULL };
    struct domain_chardev *c = current_chardev(p);
    unsigned long port;
    char *text = NULL;
    bool is_ok;

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "type", &c->target_type) < 0 ||
        attr_dup(p, node, "port", &text) < 0)
        return -1;
    if (text == NULL)
        return 0;
    is_ok = parse_uint(text, 65535, &port);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid port '%s' in <target> of <%s>", text,
                  node_name(node->parent));
    free(text);
    if (!is_ok)
        return -1;
    c->target_port = (int)port;
    return 0;
}

static const struct handler chardev_handlers[] = {
    { "source", chardev_source, true },
    { "target", chardev_target, true },
};

static int
parse_chardev(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    static const char *const types[] = { "pty", "null", "stdio", "file",
                                         NULL };
    struct domain_chardev *c;

    c = grow(p->def->chardevs, p->def->n_chardevs, sizeof(*c));
    if (c == NULL)
        return no_memory(p);
    p->def->chardevs = c;
    c = &c[p->def->n_chardevs++];
    c->is_console = is_named(node, "console");
    c->target_port = -1;
    if (check_attrs(p, node, attrs) < 0 ||
        attr_dup(p, node, "type", &c->type) < 0)
        return -1;
    if (c->type == NULL && (c->type = strdup("pty")) == NULL)
        return no_memory(p);
    if (!is_one_of(c->type, types))
        return value_unsupported(p, node, "type", c->type);
    if (walk(p, node, chardev_handlers,
             sizeof(chardev_handlers) / sizeof(chardev_handlers[0]),
             refuse_child) < 0)
        return -1;
    if (strcmp(c->type, "file") == 0 && c->source_path == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "<%s type='file'> needs <source path='...'/>",
                         node_name(node));
    return 0;
}

static int
parse_graphics(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "type", NULL };
    xmlChar *type = xmlGetNoNsProp(node, (const xmlChar *)"type");
    bool is_none = type != NULL && strcmp((const char *)type, "none") == 0;

    /* The type decides everything else, so it is the one to report. */
    if (type == NULL)
        return fail_xml(p, "missing type attribute for <graphics>");
    if (!is_none)
        value_unsupported(p, node, "type", (const char *)type);
    xmlFree(type);
    if (!is_none || check_leaf(p, node, attrs) < 0)
        return -1;
    p->def->has_graphics_none = true;
    return 0;
}

static int
preserve_device(struct parse *p, xmlNodePtr node)
{
    return preserve(p, node, 2, &p->def->device_extras,
                    &p->def->n_device_extras);
}

static const struct handler device_handlers[] = {
    { "emulator",  parse_emulator,  true },
    { "disk",      parse_disk,      false },
    { "interface", parse_interface, false },
    { "serial",    parse_chardev,   false },
    { "console",   parse_chardev,   false },
    { "graphics",  parse_graphics,  true },
};

static int
parse_devices(struct parse *p, xmlNodePtr node)
{
    if (check_attrs(p, node, no_attrs) < 0)
        return -1;
    return walk(p, node, device_handlers,
                sizeof(device_handlers) / sizeof(device_handlers[0]),
                preserve_device);
}

/* ---- <os> ------------------------------------------------------------- */

static int
os_type(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "arch", "machine", NULL };
    struct domain_def *def = p->def;

    if (check_leaf(p, node, attrs) < 0 ||
        attr_dup(p, node, "arch", &def->os_arch) < 0 ||
        attr_dup(p, node, "machine", &def->os_machine) < 0 ||
        text_dup(p, node, &def->os_type) < 0)
        return -1;
    return 0;
}

static int
preserve_os(struct parse *p, xmlNodePtr node)
{
    return preserve(p, node, 2, &p->def->os_extras, &p->def->n_os_extras);
}

static const struct handler os_handlers[] = {
    { "type", os_type, true },
};

static int
parse_os(struct parse *p, xmlNodePtr node)
{
    if (check_attrs(p, node, no_attrs) < 0)
        return -1;
    return walk(p, node, os_handlers, 1, preserve_os);
}

/* ---- Other <domain> children ------------------------------------------ */

static int
parse_name(struct parse *p, xmlNodePtr node)
{
    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    return text_dup(p, node, &p->def->name);
}

static int
parse_uuid(struct parse *p, xmlNodePtr node)
{
    xmlChar *text;
    int rc;

    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    text = xmlNodeGetContent(node);
    rc = uuid_parse((const char *)text, p->def->uuid);
    xmlFree(text);
    if (rc < 0)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "malformed uuid element");
    return 0;
}

static int
parse_title(struct parse *p, xmlNodePtr node)
{
    if (check_leaf(p, node, no_attrs) < 0 ||
        text_dup(p, node, &p->def->title) < 0)
        return -1;
    /* libvirt's rule: a title is one line (virsh list --title). */
    if (strchr(p->def->title, '\n') != NULL)
        return fail_xml(p, "Domain title can't contain newlines");
    return 0;
}

static int
parse_description(struct parse *p, xmlNodePtr node)
{
    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    return text_dup(p, node, &p->def->description);
}

static int
memory_element(struct parse *p, xmlNodePtr node, unsigned long long *kib)
{
    static const char *const attrs[] = { "unit", NULL };
    xmlChar *text, *unit;
    int rc;

    if (check_leaf(p, node, attrs) < 0)
        return -1;
    text = xmlNodeGetContent(node);
    unit = xmlGetNoNsProp(node, (const xmlChar *)"unit");
    rc = domain_def_parse_memory((const char *)text, (const char *)unit,
                                 node_name(node), kib, p->err);
    xmlFree(unit);
    xmlFree(text);
    return rc;
}

static int
parse_memory(struct parse *p, xmlNodePtr node)
{
    return memory_element(p, node, &p->def->memory_kib);
}

static int
parse_current_memory(struct parse *p, xmlNodePtr node)
{
    return memory_element(p, node, &p->def->current_memory_kib);
}

static int
parse_vcpu(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "placement", NULL };
    xmlChar *text, *placement;
    unsigned long n = 0;
    bool is_ok;

    if (check_leaf(p, node, attrs) < 0)
        return -1;
    placement = xmlGetNoNsProp(node, (const xmlChar *)"placement");
    is_ok = placement == NULL || strcmp((const char *)placement, "static") == 0;
    if (!is_ok)
        value_unsupported(p, node, "placement", (const char *)placement);
    xmlFree(placement);
    if (!is_ok)
        return -1;
    text = xmlNodeGetContent(node);
    is_ok = parse_uint((const char *)text, MAX_VCPUS, &n) && n >= 1;
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid vcpu count '%s': must be an integer from 1 to %d",
                  (const char *)text, MAX_VCPUS);
    xmlFree(text);
    if (!is_ok)
        return -1;
    p->def->vcpus = (unsigned int)n;
    return 0;
}

static int
lifecycle(struct parse *p, xmlNodePtr node, int *action)
{
    xmlChar *text;

    if (check_leaf(p, node, no_attrs) < 0)
        return -1;
    text = xmlNodeGetContent(node);
    *action = domain_lifecycle_action_from_string((const char *)text);
    if (*action < 0)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid value '%s' for <%s>",
                  text != NULL ? (const char *)text : "", node_name(node));
    xmlFree(text);
    return *action < 0 ? -1 : 0;
}

static int
parse_on_poweroff(struct parse *p, xmlNodePtr node)
{
    return lifecycle(p, node, &p->def->on_poweroff);
}

static int
parse_on_reboot(struct parse *p, xmlNodePtr node)
{
    return lifecycle(p, node, &p->def->on_reboot);
}

static int
parse_on_crash(struct parse *p, xmlNodePtr node)
{
    return lifecycle(p, node, &p->def->on_crash);
}

static int
preserve_domain(struct parse *p, xmlNodePtr node)
{
    return preserve(p, node, 1, &p->def->extras, &p->def->n_extras);
}

static const struct handler domain_handlers[] = {
    { "name",          parse_name,           true },
    { "uuid",          parse_uuid,           true },
    { "title",         parse_title,          true },
    { "description",   parse_description,    true },
    { "memory",        parse_memory,         true },
    { "currentMemory", parse_current_memory, true },
    { "vcpu",          parse_vcpu,           true },
    { "os",            parse_os,             true },
    { "on_poweroff",   parse_on_poweroff,    true },
    { "on_reboot",     parse_on_reboot,      true },
    { "on_crash",      parse_on_crash,       true },
    { "devices",       parse_devices,        true },
};

/* ---- <domain> --------------------------------------------------------- */

static const char *const virt_types[] = {
    "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test", "vmware",
    "hyperv", "vbox", "phyp", "vz", "bhyve", "hvf", NULL,
};

/* libvirt's wording. A namespaced <x:domain> shows its prefix, so that the
 * message never reads "expecting 'domain', not 'domain'". */
static int
wrong_root(struct parse *p, xmlNodePtr root)
{
    const char *prefix = root != NULL && root->ns != NULL &&
                         root->ns->prefix != NULL
                         ? (const char *)root->ns->prefix : NULL;

    return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                     "expecting root element of 'domain', not '%s%s%s'",
                     prefix != NULL ? prefix : "", prefix != NULL ? ":" : "",
                     root != NULL ? node_name(root) : "");
}

static int
parse_root(struct parse *p, xmlNodePtr root)
{
    static const char *const attrs[] = { "type", "id", NULL };

    if (root == NULL || !is_named(root, "domain"))
        return wrong_root(p, root);
    if (attr_dup(p, root, "type", &p->def->virt_type) < 0)
        return -1;
    if (p->def->virt_type == NULL)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "missing domain type attribute");
    if (!is_one_of(p->def->virt_type, virt_types))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid value for attribute 'type' in element "
                         "'domain': '%s'", p->def->virt_type);
    /* id describes a running domain; the daemon assigns its own. */
    return check_attrs(p, root, attrs);
}

/* Rules that need the whole document, in libvirt's order. */
static int
validate(struct parse *p)
{
    struct domain_def *def = p->def;

    if (def->name == NULL || def->name[0] == '\0')
        return error_set(p->err, VIR_ERR_NO_NAME, VIR_FROM_DOMAIN,
                         "missing name information");
    if (strchr(def->name, '/') != NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "name %s cannot contain '/'", def->name);
    /* libvirt treats 0 as "not given". */
    if (def->memory_kib == 0)
        return fail_xml(p, "Memory size must be specified via <memory> or "
                           "in the <numa> configuration");
    if (def->current_memory_kib == 0 ||
        def->current_memory_kib > def->memory_kib)
        def->current_memory_kib = def->memory_kib;
    if (def->os_type == NULL || def->os_type[0] == '\0')
        return fail_xml(p, "an os <type> must be specified");
    return 0;
}

static int
parse_domain(struct parse *p, xmlNodePtr root)
{
    bool has_uuid = false;

    if (parse_root(p, root) < 0)
        return -1;
    p->def->vcpus = 1;
    p->def->on_poweroff = DOMAIN_ACTION_DESTROY;
    p->def->on_reboot = DOMAIN_ACTION_RESTART;
    p->def->on_crash = DOMAIN_ACTION_DESTROY;
    if (walk(p, root, domain_handlers,
             sizeof(domain_handlers) / sizeof(domain_handlers[0]),
             preserve_domain) < 0 || validate(p) < 0)
        return -1;
    for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is_named(c, "uuid"))
            has_uuid = true;
    if (!has_uuid && uuid_generate(p->def->uuid) < 0)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "cannot generate a uuid");
    return 0;
}

/* ---- The document ----------------------------------------------------- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void
init_libxml(void)
{
    xmlInitParser();
}

/* Set by on_doctype when the document tries to declare anything. */
struct guard {
    bool is_refused;
};

/* libxml2 calls this at <!DOCTYPE ...>, before reading any internal subset
 * (the input then points at its '['). Stopping here means no entity is
 * ever declared, let alone expanded. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
           const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct guard *guard = ctxt->_private;
    bool has_subset = ctxt->input != NULL && ctxt->input->cur != NULL &&
                      *ctxt->input->cur == '[';

    if (external_id != NULL || system_id != NULL || has_subset) {
        guard->is_refused = true;
        xmlStopParser(ctxt);
        return;
    }
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

/* libvirt's shape for well-formedness errors: "name:line: message". */
static int
not_well_formed(struct vireo_error *err, xmlParserCtxtPtr ctxt)
{
    const xmlError *e = &ctxt->lastError;
    const char *msg = e->message != NULL ? e->message : "cannot parse XML";
    size_t len = strlen(msg);

    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    return error_set(err, VIR_ERR_XML_DETAIL, VIR_FROM_DOMAIN,
                     DOC_NAME ":%d: %.*s", e->line, (int)len, msg);
}

static xmlDocPtr
read_document(const char *xml, size_t len, struct vireo_error *err)
{
    const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING |
                        XML_PARSE_NOERROR;
    struct guard guard = { false };
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;

    pthread_once(&init_once, init_libxml);
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        error_no_memory(err);
        return NULL;
    }
    ctxt->_private = &guard;
    ctxt->sax->internalSubset = on_doctype;
    doc = xmlCtxtReadMemory(ctxt, xml, (int)len, DOC_NAME, NULL, options);
    if (guard.is_refused || (doc != NULL && doc->intSubset != NULL &&
                             doc->intSubset->children != NULL)) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s",
                  "a <!DOCTYPE> with an internal subset or external "
                  "identifier (entity declarations) is not allowed");
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc == NULL) {
        not_well_formed(err, ctxt);
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

struct domain_def *
domain_def_parse(const char *xml, struct vireo_error *err)
{
    struct parse p = { .err = err };
    xmlDocPtr doc;
    size_t len;

    if (xml == NULL) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s",
                  "no XML document given");
        return NULL;
    }
    /* Only the length is read before the limit is checked. */
    len = strlen(xml);
    if (len > DOMAIN_XML_MAX_BYTES) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "document is %zu bytes, over the limit of %u bytes", len,
                  DOMAIN_XML_MAX_BYTES);
        return NULL;
    }
    doc = read_document(xml, len, err);
    if (doc == NULL)
        return NULL;
    p.def = calloc(1, sizeof(*p.def));
    if (p.def == NULL)
        error_no_memory(err);
    else if (parse_domain(&p, xmlDocGetRootElement(doc)) < 0) {
        domain_def_free(p.def);
        p.def = NULL;
    }
    xmlFreeDoc(p.scratch);
    xmlFreeDoc(doc);
    return p.def;
}
