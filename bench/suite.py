#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""suite.py: every loadgen workload against every target, in rounds.

bench/run.sh starts the targets (vireod, a private libvirtd, the echo
server) and hands their sockets and pids over in the environment:
VIREOD_SOCK, VIREOD_PID, LIBVIRTD_SOCK, LIBVIRTD_PID, ECHO_SOCK, ECHO_PID,
and for the mixed workload the URIs that a CONNECT_OPEN on those sockets
names to reach the daemons' qemu drivers: VIREOD_QEMU_OPEN_URI,
LIBVIRTD_QEMU_OPEN_URI (qemu:///system or qemu:///session), whose guests
it starts, destroys and freezes, and one of which it polls.
This runs the workloads of the chosen plan (quick or full): one
uncounted warm-up run per target, then rounds in which, at each point of
each workload, the targets take turns in an order that rotates, so that a
slow spell of this shared machine hits all of them alike. Every run is one
line of runs.csv in the output directory; report.py makes the report.

    suite.py --plan quick|full --loadgen PATH --out DIR
"""
import argparse
import csv
import os
import subprocess
import sys
import time

# What each plan measures. Durations are seconds of measurement per run
# (after a warm-up of its own inside loadgen).
PLANS = {
    'quick': {
        'rounds': 3, 'duration': 0.5, 'warmup': 0.15,
        'conns': [1, 16, 64, 256],
        'idle': [1000], 'idle_conns': [16],
        'storm': 2000,
        'domains': [1000],
        # Half a second of events (25 of them): a daemon that cannot keep
        # the pace to 1,000 subscribers (libvirtd: 5 events/s) makes
        # each run take its events' time, not the duration.
        'subscribers': [1, 100, 1000], 'event_rounds': 2,
        'event_duration': 0.5,
        'shared_threads': [16],
        'mixed_rounds': 1, 'mixed_duration': 1.5,
        # The closed loop is no goal: the quick plan leaves it to the
        # full one, and lists domains in two rounds, not three.
        'closed_subscribers': [],
        'listall_rounds': 2,
    },
    'full': {
        'rounds': 5, 'duration': 2.0, 'warmup': 0.5,
        'conns': [1, 4, 16, 64, 256, 1024],
        'idle': [1000, 10000], 'idle_conns': [16, 256],
        'storm': 10000,
        'domains': [1000, 10000],
        'subscribers': [1, 10, 100, 1000], 'event_rounds': 3,
        'event_duration': 3.0,
        'shared_threads': [1, 4, 16],
        'mixed_rounds': 3, 'mixed_duration': 5.0,
        'closed_subscribers': [1, 10, 100, 1000],
        'listall_rounds': 5,
    },
}
TARGETS = ['vireod', 'libvirtd', 'echo']
DAEMONS = ['vireod', 'libvirtd']
# The client's threads: one, so that on two cores the target has the
# other (the echo server and vireod's event loop are one thread each).
CLIENT_THREADS = 1
# A daemon that stops accepting leaves connects waiting: how long a storm
# or the idle connections may take to open before the run is given up.
OPEN_TIMEOUT_S = 20
# Calls in flight on the one connection of the pipelined workload.
PIPELINE_DEPTH = 16
# One event every 20 ms.
EVENT_INTERVAL_MS = 20
# The mixed workload: cheap calls on this many connections (to the test
# driver, and to a running guest of the qemu driver), while this many
# clients start and destroy QEMU guests and one guest is frozen.
MIXED_CONNS = 64
MIXED_CHURN = 2

FIELDS = ['workload', 'target', 'round', 'conns', 'threads', 'depth',
          'idle',
          'domains', 'listed',
          'subscribers', 'status', 'error', 'calls', 'failed',
          'calls_per_s', 'p50_us', 'p90_us', 'p99_us', 'p999_us', 'max_us',
          'daemon_cpu_us_per_call', 'daemon_ctxsw_per_call',
          'client_cpu_us_per_call', 'opened',
          'refused', 'timed_out', 'open_seconds', 'close_seconds',
          'rss_per_conn_bytes', 'produced', 'delivered', 'lost',
          'duplicated', 'out_of_order', 'churn', 'cycles', 'churn_failed',
          'start_p50_ms', 'start_max_ms', 'destroy_p50_ms',
          'destroy_max_ms', 'hung_call_ms', 'hung_call']
# Event fan-out, closed loop: the rate the daemon sustains.
FIELDS.append('events_per_s')
# Whose CPU an event delivered and a connection opened cost: the
# daemon's, and the client's (the subscribers share the machine).
FIELDS += ['daemon_cpu_us_per_delivery', 'client_cpu_us_per_delivery',
           'daemon_cpu_us_per_open']
# The wall time of the run, set-up included: where a plan's time goes.
FIELDS.append('run_seconds')


class Suite:
    def __init__(self, plan, loadgen, out):
        self.plan = PLANS[plan]
        self.loadgen = loadgen
        self.out = out
        self.socks = {t: os.environ[t.upper() + '_SOCK'] for t in TARGETS}
        self.pids = {t: os.environ[t.upper() + '_PID'] for t in TARGETS}
        self.qemu_uris = {t: os.environ.get(t.upper() + '_QEMU_OPEN_URI')
                          for t in DAEMONS}
        self.file = open(os.path.join(out, 'runs.csv'), 'w', newline='')
        self.csv = csv.DictWriter(self.file, FIELDS, extrasaction='ignore')
        self.csv.writeheader()
        self.t0 = time.monotonic()
        # (workload, target, idle connections) that a target could not
        # hold in an earlier round: not asked again, since each try waits
        # OPEN_TIMEOUT_S, and the failure is in the report already.
        self.beyond = set()

    def say(self, text):
        """A progress line, with the seconds since the suite began."""
        print('[%4.0f s] %s' % (time.monotonic() - self.t0, text),
              flush=True)

    def run(self, target, args, row, timeout=300):
        """One loadgen run; its result line parsed into row, written."""
        cmd = [self.loadgen, '--socket', self.socks[target],
               '--pid', self.pids[target], '--label', target] + args
        if target == 'echo':
            cmd.append('--echo')
        row = dict(row, target=target)
        started = time.monotonic()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True,
                               timeout=timeout)
            line, err, rc = p.stdout.strip(), p.stderr.strip(), p.returncode
        except subprocess.TimeoutExpired:
            line, err, rc = '', 'timed out after %d s' % timeout, -1
        for word in line.split():
            key, _, value = word.partition('=')
            row[key] = value
        row['status'] = 'ok' if rc == 0 else 'failed'
        row['run_seconds'] = '%.1f' % (time.monotonic() - started)
        row['error'] = err.splitlines()[-1] if err else ''
        if rc != 0:
            print('  %s %s: failed: %s' % (target, ' '.join(args),
                                           row['error']), file=sys.stderr)
        if row.get('round', 0) >= 0:
            self.csv.writerow(row)
            self.file.flush()
        return row

    def calls(self, target, rnd, conns, idle=0, call='getstate',
              domains=0, workload='call', depth=1):
        p = self.plan
        args = ['--call', call, '--conns', str(conns),
                '--threads', str(CLIENT_THREADS),
                '--duration', str(p['duration']),
                '--warmup', str(p['warmup'])]
        if idle:
            args += ['--idle', str(idle), '--timeout', str(OPEN_TIMEOUT_S)]
        if depth > 1:
            args += ['--depth', str(depth)]
        if domains:
            # Defined on a connection held through the run: the test
            # driver's state lasts only while a connection is open.
            args += ['--define', str(domains)]
        return self.run(target, args, {'workload': workload, 'round': rnd,
                                       'conns': conns, 'idle': idle,
                                       'domains': domains, 'depth': depth})

    def shared(self, target, rnd, n_threads):
        p = self.plan
        return self.run(target, ['--shared', '--threads', str(n_threads),
                                 '--duration', str(p['duration']),
                                 '--warmup', str(p['warmup'])],
                        {'workload': 'threads', 'round': rnd, 'conns': 1,
                         'threads': n_threads})

    def mixed_run(self, target, rnd, churn, workload='mixed'):
        """Cheap calls on the test driver (workload mixed), or on a
        running guest of the qemu driver, as a monitoring poller makes
        them (mixed-qemu); with churn, QEMU guests started and destroyed
        meanwhile and one frozen; without, the quiet figure, asked
        through the same options."""
        p = self.plan
        args = []
        if workload == 'mixed-qemu':
            args = ['--uri', self.qemu_uris[target], '--poll-guest']
        args += ['--conns', str(MIXED_CONNS), '--threads',
                str(CLIENT_THREADS), '--duration', str(p['mixed_duration']),
                '--warmup', str(p['warmup']),
                '--qemu-uri', self.qemu_uris[target]]
        if churn:
            args += ['--churn', str(churn), '--freeze']
        return self.run(target, args, {'workload': workload, 'round': rnd,
                                       'conns': MIXED_CONNS,
                                       'churn': churn})

    def mixed(self):
        p = self.plan
        missing = [t for t in DAEMONS if not self.qemu_uris[t]]
        if missing:
            print('mixed: no qemu driver URI for %s: not run'
                  % ', '.join(missing), file=sys.stderr)
            return
        for rnd in range(p['mixed_rounds']):
            self.say('round %d of %d: mixed, %d connections with QEMU guests'
                  ' started, destroyed and frozen' % (
                      rnd + 1, p['mixed_rounds'], MIXED_CONNS))
            # Quiet and busy side by side, in an order that alternates.
            order = [0, MIXED_CHURN] if rnd % 2 == 0 else [MIXED_CHURN, 0]
            self.in_turns(DAEMONS, rnd, lambda t: [
                self.mixed_run(t, rnd, churn) for churn in order])
            self.say('round %d of %d: mixed, GetState of a running QEMU'
                     ' guest on %d connections, the same QEMU work'
                     % (rnd + 1, p['mixed_rounds'], MIXED_CONNS))
            self.in_turns(DAEMONS, rnd, lambda t: [
                self.mixed_run(t, rnd, churn, 'mixed-qemu')
                for churn in order])

    def in_turns(self, targets, rnd, fn):
        """fn(target) for each target, in an order rotated by the round."""
        k = rnd % len(targets)
        for t in targets[k:] + targets[:k]:
            fn(t)

    def cheap_calls(self):
        p = self.plan
        self.say('warm-up')
        for t in TARGETS:
            self.calls(t, -1, 16)
        for rnd in range(p['rounds']):
            self.say('round %d of %d: cheap call, idle connections, storm'
                     % (rnd + 1, p['rounds']))
            for n in p['conns']:
                self.in_turns(TARGETS, rnd, lambda t: self.calls(t, rnd, n))
            # Calls pipelined on one connection by one thread.
            self.in_turns(TARGETS, rnd, lambda t: self.calls(
                t, rnd, 1, depth=PIPELINE_DEPTH, workload='pipelined'))
            # Threads sharing one connection, one call in flight each.
            for n in p['shared_threads']:
                self.in_turns(TARGETS, rnd, lambda t: self.shared(t, rnd, n))
            for idle in p['idle']:
                for n in p['idle_conns']:
                    self.in_turns(DAEMONS, rnd, lambda t: self.within(
                        ('call-idle', t, idle), lambda: self.calls(
                            t, rnd, n, idle=idle, workload='call-idle')))
            # The storm runs every round even where it failed before: how
            # far a daemon gets is what it measures.
            self.in_turns(DAEMONS, rnd, lambda t: self.run(
                t, ['--storm', str(p['storm']), '--window', '256',
                    '--timeout', str(OPEN_TIMEOUT_S)],
                {'workload': 'storm', 'round': rnd, 'conns': p['storm']}))

    def within(self, key, fn):
        """fn(), a run that opens many connections, unless its target
        could not open that many before (key: workload, target, count)."""
        if key in self.beyond:
            return
        if fn()['status'] != 'ok':
            self.beyond.add(key)

    def list_all(self):
        p = self.plan
        for n in p['domains']:
            for rnd in range(p['listall_rounds']):
                self.say('round %d of %d: ListAllDomains, %d domains'
                         % (rnd + 1, p['listall_rounds'], n))
                self.in_turns(DAEMONS, rnd, lambda t: self.calls(
                    t, rnd, 1, call='listall', domains=n, workload='listall'))

    def events(self):
        p = self.plan
        for rnd in range(p['event_rounds']):
            self.say('round %d of %d: event fan-out' % (rnd + 1,
                                                         p['event_rounds']))
            for n in p['subscribers']:
                self.in_turns(DAEMONS, rnd, lambda t: self.run(
                    t, ['--subscribers', str(n), '--threads', '2',
                        '--interval-ms', str(EVENT_INTERVAL_MS),
                        '--duration', str(p['event_duration'])],
                    {'workload': 'events', 'round': rnd,
                     'subscribers': n}))
            # Closed loop: the next event once every subscriber had the
            # last one.
            for n in p['closed_subscribers']:
                self.in_turns(DAEMONS, rnd, lambda t: self.run(
                    t, ['--subscribers', str(n), '--threads', '2',
                        '--closed-loop',
                        '--duration', str(p['event_duration'])],
                    {'workload': 'events-closed', 'round': rnd,
                     'subscribers': n}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--plan', choices=PLANS, default='quick')
    ap.add_argument('--loadgen', required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    s = Suite(a.plan, a.loadgen, a.out)
    s.cheap_calls()
    s.events()
    s.list_all()
    s.mixed()
    s.file.close()


if __name__ == '__main__':
    main()
