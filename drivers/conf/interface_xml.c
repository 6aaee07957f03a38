/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * interface_xml.c: reading and writing libvirt's host interface XML
 * (interface_xml.h). libvirt reads it with XPath queries, so elements it
 * does not ask for are ignored, and each query sees the first match only;
 * this parser does the same with xml_child.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/interface_xml.h"
#include "drivers/conf/xml_child.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define ERR_DOMAIN VIR_FROM_INTERFACE
#define MTU_MAX    100000

static const char *const type_words[] = {
    "ethernet", "bridge", "bond", "vlan", NULL,
};
static const char *const start_words[] = {
    "", "none", "onboot", "hotplug", NULL,
};
static const char *const bond_mode_words[] = {
    "", "balance-rr", "active-backup", "balance-xor", "broadcast",
    "802.3ad", "balance-tlb", "balance-alb", NULL,
};
static const char *const carrier_words[] = { "", "ioctl", "netif", NULL };
static const char *const validate_words[] = {
    "", "active", "backup", "all", NULL,
};
/* libvirt's virNetDevIfState, stored + 1 so that 0 means absent. */
static const char *const link_state_words[] = {
    "unknown", "notpresent", "down", "lowerlayerdown", "testing",
    "dormant", "up", NULL,
};

/* One parse: the error to set and whether memory ran short. */
struct rd {
    struct vireo_error *err;
    bool                is_oom;
};

static int
word_index(const char *const *words, const char *w)
{
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], w) == 0)
            return i;
    return -1;
}

static int
fail(struct rd *r, const char *what)
{
    return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN, "%s", what);
}

static char *
attr(struct rd *r, xmlNodePtr node, const char *name)
{
    return node != NULL ? xml_child_attr(node, name, &r->is_oom) : NULL;
}

/* libvirt's virXMLProp* complaint about a value. */
static int
bad_value(struct rd *r, const char *name, xmlNodePtr node, const char *value,
          const char *expected)
{
    return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                     "Invalid value for attribute '%s' in element '%s': "
                     "'%s'.%s", name, (const char *)node->name, value,
                     expected);
}

/* An attribute with an integer (is_signed) or a non-negative integer;
 * absent leaves *out alone. */
static int
int_attr(struct rd *r, xmlNodePtr node, const char *name, bool is_signed,
         long *out)
{
    char *text = attr(r, node, name);
    unsigned long u;
    int rc = 0;

    if (text == NULL)
        return r->is_oom ? error_no_memory(r->err) : 0;
    if (is_signed ? xml_child_long(text, out) < 0
                  : xml_child_ulong(text, &u) < 0)
        rc = bad_value(r, name, node, text,
                       is_signed ? " Expected integer value"
                                 : " Expected non-negative integer value");
    else if (!is_signed)
        *out = (long)u;
    free(text);
    return rc;
}

/* An attribute from a word list: its index, or -1 absent, or -2 bad
 * (err set). */
static int
enum_attr(struct rd *r, xmlNodePtr node, const char *name,
          const char *const *words)
{
    char *text = attr(r, node, name);
    int i;

    if (text == NULL)
        return r->is_oom ? error_no_memory(r->err) - 1 : -1;
    i = word_index(words, text);
    if (i < 0) {
        bad_value(r, name, node, text, "");
        i = -2;
    }
    free(text);
    return i;
}

/* An element's integer through string(./elem/@attr): 1 found, 0 absent,
 * -1 not a number. */
static int
xpath_int(struct rd *r, xmlNodePtr node, const char *attr_name, int *out)
{
    char *text = attr(r, node, attr_name);
    long v;
    int rc = 0;

    if (text == NULL)
        return 0;
    rc = xml_child_long(text, &v) == 0 ? 1 : -1;
    if (rc == 1)
        *out = (int)v;
    free(text);
    return rc;
}

static int parse_iface(struct rd *r, xmlNodePtr node, int parent_type,
                       struct iface_def **out);

static int
parse_start_mode(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    char *mode = attr(r, xml_child(node, "start"), "mode");
    int i;

    if (mode == NULL)
        return 0;
    i = word_index(start_words, mode);
    if (i <= 0)
        error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                  "unknown interface startmode %s", mode);
    else
        def->start_mode = i;
    free(mode);
    return i <= 0 ? -1 : 0;
}

static int
parse_mtu(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    xmlNodePtr mtu = xml_child(node, "mtu");
    long size = 0;

    if (mtu == NULL || int_attr(r, mtu, "size", false, &size) < 0)
        return mtu == NULL ? 0 : -1;
    if (size > MTU_MAX)
        return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                         "value of the 'size' attribute of 'mtu' element "
                         "must be at most %d", MTU_MAX);
    def->mtu = (unsigned)size;
    return 0;
}

static int
parse_dhcp(struct rd *r, struct iface_proto *proto, xmlNodePtr dhcp)
{
    int peerdns = enum_attr(r, dhcp, "peerdns",
                            (const char *const[]){ "yes", "no", NULL });

    if (peerdns == -2)
        return -1;
    proto->has_dhcp = true;
    proto->peerdns = peerdns < 0 ? -1 : peerdns == 0;
    return 0;
}

static int
parse_ips(struct rd *r, struct iface_proto *proto, xmlNodePtr node)
{
    int n = xml_child_count(node, "ip");

    if (n == 0)
        return 0;
    proto->ips = calloc((size_t)n, sizeof(*proto->ips));
    if (proto->ips == NULL)
        return error_no_memory(r->err);
    for (xmlNodePtr ip = xml_child(node, "ip"); ip != NULL;
         ip = xml_child_next(ip)) {
        struct iface_ip *slot = &proto->ips[proto->n_ips++];
        long prefix = 0;

        slot->address = attr(r, ip, "address");
        if (slot->address == NULL)
            continue;
        if (int_attr(r, ip, "prefix", true, &prefix) < 0)
            return -1;
        slot->prefix = (int)prefix;
    }
    return 0;
}

static int
parse_proto(struct rd *r, struct iface_proto *proto, xmlNodePtr node)
{
    xmlNodePtr dhcp = xml_child(node, "dhcp");
    bool is_v6;

    proto->peerdns = -1;
    proto->family = attr(r, node, "family");
    if (proto->family == NULL)
        return fail(r, "protocol misses the family attribute");
    is_v6 = strcmp(proto->family, "ipv6") == 0;
    if (!is_v6 && strcmp(proto->family, "ipv4") != 0)
        return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                         "unsupported protocol family '%s'", proto->family);
    proto->gateway = attr(r, xml_child(node, "route"), "gateway");
    proto->has_autoconf = is_v6 && xml_child(node, "autoconf") != NULL;
    if (dhcp != NULL && parse_dhcp(r, proto, dhcp) < 0)
        return -1;
    return parse_ips(r, proto, node);
}

static int
parse_protos(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    int n = xml_child_count(node, "protocol");

    if (n == 0)
        return 0;
    def->protos = calloc((size_t)n, sizeof(*def->protos));
    if (def->protos == NULL)
        return error_no_memory(r->err);
    for (xmlNodePtr p = xml_child(node, "protocol"); p != NULL;
         p = xml_child_next(p))
        if (parse_proto(r, &def->protos[def->n_protos++], p) < 0)
            return -1;
    return 0;
}

static int
parse_link(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    xmlNodePtr lnk = xml_child(node, "link");
    long speed = 0;
    int state;

    if (lnk == NULL)
        return 0;
    if (int_attr(r, lnk, "speed", false, &speed) < 0)
        return -1;
    state = enum_attr(r, lnk, "state", link_state_words);
    if (state == -2)
        return -1;
    def->link_speed = (unsigned)speed;
    def->link_state = state + 1;
    return 0;
}

/* The members of a bridge or bond. */
static int
parse_members(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    int n = xml_child_count(node, "interface");

    if (n == 0)
        return 0;
    def->members = calloc((size_t)n, sizeof(*def->members));
    if (def->members == NULL)
        return error_no_memory(r->err);
    for (xmlNodePtr m = xml_child(node, "interface"); m != NULL;
         m = xml_child_next(m))
        if (parse_iface(r, m, def->type, &def->members[def->n_members++]) < 0)
            return -1;
    return 0;
}

static int
parse_bridge(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    xmlNodePtr br = xml_child(node, "bridge");
    char *stp;

    if (br == NULL)
        return fail(r, "bridge interface misses the bridge element");
    /* libvirt reports a bad stp value but goes on as if it were absent. */
    stp = attr(r, br, "stp");
    def->stp = stp == NULL ? -1 : strcmp(stp, "on") == 0 ? 1
               : strcmp(stp, "off") == 0 ? 0 : -1;
    free(stp);
    def->delay = attr(r, br, "delay");
    return parse_members(r, def, br);
}

static int
parse_miimon(struct rd *r, struct iface_bond *b, xmlNodePtr mii)
{
    int carrier;

    b->monitor = IFACE_BOND_MONITOR_MII;
    if (xpath_int(r, mii, "freq", &b->frequency) <= 0)
        return fail(r, "bond interface miimon freq missing or invalid");
    if (xpath_int(r, mii, "downdelay", &b->downdelay) < 0)
        return fail(r, "bond interface miimon downdelay invalid");
    if (xpath_int(r, mii, "updelay", &b->updelay) < 0)
        return fail(r, "bond interface miimon updelay invalid");
    carrier = enum_attr(r, mii, "carrier", carrier_words);
    if (carrier == -2 || carrier == 0) {
        char *w = attr(r, mii, "carrier");

        error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                  "unknown mii bonding carrier %s", w != NULL ? w : "");
        free(w);
        return -1;
    }
    b->carrier = carrier < 0 ? 0 : carrier;
    return 0;
}

static int
parse_arpmon(struct rd *r, struct iface_bond *b, xmlNodePtr arp)
{
    int validate;

    b->monitor = IFACE_BOND_MONITOR_ARP;
    if (xpath_int(r, arp, "interval", &b->interval) <= 0)
        return fail(r, "bond interface arpmon interval missing or invalid");
    b->target = attr(r, arp, "target");
    if (b->target == NULL)
        return fail(r, "bond interface arpmon target missing");
    validate = enum_attr(r, arp, "validate", validate_words);
    if (validate == -2 || validate == 0) {
        char *w = attr(r, arp, "validate");

        error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                  "unknown arp bonding validate %s", w != NULL ? w : "");
        free(w);
        return -1;
    }
    b->validate = validate < 0 ? 0 : validate;
    return 0;
}

static int
parse_bond(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    xmlNodePtr bond = xml_child(node, "bond"), mon;
    char *mode;

    if (bond == NULL)
        return fail(r, "bond interface misses the bond element");
    mode = attr(r, bond, "mode");
    if (mode != NULL) {
        def->bond.mode = word_index(bond_mode_words, mode);
        if (def->bond.mode <= 0)
            error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                      "unknown bonding mode %s", mode);
        free(mode);
        if (def->bond.mode <= 0)
            return -1;
    }
    if (parse_members(r, def, bond) < 0)
        return -1;
    if ((mon = xml_child(bond, "miimon")) != NULL)
        return parse_miimon(r, &def->bond, mon);
    if ((mon = xml_child(bond, "arpmon")) != NULL)
        return parse_arpmon(r, &def->bond, mon);
    return 0;
}

static int
parse_vlan(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    xmlNodePtr vlan = xml_child(node, "vlan");

    if (vlan == NULL)
        return fail(r, "vlan interface misses the vlan element");
    def->vlan_tag = attr(r, vlan, "tag");
    if (def->vlan_tag == NULL)
        return fail(r, "vlan interface misses the tag attribute");
    def->vlan_dev = attr(r, xml_child(vlan, "interface"), "name");
    if (def->vlan_dev == NULL)
        return fail(r, "vlan interface misses name attribute");
    return 0;
}

/* Whether a member of this type may sit in a parent of parent_type
 * (-1: top level). */
static bool
is_allowed_in(int type, int parent_type)
{
    switch (parent_type) {
    case -1:
        return true;
    case IFACE_TYPE_BOND:
        return type == IFACE_TYPE_ETHERNET;
    case IFACE_TYPE_BRIDGE:
        return type != IFACE_TYPE_BRIDGE;
    default:
        return false;
    }
}

static int
parse_type(struct rd *r, xmlNodePtr node, int parent_type, int *type)
{
    *type = enum_attr(r, node, "type", type_words);
    if (*type == -1)
        return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                         "Missing required attribute 'type' in element "
                         "'%s'", (const char *)node->name);
    if (*type < 0)
        return -1;
    if (!is_allowed_in(*type, parent_type))
        return error_set(r->err, VIR_ERR_XML_ERROR, ERR_DOMAIN,
                         "interface has unsupported type '%s'",
                         type_words[*type]);
    return 0;
}

static int
parse_kind(struct rd *r, struct iface_def *def, xmlNodePtr node)
{
    switch (def->type) {
    case IFACE_TYPE_ETHERNET:
        def->mac = attr(r, xml_child(node, "mac"), "address");
        return 0;
    case IFACE_TYPE_BRIDGE:
        return parse_bridge(r, def, node);
    case IFACE_TYPE_BOND:
        return parse_bond(r, def, node);
    default:
        return parse_vlan(r, def, node);
    }
}

static int
parse_iface(struct rd *r, xmlNodePtr node, int parent_type,
            struct iface_def **out)
{
    struct iface_def *def;
    int type;

    if (parse_type(r, node, parent_type, &type) < 0)
        return -1;
    def = calloc(1, sizeof(*def));
    if (def == NULL)
        return error_no_memory(r->err);
    *out = def;
    def->type = type;
    def->stp = -1;
    def->name = attr(r, node, "name");
    if (def->name == NULL)
        return fail(r, "interface has no name");
    if (parent_type == -1 &&
        (parse_start_mode(r, def, node) < 0 || parse_mtu(r, def, node) < 0 ||
         parse_protos(r, def, node) < 0))
        return -1;
    if (type != IFACE_TYPE_BRIDGE && parse_link(r, def, node) < 0)
        return -1;
    if (parse_kind(r, def, node) < 0)
        return -1;
    return r->is_oom ? error_no_memory(r->err) : 0;
}

struct iface_def *
iface_def_parse(const char *xml, struct vireo_error *err)
{
    struct rd r = { .err = err };
    struct iface_def *def = NULL;
    xmlDocPtr doc = xml_child_document(xml, "(interface_definition)",
                                       "interface", ERR_DOMAIN, err);

    if (doc == NULL)
        return NULL;
    if (parse_iface(&r, xmlDocGetRootElement(doc), -1, &def) < 0) {
        iface_def_free(def);
        def = NULL;
    }
    xmlFreeDoc(doc);
    return def;
}

/* ---- Writing ---------------------------------------------------------- */

static void format_iface(FILE *out, const struct iface_def *def, int level,
                         bool is_top);

static void
indent(FILE *out, int level)
{
    fprintf(out, "%*s", level * 2, "");
}

static void
format_proto(FILE *out, const struct iface_proto *p, int level)
{
    indent(out, level);
    fprintf(out, "<protocol family='%s'>\n", p->family);
    if (p->has_autoconf) {
        indent(out, level + 1);
        fputs("<autoconf/>\n", out);
    }
    if (p->has_dhcp) {
        indent(out, level + 1);
        fputs(p->peerdns == 0 ? "<dhcp peerdns='no'/>\n"
              : p->peerdns == 1 ? "<dhcp peerdns='yes'/>\n" : "<dhcp/>\n",
              out);
    }
    for (int i = 0; i < p->n_ips; i++) {
        if (p->ips[i].address == NULL)
            continue;
        indent(out, level + 1);
        fprintf(out, "<ip address='%s'", p->ips[i].address);
        if (p->ips[i].prefix != 0)
            fprintf(out, " prefix='%d'", p->ips[i].prefix);
        fputs("/>\n", out);
    }
    if (p->gateway != NULL) {
        indent(out, level + 1);
        fprintf(out, "<route gateway='%s'/>\n", p->gateway);
    }
    indent(out, level);
    fputs("</protocol>\n", out);
}

static void
format_top(FILE *out, const struct iface_def *def, int level)
{
    if (def->start_mode != IFACE_START_UNSPECIFIED) {
        indent(out, level);
        fprintf(out, "<start mode='%s'/>\n", start_words[def->start_mode]);
    }
    if (def->mtu != 0) {
        indent(out, level);
        fprintf(out, "<mtu size='%u'/>\n", def->mtu);
    }
    for (int i = 0; i < def->n_protos; i++)
        format_proto(out, &def->protos[i], level);
}

static void
format_link(FILE *out, const struct iface_def *def, int level)
{
    if (def->link_speed == 0 && def->link_state == 0)
        return;
    indent(out, level);
    fputs("<link", out);
    if (def->link_speed != 0)
        fprintf(out, " speed='%u'", def->link_speed);
    if (def->link_state != 0)
        fprintf(out, " state='%s'", link_state_words[def->link_state - 1]);
    fputs("/>\n", out);
}

static void
format_members(FILE *out, const struct iface_def *def, int level)
{
    for (int i = 0; i < def->n_members; i++)
        format_iface(out, def->members[i], level, false);
}

static void
format_bridge(FILE *out, const struct iface_def *def, int level)
{
    indent(out, level);
    fputs("<bridge", out);
    if (def->stp >= 0)
        fprintf(out, " stp='%s'", def->stp ? "on" : "off");
    xml_write_attr(out, "delay", def->delay);
    fputs(">\n", out);
    format_members(out, def, level + 1);
    indent(out, level);
    fputs("</bridge>\n", out);
}

static void
format_bond_monitor(FILE *out, const struct iface_bond *b, int level)
{
    if (b->monitor == IFACE_BOND_MONITOR_MII) {
        indent(out, level);
        fprintf(out, "<miimon freq='%d'", b->frequency);
        if (b->downdelay > 0)
            fprintf(out, " downdelay='%d'", b->downdelay);
        if (b->updelay > 0)
            fprintf(out, " updelay='%d'", b->updelay);
        if (b->carrier > 0)
            fprintf(out, " carrier='%s'", carrier_words[b->carrier]);
        fputs("/>\n", out);
    } else if (b->monitor == IFACE_BOND_MONITOR_ARP) {
        indent(out, level);
        fprintf(out, "<arpmon interval='%d' target='%s'", b->interval,
                b->target);
        if (b->validate > 0)
            fprintf(out, " validate='%s'", validate_words[b->validate]);
        fputs("/>\n", out);
    }
}

static void
format_bond(FILE *out, const struct iface_def *def, int level)
{
    indent(out, level);
    fputs("<bond", out);
    if (def->bond.mode > 0)
        fprintf(out, " mode='%s'", bond_mode_words[def->bond.mode]);
    fputs(">\n", out);
    format_bond_monitor(out, &def->bond, level + 1);
    format_members(out, def, level + 1);
    indent(out, level);
    fputs("</bond>\n", out);
}

static void
format_vlan(FILE *out, const struct iface_def *def, int level)
{
    indent(out, level);
    fprintf(out, "<vlan tag='%s'", def->vlan_tag);
    if (def->vlan_dev == NULL) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    indent(out, level + 1);
    fprintf(out, "<interface name='%s'/>\n", def->vlan_dev);
    indent(out, level);
    fputs("</vlan>\n", out);
}

static void
format_iface(FILE *out, const struct iface_def *def, int level, bool is_top)
{
    indent(out, level);
    fprintf(out, "<interface type='%s' ", type_words[def->type]);
    fputs("name='", out);
    xml_write_escaped(out, def->name, true);
    fputs("'>\n", out);
    if (is_top)
        format_top(out, def, level + 1);
    if (def->type != IFACE_TYPE_BRIDGE)
        format_link(out, def, level + 1);
    switch (def->type) {
    case IFACE_TYPE_ETHERNET:
        if (def->mac != NULL) {
            indent(out, level + 1);
            fprintf(out, "<mac address='%s'/>\n", def->mac);
        }
        break;
    case IFACE_TYPE_BRIDGE:
        format_bridge(out, def, level + 1);
        break;
    case IFACE_TYPE_BOND:
        format_bond(out, def, level + 1);
        break;
    default:
        format_vlan(out, def, level + 1);
        break;
    }
    indent(out, level);
    fputs("</interface>\n", out);
}

char *
iface_def_format(const struct iface_def *def)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    format_iface(out, def, 0, true);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

struct iface_def *
iface_def_copy(const struct iface_def *def)
{
    char *xml = iface_def_format(def);
    struct iface_def *copy;

    if (xml == NULL)
        return NULL;
    copy = iface_def_parse(xml, NULL);
    free(xml);
    return copy;
}

void
iface_def_free(struct iface_def *def)
{
    if (def == NULL)
        return;
    for (int i = 0; i < def->n_protos; i++) {
        for (int j = 0; j < def->protos[i].n_ips; j++)
            free(def->protos[i].ips[j].address);
        free(def->protos[i].ips);
        free(def->protos[i].family);
        free(def->protos[i].gateway);
    }
    free(def->protos);
    for (int i = 0; i < def->n_members; i++)
        iface_def_free(def->members[i]);
    free(def->members);
    free(def->name);
    free(def->mac);
    free(def->delay);
    free(def->bond.target);
    free(def->vlan_tag);
    free(def->vlan_dev);
    free(def);
}
