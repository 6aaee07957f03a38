/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_domcaps.c: virConnectGetDomainCapabilities for the QEMU driver.
 * The document says what a guest of this host may use: the emulator, the
 * machine type and its vCPU limit, the CPU models and the devices QEMU
 * answered it has when the driver started (qemu_facts.h), each offered
 * only where this driver can also build it into QEMU's command line. The
 * arguments are checked with libvirt's words. Driver thread.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/cpu_map.h"
#include "drivers/cpu_x86_map.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_command_priv.h"
#include "drivers/qemu/qemu_facts.h"
#include "drivers/qemu/qemu_host.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"

#define ARCH "x86_64"

/* What one answer is for: the arguments, checked and defaulted. */
struct domcaps_query {
    const struct qemu_host  *host;
    const struct qemu_facts *facts;
    const char              *emulator;
    const char              *machine;    /* a full name, never an alias */
    bool                     is_kvm;
};

/* libvirt's domain types: any other is no virt type at all. */
static bool
is_virt_type(const char *name)
{
    static const char *const types[] = {
        "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
        "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve",
        "vz", NULL };

    for (int i = 0; types[i] != NULL; i++)
        if (strcmp(types[i], name) == 0)
            return true;
    return false;
}

/* kvm needs KVM that QEMU said runs (qemu_host_has_kvm); every other
 * virt type is served, in libvirt's QEMU driver, by TCG, which is why
 * libvirt names 'tcg' when it refuses one. */
static int
check_virt_type(struct domcaps_query *q, const char *virttype,
                struct vireo_error *err)
{
    bool has_kvm = qemu_host_has_kvm(q->host);

    if (virttype != NULL && !is_virt_type(virttype))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                         "unknown virttype: %s", virttype);
    q->is_kvm = virttype == NULL ? has_kvm : strcmp(virttype, "kvm") == 0;
    if ((q->is_kvm && !has_kvm) ||
        (virttype != NULL && !q->is_kvm && strcmp(virttype, "qemu") != 0))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                         "the accel '%s' is not supported by '%s' on this "
                         "host", q->is_kvm ? "kvm" : "tcg", q->emulator);
    return 0;
}

static int
check_emulator_and_arch(struct domcaps_query *q, const char *emulatorbin,
                        const char *arch, struct vireo_error *err)
{
    if (emulatorbin != NULL && access(emulatorbin, F_OK) < 0)
        return qemu_error_system(err, errno, "Cannot check QEMU binary %s",
                                 emulatorbin);
    if (emulatorbin != NULL && strcmp(emulatorbin, q->emulator) != 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "emulator '%s' is not supported: this driver runs "
                         "'%s'", emulatorbin, q->emulator);
    if (arch != NULL && !cpu_map_is_arch(arch))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                         "unknown architecture: %s", arch);
    if (arch != NULL && strcmp(arch, ARCH) != 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "unable to find any emulator to serve '%s' "
                         "architecture", arch);
    return 0;
}

static int
check_query(struct domcaps_query *q, const char *emulatorbin,
            const char *arch, const char *machine, const char *virttype,
            struct vireo_error *err)
{
    if (q->facts == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "Cannot find suitable emulator for %s", ARCH);
    q->emulator = qemu_host_emulator(q->host);
    if (check_emulator_and_arch(q, emulatorbin, arch, err) < 0 ||
        check_virt_type(q, virttype, err) < 0)
        return -1;
    q->machine = qemu_host_machine(q->host, machine);
    if (q->machine == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                         "the machine '%s' is not supported by emulator "
                         "'%s'", machine != NULL ? machine : "(default)",
                         q->emulator);
    return 0;
}

/* ---- the document ------------------------------------------------------ */

/* <enum name='NAME'> with the values whose QEMU type exists (a NULL type:
 * always there). pairs: value, type, value, type, ..., NULL. */
static void
write_enum(FILE *out, const struct qemu_facts *f, const char *indent,
           const char *name, const char *const *pairs)
{
    fprintf(out, "%s<enum name='%s'>\n", indent, name);
    for (int i = 0; pairs[i] != NULL; i += 2)
        if (pairs[i + 1] == NULL || qemu_facts_has_type(f, pairs[i + 1]))
            fprintf(out, "%s  <value>%s</value>\n", indent, pairs[i]);
    fprintf(out, "%s</enum>\n", indent);
}

/* The custom models: QEMU's, in its order, that libvirt's CPU map knows
 * (the map names their vendors), usable when TCG lacks none of their
 * features. */
static void
write_custom_models(FILE *out, const struct qemu_facts *f,
                    const struct x86_map *map)
{
    fprintf(out, "    <mode name='custom' supported='yes'>\n");
    for (int i = 0; i < f->n_cpus; i++) {
        const struct x86_model *m = x86_map_model(map, f->cpus[i].name);

        if (m == NULL)
            continue;
        fprintf(out, "      <model usable='%s' vendor='%s'>%s</model>\n",
                f->cpus[i].is_usable ? "yes" : "no",
                m->vendor != NULL ? m->vendor : "unknown", m->name);
    }
    fprintf(out, "    </mode>\n");
}

/* host-model needs a model of the host's CPU this driver does not
 * compute, so it is not offered; host-passthrough needs KVM. */
static void
write_cpu(FILE *out, const struct domcaps_query *q)
{
    struct x86_map map = { 0 };
    struct vireo_error err = { 0 };

    fprintf(out, "  <cpu>\n"
                 "    <mode name='host-passthrough' supported='%s'/>\n"
                 "    <mode name='maximum' supported='yes'>\n"
                 "      <enum name='maximumMigratable'>\n"
                 "        <value>on</value>\n"
                 "        <value>off</value>\n"
                 "      </enum>\n"
                 "    </mode>\n"
                 "    <mode name='host-model' supported='no'/>\n",
            q->is_kvm ? "yes" : "no");
    if (x86_map_load(CPU_MAP_DIR, &map, &err) == 0)
        write_custom_models(out, q->facts, &map);
    else
        fprintf(out, "    <mode name='custom' supported='no'/>\n");
    x86_map_clear(&map);
    fprintf(out, "  </cpu>\n");
}

/* IDE only where the machine has its controller (pc, not q35). */
static void
write_disk(FILE *out, const struct domcaps_query *q)
{
    bool is_q35 = strstr(q->machine, "q35") != NULL;
    const char *const devices[] = { "disk", NULL, "cdrom", NULL, NULL };
    const char *const buses[] = {
        "ide", "ide-hd", "scsi", "scsi-hd", "virtio", "virtio-blk-pci",
        "usb", "usb-storage", "sata", "ich9-ahci", NULL };

    fprintf(out, "    <disk supported='yes'>\n");
    write_enum(out, q->facts, "      ", "diskDevice", devices);
    write_enum(out, q->facts, "      ", "bus", buses + (is_q35 ? 2 : 0));
    fprintf(out, "    </disk>\n");
}

/* VNC is built into QEMU when it answers query-vnc. */
static void
write_graphics(FILE *out, const struct domcaps_query *q)
{
    bool has_vnc = qemu_facts_has_command(q->facts, "query-vnc");

    fprintf(out, "    <graphics supported='%s'>\n"
                 "      <enum name='type'>\n", has_vnc ? "yes" : "no");
    if (has_vnc)
        fprintf(out, "        <value>vnc</value>\n");
    fprintf(out, "      </enum>\n"
                 "    </graphics>\n");
}

/* The models this driver builds, each whose primary device QEMU has. */
static void
write_video(FILE *out, const struct domcaps_query *q)
{
    static const char *const models[] = {
        "vga", "cirrus", "vmvga", "qxl", "virtio", "none", "bochs", "ramfb",
        NULL };

    fprintf(out, "    <video supported='yes'>\n"
                 "      <enum name='modelType'>\n");
    for (int i = 0; models[i] != NULL; i++) {
        const char *device = qemu_command_video_device(models[i], true);

        if (strcmp(models[i], "none") == 0 ||
            qemu_facts_has_type(q->facts, device))
            fprintf(out, "        <value>%s</value>\n", models[i]);
    }
    fprintf(out, "      </enum>\n"
                 "    </video>\n");
}

static void
write_rng(FILE *out, const struct domcaps_query *q)
{
    const char *const models[] = { "virtio", "virtio-rng-pci", NULL };
    const char *const backends[] = { "random", "rng-random", NULL };
    bool has_rng = qemu_facts_has_type(q->facts, "virtio-rng-pci");

    fprintf(out, "    <rng supported='%s'>\n", has_rng ? "yes" : "no");
    write_enum(out, q->facts, "      ", "model", models);
    write_enum(out, q->facts, "      ", "backendModel", backends);
    fprintf(out, "    </rng>\n");
}

/* Host devices, shared filesystems and TPMs are not built by this
 * driver, whatever QEMU has. */
static void
write_devices(FILE *out, const struct domcaps_query *q)
{
    fprintf(out, "  <devices>\n");
    write_disk(out, q);
    write_graphics(out, q);
    write_video(out, q);
    fprintf(out, "    <hostdev supported='no'/>\n");
    write_rng(out, q);
    fprintf(out, "    <filesystem supported='no'/>\n"
                 "    <tpm supported='no'/>\n"
                 "  </devices>\n");
}

/* Firmware other than QEMU's own BIOS (<os><loader>) is refused by this
 * driver, so none is offered. */
static void
write_document(FILE *out, const struct domcaps_query *q)
{
    fprintf(out, "<domainCapabilities>\n"
                 "  <path>%s</path>\n"
                 "  <domain>%s</domain>\n"
                 "  <machine>%s</machine>\n"
                 "  <arch>%s</arch>\n"
                 "  <vcpu max='%d'/>\n"
                 "  <iothreads supported='no'/>\n"
                 "  <os supported='yes'>\n"
                 "    <enum name='firmware'/>\n"
                 "    <loader supported='no'/>\n"
                 "  </os>\n",
            q->emulator, q->is_kvm ? "kvm" : "qemu", q->machine, ARCH,
            qemu_facts_cpu_max(q->facts, q->machine));
    write_cpu(out, q);
    write_devices(out, q);
    fprintf(out, "  <features>\n"
                 "    <gic supported='no'/>\n"
                 "    <sev supported='no'/>\n"
                 "  </features>\n"
                 "</domainCapabilities>\n");
}

static char *
domcaps_document(const struct domcaps_query *q, struct vireo_error *err)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    if (out == NULL) {
        error_no_memory(err);
        return NULL;
    }
    write_document(out, q);
    if (fclose(out) != 0 || text == NULL) {
        free(text);
        error_no_memory(err);
        return NULL;
    }
    return text;
}

/* Waits, as the capabilities do, for QEMU's answers when they are still
 * coming. */
char *
qemudrv_conn_get_domain_capabilities(struct vireo_conn *conn,
                                     const char *emulatorbin,
                                     const char *arch, const char *machine,
                                     const char *virttype, unsigned flags,
                                     struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct domcaps_query q = { .host = st->host };

    if (error_check_flags(err, VIR_FROM_QEMU, flags, 0,
                          "qemuConnectGetDomainCapabilities") < 0 ||
        qemu_host_ready(st->host, err) <= 0)
        return NULL;
    q.facts = qemu_host_facts(st->host);
    if (check_query(&q, emulatorbin, arch, machine, virttype, err) < 0)
        return NULL;
    return domcaps_document(&q, err);
}
