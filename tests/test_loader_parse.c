// SPDX-License-Identifier: MIT
/*
 * The loader's object parsing on malformed BPF objects.  fuzz/fuzz_bpf.c
 * found that Debian's libbpf 1.1 segfaults in bpf_object__open_mem/open_file
 * when one byte of the .BTF section of corpus/progs/varvar_map.bpf.o (byte
 * 290 of the section, the type of a BTF type record; file offset 1230 in the
 * build the fuzzer saw) is 0xff: a type id out of range.  bcf now validates
 * every object's structure in process before libbpf sees it
 * (loader/object_check.c); bcf_loader__object_progs() (which `bcf load`
 * runs first on every object) must refuse that object and one case of every
 * other malformation the validation covers with -EINVAL and a message naming
 * the offset and the structure, instead of crashing.  The cases are built
 * here from the pristine object, whose sections are looked up in the section
 * headers (their offsets move with the build directory: DWARF and BTF
 * strings hold paths).  The pristine object passes and still lists its
 * program.  Nothing may reach the kernel: bpf() is answered with EPERM here.
 * Skipped when the object is not built (no clang) or differs from the one
 * the case was derived from.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bcf/bcf.h>
#include <bcf/loader.h>
#include "loader/object_check.h"
#include "tests/bpf_eperm.h"
#include "tests/tap.h"

#define OBJ "corpus/progs/varvar_map.bpf.o"
#define OBJ_MAX 65536
#define BTF_BAD 290 /* offset of the bad byte inside .BTF */

static uint64_t rd(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* File offset of the ELF64 little-endian section named .BTF, or 0. */
static size_t btf_offset(const unsigned char *b, size_t len)
{
	uint64_t shoff, stroff, off, noff;
	unsigned shentsize, shnum, shstrndx, i;

	if (len < 64 || memcmp(b, "\177ELF\2\1", 6))
		return 0;
	shoff = rd(b + 40, 8);
	shentsize = rd(b + 58, 2);
	shnum = rd(b + 60, 2);
	shstrndx = rd(b + 62, 2);
	if (shentsize != 64 || shstrndx >= shnum || shoff > len ||
	    (uint64_t)shnum * 64 > len - shoff)
		return 0;
	stroff = rd(b + shoff + (uint64_t)shstrndx * 64 + 24, 8);
	for (i = 0; i < shnum; i++) {
		const unsigned char *sh = b + shoff + (uint64_t)i * 64;

		noff = stroff + rd(sh, 4);
		off = rd(sh + 24, 8);
		if (noff + 5 <= len && !memcmp(b + noff, ".BTF", 5) && off < len)
			return off;
	}
	return 0;
}

static void wr(unsigned char *p, unsigned n, uint64_t v)
{
	while (n--) {
		*p++ = (unsigned char)v;
		v >>= 8;
	}
}

static unsigned char obj[OBJ_MAX];
static size_t obj_len;

/* file offset of section i's header, of its contents, its size; 0 if absent */
static size_t shdr(unsigned i)
{
	return rd(obj + 40, 8) + (size_t)i * 64;
}

static unsigned sec_index(const char *name)
{
	unsigned shnum = rd(obj + 60, 2), i;
	size_t strs = rd(obj + shdr(rd(obj + 62, 2)) + 24, 8);

	for (i = 1; i < shnum; i++)
		if (!strcmp((const char *)obj + strs + rd(obj + shdr(i), 4), name))
			return i;
	return 0;
}

static size_t sec_off(unsigned i)
{
	return rd(obj + shdr(i) + 24, 8);
}

/* Write a case object to a new file from tmpl ("...XXXXXX"); 0 or -1. */
static int write_case(char *tmpl, const unsigned char *b, size_t len)
{
	int fd = mkstemp(tmpl);

	if (fd < 0)
		return -1;
	if (write(fd, b, len) != (ssize_t)len) {
		close(fd);
		unlink(tmpl);
		return -1;
	}
	return close(fd);
}

static void free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* One malformation: a copy of the object with mutate() applied must be refused
 * by the validation and by the loader with -EINVAL and a message holding want. */
static void refused(const char *what, void (*mutate)(unsigned char *b, size_t *len),
		    const char *want)
{
	static unsigned char b[OBJ_MAX];
	char tmpl[] = "/tmp/test_loader_parse.XXXXXX", **names = NULL, msg[512];
	size_t len = obj_len, n = 0;
	int err;

	memcpy(b, obj, obj_len);
	mutate(b, &len);
	err = bcf_loader__object_check(b, len, "case.o");
	snprintf(msg, sizeof(msg), "%s", bcf_last_error());
	ok(err == -EINVAL && strstr(msg, "case.o: malformed BPF object: offset 0x") &&
	   strstr(msg, want), "%s: validation refuses it with -EINVAL, '%s' (%d: %s)", what, want,
	   err, msg);
	if (write_case(tmpl, b, len)) {
		ok(0, "%s: cannot write %s", what, tmpl);
		return;
	}
	err = bcf_loader__object_progs(tmpl, &names, &n);
	ok(err == -EINVAL && strstr(bcf_last_error(), tmpl) && strstr(bcf_last_error(), want) &&
	   !names && !n, "%s: the loader refuses it the same way, no program list (%d: %s)",
	   what, err, bcf_last_error());
	unlink(tmpl);
}

static void m_btf_byte(unsigned char *b, size_t *len)
{
	(void)len;
	b[sec_off(sec_index(".BTF")) + BTF_BAD] = 0xff; /* the fuzzer's finding */
}

static void m_truncated(unsigned char *b, size_t *len)
{
	(void)b;
	*len = 200; /* the section headers are past the end */
}

static void m_shstrndx(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + 62, 2, rd(b + 60, 2));
}

static void m_sec_outside(unsigned char *b, size_t *len)
{
	wr(b + shdr(sec_index(".BTF")) + 24, 8, *len - 8);
}

static void m_sec_name(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + shdr(sec_index(".maps")), 4, 0xfffff);
}

static void m_two_symtabs(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + shdr(sec_index(".debug_frame")) + 4, 4, 2 /* SHT_SYMTAB */);
}

static void m_sym_name(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + sec_off(sec_index(".symtab")) + 24, 4, 0x7fffffff);
}

static void m_sym_shndx(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + sec_off(sec_index(".symtab")) + 24 + 6, 2, 0x7000);
}

static void m_rel_sym(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + sec_off(sec_index(".relsocket")) + 12, 4, 0xfffff);
}

static void m_rel_off(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + sec_off(sec_index(".relsocket")), 8, 0x100000);
}

static void m_btf_strlen(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + sec_off(sec_index(".BTF")) + 20, 4, 0x10000);
}

/* File offset of .BTF type 1's record: after the header (hdr_len) at type_off. */
static size_t btf_type1(const unsigned char *b)
{
	size_t h = sec_off(sec_index(".BTF"));

	return h + rd(b + h + 4, 4) + rd(b + h + 8, 4);
}

static void m_btf_kind(unsigned char *b, size_t *len)
{
	(void)len;
	/* the first type record's info word: kind 31 */
	b[btf_type1(b) + 7] = 31;
}

/* The encoding word of .BTF type 2, a 4-byte signed int in the object the
 * cases were derived from (type 1 is a pointer: a record of 12 bytes). */
static size_t int2_enc(const unsigned char *b)
{
	return btf_type1(b) + 12 + 12;
}

static bool int2_is_int(const unsigned char *b)
{
	size_t e = int2_enc(b);

	return (rd(b + e - 8, 4) >> 24 & 0x1f) == 1 && rd(b + e - 4, 4) == 4;
}

static void m_btf_int_field(unsigned char *b, size_t *len)
{
	(void)len;
	/* a bit field at offset 24 of 16 bits: 40 bits in a 4-byte int */
	wr(b + int2_enc(b), 4, 0x01180010);
}

/* .BTF type 1 (a pointer in the object) made a RESTRICT of itself, the
 * shape of fuzz_bpf's finding: libbpf 1.1 follows it forever while parsing
 * the map definitions that refer to type 1. */
static void m_btf_loop(unsigned char *b, size_t *len)
{
	size_t t1 = btf_type1(b);

	(void)len;
	wr(b + t1 + 4, 4, 11u << 24);
	wr(b + t1 + 8, 4, 1);
}

static size_t func_info(const unsigned char *b)
{
	size_t x = sec_off(sec_index(".BTF.ext"));

	return x + rd(b + x + 4, 4) + rd(b + x + 8, 4);
}

static void m_ext_recsize(unsigned char *b, size_t *len)
{
	(void)len;
	wr(b + func_info(b), 4, 3);
}

static void m_ext_type(unsigned char *b, size_t *len)
{
	(void)len;
	/* record size, section name, count, then record 0 {insn_off, type_id} */
	wr(b + func_info(b) + 16, 4, 0xffff);
}

/*
 * fuzz_bpf (this session's campaign, execution 1,970,404): an object whose
 * .BTF integer type 2 has a size of 0xfffe0000 bytes.  libbpf 1.1 opens it,
 * then bpf_object__next_program() walks into a wild pointer: a SEGV in
 * bcf_loader__object_progs, in process, since the probe child had only
 * opened the object.  The validation now refuses such integers (size 1, 2,
 * 4, 8 or 16; the bit field inside), and the probe child walks the programs
 * and maps as well as opening them, for what the validation does not cover.
 * The object is committed with the fuzzer's seeds.
 */
static void libbpf_walk_crash(void)
{
	const char *src = getenv("BCF_SRCDIR");
	char path[4096], **names = NULL;
	size_t n = 0;
	int err;

	snprintf(path, sizeof(path), "%s/fuzz/bpf-seeds/regress-libbpf-next-program",
		 src ? src : "..");
	if (access(path, R_OK)) {
		ok(0, "%s is readable (the regression object is committed)", path);
		return;
	}
	err = bcf_loader__object_progs(path, &names, &n);
	ok(err == -EINVAL && strstr(bcf_last_error(), "offset 0x2d8: .BTF: integer type 2: size "
						       "4294836224"),
	   "a .BTF integer of 0xfffe0000 bytes (libbpf 1.1 opens it, then segfaults walking "
	   "the programs) is refused in process (%d: %s)", err, err ? bcf_last_error() : "listed");
	free_names(names, n);
}

/*
 * A BTF int with a nonzero bit offset is valid (the kernel's BTF loader asks
 * only that offset + bits fit in 128 bits and in the int's size): a signed
 * 8-bit field at bit 8 of the 4-byte type 2 passes the validation, and the
 * loader lists the programs.
 */
static void btf_int_offset(void)
{
	static unsigned char b[OBJ_MAX];
	char tmpl[] = "/tmp/test_loader_parse.XXXXXX", **names = NULL;
	size_t n = 0;
	int err;

	memcpy(b, obj, obj_len);
	if (!int2_is_int(b)) {
		ok(0, ".BTF type 2 is a 4-byte int in %s (the case is derived from it)", OBJ);
		return;
	}
	wr(b + int2_enc(b), 4, 0x01080008);
	err = bcf_loader__object_check(b, obj_len, "case.o");
	ok(!err, "a .BTF int bit field at offset 8 passes the validation (%d: %s)", err,
	   err ? bcf_last_error() : "");
	if (write_case(tmpl, b, obj_len)) {
		ok(0, "cannot write %s", tmpl);
		return;
	}
	err = bcf_loader__object_progs(tmpl, &names, &n);
	ok(!err && n >= 1, "the loader lists its %zu program(s) (%d: %s)", n, err,
	   err ? bcf_last_error() : "");
	free_names(names, n);
	unlink(tmpl);
}

/*
 * fuzz_bpf (CI's smoke run of this session): libbpf 1.1 looped forever in
 * the probe child on a RESTRICT that refers to itself, and the loader waited
 * for the child without a limit.  The validation now refuses loops of type
 * references (above); the probe itself kills a child that takes longer than
 * its time limit, which this checks by probing the looping object directly,
 * as if the validation had let it through.
 */
static void probe_hang(void)
{
	static unsigned char b[OBJ_MAX];
	char tmpl[] = "/tmp/test_loader_parse.XXXXXX";
	size_t len = obj_len;
	int err;

	memcpy(b, obj, obj_len);
	m_btf_loop(b, &len);
	if (write_case(tmpl, b, len)) {
		ok(0, "cannot write %s", tmpl);
		return;
	}
	err = bcf_loader__object_probe(tmpl, 1000);
	ok(err == -EINVAL && strstr(bcf_last_error(), "libbpf did not finish opening the object "
						       "in 1000 ms (probe killed)"),
	   "a libbpf hang in the probe child is refused after the probe's time limit (%d: %s)",
	   err, err ? bcf_last_error() : "opened");
	unlink(tmpl);
}

int main(void)
{
	char **names = NULL;
	size_t n = 0, bad = 0;
	FILE *f = fopen(OBJ, "rb");
	int err;

	obj_len = f ? fread(obj, 1, sizeof(obj), f) : 0;
	if (f)
		fclose(f);
	if (obj_len && obj_len < sizeof(obj))
		bad = btf_offset(obj, obj_len) + BTF_BAD;
	if (bad <= BTF_BAD || bad >= obj_len || obj[bad] != 0 || !sec_index(".relsocket") ||
	    !sec_index(".BTF.ext") || !sec_index(".debug_frame") || !sec_index(".symtab")) {
		printf("1..0 # SKIP %s not built or not the object the cases were derived from\n",
		       OBJ);
		return 0;
	}

	err = bcf_loader__object_check(obj, obj_len, OBJ);
	ok(!err, "the pristine object passes the validation (%d: %s)", err,
	   err ? bcf_last_error() : "");
	err = bcf_loader__object_progs(OBJ, &names, &n);
	ok(!err && n >= 1, "the pristine object lists %zu program(s) (%d: %s)", n, err,
	   err ? bcf_last_error() : "");
	free_names(names, n);

	refused("one bad .BTF byte (libbpf 1.1 segfaults)", m_btf_byte,
		".BTF: type 14: its type refers to type");
	refused("truncated object", m_truncated, "section headers");
	refused("section name table index", m_shstrndx, "section name table index");
	refused(".BTF contents past the end", m_sec_outside, "outside the file");
	refused("section name offset", m_sec_name, "name offset 1048575 outside the section name");
	refused("two symbol tables", m_two_symtabs, "a second symbol table");
	refused("symbol name offset", m_sym_name, "symbol 1: name offset");
	refused("symbol section index", m_sym_shndx, "symbol 1: section index 28672");
	refused("relocation symbol index", m_rel_sym, "relocation 0: symbol 1048575");
	refused("relocation offset", m_rel_off, "relocation 0: offset 1048576 outside section");
	refused(".BTF string length", m_btf_strlen, "or strings");
	refused(".BTF unknown kind", m_btf_kind, ".BTF: type 1: unknown kind 31");
	refused(".BTF.ext record size", m_ext_recsize, "func_info record size 3");
	refused(".BTF.ext type id", m_ext_type, "func_info record 0: type 65535");
	btf_int_offset();
	refused(".BTF loop of type references", m_btf_loop,
		".BTF: type 1: a loop of type references comes back to it");
	probe_hang();
	refused(".BTF int bit field past its size", m_btf_int_field,
		".BTF: integer type 2: encoding 0x01180010 does not fit its 4 bytes");
	libbpf_walk_crash();
	ok(bpf_eperm_calls == 0, "opening objects issued no bpf() call (%lu)", bpf_eperm_calls);
	return done_testing();
}
