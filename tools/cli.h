/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cli.h: what the vireo CLI's files share: the session, the command table's
 * types, parsed commands, and the helpers every command uses to find a
 * domain and to report errors the way virsh does.
 *
 * The CLI is single-threaded: everything here belongs to the main thread,
 * which also runs the event loop while `event` waits.
 */
#ifndef VIREO_TOOLS_CLI_H
#define VIREO_TOOLS_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "vireo.h"

/* One invocation (or one shell): one connection, opened by the first
 * command that needs it and shared by all that follow. */
struct session {
    const char        *uri;           /* -c, or NULL for the default */
    bool               is_read_only;  /* -r */
    bool               is_quitting;   /* quit/exit ran */
    bool               was_lost;      /* the daemon went away: reconnect */
    struct vireo_conn *conn;
};

enum opt_type {
    OPT_BOOL,      /* --name */
    OPT_STRING,    /* --name VALUE, or positional */
    OPT_NUMBER,    /* like OPT_STRING, but must be an integer */
};

struct opt_def {
    const char   *name;
    enum opt_type type;
    bool          is_positional;  /* may be given without its --name */
    bool          is_required;
    const char   *help;
};

#define CMD_MAX_OPTS 32  /* blkdeviotune has 24 */

struct cmd;

struct cmd_def {
    const char           *name;
    int                 (*run)(struct session *s, const struct cmd *cmd);
    const struct opt_def *opts;        /* ends with a NULL name; may be NULL */
    bool                  needs_conn;
    const char           *summary;
    const char           *description;
};

/* A command ready to run: its definition and the value of each option
 * (NULL when not given; "" for a boolean that was). Values point into the
 * script the command was parsed from. */
struct cmd {
    const struct cmd_def *def;
    const char           *values[CMD_MAX_OPTS];
};

/* ---- commands.c: the table ------------------------------------------- */

const struct cmd_def *commands_find(const char *name);
/* The i-th command in help's order, or NULL past the last. */
const struct cmd_def *commands_at(int i);
/* Fill cmd from words (name first), checking options as virsh does;
 * prints `error: ...` and returns -1 on a mistake. */
int  commands_parse(const char *const *argv, int argc, struct cmd *cmd);
/* What help calls an option's value: "number" or "string". */
const char *commands_opt_type_name(enum opt_type type);
/* Usage for -h (cmd_help.c). */
void commands_print_usage(const char *prog);

/* Option values of a parsed command, by option name. */
bool        cmd_has(const struct cmd *cmd, const char *name);
const char *cmd_string(const struct cmd *cmd, const char *name);
/* An OPT_NUMBER's value: 0 and *value set, 1 when absent, -1 (after
 * printing an error) when it is not a number in [min, max]. */
int         cmd_number(const struct cmd *cmd, const char *name, long min,
                       long max, long *value);

/* ---- session.c -------------------------------------------------------- */

/* How a DOM argument may be read; virsh tries an id, then a UUID, then a
 * name. */
enum lookup_by {
    BY_ID   = 1 << 0,
    BY_UUID = 1 << 1,
    BY_NAME = 1 << 2,
    BY_ANY  = BY_ID | BY_UUID | BY_NAME,
};

/* Open s->conn unless it is open. Prints virsh's two error lines. */
int  session_connect(struct session *s);
/* If the daemon behind the connection went away, say so as virsh does and
 * drop the connection, so that the next session_connect() reconnects. */
void session_check_alive(struct session *s);
/* The domain arg names (caller frees with vireo_domain_free()), or NULL
 * after printing `error: failed to get domain 'arg'`. */
struct vireo_domain *session_lookup(struct session *s, const char *arg,
                                    unsigned by);
void session_close(struct session *s);

/* `error: <formatted>` on stderr (stdout flushed first, so that lines keep
 * their order on a terminal). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* `error: <err->message>`. */
void cli_report(const struct vireo_error *err);

/* ---- run.c ------------------------------------------------------------ */

/* Parse every command of the script, then run them in order on s, stopping
 * at the first that fails. Returns 0 when all succeeded. */
struct script;
int  run_script(struct session *s, const struct script *sc);

/* ---- shell.c ---------------------------------------------------------- */

/* Read commands from stdin until EOF or quit. Returns 0 if every command
 * succeeded. */
int  shell_run(struct session *s);

/* ---- command handlers (cmd_*.c) -------------------------------------- */

int cmd_list(struct session *s, const struct cmd *cmd);
int cmd_dominfo(struct session *s, const struct cmd *cmd);
int cmd_domstate(struct session *s, const struct cmd *cmd);
int cmd_domid(struct session *s, const struct cmd *cmd);
int cmd_domuuid(struct session *s, const struct cmd *cmd);
int cmd_dumpxml(struct session *s, const struct cmd *cmd);

int cmd_define(struct session *s, const struct cmd *cmd);
int cmd_undefine(struct session *s, const struct cmd *cmd);
int cmd_create(struct session *s, const struct cmd *cmd);
int cmd_start(struct session *s, const struct cmd *cmd);
int cmd_destroy(struct session *s, const struct cmd *cmd);
int cmd_shutdown(struct session *s, const struct cmd *cmd);
int cmd_reboot(struct session *s, const struct cmd *cmd);
int cmd_suspend(struct session *s, const struct cmd *cmd);
int cmd_resume(struct session *s, const struct cmd *cmd);
int cmd_autostart(struct session *s, const struct cmd *cmd);

int cmd_version(struct session *s, const struct cmd *cmd);
int cmd_hostname(struct session *s, const struct cmd *cmd);
int cmd_nodeinfo(struct session *s, const struct cmd *cmd);
int cmd_uri(struct session *s, const struct cmd *cmd);
int cmd_capabilities(struct session *s, const struct cmd *cmd);

int cmd_event(struct session *s, const struct cmd *cmd);

int cmd_console(struct session *s, const struct cmd *cmd);
int cmd_qemu_monitor_command(struct session *s, const struct cmd *cmd);

int cmd_help(struct session *s, const struct cmd *cmd);
int cmd_quit(struct session *s, const struct cmd *cmd);

/* Domain monitoring. */
/* cmd_monitor.c */
int cmd_vcpuinfo(struct session *s, const struct cmd *cmd);
int cmd_vcpucount(struct session *s, const struct cmd *cmd);
int cmd_dommemstat(struct session *s, const struct cmd *cmd);
int cmd_domblkstat(struct session *s, const struct cmd *cmd);
int cmd_domifstat(struct session *s, const struct cmd *cmd);
int cmd_domblkinfo(struct session *s, const struct cmd *cmd);
int cmd_domblkerror(struct session *s, const struct cmd *cmd);
int cmd_domifaddr(struct session *s, const struct cmd *cmd);
int cmd_domcontrol(struct session *s, const struct cmd *cmd);
/* cmd_monitor_stats.c */
int cmd_cpu_stats(struct session *s, const struct cmd *cmd);
int cmd_domstats(struct session *s, const struct cmd *cmd);

/* Domain tuning: vCPUs, memory, tunables, metadata. */
int cmd_setmem(struct session *s, const struct cmd *cmd);
int cmd_setmaxmem(struct session *s, const struct cmd *cmd);
int cmd_setvcpus(struct session *s, const struct cmd *cmd);
int cmd_memtune(struct session *s, const struct cmd *cmd);
int cmd_domrename(struct session *s, const struct cmd *cmd);
int cmd_set_lifecycle_action(struct session *s, const struct cmd *cmd);
int cmd_schedinfo(struct session *s, const struct cmd *cmd);
int cmd_desc(struct session *s, const struct cmd *cmd);
int cmd_metadata(struct session *s, const struct cmd *cmd);

/* Save, restore, managed save and snapshots: cmd_save.c, cmd_snapshot.c. */
int cmd_save(struct session *s, const struct cmd *cmd);
int cmd_restore(struct session *s, const struct cmd *cmd);
int cmd_managedsave(struct session *s, const struct cmd *cmd);
int cmd_snapshot_create_as(struct session *s, const struct cmd *cmd);
int cmd_snapshot_list(struct session *s, const struct cmd *cmd);
int cmd_snapshot_info(struct session *s, const struct cmd *cmd);
int cmd_snapshot_current(struct session *s, const struct cmd *cmd);
int cmd_snapshot_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_snapshot_revert(struct session *s, const struct cmd *cmd);
int cmd_snapshot_delete(struct session *s, const struct cmd *cmd);

/* Devices and guest operations. */
/* cmd_domain.c: the whole file at path, NUL-terminated (caller frees), or
 * NULL after printing why, as virsh reads an XML file. */
char *read_xml_file(const char *path);

int cmd_attach_device(struct session *s, const struct cmd *cmd);
int cmd_detach_device(struct session *s, const struct cmd *cmd);
int cmd_update_device(struct session *s, const struct cmd *cmd);
int cmd_detach_device_alias(struct session *s, const struct cmd *cmd);
int cmd_domif_getlink(struct session *s, const struct cmd *cmd);
int cmd_domif_setlink(struct session *s, const struct cmd *cmd);
int cmd_domhostname(struct session *s, const struct cmd *cmd);
int cmd_domtime(struct session *s, const struct cmd *cmd);
int cmd_domfsinfo(struct session *s, const struct cmd *cmd);
int cmd_domfsfreeze(struct session *s, const struct cmd *cmd);
int cmd_domfsthaw(struct session *s, const struct cmd *cmd);
int cmd_domfstrim(struct session *s, const struct cmd *cmd);
int cmd_reset(struct session *s, const struct cmd *cmd);
int cmd_inject_nmi(struct session *s, const struct cmd *cmd);
int cmd_set_user_password(struct session *s, const struct cmd *cmd);

/* Host and hypervisor: cmd_node.c */
int cmd_maxvcpus(struct session *s, const struct cmd *cmd);
int cmd_sysinfo(struct session *s, const struct cmd *cmd);
int cmd_nodecpustats(struct session *s, const struct cmd *cmd);
int cmd_nodememstats(struct session *s, const struct cmd *cmd);
int cmd_freecell(struct session *s, const struct cmd *cmd);
int cmd_nodecpumap(struct session *s, const struct cmd *cmd);
int cmd_cpu_models(struct session *s, const struct cmd *cmd);
int cmd_cpu_baseline(struct session *s, const struct cmd *cmd);   /* cmd_cpu.c */

/* Domain events. */

/* Domain tuning: pinning, NUMA and I/O threads. */
/* The host's CPUs from its topology (cmd_monitor.c). */
int host_cpu_count(struct session *s);
int cmd_vcpupin(struct session *s, const struct cmd *cmd);
int cmd_emulatorpin(struct session *s, const struct cmd *cmd);
int cmd_numatune(struct session *s, const struct cmd *cmd);
int cmd_iothreadinfo(struct session *s, const struct cmd *cmd);
int cmd_iothreadadd(struct session *s, const struct cmd *cmd);
int cmd_iothreadpin(struct session *s, const struct cmd *cmd);
int cmd_iothreadset(struct session *s, const struct cmd *cmd);
int cmd_iothreaddel(struct session *s, const struct cmd *cmd);

/* Domain tuning: block and interface I/O, perf. */
int cmd_blkiotune(struct session *s, const struct cmd *cmd);
int cmd_blkdeviotune(struct session *s, const struct cmd *cmd);
int cmd_domiftune(struct session *s, const struct cmd *cmd);
int cmd_perf(struct session *s, const struct cmd *cmd);

/* Networks. */
/* cmd_network.c */
int cmd_net_list(struct session *s, const struct cmd *cmd);
int cmd_net_info(struct session *s, const struct cmd *cmd);
int cmd_net_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_net_uuid(struct session *s, const struct cmd *cmd);
int cmd_net_name(struct session *s, const struct cmd *cmd);
int cmd_net_define(struct session *s, const struct cmd *cmd);
int cmd_net_create(struct session *s, const struct cmd *cmd);
int cmd_net_undefine(struct session *s, const struct cmd *cmd);
int cmd_net_start(struct session *s, const struct cmd *cmd);
int cmd_net_destroy(struct session *s, const struct cmd *cmd);
int cmd_net_autostart(struct session *s, const struct cmd *cmd);
int cmd_net_update(struct session *s, const struct cmd *cmd);

/* Storage pools and volumes (cmd_pool.c, cmd_vol.c). */
/* The pool arg names: by UUID when it is as long as one, then (with
 * is_by_name) by name; NULL after printing virsh's lines. */
struct vireo_storage_pool *cli_lookup_pool(struct session *s,
                                           const char *arg, bool is_by_name);
/* The same lookup, printing nothing: NULL with err set. */
struct vireo_storage_pool *cli_find_pool(struct session *s, const char *arg,
                                         bool is_by_name,
                                         struct vireo_error *err);
/* virsh's "1.50 GiB" (vshPrettyCapacity). */
void cli_pretty_capacity(unsigned long long bytes, char *out, size_t size);
/* "<label padded to 15> <size>": bytes and unit with is_bytes, else
 * pretty. */
void cli_print_size(const char *label, unsigned long long bytes,
                    bool is_bytes, const char *unit);
/* A UUID's 36 characters and a NUL into out. */
void cli_format_uuid(const unsigned char *uuid, char *out);
int cmd_pool_list(struct session *s, const struct cmd *cmd);
int cmd_pool_info(struct session *s, const struct cmd *cmd);
int cmd_pool_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_pool_name(struct session *s, const struct cmd *cmd);
int cmd_pool_uuid(struct session *s, const struct cmd *cmd);
int cmd_pool_define(struct session *s, const struct cmd *cmd);
int cmd_pool_create(struct session *s, const struct cmd *cmd);
int cmd_pool_start(struct session *s, const struct cmd *cmd);
int cmd_pool_build(struct session *s, const struct cmd *cmd);
int cmd_pool_destroy(struct session *s, const struct cmd *cmd);
int cmd_pool_delete(struct session *s, const struct cmd *cmd);
int cmd_pool_undefine(struct session *s, const struct cmd *cmd);
int cmd_pool_refresh(struct session *s, const struct cmd *cmd);
int cmd_pool_autostart(struct session *s, const struct cmd *cmd);
int cmd_pool_sources(struct session *s, const struct cmd *cmd);
int cmd_pool_sources_as(struct session *s, const struct cmd *cmd);
int cmd_vol_list(struct session *s, const struct cmd *cmd);
int cmd_vol_info(struct session *s, const struct cmd *cmd);
int cmd_vol_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_vol_path(struct session *s, const struct cmd *cmd);
int cmd_vol_key(struct session *s, const struct cmd *cmd);
int cmd_vol_name(struct session *s, const struct cmd *cmd);
int cmd_vol_pool(struct session *s, const struct cmd *cmd);
int cmd_vol_create_as(struct session *s, const struct cmd *cmd);
int cmd_vol_delete(struct session *s, const struct cmd *cmd);

/* Node devices and host interfaces. */
/* cmd_nodedev.c */
int cmd_nodedev_list(struct session *s, const struct cmd *cmd);
int cmd_nodedev_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_nodedev_create(struct session *s, const struct cmd *cmd);
int cmd_nodedev_destroy(struct session *s, const struct cmd *cmd);
/* cmd_iface.c */
int cmd_iface_list(struct session *s, const struct cmd *cmd);
int cmd_iface_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_iface_mac(struct session *s, const struct cmd *cmd);
int cmd_iface_name(struct session *s, const struct cmd *cmd);
int cmd_iface_define(struct session *s, const struct cmd *cmd);
int cmd_iface_undefine(struct session *s, const struct cmd *cmd);
int cmd_iface_start(struct session *s, const struct cmd *cmd);
int cmd_iface_destroy(struct session *s, const struct cmd *cmd);
int cmd_iface_begin(struct session *s, const struct cmd *cmd);
int cmd_iface_commit(struct session *s, const struct cmd *cmd);
int cmd_iface_rollback(struct session *s, const struct cmd *cmd);

/* Domain checkpoints. */
/* cmd_checkpoint.c */
int cmd_checkpoint_create(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_create_as(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_list(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_info(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_dumpxml(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_parent(struct session *s, const struct cmd *cmd);
int cmd_checkpoint_delete(struct session *s, const struct cmd *cmd);
/* Shared with the snapshot commands (cmd_snapshot.c): the text of the
 * first element `name` after the text `after` (NULL: from the start) of
 * a moment's document, malloc'ed, NULL if absent; and virsh's "Creation
 * Time" of a count of seconds (local time with its offset). */
char *cli_xml_text(const char *xml, const char *after, const char *name);
void cli_format_time(const char *seconds, char *buf, size_t size);

/* Object events: networks, storage pools, node devices. */
int cmd_net_event(struct session *s, const struct cmd *cmd);   /* cmd_network_event.c */

/* Storage pool and node device events (cmd_object_event.c). */
int cmd_pool_event(struct session *s, const struct cmd *cmd);
int cmd_nodedev_event(struct session *s, const struct cmd *cmd);

/* Network DHCP leases (cmd_network_lease.c). virsh's lookup of a NETWORK
 * argument (cmd_network.c): NULL after printing virsh's error. */
struct vireo_network *cli_network_lookup(struct session *s, const char *arg);
int cmd_net_dhcp_leases(struct session *s, const struct cmd *cmd);
/* Storage volume contents (cmd_vol.c). */
int cmd_vol_wipe(struct session *s, const struct cmd *cmd);
int cmd_vol_resize(struct session *s, const struct cmd *cmd);
/* Domain capabilities (cmd_domcaps.c). */
int cmd_domcapabilities(struct session *s, const struct cmd *cmd);

/* Volume upload and download (cmd_vol_stream.c), and virsh's lookup of a
 * volume by the command's "vol" and "pool" (cmd_vol.c): NULL after
 * printing virsh's lines. */
struct vireo_storage_vol *cli_lookup_vol(struct session *s,
                                         const struct cmd *cmd);
int cmd_vol_upload(struct session *s, const struct cmd *cmd);
int cmd_vol_download(struct session *s, const struct cmd *cmd);

#endif /* VIREO_TOOLS_CLI_H */
