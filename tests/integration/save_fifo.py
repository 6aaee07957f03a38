#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A save or dump of the test domain into a FIFO nobody reads yet, run by
virsh, while python3-libvirt clients use the same daemon; prints a
transcript, one fact a line, that test-save-fifo.sh compares between
vireod and libvirtd.

    save_fifo.py URI DAEMON_PID DIR save|dump

DIR must be writable by the daemon (libvirtd runs as nobody). While the
write waits in open(2): another client defines and starts a domain and
gets answers about it, each call within CALL_TIMEOUT_S; a change to the
domain being written (its autostart) waits, as libvirt holds the
domain's lock over the I/O. Then the FIFO is read, and the write ends as
libvirt ends it: its answer, the change's, the events and the domain's
state. A save's image is then restored.
"""
import os
import subprocess
import sys
import threading
import time

import libvirt

CALL_TIMEOUT_S = 60
OPENAT = "257"          # x86_64

OTHER_XML = """<domain type='test'>
  <name>%s</name>
  <memory unit='MiB'>64</memory>
  <os><type>hvm</type></os>
</domain>"""


def say(*words):
    print(*words, flush=True)


def run_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def write_pending(pid):
    """Whether a thread of the daemon waits in openat(2), as the write
    into the FIFO does until someone reads it (up to CALL_TIMEOUT_S)."""
    end = time.monotonic() + CALL_TIMEOUT_S
    while time.monotonic() < end:
        for tid in os.listdir("/proc/%d/task" % pid):
            try:
                with open("/proc/%d/task/%s/syscall" % (pid, tid)) as f:
                    if f.read().split(" ")[0] == OPENAT:
                        return True
            except OSError:
                pass
        time.sleep(0.05)
    return False


class Background:
    """fn() on a thread of its own; its outcome as a line of words."""

    def __init__(self, fn):
        self.outcome = None
        self.thread = threading.Thread(target=self.run, args=(fn,),
                                       daemon=True)
        self.thread.start()

    def run(self, fn):
        try:
            self.outcome = "ok %s" % (fn(),)
        except libvirt.libvirtError as e:
            self.outcome = "error %d %s" % (e.get_error_code(),
                                            e.get_error_message())

    def wait(self, timeout_s=CALL_TIMEOUT_S):
        self.thread.join(timeout_s)
        return self.outcome if self.outcome is not None else "no answer"


def other_client(uri, name):
    """What another client gets done while the write waits."""
    conn = libvirt.open(uri)
    dom = conn.defineXML(OTHER_XML % name)
    dom.create()
    again = conn.lookupByName(name)
    answers = "state=%s active=%d memory=%d" % (
        again.state(), again.isActive(), again.maxMemory())
    conn.close()
    return answers


def change_test(uri):
    conn = libvirt.open(uri)
    try:
        dom = conn.lookupByName("test")
        return "%s autostart=%d" % (dom.setAutostart(1), dom.autostart())
    finally:
        conn.close()


def main():
    uri, pid, work, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
        sys.argv[4]
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_loop, daemon=True).start()
    events = []
    watch = libvirt.open(uri)
    watch.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda c, d, e, det, o: events.append("%s %d %d" % (d.name(), e, det)),
        None)

    fifo = os.path.join(work, kind + ".fifo")
    os.mkfifo(fifo, 0o666)
    os.chmod(fifo, 0o666)
    args = ["save", "test", fifo] if kind == "save" else \
        ["dump", "test", fifo, "--crash"]
    virsh = subprocess.Popen(["virsh", "-c", uri] + args,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    say("%s: the write waits for a reader:" % kind,
        "yes" if write_pending(pid) else "no")

    # Everyone else is served.
    other = Background(lambda: other_client(uri, "other-" + kind))
    say("another client meanwhile:", other.wait())
    say("%s still waits after it:" % kind,
        "yes" if virsh.poll() is None else "no")
    # The domain is held: a call on it waits for the write. (Only now:
    # in libvirtd a lookup waiting for the domain's lock holds the
    # domain list's, and a define elsewhere waits for it.) A slow
    # machine can only make the call look as if it waited.
    change = Background(lambda: change_test(uri))
    change.thread.join(2)
    say("a change to the domain meanwhile waits:",
        "yes" if change.thread.is_alive() else "no: " + str(change.outcome))

    with open(fifo, "rb") as f:
        image = f.read()
    say("%s read from the FIFO: %d bytes, magic %s" %
        (kind, len(image), image[:15] == b"TestGuestMagic\0"))
    try:
        out, err = virsh.communicate(timeout=CALL_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        virsh.kill()
        out, err = virsh.communicate()
    say("virsh %s: exit %d" % (kind, virsh.returncode))
    say("virsh stdout:", out.strip())
    say("virsh stderr:", err.strip())
    say("the change then:", change.wait())

    # Three events: the other domain's define and start, then the written
    # domain's stop.
    end = time.monotonic() + CALL_TIMEOUT_S
    while len(events) < 3 and time.monotonic() < end:
        time.sleep(0.05)
    for e in list(events):
        say("event:", e)
    conn = libvirt.open(uri)
    test = conn.lookupByName("test")
    say("test's state:", test.state())
    if kind == "save":
        saved = os.path.join(work, "test.image")
        with open(saved, "wb") as f:
            f.write(image)
        os.chmod(saved, 0o644)
        say("restoring the image read:", Background(
            lambda: conn.restore(saved)).wait())
        say("test's state:", test.state())
    watch.close()
    conn.close()


if __name__ == "__main__":
    main()
