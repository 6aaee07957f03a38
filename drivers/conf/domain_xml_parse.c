/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_parse.c: libvirt domain XML -> struct domain_def.
 *
 * THE RULE for what we do not understand:
 *
 *  - What libvirt's own parser never reads, an attribute or element its
 *    schema does not allow in that place (xml_schema_names.h), is IGNORED
 *    as libvirt ignores it: dropped from what we keep. But for <features>,
 *    where libvirt refuses a feature it does not know.
 *  - A child of <domain>, <devices>, <os>, <features> or <cpu> that the
 *    schema allows but we do not type is PRESERVED verbatim (serialised
 *    into a struct domain_extra, in document order) and written back by
 *    the formatter. <sound>, <memoryBacking> or <hyperv> survives define
 *    -> dumpxml; it is never dropped. So does another tool's namespaced
 *    element.
 *  - An element of a kind we type (a disk, an interface, <cpu>, <clock>
 *    ...) that holds something the typed fields cannot (<disk
 *    type='volume'>, an <iotune>, spice graphics, an attribute the schema
 *    allows that we do not model) is PRESERVED WHOLE the same way, the
 *    reason in its `why` (xml_read_or_preserve). Half-understanding it and dropping the rest
 *    would silently change the guest; refusing it would refuse what
 *    libvirt accepts. A driver that cannot run it refuses it at start.
 *  - What libvirt itself refuses (a bad MAC, a boot order used twice, an
 *    unknown video model ...) is refused with libvirt's code and words.
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
#include "drivers/conf/domain_xml_tune.h"
#include "drivers/conf/domain_xml_tune_pin.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/domain_xml_validate.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_syntax_error.h"
#include "drivers/error.h"

/* The name libvirt gives the document in well-formedness errors. */
#define DOC_NAME "(domain_definition)"

#define MAX_VCPUS 4096

/* ---- <os> ------------------------------------------------------------- */

static int
os_type(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "arch", "machine", NULL };
    struct domain_def *def = p->def;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "arch", &def->os_arch) < 0 ||
        xml_read_attr(p, node, "machine", &def->os_machine) < 0 ||
        xml_read_text(p, node, &def->os_type) < 0)
        return -1;
    return 0;
}

static int
os_text(struct parse *p, xmlNodePtr node, char **field)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, field);
}

static int
os_kernel(struct parse *p, xmlNodePtr node)
{
    return os_text(p, node, &p->def->os_kernel);
}

static int
os_initrd(struct parse *p, xmlNodePtr node)
{
    return os_text(p, node, &p->def->os_initrd);
}

static int
os_cmdline(struct parse *p, xmlNodePtr node)
{
    return os_text(p, node, &p->def->os_cmdline);
}

#define MAX_BOOT_DEVS ((int)(sizeof(((struct domain_def *)0)->os_boot_devs) / \
                             sizeof(char *)))

/* libvirt reads the first four <boot dev=...> and ignores the rest. */
static int
os_boot(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "dev", NULL };
    static const char *const devs[] = { "fd", "hd", "cdrom", "network",
                                        NULL };
    struct domain_def *def = p->def;
    char *dev;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "dev", &dev) < 0)
        return -1;
    if (dev == NULL)
        return xml_read_fail(p, "missing boot device");
    if (!xml_read_is_one_of(dev, devs)) {
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'dev' in element 'boot': "
                  "'%s'.", dev);
        free(dev);
        return -1;
    }
    if (def->n_os_boot_devs == MAX_BOOT_DEVS) {
        free(dev);
        return 0;
    }
    def->os_boot_devs[def->n_os_boot_devs++] = dev;
    return 0;
}

static int
os_bootmenu(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "enable", "timeout", NULL };
    unsigned long timeout;
    char *text;
    bool is_ok = true;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_tristate(p, node, "enable", xml_read_yes_no,
                          &p->def->bootmenu) < 0 ||
        xml_read_attr(p, node, "timeout", &text) < 0)
        return -1;
    if (text != NULL) {
        is_ok = xml_read_uint(text, 65535, &timeout);
        free(text);
        p->def->bootmenu_timeout_ms = is_ok ? (int)timeout : -1;
    }
    if (!is_ok)
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "invalid value for boot menu timeout, must be in "
                         "range [0,65535]");
    return 0;
}

static int
preserve_os(struct parse *p, xmlNodePtr node)
{
    return xml_read_preserve(p, node, 2, &p->def->os_extras,
                             &p->def->n_os_extras);
}

/* An element of <os> vireo types, kept verbatim when it holds more. */
static int
typed_os_child(struct parse *p, xmlNodePtr node, element_fn fn)
{
    return xml_read_or_preserve(p, node, fn, NULL, 2, &p->def->os_extras,
                                &p->def->n_os_extras);
}

static int
os_boot_or_preserve(struct parse *p, xmlNodePtr node)
{
    return typed_os_child(p, node, os_boot);
}

static int
os_bootmenu_or_preserve(struct parse *p, xmlNodePtr node)
{
    return typed_os_child(p, node, os_bootmenu);
}

static const struct handler os_handlers[] = {
    { "type",     os_type,                 true },
    { "kernel",   os_kernel,               true },
    { "initrd",   os_initrd,               true },
    { "cmdline",  os_cmdline,              true },
    { "boot",     os_boot_or_preserve,     false },
    { "bootmenu", os_bootmenu_or_preserve, true },
};

static int
parse_os(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "firmware", NULL };
    static const char *const firmwares[] = { "bios", "efi", NULL };

    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "firmware", &p->def->os_firmware) < 0)
        return -1;
    if (p->def->os_firmware != NULL &&
        !xml_read_is_one_of(p->def->os_firmware, firmwares))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "unknown firmware value %s", p->def->os_firmware);
    return xml_read_children(p, node, os_handlers,
                             sizeof(os_handlers) / sizeof(os_handlers[0]),
                             preserve_os);
}

/* ---- Other <domain> children ------------------------------------------ */

static int
parse_name(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, &p->def->name);
}

static int
parse_uuid(struct parse *p, xmlNodePtr node)
{
    xmlChar *text;
    int rc;

    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
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
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0 ||
        xml_read_text(p, node, &p->def->title) < 0)
        return -1;
    /* libvirt's rule: a title is one line (virsh list --title). */
    if (strchr(p->def->title, '\n') != NULL)
        return xml_read_fail(p, "Domain title can't contain newlines");
    return 0;
}

static int
parse_description(struct parse *p, xmlNodePtr node)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_text(p, node, &p->def->description);
}

/* A memory element with these attributes: its size in KiB. */
static int
memory_element(struct parse *p, xmlNodePtr node, const char *const *attrs,
               unsigned long long *kib)
{
    xmlChar *text, *unit;
    int rc;

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    text = xmlNodeGetContent(node);
    unit = xmlGetNoNsProp(node, (const xmlChar *)"unit");
    rc = domain_def_parse_memory((const char *)text, (const char *)unit,
                                 xml_read_node_name(node), kib, p->err);
    xmlFree(unit);
    xmlFree(text);
    return rc;
}

int
xml_read_memory(struct parse *p, xmlNodePtr node, unsigned long long *kib)
{
    static const char *const attrs[] = { "unit", NULL };

    return memory_element(p, node, attrs, kib);
}

/* <memory>, and whether the guest's memory goes into its core dumps. */
static int
parse_memory(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "unit", "dumpCore", NULL };

    if (memory_element(p, node, attrs, &p->def->memory_kib) < 0)
        return -1;
    return xml_read_tristate(p, node, "dumpCore", xml_read_on_off,
                             &p->def->memory_dump_core);
}

/* <maxMemory slots='N'>: the ceiling memory devices may raise the guest
 * to. */
static int
parse_max_memory(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "slots", "unit", NULL };
    unsigned long slots;
    xmlChar *text, *unit;
    int rc;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_uint_attr(p, node, "slots", 0xffffffffUL, &slots) < 0)
        return -1;
    p->def->max_memory_slots = (unsigned int)slots;
    text = xmlNodeGetContent(node);
    unit = xmlGetNoNsProp(node, (const xmlChar *)"unit");
    rc = domain_def_parse_memory((const char *)text, (const char *)unit,
                                 "maxMemory", &p->def->max_memory_kib,
                                 p->err);
    xmlFree(unit);
    xmlFree(text);
    return rc;
}

static int
parse_current_memory(struct parse *p, xmlNodePtr node)
{
    return xml_read_memory(p, node, &p->def->current_memory_kib);
}

static int
parse_vcpu(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "placement", "current", NULL };
    xmlChar *text, *placement;
    unsigned long n = 0, current;
    bool is_ok;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_uint_attr(p, node, "current", MAX_VCPUS, &current) < 0)
        return -1;
    placement = xmlGetNoNsProp(node, (const xmlChar *)"placement");
    is_ok = placement == NULL || strcmp((const char *)placement, "static") == 0;
    if (!is_ok)
        xml_read_unsupported_value(p, node, "placement",
                                   (const char *)placement);
    xmlFree(placement);
    if (!is_ok)
        return -1;
    text = xmlNodeGetContent(node);
    is_ok = xml_read_uint((const char *)text, MAX_VCPUS, &n) && n >= 1;
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid vcpu count '%s': must be an integer from 1 to %d",
                  (const char *)text, MAX_VCPUS);
    xmlFree(text);
    if (!is_ok)
        return -1;
    p->def->vcpus = (unsigned int)n;
    if (current > n)
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "maximum vCPU count must not be less than current "
                         "vCPU count");
    /* libvirt writes current only when some are offline. */
    p->def->vcpus_current = current < n ? (unsigned int)current : 0;
    return 0;
}

static int
lifecycle(struct parse *p, xmlNodePtr node, int *action)
{
    xmlChar *text;

    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    text = xmlNodeGetContent(node);
    *action = domain_lifecycle_action_from_string((const char *)text);
    if (*action < 0)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "invalid value '%s' for <%s>",
                  text != NULL ? (const char *)text : "",
                  xml_read_node_name(node));
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
    return xml_read_preserve(p, node, 1, &p->def->extras, &p->def->n_extras);
}

static const struct handler domain_handlers[] = {
    { "name",          parse_name,           true },
    { "uuid",          parse_uuid,           true },
    { "title",         parse_title,          true },
    { "description",   parse_description,    true },
    { "memory",        parse_memory,         true },
    { "maxMemory",     parse_max_memory,     true },
    { "currentMemory", parse_current_memory, true },
    { "vcpu",          parse_vcpu,           true },
    { "os",            parse_os,             true },
    { "on_poweroff",   parse_on_poweroff,    true },
    { "on_reboot",     parse_on_reboot,      true },
    { "on_crash",      parse_on_crash,       true },
    { "features",      domain_xml_features_parse, true },
    { "cpu",           domain_xml_cpu_parse,      true },
    { "clock",         domain_xml_clock_parse,    true },
    { "pm",            domain_xml_pm_parse,       true },
    { "devices",       domain_xml_devices_parse,  true },
    { "memtune",       domain_xml_memtune_parse,  true },
    { "iothreads",     domain_xml_iothreads_parse,   true },
    { "iothreadids",   domain_xml_iothreadids_parse, true },
    { "cputune",       domain_xml_cputune_parse,     true },
    { "numatune",      domain_xml_numatune_parse,    true },
    { "blkiotune",     domain_xml_blkiotune_parse, true },
    { "perf",          domain_xml_perf_parse,     true },
};

/* ---- <domain> --------------------------------------------------------- */

/* libvirt's virDomainVirtType, "none" included: its parser takes every
 * one, and leaves it to the driver to refuse what it cannot run. */
static const char *const virt_types[] = {
    "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test",
    "vmware", "hyperv", "vbox", "phyp", "vz", "bhyve", "hvf", NULL,
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
                     root != NULL ? xml_read_node_name(root) : "");
}

static int
parse_root(struct parse *p, xmlNodePtr root)
{
    static const char *const attrs[] = { "type", "id", NULL };

    if (root == NULL || !xml_read_is_named(root, "domain"))
        return wrong_root(p, root);
    if (xml_read_attr(p, root, "type", &p->def->virt_type) < 0)
        return -1;
    if (p->def->virt_type == NULL)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "missing domain type attribute");
    if (!xml_read_is_one_of(p->def->virt_type, virt_types))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "invalid domain type %s", p->def->virt_type);
    /* id describes a running domain; the daemon assigns its own. */
    return xml_read_check_attrs(p, root, attrs);
}

/* libvirt keeps the coredump actions for a crash. */
static int
check_lifecycle_actions(struct parse *p)
{
    static const char *const events[] = { "poweroff", "reboot" };
    const int actions[] = { p->def->on_poweroff, p->def->on_reboot };

    for (int i = 0; i < 2; i++)
        if (actions[i] == DOMAIN_ACTION_COREDUMP_DESTROY ||
            actions[i] == DOMAIN_ACTION_COREDUMP_RESTART)
            return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN, "Lifecycle event '%s' doesn't "
                             "support '%s' action", events[i],
                             domain_lifecycle_action_to_string(actions[i]));
    return 0;
}

/* <memory> is the guest's whole memory, memory devices included. Without
 * it, the guest NUMA nodes and the memory devices make it up. */
static int
settle_memory(struct parse *p)
{
    struct domain_def *def = p->def;
    unsigned long long numa_kib = 0;

    /* libvirt treats 0 as "not given". */
    if (def->memory_kib == 0)
        for (int i = 0; i < def->n_numa_cells; i++)
            numa_kib += def->numa_cells[i].memory_kib;
    if (numa_kib > 0)
        def->memory_kib = numa_kib + p->memdev_kib;
    else if (p->memdev_kib > def->memory_kib)
        return xml_read_fail(p, "Total size of memory devices exceeds the "
                             "total memory size");
    if (def->memory_kib - p->memdev_kib == 0)
        return xml_read_fail(p, "Memory size must be specified via <memory> or "
                           "in the <numa> configuration");
    if (def->current_memory_kib == 0 ||
        def->current_memory_kib > def->memory_kib)
        def->current_memory_kib = def->memory_kib;
    if ((def->max_memory_kib > 0) != (def->max_memory_slots > 0))
        return xml_read_fail(p, "both maximum memory size and memory slot "
                             "count must be specified");
    if (def->max_memory_kib > 0 && def->max_memory_kib < def->memory_kib)
        return xml_read_fail(p, "maximum memory size must be equal or "
                             "greater than the actual memory size");
    return 0;
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
    if (settle_memory(p) < 0)
        return -1;
    if (def->os_type == NULL || def->os_type[0] == '\0')
        return xml_read_fail(p, "an os <type> must be specified");
    return check_lifecycle_actions(p);
}

static int
parse_domain(struct parse *p, xmlNodePtr root)
{
    bool has_uuid = false;

    if (parse_root(p, root) < 0)
        return -1;
    p->def->vcpus = 1;
    p->def->bootmenu_timeout_ms = -1;
    p->def->on_poweroff = DOMAIN_ACTION_DESTROY;
    p->def->on_reboot = DOMAIN_ACTION_RESTART;
    p->def->on_crash = DOMAIN_ACTION_DESTROY;
    if (xml_read_children(p, root, domain_handlers,
             sizeof(domain_handlers) / sizeof(domain_handlers[0]),
             preserve_domain) < 0 || validate(p) < 0 ||
        domain_xml_postparse(p) < 0)
        return -1;
    for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xml_read_is_named(c, "uuid"))
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
    bool                    is_refused;
    struct xml_syntax_error syntax;    /* the first fatal error */
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

/* libxml2's structured error channel: userData is the parser context. */
static void
on_error(void *user_data, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user_data;
    struct guard *guard = ctxt->_private;

    xml_syntax_error_capture(&guard->syntax, ctxt, e);
}

xmlDocPtr
xml_read_document(const char *xml, size_t len, const char *doc_name,
                  struct vireo_error *err)
{
    const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING |
                        XML_PARSE_NOERROR;
    struct guard guard = { .is_refused = false };
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
    ctxt->sax->serror = on_error;
    doc = xmlCtxtReadMemory(ctxt, xml, (int)len, doc_name, NULL, options);
    if (guard.is_refused || (doc != NULL && doc->intSubset != NULL &&
                             doc->intSubset->children != NULL)) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN, "%s",
                  "a <!DOCTYPE> with an internal subset or external "
                  "identifier (entity declarations) is not allowed");
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc == NULL) {
        xml_syntax_error_report(&guard.syntax, ctxt, doc_name,
                                VIR_FROM_DOMAIN, err);
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

struct domain_def *
domain_def_parse(const char *xml, struct vireo_error *err)
{
    return domain_def_parse_flags(xml, 0, err);
}

struct domain_def *
domain_def_parse_flags(const char *xml, unsigned parse_flags,
                       struct vireo_error *err)
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
    doc = xml_read_document(xml, len, DOC_NAME, err);
    if (doc == NULL)
        return NULL;
    /* libvirt validates the well-formed document before reading it. */
    if ((parse_flags & DOMAIN_DEF_PARSE_VALIDATE) != 0 &&
        domain_xml_validate(doc, err) < 0) {
        xmlFreeDoc(doc);
        return NULL;
    }
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
