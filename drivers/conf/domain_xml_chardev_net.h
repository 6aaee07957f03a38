/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_chardev_net.h: the ends of a character device of type tcp
 * or udp (struct domain_chardev_net), read and written as libvirt does.
 * Stateless; any thread.
 */
#ifndef VIREO_CONF_DOMAIN_XML_CHARDEV_NET_H
#define VIREO_CONF_DOMAIN_XML_CHARDEV_NET_H

#include <stdbool.h>
#include <stdio.h>

#include "drivers/conf/xml_read.h"

/* Type tcp or udp. */
bool domain_chardev_is_net(const struct domain_chardev *c);

/* One <source> of c, a tcp or udp device: a tcp device's only end, or
 * one of a udp device's two (by its mode; the first of each counts). */
int  domain_xml_chardev_net_source(struct parse *p, xmlNodePtr node,
                                   struct domain_chardev *c);

/* <protocol type=...> of a tcp device; another device's libvirt ignores,
 * and so does this. */
int  domain_xml_chardev_net_protocol(struct parse *p, xmlNodePtr node,
                                     struct domain_chardev *c);

/* Once c is read: what libvirt requires of its ends, and the protocol it
 * fills in. Sets p->err as libvirt words it. */
int  domain_xml_chardev_net_settle(struct parse *p, struct domain_chardev *c);

/* The same ends, as libvirt compares two sources. */
bool domain_chardev_net_is_same(const struct domain_chardev *a,
                                const struct domain_chardev *b);

/* c's <source> elements and <protocol>, at nesting `indent`. */
void domain_xml_chardev_net_format(FILE *out, const char *indent,
                                   const struct domain_chardev *c);

#endif /* VIREO_CONF_DOMAIN_XML_CHARDEV_NET_H */
