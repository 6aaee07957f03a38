/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-threads.c: four threads parse, copy and format at once (good
 * documents and refused ones, including a hostile DOCTYPE) and each gets
 * exactly the single-threaded answer. They validate against libvirt's
 * schema too, all four compiling it at once on their first round. Run
 * under ThreadSanitizer or AddressSanitizer this is where shared parser
 * state would show.
 */
#include "drivers/conf/domain_def.h"
#include "tests/tap.h"
#include "tests/xml/corpus.h"

#define N_THREADS    4
#define N_ITERATIONS 200

static const char *const good_cases[] = { "full", "unknown", "escaping",
                                          "chardevs", "qemu-disks",
                                          "qemu-preserved",
                                          "ignored-names" };
#define N_GOOD ((int)(sizeof(good_cases) / sizeof(good_cases[0])))

static const char *const bad_cases[] = { "not-well-formed", "billion-laughs",
                                         "boot-order-twice", "overflow" };
#define N_BAD ((int)(sizeof(bad_cases) / sizeof(bad_cases[0])))

/* One round in this many also validates. */
#define VALIDATE_EVERY 10

struct corpus {
    char *in[N_GOOD], *want[N_GOOD];
    char *bad[N_BAD];
    char *valid, *invalid;    /* validate/ documents libvirt's schema
                               * accepts and refuses */
    struct vireo_error bad_want[N_BAD];
};

struct worker {
    pthread_t            thread;
    const struct corpus *corpus;
    int                  n_mismatches;
};

static bool
same_error(const struct vireo_error *a, const struct vireo_error *b)
{
    return a->code == b->code && strcmp(a->message, b->message) == 0;
}

/* The schema's answers: the valid document passes, the other fails with
 * libxml2's words. */
static void
validate_round(struct worker *w)
{
    const struct corpus *c = w->corpus;
    struct vireo_error err = { 0 };
    struct domain_def *def;

    def = domain_def_parse_flags(c->valid, DOMAIN_DEF_PARSE_VALIDATE, &err);
    if (def == NULL)
        w->n_mismatches++;
    domain_def_free(def);
    def = domain_def_parse_flags(c->invalid, DOMAIN_DEF_PARSE_VALIDATE, &err);
    if (def != NULL || err.code != VIR_ERR_XML_INVALID_SCHEMA ||
        strstr(err.message, "Extra element devices in interleave") == NULL)
        w->n_mismatches++;
    domain_def_free(def);
}

static void
one_round(struct worker *w, int i)
{
    const struct corpus *c = w->corpus;
    struct vireo_error err = { 0 };
    int g = i % N_GOOD, b = i % N_BAD;
    struct domain_def *def = domain_def_parse(c->in[g], &err);
    struct domain_def *copy = def ? domain_def_copy(def) : NULL;

    domain_def_free(def);
    char *got = copy ? domain_def_format(copy, -1) : NULL;
    if (got == NULL || strcmp(got, c->want[g]) != 0)
        w->n_mismatches++;
    free(got);
    domain_def_free(copy);

    def = domain_def_parse(c->bad[b], &err);
    if (def != NULL || !same_error(&err, &c->bad_want[b]))
        w->n_mismatches++;
    domain_def_free(def);
    if (i % VALIDATE_EVERY == 0)
        validate_round(w);
}

static void *
work(void *opaque)
{
    struct worker *w = opaque;

    for (int i = 0; i < N_ITERATIONS; i++)
        one_round(w, i);
    return NULL;
}

static bool
load(struct corpus *c, const char *dir)
{
    char file[128];
    bool is_ok = true;

    for (int i = 0; i < N_GOOD; i++) {
        snprintf(file, sizeof(file), "%s.in.xml", good_cases[i]);
        c->in[i] = corpus_read(dir, "good", file);
        snprintf(file, sizeof(file), "%s.out.xml", good_cases[i]);
        c->want[i] = corpus_read(dir, "good", file);
        is_ok = is_ok && c->in[i] != NULL && c->want[i] != NULL;
    }
    c->valid = corpus_read(dir, "validate", "valid-minimal.xml");
    c->invalid = corpus_read(dir, "validate", "unknown-device.xml");
    is_ok = is_ok && c->valid != NULL && c->invalid != NULL;
    for (int i = 0; i < N_BAD; i++) {
        snprintf(file, sizeof(file), "%s.xml", bad_cases[i]);
        c->bad[i] = corpus_read(dir, "bad", file);
        is_ok = is_ok && c->bad[i] != NULL;
        /* The single-threaded answer each thread must reproduce. */
        if (c->bad[i] != NULL)
            domain_def_free(domain_def_parse(c->bad[i], &c->bad_want[i]));
    }
    return is_ok;
}

static void
unload(struct corpus *c)
{
    for (int i = 0; i < N_GOOD; i++) {
        free(c->in[i]);
        free(c->want[i]);
    }
    for (int i = 0; i < N_BAD; i++)
        free(c->bad[i]);
    free(c->valid);
    free(c->invalid);
}

int
main(int argc, char **argv)
{
    struct corpus corpus = { 0 };
    struct worker workers[N_THREADS];

    if (argc < 2)
        tap_fail_all("test-xml-threads is given the corpus folder "
                     "(usage: test-xml-threads SOURCE_DIR)");
    tap_plan(1 + N_THREADS);
    tap_ok(load(&corpus, argv[1]), "corpus loaded");
    for (int i = 0; i < N_THREADS; i++) {
        workers[i] = (struct worker){ .corpus = &corpus };
        pthread_create(&workers[i].thread, NULL, work, &workers[i]);
    }
    for (int i = 0; i < N_THREADS; i++) {
        pthread_join(workers[i].thread, NULL);
        tap_is_int(workers[i].n_mismatches, 0,
                   "thread %d: %d rounds, every answer as single-threaded",
                   i, N_ITERATIONS);
    }
    unload(&corpus);
    return tap_done();
}
