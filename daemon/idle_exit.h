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
 * Only one watch exists. */
void idle_exit_start(int timeout_s, void (*on_idle)(int timeout_s));

/* Stop watching (the daemon is stopping anyway). No-op without a watch. */
void idle_exit_stop(void);

#endif /* VIREO_DAEMON_IDLE_EXIT_H */
