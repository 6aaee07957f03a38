/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_dnsmasq.c: a network's dnsmasq (net_dnsmasq.h).
 */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/network/net_dnsmasq.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_ipv6.h"
#include "drivers/network/net_lease_mac.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"

/* A dnsmasq that dies sooner than this after its start is not started
 * again: it would only die again (a configuration it refuses). */
#define RESTART_MIN_INTERVAL_S 2

static const char *const dnsmasq_paths[] = {
    "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq", NULL,
};

bool
net_dnsmasq_is_wanted(const struct net_obj *obj, const struct net_ipv4 *ip)
{
    return ip->has_address || net_ipv6_is_present(obj->base.def);
}

static const char *
find_program(void)
{
    for (int i = 0; dnsmasq_paths[i] != NULL; i++)
        if (access(dnsmasq_paths[i], X_OK) == 0)
            return dnsmasq_paths[i];
    return NULL;
}

/* An IPv6 host as libvirt writes it: [id:ID,][NAME,][IP] in brackets. */
static void
put_host6(FILE *out, const struct net_ipv6_host *h)
{
    if (h->id[0] != '\0')
        fprintf(out, "id:%s,", h->id);
    if (h->name[0] != '\0')
        fprintf(out, "%s,", h->name);
    fprintf(out, "[%s]\n", h->ip);
}

/* One dhcp-host line per fixed host: mac, ip, name for IPv4, then the
 * IPv6 ones, as libvirt writes them. */
static char *
hosts_text(const struct net_ipv4 *ip, const struct net_ipv6 *ip6)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    for (int i = 0; i < ip->n_hosts; i++) {
        const struct net_ipv4_host *h = &ip->hosts[i];
        const char *sep = "";

        if (h->mac[0] != '\0') {
            fputs(h->mac, out);
            sep = ",";
        }
        if (h->ip[0] != '\0') {
            fprintf(out, "%s%s", sep, h->ip);
            sep = ",";
        }
        if (h->name[0] != '\0')
            fprintf(out, "%s%s", sep, h->name);
        fputc('\n', out);
    }
    for (int i = 0; i < ip6->n_hosts; i++)
        put_host6(out, &ip6->hosts[i]);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* The number of addresses the ranges hold, for dhcp-lease-max. */
static unsigned long
range_size(const struct net_ipv4 *ip)
{
    unsigned long n = 0;

    for (int i = 0; i < ip->n_ranges; i++)
        n += ntohl(ip->range_end[i].s_addr) -
             ntohl(ip->range_start[i].s_addr) + 1;
    return n;
}

/* The DHCPv6 ranges (or, with static hosts only, the address libvirt
 * names to turn DHCPv6 on); how many addresses they hold. */
static unsigned long
put_ranges6(FILE *out, const struct net_ipv6 *ip6)
{
    const struct net_ipv6_addr *a;
    char start[INET6_ADDRSTRLEN], end[INET6_ADDRSTRLEN];
    unsigned long n = 0;

    if (ip6->dhcp < 0)
        return 0;
    a = &ip6->addrs[ip6->dhcp];
    for (int i = 0; i < ip6->n_ranges; i++) {
        inet_ntop(AF_INET6, &ip6->range_start[i], start, sizeof(start));
        inet_ntop(AF_INET6, &ip6->range_end[i], end, sizeof(end));
        fprintf(out, "dhcp-range=%s,%s,%d\n", start, end, a->prefix);
        n += net_ipv6_range_size(&ip6->range_start[i], &ip6->range_end[i]);
    }
    if (ip6->n_ranges == 0 && ip6->n_hosts > 0) {
        inet_ntop(AF_INET6, &a->address, start, sizeof(start));
        fprintf(out, "dhcp-range=%s,static,%d\n", start, a->prefix);
    }
    return n;
}

/* Router advertisements: stateful (enable-ra) when DHCPv6 serves one
 * address, else SLAAC only on each address, as libvirt asks dnsmasq. */
static void
put_ra(FILE *out, const struct net_ipv6 *ip6)
{
    char addr[INET6_ADDRSTRLEN];

    if (ip6->dhcp >= 0) {
        fputs("enable-ra\n", out);
        return;
    }
    for (int i = 0; i < ip6->n_addrs; i++) {
        inet_ntop(AF_INET6, &ip6->addrs[i].address, addr, sizeof(addr));
        fprintf(out, "dhcp-range=%s,ra-only\n", addr);
    }
}

/* An isolated network's guests get no default route, neither from DHCP
 * nor from router advertisements (lifetime 0), and dnsmasq forwards no
 * query outside, as libvirt configures it. */
static void
put_isolation(FILE *out, const struct net_obj *obj,
              const struct net_ipv6 *ip6)
{
    if (obj->base.def->forward != NETWORK_FORWARD_NONE)
        return;
    fputs("dhcp-option=3\nno-resolv\n", out);
    if (ip6->n_addrs > 0)
        fputs("ra-param=*,0,0\n", out);
}

static void
put_ranges(FILE *out, const struct net_ipv4 *ip, const struct net_ipv6 *ip6)
{
    char start[16], end[16], mask[16];
    unsigned long n_leases = 0;

    inet_ntop(AF_INET, &ip->netmask, mask, sizeof(mask));
    for (int i = 0; i < ip->n_ranges; i++) {
        inet_ntop(AF_INET, &ip->range_start[i], start, sizeof(start));
        inet_ntop(AF_INET, &ip->range_end[i], end, sizeof(end));
        fprintf(out, "dhcp-range=%s,%s,%s\n", start, end, mask);
    }
    if (ip->n_ranges > 0 || ip->n_hosts > 0) {
        fputs("dhcp-no-override\ndhcp-authoritative\n", out);
        n_leases = range_size(ip) + (unsigned)ip->n_hosts;
    }
    n_leases += put_ranges6(out, ip6);
    if (n_leases > 0)
        fprintf(out, "dhcp-lease-max=%lu\n", n_leases);
}

/* libvirt's configuration, with files of our run_dir. dnsmasq keeps
 * running as root (user=root): it reads the hosts file again on SIGHUP,
 * from a directory only root may enter. */
static char *
conf_text(const struct net_state *st, const struct net_obj *obj,
          const struct net_ipv4 *ip, const struct net_ipv6 *ip6)
{
    const char *name = obj->base.def->name;
    char addr[16], *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    inet_ntop(AF_INET, &ip->address, addr, sizeof(addr));
    fprintf(out, "##WARNING:  THIS IS AN AUTO-GENERATED FILE. "
            "CHANGES TO IT ARE LIKELY TO BE\n##OVERWRITTEN AND LOST. "
            "Changes to this configuration should be made using:\n"
            "##    virsh net-edit %s\n\n", name);
    fprintf(out, "strict-order\nuser=root\nexcept-interface=lo\n"
            "bind-dynamic\ninterface=%s\n", obj->base.def->bridge);
    if (ip->has_address)
        fprintf(out, "listen-address=%s\n", addr);
    put_isolation(out, obj, ip6);
    put_ranges(out, ip, ip6);
    fprintf(out, "pid-file=%s/%s.dnsmasq-pid\n", st->run_dir, name);
    fprintf(out, "dhcp-hostsfile=%s/%s.hosts\n", st->run_dir, name);
    fprintf(out, "dhcp-leasefile=%s/%s.leases\n", st->run_dir, name);
    fprintf(out, "log-facility=%s/%s.log\n", st->run_dir, name);
    put_ra(out, ip6);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

char *
net_dnsmasq_conf_text(const struct net_state *st, const struct net_obj *obj,
                      const struct net_ipv4 *ip, struct vireo_error *err)
{
    struct net_ipv6 *ip6 = net_ipv6_read_new(obj->base.def, err);
    char *text = ip6 != NULL ? conf_text(st, obj, ip, ip6) : NULL;

    if (ip6 != NULL && text == NULL)
        error_no_memory(err);
    free(ip6);
    return text;
}

char *
net_dnsmasq_hosts_text(const struct net_obj *obj, const struct net_ipv4 *ip,
                       struct vireo_error *err)
{
    struct net_ipv6 *ip6 = net_ipv6_read_new(obj->base.def, err);
    char *text = ip6 != NULL ? hosts_text(ip, ip6) : NULL;

    if (ip6 != NULL && text == NULL)
        error_no_memory(err);
    free(ip6);
    return text;
}

/* Write RUN_DIR/NAME.SUFFIX from text (taken over; NULL: err is set). */
static int
write_run_file(struct net_state *st, const char *name, const char *suffix,
               char *text, struct vireo_error *err)
{
    char *path = text != NULL ? net_store_path(st->run_dir, name, suffix)
                              : NULL;
    int rc = text == NULL ? -1
             : path != NULL ? net_store_write(path, text, err)
             : error_no_memory(err);

    free(path);
    free(text);
    return rc;
}

static int
write_files(struct net_state *st, const struct net_obj *obj,
            const struct net_ipv4 *ip, struct vireo_error *err)
{
    const char *name = obj->base.def->name;

    return write_run_file(st, name, "hosts",
                          net_dnsmasq_hosts_text(obj, ip, err), err) < 0 ||
           write_run_file(st, name, "conf",
                          net_dnsmasq_conf_text(st, obj, ip, err), err) < 0 ||
           net_lease_mac_write_script(st->run_dir, name, err) < 0
           ? -1 : 0;
}

static void on_exit_cb(struct worker_child *c, int status, void *opaque);

/* "--OPTION=RUN_DIR/NAME.SUFFIX", malloc'ed, or NULL. */
static char *
run_file_arg(const struct net_state *st, const char *option,
             const char *name, const char *suffix)
{
    char *arg;

    return asprintf(&arg, "--%s=%s/%s.%s", option, st->run_dir, name,
                    suffix) < 0 ? NULL : arg;
}

/* Its command line, as libvirt's: the configuration, and the lease
 * script (net_lease_mac.h). */
static int
spawn(struct net_state *st, struct net_obj *obj, struct vireo_error *err)
{
    const char *prog = find_program(), *name = obj->base.def->name;
    char *conf_arg = run_file_arg(st, "conf-file", name, "conf");
    char *script_arg = run_file_arg(st, "dhcp-script", name, "lease-script");
    int rc = -1;

    if (prog == NULL) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK, "%s",
                  "Cannot find 'dnsmasq' in path");
    } else if (conf_arg == NULL || script_arg == NULL) {
        error_no_memory(err);
    } else {
        const char *argv[] = { prog, conf_arg, script_arg,
                               "--keep-in-foreground", NULL };
        struct worker_child_spec spec = {
            .argv = argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1,
            .is_detached = true,
        };

        obj->dnsmasq = worker_child_spawn(worker_current(), &spec, on_exit_cb,
                                          obj, err);
        if (obj->dnsmasq != NULL) {
            obj->dnsmasq_started = time(NULL);
            rc = 0;
        }
    }
    free(conf_arg);
    free(script_arg);
    return rc;
}

/* dnsmasq ended while its network runs: somebody killed it, or it failed.
 * Say so in the log, and start it again unless it just started. opaque
 * is the network, which lets go of c (net_dnsmasq_stop) before it goes. */
static void
on_exit_cb(struct worker_child *c, int status, void *opaque)
{
    struct net_obj *obj = opaque;
    struct net_state *st = obj->st;
    struct vireo_error err = { 0 };
    pid_t pid = worker_child_pid(c);
    const char *name = obj->base.def->name;
    struct net_ipv4 ip;
    bool is_quick = time(NULL) - obj->dnsmasq_started < RESTART_MIN_INTERVAL_S;

    (void)status;
    worker_child_free(c);
    obj->dnsmasq = NULL;
    net_state_warn(st, "dnsmasq (pid %d) of network '%s' exited: "
                   "DHCP and DNS are down on bridge '%s'%s", (int)pid,
                   name, obj->base.def->bridge,
                   is_quick ? "; not restarted, it exited at once"
                            : "; restarting it");
    if (is_quick)
        return;
    if (net_ipv4_read(obj->base.def, &ip, &err) < 0 || spawn(st, obj, &err) < 0 ||
        net_store_save_status(st, obj, &err) < 0)
        net_state_warn(st, "cannot restart dnsmasq of network '%s': %s",
                       name, err.message);
    else
        net_state_warn(st, "dnsmasq of network '%s' restarted (pid %d)",
                       name, (int)worker_child_pid(obj->dnsmasq));
}

int
net_dnsmasq_start(struct net_state *st, struct net_obj *obj,
                  const struct net_ipv4 *ip, struct vireo_error *err)
{
    if (write_files(st, obj, ip, err) < 0)
        return -1;
    return spawn(st, obj, err);
}

/* Is pid a dnsmasq started with our configuration of name? */
static bool
is_ours(struct net_state *st, const char *name, pid_t pid)
{
    char path[64], args[4096], *want;
    FILE *f;
    size_t n;
    bool found = false;

    snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
    if (pid <= 0 || (f = fopen(path, "re")) == NULL)
        return false;
    n = fread(args, 1, sizeof(args) - 1, f);
    fclose(f);
    if ((want = run_file_arg(st, "conf-file", name, "conf")) == NULL)
        return false;
    for (size_t i = 0; i < n; i += strlen(args + i) + 1) {
        args[n] = '\0';
        if (strcmp(args + i, want) == 0)
            found = true;
    }
    free(want);
    return found;
}

int
net_dnsmasq_reattach(struct net_state *st, struct net_obj *obj,
                     const struct net_ipv4 *ip, pid_t pid,
                     struct vireo_error *err)
{
    if (!is_ours(st, obj->base.def->name, pid))
        return net_dnsmasq_start(st, obj, ip, err);
    obj->dnsmasq = worker_child_adopt(worker_current(), pid, on_exit_cb, obj,
                                      err);
    if (obj->dnsmasq == NULL)
        return -1;
    obj->dnsmasq_started = time(NULL);
    return 0;
}

int
net_dnsmasq_reload_hosts(struct net_state *st, struct net_obj *obj,
                         const struct net_ipv4 *ip, struct vireo_error *err)
{
    if (write_run_file(st, obj->base.def->name, "hosts",
                       net_dnsmasq_hosts_text(obj, ip, err), err) < 0)
        return -1;
    if (obj->dnsmasq != NULL)
        worker_child_signal(obj->dnsmasq, SIGHUP);
    return 0;
}

static void
remove_files(struct net_state *st, const char *name)
{
    static const char *const suffixes[] = { "conf", "hosts", "leases",
                                            "log", "dnsmasq-pid", NULL };

    for (int i = 0; suffixes[i] != NULL; i++) {
        char *path = net_store_path(st->run_dir, name, suffixes[i]);

        net_store_remove(path);
        free(path);
    }
    net_lease_mac_remove(st->run_dir, name);
}

/* Once the record is freed no exit callback follows, so the network may
 * go right after. */
void
net_dnsmasq_stop(struct net_state *st, struct net_obj *obj)
{
    struct worker_child *c = obj->dnsmasq;

    obj->dnsmasq = NULL;
    if (c != NULL) {
        worker_child_signal(c, SIGTERM);
        worker_child_free(c);
    }
    remove_files(st, obj->base.def->name);
}

void
net_dnsmasq_kill_stale(struct net_state *st, const char *name, pid_t pid)
{
    if (is_ours(st, name, pid))
        kill(pid, SIGTERM);
    remove_files(st, name);
}
