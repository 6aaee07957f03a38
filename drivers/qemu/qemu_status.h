/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_status.h: a running domain's status document, which the QEMU
 * driver keeps in its run directory so that a restarted daemon finds the
 * guest again: QEMU's pid, its monitor, the domain's state, reason and id,
 * and the live definition. It has the shape of libvirt's:
 *
 *   <domstatus state='running' reason='1' pid='4242' id='1'>
 *     <monitor path='/run/vireo/qemu/domain-1-web/monitor.sock'/>
 *     <fakereboot/>
 *     <live>
 *       <chardev index='0' path='/dev/pts/3'/>
 *       <graphics index='0' port='5900'/>
 *       <interface index='0' dev='vnet0'/>
 *     </live>
 *     <domain type='qemu'> ... </domain>
 *   </domstatus>
 *
 * The definition is written as a definition; what only a running domain
 * has (the ptys QEMU chose, the VNC port, the taps) is kept beside it, by
 * device index. The devices' aliases are not kept: whoever reads a status
 * gives them again as the start gave them (qemu_command_assign_aliases).
 *
 * Plain data and pure functions: any thread.
 */
#ifndef VIREO_QEMU_STATUS_H
#define VIREO_QEMU_STATUS_H

#include <stdbool.h>
#include <sys/types.h>

#include "api/vireo.h"

struct domain_def;

/* Owned by whoever made it; qemu_status_free() frees def too. */
struct qemu_status {
    int                state;          /* enum vireo_domain_state */
    int                reason;         /* the state's reason enum */
    pid_t              pid;            /* QEMU's */
    int                id;             /* the domain's live id */
    char              *monitor_path;   /* QEMU's QMP socket */
    bool               is_fake_reboot; /* the guest's next power-off is a
                                          reboot */
    struct domain_def *def;            /* the live definition, but for
                                          its devices' aliases */
};

/* The document, malloc'ed; NULL when memory is short. */
char *qemu_status_format(const struct qemu_status *s);

/* Read a document back; NULL with err set (VIR_ERR_XML_ERROR naming what
 * is wrong, or the definition's own parse error). */
struct qemu_status *qemu_status_parse(const char *xml,
                                      struct vireo_error *err);

/* Frees s and everything it holds. NULL is a no-op. */
void qemu_status_free(struct qemu_status *s);

/* libvirt's word for a domain state ("running", "shutoff", ...), or NULL
 * for a value outside the enum; and back (-1 for an unknown word). */
const char *qemu_status_state_name(int state);
int qemu_status_state_from_name(const char *name);

#endif /* VIREO_QEMU_STATUS_H */
