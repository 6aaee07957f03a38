/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-bad.c: every document in bad/ is refused with the code and message
 * that bad/EXPECTED gives for it ("case code message-substring" lines), and
 * libxml2 prints nothing while doing so. Then the size limit, on documents
 * built here: 100 MB and DOMAIN_XML_MAX_BYTES + 1 are refused before
 * parsing; exactly the limit is still parsed.
 */
#include <dirent.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "tests/tap.h"
#include "tests/xml/corpus.h"

struct expected {
    char name[128];
    int  code;
    char substring[256];
};

/* Read EXPECTED into a malloc'd array; returns the count or -1. */
static int
read_expected(const char *dir, struct expected **out)
{
    char *text = corpus_read(dir, "bad", "EXPECTED");
    struct expected *list = NULL;
    int n = 0;

    if (text == NULL)
        return -1;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        struct expected e = { .code = -1 };
        int used = 0;
        if (line[0] == '#' ||
            sscanf(line, "%127s %d %n", e.name, &e.code, &used) < 2)
            continue;
        snprintf(e.substring, sizeof(e.substring), "%s", line + used);
        struct expected *grown = realloc(list, (size_t)(n + 1) * sizeof(e));
        if (grown == NULL)
            break;
        list = grown;
        list[n++] = e;
    }
    free(text);
    *out = list;
    return n;
}

static void
check_case(const char *dir, const struct expected *e)
{
    char file[160];
    struct vireo_error err = { 0 };

    snprintf(file, sizeof(file), "%s.xml", e->name);
    char *xml = corpus_read(dir, "bad", file);
    struct domain_def *def = xml ? domain_def_parse(xml, &err) : NULL;

    if (getenv("VIREO_SHOW_ERRORS") != NULL)
        tap_diag("%s %d %s", e->name, err.code, err.message);
    tap_ok(xml != NULL && def == NULL, "%s: refused", e->name);
    tap_is_int(err.code, e->code, "%s: code %d", e->name, e->code);
    if (!tap_ok(strstr(err.message, e->substring) != NULL,
                "%s: message has '%s'", e->name, e->substring))
        tap_diag("  message: %s", err.message);
    domain_def_free(def);
    free(xml);
}

/* Each .xml file in bad/ needs a line in EXPECTED: none goes untested. */
static int
count_xml(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 4 && strcmp(d->d_name + n - 4, ".xml") == 0;
}

/* A valid document padded with a comment to exactly `size` bytes. */
static char *
document_of_size(size_t size)
{
    static const char head[] = "<domain type='test'><name>big</name>"
                               "<memory>1</memory><os><type>hvm</type></os>"
                               "<!--";
    static const char tail[] = "--></domain>";
    char *xml = malloc(size + 1);

    if (xml == NULL)
        return NULL;
    memcpy(xml, head, sizeof(head) - 1);
    memset(xml + sizeof(head) - 1, 'x', size - sizeof(head) - sizeof(tail) + 2);
    memcpy(xml + size - (sizeof(tail) - 1), tail, sizeof(tail));
    return xml;
}

static void
check_size(size_t size, bool is_refused, const char *what)
{
    struct vireo_error err = { 0 };
    char *xml = document_of_size(size);
    struct domain_def *def = xml ? domain_def_parse(xml, &err) : NULL;
    char want[128];

    snprintf(want, sizeof(want), "document is %zu bytes, over the limit of %u",
             size, DOMAIN_XML_MAX_BYTES);
    if (is_refused) {
        tap_ok(xml != NULL && def == NULL && err.code == VIR_ERR_XML_ERROR,
               "%s: refused with VIR_ERR_XML_ERROR", what);
        tap_ok(strstr(err.message, want) != NULL, "%s: message states size "
               "and limit", what);
        if (strstr(err.message, want) == NULL)
            tap_diag("  message: %s", err.message);
    } else {
        tap_ok(def != NULL, "%s: parsed (%s)", what, err.message);
    }
    domain_def_free(def);
    free(xml);
}

/* Run the corpus with stderr sent to a file, and say whether anything was
 * written there: a parser that prints is a parser a daemon cannot use. */
static void
check_all_quietly(const char *dir, const struct expected *list, int n)
{
    FILE *capture = tmpfile();
    int saved = dup(STDERR_FILENO);

    fflush(stderr);
    if (capture != NULL)
        dup2(fileno(capture), STDERR_FILENO);
    for (int i = 0; i < n; i++)
        check_case(dir, &list[i]);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    tap_ok(capture != NULL && ftell(capture) == 0,
           "nothing was printed to stderr while parsing");
    if (capture != NULL)
        fclose(capture);
}

int
main(int argc, char **argv)
{
    struct expected *list = NULL;
    struct dirent **files;
    char bad[4096];
    int n, n_files;

    if (argc < 2)
        tap_fail_all("test-xml-bad is given the corpus folder "
                     "(usage: test-xml-bad SOURCE_DIR)");
    n = read_expected(argv[1], &list);
    snprintf(bad, sizeof(bad), "%s/bad", argv[1]);
    n_files = scandir(bad, &files, count_xml, alphasort);
    if (n <= 0 || n_files < 0)
        tap_fail_all("bad/EXPECTED and bad/*.xml are found under %s", argv[1]);
    tap_plan(3 * n + 1 + 1 + 5);
    tap_is_int(n_files, n, "every bad/*.xml has a line in EXPECTED");
    for (int i = 0; i < n_files; i++)
        free(files[i]);
    free(files);
    check_all_quietly(argv[1], list, n);
    check_size(100u * 1000u * 1000u, true, "100 MB document");
    check_size(DOMAIN_XML_MAX_BYTES + 1, true, "limit + 1 byte document");
    check_size(DOMAIN_XML_MAX_BYTES, false, "document of exactly the limit");
    free(list);
    return tap_done();
}
