/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * uri.c: splitting a connection URI into the parts drivers look at.
 *
 * libxml2's RFC 3986 parser does the syntax (as in libvirt); this file only
 * splits the scheme into driver and transport and decodes the query string
 * into name/value pairs.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "drivers/error.h"
#include "drivers/uri.h"

static int
split_scheme(struct uri *uri, const char *scheme)
{
    const char *plus = strchr(scheme, '+');

    if (plus == NULL) {
        uri->driver = strdup(scheme);
        return uri->driver ? 0 : -1;
    }
    uri->driver = strndup(scheme, (size_t)(plus - scheme));
    uri->transport = strdup(plus + 1);
    return uri->driver && uri->transport ? 0 : -1;
}

/* Decoded copy of s[0..len), allocated with malloc (libxml2's allocator
 * may differ, so its result is copied and released with xmlFree). */
static char *
unescape(const char *s, size_t len)
{
    char *decoded = xmlURIUnescapeString(s, (int)len, NULL);
    char *copy = decoded ? strdup(decoded) : NULL;

    xmlFree(decoded);
    return copy;
}

/* One "name=value" (or bare "name") pair of the query string. */
static int
add_param(struct uri *uri, const char *start, size_t len)
{
    const char *eq = memchr(start, '=', len);
    size_t name_len = eq ? (size_t)(eq - start) : len;
    struct uri_param *grown;

    if (len == 0)
        return 0;
    grown = realloc(uri->params, sizeof(*grown) * (size_t)(uri->n_params + 1));
    if (grown == NULL)
        return -1;
    uri->params = grown;
    struct uri_param *p = &uri->params[uri->n_params];
    p->name = unescape(start, name_len);
    p->value = eq ? unescape(eq + 1, len - name_len - 1) : strdup("");
    if (p->name == NULL || p->value == NULL) {
        free(p->name);
        free(p->value);
        return -1;
    }
    uri->n_params++;
    return 0;
}

static int
split_query(struct uri *uri, const char *query)
{
    while (query && *query) {
        size_t len = strcspn(query, "&;");
        if (add_param(uri, query, len) < 0)
            return -1;
        query += len;
        if (*query)
            query++;
    }
    return 0;
}

static int
fill(struct uri *uri, const xmlURI *parsed)
{
    if (split_scheme(uri, parsed->scheme) < 0)
        return -1;
    if (parsed->user && (uri->user = strdup(parsed->user)) == NULL)
        return -1;
    if (parsed->server && (uri->server = strdup(parsed->server)) == NULL)
        return -1;
    uri->port = parsed->port > 0 ? parsed->port : 0;
    uri->path = strdup(parsed->path ? parsed->path : "");
    if (uri->path == NULL)
        return -1;
    return split_query(uri, parsed->query_raw);
}

struct uri *
uri_parse(const char *text, struct vireo_error *err)
{
    xmlURIPtr parsed = text ? xmlParseURI(text) : NULL;
    struct uri *uri = NULL;

    if (parsed == NULL || parsed->scheme == NULL || parsed->scheme[0] == '\0') {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_URI,
                  "Unable to parse URI %s", text ? text : "(null)");
        goto out;
    }
    uri = calloc(1, sizeof(*uri));
    if (uri == NULL || fill(uri, parsed) < 0) {
        error_no_memory(err);
        uri_free(uri);
        uri = NULL;
    }
out:
    xmlFreeURI(parsed);
    return uri;
}

const char *
uri_param(const struct uri *uri, const char *name)
{
    for (int i = 0; i < uri->n_params; i++)
        if (strcmp(uri->params[i].name, name) == 0)
            return uri->params[i].value;
    return NULL;
}

void
uri_free(struct uri *uri)
{
    if (uri == NULL)
        return;
    for (int i = 0; i < uri->n_params; i++) {
        free(uri->params[i].name);
        free(uri->params[i].value);
    }
    free(uri->params);
    free(uri->driver);
    free(uri->transport);
    free(uri->user);
    free(uri->server);
    free(uri->path);
    free(uri);
}
