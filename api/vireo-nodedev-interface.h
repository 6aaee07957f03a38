/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-nodedev-interface.h: the part of the public header for node devices
 * and host interfaces.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_NODEDEV_INTERFACE_H
#define VIREO_NODEDEV_INTERFACE_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-nodedev-interface.h"
#endif

/* Node devices and host interfaces. */
/* libvirt's virNodeDevicePtr and virInterfacePtr: a host device, and a
 * host network interface, by name. A returned handle is the caller's
 * (vireo_node_device_free, vireo_interface_free); a returned list is a
 * malloc'ed array of n handles and a NULL, each freed, then the array. */
struct vireo_node_device;
struct vireo_interface;

/* Flags of vireo_connect_list_all_node_devices(): the capabilities a
 * device must have (any of those given; none: every device), and its
 * state. */
enum vireo_connect_list_node_devices_flags {
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM        = 1 << 0,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV       = 1 << 1,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV       = 1 << 2,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE = 1 << 3,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET           = 1 << 4,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST     = 1 << 5,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET   = 1 << 6,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI          = 1 << 7,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE       = 1 << 8,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST       = 1 << 9,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS        = 1 << 10,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC  = 1 << 11,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM           = 1 << 12,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES    = 1 << 13,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV          = 1 << 14,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV       = 1 << 15,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV       = 1 << 16,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA          = 1 << 17,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD       = 1 << 18,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE      = 1 << 19,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX     = 1 << 20,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD           = 1 << 21,
    VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE          = 1 << 30,
    VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE            = 1u << 31,
};

/* Flags of vireo_connect_list_all_interfaces(). */
enum vireo_connect_list_interfaces_flags {
    VIR_CONNECT_LIST_INTERFACES_INACTIVE = 1 << 0,
    VIR_CONNECT_LIST_INTERFACES_ACTIVE   = 1 << 1,
};

/* Flags of vireo_interface_get_xml_desc() and _define_xml(). */
enum vireo_interface_xml_flags {
    VIR_INTERFACE_XML_INACTIVE = 1 << 0,
};
enum vireo_interface_define_flags {
    VIR_INTERFACE_DEFINE_VALIDATE = 1 << 0,
};

/* Node devices, libvirt's virNodeDevice* calls one for one. cap (NULL:
 * any) is a capability name ("scsi_host"). Listed names are malloc'ed,
 * the caller's. */
VIREO_API int vireo_node_num_of_devices(struct vireo_conn *conn,
                                        const char *cap, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_node_list_devices(struct vireo_conn *conn,
                                      const char *cap, char **names,
                                      int maxnames, unsigned flags,
                                      struct vireo_error *err);
/* flags: enum vireo_connect_list_node_devices_flags. devs may be NULL
 * (only count). */
VIREO_API int vireo_connect_list_all_node_devices(
    struct vireo_conn *conn, struct vireo_node_device ***devs,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_node_device *vireo_node_device_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API const char *vireo_node_device_get_name(
    const struct vireo_node_device *dev);
VIREO_API void vireo_node_device_free(struct vireo_node_device *dev);
/* The <device> document; the caller frees it. */
VIREO_API char *vireo_node_device_get_xml_desc(struct vireo_node_device *dev,
                                               unsigned flags,
                                               struct vireo_error *err);
/* The parent's name, malloc'ed; NULL with err set when there is none
 * (as libvirt's driver says) or on error. */
VIREO_API char *vireo_node_device_get_parent(struct vireo_node_device *dev,
                                             struct vireo_error *err);
VIREO_API int vireo_node_device_num_of_caps(struct vireo_node_device *dev,
                                            struct vireo_error *err);
VIREO_API int vireo_node_device_list_caps(struct vireo_node_device *dev,
                                          char **names, int maxnames,
                                          struct vireo_error *err);
VIREO_API struct vireo_node_device *vireo_node_device_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_node_device_destroy(struct vireo_node_device *dev,
                                        struct vireo_error *err);

/* Host interfaces, libvirt's virInterface* calls one for one. */
VIREO_API int vireo_connect_num_of_interfaces(struct vireo_conn *conn,
                                              struct vireo_error *err);
VIREO_API int vireo_connect_list_interfaces(struct vireo_conn *conn,
                                            char **names, int maxnames,
                                            struct vireo_error *err);
VIREO_API int vireo_connect_num_of_defined_interfaces(
    struct vireo_conn *conn, struct vireo_error *err);
VIREO_API int vireo_connect_list_defined_interfaces(struct vireo_conn *conn,
                                                    char **names,
                                                    int maxnames,
                                                    struct vireo_error *err);
/* flags: enum vireo_connect_list_interfaces_flags. ifaces may be NULL. */
VIREO_API int vireo_connect_list_all_interfaces(
    struct vireo_conn *conn, struct vireo_interface ***ifaces,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_lookup_by_mac_string(
    struct vireo_conn *conn, const char *mac, struct vireo_error *err);
VIREO_API const char *vireo_interface_get_name(
    const struct vireo_interface *iface);
/* The MAC address the handle was made with ("" when none). */
VIREO_API const char *vireo_interface_get_mac_string(
    const struct vireo_interface *iface);
VIREO_API void vireo_interface_free(struct vireo_interface *iface);
/* The <interface> document; the caller frees it. */
VIREO_API char *vireo_interface_get_xml_desc(struct vireo_interface *iface,
                                             unsigned flags,
                                             struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_interface_undefine(struct vireo_interface *iface,
                                       struct vireo_error *err);
VIREO_API int vireo_interface_create(struct vireo_interface *iface,
                                     unsigned flags, struct vireo_error *err);
VIREO_API int vireo_interface_destroy(struct vireo_interface *iface,
                                      unsigned flags,
                                      struct vireo_error *err);
/* 1 active, 0 inactive, -1 error. */
VIREO_API int vireo_interface_is_active(struct vireo_interface *iface,
                                        struct vireo_error *err);
/* A transaction over the host's interface configuration: begin keeps a
 * copy, commit drops it, rollback restores it. */
VIREO_API int vireo_interface_change_begin(struct vireo_conn *conn,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_interface_change_commit(struct vireo_conn *conn,
                                            unsigned flags,
                                            struct vireo_error *err);
VIREO_API int vireo_interface_change_rollback(struct vireo_conn *conn,
                                              unsigned flags,
                                              struct vireo_error *err);

#endif /* VIREO_NODEDEV_INTERFACE_H */
