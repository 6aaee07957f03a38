# SPDX-License-Identifier: LGPL-2.1-or-later
# lib.sh: TAP helpers for the CLI tests, sourced by each test-*.sh.
#
#   plan 3
#   run -c test:///default list        # $OUT, $ERR: files; $RC: status
#   expect_out "list prints the table" <<'END'
#   ...exact stdout, trailing blank lines included...
#   END
#   done_testing
#
# $VIREO is the vireo executable; $DATA the folder of sample XML.

set -u
. "$(dirname "${BASH_SOURCE[0]}")/../tap.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "${BASH_SOURCE[0]}")/data" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT=$WORK/out
ERR=$WORK/err
RC=0




# run ARGS...: run vireo with a fresh environment's default URI unset,
# stdin from /dev/null unless redirected by the caller.
run() {
    env -u VIREO_DEFAULT_URI "$VIREO" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# run_stdin INPUT ARGS...: the same, with INPUT on stdin.
run_stdin() {
    local input=$1
    shift
    env -u VIREO_DEFAULT_URI "$VIREO" "$@" > "$OUT" 2> "$ERR" <<< "$input"
    RC=$?
}

# expect_file FILE DESCRIPTION < expected: FILE equals stdin, byte for byte.
expect_file() {
    local file=$1 what=$2
    cat > "$WORK/want"
    if cmp -s "$WORK/want" "$file"; then
        ok 0 "$what"
    else
        ok 1 "$what"
        diff -u "$WORK/want" "$file" | diag
    fi
}

expect_out() { expect_file "$OUT" "$1"; }
expect_err() { expect_file "$ERR" "$1"; }

# expect_rc N DESCRIPTION
expect_rc() {
    if [ "$RC" -eq "$1" ]; then
        ok 0 "$2"
    else
        ok 1 "$2"
        echo "got exit status $RC, want $1" | diag
        diag < "$ERR"
    fi
}

# expect_match FILE REGEX DESCRIPTION: some line of FILE matches REGEX.
expect_match() {
    if grep -Eq -- "$2" "$1"; then
        ok 0 "$3"
    else
        ok 1 "$3"
        echo "no line matches /$2/ in:" | diag
        diag < "$1"
    fi
}

