/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * checkpoint_xml.c: reading and writing <domaincheckpoint>, in libvirt's
 * order and words (checkpoint_conf.c is the reference for what it reads,
 * how it aligns disks and how it writes). The embedded <domain> goes
 * through the domain parser and formatter (moment_xml.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/conf/checkpoint_xml.h"
#include "drivers/conf/domain_def.h"
#include "drivers/conf/moment_xml.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_schema.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

/* libvirt checks every checkpoint document against this schema. */
static struct xml_schema checkpoint_schema =
    XML_SCHEMA_INIT(XML_SCHEMA_DIR "domaincheckpoint.rng");

static const char *const type_words[CHECKPOINT_TYPE_LAST] = {
    "default", "no", "bitmap",
};

static void
clear_disks(struct checkpoint_disk *disks, int n)
{
    for (int i = 0; i < n; i++) {
        free(disks[i].name);
        free(disks[i].bitmap);
    }
    free(disks);
}

void
checkpoint_def_free(struct checkpoint_def *def)
{
    if (def == NULL)
        return;
    clear_disks(def->disks, def->n_disks);
    free(def->name);
    free(def->description);
    free(def->parent_name);
    domain_def_free(def->dom);
    free(def);
}

/* ---- Reading ---------------------------------------------------------- */

static void
free_def(void *def)
{
    checkpoint_def_free(def);
}

static int
fail(struct vireo_error *err, int code, const char *what)
{
    return error_set(err, code, VIR_FROM_DOMAIN_CHECKPOINT, "%s", what);
}

/* The checkpoint attribute: absent means a bitmap. */
static int
read_type(struct checkpoint_disk *disk, xmlNodePtr node,
          struct vireo_error *err)
{
    char *word;
    int type;

    if (moment_xml_attr(node, "checkpoint", &word, err) < 0)
        return -1;
    type = word == NULL ? CHECKPOINT_TYPE_BITMAP : -1;
    for (int i = 0; word != NULL && i < CHECKPOINT_TYPE_LAST; i++)
        if (strcmp(type_words[i], word) == 0)
            type = i;
    if (type < 0)
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_CHECKPOINT,
                  "unknown checkpoint type '%s'", word);
    free(word);
    disk->type = type;
    return type < 0 ? -1 : 0;
}

static int
read_disk(void *item, xmlNodePtr node, struct vireo_error *err)
{
    struct checkpoint_disk *disk = item;

    if (moment_xml_attr(node, "name", &disk->name, err) < 0)
        return -1;
    if (disk->name == NULL)
        return fail(err, VIR_ERR_XML_ERROR,
                    "missing name from disk checkpoint element");
    if (read_type(disk, node, err) < 0)
        return -1;
    return moment_xml_attr(node, "bitmap", &disk->bitmap, err);
}

/* libvirt reads every element under <disks> as a disk. */
static int
read_disks(struct checkpoint_def *def, xmlNodePtr root,
           struct vireo_error *err)
{
    void *disks = NULL;
    int rc = moment_xml_read_items(root, "disks", NULL,
                                   sizeof(struct checkpoint_disk), read_disk,
                                   &disks, &def->n_disks, err);

    def->disks = disks;     /* what was read, freed with def on failure */
    return rc;
}

/* What only an existing checkpoint's document carries. */
static int
read_redefined(struct checkpoint_def *def, xmlNodePtr root,
               struct vireo_error *err)
{
    xmlNodePtr parent = moment_xml_child(root, "parent");
    xmlNodePtr domain = moment_xml_child(root, "domain");
    char *text, *end = NULL;
    bool is_number;

    if (def->name == NULL)
        return fail(err, VIR_ERR_XML_ERROR,
                    "a redefined checkpoint must have a name");
    if (moment_xml_text(root, "creationTime", &text, err) < 0)
        return -1;
    if (text != NULL)
        def->creation_time = strtoll(text, &end, 10);
    is_number = end != NULL && end != text && *end == '\0';
    free(text);
    if (!is_number)
        return fail(err, VIR_ERR_INTERNAL_ERROR,
                    "missing creationTime from existing checkpoint");
    if (parent != NULL &&
        moment_xml_text(parent, "name", &def->parent_name, err) < 0)
        return -1;
    if (domain != NULL &&
        (def->dom = moment_xml_read_domain(domain, err)) == NULL)
        return -1;
    return 0;
}

static int
check_root(xmlNodePtr root, struct vireo_error *err)
{
    if (root == NULL || !moment_xml_is_element(root, "domaincheckpoint"))
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_CHECKPOINT,
                         "expecting root element of 'domaincheckpoint', "
                         "not '%s'",
                         root != NULL ? (const char *)root->name : "");
    return 0;
}

static int
read_checkpoint(void *opaque, xmlNodePtr root, bool is_redefine,
                struct vireo_error *err)
{
    struct checkpoint_def *def = opaque;

    if (moment_xml_text(root, "name", &def->name, err) < 0 ||
        moment_xml_text(root, "description", &def->description, err) < 0)
        return -1;
    if (is_redefine) {
        if (read_redefined(def, root, err) < 0)
            return -1;
    } else {
        def->creation_time = (long long)time(NULL);
        if (def->name == NULL &&
            asprintf(&def->name, "%lld", def->creation_time) < 0) {
            def->name = NULL;
            return error_no_memory(err);
        }
    }
    return read_disks(def, root, err);
}

struct checkpoint_def *
checkpoint_def_parse(const char *xml, bool is_redefine,
                     struct vireo_error *err)
{
    xmlDocPtr doc;

    if (xml == NULL) {
        fail(err, VIR_ERR_XML_ERROR, "no XML document given");
        return NULL;
    }
    doc = xml_read_document(xml, strlen(xml), "(domain_checkpoint)", err);
    if (doc == NULL)
        return NULL;
    /* As libvirt: the root element first, then the schema. */
    if (check_root(xmlDocGetRootElement(doc), err) < 0 ||
        xml_schema_validate(&checkpoint_schema, doc, err) < 0) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return moment_xml_read_root(doc, sizeof(struct checkpoint_def),
                                read_checkpoint, free_def, is_redefine, err);
}

/* ---- Aligning disks ---------------------------------------------------- */

/* The domain's disk a checkpoint disk names, by target or source. */
static int
disk_index(const struct domain_def *dom, const char *name)
{
    for (int i = 0; i < dom->n_disks; i++)
        if (strcmp(dom->disks[i].target_dev, name) == 0 ||
            (dom->disks[i].source_path != NULL &&
             strcmp(dom->disks[i].source_path, name) == 0))
            return i;
    return -1;
}

static bool
cannot_checkpoint(const struct domain_disk *disk)
{
    return disk->source_path == NULL || disk->is_readonly;
}

/* Check what the user asked for each disk, and note in given[] which
 * request each domain disk has (-1: none). */
static int
check_requests(const struct checkpoint_def *def, int *given,
               struct vireo_error *err)
{
    const struct domain_def *dom = def->dom;

    for (int i = 0; i < def->n_disks; i++) {
        const struct checkpoint_disk *asked = &def->disks[i];
        int d = disk_index(dom, asked->name);

        if (d < 0)
            return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN_CHECKPOINT,
                             "no disk named '%s'", asked->name);
        if (given[d] >= 0)
            return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN_CHECKPOINT,
                             "disk '%s' specified twice", asked->name);
        given[d] = i;
        if (cannot_checkpoint(&dom->disks[d]) &&
            asked->type != CHECKPOINT_TYPE_NO)
            return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED,
                             VIR_FROM_DOMAIN_CHECKPOINT,
                             "disk '%s' is empty or readonly", asked->name);
    }
    return 0;
}

/* The entry for domain disk d: the request moved over, or the default. */
static int
align_one(struct checkpoint_disk *out, struct checkpoint_def *def, int d,
          int asked, int fallback, struct vireo_error *err)
{
    const struct domain_disk *disk = &def->dom->disks[d];

    if (asked >= 0) {
        *out = def->disks[asked];
        def->disks[asked].bitmap = NULL;
        free(def->disks[asked].name);
        def->disks[asked].name = NULL;
    } else {
        out->type = cannot_checkpoint(disk) ? CHECKPOINT_TYPE_NO : fallback;
    }
    out->name = strdup(disk->target_dev);
    return out->name != NULL ? 0 : error_no_memory(err);
}

int
checkpoint_def_align_disks(struct checkpoint_def *def,
                           struct vireo_error *err)
{
    const struct domain_def *dom = def->dom;
    int fallback = def->n_disks == 0 ? CHECKPOINT_TYPE_BITMAP
                                     : CHECKPOINT_TYPE_DEFAULT;
    struct checkpoint_disk *disks;
    int *given, rc = 0, n = 0;

    if (def->n_disks > dom->n_disks)
        return fail(err, VIR_ERR_CONFIG_UNSUPPORTED,
                    "too many disk checkpoint requests for domain");
    if (dom->n_disks == 0)
        return fail(err, VIR_ERR_CONFIG_UNSUPPORTED,
                    "domain must have at least one disk to perform "
                    "checkpoints");
    given = malloc((size_t)dom->n_disks * sizeof(*given));
    disks = calloc((size_t)dom->n_disks, sizeof(*disks));
    if (given == NULL || disks == NULL)
        rc = error_no_memory(err);
    for (int i = 0; rc == 0 && i < dom->n_disks; i++)
        given[i] = -1;
    if (rc == 0)
        rc = check_requests(def, given, err);
    for (; rc == 0 && n < dom->n_disks; n++)
        rc = align_one(&disks[n], def, n, given[n], fallback, err);
    free(given);
    clear_disks(def->disks, def->n_disks);
    def->disks = disks;
    def->n_disks = disks != NULL ? n : 0;
    return rc < 0 ? -1 : checkpoint_def_name_bitmaps(def, err);
}

int
checkpoint_def_name_bitmaps(struct checkpoint_def *def,
                            struct vireo_error *err)
{
    for (int i = 0; i < def->n_disks; i++) {
        struct checkpoint_disk *disk = &def->disks[i];

        if (disk->type != CHECKPOINT_TYPE_BITMAP || disk->bitmap != NULL)
            continue;
        if ((disk->bitmap = strdup(def->name)) == NULL)
            return error_no_memory(err);
    }
    return 0;
}

/* ---- Writing ---------------------------------------------------------- */

static void
put_disks(FILE *out, const struct checkpoint_def *def)
{
    if (def->n_disks == 0)
        return;
    fputs("  <disks>\n", out);
    for (int i = 0; i < def->n_disks; i++) {
        const struct checkpoint_disk *d = &def->disks[i];

        fputs("    <disk", out);
        xml_write_attr(out, "name", d->name);
        if (d->type != CHECKPOINT_TYPE_DEFAULT)
            xml_write_attr(out, "checkpoint", type_words[d->type]);
        if (d->bitmap != NULL)
            xml_write_attr(out, "bitmap", d->bitmap);
        fputs("/>\n", out);
    }
    fputs("  </disks>\n", out);
}

static void
put_body(FILE *out, const void *opaque)
{
    const struct checkpoint_def *def = opaque;

    moment_xml_put_names(out, def->name, def->description);
    moment_xml_put_parent(out, def->parent_name);
    if (def->creation_time != 0)
        fprintf(out, "  <creationTime>%lld</creationTime>\n",
                def->creation_time);
    put_disks(out, def);
}

char *
checkpoint_def_format(const struct checkpoint_def *def,
                      bool is_without_domain)
{
    return moment_xml_format("domaincheckpoint", put_body, def,
                             is_without_domain ? NULL : def->dom);
}
