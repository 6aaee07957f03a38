#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-fanout-floor.sh: bench/fanout-floor (the event fan-out's floor, no
# daemon) runs a few rounds to 50 socket pairs and reports numbers that
# hang together: every message written is read once, none lost. No
# timing is compared with a threshold: timings are measurements.
#
# $FANOUT_FLOOR names the program.
. "$(dirname "$0")/../tests/tap.sh"
: "${FANOUT_FLOOR:?}"

# field LINE KEY: the value of KEY=... in the result line.
field() {
    local word
    for word in $1; do
        case $word in "$2="*) echo "${word#*=}"; return ;; esac
    done
}

plan 4
LINE=$("$FANOUT_FLOOR" --subscribers 50 --threads 2 --interval-ms 20 \
           --duration 0.2)
RC=$?
echo "$LINE" | sed 's/^/# /'
[ "$RC" -eq 0 ] && [ "$(field "$LINE" rounds)" -ge 1 ]
ok $? "it writes its rounds to 50 socket pairs and exits 0"
[ "$(field "$LINE" delivered)" = $(($(field "$LINE" rounds) * 50)) ] &&
    [ "$(field "$LINE" lost)" = 0 ]
ok $? "every message written is read, once"
awk -v c="$(field "$LINE" write_cpu_us)" -v p="$(field "$LINE" p99_us)" \
    'BEGIN { exit !(c > 0 && p > 0) }'
ok $? "the writer's CPU per message and the delivery p99 are reported"
"$FANOUT_FLOOR" --subscribers 0 > /dev/null 2>&1
[ $? -eq 2 ]
ok $? "a run with no subscribers is refused"
done_testing
