/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * uri.h: connection URIs in libvirt's form,
 *   DRIVER[+TRANSPORT]://[USER@][HOST][:PORT]/PATH[?KEY=VALUE&...]
 * e.g. test:///default, test:///abs/path.xml,
 *      qemu+unix:///system?socket=/run/vireo/vireo-sock.
 */
#ifndef VIREO_DRIVERS_URI_H
#define VIREO_DRIVERS_URI_H

#include "api/vireo.h"

struct uri_param {
    char *name;
    char *value;
};

struct uri {
    char             *driver;     /* "test" in test+unix://... */
    char             *transport;  /* "unix", or NULL */
    char             *user;       /* or NULL */
    char             *server;     /* or NULL */
    int               port;       /* 0 if absent */
    char             *path;       /* "/default"; "" if absent */
    struct uri_param *params;
    int               n_params;
};

/* Parse text; NULL with VIR_ERR_INVALID_ARG/VIR_FROM_URI on bad syntax. */
struct uri *uri_parse(const char *text, struct vireo_error *err);
/* The value of query parameter name, or NULL. */
const char *uri_param(const struct uri *uri, const char *name);
void uri_free(struct uri *uri);

#endif /* VIREO_DRIVERS_URI_H */
