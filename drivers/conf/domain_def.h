/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_def.h: a domain's definition, as read from and written to
 * libvirt's domain XML.
 *
 * The subset vireo understands is held in typed fields. Elements outside it
 * are preserved verbatim (see `extra`), so that a definition written by
 * another tool survives define -> dumpxml; the formatter writes them where
 * libvirt writes elements of that name, in document order among equals.
 *
 * A definition is plain data: whoever holds it owns it, and drivers copy it
 * (domain_def_copy) rather than share it between threads.
 */
#ifndef VIREO_CONF_DOMAIN_DEF_H
#define VIREO_CONF_DOMAIN_DEF_H

#include <stdbool.h>

#include "api/vireo.h"

/* Largest document accepted, in bytes. Bigger ones are refused before
 * parsing. */
#define DOMAIN_XML_MAX_BYTES (4u * 1024u * 1024u)

enum domain_lifecycle_action {
    DOMAIN_ACTION_DESTROY = 0,
    DOMAIN_ACTION_RESTART,
    DOMAIN_ACTION_PRESERVE,
    DOMAIN_ACTION_RENAME_RESTART,
    DOMAIN_ACTION_COREDUMP_DESTROY,
    DOMAIN_ACTION_COREDUMP_RESTART,
};

struct domain_disk {
    char *device;        /* "disk" (default) or "cdrom" */
    char *source_file;   /* <source file=...>, may be NULL (empty cdrom) */
    char *driver_name;   /* <driver name=...>, e.g. "qemu"; may be NULL */
    char *driver_type;   /* "raw" or "qcow2"; may be NULL */
    char *target_dev;    /* "vda"; required */
    char *target_bus;    /* "virtio", "sata", "ide", "scsi"; may be NULL */
    bool  is_readonly;
};

struct domain_interface {
    char *type;          /* "user" */
    char *mac;           /* "52:54:00:..", may be NULL */
    char *model;         /* "virtio", "e1000", may be NULL */
};

struct domain_chardev {
    bool  is_console;    /* <console> rather than <serial> */
    char *type;          /* "pty" (default), "null", "stdio", "file" */
    char *source_path;   /* for type "file" */
    char *target_type;   /* <target type=...>: "serial", "isa-serial", ... */
    int   target_port;   /* -1 if absent */
};

/* A preserved element we do not interpret. */
struct domain_extra {
    char *name;          /* its name when in no namespace (libvirt's
                          * vocabulary, which decides where it is
                          * written), else NULL */
    char *xml;           /* serialised as libvirt writes it */
};

struct domain_def {
    char              *virt_type;        /* <domain type=...>: "test", "kvm", "qemu" */
    char              *name;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    char              *title;            /* may be NULL */
    char              *description;      /* may be NULL */
    unsigned long long memory_kib;       /* <memory>, required */
    unsigned long long current_memory_kib; /* defaults to memory_kib */
    unsigned int       vcpus;            /* defaults to 1 */
    char              *os_type;          /* "hvm", "linux", ... */
    char              *os_arch;          /* may be NULL */
    char              *os_machine;       /* may be NULL */
    int                on_poweroff;      /* enum domain_lifecycle_action */
    int                on_reboot;
    int                on_crash;
    char              *emulator;         /* may be NULL */
    struct domain_disk      *disks;
    int                      n_disks;
    struct domain_interface *interfaces;
    int                      n_interfaces;
    struct domain_chardev   *chardevs;   /* serials and consoles, in order */
    int                      n_chardevs;
    bool               has_graphics_none; /* <graphics type='none'/> */
    struct domain_extra *extras;          /* unknown children of <domain> */
    int                  n_extras;
    struct domain_extra *device_extras;   /* unknown children of <devices> */
    int                  n_device_extras;
    struct domain_extra *os_extras;       /* <os> children other than <type>,
                                           * e.g. <boot dev='hd'/> */
    int                  n_os_extras;
};

/* Parse a document. NULL on failure, with err set to libvirt's code for the
 * problem (VIR_ERR_XML_DETAIL for well-formedness, VIR_ERR_XML_ERROR for
 * invalid content, VIR_ERR_NO_NAME, VIR_ERR_INTERNAL_ERROR for a bad uuid or
 * missing type attribute, as libvirt does) and a message that names it.
 * A missing <uuid> is generated. Any thread. */
struct domain_def *domain_def_parse(const char *xml, struct vireo_error *err);

/* Format a definition as libvirt's dumpxml writes it, with the defaults
 * libvirt fills in. id >= 0 adds id='N' to <domain> (a running domain).
 * Returns a malloc'd NUL-terminated document ending in a newline, or NULL
 * on allocation failure. Formatting is canonical: parsing the output and
 * formatting again yields the same bytes, with one exception libvirt
 * shares: disks whose bus some give and others leave to their name may
 * come back in another order. */
char *domain_def_format(const struct domain_def *def, int id);

/* A deep copy, or NULL on allocation failure. */
struct domain_def *domain_def_copy(const struct domain_def *def);

/* domain_def_free(NULL) is a no-op. */
void domain_def_free(struct domain_def *def);

/* Parse a memory quantity with libvirt's unit rules (none -> KiB; b, bytes;
 * k/KiB, m/MiB ... powers of 1024; KB, MB ... powers of 1000) into KiB,
 * rounding up. Returns 0, or -1 with VIR_ERR_XML_ERROR/VIR_ERR_OVERFLOW on a
 * bad unit, a bad number or overflow. `what` names the element in messages. */
int domain_def_parse_memory(const char *value, const char *unit,
                            const char *what, unsigned long long *kib,
                            struct vireo_error *err);

/* libvirt's word for a lifecycle action ("destroy", "rename-restart", ...),
 * or NULL for a value outside the enum. */
const char *domain_lifecycle_action_to_string(int action);

/* The enum value for libvirt's word, or -1 if it is not one. */
int domain_lifecycle_action_from_string(const char *word);

#endif /* VIREO_CONF_DOMAIN_DEF_H */
