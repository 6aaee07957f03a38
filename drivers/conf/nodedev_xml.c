/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nodedev_xml.c: reading and writing libvirt's node device XML
 * (nodedev_xml.h), with libvirt's XPath reading (first matches, unknown
 * elements ignored) done through xml_child.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/nodedev_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_child.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define ERR_DOMAIN VIR_FROM_NODEDEV

static const char *const cap_names[NODEDEV_CAP_LAST + 1] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host",
    "scsi_target", "scsi", "storage", "fc_host", "vports", "scsi_generic",
    "drm", "mdev_types", "mdev", "ccw", "css", "vdpa", "ap_card",
    "ap_queue", "ap_matrix", "vpd", NULL,
};

/* One parse: the device's name for the messages, the error, memory. */
struct rd {
    const char         *dev_name;
    bool                is_create;
    struct vireo_error *err;
    bool                is_oom;
};

const char *
nodedev_cap_type_name(int type)
{
    return type >= 0 && type < NODEDEV_CAP_LAST ? cap_names[type] : NULL;
}

static int
cap_from_name(const char *name)
{
    for (int i = 0; i < NODEDEV_CAP_LAST; i++)
        if (strcmp(cap_names[i], name) == 0)
            return i;
    return -1;
}

/* VIR_ERR_INTERNAL_ERROR with the device's name in the message, as
 * libvirt's node device parser words its complaints. */
static int __attribute__((format(printf, 2, 0)))
fail(struct rd *r, const char *fmt_with_name)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    return error_set(r->err, VIR_ERR_INTERNAL_ERROR, ERR_DOMAIN,
                     fmt_with_name, r->dev_name);
#pragma GCC diagnostic pop
}

static char *
text(struct rd *r, xmlNodePtr node, const char *name)
{
    return node != NULL ? xml_child_text(node, name, &r->is_oom) : NULL;
}

/* string(./name[1]) as an int: 1 found, 0 absent, -1 malformed. */
static int
int_text(struct rd *r, xmlNodePtr node, const char *name, int *out)
{
    char *t = text(r, node, name);
    long v;
    int rc;

    if (t == NULL)
        return 0;
    rc = xml_child_long(t, &v) == 0 ? 1 : -1;
    if (rc == 1)
        *out = (int)v;
    free(t);
    return rc;
}

static int
parse_system(struct rd *r, struct nodedev_system *sys, xmlNodePtr cap)
{
    xmlNodePtr hw = xml_child(cap, "hardware");
    xmlNodePtr fw = xml_child(cap, "firmware");
    char *uuid;
    int rc = 0;

    sys->product = text(r, cap, "product");
    sys->hw_vendor = text(r, hw, "vendor");
    sys->hw_version = text(r, hw, "version");
    sys->hw_serial = text(r, hw, "serial");
    uuid = text(r, hw, "uuid");
    if (uuid == NULL)
        rc = fail(r, "no system UUID supplied for '%s'");
    else if (uuid_parse(uuid, sys->hw_uuid) < 0)
        rc = fail(r, "malformed uuid element for '%s'");
    free(uuid);
    sys->fw_vendor = text(r, fw, "vendor");
    sys->fw_version = text(r, fw, "version");
    sys->fw_release_date = text(r, fw, "release_date");
    return rc;
}

static int
parse_fc_host(struct rd *r, struct nodedev_scsi_host *h, xmlNodePtr sub)
{
    h->is_fc_host = true;
    /* libvirt would make up a WWN for a vHBA of a known hypervisor type;
     * the test driver names none, so a missing one is an error. */
    h->wwnn = text(r, sub, "wwnn");
    if (h->wwnn == NULL)
        return fail(r, "no WWNN supplied for '%s', and auto-generation "
                       "failed");
    h->wwpn = text(r, sub, "wwpn");
    if (h->wwpn == NULL)
        return fail(r, "no WWPN supplied for '%s', and auto-generation "
                       "failed");
    h->fabric_wwn = text(r, sub, "fabric_wwn");
    return 0;
}

static int
parse_sub_cap(struct rd *r, struct nodedev_scsi_host *h, xmlNodePtr sub)
{
    char *type = xml_child_attr(sub, "type", &r->is_oom);
    int rc = 0;

    if (type == NULL)
        rc = fail(r, "missing SCSI host capability type for '%s'");
    else if (strcmp(type, "fc_host") == 0)
        rc = parse_fc_host(r, h, sub);
    else if (strcmp(type, "vport_ops") == 0) {
        h->has_vport_ops = true;
        if (int_text(r, sub, "max_vports", &h->max_vports) < 0 ||
            int_text(r, sub, "vports", &h->vports) < 0)
            rc = fail(r, "invalid max_vports or vports supplied for '%s'");
    } else
        rc = error_set(r->err, VIR_ERR_INTERNAL_ERROR, ERR_DOMAIN,
                       "unknown SCSI host capability type '%s' for '%s'",
                       type, r->dev_name);
    free(type);
    return rc;
}

static int
parse_scsi_host(struct rd *r, struct nodedev_scsi_host *h, xmlNodePtr cap)
{
    int found;

    h->unique_id = -1;
    if (!r->is_create) {
        found = int_text(r, cap, "host", &h->host);
        if (found <= 0)
            return fail(r, found == 0 ? "no SCSI host ID supplied for '%s'"
                                      : "invalid SCSI host ID supplied for "
                                        "'%s'");
        if (int_text(r, cap, "unique_id", &h->unique_id) < 0)
            return fail(r, "invalid unique_id supplied for '%s'");
    }
    for (xmlNodePtr sub = xml_child(cap, "capability"); sub != NULL;
         sub = xml_child_next(sub))
        if (parse_sub_cap(r, h, sub) < 0)
            return -1;
    return 0;
}

/* One number libvirt requires of a PCI address: 0, or -1 with its
 * complaint ("no PCI bus ID supplied for 'x'", or "invalid ..."). */
static int
need_pci_number(struct rd *r, xmlNodePtr cap, const char *elem,
                const char *what)
{
    int v, found = int_text(r, cap, elem, &v);

    if (found > 0 && v >= 0)
        return 0;
    return error_set(r->err, VIR_ERR_INTERNAL_ERROR, ERR_DOMAIN,
                     "%s PCI %s ID supplied for '%s'",
                     found == 0 ? "no" : "invalid", what, r->dev_name);
}

static int
need_pci_id(struct rd *r, xmlNodePtr cap, const char *elem,
            const char *what)
{
    char *id = xml_child_attr_of(cap, elem, "id", &r->is_oom);
    unsigned long v;
    int rc = 0;

    if (id == NULL || xml_child_ulong_any_base(id, &v) < 0)
        rc = error_set(r->err, VIR_ERR_INTERNAL_ERROR, ERR_DOMAIN,
                       "%s PCI %s ID supplied for '%s'",
                       id == NULL ? "no" : "invalid", what, r->dev_name);
    free(id);
    return rc;
}

/* A PCI device's address and identity, checked as libvirt checks them;
 * the test hypervisor keeps none (only vHBAs are ever created). */
static int
check_pci(struct rd *r, xmlNodePtr cap)
{
    if (need_pci_number(r, cap, "domain", "domain") < 0 ||
        need_pci_number(r, cap, "bus", "bus") < 0 ||
        need_pci_number(r, cap, "slot", "slot") < 0 ||
        need_pci_number(r, cap, "function", "function") < 0)
        return -1;
    if (need_pci_id(r, cap, "vendor", "vendor") < 0)
        return -1;
    return need_pci_id(r, cap, "product", "product");
}

/* What libvirt requires of the capabilities this model does not hold,
 * so that a creation fails with libvirt's words for them: 0 when the
 * document would do (the capability is then kept empty), else -1. */
static int
check_other_cap(struct rd *r, int type, xmlNodePtr node, const char *word)
{
    char *text;

    switch (type) {
    case NODEDEV_CAP_PCI_DEV:
        return check_pci(r, node);
    case NODEDEV_CAP_SCSI_TARGET:
    case NODEDEV_CAP_NET:
        text = xml_child_text(node, type == NODEDEV_CAP_NET ? "interface"
                                                            : "target",
                              &r->is_oom);
        free(text);
        if (text != NULL)
            return 0;
        return fail(r, type == NODEDEV_CAP_NET
                       ? "no network interface supplied for '%s'"
                       : "no target name supplied for '%s'");
    case NODEDEV_CAP_FC_HOST:
    case NODEDEV_CAP_VPORTS:
        /* libvirt names these sub-capabilities by number at this level. */
        return error_set(r->err, VIR_ERR_INTERNAL_ERROR, ERR_DOMAIN,
                         "unknown capability type '%d' for '%s'", type,
                         r->dev_name);
    default:
        return error_set(r->err, VIR_ERR_CONFIG_UNSUPPORTED, ERR_DOMAIN,
                         "node device capability '%s' is not supported",
                         word);
    }
}

static int
parse_cap(struct rd *r, struct nodedev_cap *cap, xmlNodePtr node)
{
    char *type = xml_child_attr(node, "type", &r->is_oom);
    int rc = 0;

    if (type == NULL)
        return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN, "%s",
                         "Missing required attribute 'type' in element "
                         "'capability'");
    cap->type = cap_from_name(type);
    if (cap->type < 0)
        rc = error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                       "Invalid value for attribute 'type' in element "
                       "'capability': '%s'.", type);
    else if (cap->type == NODEDEV_CAP_SYSTEM)
        rc = parse_system(r, &cap->system, node);
    else if (cap->type == NODEDEV_CAP_SCSI_HOST)
        rc = parse_scsi_host(r, &cap->scsi_host, node);
    else
        rc = check_other_cap(r, cap->type, node, type);
    free(type);
    return rc;
}

static int
parse_caps(struct rd *r, struct nodedev_def *def, xmlNodePtr root)
{
    int n = xml_child_count(root, "capability");

    if (n == 0)
        return fail(r, "no device capabilities for '%s'");
    def->caps = calloc((size_t)n, sizeof(*def->caps));
    if (def->caps == NULL)
        return error_no_memory(r->err);
    for (xmlNodePtr c = xml_child(root, "capability"); c != NULL;
         c = xml_child_next(c))
        if (parse_cap(r, &def->caps[def->n_caps++], c) < 0)
            return -1;
    return 0;
}

static int
parse_device(struct rd *r, struct nodedev_def *def, xmlNodePtr root)
{
    def->name = r->is_create ? strdup("new device")
                             : text(r, root, "name");
    if (def->name == NULL)
        return r->is_create || r->is_oom
               ? error_no_memory(r->err)
               : error_set(r->err, VIR_ERR_NO_NAME, ERR_DOMAIN, "%s", "");
    r->dev_name = def->name;
    def->sysfs_path = text(r, root, "path");
    def->parent = text(r, root, "parent");
    def->driver = text(r, xml_child(root, "driver"), "name");
    if (parse_caps(r, def, root) < 0)
        return -1;
    return r->is_oom ? error_no_memory(r->err) : 0;
}

struct nodedev_def *
nodedev_def_parse(const char *xml, bool is_create, struct vireo_error *err)
{
    struct rd r = { .is_create = is_create, .err = err };
    struct nodedev_def *def;
    xmlDocPtr doc = xml_child_document(xml, "(node_device_definition)",
                                       "device", ERR_DOMAIN, err);

    if (doc == NULL)
        return NULL;
    def = calloc(1, sizeof(*def));
    if (def == NULL)
        error_no_memory(err);
    else if (parse_device(&r, def, xmlDocGetRootElement(doc)) < 0) {
        nodedev_def_free(def);
        def = NULL;
    }
    xmlFreeDoc(doc);
    return def;
}

/* ---- Writing ---------------------------------------------------------- */

static void
format_system(FILE *out, const struct nodedev_system *sys)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];

    xml_write_text_element(out, "    ", "product", sys->product);
    fputs("    <hardware>\n", out);
    xml_write_text_element(out, "      ", "vendor", sys->hw_vendor);
    xml_write_text_element(out, "      ", "version", sys->hw_version);
    xml_write_text_element(out, "      ", "serial", sys->hw_serial);
    uuid_format(sys->hw_uuid, uuid);
    fprintf(out, "      <uuid>%s</uuid>\n", uuid);
    fputs("    </hardware>\n    <firmware>\n", out);
    xml_write_text_element(out, "      ", "vendor", sys->fw_vendor);
    xml_write_text_element(out, "      ", "version", sys->fw_version);
    xml_write_text_element(out, "      ", "release_date",
                           sys->fw_release_date);
    fputs("    </firmware>\n", out);
}

static void
format_scsi_host(FILE *out, const struct nodedev_scsi_host *h)
{
    fprintf(out, "    <host>%d</host>\n", h->host);
    if (h->unique_id != -1)
        fprintf(out, "    <unique_id>%d</unique_id>\n", h->unique_id);
    if (h->is_fc_host) {
        fputs("    <capability type='fc_host'>\n", out);
        xml_write_text_element(out, "      ", "wwnn", h->wwnn);
        xml_write_text_element(out, "      ", "wwpn", h->wwpn);
        xml_write_text_element(out, "      ", "fabric_wwn", h->fabric_wwn);
        fputs("    </capability>\n", out);
    }
    if (h->has_vport_ops) {
        fputs("    <capability type='vport_ops'>\n", out);
        fprintf(out, "      <max_vports>%d</max_vports>\n", h->max_vports);
        fprintf(out, "      <vports>%d</vports>\n", h->vports);
        fputs("    </capability>\n", out);
    }
}

static void
format_device(FILE *out, const struct nodedev_def *def)
{
    fputs("<device>\n", out);
    xml_write_text_element(out, "  ", "name", def->name);
    xml_write_text_element(out, "  ", "path", def->sysfs_path);
    xml_write_text_element(out, "  ", "parent", def->parent);
    if (def->driver != NULL) {
        fputs("  <driver>\n", out);
        xml_write_text_element(out, "    ", "name", def->driver);
        fputs("  </driver>\n", out);
    }
    for (int i = 0; i < def->n_caps; i++) {
        const struct nodedev_cap *cap = &def->caps[i];

        fprintf(out, "  <capability type='%s'>\n", cap_names[cap->type]);
        if (cap->type == NODEDEV_CAP_SYSTEM)
            format_system(out, &cap->system);
        else if (cap->type == NODEDEV_CAP_SCSI_HOST)
            format_scsi_host(out, &cap->scsi_host);
        fputs("  </capability>\n", out);
    }
    fputs("</device>\n", out);
}

char *
nodedev_def_format(const struct nodedev_def *def)
{
    char *doc = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&doc, &len);

    if (out == NULL)
        return NULL;
    format_device(out, def);
    if (fclose(out) != 0) {
        free(doc);
        return NULL;
    }
    return doc;
}

struct nodedev_def *
nodedev_def_copy(const struct nodedev_def *def)
{
    char *xml = nodedev_def_format(def);
    struct nodedev_def *copy;

    if (xml == NULL)
        return NULL;
    copy = nodedev_def_parse(xml, false, NULL);
    free(xml);
    return copy;
}

static void
cap_clear(struct nodedev_cap *cap)
{
    struct nodedev_system *s = &cap->system;
    struct nodedev_scsi_host *h = &cap->scsi_host;

    free(s->product);
    free(s->hw_vendor);
    free(s->hw_version);
    free(s->hw_serial);
    free(s->fw_vendor);
    free(s->fw_version);
    free(s->fw_release_date);
    free(h->wwnn);
    free(h->wwpn);
    free(h->fabric_wwn);
}

void
nodedev_def_free(struct nodedev_def *def)
{
    if (def == NULL)
        return;
    for (int i = 0; i < def->n_caps; i++)
        cap_clear(&def->caps[i]);
    free(def->caps);
    free(def->name);
    free(def->sysfs_path);
    free(def->parent);
    free(def->driver);
    free(def);
}

bool
nodedev_def_has_cap(const struct nodedev_def *def, int type)
{
    for (int i = 0; i < def->n_caps; i++) {
        const struct nodedev_cap *cap = &def->caps[i];

        if (cap->type == type)
            return true;
        if (cap->type != NODEDEV_CAP_SCSI_HOST)
            continue;
        if ((type == NODEDEV_CAP_FC_HOST && cap->scsi_host.is_fc_host) ||
            (type == NODEDEV_CAP_VPORTS && cap->scsi_host.has_vport_ops))
            return true;
    }
    return false;
}

bool
nodedev_def_has_cap_name(const struct nodedev_def *def, const char *cap)
{
    int type;

    if (cap == NULL)
        return true;
    type = cap_from_name(cap);
    return type >= 0 && nodedev_def_has_cap(def, type);
}

struct nodedev_scsi_host *
nodedev_def_fc_host(const struct nodedev_def *def)
{
    for (int i = 0; i < def->n_caps; i++)
        if (def->caps[i].type == NODEDEV_CAP_SCSI_HOST &&
            def->caps[i].scsi_host.is_fc_host)
            return &def->caps[i].scsi_host;
    return NULL;
}
