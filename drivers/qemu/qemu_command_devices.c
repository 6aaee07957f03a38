/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_devices.c: the devices other than controllers and disks
 * on QEMU's command line: network interfaces (user mode, or a tap the
 * launcher opened), serial ports, consoles and channels (a -chardev each,
 * named "char" + the device's alias, then the device), vnc, video,
 * input, the memory balloon and random number generators.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/qemu/qemu_command_priv.h"

/* ---- Network interfaces ----------------------------------------------- */

/* QEMU's device for an interface model; libvirt's default is rtl8139. */
static const char *
net_device(const char *model)
{
    if (model == NULL)
        return "rtl8139";
    if (strcmp(model, "virtio") == 0)
        return "virtio-net-pci";
    return model;
}

static void
add_interface(struct cmd *c, const struct domain_interface *iface, int i)
{
    char rest[96];

    if (strcmp(iface->type, "user") == 0) {
        cmd_add_opt(c, "-netdev", "user,id=host%s", iface->info.alias);
    } else if (c->env->tap_fds == NULL || c->env->tap_fds[i] < 0) {
        cmd_fail(c, "no tap device was opened for interface %d (%s)", i,
                 iface->info.alias);
        return;
    } else {
        cmd_add_opt(c, "-netdev", "tap,fd=%d,id=host%s", c->env->tap_fds[i],
                    iface->info.alias);
    }
    snprintf(rest, sizeof(rest), ",netdev=host%s,mac=%s%s%.0d",
             iface->info.alias, iface->mac,
             iface->info.boot_order > 0 ? ",bootindex=" : "",
             iface->info.boot_order);
    qemu_command_add_pci_device(c, net_device(iface->model), &iface->info,
                                rest);
}

void
qemu_command_add_interfaces(struct cmd *c)
{
    for (int i = 0; i < c->def->n_interfaces; i++)
        add_interface(c, &c->def->interfaces[i], i);
}

/* ---- Character devices ------------------------------------------------ */

/* The -chardev of a character device: id "char" + alias. */
static void
add_chardev_backend(struct cmd *c, const struct domain_chardev *chr,
                    int index)
{
    const char *alias = chr->info.alias;
    char *path = NULL;

    if (strcmp(chr->type, "file") == 0 || strcmp(chr->type, "unix") == 0) {
        char *raw = strcmp(chr->type, "unix") == 0
                    ? qemu_command_channel_path(chr, index,
                                                c->env->domain_dir)
                    : strdup(chr->source_path);

        path = raw != NULL ? cmd_escape(raw) : NULL;
        free(raw);
        if (path == NULL) {
            c->is_out_of_memory = true;
            return;
        }
    }
    if (strcmp(chr->type, "file") == 0)
        cmd_add_opt(c, "-chardev", "file,id=char%s,path=%s", alias, path);
    else if (strcmp(chr->type, "unix") == 0)
        cmd_add_opt(c, "-chardev", "socket,id=char%s,path=%s%s", alias, path,
                    chr->source_mode != NULL &&
                    strcmp(chr->source_mode, "connect") == 0
                    ? "" : ",server=on,wait=off");
    else
        cmd_add_opt(c, "-chardev", "%s,id=char%s", chr->type, alias);
    free(path);
}

/* The virtio-serial bus a console or channel plugs into, and its port. */
static void
virtio_serial_place(const struct cmd *c, const struct domain_chardev *chr,
                    char *out, size_t size)
{
    unsigned int controller = 0, port;
    const char *alias;
    int n;

    qemu_command_address_attr(chr->info.address_xml, "controller",
                              &controller);
    alias = qemu_command_controller_alias(c->def, "virtio-serial",
                                          (int)controller);
    n = snprintf(out, size, "bus=%s.0",
                 alias != NULL ? alias : "virtio-serial0");
    if (qemu_command_address_attr(chr->info.address_xml, "port", &port) &&
        n > 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n, ",nr=%u", port);
}

static void
add_serial_device(struct cmd *c, const struct domain_chardev *chr, int port)
{
    const char *alias = chr->info.alias;
    const char *type = chr->target_type;
    char rest[96];

    if (type == NULL || strcmp(type, "isa-serial") == 0) {
        cmd_add_opt(c, "-device", "isa-serial,chardev=char%s,id=%s,index=%d",
                    alias, alias, port);
    } else if (strcmp(type, "usb-serial") == 0) {
        cmd_add_opt(c, "-device", "usb-serial,chardev=char%s,id=%s", alias,
                    alias);
    } else {
        snprintf(rest, sizeof(rest), ",chardev=char%s", alias);
        qemu_command_add_pci_device(c, "pci-serial", &chr->info, rest);
    }
}

static void
add_chardev(struct cmd *c, const struct domain_chardev *chr,
            const struct qemu_chr *role)
{
    char place[64];

    if (role->role == QEMU_CHR_SERIAL_CONSOLE ||
        role->role == QEMU_CHR_UNSUPPORTED)
        return;
    add_chardev_backend(c, chr, role->index);
    if (role->role == QEMU_CHR_SERIAL) {
        add_serial_device(c, chr, role->port);
        return;
    }
    virtio_serial_place(c, chr, place, sizeof(place));
    if (role->role == QEMU_CHR_VIRTIO_CONSOLE)
        cmd_add_opt(c, "-device", "virtconsole,%s,chardev=char%s,id=%s",
                    place, chr->info.alias, chr->info.alias);
    else
        cmd_add_opt(c, "-device", "virtserialport,%s,chardev=char%s,id=%s%s%s",
                    place, chr->info.alias, chr->info.alias,
                    chr->target_name != NULL ? ",name=" : "",
                    chr->target_name != NULL ? chr->target_name : "");
}

void
qemu_command_add_chardevs(struct cmd *c)
{
    const struct domain_def *def = c->def;
    struct qemu_chr *roles = qemu_command_chr_roles(def);

    if (roles == NULL) {
        c->is_out_of_memory = true;
        return;
    }
    for (int i = 0; i < def->n_chardevs; i++)
        add_chardev(c, &def->chardevs[i], &roles[i]);
    free(roles);
}

/* ---- Graphics --------------------------------------------------------- */

#define VNC_BASE_PORT 5900

/* An autoport guest asks QEMU for the first free display from :0 on
 * (to=99); the driver reads the port back with query-vnc. */
void
qemu_command_add_graphics(struct cmd *c)
{
    bool has_vnc = false;

    for (int i = 0; i < c->def->n_graphics; i++) {
        const struct domain_graphics *g = &c->def->graphics[i];
        const char *listen = g->listen_address != NULL
                             ? g->listen_address : QEMU_COMMAND_VNC_LISTEN;
        bool is_ipv6 = strchr(listen, ':') != NULL;

        if (strcmp(g->type, "vnc") != 0)
            continue;
        has_vnc = true;
        cmd_add_opt(c, "-vnc", "%s%s%s:%d%s", is_ipv6 ? "[" : "", listen,
                    is_ipv6 ? "]" : "",
                    g->is_autoport ? 0 : g->port - VNC_BASE_PORT,
                    g->is_autoport ? ",to=99" : "");
    }
    if (!has_vnc)
        cmd_add_opt(c, "-display", "none");
}

/* ---- Video ------------------------------------------------------------ */

static void
add_video(struct cmd *c, const struct domain_video *v, bool is_primary)
{
    const char *model = v->model_type;
    char rest[160];
    unsigned int vgamem = v->vgamem_kib > 0 ? v->vgamem_kib : 16384;

    if (strcmp(model, "none") == 0)
        return;
    if (strcmp(model, "ramfb") == 0) {
        cmd_add_opt(c, "-device", "ramfb,id=%s", v->info.alias);
        return;
    }
    rest[0] = '\0';
    if (strcmp(model, "vga") == 0 || strcmp(model, "vmvga") == 0)
        snprintf(rest, sizeof(rest), ",vgamem_mb=%u", v->vram_kib / 1024);
    else if (strcmp(model, "qxl") == 0)
        snprintf(rest, sizeof(rest), ",ram_size=%llu,vram_size=%llu,"
                 "vgamem_mb=%u,max_outputs=%u",
                 (unsigned long long)v->ram_kib * 1024,
                 (unsigned long long)v->vram_kib * 1024, vgamem / 1024,
                 v->heads > 0 ? v->heads : 1);
    else if (strcmp(model, "virtio") == 0)
        snprintf(rest, sizeof(rest), ",max_outputs=%u",
                 v->heads > 0 ? v->heads : 1);
    else if (strcmp(model, "bochs") == 0)
        snprintf(rest, sizeof(rest), ",vgamem=%llu",
                 (unsigned long long)v->vram_kib * 1024);
    qemu_command_add_pci_device(c, qemu_command_video_device(model,
                                                             is_primary),
                                &v->info, rest);
}

void
qemu_command_add_videos(struct cmd *c)
{
    for (int i = 0; i < c->def->n_videos; i++)
        add_video(c, &c->def->videos[i], i == 0);
}

/* ---- Input ------------------------------------------------------------ */

static void
add_input(struct cmd *c, const struct domain_input *in)
{
    const char *type = strcmp(in->type, "tablet") == 0 ? "tablet"
                       : strcmp(in->type, "mouse") == 0 ? "mouse" : "kbd";
    const char *usb = qemu_command_controller_alias(c->def, "usb", 0);
    unsigned int port;
    char device[32];

    /* PS/2 mouse and keyboard are the machine's own. */
    if (strcmp(in->bus, "ps2") == 0)
        return;
    if (strcmp(in->bus, "virtio") == 0) {
        snprintf(device, sizeof(device), "virtio-%s-pci",
                 strcmp(type, "kbd") == 0 ? "keyboard" : type);
        qemu_command_add_pci_device(c, device, &in->info, "");
        return;
    }
    if (qemu_command_address_attr(in->info.address_xml, "port", &port))
        cmd_add_opt(c, "-device", "usb-%s,id=%s,bus=%s.0,port=%u", type,
                    in->info.alias, usb != NULL ? usb : "usb", port);
    else
        cmd_add_opt(c, "-device", "usb-%s,id=%s,bus=%s.0", type,
                    in->info.alias, usb != NULL ? usb : "usb");
}

void
qemu_command_add_inputs(struct cmd *c)
{
    for (int i = 0; i < c->def->n_inputs; i++)
        add_input(c, &c->def->inputs[i]);
}

/* ---- Memory balloon and RNG ------------------------------------------- */

void
qemu_command_add_memballoon(struct cmd *c)
{
    const char *model = c->def->memballoon_model;
    char device[64];

    if (model == NULL || strcmp(model, "none") == 0)
        return;
    snprintf(device, sizeof(device), "virtio-balloon-pci%s",
             model + strlen("virtio"));
    qemu_command_add_pci_device(c, device, &c->def->memballoon_info, "");
}

void
qemu_command_add_rngs(struct cmd *c)
{
    for (int i = 0; i < c->def->n_rngs; i++) {
        const struct domain_rng *r = &c->def->rngs[i];
        char *path = cmd_escape(r->backend_path);
        char rest[64];

        if (path == NULL) {
            c->is_out_of_memory = true;
            return;
        }
        cmd_add_opt(c, "-object", "rng-random,id=obj%s,filename=%s",
                    r->info.alias, path);
        free(path);
        snprintf(rest, sizeof(rest), ",rng=obj%s", r->info.alias);
        qemu_command_add_pci_device(c, "virtio-rng-pci", &r->info, rest);
    }
}
