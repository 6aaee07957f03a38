/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-qemu-store.c: the QEMU driver's files. A write replaces a file
 * whole, even when the writer is killed with SIGKILL at any moment (a
 * child rewrites one file in a loop while the test kills it at random
 * and reads what is left); reads refuse what is too large; removal,
 * autostart links, listings and the sweep of a crash's temporary files
 * do what the driver relies on; failures name the file.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/qemu/qemu_store.h"
#include "tests/tap.h"

#define N_KILLS     40
#define BIG_BYTES   (256 * 1024)

static char dir[64];

static char *
path_in(const char *name)
{
    char *p = NULL;

    if (asprintf(&p, "%s/%s", dir, name) < 0)
        abort();
    return p;
}

static char *
slurp(const char *path)
{
    struct vireo_error err = { 0 };

    return qemu_store_read(path, 4 * BIG_BYTES, &err);
}

/* Entries of dir whose name starts with prefix. */
static int
count_entries(const char *prefix)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

static void
test_write_read(void)
{
    struct vireo_error err = { 0 };
    char *path = path_in("a.xml");
    char *text;
    struct stat sb;

    tap_is_int(qemu_store_write(path, "first\n", &err), 0,
               "a new file is written");
    text = slurp(path);
    tap_ok(text != NULL && strcmp(text, "first\n") == 0,
           "... and read back whole");
    free(text);
    tap_is_int(qemu_store_write(path, "second\n", &err), 0,
               "an existing file is replaced");
    text = slurp(path);
    tap_ok(text != NULL && strcmp(text, "second\n") == 0,
           "... by the new content only");
    free(text);
    stat(path, &sb);
    tap_is_int(sb.st_mode & 0777, 0600, "only its owner may read it");
    tap_is_int(count_entries(".tmp-"), 0, "no temporary file is left");
    text = qemu_store_read(path, 3, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_INTERNAL_ERROR &&
           strstr(err.message, "larger than 3 bytes") != NULL,
           "a file larger than the limit is refused: %s", err.message);
    free(path);
}

static void
test_failures(void)
{
    struct vireo_error err = { 0 };
    char *missing = path_in("no/such/dir/a.xml");

    tap_is_int(qemu_store_write(missing, "x", &err), -1,
               "a write into a missing directory fails");
    tap_ok(err.code == VIR_ERR_SYSTEM_ERROR &&
           strstr(err.message, missing) != NULL &&
           strstr(err.message, "No such file or directory") != NULL,
           "... with a system error naming the file: %s", err.message);
    error_clear(&err);
    tap_ok(qemu_store_read(missing, 10, &err) == NULL &&
           err.code == VIR_ERR_SYSTEM_ERROR, "a missing file cannot be read");
    error_clear(&err);
    tap_is_int(qemu_store_remove(missing, &err), 0,
               "removing a missing file is no error");
    free(missing);
}

/* Write 'A' * BIG_BYTES and 'B' * BIG_BYTES alternately, forever. */
static void
rewrite_forever(const char *path)
{
    char *a = malloc(BIG_BYTES + 1), *b = malloc(BIG_BYTES + 1);
    struct vireo_error err = { 0 };

    memset(a, 'A', BIG_BYTES);
    memset(b, 'B', BIG_BYTES);
    a[BIG_BYTES] = b[BIG_BYTES] = '\0';
    for (;;) {
        qemu_store_write(path, a, &err);
        qemu_store_write(path, b, &err);
    }
}

static bool
is_whole(const char *text)
{
    if (text == NULL || strlen(text) != BIG_BYTES)
        return false;
    for (size_t i = 1; i < BIG_BYTES; i++)
        if (text[i] != text[0])
            return false;
    return text[0] == 'A' || text[0] == 'B';
}

static void
test_killed_writer(void)
{
    char *path = path_in("killed.xml");
    struct vireo_error err = { 0 };
    struct timespec pause;
    int n_whole = 0;

    qemu_store_write(path, "", &err);
    for (int i = 0; i < N_KILLS; i++) {
        pid_t pid = fork();
        char *text;

        if (pid == 0)
            rewrite_forever(path);
        pause.tv_sec = 0;
        pause.tv_nsec = (long)(rand() % 20 + 1) * 1000000L;
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        text = slurp(path);
        n_whole += text != NULL && (text[0] == '\0' || is_whole(text));
        free(text);
    }
    tap_is_int(n_whole, N_KILLS, "a writer killed with SIGKILL %d times "
               "at random leaves the file whole every time", N_KILLS);
    qemu_store_sweep(dir);
    tap_is_int(count_entries(".tmp-"), 0,
               "the sweep removes the temporary files it left");
    tap_ok(qemu_store_exists(path), "... and not the file itself");
    free(path);
}

static void
test_links(void)
{
    struct vireo_error err = { 0 };
    char *link_path = path_in("auto.xml");
    char target[256];
    ssize_t n;

    tap_is_int(qemu_store_link(link_path, "/nowhere/a.xml", &err), 0,
               "a link is made");
    n = readlink(link_path, target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    tap_ok(strcmp(target, "/nowhere/a.xml") == 0, "... to its target");
    tap_ok(qemu_store_exists(link_path),
           "a link exists even when its target does not");
    tap_is_int(qemu_store_link(link_path, "/elsewhere.xml", &err), 0,
               "a link is replaced");
    tap_is_int(qemu_store_remove(link_path, &err), 0, "a link is removed");
    tap_ok(!qemu_store_exists(link_path), "... and is gone");
    free(link_path);
}

static void
test_list(void)
{
    const char *files[] = { "zeta.xml", "alpha.xml", "notes.txt",
                            ".tmp-beta.xml.x1Y2z3", ".hidden.xml" };
    struct vireo_error err = { 0 };
    char *sub = path_in("list");
    char **names;
    int n;

    qemu_store_make_dir(sub, &err);
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        char *p = NULL;

        if (asprintf(&p, "%s/%s", sub, files[i]) < 0)
            abort();
        qemu_store_write(p, "x", &err);
        free(p);
    }
    names = qemu_store_list(sub, &n, &err);
    tap_ok(names != NULL && n == 2 && strcmp(names[0], "alpha") == 0 &&
           strcmp(names[1], "zeta") == 0 && names[2] == NULL,
           "a listing names the definitions, sorted, and nothing else");
    qemu_store_list_free(names);
    free(sub);
    sub = path_in("missing/deeper");
    names = qemu_store_list(sub, &n, &err);
    tap_ok(names != NULL && n == 0 && names[0] == NULL,
           "a missing directory lists nothing");
    qemu_store_list_free(names);
    tap_is_int(qemu_store_make_dir(sub, &err), 0,
               "a directory is made with its parents");
    tap_ok(qemu_store_exists(sub), "... and exists");
    free(sub);
}

static void
remove_tree(void)
{
    char *cmd = NULL;

    if (asprintf(&cmd, "rm -rf '%s'", dir) < 0 || system(cmd) != 0)
        tap_diag("could not remove %s", dir);
    free(cmd);
}

int
main(void)
{
    snprintf(dir, sizeof(dir), "/tmp/test-qemu-store.XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    srand((unsigned)getpid());
    tap_plan(24);
    test_write_read();
    test_failures();
    test_killed_writer();
    test_links();
    test_list();
    remove_tree();
    return tap_done();
}
