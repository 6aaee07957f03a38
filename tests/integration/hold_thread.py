#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Hold one thread of a running daemon, the others running on, as a
thread stuck in a system call that never returns would be: ptrace
PTRACE_SEIZE and PTRACE_INTERRUPT stop that thread alone (a SIGSTOP would
stop the whole process). Prints "held" once it is stopped, and lets it go
once RELEASE_FILE exists, the daemon is gone, or after MAX_HOLD_S; the
kernel lets it go too if this process dies.

    hold_thread.py PID THREAD_NAME RELEASE_FILE
"""
import ctypes
import os
import sys
import time

PTRACE_DETACH = 17
PTRACE_SEIZE = 0x4206
PTRACE_INTERRUPT = 0x4207
WALL = 0x40000000
MAX_HOLD_S = 120

libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p,
                        ctypes.c_void_p]


def ptrace(request, tid):
    if libc.ptrace(request, tid, None, None) != 0:
        err = ctypes.get_errno()
        sys.exit("ptrace %#x on %d: %s" % (request, tid, os.strerror(err)))


def thread_named(pid, name):
    for tid in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
            if f.read().strip() == name:
                return int(tid)
    sys.exit("no thread named %s in %d" % (name, pid))


def main():
    pid, name, release = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    tid = thread_named(pid, name)
    ptrace(PTRACE_SEIZE, tid)
    ptrace(PTRACE_INTERRUPT, tid)
    os.waitpid(tid, WALL)
    print("held", flush=True)
    end = time.monotonic() + MAX_HOLD_S
    while not os.path.exists(release) and time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.1)
    ptrace(PTRACE_DETACH, tid)


if __name__ == "__main__":
    main()
