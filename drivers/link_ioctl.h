/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * link_ioctl.h: one ioctl on the host's network links (bridges, taps,
 * addresses), for the drivers that make them.
 */
#ifndef VIREO_DRIVERS_LINK_IOCTL_H
#define VIREO_DRIVERS_LINK_IOCTL_H

/* ioctl(request, arg) on an AF_INET datagram socket made for it (the
 * bridge and interface requests need one); its result, with errno kept
 * from the ioctl (or the socket) on failure. Any thread. */
int link_ioctl(unsigned long request, void *arg);

#endif /* VIREO_DRIVERS_LINK_IOCTL_H */
