/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-network-xml.c: libvirt's <network> documents read and written back
 * as libvirtd 9.0 writes them (golden files data/network/<case>.in.xml ->
 * <case>.out.xml, the outputs made by libvirtd's net-define and
 * net-dumpxml), the errors of bad documents in libvirt's words, and
 * net-update's edits.
 *
 * Usage: test-network-xml DATA_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "tests/tap.h"

static const char *data_dir;

static char *
slurp(const char *name)
{
    char path[512];
    FILE *in;
    char *text = NULL;
    size_t len = 0;

    snprintf(path, sizeof(path), "%s/network/%s", data_dir, name);
    in = fopen(path, "r");
    if (in == NULL)
        return NULL;
    if (getdelim(&text, &len, '\0', in) < 0) {
        free(text);
        text = NULL;
    }
    fclose(in);
    return text;
}

/* libvirtd's net-dumpxml ends with virsh's own newline: drop it. */
static void
chop_virsh_newline(char *text)
{
    size_t n = strlen(text);

    if (n >= 2 && text[n - 1] == '\n' && text[n - 2] == '\n')
        text[n - 1] = '\0';
}

static void
check_golden(const char *name)
{
    char in_name[64], out_name[64];
    char *in, *want, *got = NULL, *again = NULL;
    struct vireo_error err = { 0 };
    struct network_def *def, *reread = NULL;

    snprintf(in_name, sizeof(in_name), "%s.in.xml", name);
    snprintf(out_name, sizeof(out_name), "%s.out.xml", name);
    in = slurp(in_name);
    want = slurp(out_name);
    if (want != NULL)
        chop_virsh_newline(want);
    def = in != NULL ? network_def_parse(in, &err) : NULL;
    if (def != NULL)
        got = network_def_format(def);
    tap_is_str(got != NULL ? got : err.message, want != NULL ? want : "",
               "%s: written back as libvirtd writes it", name);
    if (got != NULL && (reread = network_def_parse(got, &err)) != NULL)
        again = network_def_format(reread);
    tap_is_str(again != NULL ? again : "", got != NULL ? got : "",
               "%s: reading what was written changes nothing", name);
    network_def_free(def);
    network_def_free(reread);
    free(in);
    free(want);
    free(got);
    free(again);
}

static void
check_bad(const char *xml, int code, const char *message)
{
    struct vireo_error err = { 0 };
    struct network_def *def = network_def_parse(xml, &err);

    if (!tap_ok(def == NULL && err.code == code &&
                strstr(err.message, message) != NULL,
                "refused as libvirt refuses it: %s", message))
        printf("# got %d: %s\n", err.code, strtok(err.message, "\n"));
    network_def_free(def);
}

static void
check_bad_documents(void)
{
    check_bad("<network><uuid>dd8fe884-6c02-601e-7551-cca97df1c5de</uuid>"
              "</network>", VIR_ERR_NO_NAME, "missing name information");
    check_bad("<network><name>a/b</name></network>", VIR_ERR_XML_ERROR,
              "invalid char in name: /");
    check_bad("<network><name>x</name><uuid>zzz</uuid></network>",
              VIR_ERR_INTERNAL_ERROR, "malformed uuid element");
    check_bad("<network><name>x</name><forward mode='bogus'/></network>",
              VIR_ERR_CONFIG_UNSUPPORTED, "unknown forwarding type 'bogus'");
    check_bad("<netwrk><name>x</name></netwrk>", VIR_ERR_XML_ERROR,
              "expecting root element of 'network', not 'netwrk'");
    check_bad("<network><name>x</name", VIR_ERR_XML_DETAIL,
              "(network_definition)");
}

/* <ip family='ipv6'> documents libvirtd 9.0 refuses (net-define, its
 * test and network drivers alike), with its codes and words. */
static void
check_bad_ipv6(void)
{
#define NET(name, body) "<network><name>" name "</name>" body "</network>"
#define IP6(attrs) "<ip family='ipv6' address='fd00:d::1' prefix='64'" attrs
    static const struct {
        const char *xml;
        int         code;
        const char *message;
    } cases[] = {
        { NET("n", "<ip family='ipv6' address='fd00::g1' prefix='64'/>"),
          VIR_ERR_XML_ERROR, "Invalid address 'fd00::g1' in network 'n'" },
        { NET("n", "<ip family='ipv6' address='192.168.5.1' prefix='64'/>"),
          VIR_ERR_CONFIG_UNSUPPORTED, "Family 'ipv6' specified for "
          "non-IPv6 address '192.168.5.1' in network 'n'" },
        { NET("n", "<ip address='fd00:f::1' prefix='64'/>"),
          VIR_ERR_CONFIG_UNSUPPORTED, "no family specified for non-IPv4 "
          "address 'fd00:f::1' in network 'n'" },
        { NET("n", "<ip family='ipv7' address='fd00:14::1' prefix='64'/>"),
          VIR_ERR_XML_ERROR, "Unrecognized family 'ipv7' in network 'n'" },
        { NET("n", "<ip family='ipv6' address='fd00:d::1' "
                   "netmask='255.255.255.0'/>"),
          VIR_ERR_CONFIG_UNSUPPORTED, "netmask not allowed for IPv6 "
          "address 'fd00:d::1' in network 'n'" },
        { NET("n", "<ip family='ipv6' address='fd00:10::1' prefix='129'/>"),
          VIR_ERR_CONFIG_UNSUPPORTED,
          "Invalid IPv6 prefix '129' in network 'n'" },
        { NET("n", "<ip family='ipv6' address='fd00::1' prefix='abc'/>"),
          VIR_ERR_XML_ERROR, "Invalid value for attribute 'prefix' in "
          "element 'ip': 'abc'. Expected non-negative integer value" },
        { NET("n", "<ip family='ipv6' prefix='64'/>"), VIR_ERR_XML_ERROR,
          "Missing required address attribute in network 'n'" },
        { NET("n", IP6("><dhcp><range start='fd00:e::10' end='fd00:e::20'/>"
                       "</dhcp></ip>")),
          VIR_ERR_INTERNAL_ERROR, "range fd00:e::10 - fd00:e::20 is not "
          "entirely within network fd00:d::1/64" },
        { NET("n", IP6("><dhcp><range start='fd00:d::20' end='fd00:d::10'/>"
                       "</dhcp></ip>")),
          VIR_ERR_INTERNAL_ERROR,
          "range fd00:d::20 - fd00:d::10 start larger than end" },
        { NET("n", IP6("><dhcp><range start='10.0.0.1' end='10.0.0.5'/>"
                       "</dhcp></ip>")),
          VIR_ERR_INTERNAL_ERROR, "mismatch of address family in range "
          "10.0.0.1 - 10.0.0.5 for network fd00:d::1" },
        { NET("n", IP6("><dhcp><range start='fd00::zz' end='fd00::5'/>"
                       "</dhcp></ip>")),
          VIR_ERR_SYSTEM_ERROR, "Cannot parse socket address 'fd00::zz': "
          "Name or service not known" },
        { NET("n", IP6("><dhcp><host mac='52:54:00:00:00:01' "
                       "ip='fd00:d::5'/></dhcp></ip>")),
          VIR_ERR_XML_ERROR, "Invalid to specify MAC address "
          "'52:54:00:00:00:01' in network 'n' IPv6 static host definition" },
        { NET("n", IP6("><dhcp><host ip='fd00:d::5'/></dhcp></ip>")),
          VIR_ERR_XML_ERROR, "Static host definition in IPv6 network 'n' "
          "must have id or name attribute" },
        { NET("n", IP6("><dhcp><host name='x' ip='fd00::zz'/></dhcp></ip>")),
          VIR_ERR_XML_ERROR, "Invalid IP address in static host definition "
          "for network 'n'" },
    };
#undef NET
#undef IP6

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_bad(cases[i].xml, cases[i].code, cases[i].message);
}

/* The updates libvirtd made to golden-isolated (data/network), one after
 * another, must give its output. */
static void
check_updates(void)
{
    static const struct {
        unsigned    command, section;
        const char *xml;
    } steps[] = {
        { NETWORK_UPDATE_ADD_LAST, NETWORK_SECTION_IP_DHCP_HOST,
          "<host mac='52:54:00:aa:00:01' name='a' ip='10.20.0.50'/>" },
        { NETWORK_UPDATE_ADD_FIRST, NETWORK_SECTION_IP_DHCP_HOST,
          "<host name='b' ip='10.20.0.51'/>" },
        { NETWORK_UPDATE_ADD_LAST, NETWORK_SECTION_PORTGROUP,
          "<portgroup name='p' default='yes'/>" },
        { NETWORK_UPDATE_DELETE, NETWORK_SECTION_IP_DHCP_RANGE,
          "<range start='10.20.0.10' end='10.20.0.99'/>" },
    };
    char *in = slurp("isolated.in.xml");
    char *want = slurp("isolated-updated.out.xml");
    struct vireo_error err = { 0 };
    struct network_def *def = in != NULL ? network_def_parse(in, &err) : NULL;
    char *got = NULL;
    int rc = def != NULL ? 0 : -1;

    for (size_t i = 0; rc == 0 && i < sizeof(steps) / sizeof(steps[0]); i++)
        rc = network_def_update(def, steps[i].command, steps[i].section, -1,
                                steps[i].xml, &err);
    tap_is_int(rc, 0, "dhcp host, portgroup and range updates apply (%s)",
               err.message);
    if (want != NULL)
        chop_virsh_newline(want);
    if (rc == 0)
        got = network_def_format(def);
    tap_is_str(got != NULL ? got : "", want != NULL ? want : "",
               "and give what libvirtd gives");
    rc = network_def_update(def, NETWORK_UPDATE_ADD_LAST,
                            NETWORK_SECTION_IP_DHCP_HOST, -1,
                            "<host mac='52:54:00:aa:00:01' ip='10.20.0.60'/>",
                            &err);
    tap_ok(rc < 0 && strstr(err.message, "there is an existing dhcp host "
                            "entry in network 'golden-isolated' that "
                            "matches") != NULL,
           "a second host with the same mac is refused in libvirt's words");
    rc = network_def_update(def, NETWORK_UPDATE_ADD_LAST,
                            NETWORK_SECTION_BRIDGE, -1, "<bridge/>", &err);
    tap_ok(rc < 0 && err.code == VIR_ERR_OPERATION_UNSUPPORTED,
           "the bridge section cannot be updated (%s)", err.message);
    network_def_free(def);
    free(in);
    free(want);
    free(got);
}

int
main(int argc, char **argv)
{
    static const char *const cases[] = {
        "full", "isolated", "hostdev", "route",
        "ipv6-canon", "ipv6-hosts", "ipv6-nat",
    };

    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    data_dir = argv[1];
    tap_plan(39);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_golden(cases[i]);
    check_bad_documents();
    check_bad_ipv6();
    check_updates();
    return tap_done();
}
