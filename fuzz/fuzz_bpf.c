// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for BPF object input: the bytes are an ELF object as
 * `bcf load` would read it.  Every input goes through the loader's own entry,
 * bcf_loader__object_progs(), on the bytes through a memfd path: it reads the
 * file and validates its structure in process (loader/object_check.c: ELF
 * header, sections, symbols, relocations, .BTF, .BTF.ext); only an object
 * that passes is opened by libbpf, first in a child (libbpf 1.1 segfaults on
 * some malformed objects: those are refused as "libbpf crashed"), then in
 * process to list the programs.  So an input forks only if it passes bcf's
 * validation; the harness calls bcf_loader__object_check() itself too, to
 * know which inputs did.  For those, libbpf's bpf_object__open_mem() parses
 * the same bytes and every program (name, section, type, instructions) and
 * map (name, type, key/value sizes) is read back.
 * Invariants: no crash or sanitizer report; the validation fails with
 * -EINVAL/-EFBIG and a message, and then the loader fails the same way (and
 * open_mem() is not tried: it may crash); otherwise the loader either fails
 * with a negative errno and a message, or lists exactly the programs that
 * open_mem() found, in the same order.  Nothing reaches the kernel: the
 * harness defines syscall() (tests/bpf_eperm.h, as the bcf executable does in
 * cli/bpf_hook.c) and answers every bpf() with EPERM, counting them (opening
 * must not need the kernel).
 *
 * Build and run: make fuzz-bpf (clang, -fsanitize=fuzzer,address,undefined;
 * libbpf itself is not instrumented, so only its crashes are seen).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include <bcf/bcf.h>
#include <bcf/loader.h>
#include "loader/object_check.h"
/* libbpf issues bpf() as syscall(__NR_bpf, ...): never let it reach the kernel. */
#include "tests/bpf_eperm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static unsigned long libbpf_crashes, inputs, validated;

static void report_crashes(void)
{
	fprintf(stderr, "fuzz_bpf: %lu inputs, %lu passed bcf's validation and reached libbpf "
		"(a fork each), %lu of those crashed libbpf in the loader's probe (refused "
		"cleanly)\n", inputs, validated, libbpf_crashes);
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level;
	(void)fmt;
	(void)ap;
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	libbpf_set_print(quiet);
	atexit(report_crashes);
	return 0;
}

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_bpf: %s (%s)\n", what, bcf_last_error());
	abort();
}

#define MAXP 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .object_name = "fuzz");
	struct bpf_object *obj;
	struct bpf_program *p;
	struct bpf_map *m;
	char *names[MAXP], **lnames = NULL, path[64], vmsg[512];
	size_t np = 0, ln = 0, i;
	volatile uint64_t sink = 0;
	int fd, err, verr, opened;

	inputs++;
	verr = bcf_loader__object_check(data, size, "fuzz.o");
	if (verr && ((verr != -EINVAL && verr != -EFBIG) ||
		     !strstr(bcf_last_error(), "fuzz.o: ")))
		fail("validation rejects without -EINVAL/-EFBIG and a message");
	snprintf(vmsg, sizeof(vmsg), "%s", verr ? strchr(bcf_last_error(), ':') : "");
	validated += !verr;

	/* the loader's path: the bytes as a file (validated in process; libbpf probed in a
	 * child only if that passes) */
	fd = memfd_create("fuzz.o", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	err = bcf_loader__object_progs(path, &lnames, &ln);
	close(fd);
	if (err && (err > 0 || !*bcf_last_error()))
		fail("loader rejection without a negative errno and a message");
	if (verr) {
		/* the loader ran the same validation: same errno, same finding */
		if (err != verr || !strstr(bcf_last_error(), vmsg))
			fail("the loader does not reject what its validation rejects");
		goto out;
	}
	if (err && strstr(bcf_last_error(), "libbpf crashed")) {
		libbpf_crashes++; /* libbpf's own bug, refused cleanly: do not repeat it here */
		goto out;
	}

	/* libbpf's open_mem on the same bytes (safe: the probe survived them) */
	obj = bpf_object__open_mem(data, size, &oo);
	opened = obj && !libbpf_get_error(obj);
	if (opened) {
		bpf_object__for_each_program(p, obj) {
			const struct bpf_insn *insn = bpf_program__insns(p);
			size_t k, cnt = bpf_program__insn_cnt(p);
			const char *sec = bpf_program__section_name(p);

			for (k = 0; k < cnt; k++)
				sink += insn[k].code + (uint64_t)insn[k].imm;
			sink += bpf_program__type(p) + (sec ? strlen(sec) : 0);
			if (np < MAXP)
				names[np++] = strdup(bpf_program__name(p));
		}
		bpf_object__for_each_map(m, obj) {
			const char *mn = bpf_map__name(m);

			sink += bpf_map__type(m) + bpf_map__key_size(m) + bpf_map__value_size(m) +
				(mn ? strlen(mn) : 0);
		}
		bpf_object__close(obj);
	}
	if (err) {
		if (opened && np < MAXP && err != -ENOMEM)
			fail("open_mem accepts what the loader rejects");
	} else {
		if (!opened)
			fail("the loader accepts what open_mem rejects");
		if (np < MAXP) {
			if (ln != np)
				fail("the loader lists a different number of programs");
			for (i = 0; i < ln; i++)
				if (strcmp(lnames[i], names[i]))
					fail("the loader lists different programs");
		}
	}
out:
	for (i = 0; i < ln; i++)
		free(lnames[i]);
	free(lnames);
	for (i = 0; i < np; i++)
		free(names[i]);
	(void)sink;
	if (bpf_eperm_calls) {
		fprintf(stderr, "fuzz_bpf: opening an object issued %lu bpf() calls\n",
			bpf_eperm_calls);
		abort();
	}
	return 0;
}
