/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_platform_format.c: <features>, <cpu>, <clock> and <pm> as
 * libvirt writes them, with the defaults the parser settled. A <cpu> or
 * <clock> preserved whole is written by the slot of its name instead.
 *
 * Stateless; any thread.
 */
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/xml_write.h"

#define N_SLOTS(table) (sizeof(table) / sizeof(table[0]))

static const char *
tristate_word(int value, const char *yes, const char *no)
{
    return value == DOMAIN_TRISTATE_YES ? yes : no;
}

/* ---- <features> ------------------------------------------------------- */

static void
put_acpi(struct format *f)
{
    if (f->def->has_acpi)
        fputs("    <acpi/>\n", f->out);
}

static void
put_apic(struct format *f)
{
    if (f->def->has_apic)
        fputs("    <apic/>\n", f->out);
}

static void
put_pae(struct format *f)
{
    if (f->def->has_pae)
        fputs("    <pae/>\n", f->out);
}

static void
put_vmport(struct format *f)
{
    if (f->def->vmport != DOMAIN_TRISTATE_ABSENT)
        fprintf(f->out, "    <vmport state='%s'/>\n",
                tristate_word(f->def->vmport, "on", "off"));
}

/* libvirt's order of the enlightenments (virDomainHyperv). */
static const struct slot hyperv_slots[] = {
    { "relaxed", NULL }, { "vapic", NULL }, { "spinlocks", NULL },
    { "vpindex", NULL }, { "runtime", NULL }, { "synic", NULL },
    { "stimer", NULL }, { "reset", NULL }, { "vendor_id", NULL },
    { "frequencies", NULL }, { "reenlightenment", NULL },
    { "tlbflush", NULL }, { "ipi", NULL }, { "evmcs", NULL },
    { "avic", NULL }, { SLOT_UNKNOWN, NULL }, { SLOT_FOREIGN, NULL },
};

static void
put_hyperv(struct format *f)
{
    const struct domain_def *def = f->def;
    const struct extras children = { def->hyperv_children,
                                     def->n_hyperv_children, "      " };

    if (def->hyperv_mode == NULL)
        return;
    fputs("    <hyperv", f->out);
    xml_write_attr(f->out, "mode", def->hyperv_mode);
    if (def->n_hyperv_children == 0) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    format_slots(f, hyperv_slots, N_SLOTS(hyperv_slots), &children);
    fputs("    </hyperv>\n", f->out);
}

/* The features in libvirt's order (virDomainFeature). */
static const struct slot feature_slots[] = {
    { "acpi", put_acpi }, { "apic", put_apic }, { "pae", put_pae },
    { "hap", NULL }, { "viridian", NULL }, { "privnet", NULL },
    { "hyperv", put_hyperv }, { "kvm", NULL }, { "pvspinlock", NULL },
    { "capabilities", NULL }, { "pmu", NULL }, { "vmport", put_vmport },
    { "gic", NULL }, { "smm", NULL }, { "ioapic", NULL }, { "hpt", NULL },
    { "vmcoreinfo", NULL }, { "htm", NULL }, { "nested-hv", NULL },
    { "msrs", NULL }, { "ccf-assist", NULL }, { "xen", NULL },
    { "cfpc", NULL }, { "sbbc", NULL }, { "ibs", NULL }, { "tcg", NULL },
    { SLOT_UNKNOWN, NULL }, { SLOT_FOREIGN, NULL },
};

void
domain_xml_features_format(struct format *f)
{
    const struct domain_def *def = f->def;
    const struct extras extras = { def->feature_extras,
                                   def->n_feature_extras, "    " };

    if (!def->has_acpi && !def->has_apic && !def->has_pae &&
        def->vmport == DOMAIN_TRISTATE_ABSENT && def->hyperv_mode == NULL &&
        def->n_feature_extras == 0)
        return;
    fputs("  <features>\n", f->out);
    format_slots(f, feature_slots, N_SLOTS(feature_slots), &extras);
    fputs("  </features>\n", f->out);
}

/* ---- <cpu> ------------------------------------------------------------ */

static void
put_cpu_model(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->cpu_model == NULL)
        return;
    fputs("    <model", f->out);
    xml_write_attr(f->out, "fallback", def->cpu_model_fallback);
    fputc('>', f->out);
    xml_write_escaped(f->out, def->cpu_model, false);
    fputs("</model>\n", f->out);
}

static bool
has_topology(const struct domain_def *def)
{
    return def->cpu_sockets != 0;
}

static void
put_cpu_topology(struct format *f)
{
    const struct domain_def *def = f->def;

    if (has_topology(def))
        fprintf(f->out, "    <topology sockets='%u' dies='%u' cores='%u' "
                "threads='%u'/>\n", def->cpu_sockets, def->cpu_dies,
                def->cpu_cores, def->cpu_threads);
}

static void
put_cpu_numa(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->n_numa_cells == 0)
        return;
    fputs("    <numa>\n", f->out);
    for (int i = 0; i < def->n_numa_cells; i++) {
        fprintf(f->out, "      <cell id='%d'", i);
        xml_write_attr(f->out, "cpus", def->numa_cells[i].cpus);
        fprintf(f->out, " memory='%llu' unit='KiB'/>\n",
                def->numa_cells[i].memory_kib);
    }
    fputs("    </numa>\n", f->out);
}

/* The children of <cpu>, in libvirt's order. */
static const struct slot cpu_slots[] = {
    { "model", put_cpu_model }, { "vendor", NULL },
    { "topology", put_cpu_topology }, { "cache", NULL },
    { "maxphysaddr", NULL }, { "feature", NULL }, { "numa", put_cpu_numa },
    { SLOT_UNKNOWN, NULL }, { SLOT_FOREIGN, NULL },
};

/* libvirt names a custom CPU's mode and match only when it has a model. */
static void
put_cpu_attrs(struct format *f)
{
    const struct domain_def *def = f->def;
    bool is_custom = strcmp(def->cpu_mode, "custom") == 0;

    if (!is_custom || def->cpu_model != NULL)
        xml_write_attr(f->out, "mode", def->cpu_mode);
    if (is_custom && def->cpu_model != NULL)
        xml_write_attr(f->out, "match", def->cpu_match);
    xml_write_attr(f->out, "check", def->cpu_check);
    xml_write_attr(f->out, "migratable", def->cpu_migratable);
}

void
domain_xml_cpu_format(struct format *f)
{
    const struct domain_def *def = f->def;
    const struct extras extras = { def->cpu_extras, def->n_cpu_extras,
                                   "    " };
    bool has_children = def->cpu_model != NULL || has_topology(def) ||
                        def->n_numa_cells > 0 || def->n_cpu_extras > 0;

    if (def->cpu_mode == NULL)
        return;
    /* An empty custom CPU says nothing: libvirt leaves it out. */
    if (strcmp(def->cpu_mode, "custom") == 0 && !has_children)
        return;
    fputs("  <cpu", f->out);
    put_cpu_attrs(f);
    if (!has_children) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    format_slots(f, cpu_slots, N_SLOTS(cpu_slots), &extras);
    fputs("  </cpu>\n", f->out);
}

/* ---- <clock> ---------------------------------------------------------- */

static void
put_timer(FILE *out, const struct domain_timer *t)
{
    fputs("    <timer", out);
    xml_write_attr(out, "name", t->name);
    if (t->present != DOMAIN_TRISTATE_ABSENT)
        xml_write_attr(out, "present", tristate_word(t->present, "yes", "no"));
    xml_write_attr(out, "tickpolicy", t->tickpolicy);
    xml_write_attr(out, "track", t->track);
    fputs("/>\n", out);
}

/* libvirt always writes the clock; its default keeps UTC. */
void
domain_xml_clock_format(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->clock_offset == NULL) {
        if (!format_has_extra(def->extras, def->n_extras, "clock"))
            fputs("  <clock offset='utc'/>\n", f->out);
        return;
    }
    fputs("  <clock", f->out);
    xml_write_attr(f->out, "offset", def->clock_offset);
    xml_write_attr(f->out, "adjustment", def->clock_adjustment);
    xml_write_attr(f->out, "basis", def->clock_basis);
    xml_write_attr(f->out, "timezone", def->clock_timezone);
    if (def->n_timers == 0) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    for (int i = 0; i < def->n_timers; i++)
        put_timer(f->out, &def->timers[i]);
    fputs("  </clock>\n", f->out);
}

/* ---- <pm> ------------------------------------------------------------- */

static void
put_pm_state(FILE *out, const char *name, int state)
{
    if (state != DOMAIN_TRISTATE_ABSENT)
        fprintf(out, "    <%s enabled='%s'/>\n", name,
                tristate_word(state, "yes", "no"));
}

void
domain_xml_pm_format(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->pm_suspend_to_mem == DOMAIN_TRISTATE_ABSENT &&
        def->pm_suspend_to_disk == DOMAIN_TRISTATE_ABSENT)
        return;
    fputs("  <pm>\n", f->out);
    put_pm_state(f->out, "suspend-to-mem", def->pm_suspend_to_mem);
    put_pm_state(f->out, "suspend-to-disk", def->pm_suspend_to_disk);
    fputs("  </pm>\n", f->out);
}
