#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# define_error.py URI FILE FLAGS: define FILE's domain on URI with
# virDomainDefineXMLFlags(FLAGS) and print what the daemon answered: the
# libvirt error code on one line and the message after it, or "accepted"
# (the domain is then undefined again). make-golden.sh records libvirtd's
# answers with it, and test-corpus-vireod.sh asks vireod the same way.
import sys

import libvirt


def main():
    uri, path, flags = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # libvirt prints every error on stderr by default; the answer is ours.
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open(uri)
    with open(path, encoding='utf-8') as f:
        xml = f.read()
    try:
        dom = conn.defineXMLFlags(xml, flags)
    except libvirt.libvirtError as e:
        print(e.get_error_code())
        print(e.get_error_message())
        return
    print("accepted")
    dom.undefine()


main()
