/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_syntax_error.c: libvirt's report of a malformed document, so that a
 * client sees the same three lines whichever daemon parsed it.
 */
#include <stdio.h>
#include <string.h>

#include "drivers/conf/xml_syntax_error.h"
#include "drivers/error.h"

/* The message without libxml2's trailing newline and spaces. */
static void
copy_message(char *dst, size_t size, const char *msg)
{
    size_t len = msg != NULL ? strlen(msg) : 0;

    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        len--;
    snprintf(dst, size, "%.*s", (int)len, msg != NULL ? msg : "");
}

/* The line around cur (skipping the line ends just before it, as libvirt
 * does), and how far into it cur is. */
static const xmlChar *
line_start(const xmlChar *base, const xmlChar *cur)
{
    while (cur > base && (*cur == '\n' || *cur == '\r'))
        cur--;
    while (cur > base && *cur != '\n' && *cur != '\r')
        cur--;
    if (*cur == '\n' || *cur == '\r')
        cur++;
    return cur;
}

static void
capture_context(struct xml_syntax_error *rec, const xmlParserInput *in)
{
    const xmlChar *start = line_start(in->base, in->cur);
    size_t col = (size_t)(in->cur - start), n = 0;

    while (start[n] != '\0' && start[n] != '\n' && start[n] != '\r' &&
           n < sizeof(rec->context) - 1) {
        rec->context[n] = (char)start[n];
        n++;
    }
    rec->context[n] = '\0';
    for (n = 0; n < col && rec->context[n] != '\0'; n++)
        rec->pointer[n] = rec->context[n] == '\t' ? '\t' : '-';
    rec->pointer[n] = '^';
    rec->pointer[n + 1] = '\0';
}

void
xml_syntax_error_capture(struct xml_syntax_error *rec, xmlParserCtxtPtr ctxt,
                         const xmlError *e)
{
    if (rec->is_set || e == NULL || e->level != XML_ERR_FATAL)
        return;
    rec->is_set = true;
    rec->line = e->line;
    copy_message(rec->message, sizeof(rec->message), e->message);
    rec->context[0] = '\0';
    rec->pointer[0] = '\0';
    if (ctxt != NULL && ctxt->input != NULL && ctxt->input->base != NULL &&
        ctxt->input->cur != NULL)
        capture_context(rec, ctxt->input);
}

int
xml_syntax_error_report(const struct xml_syntax_error *rec,
                        xmlParserCtxtPtr ctxt, const char *doc_name,
                        int err_domain, struct vireo_error *err)
{
    struct xml_syntax_error last = { false };

    if (!rec->is_set) {
        /* No fatal error came through the handler: the last one will do,
         * without context. */
        copy_message(last.message, sizeof(last.message),
                     ctxt->lastError.message != NULL
                     ? ctxt->lastError.message : "cannot parse XML");
        last.line = ctxt->lastError.line;
        rec = &last;
    }
    if (rec->pointer[0] == '\0')
        return error_set(err, VIR_ERR_XML_DETAIL, err_domain, "%s:%d: %s",
                         doc_name, rec->line, rec->message);
    return error_set(err, VIR_ERR_XML_DETAIL, err_domain, "%s:%d: %s\n%s\n%s",
                     doc_name, rec->line, rec->message, rec->context,
                     rec->pointer);
}
