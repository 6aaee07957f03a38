/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_unsupported.h: calls vireod does not serve, answered as
 * libvirtd answers a call its driver lacks: VIR_ERR_NO_SUPPORT, "this
 * function is not supported by the connection driver: virXxx", rather
 * than "unknown procedure: N". Three cases: a procedure of libvirt's that
 * vireo does not even decode, one it decodes but has no handler for, and
 * one whose handler found the driver's slot empty.
 */
#ifndef VIREO_DAEMON_DISPATCH_UNSUPPORTED_H
#define VIREO_DAEMON_DISPATCH_UNSUPPORTED_H

#include "api/vireo.h"
#include "wire/procs.h"

struct client;

/* Loop thread: a message that did not decode as result. If it is a CALL
 * libvirt 9.0 defines and vireo does not know (a procedure of the remote
 * or QEMU program, or the LXC program's), set err to libvirtd's answer
 * (its args are never decoded): "hypervisor connection not open" before
 * CONNECT_OPEN, else not supported. Returns -1 when err was set, 0 when
 * the message is none of those. */
int dispatch_unsupported_unknown(struct client *c,
                                 const remote_message_header *hdr,
                                 int result, struct vireo_error *err);

/* Any thread: a known procedure with no handler. Sets err (not supported
 * for a procedure with an API, "unknown procedure" otherwise) and returns
 * -1. */
int dispatch_unsupported_unserved(const struct wire_proc *proc,
                                  struct vireo_error *err);

/* Any thread: a failed call's err, as its handler left it. When it says a
 * driver slot is empty (drivers/error.h's error_unsupported, which names
 * the slot and the driver), it is replaced by libvirtd's answer naming
 * the libvirt API of proc. */
void dispatch_unsupported_rename(const struct wire_proc *proc,
                                 struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_UNSUPPORTED_H */
