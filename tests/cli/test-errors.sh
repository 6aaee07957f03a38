#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-errors.sh: failures go to stderr as `error: ...` in virsh's words,
# the exit status is 1, and a ';' session carries on after a failure, as
# virsh's does, with its last command's status.
source "$(dirname "$0")/lib.sh"

plan 25

run -c test:///default dominfo nosuch
expect_rc 1 "an unknown domain fails"
expect_err "an unknown domain is reported as virsh reports it" <<'END'
error: failed to get domain 'nosuch'
END
expect_out "stdout gets virsh's blank line after the command" <<'END'

END

run -c test:///default define "$DATA/bad.xml"
expect_rc 1 "malformed XML fails"
expect_match "$ERR" "^error: Failed to define domain from $DATA/bad.xml\$" \
    "define says which file it could not define from"
expect_match "$ERR" '^error: \(domain_definition\):[0-9]+: ' \
    "and then libxml2's complaint with its line, as virsh prints it"

run -c test:///default define /nonexistent/vm.xml
expect_rc 1 "a missing file fails"
expect_err "a missing file is named with the system's reason" <<'END'
error: Failed to open file '/nonexistent/vm.xml': No such file or directory
END

run -c test:///default "suspend test; suspend test; domstate test"
expect_rc 0 "a session's status is its last command's, as virsh's"
expect_out "the session carries on after the failing command" <<'END'
Domain 'test' suspended


paused

END
expect_match "$ERR" "^error: Failed to suspend domain 'test'\$" \
    "the failure names the domain"
expect_match "$ERR" "^error: internal error: domain 'test' not running\$" \
    "and gives the driver's reason, in libvirt's test driver's words"

run -c test:///default start test
expect_rc 1 "starting a running domain fails"
expect_err "as virsh refuses it" <<'END'
error: Domain is already active
END

run -c test:///default "list; foo; list"
expect_rc 1 "an unknown command fails"
expect_err "an unknown command is named" <<'END'
error: unknown command: 'foo'
END
expect_out "and nothing of the session runs" < /dev/null

run -c test:///default dominfo
expect_err "a missing argument is named" <<'END'
error: command 'dominfo' requires <domain> option
END
run -c test:///default dominfo test extra
expect_err "an extra argument is named" <<'END'
error: unexpected data 'extra'
END
run -c test:///default list --bogus
expect_err "an unknown option is named" <<'END'
error: command 'list' doesn't support option --bogus
END

run -c foo:/// list
expect_rc 1 "a URI nothing serves fails"
expect_err "with virsh's two lines" <<'END'
error: failed to connect to the hypervisor
error: no connection driver available for foo:///
END

run -r -c test:///default suspend test
expect_rc 1 "a change on a read-only connection fails"
expect_err "with libvirt's refusal" <<'END'
error: Failed to suspend domain 'test'
error: operation forbidden: read only access prevents virDomainSuspend
END

run -c test:///default "list 'unterminated"
expect_err "an unterminated quote is reported" <<'END'
error: missing '
END

done_testing
