/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_iotune.c: blkiotune, blkdeviotune, domiftune and perf: the I/O
 * tunables shown and set, with virsh 9.0's options, output ("name:
 * value" lines, names padded to 15) and error lines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_tune.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_blkiotune_opts[] = {
    DOMAIN_ARG,
    { "weight", OPT_NUMBER, false, false,
      "IO Weight in range [100, 1000]" },
    { "device-weights", OPT_STRING, false, false,
      "per-device IO Weights, in the form of /path/to/device,weight,..." },
    { "device-read-iops-sec", OPT_STRING, false, false,
      "per-device read I/O limit per second, in the form of "
      "/path/to/device,read_iops_sec,..." },
    { "device-write-iops-sec", OPT_STRING, false, false,
      "per-device write I/O limit per second, in the form of "
      "/path/to/device,write_iops_sec,..." },
    { "device-read-bytes-sec", OPT_STRING, false, false,
      "per-device bytes read per second, in the form of "
      "/path/to/device,read_bytes_sec,..." },
    { "device-write-bytes-sec", OPT_STRING, false, false,
      "per-device bytes wrote per second, in the form of "
      "/path/to/device,write_bytes_sec,..." },
    IMPACT_OPTS,
    END_OPTS,
};

#define IOTUNE_OPT(name, help) { name, OPT_STRING, false, false, help }

const struct opt_def cmd_blkdeviotune_opts[] = {
    DOMAIN_ARG,
    { "device", OPT_STRING, true, true, "block device" },
    IOTUNE_OPT("total-bytes-sec", "total throughput limit, in bytes/s"),
    IOTUNE_OPT("read-bytes-sec", "read throughput limit, in bytes/s"),
    IOTUNE_OPT("write-bytes-sec", "write throughput limit, in bytes/s"),
    IOTUNE_OPT("total-iops-sec", "total I/O operations limit per second"),
    IOTUNE_OPT("read-iops-sec", "read I/O operations limit per second"),
    IOTUNE_OPT("write-iops-sec", "write I/O operations limit per second"),
    IOTUNE_OPT("total-bytes-sec-max", "total max, in bytes"),
    IOTUNE_OPT("read-bytes-sec-max", "read max, in bytes"),
    IOTUNE_OPT("write-bytes-sec-max", "write max, in bytes"),
    IOTUNE_OPT("total-iops-sec-max", "total I/O operations max"),
    IOTUNE_OPT("read-iops-sec-max", "read I/O operations max"),
    IOTUNE_OPT("write-iops-sec-max", "write I/O operations max"),
    IOTUNE_OPT("size-iops-sec", "I/O size in bytes"),
    IOTUNE_OPT("group-name", "group name to share I/O quota between "
                             "multiple drives"),
    IOTUNE_OPT("total-bytes-sec-max-length",
               "duration in seconds to allow total max bytes"),
    IOTUNE_OPT("read-bytes-sec-max-length",
               "duration in seconds to allow read max bytes"),
    IOTUNE_OPT("write-bytes-sec-max-length",
               "duration in seconds to allow write max bytes"),
    IOTUNE_OPT("total-iops-sec-max-length",
               "duration in seconds to allow total I/O operations max"),
    IOTUNE_OPT("read-iops-sec-max-length",
               "duration in seconds to allow read I/O operations max"),
    IOTUNE_OPT("write-iops-sec-max-length",
               "duration in seconds to allow write I/O operations max"),
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_domiftune_opts[] = {
    DOMAIN_ARG,
    { "interface", OPT_STRING, true, true,
      "interface device (MAC Address)" },
    { "inbound", OPT_STRING, false, false,
      "control domain's incoming traffics" },
    { "outbound", OPT_STRING, false, false,
      "control domain's outgoing traffics" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_perf_opts[] = {
    DOMAIN_ARG,
    { "enable", OPT_STRING, false, false, "perf events which will be enabled" },
    { "disable", OPT_STRING, false, false,
      "perf events which will be disabled" },
    IMPACT_OPTS,
    END_OPTS,
};

/* ---- Shared ------------------------------------------------------------- */

/* virsh's "%-15s: %s" line of one parameter. */
static void
print_param(const struct vireo_typed_param *p)
{
    switch (p->type) {
    case VIREO_TYPED_PARAM_UINT:
        printf("%-15s: %u\n", p->field, p->value.ui);
        break;
    case VIREO_TYPED_PARAM_ULLONG:
        printf("%-15s: %llu\n", p->field, p->value.ul);
        break;
    case VIREO_TYPED_PARAM_BOOLEAN:
        printf("%-15s: %s\n", p->field, p->value.b ? "enabled" : "disabled");
        break;
    case VIREO_TYPED_PARAM_STRING:
        printf("%-15s: %s\n", p->field, p->value.s);
        break;
    default:
        printf("%-15s: %lld\n", p->field, p->value.l);
        break;
    }
}

static void
print_params(const struct vireo_typed_params *p)
{
    for (int i = 0; i < p->n; i++)
        print_param(&p->params[i]);
}

/* A whole unsigned number, as virsh reads a numeric option. */
static int
option_ull(const struct cmd *cmd, const char *name, const char *what,
           unsigned long long max, unsigned long long *value)
{
    const char *text = cmd_string(cmd, name);
    char *end;

    errno = 0;
    *value = text[0] == '-' ? 0 : strtoull(text, &end, 10);
    if (text[0] == '-' || errno != 0 || end == text || *end != '\0' ||
        *value > max) {
        cli_error("%s value '%s' for <%s> option is malformed or out of "
                  "range", what, text, name);
        return -1;
    }
    return 0;
}

/* After a failed call: virsh's line, then the library's error. */
static int
failed(const char *what, const struct vireo_error *err)
{
    cli_error("%s", what);
    cli_report(err);
    return -1;
}

/* The common shape: look the domain up, collect what to set, then set it
 * or (nothing to set) show the current values. */
struct tune_cmd {
    int  (*collect)(const struct cmd *cmd, struct vireo_typed_params *p);
    int  (*get)(struct vireo_domain *dom, const char *device,
                struct vireo_typed_params *p, unsigned flags,
                struct vireo_error *err);
    int  (*set)(struct vireo_domain *dom, const char *device,
                const struct vireo_typed_params *p, unsigned flags,
                struct vireo_error *err);
    const char *device_option;   /* NULL when the command names none */
    const char *get_failure;
    const char *set_failure;
    bool        is_set_echoed;   /* perf prints what it set */
};

static int
run_tune(struct session *s, const struct cmd *cmd, const struct tune_cmd *t)
{
    struct vireo_typed_params p = { 0 }, now = { 0 };
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    const char *device = t->device_option != NULL
                         ? cmd_string(cmd, t->device_option) : NULL;
    unsigned flags;
    int rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if (t->collect(cmd, &p) < 0)
        goto out;
    if (p.n == 0) {
        rc = t->get(dom, device, &now, flags, &err);
        if (rc < 0)
            failed(t->get_failure, &err);
        else
            print_params(&now);
        goto out;
    }
    rc = t->set(dom, device, &p, flags, &err);
    if (rc < 0)
        failed(t->set_failure, &err);
    else if (t->is_set_echoed)
        print_params(&p);
out:
    vireo_typed_params_clear(&now);
    vireo_typed_params_clear(&p);
    vireo_domain_free(dom);
    return rc;
}

static int
add_ull(struct vireo_typed_params *p, const char *field,
        unsigned long long v)
{
    struct vireo_error err = { 0 };

    if (vireo_typed_params_add_ullong(p, field, v, &err) < 0)
        return failed("Unable to allocate parameters", &err);
    return 0;
}

static int
add_uint(struct vireo_typed_params *p, const char *field, unsigned v)
{
    struct vireo_error err = { 0 };

    if (vireo_typed_params_add_uint(p, field, v, &err) < 0)
        return failed("Unable to allocate parameters", &err);
    return 0;
}

static int
add_string(struct vireo_typed_params *p, const char *field, const char *v)
{
    struct vireo_error err = { 0 };

    if (vireo_typed_params_add_string(p, field, v, &err) < 0)
        return failed("Unable to allocate parameters", &err);
    return 0;
}

/* ---- blkiotune ---------------------------------------------------------- */

static const struct {
    const char *option;
    const char *field;
} blkio_devices[] = {
    { "device-weights",         VIR_DOMAIN_BLKIO_DEVICE_WEIGHT },
    { "device-read-iops-sec",   VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS },
    { "device-write-iops-sec",  VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS },
    { "device-read-bytes-sec",  VIR_DOMAIN_BLKIO_DEVICE_READ_BPS },
    { "device-write-bytes-sec", VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS },
};

static int
blkio_collect(const struct cmd *cmd, struct vireo_typed_params *p)
{
    long weight;
    int rc = cmd_number(cmd, "weight", -2147483647L - 1, 2147483647L,
                        &weight);

    if (rc < 0)
        return -1;
    if (rc == 0 && weight <= 0) {
        cli_error("Invalid value of %ld for I/O weight", weight);
        return -1;
    }
    if (rc == 0 && add_uint(p, VIR_DOMAIN_BLKIO_WEIGHT,
                            (unsigned)weight) < 0)
        return -1;
    for (size_t i = 0; i < sizeof(blkio_devices) / sizeof(*blkio_devices);
         i++)
        if (cmd_has(cmd, blkio_devices[i].option) &&
            add_string(p, blkio_devices[i].field,
                       cmd_string(cmd, blkio_devices[i].option)) < 0)
            return -1;
    return 0;
}

static int
blkio_get(struct vireo_domain *dom, const char *device,
          struct vireo_typed_params *p, unsigned flags,
          struct vireo_error *err)
{
    return vireo_domain_get_blkio_params(dom, p, flags, err);
}

static int
blkio_set(struct vireo_domain *dom, const char *device,
          const struct vireo_typed_params *p, unsigned flags,
          struct vireo_error *err)
{
    return vireo_domain_set_blkio_params(dom, p, flags, err);
}

int
cmd_blkiotune(struct session *s, const struct cmd *cmd)
{
    static const struct tune_cmd t = {
        blkio_collect, blkio_get, blkio_set, NULL,
        "Unable to get blkio parameters", "Unable to change blkio parameters",
        false };

    return run_tune(s, cmd, &t);
}

/* ---- blkdeviotune ------------------------------------------------------- */

/* Each option and its parameter, in virsh's order; bytes are scaled in
 * virsh, whole numbers here. */
static const char *const iotune_options[][2] = {
    { "total-bytes-sec",            "total_bytes_sec" },
    { "read-bytes-sec",             "read_bytes_sec" },
    { "write-bytes-sec",            "write_bytes_sec" },
    { "total-iops-sec",             "total_iops_sec" },
    { "read-iops-sec",              "read_iops_sec" },
    { "write-iops-sec",             "write_iops_sec" },
    { "total-bytes-sec-max",        "total_bytes_sec_max" },
    { "read-bytes-sec-max",         "read_bytes_sec_max" },
    { "write-bytes-sec-max",        "write_bytes_sec_max" },
    { "total-iops-sec-max",         "total_iops_sec_max" },
    { "read-iops-sec-max",          "read_iops_sec_max" },
    { "write-iops-sec-max",         "write_iops_sec_max" },
    { "size-iops-sec",              "size_iops_sec" },
    { "total-bytes-sec-max-length", "total_bytes_sec_max_length" },
    { "read-bytes-sec-max-length",  "read_bytes_sec_max_length" },
    { "write-bytes-sec-max-length", "write_bytes_sec_max_length" },
    { "total-iops-sec-max-length",  "total_iops_sec_max_length" },
    { "read-iops-sec-max-length",   "read_iops_sec_max_length" },
    { "write-iops-sec-max-length",  "write_iops_sec_max_length" },
};

static int
iotune_collect(const struct cmd *cmd, struct vireo_typed_params *p)
{
    for (size_t i = 0; i < sizeof(iotune_options) / sizeof(*iotune_options);
         i++) {
        const char *option = iotune_options[i][0];
        bool is_bytes = strstr(option, "bytes") != NULL;
        unsigned long long v;

        if (!cmd_has(cmd, option))
            continue;
        if (option_ull(cmd, option, is_bytes ? "Scaled numeric" : "Numeric",
                       ~0ULL, &v) < 0 ||
            add_ull(p, iotune_options[i][1], v) < 0)
            return -1;
    }
    if (cmd_has(cmd, "group-name") &&
        add_string(p, "group_name", cmd_string(cmd, "group-name")) < 0)
        return -1;
    return 0;
}

int
cmd_blkdeviotune(struct session *s, const struct cmd *cmd)
{
    static const struct tune_cmd t = {
        iotune_collect, vireo_domain_get_block_io_tune,
        vireo_domain_set_block_io_tune, "device",
        "Unable to get block I/O throttle parameters",
        "Unable to change block I/O throttle", false };

    return run_tune(s, cmd, &t);
}

/* ---- domiftune ---------------------------------------------------------- */

/* "average[,peak[,burst[,floor]]]" as virsh reads it into n values. */
static int
parse_rate(const char *text, unsigned long long *v, int n_max)
{
    static const char *const names[] = { "average", "peak", "burst",
                                         "floor" };
    const char *s = text;

    for (int i = 0; i < n_max; i++) {
        char *end;

        errno = 0;
        v[i] = *s == '-' ? 0 : strtoull(s, &end, 10);
        if (*s == '-' || errno != 0 || end == s ||
            (*end != ',' && *end != '\0') || v[i] > 0xffffffffULL) {
            cli_error("field '%s' is malformed", names[i]);
            return -1;
        }
        if (*end == '\0')
            return 0;
        s = end + 1;
    }
    cli_error("too many values in '%s'", text);
    return -1;
}

static int
iftune_collect(const struct cmd *cmd, struct vireo_typed_params *p)
{
    unsigned long long in[4] = { 0 }, out[3] = { 0 };

    if (cmd_has(cmd, "inbound")) {
        if (parse_rate(cmd_string(cmd, "inbound"), in, 4) < 0 ||
            add_uint(p, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, (unsigned)in[0]) < 0 ||
            (in[1] && add_uint(p, VIR_DOMAIN_BANDWIDTH_IN_PEAK,
                               (unsigned)in[1]) < 0) ||
            (in[2] && add_uint(p, VIR_DOMAIN_BANDWIDTH_IN_BURST,
                               (unsigned)in[2]) < 0) ||
            (in[3] && add_uint(p, VIR_DOMAIN_BANDWIDTH_IN_FLOOR,
                               (unsigned)in[3]) < 0))
            return -1;
    }
    if (cmd_has(cmd, "outbound")) {
        if (parse_rate(cmd_string(cmd, "outbound"), out, 3) < 0 ||
            add_uint(p, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE,
                     (unsigned)out[0]) < 0 ||
            (out[1] && add_uint(p, VIR_DOMAIN_BANDWIDTH_OUT_PEAK,
                                (unsigned)out[1]) < 0) ||
            (out[2] && add_uint(p, VIR_DOMAIN_BANDWIDTH_OUT_BURST,
                                (unsigned)out[2]) < 0))
            return -1;
    }
    return 0;
}

int
cmd_domiftune(struct session *s, const struct cmd *cmd)
{
    static const struct tune_cmd t = {
        iftune_collect, vireo_domain_get_interface_params,
        vireo_domain_set_interface_params, "interface",
        "Unable to get interface parameters",
        "Unable to set interface parameters", false };

    return run_tune(s, cmd, &t);
}

/* ---- perf --------------------------------------------------------------- */

/* Each comma-separated event of option as a boolean parameter. */
static int
perf_add_list(const struct cmd *cmd, const char *option, bool is_enabled,
              struct vireo_typed_params *p)
{
    struct vireo_error err = { 0 };
    char *list, *save = NULL;
    int rc = 0;

    if (!cmd_has(cmd, option))
        return 0;
    if ((list = strdup(cmd_string(cmd, option))) == NULL)
        return failed("Unable to allocate parameters", &err);
    for (char *e = strtok_r(list, ",", &save); e != NULL && rc == 0;
         e = strtok_r(NULL, ",", &save))
        if (vireo_typed_params_add_boolean(p, e, is_enabled, &err) < 0)
            rc = failed("Unable to allocate parameters", &err);
    free(list);
    return rc;
}

static int
perf_collect(const struct cmd *cmd, struct vireo_typed_params *p)
{
    if (perf_add_list(cmd, "enable", true, p) < 0 ||
        perf_add_list(cmd, "disable", false, p) < 0)
        return -1;
    return 0;
}

static int
perf_get(struct vireo_domain *dom, const char *device,
         struct vireo_typed_params *p, unsigned flags,
         struct vireo_error *err)
{
    return vireo_domain_get_perf_events(dom, p, flags, err);
}

static int
perf_set(struct vireo_domain *dom, const char *device,
         const struct vireo_typed_params *p, unsigned flags,
         struct vireo_error *err)
{
    return vireo_domain_set_perf_events(dom, p, flags, err);
}

int
cmd_perf(struct session *s, const struct cmd *cmd)
{
    static const struct tune_cmd t = {
        perf_collect, perf_get, perf_set, NULL, "Unable to get perf events",
        "Unable to enable/disable perf events", true };

    return run_tune(s, cmd, &t);
}
