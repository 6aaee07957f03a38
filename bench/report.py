#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""report.py: the report of one benchmark run, from what suite.py and
bench-qemu left in its directory (runs.csv, bench-qemu.txt, and, in a
full run, bench-rpc.txt and bench-client.txt).

Writes report.md (a summary table, a table per workload, the goals, the
libvirt-client and QEMU figures), results.csv (median, min and max of
every metric per workload point and target) and PNG plots (throughput
and p99 latency against concurrency, event delivery latency against
subscribers, QEMU lifecycle), and prints each goal with its measured
ratio and a check or a cross.

    report.py [--plan quick|full] DIR
"""
import argparse
import csv
import os
import re
import statistics
import sys
from collections import defaultdict

TARGETS = ['vireod', 'libvirtd', 'echo']
# The parameter that tells a workload's points apart.
POINT = {'call': 'conns', 'call-idle': 'conns', 'storm': 'conns',
         'pipelined': 'depth',
         'listall': 'domains', 'events': 'subscribers'}
# Threads sharing one connection; the mixed load's QEMU clients (0: quiet),
# its calls on the test driver (mixed) or on a running guest of the qemu
# driver (mixed-qemu).
POINT.update(threads='threads', mixed='churn')
POINT['mixed-qemu'] = 'churn'
METRICS = ['calls_per_s', 'p50_us', 'p90_us', 'p99_us', 'p999_us',
           'daemon_cpu_us_per_call', 'daemon_ctxsw_per_call',
           'client_cpu_us_per_call', 'open_seconds', 'close_seconds', 'rss_per_conn_bytes', 'opened',
           'refused', 'timed_out', 'produced', 'delivered', 'lost',
           'duplicated', 'out_of_order', 'listed',
           'cycles', 'start_p50_ms', 'start_max_ms', 'destroy_p50_ms',
           'destroy_max_ms', 'hung_call_ms', 'conns']
# Event fan-out, closed loop (the next event once every subscriber had the
# last): the rate it sustains.
POINT['events-closed'] = 'subscribers'
METRICS.append('events_per_s')
METRICS += ['daemon_cpu_us_per_delivery', 'client_cpu_us_per_delivery',
            'daemon_cpu_us_per_open']


class Stat:
    """Median, min and max of one metric over the rounds."""

    def __init__(self, values):
        self.values = sorted(values)
        self.median = statistics.median(values)
        self.min, self.max = self.values[0], self.values[-1]

    def fmt(self, scale=1.0, digits=1, unit=''):
        f = '%%.%df' % digits
        m, lo, hi = (f % (v * scale) for v in (self.median, self.min,
                                                self.max))
        return '%s%s (%s–%s)' % (m, unit, lo, hi)


def load_runs(path):
    """{(workload, target, idle, point): {metric: Stat}}, failures apart."""
    samples = defaultdict(lambda: defaultdict(list))
    failures = []
    with open(path) as f:
        for row in csv.DictReader(f):
            if row['status'] != 'ok':
                failures.append(row)
                # A storm that did not open them all still says how far
                # it got and how long it tried.
                if row['workload'] != 'storm' or not row.get('opened'):
                    continue
            w = row['workload']
            key = (w, row['target'], int(row['idle'] or 0),
                   int(row[POINT[w]] or 0))
            for m in METRICS:
                if row.get(m) not in (None, ''):
                    samples[key][m].append(float(row[m]))
    return ({k: {m: Stat(v) for m, v in ms.items()}
             for k, ms in samples.items()}, failures)


def parse_qemu(path):
    """{target: {op: (median, min, max) ms}} from bench-qemu's table."""
    ops = ['start', 'suspend', 'resume', 'destroy']
    cell = r'([0-9.]+) \(([0-9.]+)-([0-9.]+)\)'
    got = {}
    if not os.path.exists(path):
        return got
    with open(path) as f:
        for line in f:
            for name in ('bare QEMU', 'vireod', 'libvirtd'):
                if line.startswith(name + ' ') and 'failed' not in line:
                    cells = re.findall(cell, line)
                    if len(cells) == 4:
                        got[name] = {op: tuple(map(float, c))
                                     for op, c in zip(ops, cells)}
                if line.startswith('bare QEMU: exec to QMP greeting'):
                    c = re.findall(cell, line)
                    if len(c) == 2:
                        got.setdefault('bare', {})['greeting'] = \
                            tuple(map(float, c[0]))
                        got['bare']['running'] = tuple(map(float, c[1]))
    return got


class Report:
    def __init__(self, d, plan):
        self.dir = d
        self.plan = plan
        self.s, self.failures = load_runs(os.path.join(d, 'runs.csv'))
        self.qemu = parse_qemu(os.path.join(d, 'bench-qemu.txt'))

    def failure(self, workload, target, point, idle=0):
        """The error of a failed run at that point, or None."""
        for f in self.failures:
            if (f['workload'], f['target']) == (workload, target) and \
                    int(f[POINT[workload]] or 0) == point and \
                    int(f['idle'] or 0) == idle:
                return f['error'] or 'failed'
        return None

    def get(self, workload, target, point, metric, idle=0):
        return self.s.get((workload, target, idle, point), {}).get(metric)

    def points(self, workload, idle=0):
        return sorted({k[3] for k in self.s if k[0] == workload
                       and k[2] == idle})

    def idles(self):
        return sorted({k[2] for k in self.s if k[0] == 'call-idle'})

    # ---- results.csv --------------------------------------------------

    def write_csv(self):
        with open(os.path.join(self.dir, 'results.csv'), 'w',
                  newline='') as f:
            w = csv.writer(f)
            w.writerow(['workload', 'target', 'idle', 'point', 'metric',
                        'median', 'min', 'max', 'rounds'])
            for (wl, t, idle, pt), ms in sorted(self.s.items()):
                for m, st in sorted(ms.items()):
                    w.writerow([wl, t, idle, pt, m, st.median, st.min,
                                st.max, len(st.values)])
            for target, ops in self.qemu.items():
                for op, (med, lo, hi) in ops.items():
                    w.writerow(['qemu', target, 0, 0, op + '_ms', med, lo,
                                hi, ''])

    # ---- the summary table ----------------------------------------------

    def cell(self, workload, target, point, metric, idle=0, **fmt):
        st = self.get(workload, target, point, metric, idle)
        return st.fmt(**fmt) if st else '—'

    def call_cell(self, target, n):
        tput = self.get('call', target, n, 'calls_per_s')
        cpu = self.get('call', target, n, 'daemon_cpu_us_per_call')
        if not tput:
            return '—'
        text = tput.fmt(scale=1e-3, unit='k/s')
        return text + (', %.1f µs CPU/call' % cpu.median if cpu else '')

    def tput_p99_cell(self, workload, target, point):
        tput = self.get(workload, target, point, 'calls_per_s')
        p99 = self.get(workload, target, point, 'p99_us')
        if not tput:
            return '—'
        return '%s, p99 %s' % (tput.fmt(scale=1e-3, unit='k/s'),
                               p99.fmt(scale=1e-3, digits=2, unit=' ms'))

    def idle_cell(self, target, idle, n):
        plain = self.get('call', target, n, 'calls_per_s')
        held = self.get('call-idle', target, n, 'calls_per_s', idle)
        error = self.failure('call-idle', target, n, idle)
        if error and not held:
            return 'failed: ' + error.replace('loadgen: ', '')
        if not plain or not held:
            return '—'
        return '%+.0f%% throughput (%s)' % (
            (held.median / plain.median - 1) * 100,
            held.fmt(scale=1e-3, unit='k/s'))

    def storm_cell(self, target, n):
        t = self.get('storm', target, n, 'open_seconds')
        rss = self.get('storm', target, n, 'rss_per_conn_bytes')
        refused = self.get('storm', target, n, 'refused')
        opened = self.get('storm', target, n, 'opened')
        if not t:
            return '—'
        # The largest round's RSS: a later storm reuses what the first
        # one's clients freed, and shows next to nothing.
        text = '%s to open; %.1f KiB RSS each (largest round); %d refused' % (
            t.fmt(digits=2, unit=' s'), rss.max / 1024, refused.max)
        cpu = self.get('storm', target, n, 'daemon_cpu_us_per_open')
        if cpu:
            text += '; daemon CPU %s per connection' % cpu.fmt(unit=' µs')
        unanswered = self.get('storm', target, n, 'timed_out')
        if unanswered.max > 0:
            text += '; only %d–%d opened before the deadline' % (
                opened.min, opened.max)
        return text

    def events_cell(self, target, n, wl='events'):
        p50 = self.get(wl, target, n, 'p50_us')
        p99 = self.get(wl, target, n, 'p99_us')
        if not p99:
            return '—'
        bad = sum(self.get(wl, target, n, m).max
                  for m in ('lost', 'duplicated', 'out_of_order'))
        text = 'p50 %s, p99 %s; %d lost/dup/reordered' % (
            p50.fmt(scale=1e-3, digits=2, unit=' ms'),
            p99.fmt(scale=1e-3, digits=2, unit=' ms'), bad)
        daemon = self.get(wl, target, n, 'daemon_cpu_us_per_delivery')
        client = self.get(wl, target, n, 'client_cpu_us_per_delivery')
        if daemon and client:
            text += '; CPU per event delivered: daemon %s, client %s' % (
                daemon.fmt(unit=' µs'), client.fmt(unit=' µs'))
        return text

    def closed_loop_rows(self):
        rows = []
        for n in self.points('events-closed'):
            cells = []
            for t in TARGETS[:2]:
                rate = self.get('events-closed', t, n, 'events_per_s')
                bad = sum(self.get('events-closed', t, n, m).max
                          for m in ('lost', 'duplicated', 'out_of_order')) \
                    if rate else 0
                cells.append('%s; %s' % (
                    rate.fmt(digits=0, unit=' events/s'),
                    self.events_cell(t, n, 'events-closed')) if rate
                    else '—')
            rows.append(['lifecycle events, closed loop, %s subscribers'
                         % format(n, ',')] + cells + ['—'])
        return rows

    def qemu_cell(self, target, op):
        if target not in self.qemu:
            return '—'
        med, lo, hi = self.qemu[target][op]
        return '%.1f ms (%.1f–%.1f)' % (med, lo, hi)

    def summary_rows(self):
        rows = []
        for n in (16, 64):
            if n in self.points('call'):
                rows.append(['GetState, %d connections' % n] +
                            [self.call_cell(t, n) for t in TARGETS])
        for d in self.points('pipelined'):
            rows.append(['GetState, %d calls pipelined on 1 connection' % d]
                        + [self.tput_p99_cell('pipelined', t, d)
                           for t in TARGETS])
        for n in self.points('threads'):
            rows.append(['GetState, %d thread%s sharing 1 connection, one'
                         ' call in flight each' % (n, '' if n == 1 else 's')]
                        + [self.tput_p99_cell('threads', t, n)
                           for t in TARGETS])
        rows.append(['GetState, 1 connection, p50'] +
                    [self.cell('call', t, 1, 'p50_us', unit=' µs')
                     for t in TARGETS])
        for n in (256, 1024):
            if n in self.points('call'):
                rows.append(['GetState, %d connections, p99' % n] +
                            [self.cell('call', t, n, 'p99_us', scale=1e-3,
                                       digits=2, unit=' ms')
                             for t in TARGETS])
        for idle in self.idles():
            for n in self.points('call-idle', idle):
                rows.append(['%s idle connections held, GetState on %d'
                             % (format(idle, ','), n)] +
                            [self.idle_cell(t, idle, n)
                             for t in TARGETS[:2]] + ['—'])
        for n in self.points('storm'):
            rows.append(['storm of %s connections' % format(n, ',')] +
                        [self.storm_cell(t, n) for t in TARGETS[:2]] +
                        ['—'])
        for n in self.points('listall'):
            listed = self.get('listall', 'vireod', n, 'listed')
            rows.append(['ListAllDomains, %s domains defined (%s listed),'
                         ' p50' % (format(n, ','), format(
                             int(listed.median), ',') if listed else '?')] +
                        [self.cell('listall', t, n, 'p50_us', unit=' µs')
                         for t in TARGETS[:2]] + ['—'])
        for n in self.points('events'):
            rows.append(['lifecycle events every 20 ms, %s subscribers'
                         % format(n, ',')] +
                        [self.events_cell(t, n) for t in TARGETS[:2]] +
                        ['—'])
        rows += self.mixed_rows()
        rows += self.mixed_qemu_rows()
        rows += self.closed_loop_rows()
        for op in ('start', 'suspend', 'resume', 'destroy'):
            if 'bare QEMU' in self.qemu:
                rows.append(['QEMU guest %s (TCG)' % op] +
                            [self.qemu_cell(t, op) for t in
                             ('vireod', 'libvirtd', 'bare QEMU')])
        if 'bare' in self.qemu:
            rows.append(['bare QEMU: exec to QMP greeting, exec to running',
                         '—', '—', '%s; %s' % (self.qemu_cell('bare', 'greeting'),
                                             self.qemu_cell('bare', 'running'))])
        return rows

    def mixed_rows(self):
        busy = [n for n in self.points('mixed') if n > 0]
        if not busy:
            return []
        n = busy[-1]
        rows = [['Mixed: GetState on %d connections, quiet' % self.mixed_conns()]
                + [self.tput_p99_cell('mixed', t, 0) for t in TARGETS[:2]]
                + ['—'],
                ['Mixed: the same while %d clients start and destroy QEMU'
                 ' guests and one guest is frozen (SIGSTOP)' % n]
                + [self.mixed_busy_cell(t, n) for t in TARGETS[:2]] + ['—']]
        for op in ('start', 'destroy'):
            rows.append(['Mixed: QEMU guest %s under that load, p50 (max)'
                         % op] + [self.mixed_op_cell(t, n, op)
                                  for t in TARGETS[:2]] + ['—'])
        return rows

    def mixed_qemu_rows(self):
        """The mixed load's reads of a running QEMU guest, quiet and
        busy; vireod's cells also give its p99 against libvirtd's."""
        busy = [n for n in self.points('mixed-qemu') if n > 0]
        if not busy:
            return []
        n = busy[-1]
        wl = 'mixed-qemu'
        return [['Mixed: GetState of a running QEMU guest (qemu driver) on'
                 ' %d connections, quiet' % self.mixed_conns(wl)]
                + [self.mixed_busy_cell(t, 0, wl) for t in TARGETS[:2]]
                + ['—'],
                ['Mixed: the same while %d clients start and destroy QEMU'
                 ' guests and one guest is frozen (SIGSTOP)' % n]
                + [self.mixed_busy_cell(t, n, wl) for t in TARGETS[:2]]
                + ['—']]

    def mixed_conns(self, wl='mixed'):
        """How many connections the mixed workload's calls ran on."""
        for t in TARGETS[:2]:
            st = self.get(wl, t, 0, 'conns')
            if st:
                return int(st.median)
        return 0

    def mixed_busy_cell(self, target, n, wl='mixed'):
        """Throughput and p99 at n QEMU clients; when busy, the p99
        against the quiet one; on the qemu driver, vireod's against
        libvirtd's."""
        text = self.tput_p99_cell(wl, target, n)
        error = self.failure(wl, target, n)
        if error and text == '—':
            return 'failed: ' + error.replace('loadgen: ', '')
        r = self.ratio(wl, 'p99_us', n, target, target, b_point=0) \
            if n else None
        text += ('; p99 %.2f× the quiet one' % r) if r else ''
        vs = self.ratio(wl, 'p99_us', n) \
            if wl == 'mixed-qemu' and target == 'vireod' else None
        return text + ('; p99 %.2f× libvirtd\'s' % vs if vs else '')

    def mixed_op_cell(self, target, n, op):
        p50 = self.get('mixed', target, n, op + '_p50_ms')
        top = self.get('mixed', target, n, op + '_max_ms')
        if not p50:
            return '—'
        return '%.1f ms (%.1f ms)' % (p50.median, top.max)

    # ---- the goals ----------------------------------------------------

    def ratio(self, wl, metric, n, a='vireod', b='libvirtd', idle=0,
              b_point=None):
        x = self.get(wl, a, n, metric, idle)
        y = self.get(wl, b, n if b_point is None else b_point, metric, idle)
        return x.median / y.median if x and y and y.median else None

    def goals(self):
        """(goal, measured text, met: True/False/None for not measured)"""
        g = []

        def add(text, value, fmt, met):
            g.append((text, fmt % value if value is not None
                      else 'not measured', met if value is not None
                      else None))
        for n in (16, 64):
            r = self.ratio('call', 'calls_per_s', n)
            add('GetState, %d connections: ≥ 5× libvirtd\'s throughput' % n,
                r, '%.2f×', r is not None and r >= 5)
            r = self.ratio('call', 'calls_per_s', n, b='echo')
            add('GetState, %d connections: ≥ 0.6 of the echo server\'s'
                ' throughput' % n, r, '%.2f', r is not None and r >= 0.6)
            r = self.ratio('call', 'daemon_cpu_us_per_call', n, b='echo')
            add('GetState, %d connections: daemon CPU per call ≤ 2× the'
                ' echo server\'s' % n, r, '%.2f×', r is not None and r <= 2)
        for n in (256, 1024):
            r = self.ratio('call', 'p99_us', n)
            add('GetState, %d connections: p99 ≤ 1/10 of libvirtd\'s' % n,
                r, '%.3f of it', r is not None and r <= 0.1)
        r = self.ratio('call', 'p50_us', 1, b='echo')
        add('One connection: p50 ≤ 1.5× the echo round trip', r, '%.2f×',
            r is not None and r <= 1.5)
        self.connection_goals(add)
        self.domain_goals(add)
        self.qemu_goals(add)
        self.mixed_goal(add)
        return g

    def mixed_goal(self, add):
        busy = [n for n in self.points('mixed') if n > 0]
        r = self.ratio('mixed', 'p99_us', busy[-1], 'vireod', 'vireod',
                       b_point=0) if busy else None
        lr = self.ratio('mixed', 'p99_us', busy[-1], 'libvirtd', 'libvirtd',
                        b_point=0) if busy else None
        add('Mixed: test-driver p99 with QEMU work and a hung guest'
            ' ≤ 1.2× the quiet figure', r,
            '%%.2f× (libvirtd: %s)' % ('%.2f×' % lr if lr else 'not measured'),
            r is not None and r <= 1.2)
        self.mixed_qemu_goal(add)

    def mixed_qemu_goal(self, add):
        """The same goal for a poller's reads of a running QEMU guest;
        beside it libvirtd's ratio and vireod's busy p99 against
        libvirtd's."""
        wl = 'mixed-qemu'
        busy = [n for n in self.points(wl) if n > 0]
        n = busy[-1] if busy else None
        r = self.ratio(wl, 'p99_us', n, 'vireod', 'vireod', b_point=0) \
            if busy else None
        lr = self.ratio(wl, 'p99_us', n, 'libvirtd', 'libvirtd',
                        b_point=0) if busy else None
        vs = self.ratio(wl, 'p99_us', n) if busy else None
        add('Mixed, GetState of a running QEMU guest (qemu driver): p99 with'
            ' QEMU work and a hung guest ≤ 1.2× the quiet figure', r,
            '%%.2f× (libvirtd: %s; busy p99 vireod/libvirtd: %s)' % (
                '%.2f×' % lr if lr else 'not measured',
                '%.2f' % vs if vs else 'not measured'),
            r is not None and r <= 1.2)

    def connection_goals(self, add):
        idles = self.idles()
        if idles:
            idle = idles[-1]
            n = self.points('call-idle', idle)[0]
            plain = self.get('call', 'vireod', n, 'calls_per_s')
            held = self.get('call-idle', 'vireod', n, 'calls_per_s', idle)
            change = held.median / plain.median - 1 if plain and held \
                else None
            note = '' if idle >= 10000 else ' (%s held in this run)' % \
                format(idle, ',')
            add('10,000 idle connections cost ≤ 5%% of throughput%s' % note,
                change * 100 if change is not None else None,
                'throughput %+.1f%% with them held',
                change is not None and change >= -0.05)
        storms = self.points('storm')
        if storms:
            n = storms[-1]
            t = self.get('storm', 'vireod', n, 'open_seconds')
            rss = self.get('storm', 'vireod', n, 'rss_per_conn_bytes')
            scaled = t.median * 10000 / n if t else None
            note = '' if n == 10000 else ' (%s opened, time scaled)' % \
                format(n, ',')
            add('10,000 connections open in under 2 s' + note, scaled,
                '%.2f s', scaled is not None and scaled < 2)
            add('≤ 4 KiB of daemon RSS per idle connection',
                rss.max / 1024 if rss else None, '%.2f KiB (largest round)',
                rss is not None and rss.max <= 4096)

    def domain_goals(self, add):
        lists = self.points('listall')
        if lists:
            n = lists[-1]
            p50 = self.get('listall', 'vireod', n, 'p50_us')
            note = '' if n >= 10000 else ' (%s domains in this run)' % \
                format(n, ',')
            add('ListAllDomains with 10,000 domains under 5 ms per call'
                + note, p50.median / 1e3 if p50 else None, '%.2f ms p50',
                p50 is not None and p50.median < 5000)
        subs = self.points('events')
        if subs:
            n = subs[-1]
            p99 = self.get('events', 'vireod', n, 'p99_us')
            bad = sum(self.get('events', 'vireod', n, m).max
                      for m in ('lost', 'duplicated', 'out_of_order')) \
                if p99 else 0
            add('Events to %s subscribers, one every 20 ms: p99 ≤ 3 ms,'
                ' nothing lost' % format(n, ','),
                p99.median / 1e3 if p99 else None,
                '%%.2f ms p99, %d lost/dup/reordered' % bad,
                p99 is not None and p99.median <= 3000 and bad == 0)

    def qemu_goals(self, add):
        v, bare = self.qemu.get('vireod'), self.qemu.get('bare')
        r = v['start'][0] / bare['running'][0] if v and bare else None
        add('QEMU start ≤ 2× bare QEMU\'s exec-to-running', r, '%.2f×',
            r is not None and r <= 2)
        d = v['destroy'][0] if v else None
        add('QEMU destroy ≤ 20 ms', d, '%.1f ms', d is not None and d <= 20)

    # ---- plots --------------------------------------------------------

    def plot(self):
        try:
            import matplotlib
            matplotlib.use('Agg')
            import matplotlib.pyplot as plt
        except ImportError:
            print('report.py: python3-matplotlib is not installed:'
                  ' no plots', file=sys.stderr)
            return []
        made = []
        for metric, name, label, logy in (
                ('calls_per_s', 'throughput.png', 'calls per second', False),
                ('p99_us', 'p99.png', 'p99 latency (µs)', True)):
            fig, ax = plt.subplots(figsize=(7, 4.5))
            # A target keeps its colour: solid on its own connections,
            # dotted for threads sharing one.
            for i, t in enumerate(TARGETS):
                self.curve(ax, 'call', t, metric, t, color='C%d' % i)
                self.curve(ax, 'threads', t, metric,
                           '%s, threads on 1 connection' % t, ':',
                           color='C%d' % i)
            xs = sorted(set(self.points('call')) |
                        set(self.points('threads')))
            ax.set_xscale('log', base=2)
            ax.set_xticks(xs, [str(n) for n in xs])
            if logy:
                ax.set_yscale('log')
            ax.set_xlabel('connections, or threads sharing one connection'
                          ' (GetState, one call in flight each)')
            ax.set_ylabel(label)
            ax.grid(True, which='both', alpha=0.3)
            ax.legend()
            save(plt, fig, os.path.join(self.dir, name))
            made.append(name)
        if self.points('events'):
            fig, ax = plt.subplots(figsize=(7, 4.5))
            for t in TARGETS[:2]:
                for m, style in (('p50_us', '--'), ('p99_us', '-')):
                    self.curve(ax, 'events', t, m,
                               '%s %s' % (t, m[:3]), style, 1e-3)
            ax.set_xscale('log')
            ax.set_xticks(self.points('events'),
                          [format(n, ',') for n in self.points('events')])
            ax.set_yscale('log')
            ax.set_xlabel('subscriber connections (one event every 20 ms)')
            ax.set_ylabel('delivery latency (ms)')
            ax.grid(True, which='both', alpha=0.3)
            ax.legend()
            fig.tight_layout()
            fig.savefig(os.path.join(self.dir, 'events.png'), dpi=100)
            plt.close(fig)
            made.append('events.png')
        if 'vireod' in self.qemu and 'libvirtd' in self.qemu:
            made.append(self.plot_qemu(plt))
        if [n for n in self.points('mixed') if n > 0]:
            made.append(self.plot_mixed(plt))
        return made

    def curve(self, ax, wl, target, metric, label, style='-', scale=1.0,
              color=None):
        xs = [n for n in self.points(wl)
              if self.get(wl, target, n, metric)]
        if not xs:
            return
        st = [self.get(wl, target, n, metric) for n in xs]
        med = [s.median * scale for s in st]
        err = [[(s.median - s.min) * scale for s in st],
               [(s.max - s.median) * scale for s in st]]
        ax.errorbar(xs, med, yerr=err, label=label, linestyle=style,
                    marker='o', capsize=3, color=color)

    def plot_qemu(self, plt):
        ops = ['start', 'suspend', 'resume', 'destroy']
        fig, ax = plt.subplots(figsize=(7, 4.5))
        names = [t for t in ('bare QEMU', 'vireod', 'libvirtd')
                 if t in self.qemu]
        grouped_bars(ax, ops, [(t, [self.qemu[t][op][0] for op in ops])
                               for t in names])
        ax.set_yscale('log')
        ax.set_ylabel('ms (median)')
        ax.set_title('QEMU guest lifecycle (TCG, 64 MiB)')
        ax.legend()
        save(plt, fig, os.path.join(self.dir, 'qemu.png'))
        return 'qemu.png'

    def plot_mixed(self, plt):
        """The cheap calls' p99 (on the test driver, and on a running
        QEMU guest), quiet and with the QEMU work; the guests' start and
        destroy under it beside bench-qemu's quiet ones."""
        n = [k for k in self.points('mixed') if k > 0][-1]
        daemons = TARGETS[:2]
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.5))
        grouped_bars(left, daemons, [
            (label, [self.stat_or_zero(wl, t, point, 'p99_us') / 1e3
                     for t in daemons])
            for wl, what in (('mixed', 'test driver'),
                             ('mixed-qemu', 'QEMU guest'))
            if self.points(wl)
            for point, label in ((0, what + ', quiet'),
                                 (n, what + ', QEMU work + frozen guest'))])
        left.set_ylabel('GetState p99 (ms), %d connections'
                        % self.mixed_conns())
        left.legend(fontsize='small')
        ops = ['start', 'destroy']
        grouped_bars(right, ops, [
            (t + ' under load', [self.stat_or_zero('mixed', t, n,
                                                   op + '_p50_ms')
                                 for op in ops]) for t in daemons] + [
            (t + ' quiet', [self.qemu[t][op][0] for op in ops])
            for t in daemons if t in self.qemu])
        right.set_yscale('log')
        right.set_ylabel('QEMU guest, ms (median)')
        right.legend()
        save(plt, fig, os.path.join(self.dir, 'mixed.png'))
        return 'mixed.png'

    def stat_or_zero(self, workload, target, point, metric):
        st = self.get(workload, target, point, metric)
        return st.median if st else 0

    # ---- report.md ----------------------------------------------------

    def table(self, out, title, workload, point_name, columns, targets):
        """One row per point and target: columns is [(metric, heading)]."""
        if not self.points(workload):
            return
        out.append('\n## %s\n' % title)
        out.append('| %s | target | %s |' % (point_name, ' | '.join(
            h for _, h in columns)))
        out.append('|---|---|%s' % ('---|' * len(columns)))
        for n in self.points(workload):
            for t in targets:
                ms = self.s.get((workload, t, 0, n))
                if not ms:
                    continue
                out.append('| %d | %s | %s |' % (n, t, ' | '.join(
                    ms[m].fmt(digits=0 if m == 'calls_per_s' else 1)
                    if m in ms else '—' for m, _ in columns)))

    def workload_tables(self, out):
        calls = [('calls_per_s', 'calls/s'), ('p50_us', 'p50 µs'),
                 ('p90_us', 'p90 µs'), ('p99_us', 'p99 µs'),
                 ('p999_us', 'p99.9 µs'),
                 ('daemon_cpu_us_per_call', 'daemon CPU µs/call'),
                 ('daemon_ctxsw_per_call', 'daemon context switches/call'),
                 ('client_cpu_us_per_call', 'client CPU µs/call')]
        self.table(out, 'GetState against concurrency', 'call',
                   'connections', calls, TARGETS)
        self.table(out, 'GetState from threads sharing one connection, one'
                   ' call in flight each', 'threads', 'threads', calls,
                   TARGETS)
        self.table(out, 'Mixed: GetState on %d connections, quiet (0) and'
                   ' while clients start and destroy QEMU guests and one'
                   ' guest is frozen' % self.mixed_conns(), 'mixed',
                   'QEMU clients',
                   calls[:5] + [('cycles', 'starts and destroys'),
                                ('start_p50_ms', 'start p50 ms'),
                                ('start_max_ms', 'start max ms'),
                                ('destroy_p50_ms', 'destroy p50 ms'),
                                ('destroy_max_ms', 'destroy max ms'),
                                ('hung_call_ms',
                                 'call on the frozen guest ms')],
                   TARGETS[:2])
        self.table(out, 'Mixed: GetState of a running QEMU guest on %d'
                   ' connections, quiet (0) and under the same QEMU work'
                   % self.mixed_conns('mixed-qemu'), 'mixed-qemu',
                   'QEMU clients', calls[:5] + [
                       ('cycles', 'starts and destroys'),
                       ('hung_call_ms', 'call on the frozen guest ms')],
                   TARGETS[:2])

    def write(self, goals, plots):
        out = ['# vireod against libvirtd 9.0: benchmark report', '',
               'Plan: %s. Medians over the rounds, (min–max) beside them;'
               ' one client thread (bench/loadgen), one call in flight per'
               ' connection; the echo server is the socket limit.'
               % self.plan, '',
               '| workload | vireod | libvirtd | echo server / bare QEMU |',
               '|---|---|---|---|']
        out += ['| ' + ' | '.join(r) + ' |' for r in self.summary_rows()]
        out.append('\n## Goals\n')
        out += ['- %s %s: %s' % (mark(m), text, value)
                for text, value, m in goals]
        self.workload_tables(out)
        for name in plots:
            out.append('\n![%s](%s)' % (name, name))
        for name, title in (('bench-rpc.txt', "libvirt's C client"),
                            ('bench-client.txt',
                             "vireo's and libvirt's client libraries"),
                            ('bench-qemu.txt', 'QEMU guest lifecycle')):
            path = os.path.join(self.dir, name)
            if os.path.exists(path):
                out.append('\n## %s (%s)\n\n```' % (title, name))
                out.append(open(path).read().rstrip())
                out.append('```')
        if self.failures:
            out.append('\n## Runs that failed\n')
            out += ['- %s %s %s%s: %s' % (
                f['workload'], f['target'], f.get(POINT[f['workload']], ''),
                ', %s idle' % f['idle'] if f['idle'] not in ('', '0') else '',
                f['error'] or 'opened %s, refused %s, unanswered %s' % (
                    f['opened'], f['refused'], f['timed_out']))
                    for f in self.failures if f['workload'] in POINT]
        with open(os.path.join(self.dir, 'report.md'), 'w') as f:
            f.write('\n'.join(out) + '\n')


def save(plt, fig, path):
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def grouped_bars(ax, groups, series):
    """Bars side by side in each group: series is [(label, [value per
    group])]."""
    width = 0.8 / len(series)
    for i, (label, values) in enumerate(series):
        ax.bar([k + i * width for k in range(len(groups))], values, width,
               label=label)
    ax.set_xticks([k + width * (len(series) - 1) / 2
                   for k in range(len(groups))], groups)


def mark(met):
    return {True: '✓', False: '✗', None: '–'}[met]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--plan', default='full')
    ap.add_argument('dir')
    a = ap.parse_args()
    r = Report(a.dir, a.plan)
    r.write_csv()
    goals = r.goals()
    r.write(goals, r.plot())
    print('\nGoals (vireod, medians of this run):')
    for text, value, met in goals:
        print('  %s %s: %s' % (mark(met), text, value))
    print('\nReport: %s' % os.path.join(a.dir, 'report.md'))
    # What libvirtd cannot do (hold 10,000 connections here) is a
    # measurement; a run of ours, or of the echo server, that fails is a
    # broken benchmark.
    return 1 if any(f['target'] != 'libvirtd' for f in r.failures) else 0


if __name__ == '__main__':
    sys.exit(main())
