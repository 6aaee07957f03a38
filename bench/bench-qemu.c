/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench-qemu.c: a guest's lifecycle through vireod's qemu driver and
 * through libvirtd's QEMU driver, beside bare QEMU, in the same run.
 *
 * The guest is small and diskless (TCG, 64 MiB, no OS: it only has to
 * run). Each round, per target: start, suspend, resume and destroy, each
 * timed from the call to its return:
 *   bare QEMU  (bare-qemu.h) exec to `cont` answered, QMP stop, QMP cont,
 *              QMP quit to the process's exit; also exec to the QMP
 *              greeting. This is what a start and a destroy can cost at
 *              best.
 *   vireod, libvirtd  through libvirt's own C client, so that both daemons
 *              face the same client: virDomainCreate of the guest defined
 *              once, virDomainSuspend, virDomainResume, virDomainDestroy.
 * One round that is not counted comes first, so that no target pays for
 * first use (libvirtd probes QEMU's capabilities then), unless
 * --no-warm-up says that the daemons have started guests already. The targets take
 * turns within each round, in an order that rotates, so that a slow spell
 * of this shared machine hits all of them alike. Prints the median, min
 * and max per operation and target, then the ratios.
 *
 * A target that fails (a daemon without a QEMU driver, a call refused)
 * prints why instead of numbers, the others are still measured, and the
 * exit status is 1.
 *
 *   bench-qemu [--no-warm-up] URI_VIREOD URI_LIBVIRTD [N_ROUNDS [GUEST_NAME]]
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bare-qemu.h"
#include "bench-guest.h"
#include "measure.h"

#define MEMORY_MIB     BENCH_GUEST_MEMORY_MIB
#define DEFAULT_ROUNDS 5
#define QEMU_BINARY    "qemu-system-x86_64"

enum series { S_START, S_SUSPEND, S_RESUME, S_DESTROY, S_GREETING, N_SERIES };
#define N_OPS S_GREETING

static const char *const op_names[N_OPS] = {
    "start", "suspend", "resume", "destroy",
};

/* One column of the comparison. */
struct target {
    const char   *name;
    const char   *uri;            /* NULL for bare QEMU */
    virConnectPtr conn;
    virDomainPtr  dom;            /* the guest, defined once */
    double       *samples[N_SERIES]; /* per counted round, microseconds */
    char          failure[1024];  /* why it has no numbers; "" if none */
};

struct stats {
    double median_us, min_us, max_us;
};

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

#define set_failure(t, ...) \
    set_message((t)->failure, sizeof((t)->failure), __VA_ARGS__)

/* Round -1 is the warm-up: nothing is kept. */
static void
record(struct target *t, enum series s, int round, double us)
{
    if (round >= 0)
        t->samples[s][round] = us;
}

/* ---- bare QEMU ----------------------------------------------------- */

static int
bare_step(struct target *t, struct bare_qemu *q, enum series s, int round,
          const char *json)
{
    double start = now_us();

    if (bare_qemu_command(q, json) < 0) {
        bare_qemu_kill(q);
        return set_failure(t, "%s failed: %s", op_names[s], q->error);
    }
    record(t, s, round, now_us() - start);
    return 0;
}

static int
bare_round(struct target *t, const char *dir, const char *name, int round)
{
    struct bare_qemu q;
    struct bare_qemu_times times;

    if (bare_qemu_start(&q, QEMU_BINARY, dir, name, MEMORY_MIB, &times) < 0)
        return set_failure(t, "start failed: %s (QEMU's log: %s/qemu.log)",
                           q.error, dir);
    record(t, S_GREETING, round, times.greeting_us);
    record(t, S_START, round, times.running_us);
    if (bare_step(t, &q, S_SUSPEND, round, "{\"execute\": \"stop\"}") < 0 ||
        bare_step(t, &q, S_RESUME, round, "{\"execute\": \"cont\"}") < 0)
        return -1;
    double start = now_us();
    if (bare_qemu_quit(&q) < 0)
        return set_failure(t, "destroy failed: %s", q.error);
    record(t, S_DESTROY, round, now_us() - start);
    return 0;
}

/* ---- a daemon, through libvirt's client ---------------------------- */

static int
daemon_open(struct target *t, const char *name)
{
    char xml[1024];

    t->conn = virConnectOpen(t->uri);
    if (t->conn == NULL)
        return set_failure(t, "cannot connect to %s: %s", t->uri,
                           virGetLastErrorMessage());
    bench_guest_xml(xml, sizeof(xml), name);
    t->dom = virDomainDefineXML(t->conn, xml);
    if (t->dom == NULL)
        return set_failure(t, "cannot define the guest: %s",
                           virGetLastErrorMessage());
    return 0;
}

/* One timed call; on failure the guest is destroyed if it runs. */
static int
daemon_step(struct target *t, enum series s, int round)
{
    double start = now_us();
    int rc;

    switch (s) {
    case S_START:   rc = virDomainCreate(t->dom); break;
    case S_SUSPEND: rc = virDomainSuspend(t->dom); break;
    case S_RESUME:  rc = virDomainResume(t->dom); break;
    default:        rc = virDomainDestroy(t->dom); break;
    }
    double elapsed_us = now_us() - start;
    if (rc < 0) {
        set_failure(t, "%s failed: %s", op_names[s], virGetLastErrorMessage());
        if (virDomainIsActive(t->dom) == 1)
            virDomainDestroy(t->dom);
        return -1;
    }
    record(t, s, round, elapsed_us);
    return 0;
}

static int
daemon_round(struct target *t, int round)
{
    for (int s = 0; s < N_OPS; s++)
        if (daemon_step(t, (enum series)s, round) < 0)
            return -1;
    return 0;
}

/* Leave the daemon as we found it: no guest running or defined. */
static void
daemon_close(struct target *t)
{
    if (t->dom != NULL) {
        if (virDomainIsActive(t->dom) == 1)
            virDomainDestroy(t->dom);
        virDomainUndefine(t->dom);
        virDomainFree(t->dom);
    }
    if (t->conn != NULL)
        virConnectClose(t->conn);
}

/* ---- the report ---------------------------------------------------- */

static struct stats
stats_of(const double *samples, int n)
{
    double *sorted = malloc((size_t)n * sizeof(*sorted));
    struct stats st = { 0 };

    if (sorted == NULL)
        return st;
    memcpy(sorted, samples, (size_t)n * sizeof(*sorted));
    qsort(sorted, (size_t)n, sizeof(*sorted), compare_doubles);
    st.median_us = n % 2 ? sorted[n / 2]
                         : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    st.min_us = sorted[0];
    st.max_us = sorted[n - 1];
    free(sorted);
    return st;
}

/* "median (min-max)" in milliseconds. */
static const char *
format_stats(char *buf, size_t size, const double *samples, int n)
{
    struct stats st = stats_of(samples, n);

    snprintf(buf, size, "%.2f (%.2f-%.2f)", st.median_us / 1e3,
             st.min_us / 1e3, st.max_us / 1e3);
    return buf;
}

static void
print_row(const struct target *t, int n_rounds)
{
    char cell[64];

    if (t->failure[0] != '\0') {
        printf("%-10s failed: %s\n", t->name, t->failure);
        return;
    }
    printf("%-10s", t->name);
    for (int s = 0; s < N_OPS; s++)
        printf(" %-26s", format_stats(cell, sizeof(cell), t->samples[s],
                                      n_rounds));
    printf("\n");
}

/* "ratio A/B: start 1.52x, ..." of the medians, or why there is none. */
static void
print_ratio(const struct target *a, const struct target *b, int n_rounds)
{
    printf("ratio %s/%s:", a->name, b->name);
    if (a->failure[0] != '\0' || b->failure[0] != '\0') {
        printf(" none, %s has no numbers\n",
               a->failure[0] != '\0' ? a->name : b->name);
        return;
    }
    for (int s = 0; s < N_OPS; s++)
        printf("%s %s %.2fx", s ? "," : "", op_names[s],
               stats_of(a->samples[s], n_rounds).median_us /
               stats_of(b->samples[s], n_rounds).median_us);
    printf("\n");
}

static void
report(struct target *bare, struct target *vireod, struct target *libvirtd,
       int n_rounds)
{
    char greeting[64], running[64];

    printf("QEMU guest lifecycle (TCG, %d MiB, no disk), %d round%s:"
           " median (min-max) in ms\n", MEMORY_MIB, n_rounds,
           n_rounds == 1 ? "" : "s");
    printf("%-10s", "");
    for (int s = 0; s < N_OPS; s++)
        printf(" %-26s", op_names[s]);
    printf("\n");
    print_row(bare, n_rounds);
    print_row(vireod, n_rounds);
    print_row(libvirtd, n_rounds);
    if (bare->failure[0] == '\0')
        printf("bare QEMU: exec to QMP greeting %s, exec to running %s\n",
               format_stats(greeting, sizeof(greeting),
                            bare->samples[S_GREETING], n_rounds),
               format_stats(running, sizeof(running),
                            bare->samples[S_START], n_rounds));
    print_ratio(vireod, bare, n_rounds);
    print_ratio(libvirtd, bare, n_rounds);
    print_ratio(libvirtd, vireod, n_rounds);
}

/* ---- the run ------------------------------------------------------- */

static int
run_round(struct target *t, const char *dir, const char *name, int round)
{
    if (t->failure[0] != '\0')
        return -1;
    return t->uri == NULL ? bare_round(t, dir, name, round)
                          : daemon_round(t, round);
}

static int
alloc_samples(struct target *t, int n_rounds)
{
    for (int s = 0; s < N_SERIES; s++) {
        t->samples[s] = calloc((size_t)n_rounds, sizeof(double));
        if (t->samples[s] == NULL)
            return -1;
    }
    return 0;
}

static void
free_samples(struct target *t)
{
    for (int s = 0; s < N_SERIES; s++)
        free(t->samples[s]);
}

int
main(int argc, char **argv)
{
    bool is_warming_up = argc < 2 || strcmp(argv[1], "--no-warm-up") != 0;

    if (!is_warming_up) {
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    int n_rounds = argc > 3 ? atoi(argv[3]) : DEFAULT_ROUNDS;
    char default_name[64], dir[] = "/tmp/vireo-bench-qemu-XXXXXX";
    struct target targets[3] = {
        { .name = "bare QEMU" },
        { .name = "vireod", .uri = argc > 1 ? argv[1] : NULL },
        { .name = "libvirtd", .uri = argc > 2 ? argv[2] : NULL },
    };
    const char *name = argc > 4 ? argv[4] : default_name;
    int status = 0;

    if (argc < 3 || n_rounds < 1) {
        fprintf(stderr, "usage: %s [--no-warm-up] URI_VIREOD URI_LIBVIRTD"
                " [N_ROUNDS [GUEST_NAME]]\n", argv[0]);
        return 2;
    }
    snprintf(default_name, sizeof(default_name), "vireo-bench-%d", (int)getpid());
    virSetErrorFunc(NULL, quiet);
    if (mkdtemp(dir) == NULL) {
        perror("bench-qemu: mkdtemp");
        return 1;
    }
    for (int i = 0; i < 3; i++) {
        if (alloc_samples(&targets[i], n_rounds) < 0) {
            fprintf(stderr, "bench-qemu: out of memory\n");
            return 1;
        }
        if (targets[i].uri != NULL)
            daemon_open(&targets[i], name);
    }

    for (int round = is_warming_up ? -1 : 0; round < n_rounds; round++)
        for (int i = 0; i < 3; i++)
            run_round(&targets[(round + 1 + i) % 3], dir, name, round);

    report(&targets[0], &targets[1], &targets[2], n_rounds);
    for (int i = 0; i < 3; i++) {
        if (targets[i].failure[0] != '\0')
            status = 1;
        daemon_close(&targets[i]);
        free_samples(&targets[i]);
    }
    /* A failed bare QEMU keeps its log for the reader. */
    if (targets[0].failure[0] == '\0') {
        char path[sizeof(dir) + 16];
        snprintf(path, sizeof(path), "%s/qemu.log", dir);
        unlink(path);
        snprintf(path, sizeof(path), "%s/qmp.sock", dir);
        unlink(path);
        rmdir(dir);
    }
    return status;
}
