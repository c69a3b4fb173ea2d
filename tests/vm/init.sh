#!/bin/sh
# /init of the bcf test initramfs (see tests/vm/lib.sh).
/bin/busybox --install -s /bin
export PATH=/bin:/sbin LD_LIBRARY_PATH=/lib HOME=/tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t bpf bpf /sys/fs/bpf
echo
echo "@@BCF-VM-BEGIN@@"
sh /job.sh </dev/null 2>&1
rc=$?
echo "@@BCF-VM-END rc=$rc@@"
sync
reboot -f
