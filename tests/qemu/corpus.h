/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * corpus.h: the virt-install corpus (tests/qemu/corpus) for the tests of
 * the command-line builder: listing its documents, reading them, parsing
 * one into a definition. Header-only.
 */
#ifndef VIREO_TESTS_QEMU_CORPUS_H
#define VIREO_TESTS_QEMU_CORPUS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"

#define CORPUS_MAX 64

/* The whole file as a NUL-terminated malloc'd string, or NULL. */
static inline char *
corpus_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long len;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)len + 1)) != NULL) {
        if (fread(text, 1, (size_t)len, f) == (size_t)len) {
            text[len] = '\0';
        } else {
            free(text);
            text = NULL;
        }
    }
    fclose(f);
    return text;
}

static int
corpus_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The case names (file names without ".xml") in dir, refused ones
 * (refused-*) or the others, sorted; malloc'd, n returned. */
static inline int
corpus_list(const char *dir, bool want_refused, char *names[CORPUS_MAX])
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (d == NULL)
        return 0;
    while ((e = readdir(d)) != NULL && n < CORPUS_MAX) {
        size_t len = strlen(e->d_name);
        bool is_refused = strncmp(e->d_name, "refused-", 8) == 0;

        if (len <= 4 || strcmp(e->d_name + len - 4, ".xml") != 0 ||
            is_refused != want_refused)
            continue;
        names[n] = strndup(e->d_name, len - 4);
        if (names[n] != NULL)
            n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof(*names), corpus_by_name);
    return n;
}

/* The definition of case name in dir, or NULL (the reason in err). */
static inline struct domain_def *
corpus_parse(const char *dir, const char *name, struct vireo_error *err)
{
    char path[4096];
    char *xml;
    struct domain_def *def;

    snprintf(path, sizeof(path), "%s/%s.xml", dir, name);
    xml = corpus_slurp(path);
    if (xml == NULL) {
        snprintf(err->message, sizeof(err->message), "cannot read %.200s",
                 path);
        return NULL;
    }
    def = domain_def_parse(xml, err);
    free(xml);
    return def;
}

#endif /* VIREO_TESTS_QEMU_CORPUS_H */
