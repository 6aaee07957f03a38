/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-golden.c: every good/<case>.in.xml parses, formats to exactly
 * good/<case>.out.xml, and that output is a fixed point (parse + format
 * gives the same bytes), except where libvirt's is not: then parse +
 * format gives what libvirt printed for it, good/<case>.again.xml. A good/<case>.id file holds the id of a running
 * domain to format with. A deep copy formats the same as its original.
 * A good/<case>.live.xml is the same case's live XML once started.
 *
 * The .out.xml files are what libvirtd 9.0 prints for the same .in.xml,
 * written by make-golden.sh (which also says how to regenerate them);
 * never vireo's own output.
 */
#include <dirent.h>

#include "drivers/conf/domain_def.h"
#include "tests/tap.h"
#include "tests/xml/corpus.h"

#define SUFFIX ".in.xml"

static bool
has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcmp(name + n - s, suffix) == 0;
}

static int
is_case(const struct dirent *e)
{
    return has_suffix(e->d_name, SUFFIX);
}

static int
is_live(const struct dirent *e)
{
    return has_suffix(e->d_name, ".live.xml");
}

/* The id to format with: the number in <case>.id, or -1. */
static int
case_id(const char *dir, const char *name)
{
    char file[512];
    char *text;
    int id = -1;

    snprintf(file, sizeof(file), "%s.id", name);
    text = corpus_read(dir, "good", file);
    if (text != NULL)
        id = atoi(text);
    free(text);
    return id;
}

/* A defined case's live XML, as libvirt's test driver prints it once the
 * domain runs (good/<case>.live.xml, without the id): formatted with an
 * id, which is then taken out again. */
static void
check_live(const char *dir, const char *name, const struct domain_def *def)
{
    char live_file[300];
    char *want, *got, *id;

    snprintf(live_file, sizeof(live_file), "%s.live.xml", name);
    want = corpus_read(dir, "good", live_file);
    if (want == NULL)
        return;
    got = def != NULL ? domain_def_format(def, 1) : NULL;
    id = got != NULL ? strstr(got, " id='1'") : NULL;
    if (id != NULL)
        memmove(id, id + strlen(" id='1'"), strlen(id + strlen(" id='1'")) + 1);
    tap_is_str(got, want, "%s: its live XML matches %s", name, live_file);
    free(got);
    free(want);
}

/* What libvirt prints for a case's output defined again, where that
 * differs from the output (good/<case>.again.xml), or NULL. */
static char *
read_again(const char *dir, const char *name)
{
    char file[300];

    snprintf(file, sizeof(file), "%s.again.xml", name);
    return corpus_read(dir, "good", file);
}

static void
check_case(const char *dir, const char *in_file)
{
    char name[256], out_file[300];
    struct vireo_error err = { 0 };
    size_t n = strlen(in_file) - strlen(SUFFIX);

    snprintf(name, sizeof(name), "%.*s", (int)n, in_file);
    snprintf(out_file, sizeof(out_file), "%s.out.xml", name);
    char *in = corpus_read(dir, "good", in_file);
    char *want = corpus_read(dir, "good", out_file);
    int id = case_id(dir, name);
    struct domain_def *def = in ? domain_def_parse(in, &err) : NULL;
    char *got;

    /* The outputs are libvirt's test driver's, which names interfaces. */
    if (def != NULL && domain_def_name_interfaces(def, "testnet", &err) < 0) {
        domain_def_free(def);
        def = NULL;
    }
    got = def ? domain_def_format(def, id) : NULL;

    if (def == NULL)
        tap_diag("%s: %s", name, err.message);
    tap_is_str(got, want, "%s: output matches %s", name, out_file);

    struct domain_def *again = got ? domain_def_parse(got, &err) : NULL;
    char *twice = again ? domain_def_format(again, id) : NULL;
    char *again_want = read_again(dir, name);
    if (again_want != NULL)
        tap_is_str(twice, again_want, "%s: format(parse(output)) is what "
                   "libvirt makes of its output (%s.again.xml)", name, name);
    else
        tap_is_str(twice, got, "%s: format(parse(output)) is the output",
                   name);
    free(again_want);

    struct domain_def *copy = def ? domain_def_copy(def) : NULL;
    char *copied = copy ? domain_def_format(copy, id) : NULL;
    tap_is_str(copied, got, "%s: a deep copy formats the same", name);
    check_live(dir, name, def);

    free(copied);
    domain_def_free(copy);
    free(twice);
    domain_def_free(again);
    free(got);
    domain_def_free(def);
    free(want);
    free(in);
}

int
main(int argc, char **argv)
{
    char good[4096];
    struct dirent **cases, **lives = NULL;
    int n, n_live;

    if (argc < 2)
        tap_fail_all("test-xml-golden is given the corpus folder "
                     "(usage: test-xml-golden SOURCE_DIR)");
    snprintf(good, sizeof(good), "%s/good", argv[1]);
    n = scandir(good, &cases, is_case, alphasort);
    if (n <= 0)
        tap_fail_all("good/*.in.xml cases are found under %s", argv[1]);
    n_live = scandir(good, &lives, is_live, alphasort);
    for (int i = 0; i < n_live; i++)
        free(lives[i]);
    free(lives);
    tap_plan(3 * n + (n_live > 0 ? n_live : 0) + 1);
    tap_ok(n >= 8, "at least 8 golden cases (%d)", n);
    for (int i = 0; i < n; i++) {
        check_case(argv[1], cases[i]->d_name);
        free(cases[i]);
    }
    free(cases);
    return tap_done();
}
