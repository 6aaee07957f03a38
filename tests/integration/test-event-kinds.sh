#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-event-kinds.sh: `vireo event` as virsh's `event`: the list of event
# types and the option checks, against vireod and a private libvirtd; and
# every kind of event libvirtd's test driver produces (lifecycle and
# metadata changes), as vireo's remote driver decodes them from the real
# libvirtd and prints them, next to what virsh prints.
#
# $VIREO names the vireo executable.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"
. "$(dirname "${BASH_SOURCE[0]}")/listeners.sh"
: "${VIREO:?VIREO must name the vireo executable}"

# Invocations of `event` that end without waiting for anything.
OPTION_CASES=(
    "event --list"
    "event"
    "event --all --event lifecycle"
    "event --list --all"
    "event --list --event tunable"
    "event --event nosuch"
    "event --all --timeout 0"
    "event --event lifecycle --domain nosuch --timeout 1"
    "event test lifecycle 1"
)

# run_tool TOOL URI CMD: CMD's exit status, stdout and stderr in one text.
run_tool() {
    local tool=$1 uri=$2 cmd=$3
    # shellcheck disable=SC2086 # the words of the command
    timeout 20 "$tool" -c "$uri" $cmd > "$DIR/tool.out" 2> "$DIR/tool.err"
    echo "rc=$?"
    cat "$DIR/tool.out" "$DIR/tool.err"
}

check_options() {
    local uri=$1 who=$2 cmd
    for cmd in "${OPTION_CASES[@]}"; do
        is "$(run_tool "$VIREO" "$uri" "$cmd")" \
            "$(run_tool virsh "$uri" "$cmd")" \
            "$who: vireo $cmd: status, output and error as virsh's"
    done
}

# The metadata and lifecycle changes libvirtd's test driver reports, made
# by virsh; both listeners must print the same, event for event.
check_libvirtd_kinds() {
    local uri=$LIBVIRTD_URI
    start_listeners "$uri"
    wait_for_listeners "$uri"
    ok $? "libvirtd: virsh and vireo are both listening"
    virsh -q -c "$uri" "desc test --title 'a title'; desc test --config 'text';
        metadata test --uri http://example.org/ns --key ex --set '<ex/>';
        metadata test --uri http://example.org/ns --remove;
        suspend test; resume test" > /dev/null 2> "$ERR"
    ok $? "libvirtd: virsh changes the title, description, metadata and state"
    stop_listeners
    events_after_markers "$DIR/virsh.ev" > "$DIR/virsh.after"
    is "$(grep -c "^event 'metadata-change'" "$DIR/virsh.after")" 4 \
        "libvirtd: (virsh sees four metadata changes)"
    is "$(cat "$DIR/virsh.after")" "$(events_after_markers "$DIR/vireo.ev")" \
        "libvirtd: vireo event prints what virsh event prints"
    is "$(ending "$DIR/vireo.ev")" "$(want_ending "$DIR/vireo.ev")" \
        "libvirtd: and ends as virsh does: timeout, then the count"
}

libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
plan $((2 * ${#OPTION_CASES[@]} + 5))

daemon_start
hold_connection
check_options "$URI" vireod
release_connection
daemon_stop

check_options "$LIBVIRTD_URI" libvirtd
check_libvirtd_kinds
libvirtd_stop

done_testing
