#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-corpus.sh: write the virt-install part of the corpus, the inputs
# good/vi-<case>.in.xml, as users make them: `virt-install --print-xml`
# (Debian 12's virtinst 4.1) against libvirt's test:///default, one option
# set per case below. virt-install makes up a UUID and MACs each time, so
# a rerun changes the inputs: then run make-golden.sh for their outputs.
#
#     bash tests/xml/make-corpus.sh && bash tests/xml/make-golden.sh
#
# Hand-written cases (good/hw-*.in.xml) cover what virt-install does not
# write; a case libvirt refuses goes to refused/ instead (make-golden.sh
# records libvirt's error for it).
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GOOD=$HERE/good
COMMON=(--connect test:///default --print-xml --import --osinfo linux2020
        --memory 512 --noautoconsole)
NONE=(--disk none --network none)

status=0
gen() {
    local name=$1
    shift
    if virt-install "${COMMON[@]}" --name "$name" "$@" \
            > "$GOOD/vi-$name.in.xml.new"; then
        mv "$GOOD/vi-$name.in.xml.new" "$GOOD/vi-$name.in.xml"
    else
        rm -f "$GOOD/vi-$name.in.xml.new"
        echo "make-corpus.sh: virt-install refused $name" >&2
        status=1
    fi
}

gen disk-virtio --network none --disk \
    path=/var/lib/x.qcow2,size=1,bus=virtio,format=qcow2,cache=none,io=native,discard=unmap
gen disk-scsi --network none --controller type=scsi,model=virtio-scsi \
    --disk path=/var/lib/x.raw,size=1,bus=scsi,format=raw
gen disk-default --network network=default --disk size=1
gen disk-sata-cdrom --network none --disk device=cdrom,bus=sata
gen floppy --network none --disk device=floppy,path=/tmp/f.img,size=1
gen disk-usb --network none --disk path=/tmp/u.img,size=1,bus=usb,removable=on
gen net-bridge --disk none --network bridge=br0,model=virtio,mac=52:54:00:11:22:33
gen net-user --disk none --network user,model=rtl8139
gen net-direct --disk none --network type=direct,source=eth0,source.mode=vepa,model=virtio
gen net-multi --disk none --network network=default,model=e1000e \
    --network bridge=br1,model=virtio,driver.queues=4
gen graphics-vnc "${NONE[@]}" \
    --graphics vnc,listen=0.0.0.0,port=5901,keymap=en-us,password=secret
gen graphics-spice "${NONE[@]}" --graphics spice,listen=127.0.0.1,gl.enable=no --video qxl
gen graphics-none "${NONE[@]}" --graphics none
gen video-virtio "${NONE[@]}" --video virtio
gen video-vga "${NONE[@]}" --video vga,heads=1,vram=16384
gen sound "${NONE[@]}" --sound ich9 --sound ac97
gen watchdog "${NONE[@]}" --watchdog i6300esb,action=poweroff
gen tpm "${NONE[@]}" --tpm /dev/tpm0
gen tpm-emu "${NONE[@]}" --tpm emulator,model=tpm-crb,version=2.0
gen rng "${NONE[@]}" --rng /dev/urandom
gen rng-egd "${NONE[@]}" \
    --rng egd,backend_host=127.0.0.1,backend_service=8000,backend_type=udp
gen filesystem "${NONE[@]}" --filesystem /src,/dst \
    --filesystem source=/a,target=/b,accessmode=mapped,driver.type=virtiofs
gen smartcard "${NONE[@]}" --smartcard passthrough,type=spicevmc
gen redirdev "${NONE[@]}" --redirdev usb,type=tcp,server=localhost:4000
gen panic "${NONE[@]}" --panic default
gen memballoon "${NONE[@]}" --memballoon virtio,autodeflate=on
gen memballoon-none "${NONE[@]}" --memballoon none
gen controllers "${NONE[@]}" --controller usb3 \
    --controller type=scsi,model=virtio-scsi --controller virtio-serial
gen channels "${NONE[@]}" \
    --channel unix,target_type=virtio,name=org.qemu.guest_agent.0 \
    --channel spicevmc --console pty,target_type=virtio \
    --serial file,path=/tmp/s.log --parallel pty
gen boot-opts "${NONE[@]}" --boot hd,cdrom,network,menu=on,useserial=on
gen boot-uefi "${NONE[@]}" --boot \
    loader=/usr/share/OVMF/OVMF_CODE.fd,loader.readonly=yes,loader.type=pflash,nvram=/var/lib/nvram.fd
gen boot-kernel "${NONE[@]}" \
    --boot kernel=/boot/vmlinuz,initrd=/boot/initrd,kernel_args="console=ttyS0"
gen cpu-topo "${NONE[@]}" --vcpus 8,maxvcpus=16,sockets=2,cores=4,threads=2 \
    --cpu host-passthrough
gen cpu-model "${NONE[@]}" --cpu Haswell,+vmx,-hle,match=exact
gen cpu-numa "${NONE[@]}" --vcpus 4 \
    --cpu host-model,cell0.memory=262144,cell0.cpus=0-1,cell1.memory=262144,cell1.cpus=2-3
gen membacking "${NONE[@]}" --memorybacking hugepages=on,nosharepages=on,locked=on
gen features "${NONE[@]}" --features \
    acpi=on,apic=on,hyperv.relaxed.state=on,hyperv.vapic.state=on,hyperv.spinlocks.state=on,hyperv.spinlocks.retries=8191,kvm.hidden.state=on,vmport.state=off,smm.state=on,pmu.state=off,ioapic.driver=qemu
gen clock "${NONE[@]}" \
    --clock offset=localtime,rtc_tickpolicy=catchup,pit_tickpolicy=delay,hpet_present=no
gen events "${NONE[@]}" \
    --events on_poweroff=destroy,on_reboot=restart,on_crash=coredump-restart
gen sysinfo "${NONE[@]}" --sysinfo \
    bios.vendor=Acme,system.manufacturer=Acme,system.product=Box,system.serial=1234,baseBoard.manufacturer=Acme
gen iommu "${NONE[@]}" --iommu model=intel,driver.intremap=on
gen vsock "${NONE[@]}" --vsock cid.auto=yes
gen shmem "${NONE[@]}" --shmem name=shm0,model.type=ivshmem-plain,size=4,size.unit=M
gen input "${NONE[@]}" --input keyboard,bus=virtio --input mouse,bus=ps2
gen pm "${NONE[@]}" --pm suspend_to_mem=yes,suspend_to_disk=no
gen resource "${NONE[@]}" --resource partition=/machine
gen idmap "${NONE[@]}" \
    --idmap uid.start=0,uid.target=1000,uid.count=10,gid.start=0,gid.target=1000,gid.count=10
gen seclabel "${NONE[@]}" \
    --seclabel type=static,label=system_u:system_r:svirt_t:s0:c1,relabel=yes
gen keywrap "${NONE[@]}" --keywrap cipher0.name=aes,cipher0.state=on
gen memdev "${NONE[@]}" --memdev dimm,target.size=512,target.node=0 \
    --vcpus 2 --cpu cell0.memory=524288,cell0.cpus=0-1 --memory 512,maxmemory=2048
gen metadata "${NONE[@]}" --metadata title="My VM",description="A test"
exit "$status"
