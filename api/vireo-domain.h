/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain.h: the part of the public header for domains: states,
 * reasons and flags, lookups, lifecycle, devices and guest operations, and
 * domain capabilities.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_H
#define VIREO_DOMAIN_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain.h"
#endif

/* ---- Domain states, reasons, flags (libvirt's values) ----------------- */

enum vireo_domain_state {
    VIR_DOMAIN_NOSTATE     = 0,
    VIR_DOMAIN_RUNNING     = 1,
    VIR_DOMAIN_BLOCKED     = 2,
    VIR_DOMAIN_PAUSED      = 3,
    VIR_DOMAIN_SHUTDOWN    = 4,
    VIR_DOMAIN_SHUTOFF     = 5,
    VIR_DOMAIN_CRASHED     = 6,
    VIR_DOMAIN_PMSUSPENDED = 7,
};

enum vireo_domain_running_reason {
    VIR_DOMAIN_RUNNING_UNKNOWN  = 0,
    VIR_DOMAIN_RUNNING_BOOTED   = 1,
    VIR_DOMAIN_RUNNING_UNPAUSED = 5,
    VIR_DOMAIN_RUNNING_CRASHED  = 9,
};

enum vireo_domain_paused_reason {
    VIR_DOMAIN_PAUSED_UNKNOWN     = 0,
    VIR_DOMAIN_PAUSED_USER        = 1,
    VIR_DOMAIN_PAUSED_MIGRATION   = 2,
    VIR_DOMAIN_PAUSED_SAVE        = 3,
    VIR_DOMAIN_PAUSED_IOERROR     = 5,
    VIR_DOMAIN_PAUSED_WATCHDOG    = 6,
    VIR_DOMAIN_PAUSED_SHUTTING_DOWN = 8,
    VIR_DOMAIN_PAUSED_CRASHED     = 10,
    VIR_DOMAIN_PAUSED_STARTING_UP = 11,
};

enum vireo_domain_crashed_reason {
    VIR_DOMAIN_CRASHED_UNKNOWN  = 0,
    VIR_DOMAIN_CRASHED_PANICKED = 1,
};

enum vireo_domain_shutdown_reason {
    VIR_DOMAIN_SHUTDOWN_UNKNOWN = 0,
    VIR_DOMAIN_SHUTDOWN_USER    = 1,
};

enum vireo_domain_shutoff_reason {
    VIR_DOMAIN_SHUTOFF_UNKNOWN   = 0,
    VIR_DOMAIN_SHUTOFF_SHUTDOWN  = 1,
    VIR_DOMAIN_SHUTOFF_DESTROYED = 2,
    VIR_DOMAIN_SHUTOFF_CRASHED   = 3,
    VIR_DOMAIN_SHUTOFF_FAILED    = 6,
    VIR_DOMAIN_SHUTOFF_DAEMON    = 8,
};

/* Flags of vireo_conn_list_all_domains(): libvirt's grouping rules apply
 * (OR within a group, AND across groups, an empty group does not filter). */
enum vireo_list_flags {
    VIR_CONNECT_LIST_DOMAINS_ACTIVE       = 1 << 0,
    VIR_CONNECT_LIST_DOMAINS_INACTIVE     = 1 << 1,
    VIR_CONNECT_LIST_DOMAINS_PERSISTENT   = 1 << 2,
    VIR_CONNECT_LIST_DOMAINS_TRANSIENT    = 1 << 3,
    VIR_CONNECT_LIST_DOMAINS_RUNNING      = 1 << 4,
    VIR_CONNECT_LIST_DOMAINS_PAUSED       = 1 << 5,
    VIR_CONNECT_LIST_DOMAINS_SHUTOFF      = 1 << 6,
    VIR_CONNECT_LIST_DOMAINS_OTHER        = 1 << 7,
    VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE  = 1 << 8,
    VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE = 1 << 9,
    VIR_CONNECT_LIST_DOMAINS_AUTOSTART    = 1 << 10,
    VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART = 1 << 11,
    VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT = 1 << 12,
    VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT  = 1 << 13,
    VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT = 1 << 14,
    VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT  = 1 << 15,
};

enum vireo_create_flags {
    VIR_DOMAIN_NONE         = 0,
    VIR_DOMAIN_START_PAUSED = 1 << 0,
};

/* Checking a new definition against libvirt's RelaxNG schema: on define
 * (vireo_domain_define_xml) and on create (vireo_domain_create_xml). */
enum vireo_validate_flags {
    VIR_DOMAIN_DEFINE_VALIDATE = 1 << 0,
    VIR_DOMAIN_START_VALIDATE  = 1 << 4,
};

enum vireo_xml_flags {
    VIR_DOMAIN_XML_SECURE   = 1 << 0,
    VIR_DOMAIN_XML_INACTIVE = 1 << 1,
};

/* Flags of vireo_domain_snapshot_num(): which snapshots count. */
enum vireo_domain_snapshot_list_flags {
    VIR_DOMAIN_SNAPSHOT_LIST_ROOTS       = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_LIST_METADATA    = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_LIST_LEAVES      = 1 << 2,
    VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES   = 1 << 3,
    VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA = 1 << 4,
    VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE    = 1 << 5,
    VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE      = 1 << 6,
    VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY   = 1 << 7,
    VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL    = 1 << 8,
    VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL    = 1 << 9,
    VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL = 1 << 10,
};

/* Flags of vireo_domain_get_messages(); 0 means both kinds. */
enum vireo_domain_message_flags {
    VIR_DOMAIN_MESSAGE_DEPRECATION = 1 << 0,
    VIR_DOMAIN_MESSAGE_TAINTING    = 1 << 1,
};

/* Flags of vireo_domain_open_console(). */
enum vireo_domain_console_flags {
    VIR_DOMAIN_CONSOLE_FORCE = 1 << 0,   /* take the console over */
    VIR_DOMAIN_CONSOLE_SAFE  = 1 << 1,   /* only if the driver can refuse a
                                            second reader */
};

/* Flags of vireo_domain_qemu_monitor_command(). */
enum vireo_domain_qemu_monitor_command_flags {
    VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP = 1 << 0,   /* cmd is HMP text */
};

enum vireo_conn_flags {
    VIREO_CONNECT_RO = 1 << 0,   /* read-only: every change is refused */
};

/* Why a connection to a daemon ended (libvirt's virConnectCloseReason). */
enum vireo_close_reason {
    VIR_CONNECT_CLOSE_REASON_ERROR     = 0,   /* an I/O or protocol error */
    VIR_CONNECT_CLOSE_REASON_EOF       = 1,   /* the daemon hung up */
    VIR_CONNECT_CLOSE_REASON_KEEPALIVE = 2,   /* the daemon stopped answering */
    VIR_CONNECT_CLOSE_REASON_CLIENT    = 3,   /* closed by this process */
};

/* A domain's security label (libvirt's virSecurityLabel). */
struct vireo_security_label {
    char label[4097];
    int  enforcing;     /* 1 enforcing, 0 permissive */
};

struct vireo_domain_info {
    int                state;        /* enum vireo_domain_state */
    unsigned long long max_mem_kib;
    unsigned long long memory_kib;
    unsigned int       n_vcpus;
    unsigned long long cpu_time_ns;
};

/* ---- Domains ---------------------------------------------------------- */

/* Fills *doms with a malloc'd array of handles (caller frees each with
 * vireo_domain_free() and the array with free()); returns the count. */
VIREO_API int vireo_conn_list_all_domains(struct vireo_conn *conn,
                                          struct vireo_domain ***doms,
                                          unsigned flags,
                                          struct vireo_error *err);

VIREO_API struct vireo_domain *
vireo_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                            struct vireo_error *err);
VIREO_API struct vireo_domain *
vireo_domain_lookup_by_uuid(struct vireo_conn *conn,
                            const unsigned char uuid[VIREO_UUID_BUFLEN],
                            struct vireo_error *err);
VIREO_API struct vireo_domain *
vireo_domain_lookup_by_uuid_string(struct vireo_conn *conn, const char *uuid,
                                   struct vireo_error *err);
VIREO_API struct vireo_domain *
vireo_domain_lookup_by_id(struct vireo_conn *conn, int id,
                          struct vireo_error *err);

VIREO_API struct vireo_domain *
vireo_domain_define_xml(struct vireo_conn *conn, const char *xml,
                        unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_domain *
vireo_domain_create_xml(struct vireo_conn *conn, const char *xml,
                        unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_undefine(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err);
VIREO_API int vireo_domain_create(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
VIREO_API int vireo_domain_destroy(struct vireo_domain *dom, unsigned flags,
                                   struct vireo_error *err);
VIREO_API int vireo_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err);
VIREO_API int vireo_domain_reboot(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
VIREO_API int vireo_domain_suspend(struct vireo_domain *dom,
                                   struct vireo_error *err);
VIREO_API int vireo_domain_resume(struct vireo_domain *dom,
                                  struct vireo_error *err);

VIREO_API int vireo_domain_get_info(struct vireo_domain *dom,
                                    struct vireo_domain_info *info,
                                    struct vireo_error *err);
VIREO_API int vireo_domain_get_state(struct vireo_domain *dom, int *state,
                                     int *reason, unsigned flags,
                                     struct vireo_error *err);
VIREO_API char *vireo_domain_get_xml_desc(struct vireo_domain *dom,
                                          unsigned flags,
                                          struct vireo_error *err);
VIREO_API int vireo_domain_get_security_label(
    struct vireo_domain *dom, struct vireo_security_label *label,
    struct vireo_error *err);
VIREO_API char *vireo_domain_get_os_type(struct vireo_domain *dom,
                                         struct vireo_error *err);
VIREO_API int vireo_domain_get_autostart(struct vireo_domain *dom,
                                         int *autostart,
                                         struct vireo_error *err);
VIREO_API int vireo_domain_set_autostart(struct vireo_domain *dom,
                                         int autostart,
                                         struct vireo_error *err);
/* 1 yes, 0 no, -1 error. */
VIREO_API int vireo_domain_is_active(struct vireo_domain *dom,
                                     struct vireo_error *err);
VIREO_API int vireo_domain_is_persistent(struct vireo_domain *dom,
                                         struct vireo_error *err);
/* libvirt's virDomainHasManagedSaveImage: 1 if the domain has a managed
 * save image (its next start resumes from it), 0 if not, -1 on error.
 * flags: none are defined, pass 0. */
VIREO_API int vireo_domain_has_managed_save_image(struct vireo_domain *dom,
                                                  unsigned flags,
                                                  struct vireo_error *err);
/* libvirt's virDomainSnapshotNum: how many of the domain's snapshots
 * match flags (enum vireo_domain_snapshot_list_flags; 0: all), or -1. */
VIREO_API int vireo_domain_snapshot_num(struct vireo_domain *dom,
                                        unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virDomainGetMessages: what the hypervisor recorded about the
 * domain (tainting, use of deprecated features), as `dominfo` prints it.
 * flags: enum vireo_domain_message_flags, 0 for both kinds. Returns the
 * number of messages n, with *msgs set to a malloc'd array of n malloc'd
 * strings followed by NULL, or to NULL when n is 0: free() each string,
 * then the array. -1 on error, *msgs then NULL. */
VIREO_API int vireo_domain_get_messages(struct vireo_domain *dom,
                                        char ***msgs, unsigned flags,
                                        struct vireo_error *err);

/* libvirt's virDomainOpenConsole: the guest's console or serial port
 * dev_name names by alias ("serial0", "console0"; NULL: the first), as a
 * non-blocking stream socket in *fd that belongs to the caller: read the
 * guest's output from it, write its input to it, close it to end the
 * console (libvirt's virStreamFinish). End of file on it means the
 * console ended (the guest went away, or the daemon reported an error).
 * flags: enum vireo_domain_console_flags. Through a daemon the bytes are
 * moved by the registered event loop, which must therefore run (and
 * must be registered before the connection was opened); while the
 * application leaves what arrived unread, the connection stops reading
 * from its daemon. 0, or -1 with *fd untouched. */
VIREO_API int vireo_domain_open_console(struct vireo_domain *dom,
                                        const char *dev_name, unsigned flags,
                                        int *fd, struct vireo_error *err);
/* libvirt-qemu's virDomainQemuMonitorCommand, for debugging: pass cmd (a
 * QMP command as JSON text; HMP text with VIR_DOMAIN_QEMU_MONITOR_
 * COMMAND_HMP) to the guest's monitor. On success *result is the reply as
 * malloc'd text (free()). Refused on a read-only connection. */
VIREO_API int vireo_domain_qemu_monitor_command(struct vireo_domain *dom,
                                                const char *cmd,
                                                char **result, unsigned flags,
                                                struct vireo_error *err);

/* Local accessors: no driver call. The id is -1 while the domain is not
 * running, as of the last call that returned or updated this handle. */
VIREO_API const char *vireo_domain_get_name(const struct vireo_domain *dom);
VIREO_API int  vireo_domain_get_id(const struct vireo_domain *dom);
VIREO_API void vireo_domain_get_uuid(const struct vireo_domain *dom,
                                     unsigned char uuid[VIREO_UUID_BUFLEN]);
VIREO_API void vireo_domain_get_uuid_string(const struct vireo_domain *dom,
                                            char buf[VIREO_UUID_STRING_BUFLEN]);
VIREO_API struct vireo_conn *vireo_domain_get_conn(const struct vireo_domain *dom);
VIREO_API struct vireo_domain *vireo_domain_ref(struct vireo_domain *dom);
/* Drop a reference; vireo_domain_free(NULL) is a no-op. */
VIREO_API void vireo_domain_free(struct vireo_domain *dom);

/* ---- Strings for humans ----------------------------------------------- */

/* virsh's words: "running", "shut off", ...; "booted", "destroyed", ... */
VIREO_API const char *vireo_domain_state_string(int state);
VIREO_API const char *vireo_domain_state_reason_string(int state, int reason);
/* virsh event's words: "Started" / "Booted", ... */
VIREO_API const char *vireo_domain_event_type_string(int event);
VIREO_API const char *vireo_domain_event_detail_string(int event, int detail);

/* Devices and guest operations. */

/* Flags of vireo_domain_attach_device() and its kin: which definition a
 * change applies to. 0 (none given) is libvirt's flag-less call, which
 * changes the running domain. */
enum vireo_domain_device_modify_flags {
    VIR_DOMAIN_DEVICE_MODIFY_CURRENT = 0,
    VIR_DOMAIN_DEVICE_MODIFY_LIVE    = 1 << 0,
    VIR_DOMAIN_DEVICE_MODIFY_CONFIG  = 1 << 1,
    VIR_DOMAIN_DEVICE_MODIFY_FORCE   = 1 << 2,  /* update: eject a locked
                                                 * cdrom anyway */
};

/* Flags of vireo_domain_set_time(). */
enum vireo_domain_set_time_flags {
    VIR_DOMAIN_TIME_SYNC = 1 << 0,     /* from the host's clock */
};

/* Flags of vireo_domain_set_user_password(). */
enum vireo_domain_set_user_password_flags {
    VIR_DOMAIN_PASSWORD_ENCRYPTED = 1 << 0,
};

/* The keycode sets of vireo_domain_send_key(), libvirt's numbers. */
enum vireo_keycode_set {
    VIR_KEYCODE_SET_LINUX  = 0,
    VIR_KEYCODE_SET_XT     = 1,
    VIR_KEYCODE_SET_ATSET1 = 2,
    VIR_KEYCODE_SET_ATSET2 = 3,
    VIR_KEYCODE_SET_ATSET3 = 4,
    VIR_KEYCODE_SET_OSX    = 5,
    VIR_KEYCODE_SET_XT_KBD = 6,
    VIR_KEYCODE_SET_USB    = 7,
    VIR_KEYCODE_SET_WIN32  = 8,
    VIR_KEYCODE_SET_QNUM   = 9,
    VIR_KEYCODE_SET_LAST   = 10,
};

/* At most this many keys pressed at once. */
#define VIREO_DOMAIN_SEND_KEY_MAX 16

/* libvirt's portable signal numbers (virDomainProcessSignal): 0 (no
 * signal), then POSIX's 1 .. 31 by name, then the real-time signals; 65
 * is the first number past them. */
#define VIREO_DOMAIN_PROCESS_SIGNAL_LAST 65

/* One mounted file system of a guest. */
struct vireo_fs_info {
    char  *mountpoint;      /* "/boot" */
    char  *name;            /* the guest's device name, "vda2" */
    char  *fstype;          /* "ext4" */
    char **dev_aliases;     /* the disks it lives on, by target ("vda") */
    int    n_dev_aliases;
};

/* Free n records from vireo_domain_get_fs_info(), and the array. */
VIREO_API void vireo_fs_info_list_free(struct vireo_fs_info *info, int n);

/* Attach, detach or change one device given as its domain XML element
 * (<disk>, <interface> ...). flags: enum vireo_domain_device_modify_flags.
 * 0, or -1 with err set. */
VIREO_API int vireo_domain_attach_device(struct vireo_domain *dom,
                                         const char *xml, unsigned flags,
                                         struct vireo_error *err);
VIREO_API int vireo_domain_detach_device(struct vireo_domain *dom,
                                         const char *xml, unsigned flags,
                                         struct vireo_error *err);
VIREO_API int vireo_domain_update_device(struct vireo_domain *dom,
                                         const char *xml, unsigned flags,
                                         struct vireo_error *err);
/* Detach the device whose alias is alias ("ua-disk1", "net0"). */
VIREO_API int vireo_domain_detach_device_alias(struct vireo_domain *dom,
                                               const char *alias,
                                               unsigned flags,
                                               struct vireo_error *err);
/* The guest's hostname (the caller frees it), or NULL with err set. */
VIREO_API char *vireo_domain_get_hostname(struct vireo_domain *dom,
                                          unsigned flags,
                                          struct vireo_error *err);
/* Reset the guest at once, as by its reset button. */
VIREO_API int vireo_domain_reset(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err);
/* The guest's clock, and setting it. */
VIREO_API int vireo_domain_get_time(struct vireo_domain *dom,
                                    long long *seconds, unsigned *nseconds,
                                    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_time(struct vireo_domain *dom,
                                    long long seconds, unsigned nseconds,
                                    unsigned flags, struct vireo_error *err);
/* Freeze or thaw the guest's file systems (n_mountpoints 0: all);
 * returns how many changed, or -1. */
VIREO_API int vireo_domain_fs_freeze(struct vireo_domain *dom,
                                     const char *const *mountpoints,
                                     unsigned n_mountpoints, unsigned flags,
                                     struct vireo_error *err);
VIREO_API int vireo_domain_fs_thaw(struct vireo_domain *dom,
                                   const char *const *mountpoints,
                                   unsigned n_mountpoints, unsigned flags,
                                   struct vireo_error *err);
/* Discard unused blocks on mountpoint (NULL: every file system). */
VIREO_API int vireo_domain_fs_trim(struct vireo_domain *dom,
                                   const char *mountpoint,
                                   unsigned long long minimum, unsigned flags,
                                   struct vireo_error *err);
/* The guest's file systems: returns n, with *info n records to free with
 * vireo_fs_info_list_free(), or -1. */
VIREO_API int vireo_domain_get_fs_info(struct vireo_domain *dom,
                                       struct vireo_fs_info **info,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_domain_set_user_password(struct vireo_domain *dom,
                                             const char *user,
                                             const char *password,
                                             unsigned flags,
                                             struct vireo_error *err);
/* Press keys together: n_keycodes in 1 .. VIREO_DOMAIN_SEND_KEY_MAX codes
 * of codeset (enum vireo_keycode_set), held holdtime_ms. */
VIREO_API int vireo_domain_send_key(struct vireo_domain *dom,
                                    unsigned codeset, unsigned holdtime_ms,
                                    const unsigned *keycodes, int n_keycodes,
                                    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_send_process_signal(struct vireo_domain *dom,
                                               long long pid,
                                               unsigned signum,
                                               unsigned flags,
                                               struct vireo_error *err);
VIREO_API int vireo_domain_inject_nmi(struct vireo_domain *dom,
                                      unsigned flags,
                                      struct vireo_error *err);
/* The launch security measurements, appended to params (start empty;
 * clear it with vireo_typed_params_clear()). */
VIREO_API int vireo_domain_get_launch_security_info(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* Domain capabilities. */
/* libvirt's virConnectGetDomainCapabilities: the <domainCapabilities>
 * document (malloc'ed, the caller frees it) for a guest of emulatorbin,
 * arch, machine and virttype, each NULL for the driver's default; NULL
 * with err set. */
VIREO_API char *vireo_conn_get_domain_capabilities(struct vireo_conn *conn,
                                                   const char *emulatorbin,
                                                   const char *arch,
                                                   const char *machine,
                                                   const char *virttype,
                                                   unsigned flags,
                                                   struct vireo_error *err);

#endif /* VIREO_DOMAIN_H */
