# SPDX-License-Identifier: LGPL-2.1-or-later
# tap.sh: the Test Anything Protocol for our bash tests (tap.h's twin).
#
#   . tests/tap.sh
#   plan 2
#   [ "$x" = 1 ]; ok $? "x is one"
#   echo "details" | diag
#   done_testing          # fails if a check failed or the plan was missed
#
# There is no skip: a test that cannot run (a peer such as virsh is not
# installed) calls fail_all, since under `make check` everything a test
# needs is installed and a missing piece means the set-up broke.

n_run=0
n_failed=0
n_planned=0

plan() {
    n_planned=$1
    echo "1..$1"
}

# ok STATUS DESCRIPTION: STATUS 0 passes.
ok() {
    n_run=$((n_run + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n_run - $2"
    else
        n_failed=$((n_failed + 1))
        echo "not ok $n_run - $2"
    fi
}

# fail_all WHAT: the test cannot run; one failing check names what it
# needed, and the script exits 1. Call it before plan.
fail_all() {
    echo "1..1"
    echo "not ok 1 - $1"
    exit 1
}

diag() {
    sed 's/^/# /'
}

done_testing() {
    if [ "$n_run" -ne "$n_planned" ]; then
        echo "# planned $n_planned checks but ran $n_run"
        return 1
    fi
    [ "$n_failed" -eq 0 ]
}
