/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune_pin.c: <iothreads>, <iothreadids>, <cputune> and
 * <numatune> read and written as libvirt's domain_conf.c and numa_conf.c
 * do, with their words for what they refuse. Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/cpuset.h"
#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_tune_pin.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define PIN(p) (&(p)->def->pin)

/* The canonical text of attribute attr's value text, refused when
 * unreadable or empty. */
static int
canonical(struct parse *p, const char *attr, const char *text, char **out)
{
    bool is_empty = false;

    *out = cpuset_canonical(text, VIR_FROM_DOMAIN, &is_empty, p->err);
    if (*out != NULL && is_empty) {
        error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                  "Invalid value of '%s': %s", attr, text);
        free(*out);
        *out = NULL;
    }
    return *out != NULL ? 0 : -1;
}

/* A pin's cpuset attribute, refused when missing (`missing` is libvirt's
 * message, with its code). */
static int
read_cpuset(struct parse *p, xmlNodePtr node, int missing_code,
            const char *missing, char **out)
{
    char *text;
    int rc;

    if (xml_read_attr(p, node, "cpuset", &text) < 0)
        return -1;
    if (text == NULL)
        return error_set(p->err, missing_code, VIR_FROM_DOMAIN, "%s",
                         missing);
    rc = canonical(p, "cpuset", text, out);
    free(text);
    return rc;
}

/* An attribute holding a number up to max, in libvirt's words when it
 * does not (virXMLPropUInt and virXMLPropInt: `expected` says what it
 * wanted). *is_present tells whether it was there. */
static int
read_number(struct parse *p, xmlNodePtr node, const char *attr,
            unsigned long max, const char *expected, unsigned long *out,
            bool *is_present)
{
    char *text;
    bool is_ok;

    *out = 0;
    if (xml_read_attr(p, node, attr, &text) < 0)
        return -1;
    *is_present = text != NULL;
    if (text == NULL)
        return 0;
    is_ok = xml_read_uint(text, max, out);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute '%s' in element '%s': "
                  "'%s'. Expected %s value", attr, xml_read_node_name(node),
                  text, expected);
    free(text);
    return is_ok ? 0 : -1;
}

/* A required unsigned attribute (virXMLPropUInt with
 * VIR_XML_PROP_REQUIRED, and VIR_XML_PROP_NONZERO when is_nonzero). */
static int
read_id(struct parse *p, xmlNodePtr node, const char *attr, bool is_nonzero,
        unsigned int *out)
{
    unsigned long value;
    bool is_present;

    if (read_number(p, node, attr, 0xffffffffUL, "integer", &value,
                    &is_present) < 0)
        return -1;
    if (!is_present)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Missing required attribute '%s' in element '%s'",
                         attr, xml_read_node_name(node));
    if (is_nonzero && value == 0)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid value for attribute '%s' in element "
                         "'%s': Zero is not permitted", attr,
                         xml_read_node_name(node));
    *out = (unsigned int)value;
    return 0;
}

/* ---- <iothreads>, <iothreadids> --------------------------------------- */

int
domain_xml_iothreads_parse(struct parse *p, xmlNodePtr node)
{
    char *text;
    unsigned long n;
    bool is_ok;

    if (xml_read_text(p, node, &text) < 0)
        return -1;
    is_ok = xml_read_uint(text, 0xffffffffUL, &n);
    free(text);
    if (!is_ok)
        return xml_read_fail(p, "failed to parse iothreads");
    PIN(p)->parsed_iothreads = (unsigned int)n;
    return 0;
}

/* A thread pool bound: absent (-1) or a non-negative int. */
static int
read_pool_bound(struct parse *p, xmlNodePtr node, const char *attr, int *out)
{
    unsigned long value;
    bool is_present;

    if (read_number(p, node, attr, 0x7fffffffUL, "non-negative integer",
                    &value, &is_present) < 0)
        return -1;
    *out = is_present ? (int)value : -1;
    return 0;
}

static int
parse_iothread(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "id", "thread_pool_min",
                                         "thread_pool_max", NULL };
    struct domain_iothread *t;
    unsigned int id;
    int min, max;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        read_id(p, node, "id", true, &id) < 0 ||
        read_pool_bound(p, node, "thread_pool_min", &min) < 0 ||
        read_pool_bound(p, node, "thread_pool_max", &max) < 0)
        return -1;
    if (domain_pin_find_iothread(PIN(p), id) != NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "duplicate iothread id '%u' found", id);
    if ((t = domain_pin_add_iothread(PIN(p), id)) == NULL)
        return xml_read_no_memory(p);
    t->thread_pool_min = min;
    t->thread_pool_max = max;
    return 0;
}

int
domain_xml_iothreadids_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "iothread", parse_iothread, false },
    };

    return xml_read_children(p, node, handlers, 1, xml_read_refuse_child);
}

/* libvirt's virDomainIOThreadIDDefArrayInit: the lowest free ids, marked
 * autofill, until there are as many threads as <iothreads> says. */
static int
fill_iothreads(struct parse *p)
{
    struct domain_pin *pin = PIN(p);
    unsigned int next = 1;

    while ((unsigned int)pin->n_iothreads < pin->parsed_iothreads) {
        struct domain_iothread *t;

        while (domain_pin_find_iothread(pin, next) != NULL)
            next++;
        if ((t = domain_pin_add_iothread(pin, next)) == NULL)
            return xml_read_no_memory(p);
        t->is_autofill = true;
    }
    pin->parsed_iothreads = 0;
    return 0;
}

void
domain_xml_iothreads_format(struct format *f)
{
    if (f->def->pin.n_iothreads > 0)
        fprintf(f->out, "  <iothreads>%d</iothreads>\n",
                f->def->pin.n_iothreads);
}

/* Written unless every thread is one libvirt numbered itself. */
static bool
are_iothreadids_shown(const struct domain_pin *pin)
{
    for (int i = 0; i < pin->n_iothreads; i++)
        if (!pin->iothreads[i].is_autofill ||
            pin->iothreads[i].thread_pool_min >= 0 ||
            pin->iothreads[i].thread_pool_max >= 0)
            return true;
    return false;
}

void
domain_xml_iothreadids_format(struct format *f)
{
    const struct domain_pin *pin = &f->def->pin;

    if (!are_iothreadids_shown(pin))
        return;
    fputs("  <iothreadids>\n", f->out);
    for (int i = 0; i < pin->n_iothreads; i++) {
        const struct domain_iothread *t = &pin->iothreads[i];

        fprintf(f->out, "    <iothread id='%u'", t->id);
        if (t->thread_pool_min >= 0)
            fprintf(f->out, " thread_pool_min='%d'", t->thread_pool_min);
        if (t->thread_pool_max >= 0)
            fprintf(f->out, " thread_pool_max='%d'", t->thread_pool_max);
        fputs("/>\n", f->out);
    }
    fputs("  </iothreadids>\n", f->out);
}

/* ---- <cputune> -------------------------------------------------------- */

static int
parse_vcpupin(struct parse *p, xmlNodePtr node)
{
    unsigned int vcpu;
    char *cpuset;

    if (read_id(p, node, "vcpu", false, &vcpu) < 0)
        return -1;
    if (read_cpuset(p, node, VIR_ERR_INTERNAL_ERROR,
                    "missing cpuset for vcpupin", &cpuset) < 0)
        return -1;
    if (domain_pin_vcpu(PIN(p), vcpu) != NULL) {
        free(cpuset);
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "duplicate vcpupin for vcpu '%u'", vcpu);
    }
    if (domain_pin_set_vcpu(PIN(p), vcpu, cpuset) < 0)
        return xml_read_no_memory(p);
    return 0;
}

static int
parse_emulatorpin(struct parse *p, xmlNodePtr node)
{
    if (PIN(p)->emulator_cpuset != NULL)
        return xml_read_fail(p, "only one emulatorpin is supported");
    return read_cpuset(p, node, VIR_ERR_INTERNAL_ERROR,
                       "missing cpuset for emulatorpin",
                       &PIN(p)->emulator_cpuset);
}

/* Noted now, attached once the threads are known (domain_xml_pin_settle). */
static int
parse_iothreadpin(struct parse *p, xmlNodePtr node)
{
    struct domain_pin *pin = PIN(p);
    struct domain_vcpu_pin *grown;
    unsigned int id;
    char *cpuset;

    if (read_id(p, node, "iothread", true, &id) < 0 ||
        read_cpuset(p, node, VIR_ERR_XML_ERROR,
                    "missing cpuset for iothreadpin", &cpuset) < 0)
        return -1;
    grown = xml_read_grow(pin->parsed_iothread_pins,
                          pin->n_parsed_iothread_pins, sizeof(*grown));
    if (grown == NULL) {
        free(cpuset);
        return xml_read_no_memory(p);
    }
    pin->parsed_iothread_pins = grown;
    grown[pin->n_parsed_iothread_pins++] =
        (struct domain_vcpu_pin){ .vcpu = id, .cpuset = cpuset };
    return 0;
}

/* Append node, serialised for its place under <cputune> or <numatune>,
 * to the lines kept in *lines. */
static int
keep_lines(struct parse *p, xmlNodePtr node, char **lines)
{
    struct domain_extra *one = NULL;
    int n = 0;
    size_t old = *lines != NULL ? strlen(*lines) : 0;
    char *grown;
    int rc = -1;

    if (xml_read_preserve(p, node, 2, &one, &n) < 0)
        goto out;
    grown = realloc(*lines, old + strlen(one->xml) + 6);
    if (grown == NULL) {
        xml_read_no_memory(p);
        goto out;
    }
    sprintf(grown + old, "    %s\n", one->xml);
    *lines = grown;
    rc = 0;
out:
    if (one != NULL) {
        free(one->name);
        free(one->xml);
        free(one->why);
    }
    free(one);
    return rc;
}

/* The children libvirt writes before the pins. */
static const char *const cputune_head_names[] = {
    "shares", "period", "quota", "global_period", "global_quota",
    "emulator_period", "emulator_quota", "iothread_period",
    "iothread_quota", NULL,
};

static int
keep_cputune_child(struct parse *p, xmlNodePtr node)
{
    if (node->ns == NULL &&
        xml_read_is_one_of(xml_read_node_name(node), cputune_head_names))
        return keep_lines(p, node, &PIN(p)->cputune_head);
    return keep_lines(p, node, &PIN(p)->cputune_tail);
}

int
domain_xml_cputune_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "vcpupin",     parse_vcpupin,     false },
        { "emulatorpin", parse_emulatorpin, false },
        { "iothreadpin", parse_iothreadpin, false },
    };

    return xml_read_children(p, node, handlers,
                             sizeof(handlers) / sizeof(handlers[0]),
                             keep_cputune_child);
}

static int
attach_iothread_pin(struct parse *p, struct domain_vcpu_pin *noted)
{
    struct domain_iothread *t = domain_pin_find_iothread(PIN(p),
                                                         noted->vcpu);

    if (t == NULL)
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "Cannot find 'iothread' : %u", noted->vcpu);
    if (t->cpuset != NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Duplicate iothreadpin for same iothread '%u'",
                         noted->vcpu);
    t->cpuset = noted->cpuset;
    noted->cpuset = NULL;
    return 0;
}

/* libvirt ignores the pinning of a vCPU the domain does not have. */
static void
drop_missing_vcpu_pins(struct domain_def *def)
{
    struct domain_pin *pin = &def->pin;
    int kept = 0;

    for (int i = 0; i < pin->n_vcpu_pins; i++) {
        if (pin->vcpu_pins[i].vcpu < def->vcpus)
            pin->vcpu_pins[kept++] = pin->vcpu_pins[i];
        else
            free(pin->vcpu_pins[i].cpuset);
    }
    pin->n_vcpu_pins = kept;
}

int
domain_xml_pin_settle(struct parse *p)
{
    struct domain_pin *pin = PIN(p);
    int rc = fill_iothreads(p);

    for (int i = 0; rc == 0 && i < pin->n_parsed_iothread_pins; i++)
        rc = attach_iothread_pin(p, &pin->parsed_iothread_pins[i]);
    for (int i = 0; i < pin->n_parsed_iothread_pins; i++)
        free(pin->parsed_iothread_pins[i].cpuset);
    free(pin->parsed_iothread_pins);
    pin->parsed_iothread_pins = NULL;
    pin->n_parsed_iothread_pins = 0;
    drop_missing_vcpu_pins(p->def);
    return rc;
}

static bool
is_cputune_empty(const struct domain_def *def)
{
    const struct domain_pin *pin = &def->pin;

    for (int i = 0; i < pin->n_iothreads; i++)
        if (pin->iothreads[i].cpuset != NULL)
            return false;
    return pin->n_vcpu_pins == 0 && pin->emulator_cpuset == NULL &&
           pin->cputune_head == NULL && pin->cputune_tail == NULL;
}

void
domain_xml_cputune_format(struct format *f)
{
    const struct domain_pin *pin = &f->def->pin;

    if (is_cputune_empty(f->def))
        return;
    fputs("  <cputune>\n", f->out);
    if (pin->cputune_head != NULL)
        fputs(pin->cputune_head, f->out);
    for (int i = 0; i < pin->n_vcpu_pins; i++)
        if (pin->vcpu_pins[i].vcpu < f->def->vcpus)
            fprintf(f->out, "    <vcpupin vcpu='%u' cpuset='%s'/>\n",
                    pin->vcpu_pins[i].vcpu, pin->vcpu_pins[i].cpuset);
    if (pin->emulator_cpuset != NULL)
        fprintf(f->out, "    <emulatorpin cpuset='%s'/>\n",
                pin->emulator_cpuset);
    for (int i = 0; i < pin->n_iothreads; i++)
        if (pin->iothreads[i].cpuset != NULL)
            fprintf(f->out, "    <iothreadpin iothread='%u' cpuset='%s'/>\n",
                    pin->iothreads[i].id, pin->iothreads[i].cpuset);
    if (pin->cputune_tail != NULL)
        fputs(pin->cputune_tail, f->out);
    fputs("  </cputune>\n", f->out);
}

/* ---- <numatune> ------------------------------------------------------- */

static const char *const placements[] = { "default", "static", "auto",
                                          NULL };

static int
read_placement(struct parse *p, xmlNodePtr node, int *placement)
{
    char *text;

    *placement = -1;
    if (xml_read_attr(p, node, "placement", &text) < 0)
        return -1;
    for (int i = 0; text != NULL && placements[i] != NULL; i++)
        if (strcmp(text, placements[i]) == 0)
            *placement = i;
    if (text != NULL && *placement == -1)
        error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                  "Unsupported NUMA memory placement mode '%s'", text);
    free(text);
    return text != NULL && *placement == -1 ? -1 : 0;
}

static int
read_mode(struct parse *p, xmlNodePtr node, int *mode)
{
    char *text;

    *mode = -1;
    if (xml_read_attr(p, node, "mode", &text) < 0)
        return -1;
    if (text != NULL && (*mode = domain_numa_mode_from_string(text)) < 0)
        error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                  "Unsupported NUMA memory tuning mode '%s'", text);
    free(text);
    return text != NULL && *mode < 0 ? -1 : 0;
}

static int
read_nodeset(struct parse *p, xmlNodePtr node, char **nodeset)
{
    char *text;
    int rc;

    *nodeset = NULL;
    if (xml_read_attr(p, node, "nodeset", &text) < 0)
        return -1;
    if (text == NULL)
        return 0;
    rc = canonical(p, "nodeset", text, nodeset);
    free(text);
    return rc;
}

static int
parse_numa_memory(struct parse *p, xmlNodePtr node)
{
    int mode, placement, rc;
    char *nodeset;

    if (read_mode(p, node, &mode) < 0 ||
        read_placement(p, node, &placement) < 0 ||
        read_nodeset(p, node, &nodeset) < 0)
        return -1;
    rc = domain_pin_set_numa(PIN(p), mode, placement, nodeset, p->err);
    free(nodeset);
    return rc;
}

static int
keep_memnode(struct parse *p, xmlNodePtr node)
{
    return keep_lines(p, node, &PIN(p)->numa_memnodes);
}

/* libvirt reads the first <memory> and the <memnode>s, and nothing else. */
static int
ignore(struct parse *p, xmlNodePtr node)
{
    return 0;
}

int
domain_xml_numatune_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "memory",  parse_numa_memory, true },
        { "memnode", keep_memnode,      false },
    };

    return xml_read_children(p, node, handlers,
                             sizeof(handlers) / sizeof(handlers[0]), ignore);
}

void
domain_xml_numatune_format(struct format *f)
{
    const struct domain_pin *pin = &f->def->pin;

    if (!pin->is_numa_set && pin->numa_memnodes == NULL)
        return;
    fputs("  <numatune>\n", f->out);
    if (pin->is_numa_set) {
        fprintf(f->out, "    <memory mode='%s' ",
                domain_numa_mode_to_string(pin->numa_mode));
        if (pin->numa_placement == DOMAIN_NUMA_PLACEMENT_STATIC)
            fprintf(f->out, "nodeset='%s'/>\n",
                    pin->numa_nodeset != NULL ? pin->numa_nodeset : "");
        else
            fprintf(f->out, "placement='%s'/>\n",
                    placements[pin->numa_placement]);
    }
    if (pin->numa_memnodes != NULL)
        fputs(pin->numa_memnodes, f->out);
    fputs("  </numatune>\n", f->out);
}
