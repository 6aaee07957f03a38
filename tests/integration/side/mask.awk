# SPDX-License-Identifier: LGPL-2.1-or-later
# mask.awk: what legitimately differs between two daemons' answers to the
# same virsh command, replaced by fixed words, so that the rest can be
# compared byte for byte (test-virsh-side.sh). Only these, nothing else:
#
#   sock   the daemon's socket path                 -> @SOCK@
#   tmp    the daemon's directory for @TMP@ files    -> @TMP@
#   dirs   the daemons' temporary directories        -> @DIR@
#   uuids  a uuid neither daemon was given (one it generated for a
#          domain defined without one) -> @UUID-n@, n counting the
#          distinct uuids in the order this daemon first printed them, in
#          the map file `map`, which lives as long as the daemon's state;
#          the uuids in `fixed` (facts of the test driver, and those a data
#          file spells out) stay as they are
#   times  a date and time of day                    -> @TIME@
#          "CPU time:  1.5s" (the test driver's clock) -> CPU time:  @CPU@s
#          a number that is now, in s, ms, us or ns, give or take two
#          days (epoch-named snapshots, timestamps)  -> @EPOCH@
#   clock  set (to 1) for a line whose figures the test driver derives
#          from the time of day (block and interface counters): on
#          stdout, every number that stands alone as a word (between
#          blanks or a line's ends)                  -> @N@
#          so that field names, their order and the format still count;
#          numbers inside words (vda, testnet0, a MAC) stay as they are
#
# Input: virsh's stdout file, then its stderr file. Output: its exit
# status (variable rc), its stdout and its "error:" lines, masked.
# Variables: rc, sock, tmp, dirs (space-separated), fixed (space-separated),
# map (a file), now (seconds since the epoch), clock (1 or unset).

function replace_all(s, lit, rep,    out, i) {
    if (lit == "")
        return s
    out = ""
    while ((i = index(s, lit)) > 0) {
        out = out substr(s, 1, i - 1) rep
        s = substr(s, i + length(lit))
    }
    return out s
}

# mask_uuids: every uuid not in `is_fixed`, numbered per daemon.
function mask_uuids(s,    out, u) {
    out = ""
    while (match(s, UUID)) {
        u = substr(s, RSTART, RLENGTH)
        if (!(u in is_fixed)) {
            if (!(u in ordinal)) {
                ordinal[u] = ++n_uuids
                print u, n_uuids >> map
            }
            u = "@UUID-" ordinal[u] "@"
        }
        out = out substr(s, 1, RSTART - 1) u
        s = substr(s, RSTART + RLENGTH)
    }
    return out s
}

# mask_numbers: every run of digits with a blank or a line's end on each
# side.
function mask_numbers(s,    out) {
    out = ""
    while (match(s, /(^|[ \t])[0-9]+([ \t]|$)/)) {
        if (substr(s, RSTART, 1) ~ /[ \t]/) {
            RSTART++
            RLENGTH--
        }
        if (substr(s, RSTART + RLENGTH - 1, 1) ~ /[ \t]/)
            RLENGTH--
        out = out substr(s, 1, RSTART - 1) "@N@"
        s = substr(s, RSTART + RLENGTH)
    }
    return out s
}

# mask_epochs: runs of 10 to 19 digits whose first ten are now, +/- 2 days.
function mask_epochs(s,    out, d) {
    out = ""
    while (match(s, /[0-9]+/)) {
        d = substr(s, RSTART, RLENGTH)
        if (RLENGTH >= 10 && RLENGTH <= 19 &&
            substr(d, 1, 10) + 0 >= now - 172800 &&
            substr(d, 1, 10) + 0 <= now + 172800)
            d = "@EPOCH@"
        out = out substr(s, 1, RSTART - 1) d
        s = substr(s, RSTART + RLENGTH)
    }
    return out s
}

BEGIN {
    h = "[0-9a-f]"
    h4 = h h h h
    UUID = h4 h4 "-" h4 "-" h4 "-" h4 "-" h4 h4 h4
    d2 = "[0-9][0-9]"
    TIME = d2 d2 "-" d2 "-" d2 " " d2 ":" d2 ":" d2 "( [-+][0-9][0-9][0-9][0-9])?"
    n = split(fixed, list, " ")
    for (i = 1; i <= n; i++)
        is_fixed[list[i]] = 1
    n_dirs = split(dirs, dir_list, " ")
    while ((getline line < map) > 0) {
        split(line, pair, " ")
        ordinal[pair[1]] = pair[2] + 0
        n_uuids++
    }
    close(map)
    print "exit status " rc
    print "-- stdout"
}

# The input is two files: virsh's stdout, then its stderr, of which only
# the error lines count (kept for the end). Either may be empty, and awk
# skips an empty file: hence FILENAME, not FNR.
FILENAME == ARGV[1] {
    print mask(clock ? mask_numbers($0) : $0)
    next
}
/^error:/ {
    errors[++n_errors] = mask($0)
}
END {
    print "-- error lines"
    for (i = 1; i <= n_errors; i++)
        print errors[i]
}

function mask(s,    i) {
    s = replace_all(s, sock, "@SOCK@")
    s = replace_all(s, tmp, "@TMP@")
    for (i = 1; i <= n_dirs; i++)
        s = replace_all(s, dir_list[i], "@DIR@")
    s = mask_uuids(s)
    gsub(TIME, "@TIME@", s)
    if (s ~ /^CPU time: *[0-9][0-9.e+]*s$/)
        sub(/[0-9][0-9.e+]*s$/, "@CPU@s", s)
    return mask_epochs(s)
}
