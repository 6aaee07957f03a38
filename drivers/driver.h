/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver.h: the driver table. One struct of function pointers per driver;
 * the client library and the daemon both call drivers only through it.
 *
 * A NULL slot means "not supported": callers answer VIR_ERR_NO_SUPPORT
 * (error_unsupported()), never crash.
 *
 * Slots taking a conn are called with a connection this driver opened;
 * slots taking a dom with a handle whose dom->conn is such a connection.
 * The driver identifies the domain by dom->uuid (name and id are hints that
 * may be stale) and, on success, refreshes dom->id.
 */
#ifndef VIREO_DRIVERS_DRIVER_H
#define VIREO_DRIVERS_DRIVER_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/handle.h"

struct driver_config;
struct uri;
struct worker;

/* What the daemon tells a driver at startup. Only the daemon starts
 * drivers; a client process never calls startup. */
struct driver_context {
    const char *state_dir;      /* this driver's persistent data, created */
    const char *run_dir;        /* this driver's runtime state, created */
    bool        is_privileged;  /* the daemon runs as root: qemu:///system */
    /* The driver's own settings (its NAME.conf next to vireod's
     * configuration file), never NULL: empty when there is no file. */
    struct driver_config *config;
    /* One line for the daemon's log at warning level, for what a driver
     * cannot return as an error (a broken file found at startup, a guest
     * lost while the daemon was away). Any thread, for the daemon's life;
     * never NULL. */
    void (*log_warning)(const char *message);
};

struct driver {
    const char         *name;        /* "test", "qemu", "remote" */
    const char *const  *schemes;     /* URI schemes it accepts, NULL-ended */
    bool                daemon_only; /* never activated in a client process */

    /* Daemon-only state hooks, called on the daemon's main thread while
     * its loop runs, in the registry's order (shutdown in reverse):
     * startup before the daemon listens, autostart once it listens (the
     * objects marked so start then), shutdown after every client is gone.
     * autostart calls done(opaque) once, from any thread, when every
     * start it began has ended (running or failed): vireod accepts its
     * first client only then, as libvirtd enables its services once its
     * drivers have initialised, so no client sees an autostart half done.
     * shutdown cancels the calls still queued and returns once the
     * driver's threads are gone; the daemon bounds how long it waits. */
    int  (*startup)(const struct driver_context *ctx,
                    struct vireo_error *err);
    void (*autostart)(void (*done)(void *opaque), void *opaque);
    void (*shutdown)(void);
    /* The thread every call on this driver runs on (see worker.h), or NULL
     * for a driver that runs on its callers' threads (remote). In vireod
     * the daemon pushes each client's calls there; for a connection the
     * driver opened it is also conn->worker. Any thread. */
    struct worker *(*worker)(void);
    /* Daemon-only: true while the driver has guests running (or
     * starting), which keeps a daemon started with --timeout from exiting
     * when idle, as libvirt's drivers inhibit libvirtd's shutdown. Any
     * thread. NULL: the driver never holds the daemon. */
    bool (*has_guests)(void);

    /* Companion drivers serve one kind of object (companion_kind) for
     * the connections of the drivers named in companion_of, as libvirt's
     * network and storage drivers serve qemu:///system: vireod opens a
     * companion connection beside each such connection and sends that
     * kind's calls to it (conn->companions). A companion is daemon-only,
     * names no scheme, and its open runs on the opening driver's thread,
     * so it may only set conn->priv and conn->worker there. NULL for
     * every other driver. */
    const char *const       *companion_of;    /* driver names, NULL-ended */
    enum conn_companion_kind companion_kind;

    /* Per connection. open sets conn->priv (and conn->worker, for a
     * driver with a thread) on success; close frees them. close runs once,
     * when the last reference goes, on whatever thread drops it: a driver
     * with a thread moves the work there itself. */
    int  (*open)(struct vireo_conn *conn, const struct uri *uri,
                 unsigned flags, struct vireo_error *err);
    void (*close)(struct vireo_conn *conn);
    /* 1 while the connection works, else 0 with *reason set (enum
     * vireo_close_reason). NULL: always alive (in-process drivers). */
    int  (*conn_is_alive)(struct vireo_conn *conn, int *reason);
    /* Ping the peer after interval_s seconds of silence and give up after
     * count unanswered pings (interval_s <= 0: stop). 0, 1 when the peer
     * does not speak keepalive, -1 on error. */
    int  (*conn_set_keepalive)(struct vireo_conn *conn, int interval_s,
                               unsigned count, struct vireo_error *err);

    /* libvirt's virConnectIsSecure and virConnectIsEncrypted: 1 if the
     * connection is safe from eavesdropping (a local socket, a local
     * driver), or if what it carries is encrypted, else 0; -1 on error.
     * An in-process driver is secure and carries nothing, so it is not
     * encrypted, as libvirt's own drivers answer. */
    int (*conn_is_secure)(struct vireo_conn *conn, struct vireo_error *err);
    int (*conn_is_encrypted)(struct vireo_conn *conn,
                             struct vireo_error *err);

    /* Host queries. get_type's string is static or owned by the conn. */
    const char *(*conn_get_type)(struct vireo_conn *conn,
                                 struct vireo_error *err);
    int   (*conn_get_version)(struct vireo_conn *conn,
                              unsigned long long *version,
                              struct vireo_error *err);
    int   (*conn_get_lib_version)(struct vireo_conn *conn,
                                  unsigned long long *version,
                                  struct vireo_error *err);
    char *(*conn_get_hostname)(struct vireo_conn *conn,
                               struct vireo_error *err);
    char *(*conn_get_capabilities)(struct vireo_conn *conn,
                                   struct vireo_error *err);
    int   (*node_get_info)(struct vireo_conn *conn,
                           struct vireo_node_info *info,
                           struct vireo_error *err);
    int   (*node_get_security_model)(struct vireo_conn *conn,
                                     struct vireo_security_model *model,
                                     struct vireo_error *err);

    /* Domains. */
    int (*conn_list_all_domains)(struct vireo_conn *conn,
                                 struct vireo_domain ***doms, unsigned flags,
                                 struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_name)(struct vireo_conn *conn,
                                                  const char *name,
                                                  struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_uuid)(struct vireo_conn *conn,
                                                  const unsigned char *uuid,
                                                  struct vireo_error *err);
    struct vireo_domain *(*domain_lookup_by_id)(struct vireo_conn *conn,
                                                int id,
                                                struct vireo_error *err);
    struct vireo_domain *(*domain_define_xml)(struct vireo_conn *conn,
                                              const char *xml, unsigned flags,
                                              struct vireo_error *err);
    struct vireo_domain *(*domain_create_xml)(struct vireo_conn *conn,
                                              const char *xml, unsigned flags,
                                              struct vireo_error *err);
    int (*domain_undefine)(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
    int (*domain_create)(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err);
    int (*domain_destroy)(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err);
    int (*domain_shutdown)(struct vireo_domain *dom, unsigned flags,
                           struct vireo_error *err);
    int (*domain_reboot)(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err);
    /* libvirt's virDomainReset: the guest is reset at once, as by its
     * reset button, without asking it. */
    int (*domain_reset)(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err);
    int (*domain_suspend)(struct vireo_domain *dom, struct vireo_error *err);
    int (*domain_resume)(struct vireo_domain *dom, struct vireo_error *err);
    int (*domain_get_info)(struct vireo_domain *dom,
                           struct vireo_domain_info *info,
                           struct vireo_error *err);
    int (*domain_get_state)(struct vireo_domain *dom, int *state, int *reason,
                            unsigned flags, struct vireo_error *err);
    char *(*domain_get_xml_desc)(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err);
    char *(*domain_get_os_type)(struct vireo_domain *dom,
                                struct vireo_error *err);
    int (*domain_get_security_label)(struct vireo_domain *dom,
                                     struct vireo_security_label *label,
                                     struct vireo_error *err);
    int (*domain_get_autostart)(struct vireo_domain *dom, int *autostart,
                                struct vireo_error *err);
    int (*domain_set_autostart)(struct vireo_domain *dom, int autostart,
                                struct vireo_error *err);
    int (*domain_is_active)(struct vireo_domain *dom,
                            struct vireo_error *err);
    int (*domain_is_persistent)(struct vireo_domain *dom,
                                struct vireo_error *err);
    /* 1 if a managed-save image exists for the domain, else 0. */
    int (*domain_has_managed_save_image)(struct vireo_domain *dom,
                                         unsigned flags,
                                         struct vireo_error *err);
    /* The number of snapshots the domain has. */
    int (*domain_snapshot_num)(struct vireo_domain *dom, unsigned flags,
                               struct vireo_error *err);
    /* The messages recorded about the domain (tainting, deprecations):
     * returns how many, n, or -1. *msgs is then a malloc'ed array of n
     * malloc'ed strings and a NULL, or NULL when n is 0; the caller frees
     * the strings and the array. */
    int (*domain_get_messages)(struct vireo_domain *dom, char ***msgs,
                               unsigned flags, struct vireo_error *err);

    /* libvirt's virDomainOpenConsole: the console (or serial port)
     * dev_name names by alias ("serial0", "console0"; NULL: the first),
     * as a non-blocking fd the caller reads the guest's output from and
     * writes its input to; the caller owns and closes it. flags are
     * VIR_DOMAIN_CONSOLE_FORCE and VIR_DOMAIN_CONSOLE_SAFE. */
    int (*domain_open_console)(struct vireo_domain *dom,
                               const char *dev_name, unsigned flags,
                               int *fd, struct vireo_error *err);
    /* libvirt-qemu's virDomainQemuMonitorCommand, for debugging: pass
     * cmd (a QMP command as JSON text) to the guest's monitor; *result is
     * QEMU's reply as malloc'ed JSON text. */
    int (*domain_qemu_monitor_command)(struct vireo_domain *dom,
                                       const char *cmd, char **result,
                                       unsigned flags,
                                       struct vireo_error *err);

    /* Lifecycle events: see domain_event.h for the delivery guarantees. */
    int (*domain_event_register_any)(struct vireo_conn *conn,
                                     struct vireo_domain *dom, int event_id,
                                     vireo_domain_event_generic_cb cb,
                                     void *opaque, vireo_free_cb free_cb,
                                     struct vireo_error *err);
    int (*domain_event_deregister_any)(struct vireo_conn *conn,
                                       int callback_id,
                                       struct vireo_error *err);
    /* Domain monitoring. */
    /* See vireo.h for what each reports. A domain that must be running
     * and is not gives VIR_ERR_OPERATION_INVALID. */
    int (*domain_get_vcpus)(struct vireo_domain *dom,
                            struct vireo_vcpu_info *info, int maxinfo,
                            unsigned char *cpumaps, int maplen,
                            struct vireo_error *err);
    int (*domain_get_vcpu_pin_info)(struct vireo_domain *dom, int ncpumaps,
                                    unsigned char *cpumaps, int maplen,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_get_vcpus_flags)(struct vireo_domain *dom, unsigned flags,
                                  struct vireo_error *err);
    int (*domain_get_max_vcpus)(struct vireo_domain *dom,
                                struct vireo_error *err);
    int (*domain_memory_stats)(struct vireo_domain *dom,
                               struct vireo_memory_stat *stats,
                               unsigned int nr_stats, unsigned flags,
                               struct vireo_error *err);
    int (*domain_block_stats)(struct vireo_domain *dom, const char *disk,
                              struct vireo_block_stats *stats,
                              struct vireo_error *err);
    int (*domain_interface_stats)(struct vireo_domain *dom,
                                  const char *device,
                                  struct vireo_interface_stats *stats,
                                  struct vireo_error *err);
    int (*domain_get_block_info)(struct vireo_domain *dom, const char *disk,
                                 struct vireo_block_info *info,
                                 unsigned flags, struct vireo_error *err);
    /* errors NULL: only the count. The disk names are malloc'ed. */
    int (*domain_get_disk_errors)(struct vireo_domain *dom,
                                  struct vireo_disk_error *errors,
                                  unsigned int maxerrors, unsigned flags,
                                  struct vireo_error *err);
    int (*domain_get_control_info)(struct vireo_domain *dom,
                                   struct vireo_domain_control_info *info,
                                   unsigned flags, struct vireo_error *err);
    int (*domain_is_updated)(struct vireo_domain *dom,
                             struct vireo_error *err);
    /* doms NULL: every domain the flags' filters select; else those
     * n_doms. *records as vireo_conn_get_all_domain_stats() returns it. */
    int (*conn_get_all_domain_stats)(struct vireo_conn *conn,
                                     struct vireo_domain **doms, int n_doms,
                                     unsigned int stats,
                                     struct vireo_domain_stats_record **records,
                                     unsigned flags, struct vireo_error *err);
    /* params: ncpus lists (one for the total), or NULL when nparams is
     * 0. See vireo_domain_get_cpu_stats(). */
    int (*domain_get_cpu_stats)(struct vireo_domain *dom,
                                struct vireo_typed_params *params,
                                unsigned int nparams, int start_cpu,
                                unsigned int ncpus, unsigned flags,
                                struct vireo_error *err);
    int (*domain_interface_addresses)(struct vireo_domain *dom,
                                      struct vireo_domain_interface **ifaces,
                                      unsigned int source, unsigned flags,
                                      struct vireo_error *err);

    /* Domain tuning: vCPUs, memory, tunables, metadata. */
    /* libvirt's virDomainSetMemoryFlags, which also stands for
     * virDomainSetMemory (flags VIR_DOMAIN_AFFECT_LIVE) and
     * virDomainSetMaxMemory (VIR_DOMAIN_MEM_MAXIMUM): the current memory,
     * or with MEM_MAXIMUM the maximum, in KiB, of the definitions flags
     * name (enum vireo_domain_modification_impact). */
    int (*domain_set_memory_flags)(struct vireo_domain *dom,
                                   unsigned long long memory_kib,
                                   unsigned flags, struct vireo_error *err);
    /* virDomainSetVcpusFlags (and virDomainSetVcpus, flags AFFECT_LIVE):
     * the vCPUs online, or with VIR_DOMAIN_VCPU_MAXIMUM the maximum. */
    int (*domain_set_vcpus_flags)(struct vireo_domain *dom, unsigned n_vcpus,
                                  unsigned flags, struct vireo_error *err);
    /* virDomainGetSchedulerType: the scheduler's name (malloc'ed) and how
     * many parameters it has. */
    char *(*domain_get_scheduler_type)(struct vireo_domain *dom,
                                       int *n_params,
                                       struct vireo_error *err);
    /* virDomainGetSchedulerParametersFlags (flags 0 for the form without):
     * every parameter, appended to an empty *params. */
    int (*domain_get_scheduler_params)(struct vireo_domain *dom,
                                       struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*domain_set_scheduler_params)(struct vireo_domain *dom,
                                       const struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    /* virDomainGetMemoryParameters / virDomainSetMemoryParameters: the
     * <memtune> limits, in KiB (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED when
     * none). */
    int (*domain_get_memory_params)(struct vireo_domain *dom,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_set_memory_params)(struct vireo_domain *dom,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainGetMetadata: the title, the description or (type
     * VIR_DOMAIN_METADATA_ELEMENT) the element of namespace uri, as
     * malloc'ed text; VIR_ERR_NO_DOMAIN_METADATA when there is none. */
    char *(*domain_get_metadata)(struct vireo_domain *dom, int type,
                                 const char *uri, unsigned flags,
                                 struct vireo_error *err);
    /* virDomainSetMetadata: metadata NULL (or empty) removes it; an element
     * is stored under namespace uri with prefix key. */
    int (*domain_set_metadata)(struct vireo_domain *dom, int type,
                               const char *metadata, const char *key,
                               const char *uri, unsigned flags,
                               struct vireo_error *err);
    /* virDomainRename: an inactive persistent domain takes new_name. */
    int (*domain_rename)(struct vireo_domain *dom, const char *new_name,
                         unsigned flags, struct vireo_error *err);
    /* virDomainSetLifecycleAction: type and action from enum
     * vireo_domain_lifecycle and enum vireo_domain_lifecycle_action. */
    int (*domain_set_lifecycle_action)(struct vireo_domain *dom,
                                       unsigned type, unsigned action,
                                       unsigned flags,
                                       struct vireo_error *err);

    /* Save, restore, managed save and snapshots. */
    /* libvirt's virDomainSaveFlags: stop the running domain, its state
     * written to the file `to` (a path on the driver's host, written by
     * the driver). dxml (a replacement definition) may be NULL. */
    int (*domain_save)(struct vireo_domain *dom, const char *to,
                       const char *dxml, unsigned flags,
                       struct vireo_error *err);
    /* virDomainRestoreFlags: run the domain the saved file `from` holds. */
    int (*domain_restore)(struct vireo_conn *conn, const char *from,
                          const char *dxml, unsigned flags,
                          struct vireo_error *err);
    /* virDomainSaveImageGetXMLDesc: the definition a saved file holds,
     * malloc'ed. */
    char *(*domain_save_image_get_xml_desc)(struct vireo_conn *conn,
                                            const char *file, unsigned flags,
                                            struct vireo_error *err);
    /* virDomainSaveImageDefineXML: replace the definition in a saved
     * file by dxml. */
    int (*domain_save_image_define_xml)(struct vireo_conn *conn,
                                        const char *file, const char *dxml,
                                        unsigned flags,
                                        struct vireo_error *err);
    /* virDomainCoreDumpWithFormat: write the running domain's memory to
     * `to` in dumpformat (enum vireo_domain_core_dump_format). */
    int (*domain_core_dump)(struct vireo_domain *dom, const char *to,
                            unsigned dumpformat, unsigned flags,
                            struct vireo_error *err);
    /* virDomainManagedSave and virDomainManagedSaveRemove: the image the
     * driver keeps itself, which the next start resumes from. */
    int (*domain_managed_save)(struct vireo_domain *dom, unsigned flags,
                               struct vireo_error *err);
    int (*domain_managed_save_remove)(struct vireo_domain *dom,
                                      unsigned flags,
                                      struct vireo_error *err);
    /* virDomainScreenshot: the malloc'ed MIME type of an image of the
     * screen, whose bytes the caller reads from *fd (its own, closed by
     * it) to the end. */
    char *(*domain_screenshot)(struct vireo_domain *dom, unsigned screen,
                               unsigned flags, int *fd,
                               struct vireo_error *err);
    /* The snapshot API, one slot per libvirt call of the same name. A
     * returned handle or array (of n handles) belongs to the caller
     * (handle_snapshot_unref, handle_snapshot_array_free). */
    struct vireo_domain_snapshot *(*domain_snapshot_create_xml)(
        struct vireo_domain *dom, const char *xml, unsigned flags,
        struct vireo_error *err);
    int (*domain_list_all_snapshots)(struct vireo_domain *dom,
                                     struct vireo_domain_snapshot ***snaps,
                                     unsigned flags, struct vireo_error *err);
    int (*domain_snapshot_list_all_children)(
        struct vireo_domain_snapshot *snap,
        struct vireo_domain_snapshot ***snaps, unsigned flags,
        struct vireo_error *err);
    int (*domain_snapshot_num_children)(struct vireo_domain_snapshot *snap,
                                        unsigned flags,
                                        struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_lookup_by_name)(
        struct vireo_domain *dom, const char *name, unsigned flags,
        struct vireo_error *err);
    int (*domain_has_current_snapshot)(struct vireo_domain *dom,
                                       unsigned flags,
                                       struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_current)(
        struct vireo_domain *dom, unsigned flags, struct vireo_error *err);
    struct vireo_domain_snapshot *(*domain_snapshot_get_parent)(
        struct vireo_domain_snapshot *snap, unsigned flags,
        struct vireo_error *err);
    char *(*domain_snapshot_get_xml_desc)(struct vireo_domain_snapshot *snap,
                                          unsigned flags,
                                          struct vireo_error *err);
    int (*domain_snapshot_is_current)(struct vireo_domain_snapshot *snap,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*domain_snapshot_has_metadata)(struct vireo_domain_snapshot *snap,
                                        unsigned flags,
                                        struct vireo_error *err);
    int (*domain_revert_to_snapshot)(struct vireo_domain_snapshot *snap,
                                     unsigned flags,
                                     struct vireo_error *err);
    int (*domain_snapshot_delete)(struct vireo_domain_snapshot *snap,
                                  unsigned flags, struct vireo_error *err);

    /* Devices and guest operations. */
    /* libvirt's virDomainAttachDeviceFlags, virDomainDetachDeviceFlags and
     * virDomainUpdateDeviceFlags: xml is one device element (<disk>,
     * <interface> ...), flags VIR_DOMAIN_AFFECT_*. flags 0 stands for the
     * flag-less virDomainAttachDevice and virDomainDetachDevice, which
     * change the running domain. */
    int (*domain_attach_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    int (*domain_detach_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    int (*domain_update_device)(struct vireo_domain *dom, const char *xml,
                                unsigned flags, struct vireo_error *err);
    /* Detach the device whose <alias name=...> is alias. */
    int (*domain_detach_device_alias)(struct vireo_domain *dom,
                                      const char *alias, unsigned flags,
                                      struct vireo_error *err);
    /* The guest's own hostname, malloc'ed (the caller frees it). */
    char *(*domain_get_hostname)(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err);
    /* The guest's clock, and setting it (VIR_DOMAIN_TIME_SYNC: from the
     * host's clock, ignoring seconds and nseconds). */
    int (*domain_get_time)(struct vireo_domain *dom, long long *seconds,
                           unsigned *nseconds, unsigned flags,
                           struct vireo_error *err);
    int (*domain_set_time)(struct vireo_domain *dom, long long seconds,
                           unsigned nseconds, unsigned flags,
                           struct vireo_error *err);
    /* Freeze or thaw the guest's file systems at the n_mountpoints mount
     * points (none: all of them); returns how many changed state. */
    int (*domain_fs_freeze)(struct vireo_domain *dom,
                            const char *const *mountpoints,
                            unsigned n_mountpoints, unsigned flags,
                            struct vireo_error *err);
    int (*domain_fs_thaw)(struct vireo_domain *dom,
                          const char *const *mountpoints,
                          unsigned n_mountpoints, unsigned flags,
                          struct vireo_error *err);
    /* Discard the unused blocks of mountpoint (NULL: every file system)
     * in runs of at least minimum bytes. */
    int (*domain_fs_trim)(struct vireo_domain *dom, const char *mountpoint,
                          unsigned long long minimum, unsigned flags,
                          struct vireo_error *err);
    /* The guest's mounted file systems: returns how many, n, with *info a
     * malloc'ed array of n records (NULL when n is 0), which the caller
     * frees with vireo_fs_info_list_free(). */
    int (*domain_get_fs_info)(struct vireo_domain *dom,
                              struct vireo_fs_info **info, unsigned flags,
                              struct vireo_error *err);
    /* Set a guest account's password (VIR_DOMAIN_PASSWORD_ENCRYPTED: it
     * is already encrypted). */
    int (*domain_set_user_password)(struct vireo_domain *dom,
                                    const char *user, const char *password,
                                    unsigned flags, struct vireo_error *err);
    /* Press n_keycodes keys (at most VIREO_DOMAIN_SEND_KEY_MAX) of codeset
     * (enum vireo_keycode_set) together for holdtime_ms. */
    int (*domain_send_key)(struct vireo_domain *dom, unsigned codeset,
                           unsigned holdtime_ms, const unsigned *keycodes,
                           int n_keycodes, unsigned flags,
                           struct vireo_error *err);
    /* Send libvirt's signal signum (enum vireo_domain_process_signal) to
     * the guest's process pid. */
    int (*domain_send_process_signal)(struct vireo_domain *dom,
                                      long long pid, unsigned signum,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*domain_inject_nmi)(struct vireo_domain *dom, unsigned flags,
                             struct vireo_error *err);
    /* The launch security measurements, appended to params (which the
     * caller clears). */
    int (*domain_get_launch_security_info)(struct vireo_domain *dom,
                                           struct vireo_typed_params *params,
                                           unsigned flags,
                                           struct vireo_error *err);

    /* Host and hypervisor. Each is its libvirt call; see vireo.h. */
    int   (*conn_get_max_vcpus)(struct vireo_conn *conn, const char *type,
                                struct vireo_error *err);
    char *(*conn_get_sysinfo)(struct vireo_conn *conn, unsigned flags,
                              struct vireo_error *err);
    /* params NULL: only set *n_params to how many figures there are. */
    int   (*node_get_cpu_stats)(struct vireo_conn *conn, int cpu_num,
                                struct vireo_node_stat *params,
                                int *n_params, unsigned flags,
                                struct vireo_error *err);
    int   (*node_get_memory_stats)(struct vireo_conn *conn, int cell_num,
                                   struct vireo_node_stat *params,
                                   int *n_params, unsigned flags,
                                   struct vireo_error *err);
    /* How many cells it filled (at least one), or -1. */
    int   (*node_get_cells_free_memory)(struct vireo_conn *conn,
                                        unsigned long long *free_bytes,
                                        int start_cell, int max_cells,
                                        struct vireo_error *err);
    int   (*node_get_free_memory)(struct vireo_conn *conn,
                                  unsigned long long *free_bytes,
                                  struct vireo_error *err);
    /* counts holds n_pages * cell_count figures. Returns how many it
     * set, which for libvirt's test driver is 0 (the daemon then fails
     * the call, as libvirtd does), or -1. */
    int   (*node_get_free_pages)(struct vireo_conn *conn, unsigned n_pages,
                                 const unsigned *pages_kib, int start_cell,
                                 unsigned cell_count,
                                 unsigned long long *counts, unsigned flags,
                                 struct vireo_error *err);
    /* cpumap and online may be NULL (not wanted); *cpumap is malloc'ed. */
    int   (*node_get_cpu_map)(struct vireo_conn *conn,
                              unsigned char **cpumap, unsigned *online,
                              unsigned flags, struct vireo_error *err);
    /* A guest CPU all the host CPUs (each a <cpu> element) can run, as
     * <cpu> XML, malloc'ed. */
    char *(*conn_baseline_cpu)(struct vireo_conn *conn,
                               const char *const *xml_cpus, unsigned n_cpus,
                               unsigned flags, struct vireo_error *err);
    /* models may be NULL (only count). */
    int   (*conn_get_cpu_model_names)(struct vireo_conn *conn,
                                      const char *arch, char ***models,
                                      unsigned flags,
                                      struct vireo_error *err);

    /* Domain events. */

    /* Domain tuning: pinning, NUMA and I/O threads. */
    /* CPU maps are maplen bytes, bit i of byte i / 8 for host CPU i;
     * flags are libvirt's virDomainModificationImpact. */
    /* virDomainPinVcpuFlags (virDomainPinVcpu with flags 0): vCPU vcpu
     * runs on the CPUs of cpumap. */
    int (*domain_pin_vcpu)(struct vireo_domain *dom, unsigned vcpu,
                           const unsigned char *cpumap, int maplen,
                           unsigned flags, struct vireo_error *err);
    /* virDomainPinEmulator / virDomainGetEmulatorPinInfo: the emulator's
     * threads; the getter fills cpumap and returns 1. */
    int (*domain_pin_emulator)(struct vireo_domain *dom,
                               const unsigned char *cpumap, int maplen,
                               unsigned flags, struct vireo_error *err);
    int (*domain_get_emulator_pin_info)(struct vireo_domain *dom,
                                        unsigned char *cpumap, int maplen,
                                        unsigned flags,
                                        struct vireo_error *err);
    /* virDomainGetNumaParameters / virDomainSetNumaParameters: the memory
     * policy on the host's NUMA nodes (VIR_DOMAIN_NUMA_MODE, an int, and
     * VIR_DOMAIN_NUMA_NODESET, a string). The getter returns 0, or with
     * params NULL how many parameters it gives (libvirt's nparams 0),
     * which libvirt's drivers tell before they look for the domain. */
    int (*domain_get_numa_params)(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    int (*domain_set_numa_params)(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    /* virDomainGetIOThreadInfo: *info a malloc'ed array of the count
     * returned (vireo_iothread_info_list_free); NULL when 0. */
    int (*domain_get_iothread_info)(struct vireo_domain *dom,
                                    struct vireo_iothread_info **info,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainPinIOThread, virDomainAddIOThread, virDomainDelIOThread,
     * virDomainSetIOThreadParams: I/O thread iothread_id. */
    int (*domain_pin_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id,
                               const unsigned char *cpumap, int maplen,
                               unsigned flags, struct vireo_error *err);
    int (*domain_add_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id, unsigned flags,
                               struct vireo_error *err);
    int (*domain_del_iothread)(struct vireo_domain *dom,
                               unsigned iothread_id, unsigned flags,
                               struct vireo_error *err);
    int (*domain_set_iothread_params)(struct vireo_domain *dom,
                                      unsigned iothread_id,
                                      const struct vireo_typed_params *params,
                                      unsigned flags,
                                      struct vireo_error *err);

    /* Domain tuning: block and interface I/O, perf. */
    /* The getters below answer libvirt's two-step question: given params
     * NULL they return how many parameters they give (as libvirt's
     * drivers, without looking at the domain); else they fill params
     * and return 0. -1 with err set on failure. */
    /* virDomainGetBlkioParameters / virDomainSetBlkioParameters:
     * <blkiotune>'s weight, and its per-device values as strings
     * "path,value,path,value" (VIR_DOMAIN_BLKIO_DEVICE_WEIGHT ...). */
    int (*domain_get_blkio_params)(struct vireo_domain *dom,
                                   struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err);
    int (*domain_set_blkio_params)(struct vireo_domain *dom,
                                   const struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err);
    /* virDomainGetBlockIoTune / virDomainSetBlockIoTune: the <iotune> of
     * the disk named by its target or source path. */
    int (*domain_get_block_io_tune)(struct vireo_domain *dom,
                                    const char *disk,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    int (*domain_set_block_io_tune)(struct vireo_domain *dom,
                                    const char *disk,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err);
    /* virDomainGetInterfaceParameters / virDomainSetInterfaceParameters:
     * the <bandwidth> of the interface named by its target device or
     * MAC address. */
    int (*domain_get_interface_params)(struct vireo_domain *dom,
                                       const char *device,
                                       struct vireo_typed_params *params,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*domain_set_interface_params)(
        struct vireo_domain *dom, const char *device,
        const struct vireo_typed_params *params, unsigned flags,
        struct vireo_error *err);
    /* virDomainGetPerfEvents / virDomainSetPerfEvents: <perf>, one
     * boolean per event libvirt knows (no two-step question here). */
    int (*domain_get_perf_events)(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);
    int (*domain_set_perf_events)(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err);

    /* Networks. */
    /* libvirt's virNetwork* calls. A network handle names its network by
     * uuid; one that is gone gives VIR_ERR_NO_NETWORK. Lists return
     * malloc'ed names (or handles) the caller frees; with nets NULL,
     * connect_list_all_networks only counts. flags are libvirt's
     * VIR_CONNECT_LIST_NETWORKS_*, VIR_NETWORK_XML_INACTIVE,
     * VIR_NETWORK_DEFINE_VALIDATE and VIR_NETWORK_UPDATE_AFFECT_*. A
     * driver that runs real networks does the work on its own thread and
     * reports lifecycle events through object_event.h. */
    int (*connect_num_of_networks)(struct vireo_conn *conn,
                                   struct vireo_error *err);
    int (*connect_list_networks)(struct vireo_conn *conn, char **names,
                                 int maxnames, struct vireo_error *err);
    int (*connect_num_of_defined_networks)(struct vireo_conn *conn,
                                           struct vireo_error *err);
    int (*connect_list_defined_networks)(struct vireo_conn *conn,
                                         char **names, int maxnames,
                                         struct vireo_error *err);
    int (*connect_list_all_networks)(struct vireo_conn *conn,
                                     struct vireo_network ***nets,
                                     unsigned flags, struct vireo_error *err);
    struct vireo_network *(*network_lookup_by_name)(struct vireo_conn *conn,
                                                    const char *name,
                                                    struct vireo_error *err);
    struct vireo_network *(*network_lookup_by_uuid)(
        struct vireo_conn *conn, const unsigned char *uuid,
        struct vireo_error *err);
    /* Define (persistent, inactive unless it was running) or create
     * (transient, running) from a <network> document. */
    struct vireo_network *(*network_define_xml)(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
    struct vireo_network *(*network_create_xml)(struct vireo_conn *conn,
                                                const char *xml,
                                                unsigned flags,
                                                struct vireo_error *err);
    int (*network_undefine)(struct vireo_network *net,
                            struct vireo_error *err);
    int (*network_create)(struct vireo_network *net,
                          struct vireo_error *err);
    int (*network_destroy)(struct vireo_network *net,
                           struct vireo_error *err);
    char *(*network_get_xml_desc)(struct vireo_network *net, unsigned flags,
                                  struct vireo_error *err);
    char *(*network_get_bridge_name)(struct vireo_network *net,
                                     struct vireo_error *err);
    int (*network_get_autostart)(struct vireo_network *net, int *autostart,
                                 struct vireo_error *err);
    int (*network_set_autostart)(struct vireo_network *net, int autostart,
                                 struct vireo_error *err);
    /* 1 or 0, or -1 with err set. */
    int (*network_is_active)(struct vireo_network *net,
                             struct vireo_error *err);
    int (*network_is_persistent)(struct vireo_network *net,
                                 struct vireo_error *err);
    /* virNetworkUpdate: command and section are libvirt's
     * VIR_NETWORK_UPDATE_COMMAND_* and VIR_NETWORK_SECTION_*. */
    int (*network_update)(struct vireo_network *net, unsigned command,
                          unsigned section, int parent_index,
                          const char *xml, unsigned flags,
                          struct vireo_error *err);

    /* Storage pools and volumes. A pool handle names its pool by uuid and
     * name, a volume handle its volume by pool name and volume name
     * (storage_handle.h); returned handles and lists are the caller's
     * (handle_pool_unref, handle_vol_unref, handle_*_array_free), lists
     * as malloc'ed arrays of n handles. Documents are libvirt's <pool>
     * and <volume> (drivers/conf/storage_xml.h). A driver that keeps
     * pools for real (dir pools on disk) fills the same slots: the test
     * driver's are its model, in behaviour and in error words. */
    /* virConnectListAllStoragePools: flags filter (enum
     * vireo_storage_pool_list_flags); n or -1; pools may be NULL to only
     * count (likewise vols below). The old count and name
     * calls (active, defined) are served from it. */
    int (*conn_list_all_storage_pools)(struct vireo_conn *conn,
                                       struct vireo_storage_pool ***pools,
                                       unsigned flags,
                                       struct vireo_error *err);
    /* Lookups: VIR_ERR_NO_STORAGE_POOL when there is no such pool. */
    struct vireo_storage_pool *(*storage_pool_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_lookup_by_uuid)(
        struct vireo_conn *conn, const unsigned char *uuid,
        struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_lookup_by_volume)(
        struct vireo_storage_vol *vol, struct vireo_error *err);
    /* Define a persistent pool (inactive, or replacing the definition of
     * the pool with the same name and uuid), or create a transient one,
     * started. */
    struct vireo_storage_pool *(*storage_pool_define_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_create_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    /* Lifecycle: build and delete (the pool's storage itself) and
     * undefine need it inactive, refresh and destroy active, create
     * (start) inactive; VIR_ERR_OPERATION_INVALID otherwise. Destroying a
     * transient pool forgets it. 0 or -1. */
    int (*storage_pool_create)(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err);
    int (*storage_pool_build)(struct vireo_storage_pool *pool, unsigned flags,
                              struct vireo_error *err);
    int (*storage_pool_destroy)(struct vireo_storage_pool *pool,
                                struct vireo_error *err);
    int (*storage_pool_delete)(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err);
    int (*storage_pool_undefine)(struct vireo_storage_pool *pool,
                                 struct vireo_error *err);
    int (*storage_pool_refresh)(struct vireo_storage_pool *pool,
                                unsigned flags, struct vireo_error *err);
    /* The pool's document, malloc'ed, or NULL with err set. */
    char *(*storage_pool_get_xml_desc)(struct vireo_storage_pool *pool,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*storage_pool_get_info)(struct vireo_storage_pool *pool,
                                 struct vireo_storage_pool_info *info,
                                 struct vireo_error *err);
    int (*storage_pool_get_autostart)(struct vireo_storage_pool *pool,
                                      int *autostart,
                                      struct vireo_error *err);
    int (*storage_pool_set_autostart)(struct vireo_storage_pool *pool,
                                      int autostart, struct vireo_error *err);
    /* 1 or 0, or -1. */
    int (*storage_pool_is_active)(struct vireo_storage_pool *pool,
                                  struct vireo_error *err);
    int (*storage_pool_is_persistent)(struct vireo_storage_pool *pool,
                                      struct vireo_error *err);
    /* virConnectFindStoragePoolSources: a <sources> document, malloc'ed;
     * src_spec may be NULL. */
    char *(*conn_find_storage_pool_sources)(struct vireo_conn *conn,
                                            const char *type,
                                            const char *src_spec,
                                            unsigned flags,
                                            struct vireo_error *err);
    /* The volumes of an active pool, in the pool's order; n or -1. The
     * old count and name calls are served from it, with their own
     * words: legacy set asks for them ("storage pool 'NAME' is not
     * active" rather than "storage pool is not active"). */
    int (*storage_pool_list_all_volumes)(struct vireo_storage_pool *pool,
                                         struct vireo_storage_vol ***vols,
                                         unsigned flags, bool is_legacy,
                                         struct vireo_error *err);
    /* Lookups: VIR_ERR_NO_STORAGE_VOL when there is no such volume (by
     * key and path, among the active pools). */
    struct vireo_storage_vol *(*storage_vol_lookup_by_name)(
        struct vireo_storage_pool *pool, const char *name,
        struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_lookup_by_key)(
        struct vireo_conn *conn, const char *key, struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_lookup_by_path)(
        struct vireo_conn *conn, const char *path, struct vireo_error *err);
    /* A new volume in an active pool, named and sized by xml; with clone,
     * its contents copied from that volume. The pool's allocation grows
     * by the volume's; a volume that does not fit is refused. */
    struct vireo_storage_vol *(*storage_vol_create_xml)(
        struct vireo_storage_pool *pool, const char *xml, unsigned flags,
        struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_create_xml_from)(
        struct vireo_storage_pool *pool, const char *xml,
        struct vireo_storage_vol *clone, unsigned flags,
        struct vireo_error *err);
    int (*storage_vol_delete)(struct vireo_storage_vol *vol, unsigned flags,
                              struct vireo_error *err);
    char *(*storage_vol_get_xml_desc)(struct vireo_storage_vol *vol,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*storage_vol_get_info)(struct vireo_storage_vol *vol,
                                struct vireo_storage_vol_info *info,
                                struct vireo_error *err);
    /* The volume's path on the host, malloc'ed. */
    char *(*storage_vol_get_path)(struct vireo_storage_vol *vol,
                                  struct vireo_error *err);
    /* Not served by the test driver (libvirt's has none either), so not
     * yet on the wire; a driver with real volumes fills them:
     * virStorageVolWipePattern (algorithm: libvirt's
     * virStorageVolWipeAlgorithm; plain wipe is algorithm 0),
     * virStorageVolResize (capacity in bytes; flags ALLOCATE, DELTA,
     * SHRINK), and virConnectGetStoragePoolCapabilities (a
     * <storagepoolCapabilities> document). Upload and download go
     * through streams, like the console. */
    int (*storage_vol_wipe_pattern)(struct vireo_storage_vol *vol,
                                    unsigned algorithm, unsigned flags,
                                    struct vireo_error *err);
    int (*storage_vol_resize)(struct vireo_storage_vol *vol,
                              unsigned long long capacity, unsigned flags,
                              struct vireo_error *err);
    char *(*conn_get_storage_pool_capabilities)(struct vireo_conn *conn,
                                                unsigned flags,
                                                struct vireo_error *err);
    /* virStorageVolUpload and virStorageVolDownload: an fd (*fd, the
     * caller's to close) the caller writes the new contents to, or reads
     * the contents from to its end, from offset on and at most length
     * bytes (0: to the end). Volume contents only move through vireod's
     * streams, so these are daemon-side slots. */
    int (*storage_vol_upload)(struct vireo_storage_vol *vol,
                              unsigned long long offset,
                              unsigned long long length, unsigned flags,
                              int *fd, struct vireo_error *err);
    int (*storage_vol_download)(struct vireo_storage_vol *vol,
                                unsigned long long offset,
                                unsigned long long length, unsigned flags,
                                int *fd, struct vireo_error *err);

    /* Node devices and host interfaces. */
    /* Each is its libvirt call (see vireo.h); handles and names returned
     * are the caller's (handle_nodedev_unref, handle_iface_unref). A
     * list slot given a NULL list only counts. */
    int   (*node_num_of_devices)(struct vireo_conn *conn, const char *cap,
                                 unsigned flags, struct vireo_error *err);
    int   (*node_list_devices)(struct vireo_conn *conn, const char *cap,
                               char **names, int maxnames, unsigned flags,
                               struct vireo_error *err);
    int   (*connect_list_all_node_devices)(struct vireo_conn *conn,
                                           struct vireo_node_device ***devs,
                                           unsigned flags,
                                           struct vireo_error *err);
    struct vireo_node_device *(*node_device_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    char *(*node_device_get_xml_desc)(struct vireo_node_device *dev,
                                      unsigned flags,
                                      struct vireo_error *err);
    /* NULL with err set when the device has none. */
    char *(*node_device_get_parent)(struct vireo_node_device *dev,
                                    struct vireo_error *err);
    int   (*node_device_num_of_caps)(struct vireo_node_device *dev,
                                     struct vireo_error *err);
    int   (*node_device_list_caps)(struct vireo_node_device *dev,
                                   char **names, int maxnames,
                                   struct vireo_error *err);
    struct vireo_node_device *(*node_device_create_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    int   (*node_device_destroy)(struct vireo_node_device *dev,
                                 struct vireo_error *err);
    int   (*connect_num_of_interfaces)(struct vireo_conn *conn,
                                       struct vireo_error *err);
    int   (*connect_list_interfaces)(struct vireo_conn *conn, char **names,
                                     int maxnames, struct vireo_error *err);
    int   (*connect_num_of_defined_interfaces)(struct vireo_conn *conn,
                                               struct vireo_error *err);
    int   (*connect_list_defined_interfaces)(struct vireo_conn *conn,
                                             char **names, int maxnames,
                                             struct vireo_error *err);
    int   (*connect_list_all_interfaces)(struct vireo_conn *conn,
                                         struct vireo_interface ***ifaces,
                                         unsigned flags,
                                         struct vireo_error *err);
    struct vireo_interface *(*interface_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    struct vireo_interface *(*interface_lookup_by_mac_string)(
        struct vireo_conn *conn, const char *mac, struct vireo_error *err);
    char *(*interface_get_xml_desc)(struct vireo_interface *iface,
                                    unsigned flags, struct vireo_error *err);
    struct vireo_interface *(*interface_define_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    int   (*interface_undefine)(struct vireo_interface *iface,
                                struct vireo_error *err);
    int   (*interface_create)(struct vireo_interface *iface, unsigned flags,
                              struct vireo_error *err);
    int   (*interface_destroy)(struct vireo_interface *iface, unsigned flags,
                               struct vireo_error *err);
    int   (*interface_is_active)(struct vireo_interface *iface,
                                 struct vireo_error *err);
    int   (*interface_change_begin)(struct vireo_conn *conn, unsigned flags,
                                    struct vireo_error *err);
    int   (*interface_change_commit)(struct vireo_conn *conn, unsigned flags,
                                     struct vireo_error *err);
    int   (*interface_change_rollback)(struct vireo_conn *conn,
                                       unsigned flags,
                                       struct vireo_error *err);

    /* Domain checkpoints. */
    /* The checkpoint API, one slot per libvirt call of the same name
     * (virDomainCheckpoint*, virDomainListAllCheckpoints). A returned
     * handle or array (of n handles and a NULL) belongs to the caller
     * (handle_checkpoint_unref, handle_checkpoint_array_free); a list
     * call sets *chks only when it returns n >= 0. Errors carry libvirt's
     * codes: VIR_ERR_NO_DOMAIN_CHECKPOINT for a name the domain lacks. */
    struct vireo_domain_checkpoint *(*domain_checkpoint_create_xml)(
        struct vireo_domain *dom, const char *xml, unsigned flags,
        struct vireo_error *err);
    char *(*domain_checkpoint_get_xml_desc)(
        struct vireo_domain_checkpoint *chk, unsigned flags,
        struct vireo_error *err);
    int (*domain_list_all_checkpoints)(
        struct vireo_domain *dom, struct vireo_domain_checkpoint ***chks,
        unsigned flags, struct vireo_error *err);
    int (*domain_checkpoint_list_all_children)(
        struct vireo_domain_checkpoint *chk,
        struct vireo_domain_checkpoint ***chks, unsigned flags,
        struct vireo_error *err);
    struct vireo_domain_checkpoint *(*domain_checkpoint_lookup_by_name)(
        struct vireo_domain *dom, const char *name, unsigned flags,
        struct vireo_error *err);
    struct vireo_domain_checkpoint *(*domain_checkpoint_get_parent)(
        struct vireo_domain_checkpoint *chk, unsigned flags,
        struct vireo_error *err);
    int (*domain_checkpoint_delete)(struct vireo_domain_checkpoint *chk,
                                    unsigned flags, struct vireo_error *err);

    /* Object events: networks, storage pools, node devices. */
    /* Network events, with object_event.h's delivery guarantees; net NULL
     * means every network. */
    int (*network_event_register_any)(struct vireo_conn *conn,
                                      struct vireo_network *net,
                                      int event_id,
                                      vireo_network_event_generic_cb cb,
                                      void *opaque, vireo_free_cb free_cb,
                                      struct vireo_error *err);
    int (*network_event_deregister_any)(struct vireo_conn *conn,
                                        int callback_id,
                                        struct vireo_error *err);

    /* Storage pool and node device events, with object_event.h's
     * delivery guarantees; pool (dev) NULL means every pool (device).
     * Register answers the callback id, or -1 with err set:
     * VIR_ERR_INVALID_ARG for an unknown event id or a second
     * registration of the same callback, id and filter. Deregister
     * answers VIR_ERR_INVALID_ARG for an id the connection does not
     * hold. storage_pool_event.h and node_device_event.h do both for a
     * driver that keeps an object_event_state. */
    int (*storage_pool_event_register_any)(
        struct vireo_conn *conn, struct vireo_storage_pool *pool,
        int event_id, vireo_storage_pool_event_generic_cb cb, void *opaque,
        vireo_free_cb free_cb, struct vireo_error *err);
    int (*storage_pool_event_deregister_any)(struct vireo_conn *conn,
                                             int callback_id,
                                             struct vireo_error *err);
    int (*node_device_event_register_any)(
        struct vireo_conn *conn, struct vireo_node_device *dev,
        int event_id, vireo_node_device_event_generic_cb cb, void *opaque,
        vireo_free_cb free_cb, struct vireo_error *err);
    int (*node_device_event_deregister_any)(struct vireo_conn *conn,
                                            int callback_id,
                                            struct vireo_error *err);

    /* Network DHCP leases: libvirt's virNetworkGetDHCPLeases. The leases
     * of net's DHCP server (only mac's when mac is not NULL), as a
     * malloc'ed array in *leases of the returned count (leases NULL: the
     * count only), each lease freed with vireo_network_dhcp_lease_free
     * (drivers/network_lease.c), the array with free();
     * -1 with err set. */
    int (*network_get_dhcp_leases)(struct vireo_network *net,
                                   const char *mac,
                                   struct vireo_network_dhcp_lease ***leases,
                                   unsigned flags, struct vireo_error *err);

};

#endif /* VIREO_DRIVERS_DRIVER_H */
