#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""tty_session.py STEP... -- COMMAND [ARGS]: run COMMAND on a terminal of
its own (a pty), as a person at a keyboard would, for the commands that
want one (virsh console, vireo console). Each STEP is

    expect=TEXT   wait (at most 10 s) until the output so far contains TEXT
    send=TEXT     type TEXT (Python escapes: \\r, \\x1d for Ctrl-])
    pause=SECONDS give the command time to set its terminal up (a command
                  that switches to raw mode may flush what was typed
                  before)

then the session waits (at most 10 s) for the command to exit. Prints
`status=N` (its exit status, or `status=timeout`) and `output=...` (all
it printed, with \\r and other control bytes escaped); exits 1 if an
expect step was not met.
"""
import codecs
import os
import pty
import select
import sys
import time

TIMEOUT_S = 10


def read_until(fd, out, done):
    """Read into out until done(out) or the timeout or the end."""
    deadline = time.monotonic() + TIMEOUT_S
    while not done(out) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:          # EIO: the command exited
            return False
        if not chunk:
            return False
        out.extend(chunk)
    return done(out)


def read_ready(fd, out):
    """What the command printed and is there to read now."""
    while select.select([fd], [], [], 0)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        out.extend(chunk)


def wait_exit(pid, fd, out):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        read_ready(fd, out)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            read_ready(fd, out)
            return str(os.waitstatus_to_exitcode(status))
        time.sleep(0.02)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return "timeout"


def main():
    split = sys.argv.index("--")
    steps, command = sys.argv[1:split], sys.argv[split + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    out = bytearray()
    met = True
    for step in steps:
        kind, _, text = step.partition("=")
        data = codecs.decode(text, "unicode_escape").encode("latin-1")
        if kind == "send":
            os.write(fd, data)
        elif kind == "pause":
            time.sleep(float(text))
        elif not read_until(fd, out, lambda o, d=data: d in o):
            print("unmet=%s" % step)
            met = False
            break
    print("status=%s" % wait_exit(pid, fd, out))
    print("output=%s" % bytes(out).decode(errors="replace")
          .encode("unicode_escape").decode())
    sys.exit(0 if met else 1)


main()
