#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-unsupported.sh: a call vireod does not serve is answered as libvirtd
# answers a call its test driver lacks ("this function is not supported
# by the connection driver: virXxx", with libvirtd's code and error
# domain), not "unknown procedure: N"; on a read-only connection, as
# libvirt's API refuses it ("read only access prevents virXxx"). Feature
# queries, calls passing descriptors and arguments that do not decode get
# libvirtd's answers too. The same raw calls (raw_client.py
# unserved) and the same virsh commands go to vireod and to a private
# libvirtd, and their answers must be identical; libvirtd's are checked
# too, so that two daemons failing alike cannot pass for agreement.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
RAW=$(dirname "$0")/raw_client.py
DATA=$(cd "$(dirname "$0")/side/data" && pwd)

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI

plan 16
daemon_start
ok $? "vireod runs"

raw() {
    timeout 20 /usr/bin/python3 "$RAW" "$1" "${2:-unserved}" 2>&1
}
want=$(raw "$LIBVIRTD_SOCK")
got=$(raw "$DIR/run/vireo-sock")
like "$want" "135: code=3 domain=20 msg=this function is not supported by the connection driver: virConnectDomainXMLFromNative" \
    "libvirtd answers an unserved call with VIR_ERR_NO_SUPPORT naming the API"
is "$got" "$want" \
    "raw unserved calls, before and after open, get libvirtd's answers from vireod"

# On a connection opened read-only, libvirt's API refuses the calls
# that change something (and a few that read what read-only users must
# not see) before it asks the driver: the refusal comes first, served or
# not.
want=$(raw "$LIBVIRTD_SOCK" unserved-ro)
got=$(raw "$DIR/run/vireo-sock" unserved-ro)
like "$want" "250: code=29 domain=20 msg=operation forbidden: read only access prevents virNodeSuspendForDuration" \
    "libvirtd refuses an unserved write call on a read-only connection"
is "$got" "$want" \
    "unserved calls on a read-only connection get libvirtd's answers from vireod"

# Arguments that do not decode: libvirtd's RPC error, and the connection
# goes on.
want=$(raw "$LIBVIRTD_SOCK" undecodable)
got=$(raw "$DIR/run/vireo-sock" undecodable)
like "$want" "23: code=39 domain=7 msg=Unable to decode message payload" \
    "libvirtd answers arguments that do not decode with an RPC error"
is "$got" "$want" "arguments that do not decode get libvirtd's answers from vireod"

# What a client asks before some calls: the features of the connection
# (typed parameter strings before calls with string parameters, fd passing
# before calls that pass descriptors, ...).
want=$(raw "$LIBVIRTD_SOCK" features)
got=$(raw "$DIR/run/vireo-sock" features)
like "$want" "feature 8: 1" "libvirtd says yes to fd passing (feature 8)"
is "$got" "$want" "every feature query gets libvirtd's answer from vireod"

# A call passing a descriptor, as virsh dom-fd-associate sends it: the
# descriptor's byte after the message must not upset the next call.
want=$(raw "$LIBVIRTD_SOCK" fd-call)
got=$(raw "$DIR/run/vireo-sock" fd-call)
like "$want" "3: type=1 status=0" \
    "libvirtd answers a call passing a descriptor, then the next call"
is "$got" "$want" "a call passing a descriptor gets libvirtd's answers from vireod"
is "$(raw "$DIR/run/vireo-sock" fd-closed)" "end of file" \
    "vireod keeps no copy of a descriptor passed to a call it does not serve"

# virsh_errors URI ARGS...: virsh's exit status and error lines.
virsh_errors() {
    local uri=$1
    shift
    timeout "$VSH_TIMEOUT" virsh -c "$uri" "$@" 2>&1 > /dev/null < /dev/null
    echo "exit status $?"
}
for cmd in "nodesevinfo" "nodesuspend mem 60" \
           "domxml-from-native qemu-argv $DATA/qemu-argv.txt"; do
    # shellcheck disable=SC2086 # the words of the command
    is "$(virsh_errors "$URI" $cmd)" "$(virsh_errors "$LIBVIRTD_URI" $cmd)" \
        "virsh ${cmd//$DATA\//}: vireod's error is libvirtd's"
done
daemon_stop
is "$DRC" 0 "vireod exits 0 on SIGTERM"
done_testing
