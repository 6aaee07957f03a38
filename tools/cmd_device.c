/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_device.c: attach-device, detach-device, update-device,
 * detach-device-alias, domif-getlink and domif-setlink, with virsh's
 * options, messages and flag rules.
 *
 * domif-getlink and domif-setlink work on the domain XML as virsh does:
 * the interface is found by its MAC address or its host-side name, its
 * <link state> read, or changed and sent back with update-device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

#define DEVICE_FILE_ARG \
    { "file", OPT_STRING, true, true, "XML file" }

#define AFFECT_OPTS \
    { "config", OPT_BOOL, false, false, "affect next boot" }, \
    { "live", OPT_BOOL, false, false, "affect running domain" }, \
    { "current", OPT_BOOL, false, false, "affect current domain" }

#define PERSISTENT_OPT \
    { "persistent", OPT_BOOL, false, false, "make live change persistent" }

const struct opt_def cmd_device_change_opts[] = {
    DOMAIN_ARG, DEVICE_FILE_ARG, PERSISTENT_OPT, AFFECT_OPTS, END_OPTS,
};

const struct opt_def cmd_update_device_opts[] = {
    DOMAIN_ARG, DEVICE_FILE_ARG, PERSISTENT_OPT, AFFECT_OPTS,
    { "force", OPT_BOOL, false, false, "force device update" },
    END_OPTS,
};

const struct opt_def cmd_detach_device_alias_opts[] = {
    DOMAIN_ARG,
    { "alias", OPT_STRING, true, true, "device alias" },
    AFFECT_OPTS, END_OPTS,
};

#define INTERFACE_ARG \
    { "interface", OPT_STRING, true, true, \
      "interface device (MAC Address)" }

const struct opt_def cmd_domif_getlink_opts[] = {
    DOMAIN_ARG, INTERFACE_ARG,
    { "config", OPT_BOOL, false, false, "Get persistent interface state" },
    END_OPTS,
};

const struct opt_def cmd_domif_setlink_opts[] = {
    DOMAIN_ARG, INTERFACE_ARG,
    { "state", OPT_STRING, true, true, "new state of the device" },
    { "config", OPT_BOOL, false, false, "affect next boot" },
    END_OPTS,
};

/* ---- attach, detach, update ------------------------------------------- */

/* virsh's flags from --config, --live, --current and --persistent (which
 * adds the live domain when it runs); -1 after printing a conflict. */
static int
modify_flags(const struct cmd *cmd, struct vireo_domain *dom,
             unsigned *flags)
{
    bool is_current = cmd_has(cmd, "current");
    bool is_persistent = cmd_has(cmd, "persistent");
    struct vireo_error err = { 0 };

    if (is_current && (is_persistent || cmd_has(cmd, "live") ||
                       cmd_has(cmd, "config"))) {
        cli_error("Options --current and --%s are mutually exclusive",
                  is_persistent ? "persistent"
                  : cmd_has(cmd, "live") ? "live" : "config");
        return -1;
    }
    *flags = 0;
    if (cmd_has(cmd, "config") || is_persistent)
        *flags |= VIR_DOMAIN_DEVICE_MODIFY_CONFIG;
    if (cmd_has(cmd, "live") ||
        (is_persistent && vireo_domain_is_active(dom, &err) == 1))
        *flags |= VIR_DOMAIN_DEVICE_MODIFY_LIVE;
    if (cmd_has(cmd, "force"))
        *flags |= VIR_DOMAIN_DEVICE_MODIFY_FORCE;
    return 0;
}

struct device_change {
    int        (*call)(struct vireo_domain *dom, const char *xml,
                       unsigned flags, struct vireo_error *err);
    const char  *verb;     /* "Failed to <verb> device from FILE" */
    const char  *done;     /* "Device <done> successfully" */
};

static int
change_device(struct session *s, const struct cmd *cmd,
              const struct device_change *c)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    unsigned flags;
    char *xml = NULL;
    int rc = -1;

    if (dom == NULL)
        return -1;
    if (modify_flags(cmd, dom, &flags) < 0 ||
        (xml = read_xml_file(file)) == NULL)
        goto out;
    rc = c->call(dom, xml, flags, &err);
    if (rc < 0) {
        cli_error("Failed to %s device from %s", c->verb, file);
        cli_report(&err);
        goto out;
    }
    printf("Device %s successfully\n", c->done);
out:
    free(xml);
    vireo_domain_free(dom);
    return rc;
}

int
cmd_attach_device(struct session *s, const struct cmd *cmd)
{
    static const struct device_change c = { vireo_domain_attach_device,
                                            "attach", "attached" };
    return change_device(s, cmd, &c);
}

int
cmd_detach_device(struct session *s, const struct cmd *cmd)
{
    static const struct device_change c = { vireo_domain_detach_device,
                                            "detach", "detached" };
    return change_device(s, cmd, &c);
}

int
cmd_update_device(struct session *s, const struct cmd *cmd)
{
    static const struct device_change c = { vireo_domain_update_device,
                                            "update", "updated" };
    return change_device(s, cmd, &c);
}

int
cmd_detach_device_alias(struct session *s, const struct cmd *cmd)
{
    const char *alias = cmd_string(cmd, "alias");
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    unsigned flags;
    int rc = -1;

    if (dom == NULL)
        return -1;
    if (modify_flags(cmd, dom, &flags) == 0)
        rc = vireo_domain_detach_device_alias(dom, alias, flags, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        if (err.code != 0) {
            cli_error("Failed to detach device with alias %s", alias);
            cli_report(&err);
        }
        return -1;
    }
    printf("Device detach request sent successfully\n");
    return 0;
}

/* ---- Interface links ---------------------------------------------------- */

/* The domain's XML, parsed (caller frees with xmlFreeDoc), or NULL after
 * printing the error. --config reads the persistent definition. */
static xmlDocPtr
domain_doc(struct vireo_domain *dom, bool is_config)
{
    struct vireo_error err = { 0 };
    char *xml = vireo_domain_get_xml_desc(
        dom, is_config ? VIR_DOMAIN_XML_INACTIVE : 0, &err);
    xmlDocPtr doc;

    if (xml == NULL) {
        cli_report(&err);
        return NULL;
    }
    doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING);
    free(xml);
    if (doc == NULL)
        cli_error("failed to parse the domain's XML");
    return doc;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0)
            return n;
    return NULL;
}

/* Whether attribute attr of parent's child element name equals value
 * (case aside for MAC addresses). */
static bool
child_attr_is(xmlNodePtr parent, const char *name, const char *attr,
              const char *value, bool is_case_blind)
{
    xmlChar *got = xmlGetProp(child(parent, name), BAD_CAST attr);
    bool is_equal = got != NULL &&
                    (is_case_blind
                     ? strcasecmp((const char *)got, value) == 0
                     : strcmp((const char *)got, value) == 0);

    xmlFree(got);
    return is_equal;
}

/* The <interface> whose MAC address or host-side name is iface; *n_found
 * counts the matches. */
static xmlNodePtr
find_interface(xmlDocPtr doc, const char *iface, int *n_found)
{
    xmlNodePtr devices = child(xmlDocGetRootElement(doc), "devices");
    xmlNodePtr found = NULL;

    *n_found = 0;
    for (xmlNodePtr n = devices ? devices->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE ||
            strcmp((const char *)n->name, "interface") != 0)
            continue;
        if (child_attr_is(n, "mac", "address", iface, true) ||
            child_attr_is(n, "target", "dev", iface, false)) {
            found = found ? found : n;
            (*n_found)++;
        }
    }
    return found;
}

/* Whether text is a MAC address: six pairs of hex digits and colons. */
static bool
is_mac(const char *text)
{
    for (int i = 0; i < 17; i++) {
        bool is_colon = i % 3 == 2;
        char c = text[i];

        if (is_colon ? c != ':' : !((c >= '0' && c <= '9') ||
                                   (c >= 'a' && c <= 'f') ||
                                   (c >= 'A' && c <= 'F')))
            return false;
    }
    return text[17] == '\0';
}

int
cmd_domif_getlink(struct session *s, const struct cmd *cmd)
{
    const char *iface = cmd_string(cmd, "interface");
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    xmlDocPtr doc;
    xmlNodePtr node;
    xmlChar *state;
    int n_found;

    if (dom == NULL)
        return -1;
    doc = domain_doc(dom, cmd_has(cmd, "config"));
    vireo_domain_free(dom);
    if (doc == NULL)
        return -1;
    node = find_interface(doc, iface, &n_found);
    if (n_found != 1) {
        if (n_found > 1)
            cli_error("multiple matching interfaces found");
        else
            cli_error("Interface (%s: %s) not found.",
                      is_mac(iface) ? "mac" : "dev", iface);
        xmlFreeDoc(doc);
        return -1;
    }
    state = xmlGetProp(child(node, "link"), BAD_CAST "state");
    printf("%s %s", iface, state ? (const char *)state : "up");
    xmlFree(state);
    xmlFreeDoc(doc);
    return 0;
}

/* The <interface> element with its <link state> set, serialised. */
static char *
with_link_state(xmlDocPtr doc, xmlNodePtr node, const char *state)
{
    xmlNodePtr link = child(node, "link");
    xmlBufferPtr buf = xmlBufferCreate();
    char *xml = NULL;

    if (link == NULL)
        link = xmlNewChild(node, NULL, BAD_CAST "link", NULL);
    if (buf == NULL || link == NULL ||
        xmlSetProp(link, BAD_CAST "state", BAD_CAST state) == NULL)
        goto out;
    if (xmlNodeDump(buf, doc, node, 0, 0) >= 0)
        xml = strdup((const char *)xmlBufferContent(buf));
out:
    xmlBufferFree(buf);
    return xml;
}

/* Update the interface the document holds, as virsh does: the running
 * domain unless --config or the domain is not running. */
static int
set_link(struct vireo_domain *dom, xmlDocPtr doc, xmlNodePtr node,
         const char *state, bool is_config)
{
    struct vireo_error err = { 0 };
    unsigned flags = is_config || vireo_domain_is_active(dom, &err) != 1
                     ? VIR_DOMAIN_DEVICE_MODIFY_CONFIG
                     : VIR_DOMAIN_DEVICE_MODIFY_LIVE;
    char *xml = with_link_state(doc, node, state);
    int rc;

    if (xml == NULL) {
        cli_error("out of memory");
        return -1;
    }
    rc = vireo_domain_update_device(dom, xml, flags, &err);
    free(xml);
    if (rc < 0) {
        cli_error("Failed to update interface link state");
        cli_report(&err);
        return -1;
    }
    printf("Device updated successfully\n");
    return 0;
}

int
cmd_domif_setlink(struct session *s, const struct cmd *cmd)
{
    const char *iface = cmd_string(cmd, "interface");
    const char *state = cmd_string(cmd, "state");
    bool is_config = cmd_has(cmd, "config");
    struct vireo_domain *dom;
    xmlDocPtr doc;
    xmlNodePtr node;
    int n_found, rc = -1;

    if (strcmp(state, "up") != 0 && strcmp(state, "down") != 0) {
        cli_error("invalid link state '%s'", state);
        return -1;
    }
    dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY);
    if (dom == NULL)
        return -1;
    doc = domain_doc(dom, is_config);
    if (doc == NULL)
        goto out;
    node = find_interface(doc, iface, &n_found);
    if (child(child(xmlDocGetRootElement(doc), "devices"),
              "interface") == NULL)
        cli_error("Failed to extract interface information or no "
                  "interfaces found");
    else if (node == NULL)
        cli_error("interface '%s' not found", iface);
    else
        rc = set_link(dom, doc, node, state, is_config);
    xmlFreeDoc(doc);
out:
    vireo_domain_free(dom);
    return rc;
}
