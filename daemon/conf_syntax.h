/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * conf_syntax.h: libvirt's virconf grammar, as libvirtd.conf and the
 * drivers' files (qemu.conf, ...) use it:
 *   line    := [ setting { ';' setting } ] [ '#' comment ]
 *   setting := key ws* '=' ws* value
 *   key     := a letter, then [A-Za-z0-9_]
 *   value   := integer | string | list
 *   string  := '"' chars '"' | "'" chars "'"
 *            | '"""' chars '"""'                     (may span lines)
 *   list    := '[' [ value { ',' value } [','] ] ']'   (may span lines)
 * Scanning checks the syntax and hands each setting to a callback, which
 * decides what the key means.
 */
#ifndef VIREO_DAEMON_CONF_SYNTAX_H
#define VIREO_DAEMON_CONF_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>

#include "api/vireo.h"

/* A scanned value. A list keeps its string elements (tls_allowed_dn_list
 * is a list of strings); its other elements are checked and dropped. */
struct conf_value {
    enum { CONF_INT, CONF_STRING, CONF_LIST } kind;
    long long number;
    char     *text;      /* CONF_STRING; the callback may take it */
    char    **items;     /* CONF_LIST: its strings, NULL-terminated; the
                            callback may take the array */
    size_t    n_items;
    bool      has_non_string;   /* CONF_LIST: an element was no string */
};

/* Where a setting was read, for messages. */
struct conf_where {
    const char *filename;
    int         line;
};

/* One setting; name is len bytes, not NUL-terminated. 0 to go on, -1 (err
 * set) to stop the scan. */
typedef int (*conf_setting_fn)(void *opaque, const char *name, size_t len,
                               struct conf_value *v,
                               const struct conf_where *at,
                               struct vireo_error *err);

/* Scan text (named filename in messages), calling on_setting for each
 * setting in order. 0, or -1 with VIR_ERR_CONF_SYNTAX and
 * "FILE:LINE: what" (or the callback's error). */
int conf_scan(const char *text, const char *filename,
              conf_setting_fn on_setting, void *opaque,
              struct vireo_error *err);

/* The whole text of a configuration file, malloc'ed; NULL with err set
 * (a file holding a NUL byte is refused). */
char *conf_read_file(const char *path, struct vireo_error *err);

/* Free what v holds (its text, its list). */
void conf_value_clear(struct conf_value *v);

/* Set err to VIR_ERR_CONF_SYNTAX "FILE:LINE: what[ name]"; returns -1. */
int conf_syntax_error(struct vireo_error *err, const struct conf_where *at,
                      const char *what, const char *name);

#endif /* VIREO_DAEMON_CONF_SYNTAX_H */
