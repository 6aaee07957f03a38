#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Download one Debian package's .deb into a directory, never installing it,
# and print the .deb's path. Used to take single files out of packages the
# tests need but that must not be installed here.
# If the download fails, root updates the package lists and tries again;
# any other user is told what to run.
#   build-aux/apt-download.sh DIR PACKAGE[=VERSION]
set -eu

dir=$1
pkg=$2
# apt drops to the user _apt to download; let it write there.
if [ "$(id -u)" -eq 0 ] && id _apt > /dev/null 2>&1; then
    chown _apt "$dir"
fi

download() {
    (cd "$dir" && apt-get download -qq "$pkg") > /dev/null
}

if ! download; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "vireo's tests need files from the Debian package ${pkg%%=*}; as root, run:" >&2
        echo "  apt-get update && make test-deps" >&2
        exit 1
    fi
    apt-get update -qq
    download
fi
ls "$dir/${pkg%%=*}"_*.deb
