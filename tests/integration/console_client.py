#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""python3-libvirt's consoles and monitor commands against a daemon (vireod
or libvirtd alike). Prints what happened, one `key=value` per line, for
test-console.sh to check. A guest of the sleep driver echoes its console
input in capitals.

    console_client.py echo URI DOM TEXT        send TEXT, read the echo
    console_client.py two URI DOM1 DOM2        two consoles on one connection
    console_client.py big URI DOM NBYTES       one send of NBYTES, read back
    console_client.py monitor URI DOM CMD      libvirt_qemu.qemuMonitorCommand
    console_client.py eof URI DOM              the guest goes while open
    console_client.py abort URI DOM            abort, then carry on
    console_client.py errors URI DOM           what each wrong use answers
    console_client.py nosupport URI DOM        a driver with neither
    console_client.py hold URI DOM             open, say so, then keep sending
    console_client.py nbecho URI DOM TEXT      echo, through a non-blocking
                                               stream read in its callbacks
"""
import sys
import threading
import time

import libvirt
import libvirt_qemu

TIMEOUT_S = 10


def error_of(call):
    """Run call; 'ok' or 'CODE' of the libvirt error it raised."""
    try:
        call()
        return "ok"
    except libvirt.libvirtError as e:
        return "%d" % e.get_error_code()


def open_console(conn, dom):
    st = conn.newStream(0)
    dom.openConsole(None, st, 0)
    return st


def read_exactly(st, n):
    """Up to n bytes, as they come; stops early at end of file."""
    got = b""
    deadline = time.monotonic() + TIMEOUT_S
    while len(got) < n and time.monotonic() < deadline:
        chunk = st.recv(n - len(got))
        if not chunk:
            break
        got += chunk
    return got


def echo(uri, name, text):
    """Send text and read until its echo came: what an earlier console of
    the guest left unread comes first."""
    conn = libvirt.open(uri)
    st = open_console(conn, conn.lookupByName(name))
    st.send(text.encode())
    got = read_until(st, text.upper().encode())
    print("echo=%s" % got[-len(text):].decode(errors="replace"))
    st.finish()
    print("finish=ok")


def read_until(st, text):
    """Read until text came (what came before it may be the echo of what
    an earlier console sent); all that was read."""
    got = b""
    deadline = time.monotonic() + TIMEOUT_S
    while not got.endswith(text) and time.monotonic() < deadline:
        chunk = st.recv(65536)
        if not chunk:
            break
        got += chunk
    return got


def two(uri, name1, name2):
    """Both consoles of one connection, their traffic interleaved."""
    conn = libvirt.open(uri)
    st1 = open_console(conn, conn.lookupByName(name1))
    st2 = open_console(conn, conn.lookupByName(name2))
    for i in range(20):
        st1.send(b"one%02d " % i)
        st2.send(b"two%02d " % i)
    print("first=%s" % read_exactly(st1, 6 * 20).decode())
    print("second=%s" % read_exactly(st2, 6 * 20).decode())
    st1.finish()
    st2.finish()


def big(uri, name, n):
    n = int(n)
    conn = libvirt.open(uri)
    st = open_console(conn, conn.lookupByName(name))
    data = bytes(b"abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(n))
    sender = threading.Thread(target=st.send, args=(data,))
    sender.start()
    got = read_exactly(st, n)
    sender.join()
    print("big_len=%d" % len(got))
    print("big_same=%s" % ("yes" if got == data.upper() else "no"))
    st.finish()


def monitor(uri, name, cmd):
    conn = libvirt.open(uri)
    dom = conn.lookupByName(name)
    try:
        print("result=%s" % libvirt_qemu.qemuMonitorCommand(dom, cmd, 0))
    except libvirt.libvirtError as e:
        print("error=%d:%s" % (e.get_error_code(), e))


def eof(uri, name):
    """The guest is destroyed from another connection while its console is
    open: libvirtd sends end of file, and the stream then finishes."""
    conn = libvirt.open(uri)
    st = open_console(conn, conn.lookupByName(name))
    libvirt.open(uri).lookupByName(name).destroy()
    while True:
        chunk = st.recv(4096)   # what the guest said before it went
        if not chunk:
            break
    print("eof=yes")
    print("finish=%s" % error_of(st.finish))


def abort(uri, name):
    """Abort a console, then carry on: the connection, and the guest's
    console, still work."""
    conn = libvirt.open(uri)
    dom = conn.lookupByName(name)
    st = open_console(conn, dom)
    st.send(b"first ")
    print("abort=%s" % error_of(st.abort))
    print("state=%d" % dom.state()[0])
    st = open_console(conn, dom)
    st.send(b"again")
    print("again=%s" % ("yes" if read_until(st, b"AGAIN").endswith(b"AGAIN")
                         else "no"))
    st.finish()


def errors(uri, name):
    """A console and a monitor command on a domain that is gone; a bad
    device name; flags nobody knows; a read-only connection."""
    conn = libvirt.open(uri)
    dom = conn.lookupByName(name)
    print("bad_devname=%s" % error_of(
        lambda: dom.openConsole("nosuch0", conn.newStream(0), 0)))
    print("bad_flags=%s" % error_of(
        lambda: dom.openConsole(None, conn.newStream(0), 64)))
    ro = libvirt.openReadOnly(uri)
    both(ro, ro.lookupByName(name), "ro_")
    dom.destroy()
    both(conn, dom, "gone_")


def both(conn, dom, prefix=""):
    """What opening a console and a monitor command answer."""
    print("%sconsole=%s" % (prefix, error_of(
        lambda: dom.openConsole(None, conn.newStream(0), 0))))
    print("%smonitor=%s" % (prefix, error_of(
        lambda: libvirt_qemu.qemuMonitorCommand(dom, "{}", 0))))


def nosupport(uri, name):
    """What a driver without consoles or a monitor answers."""
    conn = libvirt.open(uri)
    both(conn, conn.lookupByName(name))


def hold(uri, name):
    """Open a console, say so, then send and read until killed."""
    conn = libvirt.open(uri)
    st = open_console(conn, conn.lookupByName(name))
    print("open", flush=True)
    while True:
        st.send(b"x" * 4096)
        read_exactly(st, 4096)


def nbecho(uri, name, text):
    """echo through a VIR_STREAM_NONBLOCK console, read in its READABLE
    callbacks on libvirt's default event loop."""
    libvirt.virEventRegisterDefaultImpl()
    conn = libvirt.open(uri)
    st = conn.newStream(libvirt.VIR_STREAM_NONBLOCK)
    conn.lookupByName(name).openConsole(None, st, 0)
    want = text.upper().encode()
    seen = {"got": b"", "events": 0, "would_block": 0, "eof": False}

    def on_event(stream, events, opaque):
        seen["events"] |= events
        data = stream.recv(65536)
        if data == -2:
            seen["would_block"] += 1
        elif not data:
            seen["eof"] = True
        else:
            seen["got"] += data
    st.eventAddCallback(libvirt.VIR_STREAM_EVENT_READABLE, on_event, None)
    # The loop wakes at least every 100 ms, so that the deadline counts.
    timer = libvirt.virEventAddTimeout(100, lambda t, o: None, None)
    st.send(text.encode())
    deadline = time.monotonic() + TIMEOUT_S
    while (not seen["got"].endswith(want) and not seen["eof"] and
           time.monotonic() < deadline):
        libvirt.virEventRunDefaultImpl()
    print("echo=%s" % seen["got"][-len(text):].decode(errors="replace"))
    print("events=%d" % seen["events"])
    print("would_block=%d" % seen["would_block"])
    libvirt.virEventRemoveTimeout(timer)
    st.eventRemoveCallback()
    st.finish()
    print("finish=ok")


MODES = {"echo": echo, "two": two, "big": big, "monitor": monitor,
         "eof": eof, "abort": abort, "errors": errors,
         "nosupport": nosupport, "hold": hold, "nbecho": nbecho}


def main():
    mode, uri, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode not in MODES:
        sys.exit("unknown mode " + mode)
    MODES[mode](uri, *args)


if __name__ == "__main__":
    main()
