/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-command.c: the command-line builder without running QEMU
 * (test-command-qemu.c runs it).
 *
 *  - qemu_command_check refuses what the driver cannot honour, each with
 *    libvirt's code and words naming the element: the corpus's refused
 *    documents (corpus/REFUSED says how) and a table of small ones here;
 *  - every other corpus document passes, gets libvirt's aliases, and
 *    builds an argv with the options every guest has (-S, -nodefaults,
 *    -no-user-config, -no-shutdown, the monitor on the fd given, its name
 *    and uuid, the accelerator of its type), each device id an alias;
 *  - a kvm guest asks for KVM and, with a host CPU mode, the host's CPU;
 *  - the aliases are the ones libvirt's QEMU driver gives the same
 *    documents (corpus/live, written by make-live.sh from a real
 *    libvirtd).
 */
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/qemu/qemu_command.h"
#include "tests/qemu/corpus.h"
#include "tests/tap.h"

/* ---- Refusals --------------------------------------------------------- */

struct refusal {
    const char *what;      /* the check's sentence */
    const char *top;       /* children of <domain> after <os> */
    const char *devices;   /* children of <devices> */
    const char *machine;   /* "pc" or "q35" */
    int         code;
    const char *words;     /* in the message */
};

static const struct refusal refusals[] = {
    { "a test-type domain", "", "", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "virt type 'test'" },
    { "IDE on q35", "",
      "<disk type='file'><source file='/a'/><target dev='hda' bus='ide'/>"
      "</disk>", "q35", VIR_ERR_CONFIG_UNSUPPORTED,
      "IDE controllers are unsupported for this QEMU binary or machine type" },
    { "a read-only SATA disk", "",
      "<disk type='file'><source file='/a'/><target dev='sda' bus='sata'/>"
      "<readonly/></disk>", "q35", VIR_ERR_CONFIG_UNSUPPORTED,
      "readonly sata disks are not supported (<disk><readonly/>" },
    { "a shared qcow2 disk", "",
      "<disk type='file'><driver name='qemu' type='qcow2'/><source "
      "file='/a'/><target dev='vda'/><shareable/></disk>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "shared access for disk 'vda'" },
    { "a cdrom on virtio", "",
      "<disk type='file' device='cdrom'><target dev='vdb'/></disk>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "does not support ejectable media" },
    { "a directory disk", "",
      "<disk type='dir'><source dir='/a'/><target dev='vda'/></disk>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "directory disks are not supported" },
    { "a disk format other than raw or qcow2", "",
      "<disk type='file'><driver name='qemu' type='fat'/><source "
      "file='/a'/><target dev='vda'/></disk>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "disk format 'fat' is not supported" },
    { "a tcp serial port", "",
      "<serial type='tcp'><source host='h' service='1'/></serial>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "character device type 'tcp'" },
    { "an interface's link state", "",
      "<interface type='user'><link state='down'/></interface>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "(<interface><link>)" },
    { "a disk driver other than qemu", "",
      "<disk type='file'><driver name='tap'/><source file='/a'/><target "
      "dev='vda'/></disk>", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "unsupported driver name 'tap'" },
    { "a disk QEMU cannot be given (iotune)", "",
      "<disk type='file'><source file='/a'/><target dev='vda'/><iotune>"
      "<total_bytes_sec>1</total_bytes_sec></iotune></disk>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "<disk>: element <iotune> in <disk>" },
    { "an interface's bandwidth", "",
      "<interface type='user'><bandwidth><inbound average='1'/>"
      "</bandwidth></interface>", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "element <bandwidth> in <interface>" },
    { "blkio tuning", "<blkiotune><weight>100</weight></blkiotune>", "",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED, "<blkiotune> is not supported" },
    { "perf events", "<perf><event name='cmt' enabled='no'/></perf>", "",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED, "<perf> is not supported" },
    { "a vnc password", "", "<graphics type='vnc' passwd='secret'/>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "vnc passwords" },
    { "two vnc displays", "",
      "<graphics type='vnc'/><graphics type='vnc'/>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "only one vnc display" },
    { "a vnc port below 5900", "",
      "<graphics type='vnc' port='5800'/>", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "vnc port must be in range [5900,65535] (<graphics port='5800'>)" },
    { "an rtc tick policy QEMU lacks", "<clock offset='utc'><timer "
      "name='rtc' tickpolicy='merge'/></clock>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "tickpolicy 'merge' of timer 'rtc'" },
    { "a kvmclock timer", "<clock offset='utc'><timer name='kvmclock'/>"
      "</clock>", "", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "timer 'kvmclock' is not supported" },
    { "a variable clock", "<clock offset='variable' adjustment='10'/>", "",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED, "clock offset 'variable'" },
    { "a CPU feature", "<cpu mode='custom'><model>qemu64</model><feature "
      "policy='require' name='ssse3'/></cpu>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "<cpu><feature>" },
    { "host-model under TCG", "<cpu mode='host-model'/>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "CPU mode 'host-model'" },
    { "a topology that is not the vcpu count",
      "<cpu><topology sockets='1' cores='2' threads='2'/></cpu>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "CPU topology doesn't match" },
    { "a feature QEMU is not given", "<features><acpi/><hyperv "
      "mode='custom'><relaxed state='on'/></hyperv></features>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "<features><hyperv>" },
    { "an element of <domain> the driver has no use for",
      "<memoryBacking><hugepages/></memoryBacking>", "", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "<memoryBacking> is not supported" },
    { "a stdio serial", "", "<serial type='stdio'/>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "type 'stdio' is not supported" },
    { "a secondary VGA", "",
      "<video><model type='virtio'/></video><video><model type='vga'/>"
      "</video>", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "video type vga is only valid as primary video device" },
    { "a USB tablet without USB", "", "<input type='tablet' bus='usb'/>",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "USB is disabled for this domain, but USB devices are present" },
    { "an interface model QEMU has not", "",
      "<interface type='user'><mac address='52:54:00:00:00:01'/><model "
      "type='fancy'/></interface>", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "interface model 'fancy'" },
    { "a sound card", "", "<sound model='ich9'/>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "<sound> is not supported" },
    { "a PCI bridge", "", "<controller type='pci' model='pci-bridge'/>",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED, "PCI controller model 'pci-bridge'" },
    { "a second IDE controller", "", "<controller type='ide' index='1'/>",
      "pc", VIR_ERR_CONFIG_UNSUPPORTED, "<controller type='ide' index='1'>" },
    { "an address type QEMU is not told", "",
      "<memballoon model='virtio'><address type='ccw' cssid='0xfe' "
      "ssid='0x0' devno='0x0002'/></memballoon>", "pc",
      VIR_ERR_CONFIG_UNSUPPORTED, "address type 'ccw'" },
    { "a firmware loader", "", "", "pc", VIR_ERR_CONFIG_UNSUPPORTED,
      "<os><loader> is not supported" },
};

#define N_REFUSALS ((int)(sizeof(refusals) / sizeof(refusals[0])))

static char *
refusal_document(const struct refusal *r)
{
    bool is_test = strstr(r->what, "test-type") != NULL;
    bool has_loader = strstr(r->what, "firmware loader") != NULL;
    char *xml;

    if (asprintf(&xml, "<domain type='%s'><name>r</name><memory>65536"
                 "</memory><vcpu>1</vcpu><os><type arch='x86_64' "
                 "machine='%s'>hvm</type>%s</os>%s<devices>%s</devices>"
                 "</domain>", is_test ? "test" : "qemu", r->machine,
                 has_loader ? "<loader readonly='yes' type='pflash'>/a.fd"
                              "</loader>" : "",
                 r->top, r->devices) < 0)
        return NULL;
    return xml;
}

static void
check_refused(const char *what, struct domain_def *def, int code,
              const char *words)
{
    struct vireo_error err = { 0 };

    if (def == NULL) {
        tap_ok(false, "%s: the document parses", what);
        return;
    }
    tap_ok(qemu_command_check(def, &err) < 0 && err.code == code &&
           strstr(err.message, words) != NULL,
           "%s is refused with code %d naming it", what, code);
    if (err.code != code || strstr(err.message, words) == NULL)
        tap_diag("  got %d '%s', want %d and '%s'", err.code, err.message,
                 code, words);
}

static void
check_table(void)
{
    for (int i = 0; i < N_REFUSALS; i++) {
        struct vireo_error err = { 0 };
        char *xml = refusal_document(&refusals[i]);
        struct domain_def *def = xml != NULL ? domain_def_parse(xml, &err)
                                             : NULL;

        if (def == NULL)
            tap_diag("%s: %s", refusals[i].what, err.message);
        check_refused(refusals[i].what, def, refusals[i].code,
                      refusals[i].words);
        domain_def_free(def);
        free(xml);
    }
}

/* corpus/REFUSED: "case code words" lines. */
static int
check_corpus_refusals(const char *dir)
{
    char path[4096];
    char *text, *line, *save = NULL;
    int n = 0;

    snprintf(path, sizeof(path), "%s/REFUSED", dir);
    text = corpus_slurp(path);
    if (text == NULL)
        return 0;
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char name[128];
        int code, used = 0;
        struct vireo_error err = { 0 };
        struct domain_def *def;

        if (line[0] == '#' ||
            sscanf(line, "%127s %d %n", name, &code, &used) < 2)
            continue;
        def = corpus_parse(dir, name, &err);
        if (def == NULL)
            tap_diag("%s: %s", name, err.message);
        check_refused(name, def, code, line + used);
        domain_def_free(def);
        n++;
    }
    free(text);
    return n;
}

/* ---- Accepted documents ----------------------------------------------- */

static bool
has_arg(char **argv, const char *arg)
{
    for (int i = 0; argv[i] != NULL; i++)
        if (strcmp(argv[i], arg) == 0)
            return true;
    return false;
}

/* The value following option opt that starts with prefix. */
static const char *
find_opt(char **argv, const char *opt, const char *prefix)
{
    for (int i = 0; argv[i] != NULL && argv[i + 1] != NULL; i++)
        if (strcmp(argv[i], opt) == 0 &&
            strncmp(argv[i + 1], prefix, strlen(prefix)) == 0)
            return argv[i + 1];
    return NULL;
}

/* Whether a -device carries id=alias. */
static bool
has_device_id(char **argv, const char *alias)
{
    char id[96];

    snprintf(id, sizeof(id), ",id=%s", alias);
    for (int i = 0; argv[i] != NULL && argv[i + 1] != NULL; i++) {
        const char *at = strcmp(argv[i], "-device") == 0
                         ? strstr(argv[i + 1], id) : NULL;

        if (at != NULL && (at[strlen(id)] == ',' || at[strlen(id)] == '\0'))
            return true;
    }
    return false;
}

/* Every device that gets a -device of its own is there under its alias. */
static bool
all_ids_are_aliases(const struct domain_def *def, char **argv)
{
    for (int i = 0; i < def->n_disks; i++)
        if (!has_device_id(argv, def->disks[i].info.alias))
            return false;
    for (int i = 0; i < def->n_interfaces; i++)
        if (!has_device_id(argv, def->interfaces[i].info.alias))
            return false;
    for (int i = 0; i < def->n_rngs; i++)
        if (!has_device_id(argv, def->rngs[i].info.alias))
            return false;
    for (int i = 0; i < def->n_videos; i++)
        if (strcmp(def->videos[i].model_type, "none") != 0 &&
            !has_device_id(argv, def->videos[i].info.alias))
            return false;
    return def->memballoon_model == NULL ||
           strcmp(def->memballoon_model, "none") == 0 ||
           has_device_id(argv, def->memballoon_info.alias);
}

static char **
build(const struct domain_def *def, struct vireo_error *err)
{
    static const int taps[] = { 40, 41, 42, 43, 44, 45, 46, 47 };
    struct qemu_command_env env = {
        .emulator = "/usr/bin/qemu-system-x86_64", .monitor_fd = 7,
        .tap_fds = taps, .domain_dir = "/run/vireo/test" };

    return qemu_command_build(def, &env, err);
}

static void
check_accepted(const char *dir, const char *name)
{
    struct vireo_error err = { 0 };
    struct domain_def *def = corpus_parse(dir, name, &err);
    char uuid[VIREO_UUID_STRING_BUFLEN], guest[160];
    char **argv = NULL;
    bool is_kvm;

    if (def != NULL && qemu_command_check(def, &err) == 0 &&
        qemu_command_assign_aliases(def, &err) == 0)
        argv = build(def, &err);
    if (!tap_ok(argv != NULL, "%s: passes the check and builds", name)) {
        tap_diag("  %s", err.message);
        for (int i = 0; i < 3 + (strncmp(name, "kvm-", 4) == 0); i++)
            tap_ok(false, "%s: not checked", name);
        domain_def_free(def);
        return;
    }
    is_kvm = strcmp(def->virt_type, "kvm") == 0;
    uuid_format(def->uuid, uuid);
    snprintf(guest, sizeof(guest), "guest=%s,", def->name);
    tap_ok(has_arg(argv, "-S") && has_arg(argv, "-nodefaults") &&
           has_arg(argv, "-no-user-config") && has_arg(argv, "-no-shutdown") &&
           has_arg(argv, uuid) && find_opt(argv, "-name", guest) != NULL &&
           find_opt(argv, "-chardev",
                    "socket,id=charmonitor,fd=7,server=on,wait=off") != NULL,
           "%s: paused, without defaults, named, its monitor on fd 7", name);
    tap_ok(find_opt(argv, "-machine", def->os_machine) != NULL &&
           strstr(find_opt(argv, "-machine", def->os_machine),
                  is_kvm ? "accel=kvm" : "accel=tcg") != NULL,
           "%s: machine %s with %s", name, def->os_machine,
           is_kvm ? "kvm" : "tcg");
    tap_ok(all_ids_are_aliases(def, argv), "%s: every device id is its alias",
           name);
    if (is_kvm)
        tap_ok(def->cpu_mode != NULL && strncmp(def->cpu_mode, "host-", 5) == 0
               && find_opt(argv, "-cpu", "host") != NULL,
               "%s: a host CPU mode under KVM is the host's CPU", name);
    qemu_command_free(argv);
    domain_def_free(def);
}

/* ---- Aliases, against libvirt's --------------------------------------- */

/* corpus/live/<case>.aliases: "kind key... alias" lines from libvirt's
 * QEMU driver (make-live.sh). */
struct live {
    char *text;
    char *lines[256];
    bool  is_used[256];
    int   n;
};

static bool
live_load(const char *dir, const char *name, struct live *l)
{
    char path[2048], *save = NULL;

    snprintf(path, sizeof(path), "%s/live/%s.aliases", dir, name);
    l->n = 0;
    l->text = corpus_slurp(path);
    if (l->text == NULL)
        return false;
    for (char *line = strtok_r(l->text, "\n", &save); line != NULL && l->n < 256;
         line = strtok_r(NULL, "\n", &save)) {
        l->is_used[l->n] = false;
        l->lines[l->n++] = line;
    }
    return true;
}

/* libvirt's alias of the first unused line starting with prefix. */
static const char *
live_alias(struct live *l, const char *prefix)
{
    size_t n = strlen(prefix);

    for (int i = 0; i < l->n; i++)
        if (!l->is_used[i] && strncmp(l->lines[i], prefix, n) == 0 &&
            l->lines[i][n] == ' ' && strchr(l->lines[i] + n + 1, ' ') == NULL) {
            l->is_used[i] = true;
            return l->lines[i] + n + 1;
        }
    return NULL;
}

/* One device: vireo's alias is libvirt's. */
static bool
same_alias(struct live *l, const char *prefix, const char *alias,
           const char *name)
{
    const char *want = live_alias(l, prefix);

    /* "-": libvirt gives the device no alias (a balloon of model none). */
    if (want != NULL && (alias != NULL ? strcmp(want, alias) == 0
                                       : strcmp(want, "-") == 0))
        return true;
    tap_diag("%s: %s is '%s', libvirt's '%s'", name, prefix,
             alias != NULL ? alias : "(none)", want != NULL ? want : "(none)");
    return false;
}

static bool
same_chardev_aliases(const struct domain_def *def, struct live *l,
                     const char *name)
{
    int n_serials = 0, n_serial_consoles = 0, n_virtio_consoles = 0;
    bool is_ok = true;
    char prefix[160];

    for (int i = 0; i < def->n_chardevs; i++) {
        const struct domain_chardev *c = &def->chardevs[i];
        bool is_virtio = c->target_type != NULL &&
                         strcmp(c->target_type, "virtio") == 0;

        if (c->kind == DOMAIN_CHARDEV_SERIAL)
            snprintf(prefix, sizeof(prefix), "serial %d", n_serials++);
        else if (c->kind == DOMAIN_CHARDEV_CONSOLE && is_virtio)
            snprintf(prefix, sizeof(prefix), "console virtio %d",
                     n_virtio_consoles++);
        else if (c->kind == DOMAIN_CHARDEV_CONSOLE)
            snprintf(prefix, sizeof(prefix), "console serial %d",
                     n_serial_consoles++);
        else
            snprintf(prefix, sizeof(prefix), "channel %s", c->target_name);
        is_ok = same_alias(l, prefix, c->info.alias, name) && is_ok;
    }
    return is_ok;
}

static bool
same_aliases(const struct domain_def *def, struct live *l, const char *name)
{
    bool is_ok = true;
    char prefix[160];

    for (int i = 0; i < def->n_disks; i++) {
        snprintf(prefix, sizeof(prefix), "disk %s", def->disks[i].target_dev);
        is_ok = same_alias(l, prefix, def->disks[i].info.alias, name) && is_ok;
    }
    for (int i = 0; i < def->n_controllers; i++) {
        const struct domain_controller *c = &def->controllers[i];

        snprintf(prefix, sizeof(prefix), "controller %s %d", c->type, c->index);
        is_ok = same_alias(l, prefix, c->info.alias, name) && is_ok;
    }
    for (int i = 0; i < def->n_interfaces; i++) {
        snprintf(prefix, sizeof(prefix), "interface %s",
                 def->interfaces[i].mac);
        is_ok = same_alias(l, prefix, def->interfaces[i].info.alias, name) &&
                is_ok;
    }
    for (int i = 0; i < def->n_inputs; i++) {
        snprintf(prefix, sizeof(prefix), "input %s %s", def->inputs[i].type,
                 def->inputs[i].bus);
        is_ok = same_alias(l, prefix, def->inputs[i].info.alias, name) && is_ok;
    }
    for (int i = 0; i < def->n_videos; i++) {
        snprintf(prefix, sizeof(prefix), "video %d", i);
        is_ok = same_alias(l, prefix, def->videos[i].info.alias, name) && is_ok;
    }
    for (int i = 0; i < def->n_rngs; i++) {
        snprintf(prefix, sizeof(prefix), "rng %d", i);
        is_ok = same_alias(l, prefix, def->rngs[i].info.alias, name) && is_ok;
    }
    if (def->memballoon_model != NULL)
        is_ok = same_alias(l, "memballoon", def->memballoon_info.alias, name) &&
                is_ok;
    return same_chardev_aliases(def, l, name) && is_ok;
}

/* Cases libvirtd started (make-live.sh says which it cannot). */
static int
check_live_aliases(const char *dir, char **names, int n)
{
    int n_checked = 0;

    for (int i = 0; i < n; i++) {
        struct vireo_error err = { 0 };
        struct live l;
        struct domain_def *def;

        if (!live_load(dir, names[i], &l))
            continue;
        def = corpus_parse(dir, names[i], &err);
        tap_ok(def != NULL && qemu_command_assign_aliases(def, &err) == 0 &&
               same_aliases(def, &l, names[i]),
               "%s: every device has the alias libvirt's QEMU driver gives it",
               names[i]);
        domain_def_free(def);
        free(l.text);
        n_checked++;
    }
    return n_checked;
}

static int
count_live(const char *dir, char **names, int n)
{
    int count = 0;

    for (int i = 0; i < n; i++) {
        char path[2048];

        snprintf(path, sizeof(path), "%s/live/%s.aliases", dir, names[i]);
        count += access(path, R_OK) == 0;
    }
    return count;
}

int
main(int argc, char **argv)
{
    char corpus[1024], *names[CORPUS_MAX], *refused[CORPUS_MAX];
    int n, n_refused, n_live, n_kvm_host = 0;

    if (argc < 2)
        tap_fail_all("usage: test-command SOURCE_DIR (tests/qemu)");
    snprintf(corpus, sizeof(corpus), "%s/corpus", argv[1]);
    n = corpus_list(corpus, false, names);
    n_refused = corpus_list(corpus, true, refused);
    if (n == 0 || n_refused == 0)
        tap_fail_all("the corpus is in %s", corpus);
    for (int i = 0; i < n; i++)
        n_kvm_host += strncmp(names[i], "kvm-", 4) == 0;
    n_live = count_live(corpus, names, n);
    if (n_live == 0)
        tap_fail_all("libvirt's aliases are in %s/live", corpus);
    tap_plan(N_REFUSALS + n_refused + 4 * n + n_kvm_host + n_live);
    check_table();
    if (check_corpus_refusals(corpus) != n_refused)
        tap_diag("REFUSED does not list every refused document");
    check_live_aliases(corpus, names, n);
    for (int i = 0; i < n; i++) {
        check_accepted(corpus, names[i]);
        free(names[i]);
    }
    for (int i = 0; i < n_refused; i++)
        free(refused[i]);
    return tap_done();
}
