/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * process.c: starting a guest's QEMU and finding it again (the contract
 * is in process.h).
 *
 * A launch gathers, in order, what QEMU inherits: the listening monitor
 * socket (bound by us, so that we connect to it at once, before QEMU even
 * runs: the connection waits in the socket's backlog), a tap per bridge
 * or ethernet interface, and the log for its output. The command line
 * names them by the numbers QEMU sees (3 for the monitor, 4, 5 ... for
 * the taps, in interface order). Once QEMU is started detached, our
 * copies are closed: QEMU alone holds the listening socket and the taps,
 * so its end closes our monitor connection and takes the taps away.
 *
 * Finding QEMU again after a restart trusts nothing but the kernel: the
 * process must be a QEMU and must hold the very socket listening at the
 * guest's monitor path (/proc/net/unix names its inode, /proc/PID/fd the
 * sockets the process holds).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/process_log.h"
#include "drivers/qemu/qemu_command.h"

#define MONITOR_SOCKET "monitor.sock"

/* The kernel's mark of a listening socket in /proc/net/unix's flags. */
#define SO_ACCEPTCON 0x10000

/* What a launch holds until QEMU has it. Owned by the qemu thread for
 * the launch's duration. */
struct launch {
    const struct qemu_process_spec *spec;
    char   monitor_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
    int    listen_fd;
    int    monitor_fd;
    int    log_fd;
    int    pass_fds[1 + QEMU_PROCESS_MAX_INTERFACES]; /* as QEMU gets them */
    int    n_pass_fds;
    int    qemu_tap_fds[QEMU_PROCESS_MAX_INTERFACES]; /* as QEMU sees them */
    char  *emulator;
    char **argv;
    char  *envp[4];
};

/* ---- the monitor socket ------------------------------------------------ */

int
qemu_process_monitor_path(const char *domain_dir, char *buf, size_t size)
{
    return snprintf(buf, size, "%s/" MONITOR_SOCKET, domain_dir);
}

static int
monitor_address(const char *domain_dir, struct sockaddr_un *addr,
                struct vireo_error *err)
{
    int n;

    *addr = (struct sockaddr_un){ .sun_family = AF_UNIX };
    n = qemu_process_monitor_path(domain_dir, addr->sun_path,
                                  sizeof(addr->sun_path));
    if (n < 0 || (size_t)n >= sizeof(addr->sun_path))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "monitor socket path in '%s' is longer than %zu "
                         "bytes", domain_dir, sizeof(addr->sun_path) - 1);
    return 0;
}

/* A connection to the socket listening at addr; -1 with err set. It is
 * non-blocking from the start: a unix socket's connect() then answers at
 * once, and a QEMU that accepts nothing (stopped, its backlog full) fails
 * it with EAGAIN instead of holding the thread. */
static int
connect_monitor(const struct sockaddr_un *addr, struct vireo_error *err)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

    if (fd < 0 || connect(fd, (const struct sockaddr *)addr,
                          sizeof(*addr)) < 0) {
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                  "cannot connect to QEMU monitor '%s': %s", addr->sun_path,
                  strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* Whether something listens at addr: a QEMU still running there (its
 * backlog full, EAGAIN, says so too). */
static bool
is_listened_on(const struct sockaddr_un *addr)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    bool is_listened = fd >= 0 &&
                       (connect(fd, (const struct sockaddr *)addr,
                                sizeof(*addr)) == 0 || errno == EAGAIN);

    if (fd >= 0)
        close(fd);
    return is_listened;
}

/* Bind and listen at the monitor path, and connect to it. A socket left
 * there by a QEMU that died is replaced; one that a QEMU still listens on
 * (even a stopped one: the kernel queues the connection) is that guest
 * running already, and its socket is not taken from it. */
static int
open_monitor(struct launch *l, struct vireo_error *err)
{
    struct sockaddr_un addr;

    if (monitor_address(l->spec->domain_dir, &addr, err) < 0)
        return -1;
    if (is_listened_on(&addr))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU,
                         "a QEMU is already running with its monitor at "
                         "'%s'", addr.sun_path);
    snprintf(l->monitor_path, sizeof(l->monitor_path), "%s", addr.sun_path);
    unlink(addr.sun_path);
    l->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (l->listen_fd < 0 ||
        bind(l->listen_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(l->listen_fd, 1) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                         "cannot listen on QEMU monitor socket '%s': %s",
                         addr.sun_path, strerror(errno));
    l->pass_fds[l->n_pass_fds++] = l->listen_fd;
    l->monitor_fd = connect_monitor(&addr, err);
    return l->monitor_fd < 0 ? -1 : 0;
}

/* ---- taps -------------------------------------------------------------- */

static bool
needs_tap(const struct domain_interface *iface)
{
    return strcmp(iface->type, "bridge") == 0 ||
           strcmp(iface->type, "ethernet") == 0 ||
           strcmp(iface->type, "network") == 0;    /* qemu_network.h */
}

/* A tap for each bridge and ethernet interface, its name in out. */
static int
open_taps(struct launch *l, struct qemu_process *out, struct vireo_error *err)
{
    const struct domain_def *def = l->spec->def;

    for (int i = 0; i < def->n_interfaces; i++) {
        const struct domain_interface *iface = &def->interfaces[i];
        struct tap_request req = {
            .name = iface->target_dev, .guest_mac = iface->mac,
            .bridge = strcmp(iface->type, "ethernet") != 0
                      ? iface->source_bridge : NULL };
        int fd;

        l->qemu_tap_fds[i] = -1;
        if (!needs_tap(iface))
            continue;
        fd = tap_open(&req, out->tap_names[i], err);
        if (fd < 0)
            return -1;
        l->qemu_tap_fds[i] = 3 + l->n_pass_fds;
        l->pass_fds[l->n_pass_fds++] = fd;
    }
    return 0;
}

/* ---- the command line -------------------------------------------------- */

/* QEMU's environment, as libvirt gives it: the C locale, the daemon's
 * PATH, and the guest's directory as HOME. */
static int
make_env(struct launch *l, struct vireo_error *err)
{
    const char *path = getenv("PATH");
    char *var;

    if (asprintf(&var, "LC_ALL=C") < 0)
        return error_no_memory(err);
    l->envp[0] = var;
    if (asprintf(&var, "PATH=%s",
                 path != NULL ? path : "/usr/sbin:/usr/bin:/sbin:/bin") < 0)
        return error_no_memory(err);
    l->envp[1] = var;
    if (asprintf(&var, "HOME=%s", l->spec->domain_dir) < 0)
        return error_no_memory(err);
    l->envp[2] = var;
    return 0;
}

static int
build_command(struct launch *l, struct vireo_error *err)
{
    struct qemu_command_env env = {
        .monitor_fd = 3, .tap_fds = l->qemu_tap_fds,
        .domain_dir = l->spec->domain_dir };

    if (qemu_command_find_emulator(l->spec->def, &l->emulator, err) < 0)
        return -1;
    env.emulator = l->emulator;
    l->argv = qemu_command_build(l->spec->def, &env, err);
    return l->argv != NULL ? 0 : -1;
}

/* ---- the launch -------------------------------------------------------- */

static void
launch_release(struct launch *l)
{
    for (int i = 0; i < l->n_pass_fds; i++)
        close(l->pass_fds[i]);   /* the listening socket and the taps */
    if (l->log_fd >= 0)
        close(l->log_fd);
    qemu_command_free(l->argv);
    free(l->emulator);
    for (int i = 0; i < 3; i++)
        free(l->envp[i]);
}

static int
make_dir(const char *dir, struct vireo_error *err)
{
    if (mkdir(dir, 0700) == 0 || errno == EEXIST)
        return 0;
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                     "cannot create '%s': %s", dir, strerror(errno));
}

static int
check_interface_count(const struct domain_def *def, struct vireo_error *err)
{
    if (def->n_interfaces <= QEMU_PROCESS_MAX_INTERFACES)
        return 0;
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                     "a guest may have at most %d interfaces",
                     QEMU_PROCESS_MAX_INTERFACES);
}

static int
prepare(struct launch *l, struct qemu_process *out, struct vireo_error *err)
{
    if (check_interface_count(l->spec->def, err) < 0 ||
        make_dir(l->spec->domain_dir, err) < 0 ||
        open_monitor(l, err) < 0 || open_taps(l, out, err) < 0 ||
        make_env(l, err) < 0 || build_command(l, err) < 0)
        return -1;
    l->log_fd = process_log_open(l->spec->log_path,
                                 (const char *const *)l->envp,
                                 (const char *const *)l->argv, err);
    return l->log_fd < 0 ? -1 : 0;
}

int
qemu_process_launch(struct worker *w, const struct qemu_process_spec *spec,
                    worker_child_exit_cb on_exit, void *opaque,
                    struct qemu_process *out, struct vireo_error *err)
{
    struct launch l = { .spec = spec, .listen_fd = -1, .monitor_fd = -1,
                        .log_fd = -1 };
    struct worker_child_spec child = { .stdin_fd = -1, .is_detached = true };

    memset(out, 0, sizeof(*out));
    out->monitor_fd = -1;
    if (prepare(&l, out, err) == 0) {
        child.argv = (const char *const *)l.argv;
        child.envp = (const char *const *)l.envp;
        child.stdout_fd = child.stderr_fd = l.log_fd;
        child.pass_fds = l.pass_fds;
        child.n_pass_fds = l.n_pass_fds;
        out->child = worker_child_spawn(w, &child, on_exit, opaque, err);
    }
    launch_release(&l);
    if (out->child == NULL) {
        if (l.monitor_fd >= 0)
            close(l.monitor_fd);
        if (l.monitor_path[0] != '\0')
            unlink(l.monitor_path);
        memset(out->tap_names, 0, sizeof(out->tap_names));
        return -1;
    }
    out->monitor_fd = l.monitor_fd;
    return 0;
}

/* ---- finding QEMU again ------------------------------------------------ */

/* Whether pid's program is a QEMU: its argv[0]'s name starts so. */
static bool
runs_qemu(pid_t pid, char *argv0, size_t size)
{
    char path[64];
    const char *base;
    ssize_t n;
    int fd;

    snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    n = fd >= 0 ? read(fd, argv0, size - 1) : -1;
    if (fd >= 0)
        close(fd);
    argv0[n > 0 ? n : 0] = '\0';   /* the first argument ends at a NUL */
    base = strrchr(argv0, '/');
    base = base != NULL ? base + 1 : argv0;
    return strncmp(base, "qemu", 4) == 0;
}

/* Whether pid holds socket:[inode]. */
static bool
holds_socket(pid_t pid, unsigned long inode)
{
    char dir_path[64], link[64 + 256], target[64], want[64];
    struct dirent *e;
    bool found = false;
    DIR *dir;

    snprintf(dir_path, sizeof(dir_path), "/proc/%d/fd", (int)pid);
    snprintf(want, sizeof(want), "socket:[%lu]", inode);
    dir = dir_open(dir_path);
    while (dir != NULL && !found && (e = readdir(dir)) != NULL) {
        ssize_t n;

        snprintf(link, sizeof(link), "%s/%s", dir_path, e->d_name);
        n = readlink(link, target, sizeof(target) - 1);
        target[n > 0 ? n : 0] = '\0';
        found = strcmp(target, want) == 0;
    }
    if (dir != NULL)
        closedir(dir);
    return found;
}

/* Whether pid holds a socket listening at path: /proc/net/unix lists
 * every bound socket with its flags (__SO_ACCEPTCON: listening), inode
 * and path. */
static bool
holds_listener(pid_t pid, const char *path)
{
    FILE *f = fopen("/proc/net/unix", "re");
    char line[512];
    bool found = false;

    while (f != NULL && !found && fgets(line, sizeof(line), f) != NULL) {
        unsigned long inode;
        unsigned int flags;
        int at = 0;

        line[strcspn(line, "\n")] = '\0';
        if (sscanf(line, "%*s %*s %*s %x %*s %*s %lu %n", &flags, &inode,
                   &at) == 2 && at > 0 && (flags & SO_ACCEPTCON) != 0 &&
            strcmp(line + at, path) == 0)
            found = holds_socket(pid, inode);
    }
    if (f != NULL)
        fclose(f);
    return found;
}

static int
check_is_ours(pid_t pid, const char *monitor_path, struct vireo_error *err)
{
    char argv0[256];

    if (!runs_qemu(pid, argv0, sizeof(argv0)))
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                         "process %d is not QEMU but '%s'", (int)pid,
                         argv0[0] != '\0' ? argv0 : "gone");
    if (!holds_listener(pid, monitor_path))
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                         "QEMU process %d does not hold the monitor socket "
                         "'%s'", (int)pid, monitor_path);
    return 0;
}

int
qemu_process_reattach(struct worker *w, pid_t pid, const char *domain_dir,
                      worker_child_exit_cb on_exit, void *opaque,
                      struct qemu_process *out, struct vireo_error *err)
{
    struct sockaddr_un addr;

    memset(out, 0, sizeof(*out));
    out->monitor_fd = -1;
    if (monitor_address(domain_dir, &addr, err) < 0)
        return -1;
    /* Watched first: a pidfd holds the process, so the checks that
     * follow cannot be fooled by its pid being reused meanwhile. */
    out->child = worker_child_adopt(w, pid, on_exit, opaque, err);
    if (out->child == NULL)
        return -1;
    if (check_is_ours(pid, addr.sun_path, err) < 0 ||
        (out->monitor_fd = connect_monitor(&addr, err)) < 0) {
        worker_child_free(out->child);   /* detached: it runs on */
        out->child = NULL;
        return -1;
    }
    return 0;
}

/* ---- after QEMU -------------------------------------------------------- */

void
qemu_process_cleanup(const char *domain_dir)
{
    DIR *dir = dir_open(domain_dir);
    struct dirent *e;

    /* Only sockets: whatever else is there is not ours to delete, and
     * then the directory stays too. */
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        struct stat st;

        if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISSOCK(st.st_mode))
            unlinkat(dirfd(dir), e->d_name, 0);
    }
    if (dir != NULL)
        closedir(dir);
    rmdir(domain_dir);
}

/* ---- before QEMU ------------------------------------------------------- */

static int
check_file(const char *path, const char *what, struct vireo_error *err)
{
    if (path == NULL || access(path, F_OK) == 0)
        return 0;
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                     "Cannot access %s '%s': %s", what, path,
                     strerror(errno));
}

static int
check_emulator(const struct domain_def *def, struct vireo_error *err)
{
    char *emulator = NULL;
    int rc = qemu_command_find_emulator(def, &emulator, err);

    if (rc == 0 && access(emulator, X_OK) < 0)
        rc = error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                       "Cannot check QEMU binary %s: %s", emulator,
                       strerror(errno));
    free(emulator);
    return rc;
}

static int
check_interfaces(const struct domain_def *def, struct vireo_error *err)
{
    if (check_interface_count(def, err) < 0)
        return -1;
    for (int i = 0; i < def->n_interfaces; i++) {
        const struct domain_interface *iface = &def->interfaces[i];

        if ((strcmp(iface->type, "bridge") == 0 ||
             strcmp(iface->type, "network") == 0) &&
            !tap_bridge_exists(iface->source_bridge))
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                             "interface %d: bridge '%s' does not exist", i,
                             iface->source_bridge != NULL
                             ? iface->source_bridge : "");
    }
    return 0;
}

int
qemu_process_check(const struct domain_def *def, struct vireo_error *err)
{
    if (qemu_command_check(def, err) < 0 || check_emulator(def, err) < 0 ||
        check_file(def->os_kernel, "kernel", err) < 0 ||
        check_file(def->os_initrd, "initrd", err) < 0)
        return -1;
    for (int i = 0; i < def->n_disks; i++)
        if (check_file(def->disks[i].source_path, "storage file", err) < 0)
            return -1;
    return check_interfaces(def, err);
}
