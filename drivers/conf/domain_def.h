/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_def.h: a domain's definition, as read from and written to
 * libvirt's domain XML.
 *
 * The subset vireo understands is held in typed fields. Elements outside it
 * are preserved verbatim (see struct domain_extra), so that a definition
 * written by another tool survives define -> dumpxml; the formatter writes
 * them where libvirt writes elements of that name, in document order among
 * equals. An element of a kind vireo types (a disk, an interface ...) that
 * holds something the typed fields cannot (a disk of type 'volume', an
 * <iotune>, an attribute vireo does not know) is preserved whole in the
 * same way, with what could not be held in its `why`: the parser accepts
 * what libvirt accepts, and a driver that cannot honour such an element
 * refuses it when asked to run the guest.
 *
 * A definition is plain data: whoever holds it owns it, and drivers copy it
 * (domain_def_copy) rather than share it between threads.
 */
#ifndef VIREO_CONF_DOMAIN_DEF_H
#define VIREO_CONF_DOMAIN_DEF_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/conf/domain_iotune.h"
#include "drivers/conf/domain_tune.h"
#include "drivers/conf/domain_tune_pin.h"

/* Largest document accepted, in bytes. Bigger ones are refused before
 * parsing. */
#define DOMAIN_XML_MAX_BYTES (4u * 1024u * 1024u)

/* An optional yes/no: libvirt writes the attribute only when it was
 * given. */
enum domain_tristate {
    DOMAIN_TRISTATE_ABSENT = 0,
    DOMAIN_TRISTATE_YES,
    DOMAIN_TRISTATE_NO,
};

enum domain_lifecycle_action {
    DOMAIN_ACTION_DESTROY = 0,
    DOMAIN_ACTION_RESTART,
    DOMAIN_ACTION_PRESERVE,
    DOMAIN_ACTION_RENAME_RESTART,
    DOMAIN_ACTION_COREDUMP_DESTROY,
    DOMAIN_ACTION_COREDUMP_RESTART,
};

/* What libvirt writes on every device of a running domain, and what a
 * definition may pin. A driver fills alias on its live copy of the
 * definition; the formatter writes <alias name=.../> only for a running
 * domain (id >= 0). As in libvirt, the parser keeps only user aliases
 * ("ua-..."): a definition never brings the live ones back. */
struct domain_device_info {
    char *alias;         /* "virtio-disk0", "net0", "serial0"; live only */
    int   boot_order;    /* <boot order='N'/>, 0 when absent */
    char *address_xml;   /* <address .../> serialised as given, or NULL;
                          * NULL too for a drive address, held below */
    bool  has_drive_address; /* <address type='drive' .../>, as given or
                              * as libvirt assigns it to an ide, sata or
                              * scsi disk */
    unsigned int drive_controller; /* its controller's index */
    unsigned int drive_bus;
    unsigned int drive_target;
    unsigned int drive_unit;
};

struct domain_disk {
    char *type;          /* "file" (default), "block", "dir" or "volume" */
    char *device;        /* "disk" (default), "cdrom" or "floppy" */
    char *source_path;   /* <source file=...>, <source dev=...> or
                          * <source dir=...> by type; NULL for an empty
                          * cdrom or floppy drive */
    char *driver_name;   /* <driver name=...>, e.g. "qemu"; may be NULL */
    char *driver_type;   /* "raw" or "qcow2"; may be NULL */
    char *driver_cache;  /* "none", "writeback", ...; may be NULL */
    char *driver_io;     /* "native", "threads", "io_uring"; may be NULL */
    char *driver_discard;/* "unmap", "ignore"; may be NULL */
    char *target_dev;    /* "vda"; required */
    char *target_bus;    /* "virtio", "sata", "ide", "scsi"; may be NULL */
    char *serial;        /* <serial>; may be NULL */
    bool  is_readonly;
    bool  is_shareable;
    struct domain_device_info info;
    struct domain_disk_iotune iotune;   /* <iotune> (domain_iotune.h) */
    /* Type 'volume': <source pool=... volume=... mode=...>, NULL when
     * absent (domain_xml_disk_volume.c). Its source_path is then NULL in
     * a definition, and the volume's path in a running guest's, as the
     * storage driver names it at start; XML never shows it. */
    char *source_pool;
    char *source_volume;
    char *source_mode;   /* "host" or "direct"; may be NULL */
};

struct domain_interface {
    char *type;          /* "user", "bridge", "ethernet", "network",
                          * "direct" */
    char *mac;           /* "52:54:00:..", may be NULL */
    char *model;         /* "virtio", "e1000", may be NULL */
    char *source_bridge; /* type bridge: the host bridge */
    char *source_network;/* type network: the libvirt network's name */
    char *source_dev;    /* type direct: the host interface (macvtap) */
    char *source_mode;   /* type direct: "vepa", "bridge" ...; may be NULL */
    char *target_dev;    /* the host tap: as given, or set live */
    unsigned int driver_queues; /* <driver queues=...>, 0 when absent */
    char *link_state;    /* <link state=...>: "up", "down"; may be NULL */
    unsigned int mtu;    /* <mtu size=...>, 0 when absent */
    struct domain_device_info info;
    struct domain_bandwidth bandwidth;  /* <bandwidth> (domain_iotune.h) */
};

enum domain_chardev_kind {
    DOMAIN_CHARDEV_SERIAL = 0,
    DOMAIN_CHARDEV_CONSOLE,
    DOMAIN_CHARDEV_CHANNEL,
    DOMAIN_CHARDEV_PARALLEL,
};

/* A tcp or udp character device's ends; NULL where not given. */
struct domain_chardev_net {
    char *host;          /* tcp: its one end; udp: where it sends (the
                          * source of mode 'connect') */
    char *service;
    char *bind_host;     /* udp: its own end (the source of mode 'bind') */
    char *bind_service;
    char *protocol;      /* tcp: "raw" (the default), "telnet",
                          * "telnets", "tls" */
    int   tls;           /* tcp: <source tls=...>, a DOMAIN_TRISTATE_* */
    int   reconnect;     /* tcp: <reconnect enabled=...>, likewise */
    unsigned int reconnect_timeout; /* its timeout=, in seconds, when
                                     * enabled */
};

struct domain_chardev {
    int   kind;          /* enum domain_chardev_kind */
    char *type;          /* "pty" (default), "null", "stdio", "file",
                          * "unix", "tcp", "udp" */
    char *source_path;   /* type file or unix: the path; type pty: the
                          * pty, set live by the driver */
    char *source_mode;   /* type unix: "bind" or "connect"; may be NULL;
                          * type tcp: either, "connect" by default */
    struct domain_chardev_net net; /* type tcp or udp */
    char *target_type;   /* <target type=...>: "serial", "isa-serial",
                          * "virtio" (channel) ... */
    char *target_model;  /* <target><model name=...>: "isa-serial" ...;
                          * may be NULL */
    int   target_port;   /* -1 if absent */
    char *target_name;   /* channel: "org.qemu.guest_agent.0" */
    struct domain_device_info info;
};

/* Graphics of type 'vnc' or 'spice'; others (sdl, rdp ...) are
 * preserved whole. */
struct domain_graphics {
    char *type;          /* "vnc", "spice" */
    int   port;          /* -1: autoport, until set live */
    int   tls_port;      /* spice: as port */
    bool  is_autoport;
    char *listen_address;/* "127.0.0.1"; may be NULL (no address given) */
    char *keymap;        /* "en-us"; may be NULL */
    char *passwd;        /* may be NULL; never written by dumpxml */
    struct domain_extra *children; /* spice's other children (<image>,
                                    * <gl> ...), kept verbatim */
    int   n_children;
};

struct domain_controller {
    char *type;          /* "usb", "pci", "sata", "scsi", "ide",
                          * "virtio-serial" */
    int   index;         /* libvirt fills it in when absent */
    char *model;         /* "qemu-xhci", "pcie-root", "virtio-scsi" ...;
                          * may be NULL */
    int   ports;         /* usb: ports='N', 0 when absent */
    int   master_startport; /* a USB companion controller's first port on
                             * the EHCI controller of its index (<master
                             * startport='N'/>), -1 when absent */
    struct domain_device_info info;
};

struct domain_video {
    char        *model_type; /* "vga", "virtio", "qxl", "cirrus", "none" */
    unsigned int ram_kib;    /* qxl's ram; 0 when absent */
    unsigned int vram_kib;   /* 0 when absent */
    unsigned int vgamem_kib; /* qxl's vgamem; 0 when absent */
    unsigned int heads;      /* 0 when absent */
    bool         is_primary;
    struct domain_device_info info;
};

struct domain_input {
    char *type;          /* "tablet", "mouse", "keyboard" */
    char *bus;           /* "usb", "ps2", "virtio" */
    struct domain_device_info info;
};

struct domain_rng {
    char *model;         /* "virtio" */
    char *backend_model; /* "random" */
    char *backend_path;  /* "/dev/urandom" */
    struct domain_device_info info;
};

/* A <smartcard> in mode 'host', or 'passthrough' of type 'spicevmc'. Its
 * CCID address is always set once parsed, as libvirt assigns it. */
struct domain_smartcard {
    char *mode;          /* "host", "passthrough" */
    char *type;          /* passthrough: "spicevmc"; else NULL */
    struct domain_device_info info;
};

/* A guest NUMA node: <cpu><numa><cell>. */
struct domain_numa_cell {
    char              *cpus;        /* "0-1" as given */
    unsigned long long memory_kib;
};

/* A <redirdev> of type spicevmc or tcp. */
struct domain_redirdev {
    char *bus;           /* "usb" */
    char *type;          /* "spicevmc", "tcp" */
    char *source_mode;   /* tcp: "connect" (default) or "bind"; may be NULL */
    char *source_host;   /* tcp: the usbredir server; may be NULL */
    char *source_service;/* tcp: its port; may be NULL */
    struct domain_device_info info;
};

/* A <clock><timer>. */
struct domain_timer {
    char *name;          /* "rtc", "pit", "hpet", "kvmclock", "tsc" ... */
    int   present;       /* enum domain_tristate */
    char *tickpolicy;    /* "delay", "catchup", "merge", "discard"; NULL */
    char *track;         /* rtc: "boot", "guest", "wall", "realtime"; NULL */
};

/* A preserved element we do not interpret. */
struct domain_extra {
    char *name;          /* its name when in no namespace (libvirt's
                          * vocabulary, which decides where it is
                          * written), else NULL */
    char *xml;           /* serialised as libvirt writes it */
    char *why;           /* for an element of a kind vireo types, what
                          * the typed fields could not hold, e.g.
                          * "type 'volume' of element <disk> is not
                          * supported"; NULL for the others */
};

struct domain_def {
    char              *virt_type;        /* <domain type=...>: "test", "kvm", "qemu" */
    char              *name;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    char              *title;            /* may be NULL */
    char              *description;      /* may be NULL */
    unsigned long long memory_kib;       /* <memory>, required */
    int                memory_dump_core; /* its dumpCore='on|off', a
                                          * DOMAIN_TRISTATE_* */
    unsigned long long current_memory_kib; /* defaults to memory_kib */
    unsigned long long max_memory_kib;   /* <maxMemory>: the hotplug
                                          * ceiling, 0 when absent */
    unsigned int       max_memory_slots; /* its slots='N' */
    unsigned int       vcpus;            /* defaults to 1 */
    unsigned int       vcpus_current;    /* <vcpu current=...>: those
                                          * online at start, 0: all */
    char              *os_type;          /* "hvm", "linux", ... */
    char              *os_arch;          /* may be NULL */
    char              *os_machine;       /* may be NULL */
    char              *os_firmware;      /* <os firmware=...>: "bios",
                                          * "efi" (the firmware a driver
                                          * picks itself); may be NULL */
    char              *os_kernel;        /* direct kernel boot; may be NULL */
    char              *os_initrd;        /* may be NULL */
    char              *os_cmdline;       /* may be NULL */
    char              *os_boot_devs[4];  /* <boot dev=...> in order:
                                          * "hd", "cdrom", "network", "fd" */
    int                n_os_boot_devs;
    int                bootmenu;         /* <bootmenu enable=...>: enum
                                          * domain_tristate */
    int                bootmenu_timeout_ms; /* its timeout, -1 if none */
    bool               has_acpi;         /* <features><acpi/> */
    bool               has_apic;         /* <features><apic/> */
    bool               has_pae;          /* <features><pae/> */
    int                vmport;           /* <vmport state=...>: tristate */
    char              *hyperv_mode;      /* <hyperv mode=...>: "custom"
                                          * (default), "passthrough";
                                          * NULL: no <hyperv> */
    struct domain_extra *hyperv_children; /* its enlightenments, verbatim */
    int                  n_hyperv_children;
    struct domain_extra *feature_extras; /* other <features> children */
    int                  n_feature_extras;
    char              *cpu_mode;         /* <cpu mode=...>: "host-passthrough",
                                          * "host-model", "custom",
                                          * "maximum"; NULL: no <cpu> */
    char              *cpu_match;        /* custom: "exact" by default */
    char              *cpu_check;        /* "none", "partial", "full"; NULL */
    char              *cpu_migratable;   /* "on", "off"; NULL */
    char              *cpu_model;        /* custom mode's <model>; may be NULL */
    char              *cpu_model_fallback; /* "allow" by default */
    unsigned int       cpu_sockets;      /* <topology>; all 0 when absent */
    unsigned int       cpu_dies;
    unsigned int       cpu_cores;
    unsigned int       cpu_threads;
    struct domain_numa_cell *numa_cells; /* <cpu><numa>, cell i has id i */
    int                  n_numa_cells;
    struct domain_extra *cpu_extras;     /* other <cpu> children (<feature>
                                          * ...) */
    int                  n_cpu_extras;
    char              *clock_offset;     /* "utc" (default), "localtime",
                                          * "variable", "timezone" */
    char              *clock_adjustment; /* offset variable: seconds */
    char              *clock_basis;      /* offset variable: "utc",
                                          * "localtime" */
    char              *clock_timezone;   /* offset timezone: the zone */
    struct domain_timer *timers;
    int                  n_timers;
    int                pm_suspend_to_mem;  /* <pm>: enum domain_tristate */
    int                pm_suspend_to_disk;
    int                on_poweroff;      /* enum domain_lifecycle_action */
    int                on_reboot;
    int                on_crash;
    char              *emulator;         /* may be NULL */
    struct domain_disk       *disks;
    int                       n_disks;
    struct domain_controller *controllers;
    int                       n_controllers;
    struct domain_interface  *interfaces;
    int                       n_interfaces;
    struct domain_chardev    *chardevs;  /* serials, consoles, channels
                                          * and parallel ports, in order */
    int                       n_chardevs;
    struct domain_input      *inputs;
    int                       n_inputs;
    struct domain_graphics   *graphics;
    int                       n_graphics;
    struct domain_video      *videos;
    int                       n_videos;
    char              *memballoon_model; /* "virtio", "none"; NULL: absent */
    struct domain_device_info memballoon_info;
    struct domain_rng        *rngs;
    int                       n_rngs;
    struct domain_redirdev   *redirdevs;
    int                       n_redirdevs;
    struct domain_smartcard  *smartcards;
    int                       n_smartcards;
    struct domain_extra *extras;          /* unknown children of <domain> */
    int                  n_extras;
    struct domain_extra *device_extras;   /* unknown children of <devices> */
    int                  n_device_extras;
    struct domain_extra *os_extras;       /* other <os> children */
    int                  n_os_extras;
    /* Tunables (domain_tune.h). */
    struct domain_memtune memtune;       /* <memtune> */
    struct domain_pin     pin;           /* <iothreads>, <iothreadids>,
                                          * <cputune>, <numatune> */
    /* I/O tunables (domain_iotune.h). */
    struct domain_blkiotune blkiotune;   /* <blkiotune> */
    struct domain_perf      perf;        /* <perf> */
};

/* Parse a document. NULL on failure, with err set to libvirt's code for the
 * problem (VIR_ERR_XML_DETAIL for well-formedness, VIR_ERR_XML_ERROR for
 * invalid content, VIR_ERR_NO_NAME, VIR_ERR_INTERNAL_ERROR for a bad uuid or
 * missing type attribute, as libvirt does) and a message that names it.
 * A missing <uuid> is generated. Any thread. */
struct domain_def *domain_def_parse(const char *xml, struct vireo_error *err);

/* Flags of domain_def_parse_flags. */
enum domain_def_parse_flags {
    /* Check the document against libvirt's RelaxNG schema first
     * (domain_xml_validate.h): VIR_ERR_XML_INVALID_SCHEMA if it fails. */
    DOMAIN_DEF_PARSE_VALIDATE = 1u << 0,
};

/* domain_def_parse, with enum domain_def_parse_flags. Any thread. */
struct domain_def *domain_def_parse_flags(const char *xml,
                                          unsigned parse_flags,
                                          struct vireo_error *err);

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

/* libvirt's drive index of a disk name (virDiskNameToIndex): "vda" is 0,
 * "vdz" 25, "vdaa" 26; -1 for a name it cannot read. */
int domain_disk_index(const char *target_dev);

/* A disk's bus: the one given, else the one its name implies as libvirt
 * settles it (vd: virtio, hd: ide, sd: scsi, fd: fdc), else NULL. */
const char *domain_disk_bus(const struct domain_disk *d);

/* The attribute of <source> that names a disk's source by its type:
 * "dev" (block), "dir" (dir) or "file". */
const char *domain_disk_source_attr(const struct domain_disk *d);

/* How many names domain_def_name_interfaces tries, as libvirt. */
#define DOMAIN_MAX_INTERFACE_NAMES 1024

/* Give every interface without a <target dev=...> the first free name
 * "<prefix>N" (libvirt's test driver names them "testnet0", "testnet1"
 * ... on define and create). 0, or -1 with err set. Any thread. */
int domain_def_name_interfaces(struct domain_def *def, const char *prefix,
                               struct vireo_error *err);

/* Whether a device carries <boot order=...> (disks and interfaces). */
bool domain_def_has_device_boot_order(const struct domain_def *def);

/* libvirt's word for a lifecycle action ("destroy", "rename-restart", ...),
 * or NULL for a value outside the enum. */
const char *domain_lifecycle_action_to_string(int action);

/* The enum value for libvirt's word, or -1 if it is not one. */
int domain_lifecycle_action_from_string(const char *word);

#endif /* VIREO_CONF_DOMAIN_DEF_H */
