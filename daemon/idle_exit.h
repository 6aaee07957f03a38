/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * idle_exit.h: vireod --timeout SECS, as libvirtd's: stop once no client
 * has been connected, and no driver has had a guest running, for SECS
 * seconds (a daemon that socket activation starts again on demand need not
 * stay). Loop thread.
 */
#ifndef VIREO_DAEMON_IDLE_EXIT_H
#define VIREO_DAEMON_IDLE_EXIT_H

/* Watch for idleness; after timeout_s seconds of it call on_idle once.
 * Only one watch exists. With timeout_s 0, only remember on_idle for
 * idle_exit_set_timeout(). */
void idle_exit_start(int timeout_s, void (*on_idle)(int timeout_s));

/* Change the timeout while the daemon runs (virt-admin daemon-timeout):
 * 0 stops watching, anything else (re)starts the watch with a full
 * timeout_s to go. Without idle_exit_start() first it does nothing. */
void idle_exit_set_timeout(int timeout_s);

/* Stop watching (the daemon is stopping anyway). No-op without a watch. */
void idle_exit_stop(void);

#endif /* VIREO_DAEMON_IDLE_EXIT_H */
