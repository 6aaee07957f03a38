/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_nodefile.c: reading a node file with libxml2 (no network, no entity
 * substitution, no DTD loading). The host's fields start from the default
 * host, so a node file need only say what differs. Domains, inline or in
 * files named relative to the node file, go through domain_def_parse like
 * any other definition.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/client_file.h"
#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_nodefile.h"
#include "drivers/test/test_nodefile_storage.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING)

/* Everything one load needs to report errors and resolve relative names. */
struct load {
    const char                 *path;
    const struct conn_identity *who;
    struct test_nodefile       *nf;
    struct vireo_error         *err;
    size_t                     *n_bytes_read;  /* all files so far */
};

/* What one node file may make the driver read in all: a node file that
 * names a big domain file thousands of times would otherwise keep the
 * driver's thread, and every other client of it, busy for minutes. */
#define NODEFILE_MAX_TOTAL_BYTES (16u * DOMAIN_XML_MAX_BYTES)

/* The whole of a (domain) file, NUL-terminated, malloc'd, read as the
 * connection's owner may (client_file.h); a node file is not meant to be
 * big, so it is capped like a domain document. NULL with err set. */
static char *
read_text(const struct load *ld, const char *file)
{
    char *text = NULL;
    /* error_set_raw cuts what does not fit. */
    char message[sizeof(ld->err->message) + PATH_MAX];

    if (*ld->n_bytes_read >= NODEFILE_MAX_TOTAL_BYTES) {
        error_set(ld->err, VIR_ERR_XML_ERROR, VIR_FROM_TEST,
                  "invalid node file '%s': it names more than %u MiB of "
                  "documents", ld->path, NODEFILE_MAX_TOTAL_BYTES >> 20);
        return NULL;
    }
    text = client_file_read(file, ld->who, DOMAIN_XML_MAX_BYTES,
                            VIR_FROM_TEST, ld->err);
    if (text != NULL)
        *ld->n_bytes_read += strlen(text);
    if (text == NULL && ld->err != NULL && strcmp(file, ld->path) != 0) {
        snprintf(message, sizeof(message), "%s, named in node file '%s'",
                 ld->err->message, ld->path);
        error_set_raw(ld->err, ld->err->code, ld->err->domain, message);
    }
    return text;
}

static int
invalid(const struct load *ld, const char *what)
{
    return error_set(ld->err, VIR_ERR_XML_ERROR, VIR_FROM_TEST,
                     "invalid node file '%s': %s", ld->path, what);
}

/* ---- The host --------------------------------------------------------- */

/* An element's text as a number in [min, max]. */
static int
read_number(const struct load *ld, xmlNodePtr node, unsigned long long min,
            unsigned long long max, unsigned long long *value)
{
    xmlChar *text = xmlNodeGetContent(node);
    char *end = NULL;
    unsigned long long v = 0;
    int ok;

    errno = 0;
    if (text != NULL && text[0] >= '0' && text[0] <= '9')
        v = strtoull((const char *)text, &end, 10);
    ok = end != NULL && *end == '\0' && errno == 0 && v >= min && v <= max;
    xmlFree(text);
    if (!ok) {
        char what[128];

        snprintf(what, sizeof(what), "<%s> needs a number from %llu to %llu",
                 (const char *)node->name, min, max);
        return invalid(ld, what);
    }
    *value = v;
    return 0;
}

static int
read_model(const struct load *ld, xmlNodePtr node, struct test_host *host)
{
    xmlChar *text = xmlNodeGetContent(node);
    size_t len = text != NULL ? strlen((const char *)text) : 0;

    if (len == 0 || len >= sizeof(host->model)) {
        xmlFree(text);
        return invalid(ld, "<model> needs 1 to 31 characters");
    }
    memcpy(host->model, text, len + 1);
    xmlFree(text);
    return 0;
}

static unsigned int *
cpu_field(struct test_host *host, const char *name)
{
    static const struct {
        const char *name;
        size_t      offset;
    } fields[] = {
        { "mhz",     offsetof(struct test_host, mhz) },
        { "active",  offsetof(struct test_host, cpus) },
        { "nodes",   offsetof(struct test_host, nodes) },
        { "sockets", offsetof(struct test_host, sockets) },
        { "cores",   offsetof(struct test_host, cores) },
        { "threads", offsetof(struct test_host, threads) },
    };

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strcmp(name, fields[i].name) == 0)
            return (unsigned int *)((char *)host + fields[i].offset);
    return NULL;
}

static int
read_cpu(const struct load *ld, xmlNodePtr cpu)
{
    struct test_host *host = &ld->nf->host;

    for (xmlNodePtr n = cpu->children; n != NULL; n = n->next) {
        const char *name = (const char *)n->name;
        unsigned int *field;
        unsigned long long v;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp(name, "model") == 0) {
            if (read_model(ld, n, host) < 0)
                return -1;
            continue;
        }
        field = cpu_field(host, name);
        if (field == NULL)
            continue;   /* libvirt ignores what it does not know, too */
        if (read_number(ld, n, strcmp(name, "mhz") == 0 ? 0 : 1, 65536,
                        &v) < 0)
            return -1;
        *field = (unsigned int)v;
    }
    return 0;
}

/* ---- Domains ---------------------------------------------------------- */

static int
append_def(const struct load *ld, const char *xml)
{
    struct test_nodefile *nf = ld->nf;
    struct vireo_error inner = { 0 };
    struct domain_def **defs;
    struct domain_def *def = domain_def_parse(xml, &inner);

    if (def == NULL) {
        char message[sizeof(inner.message) + 64];

        snprintf(message, sizeof(message), "%s (in node file '%s')",
                 inner.message, ld->path);
        return error_set_raw(ld->err, inner.code, VIR_FROM_TEST, message);
    }
    defs = realloc(nf->defs, (size_t)(nf->n_defs + 1) * sizeof(*defs));
    if (defs == NULL) {
        domain_def_free(def);
        return error_no_memory(ld->err);
    }
    nf->defs = defs;
    nf->defs[nf->n_defs++] = def;
    return 0;
}

/* The text of file='...': relative names are relative to the node
 * file. NULL with err set. */
static char *
read_named_file(const struct load *ld, const char *file)
{
    char resolved[PATH_MAX];
    char *copy;

    if (file[0] == '/') {
        snprintf(resolved, sizeof(resolved), "%s", file);
    } else {
        copy = strdup(ld->path);
        if (copy == NULL) {
            error_no_memory(ld->err);
            return NULL;
        }
        snprintf(resolved, sizeof(resolved), "%s/%s", dirname(copy), file);
        free(copy);
    }
    return read_text(ld, resolved);
}

/* <domain file='...'/>. */
static int
read_domain_file(const struct load *ld, const char *file)
{
    char *text = read_named_file(ld, file);
    int rc;

    if (text == NULL)
        return -1;
    rc = append_def(ld, text);
    free(text);
    return rc;
}

/* An inline <domain>: serialised back to text for domain_def_parse. */
static int
read_domain_inline(const struct load *ld, xmlDocPtr doc, xmlNodePtr node)
{
    char *text = test_nodefile_dump(doc, node, ld->err);
    int rc;

    if (text == NULL)
        return -1;
    rc = append_def(ld, text);
    free(text);
    return rc;
}

/* ---- Storage pools ---------------------------------------------------- */

/* A <pool>, inline or file='...', and the <volume>s inside it, kept as
 * documents for the storage state to read. */
static int
read_pool(const struct load *ld, xmlDocPtr doc, xmlNodePtr node)
{
    xmlChar *file = xmlGetProp(node, (const xmlChar *)"file");
    char *text = file != NULL ? read_named_file(ld, (const char *)file)
                              : test_nodefile_dump(doc, node, ld->err);

    xmlFree(file);
    if (text == NULL)
        return -1;
    return test_nodefile_add_pool(ld->nf, text, doc, node, ld->err);
}

static int
read_domain(const struct load *ld, xmlDocPtr doc, xmlNodePtr node)
{
    xmlChar *file = xmlGetProp(node, (const xmlChar *)"file");
    int rc;

    if (file == NULL)
        return read_domain_inline(ld, doc, node);
    rc = read_domain_file(ld, (const char *)file);
    xmlFree(file);
    return rc;
}

/* An inline <network>, kept as text for the state to parse. */
static int
read_network(const struct load *ld, xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char **grown = realloc(ld->nf->networks, (size_t)(ld->nf->n_networks + 1)
                                             * sizeof(char *));
    char *text = NULL;

    if (grown != NULL)
        ld->nf->networks = grown;
    if (buf != NULL && grown != NULL && xmlNodeDump(buf, doc, node, 0, 0) >= 0)
        text = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    if (text == NULL)
        return error_no_memory(ld->err);
    ld->nf->networks[ld->nf->n_networks++] = text;
    return 0;
}

/* ---- The document ----------------------------------------------------- */

static int
read_node(const struct load *ld, xmlDocPtr doc, xmlNodePtr root)
{
    for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
        const char *name = (const char *)n->name;
        unsigned long long kib;
        int rc = 0;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp(name, "cpu") == 0) {
            rc = read_cpu(ld, n);
        } else if (strcmp(name, "memory") == 0) {
            rc = read_number(ld, n, 1, 1ull << 50, &kib);
            if (rc == 0)
                ld->nf->host.memory_kib = kib;
        } else if (strcmp(name, "domain") == 0) {
            rc = read_domain(ld, doc, n);
        } else if (strcmp(name, "pool") == 0) {
            rc = read_pool(ld, doc, n);
        } else if (strcmp(name, "network") == 0) {
            rc = read_network(ld, doc, n);
        }
        if (rc < 0)
            return -1;
    }
    if (ld->nf->host.cpus > ld->nf->host.nodes * ld->nf->host.sockets *
                            ld->nf->host.cores * ld->nf->host.threads)
        return invalid(ld, "more active CPUs than the topology holds");
    return 0;
}

static xmlDocPtr
parse_document(const struct load *ld)
{
    char *text = read_text(ld, ld->path);
    xmlDocPtr doc;

    if (text == NULL)
        return NULL;
    doc = xmlReadMemory(text, (int)strlen(text), ld->path, NULL,
                        PARSE_OPTIONS);
    free(text);
    if (doc == NULL) {
        const xmlError *e = xmlGetLastError();
        char what[160];

        snprintf(what, sizeof(what), "line %d: %s", e ? e->line : 0,
                 e && e->message ? e->message : "not well-formed\n");
        what[strcspn(what, "\n")] = '\0';
        invalid(ld, what);
    }
    return doc;
}

int
test_nodefile_load(const char *path, const struct conn_identity *who,
                   struct test_nodefile *nf, struct vireo_error *err)
{
    size_t n_bytes_read = 0;
    struct load ld = { .path = path, .who = who, .nf = nf, .err = err,
                       .n_bytes_read = &n_bytes_read };
    xmlDocPtr doc;
    xmlNodePtr root;
    int rc;

    memset(nf, 0, sizeof(*nf));
    test_host_init_default(&nf->host);
    /* libvirt describes no NUMA cells for a node file's host, whatever
     * its <nodes> says. */
    nf->host.n_cells = 0;
    doc = parse_document(&ld);
    if (doc == NULL)
        return -1;
    root = xmlDocGetRootElement(doc);
    if (root == NULL || strcmp((const char *)root->name, "node") != 0)
        rc = invalid(&ld, "the root element is not <node>");
    else
        rc = read_node(&ld, doc, root);
    xmlFreeDoc(doc);
    if (rc < 0)
        test_nodefile_clear(nf);
    return rc;
}

void
test_nodefile_clear(struct test_nodefile *nf)
{
    for (int i = 0; i < nf->n_defs; i++)
        domain_def_free(nf->defs[i]);
    free(nf->defs);
    nf->defs = NULL;
    nf->n_defs = 0;
    test_nodefile_clear_pools(nf);
    for (int i = 0; i < nf->n_networks; i++)
        free(nf->networks[i]);
    free(nf->networks);
    nf->networks = NULL;
    nf->n_networks = 0;
}
