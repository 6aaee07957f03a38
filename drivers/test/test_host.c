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
    host->n_cells = 2;
}

unsigned long long
test_host_cell_memory_kib(unsigned cell)
{
    return (cell + 1) * 2048ull * 1024;
}

unsigned long long
test_host_cell_free_bytes(unsigned cell)
{
    return (cell + 1) * 1024ull * 1024;
}

/* The page sizes the host offers, in KiB. Each cell has all but one of
 * them: cell 1 has the 8 KiB pages instead of the 4 KiB ones, and only
 * the first size it has holds the cell's memory. */
static const unsigned page_sizes_kib[] = { 4, 8, 2048, 1048576 };

static void
write_host_cpu(FILE *out, const struct test_host *host)
{
    fprintf(out, "  <host>\n"
                 "    <cpu>\n"
                 "      <arch>%s</arch>\n"
                 "      <features>\n"
                 "        <pae/>\n"
                 "        <nonpae/>\n"
                 "      </features>\n", host->arch);
    for (size_t i = 0; i < sizeof(page_sizes_kib) / sizeof(*page_sizes_kib);
         i++)
        fprintf(out, "      <pages unit='KiB' size='%u'/>\n",
                page_sizes_kib[i]);
    fprintf(out, "    </cpu>\n"
                 "    <power_management/>\n"
                 "    <iommu support='no'/>\n");
}

static void
write_cell(FILE *out, unsigned cell)
{
    unsigned long long kib = test_host_cell_memory_kib(cell);
    unsigned first_size = page_sizes_kib[cell == 1 ? 1 : 0];

    fprintf(out, "        <cell id='%u'>\n"
                 "          <memory unit='KiB'>%llu</memory>\n"
                 "          <pages unit='KiB' size='%u'>%llu</pages>\n",
            cell, kib, first_size, kib / first_size);
    for (size_t i = 2; i < sizeof(page_sizes_kib) / sizeof(*page_sizes_kib);
         i++)
        fprintf(out, "          <pages unit='KiB' size='%u'>0</pages>\n",
                page_sizes_kib[i]);
    fprintf(out, "          <cpus num='%u'>\n", TEST_HOST_CELL_CPUS);
    for (unsigned j = 0; j < TEST_HOST_CELL_CPUS; j++) {
        unsigned id = cell * TEST_HOST_CELL_CPUS + j;

        fprintf(out, "            <cpu id='%u' socket_id='%u' die_id='0' "
                     "core_id='%u' siblings='%u'/>\n", id, cell, j, id);
    }
    fprintf(out, "          </cpus>\n"
                 "        </cell>\n");
}

static void
write_host(FILE *out, const struct test_host *host)
{
    write_host_cpu(out, host);
    fprintf(out, "    <topology>\n"
                 "      <cells num='%u'>\n", host->n_cells);
    for (unsigned c = 0; c < host->n_cells; c++)
        write_cell(out, c);
    fprintf(out, "      </cells>\n"
                 "    </topology>\n"
                 "    <secmodel>\n"
                 "      <model>" TEST_HOST_SECURITY_MODEL "</model>\n"
                 "      <doi>" TEST_HOST_SECURITY_DOI "</doi>\n"
                 "    </secmodel>\n"
                 "  </host>\n\n");
}

static void
write_guest(FILE *out, const char *os_type)
{
    fprintf(out, "  <guest>\n"
                 "    <os_type>%s</os_type>\n"
                 "    <arch name='i686'>\n"
                 "      <wordsize>32</wordsize>\n"
                 "      <emulator>/usr/bin/test-hv</emulator>\n"
                 "      <domain type='test'/>\n"
                 "    </arch>\n"
                 "    <features>\n"
                 "      <pae/>\n"
                 "      <nonpae/>\n"
                 "    </features>\n"
                 "  </guest>\n\n",
            os_type);
}

/* libvirt separates the host and each guest with a blank line. */
char *
test_host_capabilities(const struct test_host *host)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    if (out == NULL)
        return NULL;
    fprintf(out, "<capabilities>\n\n");
    write_host(out, host);
    write_guest(out, "hvm");
    write_guest(out, "xen");
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

/* libvirt's test hypervisor is at version 2 ("0.0.2"), whatever the
 * library's. */
int
testdrv_conn_get_version(struct vireo_conn *conn, unsigned long long *version,
                         struct vireo_error *err)
{
    *version = 2;
    return 0;
}

/* The library and the in-process hypervisor are one build. */
int
testdrv_conn_get_lib_version(struct vireo_conn *conn,
                             unsigned long long *version,
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
