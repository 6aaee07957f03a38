/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remotedrv.h: the client side of libvirt's remote protocol. It serves, in
 * a client process, every URI naming a transport (test+unix://, qemu+tcp://,
 * ...) and the URIs of daemon-only drivers (qemu:///system), by asking the
 * daemon behind the socket: vireod or a real libvirtd alike.
 */
#ifndef VIREO_DRIVERS_REMOTE_REMOTEDRV_H
#define VIREO_DRIVERS_REMOTE_REMOTEDRV_H

#include "drivers/driver.h"

extern const struct driver remotedrv;

#endif /* VIREO_DRIVERS_REMOTE_REMOTEDRV_H */
