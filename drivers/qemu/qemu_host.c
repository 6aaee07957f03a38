/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_host.c: QEMU's version and machine types, asked of the emulator
 * when the driver starts (qemu_probe.h), and the host's CPUs and memory,
 * read from /proc and /sys; the capabilities document libvirt's QEMU
 * driver writes, built from both. Calls that need QEMU's answers before
 * they have arrived wait for them (call.h). Driver thread only.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/host.h"
#include "drivers/qemu/qemu_facts.h"
#include "drivers/qemu/qemu_host.h"
#include "drivers/qemu/qemu_probe.h"
#include "drivers/qemu/qemu_state.h"

#define DEFAULT_EMULATOR "qemu-system-x86_64"
#define WAIT_TIMEOUT_MS  30000
#define MAX_MACHINES     256

/* Owned by the driver's thread: a call waiting for QEMU's answers,
 * linked on the host's waits. */
struct host_wait {
    struct host_wait *next;
    struct qemu_host *host;
    struct call      *call;
};

/* A machine type QEMU offers; part of its host. */
struct machine {
    char *name;
    char *canonical;     /* what an alias stands for, or NULL */
    bool  is_default;    /* QEMU's default machine */
};

/* Owned by the driver's thread. */
struct qemu_host {
    char               *emulator;   /* absolute path, or NULL: none found */
    struct qemu_probe  *version_probe;
    struct qemu_probe  *machine_probe;
    struct qemu_probe  *facts_probe;
    struct qemu_probe  *kvm_probe;  /* only where /dev/kvm may be opened */
    struct qemu_facts  *facts;      /* NULL until known, or unusable */
    bool                has_kvm;    /* false until QEMU said otherwise */
    unsigned long long  version;    /* 0 until known */
    struct machine      machines[MAX_MACHINES];
    int                 n_machines;
    struct host_wait   *waits;
};

/* ---- finding and asking QEMU ------------------------------------------- */

/* DEFAULT_EMULATOR on PATH, as an absolute path; NULL if absent. */
static char *
find_on_path(void)
{
    const char *path = getenv("PATH");
    char *copy = strdup(path != NULL ? path : "/usr/bin:/bin");
    char *found = NULL, *save = NULL;

    for (char *dir = copy != NULL ? strtok_r(copy, ":", &save) : NULL;
         dir != NULL && found == NULL; dir = strtok_r(NULL, ":", &save)) {
        char *candidate = NULL;

        if (dir[0] != '/' ||
            asprintf(&candidate, "%s/%s", dir, DEFAULT_EMULATOR) < 0)
            continue;
        if (access(candidate, X_OK) == 0)
            found = candidate;
        else
            free(candidate);
    }
    free(copy);
    return found;
}

/* "QEMU emulator version 7.2.22 (Debian ...)" */
static void
parse_version(struct qemu_host *host, const char *output)
{
    const char *at = output != NULL ? strstr(output, "version ") : NULL;
    unsigned major, minor, micro = 0;

    if (at != NULL &&
        sscanf(at, "version %u.%u.%u", &major, &minor, &micro) >= 2)
        host->version = major * 1000000ull + minor * 1000ull + micro;
}

/* One line of -machine help: "pc    Standard PC ... (alias of X)". */
static void
parse_machine(struct qemu_host *host, const char *line, size_t len)
{
    struct machine *m = &host->machines[host->n_machines];
    size_t name_len = 0;
    const char *alias;
    char *copy = strndup(line, len);

    if (copy == NULL)
        return;
    while (name_len < len && !isspace((unsigned char)line[name_len]))
        name_len++;
    if (name_len == 0 || name_len == len || strchr(copy, ':') != NULL) {
        free(copy);                   /* the heading, or no description */
        return;
    }
    m->name = strndup(line, name_len);
    alias = strstr(copy, "(alias of ");
    if (alias != NULL)
        m->canonical = strndup(alias + 10, strcspn(alias + 10, ")"));
    m->is_default = strstr(copy, "(default)") != NULL;
    free(copy);
    if (m->name != NULL)
        host->n_machines++;
}

static void
parse_machines(struct qemu_host *host, const char *output)
{
    while (output != NULL && *output != '\0' &&
           host->n_machines < MAX_MACHINES) {
        size_t len = strcspn(output, "\n");

        parse_machine(host, output, len);
        output += len + (output[len] == '\n');
    }
}

static void
answer_waits(struct qemu_host *host)
{
    while (host->waits != NULL) {
        struct host_wait *w = host->waits;

        host->waits = w->next;
        call_answer(w->call, 0, NULL, NULL, NULL);
        free(w);
    }
}

static void
on_probe_done(struct qemu_probe *p, const char *output, void *opaque)
{
    struct qemu_host *host = opaque;

    if (p == host->version_probe) {
        parse_version(host, output);
        host->version_probe = NULL;
    } else if (p == host->facts_probe) {
        host->facts = qemu_facts_parse(output);
        host->facts_probe = NULL;
    } else if (p == host->kvm_probe) {
        host->has_kvm = qemu_facts_kvm_is_usable(output);
        host->kvm_probe = NULL;
    } else {
        parse_machines(host, output);
        host->machine_probe = NULL;
    }
    qemu_probe_free(p);
    if (!qemu_host_is_probing(host))
        answer_waits(host);
}

struct qemu_host *
qemu_host_new(struct worker *w)
{
    struct qemu_host *host = calloc(1, sizeof(*host));

    if (host == NULL)
        return NULL;
    host->emulator = find_on_path();
    if (host->emulator == NULL)
        return host;
    host->version_probe = qemu_probe_start(w, host->emulator, "--version",
                                           NULL, on_probe_done, host);
    host->machine_probe = qemu_probe_start(w, host->emulator, "-machine",
                                           "help", on_probe_done, host);
    host->facts_probe = qemu_probe_start_qmp(w, host->emulator, "tcg",
                                             qemu_facts_commands,
                                             on_probe_done, host);
    /* As libvirt's driver: KVM is asked about only where /dev/kvm opens,
     * and only QEMU's answer says whether it runs guests (nested KVM may
     * have the device and still fail). */
    if (access("/dev/kvm", R_OK | W_OK) == 0)
        host->kvm_probe = qemu_probe_start_qmp(w, host->emulator, "kvm:tcg",
                                               qemu_facts_kvm_commands,
                                               on_probe_done, host);
    return host;
}

void
qemu_host_free(struct qemu_host *host)
{
    if (host == NULL)
        return;
    qemu_probe_free(host->version_probe);
    qemu_probe_free(host->machine_probe);
    qemu_probe_free(host->facts_probe);
    qemu_probe_free(host->kvm_probe);
    qemu_facts_free(host->facts);
    for (int i = 0; i < host->n_machines; i++) {
        free(host->machines[i].name);
        free(host->machines[i].canonical);
    }
    free(host->emulator);
    free(host);
}

/* ---- waiting for QEMU's answers ---------------------------------------- */

const char *
qemu_host_emulator(const struct qemu_host *host)
{
    return host->emulator != NULL ? host->emulator : DEFAULT_EMULATOR;
}

int
qemu_host_is_probing(const struct qemu_host *host)
{
    return host->version_probe != NULL || host->machine_probe != NULL ||
           host->facts_probe != NULL || host->kvm_probe != NULL;
}

static void
forget_wait(void *opaque)
{
    struct host_wait *w = opaque, **pp;

    for (pp = &w->host->waits; *pp != NULL; pp = &(*pp)->next)
        if (*pp == w) {
            *pp = w->next;
            break;
        }
    free(w);
}

int
qemu_host_wait(struct qemu_host *host, struct vireo_error *err)
{
    struct host_wait *w = calloc(1, sizeof(*w));

    if (w == NULL)
        return error_no_memory(err);
    w->host = host;
    w->call = call_current();
    w->next = host->waits;
    host->waits = w;
    call_wait(w->call, WAIT_TIMEOUT_MS, "QEMU to describe itself",
              forget_wait, w);
    return 0;
}

int
qemu_host_ready(struct qemu_host *host, struct vireo_error *err)
{
    struct call *c = call_current();
    int rc;

    if (c != NULL && call_replay(c, &rc, err, NULL) && rc < 0)
        return -1;
    if (!qemu_host_is_probing(host))
        return 1;
    return qemu_host_wait(host, err) < 0 ? -1 : 0;
}

static int
no_emulator(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "Cannot find suitable emulator for x86_64");
}

int
qemu_host_version(const struct qemu_host *host, unsigned long long *version,
                  struct vireo_error *err)
{
    if (host->version == 0)
        return no_emulator(err);
    *version = host->version;
    return 0;
}

const struct qemu_facts *
qemu_host_facts(const struct qemu_host *host)
{
    return host->facts;
}

bool
qemu_host_has_kvm(const struct qemu_host *host)
{
    return host->has_kvm;
}

const char *
qemu_host_machine(const struct qemu_host *host, const char *name)
{
    for (int i = 0; i < host->n_machines; i++) {
        const struct machine *m = &host->machines[i];

        if (name == NULL ? m->is_default : strcmp(m->name, name) == 0)
            return m->canonical != NULL ? m->canonical : m->name;
    }
    return NULL;
}

/* ---- the host's CPUs --------------------------------------------------- */

/* The first line of a small file under /sys or /proc; "" if unreadable. */
static void
read_line(const char *path, char *buf, size_t size)
{
    FILE *in = fopen(path, "re");

    buf[0] = '\0';
    if (in == NULL)
        return;
    if (fgets(buf, (int)size, in) == NULL)
        buf[0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    fclose(in);
}

static int
read_cpu_number(int cpu, const char *what)
{
    char path[128], buf[64];

    snprintf(path, sizeof(path),
             "/sys/devices/system/cpu/cpu%d/topology/%s", cpu, what);
    read_line(path, buf, sizeof(buf));
    return atoi(buf);
}

static void
read_siblings(int cpu, char *buf, size_t size)
{
    char path[128];

    snprintf(path, sizeof(path),
             "/sys/devices/system/cpu/cpu%d/topology/thread_siblings_list",
             cpu);
    read_line(path, buf, size);
    if (buf[0] == '\0')
        snprintf(buf, size, "%d", cpu);
}

/* How many CPUs a list such as "0-1,4" names. */
static unsigned
count_list(const char *list)
{
    unsigned n = 0;

    while (*list != '\0') {
        char *end;
        long first = strtol(list, &end, 10), last = first;

        if (end == list)
            break;
        if (*end == '-')
            last = strtol(end + 1, &end, 10);
        n += (unsigned)(last - first + 1);
        list = *end == ',' ? end + 1 : end;
    }
    return n;
}

static unsigned
count_nodes(void)
{
    DIR *d = dir_open("/sys/devices/system/node");
    struct dirent *e;
    unsigned n = 0;

    while (d != NULL && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, "node", 4) == 0 &&
            isdigit((unsigned char)e->d_name[4]))
            n++;
    if (d != NULL)
        closedir(d);
    return n > 0 ? n : 1;
}

static unsigned
count_sockets(unsigned cpus)
{
    unsigned n = 0;

    for (unsigned i = 0; i < cpus; i++) {
        int package = read_cpu_number((int)i, "physical_package_id");
        bool is_new = true;

        for (unsigned j = 0; j < i && is_new; j++)
            is_new = read_cpu_number((int)j, "physical_package_id") != package;
        n += is_new;
    }
    return n > 0 ? n : 1;
}

static unsigned
cpu_mhz(void)
{
    FILE *in = fopen("/proc/cpuinfo", "re");
    char line[256];
    double mhz = 0;

    while (in != NULL && fgets(line, sizeof(line), in) != NULL)
        if (strncmp(line, "cpu MHz", 7) == 0) {
            sscanf(strchr(line, ':') + 1, "%lf", &mhz);
            break;
        }
    if (in != NULL)
        fclose(in);
    return (unsigned)mhz;
}

static unsigned long long
memory_kib(void)
{
    FILE *in = fopen("/proc/meminfo", "re");
    char line[256];
    unsigned long long kib = 0;

    while (in != NULL && fgets(line, sizeof(line), in) != NULL)
        if (sscanf(line, "MemTotal: %llu kB", &kib) == 1)
            break;
    if (in != NULL)
        fclose(in);
    return kib;
}

/* As libvirt counts them: sockets per NUMA cell, cores per socket,
 * threads per core. */
int
qemu_host_node_info(struct vireo_node_info *info, struct vireo_error *err)
{
    struct utsname un;
    char siblings[64], online[64];
    unsigned threads;

    memset(info, 0, sizeof(*info));
    if (uname(&un) < 0)
        return qemu_error_system(err, errno,
                                 "cannot read the host's architecture");
    snprintf(info->model, sizeof(info->model), "%.*s",
             (int)sizeof(info->model) - 1, un.machine);
    read_line("/sys/devices/system/cpu/online", online, sizeof(online));
    info->cpus = count_list(online);
    if (info->cpus == 0)
        info->cpus = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    read_siblings(0, siblings, sizeof(siblings));
    threads = count_list(siblings);
    info->threads = threads > 0 ? threads : 1;
    info->nodes = count_nodes();
    info->sockets = count_sockets(info->cpus) / info->nodes;
    if (info->sockets == 0)
        info->sockets = 1;
    info->cores = info->cpus /
                  (info->nodes * info->sockets * info->threads);
    if (info->cores == 0)
        info->cores = 1;
    info->mhz = cpu_mhz();
    info->memory_kib = memory_kib();
    return 0;
}

/* ---- capabilities ------------------------------------------------------ */

static void
write_cells(FILE *out, const struct vireo_node_info *info)
{
    fprintf(out, "    <topology>\n"
                 "      <cells num='1'>\n"
                 "        <cell id='0'>\n"
                 "          <memory unit='KiB'>%llu</memory>\n"
                 "          <cpus num='%u'>\n",
            info->memory_kib, info->cpus);
    for (unsigned i = 0; i < info->cpus; i++) {
        char siblings[64];

        read_siblings((int)i, siblings, sizeof(siblings));
        fprintf(out, "            <cpu id='%u' socket_id='%d' die_id='%d' "
                     "core_id='%d' siblings='%s'/>\n",
                i, read_cpu_number((int)i, "physical_package_id"),
                read_cpu_number((int)i, "die_id"),
                read_cpu_number((int)i, "core_id"), siblings);
    }
    fprintf(out, "          </cpus>\n"
                 "        </cell>\n"
                 "      </cells>\n"
                 "    </topology>\n");
}

static void
write_host(FILE *out, const struct vireo_node_info *info)
{
    host_write_cpu(out, info->model, info->sockets * info->nodes,
                   info->cores, info->threads);
    write_cells(out, info);
    fprintf(out, "    <secmodel>\n"
                 "      <model>none</model>\n"
                 "      <doi>0</doi>\n"
                 "    </secmodel>\n"
                 "  </host>\n\n");
}

static void
write_machine(FILE *out, const struct machine *m)
{
    if (m->canonical != NULL)
        fprintf(out, "      <machine canonical='%s'>%s</machine>\n",
                m->canonical, m->name);
    else
        fprintf(out, "      <machine>%s</machine>\n", m->name);
}

/* The default machine first, then its alias, then the others, as libvirt
 * lists them: a client that takes the first (virt-install) gets QEMU's
 * default. */
static void
write_machines(FILE *out, const struct qemu_host *host)
{
    const char *first = NULL;

    for (int i = 0; i < host->n_machines && first == NULL; i++)
        if (host->machines[i].is_default)
            first = host->machines[i].name;
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < host->n_machines; i++) {
            const struct machine *m = &host->machines[i];
            bool is_first = first != NULL && strcmp(m->name, first) == 0;
            bool is_alias = first != NULL && m->canonical != NULL &&
                            strcmp(m->canonical, first) == 0;

            if ((pass == 0 && is_first) || (pass == 1 && is_alias) ||
                (pass == 2 && !is_first && !is_alias))
                write_machine(out, m);
        }
}

static void
write_guest(FILE *out, const struct qemu_host *host)
{
    fprintf(out, "  <guest>\n"
                 "    <os_type>hvm</os_type>\n"
                 "    <arch name='x86_64'>\n"
                 "      <wordsize>64</wordsize>\n"
                 "      <emulator>%s</emulator>\n", host->emulator);
    write_machines(out, host);
    fprintf(out, "      <domain type='qemu'/>\n");
    if (host->has_kvm)
        fprintf(out, "      <domain type='kvm'/>\n");
    fprintf(out, "    </arch>\n"
                 "    <features>\n"
                 "      <acpi default='on' toggle='yes'/>\n"
                 "      <apic default='on' toggle='no'/>\n"
                 "      <cpuselection/>\n"
                 "      <deviceboot/>\n"
                 "      <disksnapshot default='on' toggle='no'/>\n"
                 "    </features>\n"
                 "  </guest>\n\n");
}

/* Without QEMU there is no guest to offer, as with libvirt's driver. */
char *
qemu_host_capabilities(const struct qemu_host *host, struct vireo_error *err)
{
    struct vireo_node_info info;
    char *text = NULL;
    size_t size = 0;
    FILE *out;

    if (qemu_host_node_info(&info, err) < 0)
        return NULL;
    out = open_memstream(&text, &size);
    if (out == NULL) {
        error_no_memory(err);
        return NULL;
    }
    fprintf(out, "<capabilities>\n\n");
    write_host(out, &info);
    if (host->emulator != NULL && host->version != 0)
        write_guest(out, host);
    fprintf(out, "</capabilities>\n");
    if (fclose(out) != 0 || text == NULL) {
        free(text);
        error_no_memory(err);
        return NULL;
    }
    return text;
}
