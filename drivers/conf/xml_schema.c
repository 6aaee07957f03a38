/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_schema.c: libvirt's RelaxNG schemas, each compiled once per process
 * on first use. Two threads may compile one at once: the first to publish
 * its copy wins and the other frees its own, so no lock is needed (but
 * libxml2's RelaxNG type tables, which a compile fills on first use
 * without a lock, are filled once beforehand). Each
 * validation has its own context, so threads validate concurrently
 * against one compiled schema.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlschemastypes.h>

#include "drivers/conf/xml_schema.h"
#include "drivers/error.h"

/* Collects libxml2's messages as libvirt shows them: one after the other,
 * as libxml2 words them (each ends with a newline, unless libxml2 cut it
 * at 999 bytes, which libvirt shows as it is too); a schema's own errors
 * (is_line_each) one a line. */
struct messages {
    char   text[VIREO_ERROR_MESSAGE_MAX];
    size_t len;
    bool   is_line_each;
};

static void
collect(void *opaque, xmlErrorPtr e)
{
    struct messages *m = opaque;
    const char *msg = e != NULL && e->message != NULL ? e->message : "";
    size_t n = strlen(msg);
    bool needs_newline = m != NULL && m->is_line_each &&
                         (n == 0 || msg[n - 1] != '\n');
    int written;

    if (m == NULL || m->len >= sizeof(m->text) - 1)
        return;
    written = snprintf(m->text + m->len, sizeof(m->text) - m->len, "%s%s",
                       msg, needs_newline ? "\n" : "");
    if (written > 0)
        m->len += (size_t)written;
    if (m->len >= sizeof(m->text))
        m->len = sizeof(m->text) - 1;
}

static pthread_once_t types_once = PTHREAD_ONCE_INIT;

/* libxml2 2.9 registers its RelaxNG datatype libraries and its XML
 * Schema builtin types on a thread's first compile, unguarded: two first
 * compiles at once each make the tables, and one set of them leaks. */
static void
init_types(void)
{
    xmlSchemaInitTypes();
    xmlRelaxNGInitTypes();
}

/* The compiled schema, or NULL with err set. */
static xmlRelaxNGPtr
compiled(struct xml_schema *schema, struct vireo_error *err)
{
    xmlRelaxNGPtr rng = atomic_load(&schema->compiled), none = NULL;
    struct messages m = { .len = 0, .is_line_each = true };
    xmlRelaxNGParserCtxtPtr pctxt;

    if (rng != NULL)
        return rng;
    pthread_once(&types_once, init_types);
    pctxt = xmlRelaxNGNewParserCtxt(schema->path);
    if (pctxt == NULL) {
        error_no_memory(err);
        return NULL;
    }
    xmlRelaxNGSetParserStructuredErrors(pctxt, collect, &m);
    rng = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (rng == NULL) {
        error_set(err, VIR_ERR_XML_INVALID_SCHEMA, VIR_FROM_XML,
                  "Unable to parse schema file %s: %s", schema->path,
                  m.len > 0 ? m.text : "cannot read it");
        return NULL;
    }
    if (!atomic_compare_exchange_strong(&schema->compiled, &none, rng)) {
        xmlRelaxNGFree(rng);
        rng = none;
    }
    return rng;
}

int
xml_schema_validate(struct xml_schema *schema, xmlDocPtr doc,
                    struct vireo_error *err)
{
    struct messages m = { .len = 0 };
    xmlRelaxNGPtr rng = compiled(schema, err);
    xmlRelaxNGValidCtxtPtr vctxt;
    int rc;

    if (rng == NULL)
        return -1;
    vctxt = xmlRelaxNGNewValidCtxt(rng);
    if (vctxt == NULL)
        return error_no_memory(err);
    xmlRelaxNGSetValidStructuredErrors(vctxt, collect, &m);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc == 0)
        return 0;
    return error_set(err, VIR_ERR_XML_INVALID_SCHEMA, VIR_FROM_XML,
                     "Unable to validate doc against %s\n%s", schema->path,
                     m.text);
}
