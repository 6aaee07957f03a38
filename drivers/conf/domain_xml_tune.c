/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune.c: the tunables vireo types, read from and written to
 * libvirt's domain XML: <memtune>. Stateless; any thread.
 */
#include <stdio.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_tune.h"
#include "drivers/conf/xml_read.h"

unsigned long long
domain_mem_limit_get(const struct domain_mem_limit *l)
{
    return l->is_set ? l->kib : VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
}

void
domain_mem_limit_set(struct domain_mem_limit *l, unsigned long long kib)
{
    l->is_set = kib < VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    l->kib = l->is_set ? kib : 0;
}

/* ---- <memtune> -------------------------------------------------------- */

static int
limit(struct parse *p, xmlNodePtr node, struct domain_mem_limit *l)
{
    unsigned long long kib;

    if (xml_read_memory(p, node, &kib) < 0)
        return -1;
    domain_mem_limit_set(l, kib);
    return 0;
}

static int
parse_hard_limit(struct parse *p, xmlNodePtr node)
{
    return limit(p, node, &p->def->memtune.hard_limit);
}

static int
parse_soft_limit(struct parse *p, xmlNodePtr node)
{
    return limit(p, node, &p->def->memtune.soft_limit);
}

static int
parse_swap_hard_limit(struct parse *p, xmlNodePtr node)
{
    return limit(p, node, &p->def->memtune.swap_hard_limit);
}

static int
parse_min_guarantee(struct parse *p, xmlNodePtr node)
{
    return xml_read_memory(p, node, &p->def->memtune.min_guarantee_kib);
}

/* libvirt reads the limits it knows and drops anything else. */
static int
ignore(struct parse *p, xmlNodePtr node)
{
    return 0;
}

int
domain_xml_memtune_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "hard_limit",      parse_hard_limit,      true },
        { "soft_limit",      parse_soft_limit,      true },
        { "swap_hard_limit", parse_swap_hard_limit, true },
        { "min_guarantee",   parse_min_guarantee,   true },
    };

    return xml_read_children(p, node, handlers,
                             sizeof(handlers) / sizeof(handlers[0]), ignore);
}

static void
put_limit(FILE *out, const char *name, const struct domain_mem_limit *l)
{
    if (l->is_set)
        fprintf(out, "    <%s unit='KiB'>%llu</%s>\n", name, l->kib, name);
}

/* Written only when a limit is set, in libvirt's order. */
void
domain_xml_memtune_format(struct format *f)
{
    const struct domain_memtune *m = &f->def->memtune;

    if (!m->hard_limit.is_set && !m->soft_limit.is_set &&
        m->min_guarantee_kib == 0 && !m->swap_hard_limit.is_set)
        return;
    fputs("  <memtune>\n", f->out);
    put_limit(f->out, "hard_limit", &m->hard_limit);
    put_limit(f->out, "soft_limit", &m->soft_limit);
    if (m->min_guarantee_kib > 0)
        fprintf(f->out, "    <min_guarantee unit='KiB'>%llu</min_guarantee>\n",
                m->min_guarantee_kib);
    put_limit(f->out, "swap_hard_limit", &m->swap_hard_limit);
    fputs("  </memtune>\n", f->out);
}
