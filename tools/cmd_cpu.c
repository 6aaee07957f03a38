/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_cpu.c: cpu-baseline, with virsh 9.0's reading of its file: the
 * <cpu> elements at its top level (any number of them), a domain's, a
 * host's in capabilities, or the host-model of domain capabilities.
 */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_cpu_baseline_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing XML CPU descriptions" },
    { "features", OPT_BOOL, false, false,
      "Show features that are part of the CPU model type" },
    { "migratable", OPT_BOOL, false, false,
      "Do not include features that block migration" },
    END_OPTS,
};

#define MAX_CPUS 256

/* The whole file, NUL-ended, malloc'ed; NULL (said as virsh says it). */
static char *
read_whole(const char *path)
{
    FILE *in = fopen(path, "re");
    char *text = NULL;
    size_t size = 0, n;
    char buf[4096];

    if (in == NULL) {
        cli_error("Failed to open file '%s': %s", path, strerror(errno));
        return NULL;
    }
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
        char *grown = realloc(text, size + n + 1);

        if (grown == NULL) {
            free(text);
            fclose(in);
            cli_error("out of memory");
            return NULL;
        }
        text = grown;
        memcpy(text + size, buf, n);
        size += n;
    }
    fclose(in);
    if (text == NULL)
        text = calloc(1, 1);
    else
        text[size] = '\0';
    return text;
}

static bool
is_named(xmlNodePtr n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (is_named(n, name))
            return n;
    return NULL;
}

/* Add the <cpu> at n, as text, to cpus. */
static int
add_cpu(xmlDocPtr doc, xmlNodePtr n, char **cpus, int *n_cpus)
{
    xmlBufferPtr buf = xmlBufferCreate();

    if (buf == NULL || *n_cpus == MAX_CPUS ||
        xmlNodeDump(buf, doc, n, 0, 0) < 0) {
        xmlBufferFree(buf);
        return -1;
    }
    cpus[(*n_cpus)++] = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return cpus[*n_cpus - 1] != NULL ? 0 : -1;
}

/* The <mode name='host-model'> of domain capabilities, as a <cpu>. */
static int
add_host_model(xmlDocPtr doc, xmlNodePtr caps, char **cpus, int *n_cpus)
{
    for (xmlNodePtr m = child(child(caps, "cpu"), "mode"); m; m = m->next) {
        xmlChar *name = is_named(m, "mode")
                        ? xmlGetProp(m, (const xmlChar *)"name") : NULL;
        bool is_host_model = name && strcmp((char *)name, "host-model") == 0;

        xmlFree(name);
        if (is_host_model) {
            xmlNodeSetName(m, (const xmlChar *)"cpu");
            return add_cpu(doc, m, cpus, n_cpus);
        }
    }
    return 0;
}

/* What virsh takes from each top-level element of the file. */
static int
collect(xmlDocPtr doc, char **cpus, int *n_cpus)
{
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n;
         n = n->next) {
        xmlNodePtr cpu = NULL;

        if (is_named(n, "cpu"))
            cpu = n;
        else if (is_named(n, "domain"))
            cpu = child(n, "cpu");
        else if (is_named(n, "capabilities"))
            cpu = child(child(n, "host"), "cpu");
        else if (is_named(n, "domainCapabilities") &&
                 add_host_model(doc, n, cpus, n_cpus) < 0)
            return -1;
        if (cpu != NULL && add_cpu(doc, cpu, cpus, n_cpus) < 0)
            return -1;
    }
    return 0;
}

/* The file's CPUs into cpus (each malloc'ed); how many, or -1. */
static int
extract_cpus(const char *path, char **cpus)
{
    char *text = read_whole(path), *wrapped = NULL;
    const char *body = text;
    xmlDocPtr doc = NULL;
    int n = 0;

    if (text == NULL)
        return -1;
    if (strncmp(body, "<?xml", 5) == 0 && strstr(body, "?>") != NULL)
        body = strstr(body, "?>") + 2;
    if (asprintf(&wrapped, "<container>%s</container>", body) >= 0)
        doc = xmlReadMemory(wrapped, (int)strlen(wrapped), path, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    if (doc == NULL)
        cli_error("%s: not well-formed XML", path);
    else if (collect(doc, cpus, &n) < 0)
        n = -1;
    else if (n == 0)
        cli_error("File '%s' does not contain any <cpu> element or valid "
                  "domain XML, host capabilities XML, or domain "
                  "capabilities XML", path);
    xmlFreeDoc(doc);
    free(wrapped);
    free(text);
    return doc != NULL && n > 0 ? n : -1;
}

int
cmd_cpu_baseline(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *cpus[MAX_CPUS], *result = NULL;
    int n = extract_cpus(cmd_string(cmd, "file"), cpus);
    unsigned flags = cmd_has(cmd, "features")
                     ? VIREO_BASELINE_CPU_EXPAND_FEATURES : 0;

    if (cmd_has(cmd, "migratable"))
        flags |= 2;     /* libvirt's VIR_CONNECT_BASELINE_CPU_MIGRATABLE */
    if (n > 0) {
        result = vireo_conn_baseline_cpu(s->conn, (const char *const *)cpus,
                                         (unsigned)n, flags, &err);
        if (result == NULL)
            cli_report(&err);
        else
            printf("%s", result);
    }
    for (int i = 0; i < n; i++)
        free(cpus[i]);
    free(result);
    return result != NULL ? 0 : -1;
}
