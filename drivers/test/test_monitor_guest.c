/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_monitor_guest.c: what the test hypervisor makes up about the inside
 * of its running domains: the CPU time per host CPU (cpu-stats) and the
 * interfaces' IP addresses (domifaddr), with libvirt's test driver's
 * figures. Test driver thread (test_call.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

/* The CPU time libvirt's test driver reports for every domain, and how it
 * splits it. */
#define TEST_TOTAL_CPUTIME_NS   48772617035ULL
#define TEST_USER_TIME_NS       5540000000ULL
#define TEST_SYSTEM_TIME_NS     6460000000ULL
#define TEST_VCPU_TIME_OFFSET   1234567890ULL

/* VIR_TYPED_PARAM_STRING_OKAY, the one flag cpu-stats takes. */
#define STRING_OKAY             (1u << 2)

/* The IP address sources libvirt knows (lease, agent, arp). */
#define N_ADDRESS_SOURCES       3

/* The test host's one network, "default": its DHCP range starts at
 * 192.168.122.2, netmask 255.255.255.0. */
#define TEST_NETWORK_NAME       "default"
#define TEST_NETWORK_PREFIX     "192.168.122."
#define TEST_NETWORK_FIRST      2

static int
check_active(const struct domain_obj *obj, struct vireo_error *err)
{
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "domain is not running");
    return 0;
}

/* ---- CPU statistics --------------------------------------------------- */

struct cpu_stats_io {
    struct vireo_typed_params *params;
    unsigned int               nparams;
    int                        start_cpu;
    unsigned int               ncpus;
    int                        host_cpus;
};

static int
total_stats(struct cpu_stats_io *c, struct vireo_error *err)
{
    struct vireo_typed_params *p = &c->params[0];

    if (c->nparams == 0)
        return 3;
    if (vireo_typed_params_add_ullong(p, "cpu_time", TEST_TOTAL_CPUTIME_NS,
                                      err) < 0 ||
        (c->nparams > 1 &&
         vireo_typed_params_add_ullong(p, "user_time", TEST_USER_TIME_NS,
                                       err) < 0) ||
        (c->nparams > 2 &&
         vireo_typed_params_add_ullong(p, "system_time", TEST_SYSTEM_TIME_NS,
                                       err) < 0))
        return -1;
    return c->nparams > 3 ? 3 : (int)c->nparams;
}

/* Each host CPU ran an equal share, the later ones a nanosecond more. */
static int
percpu_stats(struct cpu_stats_io *c, struct vireo_error *err)
{
    unsigned long long share = TEST_TOTAL_CPUTIME_NS / (unsigned)c->host_cpus;
    int last = c->start_cpu + (int)c->ncpus;

    if (c->nparams == 0 && c->ncpus != 0)
        return 2;
    if (c->ncpus == 0)
        return c->host_cpus;
    if (c->start_cpu >= c->host_cpus)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "start_cpu %d larger than maximum of %d",
                         c->start_cpu, c->host_cpus - 1);
    if (last > c->host_cpus)
        last = c->host_cpus;
    for (int i = c->start_cpu; i < last; i++) {
        struct vireo_typed_params *p = &c->params[i - c->start_cpu];

        if (vireo_typed_params_add_ullong(p, "cpu_time", share + i, err) < 0 ||
            (c->nparams > 1 &&
             vireo_typed_params_add_ullong(p, "vcpu_time",
                                           share + i - TEST_VCPU_TIME_OFFSET,
                                           err) < 0))
            return -1;
    }
    return c->nparams > 1 ? 2 : 1;
}

static int
op_get_cpu_stats(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    struct cpu_stats_io *c = io;

    if (check_active(obj, err) < 0)
        return -1;
    /* libvirt's test driver counts the cores of one socket as the host's
     * CPUs here. */
    c->host_cpus = (int)st->host.cores;
    if (c->start_cpu == -1)
        return total_stats(c, err);
    return percpu_stats(c, err);
}

int
testdrv_domain_get_cpu_stats(struct vireo_domain *dom,
                             struct vireo_typed_params *params,
                             unsigned int nparams, int start_cpu,
                             unsigned int ncpus, unsigned flags,
                             struct vireo_error *err)
{
    struct cpu_stats_io c = { .params = params, .nparams = nparams,
                              .start_cpu = start_cpu, .ncpus = ncpus };

    if (error_check_flags(err, VIR_FROM_TEST, flags, STRING_OKAY,
                          "testDomainGetCPUStats") < 0)
        return -1;
    return test_call_dom(dom, op_get_cpu_stats, &c, err);
}

/* ---- Interface addresses ---------------------------------------------- */

/* The address of the i-th interface of the domain whose id is id: from
 * the network's range for one on the test network, else 192.168.0.(i+1). */
static int
make_address(const struct domain_interface *net, int i, int id,
             struct vireo_domain_ip_addr *a, struct vireo_error *err)
{
    char text[64];

    if (net->type != NULL && strcmp(net->type, "network") == 0) {
        const char *name = net->source_network ? net->source_network : "";

        if (strcmp(name, TEST_NETWORK_NAME) != 0)
            return error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_TEST,
                             "no network with matching name '%s'", name);
        snprintf(text, sizeof(text), "%s%d", TEST_NETWORK_PREFIX,
                 TEST_NETWORK_FIRST + 20 * (id - 1) + i + 1);
    } else {
        snprintf(text, sizeof(text), "192.168.0.%d", i + 1);
    }
    a->type = 0;         /* IPv4 */
    a->prefix = 24;
    a->addr = strdup(text);
    return a->addr != NULL ? 0 : error_no_memory(err);
}

/* A MAC address as libvirt writes one: two lower-case hex digits a byte. */
static char *
format_mac(const char *mac)
{
    unsigned int b[6];
    char *out = NULL;

    if (mac == NULL ||
        sscanf(mac, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
               &b[5]) != 6 ||
        asprintf(&out, "%02x:%02x:%02x:%02x:%02x:%02x", b[0] & 0xff,
                 b[1] & 0xff, b[2] & 0xff, b[3] & 0xff, b[4] & 0xff,
                 b[5] & 0xff) < 0)
        return mac ? strdup(mac) : NULL;
    return out;
}

static int
fill_interface(const struct domain_obj *obj, int i,
               struct vireo_domain_interface *out, struct vireo_error *err)
{
    const struct domain_interface *net = &obj->def->interfaces[i];

    out->name = strdup(net->target_dev ? net->target_dev : "");
    out->hwaddr = format_mac(net->mac);
    out->addrs = calloc(1, sizeof(*out->addrs));
    if (out->name == NULL || (net->mac != NULL && out->hwaddr == NULL) ||
        out->addrs == NULL)
        return error_no_memory(err);
    out->n_addrs = 1;
    return make_address(net, i, obj->id, &out->addrs[0], err);
}

static int
op_interface_addresses(struct test_state *st, struct domain_obj *obj,
                       void *io, struct vireo_error *err)
{
    struct vireo_domain_interface **ifaces = io;
    int n = obj->def->n_interfaces;
    struct vireo_domain_interface *out;

    if (check_active(obj, err) < 0)
        return -1;
    out = calloc((size_t)n + 1, sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        if (fill_interface(obj, i, &out[i], err) < 0) {
            vireo_domain_interfaces_free(out, i + 1);
            return -1;
        }
    }
    *ifaces = out;
    return n;
}

int
testdrv_domain_interface_addresses(struct vireo_domain *dom,
                                   struct vireo_domain_interface **ifaces,
                                   unsigned int source, unsigned flags,
                                   struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainInterfaceAddresses") < 0)
        return -1;
    if (source >= N_ADDRESS_SOURCES)
        return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_TEST,
                         "Unknown IP address data source %u", source);
    return test_call_dom(dom, op_interface_addresses, ifaces, err);
}
