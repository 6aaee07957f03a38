/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_syntax_error.h: the first fatal error libxml2 meets in a document,
 * reported as libvirt reports it: the message, then the offending line,
 * then a line of dashes with a caret under the column where parsing
 * stopped:
 *
 *   (domain_definition):6: Opening and ending tag mismatch: os line 4 and domain
 *   </domain>
 *   ---------^
 */
#ifndef VIREO_DRIVERS_CONF_XML_SYNTAX_ERROR_H
#define VIREO_DRIVERS_CONF_XML_SYNTAX_ERROR_H

#include <stdbool.h>

#include <libxml/parser.h>

#include "api/vireo.h"

struct xml_syntax_error {
    bool is_set;
    int  line;
    char message[160];
    char context[96];        /* the line, cut to fit */
    char pointer[97];        /* dashes (tabs kept) and '^' */
};

/* Record error e, met by ctxt, unless an error is already recorded or e is
 * not fatal (later errors are consequences of the first). Call it from a
 * structured error handler, while ctxt->input still points at the error. */
void xml_syntax_error_capture(struct xml_syntax_error *rec,
                              xmlParserCtxtPtr ctxt, const xmlError *e);

/* VIR_ERR_XML_DETAIL "DOC:LINE: MESSAGE\nCONTEXT\nPOINTER" from rec (or
 * from ctxt's last error if nothing was recorded). Returns -1. */
int xml_syntax_error_report(const struct xml_syntax_error *rec,
                            xmlParserCtxtPtr ctxt, const char *doc_name,
                            int err_domain, struct vireo_error *err);

#endif /* VIREO_DRIVERS_CONF_XML_SYNTAX_ERROR_H */
