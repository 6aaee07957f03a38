/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_priv.h: what the files of the command-line builder share
 * (qemu_command.c: the machine, CPU, memory, clock, boot and the whole
 * argv; qemu_command_check.c: the refusals; qemu_command_alias.c: device
 * names; qemu_command_disks.c: controllers and disks;
 * qemu_command_devices.c: the other devices).
 *
 * A struct cmd is one argv being built, on the caller's stack and thread.
 */
#ifndef VIREO_QEMU_COMMAND_PRIV_H
#define VIREO_QEMU_COMMAND_PRIV_H

#include <stdbool.h>

#include "drivers/conf/domain_def.h"
#include "drivers/qemu/qemu_command.h"

/* One argv in the making. A failed allocation sets is_out_of_memory and
 * later adds do nothing, so a run of adds is checked once. */
struct cmd {
    char                          **argv;   /* NULL-ended */
    int                             n;
    int                             cap;
    bool                            is_out_of_memory;
    const struct domain_def        *def;
    const struct qemu_command_env  *env;
    struct vireo_error             *err;    /* set by a part that fails
                                             * for another reason */
    bool                            has_failed;
};

/* A part of the command line that cannot be built: sets c->err once. */
void cmd_fail(struct cmd *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Append one argument, printf-style. */
void cmd_add(struct cmd *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Append an option and its value: cmd_add_opt(c, "-device", "VGA,id=%s",
 * alias). */
void cmd_add_opt(struct cmd *c, const char *opt, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A string for QEMU's key=value syntax, where a comma is written twice.
 * Returns a malloc'd copy, or NULL on allocation failure. */
char *cmd_escape(const char *value);

/* Machine facts the devices depend on. */
bool qemu_command_is_q35(const struct domain_def *def);
bool qemu_command_is_kvm(const struct domain_def *def);

/* ---- Character devices ------------------------------------------------ */

/* What one entry of def->chardevs is to QEMU, as libvirt settles serials
 * and consoles: an hvm guest's first serial console is the first serial
 * port (a console alone becomes that port). */
enum qemu_chr_role {
    QEMU_CHR_SERIAL,          /* a serial port: chardev + device */
    QEMU_CHR_SERIAL_CONSOLE,  /* the first serial port seen again: nothing */
    QEMU_CHR_VIRTIO_CONSOLE,  /* chardev + virtconsole */
    QEMU_CHR_CHANNEL,         /* chardev + virtserialport */
    QEMU_CHR_UNSUPPORTED,     /* refused by qemu_command_check */
};

struct qemu_chr {
    int role;                 /* enum qemu_chr_role */
    int index;                /* serial: its number (alias serialN);
                               * console, channel: its position */
    int port;                 /* serial: the port the guest sees */
};

/* The role of every chardev, in a malloc'd array of def->n_chardevs
 * entries (never NULL but on allocation failure). */
struct qemu_chr *qemu_command_chr_roles(const struct domain_def *def);

/* The path of a unix channel: its own, or one named after it in the
 * guest's directory. A malloc'd string, or NULL on allocation failure. */
char *qemu_command_channel_path(const struct domain_chardev *c, int index,
                                const char *domain_dir);

/* ---- Device addresses -------------------------------------------------- */

/* The value of attr in an address libvirt's way (attr='value'), as a
 * number (decimal or 0x hex); false when it is not there. */
bool qemu_command_address_attr(const char *address_xml, const char *attr,
                               unsigned int *value);

/* ---- The parts of the command line ------------------------------------ */

void qemu_command_add_controllers(struct cmd *c);
void qemu_command_add_disks(struct cmd *c);
void qemu_command_add_interfaces(struct cmd *c);
void qemu_command_add_chardevs(struct cmd *c);
void qemu_command_add_graphics(struct cmd *c);
void qemu_command_add_videos(struct cmd *c);
void qemu_command_add_inputs(struct cmd *c);
void qemu_command_add_memballoon(struct cmd *c);
void qemu_command_add_rngs(struct cmd *c);

/* "-device TYPE<pci address>,id=ALIAS<rest>": a PCI device, its
 * <address type='pci'> honoured (QEMU picks a slot otherwise). */
void qemu_command_add_pci_device(struct cmd *c, const char *type,
                                 const struct domain_device_info *info,
                                 const char *rest);

/* QEMU's device for a video model as the primary or a secondary video,
 * or NULL when there is none ("none" for model none). */
const char *qemu_command_video_device(const char *model, bool is_primary);

/* qemu_command_check_iotune.c: the I/O tunables not applied yet, refused
 * with VIR_ERR_CONFIG_UNSUPPORTED naming the element. */
int qemu_command_check_iotune(const struct domain_def *def,
                              struct vireo_error *err);

/* The alias of the controller of this type and index, or NULL. */
const char *qemu_command_controller_alias(const struct domain_def *def,
                                          const char *type, int index);

#endif /* VIREO_QEMU_COMMAND_PRIV_H */
