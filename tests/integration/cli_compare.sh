# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# cli_compare.sh: running one CLI invocation and comparing two, for the
# tests that hold the vireo CLI to virsh's output. Sourced after lib.sh.

# run NAME EXE URI WORDS...: one invocation, kept as $DIR/NAME.{out,err,rc}
# with the URI's socket path masked.
run() {
    local name=$1 exe=$2 uri=$3 sock
    shift 3
    sock=${uri#*socket=}
    timeout "$VSH_TIMEOUT" "$exe" -c "$uri" "$@" > "$DIR/$name.out" \
        2> "$DIR/$name.err" < /dev/null
    echo $? > "$DIR/$name.rc"
    sed -i "s|$sock|SOCKET|g" "$DIR/$name.out" "$DIR/$name.err"
}

# same WHAT A B: both runs gave the same status, stdout and stderr.
same() {
    local what=$1 a=$2 b=$3 f rc=0

    for f in rc out err; do
        cmp -s "$DIR/$a.$f" "$DIR/$b.$f" || rc=1
    done
    ok $rc "$what"
    [ $rc -eq 0 ] && return
    for f in rc out err; do
        diff "$DIR/$a.$f" "$DIR/$b.$f" | head -20 | diag
    done
}
