// SPDX-License-Identifier: MIT
/*
 * Structural validation of a BPF object before libbpf sees it.  Debian's
 * libbpf 1.1 trusts much of the ELF and BTF it parses (a type id out of
 * range in .BTF makes bpf_object__open_file segfault, tests/test_loader_parse),
 * so bcf checks, in process and without libelf:
 *  - the ELF header: ELF64, little endian, version 1, ET_REL, machine BPF
 *    (or none), 64-byte section headers inside the file, shstrndx valid;
 *  - every section: contents inside the file (but SHT_NOBITS), its name a
 *    NUL-terminated string of the section-name table;
 *  - the symbol table (at most one): 24-byte entries, linked to a string
 *    table, every name in it, every section index valid;
 *  - every SHT_REL section: 16-byte entries, linked to the symbol table,
 *    applying to a valid section, symbol index and offset in range;
 *  - .BTF: header (magic, version, lengths), string table framed by NULs,
 *    every type record complete and of a known kind, every name offset in
 *    the string table, every referenced type id defined, FUNC -> FUNC_PROTO,
 *    DATASEC entries -> VAR or FUNC;
 *  - .BTF.ext: header, func_info / line_info / CO-RE relocation blocks
 *    (record sizes, section records inside the block, names in .BTF's
 *    strings, type ids defined).
 * Passing rules out these malformations only: the loader still opens the
 * object in a child first (loader/object.c).  Byte order: read explicitly as
 * little endian, the only order accepted.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/error.h"
#include "loader/object_check.h"

struct obj {
	const uint8_t *d;
	size_t size;
	const char *name;
	uint64_t shoff;
	unsigned shnum;
	/* .BTF as parsed, for .BTF.ext */
	bool has_btf;
	uint32_t btf_str_len, btf_ntypes;
};

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static int bad(const struct obj *o, uint64_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(const struct obj *o, uint64_t off, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return bcf__err(-EINVAL, "%s: malformed BPF object: offset 0x%llx: %s", o->name,
			(unsigned long long)off, msg);
}

/* [off, off + len) inside [0, lim) without overflow */
static bool in(uint64_t off, uint64_t len, uint64_t lim)
{
	return off <= lim && len <= lim - off;
}

/* ---- ELF ------------------------------------------------------------------ */

#define EHDR_SIZE 64
#define SHDR_SIZE 64
#define SYM_SIZE 24
#define REL_SIZE 16
#define SHT_SYMTAB_ 2
#define SHT_STRTAB_ 3
#define SHT_REL_ 9
#define SHT_NOBITS_ 8
#define SHN_LORESERVE_ 0xff00
#define SHN_ABS_ 0xfff1
#define SHN_COMMON_ 0xfff2
#define ET_REL_ 1
#define EM_BPF_ 247

struct shdr {
	uint32_t name, type;
	uint64_t off, size;
	uint32_t link, info;
	uint64_t entsize;
	uint64_t hoff; /* file offset of the header itself */
};

static struct shdr sh(const struct obj *o, unsigned i)
{
	const uint8_t *p = o->d + o->shoff + (uint64_t)i * SHDR_SIZE;
	struct shdr s = {
		.name = rd32(p), .type = rd32(p + 4), .off = rd64(p + 24), .size = rd64(p + 32),
		.link = rd32(p + 40), .info = rd32(p + 44), .entsize = rd64(p + 56),
		.hoff = o->shoff + (uint64_t)i * SHDR_SIZE,
	};

	return s;
}

/* a NUL-terminated string at off inside [base, base + len) */
static bool str_ok(const struct obj *o, uint64_t base, uint64_t len, uint64_t off)
{
	return off < len && memchr(o->d + base + off, 0, len - off);
}

static int check_symtab(const struct obj *o, const struct shdr *s, unsigned idx, uint64_t *nsyms)
{
	struct shdr str;
	uint64_t i, n;

	if (s->entsize != SYM_SIZE || s->size % SYM_SIZE)
		return bad(o, s->hoff, "section %u: symbol table entry size %llu, size %llu", idx,
			   (unsigned long long)s->entsize, (unsigned long long)s->size);
	if (!s->link || s->link >= o->shnum || (str = sh(o, s->link)).type != SHT_STRTAB_)
		return bad(o, s->hoff, "section %u: symbol table linked to section %u, not a "
			   "string table", idx, s->link);
	n = s->size / SYM_SIZE;
	for (i = 0; i < n; i++) {
		const uint8_t *p = o->d + s->off + i * SYM_SIZE;
		uint32_t name = rd32(p);
		uint16_t shndx = rd16(p + 6);

		if (name && !str_ok(o, str.off, str.size, name))
			return bad(o, s->off + i * SYM_SIZE, "symbol %llu: name offset %u outside "
				   "the string table (%llu bytes) or unterminated",
				   (unsigned long long)i, name, (unsigned long long)str.size);
		if (shndx >= o->shnum && shndx != SHN_ABS_ && shndx != SHN_COMMON_)
			return bad(o, s->off + i * SYM_SIZE + 6, "symbol %llu: section index %u of "
				   "%u sections", (unsigned long long)i, shndx, o->shnum);
	}
	*nsyms = n;
	return 0;
}

static int check_rel(const struct obj *o, const struct shdr *s, unsigned idx, unsigned symtab,
		     uint64_t nsyms)
{
	struct shdr t;
	uint64_t i, n;

	if (s->entsize != REL_SIZE || s->size % REL_SIZE)
		return bad(o, s->hoff, "section %u: relocation entry size %llu, size %llu", idx,
			   (unsigned long long)s->entsize, (unsigned long long)s->size);
	if (s->link != symtab || !symtab)
		return bad(o, s->hoff, "section %u: relocations linked to section %u, not the "
			   "symbol table", idx, s->link);
	if (!s->info || s->info >= o->shnum)
		return bad(o, s->hoff, "section %u: relocations apply to section %u of %u", idx,
			   s->info, o->shnum);
	t = sh(o, s->info);
	n = s->size / REL_SIZE;
	for (i = 0; i < n; i++) {
		const uint8_t *p = o->d + s->off + i * REL_SIZE;
		uint64_t off = rd64(p), sym = rd64(p + 8) >> 32;

		if (sym >= nsyms)
			return bad(o, s->off + i * REL_SIZE + 8, "relocation %llu: symbol %llu of "
				   "%llu", (unsigned long long)i, (unsigned long long)sym,
				   (unsigned long long)nsyms);
		if (off >= t.size)
			return bad(o, s->off + i * REL_SIZE, "relocation %llu: offset %llu outside "
				   "section %u (%llu bytes)", (unsigned long long)i,
				   (unsigned long long)off, s->info, (unsigned long long)t.size);
	}
	return 0;
}

/* ---- BTF ------------------------------------------------------------------ */

enum {
	K_INT = 1, K_PTR, K_ARRAY, K_STRUCT, K_UNION, K_ENUM, K_FWD, K_TYPEDEF, K_VOLATILE,
	K_CONST, K_RESTRICT, K_FUNC, K_FUNC_PROTO, K_VAR, K_DATASEC, K_FLOAT, K_DECL_TAG,
	K_TYPE_TAG, K_ENUM64, K_MAX = K_ENUM64
};

/* bytes after the 12-byte common record, or -1 for an unknown kind */
static int64_t btf_extra(unsigned kind, unsigned vlen)
{
	switch (kind) {
	case K_INT: case K_VAR: case K_DECL_TAG: return 4;
	case K_ARRAY: return 12;
	case K_STRUCT: case K_UNION: case K_DATASEC: case K_ENUM64: return 12ll * vlen;
	case K_ENUM: case K_FUNC_PROTO: return 8ll * vlen;
	case K_PTR: case K_FWD: case K_TYPEDEF: case K_VOLATILE: case K_CONST: case K_RESTRICT:
	case K_FUNC: case K_FLOAT: case K_TYPE_TAG: return 0;
	default: return -1;
	}
}

struct btf {
	uint64_t types, types_len, strs, str_len; /* file offsets and lengths */
	uint32_t n;                                /* type records (ids 1..n) */
	uint8_t *kind;                             /* kind of each id, [0] = void */
	uint32_t *next;   /* the one type a pointer, typedef, modifier, tag, variable,
			   * function or array (element) refers to, else 0 */
	uint64_t *next_at; /* file offset of that reference */
};

/* record next[id] (second walk only, with b->kind) */
static void btf_link(struct btf *b, uint32_t id, uint32_t ref, uint64_t at)
{
	b->next[id] = ref;
	b->next_at[id] = at;
}

static int btf_type_ref(const struct obj *o, const struct btf *b, uint64_t at, uint32_t id,
			uint32_t ref, const char *what)
{
	if (ref > b->n)
		return bad(o, at, ".BTF: type %u: %s refers to type %u of %u", id, what, ref, b->n);
	return 0;
}

static int btf_name(const struct obj *o, const struct btf *b, uint64_t at, uint32_t id,
		    uint32_t name)
{
	if (name >= b->str_len)
		return bad(o, at, ".BTF: type %u: name offset %u outside the strings (%llu bytes)",
			   id, name, (unsigned long long)b->str_len);
	return 0;
}

/*
 * An integer type: a size of 1, 2, 4, 8 or 16 bytes, no reserved encoding bits
 * (8-15, 28-31), and a bit field (offset,
 * bits) of at most 128 bits inside it, as the kernel's BTF loader requires.
 * libbpf 1.1 takes the size as given: an int of 0xfffe0000 bytes made it walk
 * its program list into a wild pointer after a successful open (found by
 * fuzz/fuzz_bpf.c).
 */
static int btf_int(const struct obj *o, uint64_t at, uint32_t id, uint32_t size, uint32_t enc)
{
	uint32_t bits = enc & 0xff, off = enc >> 16 & 0xff;

	if (size != 1 && size != 2 && size != 4 && size != 8 && size != 16)
		return bad(o, at + 8, ".BTF: integer type %u: size %u (not 1, 2, 4, 8 or 16)", id,
			   size);
	if (enc & 0xf000ff00u || bits > 128 || off + bits > 128 || (off + bits + 7) / 8 > size)
		return bad(o, at + 12, ".BTF: integer type %u: encoding 0x%08x does not fit its %u "
			   "bytes", id, enc, size);
	return 0;
}

/* Walk the type records; with b->kind set, check the references too. */
static int btf_walk(const struct obj *o, struct btf *b)
{
	uint64_t p = b->types, end = b->types + b->types_len;
	uint32_t id = 0;
	int err;

	while (p < end) {
		uint32_t name, info, type, vlen, kind, j;
		int64_t extra;

		if (end - p < 12)
			return bad(o, p, ".BTF: truncated type record after type %u", id);
		name = rd32(o->d + p);
		info = rd32(o->d + p + 4);
		type = rd32(o->d + p + 8);
		kind = info >> 24 & 0x1f;
		vlen = info & 0xffff;
		extra = btf_extra(kind, vlen);
		if (extra < 0)
			return bad(o, p + 4, ".BTF: type %u: unknown kind %u", id + 1, kind);
		if ((uint64_t)extra > end - p - 12)
			return bad(o, p, ".BTF: type %u (kind %u, vlen %u): record past the end of "
				   "the type section", id + 1, kind, vlen);
		id++;
		if (!b->kind) {
			p += 12 + (uint64_t)extra;
			continue;
		}
		b->kind[id] = (uint8_t)kind;
		if ((err = btf_name(o, b, p, id, name)))
			return err;
		switch (kind) {
		case K_INT:
			if ((err = btf_int(o, p, id, type, rd32(o->d + p + 12))))
				return err;
			break;
		case K_PTR: case K_TYPEDEF: case K_VOLATILE: case K_CONST: case K_RESTRICT:
		case K_VAR: case K_DECL_TAG: case K_TYPE_TAG: case K_FUNC_PROTO:
			if ((err = btf_type_ref(o, b, p + 8, id, type, "its type")))
				return err;
			if (kind != K_FUNC_PROTO) /* its return type ends a chain */
				btf_link(b, id, type, p + 8);
			break;
		case K_FUNC:
			if ((err = btf_type_ref(o, b, p + 8, id, type, "its prototype")))
				return err;
			btf_link(b, id, type, p + 8);
			break;
		case K_ARRAY:
			if ((err = btf_type_ref(o, b, p + 12, id, rd32(o->d + p + 12), "the element")) ||
			    (err = btf_type_ref(o, b, p + 16, id, rd32(o->d + p + 16), "the index")))
				return err;
			btf_link(b, id, rd32(o->d + p + 12), p + 12);
			break;
		}
		for (j = 0; j < vlen; j++) {
			uint64_t m = p + 12;

			switch (kind) {
			case K_STRUCT: case K_UNION:
				m += 12ull * j;
				if ((err = btf_name(o, b, m, id, rd32(o->d + m))) ||
				    (err = btf_type_ref(o, b, m + 4, id, rd32(o->d + m + 4), "a member")))
					return err;
				break;
			case K_ENUM: case K_ENUM64:
				m += (kind == K_ENUM ? 8ull : 12ull) * j;
				if ((err = btf_name(o, b, m, id, rd32(o->d + m))))
					return err;
				break;
			case K_FUNC_PROTO:
				m += 8ull * j;
				if ((err = btf_name(o, b, m, id, rd32(o->d + m))) ||
				    (err = btf_type_ref(o, b, m + 4, id, rd32(o->d + m + 4),
							"a parameter")))
					return err;
				break;
			case K_DATASEC:
				m += 12ull * j;
				if ((err = btf_type_ref(o, b, m, id, rd32(o->d + m), "a variable")))
					return err;
				break;
			}
		}
		p += 12 + (uint64_t)extra;
	}
	if (!b->kind)
		b->n = id;
	return 0;
}

/* the kinds referred to, once every kind is known */
static int btf_kinds(const struct obj *o, const struct btf *b)
{
	uint64_t p = b->types;
	uint32_t id;

	for (id = 1; id <= b->n; id++) {
		uint32_t info = rd32(o->d + p + 4), type = rd32(o->d + p + 8), vlen = info & 0xffff, j;
		unsigned kind = info >> 24 & 0x1f;

		if (kind == K_FUNC && b->kind[type] != K_FUNC_PROTO)
			return bad(o, p + 8, ".BTF: function %u: prototype %u is of kind %u", id, type,
				   b->kind[type]);
		if (kind == K_DATASEC)
			for (j = 0; j < vlen; j++) {
				uint32_t v = rd32(o->d + p + 12 + 12ull * j);

				if (b->kind[v] != K_VAR && b->kind[v] != K_FUNC)
					return bad(o, p + 12 + 12ull * j, ".BTF: section %u: entry %u is "
						   "type %u of kind %u, not a variable", id, j, v,
						   b->kind[v]);
			}
		p += 12 + (uint64_t)btf_extra(kind, vlen);
	}
	return 0;
}

/*
 * No loop of plain references: following the one type a pointer, typedef,
 * modifier, type tag, declaration tag, variable, function or array (its
 * element) refers to must end at another kind or at void.  The kernel's BTF
 * loader refuses such a loop; libbpf 1.1 follows a loop of modifiers
 * forever while opening the object (a RESTRICT that refers to itself hung
 * fuzz/fuzz_bpf.c's probe child, tests/test_loader_parse.c).
 */
static int btf_loops(const struct obj *o, const struct btf *b)
{
	uint8_t *state = calloc((size_t)b->n + 1, 1); /* 1 on the path, 2 ends well */
	uint32_t id, t;
	int err = 0;

	if (!state)
		return bcf__err(-ENOMEM, "%s: out of memory validating .BTF", o->name);
	for (id = 1; id <= b->n && !err; id++) {
		for (t = id; t && !state[t]; t = b->next[t])
			state[t] = 1;
		if (t && state[t] == 1)
			err = bad(o, b->next_at[t], ".BTF: type %u: a loop of type references comes "
				  "back to it", t);
		for (t = id; t && state[t] == 1; t = b->next[t])
			state[t] = 2;
	}
	free(state);
	return err;
}

static int check_btf(struct obj *o, const struct shdr *s)
{
	struct btf b = { 0 };
	uint32_t hdr_len, type_off, type_len, str_off, str_len;
	const uint8_t *h = o->d + s->off;
	int err;

	if (s->size < 24 || rd16(h) != 0xeb9f || h[2] != 1)
		return bad(o, s->off, ".BTF: no BTF header (size %llu, magic 0x%x, version %u)",
			   (unsigned long long)s->size, s->size >= 2 ? rd16(h) : 0,
			   s->size >= 3 ? h[2] : 0);
	hdr_len = rd32(h + 4);
	type_off = rd32(h + 8);
	type_len = rd32(h + 12);
	str_off = rd32(h + 16);
	str_len = rd32(h + 20);
	if (hdr_len < 24 || hdr_len > s->size)
		return bad(o, s->off + 4, ".BTF: header length %u", hdr_len);
	if (type_off % 4 || !in(type_off, type_len, s->size - hdr_len) ||
	    !in(str_off, str_len, s->size - hdr_len))
		return bad(o, s->off + 8, ".BTF: types [%u, +%u) or strings [%u, +%u) outside the "
			   "%llu bytes after the header", type_off, type_len, str_off, str_len,
			   (unsigned long long)(s->size - hdr_len));
	b.types = s->off + hdr_len + type_off;
	b.types_len = type_len;
	b.strs = s->off + hdr_len + str_off;
	b.str_len = str_len;
	if (!str_len || o->d[b.strs] || o->d[b.strs + str_len - 1])
		return bad(o, b.strs, ".BTF: string section of %u bytes not framed by NULs", str_len);
	if ((err = btf_walk(o, &b)))
		return err;
	b.kind = calloc((size_t)b.n + 1, 1);
	b.next = calloc((size_t)b.n + 1, sizeof(*b.next));
	b.next_at = calloc((size_t)b.n + 1, sizeof(*b.next_at));
	if (!b.kind || !b.next || !b.next_at)
		err = bcf__err(-ENOMEM, "%s: out of memory validating .BTF", o->name);
	else
		err = btf_walk(o, &b);
	if (!err)
		err = btf_kinds(o, &b);
	if (!err)
		err = btf_loops(o, &b);
	free(b.kind);
	free(b.next);
	free(b.next_at);
	if (!err) {
		o->has_btf = true;
		o->btf_str_len = str_len;
		o->btf_ntypes = b.n;
	}
	return err;
}

enum ext_block { EXT_FUNC, EXT_LINE, EXT_CORE };

/*
 * One block of .BTF.ext: a record size, then sections {name offset, count,
 * records}.  Records: func_info {insn_off, type_id}, line_info {insn_off,
 * file_name_off, line_off, line_col}, CO-RE relocation {insn_off, type_id,
 * access_str_off, kind}.
 */
static int check_ext_block(const struct obj *o, uint64_t p, uint32_t len, enum ext_block kind)
{
	static const char *const what_of[] = { "func_info", "line_info", "CO-RE relocation" };
	static const uint32_t min_rec[] = { 8, 16, 16 };
	const char *what = what_of[kind];
	uint64_t end = p + len;
	uint32_t rec;

	if (!len)
		return 0;
	if (len < 4)
		return bad(o, p, ".BTF.ext: %s block of %u bytes", what, len);
	rec = rd32(o->d + p);
	if (rec < min_rec[kind] || rec % 4)
		return bad(o, p, ".BTF.ext: %s record size %u", what, rec);
	p += 4;
	while (p < end) {
		uint32_t sec, cnt, k;

		if (end - p < 8)
			return bad(o, p, ".BTF.ext: %s: truncated section header", what);
		sec = rd32(o->d + p);
		cnt = rd32(o->d + p + 4);
		if (sec >= o->btf_str_len)
			return bad(o, p, ".BTF.ext: %s: section name offset %u outside .BTF's strings",
				   what, sec);
		p += 8;
		if ((uint64_t)cnt * rec > end - p)
			return bad(o, p - 4, ".BTF.ext: %s: %u records of %u bytes past the block end",
				   what, cnt, rec);
		for (k = 0; k < cnt; k++, p += rec) {
			uint32_t f1 = rd32(o->d + p + 4), f2 = rd32(o->d + p + 8);

			if (kind != EXT_LINE && f1 > o->btf_ntypes)
				return bad(o, p + 4, ".BTF.ext: %s record %u: type %u of %u", what, k, f1,
					   o->btf_ntypes);
			if (kind == EXT_LINE && f1 >= o->btf_str_len)
				return bad(o, p + 4, ".BTF.ext: %s record %u: file name offset %u outside "
					   ".BTF's strings", what, k, f1);
			if (kind != EXT_FUNC && f2 >= o->btf_str_len)
				return bad(o, p + 8, ".BTF.ext: %s record %u: string offset %u outside "
					   ".BTF's strings", what, k, f2);
		}
	}
	return 0;
}

static int check_btf_ext(const struct obj *o, const struct shdr *s)
{
	const uint8_t *h = o->d + s->off;
	uint32_t hdr_len, fo, fl, lo, ll, co = 0, cl = 0;
	uint64_t data, dlen;
	int err;

	if (!o->has_btf)
		return bad(o, s->hoff, ".BTF.ext without a .BTF section");
	if (s->size < 24 || rd16(h) != 0xeb9f || h[2] != 1)
		return bad(o, s->off, ".BTF.ext: no header (size %llu)", (unsigned long long)s->size);
	hdr_len = rd32(h + 4);
	if (hdr_len < 24 || hdr_len > s->size || hdr_len % 4)
		return bad(o, s->off + 4, ".BTF.ext: header length %u", hdr_len);
	fo = rd32(h + 8);
	fl = rd32(h + 12);
	lo = rd32(h + 16);
	ll = rd32(h + 20);
	if (hdr_len >= 32) {
		co = rd32(h + 24);
		cl = rd32(h + 28);
	}
	data = s->off + hdr_len;
	dlen = s->size - hdr_len;
	if (!in(fo, fl, dlen) || !in(lo, ll, dlen) || !in(co, cl, dlen))
		return bad(o, s->off + 8, ".BTF.ext: a block outside the %llu bytes after the header",
			   (unsigned long long)dlen);
	if ((err = check_ext_block(o, data + fo, fl, EXT_FUNC)) ||
	    (err = check_ext_block(o, data + lo, ll, EXT_LINE)) ||
	    (err = check_ext_block(o, data + co, cl, EXT_CORE)))
		return err;
	return 0;
}

/* ---- the object ----------------------------------------------------------- */

int bcf_loader__object_check(const void *data, size_t size, const char *name)
{
	struct obj o = { .d = data, .size = size, .name = name };
	struct shdr strs;
	unsigned shentsize, shstrndx, i, symtab = 0, btf = 0, btf_ext = 0;
	uint64_t nsyms = 0;
	int err;

	if (size > BCF_OBJECT_MAX_SIZE)
		return bcf__err(-EFBIG, "%s: BPF object of %zu bytes, over the %u MiB limit", name,
				size, BCF_OBJECT_MAX_SIZE >> 20);
	if (size < EHDR_SIZE || memcmp(o.d, "\177ELF", 4))
		return bad(&o, 0, "not an ELF file");
	if (o.d[4] != 2 || o.d[5] != 1 || o.d[6] != 1)
		return bad(&o, 4, "not ELF64 little-endian version 1 (class %u, data %u, "
			   "version %u)", o.d[4], o.d[5], o.d[6]);
	if (rd16(o.d + 16) != ET_REL_ || (rd16(o.d + 18) && rd16(o.d + 18) != EM_BPF_))
		return bad(&o, 16, "not a BPF relocatable object (type %u, machine %u)",
			   rd16(o.d + 16), rd16(o.d + 18));
	o.shoff = rd64(o.d + 40);
	shentsize = rd16(o.d + 58);
	o.shnum = rd16(o.d + 60);
	shstrndx = rd16(o.d + 62);
	if (shentsize != SHDR_SIZE || !o.shnum || !in(o.shoff, (uint64_t)o.shnum * SHDR_SIZE, size))
		return bad(&o, 40, "section headers (offset %llu, %u of %u bytes) not inside the "
			   "%zu-byte file", (unsigned long long)o.shoff, o.shnum, shentsize, size);
	if (!shstrndx || shstrndx >= o.shnum)
		return bad(&o, 62, "section name table index %u of %u", shstrndx, o.shnum);
	for (i = 1; i < o.shnum; i++) {
		struct shdr s = sh(&o, i);

		if (s.type != SHT_NOBITS_ && !in(s.off, s.size, size))
			return bad(&o, s.hoff, "section %u: contents [%llu, +%llu) outside the file", i,
				   (unsigned long long)s.off, (unsigned long long)s.size);
	}
	strs = sh(&o, shstrndx);
	if (strs.type != SHT_STRTAB_)
		return bad(&o, strs.hoff, "section name table %u is not a string table", shstrndx);
	for (i = 1; i < o.shnum; i++) {
		struct shdr s = sh(&o, i);
		const char *nm;

		if (!str_ok(&o, strs.off, strs.size, s.name))
			return bad(&o, s.hoff, "section %u: name offset %u outside the section name "
				   "table (%llu bytes) or unterminated", i, s.name,
				   (unsigned long long)strs.size);
		nm = (const char *)o.d + strs.off + s.name;
		if (s.type == SHT_SYMTAB_) {
			if (symtab)
				return bad(&o, s.hoff, "section %u: a second symbol table (first: %u)", i,
					   symtab);
			symtab = i;
		} else if (!strcmp(nm, ".BTF")) {
			btf = i;
		} else if (!strcmp(nm, ".BTF.ext")) {
			btf_ext = i;
		}
	}
	if (symtab) {
		struct shdr s = sh(&o, symtab);

		if ((err = check_symtab(&o, &s, symtab, &nsyms)))
			return err;
	}
	for (i = 1; i < o.shnum; i++) {
		struct shdr s = sh(&o, i);

		if (s.type == SHT_REL_ && (err = check_rel(&o, &s, i, symtab, nsyms)))
			return err;
	}
	if (btf) {
		struct shdr s = sh(&o, btf);

		if (s.type == SHT_NOBITS_)
			return bad(&o, s.hoff, ".BTF without contents");
		if ((err = check_btf(&o, &s)))
			return err;
	}
	if (btf_ext) {
		struct shdr s = sh(&o, btf_ext);

		if (s.type == SHT_NOBITS_)
			return bad(&o, s.hoff, ".BTF.ext without contents");
		if ((err = check_btf_ext(&o, &s)))
			return err;
	}
	return 0;
}
