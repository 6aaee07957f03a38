#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-corpus-vireod.sh: the corpus through vireod's test driver, as a
# libvirt client feeds it (python3-libvirt, corpus_client.py), compared
# with libvirtd's answers recorded by make-golden.sh (test-golden-libvirt.sh
# checks those are libvirtd's):
#   - each good/<case>.in.xml, defined, gives exactly good/<case>.out.xml
#     as its inactive XML, and once started good/<case>.live.xml (a case
#     with an .id file is created instead and its live XML compared; ids
#     are the daemon's to choose);
#   - each refused/<case>.xml is refused with libvirtd's error code;
#   - each validate/<case>.xml, defined with VIR_DOMAIN_DEFINE_VALIDATE,
#     gets libvirtd's answer word for word.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../integration/lib.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed"
daemon_start || fail_all "vireod starts"
/usr/bin/python3 "$HERE/corpus_client.py" "$URI" "$HERE"
rc=$?
daemon_stop
exit "$rc"
