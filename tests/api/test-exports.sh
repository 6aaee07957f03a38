#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-exports.sh LIB HEADER...: libvireo.so exports exactly the functions
# vireo.h (with the parts it includes, all given) declares with VIREO_API,
# and nothing else.
set -u
lib=$1
shift

exported=$(nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' |
           sed 's/@.*//' | sort -u)
# The name before the first '(' of each VIREO_API declaration, comments
# and the macro's own definition left out.
declared=$(perl -0777 -ne 's{/\*.*?\*/}{}gs; s{^#.*$}{}gm;
             print "$1\n" while /\bVIREO_API\b[^;(]*?(\w+)\s*\(/g' \
           "$@" | sort -u)

echo "1..3"
strays=$(grep -v '^vireo_' <<< "$exported")
if [ -z "$strays" ]; then
    echo "ok 1 - every exported symbol is a vireo_ symbol"
else
    echo "not ok 1 - every exported symbol is a vireo_ symbol"
    sed 's/^/#   stray: /' <<< "$strays"
fi
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
if [ -z "$missing" ] && [ -n "$declared" ]; then
    echo "ok 2 - every function vireo.h declares is exported"
else
    echo "not ok 2 - every function vireo.h declares is exported"
    sed 's/^/#   missing: /' <<< "$missing"
fi
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
if [ -z "$extra" ]; then
    echo "ok 3 - nothing is exported that vireo.h does not declare"
else
    echo "not ok 3 - nothing is exported that vireo.h does not declare"
    sed 's/^/#   extra: /' <<< "$extra"
fi
