/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-network.h: the part of the public header for virtual networks and
 * their DHCP leases.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_NETWORK_H
#define VIREO_NETWORK_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-network.h"
#endif

/* Networks. */
/* libvirt's virNetworkPtr: a network's name and uuid on a connection. */
struct vireo_network;

/* libvirt's virConnectListAllNetworksFlags. */
enum {
    VIREO_CONNECT_LIST_NETWORKS_INACTIVE     = 1 << 0,
    VIREO_CONNECT_LIST_NETWORKS_ACTIVE       = 1 << 1,
    VIREO_CONNECT_LIST_NETWORKS_PERSISTENT   = 1 << 2,
    VIREO_CONNECT_LIST_NETWORKS_TRANSIENT    = 1 << 3,
    VIREO_CONNECT_LIST_NETWORKS_AUTOSTART    = 1 << 4,
    VIREO_CONNECT_LIST_NETWORKS_NO_AUTOSTART = 1 << 5,
};
/* virNetworkXMLFlags, virNetworkDefineFlags, virNetworkUpdateFlags. */
enum {
    VIREO_NETWORK_XML_INACTIVE           = 1 << 0,
    VIREO_NETWORK_DEFINE_VALIDATE        = 1 << 0,
    VIREO_NETWORK_UPDATE_AFFECT_CURRENT  = 0,
    VIREO_NETWORK_UPDATE_AFFECT_LIVE     = 1 << 0,
    VIREO_NETWORK_UPDATE_AFFECT_CONFIG   = 1 << 1,
};
/* virNetworkUpdateCommand. */
enum {
    VIREO_NETWORK_UPDATE_COMMAND_NONE      = 0,
    VIREO_NETWORK_UPDATE_COMMAND_MODIFY    = 1,
    VIREO_NETWORK_UPDATE_COMMAND_DELETE    = 2,
    VIREO_NETWORK_UPDATE_COMMAND_ADD_LAST  = 3,
    VIREO_NETWORK_UPDATE_COMMAND_ADD_FIRST = 4,
};
/* virNetworkUpdateSection. */
enum {
    VIREO_NETWORK_SECTION_NONE              = 0,
    VIREO_NETWORK_SECTION_BRIDGE            = 1,
    VIREO_NETWORK_SECTION_DOMAIN            = 2,
    VIREO_NETWORK_SECTION_IP                = 3,
    VIREO_NETWORK_SECTION_IP_DHCP_HOST      = 4,
    VIREO_NETWORK_SECTION_IP_DHCP_RANGE     = 5,
    VIREO_NETWORK_SECTION_FORWARD           = 6,
    VIREO_NETWORK_SECTION_FORWARD_INTERFACE = 7,
    VIREO_NETWORK_SECTION_FORWARD_PF        = 8,
    VIREO_NETWORK_SECTION_PORTGROUP         = 9,
    VIREO_NETWORK_SECTION_DNS_HOST          = 10,
    VIREO_NETWORK_SECTION_DNS_TXT           = 11,
    VIREO_NETWORK_SECTION_DNS_SRV           = 12,
};

VIREO_API int vireo_conn_num_of_networks(struct vireo_conn *conn,
                                         struct vireo_error *err);
VIREO_API int vireo_conn_num_of_defined_networks(struct vireo_conn *conn,
                                                 struct vireo_error *err);
/* Up to maxnames names into names (malloc'ed; the caller frees each). */
VIREO_API int vireo_conn_list_networks(struct vireo_conn *conn, char **names,
                                       int maxnames, struct vireo_error *err);
VIREO_API int vireo_conn_list_defined_networks(struct vireo_conn *conn,
                                               char **names, int maxnames,
                                               struct vireo_error *err);
/* The networks flags select; *nets (when nets is not NULL) is a malloc'ed
 * array the caller frees with vireo_network_array_free. */
VIREO_API int vireo_conn_list_all_networks(struct vireo_conn *conn,
                                           struct vireo_network ***nets,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_uuid_string(
    struct vireo_conn *conn, const char *uuid, struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_network_undefine(struct vireo_network *net,
                                     struct vireo_error *err);
VIREO_API int vireo_network_create(struct vireo_network *net,
                                   struct vireo_error *err);
VIREO_API int vireo_network_destroy(struct vireo_network *net,
                                    struct vireo_error *err);
/* malloc'ed; the caller frees. */
VIREO_API char *vireo_network_get_xml_desc(struct vireo_network *net,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API char *vireo_network_get_bridge_name(struct vireo_network *net,
                                              struct vireo_error *err);
VIREO_API int vireo_network_get_autostart(struct vireo_network *net,
                                          int *autostart,
                                          struct vireo_error *err);
VIREO_API int vireo_network_set_autostart(struct vireo_network *net,
                                          int autostart,
                                          struct vireo_error *err);
VIREO_API int vireo_network_is_active(struct vireo_network *net,
                                      struct vireo_error *err);
VIREO_API int vireo_network_is_persistent(struct vireo_network *net,
                                          struct vireo_error *err);
VIREO_API int vireo_network_update(struct vireo_network *net,
                                   unsigned command, unsigned section,
                                   int parent_index, const char *xml,
                                   unsigned flags, struct vireo_error *err);
/* The handle's own fields; valid while the handle is held. */
VIREO_API const char *vireo_network_get_name(const struct vireo_network *net);
VIREO_API void vireo_network_get_uuid(const struct vireo_network *net,
                                      unsigned char uuid[VIREO_UUID_BUFLEN]);
VIREO_API struct vireo_network *vireo_network_ref(struct vireo_network *net);
VIREO_API void vireo_network_free(struct vireo_network *net);
VIREO_API void vireo_network_array_free(struct vireo_network **nets, int n);

/* Network DHCP leases. */

/* One lease a network's DHCP server gave (libvirt's
 * virNetworkDHCPLease). */
struct vireo_network_dhcp_lease {
    char              *iface;        /* the network's bridge */
    long long          expirytime;   /* seconds since the epoch */
    int                type;         /* VIR_IP_ADDR_TYPE_IPV4 0, IPV6 1 */
    char              *mac;          /* may be NULL */
    char              *iaid;         /* IPv6 only; may be NULL */
    char              *ipaddr;
    unsigned int       prefix;
    char              *hostname;     /* may be NULL */
    char              *clientid;     /* may be NULL */
};

/* libvirt's virNetworkGetDHCPLeases: the leases of net, only those of
 * mac when it is not NULL. Returns their count (with leases NULL, only
 * the count), or -1 with err set; *leases is a malloc'ed array of that
 * many leases, each freed with vireo_network_dhcp_lease_free(), then the
 * array with free(). */
VIREO_API int vireo_network_get_dhcp_leases(
    struct vireo_network *net, const char *mac,
    struct vireo_network_dhcp_lease ***leases, unsigned flags,
    struct vireo_error *err);
VIREO_API void vireo_network_dhcp_lease_free(
    struct vireo_network_dhcp_lease *lease);

#endif /* VIREO_NETWORK_H */
