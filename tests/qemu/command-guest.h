/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * command-guest.h: one corpus document run by real QEMU for
 * test-command-qemu.c: its paths replaced by files made here, its command
 * line built, QEMU started paused with the monitor and taps handed down,
 * QMP spoken on a blocking socket, and everything taken down again.
 * Header-only; main's thread.
 */
#ifndef VIREO_TESTS_QEMU_COMMAND_GUEST_H
#define VIREO_TESTS_QEMU_COMMAND_GUEST_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-c/json.h>

#include "drivers/conf/domain_def.h"
#include "drivers/qemu/qemu_command.h"
#include "drivers/qemu/tap.h"
#include "tests/qemu/corpus.h"
#include "tests/tap.h"

#define MONITOR_FD     3
#define FIRST_TAP_FD   4
#define MAX_TAPS       8
#define QMP_TIMEOUT_MS 10000
#define IMAGE_BYTES    (1024 * 1024)

/* One corpus document being run. Owned by main's thread. */
struct guest {
    const char        *name;
    char               dir[64];        /* its files and sockets */
    struct domain_def *def;
    char               loops[8][32];   /* loop devices to detach */
    int                n_loops;
    int                taps[MAX_TAPS]; /* per interface, -1 for user */
    pid_t              pid;
    int                qmp;            /* connected monitor */
    FILE              *in;             /* its replies, line by line */
};

/* ---- Running programs ------------------------------------------------- */

/* Run argv, its stdout into out (if not NULL); true if it exits 0. */
static bool
run(const char *const argv[], char *out, size_t size)
{
    int pipefd[2];
    pid_t pid;
    int status;
    ssize_t n = 0;

    if (pipe(pipefd) < 0)
        return false;
    pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(pipefd[1]);
    if (out != NULL && size > 0) {
        n = read(pipefd[0], out, size - 1);
        out[n > 0 ? n : 0] = '\0';
        out[strcspn(out, "\n")] = '\0';
    }
    close(pipefd[0]);
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

static bool
make_raw(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    bool is_ok = fd >= 0 && ftruncate(fd, IMAGE_BYTES) == 0;

    if (fd >= 0)
        close(fd);
    return is_ok;
}

/* ---- Replacing the document's paths ----------------------------------- */

static bool
replace(char **field, const char *value)
{
    char *copy = strdup(value);

    if (copy == NULL)
        return false;
    free(*field);
    *field = copy;
    return true;
}

/* A disk's image: qcow2 by qemu-img, raw as a sparse file, a block disk a
 * loop device over a raw file. */
static bool
make_disk(struct guest *g, struct domain_disk *d, int i)
{
    char path[128], loop[32];
    bool is_qcow2 = d->driver_type != NULL &&
                    strcmp(d->driver_type, "qcow2") == 0;

    if (d->source_path == NULL)
        return true;
    snprintf(path, sizeof(path), "%s/disk%d.%s", g->dir, i,
             is_qcow2 ? "qcow2" : "img");
    if (is_qcow2) {
        const char *argv[] = { "qemu-img", "create", "-q", "-f", "qcow2", path,
                               "1M", NULL };
        if (!run(argv, NULL, 0))
            return false;
    } else if (!make_raw(path)) {
        return false;
    }
    if (strcmp(d->type, "block") == 0) {
        const char *argv[] = { "losetup", "-f", "--show", path, NULL };

        if (g->n_loops == 8 || !run(argv, loop, sizeof(loop)) ||
            strncmp(loop, "/dev/loop", 9) != 0)
            return false;
        snprintf(g->loops[g->n_loops++], sizeof(g->loops[0]), "%s", loop);
        return replace(&d->source_path, loop);
    }
    return replace(&d->source_path, path);
}

static bool
place_chardev(struct guest *g, struct domain_chardev *c, int i)
{
    char path[128];

    if (c->source_path == NULL ||
        (strcmp(c->type, "file") != 0 && strcmp(c->type, "unix") != 0))
        return true;
    snprintf(path, sizeof(path), "%s/chardev%d", g->dir, i);
    return replace(&c->source_path, path);
}

/* The kernel is read by QEMU before the guest runs: the real one. The
 * initrd is only copied into guest memory: any file does. */
static bool
place_boot(struct guest *g, const char *kernel)
{
    struct domain_def *def = g->def;
    char initrd[128];

    snprintf(initrd, sizeof(initrd), "%s/initrd", g->dir);
    if (def->os_kernel != NULL && !replace(&def->os_kernel, kernel))
        return false;
    return def->os_initrd == NULL ||
           (make_raw(initrd) && replace(&def->os_initrd, initrd));
}

/* KVM does not run here: the guest runs under TCG, a host CPU as QEMU's
 * 'max'. */
static bool
run_as_tcg(struct domain_def *def)
{
    if (strcmp(def->virt_type, "kvm") != 0)
        return true;
    if (!replace(&def->virt_type, "qemu"))
        return false;
    if (def->cpu_mode != NULL && strncmp(def->cpu_mode, "host-", 5) == 0) {
        free(def->cpu_migratable);
        def->cpu_migratable = NULL;
        return replace(&def->cpu_mode, "maximum");
    }
    return true;
}

static bool
open_taps(struct guest *g)
{
    for (int i = 0; i < g->def->n_interfaces && i < MAX_TAPS; i++) {
        const struct domain_interface *iface = &g->def->interfaces[i];
        const char *bridge = iface->source_bridge;
        struct tap_request req = { .guest_mac = iface->mac };
        struct vireo_error err = { 0 };
        char name[TAP_NAME_SIZE];

        if (strcmp(iface->type, "user") == 0)
            continue;
        if (bridge != NULL && tap_bridge_exists(bridge))
            req.bridge = bridge;
        g->taps[i] = tap_open(&req, name, &err);
        if (g->taps[i] < 0) {
            tap_diag("%s: %s", g->name, err.message);
            return false;
        }
    }
    return true;
}

static bool
prepare(struct guest *g, const char *kernel)
{
    struct vireo_error err = { 0 };

    for (int i = 0; i < g->def->n_disks; i++)
        if (!make_disk(g, &g->def->disks[i], i))
            return false;
    for (int i = 0; i < g->def->n_chardevs; i++)
        if (!place_chardev(g, &g->def->chardevs[i], i))
            return false;
    if (!place_boot(g, kernel) || !run_as_tcg(g->def) || !open_taps(g))
        return false;
    if (qemu_command_check(g->def, &err) < 0 ||
        qemu_command_assign_aliases(g->def, &err) < 0 ||
        qemu_command_settle_live(g->def, g->dir, &err) < 0) {
        tap_diag("%s: %s", g->name, err.message);
        return false;
    }
    return true;
}

/* ---- Starting QEMU ---------------------------------------------------- */

static int
listen_at(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    snprintf(addr.sun_path, sizeof(addr.sun_path), "%.100s", path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(fd, 1) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* Put fd at target in the child, inherited. */
static void
hand_down(int fd, int target)
{
    if (fd == target)
        fcntl(fd, F_SETFD, 0);
    else
        dup2(fd, target);
}

/* The child: the monitor at fd 3, the taps from fd 4, output to the log,
 * nothing else open. */
static void __attribute__((noreturn))
exec_qemu(struct guest *g, int listen_fd, char **argv)
{
    char log[128];
    int log_fd, top = FIRST_TAP_FD;

    snprintf(log, sizeof(log), "%s/qemu.log", g->dir);
    log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
    /* Out of the way of the numbers they go to. */
    listen_fd = fcntl(listen_fd, F_DUPFD, 64);
    for (int i = 0; i < MAX_TAPS; i++)
        if (g->taps[i] >= 0)
            g->taps[i] = fcntl(g->taps[i], F_DUPFD, 64);
    dup2(log_fd, STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    hand_down(listen_fd, MONITOR_FD);
    for (int i = 0; i < MAX_TAPS; i++)
        if (g->taps[i] >= 0)
            hand_down(g->taps[i], top++);
    closefrom(top);
    execv(argv[0], argv);
    _exit(127);
}

static char **
command_line(struct guest *g, char **emulator)
{
    int qemu_taps[MAX_TAPS];
    struct qemu_command_env env = { .monitor_fd = MONITOR_FD,
                                    .tap_fds = qemu_taps,
                                    .domain_dir = g->dir };
    struct vireo_error err = { 0 };
    char **argv;

    for (int i = 0, next = FIRST_TAP_FD; i < MAX_TAPS; i++)
        qemu_taps[i] = g->taps[i] >= 0 ? next++ : -1;
    if (qemu_command_find_emulator(g->def, emulator, &err) < 0) {
        tap_diag("%s: %s", g->name, err.message);
        return NULL;
    }
    env.emulator = *emulator;
    argv = qemu_command_build(g->def, &env, &err);
    if (argv == NULL)
        tap_diag("%s: %s", g->name, err.message);
    return argv;
}

static bool
connect_monitor(struct guest *g, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    struct timeval timeout = { QMP_TIMEOUT_MS / 1000, 0 };

    snprintf(addr.sun_path, sizeof(addr.sun_path), "%.100s", path);
    g->qmp = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (g->qmp < 0 ||
        setsockopt(g->qmp, SOL_SOCKET, SO_RCVTIMEO, &timeout,
                   sizeof(timeout)) < 0 ||
        connect(g->qmp, (struct sockaddr *)&addr, sizeof(addr)) < 0)
        return false;
    g->in = fdopen(dup(g->qmp), "r");
    return g->in != NULL;
}

static bool
start(struct guest *g)
{
    char path[128];
    char *emulator = NULL;
    char **argv = command_line(g, &emulator);
    int listen_fd;

    snprintf(path, sizeof(path), "%s/monitor.sock", g->dir);
    listen_fd = argv != NULL ? listen_at(path) : -1;
    if (listen_fd >= 0) {
        g->pid = fork();
        if (g->pid == 0)
            exec_qemu(g, listen_fd, argv);
        close(listen_fd);
    }
    qemu_command_free(argv);
    free(emulator);
    return g->pid > 0 && connect_monitor(g, path);
}

/* ---- QMP -------------------------------------------------------------- */

/* The next message that is not an event, or NULL. */
static json_object *
qmp_read(struct guest *g)
{
    char line[65536];

    while (fgets(line, sizeof(line), g->in) != NULL) {
        json_object *msg = json_tokener_parse(line);

        if (msg != NULL && !json_object_object_get_ex(msg, "event", NULL))
            return msg;
        json_object_put(msg);
    }
    return NULL;
}

/* Run a command; its "return" (owned by *reply, to be put), or NULL. */
static json_object *
qmp(struct guest *g, const char *command, json_object **reply)
{
    size_t len = strlen(command);
    json_object *ret = NULL;

    *reply = NULL;
    if (write(g->qmp, command, len) != (ssize_t)len ||
        write(g->qmp, "\n", 1) != 1)
        return NULL;
    *reply = qmp_read(g);
    if (*reply != NULL && !json_object_object_get_ex(*reply, "return", &ret))
        tap_diag("%s: %s: %s", g->name, command,
                 json_object_to_json_string(*reply));
    return ret;
}

static const char *
str(json_object *obj, const char *key)
{
    json_object *v;

    return json_object_object_get_ex(obj, key, &v) ? json_object_get_string(v)
                                                   : NULL;
}

static bool
flag(json_object *obj, const char *key)
{
    json_object *v;

    return json_object_object_get_ex(obj, key, &v) &&
           json_object_get_boolean(v);
}

static bool
handshake(struct guest *g)
{
    json_object *greeting = qmp_read(g), *reply;
    bool is_ok = greeting != NULL &&
                 json_object_object_get_ex(greeting, "QMP", NULL) &&
                 qmp(g, "{\"execute\":\"qmp_capabilities\"}", &reply) != NULL;

    json_object_put(greeting);
    json_object_put(reply);
    return is_ok;
}

static void
clean_up(struct guest *g)
{
    char command[256];

    if (g->pid > 0) {
        kill(g->pid, SIGKILL);
        waitpid(g->pid, NULL, 0);
    }
    if (g->in != NULL)
        fclose(g->in);
    if (g->qmp >= 0)
        close(g->qmp);
    for (int i = 0; i < MAX_TAPS; i++)
        if (g->taps[i] >= 0)
            close(g->taps[i]);
    for (int i = 0; i < g->n_loops; i++) {
        const char *argv[] = { "losetup", "-d", g->loops[i], NULL };
        run(argv, NULL, 0);
    }
    snprintf(command, sizeof(command), "rm -rf '%s'", g->dir);
    if (system(command) != 0)
        tap_diag("%s: cannot remove %s", g->name, g->dir);
    domain_def_free(g->def);
}

static void
show_log(const struct guest *g)
{
    char path[128];
    char *log;

    snprintf(path, sizeof(path), "%s/qemu.log", g->dir);
    log = corpus_slurp(path);
    if (log != NULL && log[0] != '\0')
        tap_diag("%s: QEMU said: %s", g->name, log);
    free(log);
}

#endif /* VIREO_TESTS_QEMU_COMMAND_GUEST_H */
