/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_check.c: what the qemu driver cannot honour, refused before
 * anything is started, each refusal naming the element. The parser keeps
 * whatever libvirt accepts; this is where a definition meets what this
 * driver and QEMU under TCG can run. Codes are libvirt's for the case:
 * VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_NO_NETWORK for a network interface
 * (no virtual networks exist), VIR_ERR_NO_STORAGE_POOL for a volume disk
 * no storage driver named the path of.
 *
 * Stateless; any thread.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_disk_volume.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_command_priv.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static int
unsupported(struct vireo_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
unsupported(struct vireo_error *err, const char *fmt, ...)
{
    char message[sizeof(err->message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU, "%s",
                     message);
}

static bool
is_one_of(const char *value, const char *const *set)
{
    for (size_t i = 0; set[i] != NULL; i++)
        if (value != NULL && strcmp(value, set[i]) == 0)
            return true;
    return false;
}

static bool
is(const char *value, const char *word)
{
    return value != NULL && strcmp(value, word) == 0;
}

/* ---- The machine ------------------------------------------------------ */

static int
check_machine(const struct domain_def *def, struct vireo_error *err)
{
    static const char *const virt_types[] = { "qemu", "kvm", NULL };

    if (!is_one_of(def->virt_type, virt_types))
        return unsupported(err, "virt type '%s' is not supported by the qemu "
                           "driver (<domain type='%s'>)", def->virt_type,
                           def->virt_type);
    if (!is(def->os_type, "hvm"))
        return unsupported(err, "os type '%s' is not supported (<os><type>)",
                           def->os_type);
    if (def->os_arch != NULL && !is(def->os_arch, "x86_64"))
        return unsupported(err, "architecture '%s' is not supported "
                           "(<os><type arch='%s'>)", def->os_arch,
                           def->os_arch);
    if (def->os_machine != NULL && strncmp(def->os_machine, "pc", 2) != 0 &&
        !is(def->os_machine, "q35"))
        return unsupported(err, "machine type '%s' is not supported "
                           "(<os><type machine='%s'>)", def->os_machine,
                           def->os_machine);
    if (def->os_firmware != NULL)
        return unsupported(err, "firmware autoselection is not supported by "
                           "the qemu driver (<os firmware='%s'>)",
                           def->os_firmware);
    for (int i = 0; i < def->n_os_extras; i++)
        return unsupported(err, "<os><%s> is not supported by the qemu driver",
                           def->os_extras[i].name != NULL
                           ? def->os_extras[i].name : "(foreign)");
    return 0;
}

static int
check_cpu(const struct domain_def *def, struct vireo_error *err)
{
    unsigned int product = def->cpu_sockets * def->cpu_dies *
                           def->cpu_cores * def->cpu_threads;
    bool is_host = is(def->cpu_mode, "host-passthrough") ||
                   is(def->cpu_mode, "host-model");

    if (is_host && !qemu_command_is_kvm(def))
        return unsupported(err, "CPU mode '%s' for x86_64 qemu domain on "
                           "x86_64 host is not supported by hypervisor "
                           "(<cpu mode='%s'>: it needs KVM)", def->cpu_mode,
                           def->cpu_mode);
    if (def->n_numa_cells > 0)
        return unsupported(err, "guest NUMA nodes are not supported by the "
                           "qemu driver (<cpu><numa>)");
    if (def->n_cpu_extras > 0)
        return unsupported(err, "<cpu><%s> is not supported by the qemu "
                           "driver", def->cpu_extras[0].name != NULL
                           ? def->cpu_extras[0].name : "(foreign)");
    if (def->cpu_sockets > 0 && product != def->vcpus)
        return unsupported(err, "CPU topology doesn't match the vcpu count "
                           "(<cpu><topology>: %u, <vcpu>: %u)", product,
                           def->vcpus);
    return 0;
}

/* The timers QEMU offers a knob for, with the policies it has. */
static int
check_timer(const struct domain_timer *t, struct vireo_error *err)
{
    static const char *const rtc_policies[] = { "catchup", "delay", NULL };
    static const char *const pit_policies[] = { "catchup", "delay",
                                                "discard", NULL };
    const char *const *policies = is(t->name, "rtc") ? rtc_policies
                                  : is(t->name, "pit") ? pit_policies : NULL;
    bool is_known = is(t->name, "rtc") || is(t->name, "pit") ||
                    is(t->name, "hpet");

    if (!is_known)
        return unsupported(err, "timer '%s' is not supported (<clock><timer "
                           "name='%s'>)", t->name, t->name);
    if (t->present == DOMAIN_TRISTATE_NO && !is(t->name, "hpet"))
        return unsupported(err, "timer '%s' cannot be removed (<clock><timer "
                           "present='no'>)", t->name);
    if (t->tickpolicy != NULL && (policies == NULL ||
                                  !is_one_of(t->tickpolicy, policies)))
        return unsupported(err, "tickpolicy '%s' of timer '%s' is not "
                           "supported (<clock><timer>)", t->tickpolicy,
                           t->name);
    if (t->track != NULL && (!is(t->name, "rtc") || is(t->track, "boot")))
        return unsupported(err, "track '%s' of timer '%s' is not supported "
                           "(<clock><timer>)", t->track, t->name);
    return 0;
}

static int
check_clock(const struct domain_def *def, struct vireo_error *err)
{
    if (def->clock_offset != NULL && !is(def->clock_offset, "utc") &&
        !is(def->clock_offset, "localtime"))
        return unsupported(err, "clock offset '%s' is not supported by the "
                           "qemu driver (<clock offset='%s'>)",
                           def->clock_offset, def->clock_offset);
    for (int i = 0; i < def->n_timers; i++)
        if (check_timer(&def->timers[i], err) < 0)
            return -1;
    return 0;
}

/* Preserved elements this driver has no use for are refused, except the
 * metadata, which is the user's and no concern of QEMU's. */
static int
check_extras(const struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_extras; i++) {
        const struct domain_extra *e = &def->extras[i];

        if (is(e->name, "metadata"))
            continue;
        if (e->why != NULL)
            return unsupported(err, "<%s>: %s", e->name, e->why);
        return unsupported(err, "<%s> is not supported by the qemu driver",
                           e->name != NULL ? e->name : "(foreign element)");
    }
    if (def->hyperv_mode != NULL)
        return unsupported(err, "<features><hyperv> is not supported by the "
                           "qemu driver");
    for (int i = 0; i < def->n_feature_extras; i++)
        return unsupported(err, "<features><%s> is not supported by the qemu "
                           "driver", def->feature_extras[i].name != NULL
                           ? def->feature_extras[i].name : "(foreign)");
    return 0;
}

/* ---- Devices kept whole ----------------------------------------------- */

static int
check_device_extra(const struct domain_extra *e, struct vireo_error *err)
{
    if (is(e->name, "hostdev"))
        return unsupported(err, "host devices are not supported by the qemu "
                           "driver (<hostdev>)");
    if (e->why != NULL)
        return unsupported(err, "<%s>: %s", e->name, e->why);
    return unsupported(err, "<%s> is not supported by the qemu driver",
                       e->name != NULL ? e->name : "(foreign element)");
}

/* ---- Typed devices ---------------------------------------------------- */

static const struct domain_controller *
find_controller(const struct domain_def *def, const char *type, int index)
{
    for (int i = 0; i < def->n_controllers; i++)
        if (is(def->controllers[i].type, type) &&
            def->controllers[i].index == index)
            return &def->controllers[i];
    return NULL;
}

/* Whether the guest has a USB bus: a controller whose model is not
 * 'none'. */
static bool
has_usb(const struct domain_def *def)
{
    const struct domain_controller *usb = find_controller(def, "usb", 0);

    return usb != NULL && !is(usb->model, "none");
}

/* The address types this driver places devices by. */
static int
check_address(const struct domain_device_info *info, const char *element,
              struct vireo_error *err)
{
    static const char *const types[] = { "pci", "drive", "virtio-serial",
                                         "usb", NULL };
    const char *xml = info->address_xml;
    const char *type = xml != NULL ? strstr(xml, " type='") : NULL;
    char word[32];

    if (type == NULL)
        return 0;
    snprintf(word, sizeof(word), "%.*s", (int)strcspn(type + 7, "'"),
             type + 7);
    if (!is_one_of(word, types))
        return unsupported(err, "address type '%s' is not supported (<%s>"
                           "<address>)", word, element);
    return 0;
}

static int
check_controller(const struct domain_def *def,
                 const struct domain_controller *c, struct vireo_error *err)
{
    static const char *const usb_models[] = { "qemu-xhci", "nec-xhci",
                                              "piix3-uhci", "piix4-uhci",
                                              "ich9-ehci1", "ich9-uhci1",
                                              "ich9-uhci2", "ich9-uhci3",
                                              "ehci", "none", NULL };
    static const char *const scsi_models[] = { "virtio-scsi", "lsilogic",
                                               NULL };
    bool is_q35 = qemu_command_is_q35(def);
    const char *pci_root = is_q35 ? "pcie-root" : "pci-root";

    if (is(c->type, "usb") && c->model != NULL &&
        !is_one_of(c->model, usb_models))
        return unsupported(err, "USB controller model '%s' is not supported "
                           "(<controller type='usb'>)", c->model);
    if (is(c->type, "pci") && !is(c->model, pci_root) &&
        !(is_q35 && is(c->model, "pcie-root-port")))
        return unsupported(err, "PCI controller model '%s' is not supported "
                           "on this machine (<controller type='pci'>)",
                           c->model != NULL ? c->model : "");
    if (is(c->type, "scsi") && c->model != NULL &&
        !is_one_of(c->model, scsi_models))
        return unsupported(err, "SCSI controller model '%s' is not supported "
                           "(<controller type='scsi'>)", c->model);
    if (is(c->type, "ccid"))
        return unsupported(err, "CCID controllers are not supported by the "
                           "qemu driver (<controller type='ccid'>)");
    if (is(c->type, "fdc"))
        return unsupported(err, "floppy controllers are not supported by "
                           "the qemu driver (<controller type='fdc'>)");
    if (is(c->type, "ide") && (is_q35 || c->index > 0))
        return unsupported(err, "IDE controllers are unsupported for this "
                           "QEMU binary or machine type (<controller "
                           "type='ide' index='%d'>)", c->index);
    return check_address(&c->info, "controller", err);
}

static int
check_disk(const struct domain_def *def, const struct domain_disk *d,
           struct vireo_error *err)
{
    const char *bus = domain_disk_bus(d);
    bool is_cdrom = is(d->device, "cdrom");

    if (bus == NULL)
        return unsupported(err, "disk '%s' has no bus this driver knows "
                           "(<disk><target bus=...>)", d->target_dev);
    if (is(d->device, "floppy"))
        return unsupported(err, "floppy disks are not supported by the qemu "
                           "driver (<disk device='floppy'>)");
    if (is(d->type, "dir"))
        return unsupported(err, "directory disks are not supported by the "
                           "qemu driver (<disk type='dir'>)");
    if (d->driver_type != NULL && !is(d->driver_type, "raw") &&
        !is(d->driver_type, "qcow2"))
        return unsupported(err, "disk format '%s' is not supported by the "
                           "qemu driver (<disk><driver type=...>)",
                           d->driver_type);
    if (d->driver_name != NULL && !is(d->driver_name, "qemu"))
        return unsupported(err, "unsupported driver name '%s' for disk '%s' "
                           "(<disk><driver>)", d->driver_name, d->target_dev);
    /* The start asks the storage driver for a volume's path first
     * (qemu_volume.h): without one, no driver knew the pool. */
    if (domain_disk_is_volume(d) && d->source_pool != NULL &&
        d->source_path == NULL)
        return error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_STORAGE,
                         "no storage pool with matching name '%s' "
                         "(<disk type='volume'>: no storage driver named its "
                         "volume)", d->source_pool);
    if (d->source_path == NULL && !is_cdrom)
        return unsupported(err, "disk '%s' has no source (<disk><source>)",
                           d->target_dev);
    if (is_cdrom && is(bus, "virtio"))
        return unsupported(err, "disk type of '%s' does not support ejectable "
                           "media (<disk device='cdrom'> on bus virtio)",
                           d->target_dev);
    if (d->is_readonly && !is_cdrom && (is(bus, "ide") || is(bus, "sata")))
        return unsupported(err, "readonly %s disks are not supported "
                           "(<disk><readonly/> on '%s')", bus, d->target_dev);
    /* Two writers of one qcow2 image would corrupt it. */
    if (d->is_shareable && d->driver_type != NULL && !is(d->driver_type, "raw"))
        return unsupported(err, "shared access for disk '%s' requires use of "
                           "supported storage format (<disk><shareable/> on "
                           "%s)", d->target_dev, d->driver_type);
    if (is(bus, "ide") && qemu_command_is_q35(def))
        return unsupported(err, "IDE controllers are unsupported for this "
                           "QEMU binary or machine type (<disk> '%s' on bus "
                           "ide)", d->target_dev);
    if (!is(bus, "virtio") &&
        find_controller(def, bus, (int)d->info.drive_controller) == NULL)
        return unsupported(err, "disk '%s' names %s controller %u, which the "
                           "guest does not have (<disk><address>)",
                           d->target_dev, bus, d->info.drive_controller);
    return check_address(&d->info, "disk", err);
}

static int
check_interface(const struct domain_interface *iface,
                struct vireo_error *err)
{
    static const char *const models[] = { "virtio", "e1000", "e1000e",
                                          "rtl8139", "ne2k_pci", "pcnet",
                                          "vmxnet3", NULL };

    /* A network interface reaches the command line with its network's
     * bridge, asked of the network driver when the guest starts
     * (qemu_network.h); without one there is no network to plug into. */
    if (is(iface->type, "network") && iface->source_bridge == NULL)
        return error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                         "no network with matching name '%s' (<interface "
                         "type='network'>: no bridge was found for it)",
                         iface->source_network);
    if (is(iface->type, "direct"))
        return unsupported(err, "interface type 'direct' is not supported "
                           "by the qemu driver (<interface type='direct'>)");
    if (iface->driver_queues > 0)
        return unsupported(err, "multiqueue interfaces are not supported "
                           "by the qemu driver (<interface><driver "
                           "queues=...>)");
    if (iface->link_state != NULL || iface->mtu > 0)
        return unsupported(err, "an interface's link state and MTU are not "
                           "supported by the qemu driver (<interface><%s>)",
                           iface->mtu > 0 ? "mtu" : "link");
    if (iface->model != NULL && !is_one_of(iface->model, models))
        return unsupported(err, "interface model '%s' is not supported "
                           "(<interface><model>)", iface->model);
    return check_address(&iface->info, "interface", err);
}

static int
check_chardev(const struct domain_def *def, const struct domain_chardev *c,
              const struct qemu_chr *role, struct vireo_error *err)
{
    static const char *const serial_targets[] = { "isa-serial", "usb-serial",
                                                  "pci-serial", NULL };
    const char *element = c->kind == DOMAIN_CHARDEV_SERIAL ? "serial"
                          : c->kind == DOMAIN_CHARDEV_CONSOLE ? "console"
                                                            : "channel";

    if (c->kind == DOMAIN_CHARDEV_PARALLEL)
        return unsupported(err, "parallel ports are not supported by the "
                           "qemu driver (<parallel>)");
    if (role->role == QEMU_CHR_UNSUPPORTED)
        return unsupported(err, "console target type '%s' is not supported "
                           "here: only the first console may be a serial "
                           "port (<console>)", c->target_type != NULL
                           ? c->target_type : "serial");
    if (role->role == QEMU_CHR_SERIAL_CONSOLE)
        return 0;
    if (is(c->type, "tcp") || is(c->type, "udp"))
        return unsupported(err, "character device type '%s' is not "
                           "supported by the qemu driver (<%s>)", c->type,
                           element);
    if (is(c->type, "stdio"))
        return unsupported(err, "character device type 'stdio' is not "
                           "supported: QEMU's output is its log (<%s>)",
                           element);
    if (is(c->type, "spicevmc"))
        return unsupported(err, "character device type 'spicevmc' is not "
                           "supported: it needs SPICE graphics (<%s>)",
                           element);
    if (is(c->type, "unix") && is(c->source_mode, "connect") &&
        c->source_path == NULL)
        return unsupported(err, "a unix socket to connect to needs a path "
                           "(<%s><source mode='connect'>)", element);
    if (role->role == QEMU_CHR_SERIAL && c->target_type != NULL &&
        !is_one_of(c->target_type, serial_targets))
        return unsupported(err, "serial target type '%s' is not supported "
                           "(<serial><target>)", c->target_type);
    if (role->role == QEMU_CHR_SERIAL && c->target_model != NULL &&
        !is(c->target_model, c->target_type != NULL ? c->target_type
                                                    : "isa-serial"))
        return unsupported(err, "serial target model '%s' is not supported "
                           "(<serial><target><model>)", c->target_model);
    if (role->role == QEMU_CHR_SERIAL && is(c->target_type, "usb-serial") &&
        !has_usb(def))
        return unsupported(err, "USB is disabled for this domain, but USB "
                           "devices are present in the domain XML (<%s>)",
                           element);
    return check_address(&c->info, element, err);
}

static int
check_chardevs(const struct domain_def *def, struct vireo_error *err)
{
    struct qemu_chr *roles = qemu_command_chr_roles(def);
    int rc = roles != NULL ? 0 : error_no_memory(err);

    for (int i = 0; i < def->n_chardevs && rc == 0; i++)
        rc = check_chardev(def, &def->chardevs[i], &roles[i], err);
    free(roles);
    return rc;
}

#define VNC_BASE_PORT 5900

static int
check_graphics(const struct domain_def *def, struct vireo_error *err)
{
    int n_vnc = 0;

    for (int i = 0; i < def->n_graphics; i++) {
        const struct domain_graphics *g = &def->graphics[i];

        if (!is(g->type, "vnc"))
            continue;
        if (++n_vnc > 1)
            return unsupported(err, "only one vnc display is supported "
                               "(<graphics type='vnc'>)");
        if (g->passwd != NULL)
            return unsupported(err, "vnc passwords are not supported by the "
                               "qemu driver (<graphics passwd=...>)");
        if (!g->is_autoport && g->port < VNC_BASE_PORT)
            return unsupported(err, "vnc port must be in range [%d,65535] "
                               "(<graphics port='%d'>)", VNC_BASE_PORT,
                               g->port);
    }
    return 0;
}

const char *
qemu_command_video_device(const char *model, bool is_primary)
{
    static const struct {
        const char *model, *primary, *secondary;
    } table[] = {
        { "vga", "VGA", NULL }, { "cirrus", "cirrus-vga", NULL },
        { "vmvga", "vmware-svga", NULL }, { "qxl", "qxl-vga", "qxl" },
        { "virtio", "virtio-vga", "virtio-gpu-pci" },
        { "bochs", "bochs-display", "bochs-display" },
        { "ramfb", "ramfb", NULL }, { "none", "none", NULL },
    };

    for (size_t i = 0; i < N_OF(table); i++)
        if (is(model, table[i].model))
            return is_primary ? table[i].primary : table[i].secondary;
    return NULL;
}

static int
check_videos(const struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_videos; i++) {
        const struct domain_video *v = &def->videos[i];

        if (qemu_command_video_device(v->model_type, true) == NULL)
            return unsupported(err, "video model '%s' is not supported by "
                               "the qemu driver (<video><model>)",
                               v->model_type);
        if (i > 0 && qemu_command_video_device(v->model_type, false) == NULL)
            return unsupported(err, "video type %s is only valid as primary "
                               "video device (<video>)", v->model_type);
        if (check_address(&v->info, "video", err) < 0)
            return -1;
    }
    return 0;
}

static int
check_inputs(const struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_inputs; i++) {
        const struct domain_input *in = &def->inputs[i];

        if (is(in->bus, "xen"))
            return unsupported(err, "input bus 'xen' is not supported "
                               "(<input bus='xen'>)");
        if (is(in->bus, "usb") && !has_usb(def))
            return unsupported(err, "USB is disabled for this domain, but "
                               "USB devices are present in the domain XML "
                               "(<input type='%s' bus='usb'>)", in->type);
        if (check_address(&in->info, "input", err) < 0)
            return -1;
    }
    return 0;
}

/* A device kept whole is refused; the ones a user asked for by name
 * (disk, interface, graphics, host device) are named before what came
 * with them (a spice channel with spice graphics). */
static int
check_device_extras(const struct domain_def *def, struct vireo_error *err)
{
    static const char *const first[] = { "disk", "interface", "graphics",
                                         "hostdev", NULL };

    for (int i = 0; i < def->n_device_extras; i++)
        if (is_one_of(def->device_extras[i].name, first))
            return check_device_extra(&def->device_extras[i], err);
    for (int i = 0; i < def->n_graphics; i++)
        if (!is(def->graphics[i].type, "vnc"))
            return unsupported(err, "<graphics>: type '%s' of element "
                               "<graphics> is not supported",
                               def->graphics[i].type);
    for (int i = 0; i < def->n_device_extras; i++)
        return check_device_extra(&def->device_extras[i], err);
    return 0;
}

static int
check_devices(const struct domain_def *def, struct vireo_error *err)
{
    if (check_device_extras(def, err) < 0)
        return -1;
    if (def->n_redirdevs > 0)
        return unsupported(err, "USB redirection is not supported by the "
                           "qemu driver (<redirdev>)");
    if (def->n_smartcards > 0)
        return unsupported(err, "smartcards are not supported by the qemu "
                           "driver (<smartcard>)");
    for (int i = 0; i < def->n_controllers; i++)
        if (check_controller(def, &def->controllers[i], err) < 0)
            return -1;
    for (int i = 0; i < def->n_disks; i++)
        if (check_disk(def, &def->disks[i], err) < 0)
            return -1;
    for (int i = 0; i < def->n_interfaces; i++)
        if (check_interface(&def->interfaces[i], err) < 0)
            return -1;
    if (is(def->memballoon_model, "xen"))
        return unsupported(err, "memballoon model 'xen' is not supported "
                           "(<memballoon>)");
    if (check_address(&def->memballoon_info, "memballoon", err) < 0)
        return -1;
    for (int i = 0; i < def->n_rngs; i++)
        if (check_address(&def->rngs[i].info, "rng", err) < 0)
            return -1;
    if (check_chardevs(def, err) < 0 || check_graphics(def, err) < 0 ||
        check_videos(def, err) < 0 || check_inputs(def, err) < 0)
        return -1;
    return 0;
}

int
qemu_command_check(const struct domain_def *def, struct vireo_error *err)
{
    if (check_machine(def, err) < 0 || check_cpu(def, err) < 0 ||
        check_clock(def, err) < 0 || check_extras(def, err) < 0 ||
        qemu_command_check_iotune(def, err) < 0 ||
        check_devices(def, err) < 0)
        return -1;
    return 0;
}
