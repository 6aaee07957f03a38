/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * interface_xml.h: libvirt's host interface XML (<interface type=...>):
 * ethernet, bridge, bond and vlan interfaces, with their start mode, MTU,
 * addressing (<protocol>), link and MAC address, read and written as
 * libvirt's interface_conf.c does, so that iface-dumpxml prints the same
 * document.
 */
#ifndef VIREO_CONF_INTERFACE_XML_H
#define VIREO_CONF_INTERFACE_XML_H

#include <stdbool.h>

#include "api/vireo.h"

enum iface_type {
    IFACE_TYPE_ETHERNET,
    IFACE_TYPE_BRIDGE,
    IFACE_TYPE_BOND,
    IFACE_TYPE_VLAN,
};

/* libvirt's values: absent, then the words "none", "onboot", "hotplug". */
enum iface_start_mode {
    IFACE_START_UNSPECIFIED,
    IFACE_START_NONE,
    IFACE_START_ONBOOT,
    IFACE_START_HOTPLUG,
};

struct iface_ip {
    char *address;
    int   prefix;        /* 0: not given */
};

/* One <protocol family='ipv4|ipv6'>. */
struct iface_proto {
    char            *family;
    bool             has_autoconf;  /* ipv6 only */
    bool             has_dhcp;
    int              peerdns;       /* -1 absent, else 0 or 1 */
    struct iface_ip *ips;
    int              n_ips;
    char            *gateway;       /* the first <route gateway> */
};

/* A bond's link monitor: none, <miimon> or <arpmon>. */
enum iface_bond_monitor {
    IFACE_BOND_MONITOR_NONE,
    IFACE_BOND_MONITOR_MII,
    IFACE_BOND_MONITOR_ARP,
};

struct iface_bond {
    int   mode;          /* index in libvirt's list of modes + 1; 0 none */
    int   monitor;       /* enum iface_bond_monitor */
    int   frequency, downdelay, updelay;
    int   carrier;       /* 0 none, 1 ioctl, 2 netif */
    int   interval;
    char *target;
    int   validate;      /* 0 none, 1 active, 2 backup, 3 all */
};

/* An interface definition, top level or a bridge's or bond's member.
 * Plain data; whoever holds it owns it. */
struct iface_def {
    int                 type;        /* enum iface_type */
    char               *name;
    char               *mac;         /* ethernet only; may be NULL */
    /* Top level only. */
    int                 start_mode;  /* enum iface_start_mode */
    unsigned            mtu;         /* 0: not given */
    struct iface_proto *protos;
    int                 n_protos;
    /* <link>, not for bridges. */
    unsigned            link_speed;  /* 0: not given */
    int                 link_state;  /* 0: not given, else libvirt's + 1 */
    /* bridge */
    int                 stp;         /* -1 absent, 0 off, 1 on */
    char               *delay;
    /* bridge and bond members */
    struct iface_def  **members;
    int                 n_members;
    struct iface_bond   bond;
    /* vlan */
    char               *vlan_tag;
    char               *vlan_dev;
};

/* Parse an <interface> document. NULL with err set (VIR_ERR_XML_ERROR,
 * libvirt's wording; VIR_ERR_XML_DETAIL for a syntax error) on failure. */
struct iface_def *iface_def_parse(const char *xml, struct vireo_error *err);

/* The document as libvirt writes it; malloc'ed, or NULL when memory is
 * short. */
char *iface_def_format(const struct iface_def *def);

/* A deep copy (libvirt's clone: formatted and read back); NULL when
 * memory is short. */
struct iface_def *iface_def_copy(const struct iface_def *def);

/* iface_def_free(NULL) is a no-op. */
void iface_def_free(struct iface_def *def);

#endif /* VIREO_CONF_INTERFACE_XML_H */
