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
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_ipv6.h"
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

    return (ip->has_address || net_ipv6_is_present(obj->base.def) ||
            network_def_is_ipv6_nogw(obj->base.def)) &&
           (f == NETWORK_FORWARD_NAT || f == NETWORK_FORWARD_ROUTE ||
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

/* The masquerading lines of family fam ("ip" or "ip6") for net. */
static void
put_masquerade(FILE *out, const char *fam, const char *net)
{
    fprintf(out,
            "\t\tmeta l4proto tcp %s saddr %s %s daddr != %s "
            "masquerade to :1024-65535\n"
            "\t\tmeta l4proto udp %s saddr %s %s daddr != %s "
            "masquerade to :1024-65535\n"
            "\t\t%s saddr %s %s daddr != %s masquerade\n",
            fam, net, fam, net, fam, net, fam, net, fam, net, fam, net);
}

static void
put_postrouting(FILE *out, const char *net)
{
    fprintf(out,
            "\tchain postrouting {\n"
            "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
            "\t\tip saddr %s ip daddr 224.0.0.0/24 return\n"
            "\t\tip saddr %s ip daddr 255.255.255.255 return\n",
            net, net);
    put_masquerade(out, "ip", net);
    fputs("\t}\n", out);
}

static void
put_forward_head(FILE *out)
{
    fputs("\tchain forward {\n"
          "\t\ttype filter hook forward priority filter; policy accept;\n",
          out);
}

/* Between the guests, yes; anything else to or from the bridge that no
 * rule above let through, refused. */
static void
put_forward_tail(FILE *out, const char *br)
{
    fprintf(out, "\t\tiifname \"%s\" oifname \"%s\" accept\n"
            "\t\tiifname \"%s\" reject\n"
            "\t\toifname \"%s\" reject\n"
            "\t}\n", br, br, br, br);
}

/* What libvirt lets through the bridge for one subnet net of family fam:
 * replies to the guests (is_related_only: nat) or anything to them
 * (route), and anything from them; an isolated network, neither. */
static void
put_forward_net(FILE *out, int forward, bool is_related_only,
                const char *fam, const char *br, const char *net)
{
    if (forward == NETWORK_FORWARD_NONE)
        return;
    if (is_related_only)
        fprintf(out, "\t\toifname \"%s\" %s daddr %s ct state "
                "related,established accept\n", br, fam, net);
    else
        fprintf(out, "\t\toifname \"%s\" %s daddr %s accept\n", br, fam,
                net);
    fprintf(out, "\t\tiifname \"%s\" %s saddr %s accept\n", br, fam, net);
}

static void
put_ipv4_table(FILE *out, const char *table, const struct net_obj *obj,
               const struct net_ipv4 *ip)
{
    const struct network_def *def = obj->base.def;
    char net[32], addr[16];
    struct in_addr n = net_ipv4_network(ip);

    inet_ntop(AF_INET, &n, addr, sizeof(addr));
    snprintf(net, sizeof(net), "%s/%d", addr, ip->prefix);
    fprintf(out, "table ip %s {\n", table);
    if (def->forward == NETWORK_FORWARD_NAT)
        put_postrouting(out, net);
    put_forward_head(out);
    put_forward_net(out, def->forward, def->forward == NETWORK_FORWARD_NAT,
                    "ip", def->bridge, net);
    put_forward_tail(out, def->bridge);
    fputs("}\n", out);
}

/* Does <forward><nat ipv6='yes'/> ask for IPv6 masquerading too? */
static bool
is_nat_ipv6(const struct network_def *def)
{
    xmlNodePtr fwd = network_shape_child(xmlDocGetRootElement(def->doc),
                                         "forward");
    xmlNodePtr nat = network_shape_child(fwd, "nat");
    xmlChar *v = nat != NULL ? xmlGetNoNsProp(nat, BAD_CAST "ipv6") : NULL;
    bool is_yes = v != NULL && xmlStrEqual(v, BAD_CAST "yes");

    xmlFree(v);
    return def->forward == NETWORK_FORWARD_NAT && is_yes;
}

/* libvirt routes IPv6 for nat networks unless <nat ipv6='yes'/> asks to
 * masquerade it as IPv4 is. */
static void
put_ipv6_table(FILE *out, const char *table, const struct net_obj *obj,
               const struct net_ipv6 *ip6)
{
    const struct network_def *def = obj->base.def;
    bool is_masq = is_nat_ipv6(def);
    char net[INET6_ADDRSTRLEN + 8];

    fprintf(out, "table ip6 %s {\n", table);
    if (is_masq) {
        fputs("\tchain postrouting {\n"
              "\t\ttype nat hook postrouting priority srcnat; "
              "policy accept;\n", out);
        for (int i = 0; i < ip6->n_addrs; i++) {
            net_ipv6_subnet(&ip6->addrs[i], net, sizeof(net));
            fprintf(out, "\t\tip6 saddr %s ip6 daddr ff02::/16 return\n",
                    net);
            put_masquerade(out, "ip6", net);
        }
        fputs("\t}\n", out);
    }
    put_forward_head(out);
    for (int i = 0; i < ip6->n_addrs; i++) {
        net_ipv6_subnet(&ip6->addrs[i], net, sizeof(net));
        put_forward_net(out, def->forward, is_masq, "ip6", def->bridge, net);
    }
    put_forward_tail(out, def->bridge);
    fputs("}\n", out);
}

/* The transaction: make sure the tables exist, delete them, and (with a
 * network) make them anew. */
static char *
ruleset(const char *name, const struct net_obj *obj,
        const struct net_ipv4 *ip, const struct net_ipv6 *ip6)
{
    char table[64], *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    table_name(name, table, sizeof(table));
    fprintf(out, "table ip %s\ndelete table ip %s\n", table, table);
    fprintf(out, "table ip6 %s\ndelete table ip6 %s\n", table, table);
    if (obj != NULL && ip->has_address)
        put_ipv4_table(out, table, obj, ip);
    /* <network ipv6='yes'> without an IPv6 address still gets libvirt's
     * IPv6 rules for the bridge: between guests, and nothing else. */
    if (obj != NULL &&
        (ip6->n_addrs > 0 || network_def_is_ipv6_nogw(obj->base.def)))
        put_ipv6_table(out, table, obj, ip6);
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

char *
net_nft_ruleset(const struct net_obj *obj, const struct net_ipv4 *ip,
                struct vireo_error *err)
{
    struct net_ipv6 *ip6 = net_ipv6_read_new(obj->base.def, err);
    char *rules = ip6 != NULL ? ruleset(obj->base.def->name, obj, ip, ip6)
                              : NULL;

    if (ip6 != NULL && rules == NULL)
        error_no_memory(err);
    free(ip6);
    return rules;
}

int
net_nft_apply(struct net_state *st, const struct net_obj *obj,
              const struct net_ipv4 *ip, net_nft_done done, void *opaque,
              struct vireo_error *err)
{
    char *rules = net_nft_ruleset(obj, ip, err);

    return rules == NULL ? -1
           : run(st, obj->base.def->name, rules, done, opaque, err);
}

int
net_nft_remove(struct net_state *st, const char *name, net_nft_done done,
               void *opaque, struct vireo_error *err)
{
    return run(st, name, ruleset(name, NULL, NULL, NULL), done, opaque, err);
}
