/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_map.c: the model names of libvirt's CPU map (cpu_map.h). The map's
 * index.xml has an <arch name='FAMILY'> per CPU driver, whose <include
 * filename='...'/> lines name the files of its vendors, features and
 * models, in libvirt's order; each model file holds <model name='...'>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/cpu_map.h"
#include "drivers/error.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING)

/* Every architecture name libvirt 9.0 knows (virArch), "none" aside. */
static const char *const arch_names[] = {
    "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
    "ia64", "lm32", "m68k", "microblaze", "microblazeel", "mips", "mipsel",
    "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle",
    "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x",
    "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
    "xtensaeb", NULL,
};

/* The CPU drivers of libvirt: the architectures each handles, and the
 * family of the map it lists models from (NULL: it takes any model). */
static const struct {
    const char *arch;
    const char *family;
} cpu_drivers[] = {
    { "i686", "x86" },     { "x86_64", "x86" },
    { "ppc64", "ppc64" },  { "ppc64le", "ppc64" },
    { "armv6l", NULL },    { "armv7l", NULL },    { "armv7b", NULL },
    { "aarch64", NULL },   { "s390", NULL },      { "s390x", NULL },
};

bool
cpu_map_is_arch(const char *name)
{
    for (int i = 0; arch_names[i] != NULL; i++)
        if (strcmp(arch_names[i], name) == 0)
            return true;
    return false;
}

/* 0 and *family (NULL for any model), or -1 with err set. */
static int
find_driver(const char *arch, const char **family, int from,
            struct vireo_error *err)
{
    if (!cpu_map_is_arch(arch))
        return error_set(err, VIR_ERR_INVALID_ARG, from,
                         "cannot find architecture %s", arch);
    for (size_t i = 0; i < sizeof(cpu_drivers) / sizeof(*cpu_drivers); i++) {
        if (strcmp(cpu_drivers[i].arch, arch) == 0) {
            *family = cpu_drivers[i].family;
            return 0;
        }
    }
    return error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_CPU,
                     "'%s' architecture is not supported by CPU driver",
                     arch);
}

/* The names found so far: a NULL-ended array. Owned by the caller. */
struct names {
    char **v;
    int    n;
};

static int
add_name(struct names *names, const xmlChar *name, struct vireo_error *err)
{
    char **v = realloc(names->v, (names->n + 2) * sizeof(*v));

    if (v == NULL)
        return error_no_memory(err);
    names->v = v;
    v[names->n] = strdup((const char *)name);
    if (v[names->n] == NULL)
        return error_no_memory(err);
    v[++names->n] = NULL;
    return 0;
}

static xmlDocPtr
read_map_file(const char *dir, const char *file, struct vireo_error *err)
{
    char path[4096];
    xmlDocPtr doc;

    snprintf(path, sizeof(path), "%s/%s", dir, file);
    doc = xmlReadFile(path, NULL, PARSE_OPTIONS);
    if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
        xmlFreeDoc(doc);
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_CPU,
                  "cannot read the CPU map file '%s'", path);
        return NULL;
    }
    return doc;
}

static bool
is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* The <model name='...'> elements of one included file. */
static int
add_models_of(const char *dir, const char *file, struct names *names,
              struct vireo_error *err)
{
    xmlDocPtr doc = read_map_file(dir, file, err);
    int rc = 0;

    if (doc == NULL)
        return -1;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children;
         n != NULL && rc == 0; n = n->next) {
        xmlChar *name;

        if (!is_element(n, "model"))
            continue;
        name = xmlGetProp(n, (const xmlChar *)"name");
        if (name != NULL)
            rc = add_name(names, name, err);
        xmlFree(name);
    }
    xmlFreeDoc(doc);
    return rc;
}

/* Every model the family's includes name, in the index's order. */
static int
add_family(const char *dir, xmlNodePtr arch, struct names *names,
           struct vireo_error *err)
{
    for (xmlNodePtr n = arch->children; n != NULL; n = n->next) {
        xmlChar *file;
        int rc;

        if (!is_element(n, "include"))
            continue;
        file = xmlGetProp(n, (const xmlChar *)"filename");
        rc = file != NULL && strchr((const char *)file, '/') == NULL
             ? add_models_of(dir, (const char *)file, names, err)
             : error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_CPU,
                         "a bad include in the CPU map's index");
        xmlFree(file);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int
read_family(const char *dir, const char *family, struct names *names,
            struct vireo_error *err)
{
    xmlDocPtr index = read_map_file(dir, "index.xml", err);
    int rc = 0;

    if (index == NULL)
        return -1;
    for (xmlNodePtr n = xmlDocGetRootElement(index)->children;
         n != NULL; n = n->next) {
        xmlChar *name;
        bool is_it;

        if (!is_element(n, "arch"))
            continue;
        name = xmlGetProp(n, (const xmlChar *)"name");
        is_it = name != NULL && strcmp((const char *)name, family) == 0;
        xmlFree(name);
        if (is_it) {
            rc = add_family(dir, n, names, err);
            break;
        }
    }
    xmlFreeDoc(index);
    return rc;
}

static void
names_free(struct names *names)
{
    for (int i = 0; i < names->n; i++)
        free(names->v[i]);
    free(names->v);
}

int
cpu_map_model_names(const char *dir, const char *arch, char ***models,
                    int from, struct vireo_error *err)
{
    const char *family = NULL;
    struct names names = { NULL, 0 };

    if (find_driver(arch, &family, from, err) < 0)
        return -1;
    if (family != NULL && read_family(dir, family, &names, err) < 0) {
        names_free(&names);
        return -1;
    }
    if (models != NULL)
        *models = names.v;
    else
        names_free(&names);
    return names.n;
}
