/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qmp.h: QEMU's machine protocol (QMP) on one monitor socket, spoken by
 * the qemu driver's thread without ever blocking on the guest.
 *
 * A connection reads QEMU's greeting, negotiates with qmp_capabilities,
 * then carries commands and events. Each command gets an "id" that QEMU
 * echoes in its reply, a pending record, and a deadline: whichever of the
 * reply, the deadline or the connection's end comes first answers the
 * command's callback, exactly once. Events that arrive before the
 * handshake has finished are held and delivered after on_ready, in order,
 * so none is lost. Output is buffered and written as the socket takes it,
 * so a stopped QEMU delays only its own commands.
 *
 * Everything here is owned by, and runs on, the worker thread that made
 * the connection; the socket is watched by the main loop for it
 * (worker_watch.h).
 */
#ifndef VIREO_QEMU_QMP_H
#define VIREO_QEMU_QMP_H

#include <json-c/json.h>
#include <stdbool.h>

#include "api/vireo.h"

struct qmp;
struct worker;

/* The reply to one command. On success err is NULL and reply is QEMU's
 * whole reply object ({"return": ..., "id": ...}); on failure err says why
 * (QEMU's {"error": ...} as VIR_ERR_OPERATION_FAILED with QEMU's desc, a
 * deadline as VIR_ERR_OPERATION_TIMEOUT, the connection's end as
 * VIR_ERR_OPERATION_FAILED) and reply is QEMU's error reply or NULL.
 * reply is borrowed for the callback's duration. */
typedef void (*qmp_reply_cb)(struct qmp *m, json_object *reply,
                             const struct vireo_error *err, void *opaque);

/* Any of them may be NULL. */
struct qmp_callbacks {
    /* The handshake finished (err NULL) or failed (the greeting was
     * garbage, qmp_capabilities was refused, the socket closed, or the
     * deadline passed). Exactly once, before any event or on_closed; after
     * a failure nothing follows (no on_closed): the connection is dead
     * and waits for qmp_free(). */
    void (*on_ready)(struct qmp *m, const struct vireo_error *err,
                     void *opaque);
    /* An asynchronous event: its name, its "data" (may be NULL) and its
     * timestamp in microseconds. Borrowed for the call. */
    void (*on_event)(struct qmp *m, const char *event, json_object *data,
                     long long timestamp_us, void *opaque);
    /* The socket was closed by QEMU, or broke. Every pending command has
     * been answered first. The connection stays allocated until
     * qmp_free(); nothing follows. */
    void (*on_closed)(struct qmp *m, void *opaque);
};

/* Speak QMP on fd (a connected stream socket; made non-blocking and taken
 * over, even on failure) for w, the calling worker. The handshake starts
 * at once and must end within timeout_ms; every command sent later gets
 * the same deadline unless qmp_send_timeout() says otherwise (a negative
 * timeout: no deadline). NULL with err set. */
struct qmp *qmp_new(struct worker *w, int fd,
                    const struct qmp_callbacks *cb, void *opaque,
                    int timeout_ms, struct vireo_error *err);

/* Send {"execute": command, "arguments": args}. args (may be NULL) is
 * taken. Returns the command's id (> 0), to be passed to qmp_forget(), or
 * 0 with err set (the connection is closed or not ready, QEMU has left
 * 1 MiB of our commands unread, or memory is short): cb is then not
 * called. A command whose deadline passed may still be carried out by
 * QEMU once it reads it; its late reply is then skipped. */
unsigned long long qmp_send(struct qmp *m, const char *command,
                            json_object *args, qmp_reply_cb cb,
                            void *opaque, struct vireo_error *err);

/* The same with its own deadline. */
unsigned long long qmp_send_timeout(struct qmp *m, const char *command,
                                    json_object *args, int timeout_ms,
                                    qmp_reply_cb cb, void *opaque,
                                    struct vireo_error *err);

/* Send a command given as JSON text (qemu-monitor-command): it must be an
 * object with "execute"; its "id", if any, is replaced by ours. Same
 * return as qmp_send; a text that is not such an object is refused with
 * VIR_ERR_INVALID_ARG. */
unsigned long long qmp_send_text(struct qmp *m, const char *json_text,
                                 qmp_reply_cb cb, void *opaque,
                                 struct vireo_error *err);

/* The caller no longer wants the reply to command id: its callback will
 * not be called. The command itself stays sent. Unknown ids are ignored. */
void qmp_forget(struct qmp *m, unsigned long long id);

bool qmp_is_ready(const struct qmp *m);

/* Close the connection. Pending commands are answered with an error
 * first, and no callback follows. Safe inside any of its callbacks. NULL
 * is a no-op. */
void qmp_free(struct qmp *m);

#endif /* VIREO_QEMU_QMP_H */
