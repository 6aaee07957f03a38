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
# gen_to FILE NAME OPTIONS...: virt-install's document for NAME into FILE.
gen_to() {
    local file=$1 name=$2
    shift 2
    if virt-install "${COMMON[@]}" --name "$name" "$@" > "$file.new"; then
        mv "$file.new" "$file"
    else
        rm -f "$file.new"
        echo "make-corpus.sh: virt-install refused $name" >&2
        status=1
    fi
}
# A case vireo writes as libvirt does (good/), one libvirt refuses
# (refused/), one whose output vireo does not reproduce yet (pending/,
# whose README says why).
gen() { gen_to "$GOOD/vi-$1.in.xml" "$@"; }
gen_refused() { gen_to "$HERE/refused/vi-$1.xml" "$@"; }
gen_pending() { gen_to "$HERE/pending/vi-$1.in.xml" "$@"; }

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
gen_refused iommu "${NONE[@]}" --iommu model=intel,driver.intremap=on
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
gen boot-firmware "${NONE[@]}" \
    --boot firmware=efi,firmware.feature0.name=secure-boot,firmware.feature0.enabled=no
gen_refused watchdog-itco "${NONE[@]}" --watchdog itco,action=reset
gen sound-usb "${NONE[@]}" --sound usb --sound ich7
gen memballoon-stats "${NONE[@]}" --memballoon virtio,stats.period=10,freePageReporting=on
gen controller-usb2 "${NONE[@]}" --controller usb2
gen controller-usb-none "${NONE[@]}" --controller usb,model=none
gen input-tablet "${NONE[@]}" --input tablet,bus=virtio --input tablet,bus=usb
gen graphics-spice-opts "${NONE[@]}" \
    --graphics spice,port=5950,tlsport=5951,listen=0.0.0.0,image.compression=auto_glz,streaming.mode=filter,clipboard.copypaste=no,mouse.mode=client,filetransfer.enable=no
gen graphics-vnc-socket "${NONE[@]}" --graphics vnc,listen=socket
gen graphics-vnc-none "${NONE[@]}" --graphics vnc,listen=none
gen console-pty "${NONE[@]}" --console pty,target.type=serial
gen channel-spicevmc "${NONE[@]}" --graphics spice --channel spicevmc
gen cpu-host-model-features "${NONE[@]}" --cpu host-model,+vmx,-hle,disable=svm,require=aes
gen cpu-custom-features "${NONE[@]}" \
    --cpu Skylake-Client,+vmx,forbid=hle,match=minimum,vendor=Intel
gen serial-tcp "${NONE[@]}" \
    --serial tcp,host=127.0.0.1:4555,mode=bind,protocol.type=telnet
gen serial-udp "${NONE[@]}" --serial udp,host=127.0.0.1:4556
gen disk-ro --network none \
    --disk path=/tmp/r.img,size=1,readonly=on,shareable=on,serial=ABC123,boot.order=1
gen membacking-memfd "${NONE[@]}" --memorybacking source.type=memfd,access.mode=shared
gen video-bochs "${NONE[@]}" --video bochs
gen video-qxl-heads "${NONE[@]}" \
    --video qxl,model.heads=2,model.ram=131072,model.vram=65536,model.vgamem=16384
gen panic-isa "${NONE[@]}" --panic isa,iobase=0x505
gen rng-builtin "${NONE[@]}" --rng builtin
gen vsock-cid "${NONE[@]}" --vsock cid.address=5
gen smartcard-host "${NONE[@]}" --smartcard host
gen redirdev-spice "${NONE[@]}" --redirdev usb,type=spicevmc --redirdev usb,type=spicevmc
gen sysinfo-smbios "${NONE[@]}" --sysinfo host
gen clock-timers "${NONE[@]}" --clock offset=utc,kvmclock_present=no,tsc_present=yes
gen net-network-opts --disk none \
    --network network=default,model=virtio,mac=52:54:00:aa:bb:cc,link_state=down,mtu.size=1400,boot.order=2
gen features-misc "${NONE[@]}" \
    --features kvm.hint-dedicated.state=on,gic.version=host,vmcoreinfo.state=on,pvspinlock.state=off
gen pm-both "${NONE[@]}" --pm suspend_to_mem=no,suspend_to_disk=yes
gen filesystem-ram "${NONE[@]}" \
    --filesystem type=ram,source.usage=1024,source.units=MiB,target=/ram
gen filesystem-ro "${NONE[@]}" \
    --filesystem /src,/dst,readonly=on,driver.type=path,driver.wrpolicy=immediate
gen_refused audio "${NONE[@]}" --sound ich9,audio.id=1
gen iommu-virtio "${NONE[@]}" --iommu model=virtio
gen shmem-server "${NONE[@]}" \
    --shmem name=shm1,model.type=ivshmem-doorbell,server.path=/tmp/ivsh,msi.vectors=4,msi.ioeventfd=on
exit "$status"
