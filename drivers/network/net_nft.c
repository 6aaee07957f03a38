/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_nft.c: a network's nftables table (net_nft.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_nft.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"

static const char *const nft_paths[] = {
    "/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft", NULL,
};

bool
net_nft_is_wanted(const struct net_obj *obj, const struct net_ipv4 *ip)
{
    int f = obj->base.def->forward;

    return ip->has_address && (f == NETWORK_FORWARD_NAT ||
                               f == NETWORK_FORWARD_ROUTE ||
                               f == NETWORK_FORWARD_NONE);
}

/* "vireo_" and the network's name with what nft would not take as an
 * identifier made '_'. */
static void
table_name(const char *name, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "vireo_%s", name);

    for (size_t i = 6; i < n && i < size; i++)
        if (!isalnum((unsigned char)out[i]) && out[i] != '_')
            out[i] = '_';
}

static void
put_postrouting(FILE *out, const char *net)
{
    fprintf(out,
            "\tchain postrouting {\n"
            "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
            "\t\tip saddr %s ip daddr 224.0.0.0/24 return\n"
            "\t\tip saddr %s ip daddr 255.255.255.255 return\n"
            "\t\tmeta l4proto tcp ip saddr %s ip daddr != %s "
            "masquerade to :1024-65535\n"
            "\t\tmeta l4proto udp ip saddr %s ip daddr != %s "
            "masquerade to :1024-65535\n"
            "\t\tip saddr %s ip daddr != %s masquerade\n"
            "\t}\n", net, net, net, net, net, net, net, net);
}

/* What libvirt lets through the bridge: replies to the guests (nat) or
 * anything to them (route), anything from them, and between them; the
 * rest to or from the bridge is refused. */
static void
put_forward(FILE *out, int forward, const char *br, const char *net)
{
    fputs("\tchain forward {\n"
          "\t\ttype filter hook forward priority filter; policy accept;\n",
          out);
    if (forward == NETWORK_FORWARD_NAT)
        fprintf(out, "\t\toifname \"%s\" ip daddr %s ct state "
                "related,established accept\n", br, net);
    if (forward == NETWORK_FORWARD_ROUTE)
        fprintf(out, "\t\toifname \"%s\" ip daddr %s accept\n", br, net);
    if (forward != NETWORK_FORWARD_NONE)
        fprintf(out, "\t\tiifname \"%s\" ip saddr %s accept\n", br, net);
    fprintf(out, "\t\tiifname \"%s\" oifname \"%s\" accept\n"
            "\t\tiifname \"%s\" reject\n"
            "\t\toifname \"%s\" reject\n"
            "\t}\n", br, br, br, br);
}

/* The transaction: make sure the table exists, delete it, and (with a
 * network) make it anew. */
static char *
ruleset(const char *name, const struct net_obj *obj,
        const struct net_ipv4 *ip)
{
    char table[64], net[32], addr[16], *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    struct in_addr n;

    if (out == NULL)
        return NULL;
    table_name(name, table, sizeof(table));
    fprintf(out, "table ip %s\ndelete table ip %s\n", table, table);
    if (obj != NULL) {
        n = net_ipv4_network(ip);
        inet_ntop(AF_INET, &n, addr, sizeof(addr));
        snprintf(net, sizeof(net), "%s/%d", addr, ip->prefix);
        fprintf(out, "table ip %s {\n", table);
        if (obj->base.def->forward == NETWORK_FORWARD_NAT)
            put_postrouting(out, net);
        put_forward(out, obj->base.def->forward, obj->base.def->bridge, net);
        fputs("}\n", out);
    }
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* One nft run in flight. Network thread. */
struct nft_run {
    struct net_state *st;
    char             *name;       /* the network's */
    char             *err_path;   /* nft's stderr */
    net_nft_done      done;
    void             *opaque;
};

static void
run_free(struct nft_run *r)
{
    if (r == NULL)
        return;
    net_store_remove(r->err_path);
    free(r->err_path);
    free(r->name);
    free(r);
}

/* nft's first line of complaint, as the error. */
static void
read_complaint(const char *path, struct vireo_error *err)
{
    char line[200] = "";
    FILE *f = fopen(path, "re");

    if (f != NULL) {
        if (fgets(line, sizeof(line), f) == NULL)
            line[0] = '\0';
        fclose(f);
    }
    line[strcspn(line, "\n")] = '\0';
    error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
              "failed to apply firewall rules: %s",
              line[0] != '\0' ? line : "nft failed");
}

static void
on_exit_cb(struct worker_child *c, int status, void *opaque)
{
    struct nft_run *r = opaque;
    struct vireo_error err = { 0 };
    int rc = 0;

    worker_child_free(c);
    if (!(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        read_complaint(r->err_path, &err);
        rc = -1;
    }
    r->done(r->st, r->name, rc, &err, r->opaque);
    run_free(r);
}

static const char *
find_program(void)
{
    for (int i = 0; nft_paths[i] != NULL; i++)
        if (access(nft_paths[i], X_OK) == 0)
            return nft_paths[i];
    return NULL;
}

/* Write the ruleset to RUN_DIR/NAME.nft and run `nft -f` on it. */
static int
run(struct net_state *st, const char *name, char *rules, net_nft_done done,
    void *opaque, struct vireo_error *err)
{
    struct nft_run *r = calloc(1, sizeof(*r));
    char *path = net_store_path(st->run_dir, name, "nft");
    const char *prog = find_program();
    int fd = -1, rc = -1;

    if (prog == NULL)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK, "%s",
                  "Cannot find 'nft' in path");
    else if (r == NULL || path == NULL || rules == NULL ||
             (r->name = strdup(name)) == NULL ||
             (r->err_path = net_store_path(st->run_dir, name,
                                           "nft-err")) == NULL)
        error_no_memory(err);
    else if (net_store_write(path, rules, err) == 0 &&
             (fd = open(r->err_path, O_WRONLY | O_CREAT | O_TRUNC |
                        O_CLOEXEC, 0600)) >= 0) {
        const char *argv[] = { prog, "-f", path, NULL };
        struct worker_child_spec spec = {
            .argv = argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = fd,
        };

        *r = (struct nft_run){ .st = st, .name = r->name,
                               .err_path = r->err_path, .done = done,
                               .opaque = opaque };
        if (worker_child_spawn(worker_current(), &spec, on_exit_cb, r,
                               err) != NULL) {
            r = NULL;
            rc = 0;
        }
    }
    if (fd >= 0)
        close(fd);
    run_free(r);
    free(path);
    free(rules);
    return rc;
}

int
net_nft_apply(struct net_state *st, const struct net_obj *obj,
              const struct net_ipv4 *ip, net_nft_done done, void *opaque,
              struct vireo_error *err)
{
    return run(st, obj->base.def->name, ruleset(obj->base.def->name, obj, ip), done,
               opaque, err);
}

int
net_nft_remove(struct net_state *st, const char *name, net_nft_done done,
               void *opaque, struct vireo_error *err)
{
    return run(st, name, ruleset(name, NULL, NULL), done, opaque, err);
}
