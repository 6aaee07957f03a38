/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_tune_io.c: the I/O tunables read from and written to
 * libvirt's domain XML: <blkiotune>, a disk's <iotune>, an interface's
 * <bandwidth> and <perf>, in libvirt's order and form. As libvirt's
 * parser, each reads the children it knows and ignores the others.
 * Stateless; any thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

/* ---- Names ------------------------------------------------------------ */

static const char *const iotune_names[DOMAIN_IOTUNE_N_FIELDS] = {
    "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
    "total_iops_sec", "read_iops_sec", "write_iops_sec",
    "total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max",
    "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max",
    "size_iops_sec",
    "total_bytes_sec_max_length", "read_bytes_sec_max_length",
    "write_bytes_sec_max_length", "total_iops_sec_max_length",
    "read_iops_sec_max_length", "write_iops_sec_max_length",
};

const char *
domain_iotune_field_name(int field)
{
    return field >= 0 && field < DOMAIN_IOTUNE_N_FIELDS
           ? iotune_names[field] : NULL;
}

static const char *const perf_names[DOMAIN_PERF_N_EVENTS] = {
    "cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
    "cache_references", "cache_misses", "branch_instructions",
    "branch_misses", "bus_cycles", "stalled_cycles_frontend",
    "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock", "task_clock",
    "page_faults", "context_switches", "cpu_migrations", "page_faults_min",
    "page_faults_maj", "alignment_faults", "emulation_faults",
};

const char *
domain_perf_event_name(int i)
{
    return i >= 0 && i < DOMAIN_PERF_N_EVENTS ? perf_names[i] : NULL;
}

int
domain_perf_event_index(const char *name)
{
    for (int i = 0; name != NULL && i < DOMAIN_PERF_N_EVENTS; i++)
        if (strcmp(perf_names[i], name) == 0)
            return i;
    return -1;
}

/* ---- Copies ----------------------------------------------------------- */

void
domain_iotune_blkiotune_clear(struct domain_blkiotune *b)
{
    for (int i = 0; i < b->n_devices; i++)
        free(b->devices[i].path);
    free(b->devices);
    *b = (struct domain_blkiotune){ 0 };
}

int
domain_iotune_blkiotune_copy(struct domain_blkiotune *dst,
                             const struct domain_blkiotune *src)
{
    *dst = (struct domain_blkiotune){ .weight = src->weight };
    if (src->n_devices == 0)
        return 0;
    dst->devices = calloc((size_t)src->n_devices, sizeof(*dst->devices));
    if (dst->devices == NULL)
        return -1;
    for (int i = 0; i < src->n_devices; i++) {
        dst->devices[i] = src->devices[i];
        dst->devices[i].path = strdup(src->devices[i].path);
        dst->n_devices++;
        if (dst->devices[i].path == NULL) {
            domain_iotune_blkiotune_clear(dst);
            return -1;
        }
    }
    return 0;
}

void
domain_iotune_disk_clear(struct domain_disk_iotune *t)
{
    free(t->group_name);
    memset(t, 0, sizeof(*t));
}

/* ---- Numbers ---------------------------------------------------------- */

static bool
parse_ull(const char *text, unsigned long long *out)
{
    char *end;

    if (text == NULL || text[0] < '0' || text[0] > '9')
        return false;
    errno = 0;
    *out = strtoull(text, &end, 10);
    return errno == 0 && *end == '\0';
}

/* An element's text as a number; libvirt's wording for a bad one. */
static int
read_ull(struct parse *p, xmlNodePtr node, const char *what,
         unsigned long long *out)
{
    xmlChar *text = xmlNodeGetContent(node);
    bool is_ok = parse_ull((const char *)text, out);

    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "%s must be a number: '%s'", what,
                  text != NULL ? (const char *)text : "");
    xmlFree(text);
    return is_ok ? 0 : -1;
}

static int
read_uint(struct parse *p, xmlNodePtr node, const char *what,
          unsigned int *out)
{
    unsigned long long v;

    if (read_ull(p, node, what, &v) < 0)
        return -1;
    if (v > 0xffffffffULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "%s is out of range: '%llu'", what, v);
    *out = (unsigned int)v;
    return 0;
}

static int
ignore(struct parse *p, xmlNodePtr node)
{
    return 0;
}

/* ---- <blkiotune> ------------------------------------------------------ */

static struct domain_blkio_device *
current_device(struct parse *p)
{
    return &p->def->blkiotune.devices[p->def->blkiotune.n_devices - 1];
}

static int
device_path(struct parse *p, xmlNodePtr node)
{
    return xml_read_text(p, node, &current_device(p)->path);
}

static int
device_weight(struct parse *p, xmlNodePtr node)
{
    return read_uint(p, node, "weight", &current_device(p)->weight);
}

static int
device_read_iops(struct parse *p, xmlNodePtr node)
{
    return read_uint(p, node, "read_iops_sec",
                     &current_device(p)->read_iops_sec);
}

static int
device_write_iops(struct parse *p, xmlNodePtr node)
{
    return read_uint(p, node, "write_iops_sec",
                     &current_device(p)->write_iops_sec);
}

static int
device_read_bytes(struct parse *p, xmlNodePtr node)
{
    return read_ull(p, node, "read_bytes_sec",
                    &current_device(p)->read_bytes_sec);
}

static int
device_write_bytes(struct parse *p, xmlNodePtr node)
{
    return read_ull(p, node, "write_bytes_sec",
                    &current_device(p)->write_bytes_sec);
}

/* libvirt's rules: a device names its path, once. */
static int
check_device(struct parse *p)
{
    const struct domain_blkiotune *b = &p->def->blkiotune;
    const char *path = current_device(p)->path;

    if (path == NULL)
        return error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "missing per-device path");
    for (int i = 0; i < b->n_devices - 1; i++)
        if (strcmp(b->devices[i].path, path) == 0)
            return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN,
                             "duplicate blkio device path '%s'", path);
    return 0;
}

static int
blkio_device(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "path",            device_path,        true },
        { "weight",          device_weight,      true },
        { "read_iops_sec",   device_read_iops,   true },
        { "write_iops_sec",  device_write_iops,  true },
        { "read_bytes_sec",  device_read_bytes,  true },
        { "write_bytes_sec", device_write_bytes, true },
    };
    struct domain_blkiotune *b = &p->def->blkiotune;
    struct domain_blkio_device *d;

    d = xml_read_grow(b->devices, b->n_devices, sizeof(*d));
    if (d == NULL)
        return xml_read_no_memory(p);
    b->devices = d;
    b->n_devices++;
    if (xml_read_children(p, node, handlers, N_OF(handlers), ignore) < 0)
        return -1;
    return check_device(p);
}

static int
blkio_weight(struct parse *p, xmlNodePtr node)
{
    return read_uint(p, node, "weight", &p->def->blkiotune.weight);
}

int
domain_xml_blkiotune_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "weight", blkio_weight, true },
        { "device", blkio_device, false },
    };

    return xml_read_children(p, node, handlers, N_OF(handlers), ignore);
}

static bool
is_device_set(const struct domain_blkio_device *d)
{
    return d->weight != 0 || d->read_iops_sec != 0 ||
           d->write_iops_sec != 0 || d->read_bytes_sec != 0 ||
           d->write_bytes_sec != 0;
}

static bool
is_blkiotune_set(const struct domain_blkiotune *b)
{
    if (b->weight != 0)
        return true;
    for (int i = 0; i < b->n_devices; i++)
        if (is_device_set(&b->devices[i]))
            return true;
    return false;
}

static void
put_value(FILE *out, const char *indent, const char *name,
          unsigned long long value)
{
    if (value != 0)
        fprintf(out, "%s<%s>%llu</%s>\n", indent, name, value, name);
}

static void
put_blkio_device(FILE *out, const struct domain_blkio_device *d)
{
    if (!is_device_set(d))
        return;
    fputs("    <device>\n", out);
    xml_write_text_element(out, "      ", "path", d->path);
    put_value(out, "      ", "weight", d->weight);
    put_value(out, "      ", "read_iops_sec", d->read_iops_sec);
    put_value(out, "      ", "write_iops_sec", d->write_iops_sec);
    put_value(out, "      ", "read_bytes_sec", d->read_bytes_sec);
    put_value(out, "      ", "write_bytes_sec", d->write_bytes_sec);
    fputs("    </device>\n", out);
}

void
domain_xml_blkiotune_format(struct format *f)
{
    const struct domain_blkiotune *b = &f->def->blkiotune;

    if (!is_blkiotune_set(b))
        return;
    fputs("  <blkiotune>\n", f->out);
    put_value(f->out, "    ", "weight", b->weight);
    for (int i = 0; i < b->n_devices; i++)
        put_blkio_device(f->out, &b->devices[i]);
    fputs("  </blkiotune>\n", f->out);
}

/* ---- A disk's <iotune> ------------------------------------------------ */

static int
iotune_child(struct parse *p, xmlNodePtr node)
{
    struct domain_disk_iotune *t =
        &p->def->disks[p->def->n_disks - 1].iotune;
    const char *name = xml_read_node_name(node);

    if (strcmp(name, "group_name") == 0) {
        free(t->group_name);
        t->group_name = NULL;
        return xml_read_text(p, node, &t->group_name);
    }
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++)
        if (strcmp(name, iotune_names[i]) == 0)
            return read_ull(p, node, iotune_names[i], &t->values[i]);
    return 0;
}

int
domain_xml_disk_iotune_parse(struct parse *p, xmlNodePtr node)
{
    return xml_read_children(p, node, NULL, 0, iotune_child);
}

static bool
is_iotune_set(const struct domain_disk_iotune *t)
{
    if (t->group_name != NULL)
        return true;
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++)
        if (t->values[i] != 0)
            return true;
    return false;
}

void
domain_xml_disk_iotune_format(FILE *out, const struct domain_disk_iotune *t)
{
    if (!is_iotune_set(t))
        return;
    fputs("      <iotune>\n", out);
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++) {
        if (i == DOMAIN_IOTUNE_GROUP_NAME_BEFORE)
            xml_write_text_element(out, "        ", "group_name",
                                   t->group_name);
        put_value(out, "        ", iotune_names[i], t->values[i]);
    }
    fputs("      </iotune>\n", out);
}

/* ---- An interface's <bandwidth> --------------------------------------- */

static int
rate_attr(struct parse *p, xmlNodePtr node, const char *name,
          unsigned long long *out)
{
    char *text;
    bool is_ok;

    if (xml_read_attr(p, node, name, &text) < 0)
        return -1;
    is_ok = text == NULL || parse_ull(text, out);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "could not convert bandwidth %s value '%s'", name, text);
    free(text);
    return is_ok ? 0 : -1;
}

static int
rate(struct parse *p, xmlNodePtr node, struct domain_bandwidth_rate *r,
     bool is_inbound)
{
    static const char *const in_attrs[] = { "average", "peak", "floor",
                                            "burst", NULL };
    static const char *const out_attrs[] = { "average", "peak", "burst",
                                             NULL };

    if (xml_read_leaf(p, node, is_inbound ? in_attrs : out_attrs) < 0 ||
        rate_attr(p, node, "average", &r->average) < 0 ||
        rate_attr(p, node, "peak", &r->peak) < 0 ||
        rate_attr(p, node, "burst", &r->burst) < 0 ||
        (is_inbound && rate_attr(p, node, "floor", &r->floor) < 0))
        return -1;
    if (r->average == 0 && r->floor == 0)
        return error_set(p->err, VIR_ERR_XML_DETAIL, VIR_FROM_NONE,
                         "Missing mandatory average or floor attributes");
    r->is_set = true;
    return 0;
}

static struct domain_bandwidth *
current_bandwidth(struct parse *p)
{
    return &p->def->interfaces[p->def->n_interfaces - 1].bandwidth;
}

static int
bandwidth_inbound(struct parse *p, xmlNodePtr node)
{
    return rate(p, node, &current_bandwidth(p)->inbound, true);
}

static int
bandwidth_outbound(struct parse *p, xmlNodePtr node)
{
    return rate(p, node, &current_bandwidth(p)->outbound, false);
}

int
domain_xml_bandwidth_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "inbound",  bandwidth_inbound,  true },
        { "outbound", bandwidth_outbound, true },
    };

    if (xml_read_check_attrs(p, node, xml_read_no_attrs) < 0)
        return -1;
    return xml_read_children(p, node, handlers, N_OF(handlers),
                             xml_read_refuse_child);
}

static void
put_rate(FILE *out, const char *name, const struct domain_bandwidth_rate *r)
{
    if (!r->is_set)
        return;
    fprintf(out, "        <%s", name);
    if (r->average != 0)
        fprintf(out, " average='%llu'", r->average);
    if (r->peak != 0)
        fprintf(out, " peak='%llu'", r->peak);
    if (r->floor != 0)
        fprintf(out, " floor='%llu'", r->floor);
    if (r->burst != 0)
        fprintf(out, " burst='%llu'", r->burst);
    fputs("/>\n", out);
}

void
domain_xml_bandwidth_format(FILE *out, const struct domain_bandwidth *b)
{
    if (!b->inbound.is_set && !b->outbound.is_set)
        return;
    fputs("      <bandwidth>\n", out);
    put_rate(out, "inbound", &b->inbound);
    put_rate(out, "outbound", &b->outbound);
    fputs("      </bandwidth>\n", out);
}

/* ---- <perf> ----------------------------------------------------------- */

static int
perf_event(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "name", "enabled", NULL };
    int state = DOMAIN_TRISTATE_ABSENT;
    char *name;
    int i;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "name", &name) < 0)
        return -1;
    i = domain_perf_event_index(name);
    if (i < 0) {
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'name' in element 'event': "
                  "'%s'.", name != NULL ? name : "");
        free(name);
        return -1;
    }
    free(name);
    if (xml_read_tristate(p, node, "enabled", xml_read_yes_no, &state) < 0)
        return -1;
    if (state == DOMAIN_TRISTATE_ABSENT)
        return xml_read_fail(p, "missing state of perf event");
    if (p->def->perf.events[i] != DOMAIN_TRISTATE_ABSENT)
        return xml_read_fail(p, "perf event defined more than once");
    p->def->perf.events[i] = state;
    return 0;
}

int
domain_xml_perf_parse(struct parse *p, xmlNodePtr node)
{
    static const struct handler handlers[] = {
        { "event", perf_event, false },
    };

    return xml_read_children(p, node, handlers, N_OF(handlers), ignore);
}

void
domain_xml_perf_format(struct format *f)
{
    const struct domain_perf *perf = &f->def->perf;
    bool is_open = false;

    for (int i = 0; i < DOMAIN_PERF_N_EVENTS; i++) {
        if (perf->events[i] == DOMAIN_TRISTATE_ABSENT)
            continue;
        if (!is_open)
            fputs("  <perf>\n", f->out);
        is_open = true;
        fprintf(f->out, "    <event name='%s' enabled='%s'/>\n",
                perf_names[i],
                perf->events[i] == DOMAIN_TRISTATE_YES ? "yes" : "no");
    }
    if (is_open)
        fputs("  </perf>\n", f->out);
}
