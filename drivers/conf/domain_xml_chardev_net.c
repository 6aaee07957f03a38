/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_chardev_net.c: a character device of type tcp (one end,
 * which listens with mode 'bind' or dials out with 'connect' and may
 * reconnect, and a protocol on top) or udp (where it sends, and optionally its own end).
 * libvirt writes a tcp end's mode and protocol even when the document
 * left them out, and a udp device's own end before the other.
 *
 * Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_chardev_net.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

bool
domain_chardev_is_net(const struct domain_chardev *c)
{
    return c->type != NULL &&
           (strcmp(c->type, "tcp") == 0 || strcmp(c->type, "udp") == 0);
}

static bool
is_tcp(const struct domain_chardev *c)
{
    return strcmp(c->type, "tcp") == 0;
}

/* mode='bind' or 'connect' (the default); a malloc'd copy in *mode. */
static int
source_mode(struct parse *p, xmlNodePtr node, char **mode)
{
    static const char *const modes[] = { "bind", "connect", NULL };

    if (xml_read_attr(p, node, "mode", mode) < 0)
        return -1;
    if (*mode != NULL && !xml_read_is_one_of(*mode, modes)) {
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'mode' in element 'source': "
                  "'%s'.", *mode);
        free(*mode);
        *mode = NULL;
        return -1;
    }
    if (*mode == NULL && (*mode = strdup("connect")) == NULL)
        return xml_read_no_memory(p);
    return 0;
}

/* host= and service= into the given fields, unless an earlier source of
 * the same mode filled them. */
static int
read_end(struct parse *p, xmlNodePtr node, char **host, char **service)
{
    if (*host != NULL || *service != NULL)
        return 0;
    if (xml_read_attr(p, node, "host", host) < 0 ||
        xml_read_attr(p, node, "service", service) < 0)
        return -1;
    return 0;
}

/* <reconnect enabled='yes' timeout='N'/>: without enabled it says
 * nothing, and a disabled one needs no timeout. */
static int
reconnect(struct parse *p, xmlNodePtr node, struct domain_chardev_net *net)
{
    static const char *const attrs[] = { "enabled", "timeout", NULL };
    char *timeout;
    bool is_ok;

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_tristate(p, node, "enabled", xml_read_yes_no,
                          &net->reconnect) < 0)
        return -1;
    if (net->reconnect != DOMAIN_TRISTATE_YES)
        return 0;
    if (xml_read_attr(p, node, "timeout", &timeout) < 0)
        return -1;
    if (timeout == NULL)
        return xml_read_fail(p, "Missing required attribute 'timeout' in "
                             "element 'reconnect'");
    is_ok = xml_read_strict_uint(timeout, &net->reconnect_timeout);
    if (!is_ok)
        error_set(p->err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                  "Invalid value for attribute 'timeout' in element "
                  "'reconnect': '%s'. Expected non-negative integer value",
                  timeout);
    free(timeout);
    return is_ok ? 0 : -1;
}

/* A tcp end's children: <reconnect> (the first counts). */
static int
tcp_source_children(struct parse *p, xmlNodePtr node,
                    struct domain_chardev_net *net)
{
    bool has_reconnect = false;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_read_is_ignored_child(node, c))
            continue;
        if (!xml_read_is_named(c, "reconnect"))
            return xml_read_unsupported_child(p, node, c);
        if (!has_reconnect && reconnect(p, c, net) < 0)
            return -1;
        has_reconnect = true;
    }
    return 0;
}

int
domain_xml_chardev_net_source(struct parse *p, xmlNodePtr node,
                              struct domain_chardev *c)
{
    static const char *const tcp_attrs[] = { "mode", "host", "service",
                                             "tls", NULL };
    static const char *const udp_attrs[] = { "mode", "host", "service",
                                             NULL };
    struct domain_chardev_net *net = &c->net;
    char *mode = NULL;
    int rc;

    if (is_tcp(c)) {
        if (xml_read_check_attrs(p, node, tcp_attrs) < 0 ||
            tcp_source_children(p, node, net) < 0 ||
            source_mode(p, node, &mode) < 0)
            return -1;
        free(c->source_mode);
        c->source_mode = mode;
        if (read_end(p, node, &net->host, &net->service) < 0)
            return -1;
        return xml_read_tristate(p, node, "tls", xml_read_yes_no, &net->tls);
    }
    if (xml_read_leaf(p, node, udp_attrs) < 0 ||
        source_mode(p, node, &mode) < 0)
        return -1;
    rc = strcmp(mode, "bind") == 0
         ? read_end(p, node, &net->bind_host, &net->bind_service)
         : read_end(p, node, &net->host, &net->service);
    free(mode);
    return rc;
}

int
domain_xml_chardev_net_protocol(struct parse *p, xmlNodePtr node,
                                struct domain_chardev *c)
{
    static const char *const attrs[] = { "type", NULL };
    static const char *const protocols[] = { "raw", "telnet", "telnets",
                                             "tls", NULL };
    char **protocol = &c->net.protocol;

    if (!is_tcp(c))
        return 0;
    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "type", protocol) < 0)
        return -1;
    if (*protocol != NULL && !xml_read_is_one_of(*protocol, protocols))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "Unknown protocol '%s'", *protocol);
    return 0;
}

static int
missing(struct parse *p, const char *what)
{
    return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                     "Missing source %s attribute for char device", what);
}

int
domain_xml_chardev_net_settle(struct parse *p, struct domain_chardev *c)
{
    struct domain_chardev_net *net = &c->net;

    if (!is_tcp(c))
        return net->service == NULL ? missing(p, "service") : 0;
    if (net->host == NULL)
        return missing(p, "host");
    if (net->service == NULL)
        return missing(p, "service");
    if (net->reconnect == DOMAIN_TRISTATE_YES && c->source_mode != NULL &&
        strcmp(c->source_mode, "bind") == 0)
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                         "chardev reconnect is possible only for connect "
                         "mode");
    if (c->source_mode == NULL && (c->source_mode = strdup("connect")) == NULL)
        return xml_read_no_memory(p);
    if (net->protocol == NULL && (net->protocol = strdup("raw")) == NULL)
        return xml_read_no_memory(p);
    return 0;
}

static bool
is_same_str(const char *a, const char *b)
{
    return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

bool
domain_chardev_net_is_same(const struct domain_chardev *a,
                           const struct domain_chardev *b)
{
    return is_same_str(a->source_mode, b->source_mode) &&
           is_same_str(a->net.host, b->net.host) &&
           is_same_str(a->net.service, b->net.service) &&
           is_same_str(a->net.bind_host, b->net.bind_host) &&
           is_same_str(a->net.bind_service, b->net.bind_service) &&
           is_same_str(a->net.protocol, b->net.protocol) &&
           a->net.tls == b->net.tls && a->net.reconnect == b->net.reconnect &&
           a->net.reconnect_timeout == b->net.reconnect_timeout;
}

/* One <source>; a tcp end's own (net, else NULL) with its tls and
 * <reconnect>. */
static void
put_end(FILE *out, const char *indent, const char *mode, const char *host,
        const char *service, const struct domain_chardev_net *net)
{
    int tls = net != NULL ? net->tls : DOMAIN_TRISTATE_ABSENT;
    int reconnect = net != NULL ? net->reconnect : DOMAIN_TRISTATE_ABSENT;

    fprintf(out, "%s<source", indent);
    xml_write_attr(out, "mode", mode);
    xml_write_attr(out, "host", host);
    xml_write_attr(out, "service", service);
    if (tls != DOMAIN_TRISTATE_ABSENT)
        xml_write_attr(out, "tls", tls == DOMAIN_TRISTATE_YES ? "yes" : "no");
    if (reconnect == DOMAIN_TRISTATE_ABSENT) {
        fputs("/>\n", out);
        return;
    }
    fprintf(out, ">\n%s  <reconnect", indent);
    xml_write_attr(out, "enabled",
                   reconnect == DOMAIN_TRISTATE_YES ? "yes" : "no");
    if (reconnect == DOMAIN_TRISTATE_YES)
        fprintf(out, " timeout='%u'", net->reconnect_timeout);
    fprintf(out, "/>\n%s</source>\n", indent);
}

void
domain_xml_chardev_net_format(FILE *out, const char *indent,
                              const struct domain_chardev *c)
{
    const struct domain_chardev_net *net = &c->net;

    if (is_tcp(c)) {
        put_end(out, indent, c->source_mode, net->host, net->service, net);
        xml_write_empty_element(out, indent, "protocol", "type",
                                net->protocol);
        return;
    }
    if (net->bind_host != NULL || net->bind_service != NULL)
        put_end(out, indent, "bind", net->bind_host, net->bind_service,
                NULL);
    if (net->host != NULL || net->service != NULL)
        put_end(out, indent, "connect", net->host, net->service, NULL);
}
