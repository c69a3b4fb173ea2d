# tests/vm/lib.sh: build an initramfs around bcf and boot a kernel in QEMU (TCG).
# Sourced by the VM tests; needs busybox-static, cpio and qemu-system-x86.
#
# The guest's /init (tests/vm/init.sh) mounts proc, sysfs, devtmpfs, bpffs and
# tmpfs, runs /job.sh with its output between marker lines on the serial
# console, then powers off; the host reads the console log.

# VM_LIBDIR: this directory (set by the sourcing script)
VM_BEGIN='@@BCF-VM-BEGIN@@'
VM_END='@@BCF-VM-END'

# vm_stock_kernel: Debian's newest linux-image-amd64 kernel, or nothing.
vm_stock_kernel() {
	ls /boot/vmlinuz-*-amd64 2>/dev/null | sort -V | tail -1
}

# vm_missing_tools: names of the host tools that are absent (empty when all there).
vm_missing_tools() {
	local t miss=
	for t in qemu-system-x86_64 cpio ldd; do
		command -v "$t" >/dev/null 2>&1 || miss="$miss $t"
	done
	[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx sh ||
		miss="$miss busybox-static"
	echo "${miss# }"
}

# vm_real_binary BIN: the ELF behind a libtool wrapper script (or BIN itself).
vm_real_binary() {
	if head -c 2 "$1" | grep -q '#!'; then
		echo "$(cd "$(dirname "$1")" && pwd)/.libs/$(basename "$1")"
	else
		echo "$1"
	fi
}

# vm_is_sanitized BIN: true when BIN is an AddressSanitizer build.
vm_is_sanitized() {
	local real
	real=$(vm_real_binary "$1")
	LD_LIBRARY_PATH="$(dirname "$real")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ldd "$real" 2>/dev/null |
		grep -q 'libasan' && return 0
	grep -q '__asan_init' "$real" 2>/dev/null
}

# vm_stage_binary STAGE BIN NAME: copy BIN to STAGE/bin/NAME with every shared
# library it needs, each at its own path (the build tree's libbcf in /lib).
vm_stage_binary() {
	local stage=$1 real libdir lib
	real=$(vm_real_binary "$2")
	libdir=$(dirname "$real")
	mkdir -p "$stage/bin" "$stage/lib" || return 1
	cp -L "$real" "$stage/bin/$3" || return 1
	LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ldd "$real" |
		sed -n 's/.*=> *\(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) .*/\1/p' |
		while read -r lib; do
			case $lib in
			"$libdir"/*) cp -L "$lib" "$stage/lib/" ;;
			*) mkdir -p "$stage$(dirname "$lib")" && cp -L "$lib" "$stage$lib" ;;
			esac || exit 1
		done
}

# vm_stage_base STAGE INIT: busybox and the /init script.
vm_stage_base() {
	local stage=$1 d
	for d in bin sbin proc sys dev tmp etc lib; do mkdir -p "$stage/$d" || return 1; done
	cp /bin/busybox "$stage/bin/busybox" && ln -sf busybox "$stage/bin/sh" &&
		cp "$2" "$stage/init" && chmod 755 "$stage/init"
}

# vm_pack STAGE OUT: an uncompressed newc cpio (the kernel unpacks it faster
# under TCG than a gzipped one).
vm_pack() {
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$2"
}

# vm_boot KERNEL INITRD LOG TIMEOUT: boot, console to LOG; 0 if the job ran to its end marker.
vm_boot() {
	timeout -k 5 "$4" qemu-system-x86_64 -m 2048 -smp 1 -accel tcg -kernel "$1" -initrd "$2" \
		-append "console=ttyS0 panic=-1 quiet" -nographic -no-reboot \
		</dev/null >"$3" 2>&1
	grep -q "^$VM_END" "$3"
}

# vm_output LOG: the job's output (between the markers, without CRs).
vm_output() {
	tr -d '\r' <"$1" | sed -n "/$VM_BEGIN/,/^$VM_END/{/$VM_BEGIN/d;/^$VM_END/d;p;}"
}

# vm_job_status LOG: the job's exit status printed with the end marker.
vm_job_status() {
	tr -d '\r' <"$1" | sed -n "s/^$VM_END rc=\([0-9]*\)@@.*/\1/p" | tail -1
}

# vm_section LOG NAME: lines between "@@NAME-BEGIN@@" and "@@NAME-END@@".
vm_section() {
	tr -d '\r' <"$1" | sed -n "/^@@$2-BEGIN@@/,/^@@$2-END@@/{/^@@$2-/d;p;}"
}

# vm_load_job OUT SAVE: the guest job: `bcf load` over every /progs/*.bpf.o
# (pinned under /sys/fs/bpf/NAME), each between "@@LOAD-NAME-BEGIN@@" and
# "@@LOAD-NAME-END@@" with its exit status and the number of pins it left;
# with SAVE=1 each load also runs with --save /tmp/save/NAME and the save
# directory comes back as a base64 gzipped tarball in the SAVE section.
vm_load_job() {
	{
		echo 'mkdir -p /tmp/save'
		echo 'for o in /progs/*.bpf.o; do'
		echo '	n=$(basename "$o" .bpf.o)'
		echo '	echo "@@LOAD-$n-BEGIN@@"'
		if [ "$2" = 1 ]; then
			echo '	bcf load "$o" "/sys/fs/bpf/$n" --save "/tmp/save/$n" 2>&1'
		else
			echo '	bcf load "$o" "/sys/fs/bpf/$n" 2>&1'
		fi
		echo '	echo "exit=$?"'
		echo '	echo "pins=$(ls "/sys/fs/bpf/$n" 2>/dev/null | wc -l)"'
		echo '	echo "@@LOAD-$n-END@@"'
		echo 'done'
		if [ "$2" = 1 ]; then
			echo 'echo "@@SAVE-BEGIN@@"'
			echo 'tar -C /tmp -cz save | base64'
			echo 'echo "@@SAVE-END@@"'
		fi
	} >"$1"
}

# vm_run_loads KERNEL BCF PROGDIR WORKDIR SAVE TIMEOUT: stage bcf and the
# objects, boot KERNEL; the console log is WORKDIR/console.log.  Prints the
# boot's wall time in seconds; fails when the job did not run to its end.
vm_run_loads() {
	local stage="$4/stage" t0 t1
	rm -rf "$stage" && mkdir -p "$stage/progs" || return 1
	vm_stage_base "$stage" "$VM_LIBDIR/init.sh" || return 1
	vm_stage_binary "$stage" "$2" bcf || return 1
	cp "$3"/*.bpf.o "$stage/progs/" || return 1
	vm_load_job "$stage/job.sh" "$5" || return 1
	vm_pack "$stage" "$4/initrd.cpio" || return 1
	t0=$(date +%s)
	vm_boot "$1" "$4/initrd.cpio" "$4/console.log" "$6"
	local rc=$?
	t1=$(date +%s)
	echo $((t1 - t0))
	return $rc
}
