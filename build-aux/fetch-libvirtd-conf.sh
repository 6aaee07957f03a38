#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fetch Debian's own /etc/libvirt/libvirtd.conf, which the tests load to show
# that an operator's copied libvirtd.conf starts vireod. It ships in
# libvirt-daemon-system, which we never install (it would pull in and start
# services): apt-get download fetches the .deb alone, and only that one file
# is taken out of it. Once fetched it stays; delete CACHE_DIR to fetch anew.
# The download is apt-download.sh's.
#   build-aux/fetch-libvirtd-conf.sh CACHE_DIR
# leaves CACHE_DIR/libvirt-daemon-system/etc/libvirt/libvirtd.conf and, beside
# etc/, VERSION (the package's version).
set -eu

pkg=libvirt-daemon-system
dest=$1/$pkg
[ -f "$dest/etc/libvirt/libvirtd.conf" ] && exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Fetching Debian's libvirtd.conf (package $pkg, not installed)"
deb=$("$(dirname "$0")/apt-download.sh" "$tmp" "$pkg")
mkdir -p "$tmp/root"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp/root" ./etc/libvirt/libvirtd.conf
dpkg-deb -f "$deb" Version > "$tmp/root/VERSION"

# Into place in one rename, so that a half-done fetch leaves nothing behind.
mkdir -p "$1"
rm -rf "$dest"
mv "$tmp/root" "$dest"
echo "  $dest/etc/libvirt/libvirtd.conf ($pkg $(cat "$dest/VERSION"))"
