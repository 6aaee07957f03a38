/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-client.c: the test driver opened as vireod opens it for a
 * client, with who that client is. test:///default opens for anyone; a
 * node file never for the read-only socket nor for a client without peer
 * credentials (TCP), and a domain file the client may not read fails the
 * open with an error that names both files and quotes neither.
 * (client_file.c's own rules are in test-client-file.c.)
 */
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/drivers/testdrv-helpers.h"

#define MARKER "vireo-marker-0e8b44"

static char data_dir[PATH_MAX];
static char tmp_dir[PATH_MAX];
static const uid_t stranger_uid = 54323;
static const gid_t stranger_gid = 54324;

static struct conn_identity
client(uid_t uid, gid_t gid)
{
    struct conn_identity who = { .has_credentials = true, .pid = getpid(),
                                 .uid = uid, .gid = gid };
    return who;
}

static void
opens(const char *text, const struct conn_identity *who, const char *what)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open_as(text, who, &err);

    if (!tap_ok(conn != NULL, "%s", what))
        tap_diag("  got '%s'", err.message);
    handle_conn_unref(conn);
}

/* text's open as who fails with code and an error that says want and
 * shows no marker. */
static void
fails(const char *text, const struct conn_identity *who, int code,
      const char *want, const char *what)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open_as(text, who, &err);

    if (!tap_ok(conn == NULL && err.code == code &&
                strstr(err.message, want) != NULL &&
                strstr(err.message, MARKER) == NULL, "%s", what))
        tap_diag("  got code %d '%s', want %d '%s'", err.code, err.message,
                 code, want);
    handle_conn_unref(conn);
}

static void
write_file(const char *path, mode_t mode, const char *text)
{
    FILE *f = fopen(path, "w");

    if (f == NULL)
        abort();
    fputs(text, f);
    fclose(f);
    if (chmod(path, mode) < 0)
        abort();
}

int
main(int argc, char **argv)
{
    char made[] = "/tmp/vireo-testdrv-client-XXXXXX";
    char good[PATH_MAX + 64], secret[PATH_MAX + 64], node[PATH_MAX + 64];
    char good_uri[PATH_MAX + 128], node_uri[PATH_MAX + 128];
    struct conn_identity read_only = client(0, 0), tcp = { 0 };
    struct conn_identity root = client(0, 0);
    struct conn_identity stranger = client(stranger_uid, stranger_gid);

    /* Through vireod no symlink may be on the way: resolve both. */
    if (realpath(argc > 1 ? argv[1] : "tests/drivers/data", data_dir) == NULL ||
        mkdtemp(made) == NULL || realpath(made, tmp_dir) == NULL)
        tap_fail_all("the data and a temporary directory");
    chmod(tmp_dir, 0755);
    snprintf(good, sizeof(good), "%s/node-several.xml", data_dir);
    snprintf(good_uri, sizeof(good_uri), "test://%s", good);
    snprintf(secret, sizeof(secret), "%s/secret.xml", tmp_dir);
    snprintf(node, sizeof(node), "%s/node.xml", tmp_dir);
    snprintf(node_uri, sizeof(node_uri), "test://%s", node);
    write_file(secret, 0600, "root:" MARKER ":19000:0:99999:7:::\n");
    write_file(node, 0644, "<node><domain file='secret.xml'/></node>\n");
    read_only.is_read_only_socket = true;

    opens(good_uri, &root, "a node file opens for a client that may read it");
    opens("test:///default", &read_only,
          "test:///default opens through the read-only socket");
    fails(good_uri, &read_only, VIR_ERR_OPERATION_DENIED, "read-only socket",
          "a node file does not");
    fails("test:///default/", &read_only, VIR_ERR_OPERATION_DENIED,
          "read-only socket", "nor does any path other than /default");
    opens("test:///default", &tcp, "test:///default opens for a TCP client");
    fails(good_uri, &tcp, VIR_ERR_SYSTEM_ERROR, "identity is unknown",
          "a node file does not: it has no peer credentials");
    fails(node_uri, &stranger, VIR_ERR_SYSTEM_ERROR, "Permission denied",
          "a domain file the client may not read fails the open, quoting "
          "nothing of it");
    fails(node_uri, &stranger, VIR_ERR_SYSTEM_ERROR, "named in node file",
          "and the error names the node file that named it");
    {
        struct vireo_error err = { 0 };
        struct vireo_conn *conn = tdrv_open_as(node_uri, &root, &err);

        /* As with libvirt, whose error shows the line it stopped at. */
        if (!tap_ok(conn == NULL && err.code == VIR_ERR_XML_DETAIL &&
                    strstr(err.message, "Start tag expected") != NULL,
                    "root may read it: only the domain parser refuses it"))
            tap_diag("  got code %d '%s'", err.code, err.message);
        handle_conn_unref(conn);
    }

    unlink(secret);
    unlink(node);
    rmdir(tmp_dir);
    return tdrv_done();
}
