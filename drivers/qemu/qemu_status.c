/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_status.c: writing and reading a running domain's status document
 * (qemu_status.h shows its shape). The live definition inside is written
 * and read by the domain XML code; this file only wraps it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_status.h"

static const char *const state_names[] = {
    "nostate", "running", "blocked", "paused", "shutdown", "shutoff",
    "crashed", "pmsuspended",
};

#define N_STATES ((int)(sizeof(state_names) / sizeof(state_names[0])))

const char *
qemu_status_state_name(int state)
{
    return state >= 0 && state < N_STATES ? state_names[state] : NULL;
}

int
qemu_status_state_from_name(const char *name)
{
    for (int i = 0; name != NULL && i < N_STATES; i++)
        if (strcmp(state_names[i], name) == 0)
            return i;
    return -1;
}

/* ---- writing ----------------------------------------------------------- */

/* The definition's lines, each indented one level deeper. */
static void
write_indented(FILE *out, const char *text)
{
    while (*text != '\0') {
        const char *eol = strchr(text, '\n');
        size_t len = eol != NULL ? (size_t)(eol - text) + 1 : strlen(text);

        fprintf(out, "  %.*s", (int)len, text);
        text += len;
    }
}

static void
write_live(FILE *out, const struct domain_def *def)
{
    fprintf(out, "  <live>\n");
    for (int i = 0; i < def->n_chardevs; i++)
        if (def->chardevs[i].source_path != NULL) {
            fprintf(out, "    <chardev index='%d'", i);
            xml_write_attr(out, "path", def->chardevs[i].source_path);
            fprintf(out, "/>\n");
        }
    for (int i = 0; i < def->n_graphics; i++)
        if (def->graphics[i].port >= 0)
            fprintf(out, "    <graphics index='%d' port='%d'/>\n", i,
                    def->graphics[i].port);
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].target_dev != NULL) {
            fprintf(out, "    <interface index='%d'", i);
            xml_write_attr(out, "dev", def->interfaces[i].target_dev);
            fprintf(out, "/>\n");
        }
    fprintf(out, "  </live>\n");
}

char *
qemu_status_format(const struct qemu_status *s)
{
    char *def_xml = domain_def_format(s->def, -1);
    char *text = NULL;
    size_t size = 0;
    FILE *out;

    if (def_xml == NULL)
        return NULL;
    out = open_memstream(&text, &size);
    if (out == NULL) {
        free(def_xml);
        return NULL;
    }
    fprintf(out, "<domstatus state='%s' reason='%d' pid='%lld' id='%d'>\n",
            qemu_status_state_name(s->state), s->reason, (long long)s->pid,
            s->id);
    fprintf(out, "  <monitor");
    xml_write_attr(out, "path", s->monitor_path);
    fprintf(out, "/>\n");
    if (s->is_fake_reboot)
        fprintf(out, "  <fakereboot/>\n");
    write_live(out, s->def);
    write_indented(out, def_xml);
    fprintf(out, "</domstatus>\n");
    free(def_xml);
    if (fclose(out) != 0 || text == NULL) {
        free(text);
        return NULL;
    }
    return text;
}

/* ---- reading ----------------------------------------------------------- */

static int
bad(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_QEMU,
                     "bad domain status: %s", what);
}

/* The attribute as a number in [min, max]; -1 with err set otherwise. */
static int
read_number(xmlNodePtr node, const char *name, long long min, long long max,
            long long *out, struct vireo_error *err)
{
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);
    char *end;
    int rc = 0;

    if (value == NULL)
        return bad(err, name);
    errno = 0;
    *out = strtoll((const char *)value, &end, 10);
    if (errno != 0 || end == (char *)value || *end != '\0' || *out < min ||
        *out > max)
        rc = bad(err, name);
    xmlFree(value);
    return rc;
}

static xmlNodePtr
child_named(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent->children; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, name) == 0)
            return n;
    return NULL;
}

static int
read_state(xmlNodePtr root, struct qemu_status *s, struct vireo_error *err)
{
    xmlChar *name = xmlGetNoNsProp(root, (const xmlChar *)"state");
    long long reason, pid, id;

    s->state = qemu_status_state_from_name((const char *)name);
    xmlFree(name);
    if (s->state < 0)
        return bad(err, "state");
    if (read_number(root, "reason", 0, INT_MAX, &reason, err) < 0 ||
        read_number(root, "pid", 1, INT_MAX, &pid, err) < 0 ||
        read_number(root, "id", 0, INT_MAX, &id, err) < 0)
        return -1;
    s->reason = (int)reason;
    s->pid = (pid_t)pid;
    s->id = (int)id;
    return 0;
}

static int
read_monitor(xmlNodePtr root, struct qemu_status *s, struct vireo_error *err)
{
    xmlNodePtr monitor = child_named(root, "monitor");
    xmlChar *path = monitor != NULL
                    ? xmlGetNoNsProp(monitor, (const xmlChar *)"path") : NULL;

    if (path == NULL)
        return bad(err, "monitor path");
    s->monitor_path = strdup((const char *)path);
    xmlFree(path);
    return s->monitor_path != NULL ? 0 : error_no_memory(err);
}

/* The <domain> element back to text, then through the definition's own
 * parser. */
static int
read_def(xmlDocPtr doc, xmlNodePtr root, struct qemu_status *s,
         struct vireo_error *err)
{
    xmlNodePtr domain = child_named(root, "domain");
    xmlBufferPtr buf;

    if (domain == NULL)
        return bad(err, "no domain");
    buf = xmlBufferCreate();
    if (buf == NULL)
        return error_no_memory(err);
    if (xmlNodeDump(buf, doc, domain, 0, 0) < 0) {
        xmlBufferFree(buf);
        return error_no_memory(err);
    }
    s->def = domain_def_parse((const char *)xmlBufferContent(buf), err);
    xmlBufferFree(buf);
    return s->def != NULL ? 0 : -1;
}

/* The string attribute name of node as a malloc'ed copy into *out. */
static int
read_string(xmlNodePtr node, const char *name, char **out,
            struct vireo_error *err)
{
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);

    if (value == NULL)
        return bad(err, name);
    free(*out);
    *out = strdup((const char *)value);
    xmlFree(value);
    return *out != NULL ? 0 : error_no_memory(err);
}

/* One <live> fact onto the device of its kind and index. */
static int
read_fact(xmlNodePtr node, struct domain_def *def, struct vireo_error *err)
{
    const char *kind = (const char *)node->name;
    long long i, port;

    if (read_number(node, "index", 0, INT_MAX, &i, err) < 0)
        return -1;
    if (strcmp(kind, "chardev") == 0 && i < def->n_chardevs)
        return read_string(node, "path", &def->chardevs[i].source_path, err);
    if (strcmp(kind, "interface") == 0 && i < def->n_interfaces)
        return read_string(node, "dev", &def->interfaces[i].target_dev, err);
    if (strcmp(kind, "graphics") != 0 || i >= def->n_graphics)
        return bad(err, kind);
    if (read_number(node, "port", 0, 65535, &port, err) < 0)
        return -1;
    def->graphics[i].port = (int)port;
    return 0;
}

/* What only the running domain has, back onto its definition. */
static int
read_live(xmlNodePtr root, struct domain_def *def, struct vireo_error *err)
{
    xmlNodePtr live = child_named(root, "live");

    for (xmlNodePtr n = live != NULL ? live->children : NULL; n != NULL;
         n = n->next)
        if (n->type == XML_ELEMENT_NODE && read_fact(n, def, err) < 0)
            return -1;
    return 0;
}

struct qemu_status *
qemu_status_parse(const char *xml, struct vireo_error *err)
{
    const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING |
                        XML_PARSE_NOERROR;
    struct qemu_status *s = calloc(1, sizeof(*s));
    xmlDocPtr doc;
    xmlNodePtr root;
    int rc = -1;

    if (s == NULL) {
        error_no_memory(err);
        return NULL;
    }
    doc = xmlReadMemory(xml, (int)strlen(xml), "status.xml", NULL, options);
    root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
    if (root == NULL || strcmp((const char *)root->name, "domstatus") != 0)
        bad(err, "not a <domstatus> document");
    else if (read_state(root, s, err) == 0 &&
             read_monitor(root, s, err) == 0 &&
             read_def(doc, root, s, err) == 0)
        rc = read_live(root, s->def, err);
    if (rc == 0)
        s->is_fake_reboot = child_named(root, "fakereboot") != NULL;
    xmlFreeDoc(doc);
    if (rc < 0) {
        qemu_status_free(s);
        return NULL;
    }
    return s;
}

void
qemu_status_free(struct qemu_status *s)
{
    if (s == NULL)
        return;
    free(s->monitor_path);
    domain_def_free(s->def);
    free(s);
}
