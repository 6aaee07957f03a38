/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_slots.h: the network driver's slots (driver.h, section
 * "Networks"), each on the network thread, where vireod runs every call
 * of a companion connection: net_query.c answers, net_slots.c changes.
 * conn->priv is the struct net_state.
 */
#ifndef VIREO_NETWORK_NET_SLOTS_H
#define VIREO_NETWORK_NET_SLOTS_H

#include "api/vireo.h"

struct net_obj;
struct net_state;

/* The network net names, or NULL with VIR_ERR_NO_NETWORK set. */
struct net_obj *net_slots_obj(struct vireo_network *net,
                              struct vireo_error *err);

/* net_query.c */
int netdrv_connect_num_of_networks(struct vireo_conn *conn,
                                   struct vireo_error *err);
int netdrv_connect_list_networks(struct vireo_conn *conn, char **names,
                                 int maxnames, struct vireo_error *err);
int netdrv_connect_num_of_defined_networks(struct vireo_conn *conn,
                                           struct vireo_error *err);
int netdrv_connect_list_defined_networks(struct vireo_conn *conn,
                                         char **names, int maxnames,
                                         struct vireo_error *err);
int netdrv_connect_list_all_networks(struct vireo_conn *conn,
                                     struct vireo_network ***nets,
                                     unsigned flags, struct vireo_error *err);
struct vireo_network *netdrv_network_lookup_by_name(struct vireo_conn *conn,
                                                    const char *name,
                                                    struct vireo_error *err);
struct vireo_network *netdrv_network_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
char *netdrv_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                                  struct vireo_error *err);
char *netdrv_network_get_bridge_name(struct vireo_network *net,
                                     struct vireo_error *err);
int netdrv_network_get_autostart(struct vireo_network *net, int *autostart,
                                 struct vireo_error *err);
int netdrv_network_is_active(struct vireo_network *net,
                             struct vireo_error *err);
int netdrv_network_is_persistent(struct vireo_network *net,
                                 struct vireo_error *err);

/* net_slots.c */
struct vireo_network *netdrv_network_define_xml(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
struct vireo_network *netdrv_network_create_xml(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
int netdrv_network_undefine(struct vireo_network *net,
                            struct vireo_error *err);
int netdrv_network_create(struct vireo_network *net, struct vireo_error *err);
int netdrv_network_destroy(struct vireo_network *net,
                           struct vireo_error *err);
int netdrv_network_set_autostart(struct vireo_network *net, int autostart,
                                 struct vireo_error *err);
int netdrv_network_update(struct vireo_network *net, unsigned command,
                          unsigned section, int parent_index,
                          const char *xml, unsigned flags,
                          struct vireo_error *err);

/* net_lease.c */
int netdrv_network_get_dhcp_leases(struct vireo_network *net, const char *mac,
                                   struct vireo_network_dhcp_lease ***leases,
                                   unsigned flags, struct vireo_error *err);

#endif /* VIREO_NETWORK_NET_SLOTS_H */
