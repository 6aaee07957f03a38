#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-peers.sh: our CLI over the wire. The same commands go to two
# daemons, vireod and a private real libvirtd (Debian's 9.0), each through
# the real virsh and through vireo, both with -c test+unix:///...?socket=.
# For every command, vireo must print what virsh prints against the same
# daemon: stdout, stderr and exit status, byte for byte. The two daemons
# may differ from each other (some error wordings do); that is not what
# this test compares. A few key outputs are also checked directly, so that
# two clients failing alike cannot pass for agreement.
#
# State: a daemon's test:///default is shared by all its connections and
# lives while one holds it, so a held connection keeps it between the
# one-command runs, and every step is arranged so that virsh and vireo
# start from the same state:
#   - queries change nothing: virsh runs, then vireo, on the same state;
#   - a mutation and its inverse (define/undefine, start/destroy,
#     suspend/resume, ...): virsh does both, then vireo does both, and each
#     step is compared with the other client's same step;
#   - a mutation that keeps the state (reboot, a failing command): virsh,
#     then vireo.
#
# A few answers neither daemon's test driver ever gives (messages about a
# domain, a managed-save query the daemon does not serve) are put in by
# rewrite_proxy.py, between both clients and the daemon.
#
# $VIREOD names vireod, $VIREO the vireo CLI. To check the harness itself,
# VIREO=$(command -v virsh) compares virsh with virsh and must pass.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/data" && pwd)
PROXY=$(dirname "$0")/rewrite_proxy.py

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

# Both clients in the C locale (virsh's messages are translated otherwise),
# and no default URI from the environment.
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# The domain of libvirt's test driver, which vireod's has too.
TEST_UUID=6695eb01-f6a4-8304-79aa-97f2502e193f
PEER_XML=$DATA/peer.xml
TRANSIENT_XML=$DATA/peer-transient.xml
BAD_XML=$DATA/malformed.xml

# client STEP TOOL ARGS...: run TOOL (virsh or vireo) against $TARGET_URI
# and keep its stdout, stderr and exit status as $CMP/STEP.TOOL.{out,err,rc}.
client() {
    local step=$1 tool=$2 exe
    shift 2
    case $tool in
    virsh) exe=virsh ;;
    vireo) exe=$VIREO ;;
    esac
    timeout "$VSH_TIMEOUT" "$exe" -c "$TARGET_URI" "$@" \
        > "$CMP/$step.$tool.out" 2> "$CMP/$step.$tool.err" < /dev/null
    echo $? > "$CMP/$step.$tool.rc"
}

# agree STEP DESCRIPTION [FILTER...]: the virsh and vireo runs kept as STEP
# printed the same stdout (through FILTER when given), the same stderr, and
# exited alike.
agree() {
    local step=$1 what=$2 tool
    shift 2
    for tool in virsh vireo; do
        if [ $# -gt 0 ]; then
            "$@" < "$CMP/$step.$tool.out" > "$CMP/$step.$tool.cmp"
        else
            cp "$CMP/$step.$tool.out" "$CMP/$step.$tool.cmp"
        fi
        { echo "exit status $(cat "$CMP/$step.$tool.rc")"
          echo "-- stdout"; cat "$CMP/$step.$tool.cmp"
          echo "-- stderr"; cat "$CMP/$step.$tool.err"
        } > "$CMP/$step.$tool.all"
    done
    if cmp -s "$CMP/$step.virsh.all" "$CMP/$step.vireo.all"; then
        ok 0 "$TARGET: $what: vireo agrees with virsh"
    else
        ok 1 "$TARGET: $what: vireo agrees with virsh"
        diff -u --label virsh --label vireo \
            "$CMP/$step.virsh.all" "$CMP/$step.vireo.all" | diag
    fi
}

# both STEP ARGS...: a step that leaves the state as it found it (a query,
# a failing command, a reboot), run by virsh then by vireo, and compared.
# $WHEN, if set, says in which state.
both() {
    local step=$1
    shift
    client "$step" virsh "$@"
    client "$step" vireo "$@"
    agree "$step" "${*//$DATA\//}${WHEN:+ ($WHEN)}"
}

# dominfo_both STEP DOMAIN: dominfo, as both does it, but its "CPU time"
# is a clock that can tick between the virsh and the vireo run (vireod
# counts the time spent running; libvirt's test driver answers the time of
# day, even for a domain that is shut off), so that value is masked, and
# everything else compared.
dominfo_both() {
    client "$1" virsh dominfo "$2"
    client "$1" vireo dominfo "$2"
    agree "$1" "dominfo $2${WHEN:+ ($WHEN)}, CPU time aside" mask_cpu_time
}

mask_cpu_time() {
    sed 's/^\(CPU time: *\)[0-9][0-9.e+]*s$/\1(masked)/'
}

# virsh_said STEP WANT DESCRIPTION: virsh's stdout for STEP, trailing
# newlines aside, is WANT: the step did what it should.
virsh_said() {
    local got
    got=$(cat "$CMP/$1.virsh.out")
    [ "$got" = "$2" ]
    ok $? "$TARGET: $3"
    if [ "$got" != "$2" ]; then
        { echo "got:"; echo "$got"; echo "want:"; echo "$2"; } | diag
        diag < "$CMP/$1.virsh.err"
    fi
}

# virsh_failed STEP TEXT DESCRIPTION: virsh exited non-zero for STEP, with
# TEXT in its stderr.
virsh_failed() {
    local rc
    rc=$(cat "$CMP/$1.virsh.rc")
    case "$(cat "$CMP/$1.virsh.err")" in
    *"$2"*) [ "$rc" -ne 0 ]; ok $? "$TARGET: $3" ;;
    *) ok 1 "$TARGET: $3"; diag < "$CMP/$1.virsh.err" ;;
    esac
}

# virsh_printed STEP LINE DESCRIPTION: virsh's stdout for STEP has LINE,
# whole.
virsh_printed() {
    grep -qxF -- "$2" "$CMP/$1.virsh.out"
    ok $? "$TARGET: $3"
    grep -qxF -- "$2" "$CMP/$1.virsh.out" ||
        { echo "no line: $2"; cat "$CMP/$1.virsh.out"; } | diag
}

# proxied_dominfo STEP MODE: dominfo test, by virsh then vireo, through
# rewrite_proxy.py MODE in front of the daemon's socket $TARGET_SOCK, and
# compared as dominfo_both compares. The proxy is bounded by timeout, so
# that nothing outlives a test that dies half-way.
proxied_dominfo() {
    local step=$1 mode=$2 sock=$DIR/proxy-$TARGET.sock uri=$TARGET_URI pid
    timeout 60 /usr/bin/python3 "$PROXY" "$sock" "$TARGET_SOCK" "$mode" &
    pid=$!
    wait_for "$sock"
    TARGET_URI="test+unix:///default?socket=$sock"
    client "$step" virsh dominfo test
    client "$step" vireo dominfo test
    TARGET_URI=$uri
    kill "$pid"
    wait "$pid" 2> /dev/null
    rm -f "$sock"
    agree "$step" "dominfo test, the daemon's answers rewritten ($mode), CPU time aside" \
        mask_cpu_time
}

# setup ARGS...: a step that only sets the state for the next ones, by
# virsh; it must succeed.
setup() {
    client setup virsh "$@"
    [ "$(cat "$CMP/setup.virsh.rc")" -eq 0 ]
    ok $? "$TARGET: virsh ${*//$DATA\//} (to set the state up)"
    [ "$(cat "$CMP/setup.virsh.rc")" -eq 0 ] || diag < "$CMP/setup.virsh.err"
}

# version_shared: the lines of `version` that come from the daemon.
# "Compiled against library" and "Using library" name the client's own
# library (libvirt 9.0.0 for virsh, vireo's for vireo), and so does the
# version on "Using API"; its hypervisor type, and the whole "Running
# hypervisor" line, come from the daemon and must agree.
version_shared() {
    sed -e '1,2d' -e '3s/ [0-9][0-9.]*$//'
}

# hold_target / release_target: a virsh connection kept open on
# $TARGET_URI, so that test:///default's state outlives each command.
hold_target() {
    mkfifo "$DIR/hold-$TARGET"
    timeout 300 virsh -c "$TARGET_URI" < "$DIR/hold-$TARGET" > /dev/null 2>&1 &
    HOLD_PID=$!
    exec 8> "$DIR/hold-$TARGET"
}

release_target() {
    exec 8>&-
    wait "$HOLD_PID" 2> /dev/null
    HOLD_PID=
}

# The table of the test driver's starting state.
TEST_ONLY_TABLE=" Id   Name   State
----------------------
 1    test   running"

# peer_suite NAME URI SOCKET: every command against one daemon, whose
# read-write socket is SOCKET: 66 checks.
peer_suite() {
    TARGET=$1
    TARGET_URI=$2
    TARGET_SOCK=$3
    CMP=$DIR/cmp-$TARGET
    mkdir -p "$CMP"
    hold_target

    # The host and the connection.
    both list list --all
    virsh_said list "$TEST_ONLY_TABLE" "list --all shows the test domain running"
    WHEN=
    dominfo_both dominfo test
    both domstate domstate test
    virsh_said domstate "running" "domstate test is running"
    both domid domid test
    virsh_said domid "1" "domid test is 1"
    both domuuid domuuid test
    virsh_said domuuid "$TEST_UUID" "domuuid test"
    both dumpxml dumpxml test
    both hostname hostname
    virsh_said hostname "$(hostname)" "hostname is this host's"
    both nodeinfo nodeinfo
    both uri uri
    virsh_said uri "$TARGET_URI" "uri is the URI connected to"
    both capabilities capabilities
    # What dominfo asks that the test drivers always answer alike: the
    # clients must print what the daemon says, whatever it says.
    proxied_dominfo dominfo-messages messages
    virsh_printed dominfo-messages \
        "Messages:       tainted: custom monitor control commands issued" \
        "dominfo prints the domain's first message, labelled"
    proxied_dominfo dominfo-no-managed-save unknown:183
    virsh_printed dominfo-no-managed-save "Managed save:   unknown" \
        "a managed-save query the daemon does not serve is 'unknown'"
    proxied_dominfo dominfo-no-messages unknown:426
    ! grep -q '^Messages:' "$CMP/dominfo-no-messages.virsh.out" &&
        [ "$(cat "$CMP/dominfo-no-messages.virsh.rc")" -eq 0 ]
    ok $? "$TARGET: a messages query the daemon does not serve prints none, and is no error"

    client version virsh version
    client version vireo version
    agree version "version (the daemon's lines)" version_shared
    [ "$(cat "$CMP/version.virsh.rc")" -eq 0 ] &&
        grep -q '^Running hypervisor: TEST ' "$CMP/version.virsh.out"
    ok $? "$TARGET: version names the test hypervisor"

    # define and undefine: each client takes peer from nothing to defined
    # and back.
    client define virsh define "$PEER_XML"
    client undefine virsh undefine peer
    client define vireo define "$PEER_XML"
    client undefine vireo undefine peer
    agree define "define"
    agree undefine "undefine"
    virsh_said define "Domain 'peer' defined from $PEER_XML" "define says where from"
    virsh_said undefine "Domain 'peer' has been undefined" "undefine"

    # peer defined and shut off.
    setup define "$PEER_XML"
    WHEN="peer defined"
    both list-defined list --all
    dominfo_both dominfo-off peer
    both domstate-off domstate peer
    virsh_said domstate-off "shut off" "a defined domain is shut off"

    # start and destroy.
    client start virsh start peer
    WHEN="peer running"
    dominfo_both dominfo-running peer
    client destroy virsh destroy peer
    client start vireo start peer
    client destroy vireo destroy peer
    agree start "start"
    agree destroy "destroy"
    virsh_said start "Domain 'peer' started" "start"
    virsh_said destroy "Domain 'peer' destroyed" "destroy"

    # peer running: suspend and resume, reboot, shutdown and start again.
    setup start peer
    client suspend virsh suspend peer
    WHEN="peer suspended"
    both domstate-paused domstate peer --reason
    virsh_said domstate-paused "paused (user)" "a suspended domain is paused"
    client resume virsh resume peer
    WHEN="peer running"
    client suspend vireo suspend peer
    client resume vireo resume peer
    agree suspend "suspend"
    agree resume "resume"
    both reboot reboot peer
    virsh_said reboot "Domain 'peer' is being rebooted" "reboot"
    client shutdown virsh shutdown peer
    client restart virsh start peer
    client shutdown vireo shutdown peer
    client restart vireo start peer
    agree shutdown "shutdown"
    agree restart "start after shutdown"
    virsh_said shutdown "Domain 'peer' is being shutdown" "shutdown"

    # autostart and autostart --disable.
    client autostart virsh autostart peer
    WHEN="peer autostarted"
    dominfo_both dominfo-autostart peer
    client noautostart virsh autostart --disable peer
    client autostart vireo autostart peer
    client noautostart vireo autostart --disable peer
    agree autostart "autostart"
    agree noautostart "autostart --disable"
    virsh_said autostart "Domain 'peer' marked as autostarted" "autostart"

    # Errors: each leaves the state as it was.
    WHEN=
    both nosuch dominfo nosuch
    virsh_failed nosuch "failed to get domain 'nosuch'" "an unknown domain is an error"
    both start-running start test
    virsh_failed start-running "error:" "starting a running domain is an error"
    both malformed define "$BAD_XML"
    virsh_failed malformed "error:" "malformed XML is an error"

    setup destroy peer
    setup undefine peer

    # create and destroy a transient domain.
    client create virsh create "$TRANSIENT_XML"
    WHEN="peer-transient running"
    both list-transient list --all
    client destroy-transient virsh destroy peer-transient
    client create vireo create "$TRANSIENT_XML"
    client destroy-transient vireo destroy peer-transient
    agree create "create"
    agree destroy-transient "destroy of a transient domain"
    virsh_said create "Domain 'peer-transient' created from $TRANSIENT_XML" "create"

    # Back where it started.
    WHEN="at the end"
    both list-end list --all
    virsh_said list-end "$TEST_ONLY_TABLE" "the state is back where it started"

    release_target
}

plan 135
daemon_start
ok $? "vireod creates its sockets"
peer_suite vireod "$URI" "$DIR/run/vireo-sock"
daemon_stop
is "$DRC" "0" "vireod stops cleanly"

peer_suite libvirtd "$LIBVIRTD_URI" "$LIBVIRTD_SOCK"
libvirtd_stop
ok $? "libvirtd stops cleanly"
[ "$LIBVIRTD_RC" = 0 ] || tail -n 20 "$LIBVIRTD_DIR/libvirtd.log" | diag
done_testing
