/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * corpus.h: reading the XML test corpus (tests/xml/good, tests/xml/bad).
 * Header-only, shared by the tests in this folder.
 */
#ifndef VIREO_TESTS_XML_CORPUS_H
#define VIREO_TESTS_XML_CORPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file as a NUL-terminated malloc'd string, or NULL. */
static inline char *
corpus_read(const char *dir, const char *sub, const char *name)
{
    char path[4096];
    FILE *f;
    char *text;
    long len;

    snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
    f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    text = malloc((size_t)len + 1);
    if (text != NULL && fread(text, 1, (size_t)len, f) != (size_t)len) {
        free(text);
        text = NULL;
    }
    if (text != NULL)
        text[len] = '\0';
    fclose(f);
    return text;
}

#endif /* VIREO_TESTS_XML_CORPUS_H */
