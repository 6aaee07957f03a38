/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-churn.c: the QEMU side of the mixed workload (loadgen.h).
 * While the cheap calls run on the test driver, more clients each start
 * and destroy a guest of their own over and over through the daemon's
 * qemu driver, timing both, and one more guest is started and then
 * frozen with SIGSTOP, as a wedged QEMU would be, while one more client
 * waits on a call to it (a suspend, which needs its monitor). The daemon
 * must keep serving everyone else meanwhile: the cheap calls' p99 and
 * the start and destroy times say whether it did.
 *
 * Every client here is one thread with one blocking connection to its
 * guest (loadgen-guest.h), defined for the run and undefined at its end;
 * the frozen QEMU is found by its "-name guest=NAME,..." and thawed
 * (SIGCONT) before anything is torn down.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loadgen-guest.h"
#include "loadgen.h"
#include "measure.h"

/* How long the frozen guest's QEMU may take to show up in /proc. */
#define FIND_TRIES     50

/* One client starting and destroying its guest; its thread owns it until
 * it is joined. */
struct churner {
    struct churn *ch;
    struct guest  g;
    double       *start_ms, *destroy_ms;   /* one per cycle */
    int           n_cycles, cap;
    int           n_failed;
    pthread_t     thread;
};

/* The whole QEMU side of one run; the main thread's, but for each
 * churner's own fields and the hung call's result, which its thread
 * writes before it is joined. */
struct churn {
    const struct churn_load *load;
    atomic_bool     is_stopping;
    struct churner *churners;
    int             n_running;            /* threads started */
    struct guest    frozen;
    pid_t           frozen_pid;           /* 0: none */
    pthread_t       hung_thread;
    bool            has_hung_thread;
    int             frozen_fd;            /* the waiting client's */
    double          hung_call_ms;
    int             hung_rc;
};

/* ---- the churning clients ---------------------------------------------- */

static int
keep(struct churner *c, double start_ms, double destroy_ms)
{
    if (c->n_cycles == c->cap) {
        int cap = c->cap ? 2 * c->cap : 64;
        double *s = realloc(c->start_ms, (size_t)cap * sizeof(*s));
        if (s != NULL)
            c->start_ms = s;
        double *d = realloc(c->destroy_ms, (size_t)cap * sizeof(*d));
        if (d != NULL)
            c->destroy_ms = d;
        if (s == NULL || d == NULL)
            return -1;
        c->cap = cap;
    }
    c->start_ms[c->n_cycles] = start_ms;
    c->destroy_ms[c->n_cycles] = destroy_ms;
    c->n_cycles++;
    return 0;
}

/* Start and destroy the guest until told to stop: always one whole cycle
 * at least, so that a short run still times both. */
static void *
churn_guest(void *opaque)
{
    struct churner *c = opaque;

    do {
        double start_ms = guest_call(c->g.fd, &c->g, REMOTE_PROC_DOMAIN_CREATE);
        if (start_ms < 0)
            break;
        c->g.is_running = true;
        double destroy_ms = guest_call(c->g.fd, &c->g,
                                       REMOTE_PROC_DOMAIN_DESTROY);
        if (destroy_ms < 0)
            break;
        c->g.is_running = false;
        if (keep(c, start_ms, destroy_ms) < 0)
            break;
    } while (!atomic_load(&c->ch->is_stopping));
    /* Any way out of the loop but the stop is a failure. */
    if (!atomic_load(&c->ch->is_stopping) || c->g.is_running ||
        c->n_cycles == 0)
        c->n_failed++;
    return NULL;
}

/* ---- the frozen guest -------------------------------------------------- */

/* Whether the NUL-separated arguments in buf (len bytes) hold the
 * "guest=NAME" QEMU is named with (libvirtd and vireod alike add
 * ",debug-threads=on"). */
static bool
names_guest(const char *buf, size_t len, const char *name)
{
    char want[160];
    size_t n = (size_t)snprintf(want, sizeof(want), "guest=%s", name);

    for (size_t off = 0; off < len; off += strlen(buf + off) + 1)
        if (strncmp(buf + off, want, n) == 0 &&
            (buf[off + n] == '\0' || buf[off + n] == ','))
            return true;
    return false;
}

static bool
cmdline_names(const char *pid, const char *name)
{
    char path[64], buf[8192];
    int fd;

    snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return false;
    ssize_t len = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (len <= 0)
        return false;
    buf[len] = '\0';
    return names_guest(buf, (size_t)len, name);
}

/* The pid of the QEMU running the guest name, or 0. */
static pid_t
qemu_pid_of(const char *name)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    pid_t pid = 0;

    if (d == NULL)
        return 0;
    while (pid == 0 && (e = readdir(d)) != NULL)
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9' &&
            cmdline_names(e->d_name, name))
            pid = (pid_t)atoi(e->d_name);
    closedir(d);
    return pid;
}

/* A client waiting on the frozen guest: its call returns when the daemon
 * gives up on the monitor, or once the guest is thawed. */
static void *
wait_on_frozen(void *opaque)
{
    struct churn *ch = opaque;
    double t0 = now_us();

    ch->hung_rc = guest_call(ch->frozen_fd, &ch->frozen,
                             REMOTE_PROC_DOMAIN_SUSPEND) < 0 ? -1 : 0;
    ch->hung_call_ms = (now_us() - t0) / 1e3;
    return NULL;
}

static int
freeze_guest(struct churn *ch)
{
    if (guest_define(&ch->frozen, ch->load->path, ch->load->uri,
                     ch->load->prefix, "frozen") < 0 ||
        guest_call(ch->frozen.fd, &ch->frozen, REMOTE_PROC_DOMAIN_CREATE) < 0)
        return -1;
    ch->frozen.is_running = true;
    for (int i = 0; i < FIND_TRIES && ch->frozen_pid == 0; i++)
        if ((ch->frozen_pid = qemu_pid_of(ch->frozen.name)) == 0)
            usleep(20000);
    if (ch->frozen_pid == 0) {
        fprintf(stderr, "loadgen: the QEMU of %s is not in /proc\n",
                ch->frozen.name);
        return -1;
    }
    if (kill(ch->frozen_pid, SIGSTOP) < 0) {
        fprintf(stderr, "loadgen: cannot stop QEMU %d: %s\n",
                (int)ch->frozen_pid, strerror(errno));
        ch->frozen_pid = 0;
        return -1;
    }
    if (guest_connect(ch->load->path, ch->load->uri, &ch->frozen_fd) < 0)
        return -1;
    ch->has_hung_thread =
        pthread_create(&ch->hung_thread, NULL, wait_on_frozen, ch) == 0;
    return ch->has_hung_thread ? 0 : -1;
}

/* ---- the run ------------------------------------------------------------- */

struct churn *
churn_start(const struct churn_load *load)
{
    struct churn *ch = calloc(1, sizeof(*ch));

    if (ch == NULL)
        return NULL;
    ch->load = load;
    ch->frozen = (struct guest){ .fd = -1 };
    ch->frozen_fd = -1;
    ch->churners = calloc((size_t)load->n_clients + 1, sizeof(*ch->churners));
    if (ch->churners == NULL || (load->is_freezing && freeze_guest(ch) < 0))
        goto fail;
    for (; ch->n_running < load->n_clients; ch->n_running++) {
        struct churner *c = &ch->churners[ch->n_running];
        char what[16];
        c->ch = ch;
        snprintf(what, sizeof(what), "%d", ch->n_running);
        if (guest_define(&c->g, load->path, load->uri, load->prefix,
                         what) < 0 ||
            pthread_create(&c->thread, NULL, churn_guest, c) != 0) {
            guest_release(&c->g);
            goto fail;
        }
    }
    return ch;
fail:
    churn_stop(ch, NULL);
    return NULL;
}

/* Median and maximum of the n values of every churner's series. */
static void
summarize(const struct churn *ch, bool is_start, double *median,
          double *max)
{
    int n = 0;

    for (int i = 0; i < ch->n_running; i++)
        n += ch->churners[i].n_cycles;
    double *all = calloc((size_t)n + 1, sizeof(*all));
    *median = *max = -1;
    if (all == NULL || n == 0) {
        free(all);
        return;
    }
    n = 0;
    for (int i = 0; i < ch->n_running; i++) {
        const struct churner *c = &ch->churners[i];
        memcpy(all + n, is_start ? c->start_ms : c->destroy_ms,
               (size_t)c->n_cycles * sizeof(*all));
        n += c->n_cycles;
    }
    qsort(all, (size_t)n, sizeof(*all), compare_doubles);
    *median = n % 2 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
    *max = all[n - 1];
    free(all);
}

void
churn_stop(struct churn *ch, struct churn_result *r)
{
    atomic_store(&ch->is_stopping, true);
    /* Thawed first: a daemon stalled by the frozen guest may hold up the
     * churners too, and they must be able to finish. */
    if (ch->frozen_pid > 0)
        kill(ch->frozen_pid, SIGCONT);
    int n_failed = 0, n_cycles = 0;
    for (int i = 0; i < ch->n_running; i++) {
        pthread_join(ch->churners[i].thread, NULL);
        n_failed += ch->churners[i].n_failed;
        n_cycles += ch->churners[i].n_cycles;
    }
    if (ch->has_hung_thread)
        pthread_join(ch->hung_thread, NULL);
    if (r != NULL) {
        *r = (struct churn_result){
            .n_cycles = n_cycles, .n_failed = n_failed,
            .hung_call_ms = ch->has_hung_thread ? ch->hung_call_ms : -1,
            .is_hung_call_ok = ch->has_hung_thread && ch->hung_rc == 0,
        };
        summarize(ch, true, &r->start_p50_ms, &r->start_max_ms);
        summarize(ch, false, &r->destroy_p50_ms, &r->destroy_max_ms);
    }
    for (int i = 0; i < ch->n_running; i++) {
        guest_release(&ch->churners[i].g);
        free(ch->churners[i].start_ms);
        free(ch->churners[i].destroy_ms);
    }
    guest_release(&ch->frozen);
    if (ch->frozen_fd >= 0)
        close(ch->frozen_fd);
    free(ch->churners);
    free(ch);
}
