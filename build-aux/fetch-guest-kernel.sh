#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Fetch the Linux kernel the QEMU tests boot: Debian's cloud kernel, with
# the serial console built in and the modules the test guest loads: the
# ACPI power button and evdev, through which busybox acpid sees it, and
# virtio's PCI transport and network driver, with which it asks a
# network's DHCP server for an address, and its block driver, with which
# it reads the disk it is given. ext4, on which a guest's root filesystem
# is mounted from that disk, is built into the kernel (CONFIG_EXT4_FS=y,
# also serving ext2), so no filesystem module is needed.
# Installing linux-image-cloud-amd64 runs a post-install step that fails
# in containers, so its .deb is downloaded (apt-download.sh) and only
# those files are taken out of it. The metapackage names the real package
# (linux-image-RELEASE-cloud-amd64) and its exact version in its Depends.
# Once fetched it stays; delete CACHE_DIR/guest-kernel to fetch anew.
#   build-aux/fetch-guest-kernel.sh CACHE_DIR
# leaves in CACHE_DIR/guest-kernel: vmlinuz, modules/*.ko (button, evdev,
# virtio, virtio_ring, virtio_pci and its two halves, failover,
# net_failover, virtio_net, virtio_blk; decompressed), and VERSION
# (package, version, release). A cache made before a module joined the
# list is fetched again.
set -eu

meta=linux-image-cloud-amd64
modules="kernel/drivers/acpi/button kernel/drivers/input/evdev
kernel/drivers/virtio/virtio kernel/drivers/virtio/virtio_ring
kernel/drivers/virtio/virtio_pci kernel/drivers/virtio/virtio_pci_modern_dev
kernel/drivers/virtio/virtio_pci_legacy_dev kernel/net/core/failover
kernel/drivers/net/net_failover kernel/drivers/net/virtio_net
kernel/drivers/block/virtio_blk"
dest=$1/guest-kernel

cached() {
    [ -f "$dest/vmlinuz" ] || return 1
    for m in $modules; do
        [ -f "$dest/modules/${m##*/}.ko" ] || return 1
    done
}
cached && exit 0

here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/root"

echo "Fetching the test guest's kernel (package $meta, not installed)"
meta_deb=$("$here/apt-download.sh" "$tmp" "$meta")
# "linux-image-6.1.0-57-cloud-amd64 (= 6.1.192-3)": the one dependency.
depends=$(dpkg-deb -f "$meta_deb" Depends)
pkg=${depends%% *}
version=$(echo "$depends" | sed -n 's/.*(= \(.*\))$/\1/p')
case $pkg in
linux-image-*-cloud-amd64) ;;
*) echo "fetch-guest-kernel.sh: $meta depends on '$depends'," \
        "not on one linux-image-*-cloud-amd64" >&2
   exit 1 ;;
esac
deb=$("$here/apt-download.sh" "$tmp" "$pkg${version:+=$version}")
release=${pkg#linux-image-}

patterns="./boot/vmlinuz-$release"
for m in $modules; do
    patterns="$patterns ./lib/modules/$release/$m.ko*"
done
# shellcheck disable=SC2086 # the patterns are words, globbed by tar
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp/root" --wildcards $patterns

mkdir -p "$tmp/out/modules"
mv "$tmp/root/boot/vmlinuz-$release" "$tmp/out/vmlinuz"
for m in $modules; do
    ko=$(ls "$tmp/root/lib/modules/$release/$m".ko*)
    case $ko in
    *.ko) cp "$ko" "$tmp/out/modules/" ;;
    *.ko.xz) xz -dc "$ko" > "$tmp/out/modules/${m##*/}.ko" ;;
    *.ko.zst) zstd -qdc "$ko" > "$tmp/out/modules/${m##*/}.ko" ;;
    *) echo "fetch-guest-kernel.sh: cannot read the module $ko" >&2; exit 1 ;;
    esac
done
echo "$pkg $(dpkg-deb -f "$deb" Version) $release" > "$tmp/out/VERSION"

# Into place in one rename, so that a half-done fetch leaves nothing behind.
mkdir -p "$1"
rm -rf "$dest"
mv "$tmp/out" "$dest"
echo "  $dest/vmlinuz ($(cat "$dest/VERSION"))"
