// SPDX-License-Identifier: MIT
/*
 * Corrupted condition buffers, built deterministically from the shared
 * vectors.  Every mutation makes the buffer invalid by construction
 * (spec/format.md 1.4 and 4.3), so bcf_cond__decode must reject each one
 * with a negative errno and a message naming the offending expression, id
 * or size.  A sample also goes through `$BCF_BIN smt`, which must exit 1
 * with a message.  One TAP point per mutation kind (failures are listed).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bcf/bcf.h>
#include "tests/rng.h"
#include "tests/vectors.h"

enum kind {
	K_SIZE_ODD,      /* truncated to a size that is not a multiple of 4 */
	K_TINY,          /* 0..7 bytes, or an empty expression table */
	K_CUT_NODE,      /* table ends inside a node (trailer kept) */
	K_BAD_CODE,      /* invalid code byte at a node header */
	K_RANDOM_HDR,    /* random header word with an invalid code */
	K_FORWARD_REF,   /* argument id >= the node's own id */
	K_MID_REF,       /* argument id inside an earlier node */
	K_HUGE_VLEN,     /* vlen runs past the end of the table */
	K_WIDTH_ZERO,    /* bit-vector width 0 */
	K_WIDTH_MISMATCH,/* width differs from the operands' */
	K_HIGH_SET,      /* HIGH param byte set where it must be 0 */
	K_EXTRACT_ORDER, /* extract with start < end */
	K_ROOT_RANGE,    /* path/refine id beyond the table */
	K_ROOT_MID,      /* path/refine id inside a node */
	K_ROOT_BV,       /* path/refine id of a bit-vector node */
	K_NO_COND,       /* both conditions absent */
	K_MAX,
};

static const char *kind_name[K_MAX] = {
	"size not a multiple of 4", "tiny buffer or empty table", "table cut inside a node",
	"invalid code at a node header", "random header word with an invalid code",
	"forward reference", "reference into the middle of a node", "vlen past the table end",
	"bit-vector width 0", "width mismatch with operands", "HIGH param set where it must be 0",
	"extract with start < end", "condition id beyond the table",
	"condition id inside a node", "condition id of a bit-vector node",
	"both conditions absent",
};

struct kstat {
	unsigned made, rejected, cli, cli_ok;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	xorshift64(&rng_state);
	return (uint32_t)(rng_state >> 16);
}

/* The parsed original: node offsets in the table. */
struct orig {
	const uint32_t *w;
	uint32_t n; /* table words */
	uint32_t *node;
	uint32_t nnodes;
};

static const struct bcf_expr *X(const struct orig *o, uint32_t id)
{
	return (const struct bcf_expr *)&o->w[id];
}

static bool valid_code[256];

static void init_codes(void)
{
#define BCF_X_VALID(n, c, s, lo, hi) valid_code[c] = true;
	BCF_EXPR_CODES(BCF_X_VALID)
#undef BCF_X_VALID
}

static uint8_t invalid_code(void)
{
	uint8_t c;

	do
		c = rnd() & 0xff;
	while (valid_code[c]);
	return c;
}

/* A random node satisfying pred, or UINT32_MAX.  Tries a random start then scans. */
static uint32_t pick(const struct orig *o, bool (*pred)(const struct orig *, uint32_t))
{
	uint32_t i, start = o->nnodes ? rnd() % o->nnodes : 0;

	for (i = 0; i < o->nnodes; i++) {
		uint32_t id = o->node[(start + i) % o->nnodes];

		if (pred(o, id))
			return id;
	}
	return UINT32_MAX;
}

static bool p_any(const struct orig *o, uint32_t id) { return true; }
static bool p_has_args(const struct orig *o, uint32_t id) { return X(o, id)->vlen > 0; }
static bool p_ref_args(const struct orig *o, uint32_t id)
{
	return X(o, id)->vlen > 0 && X(o, id)->code != BCF_BV_VAL;
}
static bool p_ref_args_after_multiword(const struct orig *o, uint32_t id)
{
	uint32_t j;

	if (!p_ref_args(o, id))
		return false;
	for (j = 0; j < o->nnodes && o->node[j] < id; j++)
		if (X(o, o->node[j])->vlen > 0)
			return true;
	return false;
}
static bool p_near_end(const struct orig *o, uint32_t id) { return o->n - id <= 255; }
static bool p_bv_width(const struct orig *o, uint32_t id)
{
	uint8_t c = X(o, id)->code;

	return BCF_TYPE(c) == BCF_BV && c != BCF_BV_EXTRACT && c != BCF_BV_FROM_BOOL;
}
static bool p_same_width_op(const struct orig *o, uint32_t id)
{
	switch (X(o, id)->code) {
	case BCF_BV_ADD: case BCF_BV_SUB: case BCF_BV_MUL: case BCF_BV_DIV:
	case BCF_BV_OR: case BCF_BV_AND: case BCF_BV_LSH: case BCF_BV_RSH:
	case BCF_BV_NEG: case BCF_BV_MOD: case BCF_BV_XOR: case BCF_BV_SDIV:
	case BCF_BV_ARSH: case BCF_BV_SMOD: case BCF_BV_NOT:
		return true;
	default:
		return false;
	}
}
static bool p_high_zero(const struct orig *o, uint32_t id)
{
	uint8_t c = X(o, id)->code;

	if (BCF_TYPE(c) == BCF_BOOL || BCF_TYPE(c) == BCF_LIST)
		return true;
	return c != BCF_BV_EXTRACT && c != BCF_BV_SIGN_EXTEND && c != BCF_BV_ZERO_EXTEND &&
	       c != BCF_BV_REPEAT;
}
static bool p_extract(const struct orig *o, uint32_t id)
{
	const struct bcf_expr *e = X(o, id);

	return e->code == BCF_BV_EXTRACT && BCF_EXPR_HIGH(e->params) < 255;
}
static bool p_bv(const struct orig *o, uint32_t id) { return BCF_TYPE(X(o, id)->code) == BCF_BV; }

static uint32_t *hdr_of(uint32_t *w, uint32_t id) { return &w[id]; }

static void set_params(uint32_t *w, uint32_t id, uint16_t params)
{
	w[id] = (w[id] & 0xffff) | ((uint32_t)params << 16);
}

/*
 * Build mutation k of o into buf (room for n + 2 words + 4 bytes).
 * *size is the byte size; want is a number the error message must contain.
 * Returns false if this vector has no node suitable for k.
 */
static bool mutate(const struct orig *o, enum kind k, uint32_t *buf, size_t *size, char *want,
		   size_t wsz)
{
	uint32_t n = o->n, id, j, *w = buf;
	const struct bcf_expr *e;
	uint16_t p;

	memcpy(buf, o->w, ((size_t)n + 2) * 4);
	*size = ((size_t)n + 2) * 4;
	switch (k) {
	case K_SIZE_ODD:
		*size = 4 * (rnd() % (n + 2)) + 1 + rnd() % 3;
		snprintf(want, wsz, "%zu", *size);
		return true;
	case K_TINY:
		j = rnd() % 9;
		if (j == 8) {
			/* an empty table with a refine id */
			buf[0] = BCF_COND_NONE;
			buf[1] = 0;
			*size = 8;
			snprintf(want, wsz, "empty");
		} else {
			*size = j;
			snprintf(want, wsz, "%u", j);
		}
		return true;
	case K_CUT_NODE:
		id = pick(o, p_has_args);
		if (id == UINT32_MAX)
			return false;
		j = id + 1 + rnd() % X(o, id)->vlen; /* table ends before the node's end */
		buf[j] = o->w[n];
		buf[j + 1] = o->w[n + 1];
		*size = ((size_t)j + 2) * 4;
		break;
	case K_BAD_CODE:
		id = pick(o, p_any);
		*hdr_of(w, id) = (w[id] & ~0xffu) | invalid_code();
		break;
	case K_RANDOM_HDR:
		id = pick(o, p_any);
		w[id] = (rnd() & ~0xffu) | invalid_code();
		break;
	case K_FORWARD_REF:
		id = pick(o, p_ref_args);
		if (id == UINT32_MAX)
			return false;
		e = X(o, id);
		w[id + 1 + rnd() % e->vlen] = id + rnd() % (n - id + 8);
		break;
	case K_MID_REF: {
		uint32_t y;

		id = pick(o, p_ref_args_after_multiword);
		if (id == UINT32_MAX)
			return false;
		do
			y = o->node[rnd() % o->nnodes];
		while (y >= id || !X(o, y)->vlen);
		w[id + 1 + rnd() % X(o, id)->vlen] = y + 1 + rnd() % X(o, y)->vlen;
		break;
	}
	case K_HUGE_VLEN:
		id = pick(o, p_near_end);
		if (id == UINT32_MAX)
			return false;
		j = n - id; /* vlen >= j means the node does not fit */
		j += rnd() % (256 - j);
		w[id] = (w[id] & ~0xff00u) | (j << 8);
		break;
	case K_WIDTH_ZERO:
		id = pick(o, p_bv_width);
		if (id == UINT32_MAX)
			return false;
		set_params(w, id, X(o, id)->params & 0xff00);
		break;
	case K_WIDTH_MISMATCH:
		id = pick(o, p_same_width_op);
		if (id == UINT32_MAX)
			return false;
		p = X(o, id)->params;
		do
			j = (p & 0xff) ^ (1u << (rnd() % 8));
		while (!j);
		set_params(w, id, (p & 0xff00) | j);
		break;
	case K_HIGH_SET:
		id = pick(o, p_high_zero);
		if (id == UINT32_MAX)
			return false;
		set_params(w, id, (X(o, id)->params & 0xff) | ((1 + rnd() % 255) << 8));
		break;
	case K_EXTRACT_ORDER: {
		unsigned hi, lo;

		id = pick(o, p_extract);
		if (id == UINT32_MAX)
			return false;
		hi = BCF_EXPR_HIGH(X(o, id)->params);
		lo = BCF_EXPR_LOW(X(o, id)->params);
		if (hi == lo)
			lo = hi + 1;
		else
			j = hi, hi = lo, lo = j;
		set_params(w, id, BCF_EXPR_PARAMS(hi, lo));
		break;
	}
	case K_ROOT_RANGE:
		j = n + rnd() % 100000;
		if (rnd() & 1)
			j = 0xfffffffeu;
		w[n + (rnd() & 1)] = j;
		snprintf(want, wsz, "%u", j);
		return true;
	case K_ROOT_MID: {
		uint32_t y = pick(o, p_has_args);

		if (y == UINT32_MAX)
			return false;
		j = y + 1 + rnd() % X(o, y)->vlen;
		w[n + (rnd() & 1)] = j;
		snprintf(want, wsz, "%u", j);
		return true;
	}
	case K_ROOT_BV:
		id = pick(o, p_bv);
		if (id == UINT32_MAX)
			return false;
		w[n + (rnd() & 1)] = id;
		snprintf(want, wsz, "%u", id);
		return true;
	case K_NO_COND:
		w[n] = w[n + 1] = BCF_COND_NONE;
		snprintf(want, wsz, "neither");
		return true;
	default:
		return false;
	}
	snprintf(want, wsz, "expression %u", id);
	return true;
}

/* Does msg contain want as a whole number (or word)? */
static bool names(const char *msg, const char *want)
{
	const char *p = msg;
	size_t wl = strlen(want);

	while ((p = strstr(p, want))) {
		bool digit_before = p > msg && p[-1] >= '0' && p[-1] <= '9';
		bool digit_after = p[wl] >= '0' && p[wl] <= '9';

		if (!digit_before && !digit_after)
			return true;
		p++;
	}
	return false;
}

/* Run `$BCF_BIN smt file`; returns the exit status, stderr text in err. */
static int run_cli(const char *bin, const char *file, char *err, size_t esz)
{
	int pfd[2], status = -1;
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	err[0] = '\0';
	if (pipe(pfd))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		dup2(devnull, 1);
		dup2(pfd[1], 2);
		close(pfd[0]);
		execl(bin, bin, "smt", file, (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		char sink[256];

		if (got + 1 < esz)
			r = read(pfd[0], err + got, esz - 1 - got);
		else
			r = read(pfd[0], sink, sizeof(sink));
		if (r <= 0)
			break;
		if (got + 1 < esz)
			got += r;
	}
	err[got] = '\0';
	close(pfd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

int main(void)
{
	struct vec_list l = vec_list_conds();
	const char *bin = getenv("BCF_BIN");
	struct kstat st[K_MAX] = { { 0 } };
	char tmpl[] = "/tmp/bcf-corrupt-XXXXXX", file[64];
	unsigned total = 0, bad_shown = 0, cli_total = 0;
	size_t i;
	int k;

	init_codes();
	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	if (bin && access(bin, X_OK))
		bin = NULL;
	if (bin && !mkdtemp(tmpl))
		bin = NULL;
	snprintf(file, sizeof(file), "%s/c.cond", tmpl);
	for (i = 0; i < l.n; i++) {
		size_t len;
		uint32_t *w = vec_read_cond(l.names[i], &len), *buf, id;
		struct orig o = { 0 };

		if (!w || len % 4 || len < 12) {
			ok(0, "%s: cannot read the vector", l.names[i]);
			free(w);
			continue;
		}
		o.w = w;
		o.n = len / 4 - 2;
		o.node = malloc(o.n * sizeof(*o.node));
		buf = malloc(len + 16);
		if (!o.node || !buf)
			abort();
		for (id = 0; id < o.n; id += X(&o, id)->vlen + 1)
			o.node[o.nnodes++] = id;
		for (k = 0; k < K_MAX; k++) {
			/* twice per vector for the table mutations, once otherwise */
			int rep, reps = (k >= K_CUT_NODE && k <= K_EXTRACT_ORDER) ? 2 : 1;

			for (rep = 0; rep < reps; rep++) {
				struct bcf_cond *c = (void *)1;
				char want[64];
				size_t size;
				int err;

				if (!mutate(&o, k, buf, &size, want, sizeof(want)))
					continue;
				st[k].made++;
				total++;
				err = bcf_cond__decode(buf, size, &c);
				if (err < 0 && c == NULL && *bcf_last_error() &&
				    names(bcf_last_error(), want)) {
					st[k].rejected++;
				} else if (bad_shown++ < 20) {
					diag("%s, %s: decode returned %d, message '%s' (wanted '%s')",
					     l.names[i], kind_name[k], err, bcf_last_error(), want);
				}
				if (!err)
					bcf_cond__free(c);
				/* about 1 in 100 through the command line */
				if (bin && rnd() % 100 == 0) {
					char msg[2048];
					FILE *f = fopen(file, "wb");
					int rc;

					if (!f || fwrite(buf, 1, size, f) != size) {
						if (f)
							fclose(f);
						continue;
					}
					fclose(f);
					st[k].cli++;
					cli_total++;
					rc = run_cli(bin, file, msg, sizeof(msg));
					if (rc == 1 && names(msg, want))
						st[k].cli_ok++;
					else if (bad_shown++ < 20)
						diag("%s, %s: bcf smt exited %d: %s", l.names[i],
						     kind_name[k], rc, msg);
				}
			}
		}
		free(o.node);
		free(buf);
		free(w);
	}
	for (k = 0; k < K_MAX; k++)
		ok(st[k].made > 0 && st[k].rejected == st[k].made,
		   "%s: %u of %u rejected with a message naming it", kind_name[k], st[k].rejected,
		   st[k].made);
	ok(total >= 10000, "%u corrupted buffers in all", total);
	if (bin) {
		unsigned cok = 0;

		for (k = 0; k < K_MAX; k++)
			cok += st[k].cli_ok;
		ok(cli_total >= 200 && cok == cli_total,
		   "bcf smt: %u of %u exit 1 with a message naming the fault", cok, cli_total);
		unlink(file);
		rmdir(tmpl);
	} else {
		skip("BCF_BIN not set");
	}
	vec_list_free(&l);
	return done_testing();
}
