/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_validate.c: checking a domain document against libvirt's own
 * RelaxNG schema (what VIR_DOMAIN_DEFINE_VALIDATE and
 * VIR_DOMAIN_START_VALIDATE ask for), with libxml2's RelaxNG support.
 *
 * The schema is the one libvirt installs (package libvirt0), so that a
 * document is valid for vireo exactly when it is valid for libvirt. It is
 * compiled once per process, on first use, under pthread_once; after that
 * it is only read. Each validation has its own validation context, so
 * threads validate concurrently against the one compiled schema.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "drivers/conf/domain_xml_validate.h"
#include "drivers/error.h"

/* Read-only once schema_once has run. NULL if the schema could not be
 * compiled; schema_failure then says why. */
static pthread_once_t schema_once = PTHREAD_ONCE_INIT;
static xmlRelaxNGPtr  schema;
static char           schema_failure[VIREO_ERROR_MESSAGE_MAX];

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

static void
load_schema(void)
{
    struct messages m = { .len = 0, .is_line_each = true };
    xmlRelaxNGParserCtxtPtr pctxt;

    pctxt = xmlRelaxNGNewParserCtxt(DOMAIN_XML_SCHEMA);
    if (pctxt == NULL) {
        snprintf(schema_failure, sizeof(schema_failure), "out of memory");
        return;
    }
    xmlRelaxNGSetParserStructuredErrors(pctxt, collect, &m);
    schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (schema == NULL)
        memcpy(schema_failure, m.len > 0 ? m.text : "cannot read it",
               m.len > 0 ? m.len + 1 : sizeof("cannot read it"));
}

int
domain_xml_validate(xmlDocPtr doc, struct vireo_error *err)
{
    struct messages m = { .len = 0 };
    xmlRelaxNGValidCtxtPtr vctxt;
    int rc;

    pthread_once(&schema_once, load_schema);
    if (schema == NULL)
        return error_set(err, VIR_ERR_XML_INVALID_SCHEMA, VIR_FROM_XML,
                         "Unable to parse schema file %s: %s",
                         DOMAIN_XML_SCHEMA, schema_failure);
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    if (vctxt == NULL)
        return error_no_memory(err);
    xmlRelaxNGSetValidStructuredErrors(vctxt, collect, &m);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc == 0)
        return 0;
    return error_set(err, VIR_ERR_XML_INVALID_SCHEMA, VIR_FROM_XML,
                     "Unable to validate doc against %s\n%s",
                     DOMAIN_XML_SCHEMA, m.text);
}
