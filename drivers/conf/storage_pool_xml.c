/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_xml.c: reading and writing <pool>. What a pool's <source>
 * holds and requires depends on its type (libvirt's poolTypeInfo): the
 * table below says it once, and both directions read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define DOC_NAME "(storage_pool_definition)"

/* What a type's <source> carries. */
enum {
    SRC_HOST    = 1 << 0,
    SRC_DEVICE  = 1 << 1,
    SRC_DIR     = 1 << 2,
    SRC_ADAPTER = 1 << 3,
    SRC_NAME    = 1 << 4,
    SRC_NETWORK = 1 << 5,     /* not a local path: no <target> */
};

static const char *const fs_formats[] = {
    "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs", "gfs2",
    "vfat", "hfs+", "xfs", "ocfs2", "vmfs", NULL,
};
static const char *const netfs_formats[] = {
    "auto", "nfs", "glusterfs", "cifs", NULL,
};
static const char *const disk_formats[] = {
    "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun", "lvm2", NULL,
};
static const char *const logical_formats[] = { "unknown", "lvm2", NULL };

static const struct pool_options {
    const char        *name;
    unsigned           source;          /* SRC_* */
    const char *const *formats;         /* NULL: no <format> */
    int                default_format;
} options[STORAGE_POOL_TYPE_LAST] = {
    [STORAGE_POOL_DIR]          = { "dir", 0, NULL, 0 },
    [STORAGE_POOL_FS]           = { "fs", SRC_DEVICE, fs_formats, 0 },
    [STORAGE_POOL_NETFS]        = { "netfs", SRC_HOST | SRC_DIR,
                                    netfs_formats, 0 },
    [STORAGE_POOL_LOGICAL]      = { "logical", SRC_NAME | SRC_DEVICE,
                                    logical_formats, 1 },
    [STORAGE_POOL_DISK]         = { "disk", SRC_DEVICE, disk_formats, 0 },
    [STORAGE_POOL_ISCSI]        = { "iscsi", SRC_HOST | SRC_DEVICE, NULL, 0 },
    [STORAGE_POOL_ISCSI_DIRECT] = { "iscsi-direct",
                                    SRC_HOST | SRC_DEVICE | SRC_NETWORK,
                                    NULL, 0 },
    [STORAGE_POOL_SCSI]         = { "scsi", SRC_ADAPTER, NULL, 0 },
    [STORAGE_POOL_MPATH]        = { "mpath", 0, NULL, 0 },
    [STORAGE_POOL_RBD]          = { "rbd", SRC_HOST | SRC_NAME | SRC_NETWORK,
                                    NULL, 0 },
    [STORAGE_POOL_SHEEPDOG]     = { "sheepdog",
                                    SRC_HOST | SRC_NAME | SRC_NETWORK,
                                    NULL, 0 },
    [STORAGE_POOL_GLUSTER]      = { "gluster", SRC_HOST | SRC_NAME |
                                    SRC_DIR | SRC_NETWORK, NULL, 0 },
    [STORAGE_POOL_ZFS]          = { "zfs", SRC_NAME | SRC_DEVICE, NULL, 0 },
    [STORAGE_POOL_VSTORAGE]     = { "vstorage", SRC_NAME, NULL, 0 },
};

const char *
storage_pool_type_to_string(int type)
{
    return type >= 0 && type < STORAGE_POOL_TYPE_LAST ? options[type].name
                                                      : NULL;
}

int
storage_pool_type_from_string(const char *word)
{
    for (int i = 0; word != NULL && i < STORAGE_POOL_TYPE_LAST; i++)
        if (strcmp(options[i].name, word) == 0)
            return i;
    return -1;
}

static int
format_from_string(const char *const *formats, const char *word)
{
    for (int i = 0; formats[i] != NULL; i++)
        if (strcmp(formats[i], word) == 0)
            return i;
    return -1;
}

void
storage_pool_source_clear(struct storage_pool_source *src)
{
    for (int i = 0; i < src->n_hosts; i++)
        free(src->hosts[i].name);
    free(src->hosts);
    for (int i = 0; i < src->n_devices; i++)
        free(src->devices[i]);
    free(src->devices);
    free(src->dir);
    free(src->adapter.type);
    free(src->adapter.name);
    free(src->adapter.parent);
    free(src->adapter.wwnn);
    free(src->adapter.wwpn);
    free(src->name);
    free(src->vendor);
    free(src->product);
    memset(src, 0, sizeof(*src));
}

void
storage_pool_def_free(struct storage_pool_def *def)
{
    if (def == NULL)
        return;
    storage_pool_source_clear(&def->source);
    free(def->name);
    free(def->target_path);
    storage_perms_clear(&def->target_perms);
    free(def);
}

/* ---- Reading ---------------------------------------------------------- */

/* libvirt's virFileSanitizePath: no doubled slashes, no trailing one. */
static void
sanitize_path(char *path)
{
    char *out = path;

    for (char *in = path; *in != '\0'; in++)
        if (!(in[0] == '/' && in[1] == '/'))
            *out++ = *in;
    *out = '\0';
    if (out - path > 1 && out[-1] == '/')
        out[-1] = '\0';
}

static int
read_host(struct storage_host *host, xmlNodePtr node, struct vireo_error *err)
{
    char *port = NULL, *end = NULL;
    long value;

    if (storage_xml_attr(node, "name", &host->name, err) < 0 ||
        storage_xml_attr(node, "port", &port, err) < 0)
        return -1;
    if (host->name == NULL) {
        free(port);
        return storage_xml_fail(err, "missing storage pool host name");
    }
    if (port == NULL)
        return 0;
    value = strtol(port, &end, 10);
    if (*port == '\0' || *end != '\0' || value <= 0 || value > 65535) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_STORAGE,
                  "Invalid port number: %s", port);
        free(port);
        return -1;
    }
    free(port);
    host->port = (int)value;
    return 0;
}

static int
count_children(xmlNodePtr parent, const char *name)
{
    int n = 0;

    for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
        n += c->type == XML_ELEMENT_NODE &&
             strcmp((const char *)c->name, name) == 0;
    return n;
}

static int
read_hosts(struct storage_pool_source *src, xmlNodePtr node,
           struct vireo_error *err)
{
    int n = count_children(node, "host");

    if (n == 0)
        return 0;
    src->hosts = calloc((size_t)n, sizeof(*src->hosts));
    if (src->hosts == NULL)
        return error_no_memory(err);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            strcmp((const char *)c->name, "host") != 0)
            continue;
        if (read_host(&src->hosts[src->n_hosts++], c, err) < 0)
            return -1;
    }
    return 0;
}

static int
read_devices(struct storage_pool_source *src, xmlNodePtr node,
             struct vireo_error *err)
{
    int n = count_children(node, "device");

    if (n == 0)
        return 0;
    src->devices = calloc((size_t)n, sizeof(*src->devices));
    if (src->devices == NULL)
        return error_no_memory(err);
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        char **path;

        if (c->type != XML_ELEMENT_NODE ||
            strcmp((const char *)c->name, "device") != 0)
            continue;
        path = &src->devices[src->n_devices++];
        if (storage_xml_attr(c, "path", path, err) < 0)
            return -1;
        if (*path == NULL)
            return storage_xml_fail(err,
                                    "missing storage pool source device path");
    }
    return 0;
}

static int
read_adapter(struct storage_adapter *ad, xmlNodePtr node,
             struct vireo_error *err)
{
    if (storage_xml_attr(node, "type", &ad->type, err) < 0 ||
        storage_xml_attr(node, "name", &ad->name, err) < 0 ||
        storage_xml_attr(node, "parent", &ad->parent, err) < 0 ||
        storage_xml_attr(node, "wwnn", &ad->wwnn, err) < 0 ||
        storage_xml_attr(node, "wwpn", &ad->wwpn, err) < 0)
        return -1;
    /* An adapter with a name and no type is the older scsi_host form. */
    if (ad->type == NULL && ad->name != NULL &&
        (ad->type = strdup("scsi_host")) == NULL)
        return error_no_memory(err);
    if (ad->type == NULL)
        return 0;
    if (strcmp(ad->type, "scsi_host") == 0 && ad->name == NULL)
        return storage_xml_fail(err, "Either 'name' or 'parent_addr' must be "
                                "specified for the 'scsi_host' adapter");
    if (strcmp(ad->type, "fc_host") == 0 &&
        (ad->wwnn == NULL || ad->wwpn == NULL))
        return storage_xml_fail(err, "'wwnn' and 'wwpn' must be specified "
                                "for the 'fc_host' adapter");
    if (strcmp(ad->type, "scsi_host") != 0 &&
        strcmp(ad->type, "fc_host") != 0)
        return storage_xml_fail(err, "Unknown pool adapter type '%s'",
                                ad->type);
    return 0;
}

static int
read_format(struct storage_pool_def *def, xmlNodePtr source,
            struct vireo_error *err)
{
    const struct pool_options *opt = &options[def->type];
    xmlNodePtr node = source != NULL ? storage_xml_child(source, "format")
                                     : NULL;
    char *word = NULL;

    def->source.format = opt->default_format;
    if (opt->formats == NULL || node == NULL)
        return 0;
    if (storage_xml_attr(node, "type", &word, err) < 0)
        return -1;
    if (word == NULL)
        return 0;
    def->source.format = format_from_string(opt->formats, word);
    if (def->source.format < 0)
        error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                  "unknown pool format type %s", word);
    free(word);
    return def->source.format < 0 ? -1 : 0;
}

/* An attribute of a child element (<dir path=...>), malloc'ed or NULL. */
static int
child_attr(xmlNodePtr parent, const char *child, const char *attr,
           char **out, struct vireo_error *err)
{
    xmlNodePtr node = storage_xml_child(parent, child);

    *out = NULL;
    return node != NULL ? storage_xml_attr(node, attr, out, err) : 0;
}

static int
read_source(struct storage_pool_def *def, xmlNodePtr root,
            struct vireo_error *err)
{
    struct storage_pool_source *src = &def->source;
    xmlNodePtr node = storage_xml_child(root, "source");
    xmlNodePtr adapter;

    if (read_format(def, node, err) < 0)
        return -1;
    if (node == NULL)
        return 0;
    adapter = storage_xml_child(node, "adapter");
    if (read_hosts(src, node, err) < 0 || read_devices(src, node, err) < 0 ||
        child_attr(node, "dir", "path", &src->dir, err) < 0 ||
        storage_xml_text(node, "name", &src->name, err) < 0 ||
        child_attr(node, "vendor", "name", &src->vendor, err) < 0 ||
        child_attr(node, "product", "name", &src->product, err) < 0 ||
        (adapter != NULL && read_adapter(&src->adapter, adapter, err) < 0))
        return -1;
    if (src->dir != NULL)
        sanitize_path(src->dir);
    return 0;
}

static int
read_type(struct storage_pool_def *def, xmlNodePtr root,
          struct vireo_error *err)
{
    char *word;

    if (storage_xml_attr(root, "type", &word, err) < 0)
        return -1;
    if (word == NULL)
        return storage_xml_fail(err, "Missing required attribute 'type' in "
                                "element 'pool'");
    def->type = storage_pool_type_from_string(word);
    if (def->type < 0)
        storage_xml_fail(err, "Invalid value for attribute 'type' in "
                         "element 'pool': '%s'.", word);
    free(word);
    return def->type < 0 ? -1 : 0;
}

static int
read_name_uuid(struct storage_pool_def *def, xmlNodePtr root,
               struct vireo_error *err)
{
    char *text;
    int rc = 0;

    if (storage_xml_text(root, "name", &def->name, err) < 0)
        return -1;
    if (def->name == NULL && (options[def->type].source & SRC_NAME) &&
        def->source.name != NULL &&
        (def->name = strdup(def->source.name)) == NULL)
        return error_no_memory(err);
    if (def->name == NULL)
        return storage_xml_fail(err, "missing pool source name element");
    if (strchr(def->name, '/') != NULL)
        return storage_xml_fail(err, "name %s cannot contain '/'", def->name);
    if (storage_xml_text(root, "uuid", &text, err) < 0)
        return -1;
    if (text == NULL)
        rc = uuid_generate(def->uuid) < 0
             ? error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE, "%s",
                         "unable to generate uuid") : 0;
    else if (uuid_parse(text, def->uuid) < 0)
        rc = storage_xml_fail(err, "malformed uuid element");
    free(text);
    return rc;
}

/* What each type requires of its <source>, in libvirt's order. */
static int
check_source(struct storage_pool_def *def, struct vireo_error *err)
{
    struct storage_pool_source *src = &def->source;
    unsigned flags = options[def->type].source;

    if ((flags & SRC_HOST) && src->n_hosts == 0)
        return storage_xml_fail(err, "missing storage pool source host name");
    if ((flags & SRC_DIR) && src->dir == NULL)
        return storage_xml_fail(err, "missing storage pool source path");
    if ((flags & SRC_NAME) && src->name == NULL &&
        (src->name = strdup(def->name)) == NULL)
        return error_no_memory(err);
    if ((flags & SRC_ADAPTER) && src->adapter.type == NULL)
        return storage_xml_fail(err, "missing storage pool source adapter");
    /* A type whose only source is a device needs one. */
    if (flags == SRC_DEVICE && src->n_devices == 0)
        return storage_xml_fail(err, "missing storage pool source device name");
    return 0;
}

static int
read_target(struct storage_pool_def *def, xmlNodePtr root,
            struct vireo_error *err)
{
    xmlNodePtr target = storage_xml_child(root, "target");
    int n;

    if (options[def->type].source & SRC_NETWORK)
        return 0;
    if (def->type == STORAGE_POOL_LOGICAL || def->type == STORAGE_POOL_ZFS) {
        n = asprintf(&def->target_path, "%s%s",
                     def->type == STORAGE_POOL_ZFS ? "/dev/zvol/" : "/dev/",
                     def->source.name);
        if (n < 0) {
            def->target_path = NULL;
            return error_no_memory(err);
        }
    } else {
        if (target != NULL &&
            storage_xml_text(target, "path", &def->target_path, err) < 0)
            return -1;
        if (def->target_path == NULL)
            return storage_xml_fail(err, "missing storage pool target path");
    }
    sanitize_path(def->target_path);
    return target != NULL
           ? storage_xml_read_perms(target, &def->target_perms, err) : 0;
}

static int
read_pool(struct storage_pool_def *def, xmlNodePtr root,
          struct vireo_error *err)
{
    if (read_type(def, root, err) < 0 || read_source(def, root, err) < 0 ||
        read_name_uuid(def, root, err) < 0 || check_source(def, err) < 0)
        return -1;
    return read_target(def, root, err);
}

struct storage_pool_def *
storage_pool_def_parse(const char *xml, struct vireo_error *err)
{
    struct storage_pool_def *def;
    xmlDocPtr doc = storage_xml_read(xml, DOC_NAME, "pool", sizeof(*def),
                                     (void **)&def, err);
    int rc;

    if (doc == NULL)
        return NULL;
    def->target_perms.mode = def->target_perms.uid =
        def->target_perms.gid = -1;
    rc = read_pool(def, xmlDocGetRootElement(doc), err);
    xmlFreeDoc(doc);
    if (rc < 0) {
        storage_pool_def_free(def);
        return NULL;
    }
    return def;
}

/* ---- Writing ---------------------------------------------------------- */

static void
write_adapter(FILE *out, const char *pad, const struct storage_adapter *ad)
{
    fprintf(out, "%s<adapter", pad);
    xml_write_attr(out, "type", ad->type);
    if (strcmp(ad->type, "fc_host") == 0) {
        xml_write_attr(out, "parent", ad->parent);
        xml_write_attr(out, "wwnn", ad->wwnn);
        xml_write_attr(out, "wwpn", ad->wwpn);
    } else {
        xml_write_attr(out, "name", ad->name);
    }
    fprintf(out, "/>\n");
}

/* A <source> of a pool of that type, its lines indented by indent and
 * its children two spaces more. */
static void
write_source(FILE *out, const char *indent, int type,
             const struct storage_pool_source *src)
{
    const struct pool_options *opt = &options[type];
    char pad[32];

    snprintf(pad, sizeof(pad), "%s  ", indent);
    fprintf(out, "%s<source>\n", indent);
    for (int i = 0; (opt->source & SRC_HOST) && i < src->n_hosts; i++) {
        fprintf(out, "%s<host", pad);
        xml_write_attr(out, "name", src->hosts[i].name);
        if (src->hosts[i].port != 0)
            fprintf(out, " port='%d'", src->hosts[i].port);
        fprintf(out, "/>\n");
    }
    for (int i = 0; (opt->source & SRC_DEVICE) && i < src->n_devices; i++)
        xml_write_empty_element(out, pad, "device", "path", src->devices[i]);
    if (opt->source & SRC_DIR)
        xml_write_empty_element(out, pad, "dir", "path", src->dir);
    if ((opt->source & SRC_ADAPTER) && src->adapter.type != NULL)
        write_adapter(out, pad, &src->adapter);
    if (opt->source & SRC_NAME)
        xml_write_text_element(out, pad, "name", src->name);
    if (opt->formats != NULL)
        fprintf(out, "%s<format type='%s'/>\n", pad,
                opt->formats[src->format]);
    xml_write_empty_element(out, pad, "vendor", "name", src->vendor);
    xml_write_empty_element(out, pad, "product", "name", src->product);
    fprintf(out, "%s</source>\n", indent);
}

/* Close a memory stream and hand over its text (which the close sets);
 * NULL if that failed. */
static char *
close_text(FILE *out, char **text)
{
    if (fclose(out) != 0) {
        free(*text);
        return NULL;
    }
    return *text;
}

char *
storage_pool_sources_format(int type, const struct storage_pool_source *srcs,
                            int n_srcs)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    fprintf(out, "<sources>\n");
    for (int i = 0; i < n_srcs; i++)
        write_source(out, "  ", type, &srcs[i]);
    fprintf(out, "</sources>\n");
    return close_text(out, &text);
}

char *
storage_pool_def_format(const struct storage_pool_def *def)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    uuid_format(def->uuid, uuid);
    fprintf(out, "<pool type='%s'>\n", options[def->type].name);
    xml_write_text_element(out, "  ", "name", def->name);
    fprintf(out, "  <uuid>%s</uuid>\n", uuid);
    fprintf(out, "  <capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    fprintf(out, "  <allocation unit='bytes'>%llu</allocation>\n",
            def->allocation);
    fprintf(out, "  <available unit='bytes'>%llu</available>\n",
            def->available);
    write_source(out, "  ", def->type, &def->source);
    if (!(options[def->type].source & SRC_NETWORK)) {
        fprintf(out, "  <target>\n");
        xml_write_text_element(out, "    ", "path", def->target_path);
        storage_xml_write_perms(out, "    ", &def->target_perms);
        fprintf(out, "  </target>\n");
    }
    fprintf(out, "</pool>\n");
    return close_text(out, &text);
}

int
storage_xml_source_host(const char *xml, char **host,
                        struct vireo_error *err)
{
    xmlDocPtr doc = xml_read_document(xml, strlen(xml),
                                      "(storage_source_specification)", err);
    xmlNodePtr root, node;
    int rc = 0;

    *host = NULL;
    if (doc == NULL)
        return -1;
    root = xmlDocGetRootElement(doc);
    node = root != NULL ? storage_xml_child(root, "host") : NULL;
    if (node != NULL)
        rc = storage_xml_attr(node, "name", host, err);
    xmlFreeDoc(doc);
    return rc;
}
