/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml.c: reading and writing libvirt's <network> document.
 *
 * Reading keeps the document's tree and puts it in libvirt's shape once:
 * each known element keeps only the attributes libvirt reads, in the
 * order libvirt writes them, and only the children libvirt reads, in its
 * order. Writing then walks the tree in libvirt's top-level order, with
 * the typed fields (forward mode, bridge) written from what was read and
 * their defaults filled in. Pure functions on caller-owned data: any
 * thread.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_route.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define DOC_NAME "(network_definition)"

static const char *const forward_words[NETWORK_FORWARD_LAST] = {
    "none", "nat", "route", "open", "bridge", "private", "vepa",
    "passthrough", "hostdev",
};

const char *
network_forward_to_string(int forward)
{
    return forward >= 0 && forward < NETWORK_FORWARD_LAST
           ? forward_words[forward] : NULL;
}

void
network_def_free(struct network_def *def)
{
    if (def == NULL)
        return;
    free(def->name);
    free(def->bridge);
    xmlFreeDoc(def->doc);
    free(def);
}

/* ---- Reading ---------------------------------------------------------- */

static char *
attr(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    char *copy = v != NULL ? strdup((const char *)v) : NULL;

    xmlFree(v);
    return copy;
}

/* The text of root's first <name> child, or NULL. */
static char *
child_text(xmlNodePtr root, const char *name)
{
    xmlNodePtr c = network_shape_child(root, name);
    xmlChar *v;
    char *copy;

    if (c == NULL)
        return NULL;
    v = xmlNodeGetContent(c);
    copy = v != NULL ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return copy;
}

static int
read_name(struct network_def *def, xmlNodePtr root, struct vireo_error *err)
{
    def->name = child_text(root, "name");
    if (def->name == NULL || def->name[0] == '\0')
        return error_set(err, VIR_ERR_NO_NAME, VIR_FROM_NETWORK, "%s",
                         "missing name information");
    if (strchr(def->name, '/') != NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                         "invalid char in name: %c", '/');
    return 0;
}

static int
read_uuid(struct network_def *def, xmlNodePtr root, struct vireo_error *err)
{
    char *text = child_text(root, "uuid");
    int rc = 0;

    if (text == NULL)
        rc = uuid_generate(def->uuid);
    else if (uuid_parse(text, def->uuid) < 0)
        rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK, "%s",
                       "malformed uuid element");
    free(text);
    return rc;
}

static int
read_forward(struct network_def *def, xmlNodePtr root,
             struct vireo_error *err)
{
    xmlNodePtr fwd = network_shape_child(root, "forward");
    char *mode;

    def->forward = NETWORK_FORWARD_NONE;
    if (fwd == NULL)
        return 0;
    mode = attr(fwd, "mode");
    def->forward = NETWORK_FORWARD_NAT;
    if (mode != NULL) {
        int i = 1;

        while (i < NETWORK_FORWARD_LAST && strcmp(forward_words[i], mode))
            i++;
        if (i == NETWORK_FORWARD_LAST) {
            error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                      "unknown forwarding type '%s'", mode);
            free(mode);
            return -1;
        }
        def->forward = i;
    }
    free(mode);
    return 0;
}

static int
read_bridge(struct network_def *def, xmlNodePtr root,
            struct vireo_error *err)
{
    xmlNodePtr br = network_shape_child(root, "bridge");
    char *stp;
    int rc = 0;

    if (br == NULL)
        return 0;
    def->bridge = attr(br, "name");
    stp = attr(br, "stp");
    if (stp != NULL && strcmp(stp, "on") != 0 && strcmp(stp, "off") != 0)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid value for attribute 'stp' in element "
                       "'bridge': '%s'. Expected 'on' or 'off'", stp);
    free(stp);
    return rc;
}

/* libvirt keeps <forward dev='X'> as the first forward interface, and
 * writes it back as such. */
static int
forward_dev_as_interface(xmlNodePtr root, struct vireo_error *err)
{
    xmlNodePtr fwd = network_shape_child(root, "forward");
    xmlChar *dev = fwd != NULL ? xmlGetNoNsProp(fwd, BAD_CAST "dev") : NULL;
    int rc = 0;

    if (dev != NULL && network_shape_child(fwd, "interface") == NULL &&
        network_shape_child(fwd, "pf") == NULL) {
        xmlNodePtr iface = xmlNewChild(fwd, NULL, BAD_CAST "interface", NULL);

        if (iface == NULL || xmlNewProp(iface, BAD_CAST "dev", dev) == NULL)
            rc = error_no_memory(err);
    }
    xmlFree(dev);
    return rc;
}

/* <network ipv6='yes'> (IPv6 between guests without an IPv6 address on
 * the network) or 'no', which libvirt does not write back. */
static int
read_ipv6_setting(xmlNodePtr root, const char *name, struct vireo_error *err)
{
    char *v = attr(root, "ipv6");
    int rc = 0;

    if (v != NULL && strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid ipv6 setting '%s' in network '%s'", v, name);
    else if (v != NULL && strcmp(v, "no") == 0)
        xmlUnsetProp(root, BAD_CAST "ipv6");
    free(v);
    return rc;
}

static int
read_root(struct network_def *def, struct vireo_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(def->doc);

    if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "network") ||
        root->ns != NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                         "expecting root element of 'network', not '%s'",
                         root != NULL ? (const char *)root->name : "");
    if (read_name(def, root, err) < 0 || read_uuid(def, root, err) < 0 ||
        read_forward(def, root, err) < 0 || read_bridge(def, root, err) < 0 ||
        forward_dev_as_interface(root, err) < 0 ||
        read_ipv6_setting(root, def->name, err) < 0 ||
        network_ip6_check(root, def->name, err) < 0 ||
        network_route_check(root, def->name, err) < 0)
        return -1;
    return network_shape_normalise(root, err);
}

struct network_def *
network_def_parse(const char *xml, struct vireo_error *err)
{
    struct network_def *def;

    if (xml == NULL) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK, "%s",
                  "no XML document given");
        return NULL;
    }
    def = calloc(1, sizeof(*def));
    if (def == NULL) {
        error_no_memory(err);
        return NULL;
    }
    def->doc = xml_read_document(xml, strlen(xml), DOC_NAME, err);
    if (def->doc == NULL || read_root(def, err) < 0) {
        network_def_free(def);
        return NULL;
    }
    return def;
}

struct network_def *
network_def_copy(const struct network_def *def, struct vireo_error *err)
{
    char *text = network_def_format(def);
    struct network_def *copy;

    if (text == NULL) {
        error_no_memory(err);
        return NULL;
    }
    copy = network_def_parse(text, err);
    free(text);
    return copy;
}

bool
network_def_is_ipv6_nogw(const struct network_def *def)
{
    char *v = attr(xmlDocGetRootElement(def->doc), "ipv6");
    bool is_yes = v != NULL && strcmp(v, "yes") == 0;

    free(v);
    return is_yes;
}

/* ---- Writing ---------------------------------------------------------- */

static bool
has_bridge_options(int forward)
{
    return forward == NETWORK_FORWARD_NONE || forward == NETWORK_FORWARD_NAT ||
           forward == NETWORK_FORWARD_ROUTE || forward == NETWORK_FORWARD_OPEN;
}

static void
put_attr_of(FILE *out, xmlNodePtr node, const char *name)
{
    char *v = node != NULL ? attr(node, name) : NULL;

    xml_write_attr(out, name, v);
    free(v);
}

/* <forward dev mode [managed]>, with its kept children. */
static void
put_forward(FILE *out, const struct network_def *def, xmlNodePtr root)
{
    xmlNodePtr fwd = network_shape_child(root, "forward");

    if (def->forward == NETWORK_FORWARD_NONE)
        return;
    fputs("  <forward", out);
    if (network_shape_child(fwd, "pf") == NULL) {
        /* libvirt's dev is its first forward interface's. */
        xmlNodePtr iface = network_shape_child(fwd, "interface");
        char *dev = iface != NULL ? attr(iface, "dev") : NULL;

        xml_write_attr(out, "dev", dev);
        free(dev);
    }
    xml_write_attr(out, "mode", forward_words[def->forward]);
    if (def->forward == NETWORK_FORWARD_HOSTDEV) {
        char *managed = attr(fwd, "managed");

        xml_write_attr(out, "managed",
                       managed != NULL && strcmp(managed, "yes") == 0
                       ? "yes" : "no");
        free(managed);
    }
    network_shape_put_children(out, fwd, 1, "forward");
}

static void
put_bridge(FILE *out, const struct network_def *def, xmlNodePtr root)
{
    xmlNodePtr br = network_shape_child(root, "bridge");
    bool has_options = has_bridge_options(def->forward);
    char *mtm = br != NULL ? attr(br, "macTableManager") : NULL;

    if (!has_options && def->bridge == NULL && mtm == NULL)
        return;
    fputs("  <bridge", out);
    xml_write_attr(out, "name", def->bridge);
    put_attr_of(out, br, "zone");
    if (has_options) {
        char *stp = br != NULL ? attr(br, "stp") : NULL;
        char *delay = br != NULL ? attr(br, "delay") : NULL;

        fprintf(out, " stp='%s' delay='%ld'",
                stp != NULL && strcmp(stp, "off") == 0 ? "off" : "on",
                delay != NULL ? strtol(delay, NULL, 10) : 0L);
        free(stp);
        free(delay);
    }
    xml_write_attr(out, "macTableManager", mtm);
    free(mtm);
    fputs("/>\n", out);
}

static void
put_metadata(FILE *out, xmlDocPtr doc, xmlNodePtr root)
{
    xmlNodePtr md = network_shape_child(root, "metadata");
    char *text;

    if (md == NULL)
        return;
    text = xml_read_dump(doc, md, 1);
    if (text != NULL)
        fprintf(out, "  %s\n", text);
    free(text);
}

/* The kept top-level elements that follow <bridge>, in libvirt's order. */
static void
put_kept(FILE *out, xmlNodePtr root)
{
    static const char *const order[] = {
        "mtu", "mac", "domain", "dns", "vlan", "bandwidth", "port", "ip",
        "route", "virtualport", "portgroup", NULL,
    };

    for (int i = 0; order[i] != NULL; i++)
        for (xmlNodePtr c = root->children; c != NULL; c = c->next)
            if (network_shape_is(c, order[i]))
                network_shape_put(out, c, 1, "network");
}

char *
network_def_format(const struct network_def *def)
{
    xmlNodePtr root = xmlDocGetRootElement(def->doc);
    char uuid[VIREO_UUID_STRING_BUFLEN];
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    fputs("<network", out);
    put_attr_of(out, root, "ipv6");
    put_attr_of(out, root, "trustGuestRxFilters");
    fputs(">\n", out);
    xml_write_text_element(out, "  ", "name", def->name);
    uuid_format(def->uuid, uuid);
    xml_write_text_element(out, "  ", "uuid", uuid);
    put_metadata(out, def->doc, root);
    put_forward(out, def, root);
    put_bridge(out, def, root);
    put_kept(out, root);
    fputs("</network>\n", out);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}
