/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-client-file.c: client_file_read(), the read vireod makes for a
 * client that names a file. The client's uid, gid and groups must pass
 * the kernel's permission rule on every directory on the way and on the
 * file; no symlink may be on the way; only a regular file of bounded size
 * is read, and anything else is never even opened (a FIFO with no writer
 * answers at once). No error quotes the file: every file here holds a
 * marker, and no error may contain it. In-process (no identity) the
 * process's own rights apply, symlinks included, but the file must still
 * be regular and is never waited on.
 *
 * As root the files belong to made-up users, so that the owner, group and
 * other rules are all exercised; as anyone else they are the runner's own.
 */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "drivers/client_file.h"
#include "drivers/handle.h"
#include "tests/tap.h"

#define MARKER  "vireo-marker-5d1c9e"
#define CONTENT "<node><!-- " MARKER " --></node>\n"
#define MAX_BYTES 4096
/* Anything that could block fails the whole test instead. */
#define ALARM_S 10

static char dir[PATH_MAX];
static uid_t file_uid;          /* owns every file made here */
static gid_t file_gid;
static const uid_t stranger_uid = 54323;
static const gid_t stranger_gid = 54324;

/* dir/name, in one of a few rotating buffers. */
static const char *
at(const char *name)
{
    static char buf[4][PATH_MAX + 64];
    static int i;

    i = (i + 1) % 4;
    snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
    return buf[i];
}

static void
give(const char *path, mode_t mode)
{
    if (lchown(path, file_uid, file_gid) < 0 && geteuid() == 0)
        abort();
    if (chmod(path, mode) < 0)
        abort();
}

static void
make_file(const char *name, mode_t mode, size_t size)
{
    FILE *f = fopen(at(name), "w");

    if (f == NULL)
        abort();
    fputs(CONTENT, f);
    for (size_t n = strlen(CONTENT); n < size; n++)
        fputc(' ', f);
    fclose(f);
    give(at(name), mode);
}

static void
make_empty(const char *name, mode_t mode)
{
    FILE *f = fopen(at(name), "w");

    if (f == NULL)
        abort();
    fclose(f);
    give(at(name), mode);
}

static void
make_dir(const char *name, mode_t mode)
{
    if (mkdir(at(name), 0700) < 0)
        abort();
    give(at(name), mode);
}

static struct conn_identity
client(uid_t uid, gid_t gid)
{
    struct conn_identity who = { .has_credentials = true, .pid = getpid(),
                                 .uid = uid, .gid = gid };
    return who;
}

static char *
read_as(const char *path, const struct conn_identity *who,
        struct vireo_error *err)
{
    char *text;

    memset(err, 0, sizeof(*err));
    alarm(ALARM_S);
    text = client_file_read(path, who, MAX_BYTES, VIR_FROM_TEST, err);
    alarm(0);
    return text;
}

static void
reads(const char *path, const struct conn_identity *who, const char *what)
{
    struct vireo_error err;
    char *text = read_as(path, who, &err);

    if (!tap_ok(text != NULL && strncmp(text, CONTENT, strlen(CONTENT)) == 0,
                "%s", what))
        tap_diag("  got '%s'", text != NULL ? text : err.message);
    free(text);
}

static void
refused(const char *path, const struct conn_identity *who,
        const char *reason, const char *what)
{
    struct vireo_error err;
    char *text = read_as(path, who, &err);
    bool pass = text == NULL && err.code == VIR_ERR_SYSTEM_ERROR &&
                err.domain == VIR_FROM_TEST &&
                strstr(err.message, reason) != NULL &&
                strstr(err.message, MARKER) == NULL;

    if (!tap_ok(pass, "%s", what))
        tap_diag("  got '%s', want '%s'", text != NULL ? text : err.message,
                 reason);
    free(text);
}

/* ---- The permission rule --------------------------------------------- */

static void
test_permissions(void)
{
    struct conn_identity owner = client(file_uid, stranger_gid);
    struct conn_identity member = client(stranger_uid, file_gid);
    struct conn_identity in_groups = client(stranger_uid, stranger_gid);
    struct conn_identity other = client(stranger_uid, stranger_gid);
    struct conn_identity root = client(0, 0);

    in_groups.groups[0] = 4242;
    in_groups.groups[1] = file_gid;
    in_groups.n_groups = 2;
    make_file("r-owner", 0400, 0);
    make_file("r-group-other", 0044, 0);
    make_file("r-owner-group", 0440, 0);
    make_file("r-owner-other", 0404, 0);
    /* The runner must be able to read what a root client reads. */
    make_file("r-none", geteuid() == 0 ? 0000 : 0400, 0);

    reads(at("r-owner"), &owner, "the owner reads a file its owner bits allow");
    refused(at("r-group-other"), &owner, "Permission denied",
            "the owner is held to the owner bits, though group and others "
            "may read");
    reads(at("r-owner-group"), &member,
          "a member of the file's group (its gid) reads by the group bits");
    refused(at("r-owner-other"), &member, "Permission denied",
            "a member of the group is held to the group bits, though others "
            "may read");
    reads(at("r-owner-group"), &in_groups,
          "a supplementary group counts as the gid does");
    refused(at("r-owner-other"), &in_groups, "Permission denied",
            "and holds the client to the group bits as well");
    reads(at("r-owner-other"), &other, "anyone else reads by the other bits");
    refused(at("r-owner-group"), &other, "Permission denied",
            "anyone else is refused when only owner and group may read");
    reads(at("r-none"), &root, "root reads whatever the mode says");
}

static void
test_directories(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);

    make_dir("d-search", 0711);
    make_file("d-search/file", 0444, 0);
    make_dir("d-closed", 0700);
    make_file("d-closed/file", 0444, 0);
    make_dir("d-list", 0744);
    make_file("d-list/file", 0444, 0);

    reads(at("d-search/file"), &other,
          "searching a directory is enough to reach a file in it");
    refused(at("d-closed/file"), &other, "Permission denied",
            "a file in a directory the client cannot search is refused");
    refused(at("d-list/file"), &other, "Permission denied",
            "reading a directory without searching it is not enough");
    refused(at("d-closed/missing"), &other, "Permission denied",
            "and what it holds stays hidden: a missing file there is "
            "refused the same way");
    refused(at("d-search/missing"), &other, "No such file",
            "a missing file in a searchable directory is reported missing");
}

/* ---- POSIX ACLs -------------------------------------------------------- */

/* One entry of an access ACL, as setfacl(1) would write it. */
struct acl_spec {
    uint16_t tag;
    uint16_t perm;
    uint32_t id;
};

/* linux/posix_acl_xattr.h; entries go in this order of tags, then ids. */
enum { USER_OBJ = 0x01, USER = 0x02, GROUP_OBJ = 0x04, GROUP = 0x08,
       MASK = 0x10, OTHER = 0x20 };
#define NO_ID 0xffffffffu

/* Set path's access ACL (the kernel updates its mode to match); a file
 * system without ACLs fails the check that needed it. */
static bool
set_acl(const char *path, const struct acl_spec *spec, int n)
{
    unsigned char buf[4 + 16 * 8];
    uint32_t version = htole32(2);

    memcpy(buf, &version, 4);
    for (int i = 0; i < n; i++) {
        uint16_t tag = htole16(spec[i].tag), perm = htole16(spec[i].perm);
        uint32_t id = htole32(spec[i].id);

        memcpy(buf + 4 + 8 * i, &tag, 2);
        memcpy(buf + 4 + 8 * i + 2, &perm, 2);
        memcpy(buf + 4 + 8 * i + 4, &id, 4);
    }
    if (setxattr(path, "system.posix_acl_access", buf, 4 + 8 * (size_t)n,
                 0) == 0)
        return true;
    tap_diag("cannot set an ACL on %s: %s", path, strerror(errno));
    return false;
}

static void
test_acls(void)
{
    struct conn_identity stranger = client(stranger_uid, stranger_gid);
    struct conn_identity other = client(stranger_uid + 1, stranger_gid);
    struct conn_identity in_4242 = client(stranger_uid + 1, stranger_gid);
    /* rw-r--r--, but not for the stranger */
    const struct acl_spec deny_user[] = {
        { USER_OBJ, 6, NO_ID }, { USER, 0, stranger_uid },
        { GROUP_OBJ, 4, NO_ID }, { MASK, 4, NO_ID }, { OTHER, 4, NO_ID },
    };
    /* rw-------, but the stranger may read */
    const struct acl_spec allow_user[] = {
        { USER_OBJ, 6, NO_ID }, { USER, 4, stranger_uid },
        { GROUP_OBJ, 0, NO_ID }, { MASK, 4, NO_ID }, { OTHER, 0, NO_ID },
    };
    /* rw-------, but group 4242 may read */
    const struct acl_spec allow_group[] = {
        { USER_OBJ, 6, NO_ID }, { GROUP_OBJ, 0, NO_ID }, { GROUP, 4, 4242 },
        { MASK, 4, NO_ID }, { OTHER, 0, NO_ID },
    };
    /* others may read, group 4242 may not */
    const struct acl_spec deny_group[] = {
        { USER_OBJ, 6, NO_ID }, { GROUP_OBJ, 4, NO_ID }, { GROUP, 0, 4242 },
        { MASK, 4, NO_ID }, { OTHER, 4, NO_ID },
    };
    /* the stranger may read, but the mask takes it away */
    const struct acl_spec masked_user[] = {
        { USER_OBJ, 6, NO_ID }, { USER, 4, stranger_uid },
        { GROUP_OBJ, 4, NO_ID }, { MASK, 0, NO_ID }, { OTHER, 0, NO_ID },
    };
    /* rwxr-xr-x, but the stranger may not search */
    const struct acl_spec deny_search[] = {
        { USER_OBJ, 7, NO_ID }, { USER, 0, stranger_uid },
        { GROUP_OBJ, 5, NO_ID }, { MASK, 5, NO_ID }, { OTHER, 5, NO_ID },
    };

    in_4242.groups[0] = 4242;
    in_4242.n_groups = 1;
    make_file("acl-deny-user", 0644, 0);
    make_file("acl-allow-user", 0600, 0);
    make_file("acl-allow-group", 0600, 0);
    make_file("acl-deny-group", 0644, 0);
    make_file("acl-masked-user", 0600, 0);
    make_dir("acl-dir", 0755);
    make_file("acl-dir/file", 0444, 0);

    if (set_acl(at("acl-deny-user"), deny_user, 5))
        refused(at("acl-deny-user"), &stranger, "Permission denied",
                "an ACL entry that denies the client is obeyed, though "
                "others may read");
    reads(at("acl-deny-user"), &other, "while anyone else still reads");
    if (set_acl(at("acl-allow-user"), allow_user, 5))
        reads(at("acl-allow-user"), &stranger,
              "an ACL entry that lets the client read is obeyed");
    refused(at("acl-allow-user"), &other, "Permission denied",
            "and lets no one else in");
    if (set_acl(at("acl-allow-group"), allow_group, 5))
        reads(at("acl-allow-group"), &in_4242,
              "an ACL entry for one of the client's groups lets it read");
    refused(at("acl-allow-group"), &other, "Permission denied",
            "and no one outside the group");
    if (set_acl(at("acl-deny-group"), deny_group, 5))
        refused(at("acl-deny-group"), &in_4242, "Permission denied",
                "a group entry that denies the client wins over the other "
                "bits");
    if (set_acl(at("acl-masked-user"), masked_user, 5))
        refused(at("acl-masked-user"), &stranger, "Permission denied",
                "the ACL's mask limits what a named user may do");
    if (set_acl(at("acl-dir"), deny_search, 5))
        refused(at("acl-dir/file"), &stranger, "Permission denied",
                "an ACL that denies searching a directory hides its files");
    reads(at("acl-dir/file"), &other, "from that client only");
}

/* ---- The path ---------------------------------------------------------- */

static void
test_paths(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);
    struct conn_identity no_credentials = { .has_credentials = false };
    char up[PATH_MAX + 64];

    make_file("plain", 0444, 0);
    make_dir("sub", 0755);
    make_file("sub/file", 0444, 0);
    if (symlink("plain", at("link")) < 0 || symlink("sub", at("sub-link")) < 0)
        abort();

    refused(at("link"), &other, "symbolic link",
            "a symlink named as the file is refused");
    refused(at("sub-link/file"), &other, "symbolic link",
            "a symlink to a directory on the way is refused");
    refused(at("sub-link/../plain"), &other, "symbolic link",
            "even when '..' comes straight after it");
    reads(at("link"), NULL, "in-process, a symlink is followed");
    reads(at("sub/../plain"), &other,
          "'..' leads to the parent, as the kernel walks it");
    refused(at("d-closed/../plain"), &other, "Permission denied",
            "'..' out of a directory the client cannot search is refused, as "
            "the kernel refuses it");
    snprintf(up, sizeof(up), "/../..%s", at("plain"));
    reads(up, &other, "'..' at the root stays at the root");
    reads(at("sub//./file"), &other, "empty and '.' components are skipped");
    refused("plain", &other, "not absolute",
            "a relative path from a client is refused");
    refused(at("plain"), &no_credentials, "identity is unknown",
            "a client without peer credentials (TCP) reads no file");
}

/* ---- What is read ------------------------------------------------------ */

static void
test_size(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);

    make_file("at-bound", 0444, MAX_BYTES);
    make_file("over-bound", 0444, MAX_BYTES + 1);
    make_empty("empty", 0444);

    reads(at("at-bound"), &other, "a file of exactly the bound is read");
    refused(at("over-bound"), &other, "larger than 4096 bytes",
            "one byte more is refused");
    refused(at("over-bound"), NULL, "larger than 4096 bytes",
            "in-process too");
    {
        struct vireo_error err;
        char *text = read_as(at("empty"), &other, &err);

        tap_ok(text != NULL && text[0] == '\0', "an empty file reads as ''");
        free(text);
    }
}

/* A writer blocked opening the FIFO; its open returns once anyone opens
 * the FIFO for reading. Returns its pid once it is about to open. */
static pid_t
start_fifo_writer(const char *fifo)
{
    int ready[2];
    char c;
    pid_t pid;

    if (pipe(ready) < 0 || (pid = fork()) < 0)
        abort();
    if (pid == 0) {
        close(ready[0]);
        if (write(ready[1], "r", 1) != 1)
            _exit(2);
        _exit(open(fifo, O_WRONLY) >= 0 ? 0 : 1);
    }
    close(ready[1]);
    if (read(ready[0], &c, 1) != 1)
        abort();
    close(ready[0]);
    usleep(100 * 1000);     /* into its open() */
    return pid;
}

static void
test_fifo(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);
    const char *fifo = at("fifo");
    pid_t writer;
    int status, fd;

    if (mkfifo(fifo, 0666) < 0)
        abort();
    give(fifo, 0666);
    refused(fifo, &other, "not a regular file",
            "a FIFO with no writer is refused at once");
    refused(fifo, NULL, "not a regular file", "in-process too");

    writer = start_fifo_writer(fifo);
    refused(fifo, &other, "not a regular file",
            "a FIFO a writer waits on is refused");
    usleep(200 * 1000);
    tap_ok(waitpid(writer, &status, WNOHANG) == 0,
           "and never opened: the writer still waits");
    refused(fifo, NULL, "not a regular file", "in-process too");
    usleep(200 * 1000);
    tap_ok(waitpid(writer, &status, WNOHANG) == 0,
           "and in-process it is never opened either");
    fd = open(fifo, O_RDONLY | O_NONBLOCK);
    waitpid(writer, &status, 0);
    if (fd >= 0)
        close(fd);
}

static void
test_not_regular(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);
    struct conn_identity root = client(0, 0);

    refused(dir, &other, "not a regular file", "a directory is refused");
    refused(dir, NULL, "not a regular file", "in-process too");
    refused("/dev/zero", &root, "not a regular file",
            "a device is refused, even to root");
    refused("/dev/zero", NULL, "not a regular file", "in-process too");
    refused("/", &root, "not a regular file", "so is the root directory");
}

/* /proc/PID/maps is 0444, yet the kernel lets only who may trace PID open
 * it: the mode of a kernel file does not say who may read it. */
static void
test_kernel_files(void)
{
    struct conn_identity other = client(stranger_uid, stranger_gid);
    struct vireo_error err;
    char maps[64], comm[64];
    char *text;

    snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)getpid());
    snprintf(comm, sizeof(comm), "/proc/%d/comm", (int)getpid());
    refused(maps, &other, "a kernel file",
            "a file of /proc is refused, whatever its mode says");
    refused("/sys/kernel/uevent_seqnum", &other, "a kernel file",
            "and so is one of /sys");
    /* Not maps: under the sanitizers it outgrows MAX_BYTES. */
    text = read_as(comm, NULL, &err);
    if (!tap_ok(text != NULL && text[0] != '\0',
                "in-process, the kernel judges the process itself: it reads"))
        tap_diag("  got '%s'", err.message);
    free(text);
}

int
main(void)
{
    char made[] = "/tmp/vireo-client-file-XXXXXX";

    signal(SIGALRM, SIG_DFL);
    /* The walk refuses symlinks, so the directory's own path has none. */
    if (mkdtemp(made) == NULL || realpath(made, dir) == NULL)
        tap_fail_all("a temporary directory: %s", strerror(errno));
    chmod(dir, 0755);
    file_uid = geteuid() == 0 ? 54321 : geteuid();
    file_gid = geteuid() == 0 ? 54322 : getegid();

    tap_plan(52);
    test_permissions();
    test_directories();
    test_acls();
    test_paths();
    test_size();
    test_fifo();
    test_not_regular();
    test_kernel_files();

    {
        char cmd[2 * PATH_MAX + 32];

        snprintf(cmd, sizeof(cmd), "chmod -R u+rwX '%s'; rm -rf '%s'", dir,
                 dir);
        if (system(cmd) != 0)
            tap_diag("could not remove %s", dir);
    }
    return tap_done();
}
