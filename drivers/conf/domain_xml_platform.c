/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_platform.c: the machine around the devices: <features>,
 * <cpu>, <clock> and <pm>. Children of <features> and <cpu> that vireo
 * does not type are preserved in their lists; a <cpu> or <clock> holding
 * anything else is preserved whole (see domain_def.h), as are features
 * vireo types but that carry more than it holds (<apic eoi='on'/>).
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

/* ---- <features> ------------------------------------------------------- */

static int
feature_flag(struct parse *p, xmlNodePtr node, bool *flag)
{
    if (xml_read_leaf(p, node, xml_read_no_attrs) < 0)
        return -1;
    *flag = true;
    return 0;
}

static int
feature_acpi(struct parse *p, xmlNodePtr node)
{
    return feature_flag(p, node, &p->def->has_acpi);
}

static int
feature_apic(struct parse *p, xmlNodePtr node)
{
    return feature_flag(p, node, &p->def->has_apic);
}

static int
feature_pae(struct parse *p, xmlNodePtr node)
{
    return feature_flag(p, node, &p->def->has_pae);
}

static int
feature_vmport(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "state", NULL };

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_tristate(p, node, "state", xml_read_on_off,
                          &p->def->vmport) < 0)
        return -1;
    return 0;
}

static int
hyperv_child(struct parse *p, xmlNodePtr node)
{
    return xml_read_preserve(p, node, 3, &p->def->hyperv_children,
                             &p->def->n_hyperv_children);
}

/* <hyperv>: its mode (libvirt writes 'custom' when none is given) and its
 * enlightenments, kept verbatim for the formatter to put in libvirt's
 * order. */
static int
feature_hyperv(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "mode", NULL };
    static const char *const modes[] = { "custom", "passthrough", NULL };
    struct domain_def *def = p->def;

    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "mode", &def->hyperv_mode) < 0)
        return -1;
    if (def->hyperv_mode == NULL &&
        (def->hyperv_mode = strdup("custom")) == NULL)
        return xml_read_no_memory(p);
    if (!xml_read_is_one_of(def->hyperv_mode, modes))
        return xml_read_unsupported_value(p, node, "mode", def->hyperv_mode);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && hyperv_child(p, c) < 0)
            return -1;
    return 0;
}

static void
undo_hyperv(struct parse *p)
{
    struct domain_def *def = p->def;

    free(def->hyperv_mode);
    def->hyperv_mode = NULL;
    for (int i = 0; i < def->n_hyperv_children; i++) {
        free(def->hyperv_children[i].name);
        free(def->hyperv_children[i].xml);
        free(def->hyperv_children[i].why);
    }
    free(def->hyperv_children);
    def->hyperv_children = NULL;
    def->n_hyperv_children = 0;
}

/* Nothing to take back: a typed feature fails before it sets its flag. */
static void
undo_nothing(struct parse *p)
{
    (void)p;
}

static int
preserve_feature(struct parse *p, xmlNodePtr node)
{
    return xml_read_preserve(p, node, 2, &p->def->feature_extras,
                             &p->def->n_feature_extras);
}

static const struct {
    const char *name;
    element_fn  fn;
    void      (*undo)(struct parse *p);
} typed_features[] = {
    { "acpi", feature_acpi, undo_nothing },
    { "apic", feature_apic, undo_nothing },
    { "pae", feature_pae, undo_nothing },
    { "vmport", feature_vmport, undo_nothing },
    { "hyperv", feature_hyperv, undo_hyperv },
};

/* A typed feature that holds more than its field is kept verbatim. One
 * libvirt does not know (its schema has no such child of <features>) it
 * refuses. */
static int
parse_feature(struct parse *p, xmlNodePtr node)
{
    if (xml_read_is_ignored_child(node->parent, node))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unexpected feature '%s'", xml_read_node_name(node));
    for (size_t i = 0; i < N_OF(typed_features); i++)
        if (xml_read_is_named(node, typed_features[i].name))
            return xml_read_or_preserve(p, node, typed_features[i].fn,
                                        typed_features[i].undo, 2,
                                        &p->def->feature_extras,
                                        &p->def->n_feature_extras);
    return preserve_feature(p, node);
}

int
domain_xml_features_parse(struct parse *p, xmlNodePtr node)
{
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        for (xmlNodePtr e = node->children; e != c; e = e->next)
            if (e->type == XML_ELEMENT_NODE &&
                xmlStrEqual(e->name, c->name) && e->ns == c->ns)
                return xml_read_duplicate(p, node, c);
        if (parse_feature(p, c) < 0)
            return -1;
    }
    return 0;
}

/* ---- <cpu> ------------------------------------------------------------ */

static int
cpu_model(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "fallback", NULL };
    static const char *const fallbacks[] = { "allow", "forbid", NULL };
    struct domain_def *def = p->def;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "fallback", &def->cpu_model_fallback) < 0 ||
        xml_read_text(p, node, &def->cpu_model) < 0)
        return -1;
    if (def->cpu_model_fallback != NULL &&
        !xml_read_is_one_of(def->cpu_model_fallback, fallbacks))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid fallback attribute");
    return 0;
}

static int
cpu_topology(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "sockets", "dies", "cores",
                                         "threads", NULL };
    static const char *const names[] = { "sockets", "dies", "cores",
                                         "threads" };
    struct domain_def *def = p->def;
    unsigned int *fields[] = { &def->cpu_sockets, &def->cpu_dies,
                               &def->cpu_cores, &def->cpu_threads };

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    for (size_t i = 0; i < N_OF(names); i++) {
        unsigned long v;

        if (xml_read_uint_attr(p, node, names[i], 65535, &v) < 0)
            return -1;
        /* libvirt's default for a missing count is one. */
        *fields[i] = v == 0 ? 1 : (unsigned int)v;
    }
    return 0;
}

/* One <cell>: libvirt numbers the cells in order, so an id, when given,
 * must be the cell's position here (others keep the <cpu> whole). */
static int
numa_cell(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "id", "cpus", "memory", "unit",
                                         NULL };
    struct domain_def *def = p->def;
    struct domain_numa_cell *cell;
    unsigned long id;
    xmlChar *memory, *unit;
    int rc;

    if (!xml_read_is_named(node, "cell"))
        return xml_read_unsupported_child(p, node->parent, node);
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_uint_attr(p, node, "id", 65535, &id) < 0)
        return -1;
    if (xmlHasProp(node, (const xmlChar *)"id") != NULL &&
        id != (unsigned long)def->n_numa_cells)
        return xml_read_unsupported_value(p, node, "id", "out of order");
    cell = xml_read_grow(def->numa_cells, def->n_numa_cells, sizeof(*cell));
    if (cell == NULL)
        return xml_read_no_memory(p);
    def->numa_cells = cell;
    cell = &cell[def->n_numa_cells++];
    if (xml_read_attr(p, node, "cpus", &cell->cpus) < 0)
        return -1;
    if (cell->cpus == NULL)
        return xml_read_fail(p, "Missing 'cpus' attribute in NUMA cell");
    memory = xmlGetNoNsProp(node, (const xmlChar *)"memory");
    unit = xmlGetNoNsProp(node, (const xmlChar *)"unit");
    rc = memory == NULL
         ? xml_read_fail(p, "Missing 'memory' attribute for NUMA cell")
         : domain_def_parse_memory((const char *)memory, (const char *)unit,
                                   "memory", &cell->memory_kib, p->err);
    xmlFree(unit);
    xmlFree(memory);
    return rc;
}

static int
cpu_numa(struct parse *p, xmlNodePtr node)
{
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && numa_cell(p, c) < 0)
            return -1;
    return 0;
}

static int
preserve_cpu_child(struct parse *p, xmlNodePtr node)
{
    return xml_read_preserve(p, node, 2, &p->def->cpu_extras,
                             &p->def->n_cpu_extras);
}

static const struct handler cpu_handlers[] = {
    { "model",    cpu_model,    true },
    { "topology", cpu_topology, true },
    { "numa",     cpu_numa,     true },
};

static int
cpu_attrs(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "mode", "match", "check",
                                         "migratable", NULL };
    static const char *const modes[] = { "custom", "host-model",
                                         "host-passthrough", "maximum",
                                         NULL };
    struct domain_def *def = p->def;

    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "mode", &def->cpu_mode) < 0 ||
        xml_read_attr(p, node, "match", &def->cpu_match) < 0 ||
        xml_read_attr(p, node, "check", &def->cpu_check) < 0 ||
        xml_read_attr(p, node, "migratable", &def->cpu_migratable) < 0)
        return -1;
    if (def->cpu_mode != NULL && !xml_read_is_one_of(def->cpu_mode, modes))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "Invalid mode attribute '%s'", def->cpu_mode);
    return 0;
}

/* libvirt's defaults: a mode-less <cpu> is custom; a custom CPU matches
 * exactly and may fall back; migratable is for host-passthrough and
 * maximum only. */
static int
cpu_defaults(struct parse *p)
{
    struct domain_def *def = p->def;
    bool is_custom;

    if (def->cpu_mode == NULL && (def->cpu_mode = strdup("custom")) == NULL)
        return xml_read_no_memory(p);
    is_custom = strcmp(def->cpu_mode, "custom") == 0;
    if (def->cpu_migratable != NULL &&
        strcmp(def->cpu_mode, "host-passthrough") != 0 &&
        strcmp(def->cpu_mode, "maximum") != 0)
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "Attribute migratable is only allowed for "
                         "'host-passthrough' / 'maximum' CPU mode");
    if (is_custom && def->cpu_model != NULL && def->cpu_match == NULL &&
        (def->cpu_match = strdup("exact")) == NULL)
        return xml_read_no_memory(p);
    if (def->cpu_model != NULL && def->cpu_model_fallback == NULL &&
        (def->cpu_model_fallback = strdup("allow")) == NULL)
        return xml_read_no_memory(p);
    return 0;
}

static int
parse_cpu(struct parse *p, xmlNodePtr node)
{
    if (cpu_attrs(p, node) < 0 ||
        xml_read_children(p, node, cpu_handlers, N_OF(cpu_handlers),
                          preserve_cpu_child) < 0)
        return -1;
    return cpu_defaults(p);
}

static void
undo_cpu(struct parse *p)
{
    domain_def_clear_cpu(p->def);
}

int
domain_xml_cpu_parse(struct parse *p, xmlNodePtr node)
{
    return xml_read_or_preserve(p, node, parse_cpu, undo_cpu, 1,
                                &p->def->extras, &p->def->n_extras);
}

/* ---- <clock> ---------------------------------------------------------- */

static int
clock_timer(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", "present", "tickpolicy",
                                         "track", NULL };
    static const char *const names[] = { "platform", "pit", "rtc", "hpet",
                                         "tsc", "kvmclock", "hypervclock",
                                         "armvtimer", NULL };
    struct domain_def *def = p->def;
    struct domain_timer *t;

    t = xml_read_grow(def->timers, def->n_timers, sizeof(*t));
    if (t == NULL)
        return xml_read_no_memory(p);
    def->timers = t;
    t = &t[def->n_timers++];
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "name", &t->name) < 0 ||
        xml_read_tristate(p, node, "present", xml_read_yes_no,
                          &t->present) < 0 ||
        xml_read_attr(p, node, "tickpolicy", &t->tickpolicy) < 0 ||
        xml_read_attr(p, node, "track", &t->track) < 0)
        return -1;
    if (t->name == NULL)
        return xml_read_fail(p, "missing timer name");
    if (!xml_read_is_one_of(t->name, names))
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Invalid value for attribute 'name' in element "
                         "'timer': '%s'.", t->name);
    return 0;
}

static const struct handler clock_handlers[] = {
    { "timer", clock_timer, false },
};

/* libvirt turns a local offset with an adjustment into a variable one
 * based on local time, and gives a variable offset its defaults. */
static int
clock_defaults(struct parse *p)
{
    struct domain_def *def = p->def;
    char *basis = NULL;

    if (def->clock_offset == NULL &&
        (def->clock_offset = strdup("utc")) == NULL)
        return xml_read_no_memory(p);
    if (def->clock_adjustment != NULL &&
        strcmp(def->clock_adjustment, "reset") != 0 &&
        strcmp(def->clock_offset, "variable") != 0) {
        basis = def->clock_offset;
        def->clock_offset = strdup("variable");
        if (def->clock_offset == NULL) {
            def->clock_offset = basis;
            return xml_read_no_memory(p);
        }
        free(def->clock_basis);
        def->clock_basis = basis;
    }
    if (strcmp(def->clock_offset, "variable") != 0)
        return 0;
    if (def->clock_adjustment == NULL &&
        (def->clock_adjustment = strdup("0")) == NULL)
        return xml_read_no_memory(p);
    if (def->clock_basis == NULL && (def->clock_basis = strdup("utc")) == NULL)
        return xml_read_no_memory(p);
    return 0;
}

static int
parse_clock(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "offset", "adjustment", "basis",
                                         "timezone", NULL };
    static const char *const offsets[] = { "utc", "localtime", "variable",
                                           "timezone", NULL };
    struct domain_def *def = p->def;

    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "offset", &def->clock_offset) < 0 ||
        xml_read_attr(p, node, "adjustment", &def->clock_adjustment) < 0 ||
        xml_read_attr(p, node, "basis", &def->clock_basis) < 0 ||
        xml_read_attr(p, node, "timezone", &def->clock_timezone) < 0)
        return -1;
    if (def->clock_offset != NULL &&
        !xml_read_is_one_of(def->clock_offset, offsets))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unknown clock offset '%s'", def->clock_offset);
    if (xml_read_children(p, node, clock_handlers, N_OF(clock_handlers),
                          xml_read_refuse_child) < 0)
        return -1;
    return clock_defaults(p);
}

static void
undo_clock(struct parse *p)
{
    domain_def_clear_clock(p->def);
}

int
domain_xml_clock_parse(struct parse *p, xmlNodePtr node)
{
    return xml_read_or_preserve(p, node, parse_clock, undo_clock, 1,
                                &p->def->extras, &p->def->n_extras);
}

/* ---- <pm> ------------------------------------------------------------- */

static int
pm_state(struct parse *p, xmlNodePtr node, int *state)
{
    static const char *const attrs[] = { "enabled", NULL };

    if (xml_read_leaf(p, node, attrs) < 0)
        return -1;
    return xml_read_tristate(p, node, "enabled", xml_read_yes_no, state);
}

static int
pm_mem(struct parse *p, xmlNodePtr node)
{
    return pm_state(p, node, &p->def->pm_suspend_to_mem);
}

static int
pm_disk(struct parse *p, xmlNodePtr node)
{
    return pm_state(p, node, &p->def->pm_suspend_to_disk);
}

static const struct handler pm_handlers[] = {
    { "suspend-to-mem",  pm_mem,  true },
    { "suspend-to-disk", pm_disk, true },
};

static int
parse_pm(struct parse *p, xmlNodePtr node)
{
    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_children(p, node, pm_handlers, N_OF(pm_handlers),
                             xml_read_refuse_child);
}

static void
undo_pm(struct parse *p)
{
    p->def->pm_suspend_to_mem = DOMAIN_TRISTATE_ABSENT;
    p->def->pm_suspend_to_disk = DOMAIN_TRISTATE_ABSENT;
}

int
domain_xml_pm_parse(struct parse *p, xmlNodePtr node)
{
    return xml_read_or_preserve(p, node, parse_pm, undo_pm, 1,
                                &p->def->extras, &p->def->n_extras);
}
