/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-pidfile.c: a second daemon on the same directory is refused and told
 * who holds it; a stale pid file from a crashed run is taken over. The
 * "other daemon" is a child process; the test also reads the pid file while
 * holding it, which would silently drop a classic fcntl lock.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "daemon/pidfile.h"
#include "tests/tap.h"

/* In a child process: 0 if it could take the pid file, 1 if refused with
 * the expected message, 2 otherwise. */
static int
try_in_child(const char *path, pid_t holder)
{
    pid_t child = fork();

    if (child == 0) {
        struct vireo_error err = { 0 };
        char want[64];
        struct pidfile *pf = pidfile_acquire(path, &err);
        snprintf(want, sizeof(want), "another vireod (pid %ld)", (long)holder);
        _exit(pf ? 0 : strstr(err.message, want) ? 1 : 2);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
main(void)
{
    char dir[] = "/tmp/vireo-test-pid-XXXXXX";
    char path[256];
    struct vireo_error err = { 0 };

    tap_plan(6);
    tap_ok(mkdtemp(dir) != NULL, "a scratch run directory is made");
    snprintf(path, sizeof(path), "%s/vireod.pid", dir);

    struct pidfile *pf = pidfile_acquire(path, &err);
    tap_ok(pf != NULL, "the first daemon takes the pid file");
    FILE *f = fopen(path, "r");
    long pid = 0;
    if (f) {
        tap_ok(fscanf(f, "%ld", &pid) == 1 && pid == (long)getpid(),
               "and writes its pid into it");
        fclose(f);
    } else {
        tap_ok(false, "and writes its pid into it");
    }
    tap_is_int(try_in_child(path, getpid()), 1,
               "a second daemon is refused, naming the first one's pid");
    pidfile_release(pf);
    tap_ok(access(path, F_OK) != 0, "releasing removes the pid file");

    f = fopen(path, "w");   /* a crashed run's leftover: nobody holds it */
    fputs("99999\n", f);
    fclose(f);
    tap_is_int(try_in_child(path, 0), 0,
               "a stale pid file from a crashed run is taken over");
    unlink(path);
    rmdir(dir);
    return tap_done();
}
