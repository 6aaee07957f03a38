/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_x86.c: libvirt's x86 CPU baseline (cpu_x86.h). Each host CPU
 * becomes the bits of its model and features; the baseline is what all
 * of them have (and their vendor, if they share one); the model that
 * describes it is the one the CPUs named if they all named one, else the
 * newest model needing the fewest features added or removed, as
 * libvirt's x86Decode() chooses it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/cpu_x86.h"
#include "drivers/cpu_x86_map.h"
#include "drivers/error.h"

#define MAX_FEATURES 512

/* A host CPU as the caller described it; its strings point into its
 * document, which it keeps. */
struct host_cpu {
    xmlDocPtr   doc;
    char       *arch, *model, *vendor;
    char      **features;       /* NULL-ended */
};

/* The guest CPU found: a model and the features it lacks (require) or
 * has too many (disable), each in the map's order. */
struct guest_cpu {
    const struct x86_model *model;
    const char             *features[MAX_FEATURES];
    bool                    is_disabled[MAX_FEATURES];
    int                     n_features;
};

/* ---- The callers' CPUs ------------------------------------------------- */

static char *
child_text(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent->children; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0)
            return (char *)xmlNodeGetContent(n);
    return NULL;
}

static int
read_features(struct host_cpu *cpu, xmlNodePtr root)
{
    int n = 0;

    for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        n += c->type == XML_ELEMENT_NODE &&
             strcmp((const char *)c->name, "feature") == 0;
    cpu->features = calloc(n + 1, sizeof(*cpu->features));
    if (cpu->features == NULL)
        return -1;
    n = 0;
    for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            strcmp((const char *)c->name, "feature") == 0)
            cpu->features[n++] = (char *)xmlGetProp(c,
                                                    (const xmlChar *)"name");
    return 0;
}

static void
host_cpu_clear(struct host_cpu *cpu)
{
    for (int i = 0; cpu->features != NULL && cpu->features[i]; i++)
        xmlFree(cpu->features[i]);
    free(cpu->features);
    xmlFree(cpu->arch);
    xmlFree(cpu->model);
    xmlFree(cpu->vendor);
    xmlFreeDoc(cpu->doc);
    memset(cpu, 0, sizeof(*cpu));
}

/* One <cpu> of a host, refused as libvirt's parser refuses it. */
static int
read_host_cpu(const char *xml, struct host_cpu *cpu, struct vireo_error *err)
{
    xmlNodePtr root;

    memset(cpu, 0, sizeof(*cpu));
    cpu->doc = xmlReadMemory(xml, (int)strlen(xml), "cpu.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING);
    root = cpu->doc ? xmlDocGetRootElement(cpu->doc) : NULL;
    if (root == NULL || strcmp((const char *)root->name, "cpu") != 0)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_CPU, "%s",
                         "missing CPU definition");
    cpu->arch = child_text(root, "arch");
    if (cpu->arch == NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_CPU, "%s",
                         "Missing CPU architecture");
    cpu->model = child_text(root, "model");
    if (cpu->model == NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_CPU, "%s",
                         "Missing CPU model name");
    cpu->vendor = child_text(root, "vendor");
    return read_features(cpu, root) < 0 ? error_no_memory(err) : 0;
}

/* The bits of a host CPU: its model's and its features'. */
static int
cpu_bits(const struct x86_map *map, const struct host_cpu *cpu,
         struct x86_bits *bits, const struct x86_model **model,
         struct vireo_error *err)
{
    *model = x86_map_model(map, cpu->model);
    if (*model == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_CPU,
                         "Unknown CPU model %s", cpu->model);
    if (x86_bits_add(bits, &(*model)->bits) < 0)
        return error_no_memory(err);
    for (int i = 0; cpu->features[i] != NULL; i++) {
        const struct x86_feature *f = x86_map_feature(map, cpu->features[i]);

        if (f == NULL)
            return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_CPU,
                             "Unknown CPU feature %s", cpu->features[i]);
        if (x86_bits_add(bits, &f->bits) < 0)
            return error_no_memory(err);
    }
    return 0;
}

/* ---- What they share --------------------------------------------------- */

/* What the CPUs have in common: the bits, the vendor (and whether every
 * CPU named it, so that it is shown), the one model they all named. */
struct common {
    struct x86_bits bits;
    const char     *vendor;
    bool            shows_vendor;
    const char     *model_name;
};

static int
check_vendor(const struct x86_map *map, const char *name,
             struct vireo_error *err)
{
    if (x86_map_has_vendor(map, name))
        return 0;
    return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_CPU,
                     "Unknown CPU vendor %s", name);
}

/* Fold CPU i (i > 0) into what the others share. */
static int
fold_cpu(const struct x86_map *map, const struct host_cpu *cpu,
         struct common *c, struct vireo_error *err)
{
    struct x86_bits bits = { NULL, 0 };
    const struct x86_model *model;
    const char *vendor = cpu->vendor;
    int rc = cpu_bits(map, cpu, &bits, &model, err);

    if (rc == 0 && vendor && model->vendor && strcmp(vendor, model->vendor))
        rc = error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_CPU,
                       "CPU vendor %s of model %s differs from vendor %s",
                       model->vendor, model->name, vendor);
    if (rc == 0 && vendor == NULL) {
        c->shows_vendor = false;
        vendor = model->vendor;
    }
    if (rc == 0 && vendor != NULL) {
        if (c->vendor == NULL)
            rc = check_vendor(map, vendor, err);
        else if (strcmp(c->vendor, vendor) != 0)
            rc = error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_CPU,
                           "%s", "CPU vendors do not match");
        if (rc == 0)
            c->vendor = vendor;
    }
    if (rc == 0 && c->model_name && strcmp(c->model_name, model->name))
        c->model_name = NULL;
    if (rc == 0)
        x86_bits_intersect(&c->bits, &bits);
    x86_bits_clear(&bits);
    return rc;
}

static int
find_common(const struct x86_map *map, const struct host_cpu *cpus, int n,
            struct common *c, struct vireo_error *err)
{
    const struct x86_model *model;

    memset(c, 0, sizeof(*c));
    if (cpu_bits(map, &cpus[0], &c->bits, &model, err) < 0)
        return -1;
    c->model_name = model->name;
    c->vendor = cpus[0].vendor;
    c->shows_vendor = c->vendor != NULL;
    if (c->vendor != NULL && check_vendor(map, c->vendor, err) < 0)
        return -1;
    for (int i = 1; i < n; i++)
        if (fold_cpu(map, &cpus[i], c, err) < 0)
            return -1;
    if (x86_bits_is_empty(&c->bits))
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_CPU, "%s",
                         "CPUs are incompatible");
    return 0;
}

/* ---- Which model describes it ------------------------------------------ */

/* The features whose bits are all in bits, in the map's order, each
 * taking its bits out. */
static int
add_features(const struct x86_map *map, struct x86_bits *bits,
             bool is_disabled, struct guest_cpu *g)
{
    for (int i = 0; i < map->n_features; i++) {
        const struct x86_feature *f = &map->features[i];

        if (x86_bits_is_empty(&f->bits) ||
            !x86_bits_contains(bits, &f->bits))
            continue;
        if (g->n_features == MAX_FEATURES)
            return -1;
        x86_bits_subtract(bits, &f->bits);
        g->features[g->n_features] = f->name;
        g->is_disabled[g->n_features++] = is_disabled;
    }
    return 0;
}

/* A removed feature the description does not name yet is disabled. */
static int
disable_removed(const struct x86_model *model, struct guest_cpu *g)
{
    for (int i = 0; i < model->n_removed; i++) {
        bool is_named = false;

        for (int j = 0; j < g->n_features && !is_named; j++)
            is_named = strcmp(g->features[j], model->removed[i]) == 0;
        if (is_named)
            continue;
        if (g->n_features == MAX_FEATURES)
            return -1;
        g->features[g->n_features] = model->removed[i];
        g->is_disabled[g->n_features++] = true;
    }
    return 0;
}

/* The model as a description of bits: what it lacks, what it has too
 * many of, and the features QEMU removed from it. */
static int
describe(const struct x86_map *map, const struct x86_model *model,
         const struct x86_bits *bits, struct guest_cpu *g)
{
    struct x86_bits lacks = { NULL, 0 }, extra = { NULL, 0 };
    int rc;

    memset(g, 0, sizeof(*g));
    g->model = model;
    rc = x86_bits_add(&lacks, bits) < 0 ||
         x86_bits_add(&extra, &model->bits) < 0 ? -1 : 0;
    if (rc == 0) {
        x86_bits_subtract(&lacks, &model->bits);
        x86_bits_subtract(&extra, bits);
        rc = add_features(map, &lacks, false, g) < 0 ||
             add_features(map, &extra, true, g) < 0 ||
             disable_removed(model, g) < 0 ? -1 : 0;
    }
    x86_bits_clear(&lacks);
    x86_bits_clear(&extra);
    return rc;
}

/* How much a description costs, as libvirt 9.0 weighs it: each feature
 * counts 1, a disabled one 2, 3, 4, ... in turn instead, so that a model
 * which must lose features is taken only when no other comes close.
 * libvirt's loop stops early (its bound shrinks with each disabled
 * feature it meets), so later features may count as enabled ones: kept
 * as it is, or models would be chosen differently. *disabled is the
 * disabled features' part. */
static int
cost(const struct guest_cpu *g, int *disabled)
{
    int enabled = g->n_features, penalty = 2;

    *disabled = 0;
    for (int i = 0; i < enabled; i++) {
        if (g->is_disabled[i]) {
            enabled--;
            *disabled += penalty++;
        }
    }
    return enabled + *disabled;
}

static bool
is_better(const struct guest_cpu *candidate, const struct guest_cpu *best)
{
    int disabled, best_disabled;
    int c = cost(candidate, &disabled), b = cost(best, &best_disabled);

    return c < b || (c == b && disabled < best_disabled);
}

/* Newest models first: the one the CPUs all named wins at once, else
 * the cheapest description (the newest among equals). */
static int
choose_model(const struct x86_map *map, const struct common *c,
             struct guest_cpu *best, struct vireo_error *err)
{
    struct guest_cpu *candidate = malloc(sizeof(*candidate));
    bool found = false;

    if (candidate == NULL)
        return error_no_memory(err);
    for (int i = map->n_models - 1; i >= 0; i--) {
        const struct x86_model *m = &map->models[i];

        if (!m->decodes_guest ||
            (c->vendor && m->vendor && strcmp(c->vendor, m->vendor) != 0))
            continue;
        if (describe(map, m, &c->bits, candidate) < 0) {
            free(candidate);
            return error_no_memory(err);
        }
        if (c->model_name && strcmp(m->name, c->model_name) == 0) {
            *best = *candidate;
            found = true;
            break;
        }
        if (!found || is_better(candidate, best)) {
            *best = *candidate;
            found = true;
        }
    }
    free(candidate);
    if (!found)
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_CPU, "%s",
                         "Cannot find suitable CPU model for given data");
    return 0;
}

/* ---- The answer -------------------------------------------------------- */

/* One feature of the answer, to sort them by name. */
struct named_feature {
    const char *name;
    bool        is_disabled;
};

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const struct named_feature *)a)->name,
                  ((const struct named_feature *)b)->name);
}

/* --features: every feature of the CPU found (the model's and those
 * added, less those disabled), with the disabled ones, all by name. */
static int
expand(const struct x86_map *map, const struct x86_bits *bits,
       struct guest_cpu *g)
{
    struct named_feature sorted[MAX_FEATURES];
    struct x86_bits all = { NULL, 0 };
    int n_disabled = 0, rc = x86_bits_add(&all, bits);

    /* What the CPU found has: its bits, less those it disables. */
    for (int i = 0; i < g->n_features; i++)
        if (g->is_disabled[i]) {
            x86_bits_subtract(&all,
                              &x86_map_feature(map, g->features[i])->bits);
            g->features[n_disabled++] = g->features[i];
        }
    g->n_features = n_disabled;
    for (int i = 0; i < n_disabled; i++)
        g->is_disabled[i] = true;
    if (rc == 0)
        rc = add_features(map, &all, false, g);
    x86_bits_clear(&all);
    for (int i = 0; i < g->n_features; i++)
        sorted[i] = (struct named_feature){ g->features[i],
                                            g->is_disabled[i] };
    qsort(sorted, g->n_features, sizeof(*sorted), by_name);
    for (int i = 0; i < g->n_features; i++) {
        g->features[i] = sorted[i].name;
        g->is_disabled[i] = sorted[i].is_disabled;
    }
    return rc;
}

static char *
format_cpu(const struct guest_cpu *g, const struct common *c)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    if (out == NULL)
        return NULL;
    fprintf(out, "<cpu mode='custom' match='exact'>\n"
                 "  <model fallback='%s'>%s</model>\n",
            c->model_name && strcmp(c->model_name, g->model->name) == 0
            ? "forbid" : "allow", g->model->name);
    if (c->shows_vendor && c->vendor)
        fprintf(out, "  <vendor>%s</vendor>\n", c->vendor);
    for (int i = 0; i < g->n_features; i++)
        fprintf(out, "  <feature policy='%s' name='%s'/>\n",
                g->is_disabled[i] ? "disable" : "require", g->features[i]);
    fprintf(out, "</cpu>\n");
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static char *
baseline(const struct x86_map *map, const struct host_cpu *cpus, int n,
         unsigned flags, struct vireo_error *err)
{
    struct common c;
    struct guest_cpu *g = calloc(1, sizeof(*g));
    char *text = NULL;

    if (g == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (find_common(map, cpus, n, &c, err) == 0 &&
        choose_model(map, &c, g, err) == 0) {
        if ((flags & CPU_BASELINE_EXPAND_FEATURES) &&
            expand(map, &c.bits, g) < 0)
            error_no_memory(err);
        else if ((text = format_cpu(g, &c)) == NULL)
            error_no_memory(err);
    }
    x86_bits_clear(&c.bits);
    free(g);
    return text;
}

static bool
is_x86(const char *arch)
{
    return strcmp(arch, "i686") == 0 || strcmp(arch, "x86_64") == 0;
}

char *
cpu_x86_baseline(const char *dir, const char *const *xml_cpus,
                 unsigned n_cpus, unsigned flags, struct vireo_error *err)
{
    struct host_cpu *cpus = calloc(n_cpus ? n_cpus : 1, sizeof(*cpus));
    struct x86_map map;
    char *text = NULL;
    unsigned n = 0;

    if (cpus == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (n_cpus == 0)
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_CPU, "%s",
                  "nothing to baseline");
    while (n < n_cpus && read_host_cpu(xml_cpus[n], &cpus[n], err) == 0)
        n++;
    if (n == n_cpus && n > 0 && !is_x86(cpus[0].arch))
        error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_CPU,
                  "'%s' architecture is not supported by CPU driver",
                  cpus[0].arch);
    else if (n == n_cpus && n > 0 && x86_map_load(dir, &map, err) == 0) {
        text = baseline(&map, cpus, (int)n, flags, err);
        x86_map_clear(&map);
    }
    for (unsigned i = 0; i < n_cpus; i++)
        host_cpu_clear(&cpus[i]);
    free(cpus);
    return text;
}
