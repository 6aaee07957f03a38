#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# golden_writer.py URI HERE OUT_DIR ERR_ROOT: libvirtd's answers for the
# corpus, over one python3-libvirt connection to the daemon at URI (see
# make-golden.sh, which runs it against a private libvirtd and says what
# each file holds). Prints one line per file written; exits non-zero if
# libvirtd refused a good case.
import glob
import os
import sys

import libvirt

from corpus_client import answer, no_id, read


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print(path)


def created(conn, case, out_dir, name):
    dom = conn.createXML(read(case), 0)
    xml = dom.XMLDesc(0)
    write(f'{out_dir}/{name}.out.xml', xml)
    write(f'{out_dir}/{name}.id', f'{dom.ID()}\n')
    dom.destroy()


def defined(conn, case, out_dir, name):
    dom = conn.defineXML(read(case))
    out = dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    write(f'{out_dir}/{name}.out.xml', out)
    dom.create()
    # The id a start gets counts the starts before it: left out.
    write(f'{out_dir}/{name}.live.xml', no_id(dom.XMLDesc(0)))
    dom.destroy()
    # Its own output, defined again, is not always a fixed point for
    # libvirt: when it is not, what it then prints is kept too.
    again = conn.defineXML(out).XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    if again != out:
        write(f'{out_dir}/{name}.again.xml', again)
    dom.undefine()


def good_cases(conn, good, out_dir):
    failed = False
    cases = sorted(glob.glob(f'{good}/*.in.xml'))
    # The created cases (those with an .id) go first: the id each gets
    # then counts only their own starts.
    order = ([c for c in cases if os.path.exists(c[:-7] + '.id')] +
             [c for c in cases if not os.path.exists(c[:-7] + '.id')])
    for case in order:
        name = os.path.basename(case)[:-len('.in.xml')]
        try:
            if os.path.exists(f'{good}/{name}.id'):
                created(conn, case, out_dir, name)
            else:
                defined(conn, case, out_dir, name)
        except libvirt.libvirtError as e:
            print(f'{name}: libvirt refused it: {e}', file=sys.stderr)
            failed = True
    return failed


def answers(conn, folder, out_folder, flags):
    os.makedirs(out_folder, exist_ok=True)
    for case in sorted(glob.glob(f'{folder}/*.xml')):
        name = os.path.basename(case)[:-len('.xml')]
        write(f'{out_folder}/{name}.err', answer(conn, read(case), flags))


def main():
    uri, here, out_dir, err_root = sys.argv[1:5]
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open(uri)
    version = conn.getLibVersion()
    if version // 1000 != 9000:
        sys.exit(f'libvirtd {version} is not 9.0, whose output good/ holds')
    failed = good_cases(conn, f'{here}/good', out_dir)
    answers(conn, f'{here}/refused', f'{err_root}/refused', 0)
    answers(conn, f'{here}/validate', f'{err_root}/validate',
            libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
    conn.close()
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
