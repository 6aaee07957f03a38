/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nodedev_xml.h: libvirt's node device XML (<device>): a name, a sysfs
 * path, a parent, a driver and capabilities. The capability kinds held
 * are those libvirt's test driver has: system (the host: hardware and
 * firmware) and scsi_host (with its fc_host and vport_ops
 * sub-capabilities, what vHBA creation works with). Written as libvirt's
 * node_device_conf.c writes them.
 */
#ifndef VIREO_CONF_NODEDEV_XML_H
#define VIREO_CONF_NODEDEV_XML_H

#include <stdbool.h>

#include "api/vireo.h"

/* libvirt's virNodeDevCapType order: a capability's bit in the
 * vireo_connect_list_node_devices_flags filter is 1 << its index. */
enum nodedev_cap_type {
    NODEDEV_CAP_SYSTEM,
    NODEDEV_CAP_PCI_DEV,
    NODEDEV_CAP_USB_DEV,
    NODEDEV_CAP_USB_INTERFACE,
    NODEDEV_CAP_NET,
    NODEDEV_CAP_SCSI_HOST,
    NODEDEV_CAP_SCSI_TARGET,
    NODEDEV_CAP_SCSI,
    NODEDEV_CAP_STORAGE,
    NODEDEV_CAP_FC_HOST,
    NODEDEV_CAP_VPORTS,
    NODEDEV_CAP_SCSI_GENERIC,
    NODEDEV_CAP_DRM,
    NODEDEV_CAP_MDEV_TYPES,
    NODEDEV_CAP_MDEV,
    NODEDEV_CAP_CCW_DEV,
    NODEDEV_CAP_CSS_DEV,
    NODEDEV_CAP_VDPA,
    NODEDEV_CAP_AP_CARD,
    NODEDEV_CAP_AP_QUEUE,
    NODEDEV_CAP_AP_MATRIX,
    NODEDEV_CAP_VPD,
    NODEDEV_CAP_LAST
};

struct nodedev_system {
    char         *product;
    char         *hw_vendor, *hw_version, *hw_serial;
    unsigned char hw_uuid[VIREO_UUID_BUFLEN];
    char         *fw_vendor, *fw_version, *fw_release_date;
};

struct nodedev_scsi_host {
    int   host;
    int   unique_id;             /* -1: not given */
    bool  is_fc_host;            /* has <capability type='fc_host'> */
    char *wwnn, *wwpn, *fabric_wwn;
    bool  has_vport_ops;         /* has <capability type='vport_ops'> */
    int   max_vports, vports;
};

/* One <capability>: type says which member is used. */
struct nodedev_cap {
    int                      type;   /* enum nodedev_cap_type */
    struct nodedev_system    system;
    struct nodedev_scsi_host scsi_host;
};

/* A device's definition. Plain data; whoever holds it owns it. */
struct nodedev_def {
    char               *name;
    char               *sysfs_path;   /* <path>, may be NULL */
    char               *parent;       /* may be NULL */
    char               *driver;       /* <driver><name>, may be NULL */
    struct nodedev_cap *caps;
    int                 n_caps;
};

/* Parse a <device> document. is_create: as virNodeDeviceCreateXML reads
 * it (the device is "new device", no host numbers needed); else as an
 * existing device. NULL with err set (libvirt's codes and wording). */
struct nodedev_def *nodedev_def_parse(const char *xml, bool is_create,
                                      struct vireo_error *err);

/* The document as libvirt writes it; malloc'ed, or NULL when memory is
 * short. */
char *nodedev_def_format(const struct nodedev_def *def);

/* A deep copy (formatted and read back); NULL when memory is short. */
struct nodedev_def *nodedev_def_copy(const struct nodedev_def *def);

void nodedev_def_free(struct nodedev_def *def);

/* libvirt's name of a capability type ("scsi_host"), or NULL. */
const char *nodedev_cap_type_name(int type);

/* Whether the device has the capability: one of its own, or fc_host and
 * vports, which libvirt counts for a scsi_host that has them. */
bool nodedev_def_has_cap(const struct nodedev_def *def, int type);

/* The same by name; NULL cap: any device matches. */
bool nodedev_def_has_cap_name(const struct nodedev_def *def, const char *cap);

/* The scsi_host capability of a fibre channel HBA, or NULL. */
struct nodedev_scsi_host *nodedev_def_fc_host(const struct nodedev_def *def);

#endif /* VIREO_CONF_NODEDEV_XML_H */
