/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo.h: the one header a vireo client includes.
 *
 * Numbers that also exist in libvirt (error codes and domains, domain states
 * and reasons, event types and details, list filter flags) carry libvirt's
 * names and values, because they travel on libvirt's wire unchanged and
 * libvirt users already know them.
 *
 * Conventions: every call that can fail takes a `struct vireo_error *err`
 * (may be NULL) as its last argument and fills it on failure. Functions that
 * return int return -1 on failure; functions that return a pointer return
 * NULL. Strings returned as `char *` belong to the caller (free()); strings
 * returned as `const char *` belong to the object they came from.
 */
#ifndef VIREO_H
#define VIREO_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define VIREO_API __attribute__((visibility("default")))
#else
#define VIREO_API
#endif

#define VIREO_UUID_BUFLEN        16
#define VIREO_UUID_STRING_BUFLEN 37

/* ---- Errors ----------------------------------------------------------- */

/* libvirt's virErrorNumber, complete as of libvirt 9.0. */
enum vireo_error_code {
    VIR_ERR_OK                        = 0,
    VIR_ERR_INTERNAL_ERROR            = 1,
    VIR_ERR_NO_MEMORY                 = 2,
    VIR_ERR_NO_SUPPORT                = 3,
    VIR_ERR_UNKNOWN_HOST              = 4,
    VIR_ERR_NO_CONNECT                = 5,
    VIR_ERR_INVALID_CONN              = 6,
    VIR_ERR_INVALID_DOMAIN            = 7,
    VIR_ERR_INVALID_ARG               = 8,
    VIR_ERR_OPERATION_FAILED          = 9,
    VIR_ERR_GET_FAILED                = 10,
    VIR_ERR_POST_FAILED               = 11,
    VIR_ERR_HTTP_ERROR                = 12,
    VIR_ERR_SEXPR_SERIAL              = 13,
    VIR_ERR_NO_XEN                    = 14,
    VIR_ERR_XEN_CALL                  = 15,
    VIR_ERR_OS_TYPE                   = 16,
    VIR_ERR_NO_KERNEL                 = 17,
    VIR_ERR_NO_ROOT                   = 18,
    VIR_ERR_NO_SOURCE                 = 19,
    VIR_ERR_NO_TARGET                 = 20,
    VIR_ERR_NO_NAME                   = 21,
    VIR_ERR_NO_OS                     = 22,
    VIR_ERR_NO_DEVICE                 = 23,
    VIR_ERR_NO_XENSTORE               = 24,
    VIR_ERR_DRIVER_FULL               = 25,
    VIR_ERR_CALL_FAILED               = 26,
    VIR_ERR_XML_ERROR                 = 27,
    VIR_ERR_DOM_EXIST                 = 28,
    VIR_ERR_OPERATION_DENIED          = 29,
    VIR_ERR_OPEN_FAILED               = 30,
    VIR_ERR_READ_FAILED               = 31,
    VIR_ERR_PARSE_FAILED              = 32,
    VIR_ERR_CONF_SYNTAX               = 33,
    VIR_ERR_WRITE_FAILED              = 34,
    VIR_ERR_XML_DETAIL                = 35,
    VIR_ERR_INVALID_NETWORK           = 36,
    VIR_ERR_NETWORK_EXIST             = 37,
    VIR_ERR_SYSTEM_ERROR              = 38,
    VIR_ERR_RPC                       = 39,
    VIR_ERR_GNUTLS_ERROR              = 40,
    VIR_ERR_WAR_NO_NETWORK            = 41,
    VIR_ERR_NO_DOMAIN                 = 42,
    VIR_ERR_NO_NETWORK                = 43,
    VIR_ERR_INVALID_MAC               = 44,
    VIR_ERR_AUTH_FAILED               = 45,
    VIR_ERR_INVALID_STORAGE_POOL      = 46,
    VIR_ERR_INVALID_STORAGE_VOL       = 47,
    VIR_ERR_WAR_NO_STORAGE            = 48,
    VIR_ERR_NO_STORAGE_POOL           = 49,
    VIR_ERR_NO_STORAGE_VOL            = 50,
    VIR_ERR_WAR_NO_NODE               = 51,
    VIR_ERR_INVALID_NODE_DEVICE       = 52,
    VIR_ERR_NO_NODE_DEVICE            = 53,
    VIR_ERR_NO_SECURITY_MODEL         = 54,
    VIR_ERR_OPERATION_INVALID         = 55,
    VIR_ERR_WAR_NO_INTERFACE          = 56,
    VIR_ERR_NO_INTERFACE              = 57,
    VIR_ERR_INVALID_INTERFACE         = 58,
    VIR_ERR_MULTIPLE_INTERFACES       = 59,
    VIR_ERR_WAR_NO_NWFILTER           = 60,
    VIR_ERR_INVALID_NWFILTER          = 61,
    VIR_ERR_NO_NWFILTER               = 62,
    VIR_ERR_BUILD_FIREWALL            = 63,
    VIR_ERR_WAR_NO_SECRET             = 64,
    VIR_ERR_INVALID_SECRET            = 65,
    VIR_ERR_NO_SECRET                 = 66,
    VIR_ERR_CONFIG_UNSUPPORTED        = 67,
    VIR_ERR_OPERATION_TIMEOUT         = 68,
    VIR_ERR_MIGRATE_PERSIST_FAILED    = 69,
    VIR_ERR_HOOK_SCRIPT_FAILED        = 70,
    VIR_ERR_INVALID_DOMAIN_SNAPSHOT   = 71,
    VIR_ERR_NO_DOMAIN_SNAPSHOT        = 72,
    VIR_ERR_INVALID_STREAM            = 73,
    VIR_ERR_ARGUMENT_UNSUPPORTED      = 74,
    VIR_ERR_STORAGE_PROBE_FAILED      = 75,
    VIR_ERR_STORAGE_POOL_BUILT        = 76,
    VIR_ERR_SNAPSHOT_REVERT_RISKY     = 77,
    VIR_ERR_OPERATION_ABORTED         = 78,
    VIR_ERR_AUTH_CANCELLED            = 79,
    VIR_ERR_NO_DOMAIN_METADATA        = 80,
    VIR_ERR_MIGRATE_UNSAFE            = 81,
    VIR_ERR_OVERFLOW                  = 82,
    VIR_ERR_BLOCK_COPY_ACTIVE         = 83,
    VIR_ERR_OPERATION_UNSUPPORTED     = 84,
    VIR_ERR_SSH                       = 85,
    VIR_ERR_AGENT_UNRESPONSIVE        = 86,
    VIR_ERR_RESOURCE_BUSY             = 87,
    VIR_ERR_ACCESS_DENIED             = 88,
    VIR_ERR_DBUS_SERVICE              = 89,
    VIR_ERR_STORAGE_VOL_EXIST         = 90,
    VIR_ERR_CPU_INCOMPATIBLE          = 91,
    VIR_ERR_XML_INVALID_SCHEMA        = 92,
    VIR_ERR_MIGRATE_FINISH_OK         = 93,
    VIR_ERR_AUTH_UNAVAILABLE          = 94,
    VIR_ERR_NO_SERVER                 = 95,
    VIR_ERR_NO_CLIENT                 = 96,
    VIR_ERR_AGENT_UNSYNCED            = 97,
    VIR_ERR_LIBSSH                    = 98,
    VIR_ERR_DEVICE_MISSING            = 99,
    VIR_ERR_INVALID_NWFILTER_BINDING  = 100,
    VIR_ERR_NO_NWFILTER_BINDING       = 101,
    VIR_ERR_INVALID_DOMAIN_CHECKPOINT = 102,
    VIR_ERR_NO_DOMAIN_CHECKPOINT      = 103,
    VIR_ERR_NO_DOMAIN_BACKUP          = 104,
    VIR_ERR_INVALID_NETWORK_PORT      = 105,
    VIR_ERR_NETWORK_PORT_EXIST        = 106,
    VIR_ERR_NO_NETWORK_PORT           = 107,
    VIR_ERR_NO_HOSTNAME               = 108,
    VIR_ERR_CHECKPOINT_INCONSISTENT   = 109,
    VIR_ERR_MULTIPLE_DOMAINS          = 110,
};

/* libvirt's virErrorDomain, complete as of libvirt 9.0: which part of the
 * system noticed the error. */
enum vireo_error_domain {
    VIR_FROM_NONE              = 0,
    VIR_FROM_XEN               = 1,
    VIR_FROM_XEND              = 2,
    VIR_FROM_XENSTORE          = 3,
    VIR_FROM_SEXPR             = 4,
    VIR_FROM_XML               = 5,
    VIR_FROM_DOM               = 6,
    VIR_FROM_RPC               = 7,
    VIR_FROM_PROXY             = 8,
    VIR_FROM_CONF              = 9,
    VIR_FROM_QEMU              = 10,
    VIR_FROM_NET               = 11,
    VIR_FROM_TEST              = 12,
    VIR_FROM_REMOTE            = 13,
    VIR_FROM_OPENVZ            = 14,
    VIR_FROM_XENXM             = 15,
    VIR_FROM_STATS_LINUX       = 16,
    VIR_FROM_LXC               = 17,
    VIR_FROM_STORAGE           = 18,
    VIR_FROM_NETWORK           = 19,
    VIR_FROM_DOMAIN            = 20,
    VIR_FROM_UML               = 21,
    VIR_FROM_NODEDEV           = 22,
    VIR_FROM_XEN_INOTIFY       = 23,
    VIR_FROM_SECURITY          = 24,
    VIR_FROM_VBOX              = 25,
    VIR_FROM_INTERFACE         = 26,
    VIR_FROM_ONE               = 27,
    VIR_FROM_ESX               = 28,
    VIR_FROM_PHYP              = 29,
    VIR_FROM_SECRET            = 30,
    VIR_FROM_CPU               = 31,
    VIR_FROM_XENAPI            = 32,
    VIR_FROM_NWFILTER          = 33,
    VIR_FROM_HOOK              = 34,
    VIR_FROM_DOMAIN_SNAPSHOT   = 35,
    VIR_FROM_AUDIT             = 36,
    VIR_FROM_SYSINFO           = 37,
    VIR_FROM_STREAMS           = 38,
    VIR_FROM_VMWARE            = 39,
    VIR_FROM_EVENT             = 40,
    VIR_FROM_LIBXL             = 41,
    VIR_FROM_LOCKING           = 42,
    VIR_FROM_HYPERV            = 43,
    VIR_FROM_CAPABILITIES      = 44,
    VIR_FROM_URI               = 45,
    VIR_FROM_AUTH              = 46,
    VIR_FROM_DBUS              = 47,
    VIR_FROM_PARALLELS         = 48,
    VIR_FROM_DEVICE            = 49,
    VIR_FROM_SSH               = 50,
    VIR_FROM_LOCKSPACE         = 51,
    VIR_FROM_INITCTL           = 52,
    VIR_FROM_IDENTITY          = 53,
    VIR_FROM_CGROUP            = 54,
    VIR_FROM_ACCESS            = 55,
    VIR_FROM_SYSTEMD           = 56,
    VIR_FROM_BHYVE             = 57,
    VIR_FROM_CRYPTO            = 58,
    VIR_FROM_FIREWALL          = 59,
    VIR_FROM_POLKIT            = 60,
    VIR_FROM_THREAD            = 61,
    VIR_FROM_ADMIN             = 62,
    VIR_FROM_LOGGING           = 63,
    VIR_FROM_XENXL             = 64,
    VIR_FROM_PERF              = 65,
    VIR_FROM_LIBSSH            = 66,
    VIR_FROM_RESCTRL           = 67,
    VIR_FROM_FIREWALLD         = 68,
    VIR_FROM_DOMAIN_CHECKPOINT = 69,
    VIR_FROM_TPM               = 70,
    VIR_FROM_BPF               = 71,
    VIR_FROM_CH                = 72,
};

/* The room for an error's message, its NUL included. libvirt's longest
 * messages are schema validation reports (define --validate): a few of
 * libxml2's lines, each up to 999 bytes, after the schema's path. They
 * fit whole, so a client prints the same text as against libvirtd; a
 * longer message is cut. */
#define VIREO_ERROR_MESSAGE_MAX 8192

/* An error, carried explicitly from where it happened to the caller. */
struct vireo_error {
    int  code;          /* enum vireo_error_code: sent on the wire unchanged */
    int  domain;        /* enum vireo_error_domain */
    char message[VIREO_ERROR_MESSAGE_MAX]; /* complete human-readable text,
                                            * libvirt's wording */
};

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

/* ---- Lifecycle events (libvirt's values) ------------------------------ */

enum vireo_domain_event_id {
    VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0,
    VIR_DOMAIN_EVENT_ID_REBOOT    = 1,
    VIR_DOMAIN_EVENT_ID_LAST      = 27,   /* ids known to libvirt 9.0 */
};

enum vireo_domain_event_type {
    VIR_DOMAIN_EVENT_DEFINED     = 0,
    VIR_DOMAIN_EVENT_UNDEFINED   = 1,
    VIR_DOMAIN_EVENT_STARTED     = 2,
    VIR_DOMAIN_EVENT_SUSPENDED   = 3,
    VIR_DOMAIN_EVENT_RESUMED     = 4,
    VIR_DOMAIN_EVENT_STOPPED     = 5,
    VIR_DOMAIN_EVENT_SHUTDOWN    = 6,
    VIR_DOMAIN_EVENT_PMSUSPENDED = 7,
    VIR_DOMAIN_EVENT_CRASHED     = 8,
};

enum { VIR_DOMAIN_EVENT_DEFINED_ADDED = 0, VIR_DOMAIN_EVENT_DEFINED_UPDATED = 1 };
enum { VIR_DOMAIN_EVENT_UNDEFINED_REMOVED = 0 };
enum { VIR_DOMAIN_EVENT_STARTED_BOOTED = 0 };
enum {
    VIR_DOMAIN_EVENT_SUSPENDED_PAUSED   = 0,
    VIR_DOMAIN_EVENT_SUSPENDED_IOERROR  = 2,
    VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG = 3,
};
enum { VIR_DOMAIN_EVENT_RESUMED_UNPAUSED = 0 };
enum {
    VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN  = 0,
    VIR_DOMAIN_EVENT_STOPPED_DESTROYED = 1,
    VIR_DOMAIN_EVENT_STOPPED_CRASHED   = 2,
    VIR_DOMAIN_EVENT_STOPPED_FAILED    = 5,
};
enum {
    VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED = 0,
    VIR_DOMAIN_EVENT_SHUTDOWN_GUEST    = 1,
    VIR_DOMAIN_EVENT_SHUTDOWN_HOST     = 2,
};
enum { VIR_DOMAIN_EVENT_CRASHED_PANICKED = 0 };

/* ---- Objects ---------------------------------------------------------- */

struct vireo_conn;     /* a connection to a driver; refcounted */
struct vireo_domain;   /* a handle on one domain; refcounted, holds its conn */

struct vireo_node_info {
    char               model[32];    /* CPU model, NUL-terminated */
    unsigned long long memory_kib;
    unsigned int       cpus;
    unsigned int       mhz;
    unsigned int       nodes;
    unsigned int       sockets;
    unsigned int       cores;
    unsigned int       threads;
};

/* The host's security driver (libvirt's virSecurityModel); an empty model
 * means there is none. */
struct vireo_security_model {
    char model[257];
    char doi[257];
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

/* ---- The event loop --------------------------------------------------- */

/* Bits of the `events` masks of file-handle watches. */
enum vireo_event_handle_type {
    VIREO_EVENT_HANDLE_READABLE = 1 << 0,
    VIREO_EVENT_HANDLE_WRITABLE = 1 << 1,
    VIREO_EVENT_HANDLE_ERROR    = 1 << 2,
    VIREO_EVENT_HANDLE_HANGUP   = 1 << 3,
};

typedef void (*vireo_free_cb)(void *opaque);
typedef void (*vireo_event_handle_cb)(int watch, int fd, int events,
                                      void *opaque);
typedef void (*vireo_event_timeout_cb)(int timer, void *opaque);

/* An event-loop implementation, in the spirit of virEventRegisterImpl().
 * Watches and timers are named by the id the add function returns (> 0),
 * never by fd. A timeout of -1 is disabled, 0 fires on every iteration.
 * Removal must be safe from inside a callback; free_cb(opaque) runs once the
 * loop no longer references opaque. Every function may be called from any
 * thread. */
struct vireo_event_impl {
    int  (*add_handle)(int fd, int events, vireo_event_handle_cb cb,
                       void *opaque, vireo_free_cb free_cb);
    void (*update_handle)(int watch, int events);
    int  (*remove_handle)(int watch);
    int  (*add_timeout)(int timeout_ms, vireo_event_timeout_cb cb,
                        void *opaque, vireo_free_cb free_cb);
    void (*update_timeout)(int timer, int timeout_ms);
    int  (*remove_timeout)(int timer);
};

/* Register the application's own loop. Call once, before opening connections
 * that need events. The table is copied. */
VIREO_API void vireo_event_register_impl(const struct vireo_event_impl *impl);
/* Register vireo's default implementation (libuv). */
VIREO_API int  vireo_event_register_default_impl(struct vireo_error *err);
/* Run one iteration of the default loop, blocking until something happens. */
VIREO_API int  vireo_event_run_default_impl(struct vireo_error *err);
/* Make a blocked vireo_event_run_default_impl() return; any thread. */
VIREO_API void vireo_event_interrupt_default_impl(void);

/* Use whichever implementation is registered (-1 if none is). */
VIREO_API int  vireo_event_add_handle(int fd, int events,
                                      vireo_event_handle_cb cb, void *opaque,
                                      vireo_free_cb free_cb);
VIREO_API void vireo_event_update_handle(int watch, int events);
VIREO_API int  vireo_event_remove_handle(int watch);
VIREO_API int  vireo_event_add_timeout(int timeout_ms,
                                       vireo_event_timeout_cb cb, void *opaque,
                                       vireo_free_cb free_cb);
VIREO_API void vireo_event_update_timeout(int timer, int timeout_ms);
VIREO_API int  vireo_event_remove_timeout(int timer);

/* ---- Connections ------------------------------------------------------ */

/* Open a connection; uri NULL means $VIREO_DEFAULT_URI, else test:///default. */
VIREO_API struct vireo_conn *vireo_conn_open(const char *uri, unsigned flags,
                                             struct vireo_error *err);
/* Drop the caller's reference; the connection closes with the last one. */
VIREO_API int  vireo_conn_close(struct vireo_conn *conn);
VIREO_API struct vireo_conn *vireo_conn_ref(struct vireo_conn *conn);
/* The URI as opened; owned by the connection. */
VIREO_API const char *vireo_conn_get_uri(struct vireo_conn *conn);
/* The hypervisor type ("TEST", "QEMU"); owned by the connection. */
VIREO_API const char *vireo_conn_get_type(struct vireo_conn *conn,
                                          struct vireo_error *err);
VIREO_API int  vireo_conn_get_version(struct vireo_conn *conn,
                                      unsigned long long *version,
                                      struct vireo_error *err);
VIREO_API int  vireo_conn_get_lib_version(struct vireo_conn *conn,
                                          unsigned long long *version,
                                          struct vireo_error *err);
VIREO_API char *vireo_conn_get_hostname(struct vireo_conn *conn,
                                        struct vireo_error *err);
VIREO_API char *vireo_conn_get_capabilities(struct vireo_conn *conn,
                                            struct vireo_error *err);
VIREO_API int  vireo_node_get_info(struct vireo_conn *conn,
                                   struct vireo_node_info *info,
                                   struct vireo_error *err);
VIREO_API int  vireo_node_get_security_model(struct vireo_conn *conn,
                                             struct vireo_security_model *model,
                                             struct vireo_error *err);
VIREO_API bool vireo_conn_is_read_only(struct vireo_conn *conn);
/* 1 while the connection works, 0 once its daemon is gone (reason, if not
 * NULL, then says why: enum vireo_close_reason), -1 for a NULL conn. An
 * in-process connection is always alive. Never blocks. */
VIREO_API int  vireo_conn_is_alive(struct vireo_conn *conn, int *reason);
/* libvirt's virConnectSetKeepAlive: with an event loop registered, ping the
 * daemon after interval seconds of silence and close the connection after
 * count unanswered pings (interval <= 0 stops pinging). Returns 0, 1 when
 * the daemon does not speak keepalive, -1 on error (VIR_ERR_NO_SUPPORT for
 * an in-process driver). Connections start at 5 s and 5 pings. */
VIREO_API int  vireo_conn_set_keepalive(struct vireo_conn *conn, int interval,
                                        unsigned count,
                                        struct vireo_error *err);
/* libvirt's virConnectIsSecure: 1 if nobody can eavesdrop on the
 * connection, 0 if someone might, -1 on error. An in-process driver and a
 * daemon reached over a UNIX socket are secure; plain TCP is not. A
 * daemon is asked too, and both it and the transport must say secure. */
VIREO_API int  vireo_conn_is_secure(struct vireo_conn *conn,
                                    struct vireo_error *err);
/* libvirt's virConnectIsEncrypted: 1 if what the connection carries is
 * encrypted, 0 if not, -1 on error. Nothing vireo speaks encrypts (an
 * in-process driver carries nothing; UNIX sockets and plain TCP are
 * clear), so it says 0 once the driver (and a daemon) answered. */
VIREO_API int  vireo_conn_is_encrypted(struct vireo_conn *conn,
                                       struct vireo_error *err);

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

/* ---- Domain events ---------------------------------------------------- */

/* Every callback is invoked on the thread running the registered event loop,
 * never from inside the call that caused the event. The dom handle is valid
 * for the duration of the callback (take a reference to keep it). */
typedef void (*vireo_domain_event_generic_cb)(struct vireo_conn *conn,
                                              struct vireo_domain *dom,
                                              void *opaque);
typedef void (*vireo_domain_event_lifecycle_cb)(struct vireo_conn *conn,
                                                struct vireo_domain *dom,
                                                int event, int detail,
                                                void *opaque);
#define VIREO_DOMAIN_EVENT_CALLBACK(cb) ((vireo_domain_event_generic_cb)(void (*)(void))(cb))

/* Register cb for event_id on dom (NULL: every domain). Needs a registered
 * event loop. Returns a callback id >= 0; free_cb(opaque) runs after
 * deregistration once no delivery can still use opaque. */
VIREO_API int vireo_conn_domain_event_register_any(
    struct vireo_conn *conn, struct vireo_domain *dom, int event_id,
    vireo_domain_event_generic_cb cb, void *opaque, vireo_free_cb free_cb,
    struct vireo_error *err);
VIREO_API int vireo_conn_domain_event_deregister_any(struct vireo_conn *conn,
                                                     int callback_id,
                                                     struct vireo_error *err);

/* ---- Strings for humans ----------------------------------------------- */

/* virsh's words: "running", "shut off", ...; "booted", "destroyed", ... */
VIREO_API const char *vireo_domain_state_string(int state);
VIREO_API const char *vireo_domain_state_reason_string(int state, int reason);
/* virsh event's words: "Started" / "Booted", ... */
VIREO_API const char *vireo_domain_event_type_string(int event);
VIREO_API const char *vireo_domain_event_detail_string(int event, int detail);

/* The library's version: major * 1,000,000 + minor * 1,000 + micro. */
VIREO_API unsigned long long vireo_version(void);

/* ---- Typed parameters (libvirt's virTypedParameter) ------------------- */

/* Named values of one of seven types, as the tunables, statistics and job
 * calls carry them. Field names are at most 79 bytes. */
#define VIREO_TYPED_PARAM_FIELD_LENGTH 80

enum vireo_typed_param_type {
    VIREO_TYPED_PARAM_INT     = 1,
    VIREO_TYPED_PARAM_UINT    = 2,
    VIREO_TYPED_PARAM_LLONG   = 3,
    VIREO_TYPED_PARAM_ULLONG  = 4,
    VIREO_TYPED_PARAM_DOUBLE  = 5,
    VIREO_TYPED_PARAM_BOOLEAN = 6,
    VIREO_TYPED_PARAM_STRING  = 7,
};

struct vireo_typed_param {
    char field[VIREO_TYPED_PARAM_FIELD_LENGTH];
    int  type;                       /* enum vireo_typed_param_type */
    union {
        int                i;
        unsigned int       ui;
        long long          l;
        unsigned long long ul;
        double             d;
        int                b;        /* 0 or 1 */
        char              *s;        /* owned by the list */
    } value;
};

/* A growable list, in insertion order. Start from all zeros; free what it
 * holds with vireo_typed_params_clear(). */
struct vireo_typed_params {
    struct vireo_typed_param *params;
    int                       n;
    int                       cap;
};

/* Append one parameter: 0, or -1 with err set (field too long, no memory).
 * add_string copies value. */
VIREO_API int vireo_typed_params_add_int(struct vireo_typed_params *p,
                                         const char *field, int value,
                                         struct vireo_error *err);
VIREO_API int vireo_typed_params_add_uint(struct vireo_typed_params *p,
                                          const char *field,
                                          unsigned int value,
                                          struct vireo_error *err);
VIREO_API int vireo_typed_params_add_llong(struct vireo_typed_params *p,
                                           const char *field,
                                           long long value,
                                           struct vireo_error *err);
VIREO_API int vireo_typed_params_add_ullong(struct vireo_typed_params *p,
                                            const char *field,
                                            unsigned long long value,
                                            struct vireo_error *err);
VIREO_API int vireo_typed_params_add_double(struct vireo_typed_params *p,
                                            const char *field, double value,
                                            struct vireo_error *err);
VIREO_API int vireo_typed_params_add_boolean(struct vireo_typed_params *p,
                                             const char *field, int value,
                                             struct vireo_error *err);
VIREO_API int vireo_typed_params_add_string(struct vireo_typed_params *p,
                                            const char *field,
                                            const char *value,
                                            struct vireo_error *err);
/* The first parameter named field, or NULL. */
VIREO_API const struct vireo_typed_param *vireo_typed_params_find(
    const struct vireo_typed_params *p, const char *field);
/* Free the strings and the array; p is all zeros again. */
VIREO_API void vireo_typed_params_clear(struct vireo_typed_params *p);

/* Domain monitoring. */

/* One vCPU as vireo_domain_get_vcpus() reports it (libvirt's
 * virVcpuInfo). */
struct vireo_vcpu_info {
    unsigned int       number;
    int                state;        /* VIR_VCPU_OFFLINE 0, RUNNING 1,
                                      * BLOCKED 2 */
    unsigned long long cpu_time_ns;
    int                cpu;          /* the host CPU it runs on, or -1 */
};

/* One memory statistic (libvirt's virDomainMemoryStat): tag is one of
 * libvirt's VIR_DOMAIN_MEMORY_STAT_* numbers, in KiB unless the tag says
 * otherwise. */
struct vireo_memory_stat {
    int                tag;
    unsigned long long val;
};

enum vireo_domain_memory_stat_tag {
    VIR_DOMAIN_MEMORY_STAT_SWAP_IN         = 0,
    VIR_DOMAIN_MEMORY_STAT_SWAP_OUT        = 1,
    VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT     = 2,
    VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT     = 3,
    VIR_DOMAIN_MEMORY_STAT_UNUSED          = 4,
    VIR_DOMAIN_MEMORY_STAT_AVAILABLE       = 5,
    VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON  = 6,
    VIR_DOMAIN_MEMORY_STAT_RSS             = 7,
    VIR_DOMAIN_MEMORY_STAT_USABLE          = 8,
    VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE     = 9,
    VIR_DOMAIN_MEMORY_STAT_DISK_CACHES     = 10,
    VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC = 11,
    VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL  = 12,
    VIR_DOMAIN_MEMORY_STAT_NR              = 13,
};

/* Block device and interface counters; -1 for one a driver does not
 * count (libvirt's virDomainBlockStats and virDomainInterfaceStats). */
struct vireo_block_stats {
    long long rd_req, rd_bytes, wr_req, wr_bytes, errs;
};

struct vireo_interface_stats {
    long long rx_bytes, rx_packets, rx_errs, rx_drop;
    long long tx_bytes, tx_packets, tx_errs, tx_drop;
};

/* A disk's sizes in bytes (libvirt's virDomainBlockInfo). */
struct vireo_block_info {
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long physical;
};

/* An I/O error a disk met (libvirt's virDomainDiskError); disk is
 * malloc'ed, freed by the caller. */
struct vireo_disk_error {
    char *disk;                      /* its target, "vda" */
    int   error;                     /* VIR_DOMAIN_DISK_ERROR_* */
};

enum vireo_domain_disk_error_code {
    VIR_DOMAIN_DISK_ERROR_NONE     = 0,
    VIR_DOMAIN_DISK_ERROR_UNSPEC   = 1,
    VIR_DOMAIN_DISK_ERROR_NO_SPACE = 2,
};

/* What the management side of a domain is doing (libvirt's
 * virDomainControlInfo). */
struct vireo_domain_control_info {
    unsigned int       state;        /* VIR_DOMAIN_CONTROL_OK 0, JOB 1,
                                      * OCCUPIED 2, ERROR 3 */
    unsigned int       details;
    unsigned long long state_time_ms;
};

/* Statistics groups of vireo_conn_get_all_domain_stats(). */
enum vireo_domain_stats_types {
    VIR_DOMAIN_STATS_STATE = 1 << 0,
};

/* Its flags: which domains, and how strictly. */
enum vireo_conn_get_all_domain_stats_flags {
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE        = 1 << 0,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE      = 1 << 1,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT    = 1 << 2,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT     = 1 << 3,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING       = 1 << 4,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED        = 1 << 5,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF       = 1 << 6,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER         = 1 << 7,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT        = 1 << 29,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING       = 1 << 30,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS = 1u << 31,
};

/* One domain's statistics: a reference on dom and the typed parameters,
 * both the record's (vireo_domain_stats_free()). */
struct vireo_domain_stats_record {
    struct vireo_domain       *dom;
    struct vireo_typed_params  params;
};

/* libvirt's virDomainGetVcpus: up to maxinfo vCPUs of a running domain
 * into info, and when cpumaps is not NULL each one's host CPU affinity,
 * maplen bytes per vCPU. Returns how many were filled, or -1. */
VIREO_API int vireo_domain_get_vcpus(struct vireo_domain *dom,
                                     struct vireo_vcpu_info *info,
                                     int maxinfo, unsigned char *cpumaps,
                                     int maplen, struct vireo_error *err);
/* libvirt's virDomainGetVcpuPinInfo: the affinity of ncpumaps vCPUs of
 * the live or persistent definition (flags VIR_DOMAIN_AFFECT_*), maplen
 * bytes each. Returns the number of vCPUs, or -1. */
VIREO_API int vireo_domain_get_vcpu_pin_info(struct vireo_domain *dom,
                                             int ncpumaps,
                                             unsigned char *cpumaps,
                                             int maplen, unsigned flags,
                                             struct vireo_error *err);
/* libvirt's virDomainGetVcpusFlags and virDomainGetMaxVcpus. */
VIREO_API int vireo_domain_get_vcpus_flags(struct vireo_domain *dom,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_domain_get_max_vcpus(struct vireo_domain *dom,
                                         struct vireo_error *err);
/* libvirt's virDomainMemoryStats: up to nr_stats statistics; returns how
 * many, or -1. */
VIREO_API int vireo_domain_memory_stats(struct vireo_domain *dom,
                                        struct vireo_memory_stat *stats,
                                        unsigned int nr_stats,
                                        unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virDomainBlockStats (disk by target or source path) and
 * virDomainInterfaceStats (interface by host name or MAC address). */
VIREO_API int vireo_domain_block_stats(struct vireo_domain *dom,
                                       const char *disk,
                                       struct vireo_block_stats *stats,
                                       struct vireo_error *err);
VIREO_API int vireo_domain_interface_stats(struct vireo_domain *dom,
                                           const char *device,
                                           struct vireo_interface_stats *stats,
                                           struct vireo_error *err);
/* libvirt's virDomainGetBlockInfo. */
VIREO_API int vireo_domain_get_block_info(struct vireo_domain *dom,
                                          const char *disk,
                                          struct vireo_block_info *info,
                                          unsigned flags,
                                          struct vireo_error *err);
/* libvirt's virDomainGetDiskErrors: with errors NULL (and maxerrors 0)
 * the number of disks with an error; else up to maxerrors of them, whose
 * disk names the caller frees. Returns the count, or -1. */
VIREO_API int vireo_domain_get_disk_errors(struct vireo_domain *dom,
                                           struct vireo_disk_error *errors,
                                           unsigned int maxerrors,
                                           unsigned flags,
                                           struct vireo_error *err);
/* libvirt's virDomainGetControlInfo. */
VIREO_API int vireo_domain_get_control_info(
    struct vireo_domain *dom, struct vireo_domain_control_info *info,
    unsigned flags, struct vireo_error *err);
/* libvirt's virDomainIsUpdated: 1 if the live definition differs from
 * the persistent one, else 0; -1 on error. */
VIREO_API int vireo_domain_is_updated(struct vireo_domain *dom,
                                      struct vireo_error *err);
/* libvirt's virConnectGetAllDomainStats (doms NULL) and
 * virDomainListGetStats (the n_doms domains of doms): the stats groups
 * asked for (0: all the driver has) of each domain. *records is then a
 * malloc'ed array of the returned count; free it with
 * vireo_domain_stats_free(). */
VIREO_API int vireo_conn_get_all_domain_stats(
    struct vireo_conn *conn, struct vireo_domain **doms, int n_doms,
    unsigned int stats, struct vireo_domain_stats_record **records,
    unsigned flags, struct vireo_error *err);
VIREO_API void vireo_domain_stats_free(struct vireo_domain_stats_record *recs,
                                       int n);

/* libvirt's virDomainGetCPUStats. With nparams 0 it only counts: the
 * statistics per CPU (or of the total with start_cpu -1), or with ncpus 0
 * too the host CPUs. Else params is an array of ncpus lists (one, for the
 * total), each starting empty, that receive up to nparams statistics of
 * CPUs start_cpu, start_cpu + 1 ...; returns how many each got, or -1. */
VIREO_API int vireo_domain_get_cpu_stats(struct vireo_domain *dom,
                                         struct vireo_typed_params *params,
                                         unsigned int nparams, int start_cpu,
                                         unsigned int ncpus, unsigned flags,
                                         struct vireo_error *err);

/* One address of a guest interface (libvirt's virDomainIPAddress). */
struct vireo_domain_ip_addr {
    int          type;               /* VIR_IP_ADDR_TYPE_IPV4 0, IPV6 1 */
    char        *addr;
    unsigned int prefix;
};

/* A guest interface and its addresses (libvirt's virDomainInterface). */
struct vireo_domain_interface {
    char                        *name;
    char                        *hwaddr;     /* may be NULL */
    struct vireo_domain_ip_addr *addrs;
    int                          n_addrs;
};

/* libvirt's virDomainInterfaceAddresses: the interfaces of a running
 * domain as source (VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE 0, AGENT 1,
 * ARP 2) knows them. *ifaces is a malloc'ed array of the returned count;
 * free it with vireo_domain_interfaces_free(). */
VIREO_API int vireo_domain_interface_addresses(
    struct vireo_domain *dom, struct vireo_domain_interface **ifaces,
    unsigned int source, unsigned flags, struct vireo_error *err);
VIREO_API void vireo_domain_interfaces_free(
    struct vireo_domain_interface *ifaces, int n);

/* Domain tuning: vCPUs, memory, tunables, metadata. */

/* Which definition a change or a query is about, as libvirt's
 * virDomainModificationImpact: CURRENT is the live one of a running domain,
 * else the persistent one. */
enum vireo_domain_modification_impact {
    VIR_DOMAIN_AFFECT_CURRENT = 0,
    VIR_DOMAIN_AFFECT_LIVE    = 1 << 0,
    VIR_DOMAIN_AFFECT_CONFIG  = 1 << 1,
};

/* vireo_domain_set_memory_flags: the maximum rather than the current. */
#define VIR_DOMAIN_MEM_MAXIMUM (1 << 2)

/* vireo_domain_set_vcpus_flags. */
enum vireo_domain_vcpu_flags {
    VIR_DOMAIN_VCPU_MAXIMUM      = 1 << 2,
    VIR_DOMAIN_VCPU_GUEST        = 1 << 3,
    VIR_DOMAIN_VCPU_HOTPLUGGABLE = 1 << 4,
};

enum vireo_domain_metadata_type {
    VIR_DOMAIN_METADATA_DESCRIPTION = 0,
    VIR_DOMAIN_METADATA_TITLE       = 1,
    VIR_DOMAIN_METADATA_ELEMENT     = 2,
};

enum vireo_domain_lifecycle {
    VIR_DOMAIN_LIFECYCLE_POWEROFF = 0,
    VIR_DOMAIN_LIFECYCLE_REBOOT   = 1,
    VIR_DOMAIN_LIFECYCLE_CRASH    = 2,
};

enum vireo_domain_lifecycle_action {
    VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY          = 0,
    VIR_DOMAIN_LIFECYCLE_ACTION_RESTART          = 1,
    VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME   = 2,
    VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE         = 3,
    VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY = 4,
    VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART = 5,
};

/* A memory limit that is not set (libvirt's
 * VIR_DOMAIN_MEMORY_PARAM_UNLIMITED), in KiB. */
#define VIR_DOMAIN_MEMORY_PARAM_UNLIMITED 9007199254740991ULL
#define VIR_DOMAIN_MEMORY_HARD_LIMIT      "hard_limit"
#define VIR_DOMAIN_MEMORY_SOFT_LIMIT      "soft_limit"
#define VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT "swap_hard_limit"
#define VIR_DOMAIN_SCHEDULER_WEIGHT       "weight"

/* Each is libvirt's function of the same name without "Flags" where noted;
 * flags from the enums above. 0, or -1 with err set. */
VIREO_API int vireo_domain_set_memory(struct vireo_domain *dom,
                                      unsigned long long memory_kib,
                                      struct vireo_error *err);
VIREO_API int vireo_domain_set_max_memory(struct vireo_domain *dom,
                                          unsigned long long memory_kib,
                                          struct vireo_error *err);
VIREO_API int vireo_domain_set_memory_flags(struct vireo_domain *dom,
                                            unsigned long long memory_kib,
                                            unsigned flags,
                                            struct vireo_error *err);
VIREO_API int vireo_domain_set_vcpus_flags(struct vireo_domain *dom,
                                           unsigned n_vcpus, unsigned flags,
                                           struct vireo_error *err);
/* The scheduler's name (caller frees) and its number of parameters. */
VIREO_API char *vireo_domain_get_scheduler_type(struct vireo_domain *dom,
                                                int *n_params,
                                                struct vireo_error *err);
/* Append every parameter to *params (empty on entry). */
VIREO_API int vireo_domain_get_scheduler_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_scheduler_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_get_memory_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_memory_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
/* The title, description or element (enum vireo_domain_metadata_type);
 * caller frees. */
VIREO_API char *vireo_domain_get_metadata(struct vireo_domain *dom, int type,
                                          const char *uri, unsigned flags,
                                          struct vireo_error *err);
VIREO_API int vireo_domain_set_metadata(struct vireo_domain *dom, int type,
                                        const char *metadata, const char *key,
                                        const char *uri, unsigned flags,
                                        struct vireo_error *err);
/* On success dom's name is new_name. */
VIREO_API int vireo_domain_rename(struct vireo_domain *dom,
                                  const char *new_name, unsigned flags,
                                  struct vireo_error *err);
VIREO_API int vireo_domain_set_lifecycle_action(struct vireo_domain *dom,
                                                unsigned type,
                                                unsigned action,
                                                unsigned flags,
                                                struct vireo_error *err);

/* Save, restore, managed save and snapshots. */

/* The state reasons and event details that saving, restoring and
 * snapshots give, with libvirt's values. */
enum {
    VIR_DOMAIN_RUNNING_RESTORED      = 3,
    VIR_DOMAIN_RUNNING_FROM_SNAPSHOT = 4,
    VIR_DOMAIN_PAUSED_FROM_SNAPSHOT  = 7,
    VIR_DOMAIN_SHUTOFF_SAVED         = 5,
    VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT = 7,
};
enum {
    VIR_DOMAIN_EVENT_STARTED_RESTORED      = 2,
    VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT = 3,
    VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT = 5,
    VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT = 2,
    VIR_DOMAIN_EVENT_STOPPED_SAVED         = 4,
    VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT = 6,
};

/* libvirt's virDomainSnapshotPtr: a domain's snapshot, by name. */
struct vireo_domain_snapshot;

/* libvirt's virDomainSaveFlags: stop the running domain, its state kept
 * in the file `to` on the driver's host; dxml (a replacement definition)
 * may be NULL. 0 or -1. */
VIREO_API int vireo_domain_save(struct vireo_domain *dom, const char *to,
                                const char *dxml, unsigned flags,
                                struct vireo_error *err);
/* virDomainRestoreFlags: run the domain a saved file holds. */
VIREO_API int vireo_domain_restore(struct vireo_conn *conn, const char *from,
                                   const char *dxml, unsigned flags,
                                   struct vireo_error *err);
/* virDomainSaveImageGetXMLDesc: the definition in a saved file; the caller
 * frees it. NULL on error. */
VIREO_API char *vireo_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                                     const char *file,
                                                     unsigned flags,
                                                     struct vireo_error *err);
/* virDomainSaveImageDefineXML: replace the definition in a saved file. */
VIREO_API int vireo_domain_save_image_define_xml(struct vireo_conn *conn,
                                                 const char *file,
                                                 const char *dxml,
                                                 unsigned flags,
                                                 struct vireo_error *err);
/* virDomainCoreDumpWithFormat: the running domain's memory to `to`. */
VIREO_API int vireo_domain_core_dump(struct vireo_domain *dom, const char *to,
                                     unsigned dumpformat, unsigned flags,
                                     struct vireo_error *err);
/* virDomainManagedSave and virDomainManagedSaveRemove: the save image
 * the driver keeps, which the next start resumes from. */
VIREO_API int vireo_domain_managed_save(struct vireo_domain *dom,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_managed_save_remove(struct vireo_domain *dom,
                                               unsigned flags,
                                               struct vireo_error *err);

/* Snapshots, libvirt's virDomainSnapshot* calls one for one. A returned
 * handle is the caller's (vireo_domain_snapshot_free); a returned list is
 * a malloc'ed array of n handles and a NULL, each freed, then the array. */
VIREO_API const char *vireo_domain_snapshot_get_name(
    const struct vireo_domain_snapshot *snap);
/* The domain, borrowed from the snapshot handle. */
VIREO_API struct vireo_domain *vireo_domain_snapshot_get_domain(
    const struct vireo_domain_snapshot *snap);
VIREO_API void vireo_domain_snapshot_free(struct vireo_domain_snapshot *snap);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
/* flags: enum vireo_domain_snapshot_list_flags. Returns n or -1. */
VIREO_API int vireo_domain_list_all_snapshots(
    struct vireo_domain *dom, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_list_all_children(
    struct vireo_domain_snapshot *snap, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_num_children(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_lookup_by_name(
    struct vireo_domain *dom, const char *name, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_has_current_snapshot(struct vireo_domain *dom,
                                                unsigned flags,
                                                struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_current(
    struct vireo_domain *dom, unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_get_parent(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
/* The <domainsnapshot> document; the caller frees it. */
VIREO_API char *vireo_domain_snapshot_get_xml_desc(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_is_current(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_has_metadata(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_revert_to_snapshot(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                                           unsigned flags,
                                           struct vireo_error *err);

/* Flags of vireo_domain_snapshot_create_xml(). */
enum vireo_domain_snapshot_create_flags {
    VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE    = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT     = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA = 1 << 2,
    VIR_DOMAIN_SNAPSHOT_CREATE_HALT        = 1 << 3,
    VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY   = 1 << 4,
    VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT   = 1 << 5,
    VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE     = 1 << 6,
    VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC      = 1 << 7,
    VIR_DOMAIN_SNAPSHOT_CREATE_LIVE        = 1 << 8,
    VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE    = 1 << 9,
};

/* Flags of vireo_domain_revert_to_snapshot(). */
enum vireo_domain_snapshot_revert_flags {
    VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED  = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_REVERT_FORCE   = 1 << 2,
};

/* Flags of vireo_domain_snapshot_delete(). */
enum vireo_domain_snapshot_delete_flags {
    VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN      = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY = 1 << 2,
};

/* Flags of vireo_domain_undefine() that concern saved state. */
enum {
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE       = 1 << 0,
    VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA = 1 << 1,
};

/* Flags of the save calls and vireo_domain_managed_save(). */
enum vireo_domain_save_flags {
    VIR_DOMAIN_SAVE_BYPASS_CACHE = 1 << 0,
    VIR_DOMAIN_SAVE_RUNNING      = 1 << 1,
    VIR_DOMAIN_SAVE_PAUSED       = 1 << 2,
};

/* Flags and formats of vireo_domain_core_dump(). */
enum vireo_domain_core_dump_flags {
    VIR_DUMP_CRASH        = 1 << 0,
    VIR_DUMP_LIVE         = 1 << 1,
    VIR_DUMP_BYPASS_CACHE = 1 << 2,
    VIR_DUMP_RESET        = 1 << 3,
    VIR_DUMP_MEMORY_ONLY  = 1 << 4,
};
enum vireo_domain_core_dump_format {
    VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_LZO,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_SNAPPY,
    VIR_DOMAIN_CORE_DUMP_FORMAT_WIN_DMP,
};

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

/* Host and hypervisor. */

/* One figure of the host's CPU or memory statistics, as libvirt names
 * them ("user", "kernel", "idle", "iowait"; "total", "free", "buffers",
 * "cached"); CPU times in ns, memory in KiB. */
#define VIREO_NODE_STATS_FIELD_LENGTH 80
struct vireo_node_stat {
    char               field[VIREO_NODE_STATS_FIELD_LENGTH];
    unsigned long long value;
};

/* libvirt's virConnectGetMaxVcpus: the most vCPUs a guest of the given
 * virtualization type (NULL: the driver's choice) may have, or -1. */
VIREO_API int vireo_conn_get_max_vcpus(struct vireo_conn *conn,
                                       const char *type,
                                       struct vireo_error *err);
/* libvirt's virConnectGetSysinfo: the host's <sysinfo> XML, malloc'ed,
 * or NULL. */
VIREO_API char *vireo_conn_get_sysinfo(struct vireo_conn *conn,
                                       unsigned flags,
                                       struct vireo_error *err);
/* libvirt's virNodeGetCPUStats and virNodeGetMemoryStats: with *n_params
 * 0, set *n_params to how many figures there are; else fill params with
 * up to *n_params of them and set *n_params to how many. cpu_num and
 * cell_num -1: the whole host. 0, or -1. */
VIREO_API int vireo_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                                       struct vireo_node_stat *params,
                                       int *n_params, unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_node_get_memory_stats(struct vireo_conn *conn,
                                          int cell_num,
                                          struct vireo_node_stat *params,
                                          int *n_params, unsigned flags,
                                          struct vireo_error *err);
/* libvirt's virNodeGetCellsFreeMemory: the free memory of up to max_cells
 * NUMA cells from start_cell, in bytes; returns how many, or -1. */
VIREO_API int vireo_node_get_cells_free_memory(struct vireo_conn *conn,
                                               unsigned long long *free_bytes,
                                               int start_cell, int max_cells,
                                               struct vireo_error *err);
/* libvirt's virNodeGetFreeMemory: the host's free memory in bytes; 0 is
 * an error, as in libvirt. */
VIREO_API unsigned long long vireo_node_get_free_memory(
    struct vireo_conn *conn, struct vireo_error *err);
/* libvirt's virNodeGetFreePages: counts[cell * n_pages + i] is how many
 * free pages of pages_kib[i] KiB cell start_cell + cell has, for
 * cell_count cells. Returns how many counts it set, or -1. */
VIREO_API int vireo_node_get_free_pages(struct vireo_conn *conn,
                                        unsigned n_pages,
                                        const unsigned *pages_kib,
                                        int start_cell, unsigned cell_count,
                                        unsigned long long *counts,
                                        unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virNodeGetCPUMap: how many CPUs the host has, or -1; when
 * asked, *cpumap (malloc'ed, a bit per CPU) says which are online and
 * *online how many. */
VIREO_API int vireo_node_get_cpu_map(struct vireo_conn *conn,
                                     unsigned char **cpumap,
                                     unsigned *online, unsigned flags,
                                     struct vireo_error *err);
/* libvirt's virConnectBaselineCPU: the guest CPU every one of the n_cpus
 * host CPUs (each a <cpu> element) can run, as <cpu> XML, malloc'ed, or
 * NULL. Flag VIREO_BASELINE_CPU_EXPAND_FEATURES lists all its features. */
#define VIREO_BASELINE_CPU_EXPAND_FEATURES 1u
VIREO_API char *vireo_conn_baseline_cpu(struct vireo_conn *conn,
                                        const char *const *xml_cpus,
                                        unsigned n_cpus, unsigned flags,
                                        struct vireo_error *err);
/* libvirt's virConnectGetCPUModelNames: the CPU models the hypervisor
 * knows for arch; returns how many (0: it takes any), or -1. *models,
 * when asked, is a malloc'ed NULL-ended array of malloc'ed names. */
VIREO_API int vireo_conn_get_cpu_model_names(struct vireo_conn *conn,
                                             const char *arch,
                                             char ***models, unsigned flags,
                                             struct vireo_error *err);

/* Domain events. */

/* The event ids after lifecycle and reboot (libvirt's virDomainEventID);
 * each is delivered to a callback of the type named beside it, cast with
 * VIREO_DOMAIN_EVENT_CALLBACK(). Arguments come in libvirt's order. */
enum vireo_domain_event_id_more {
    VIR_DOMAIN_EVENT_ID_RTC_CHANGE                = 2,  /* rtc_change_cb */
    VIR_DOMAIN_EVENT_ID_WATCHDOG                  = 3,  /* watchdog_cb */
    VIR_DOMAIN_EVENT_ID_IO_ERROR                  = 4,  /* io_error_cb */
    VIR_DOMAIN_EVENT_ID_GRAPHICS                  = 5,  /* graphics_cb */
    VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON           = 6,  /* io_error_reason_cb */
    VIR_DOMAIN_EVENT_ID_CONTROL_ERROR             = 7,  /* generic_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_JOB                 = 8,  /* block_job_cb: path */
    VIR_DOMAIN_EVENT_ID_DISK_CHANGE               = 9,  /* disk_change_cb */
    VIR_DOMAIN_EVENT_ID_TRAY_CHANGE               = 10, /* tray_change_cb */
    VIR_DOMAIN_EVENT_ID_PMWAKEUP                  = 11, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_PMSUSPEND                 = 12, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE            = 13, /* balloon_change_cb */
    VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK            = 14, /* pm_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED            = 15, /* device_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2               = 16, /* block_job_cb: target */
    VIR_DOMAIN_EVENT_ID_TUNABLE                   = 17, /* tunable_cb */
    VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE           = 18, /* agent_lifecycle_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_ADDED              = 19, /* device_cb */
    VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION       = 20, /* migration_iteration_cb */
    VIR_DOMAIN_EVENT_ID_JOB_COMPLETED             = 21, /* job_completed_cb */
    VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED     = 22, /* device_cb */
    VIR_DOMAIN_EVENT_ID_METADATA_CHANGE           = 23, /* metadata_change_cb */
    VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD           = 24, /* block_threshold_cb */
    VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE            = 25, /* memory_failure_cb */
    VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE = 26, /* memory_device_size_change_cb */
};

/* One end of a graphics connection (virDomainEventGraphicsAddress). */
struct vireo_domain_event_graphics_address {
    int         family;     /* 0 IPv4, 1 IPv6, 2 UNIX */
    const char *node;
    const char *service;
};

/* Who authenticated a graphics client (virDomainEventGraphicsSubject). */
struct vireo_domain_event_graphics_identity {
    const char *type;       /* "x509dname", "saslUsername", ... */
    const char *name;
};
struct vireo_domain_event_graphics_subject {
    int                                                n_identities;
    const struct vireo_domain_event_graphics_identity *identities;
};

/* The callbacks, one per argument list (libvirt's
 * virConnectDomainEvent*Callback). Pointers passed in are valid for the
 * duration of the call only. */
typedef void (*vireo_domain_event_rtc_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, long long utc_offset,
    void *opaque);
typedef void (*vireo_domain_event_watchdog_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int action,
    void *opaque);
typedef void (*vireo_domain_event_io_error_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *src_path,
    const char *dev_alias, int action, void *opaque);
typedef void (*vireo_domain_event_graphics_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int phase,
    const struct vireo_domain_event_graphics_address *local,
    const struct vireo_domain_event_graphics_address *remote,
    const char *auth_scheme,
    const struct vireo_domain_event_graphics_subject *subject, void *opaque);
typedef void (*vireo_domain_event_io_error_reason_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *src_path,
    const char *dev_alias, int action, const char *reason, void *opaque);
typedef void (*vireo_domain_event_block_job_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *disk,
    int type, int status, void *opaque);
/* old_src_path and new_src_path may be NULL (no medium). */
typedef void (*vireo_domain_event_disk_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *old_src_path, const char *new_src_path,
    const char *dev_alias, int reason, void *opaque);
typedef void (*vireo_domain_event_tray_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *dev_alias, int reason, void *opaque);
/* PM wakeup, PM suspend and PM suspend to disk. */
typedef void (*vireo_domain_event_pm_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int reason,
    void *opaque);
typedef void (*vireo_domain_event_balloon_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    unsigned long long actual_kib, void *opaque);
/* Device removed, added, and removal failed. */
typedef void (*vireo_domain_event_device_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const char *dev_alias, void *opaque);
typedef void (*vireo_domain_event_tunable_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const struct vireo_typed_param *params, int n_params, void *opaque);
typedef void (*vireo_domain_event_agent_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int state,
    int reason, void *opaque);
typedef void (*vireo_domain_event_migration_iteration_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int iteration,
    void *opaque);
typedef void (*vireo_domain_event_job_completed_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom,
    const struct vireo_typed_param *params, int n_params, void *opaque);
/* nsuri is NULL unless type is VIR_DOMAIN_METADATA_ELEMENT. */
typedef void (*vireo_domain_event_metadata_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int type,
    const char *nsuri, void *opaque);
typedef void (*vireo_domain_event_block_threshold_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *dev,
    const char *path, unsigned long long threshold,
    unsigned long long excess, void *opaque);
typedef void (*vireo_domain_event_memory_failure_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, int recipient,
    int action, unsigned int flags, void *opaque);
typedef void (*vireo_domain_event_memory_device_size_change_cb)(
    struct vireo_conn *conn, struct vireo_domain *dom, const char *alias,
    unsigned long long size, void *opaque);

/* Domain tuning: pinning, NUMA and I/O threads. */

/* The fields of vireo_domain_get_numa_params() and
 * vireo_domain_set_iothread_params(), libvirt's names. */
#define VIR_DOMAIN_NUMA_MODE              "numa_mode"
#define VIR_DOMAIN_NUMA_NODESET           "numa_nodeset"
#define VIR_DOMAIN_IOTHREAD_POLL_MAX_NS   "poll_max_ns"
#define VIR_DOMAIN_IOTHREAD_POLL_GROW     "poll_grow"
#define VIR_DOMAIN_IOTHREAD_POLL_SHRINK   "poll_shrink"

/* One I/O thread as vireo_domain_get_iothread_info() reports it (libvirt's
 * virDomainIOThreadInfo): the host CPUs it may run on, cpumaplen bytes,
 * bit i of byte i / 8 for CPU i. */
struct vireo_iothread_info {
    unsigned int   iothread_id;
    unsigned char *cpumap;       /* malloc'ed */
    int            cpumaplen;
};

/* CPU sets in libvirt's text form ("0-3,^2,8", as virsh's cpulists and
 * <vcpupin cpuset=...>): parse text into map (maplen bytes, zeroed
 * first), 0, or -1 with VIR_ERR_INVALID_ARG "Failed to parse bitmap" when
 * it does not read or names a CPU at or beyond maplen * 8; and the
 * canonical text of a map ("0-1,3"; "" when empty), malloc'ed, or NULL
 * when memory is short. */
VIREO_API int vireo_cpumap_parse(const char *text, unsigned char *map,
                                 int maplen, struct vireo_error *err);
VIREO_API char *vireo_cpumap_format(const unsigned char *map, int maplen);

/* Free an array vireo_domain_get_iothread_info() returned, and the maps
 * it holds. NULL is a no-op. */
VIREO_API void vireo_iothread_info_list_free(struct vireo_iothread_info *info,
                                             int n);

/* libvirt's virDomainPinVcpuFlags (flags 0 stands for virDomainPinVcpu),
 * virDomainPinEmulator and virDomainGetEmulatorPinInfo (which returns 1
 * and fills cpumap): maps of maplen bytes as above. */
VIREO_API int vireo_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                                    const unsigned char *cpumap, int maplen,
                                    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_pin_emulator(struct vireo_domain *dom,
                                        const unsigned char *cpumap,
                                        int maplen, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                                 unsigned char *cpumap,
                                                 int maplen, unsigned flags,
                                                 struct vireo_error *err);
/* libvirt's virDomainGetNumaParameters and virDomainSetNumaParameters:
 * VIR_DOMAIN_NUMA_MODE (int) and VIR_DOMAIN_NUMA_NODESET (string). The
 * getter appends to params (clear it with vireo_typed_params_clear()). */
VIREO_API int vireo_domain_get_numa_params(struct vireo_domain *dom,
                                           struct vireo_typed_params *params,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_domain_set_numa_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
/* libvirt's virDomainGetIOThreadInfo: the count of *info, a malloc'ed
 * array (NULL when 0) to free with vireo_iothread_info_list_free(). */
VIREO_API int vireo_domain_get_iothread_info(struct vireo_domain *dom,
                                             struct vireo_iothread_info **info,
                                             unsigned flags,
                                             struct vireo_error *err);
/* libvirt's virDomainPinIOThread, virDomainAddIOThread,
 * virDomainDelIOThread and virDomainSetIOThreadParams. */
VIREO_API int vireo_domain_pin_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id,
                                        const unsigned char *cpumap,
                                        int maplen, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_add_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_del_iothread(struct vireo_domain *dom,
                                        unsigned iothread_id, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_set_iothread_params(
    struct vireo_domain *dom, unsigned iothread_id,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* Domain tuning: block and interface I/O, perf. */

/* The parameters of vireo_domain_get/set_blkio_params (libvirt's names):
 * the weight (uint), and per-device values as strings "path,value,...". */
#define VIR_DOMAIN_BLKIO_WEIGHT             "weight"
#define VIR_DOMAIN_BLKIO_DEVICE_WEIGHT      "device_weight"
#define VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS   "device_read_iops_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS  "device_write_iops_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_READ_BPS    "device_read_bytes_sec"
#define VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS   "device_write_bytes_sec"

/* The parameters of vireo_domain_get/set_interface_params (uint, kB/s or
 * kB). */
#define VIR_DOMAIN_BANDWIDTH_IN_AVERAGE  "inbound.average"
#define VIR_DOMAIN_BANDWIDTH_IN_PEAK     "inbound.peak"
#define VIR_DOMAIN_BANDWIDTH_IN_BURST    "inbound.burst"
#define VIR_DOMAIN_BANDWIDTH_IN_FLOOR    "inbound.floor"
#define VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE "outbound.average"
#define VIR_DOMAIN_BANDWIDTH_OUT_PEAK    "outbound.peak"
#define VIR_DOMAIN_BANDWIDTH_OUT_BURST   "outbound.burst"

/* vireo_domain_get_blkio_params: <blkiotune> of the definition flags
 * name (VIR_DOMAIN_AFFECT_*). Fills params (the caller clears them). */
VIREO_API int vireo_domain_get_blkio_params(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_blkio_params(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* A disk's I/O throttling (<iotune>), the disk named by its target
 * ("vda") or source path; parameters "total_bytes_sec" ... (ullong) and
 * "group_name" (string), libvirt's names. */
VIREO_API int vireo_domain_get_block_io_tune(
    struct vireo_domain *dom, const char *disk,
    struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_set_block_io_tune(
    struct vireo_domain *dom, const char *disk,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* An interface's <bandwidth>, the interface named by its target device
 * or MAC address (VIR_DOMAIN_BANDWIDTH_*). */
VIREO_API int vireo_domain_get_interface_params(
    struct vireo_domain *dom, const char *device,
    struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_set_interface_params(
    struct vireo_domain *dom, const char *device,
    const struct vireo_typed_params *params, unsigned flags,
    struct vireo_error *err);

/* <perf>: one boolean per perf event, named as libvirt ("cmt",
 * "cpu_cycles" ...). */
VIREO_API int vireo_domain_get_perf_events(
    struct vireo_domain *dom, struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_set_perf_events(
    struct vireo_domain *dom, const struct vireo_typed_params *params,
    unsigned flags, struct vireo_error *err);

/* Networks. */
/* libvirt's virNetworkPtr: a network's name and uuid on a connection. */
struct vireo_network;

/* libvirt's virConnectListAllNetworksFlags. */
enum {
    VIREO_CONNECT_LIST_NETWORKS_INACTIVE     = 1 << 0,
    VIREO_CONNECT_LIST_NETWORKS_ACTIVE       = 1 << 1,
    VIREO_CONNECT_LIST_NETWORKS_PERSISTENT   = 1 << 2,
    VIREO_CONNECT_LIST_NETWORKS_TRANSIENT    = 1 << 3,
    VIREO_CONNECT_LIST_NETWORKS_AUTOSTART    = 1 << 4,
    VIREO_CONNECT_LIST_NETWORKS_NO_AUTOSTART = 1 << 5,
};
/* virNetworkXMLFlags, virNetworkDefineFlags, virNetworkUpdateFlags. */
enum {
    VIREO_NETWORK_XML_INACTIVE           = 1 << 0,
    VIREO_NETWORK_DEFINE_VALIDATE        = 1 << 0,
    VIREO_NETWORK_UPDATE_AFFECT_CURRENT  = 0,
    VIREO_NETWORK_UPDATE_AFFECT_LIVE     = 1 << 0,
    VIREO_NETWORK_UPDATE_AFFECT_CONFIG   = 1 << 1,
};
/* virNetworkUpdateCommand. */
enum {
    VIREO_NETWORK_UPDATE_COMMAND_NONE      = 0,
    VIREO_NETWORK_UPDATE_COMMAND_MODIFY    = 1,
    VIREO_NETWORK_UPDATE_COMMAND_DELETE    = 2,
    VIREO_NETWORK_UPDATE_COMMAND_ADD_LAST  = 3,
    VIREO_NETWORK_UPDATE_COMMAND_ADD_FIRST = 4,
};
/* virNetworkUpdateSection. */
enum {
    VIREO_NETWORK_SECTION_NONE              = 0,
    VIREO_NETWORK_SECTION_BRIDGE            = 1,
    VIREO_NETWORK_SECTION_DOMAIN            = 2,
    VIREO_NETWORK_SECTION_IP                = 3,
    VIREO_NETWORK_SECTION_IP_DHCP_HOST      = 4,
    VIREO_NETWORK_SECTION_IP_DHCP_RANGE     = 5,
    VIREO_NETWORK_SECTION_FORWARD           = 6,
    VIREO_NETWORK_SECTION_FORWARD_INTERFACE = 7,
    VIREO_NETWORK_SECTION_FORWARD_PF        = 8,
    VIREO_NETWORK_SECTION_PORTGROUP         = 9,
    VIREO_NETWORK_SECTION_DNS_HOST          = 10,
    VIREO_NETWORK_SECTION_DNS_TXT           = 11,
    VIREO_NETWORK_SECTION_DNS_SRV           = 12,
};

VIREO_API int vireo_conn_num_of_networks(struct vireo_conn *conn,
                                         struct vireo_error *err);
VIREO_API int vireo_conn_num_of_defined_networks(struct vireo_conn *conn,
                                                 struct vireo_error *err);
/* Up to maxnames names into names (malloc'ed; the caller frees each). */
VIREO_API int vireo_conn_list_networks(struct vireo_conn *conn, char **names,
                                       int maxnames, struct vireo_error *err);
VIREO_API int vireo_conn_list_defined_networks(struct vireo_conn *conn,
                                               char **names, int maxnames,
                                               struct vireo_error *err);
/* The networks flags select; *nets (when nets is not NULL) is a malloc'ed
 * array the caller frees with vireo_network_array_free. */
VIREO_API int vireo_conn_list_all_networks(struct vireo_conn *conn,
                                           struct vireo_network ***nets,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_lookup_by_uuid_string(
    struct vireo_conn *conn, const char *uuid, struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_network *vireo_network_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_network_undefine(struct vireo_network *net,
                                     struct vireo_error *err);
VIREO_API int vireo_network_create(struct vireo_network *net,
                                   struct vireo_error *err);
VIREO_API int vireo_network_destroy(struct vireo_network *net,
                                    struct vireo_error *err);
/* malloc'ed; the caller frees. */
VIREO_API char *vireo_network_get_xml_desc(struct vireo_network *net,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API char *vireo_network_get_bridge_name(struct vireo_network *net,
                                              struct vireo_error *err);
VIREO_API int vireo_network_get_autostart(struct vireo_network *net,
                                          int *autostart,
                                          struct vireo_error *err);
VIREO_API int vireo_network_set_autostart(struct vireo_network *net,
                                          int autostart,
                                          struct vireo_error *err);
VIREO_API int vireo_network_is_active(struct vireo_network *net,
                                      struct vireo_error *err);
VIREO_API int vireo_network_is_persistent(struct vireo_network *net,
                                          struct vireo_error *err);
VIREO_API int vireo_network_update(struct vireo_network *net,
                                   unsigned command, unsigned section,
                                   int parent_index, const char *xml,
                                   unsigned flags, struct vireo_error *err);
/* The handle's own fields; valid while the handle is held. */
VIREO_API const char *vireo_network_get_name(const struct vireo_network *net);
VIREO_API void vireo_network_get_uuid(const struct vireo_network *net,
                                      unsigned char uuid[VIREO_UUID_BUFLEN]);
VIREO_API struct vireo_network *vireo_network_ref(struct vireo_network *net);
VIREO_API void vireo_network_free(struct vireo_network *net);
VIREO_API void vireo_network_array_free(struct vireo_network **nets, int n);


/* Storage pools and volumes. */

/* libvirt's virStoragePoolPtr and virStorageVolPtr: a pool by name and
 * uuid, a volume by its pool's name, its name and its key. A returned
 * handle is the caller's (vireo_storage_pool_free, vireo_storage_vol_free);
 * a returned list is a malloc'ed array of n handles and a NULL, each
 * freed, then the array. */
struct vireo_storage_pool;
struct vireo_storage_vol;

/* libvirt's virStoragePoolState. */
enum vireo_storage_pool_state {
    VIR_STORAGE_POOL_INACTIVE     = 0,
    VIR_STORAGE_POOL_BUILDING     = 1,
    VIR_STORAGE_POOL_RUNNING      = 2,
    VIR_STORAGE_POOL_DEGRADED     = 3,
    VIR_STORAGE_POOL_INACCESSIBLE = 4,
};

/* libvirt's virStorageVolType. */
enum vireo_storage_vol_type {
    VIR_STORAGE_VOL_FILE    = 0,
    VIR_STORAGE_VOL_BLOCK   = 1,
    VIR_STORAGE_VOL_DIR     = 2,
    VIR_STORAGE_VOL_NETWORK = 3,
    VIR_STORAGE_VOL_NETDIR  = 4,
    VIR_STORAGE_VOL_PLOOP   = 5,
};

/* libvirt's virConnectListAllStoragePoolsFlags: filters, or-ed within a
 * group, and-ed across groups; no bit of a group means all. */
enum vireo_storage_pool_list_flags {
    VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE     = 1 << 0,
    VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE       = 1 << 1,
    VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT   = 1 << 2,
    VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT    = 1 << 3,
    VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART    = 1 << 4,
    VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART = 1 << 5,
    /* One bit per pool type, from DIR, in virStoragePoolType's order. */
    VIR_CONNECT_LIST_STORAGE_POOLS_DIR          = 1 << 6,
    VIR_CONNECT_LIST_STORAGE_POOLS_FS           = 1 << 7,
    VIR_CONNECT_LIST_STORAGE_POOLS_NETFS        = 1 << 8,
    VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL      = 1 << 9,
    VIR_CONNECT_LIST_STORAGE_POOLS_DISK         = 1 << 10,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI        = 1 << 11,
    VIR_CONNECT_LIST_STORAGE_POOLS_SCSI         = 1 << 12,
    VIR_CONNECT_LIST_STORAGE_POOLS_MPATH        = 1 << 13,
    VIR_CONNECT_LIST_STORAGE_POOLS_RBD          = 1 << 14,
    VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG     = 1 << 15,
    VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER      = 1 << 16,
    VIR_CONNECT_LIST_STORAGE_POOLS_ZFS          = 1 << 17,
    VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE     = 1 << 18,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT = 1 << 19,
};

/* virStoragePoolGetInfo's answer; capacities in bytes. */
struct vireo_storage_pool_info {
    int                state;        /* enum vireo_storage_pool_state */
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long available;
};

/* virStorageVolGetInfo's answer; sizes in bytes. */
struct vireo_storage_vol_info {
    int                type;         /* enum vireo_storage_vol_type */
    unsigned long long capacity;
    unsigned long long allocation;
};

VIREO_API const char *vireo_storage_pool_get_name(
    const struct vireo_storage_pool *pool);
/* The 16 bytes of its uuid, borrowed from the handle. */
VIREO_API const unsigned char *vireo_storage_pool_get_uuid(
    const struct vireo_storage_pool *pool);
VIREO_API void vireo_storage_pool_free(struct vireo_storage_pool *pool);
/* flags: enum vireo_storage_pool_list_flags. Returns n or -1. */
VIREO_API int vireo_conn_list_all_storage_pools(
    struct vireo_conn *conn, struct vireo_storage_pool ***pools,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_volume(
    struct vireo_storage_vol *vol, struct vireo_error *err);
/* virStoragePoolDefineXML and virStoragePoolCreateXML (a transient pool,
 * started). */
VIREO_API struct vireo_storage_pool *vireo_storage_pool_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
/* The lifecycle calls, libvirt's of the same names: 0 or -1. */
VIREO_API int vireo_storage_pool_create(struct vireo_storage_pool *pool,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_storage_pool_build(struct vireo_storage_pool *pool,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_storage_pool_destroy(struct vireo_storage_pool *pool,
                                         struct vireo_error *err);
VIREO_API int vireo_storage_pool_delete(struct vireo_storage_pool *pool,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_storage_pool_undefine(struct vireo_storage_pool *pool,
                                          struct vireo_error *err);
VIREO_API int vireo_storage_pool_refresh(struct vireo_storage_pool *pool,
                                         unsigned flags,
                                         struct vireo_error *err);
/* The pool's document; the caller frees it. NULL on error. */
VIREO_API char *vireo_storage_pool_get_xml_desc(
    struct vireo_storage_pool *pool, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_storage_pool_get_info(struct vireo_storage_pool *pool,
                                          struct vireo_storage_pool_info *info,
                                          struct vireo_error *err);
VIREO_API int vireo_storage_pool_get_autostart(
    struct vireo_storage_pool *pool, int *autostart,
    struct vireo_error *err);
VIREO_API int vireo_storage_pool_set_autostart(
    struct vireo_storage_pool *pool, int autostart, struct vireo_error *err);
/* 1 or 0, or -1 on error. */
VIREO_API int vireo_storage_pool_is_active(struct vireo_storage_pool *pool,
                                           struct vireo_error *err);
VIREO_API int vireo_storage_pool_is_persistent(
    struct vireo_storage_pool *pool, struct vireo_error *err);
/* virConnectFindStoragePoolSources: a <sources> document the caller
 * frees; src_spec may be NULL. */
VIREO_API char *vireo_conn_find_storage_pool_sources(
    struct vireo_conn *conn, const char *type, const char *src_spec,
    unsigned flags, struct vireo_error *err);

VIREO_API const char *vireo_storage_vol_get_name(
    const struct vireo_storage_vol *vol);
VIREO_API const char *vireo_storage_vol_get_key(
    const struct vireo_storage_vol *vol);
/* The name of the pool holding it, borrowed from the handle. */
VIREO_API const char *vireo_storage_vol_get_pool_name(
    const struct vireo_storage_vol *vol);
VIREO_API void vireo_storage_vol_free(struct vireo_storage_vol *vol);
/* flags: none yet. Returns n or -1. */
VIREO_API int vireo_storage_pool_list_all_volumes(
    struct vireo_storage_pool *pool, struct vireo_storage_vol ***vols,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_name(
    struct vireo_storage_pool *pool, const char *name,
    struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_key(
    struct vireo_conn *conn, const char *key, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_path(
    struct vireo_conn *conn, const char *path, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_create_xml(
    struct vireo_storage_pool *pool, const char *xml, unsigned flags,
    struct vireo_error *err);
/* A new volume described by xml, its contents copied from clone. */
VIREO_API struct vireo_storage_vol *vireo_storage_vol_create_xml_from(
    struct vireo_storage_pool *pool, const char *xml,
    struct vireo_storage_vol *clone, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_storage_vol_delete(struct vireo_storage_vol *vol,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API char *vireo_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                               unsigned flags,
                                               struct vireo_error *err);
VIREO_API int vireo_storage_vol_get_info(struct vireo_storage_vol *vol,
                                         struct vireo_storage_vol_info *info,
                                         struct vireo_error *err);
/* The volume's path on the host; the caller frees it. */
VIREO_API char *vireo_storage_vol_get_path(struct vireo_storage_vol *vol,
                                           struct vireo_error *err);

/* Storage volume contents. virStorageVolWipe writes zeros over the
 * volume (algorithm 0 of virStorageVolWipePattern, libvirt's
 * virStorageVolWipeAlgorithm); virStorageVolResize sets its capacity in
 * bytes, with flags VIREO_STORAGE_VOL_RESIZE_*. */
enum vireo_storage_vol_resize_flags {
    VIREO_STORAGE_VOL_RESIZE_ALLOCATE = 1 << 0,
    VIREO_STORAGE_VOL_RESIZE_DELTA    = 1 << 1,
    VIREO_STORAGE_VOL_RESIZE_SHRINK   = 1 << 2,
};
VIREO_API int vireo_storage_vol_wipe(struct vireo_storage_vol *vol,
                                     unsigned flags,
                                     struct vireo_error *err);
VIREO_API int vireo_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                                             unsigned algorithm,
                                             unsigned flags,
                                             struct vireo_error *err);
VIREO_API int vireo_storage_vol_resize(struct vireo_storage_vol *vol,
                                       unsigned long long capacity,
                                       unsigned flags,
                                       struct vireo_error *err);

/* Node devices and host interfaces. */
/* libvirt's virNodeDevicePtr and virInterfacePtr: a host device, and a
 * host network interface, by name. A returned handle is the caller's
 * (vireo_node_device_free, vireo_interface_free); a returned list is a
 * malloc'ed array of n handles and a NULL, each freed, then the array. */
struct vireo_node_device;
struct vireo_interface;

/* Flags of vireo_connect_list_all_node_devices(): the capabilities a
 * device must have (any of those given; none: every device), and its
 * state. */
enum vireo_connect_list_node_devices_flags {
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM        = 1 << 0,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV       = 1 << 1,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV       = 1 << 2,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE = 1 << 3,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET           = 1 << 4,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST     = 1 << 5,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET   = 1 << 6,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI          = 1 << 7,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE       = 1 << 8,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST       = 1 << 9,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS        = 1 << 10,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC  = 1 << 11,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM           = 1 << 12,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES    = 1 << 13,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV          = 1 << 14,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV       = 1 << 15,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV       = 1 << 16,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA          = 1 << 17,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD       = 1 << 18,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE      = 1 << 19,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX     = 1 << 20,
    VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD           = 1 << 21,
    VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE          = 1 << 30,
    VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE            = 1u << 31,
};

/* Flags of vireo_connect_list_all_interfaces(). */
enum vireo_connect_list_interfaces_flags {
    VIR_CONNECT_LIST_INTERFACES_INACTIVE = 1 << 0,
    VIR_CONNECT_LIST_INTERFACES_ACTIVE   = 1 << 1,
};

/* Flags of vireo_interface_get_xml_desc() and _define_xml(). */
enum vireo_interface_xml_flags {
    VIR_INTERFACE_XML_INACTIVE = 1 << 0,
};
enum vireo_interface_define_flags {
    VIR_INTERFACE_DEFINE_VALIDATE = 1 << 0,
};

/* Node devices, libvirt's virNodeDevice* calls one for one. cap (NULL:
 * any) is a capability name ("scsi_host"). Listed names are malloc'ed,
 * the caller's. */
VIREO_API int vireo_node_num_of_devices(struct vireo_conn *conn,
                                        const char *cap, unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_node_list_devices(struct vireo_conn *conn,
                                      const char *cap, char **names,
                                      int maxnames, unsigned flags,
                                      struct vireo_error *err);
/* flags: enum vireo_connect_list_node_devices_flags. devs may be NULL
 * (only count). */
VIREO_API int vireo_connect_list_all_node_devices(
    struct vireo_conn *conn, struct vireo_node_device ***devs,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_node_device *vireo_node_device_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API const char *vireo_node_device_get_name(
    const struct vireo_node_device *dev);
VIREO_API void vireo_node_device_free(struct vireo_node_device *dev);
/* The <device> document; the caller frees it. */
VIREO_API char *vireo_node_device_get_xml_desc(struct vireo_node_device *dev,
                                               unsigned flags,
                                               struct vireo_error *err);
/* The parent's name, malloc'ed; NULL with err set when there is none
 * (as libvirt's driver says) or on error. */
VIREO_API char *vireo_node_device_get_parent(struct vireo_node_device *dev,
                                             struct vireo_error *err);
VIREO_API int vireo_node_device_num_of_caps(struct vireo_node_device *dev,
                                            struct vireo_error *err);
VIREO_API int vireo_node_device_list_caps(struct vireo_node_device *dev,
                                          char **names, int maxnames,
                                          struct vireo_error *err);
VIREO_API struct vireo_node_device *vireo_node_device_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_node_device_destroy(struct vireo_node_device *dev,
                                        struct vireo_error *err);

/* Host interfaces, libvirt's virInterface* calls one for one. */
VIREO_API int vireo_connect_num_of_interfaces(struct vireo_conn *conn,
                                              struct vireo_error *err);
VIREO_API int vireo_connect_list_interfaces(struct vireo_conn *conn,
                                            char **names, int maxnames,
                                            struct vireo_error *err);
VIREO_API int vireo_connect_num_of_defined_interfaces(
    struct vireo_conn *conn, struct vireo_error *err);
VIREO_API int vireo_connect_list_defined_interfaces(struct vireo_conn *conn,
                                                    char **names,
                                                    int maxnames,
                                                    struct vireo_error *err);
/* flags: enum vireo_connect_list_interfaces_flags. ifaces may be NULL. */
VIREO_API int vireo_connect_list_all_interfaces(
    struct vireo_conn *conn, struct vireo_interface ***ifaces,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_lookup_by_mac_string(
    struct vireo_conn *conn, const char *mac, struct vireo_error *err);
VIREO_API const char *vireo_interface_get_name(
    const struct vireo_interface *iface);
/* The MAC address the handle was made with ("" when none). */
VIREO_API const char *vireo_interface_get_mac_string(
    const struct vireo_interface *iface);
VIREO_API void vireo_interface_free(struct vireo_interface *iface);
/* The <interface> document; the caller frees it. */
VIREO_API char *vireo_interface_get_xml_desc(struct vireo_interface *iface,
                                             unsigned flags,
                                             struct vireo_error *err);
VIREO_API struct vireo_interface *vireo_interface_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_interface_undefine(struct vireo_interface *iface,
                                       struct vireo_error *err);
VIREO_API int vireo_interface_create(struct vireo_interface *iface,
                                     unsigned flags, struct vireo_error *err);
VIREO_API int vireo_interface_destroy(struct vireo_interface *iface,
                                      unsigned flags,
                                      struct vireo_error *err);
/* 1 active, 0 inactive, -1 error. */
VIREO_API int vireo_interface_is_active(struct vireo_interface *iface,
                                        struct vireo_error *err);
/* A transaction over the host's interface configuration: begin keeps a
 * copy, commit drops it, rollback restores it. */
VIREO_API int vireo_interface_change_begin(struct vireo_conn *conn,
                                           unsigned flags,
                                           struct vireo_error *err);
VIREO_API int vireo_interface_change_commit(struct vireo_conn *conn,
                                            unsigned flags,
                                            struct vireo_error *err);
VIREO_API int vireo_interface_change_rollback(struct vireo_conn *conn,
                                              unsigned flags,
                                              struct vireo_error *err);

/* Domain checkpoints. */

/* libvirt's virDomainCheckpointPtr: a domain's checkpoint, by name. */
struct vireo_domain_checkpoint;

/* Flags of vireo_domain_checkpoint_create_xml(). */
enum vireo_domain_checkpoint_create_flags {
    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE          = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE           = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE = 1 << 2,
};

/* Flags of vireo_domain_checkpoint_get_xml_desc(). */
enum vireo_domain_checkpoint_xml_flags {
    VIR_DOMAIN_CHECKPOINT_XML_SECURE    = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_XML_SIZE      = 1 << 2,
};

/* Flags of the checkpoint listings: ROOTS from the domain and
 * DESCENDANTS from a checkpoint share a bit. */
enum vireo_domain_checkpoint_list_flags {
    VIR_DOMAIN_CHECKPOINT_LIST_ROOTS       = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_LIST_LEAVES      = 1 << 2,
    VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES   = 1 << 3,
};

/* Flags of vireo_domain_checkpoint_delete(). */
enum vireo_domain_checkpoint_delete_flags {
    VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN      = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY = 1 << 2,
};

/* Flag of vireo_domain_undefine(): drop the checkpoints' metadata too. */
enum {
    VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA = 1 << 4,
};

/* Checkpoints, libvirt's virDomainCheckpoint* calls one for one. A
 * returned handle is the caller's (vireo_domain_checkpoint_free); a
 * returned list is a malloc'ed array of n handles and a NULL, each freed,
 * then the array. */
VIREO_API const char *vireo_domain_checkpoint_get_name(
    const struct vireo_domain_checkpoint *chk);
/* The domain, borrowed from the checkpoint handle. */
VIREO_API struct vireo_domain *vireo_domain_checkpoint_get_domain(
    const struct vireo_domain_checkpoint *chk);
VIREO_API void vireo_domain_checkpoint_free(
    struct vireo_domain_checkpoint *chk);
VIREO_API struct vireo_domain_checkpoint *vireo_domain_checkpoint_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
/* The <domaincheckpoint> document; the caller frees it. */
VIREO_API char *vireo_domain_checkpoint_get_xml_desc(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
/* chks may be NULL to only count. Returns n or -1. */
VIREO_API int vireo_domain_list_all_checkpoints(
    struct vireo_domain *dom, struct vireo_domain_checkpoint ***chks,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_domain_checkpoint *
vireo_domain_checkpoint_lookup_by_name(struct vireo_domain *dom,
                                       const char *name, unsigned flags,
                                       struct vireo_error *err);
VIREO_API struct vireo_domain_checkpoint *vireo_domain_checkpoint_get_parent(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_checkpoint_delete(
    struct vireo_domain_checkpoint *chk, unsigned flags,
    struct vireo_error *err);

/* Object events: networks, storage pools, node devices. */
/* The handles these events name; each kind's section declares its own
 * functions. */
struct vireo_network;
struct vireo_storage_pool;
struct vireo_node_device;

/* libvirt's virNetworkEventID and virNetworkEventLifecycleType. */
enum vireo_network_event_id {
    VIR_NETWORK_EVENT_ID_LIFECYCLE = 0,
    VIR_NETWORK_EVENT_ID_LAST
};
enum vireo_network_event_lifecycle_type {
    VIR_NETWORK_EVENT_DEFINED   = 0,
    VIR_NETWORK_EVENT_UNDEFINED = 1,
    VIR_NETWORK_EVENT_STARTED   = 2,
    VIR_NETWORK_EVENT_STOPPED   = 3,
    VIR_NETWORK_EVENT_LAST
};
/* libvirt's virStoragePoolEventID and virStoragePoolEventLifecycleType. */
enum vireo_storage_pool_event_id {
    VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE = 0,
    VIR_STORAGE_POOL_EVENT_ID_REFRESH   = 1,
    VIR_STORAGE_POOL_EVENT_ID_LAST
};
enum vireo_storage_pool_event_lifecycle_type {
    VIR_STORAGE_POOL_EVENT_DEFINED   = 0,
    VIR_STORAGE_POOL_EVENT_UNDEFINED = 1,
    VIR_STORAGE_POOL_EVENT_STARTED   = 2,
    VIR_STORAGE_POOL_EVENT_STOPPED   = 3,
    VIR_STORAGE_POOL_EVENT_CREATED   = 4,
    VIR_STORAGE_POOL_EVENT_DELETED   = 5,
    VIR_STORAGE_POOL_EVENT_LAST
};
/* libvirt's virNodeDeviceEventID and virNodeDeviceEventLifecycleType. */
enum vireo_node_device_event_id {
    VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE = 0,
    VIR_NODE_DEVICE_EVENT_ID_UPDATE    = 1,
    VIR_NODE_DEVICE_EVENT_ID_LAST
};
enum vireo_node_device_event_lifecycle_type {
    VIR_NODE_DEVICE_EVENT_CREATED   = 0,
    VIR_NODE_DEVICE_EVENT_DELETED   = 1,
    VIR_NODE_DEVICE_EVENT_DEFINED   = 2,
    VIR_NODE_DEVICE_EVENT_UNDEFINED = 3,
    VIR_NODE_DEVICE_EVENT_LAST
};

/* As for domains, a callback is registered under its kind's generic type
 * and called with its event id's own argument list: LIFECYCLE ids take
 * (event, detail), REFRESH and UPDATE nothing more. */
typedef void (*vireo_network_event_generic_cb)(struct vireo_conn *conn,
                                               struct vireo_network *net,
                                               void *opaque);
typedef void (*vireo_network_event_lifecycle_cb)(struct vireo_conn *conn,
                                                 struct vireo_network *net,
                                                 int event, int detail,
                                                 void *opaque);
#define VIREO_NETWORK_EVENT_CALLBACK(cb) ((vireo_network_event_generic_cb)(void (*)(void))(cb))

typedef void (*vireo_storage_pool_event_generic_cb)(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, void *opaque);
typedef void (*vireo_storage_pool_event_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event,
    int detail, void *opaque);
#define VIREO_STORAGE_POOL_EVENT_CALLBACK(cb) ((vireo_storage_pool_event_generic_cb)(void (*)(void))(cb))

typedef void (*vireo_node_device_event_generic_cb)(
    struct vireo_conn *conn, struct vireo_node_device *dev, void *opaque);
typedef void (*vireo_node_device_event_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event,
    int detail, void *opaque);
#define VIREO_NODE_DEVICE_EVENT_CALLBACK(cb) ((vireo_node_device_event_generic_cb)(void (*)(void))(cb))

/* Register cb for event_id (VIR_NETWORK_EVENT_ID_*) about net, or every
 * network when net is NULL; events arrive on the registered event loop.
 * Returns the callback id, or -1 with err set. */
VIREO_API int vireo_conn_network_event_register_any(
    struct vireo_conn *conn, struct vireo_network *net, int event_id,
    vireo_network_event_generic_cb cb, void *opaque, vireo_free_cb free_cb,
    struct vireo_error *err);
VIREO_API int vireo_conn_network_event_deregister_any(struct vireo_conn *conn,
                                                      int callback_id,
                                                      struct vireo_error *err);
/* libvirt's words for a network lifecycle event ("Started"). */
VIREO_API const char *vireo_network_event_type_string(int event);

/* Storage pool events: the same for event_id VIR_STORAGE_POOL_EVENT_ID_*
 * about pool, or every pool when pool is NULL. */
VIREO_API int vireo_conn_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
VIREO_API int vireo_conn_storage_pool_event_deregister_any(
    struct vireo_conn *conn, int callback_id, struct vireo_error *err);
/* virsh's words for a storage pool lifecycle event ("Started"). */
VIREO_API const char *vireo_storage_pool_event_type_string(int event);

/* Node device events: event_id VIR_NODE_DEVICE_EVENT_ID_* about dev, or
 * every device when dev is NULL. */
VIREO_API int vireo_conn_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
VIREO_API int vireo_conn_node_device_event_deregister_any(
    struct vireo_conn *conn, int callback_id, struct vireo_error *err);
/* virsh's words for a node device lifecycle event ("Created"). */
VIREO_API const char *vireo_node_device_event_type_string(int event);

/* Network DHCP leases. */

/* One lease a network's DHCP server gave (libvirt's
 * virNetworkDHCPLease). */
struct vireo_network_dhcp_lease {
    char              *iface;        /* the network's bridge */
    long long          expirytime;   /* seconds since the epoch */
    int                type;         /* VIR_IP_ADDR_TYPE_IPV4 0, IPV6 1 */
    char              *mac;          /* may be NULL */
    char              *iaid;         /* IPv6 only; may be NULL */
    char              *ipaddr;
    unsigned int       prefix;
    char              *hostname;     /* may be NULL */
    char              *clientid;     /* may be NULL */
};

/* libvirt's virNetworkGetDHCPLeases: the leases of net, only those of
 * mac when it is not NULL. Returns their count (with leases NULL, only
 * the count), or -1 with err set; *leases is a malloc'ed array of that
 * many leases, each freed with vireo_network_dhcp_lease_free(), then the
 * array with free(). */
VIREO_API int vireo_network_get_dhcp_leases(
    struct vireo_network *net, const char *mac,
    struct vireo_network_dhcp_lease ***leases, unsigned flags,
    struct vireo_error *err);
VIREO_API void vireo_network_dhcp_lease_free(
    struct vireo_network_dhcp_lease *lease);

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


/* ---- Statistics groups of the QEMU driver's domstats ------------------ */

/* More groups of vireo_conn_get_all_domain_stats(), libvirt's numbers:
 * net.N.* (each interface's tap counters) and block.N.* (each disk's). */
enum vireo_domain_stats_device_types {
    VIR_DOMAIN_STATS_INTERFACE = 1 << 4,
    VIR_DOMAIN_STATS_BLOCK     = 1 << 5,
};

/* Streams: libvirt's virStream. A stream is made empty on a connection,
 * opened by the call that gives it data (vireo_storage_vol_upload or
 * vireo_storage_vol_download), fed with vireo_stream_send (or drained
 * with vireo_stream_recv) and then ended with vireo_stream_finish, which
 * returns whether the other end completed the transfer, or
 * vireo_stream_abort. Blocking only (flags 0). One thread at a time uses
 * a stream; the connection's other calls, events and keepalive go on
 * meanwhile. Free it with vireo_stream_free (which aborts what is still
 * open) before closing its connection. */
struct vireo_stream;

VIREO_API struct vireo_stream *vireo_stream_new(struct vireo_conn *conn,
                                                unsigned flags,
                                                struct vireo_error *err);
VIREO_API void vireo_stream_free(struct vireo_stream *st);
/* Send nbytes of data: returns how many were sent (nbytes, or INT_MAX
 * when nbytes is larger), or -1 with err set (the other end's error when
 * it gave up). */
VIREO_API int vireo_stream_send(struct vireo_stream *st, const char *data,
                                size_t nbytes, struct vireo_error *err);
/* Receive at most nbytes: returns how many, 0 at the end of the data, or
 * -1 with err set. */
VIREO_API int vireo_stream_recv(struct vireo_stream *st, char *data,
                                size_t nbytes, struct vireo_error *err);
VIREO_API int vireo_stream_finish(struct vireo_stream *st,
                                  struct vireo_error *err);
VIREO_API int vireo_stream_abort(struct vireo_stream *st,
                                 struct vireo_error *err);

/* libvirt's virStreamSendAll and virStreamRecvAll: the whole data, from
 * source (which fills at most nbytes of data and returns how many, 0 at
 * its end, -1 with errno set on failure) or into sink (which takes what
 * it is given and returns how many, -1 with errno set on failure). On any
 * failure the stream is aborted; on success the caller finishes it. */
typedef int (*vireo_stream_source_cb)(struct vireo_stream *st, char *data,
                                      size_t nbytes, void *opaque);
typedef int (*vireo_stream_sink_cb)(struct vireo_stream *st,
                                    const char *data, size_t nbytes,
                                    void *opaque);
VIREO_API int vireo_stream_send_all(struct vireo_stream *st,
                                    vireo_stream_source_cb source,
                                    void *opaque, struct vireo_error *err);
VIREO_API int vireo_stream_recv_all(struct vireo_stream *st,
                                    vireo_stream_sink_cb sink, void *opaque,
                                    struct vireo_error *err);

/* libvirt's virStorageVolUpload and virStorageVolDownload: open st (new,
 * on vol's connection) to write the volume's contents (read them) from
 * offset on, at most length bytes (0: to the end). */
VIREO_API int vireo_storage_vol_upload(struct vireo_storage_vol *vol,
                                       struct vireo_stream *st,
                                       unsigned long long offset,
                                       unsigned long long length,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_storage_vol_download(struct vireo_storage_vol *vol,
                                         struct vireo_stream *st,
                                         unsigned long long offset,
                                         unsigned long long length,
                                         unsigned flags,
                                         struct vireo_error *err);

#ifdef __cplusplus
}
#endif

#endif /* VIREO_H */
