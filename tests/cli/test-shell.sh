#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-shell.sh: the shell fed from stdin, $VIREO_DEFAULT_URI, the event
# command with nothing to see, help and the global options.
source "$(dirname "$0")/lib.sh"

plan 19

run_stdin "define $DATA/vm1.xml
start vm1   # a comment
domstate 'vm1' --reason ; suspend \"vm1\"
quit
list" -c test:///default
expect_rc 0 "a shell fed from stdin runs each line"
expect_out "without a terminal there is no prompt, and quit ends it" <<END
Domain 'vm1' defined from $DATA/vm1.xml

Domain 'vm1' started

running (booted)

Domain 'vm1' suspended

END

run_stdin "domstate nosuch
domstate test" -c test:///default
expect_rc 1 "a shell that saw a failure exits 1"
expect_out "but runs the lines after it, as virsh's shell does" <<'END'

running

END
expect_err "the failure is reported" <<'END'
error: failed to get domain 'nosuch'
END

run_stdin "" -c test:///default
expect_rc 0 "an empty shell session exits 0"

VIREO_DEFAULT_URI=foo:/// "$VIREO" list > "$OUT" 2> "$ERR"
RC=$?
expect_rc 1 "without -c, \$VIREO_DEFAULT_URI is used"
expect_match "$ERR" '^error: no connection driver available for foo:///$' \
    "and its URI is the one opened"
VIREO_DEFAULT_URI=test:///default "$VIREO" uri > "$OUT" 2> "$ERR"
expect_out "uri prints the URI \$VIREO_DEFAULT_URI named" <<'END'
test:///default

END
run uri
expect_out "with neither, test:///default is opened" <<'END'
test:///default

END

run -c test:///default event --all --timeout 1
expect_rc 1 "an event wait that sees nothing exits 1"
expect_out "and says it timed out and received nothing" <<'END'
event loop timed out
events received: 0

END
run -c test:///default event --all --loop --domain test --timeout 1
expect_rc 1 "--all --loop with a domain filter waits as well"
run -c test:///default event --all --timeout 0
expect_err "a zero timeout is refused" <<'END'
error: Numeric value '0' for <timeout> option is malformed or out of range
END

run help domstate
expect_out "help COMMAND prints its usage as virsh does" <<'END'
  NAME
    domstate - domain state

  SYNOPSIS
    domstate <domain> [--reason]

  DESCRIPTION
    Returns state about a domain.

  OPTIONS
    [--domain] <string>  domain name, id or uuid
    --reason         also print reason for the state


END
run help
expect_match "$OUT" '^    dominfo +domain information$' \
    "help lists the commands"
run -c nosuch:/// help
expect_rc 0 "help needs no connection"
run --version
expect_match "$OUT" '^[0-9]+\.[0-9]+\.[0-9]+$' "-v prints the version"
run --bogus
expect_rc 1 "an unknown option fails"

done_testing
