/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * uuid.c: 16-byte UUIDs and their 36-character text form.
 *
 * Stateless; every function may be called from any thread.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "drivers/conf/uuid.h"

int
uuid_generate(unsigned char uuid[VIREO_UUID_BUFLEN])
{
    size_t got = 0;

    while (got < VIREO_UUID_BUFLEN) {
        ssize_t n = getrandom(uuid + got, VIREO_UUID_BUFLEN - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)n;
    }
    /* RFC 4122 version 4 (random) and variant 10xx bits. */
    uuid[6] = (unsigned char)((uuid[6] & 0x0f) | 0x40);
    uuid[8] = (unsigned char)((uuid[8] & 0x3f) | 0x80);
    return 0;
}

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Dashes are allowed only where the 8-4-4-4-12 form puts them, and either
 * all four are present or none is: half-dashed text is a typo, not a UUID. */
static bool
is_dash_position(size_t i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

int
uuid_parse(const char *text, unsigned char uuid[VIREO_UUID_BUFLEN])
{
    unsigned char raw[VIREO_UUID_BUFLEN];
    size_t len, nibble = 0;
    bool dashed;

    if (text == NULL)
        return -1;
    len = strlen(text);
    if (len != 36 && len != 32)
        return -1;
    dashed = len == 36;
    for (size_t i = 0; i < len; i++) {
        if (dashed && is_dash_position(i)) {
            if (text[i] != '-')
                return -1;
            continue;
        }
        int v = hex_value(text[i]);
        if (v < 0)
            return -1;
        if (nibble % 2 == 0)
            raw[nibble / 2] = (unsigned char)(v << 4);
        else
            raw[nibble / 2] = (unsigned char)(raw[nibble / 2] | v);
        nibble++;
    }
    /* Only a fully valid text touches the caller's buffer. */
    memcpy(uuid, raw, sizeof(raw));
    return 0;
}

void
uuid_format(const unsigned char uuid[VIREO_UUID_BUFLEN],
            char buf[VIREO_UUID_STRING_BUFLEN])
{
    snprintf(buf, VIREO_UUID_STRING_BUFLEN,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5],
             uuid[6], uuid[7], uuid[8], uuid[9], uuid[10], uuid[11],
             uuid[12], uuid[13], uuid[14], uuid[15]);
}

bool
uuid_is_null(const unsigned char uuid[VIREO_UUID_BUFLEN])
{
    for (size_t i = 0; i < VIREO_UUID_BUFLEN; i++)
        if (uuid[i] != 0)
            return false;
    return true;
}
