/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-netdrv-ipv6.c: what the network driver gives dnsmasq and nftables
 * for networks with IPv6, against what libvirtd 9.0's network driver
 * gave for the same documents (data/netdrv-ipv6/<case>.xml):
 *   <case>.conf       the dnsmasq configuration libvirtd wrote
 *   <case>.hostsfile  its dhcp-hostsfile
 *   <case>.ip6tables  the ip6tables rules it inserted (its firewall is
 *                     iptables; ours is nftables, so each of its rules is
 *                     translated here into the nft rule that means the
 *                     same, and our ip6 table must hold exactly those)
 * Each was taken from a root libvirtd in network and mount namespaces of
 * its own, by net-define, net-start and a look at its state directory.
 * The dnsmasq lines that name files, or that only one daemon writes for
 * its own way of running dnsmasq (user=, listen-address=, the leases and
 * log files), are left out of the comparison; everything else must be
 * the same lines in the same order.
 *
 * Usage: test-netdrv-ipv6 DATA_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/network/net_dnsmasq.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_nft.h"
#include "drivers/network/net_state.h"
#include "tests/tap.h"

#define TEXT_MAX 8192

static const char *data_dir;

/* DATA_DIR/netdrv-ipv6/NAME.SUFFIX into buf ("" when unreadable). */
static char *
load(const char *name, const char *suffix, char *buf)
{
    char path[512];
    FILE *f;
    size_t n = 0;

    snprintf(path, sizeof(path), "%s/netdrv-ipv6/%s.%s", data_dir, name,
             suffix);
    if ((f = fopen(path, "r")) != NULL) {
        n = fread(buf, 1, TEXT_MAX - 1, f);
        fclose(f);
    }
    buf[n] = '\0';
    return buf;
}

/* Lines that name files or belong to one daemon's way of running
 * dnsmasq. */
static bool
is_compared(const char *line)
{
    static const char *const skipped[] = {
        "##", "pid-file=", "dhcp-hostsfile=", "addn-hosts=", "user=",
        "listen-address=", "dhcp-leasefile=", "log-facility=", NULL,
    };

    for (int i = 0; skipped[i] != NULL; i++)
        if (strncmp(line, skipped[i], strlen(skipped[i])) == 0)
            return false;
    return line[0] != '\0';
}

/* text's compared lines, one per line, into out. */
static void
compared_lines(const char *text, char *out)
{
    char line[512];
    const char *p = text;

    out[0] = '\0';
    while (*p != '\0') {
        size_t n = strcspn(p, "\n");

        snprintf(line, sizeof(line), "%.*s", (int)n, p);
        if (is_compared(line) && strlen(out) + n + 2 < TEXT_MAX) {
            strcat(out, line);
            strcat(out, "\n");
        }
        p += n + (p[n] == '\n');
    }
}

/* ---- One ip6tables rule as the nft rule that means the same ---------- */

struct ipt_rule {
    char in[32], out[32], src[64], dst[64], proto[8], jump[16];
    bool is_dst_negated, is_related_only, has_ports;
};

static void
parse_rule(char *line, struct ipt_rule *r)
{
    bool is_negated = false;
    char *save = NULL;

    memset(r, 0, sizeof(*r));
    for (char *t = strtok_r(line, " ", &save); t != NULL;
         t = strtok_r(NULL, " ", &save)) {
        char *v = NULL;

        if (strcmp(t, "!") == 0) {
            is_negated = true;
            continue;
        }
        if (strcmp(t, "--ctstate") == 0)
            r->is_related_only = true;
        if (strcmp(t, "--to-ports") == 0)
            r->has_ports = true;
        if (t[0] == '-' && strcmp(t, "-w") != 0)
            v = strtok_r(NULL, " ", &save);
        if (v == NULL)
            continue;
        if (strcmp(t, "--in-interface") == 0)
            snprintf(r->in, sizeof(r->in), "%s", v);
        else if (strcmp(t, "--out-interface") == 0)
            snprintf(r->out, sizeof(r->out), "%s", v);
        else if (strcmp(t, "--source") == 0)
            snprintf(r->src, sizeof(r->src), "%s", v);
        else if (strcmp(t, "--destination") == 0) {
            snprintf(r->dst, sizeof(r->dst), "%s", v);
            r->is_dst_negated = is_negated;
        } else if (strcmp(t, "-p") == 0)
            snprintf(r->proto, sizeof(r->proto), "%s", v);
        else if (strcmp(t, "--jump") == 0)
            snprintf(r->jump, sizeof(r->jump), "%s", v);
        is_negated = false;
    }
}

static void
to_nft(const struct ipt_rule *r, char *out, size_t size)
{
    size_t n = 0;

#define PUT(...) (n += (size_t)snprintf(out + n, size - n, __VA_ARGS__))
    out[0] = '\0';
    if (r->proto[0] != '\0')
        PUT("meta l4proto %s ", r->proto);
    if (r->in[0] != '\0')
        PUT("iifname \"%s\" ", r->in);
    if (r->out[0] != '\0')
        PUT("oifname \"%s\" ", r->out);
    if (r->src[0] != '\0')
        PUT("ip6 saddr %s ", r->src);
    if (r->dst[0] != '\0')
        PUT("ip6 daddr %s%s ", r->is_dst_negated ? "!= " : "", r->dst);
    if (r->is_related_only)
        PUT("ct state related,established ");
    if (strcmp(r->jump, "MASQUERADE") == 0)
        PUT("masquerade%s", r->has_ports ? " to :1024-65535" : "");
    else
        PUT("%s", strcmp(r->jump, "ACCEPT") == 0 ? "accept"
                  : strcmp(r->jump, "REJECT") == 0 ? "reject" : "return");
#undef PUT
}

/* The rules of the "ip6" table in an nft transaction, one per line. */
static int
ip6_rules(const char *rules, char *out)
{
    const char *p = rules;
    int n = 0;

    /* The table's body, after the lines that delete an older one. */
    while ((p = strstr(p, "\ntable ip6 vireo_")) != NULL &&
           p[strcspn(p + 1, "\n")] != '{')
        p++;

    out[0] = '\0';
    for (p = p != NULL ? strchr(p + 1, '\n') : NULL; p != NULL && p[1] != '}';
         p = strchr(p + 1, '\n')) {
        const char *line = p + 1 + strspn(p + 1, "\t");
        size_t len = strcspn(line, "\n");

        if (strncmp(line, "chain ", 6) == 0 || strncmp(line, "type ", 5) == 0 ||
            line[0] == '}')
            continue;
        strncat(out, line, len + 1);
        n++;
    }
    return n;
}

static void
check_nft(const char *name, const struct net_obj *obj,
          const struct net_ipv4 *ip)
{
    struct vireo_error err = { 0 };
    char *rules = net_nft_ruleset(obj, ip, &err);
    char want[TEXT_MAX], ours[TEXT_MAX], nft[256];
    int n_want = 0, n_ours = ours[0] = 0, n_found = 0;

    load(name, "ip6tables", want);
    if (rules != NULL)
        n_ours = ip6_rules(rules, ours);
    for (const char *p = want; *p != '\0'; p += strcspn(p, "\n") + 1) {
        struct ipt_rule r;
        char line[512];

        snprintf(line, sizeof(line), "%.*s", (int)strcspn(p, "\n"), p);
        parse_rule(line, &r);
        to_nft(&r, nft, sizeof(nft));
        n_want++;
        if (strstr(ours, nft) != NULL)
            n_found++;
        else
            tap_diag("%s: no nft rule '%s'", name, nft);
        if (p[strcspn(p, "\n")] == '\0')
            break;
    }
    tap_ok(n_want > 0 && n_found == n_want && n_ours == n_want,
           "%s: the ip6 table holds the %d rules libvirtd's ip6tables rules "
           "mean, and no other (%d) %s", name, n_want, n_ours,
           rules == NULL ? err.message : "");
    free(rules);
}

/* ---- dnsmasq ---------------------------------------------------------- */

static void
check_text(const char *name, const char *suffix, char *ours,
           struct vireo_error *err)
{
    char want[TEXT_MAX], got[TEXT_MAX], text[TEXT_MAX];

    compared_lines(load(name, suffix, text), want);
    compared_lines(ours != NULL ? ours : "", got);
    tap_is_str(ours != NULL ? got : err->message, want,
               "%s: the dnsmasq %s says what libvirtd's says", name, suffix);
    free(ours);
}

static void
check_case(const char *name)
{
    static struct net_state st = { .run_dir = (char *)"/run/vireo/network" };
    struct vireo_error err = { 0 };
    char xml[TEXT_MAX];
    struct network_def *def = network_def_parse(load(name, "xml", xml), &err);
    struct net_obj obj = { .st = &st };
    struct net_ipv4 *ip = calloc(1, sizeof(*ip));

    obj.base.def = def;
    if (def == NULL || ip == NULL || net_ipv4_read(def, ip, &err) < 0) {
        tap_ok(false, "%s: read (%s)", name, err.message);
        tap_ok(false, "%s: no hosts file", name);
        tap_ok(false, "%s: no ruleset", name);
    } else {
        check_text(name, "conf", net_dnsmasq_conf_text(&st, &obj, ip, &err),
                   &err);
        check_text(name, "hostsfile", net_dnsmasq_hosts_text(&obj, ip, &err),
                   &err);
        check_nft(name, &obj, ip);
    }
    free(ip);
    network_def_free(def);
}

int
main(int argc, char **argv)
{
    static const char *const cases[] = {
        "dual", "v6only", "slaac", "isolated", "natv6", "static6", "nogw",
    };

    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    data_dir = argv[1];
    tap_plan((int)(3 * (sizeof(cases) / sizeof(cases[0]))));
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_case(cases[i]);
    return tap_done();
}
