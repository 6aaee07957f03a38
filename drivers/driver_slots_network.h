/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_network.h: the slots of struct driver (driver.h) for virtual
 * networks and their DHCP leases. Each slot's comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Networks. */
    /* libvirt's virNetwork* calls. A network handle names its network by
     * uuid; one that is gone gives VIR_ERR_NO_NETWORK. Lists return
     * malloc'ed names (or handles) the caller frees; with nets NULL,
     * connect_list_all_networks only counts. flags are libvirt's
     * VIR_CONNECT_LIST_NETWORKS_*, VIR_NETWORK_XML_INACTIVE,
     * VIR_NETWORK_DEFINE_VALIDATE and VIR_NETWORK_UPDATE_AFFECT_*. A
     * driver that runs real networks does the work on its own thread and
     * reports lifecycle events through object_event.h. */
    int (*connect_num_of_networks)(struct vireo_conn *conn,
                                   struct vireo_error *err);
    int (*connect_list_networks)(struct vireo_conn *conn, char **names,
                                 int maxnames, struct vireo_error *err);
    int (*connect_num_of_defined_networks)(struct vireo_conn *conn,
                                           struct vireo_error *err);
    int (*connect_list_defined_networks)(struct vireo_conn *conn,
                                         char **names, int maxnames,
                                         struct vireo_error *err);
    int (*connect_list_all_networks)(struct vireo_conn *conn,
                                     struct vireo_network ***nets,
                                     unsigned flags, struct vireo_error *err);
    struct vireo_network *(*network_lookup_by_name)(struct vireo_conn *conn,
                                                    const char *name,
                                                    struct vireo_error *err);
    struct vireo_network *(*network_lookup_by_uuid)(
        struct vireo_conn *conn, const unsigned char *uuid,
        struct vireo_error *err);
    /* Define (persistent, inactive unless it was running) or create
     * (transient, running) from a <network> document. */
    struct vireo_network *(*network_define_xml)(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
    struct vireo_network *(*network_create_xml)(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
    int (*network_undefine)(struct vireo_network *net,
                            struct vireo_error *err);
    int (*network_create)(struct vireo_network *net,
                          struct vireo_error *err);
    int (*network_destroy)(struct vireo_network *net,
                           struct vireo_error *err);
    char *(*network_get_xml_desc)(struct vireo_network *net, unsigned flags,
                                  struct vireo_error *err);
    char *(*network_get_bridge_name)(struct vireo_network *net,
                                     struct vireo_error *err);
    int (*network_get_autostart)(struct vireo_network *net, int *autostart,
                                 struct vireo_error *err);
    int (*network_set_autostart)(struct vireo_network *net, int autostart,
                                 struct vireo_error *err);
    /* 1 or 0, or -1 with err set. */
    int (*network_is_active)(struct vireo_network *net,
                             struct vireo_error *err);
    int (*network_is_persistent)(struct vireo_network *net,
                                 struct vireo_error *err);
    /* virNetworkUpdate: command and section are libvirt's
     * VIR_NETWORK_UPDATE_COMMAND_* and VIR_NETWORK_SECTION_*. */
    int (*network_update)(struct vireo_network *net, unsigned command,
                          unsigned section, int parent_index,
                          const char *xml, unsigned flags,
                          struct vireo_error *err);

    /* Network DHCP leases: libvirt's virNetworkGetDHCPLeases. The leases
     * of net's DHCP server (only mac's when mac is not NULL), as a
     * malloc'ed array in *leases of the returned count (leases NULL: the
     * count only), each lease freed with vireo_network_dhcp_lease_free
     * (drivers/network_lease.c), the array with free();
     * -1 with err set. */
    int (*network_get_dhcp_leases)(struct vireo_network *net,
                                   const char *mac,
                                   struct vireo_network_dhcp_lease ***leases,
                                   unsigned flags, struct vireo_error *err);
