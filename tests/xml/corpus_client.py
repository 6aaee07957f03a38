#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# corpus_client.py URI DIR: the corpus through a daemon's test driver over
# one python3-libvirt connection, as TAP. For test-corpus-vireod.sh, which
# says what is compared; the expected answers are libvirtd's, recorded in
# DIR by make-golden.sh.
import difflib
import glob
import os
import re
import sys

import libvirt

N_CHECKS = 0
N_FAILED = 0


def ok(passed, description, diag=''):
    global N_CHECKS, N_FAILED
    N_CHECKS += 1
    N_FAILED += 0 if passed else 1
    print(f"{'ok' if passed else 'not ok'} {N_CHECKS} - {description}")
    if not passed and diag:
        for line in diag.splitlines():
            print(f"# {line}")


def same(got, want, description):
    diff = ''.join(difflib.unified_diff(want.splitlines(True),
                                        got.splitlines(True),
                                        'libvirtd', 'vireod'))
    ok(got == want, description, diff)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def no_id(xml):
    return re.sub(r"^(<domain [^>]*?) id='[0-9]+'", r'\1', xml, count=1)


def answer(conn, xml, flags):
    """libvirt's code and message for a define, or 'accepted'."""
    try:
        conn.defineXMLFlags(xml, flags).undefine()
        return 'accepted\n'
    except libvirt.libvirtError as e:
        return f'{e.get_error_code()}\n{e.get_error_message()}\n'


def check_good(conn, good):
    for case in sorted(glob.glob(f'{good}/*.in.xml')):
        name = os.path.basename(case)[:-len('.in.xml')]
        xml = read(case)
        want = read(f'{good}/{name}.out.xml')
        if os.path.exists(f'{good}/{name}.id'):
            dom = conn.createXML(xml, 0)
            same(no_id(dom.XMLDesc(0)), no_id(want),
                 f"{name}: vireod's live XML is libvirtd's")
            dom.destroy()
            continue
        dom = conn.defineXML(xml)
        same(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE), want,
             f"{name}: vireod's dumpxml is libvirtd's")
        live = f'{good}/{name}.live.xml'
        if os.path.exists(live):
            dom.create()
            same(no_id(dom.XMLDesc(0)), read(live),
                 f"{name}: vireod's live XML is libvirtd's")
            dom.destroy()
        dom.undefine()


def check_refused(conn, folder):
    for case in sorted(glob.glob(f'{folder}/*.xml')):
        name = os.path.basename(case)[:-len('.xml')]
        want = read(f'{folder}/{name}.err')
        got = answer(conn, read(case), 0)
        code = want.split('\n', 1)[0]
        ok(got.split('\n', 1)[0] == code,
           f"refused/{name}: refused with libvirtd's code {code}",
           f'vireod: {got}libvirtd: {want}')


def check_validate(conn, folder):
    for case in sorted(glob.glob(f'{folder}/*.xml')):
        name = os.path.basename(case)[:-len('.xml')]
        want = read(f'{folder}/{name}.err')
        got = answer(conn, read(case), libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
        same(got, want,
             f'validate/{name}: define --validate answers as libvirtd')


def main():
    uri, here = sys.argv[1], sys.argv[2]
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open(uri)
    check_good(conn, f'{here}/good')
    check_refused(conn, f'{here}/refused')
    check_validate(conn, f'{here}/validate')
    conn.close()
    print(f'1..{N_CHECKS}')
    sys.exit(1 if N_FAILED else 0)


if __name__ == '__main__':
    main()
