/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command.c: a domain definition as QEMU's command line (see
 * qemu_command.h): the argv itself, the machine, CPU, memory, clock and
 * boot options, the monitor, and where the emulator is. The devices are
 * added by qemu_command_disks.c and qemu_command_devices.c; what cannot be
 * honoured is refused first by qemu_command_check.c.
 *
 * The options are the ones libvirt 9.0 gives QEMU 7.2 for the same
 * definition, except where noted.
 *
 * Stateless; any thread.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_command_priv.h"

#define DEFAULT_EMULATOR "qemu-system-x86_64"
#define DEFAULT_MACHINE  "pc"

/* ---- Building an argv ------------------------------------------------- */

static void
cmd_push(struct cmd *c, char *arg)
{
    char **grown;

    if (arg == NULL || c->is_out_of_memory) {
        c->is_out_of_memory = true;
        free(arg);
        return;
    }
    if (c->n + 2 > c->cap) {
        int cap = c->cap > 0 ? 2 * c->cap : 64;

        grown = realloc(c->argv, (size_t)cap * sizeof(*grown));
        if (grown == NULL) {
            c->is_out_of_memory = true;
            free(arg);
            return;
        }
        c->argv = grown;
        c->cap = cap;
    }
    c->argv[c->n++] = arg;
    c->argv[c->n] = NULL;
}

static char *
vformat(const char *fmt, va_list ap)
{
    char *s;

    return vasprintf(&s, fmt, ap) < 0 ? NULL : s;
}

void
cmd_add(struct cmd *c, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    cmd_push(c, vformat(fmt, ap));
    va_end(ap);
}

void
cmd_add_opt(struct cmd *c, const char *opt, const char *fmt, ...)
{
    va_list ap;

    cmd_add(c, "%s", opt);
    va_start(ap, fmt);
    cmd_push(c, vformat(fmt, ap));
    va_end(ap);
}

void
cmd_fail(struct cmd *c, const char *fmt, ...)
{
    char message[sizeof(c->err->message)];
    va_list ap;

    if (c->has_failed)
        return;
    c->has_failed = true;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    error_set(c->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s", message);
}

char *
cmd_escape(const char *value)
{
    size_t n = 0;
    char *out, *p;

    for (const char *s = value; *s != '\0'; s++)
        n += *s == ',' ? 2 : 1;
    out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    p = out;
    for (const char *s = value; *s != '\0'; s++) {
        *p++ = *s;
        if (*s == ',')
            *p++ = ',';
    }
    *p = '\0';
    return out;
}

void
qemu_command_free(char **argv)
{
    for (int i = 0; argv != NULL && argv[i] != NULL; i++)
        free(argv[i]);
    free(argv);
}

/* ---- The machine ------------------------------------------------------ */

static const char *
machine_type(const struct domain_def *def)
{
    return def->os_machine != NULL ? def->os_machine : DEFAULT_MACHINE;
}

bool
qemu_command_is_q35(const struct domain_def *def)
{
    const char *m = machine_type(def);

    return strcmp(m, "q35") == 0 || strncmp(m, "pc-q35-", 7) == 0;
}

bool
qemu_command_is_kvm(const struct domain_def *def)
{
    return def->virt_type != NULL && strcmp(def->virt_type, "kvm") == 0;
}

static const struct domain_timer *
find_timer(const struct domain_def *def, const char *name)
{
    for (int i = 0; i < def->n_timers; i++)
        if (strcmp(def->timers[i].name, name) == 0)
            return &def->timers[i];
    return NULL;
}

/* -machine: the type, then the properties libvirt sets. */
static void
add_machine(struct cmd *c)
{
    const struct domain_def *def = c->def;
    const struct domain_timer *hpet = find_timer(def, "hpet");
    char *type = cmd_escape(machine_type(def));

    if (type == NULL) {
        c->is_out_of_memory = true;
        return;
    }
    cmd_add_opt(c, "-machine", "%s,usb=off%s%s%s,dump-guest-core=off%s,"
                "accel=%s", type,
                def->vmport == DOMAIN_TRISTATE_ABSENT ? "" : ",vmport=",
                def->vmport == DOMAIN_TRISTATE_ABSENT ? ""
                : def->vmport == DOMAIN_TRISTATE_YES ? "on" : "off",
                def->has_acpi ? "" : ",acpi=off",
                hpet != NULL && hpet->present == DOMAIN_TRISTATE_NO
                ? ",hpet=off" : "",
                qemu_command_is_kvm(def) ? "kvm" : "tcg");
    free(type);
}

/* host-model and host-passthrough run as the host's CPU under KVM (libvirt
 * names a model close to it for host-model); qemu_command_check refuses
 * both under TCG. */
static void
add_cpu(struct cmd *c)
{
    const struct domain_def *def = c->def;
    const char *mode = def->cpu_mode;

    if (mode == NULL)
        return;
    if (strcmp(mode, "custom") == 0 && def->cpu_model != NULL)
        cmd_add_opt(c, "-cpu", "%s", def->cpu_model);
    else if (strcmp(mode, "maximum") == 0)
        cmd_add_opt(c, "-cpu", "max");
    else if (strcmp(mode, "host-passthrough") == 0 ||
             strcmp(mode, "host-model") == 0)
        cmd_add_opt(c, "-cpu", "host%s",
                    def->cpu_migratable != NULL &&
                    strcmp(def->cpu_migratable, "off") == 0
                    ? ",migratable=off" : "");
}

static void
add_memory_and_vcpus(struct cmd *c)
{
    const struct domain_def *def = c->def;
    unsigned int online = def->vcpus_current > 0 ? def->vcpus_current
                                                 : def->vcpus;

    cmd_add_opt(c, "-m", "size=%lluk", def->memory_kib);
    if (def->cpu_sockets > 0)
        cmd_add_opt(c, "-smp", "%u,maxcpus=%u,sockets=%u,dies=%u,cores=%u,"
                    "threads=%u", online, def->vcpus, def->cpu_sockets,
                    def->cpu_dies, def->cpu_cores, def->cpu_threads);
    else
        cmd_add_opt(c, "-smp", "%u,maxcpus=%u", online, def->vcpus);
}

static void
add_identity(struct cmd *c)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];
    char *name = cmd_escape(c->def->name);

    if (name == NULL) {
        c->is_out_of_memory = true;
        return;
    }
    cmd_add_opt(c, "-name", "guest=%s,debug-threads=on", name);
    free(name);
    uuid_format(c->def->uuid, uuid);
    cmd_add_opt(c, "-uuid", "%s", uuid);
}

/* The monitor: QMP on the listening socket the launcher made. */
static void
add_monitor(struct cmd *c)
{
    cmd_add_opt(c, "-chardev", "socket,id=charmonitor,fd=%d,server=on,"
                "wait=off", c->env->monitor_fd);
    cmd_add_opt(c, "-mon", "chardev=charmonitor,id=monitor,mode=control");
}

/* ---- Clock and power management --------------------------------------- */

/* The RTC's clock source, by what it tracks. */
static const char *
rtc_clock(const char *track)
{
    if (track == NULL)
        return NULL;
    if (strcmp(track, "guest") == 0)
        return "vm";
    if (strcmp(track, "wall") == 0)
        return "host";
    return "rt";   /* realtime */
}

static void
add_rtc(struct cmd *c)
{
    const struct domain_def *def = c->def;
    const struct domain_timer *rtc = find_timer(def, "rtc");
    const char *base = def->clock_offset != NULL &&
                       strcmp(def->clock_offset, "localtime") == 0
                       ? "localtime" : "utc";
    const char *clock = rtc != NULL ? rtc_clock(rtc->track) : NULL;
    bool is_slew = rtc != NULL && rtc->tickpolicy != NULL &&
                   strcmp(rtc->tickpolicy, "catchup") == 0;

    cmd_add_opt(c, "-rtc", "base=%s%s%s%s", base,
                clock != NULL ? ",clock=" : "", clock != NULL ? clock : "",
                is_slew ? ",driftfix=slew" : "");
}

/* The PIT's policy for ticks lost while the guest did not run. */
static void
add_pit(struct cmd *c)
{
    const struct domain_timer *pit = find_timer(c->def, "pit");
    const char *policy;

    if (pit == NULL || pit->tickpolicy == NULL)
        return;
    policy = strcmp(pit->tickpolicy, "catchup") == 0 ? "slew"
             : pit->tickpolicy;
    cmd_add_opt(c, "-global", "kvm-pit.lost_tick_policy=%s", policy);
}

static void
add_pm_state(struct cmd *c, const char *state, int value)
{
    const char *device = qemu_command_is_q35(c->def) ? "ICH9-LPC"
                                                     : "PIIX4_PM";

    if (value != DOMAIN_TRISTATE_ABSENT)
        cmd_add_opt(c, "-global", "%s.%s=%d", device, state,
                    value == DOMAIN_TRISTATE_NO ? 1 : 0);
}

/* Sleep states are ACPI's: without ACPI a pc has no PIIX4_PM to set. */
static void
add_clock_and_pm(struct cmd *c)
{
    add_rtc(c);
    add_pit(c);
    if (!c->def->has_acpi && !qemu_command_is_q35(c->def))
        return;
    add_pm_state(c, "disable_s3", c->def->pm_suspend_to_mem);
    add_pm_state(c, "disable_s4", c->def->pm_suspend_to_disk);
}

/* ---- Boot ------------------------------------------------------------- */

/* QEMU's letter for a boot device. */
static char
boot_letter(const char *dev)
{
    if (strcmp(dev, "cdrom") == 0)
        return 'd';
    if (strcmp(dev, "network") == 0)
        return 'n';
    if (strcmp(dev, "fd") == 0)
        return 'a';
    return 'c';
}

/* <boot dev=...> is -boot order=...; per-device orders are bootindex
 * properties, with strict=on so that only those devices boot. */
static void
add_boot(struct cmd *c)
{
    const struct domain_def *def = c->def;
    char order[8] = "";
    char menu[48] = "";

    for (int i = 0; i < def->n_os_boot_devs; i++)
        order[i] = boot_letter(def->os_boot_devs[i]);
    if (def->bootmenu != DOMAIN_TRISTATE_ABSENT)
        snprintf(menu, sizeof(menu), "menu=%s",
                 def->bootmenu == DOMAIN_TRISTATE_YES ? "on" : "off");
    if (def->bootmenu == DOMAIN_TRISTATE_YES && def->bootmenu_timeout_ms >= 0)
        snprintf(menu + strlen(menu), sizeof(menu) - strlen(menu),
                 ",splash-time=%d", def->bootmenu_timeout_ms);
    if (order[0] != '\0')
        cmd_add_opt(c, "-boot", "order=%s%s%s", order, menu[0] ? "," : "",
                    menu);
    else if (domain_def_has_device_boot_order(def))
        cmd_add_opt(c, "-boot", "%s%sstrict=on", menu, menu[0] ? "," : "");
    else if (menu[0] != '\0')
        cmd_add_opt(c, "-boot", "%s", menu);
}

static void
add_kernel(struct cmd *c)
{
    const struct domain_def *def = c->def;

    if (def->os_kernel != NULL)
        cmd_add_opt(c, "-kernel", "%s", def->os_kernel);
    if (def->os_initrd != NULL)
        cmd_add_opt(c, "-initrd", "%s", def->os_initrd);
    if (def->os_cmdline != NULL)
        cmd_add_opt(c, "-append", "%s", def->os_cmdline);
}

/* ---- The whole command line -------------------------------------------- */

/* Every device the guest sees, each with its alias as QEMU id. */
static void
add_devices(struct cmd *c)
{
    qemu_command_add_controllers(c);
    qemu_command_add_disks(c);
    qemu_command_add_interfaces(c);
    qemu_command_add_chardevs(c);
    qemu_command_add_inputs(c);
    qemu_command_add_graphics(c);
    qemu_command_add_videos(c);
    qemu_command_add_memballoon(c);
    qemu_command_add_rngs(c);
}

char **
qemu_command_build(const struct domain_def *def,
                   const struct qemu_command_env *env,
                   struct vireo_error *err)
{
    struct cmd c = { .def = def, .env = env, .err = err };

    if (qemu_command_check(def, err) < 0)
        return NULL;
    cmd_add(&c, "%s", env->emulator);
    add_identity(&c);
    cmd_add(&c, "-S");
    add_machine(&c);
    add_cpu(&c);
    add_memory_and_vcpus(&c);
    cmd_add(&c, "-no-user-config");
    cmd_add(&c, "-nodefaults");
    add_monitor(&c);
    add_clock_and_pm(&c);
    /* The driver decides what a guest's power-off means: QEMU stops. */
    cmd_add(&c, "-no-shutdown");
    if (def->on_reboot == DOMAIN_ACTION_DESTROY)
        cmd_add(&c, "-no-reboot");
    add_boot(&c);
    add_kernel(&c);
    add_devices(&c);
    if (c.has_failed || c.is_out_of_memory || c.argv == NULL) {
        qemu_command_free(c.argv);
        if (!c.has_failed)
            error_no_memory(err);
        return NULL;
    }
    return c.argv;
}

/* ---- The emulator ----------------------------------------------------- */

static int
search_path(const char *name, char **path)
{
    const char *dirs = getenv("PATH");

    if (dirs == NULL)
        dirs = "/usr/local/bin:/usr/bin:/bin";
    /* Only absolute entries: the launcher runs an absolute path. */
    while (*dirs != '\0') {
        size_t len = strcspn(dirs, ":");

        if (dirs[0] == '/') {
            if (asprintf(path, "%.*s/%s", (int)len, dirs, name) < 0)
                return -1;
            if (access(*path, X_OK) == 0)
                return 0;
            free(*path);
            *path = NULL;
        }
        dirs += len + (dirs[len] == ':');
    }
    return 0;
}

int
qemu_command_find_emulator(const struct domain_def *def, char **path,
                           struct vireo_error *err)
{
    *path = NULL;
    if (def->emulator != NULL) {
        /* libvirt's words, as its capability probe fails on the path. */
        if (def->emulator[0] != '/')
            errno = ENOENT;
        if (def->emulator[0] != '/' || access(def->emulator, X_OK) != 0)
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                             "Cannot check QEMU binary %s: %s",
                             def->emulator, strerror(errno));
        *path = strdup(def->emulator);
        return *path != NULL ? 0 : error_no_memory(err);
    }
    if (search_path(DEFAULT_EMULATOR, path) < 0)
        return error_no_memory(err);
    if (*path == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "no <emulator> given and no %s found on PATH",
                         DEFAULT_EMULATOR);
    return 0;
}
