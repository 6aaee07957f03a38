/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_host.c: the default imaginary host, and the capabilities document
 * derived from whatever host a state describes: the CPU, its NUMA cells
 * with every CPU's socket and core, and the guests the driver can run;
 * and the driver's host-query slots. The host is immutable once its state
 * exists (test_state.h), so these read it on the caller's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/host.h"
#include "drivers/test/test_host.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

void
test_host_init_default(struct test_host *host)
{
    memset(host, 0, sizeof(*host));
    strcpy(host->arch, "i686");
    strcpy(host->model, "i686");
    host->mhz = 1400;
    host->cpus = 16;
    host->nodes = 2;
    host->sockets = 2;
    host->cores = 2;
    host->threads = 2;
    host->memory_kib = 3145728;
}

/* The cell's CPUs, numbered globally; a host whose active count is not
 * a multiple of the cells gives the remainder to the last cell. */
static void
write_cell_cpus(FILE *out, const struct test_host *host, unsigned cell)
{
    unsigned per_cell = host->cpus / host->nodes;
    unsigned first = cell * per_cell;
    unsigned n = cell + 1 == host->nodes ? host->cpus - first : per_cell;
    unsigned threads = host->threads ? host->threads : 1;
    unsigned cores = host->cores ? host->cores : 1;

    fprintf(out, "          <cpus num='%u'>\n", n);
    for (unsigned j = 0; j < n; j++) {
        unsigned core_first = first + j - j % threads;
        unsigned core_last = core_first + threads - 1;

        if (core_last >= first + n)
            core_last = first + n - 1;
        fprintf(out, "            <cpu id='%u' socket_id='%u' core_id='%u' "
                     "siblings='%u-%u'/>\n",
                first + j, cell * host->sockets + j / (threads * cores),
                (j / threads) % cores, core_first, core_last);
    }
    fprintf(out, "          </cpus>\n");
}

static void
write_host(FILE *out, const struct test_host *host)
{
    host_write_cpu(out, host->arch, host->sockets, host->cores,
                   host->threads);
    fprintf(out, "    <topology>\n"
                 "      <cells num='%u'>\n", host->nodes);
    for (unsigned c = 0; c < host->nodes; c++) {
        fprintf(out, "        <cell id='%u'>\n"
                     "          <memory unit='KiB'>%llu</memory>\n",
                c, host->memory_kib / host->nodes);
        write_cell_cpus(out, host, c);
        fprintf(out, "        </cell>\n");
    }
    fprintf(out, "      </cells>\n"
                 "    </topology>\n"
                 "    <secmodel>\n"
                 "      <model>" TEST_HOST_SECURITY_MODEL "</model>\n"
                 "      <doi>" TEST_HOST_SECURITY_DOI "</doi>\n"
                 "    </secmodel>\n"
                 "  </host>\n");
}

static void
write_guest(FILE *out, const char *arch, int wordsize)
{
    fprintf(out, "  <guest>\n"
                 "    <os_type>hvm</os_type>\n"
                 "    <arch name='%s'>\n"
                 "      <wordsize>%d</wordsize>\n"
                 "      <emulator>/usr/bin/test-hv</emulator>\n"
                 "      <domain type='test'/>\n"
                 "    </arch>\n"
                 "    <features>\n"
                 "      <pae/>\n"
                 "      <nonpae/>\n"
                 "    </features>\n"
                 "  </guest>\n",
            arch, wordsize);
}

char *
test_host_capabilities(const struct test_host *host)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    if (out == NULL)
        return NULL;
    fprintf(out, "<capabilities>\n");
    write_host(out, host);
    write_guest(out, "i686", 32);
    write_guest(out, "x86_64", 64);
    fprintf(out, "</capabilities>\n");
    if (ferror(out)) {
        fclose(out);
        free(text);
        return NULL;
    }
    fclose(out);
    return text;
}

/* ---- Host slots ------------------------------------------------------- */

const char *
testdrv_conn_get_type(struct vireo_conn *conn, struct vireo_error *err)
{
    return "TEST";
}

/* The hypervisor's version is vireo's own. conn_get_lib_version shares
 * it: the library and the in-process hypervisor are one build. */
int
testdrv_conn_get_version(struct vireo_conn *conn, unsigned long long *version,
                         struct vireo_error *err)
{
    *version = VIREO_VERSION_MAJOR * 1000000ull +
               VIREO_VERSION_MINOR * 1000ull + VIREO_VERSION_MICRO;
    return 0;
}

char *
testdrv_conn_get_hostname(struct vireo_conn *conn, struct vireo_error *err)
{
    return host_name(VIR_FROM_TEST, err);
}

char *
testdrv_conn_get_capabilities(struct vireo_conn *conn,
                              struct vireo_error *err)
{
    const struct test_state *st = conn->priv;
    char *caps = test_host_capabilities(&st->host);

    if (caps == NULL)
        error_no_memory(err);
    return caps;
}

int
testdrv_node_get_info(struct vireo_conn *conn, struct vireo_node_info *info,
                      struct vireo_error *err)
{
    const struct test_state *st = conn->priv;
    const struct test_host *host = &st->host;

    memset(info, 0, sizeof(*info));
    snprintf(info->model, sizeof(info->model), "%s", host->model);
    info->memory_kib = host->memory_kib;
    info->cpus = host->cpus;
    info->mhz = host->mhz;
    info->nodes = host->nodes;
    info->sockets = host->sockets;
    info->cores = host->cores;
    info->threads = host->threads;
    return 0;
}

/* Trivially secure: an in-process driver, or one inside the daemon the
 * client reached (the remote driver adds what it knows of the transport). */
int
testdrv_conn_is_secure(struct vireo_conn *conn, struct vireo_error *err)
{
    return 1;
}

/* Nothing travels to an in-process driver, so nothing is encrypted: 0, as
 * libvirt's test driver answers (the remote driver, not this one, knows
 * whether its transport encrypts). */
int
testdrv_conn_is_encrypted(struct vireo_conn *conn, struct vireo_error *err)
{
    return 0;
}

int
testdrv_node_get_security_model(struct vireo_conn *conn,
                                struct vireo_security_model *model,
                                struct vireo_error *err)
{
    memset(model, 0, sizeof(*model));
    snprintf(model->model, sizeof(model->model), "%s",
             TEST_HOST_SECURITY_MODEL);
    snprintf(model->doi, sizeof(model->doi), "%s", TEST_HOST_SECURITY_DOI);
    return 0;
}
