/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_guest_main.c: the sleep driver's guest. It says "ready", then
 * answers each SIGUSR1 with "rebooted" and exits 0 on SIGTERM, taking the
 * signals with sigwait so that it never runs a handler and never forks.
 */
#include <signal.h>
#include <stdio.h>

int
main(void)
{
    sigset_t set;
    int sig;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    puts("ready");
    fflush(stdout);
    while (sigwait(&set, &sig) == 0 && sig == SIGUSR1) {
        puts("rebooted");
        fflush(stdout);
    }
    return 0;
}
