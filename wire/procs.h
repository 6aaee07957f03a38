/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * procs.h: the procedures that vireo speaks (spec §5), of the remote
 * program and of libvirt's QEMU program: for each number its name, how
 * its payloads are encoded, and what the daemon needs to know before
 * running it. Also the event id to event message table of spec §5.7.
 *
 * The tables are constant; every function may be called from any thread.
 */
#ifndef VIREO_WIRE_PROCS_H
#define VIREO_WIRE_PROCS_H

#include <stdbool.h>
#include <stddef.h>

#include "wire/frame.h"
#include "wire/qemu_protocol.h"
#include "wire/remote_protocol.h"

/* libvirt 9.0 defines remote procedures 1 ... 443 (spec §0). */
#define WIRE_PROC_MAX 443

/* That release, as libvirt encodes versions (major * 1,000,000 + minor *
 * 1,000 + micro). A daemon speaking this protocol answers it to
 * CONNECT_GET_LIB_VERSION, as libvirtd answers its own: clients decide
 * from that number which calls the daemon knows. */
#define WIRE_LIBVIRT_VERSION 9000000ull

/* How one payload is encoded: the XDR routine and the size of the C
 * struct it fills. WIRE_XDR_VOID and 0 for an empty payload. */
struct wire_payload {
    xdrproc_t proc;
    size_t    size;
};

enum wire_proc_kind {
    WIRE_PROC_CALL,   /* client calls it (CALL), server answers (REPLY) */
    WIRE_PROC_EVENT,  /* server sends it unasked (MESSAGE) */
};

struct wire_proc {
    uint32_t            prog;       /* WIRE_REMOTE_PROGRAM, WIRE_QEMU_PROGRAM */
    int                 number;
    const char         *name;       /* "CONNECT_OPEN" */
    /* libvirt's name for the call where deriving it from name would be
     * wrong ("virDomainQemuMonitorCommand"), else NULL. */
    const char         *api;
    enum wire_proc_kind kind;
    struct wire_payload args;       /* CALL payload (calls only) */
    struct wire_payload ret;        /* REPLY payload when status is OK */
    struct wire_payload msg;        /* MESSAGE payload (events only) */
    /* Upstream's scheduling hint (spec §2.10): high-priority calls may run
     * on the spare workers when the ordinary ones are all busy. */
    bool is_high_priority;
    /* Changes a domain: refused on a read-only connection with
     * VIR_ERR_OPERATION_DENIED. Two read calls also need write access for
     * some flags (GET_XML_DESC with SECURE, GET_VCPUS_FLAGS with GUEST);
     * those depend on the arguments and are the dispatcher's to check. */
    bool is_write;
    /* Answered before CONNECT_OPEN has succeeded (spec §2.8, §4.1). */
    bool is_allowed_before_open;
    /* Its successful reply opens a stream: from then on STREAM messages
     * with the call's proc and serial carry raw bytes both ways
     * (wire/stream.h). */
    bool is_stream;
};

/* The remote program's procedure with this number, or NULL if vireo does
 * not know it. O(1). */
const struct wire_proc *wire_proc_lookup(int number);

/* The procedure with this number in program prog (remote or QEMU), or NULL
 * if vireo does not know the pair. O(1). */
const struct wire_proc *wire_proc_find(uint32_t prog, int number);

/* Whether vireo speaks this program (remote, keepalive, QEMU) at all, and
 * in this version. */
bool wire_program_is_known(uint32_t prog);
bool wire_program_has_version(uint32_t prog, uint32_t vers);

/* Event message procedures for a domain event id (spec §5.7): the
 * callback-style one (318, 319, ...) and the legacy one (107, 169, ...,
 * 0 for ids that have none). -1 for an id libvirt 9.0 does not know. */
int wire_event_callback_proc(int event_id);
int wire_event_legacy_proc(int event_id);

/* Event ids that libvirt 9.0 knows (0 ... 26) and the subset that the
 * legacy REGISTER_ANY accepts (0 ... 15). */
#define WIRE_EVENT_ID_COUNT        27
#define WIRE_EVENT_ID_LEGACY_COUNT 16

#endif /* VIREO_WIRE_PROCS_H */
