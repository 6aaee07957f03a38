/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * wire_peer.h: blocking message I/O for a daemon played by a test's
 * thread on its end of a socket pair (test-rpc-stream.c,
 * test-rpc-transfer.c). The calling thread owns fd.
 */
#ifndef VIREO_TESTS_DRIVERS_WIRE_PEER_H
#define VIREO_TESTS_DRIVERS_WIRE_PEER_H

#include <stdint.h>

#include "wire/frame.h"

struct wire_message;

/* One whole message from fd into *buf (malloc'ed, the caller's); its
 * length, or -1 at end of file or on error. */
long wire_peer_read_message(int fd, uint8_t **buf);

/* Write all of out to fd (as far as fd takes it), then release out. */
void wire_peer_send_buffer(int fd, struct wire_buffer *out);

/* Read messages from fd until end of file, giving each one that decodes
 * to on_message. */
void wire_peer_serve(int fd, void (*on_message)(const struct wire_message *m));

/* A STREAM message of the stream whose call is call: status, data. */
void wire_peer_send_stream(int fd, const remote_message_header *call,
                           int status, const void *data, size_t len);

#endif /* VIREO_TESTS_DRIVERS_WIRE_PEER_H */
