/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_x86_map.c: reading the x86 features and models of libvirt's CPU
 * map, and the bit sets they are made of (cpu_x86_map.h). A feature is
 *   <feature name='sse2'><cpuid eax_in='0x01' edx='0x04000000'/></feature>
 * (or <msr index='...' eax='...' edx='...'/>); a model names its vendor,
 * its features and whether it may describe a guest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/cpu_x86_map.h"
#include "drivers/error.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING)

/* ---- Bit sets ---------------------------------------------------------- */

static bool
same_register(const struct x86_word *a, const struct x86_word *b)
{
    return a->kind == b->kind && a->leaf == b->leaf &&
           a->subleaf == b->subleaf && a->reg == b->reg;
}

static struct x86_word *
find_word(const struct x86_bits *set, const struct x86_word *like)
{
    for (int i = 0; i < set->n; i++)
        if (same_register(&set->w[i], like))
            return &set->w[i];
    return NULL;
}

static int
add_word(struct x86_bits *to, const struct x86_word *w)
{
    struct x86_word *have = find_word(to, w), *grown;

    if (have != NULL) {
        have->mask |= w->mask;
        return 0;
    }
    grown = realloc(to->w, (to->n + 1) * sizeof(*grown));
    if (grown == NULL)
        return -1;
    to->w = grown;
    to->w[to->n++] = *w;
    return 0;
}

int
x86_bits_add(struct x86_bits *to, const struct x86_bits *from)
{
    for (int i = 0; i < from->n; i++)
        if (add_word(to, &from->w[i]) < 0)
            return -1;
    return 0;
}

void
x86_bits_subtract(struct x86_bits *from, const struct x86_bits *what)
{
    for (int i = 0; i < what->n; i++) {
        struct x86_word *have = find_word(from, &what->w[i]);

        if (have != NULL)
            have->mask &= ~what->w[i].mask;
    }
}

void
x86_bits_intersect(struct x86_bits *in, const struct x86_bits *with)
{
    for (int i = 0; i < in->n; i++) {
        const struct x86_word *other = find_word(with, &in->w[i]);

        in->w[i].mask &= other != NULL ? other->mask : 0;
    }
}

bool
x86_bits_contains(const struct x86_bits *set, const struct x86_bits *sub)
{
    for (int i = 0; i < sub->n; i++) {
        const struct x86_word *have = find_word(set, &sub->w[i]);
        uint32_t held = have != NULL ? have->mask : 0;

        if ((sub->w[i].mask & ~held) != 0)
            return false;
    }
    return true;
}

bool
x86_bits_is_empty(const struct x86_bits *set)
{
    for (int i = 0; i < set->n; i++)
        if (set->w[i].mask != 0)
            return false;
    return true;
}

void
x86_bits_clear(struct x86_bits *set)
{
    free(set->w);
    set->w = NULL;
    set->n = 0;
}

/* ---- Reading the map --------------------------------------------------- */

/* What loading keeps track of: the map and where a failure goes. */
struct load {
    const char         *dir;
    struct x86_map     *map;
    struct vireo_error *err;
};

static bool
is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* An attribute as a number (hex with 0x); 0 when absent. */
static uint32_t
number_attr(xmlNodePtr n, const char *name)
{
    xmlChar *text = xmlGetProp(n, (const xmlChar *)name);
    uint32_t value = text ? (uint32_t)strtoul((const char *)text, NULL, 0)
                          : 0;

    xmlFree(text);
    return value;
}

static char *
string_attr(xmlNodePtr n, const char *name)
{
    xmlChar *text = xmlGetProp(n, (const xmlChar *)name);
    char *copy = text ? strdup((const char *)text) : NULL;

    xmlFree(text);
    return copy;
}

static int
bad_map(struct load *ld, const char *what)
{
    return error_set(ld->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_CPU,
                     "the CPU map in %s is not usable: %s", ld->dir, what);
}

/* One <cpuid/> or <msr/> of a feature into its bits. */
static int
read_register_bits(xmlNodePtr n, struct x86_bits *bits)
{
    static const char *const regs[] = { "eax", "ebx", "ecx", "edx" };
    bool is_msr = is_element(n, "msr");
    struct x86_word w = {
        .kind = is_msr ? 'm' : 'c',
        .leaf = number_attr(n, is_msr ? "index" : "eax_in"),
        .subleaf = is_msr ? 0 : number_attr(n, "ecx_in"),
    };

    for (w.reg = 0; w.reg < 4; w.reg++) {
        w.mask = number_attr(n, regs[w.reg]);
        if (w.mask != 0 && add_word(bits, &w) < 0)
            return -1;
    }
    return 0;
}

static int
read_feature(struct load *ld, xmlNodePtr node)
{
    struct x86_map *map = ld->map;
    struct x86_feature *grown = realloc(map->features,
                                        (map->n_features + 1) *
                                        sizeof(*grown));
    struct x86_feature *f;

    if (grown == NULL)
        return error_no_memory(ld->err);
    map->features = grown;
    f = &map->features[map->n_features++];
    memset(f, 0, sizeof(*f));
    f->name = string_attr(node, "name");
    if (f->name == NULL)
        return bad_map(ld, "a feature without a name");
    for (xmlNodePtr n = node->children; n != NULL; n = n->next)
        if ((is_element(n, "cpuid") || is_element(n, "msr")) &&
            read_register_bits(n, &f->bits) < 0)
            return error_no_memory(ld->err);
    return 0;
}

/* A model's feature marked removed='yes' joins its removed list (the
 * name is the map's feature's, which outlives the model's use of it). */
static int
add_removed(struct x86_model *m, xmlNodePtr n, const struct x86_feature *f)
{
    char *removed = string_attr(n, "removed");
    bool is_removed = removed != NULL && strcmp(removed, "yes") == 0;
    const char **grown;

    free(removed);
    if (!is_removed)
        return 0;
    grown = realloc(m->removed, (m->n_removed + 2) * sizeof(*grown));
    if (grown == NULL)
        return -1;
    m->removed = grown;
    grown[m->n_removed++] = f->name;
    grown[m->n_removed] = NULL;
    return 0;
}

/* A child of a <model>: its decoding, vendor or one of its features. */
static int
read_model_part(struct load *ld, struct x86_model *m, xmlNodePtr n)
{
    const struct x86_feature *f;
    char *name;

    if (is_element(n, "decode")) {
        name = string_attr(n, "guest");
        m->decodes_guest = name != NULL && strcmp(name, "on") == 0;
        free(name);
    } else if (is_element(n, "vendor")) {
        free(m->vendor);
        m->vendor = string_attr(n, "name");
    } else if (is_element(n, "feature")) {
        name = string_attr(n, "name");
        f = name ? x86_map_feature(ld->map, name) : NULL;
        free(name);
        if (f == NULL)
            return bad_map(ld, "a model names an unknown feature");
        if (x86_bits_add(&m->bits, &f->bits) < 0 ||
            add_removed(m, n, f) < 0)
            return error_no_memory(ld->err);
    }
    return 0;
}

static int
read_model(struct load *ld, xmlNodePtr node)
{
    struct x86_map *map = ld->map;
    struct x86_model *grown = realloc(map->models, (map->n_models + 1) *
                                                   sizeof(*grown));
    struct x86_model *m;

    if (grown == NULL)
        return error_no_memory(ld->err);
    map->models = grown;
    m = &map->models[map->n_models++];
    memset(m, 0, sizeof(*m));
    m->decodes_guest = true;
    m->name = string_attr(node, "name");
    if (m->name == NULL)
        return bad_map(ld, "a model without a name");
    for (xmlNodePtr n = node->children; n != NULL; n = n->next)
        if (read_model_part(ld, m, n) < 0)
            return -1;
    return 0;
}

static int
read_vendor(struct load *ld, xmlNodePtr node)
{
    struct x86_map *map = ld->map;
    char **grown = realloc(map->vendors, (map->n_vendors + 2) *
                                         sizeof(*grown));

    if (grown == NULL)
        return error_no_memory(ld->err);
    map->vendors = grown;
    grown[map->n_vendors] = string_attr(node, "name");
    if (grown[map->n_vendors] == NULL)
        return bad_map(ld, "a vendor without a name");
    grown[++map->n_vendors] = NULL;
    return 0;
}

static xmlDocPtr
read_doc(struct load *ld, const char *file)
{
    char path[4096];
    xmlDocPtr doc;

    snprintf(path, sizeof(path), "%s/%s", ld->dir, file);
    doc = xmlReadFile(path, NULL, PARSE_OPTIONS);
    if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
        xmlFreeDoc(doc);
        bad_map(ld, file);
        return NULL;
    }
    return doc;
}

static int
read_file(struct load *ld, const char *file)
{
    xmlDocPtr doc = read_doc(ld, file);
    int rc = 0;

    if (doc == NULL)
        return -1;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children;
         n != NULL && rc == 0; n = n->next) {
        if (is_element(n, "vendor"))
            rc = read_vendor(ld, n);
        else if (is_element(n, "feature"))
            rc = read_feature(ld, n);
        else if (is_element(n, "model"))
            rc = read_model(ld, n);
    }
    xmlFreeDoc(doc);
    return rc;
}

static xmlNodePtr
find_x86(xmlDocPtr index)
{
    for (xmlNodePtr n = xmlDocGetRootElement(index)->children; n != NULL;
         n = n->next) {
        xmlChar *name;
        bool is_x86;

        if (!is_element(n, "arch"))
            continue;
        name = xmlGetProp(n, (const xmlChar *)"name");
        is_x86 = name != NULL && strcmp((const char *)name, "x86") == 0;
        xmlFree(name);
        if (is_x86)
            return n;
    }
    return NULL;
}

int
x86_map_load(const char *dir, struct x86_map *map, struct vireo_error *err)
{
    struct load ld = { .dir = dir, .map = map, .err = err };
    xmlDocPtr index;
    xmlNodePtr arch;
    int rc = 0;

    memset(map, 0, sizeof(*map));
    index = read_doc(&ld, "index.xml");
    if (index == NULL)
        return -1;
    arch = find_x86(index);
    if (arch == NULL)
        rc = bad_map(&ld, "no x86 in index.xml");
    for (xmlNodePtr n = arch ? arch->children : NULL; n != NULL && rc == 0;
         n = n->next) {
        char *file;

        if (!is_element(n, "include"))
            continue;
        file = string_attr(n, "filename");
        rc = file != NULL && strchr(file, '/') == NULL
             ? read_file(&ld, file) : bad_map(&ld, "a bad include");
        free(file);
    }
    xmlFreeDoc(index);
    if (rc < 0)
        x86_map_clear(map);
    return rc;
}

void
x86_map_clear(struct x86_map *map)
{
    for (int i = 0; i < map->n_features; i++) {
        free(map->features[i].name);
        x86_bits_clear(&map->features[i].bits);
    }
    for (int i = 0; i < map->n_models; i++) {
        free(map->models[i].name);
        free(map->models[i].vendor);
        free(map->models[i].removed);
        x86_bits_clear(&map->models[i].bits);
    }
    for (int i = 0; i < map->n_vendors; i++)
        free(map->vendors[i]);
    free(map->features);
    free(map->models);
    free(map->vendors);
    memset(map, 0, sizeof(*map));
}

const struct x86_feature *
x86_map_feature(const struct x86_map *map, const char *name)
{
    for (int i = 0; i < map->n_features; i++)
        if (strcmp(map->features[i].name, name) == 0)
            return &map->features[i];
    return NULL;
}

const struct x86_model *
x86_map_model(const struct x86_map *map, const char *name)
{
    for (int i = 0; i < map->n_models; i++)
        if (strcmp(map->models[i].name, name) == 0)
            return &map->models[i];
    return NULL;
}

bool
x86_map_has_vendor(const struct x86_map *map, const char *name)
{
    for (int i = 0; i < map->n_vendors; i++)
        if (strcmp(map->vendors[i], name) == 0)
            return true;
    return false;
}
