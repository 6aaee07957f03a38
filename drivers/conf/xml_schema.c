/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_schema.c: libvirt's RelaxNG schemas, each compiled once per process
 * on first use. Two threads may compile one at once: the first to publish
 * its copy wins and the other frees its own, so no lock is needed. Each
 * validation has its own context, so threads validate concurrently
 * against one compiled schema.
 */
#include <stdio.h>
#include <string.h>

#include "drivers/conf/xml_schema.h"
#include "drivers/error.h"

/* Collects libxml2's messages, one a line, as libvirt shows them. */
struct messages {
    char   text[256];
    size_t len;
};

static void
collect(void *opaque, xmlErrorPtr e)
{
    struct messages *m = opaque;
    const char *msg = e != NULL && e->message != NULL ? e->message : "";
    size_t n = strlen(msg);
    int written;

    if (m == NULL || m->len >= sizeof(m->text) - 1)
        return;
    written = snprintf(m->text + m->len, sizeof(m->text) - m->len, "%s%s",
                       msg, n > 0 && msg[n - 1] == '\n' ? "" : "\n");
    if (written > 0)
        m->len += (size_t)written;
    if (m->len >= sizeof(m->text))
        m->len = sizeof(m->text) - 1;
}

/* The compiled schema, or NULL with err set. */
static xmlRelaxNGPtr
compiled(struct xml_schema *schema, struct vireo_error *err)
{
    xmlRelaxNGPtr rng = atomic_load(&schema->compiled), none = NULL;
    struct messages m = { .len = 0 };
    xmlRelaxNGParserCtxtPtr pctxt;

    if (rng != NULL)
        return rng;
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
