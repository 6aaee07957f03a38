/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml.h: libvirt's <network> document, read and written back as
 * libvirt writes it (its element order, its attribute order, its
 * defaults: a bare <forward/> is NAT, a bridge of an isolated, NAT, route
 * or open network says stp='on' delay='0'), and changed in place by
 * virNetworkUpdate's commands.
 *
 * The few fields a driver acts on are typed; every element libvirt knows
 * below them (dns, ip and dhcp, route, portgroup, bandwidth, vlan,
 * virtualport, the forward's nat, interfaces and pf) is kept as a tree,
 * its attributes and children put in libvirt's order when read, so that
 * net-update can edit it and dumpxml writes it as libvirt would. Elements
 * libvirt does not know at the top level are dropped, as libvirt does.
 */
#ifndef VIREO_CONF_NETWORK_XML_H
#define VIREO_CONF_NETWORK_XML_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "api/vireo.h"

/* libvirt's virNetworkForwardType, in its order. */
enum network_forward {
    NETWORK_FORWARD_NONE,      /* isolated: no <forward> */
    NETWORK_FORWARD_NAT,
    NETWORK_FORWARD_ROUTE,
    NETWORK_FORWARD_OPEN,
    NETWORK_FORWARD_BRIDGE,
    NETWORK_FORWARD_PRIVATE,
    NETWORK_FORWARD_VEPA,
    NETWORK_FORWARD_PASSTHROUGH,
    NETWORK_FORWARD_HOSTDEV,
    NETWORK_FORWARD_LAST
};

/* A network's definition. Plain data owned by whoever holds it; not
 * shared between threads. */
struct network_def {
    char         *name;
    unsigned char uuid[VIREO_UUID_BUFLEN];
    int           forward;            /* enum network_forward */
    char         *bridge;             /* <bridge name>, NULL if none */
    /* The whole document as read, normalised: the kept elements live
     * here, and the typed fields above were read from it. */
    xmlDocPtr     doc;
};

/* Parse a <network> document. NULL with err set as libvirt would
 * (VIR_ERR_XML_DETAIL for syntax, VIR_ERR_NO_NAME, VIR_ERR_XML_ERROR,
 * VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_INTERNAL_ERROR). A missing uuid is
 * generated. */
struct network_def *network_def_parse(const char *xml,
                                      struct vireo_error *err);

/* The document as libvirt's net-dumpxml writes it; malloc'ed, or NULL
 * when memory is short. */
char *network_def_format(const struct network_def *def);

/* A deep copy, or NULL with err set. */
struct network_def *network_def_copy(const struct network_def *def,
                                     struct vireo_error *err);

/* network_def_free(NULL) is a no-op. */
void network_def_free(struct network_def *def);

/* Does <network ipv6='yes'> ask for IPv6 between the guests even
 * without an IPv6 address on the network? */
bool network_def_is_ipv6_nogw(const struct network_def *def);

/* libvirt's word for a forward mode ("nat", "bridge"), or NULL. */
const char *network_forward_to_string(int forward);

/* libvirt's virNetworkUpdateCommand and virNetworkUpdateSection. */
enum network_update_command {
    NETWORK_UPDATE_NONE,
    NETWORK_UPDATE_MODIFY,
    NETWORK_UPDATE_DELETE,
    NETWORK_UPDATE_ADD_LAST,
    NETWORK_UPDATE_ADD_FIRST,
};

enum network_update_section {
    NETWORK_SECTION_NONE,
    NETWORK_SECTION_BRIDGE,
    NETWORK_SECTION_DOMAIN,
    NETWORK_SECTION_IP,
    NETWORK_SECTION_IP_DHCP_HOST,
    NETWORK_SECTION_IP_DHCP_RANGE,
    NETWORK_SECTION_FORWARD,
    NETWORK_SECTION_FORWARD_INTERFACE,
    NETWORK_SECTION_FORWARD_PF,
    NETWORK_SECTION_PORTGROUP,
    NETWORK_SECTION_DNS_HOST,
    NETWORK_SECTION_DNS_TXT,
    NETWORK_SECTION_DNS_SRV,
    NETWORK_SECTION_LAST
};

/* virNetworkUpdate on def: apply command to section with the element in
 * xml, in the <ip> at parent_index (-1: the one libvirt picks). 0, or -1
 * with err set in libvirt's words, def then unchanged. */
int network_def_update(struct network_def *def, unsigned command,
                       unsigned section, int parent_index, const char *xml,
                       struct vireo_error *err);

#endif /* VIREO_CONF_NETWORK_XML_H */
