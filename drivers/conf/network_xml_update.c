/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_update.c: virNetworkUpdate's commands on a network
 * definition: add, delete or modify one DHCP host or range, DNS host or
 * TXT record, or portgroup, with libvirt's checks and words. The
 * definition's tree is edited in place; a refused change leaves it as it
 * was. Pure functions on caller-owned data: any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/conf/xml_read.h"
#include "drivers/error.h"

/* One update in progress. */
struct update {
    struct network_def *def;
    unsigned            command;
    int                 parent_index;
    xmlNodePtr          node;    /* the fragment's element, in its own doc */
    struct vireo_error *err;
};

/* VIR_ERR_OPERATION_INVALID, printf-style. */
#define invalid(u, ...) \
    error_set((u)->err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK, \
              __VA_ARGS__)

static int
unsupported(struct update *u, const char *message)
{
    return error_set(u->err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_NETWORK,
                     "%s", message);
}

static int
no_support(struct update *u, const char *section)
{
    return error_set(u->err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_NETWORK,
                     "can't update '%s' section of network '%s'", section,
                     u->def->name);
}

static int
check_name(struct update *u, const char *expected)
{
    if (network_shape_is(u->node, expected))
        return 0;
    return error_set(u->err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                     "unexpected element <%s>, expecting <%s>, while "
                     "updating network '%s'", (const char *)u->node->name,
                     expected, u->def->name);
}

/* An attribute's value (owned by the caller, xmlFree), or NULL. */
static char *
prop(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

static bool
same_prop(xmlNodePtr a, xmlNodePtr b, const char *name)
{
    char *va = prop(a, name), *vb = prop(b, name);
    bool same = va != NULL && vb != NULL && strcasecmp(va, vb) == 0;

    xmlFree(va);
    xmlFree(vb);
    return same;
}

/* The fragment's copy, shaped for parent, ready to go into the network's
 * document; NULL with err set. */
static xmlNodePtr
adopt(struct update *u, const char *parent)
{
    xmlNodePtr copy = xmlDocCopyNode(u->node, u->def->doc, 1);

    if (copy == NULL) {
        error_no_memory(u->err);
        return NULL;
    }
    if (network_shape_normalise_element(copy, parent, u->err) < 0) {
        xmlFreeNode(copy);
        return NULL;
    }
    return copy;
}

/* Put copy into parent as the first or last of its kind, then restore
 * libvirt's order of parent's children. */
static int
insert(struct update *u, xmlNodePtr parent, xmlNodePtr copy,
       const char *grandparent)
{
    xmlNodePtr first = network_shape_child(parent, (const char *)copy->name);

    if (u->command == NETWORK_UPDATE_ADD_FIRST && first != NULL)
        xmlAddPrevSibling(first, copy);
    else
        xmlAddChild(parent, copy);
    return network_shape_normalise_element(parent, grandparent, u->err);
}

static void
drop(xmlNodePtr node)
{
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

/* The change itself, once checked: delete found, put the fragment in its
 * place, or add it to parent (named name, under grandparent). */
static int
apply_change(struct update *u, xmlNodePtr found, xmlNodePtr parent,
             const char *name, const char *grandparent)
{
    xmlNodePtr copy;

    if (u->command == NETWORK_UPDATE_DELETE) {
        drop(found);
        return 0;
    }
    if ((copy = adopt(u, name)) == NULL)
        return -1;
    if (found != NULL) {
        xmlReplaceNode(found, copy);
        xmlFreeNode(found);
        return 0;
    }
    return insert(u, parent, copy, grandparent);
}

static int
check_command(struct update *u)
{
    if (u->command >= NETWORK_UPDATE_MODIFY &&
        u->command <= NETWORK_UPDATE_ADD_FIRST)
        return 0;
    return error_set(u->err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_NETWORK,
                     "unrecognized network update command code %u",
                     u->command);
}

static bool
is_adding(const struct update *u)
{
    return u->command == NETWORK_UPDATE_ADD_FIRST ||
           u->command == NETWORK_UPDATE_ADD_LAST;
}

/* ---- <ip><dhcp> ------------------------------------------------------- */

static bool
has_dhcp_entries(xmlNodePtr ip)
{
    xmlNodePtr dhcp = network_shape_child(ip, "dhcp");

    return network_shape_child(dhcp, "range") != NULL ||
           network_shape_child(dhcp, "host") != NULL;
}

static bool
is_family(xmlNodePtr ip, const char *family)
{
    char *f = prop(ip, "family"), *address = prop(ip, "address");
    bool is_v6 = f != NULL ? strcmp(f, "ipv6") == 0
                           : address != NULL && strchr(address, ':') != NULL;

    xmlFree(f);
    xmlFree(address);
    return is_v6 == (strcmp(family, "ipv6") == 0);
}

/* The <ip> libvirt picks: at parent_index, else the one with DHCP, else
 * the first IPv4, else the first IPv6. NULL with err set. */
static xmlNodePtr
find_ip(struct update *u)
{
    xmlNodePtr root = xmlDocGetRootElement(u->def->doc);
    int i = 0;

    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (!network_shape_is(c, "ip"))
            continue;
        if (u->parent_index >= 0 ? i++ == u->parent_index
                                 : has_dhcp_entries(c))
            return c;
    }
    if (u->parent_index >= 0) {
        error_set(u->err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                  "couldn't update dhcp host entry - no <ip> element found "
                  "at index %d in network '%s'", u->parent_index,
                  u->def->name);
        return NULL;
    }
    for (const char *const *f = (const char *const[]){ "ipv4", "ipv6", NULL };
         *f != NULL; f++)
        for (xmlNodePtr c = root->children; c; c = c->next)
            if (network_shape_is(c, "ip") && is_family(c, *f))
                return c;
    error_set(u->err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
              "couldn't update dhcp host entry - no <ip> element found in "
              "network '%s'", u->def->name);
    return NULL;
}

/* ip's <dhcp>, made if it has none; NULL when memory is short. */
static xmlNodePtr
dhcp_of(struct update *u, xmlNodePtr ip)
{
    xmlNodePtr dhcp = network_shape_child(ip, "dhcp");

    if (dhcp == NULL && (dhcp = xmlNewChild(ip, NULL, BAD_CAST "dhcp",
                                            NULL)) == NULL)
        error_no_memory(u->err);
    return dhcp;
}

static bool
host_matches(xmlNodePtr a, xmlNodePtr b)
{
    return same_prop(a, b, "mac") || same_prop(a, b, "name") ||
           same_prop(a, b, "ip");
}

static xmlNodePtr
find_host(xmlNodePtr dhcp, xmlNodePtr host)
{
    for (xmlNodePtr c = dhcp != NULL ? dhcp->children : NULL; c; c = c->next)
        if (network_shape_is(c, "host") && host_matches(c, host))
            return c;
    return NULL;
}

/* A host as libvirt quotes it, is_found saying which message. */
static int
host_error(struct update *u, bool is_found)
{
    char *mac = prop(u->node, "mac"), *name = prop(u->node, "name");
    char *ip = prop(u->node, "ip");
    const char *m = mac ? mac : "unknown", *n = name ? name : "(null)";
    const char *i = ip ? ip : "unknown";
    int rc = is_found
        ? invalid(u, "there is an existing dhcp host entry in network '%s' "
                  "that matches \"<host mac='%s' name='%s' ip='%s'/>\"",
                  u->def->name, m, n, i)
        : invalid(u, "couldn't locate an existing dhcp host entry with "
                  "\"mac='%s'\" \"name='%s'\" \"ip='%s'\" in network '%s'",
                  m, n, i, u->def->name);

    xmlFree(mac);
    xmlFree(name);
    xmlFree(ip);
    return rc;
}

static int
check_host_fields(struct update *u)
{
    char *ip = prop(u->node, "ip"), *mac = prop(u->node, "mac");
    char *name = prop(u->node, "name");
    int rc = 0;

    if (u->command != NETWORK_UPDATE_DELETE && ip == NULL)
        rc = error_set(u->err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Missing IP address in static host definition for "
                       "network '%s'", u->def->name);
    else if (mac == NULL && name == NULL)
        rc = error_set(u->err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Static host definition in IPv4 network '%s' must "
                       "have mac or name attribute", u->def->name);
    xmlFree(ip);
    xmlFree(mac);
    xmlFree(name);
    return rc;
}

static int
update_dhcp_host(struct update *u)
{
    xmlNodePtr ip, dhcp, found;

    if (check_name(u, "host") < 0 || (ip = find_ip(u)) == NULL ||
        check_host_fields(u) < 0 || (dhcp = dhcp_of(u, ip)) == NULL)
        return -1;
    found = find_host(dhcp, u->node);
    if (is_adding(u) && found != NULL)
        return host_error(u, true);
    if (!is_adding(u) && found == NULL)
        return u->command == NETWORK_UPDATE_DELETE
               ? invalid(u, "couldn't locate a matching dhcp host entry in "
                         "network '%s'", u->def->name)
               : host_error(u, false);
    return apply_change(u, found, dhcp, "dhcp", "ip");
}

static xmlNodePtr
find_range(xmlNodePtr dhcp, xmlNodePtr range)
{
    for (xmlNodePtr c = dhcp != NULL ? dhcp->children : NULL; c; c = c->next)
        if (network_shape_is(c, "range") && same_prop(c, range, "start") &&
            same_prop(c, range, "end"))
            return c;
    return NULL;
}

static int
update_dhcp_range(struct update *u)
{
    xmlNodePtr ip, dhcp, found;
    char *start, *end;
    int rc = 0;

    if (check_name(u, "range") < 0 || (ip = find_ip(u)) == NULL ||
        (dhcp = dhcp_of(u, ip)) == NULL)
        return -1;
    if (u->command == NETWORK_UPDATE_MODIFY)
        return unsupported(u, "dhcp ranges cannot be modified, only added "
                           "or deleted");
    found = find_range(dhcp, u->node);
    start = prop(u->node, "start");
    end = prop(u->node, "end");
    if (is_adding(u) && found != NULL)
        rc = invalid(u, "there is an existing dhcp range entry in network "
                     "'%s' that matches \"<range start='%s' end='%s'/>\"",
                     u->def->name, start, end);
    else if (!is_adding(u) && found == NULL)
        rc = invalid(u, "couldn't locate a matching dhcp range entry in "
                     "network '%s'", u->def->name);
    xmlFree(start);
    xmlFree(end);
    if (rc < 0)
        return rc;
    return apply_change(u, found, dhcp, "dhcp", "ip");
}

/* ---- <portgroup> ------------------------------------------------------ */

static xmlNodePtr
find_named(xmlNodePtr parent, const char *element, xmlNodePtr like,
           const char *key)
{
    for (xmlNodePtr c = parent != NULL ? parent->children : NULL; c;
         c = c->next)
        if (network_shape_is(c, element) && same_prop(c, like, key))
            return c;
    return NULL;
}

static int
update_portgroup(struct update *u)
{
    xmlNodePtr root = xmlDocGetRootElement(u->def->doc);
    xmlNodePtr found;
    char *name;
    int rc = 0;

    if (check_name(u, "portgroup") < 0)
        return -1;
    found = find_named(root, "portgroup", u->node, "name");
    name = prop(u->node, "name");
    if (is_adding(u) && found != NULL)
        rc = invalid(u, "there is an existing portgroup entry in network "
                     "'%s' that matches \"<portgroup name='%s'>\"",
                     u->def->name, name);
    else if (!is_adding(u) && found == NULL)
        rc = invalid(u, "couldn't find a portgroup entry in network '%s' "
                     "matching <portgroup name='%s'>", u->def->name,
                     name);
    xmlFree(name);
    if (rc < 0)
        return rc;
    return apply_change(u, found, root, "network", "network");
}

/* ---- <dns> ------------------------------------------------------------ */

static xmlNodePtr
dns_of(struct update *u)
{
    xmlNodePtr root = xmlDocGetRootElement(u->def->doc);
    xmlNodePtr dns = network_shape_child(root, "dns");

    if (dns == NULL &&
        (dns = xmlNewChild(root, NULL, BAD_CAST "dns", NULL)) == NULL)
        error_no_memory(u->err);
    return dns;
}

/* What a new DNS host or TXT record must have, in libvirt's words. */
static int
check_dns_fields(struct update *u, const char *element)
{
    char *name = prop(u->node, "name"), *value = prop(u->node, "value");
    int rc = 0;

    if (strcmp(element, "txt") == 0 && value == NULL)
        rc = error_set(u->err, VIR_ERR_XML_DETAIL, VIR_FROM_NETWORK,
                       "missing required value attribute in DNS TXT "
                       "record named '%s' of network %s",
                       name != NULL ? name : "", u->def->name);
    else if (strcmp(element, "host") == 0 &&
             network_shape_child(u->node, "hostname") == NULL)
        rc = error_set(u->err, VIR_ERR_XML_DETAIL, VIR_FROM_NETWORK,
                       "Missing hostname in network '%s' DNS HOST record",
                       u->def->name);
    xmlFree(name);
    xmlFree(value);
    return rc;
}

/* DNS hosts and TXT records: added or deleted, never modified; key names
 * the attribute that identifies one. */
static int
update_dns_record(struct update *u, const char *element, const char *key,
                  const char *what)
{
    xmlNodePtr dns, found;

    if (check_name(u, element) < 0 || (dns = dns_of(u)) == NULL)
        return -1;
    if (u->command == NETWORK_UPDATE_MODIFY)
        return error_set(u->err, VIR_ERR_OPERATION_UNSUPPORTED,
                         VIR_FROM_NETWORK, "DNS %s records cannot be "
                         "modified, only added or deleted", what);
    if (is_adding(u) && check_dns_fields(u, element) < 0)
        return -1;
    found = find_named(dns, element, u->node, key);
    if (is_adding(u) && found != NULL)
        return invalid(u, "there is already at least one DNS %s record with "
                       "a matching field in network %s", what,
                       u->def->name);
    if (!is_adding(u) && found == NULL)
        return invalid(u, "couldn't locate a matching DNS %s record in "
                       "network %s", what, u->def->name);
    return apply_change(u, found, dns, "dns", "network");
}

/* Does c have every attribute the fragment gives, with the same value? */
static bool
has_all_fields(xmlNodePtr c, xmlNodePtr like)
{
    for (xmlAttrPtr a = like->properties; a != NULL; a = a->next)
        if (!same_prop(c, like, (const char *)a->name))
            return false;
    return true;
}

/* DNS SRV records match on every field the fragment gives. */
static int
update_dns_srv(struct update *u)
{
    xmlNodePtr dns, found = NULL;

    if (check_name(u, "srv") < 0 || (dns = dns_of(u)) == NULL)
        return -1;
    if (u->command == NETWORK_UPDATE_MODIFY)
        return unsupported(u, "DNS SRV records cannot be modified, only "
                           "added or deleted");
    for (xmlNodePtr c = dns->children; c != NULL && found == NULL;
         c = c->next)
        if (network_shape_is(c, "srv") && has_all_fields(c, u->node))
            found = c;
    if (is_adding(u) && found != NULL)
        return invalid(u, "there is already at least one DNS SRV record "
                       "matching all specified fields in network %s",
                       u->def->name);
    if (!is_adding(u) && found == NULL)
        return invalid(u, "couldn't locate a matching DNS SRV record in "
                       "network %s", u->def->name);
    return apply_change(u, found, dns, "dns", "network");
}

/* ---- <forward><interface> --------------------------------------------- */

static int
update_forward_interface(struct update *u)
{
    xmlNodePtr root = xmlDocGetRootElement(u->def->doc);
    xmlNodePtr fwd = network_shape_child(root, "forward"), found;
    char *dev;
    int rc = 0;

    if (check_name(u, "interface") < 0)
        return -1;
    if (u->command == NETWORK_UPDATE_MODIFY)
        return unsupported(u, "forward interface entries cannot be "
                           "modified, only added or deleted");
    if (fwd == NULL)
        return invalid(u, "can't add an interface to network '%s', which "
                       "does not forward", u->def->name);
    found = find_named(fwd, "interface", u->node, "dev");
    dev = prop(u->node, "dev");
    if (is_adding(u) && found != NULL)
        rc = invalid(u, "there is an existing interface entry in network "
                     "'%s' that matches \"<interface dev='%s'>\"",
                     u->def->name, dev);
    else if (!is_adding(u) && found == NULL)
        rc = invalid(u, "couldn't find an interface entry in network '%s' "
                     "matching <interface dev='%s'>", u->def->name, dev);
    xmlFree(dev);
    if (rc < 0)
        return rc;
    return apply_change(u, found, fwd, "forward", "network");
}

/* ---- Dispatch --------------------------------------------------------- */

static int
apply(struct update *u, unsigned section)
{
    switch (section) {
    case NETWORK_SECTION_BRIDGE:         return no_support(u, "bridge");
    case NETWORK_SECTION_DOMAIN:         return no_support(u, "domain");
    case NETWORK_SECTION_IP:             return no_support(u, "ip");
    case NETWORK_SECTION_FORWARD:        return no_support(u, "forward");
    case NETWORK_SECTION_FORWARD_PF:     return no_support(u, "forward pf");
    case NETWORK_SECTION_FORWARD_INTERFACE:
        return update_forward_interface(u);
    case NETWORK_SECTION_DNS_SRV:        return update_dns_srv(u);
    case NETWORK_SECTION_IP_DHCP_HOST:   return update_dhcp_host(u);
    case NETWORK_SECTION_IP_DHCP_RANGE:  return update_dhcp_range(u);
    case NETWORK_SECTION_PORTGROUP:      return update_portgroup(u);
    case NETWORK_SECTION_DNS_HOST:
        return update_dns_record(u, "host", "ip", "HOST");
    case NETWORK_SECTION_DNS_TXT:
        return update_dns_record(u, "txt", "name", "TXT");
    default:
        return error_set(u->err, VIR_ERR_OPERATION_UNSUPPORTED,
                         VIR_FROM_NETWORK, "can't update unrecognized "
                         "section of network");
    }
}

int
network_def_update(struct network_def *def, unsigned command,
                   unsigned section, int parent_index, const char *xml,
                   struct vireo_error *err)
{
    struct update u = { .def = def, .command = command,
                        .parent_index = parent_index, .err = err };
    xmlDocPtr doc;
    int rc;

    if (check_command(&u) < 0)
        return -1;
    doc = xml_read_document(xml, strlen(xml), "(network_update_xml)", err);
    if (doc == NULL)
        return -1;
    u.node = xmlDocGetRootElement(doc);
    rc = apply(&u, section);
    xmlFreeDoc(doc);
    return rc;
}
