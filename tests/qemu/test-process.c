/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-process.c: drivers/qemu/process.h and tap.h with real QEMU, in a
 * network namespace of the test's own (so its bridge and taps touch
 * nothing of the host's; it needs root, as making taps does): the checks
 * made before a start, a launch (the guest's directory and monitor
 * socket, QEMU detached and paused, a tap on a bridge with libvirt's MAC,
 * an ethernet tap by name, the log's header), QMP spoken on the monitor
 * it gives, finding the QEMU again after its watcher let go (and refusing
 * a process that is not that QEMU), QEMU's end taking its taps with it,
 * and starts that fail, QEMU's own words in the error, leaving nothing
 * behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/qemu_command.h"
#include "tests/qemu/qmp-test.h"

#define BRIDGE "vireobr0"

static struct worker *w;
static char base_dir[64];

/* ---- the host ---------------------------------------------------------- */

static int
link_ioctl(unsigned long request, struct ifreq *ifr)
{
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int rc = sock >= 0 ? ioctl(sock, request, ifr) : -1;

    if (sock >= 0)
        close(sock);
    return rc;
}

/* A network namespace of our own with one bridge, up, and /sys showing
 * it (sysfs shows the namespace of whoever mounted it, so it is mounted
 * again in a mount namespace of our own). Before any thread starts: a
 * thread's namespaces are its creator's. */
static void
make_network(void)
{
    struct ifreq ifr = { 0 };

    if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0 ||
        mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
        mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
        tap_fail_all("cannot make network and mount namespaces with their "
                     "own /sys (root is needed): %s", strerror(errno));
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), BRIDGE);
    if (link_ioctl(SIOCBRADDBR, &ifr) < 0 ||
        link_ioctl(SIOCGIFFLAGS, &ifr) < 0)
        tap_fail_all("cannot make bridge " BRIDGE ": %s", strerror(errno));
    ifr.ifr_flags |= IFF_UP;
    link_ioctl(SIOCSIFFLAGS, &ifr);
}

/* A line of /sys/class/net/NAME/FILE, "" if there is none. */
static void
sys_net(const char *name, const char *file, char *buf, size_t size)
{
    char path[128];
    FILE *f;

    snprintf(path, sizeof(path), "/sys/class/net/%s/%s", name, file);
    buf[0] = '\0';
    f = fopen(path, "re");
    if (f != NULL && fgets(buf, (int)size, f) != NULL)
        buf[strcspn(buf, "\n")] = '\0';
    if (f != NULL)
        fclose(f);
}

static bool
net_exists(const char *name)
{
    char path[128];

    snprintf(path, sizeof(path), "/sys/class/net/%s", name);
    return name[0] != '\0' && access(path, F_OK) == 0;
}

/* The bridge a link is a port of, "" if none. */
static void
master_of(const char *name, char *buf, size_t size)
{
    char path[128], target[128];
    ssize_t n;

    snprintf(path, sizeof(path), "/sys/class/net/%s/master", name);
    n = readlink(path, target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    snprintf(buf, size, "%s", strrchr(target, '/') != NULL
                              ? strrchr(target, '/') + 1 : "");
}

static bool
pid_runs(pid_t pid)
{
    char path[64];

    snprintf(path, sizeof(path), "/proc/%d", (int)pid);
    return kill(pid, 0) == 0 && access(path, F_OK) == 0;
}

static pid_t
parent_of(pid_t pid)
{
    char path[64], buf[512], *after;
    int ppid = 0;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    f = fopen(path, "re");
    if (f != NULL && fgets(buf, sizeof(buf), f) != NULL &&
        (after = strrchr(buf, ')')) != NULL)
        sscanf(after + 1, " %*c %d", &ppid);
    if (f != NULL)
        fclose(f);
    return ppid;
}

static bool
wait_gone(pid_t pid)
{
    for (int i = 0; i < 5000 && pid_runs(pid); i++)
        sleep_ms(1);
    return !pid_runs(pid);
}

/* ---- a guest ----------------------------------------------------------- */

struct guest {
    struct domain_def       *def;
    char                     dir[128];
    char                     log_path[128];
    struct qemu_process_spec spec;
    struct qemu_process      proc;
    pid_t                    pid;       /* of the launch */
    int                      rc;
    struct vireo_error       err;
    atomic_int               n_exits;
    struct qt_conn          *c;
};

static void
on_exit_cb(struct worker_child *child, int status, void *opaque)
{
    struct guest *g = opaque;

    worker_child_free(child);
    g->proc.child = NULL;
    atomic_fetch_add(&g->n_exits, 1);
}

static char *
dup_opt(const char *s)
{
    return s != NULL ? strdup(s) : NULL;
}

/* Devices are added to the parsed definition as its typed fields, so the
 * test needs no more of the XML parser than a bare domain. */
static void
add_interface(struct guest *g, const char *type, const char *mac,
              const char *bridge, const char *target_dev)
{
    struct domain_def *def = g->def;
    struct domain_interface *iface;

    def->interfaces = realloc(def->interfaces, (size_t)(def->n_interfaces +
                              1) * sizeof(*def->interfaces));
    iface = &def->interfaces[def->n_interfaces++];
    *iface = (struct domain_interface){ .type = strdup(type),
        .mac = dup_opt(mac), .source_bridge = dup_opt(bridge),
        .target_dev = dup_opt(target_dev) };
}

static void
add_disk(struct guest *g, const char *path)
{
    struct domain_def *def = g->def;

    def->disks = realloc(def->disks, (size_t)(def->n_disks + 1) *
                                     sizeof(*def->disks));
    def->disks[def->n_disks++] = (struct domain_disk){
        .type = strdup("file"), .device = strdup("disk"),
        .source_path = strdup(path), .target_dev = strdup("vda") };
}

/* A bridge interface with a MAC, a user one and an ethernet one with a
 * tap of its own name. */
static void
add_network(struct guest *g)
{
    add_interface(g, "bridge", "52:54:00:12:34:56", BRIDGE, NULL);
    add_interface(g, "user", "52:54:00:12:34:57", NULL, NULL);
    add_interface(g, "ethernet", "52:54:00:12:34:58", NULL, "vireotap-e");
}

static struct guest *
guest_new(const char *name, const char *machine)
{
    struct guest *g = calloc(1, sizeof(*g));
    struct vireo_error err = { 0 };
    char *xml;

    if (asprintf(&xml, "<domain type='qemu'><name>%s</name>"
                 "<memory unit='MiB'>64</memory><os><type arch='x86_64' "
                 "machine='%s'>hvm</type></os></domain>", name, machine) < 0)
        abort();
    g->def = domain_def_parse(xml, &err);
    free(xml);
    if (g->def == NULL)
        tap_fail_all("the test's own XML does not parse: %s", err.message);
    snprintf(g->dir, sizeof(g->dir), "%s/%s", base_dir, name);
    snprintf(g->log_path, sizeof(g->log_path), "%s/%s.log", base_dir, name);
    g->spec = (struct qemu_process_spec){ .def = g->def,
        .domain_dir = g->dir, .log_path = g->log_path, .id = 1 };
    return g;
}

static void
launch_on_worker(void *arg)
{
    struct guest *g = arg;

    /* What the driver does to its live definition before a launch. */
    g->rc = qemu_command_assign_aliases(g->def, &g->err);
    if (g->rc == 0)
        g->rc = qemu_process_launch(w, &g->spec, on_exit_cb, g, &g->proc,
                                    &g->err);
    g->pid = g->rc == 0 ? worker_child_pid(g->proc.child) : -1;
}

static void
release_on_worker(void *arg)
{
    struct guest *g = arg;

    worker_child_free(g->proc.child);   /* detached: it runs on */
    g->proc.child = NULL;
}

struct reattach {
    struct guest *g;
    pid_t         pid;
    const char   *dir;
};

static void
reattach_on_worker(void *arg)
{
    struct reattach *r = arg;

    r->g->rc = qemu_process_reattach(w, r->pid, r->dir, on_exit_cb, r->g,
                                     &r->g->proc, &r->g->err);
}

static void
cleanup_on_worker(void *arg)
{
    qemu_process_cleanup(((struct guest *)arg)->dir);
}

/* Launch g and speak QMP on its monitor; 0 if both went well. */
static int
guest_launch(struct guest *g)
{
    worker_call(w, launch_on_worker, g);
    if (g->rc < 0)
        return -1;
    g->c = qt_conn_open(w, g->proc.monitor_fd, 10000);
    qt_wait_log(g->c, 1, 10000);
    return 0;
}

static void
guest_free(struct guest *g)
{
    if (g->c != NULL)
        qt_conn_free(g->c);
    worker_call(w, release_on_worker, g);
    domain_def_free(g->def);
    free(g);
}

/* ---- checks before a start --------------------------------------------- */

static void
check_refused(struct guest *g, int code, const char *want, const char *what)
{
    struct vireo_error err = { 0 };

    tap_ok(qemu_process_check(g->def, &err) == -1 && err.code == code &&
           strstr(err.message, want) != NULL, "%s is refused before "
           "anything starts: %s", what, err.message);
    guest_free(g);
}

static void
test_check(void)
{
    struct guest *g = guest_new("good", "pc");
    struct vireo_error err = { 0 };

    add_network(g);
    add_disk(g, "/dev/null");
    tap_is_int(qemu_process_check(g->def, &err), 0, "a guest with its disk "
               "and on an existing bridge passes the checks%s%s",
               err.code != 0 ? ": " : "", err.message);
    guest_free(g);

    g = guest_new("refused", "pc");
    g->def->emulator = strdup("/nonexistent/qemu");
    check_refused(g, VIR_ERR_SYSTEM_ERROR, "Cannot check QEMU binary "
                  "/nonexistent/qemu", "a missing emulator");
    g = guest_new("refused", "pc");
    add_disk(g, "/nonexistent/disk.qcow2");
    check_refused(g, VIR_ERR_SYSTEM_ERROR, "Cannot access storage file "
                  "'/nonexistent/disk.qcow2'", "a missing disk");
    g = guest_new("refused", "pc");
    g->def->os_kernel = strdup("/nonexistent/vmlinuz");
    check_refused(g, VIR_ERR_SYSTEM_ERROR, "Cannot access kernel "
                  "'/nonexistent/vmlinuz'", "a missing kernel");
    g = guest_new("refused", "pc");
    add_interface(g, "bridge", NULL, "nosuchbr", NULL);
    check_refused(g, VIR_ERR_SYSTEM_ERROR, "bridge 'nosuchbr' does not "
                  "exist", "a missing bridge");
}

/* ---- a launch ---------------------------------------------------------- */

static void
check_running_guest(struct guest *g, pid_t pid)
{
    char monitor[128], master[32], mac[32], flags[32];
    struct stat st;
    FILE *log;
    char line[256] = "";

    qemu_process_monitor_path(g->dir, monitor, sizeof(monitor));
    tap_ok(stat(monitor, &st) == 0 && S_ISSOCK(st.st_mode), "the monitor "
           "socket is in the guest's directory: %s", monitor);
    tap_ok(pid_runs(pid) && parent_of(pid) != getpid(), "QEMU runs "
           "detached: its parent is %d, not us", (int)parent_of(pid));
    tap_is_str(qt_line(g->c, 0), "ready", "QMP is spoken on the monitor fd "
               "the launch gives");

    master_of(g->proc.tap_names[0], master, sizeof(master));
    sys_net(g->proc.tap_names[0], "address", mac, sizeof(mac));
    sys_net(g->proc.tap_names[0], "flags", flags, sizeof(flags));
    tap_ok(strncmp(g->proc.tap_names[0], "vnet", 4) == 0 &&
           strcmp(master, BRIDGE) == 0, "the bridge interface got tap %s, "
           "a port of %s", g->proc.tap_names[0], master);
    tap_ok(strcmp(mac, "fe:54:00:12:34:56") == 0 &&
           (strtol(flags, NULL, 16) & IFF_UP) != 0, "with the guest's MAC "
           "but fe for its first byte (%s), and up", mac);
    tap_ok(g->proc.tap_names[1][0] == '\0', "the user interface has no tap");
    master_of("vireotap-e", master, sizeof(master));
    tap_ok(strcmp(g->proc.tap_names[2], "vireotap-e") == 0 &&
           net_exists("vireotap-e") && master[0] == '\0', "the ethernet "
           "interface got the tap it named, on no bridge");

    log = fopen(g->log_path, "re");
    if (log != NULL && fgets(line, sizeof(line), log) == NULL)
        line[0] = '\0';
    line[strcspn(line, "\n")] = '\0';
    if (log != NULL)
        fclose(log);
    tap_ok(strstr(line, "+0000: starting up vireo version: ") != NULL,
           "the log begins with the start's header: %s", line);
}

/* Connections to QEMU's monitor socket until it takes no more; their
 * fds in fds, their count returned. */
static int
fill_backlog(const char *dir, int *fds, int max)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int n = 0;

    qemu_process_monitor_path(dir, addr.sun_path, sizeof(addr.sun_path));
    while (n < max) {
        fds[n] = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
                        0);
        if (connect(fds[n], (struct sockaddr *)&addr, sizeof(addr)) < 0) {
            close(fds[n]);
            break;
        }
        n++;
    }
    return n;
}

/* A stopped QEMU accepts no connection; once its backlog is full, finding
 * it again fails at once instead of waiting on it. */
static void
check_backlog_full(struct guest *g, pid_t pid, const char *dir)
{
    struct reattach r = { g, pid, dir };
    int fds[16], n;

    kill(pid, SIGSTOP);
    n = fill_backlog(dir, fds, 16);
    worker_call(w, reattach_on_worker, &r);
    tap_ok(n < 16 && g->rc == -1 &&
           strstr(g->err.message, strerror(EAGAIN)) != NULL,
           "a stopped QEMU whose monitor takes no more connections is not "
           "waited on: %s", g->err.message);
    for (int i = 0; i < n; i++)
        close(fds[i]);
    kill(pid, SIGCONT);
}

static void
test_launch_and_reattach(void)
{
    struct guest *g = guest_new("vm1", "pc"), *other;
    char tap0[TAP_NAME_SIZE];
    struct reattach r;
    pid_t pid, not_qemu;

    add_network(g);
    tap_ok(guest_launch(g) == 0, "a guest with a bridge, a user and an "
           "ethernet interface is launched%s%s", g->rc < 0 ? ": " : "",
           g->err.message);
    pid = g->pid;
    check_running_guest(g, pid);
    snprintf(tap0, sizeof(tap0), "%s", g->proc.tap_names[0]);

    other = guest_new("vm1", "pc");
    worker_call(w, launch_on_worker, other);
    tap_ok(other->rc == -1 && other->err.code == VIR_ERR_OPERATION_INVALID &&
           pid_runs(pid) && count_dir(g->dir) == 3, "a second launch in the "
           "directory of a running QEMU is refused, taking nothing from it: "
           "%s", other->err.message);
    guest_free(other);

    /* The daemon goes away: its connection and its watch on QEMU end. */
    qt_conn_free(g->c);
    g->c = NULL;
    worker_call(w, release_on_worker, g);
    r = (struct reattach){ g, pid, g->dir };
    worker_call(w, reattach_on_worker, &r);
    tap_ok(g->rc == 0 && pid_runs(pid), "the running QEMU is found again "
           "by its pid and directory%s%s", g->rc < 0 ? ": " : "",
           g->err.message);
    g->c = qt_conn_open(w, g->proc.monitor_fd, 10000);
    qt_wait_log(g->c, 1, 10000);
    tap_is_str(qt_line(g->c, 0), "ready", "and its monitor is connected "
               "again");

    other = guest_new("other", "pc");
    not_qemu = fork();
    if (not_qemu == 0) {
        pause();
        _exit(0);
    }
    r = (struct reattach){ other, not_qemu, g->dir };
    worker_call(w, reattach_on_worker, &r);
    tap_ok(other->rc == -1 && strstr(other->err.message, "is not QEMU"),
           "a process that is not QEMU is refused: %s", other->err.message);
    kill(not_qemu, SIGKILL);
    waitpid(not_qemu, NULL, 0);
    r = (struct reattach){ other, pid, base_dir };
    worker_call(w, reattach_on_worker, &r);
    tap_ok(other->rc == -1 && strstr(other->err.message, "does not hold the "
                                     "monitor socket"), "a QEMU that does not "
           "hold that directory's monitor socket is refused: %s",
           other->err.message);
    check_backlog_full(other, pid, g->dir);
    guest_free(other);

    kill(pid, SIGKILL);
    tap_ok(wait_for(&g->n_exits, 1, 10000), "QEMU's end is reported to the "
           "one that found it again");
    tap_ok(wait_gone(pid) && !net_exists(tap0) && !net_exists("vireotap-e"),
           "and its taps went with it");
    worker_call(w, cleanup_on_worker, g);
    tap_ok(access(g->dir, F_OK) < 0 && access(g->log_path, F_OK) == 0,
           "cleaning up removes the guest's directory and keeps its log");
    r = (struct reattach){ g, pid, g->dir };
    worker_call(w, reattach_on_worker, &r);
    tap_ok(g->rc == -1, "a QEMU that is gone is not found again: %s",
           g->err.message);
    guest_free(g);
}

/* ---- starts that fail -------------------------------------------------- */

static void
test_qemu_fails(void)
{
    struct guest *g = guest_new("bad", "pc");
    struct vireo_error err = { 0 };
    char tail[256], image[96];
    pid_t pid;

    /* Nothing before QEMU reads the image can tell that it is no qcow2. */
    snprintf(image, sizeof(image), "%s/empty.qcow2", base_dir);
    close(open(image, O_CREAT | O_WRONLY | O_CLOEXEC, 0600));
    add_network(g);
    add_disk(g, image);
    g->def->disks[0].driver_type = strdup("qcow2");
    tap_ok(guest_launch(g) == 0, "QEMU with a disk it cannot open is "
           "started");
    pid = g->pid;
    tap_ok(qt_line_starts(g->c, 0, "ready failed: operation failed: QEMU "
                          "monitor closed during the QMP handshake"),
           "it closes its monitor before the handshake: %s",
           qt_line(g->c, 0));
    tap_ok(wait_for(&g->n_exits, 1, 10000) && wait_gone(pid),
           "and exits");
    qemu_process_exited_error(g->log_path, &err);
    tap_ok(err.code == VIR_ERR_INTERNAL_ERROR &&
           strncmp(err.message, "internal error: QEMU exited at start: ",
                   38) == 0 && strstr(err.message, "not in qcow2 format") != NULL &&
           strstr(err.message, "starting up") == NULL, "the error gives "
           "QEMU's own words, and only them: %s", err.message);
    qemu_process_log_tail(g->log_path, tail, 8);
    tap_ok(strlen(tail) <= 7, "a tail is cut to the room given");
    worker_call(w, cleanup_on_worker, g);
    tap_ok(access(g->dir, F_OK) < 0 && !net_exists("vireotap-e"),
           "after cleaning up nothing is left: no directory, socket or tap");
    guest_free(g);
    unlink(image);

    g = guest_new("noexec", "pc");
    add_network(g);
    g->def->emulator = strdup("/nonexistent/qemu");
    worker_call(w, launch_on_worker, g);
    tap_ok(g->rc == -1 && g->err.code == VIR_ERR_SYSTEM_ERROR &&
           strstr(g->err.message, "/nonexistent/qemu") != NULL,
           "an emulator that cannot be executed fails the launch: %s",
           g->err.message);
    tap_ok(access(g->dir, F_OK) == 0 && count_dir(g->dir) == 2 &&
           !net_exists("vireotap-e"), "leaving no socket or tap, only the "
           "empty directory (%d entries, tap %s)", count_dir(g->dir) - 2,
           net_exists("vireotap-e") ? "left" : "gone");
    worker_call(w, cleanup_on_worker, g);
    tap_ok(access(g->dir, F_OK) < 0, "which cleaning up removes");
    tap_is_str(qemu_process_log_tail("/nonexistent/log", tail,
                                     sizeof(tail)), "",
               "a log that does not exist has an empty tail");
    guest_free(g);
}

/* The logs the guests left, which the launcher keeps on purpose. */
static void
remove_logs(void)
{
    static const char *const names[] = { "vm1", "bad", "noexec" };
    char log[128];

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(log, sizeof(log), "%s/%s.log", base_dir, names[i]);
        unlink(log);
    }
}

int
main(void)
{
    make_network();
    alarm(120);
    snprintf(base_dir, sizeof(base_dir), "/tmp/vireo-process-XXXXXX");
    if (mkdtemp(base_dir) == NULL)
        tap_fail_all("mkdtemp: %s", strerror(errno));
    tap_plan(5 + 1 + 8 + 11 + 6 + 4);
    qt_loop_start();
    w = worker_new("test-process");
    test_check();
    test_launch_and_reattach();
    test_qemu_fails();
    worker_stop(w);
    qt_loop_stop();
    remove_logs();
    tap_ok(rmdir(base_dir) == 0, "the test leaves nothing in its directory");
    return tap_done();
}
