/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* uuid.h: 16-byte UUIDs and their 36-character text form. */
#ifndef VIREO_CONF_UUID_H
#define VIREO_CONF_UUID_H

#include <stdbool.h>

#include "api/vireo.h"

/* A random version-4 UUID from getrandom(2). Returns 0 or -1. */
int  uuid_generate(unsigned char uuid[VIREO_UUID_BUFLEN]);
/* Parse 8-4-4-4-12 hex (also accepts 32 hex digits without dashes, as
 * libvirt does). Returns 0, or -1 on any malformation. */
int  uuid_parse(const char *text, unsigned char uuid[VIREO_UUID_BUFLEN]);
/* Lowercase 8-4-4-4-12 into buf (37 bytes with the NUL). */
void uuid_format(const unsigned char uuid[VIREO_UUID_BUFLEN],
                 char buf[VIREO_UUID_STRING_BUFLEN]);
bool uuid_is_null(const unsigned char uuid[VIREO_UUID_BUFLEN]);

#endif /* VIREO_CONF_UUID_H */
