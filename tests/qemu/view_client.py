# SPDX-License-Identifier: LGPL-2.1-or-later
"""view_client.py: python3-libvirt reading a daemon's QEMU guests the way a
monitoring poller does (state, info, activity, persistence, lookups),
which vireod answers from the QEMU driver's published view, for
test-view-reads.sh. Each command prints lines for the shell to compare
with libvirtd's or to check.

  view_client.py lifecycle URI NAME MARK
      NAME (defined, a real guest) started, suspended, resumed,
      destroyed, started again and its QEMU killed from outside (the QEMU
      whose command line names guest=NAME and MARK): after each call and
      after each lifecycle event, what a third connection reads. A poller
      on a fourth connection reads all along; "poller:" says whether any
      of its reads was older than an event it had already received.
  held URI NAME PIDFILE
      NAME (defined, its emulator a wrapper that stops itself before it
      runs QEMU, writing its pid to PIDFILE) started: what the reads say
      while the start waits on the stopped QEMU, then once it ran on and
      the start ended, and after a destroy.
  busy URI NAME BLOCKED FIFO COUNT
      The QEMU driver's thread blocked by a start of BLOCKED, whose log
      file is the FIFO FIFO (opening it waits for a reader): COUNT reads
      of the running guest NAME must all be answered while the start and
      a call that needs the thread (GetXMLDesc) wait; once the FIFO has a
      reader, the thread runs on and BLOCKED is destroyed.
"""
import os
import signal
import sys
import threading
import time

import libvirt

EVENT_TIMEOUT_S = 90
STARTING_UP = (libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_DOMAIN_PAUSED_STARTING_UP)

# The state a lifecycle event leaves the domain in.
EVENT_STATES = {
    libvirt.VIR_DOMAIN_EVENT_DEFINED: libvirt.VIR_DOMAIN_SHUTOFF,
    libvirt.VIR_DOMAIN_EVENT_STARTED: libvirt.VIR_DOMAIN_RUNNING,
    libvirt.VIR_DOMAIN_EVENT_SUSPENDED: libvirt.VIR_DOMAIN_PAUSED,
    libvirt.VIR_DOMAIN_EVENT_RESUMED: libvirt.VIR_DOMAIN_RUNNING,
    libvirt.VIR_DOMAIN_EVENT_STOPPED: libvirt.VIR_DOMAIN_SHUTOFF,
    libvirt.VIR_DOMAIN_EVENT_SHUTDOWN: libvirt.VIR_DOMAIN_SHUTDOWN,
}
# States a domain passes through with no event of their own: a start
# under way shows while it is off, a stop under way while it runs.
PASSING = {
    STARTING_UP: libvirt.VIR_DOMAIN_SHUTOFF,
    (libvirt.VIR_DOMAIN_SHUTDOWN, libvirt.VIR_DOMAIN_SHUTDOWN_UNKNOWN):
        libvirt.VIR_DOMAIN_RUNNING,
}


def quiet(_ctx, _err):
    """libvirt prints every error on stderr unless told otherwise."""


libvirt.registerErrorHandler(quiet, None)


def reads(conn, name):
    """One line: what the cheap reads say of name on conn (the CPU time,
    which moves with the machine's load, apart: cpu_moves)."""
    dom = conn.lookupByName(name)
    state, reason = dom.state()
    info = dom.info()
    dom_id = dom.ID()
    by_id = conn.lookupByID(dom_id).name() if dom_id > 0 else "-"
    by_uuid = conn.lookupByUUIDString(dom.UUIDString()).name()
    return ("state=%d/%d info=%d,%d,%d,%d active=%d persistent=%d "
            "id=%d by_id=%s by_uuid=%s max_memory=%d"
            % (state, reason, info[0], info[1], info[2], info[3],
               dom.isActive(), dom.isPersistent(), dom_id, by_id, by_uuid,
               dom.maxMemory()))


class Events:
    """Lifecycle events of one domain, in order, from their own
    connection and event loop thread."""

    def __init__(self, uri, name):
        self.name = name
        self.items = []
        self.cond = threading.Condition()
        self.conn = libvirt.open(uri)
        self.conn.domainEventRegisterAny(
            None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, self.on_event, None)

    def on_event(self, _conn, dom, event, detail, _opaque):
        if dom.name() != self.name:
            return
        with self.cond:
            self.items.append((event, detail))
            self.cond.notify_all()

    def count(self):
        with self.cond:
            return len(self.items)

    def wait(self, event):
        """Until an event of that kind arrives after those seen so far
        were waited for; returns it."""
        deadline = time.monotonic() + EVENT_TIMEOUT_S
        with self.cond:
            while True:
                for i in range(self.waited, len(self.items)):
                    if self.items[i][0] == event:
                        self.waited = i + 1
                        return self.items[i]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError("no event %d for %s" % (event,
                                                              self.name))
                self.cond.wait(left)

    waited = 0


def run_event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


class Poller(threading.Thread):
    """Reads the domain's state on its own connection all along. Before
    each read it notes how many events had arrived: the read must not
    show a state older than the last of them."""

    def __init__(self, uri, name, events):
        super().__init__(daemon=True)
        self.conn = libvirt.open(uri)
        self.dom = self.conn.lookupByName(name)
        self.events = events
        self.seen = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            n_events = self.events.count()
            self.seen.append((n_events, tuple(self.dom.state())))
            time.sleep(0.001)

    def older_reads(self, first_state):
        """The reads that show a state the domain had left before the
        last event the poller knew of. Position k is the state after the
        k-th event (0: first_state, before any); a read made knowing k
        events must match a position from k on, and from the position the
        read before it matched. A state passing with no event (PASSING)
        matches a position in the state it passes from, with events to
        come."""
        states = [first_state] + [EVENT_STATES.get(e)
                                  for e, _ in self.events.items]
        older = []
        at = 0
        for n_events, (state, reason) in self.seen:
            p = max(at, n_events)
            while p < len(states):
                passing = PASSING.get((state, reason)) == states[p] and \
                    p + 1 < len(states)
                if states[p] == state or passing:
                    break
                p += 1
            if p == len(states):
                older.append((n_events, state, reason))
            else:
                at = p
        return older


def cpu_moves(conn, name):
    """Whether the CPU time info gives of the running guest grows from 0
    (bounded by the event timeout)."""
    dom = conn.lookupByName(name)
    deadline = time.monotonic() + EVENT_TIMEOUT_S
    while dom.info()[4] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    return dom.info()[4] > 0


def qemu_pid(name, mark):
    """The QEMU running name, told by its command line."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        line = b" ".join(args).decode(errors="replace")
        if os.path.basename(args[0]).startswith(b"qemu-system") and \
                ("guest=%s," % name) in line and mark in line:
            return int(pid)
    raise RuntimeError("no QEMU for %s" % name)


def lifecycle(uri, name, mark):
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_event_loop, daemon=True).start()
    events = Events(uri, name)
    conn = libvirt.open(uri)
    reader = libvirt.open(uri)
    dom = conn.lookupByName(name)
    poller = Poller(uri, name, events)
    poller.start()
    steps = [("start", dom.create, libvirt.VIR_DOMAIN_EVENT_STARTED),
             ("suspend", dom.suspend, libvirt.VIR_DOMAIN_EVENT_SUSPENDED),
             ("resume", dom.resume, libvirt.VIR_DOMAIN_EVENT_RESUMED),
             ("destroy", dom.destroy, libvirt.VIR_DOMAIN_EVENT_STOPPED),
             ("start", dom.create, libvirt.VIR_DOMAIN_EVENT_STARTED),
             ("kill", lambda: os.kill(qemu_pid(name, mark), signal.SIGKILL),
              libvirt.VIR_DOMAIN_EVENT_STOPPED)]
    print("defined: %s" % reads(reader, name))
    is_first_start = True
    for what, call, event in steps:
        call()
        if what != "kill":
            print("after %s: %s" % (what, reads(reader, name)))
        got = events.wait(event)
        print("after event %d/%d: %s" % (got[0], got[1], reads(reader, name)))
        if what == "start" and is_first_start:
            is_first_start = False
            print("its CPU time moves while it runs: %s"
                  % cpu_moves(reader, name))
    poller.stop.set()
    poller.join()
    older = poller.older_reads(libvirt.VIR_DOMAIN_SHUTOFF)
    print("poller: %d reads, %d older than an event already received %s"
          % (len(poller.seen), len(older), older[:5]))
    for c in (poller.conn, reader, conn, events.conn):
        c.close()


def held(uri, name, pidfile):
    conn = libvirt.open(uri)
    reader = libvirt.open(uri)
    dom = conn.lookupByName(name)
    outcome = {}

    def start():
        try:
            dom.create()
            outcome["start"] = "ok"
        except libvirt.libvirtError as e:
            outcome["start"] = e.get_error_message()

    starter = threading.Thread(target=start)
    starter.start()
    deadline = time.monotonic() + EVENT_TIMEOUT_S
    while not (os.path.exists(pidfile) and os.path.getsize(pidfile) > 0):
        if "start" in outcome or time.monotonic() > deadline:
            raise RuntimeError("the emulator never stopped itself: %s"
                               % outcome.get("start"))
        time.sleep(0.05)
    pid = int(open(pidfile).read())
    # The daemon itself says when its start has begun (listing is not a
    # read it answers from a view).
    while name not in [d.name() for d in conn.listAllDomains(
            libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)]:
        if time.monotonic() > deadline:
            raise RuntimeError("the start never began")
        time.sleep(0.05)
    print("while the start waits: %s" % reads(reader, name))
    os.kill(pid, signal.SIGCONT)
    starter.join()
    print("start: %s" % outcome["start"])
    print("after the start: %s" % reads(reader, name))
    dom.destroy()
    print("after destroy: %s" % reads(reader, name))
    reader.close()
    conn.close()


def drain(fd):
    """Read fd until its writers are gone."""
    while os.read(fd, 4096):
        pass


def busy(uri, name, blocked, fifo, count):
    """The thread is blocked by a start of the guest blocked, whose log
    is the FIFO fifo: opening it waits for a reader."""
    conn = libvirt.open(uri)
    reader = libvirt.open(uri)
    dom = conn.lookupByName(name)
    outcome = {}

    def call(key, fn):
        fn()
        outcome[key] = "done"

    threading.Thread(target=call, daemon=True, args=(
        "start", conn.lookupByName(blocked).create)).start()
    dumper = threading.Thread(target=call, daemon=True,
                              args=("xml", lambda: dom.XMLDesc(0)))
    dumper.start()
    time.sleep(1)
    print("the start and GetXMLDesc wait for the thread: %s"
          % (outcome == {}))
    answered = 0
    for _ in range(int(count)):
        r = reader.lookupByName(name)
        if r.state()[0] == libvirt.VIR_DOMAIN_RUNNING and r.isActive() and \
                r.info()[0] == libvirt.VIR_DOMAIN_RUNNING:
            answered += 1
    print("reads answered meanwhile: %d" % answered)
    print("the start and GetXMLDesc still wait: %s" % (outcome == {}))
    sys.stdout.flush()
    log = os.open(fifo, os.O_RDONLY)
    threading.Thread(target=drain, args=(log,), daemon=True).start()
    dumper.join(EVENT_TIMEOUT_S)
    deadline = time.monotonic() + EVENT_TIMEOUT_S
    while "start" not in outcome and time.monotonic() < deadline:
        time.sleep(0.05)
    print("once the log has a reader, both are answered: %s"
          % (sorted(outcome) == ["start", "xml"]))
    conn.lookupByName(blocked).destroy()
    reader.close()
    conn.close()


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"lifecycle": lambda: lifecycle(*args),
     "held": lambda: held(*args),
     "busy": lambda: busy(*args)}[cmd]()


if __name__ == "__main__":
    main()
