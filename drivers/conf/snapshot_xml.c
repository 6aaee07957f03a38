/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_xml.c: reading and writing <domainsnapshot>, in libvirt's
 * order and words (snapshot_conf.c is the reference for what it reads and
 * how it writes). The embedded <domain> goes through domain_def_parse and
 * domain_def_format, so a snapshot shows its domain exactly as dumpxml
 * would have.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/moment_xml.h"
#include "drivers/conf/snapshot_xml.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

static const char *const state_words[SNAPSHOT_STATE_LAST] = {
    "nostate", "running", "blocked", "paused", "shutdown", "shutoff",
    "crashed", "pmsuspended", "disk-snapshot",
};

static const char *const location_words[SNAPSHOT_LOCATION_LAST] = {
    "default", "no", "internal", "external", "manual",
};

static int
word_index(const char *const *words, int n, const char *word)
{
    for (int i = 0; word != NULL && i < n; i++)
        if (strcmp(words[i], word) == 0)
            return i;
    return -1;
}

const char *
snapshot_state_to_string(int state)
{
    return state >= 0 && state < SNAPSHOT_STATE_LAST ? state_words[state]
                                                     : NULL;
}

int
snapshot_state_from_string(const char *word)
{
    return word_index(state_words, SNAPSHOT_STATE_LAST, word);
}

const char *
snapshot_location_to_string(int location)
{
    return location >= 0 && location < SNAPSHOT_LOCATION_LAST
           ? location_words[location] : NULL;
}

int
snapshot_location_from_string(const char *word)
{
    return word_index(location_words, SNAPSHOT_LOCATION_LAST, word);
}

bool
snapshot_def_is_external(const struct snapshot_def *def)
{
    if (def->memory == SNAPSHOT_LOCATION_EXTERNAL)
        return true;
    for (int i = 0; i < def->n_disks; i++)
        if (def->disks[i].location == SNAPSHOT_LOCATION_EXTERNAL)
            return true;
    return false;
}

void
snapshot_def_free(struct snapshot_def *def)
{
    if (def == NULL)
        return;
    for (int i = 0; i < def->n_disks; i++) {
        free(def->disks[i].name);
        free(def->disks[i].file);
    }
    free(def->disks);
    free(def->name);
    free(def->description);
    free(def->parent_name);
    free(def->memory_file);
    domain_def_free(def->dom);
    free(def);
}

/* ---- Reading ---------------------------------------------------------- */

static void
free_def(void *def)
{
    snapshot_def_free(def);
}

static int
fail(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_SNAPSHOT, "%s",
                     what);
}

/* A location attribute: absent is the default. */
static int
read_location(xmlNodePtr node, int *location, struct vireo_error *err)
{
    char *word;

    if (moment_xml_attr(node, "snapshot", &word, err) < 0)
        return -1;
    *location = word == NULL ? SNAPSHOT_LOCATION_DEFAULT
                             : snapshot_location_from_string(word);
    if (*location < 0)
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_SNAPSHOT,
                  "unknown snapshot location type '%s'", word);
    free(word);
    return *location < 0 ? -1 : 0;
}

static int
read_memory(struct snapshot_def *def, xmlNodePtr root,
            struct vireo_error *err)
{
    xmlNodePtr node = moment_xml_child(root, "memory");

    if (node == NULL)
        return 0;
    if (read_location(node, &def->memory, err) < 0 ||
        moment_xml_attr(node, "file", &def->memory_file, err) < 0)
        return -1;
    if (def->memory_file != NULL &&
        def->memory == SNAPSHOT_LOCATION_DEFAULT)
        def->memory = SNAPSHOT_LOCATION_EXTERNAL;
    if (def->memory_file != NULL &&
        def->memory != SNAPSHOT_LOCATION_EXTERNAL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_SNAPSHOT,
                         "memory filename '%s' requires external snapshot",
                         def->memory_file);
    return 0;
}

static int
read_disk(void *item, xmlNodePtr node, struct vireo_error *err)
{
    struct snapshot_disk *disk = item;

    xmlNodePtr source = moment_xml_child(node, "source");

    if (moment_xml_attr(node, "name", &disk->name, err) < 0)
        return -1;
    if (disk->name == NULL)
        return fail(err, "missing name from disk snapshot element");
    if (read_location(node, &disk->location, err) < 0)
        return -1;
    if (source != NULL &&
        moment_xml_attr(source, "file", &disk->file, err) < 0)
        return -1;
    if (disk->file != NULL && disk->location == SNAPSHOT_LOCATION_DEFAULT)
        disk->location = SNAPSHOT_LOCATION_EXTERNAL;
    return 0;
}

static int
read_disks(struct snapshot_def *def, xmlNodePtr root,
           struct vireo_error *err)
{
    void *disks = NULL;
    int rc = moment_xml_read_items(root, "disks", "disk",
                                   sizeof(struct snapshot_disk), read_disk,
                                   &disks, &def->n_disks, err);

    def->disks = disks;     /* what was read, freed with def on failure */
    return rc;
}

/* What only an existing snapshot's document carries. */
static int
read_redefined(struct snapshot_def *def, xmlNodePtr root,
               struct vireo_error *err)
{
    char *text = NULL;
    xmlNodePtr parent = moment_xml_child(root, "parent");
    xmlNodePtr node;
    int rc;

    if (def->name == NULL)
        return fail(err, "a redefined snapshot must have a name");
    if (moment_xml_text(root, "creationTime", &text, err) < 0)
        return -1;
    if (text == NULL)
        return fail(err, "missing creationTime from existing snapshot");
    def->creation_time = strtoll(text, NULL, 10);
    free(text);
    if (moment_xml_text(root, "state", &text, err) < 0)
        return -1;
    if (text == NULL)
        return fail(err, "missing state from existing snapshot");
    def->state = snapshot_state_from_string(text);
    rc = def->state < 0
         ? error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_SNAPSHOT,
                     "Invalid state '%s' in domain snapshot XML", text)
         : 0;
    free(text);
    if (rc < 0)
        return -1;
    if (parent != NULL && moment_xml_text(parent, "name", &def->parent_name,
                                    err) < 0)
        return -1;
    if ((node = moment_xml_child(root, "domain")) == NULL)
        return fail(err, "missing domain in snapshot");
    def->dom = moment_xml_read_domain(node, err);
    return def->dom != NULL ? 0 : -1;
}

static int
read_snapshot(void *opaque, xmlNodePtr root, bool is_redefine,
              struct vireo_error *err)
{
    struct snapshot_def *def = opaque;

    if (root == NULL || !moment_xml_is_element(root, "domainsnapshot"))
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN_SNAPSHOT,
                         "unexpected root element <%s>, expecting "
                         "<domainsnapshot>",
                         root != NULL ? (const char *)root->name : "");
    if (moment_xml_text(root, "name", &def->name, err) < 0 ||
        moment_xml_text(root, "description", &def->description, err) < 0)
        return -1;
    if (is_redefine)
        return read_redefined(def, root, err) < 0 ||
               read_memory(def, root, err) < 0 ||
               read_disks(def, root, err) < 0 ? -1 : 0;
    def->creation_time = (long long)time(NULL);
    if (def->name == NULL &&
        asprintf(&def->name, "%lld", def->creation_time) < 0) {
        def->name = NULL;
        return error_no_memory(err);
    }
    return read_memory(def, root, err) < 0 || read_disks(def, root, err) < 0
           ? -1 : 0;
}

struct snapshot_def *
snapshot_def_parse(const char *xml, bool is_redefine,
                   struct vireo_error *err)
{
    const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING |
                        XML_PARSE_NOERROR;
    xmlDocPtr doc;

    if (xml == NULL) {
        fail(err, "no XML document given");
        return NULL;
    }
    doc = xmlReadMemory(xml, (int)strlen(xml), "domainsnapshot.xml", NULL,
                        options);
    if (doc == NULL || doc->intSubset != NULL) {
        error_set(err, VIR_ERR_XML_DETAIL, VIR_FROM_DOMAIN_SNAPSHOT, "%s",
                  "(domain_snapshot): malformed XML document");
        xmlFreeDoc(doc);
        return NULL;
    }
    return moment_xml_read_root(doc, sizeof(struct snapshot_def),
                                read_snapshot, free_def, is_redefine, err);
}

/* ---- Writing ---------------------------------------------------------- */

static void
put_memory(FILE *out, const struct snapshot_def *def)
{
    if (def->memory == SNAPSHOT_LOCATION_DEFAULT)
        return;
    fputs("  <memory", out);
    xml_write_attr(out, "snapshot", snapshot_location_to_string(def->memory));
    if (def->memory_file != NULL)
        xml_write_attr(out, "file", def->memory_file);
    fputs("/>\n", out);
}

static void
put_disks(FILE *out, const struct snapshot_def *def)
{
    if (def->n_disks == 0)
        return;
    fputs("  <disks>\n", out);
    for (int i = 0; i < def->n_disks; i++) {
        const struct snapshot_disk *d = &def->disks[i];

        fputs("    <disk", out);
        xml_write_attr(out, "name", d->name);
        if (d->location != SNAPSHOT_LOCATION_DEFAULT)
            xml_write_attr(out, "snapshot",
                           snapshot_location_to_string(d->location));
        if (d->file == NULL) {
            fputs("/>\n", out);
            continue;
        }
        xml_write_attr(out, "type", "file");
        fputs(">\n      <source", out);
        xml_write_attr(out, "file", d->file);
        fputs("/>\n    </disk>\n", out);
    }
    fputs("  </disks>\n", out);
}

static void
put_body(FILE *out, const void *opaque)
{
    const struct snapshot_def *def = opaque;

    moment_xml_put_names(out, def->name, def->description);
    xml_write_text_element(out, "  ", "state",
                           snapshot_state_to_string(def->state));
    moment_xml_put_parent(out, def->parent_name);
    fprintf(out, "  <creationTime>%lld</creationTime>\n", def->creation_time);
    put_memory(out, def);
    put_disks(out, def);
}

char *
snapshot_def_format(const struct snapshot_def *def)
{
    return moment_xml_format("domainsnapshot", put_body, def, def->dom);
}
