/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-state.c: which state a connection gets. test:///default is
 * shared by every open connection and starts afresh once the last closes;
 * test:///PATH.xml builds a private state from a node file, and a bad node
 * file fails the open with an error naming it. Also the host queries.
 */
#include <limits.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "tests/drivers/testdrv-helpers.h"

static const char *data_dir;

static char *
node_uri(const char *file)
{
    char *uri = NULL;

    if (asprintf(&uri, "test://%s/%s", data_dir, file) < 0)
        abort();
    return uri;
}

static void
test_shared_default(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *c1 = tdrv_open("test:///default", &err);
    struct vireo_conn *c2 = tdrv_open("test:///default", &err);
    struct vireo_conn *c3;
    struct vireo_domain *dom;

    tap_ok(c1 && c2, "two connections to test:///default");
    if (!c1 || !c2)
        return;
    tap_ok(c1->priv == c2->priv, "they share one state");
    handle_domain_unref(tdrv_define(c1, "shared", NULL, &err));
    dom = testdrv.domain_lookup_by_name(c2, "shared", &err);
    tap_ok(dom != NULL, "a domain defined on one is seen on the other");
    handle_domain_unref(dom);
    dom = testdrv.domain_lookup_by_name(c2, "test", &err);
    testdrv.domain_destroy(dom, 0, &err);
    handle_domain_unref(dom);
    handle_conn_unref(c1);
    dom = testdrv.domain_lookup_by_name(c2, "shared", &err);
    tap_ok(dom != NULL, "closing one leaves the state to the other");
    handle_domain_unref(dom);
    handle_conn_unref(c2);

    c3 = tdrv_open("test:///default", &err);
    dom = testdrv.domain_lookup_by_name(c3, "shared", &err);
    tap_ok(dom == NULL && err.code == VIR_ERR_NO_DOMAIN,
           "after the last close the next open starts afresh");
    memset(&err, 0, sizeof(err));
    dom = testdrv.domain_lookup_by_name(c3, "test", &err);
    tap_ok(dom && dom->id == 1, "with 'test' running as id 1 again");
    tap_is_str(dom ? tdrv_state(dom) : "", "1/0", "running");
    handle_domain_unref(dom);
    handle_conn_unref(c3);
}

static void
test_host(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open("test:///default", &err);
    struct vireo_node_info info;
    unsigned long long version = 0;
    char *text, host[256] = "";
    xmlDocPtr doc;

    tap_is_str(testdrv.conn_get_type(conn, &err), "TEST", "type");
    testdrv.conn_get_version(conn, &version, &err);
    tap_is_int(version, 2, "the hypervisor's version is libvirt's test 0.0.2");
    testdrv.conn_get_lib_version(conn, &version, &err);
    tap_is_int(version, VIREO_VERSION_MAJOR * 1000000ull +
                        VIREO_VERSION_MINOR * 1000 + VIREO_VERSION_MICRO,
               "the library's version is vireo's");
    text = testdrv.conn_get_hostname(conn, &err);
    gethostname(host, sizeof(host) - 1);
    tap_is_str(text, host, "hostname is the machine's");
    free(text);
    tap_is_int(testdrv.node_get_info(conn, &info, &err), 0, "node info");
    tap_is_str(info.model, "i686", "model");
    tap_ok(info.cpus == 16 && info.mhz == 1400 && info.nodes == 2 &&
           info.sockets == 2 && info.cores == 2 && info.threads == 2,
           "16 CPUs at 1400 MHz: 2 nodes x 2 sockets x 2 cores x 2 threads");
    tap_is_int(info.memory_kib, 3145728, "memory");
    text = testdrv.conn_get_capabilities(conn, &err);
    doc = text ? xmlReadMemory(text, (int)strlen(text), "caps", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR) : NULL;
    tap_ok(doc != NULL, "capabilities are well-formed XML");
    xmlFreeDoc(doc);
    tap_ok(text && strstr(text, "<arch>i686</arch>") &&
           strstr(text, "<cells num='2'>") &&
           strstr(text, "<cpus num='8'>") &&
           strstr(text, "<memory unit='KiB'>4194304</memory>") &&
           strstr(text, "<cpu id='15' socket_id='1' die_id='0' "
                        "core_id='7' siblings='15'/>"),
           "two cells of 8 CPUs, the second with 4 GiB, as libvirt's");
    tap_ok(text && strstr(text, "<pages unit='KiB' size='8'>524288</pages>"),
           "the second cell's memory is in 8 KiB pages");
    tap_ok(text && strstr(text, "<os_type>hvm</os_type>") &&
           strstr(text, "<os_type>xen</os_type>") &&
           !strstr(text, "<arch name='x86_64'>") &&
           strstr(text, "<domain type='test'/>"),
           "hvm and xen guests for i686 of type test");
    free(text);
    handle_conn_unref(conn);
}

static void
test_node_file(void)
{
    struct vireo_error err = { 0 };
    char *uri = node_uri("node-several.xml");
    struct vireo_conn *conn = tdrv_open(uri, &err), *other;
    struct vireo_node_info info;
    static const char *const names[] = { "inline1", "fromfile", "inline2" };
    char *caps;

    free(uri);
    if (!tap_ok(conn != NULL, "open a node file")) {
        tap_diag("  %s", err.message);
        return;
    }
    for (int i = 0; i < 3; i++) {
        struct vireo_domain *dom = testdrv.domain_lookup_by_id(conn, i + 1,
                                                               &err);

        tap_is_str(dom ? dom->name : NULL, names[i], "id %d runs %s", i + 1,
                   names[i]);
        tap_is_str(dom ? tdrv_state(dom) : "", "1/0", "running");
        handle_domain_unref(dom);
    }
    tap_is_int(testdrv.conn_list_all_domains(conn, NULL, 0, &err), 3,
               "exactly the node file's domains");
    testdrv.node_get_info(conn, &info, &err);
    tap_ok(strcmp(info.model, "x86_64") == 0 && info.cpus == 8 &&
           info.mhz == 2000 && info.nodes == 1 && info.memory_kib == 8388608,
           "the host is the node file's");
    caps = testdrv.conn_get_capabilities(conn, &err);
    tap_ok(caps && strstr(caps, "<cells num='0'>") &&
           !strstr(caps, "<cpus ") && !strstr(caps, "<topology sockets"),
           "while its capabilities describe no cells, as libvirt's");
    tap_ok(caps && strstr(caps, "<arch>i686</arch>"),
           "while the architecture stays libvirt's i686, whatever the model");
    free(caps);
    other = tdrv_open("test:///default", &err);
    tap_ok(other && other->priv != conn->priv,
           "a node-file state is private");
    handle_conn_unref(other);
    handle_conn_unref(conn);
}

static void
refuses(const char *file, int code, const char *text)
{
    struct vireo_error err = { 0 };
    char *uri = node_uri(file);
    struct vireo_conn *conn = tdrv_open(uri, &err);

    tap_ok(conn == NULL && err.code == code && strstr(err.message, file) &&
           strstr(err.message, text), "%s refused", file);
    if (conn != NULL || err.code != code || !strstr(err.message, file) ||
        !strstr(err.message, text))
        tap_diag("  got code %d '%s'", err.code, err.message);
    handle_conn_unref(conn);
    free(uri);
}

static void
test_bad_node_files(void)
{
    struct vireo_error err = { 0 };

    refuses("no-such-node.xml", VIR_ERR_SYSTEM_ERROR, "No such file");
    refuses("node-bad-malformed.xml", VIR_ERR_XML_ERROR, "line");
    refuses("node-bad-root.xml", VIR_ERR_XML_ERROR, "<node>");
    refuses("node-bad-cpu.xml", VIR_ERR_XML_ERROR, "<active>");
    refuses("node-bad-ref.xml", VIR_ERR_SYSTEM_ERROR, "no-such-domain.xml");
    refuses("node-bad-domain.xml", VIR_ERR_NO_NAME, "");
    tdrv_fails(tdrv_open("test:///nowhere/../x", &err) ? 0 : -1, err,
               VIR_ERR_SYSTEM_ERROR, "/nowhere/../x", "a missing path");
    tdrv_fails(tdrv_open("test:///", &err) ? 0 : -1, err, VIR_ERR_INVALID_ARG,
               "supply a path", "no path at all");
    refuses("node-bad-dup.xml", VIR_ERR_OPERATION_FAILED, "domain 'twin'");
    refuses("node-bad-type.xml", VIR_ERR_CONFIG_UNSUPPORTED, "kvm");
}

/* A domain document just under the size limit, and a node file naming it
 * again and again: the driver stops reading at its total bound instead of
 * parsing for minutes. */
static void
test_total_bound(void)
{
    char dir[] = "/tmp/vireo-nodefile-XXXXXX", path[PATH_MAX];
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    FILE *f;

    if (mkdtemp(dir) == NULL)
        abort();
    snprintf(path, sizeof(path), "%s/big.xml", dir);
    f = fopen(path, "w");
    fprintf(f, "<domain type='test'><name>big</name><memory>1024</memory>"
               "<os><type>hvm</type></os><description>");
    for (int i = 0; i < 4000; i++)
        fprintf(f, "%01023d\n", 0);
    fprintf(f, "</description></domain>\n");
    fclose(f);
    snprintf(path, sizeof(path), "%s/node.xml", dir);
    f = fopen(path, "w");
    fprintf(f, "<node>\n");
    for (int i = 0; i < 100; i++)
        fprintf(f, "  <domain file='big.xml'/>\n");
    fprintf(f, "</node>\n");
    fclose(f);
    snprintf(path, sizeof(path), "test://%s/node.xml", dir);
    conn = tdrv_open(path, &err);
    tap_ok(conn == NULL && err.code == VIR_ERR_XML_ERROR &&
           strstr(err.message, "names more than 64 MiB of documents"),
           "a node file naming 400 MB of domain files is refused at 64 MiB");
    if (conn != NULL || strstr(err.message, "64 MiB") == NULL)
        tap_diag("  got code %d '%s'", err.code, err.message);
    handle_conn_unref(conn);
    snprintf(path, sizeof(path), "rm -rf %s", dir);
    if (system(path) != 0)
        tap_diag("  could not remove %s", dir);
}

int
main(int argc, char **argv)
{
    data_dir = argc > 1 ? argv[1] : "tests/drivers/data";
    test_shared_default();
    test_host();
    test_node_file();
    test_bad_node_files();
    test_total_bound();
    return tdrv_done();
}
