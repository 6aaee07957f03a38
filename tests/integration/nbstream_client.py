#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""nbstream_client.py URI POOL VOLUME upload FILE
nbstream_client.py URI POOL VOLUME download FILE LENGTH

python3-libvirt's side of nbstream-client.c: the same transfer through a
VIR_STREAM_NONBLOCK stream driven by its event callback on libvirt's
default event loop implementation, printing the same transcript.
"""
import os
import sys

import libvirt

CHUNK = 65536
IDLE_ITERATIONS = 5


class Transfer:
    def __init__(self, fd, is_upload):
        self.fd = fd
        self.is_upload = is_upload
        self.wanted = (libvirt.VIR_STREAM_EVENT_WRITABLE if is_upload
                       else libvirt.VIR_STREAM_EVENT_READABLE)
        self.n_moved = 0
        self.n_calls = 0
        self.n_other_events = 0
        self.n_would_block = 0
        self.is_done = False
        self.outcome = ""


def result(what, fn):
    try:
        print("%s: %d" % (what, fn()))
    except libvirt.libvirtError as e:
        print("%s: error: %s" % (what, e.get_error_message()))


def end_transfer(st, t, how):
    try:
        st.finish()
        t.outcome = "%s, finish: 0" % how
    except libvirt.libvirtError as e:
        t.outcome = "%s, finish: %s" % (how, e.get_error_message())
    try:
        st.eventRemoveCallback()
    except libvirt.libvirtError as e:
        t.outcome = "remove: %s" % e.get_error_message()
    t.is_done = True


def fail_transfer(st, t, what, message):
    t.outcome = "%s failed: %s" % (what, message)
    try:
        st.eventRemoveCallback()
        st.abort()
    except libvirt.libvirtError:
        pass
    t.is_done = True


def attempt(st, t, what, fn):
    """fn's result, or None once its failure ended the transfer."""
    try:
        return fn()
    except libvirt.libvirtError as e:
        fail_transfer(st, t, what, e.get_error_message())
        return None


def send_chunk(st, t):
    data = os.read(t.fd, CHUNK)
    if not data:
        end_transfer(st, t, "end of file")
        return
    rc = attempt(st, t, "send", lambda: st.send(data))
    if rc is None:
        return
    if rc == -2:
        t.n_would_block += 1
        os.lseek(t.fd, -len(data), os.SEEK_CUR)
    else:
        t.n_moved += rc
        os.lseek(t.fd, rc - len(data), os.SEEK_CUR)


def recv_chunk(st, t):
    data = attempt(st, t, "recv", lambda: st.recv(CHUNK))
    if data is None:
        return
    if data == -2:
        t.n_would_block += 1
    elif len(data) == 0:
        end_transfer(st, t, "end of data")
    else:
        os.write(t.fd, data)
        t.n_moved += len(data)


def on_event(st, events, t):
    t.n_calls += 1
    if events != t.wanted:
        t.n_other_events += 1
    if t.is_done:
        return
    if t.is_upload:
        send_chunk(st, t)
    else:
        recv_chunk(st, t)


def run_iterations(n):
    timer = libvirt.virEventAddTimeout(10, lambda timer, opaque: None, None)
    for _ in range(n):
        libvirt.virEventRunDefaultImpl()
    libvirt.virEventRemoveTimeout(timer)


def check_registration(st, t):
    idle_mask = libvirt.VIR_STREAM_EVENT_READABLE if t.is_upload else 0

    def add(mask):
        st.eventAddCallback(mask, on_event, t)
        return 0

    def update():
        st.eventUpdateCallback(t.wanted)
        return 0
    result("add callback", lambda: add(idle_mask))
    result("add a second callback", lambda: add(t.wanted))
    run_iterations(IDLE_ITERATIONS)
    print("callbacks while no asked event stands: %d" % t.n_calls)
    result("update callback", update)


def main():
    uri, pool_name, vol_name, how, path = sys.argv[1:6]
    is_upload = how == "upload"
    # Errors are printed in the transcript, not by libvirt's default
    # handler on stderr.
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    conn = libvirt.open(uri)
    vol = conn.storagePoolLookupByName(pool_name).storageVolLookupByName(
        vol_name)
    st = conn.newStream(libvirt.VIR_STREAM_NONBLOCK)
    if is_upload:
        fd = os.open(path, os.O_RDONLY)
        result("upload", lambda: vol.upload(st, 0, 0, 0))
        result("recv on the upload stream", lambda: st.recv(16))
    else:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        result("download", lambda: vol.download(st, 0, int(sys.argv[6]), 0))
    t = Transfer(fd, is_upload)
    check_registration(st, t)
    while not t.is_done:
        libvirt.virEventRunDefaultImpl()
    print(t.outcome)
    print("bytes moved: %d" % t.n_moved)
    print("callbacks with other events than asked: %d" % t.n_other_events)
    print("would-block answers in callbacks: %d" % t.n_would_block)
    if is_upload:
        print("callbacks: %d" % t.n_calls)

    def remove():
        st.eventRemoveCallback()
        return 0

    def update():
        st.eventUpdateCallback(0)
        return 0
    result("remove again", remove)
    result("update without a callback", update)
    os.close(fd)
    conn.close()


main()
