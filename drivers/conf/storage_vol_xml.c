/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_xml.c: reading and writing <volume>. The formats a volume
 * may have, and the one it gets when it names none, are its pool type's
 * (libvirt's poolTypeInfo volOptions): files for the file-backed pools,
 * partition types for disk pools, none for the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define DOC_NAME "(storage_volume_definition)"

static const char *const file_formats[] = {
    "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi",
    "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "luks",
    NULL,
};
#define FILE_FORMAT_RAW 1

static const char *const part_formats[] = {
    "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm",
    "linux-raid", "extended", NULL,
};

static const char *const vol_types[] = {
    "file", "block", "dir", "network", "netdir", "ploop", NULL,
};

/* The formats of a pool type's volumes, NULL for none; *fallback is the
 * one a volume gets when it names none. */
static const char *const *
formats_for(int pool_type, int *fallback)
{
    switch (pool_type) {
    case STORAGE_POOL_DIR:
    case STORAGE_POOL_FS:
    case STORAGE_POOL_NETFS:
    case STORAGE_POOL_GLUSTER:
    case STORAGE_POOL_VSTORAGE:
        *fallback = FILE_FORMAT_RAW;
        return file_formats;
    case STORAGE_POOL_DISK:
        *fallback = 0;
        return part_formats;
    default:
        *fallback = 0;
        return NULL;
    }
}

static int
word_index(const char *const *words, const char *word)
{
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], word) == 0)
            return i;
    return -1;
}

static void
target_clear(struct storage_vol_target *t)
{
    free(t->path);
    free(t->compat);
    storage_perms_clear(&t->perms);
    t->path = t->compat = NULL;
}

void
storage_vol_def_free(struct storage_vol_def *def)
{
    if (def == NULL)
        return;
    free(def->name);
    free(def->key);
    target_clear(&def->target);
    target_clear(&def->backing);
    free(def);
}

static int
target_copy(struct storage_vol_target *dst,
            const struct storage_vol_target *src)
{
    *dst = *src;
    dst->path = src->path != NULL ? strdup(src->path) : NULL;
    dst->compat = src->compat != NULL ? strdup(src->compat) : NULL;
    if (storage_perms_copy(&dst->perms, &src->perms) < 0 ||
        (src->path != NULL && dst->path == NULL) ||
        (src->compat != NULL && dst->compat == NULL))
        return -1;
    return 0;
}

struct storage_vol_def *
storage_vol_def_copy(const struct storage_vol_def *def)
{
    struct storage_vol_def *copy = calloc(1, sizeof(*copy));

    if (copy == NULL)
        return NULL;
    *copy = *def;
    copy->name = strdup(def->name);
    copy->key = def->key != NULL ? strdup(def->key) : NULL;
    if (target_copy(&copy->target, &def->target) < 0 ||
        target_copy(&copy->backing, &def->backing) < 0 ||
        copy->name == NULL || (def->key != NULL && copy->key == NULL)) {
        storage_vol_def_free(copy);
        return NULL;
    }
    return copy;
}

/* ---- Reading ---------------------------------------------------------- */

static int
read_format(struct storage_vol_target *t, xmlNodePtr node, int pool_type,
            struct vireo_error *err)
{
    int fallback;
    const char *const *formats = formats_for(pool_type, &fallback);
    xmlNodePtr format = storage_xml_child(node, "format");
    char *word = NULL;

    t->format = fallback;
    if (formats == NULL || format == NULL)
        return 0;
    if (storage_xml_attr(format, "type", &word, err) < 0)
        return -1;
    if (word == NULL)
        return 0;
    t->format = word_index(formats, word);
    if (t->format < 0)
        error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                  "unknown volume format type %s", word);
    free(word);
    return t->format < 0 ? -1 : 0;
}

static void
read_features(struct storage_vol_target *t, xmlNodePtr node)
{
    xmlNodePtr features = storage_xml_child(node, "features");

    t->is_nocow = storage_xml_child(node, "nocow") != NULL;
    if (features == NULL)
        return;
    t->has_lazy_refcounts =
        storage_xml_child(features, "lazy_refcounts") != NULL;
    t->has_extended_l2 = storage_xml_child(features, "extended_l2") != NULL;
}

/* <target> or <backingStore>; a missing element leaves t empty. */
static int
read_target(struct storage_vol_target *t, xmlNodePtr node, int pool_type,
            struct vireo_error *err)
{
    t->perms.mode = t->perms.uid = t->perms.gid = -1;
    if (node == NULL) {
        formats_for(pool_type, &t->format);
        return 0;
    }
    if (storage_xml_text(node, "path", &t->path, err) < 0 ||
        read_format(t, node, pool_type, err) < 0 ||
        storage_xml_read_perms(node, &t->perms, err) < 0 ||
        storage_xml_text(node, "compat", &t->compat, err) < 0)
        return -1;
    read_features(t, node);
    return 0;
}

static int
read_type(struct storage_vol_def *def, xmlNodePtr root,
          struct vireo_error *err)
{
    char *word;

    if (storage_xml_attr(root, "type", &word, err) < 0)
        return -1;
    if (word == NULL)
        return 0;
    def->type = word_index(vol_types, word);
    if (def->type < 0)
        error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                  "unknown volume type '%s'", word);
    free(word);
    return def->type < 0 ? -1 : 0;
}

static int
read_sizes(struct storage_vol_def *def, xmlNodePtr root,
           struct vireo_error *err)
{
    int rc = storage_xml_read_size(root, "capacity", &def->capacity, err);

    if (rc < 0)
        return -1;
    if (rc > 0)
        return storage_xml_fail(err, "missing capacity element");
    rc = storage_xml_read_size(root, "allocation", &def->allocation, err);
    if (rc > 0)
        def->allocation = def->capacity;
    return rc < 0 ? -1 : 0;
}

static int
read_volume(struct storage_vol_def *def, xmlNodePtr root, int pool_type,
            struct vireo_error *err)
{
    xmlNodePtr backing = storage_xml_child(root, "backingStore");

    if (storage_xml_text(root, "name", &def->name, err) < 0)
        return -1;
    if (def->name == NULL)
        return storage_xml_fail(err, "missing volume name element");
    if (storage_xml_text(root, "key", &def->key, err) < 0 ||
        read_type(def, root, err) < 0 ||
        read_target(&def->backing, backing, pool_type, err) < 0)
        return -1;
    def->has_backing = def->backing.path != NULL;
    if (read_sizes(def, root, err) < 0)
        return -1;
    return read_target(&def->target, storage_xml_child(root, "target"),
                       pool_type, err);
}

struct storage_vol_def *
storage_vol_def_parse(const char *xml, int pool_type, struct vireo_error *err)
{
    struct storage_vol_def *def;
    xmlDocPtr doc = storage_xml_read(xml, DOC_NAME, "volume", sizeof(*def),
                                     (void **)&def, err);
    int rc;

    if (doc == NULL)
        return NULL;
    rc = read_volume(def, xmlDocGetRootElement(doc), pool_type, err);
    xmlFreeDoc(doc);
    if (rc < 0) {
        storage_vol_def_free(def);
        return NULL;
    }
    return def;
}

/* ---- Writing ---------------------------------------------------------- */

/* libvirt writes a time as seconds, with .nanoseconds when there are
 * any; the birth time is not known here, as with libvirt on Linux. */
static void
write_time(FILE *out, const char *name, long long s, long ns)
{
    if (ns != 0)
        fprintf(out, "      <%s>%lld.%09ld</%s>\n", name, s, ns, name);
    else
        fprintf(out, "      <%s>%lld</%s>\n", name, s, name);
}

static void
write_timestamps(FILE *out, const struct storage_vol_target *t)
{
    fprintf(out, "    <timestamps>\n");
    write_time(out, "atime", t->atime_s, t->atime_ns);
    write_time(out, "mtime", t->mtime_s, t->mtime_ns);
    write_time(out, "ctime", t->ctime_s, t->ctime_ns);
    write_time(out, "btime", 0, 0);
    fprintf(out, "    </timestamps>\n");
}

static void
write_target(FILE *out, const char *element,
             const struct storage_vol_target *t, int pool_type)
{
    int fallback;
    const char *const *formats = formats_for(pool_type, &fallback);

    fprintf(out, "  <%s>\n", element);
    xml_write_text_element(out, "    ", "path", t->path);
    if (formats != NULL)
        fprintf(out, "    <format type='%s'/>\n", formats[t->format]);
    storage_xml_write_perms(out, "    ", &t->perms);
    if (t->has_timestamps)
        write_timestamps(out, t);
    xml_write_text_element(out, "    ", "compat", t->compat);
    if (t->is_nocow)
        fprintf(out, "    <nocow/>\n");
    if (t->has_lazy_refcounts || t->has_extended_l2) {
        fprintf(out, "    <features>\n");
        if (t->has_lazy_refcounts)
            fprintf(out, "      <lazy_refcounts/>\n");
        if (t->has_extended_l2)
            fprintf(out, "      <extended_l2/>\n");
        fprintf(out, "    </features>\n");
    }
    fprintf(out, "  </%s>\n", element);
}

char *
storage_vol_def_format(const struct storage_vol_def *def, int pool_type)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    fprintf(out, "<volume type='%s'>\n", vol_types[def->type]);
    xml_write_text_element(out, "  ", "name", def->name);
    xml_write_text_element(out, "  ", "key", def->key);
    fprintf(out, "  <capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    fprintf(out, "  <allocation unit='bytes'>%llu</allocation>\n",
            def->allocation);
    if (def->has_physical)
        fprintf(out, "  <physical unit='bytes'>%llu</physical>\n",
                def->physical);
    write_target(out, "target", &def->target, pool_type);
    if (def->has_backing)
        write_target(out, "backingStore", &def->backing, pool_type);
    fprintf(out, "</volume>\n");
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}
