/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-command-qemu.c: every document of the virt-install corpus, built
 * into a command line and run by the real QEMU, paused (-S), and QEMU's
 * own view of the guest asked back over QMP:
 *
 *   query-status (paused before it ran), query-name and query-uuid,
 *   query-memory-size-summary and query-cpus-fast, query-block (each
 *   disk's file, read-only flag and cdrom-ness under its alias),
 *   query-chardev (each character device's pty, file or socket under
 *   "char" + its alias), query-vnc (the port), qom-list of
 *   /machine/peripheral (every device id is its alias) and each NIC's
 *   MAC; the running guest's XML then shows the ptys and port QEMU chose;
 *   and quit leaves no process.
 *
 * The documents' paths are replaced by files made here: disk images with
 * qemu-img (a block disk is a loop device over one), an empty initrd, and
 * for direct kernel boot the test guest's real kernel ($GUEST_KERNEL),
 * which QEMU parses before the guest runs. A bridge or ethernet interface
 * gets a tap opened here, attached to its bridge only when that bridge
 * exists. KVM does not run here: a kvm document is run as qemu, its host
 * CPU mode as 'maximum' (test-command.c checks its kvm command line).
 *
 * The test speaks QMP itself, one blocking socket per guest.
 */

#include "drivers/conf/uuid.h"
#include "tests/qemu/command-guest.h"

#define N_CHECKS 9

/* ---- What QEMU says --------------------------------------------------- */

static bool
is_paused(struct guest *g)
{
    json_object *reply, *ret = qmp(g, "{\"execute\":\"query-status\"}", &reply);
    bool is_ok = ret != NULL && !flag(ret, "running") &&
                 strcmp(str(ret, "status"), "prelaunch") == 0;

    json_object_put(reply);
    return is_ok;
}

static bool
has_identity(struct guest *g)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];
    json_object *r1, *r2;
    json_object *name = qmp(g, "{\"execute\":\"query-name\"}", &r1);
    json_object *id = qmp(g, "{\"execute\":\"query-uuid\"}", &r2);
    bool is_ok;

    uuid_format(g->def->uuid, uuid);
    is_ok = name != NULL && id != NULL &&
            strcmp(str(name, "name"), g->def->name) == 0 &&
            strcmp(str(id, "UUID"), uuid) == 0;
    json_object_put(r1);
    json_object_put(r2);
    return is_ok;
}

static bool
has_size(struct guest *g)
{
    json_object *r1, *r2, *base;
    json_object *mem = qmp(g, "{\"execute\":\"query-memory-size-summary\"}",
                           &r1);
    json_object *cpus = qmp(g, "{\"execute\":\"query-cpus-fast\"}", &r2);
    bool is_ok = mem != NULL && cpus != NULL &&
                 json_object_object_get_ex(mem, "base-memory", &base) &&
                 (unsigned long long)json_object_get_int64(base) ==
                 g->def->memory_kib * 1024 &&
                 json_object_array_length(cpus) ==
                 (g->def->vcpus_current > 0 ? g->def->vcpus_current
                                            : g->def->vcpus);

    json_object_put(r1);
    json_object_put(r2);
    return is_ok;
}

/* query-block names a -blockdev disk by its device's QOM path. */
static bool
is_block_of(json_object *entry, const char *alias)
{
    const char *qdev = str(entry, "qdev");
    char path[128];

    snprintf(path, sizeof(path), "/machine/peripheral/%s/", alias);
    return qdev != NULL && (strcmp(qdev, alias) == 0 ||
                            strncmp(qdev, path, strlen(path)) == 0);
}

static bool
disk_matches(json_object *entry, const struct domain_disk *d)
{
    json_object *inserted;
    bool has_medium = json_object_object_get_ex(entry, "inserted", &inserted);
    bool is_cdrom = strcmp(d->device, "cdrom") == 0;

    if (flag(entry, "removable") != is_cdrom)
        return false;
    if (d->source_path == NULL)
        return !has_medium;
    return has_medium && strcmp(str(inserted, "file"), d->source_path) == 0 &&
           flag(inserted, "ro") == d->is_readonly;
}

static bool
has_disks(struct guest *g)
{
    json_object *reply, *ret = qmp(g, "{\"execute\":\"query-block\"}", &reply);
    bool is_ok = ret != NULL &&
                 json_object_array_length(ret) == (size_t)g->def->n_disks;

    for (int i = 0; is_ok && i < g->def->n_disks; i++) {
        const struct domain_disk *d = &g->def->disks[i];
        bool is_found = false;

        for (size_t k = 0; k < json_object_array_length(ret); k++) {
            json_object *entry = json_object_array_get_idx(ret, k);

            if (is_block_of(entry, d->info.alias))
                is_found = disk_matches(entry, d);
        }
        if (!is_found)
            tap_diag("%s: disk %s (%s) is not as defined", g->name,
                     d->target_dev, d->info.alias);
        is_ok = is_found;
    }
    json_object_put(reply);
    return is_ok;
}

/* QEMU's filename of a chardev, by its label. */
static const char *
chardev_file(json_object *list, const char *label)
{
    for (size_t k = 0; k < json_object_array_length(list); k++) {
        json_object *entry = json_object_array_get_idx(list, k);

        if (strcmp(str(entry, "label"), label) == 0)
            return str(entry, "filename");
    }
    return NULL;
}

/* A serial console repeats the serial port: it has no chardev of its
 * own, and shares the port's pty. */
static bool
is_repeat(const struct domain_def *def, int i)
{
    for (int j = 0; j < i; j++)
        if (strcmp(def->chardevs[j].info.alias, def->chardevs[i].info.alias) == 0)
            return true;
    return false;
}

static bool
chardev_matches(struct domain_chardev *c, const char *file)
{
    if (file == NULL)
        return false;
    if (strcmp(c->type, "pty") == 0) {
        if (strncmp(file, "pty:/dev/pts/", 13) != 0)
            return false;
        /* The live fact the driver keeps, for the XML check. */
        return replace(&c->source_path, file + 4);
    }
    if (strcmp(c->type, "unix") == 0)
        return strstr(file, c->source_path) != NULL;
    return strcmp(file, c->type) == 0;   /* "file", "null" */
}

static bool
has_chardevs(struct guest *g)
{
    json_object *reply, *ret = qmp(g, "{\"execute\":\"query-chardev\"}",
                                   &reply);
    bool is_ok = ret != NULL;

    for (int i = 0; is_ok && i < g->def->n_chardevs; i++) {
        struct domain_chardev *c = &g->def->chardevs[i];
        char label[96];

        if (is_repeat(g->def, i)) {
            is_ok = replace(&c->source_path, g->def->chardevs[0].source_path
                            != NULL ? g->def->chardevs[0].source_path : "");
            continue;
        }
        snprintf(label, sizeof(label), "char%s", c->info.alias);
        is_ok = chardev_matches(c, chardev_file(ret, label));
        if (!is_ok)
            tap_diag("%s: %s is not as defined", g->name, label);
    }
    json_object_put(reply);
    return is_ok;
}

static const struct domain_graphics *
vnc_of(const struct domain_def *def)
{
    for (int i = 0; i < def->n_graphics; i++)
        if (strcmp(def->graphics[i].type, "vnc") == 0)
            return &def->graphics[i];
    return NULL;
}

/* The port QEMU listens on: the fixed one, or the first free from 5900. */
static bool
has_vnc(struct guest *g)
{
    struct domain_graphics *vnc = (struct domain_graphics *)vnc_of(g->def);
    json_object *reply, *ret = qmp(g, "{\"execute\":\"query-vnc\"}", &reply);
    const char *service = ret != NULL ? str(ret, "service") : NULL;
    int port = service != NULL ? atoi(service) : -1;
    bool is_ok = ret != NULL && flag(ret, "enabled") == (vnc != NULL);

    if (is_ok && vnc != NULL) {
        is_ok = strcmp(str(ret, "host"), vnc->listen_address) == 0 &&
                (vnc->is_autoport ? port >= 5900 && port <= 5999
                                  : port == vnc->port);
        vnc->port = port;
    }
    json_object_put(reply);
    return is_ok;
}

static bool
has_peripheral(json_object *list, const char *alias)
{
    for (size_t k = 0; k < json_object_array_length(list); k++)
        if (strcmp(str(json_object_array_get_idx(list, k), "name"),
                   alias) == 0)
            return true;
    return false;
}

/* The NIC's MAC, as QEMU has it. */
static bool
has_mac(struct guest *g, const struct domain_interface *iface)
{
    char command[256];
    json_object *reply, *ret;
    bool is_ok;

    snprintf(command, sizeof(command), "{\"execute\":\"qom-get\",\"arguments"
             "\":{\"path\":\"/machine/peripheral/%s\",\"property\":\"mac\"}}",
             iface->info.alias);
    ret = qmp(g, command, &reply);
    is_ok = ret != NULL && strcmp(json_object_get_string(ret), iface->mac) == 0;
    json_object_put(reply);
    return is_ok;
}

/* Every device the command line gave an id: each is there by its alias. */
static bool
has_devices(struct guest *g)
{
    const struct domain_def *def = g->def;
    json_object *reply, *ret = qmp(g, "{\"execute\":\"qom-list\",\"arguments\""
                                   ":{\"path\":\"/machine/peripheral\"}}",
                                   &reply);
    bool is_ok = ret != NULL;

#define EXPECT(alias)                                                   \
    do {                                                                \
        if (is_ok && !has_peripheral(ret, (alias))) {                   \
            tap_diag("%s: no device '%s'", g->name, (alias));           \
            is_ok = false;                                              \
        }                                                               \
    } while (0)
    for (int i = 0; i < def->n_disks; i++)
        EXPECT(def->disks[i].info.alias);
    for (int i = 0; i < def->n_interfaces; i++) {
        EXPECT(def->interfaces[i].info.alias);
        is_ok = is_ok && has_mac(g, &def->interfaces[i]);
    }
    for (int i = 0; i < def->n_chardevs; i++)
        if (!is_repeat(def, i))
            EXPECT(def->chardevs[i].info.alias);
    for (int i = 0; i < def->n_inputs; i++)
        if (strcmp(def->inputs[i].bus, "ps2") != 0)
            EXPECT(def->inputs[i].info.alias);
    for (int i = 0; i < def->n_videos; i++)
        if (strcmp(def->videos[i].model_type, "none") != 0)
            EXPECT(def->videos[i].info.alias);
    for (int i = 0; i < def->n_rngs; i++)
        EXPECT(def->rngs[i].info.alias);
    if (def->memballoon_model != NULL &&
        strcmp(def->memballoon_model, "none") != 0)
        EXPECT(def->memballoon_info.alias);
#undef EXPECT
    json_object_put(reply);
    return is_ok;
}

/* The running guest's XML shows what QEMU chose: its ptys (and the
 * console's tty) and its vnc port. */
static bool
shows_live_facts(struct guest *g)
{
    char *xml = domain_def_format(g->def, 1);
    const struct domain_graphics *vnc = vnc_of(g->def);
    char want[160];
    bool is_ok = xml != NULL;

    for (int i = 0; is_ok && i < g->def->n_chardevs; i++) {
        const struct domain_chardev *c = &g->def->chardevs[i];

        if (strcmp(c->type, "pty") != 0)
            continue;
        snprintf(want, sizeof(want), "<source path='%s'/>", c->source_path);
        is_ok = strstr(xml, want) != NULL;
        snprintf(want, sizeof(want), "<alias name='%s'/>", c->info.alias);
        is_ok = is_ok && strstr(xml, want) != NULL;
        snprintf(want, sizeof(want), "<console type='pty' tty='%s'>",
                 c->source_path);
        if (c->kind == DOMAIN_CHARDEV_CONSOLE && c->target_type == NULL)
            is_ok = is_ok && strstr(xml, want) != NULL;
    }
    if (is_ok && vnc != NULL) {
        snprintf(want, sizeof(want), "<graphics type='vnc' port='%d' "
                 "autoport='%s'", vnc->port, vnc->is_autoport ? "yes" : "no");
        is_ok = strstr(xml, want) != NULL;
    }
    if (!is_ok && xml != NULL)
        tap_diag("%s: the running XML lacks %s", g->name, want);
    free(xml);
    return is_ok;
}

/* quit, and QEMU is gone within a few seconds; else it is killed, and
 * the check fails. */
static bool
quits(struct guest *g)
{
    json_object *reply;
    int status = -1;

    qmp(g, "{\"execute\":\"quit\"}", &reply);
    json_object_put(reply);
    for (int i = 0; i < 500; i++) {
        if (waitpid(g->pid, &status, WNOHANG) == g->pid) {
            g->pid = 0;
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        usleep(10000);
    }
    return false;
}

/* ---- One document ----------------------------------------------------- */

static void
run_case(const char *corpus, const char *name, const char *kernel)
{
    struct guest g = { .name = name, .pid = -1, .qmp = -1 };
    struct vireo_error err = { 0 };
    bool is_up;

    for (int i = 0; i < MAX_TAPS; i++)
        g.taps[i] = -1;
    snprintf(g.dir, sizeof(g.dir), "/tmp/vireo-command-XXXXXX");
    g.def = corpus_parse(corpus, name, &err);
    if (g.def == NULL)
        tap_diag("%s: %s", name, err.message);
    is_up = g.def != NULL && mkdtemp(g.dir) != NULL && prepare(&g, kernel) &&
            start(&g) && handshake(&g);
    if (!tap_ok(is_up && is_paused(&g), "%s: QEMU starts it, paused", name)) {
        show_log(&g);
        for (int i = 1; i < N_CHECKS; i++)
            tap_ok(false, "%s: not checked: it did not start", name);
    } else {
        tap_ok(has_identity(&g), "%s: QEMU has its name and uuid", name);
        tap_ok(has_size(&g), "%s: %llu KiB and its vcpus online", name,
               g.def->memory_kib);
        tap_ok(has_disks(&g), "%s: query-block shows its %d disks, files, "
               "read-only flags and cdroms", name, g.def->n_disks);
        tap_ok(has_chardevs(&g), "%s: query-chardev shows its %d character "
               "devices", name, g.def->n_chardevs);
        tap_ok(has_vnc(&g), "%s: query-vnc shows %s", name,
               vnc_of(g.def) != NULL ? "its port" : "no vnc");
        tap_ok(has_devices(&g), "%s: every device is there under its alias",
               name);
        tap_ok(shows_live_facts(&g), "%s: its running XML shows the ptys "
               "and port QEMU chose", name);
        tap_ok(quits(&g), "%s: quit ends QEMU", name);
    }
    clean_up(&g);
}

int
main(int argc, char **argv)
{
    char corpus[1024], *names[CORPUS_MAX];
    const char *kernel = getenv("GUEST_KERNEL");
    int n;

    if (argc < 2)
        tap_fail_all("usage: test-command-qemu SOURCE_DIR (tests/qemu)");
    if (kernel == NULL || access(kernel, R_OK) != 0)
        tap_fail_all("the test guest's kernel is at $GUEST_KERNEL (%s): "
                     "`make test-deps` fetches it",
                     kernel != NULL ? kernel : "unset");
    snprintf(corpus, sizeof(corpus), "%s/corpus", argv[1]);
    n = corpus_list(corpus, false, names);
    if (n == 0)
        tap_fail_all("the corpus is in %s", corpus);
    signal(SIGPIPE, SIG_IGN);
    tap_plan(N_CHECKS * n);
    for (int i = 0; i < n; i++) {
        run_case(corpus, names[i], kernel);
        free(names[i]);
    }
    return tap_done();
}
