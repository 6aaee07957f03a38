/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * typed_param_wire.h: typed parameters between their wire form
 * (remote_typed_param, spec §3.5) and vireo's list, for both sides of the
 * wire: the daemon's dispatcher and the remote driver. Any thread.
 */
#ifndef VIREO_DRIVERS_TYPED_PARAM_WIRE_H
#define VIREO_DRIVERS_TYPED_PARAM_WIRE_H

#include "api/vireo.h"
#include "wire/remote_protocol.h"

/* Encode p as a malloc'ed array for an XDR reply or call (xdr_free
 * releases it with the rest of the message): 0, or -1 with err set. */
int typed_params_to_wire(const struct vireo_typed_params *p,
                         remote_typed_param **val, u_int *len,
                         struct vireo_error *err);

/* A daemon's reply to a getter of typed parameters, as libvirtd
 * serializes one: the first `wanted` of p, less the string parameters
 * when the client's flags lack VIR_TYPED_PARAM_STRING_OKAY (libvirt's own
 * clients always set it; a client of the bare protocol may not). 0, or -1
 * with err set. */
int typed_params_reply_to_wire(const struct vireo_typed_params *p,
                               int wanted, unsigned client_flags,
                               remote_typed_param **val, u_int *len,
                               struct vireo_error *err);

/* Decode a received array into p (appended; p starts empty), refusing more
 * than limit parameters as libvirt does (VIR_ERR_RPC "too many parameters
 * '%u' for limit '%d'"). 0, or -1 with err set and p cleared. */
int typed_params_from_wire(const remote_typed_param *val, u_int len,
                           int limit, struct vireo_typed_params *p,
                           struct vireo_error *err);

#endif /* VIREO_DRIVERS_TYPED_PARAM_WIRE_H */
