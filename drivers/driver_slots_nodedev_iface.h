/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_nodedev_iface.h: the slots of struct driver (driver.h) for
 * node devices and host interfaces. Each slot's comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Node devices and host interfaces. */
    /* Each is its libvirt call (see vireo.h); handles and names returned
     * are the caller's (handle_nodedev_unref, handle_iface_unref). A
     * list slot given a NULL list only counts. */
    int   (*node_num_of_devices)(struct vireo_conn *conn, const char *cap,
                                 unsigned flags, struct vireo_error *err);
    int   (*node_list_devices)(struct vireo_conn *conn, const char *cap,
                               char **names, int maxnames, unsigned flags,
                               struct vireo_error *err);
    int   (*connect_list_all_node_devices)(struct vireo_conn *conn,
                                           struct vireo_node_device ***devs,
                                           unsigned flags,
                                           struct vireo_error *err);
    struct vireo_node_device *(*node_device_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    char *(*node_device_get_xml_desc)(struct vireo_node_device *dev,
                                      unsigned flags,
                                      struct vireo_error *err);
    /* NULL with err set when the device has none. */
    char *(*node_device_get_parent)(struct vireo_node_device *dev,
                                    struct vireo_error *err);
    int   (*node_device_num_of_caps)(struct vireo_node_device *dev,
                                     struct vireo_error *err);
    int   (*node_device_list_caps)(struct vireo_node_device *dev,
                                   char **names, int maxnames,
                                   struct vireo_error *err);
    struct vireo_node_device *(*node_device_create_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    int   (*node_device_destroy)(struct vireo_node_device *dev,
                                 struct vireo_error *err);
    int   (*connect_num_of_interfaces)(struct vireo_conn *conn,
                                       struct vireo_error *err);
    int   (*connect_list_interfaces)(struct vireo_conn *conn, char **names,
                                     int maxnames, struct vireo_error *err);
    int   (*connect_num_of_defined_interfaces)(struct vireo_conn *conn,
                                               struct vireo_error *err);
    int   (*connect_list_defined_interfaces)(struct vireo_conn *conn,
                                             char **names, int maxnames,
                                             struct vireo_error *err);
    int   (*connect_list_all_interfaces)(struct vireo_conn *conn,
                                         struct vireo_interface ***ifaces,
                                         unsigned flags,
                                         struct vireo_error *err);
    struct vireo_interface *(*interface_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    struct vireo_interface *(*interface_lookup_by_mac_string)(
        struct vireo_conn *conn, const char *mac, struct vireo_error *err);
    char *(*interface_get_xml_desc)(struct vireo_interface *iface,
                                    unsigned flags, struct vireo_error *err);
    struct vireo_interface *(*interface_define_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    int   (*interface_undefine)(struct vireo_interface *iface,
                                struct vireo_error *err);
    int   (*interface_create)(struct vireo_interface *iface, unsigned flags,
                              struct vireo_error *err);
    int   (*interface_destroy)(struct vireo_interface *iface, unsigned flags,
                               struct vireo_error *err);
    int   (*interface_is_active)(struct vireo_interface *iface,
                                 struct vireo_error *err);
    int   (*interface_change_begin)(struct vireo_conn *conn, unsigned flags,
                                    struct vireo_error *err);
    int   (*interface_change_commit)(struct vireo_conn *conn, unsigned flags,
                                     struct vireo_error *err);
    int   (*interface_change_rollback)(struct vireo_conn *conn,
                                       unsigned flags,
                                       struct vireo_error *err);
