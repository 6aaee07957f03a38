/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_unsupported.c: libvirtd's "not supported" answers for the calls
 * vireod does not serve (see dispatch_unsupported.h).
 */
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_unsupported.h"
#include "drivers/error.h"
#include "wire/error.h"
#include "wire/proc_names.h"
#include "wire/proc_read_only.h"

#define NO_SUPPORT_PREFIX \
    "this function is not supported by the connection driver: "

static bool
is_call(const remote_message_header *hdr)
{
    return hdr->type == WIRE_TYPE_CALL || hdr->type == WIRE_TYPE_CALL_WITH_FDS;
}

/* A CALL that libvirtd would dispatch: a procedure of its remote or QEMU
 * program that vireo does not decode, or a call of its LXC program, which
 * vireo does not know at all. */
static bool
is_libvirt_call(const remote_message_header *hdr, int result)
{
    if (!is_call(hdr))
        return false;
    if (result == WIRE_ERR_PROCEDURE)
        return hdr->prog == WIRE_REMOTE_PROGRAM || hdr->prog == WIRE_QEMU_PROGRAM;
    return result == WIRE_ERR_PROGRAM && hdr->prog == WIRE_LXC_PROGRAM &&
           hdr->vers == 1;
}

int
dispatch_unsupported_unknown(struct client *c,
                             const remote_message_header *hdr, int result,
                             struct vireo_error *err)
{
    struct vireo_error answer = { 0 };

    if (!is_libvirt_call(hdr, result) ||
        wire_error_not_supported_in(&answer, hdr->prog, (int)hdr->proc) == 0)
        return 0;
    /* libvirtd decodes the args, then finds no connection, then calls the
     * API, which refuses a read-only connection before it looks for the
     * driver: with args that decode, the connection comes first. */
    if (client_conn(c) == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "hypervisor connection not open");
    if (client_calls_are_read_only(c) &&
        wire_error_read_only_in(err, hdr->prog, (int)hdr->proc) < 0)
        return -1;
    *err = answer;
    return -1;
}

int
dispatch_unsupported_unserved(const struct wire_proc *proc,
                              struct vireo_error *err)
{
    if (wire_error_not_supported_in(err, proc->prog, proc->number) < 0)
        return -1;
    wire_error_unknown_procedure(err, proc->number);
    return -1;
}

/* error_unsupported()'s words: the prefix and one bare name (a slot's or
 * a libvirt function's), from no driver in particular. A driver's own
 * refusal comes from its error domain, in a sentence. */
static bool
is_empty_slot(const struct vireo_error *err)
{
    size_t n = strlen(NO_SUPPORT_PREFIX);

    return err->code == VIR_ERR_NO_SUPPORT && err->domain == VIR_FROM_NONE &&
           strncmp(err->message, NO_SUPPORT_PREFIX, n) == 0 &&
           err->message[n] != '\0' && strchr(err->message + n, ' ') == NULL;
}

void
dispatch_unsupported_rename(const struct wire_proc *proc,
                            struct vireo_error *err)
{
    if (proc != NULL && is_empty_slot(err))
        wire_error_not_supported_in(err, proc->prog, proc->number);
}
