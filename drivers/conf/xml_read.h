/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_read.h: the reading toolkit the domain XML parser is built from:
 * one parse's context, attribute and text readers that set libvirt's
 * errors, the walk over an element's children with a handler table, and
 * the preservation of elements we do not interpret.
 *
 * Every function works on one struct parse, owned by the thread parsing;
 * those returning int give 0, or -1 with p->err set.
 */
#ifndef VIREO_CONF_XML_READ_H
#define VIREO_CONF_XML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"

/* One parse in progress. */
struct parse {
    struct domain_def  *def;
    struct vireo_error *err;
    xmlDocPtr           scratch;   /* holds copies of preserved elements */
    bool                is_unsupported; /* err says the typed model cannot
                                         * hold something (set by the
                                         * xml_read_unsupported_* family) */
    struct domain_device_info *info; /* of the device being read, for
                                      * <alias>, <boot>, <address> */
    unsigned long long memdev_kib;   /* the sizes of the <memory> devices
                                      * read so far */
};

typedef int (*element_fn)(struct parse *p, xmlNodePtr node);

/* An element we interpret, and whether it may appear only once. */
struct handler {
    const char *name;
    element_fn  fn;
    bool        is_singleton;
};

/* An empty attribute list, for elements that take none. */
extern const char *const xml_read_no_attrs[];

/* Errors. The unsupported family (VIR_ERR_CONFIG_UNSUPPORTED) says that
 * the typed model cannot hold something libvirt may well accept: a caller
 * that can preserve the element whole does so (xml_read_or_preserve). */
int  xml_read_fail(struct parse *p, const char *what);   /* VIR_ERR_XML_ERROR */
int  xml_read_no_memory(struct parse *p);
int  xml_read_unsupported_child(struct parse *p, xmlNodePtr parent,
                                xmlNodePtr child);
int  xml_read_unsupported_value(struct parse *p, xmlNodePtr node,
                                const char *attr, const char *value);
/* A second copy of an element that may appear once. */
int  xml_read_duplicate(struct parse *p, xmlNodePtr parent, xmlNodePtr node);

/* Element in no namespace with this name: a namespaced <x:name> is someone
 * else's element and is preserved, not interpreted. */
bool xml_read_is_named(xmlNodePtr node, const char *name);
const char *xml_read_node_name(xmlNodePtr node);

/* An attribute's value as a malloc'd string, or NULL in *out when absent. */
int  xml_read_attr(struct parse *p, xmlNodePtr node, const char *name,
                   char **out);
/* The element's text content as a malloc'd string ("" when empty). */
int  xml_read_text(struct parse *p, xmlNodePtr node, char **out);
/* Refuse attributes outside `allowed` (NULL-terminated), as unsupported;
 * those libvirt's schema does not allow on the element, libvirt ignores,
 * and so do we. */
int  xml_read_check_attrs(struct parse *p, xmlNodePtr node,
                          const char *const *allowed);
/* A leaf: only the given attributes, text or nothing, never elements
 * (but for the ignored ones, as below). */
int  xml_read_leaf(struct parse *p, xmlNodePtr node, const char *const *attrs);

bool xml_read_is_one_of(const char *value, const char *const *set);
/* Room for one more element, the new slot zeroed. NULL on OOM, leaving the
 * old array intact. */
void *xml_read_grow(void *array, int n, size_t size);
/* A non-negative decimal int up to max, surrounding whitespace allowed. */
bool xml_read_uint(const char *text, unsigned long max, unsigned long *out);
/* A whole non-negative decimal within an unsigned int, as libvirt reads
 * one (strtoul's syntax, nothing after the digits). */
bool xml_read_strict_uint(const char *text, unsigned int *out);

/* Append node to *extras: its name (NULL when it is in a namespace) and
 * its serialisation as libvirt writes it (xml_write.h; <metadata> as
 * libxml2 writes it, as libvirt does), for output at nesting `level` (1
 * under <domain>, 2 under <devices> or <os>). What libvirt ignores is
 * left out: the node itself when it is an ignored child, else the
 * attributes and children inside it that libvirt's schema does not allow
 * there. */
int  xml_read_preserve(struct parse *p, xmlNodePtr node, int level,
                       struct domain_extra **extras, int *n_extras);

/* Parse node with fn. When fn fails because node holds something the typed
 * model cannot (p->is_unsupported), undo(p) (unless NULL: fn fills in
 * nothing before it can fail that way) takes back what fn filled in,
 * and node is preserved whole in *extras (at nesting `level`), with the
 * reason in its `why`; the parse goes on. Any other failure is returned. */
int  xml_read_or_preserve(struct parse *p, xmlNodePtr node, element_fn fn,
                          void (*undo)(struct parse *p), int level,
                          struct domain_extra **extras, int *n_extras);

/* An attribute that must be yes or no, into an enum domain_tristate
 * (ABSENT when missing). A value libvirt refuses is VIR_ERR_XML_ERROR. */
int  xml_read_tristate(struct parse *p, xmlNodePtr node, const char *name,
                       const char *const words[2], int *out);
extern const char *const xml_read_yes_no[2];
extern const char *const xml_read_on_off[2];

/* An attribute holding a non-negative integer up to max, 0 when absent;
 * anything else is VIR_ERR_XML_ERROR naming it. */
int  xml_read_uint_attr(struct parse *p, xmlNodePtr node, const char *name,
                        unsigned long max, unsigned long *out);

/* The children every device may have, filling p->info: <alias> (user
 * aliases only, as libvirt keeps on define), <boot order>, <address>. */
int  xml_read_info_alias(struct parse *p, xmlNodePtr node);
int  xml_read_info_boot(struct parse *p, xmlNodePtr node);
int  xml_read_info_address(struct parse *p, xmlNodePtr node);
#define XML_READ_INFO_HANDLERS                       \
    { "alias",   xml_read_info_alias,   true },      \
    { "boot",    xml_read_info_boot,    true },      \
    { "address", xml_read_info_address, true }

/* Define `name`, a <devices> child handler that runs parse_fn on the
 * device and keeps the device whole (undo_fn taking back what parse_fn
 * filled in) when it holds more than its fields. */
#define XML_READ_TYPED_DEVICE(name, parse_fn, undo_fn)                      \
    int                                                                     \
    name(struct parse *p, xmlNodePtr node)                                  \
    {                                                                       \
        return xml_read_or_preserve(p, node, parse_fn, undo_fn, 2,          \
                                    &p->def->device_extras,                 \
                                    &p->def->n_device_extras);              \
    }

/* Parse a whole document as the domain XML parser does (no network, no
 * entity declarations), naming it doc_name in a syntax error
 * (VIR_ERR_XML_DETAIL, libvirt's layout). NULL with err set on failure;
 * the caller frees the document. Any thread. */
xmlDocPtr xml_read_document(const char *xml, size_t len, const char *doc_name,
                            struct vireo_error *err);

/* node as libxml2 serialises it at level, indented (how libvirt writes
 * <metadata>, which it keeps as a libxml2 tree); malloc'd, or NULL when
 * memory is short. */
char *xml_read_dump(xmlDocPtr doc, xmlNodePtr node, int level);

/* A memory element's value with libvirt's units (its unit attribute), in
 * KiB (domain_def_parse_memory). */
int  xml_read_memory(struct parse *p, xmlNodePtr node,
                     unsigned long long *kib);

/* child is an element libvirt's parser never reads: one its schema does
 * not allow inside parent (a namespaced element is never one). */
bool xml_read_is_ignored_child(xmlNodePtr parent, xmlNodePtr child);

/* A handler for children a typed element cannot hold: unsupported, but
 * for the ignored ones, which it skips. */
int  xml_read_refuse_child(struct parse *p, xmlNodePtr node);

/* Call the handler for each element child of parent that has one, refusing
 * a second singleton; hand the others to `other` (preserve or refuse). */
int  xml_read_children(struct parse *p, xmlNodePtr parent,
                       const struct handler *handlers, size_t n_handlers,
                       element_fn other);

/* The parts of the document, each in its own file. */
int  domain_xml_devices_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_features_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_cpu_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_clock_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_pm_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_interface_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_chardev_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_graphics_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_video_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_input_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_memballoon_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_rng_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_redirdev_parse(struct parse *p, xmlNodePtr node);
int  domain_xml_smartcard_parse(struct parse *p, xmlNodePtr node);

/* Give each smartcard its CCID address and add, through add_controller,
 * the CCID controllers those addresses name (domain_xml_smartcard.c). */
int  domain_xml_smartcards_settle(struct parse *p,
                                  int (*add_controller)(struct parse *p,
                                                        const char *type,
                                                        int index));

/* What libvirt fills in or rewrites in an element kept verbatim (a
 * <filesystem>'s defaults ...), applied to the kept copy `node` of
 * nesting `level`, in domain_xml_kept_defaults.c: 0, or -1 with p->err
 * set. */
int  domain_xml_kept_defaults(struct parse *p, xmlNodePtr node, int level);

/* What libvirt refuses in a device kept verbatim (a <sound> model ...),
 * in domain_xml_kept_checks.c: 0, or -1 with p->err set. */
int  domain_xml_check_kept_device(struct parse *p, xmlNodePtr node);

/* What libvirt settles once the whole document is read, in
 * domain_xml_postparse.c: 0, or -1 with p->err set. */
int  domain_xml_postparse(struct parse *p);

#endif /* VIREO_CONF_XML_READ_H */
