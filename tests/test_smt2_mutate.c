// SPDX-License-Identifier: MIT
/*
 * Mutation test for the SMT-LIB reader.  From every shared vector's .smt2
 * text, a fixed-seed generator derives mutants that are invalid by
 * construction (unbalanced parentheses, bad widths, undeclared or duplicate
 * names, sort errors, bad literals, out-of-range indices, invalid bytes,
 * unterminated tokens, quantifiers, other logics, unsupported commands...).
 * Every mutant must be rejected with -EINVAL and a "NAME:line:col: message"
 * whose position lies inside the text; a sample also goes through
 * `$BCF_BIN import`, which must exit 1 with the same kind of message and
 * leave no output file.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bcf/bcf.h>
#include "tests/rng.h"
#include "tests/vectors.h"

#define PER_FILE 9
#define CLI_EVERY 37

static uint64_t rng_state = 0x5eed0bcf2026ull;

static uint64_t rnd(void)
{
	xorshift64(&rng_state);
	return rng_state;
}

static size_t pick(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

struct mut {
	char *text;
	size_t len;
	const char *kind;
};

/* text with [pos, pos+del) replaced by ins (ins_len bytes) */
static char *splice(const char *t, size_t tlen, size_t pos, size_t del, const char *ins,
		    size_t ins_len, size_t *out_len)
{
	char *s = malloc(tlen - del + ins_len + 1);

	if (!s)
		abort();
	memcpy(s, t, pos);
	memcpy(s + pos, ins, ins_len);
	memcpy(s + pos + ins_len, t + pos + del, tlen - pos - del);
	*out_len = tlen - del + ins_len;
	s[*out_len] = '\0';
	return s;
}

/* ---- locating things in a vector text ---- */

struct positions {
	size_t *p;
	size_t n, cap;
};

static void pos_add(struct positions *ps, size_t p)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->p = realloc(ps->p, ps->cap * sizeof(*ps->p));
		if (!ps->p)
			abort();
	}
	ps->p[ps->n++] = p;
}

static void find_all(const char *t, const char *needle, struct positions *ps)
{
	const char *q = t;

	ps->n = 0;
	while ((q = strstr(q, needle))) {
		pos_add(ps, (size_t)(q - t));
		q++;
	}
}

/* Line starts (command boundaries: the vectors have one command per line). */
static void line_starts(const char *t, size_t len, struct positions *ps)
{
	size_t i;

	ps->n = 0;
	pos_add(ps, 0);
	for (i = 0; i + 1 < len; i++)
		if (t[i] == '\n')
			pos_add(ps, i + 1);
}

static bool is_name_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/* Length of a symbol reference tN/vN at i that is used in a term (not declared there). */
static size_t ref_at(const char *t, size_t i)
{
	size_t j = i + 1;

	if ((t[i] != 't' && t[i] != 'v') || i == 0 || (t[i - 1] != ' ' && t[i - 1] != '('))
		return 0;
	while (t[j] >= '0' && t[j] <= '9')
		j++;
	if (j == i + 1 || is_name_char(t[j]))
		return 0;
	if (i >= 11 && (!strncmp(t + i - 11, "define-fun ", 11) ||
			(i >= 12 && !strncmp(t + i - 12, "declare-fun ", 12))))
		return 0;
	return j - i;
}

static void refs(const char *t, size_t len, struct positions *ps)
{
	size_t i;

	ps->n = 0;
	for (i = 1; i < len; i++)
		if (ref_at(t, i))
			pos_add(ps, i);
}

/* Position of the line holding pos; and its end (the '\n' or len). */
static size_t line_of(const char *t, size_t pos)
{
	while (pos > 0 && t[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t line_end(const char *t, size_t len, size_t pos)
{
	while (pos < len && t[pos] != '\n')
		pos++;
	return pos;
}

/* ---- mutators: each returns false when it does not apply to this text ---- */

typedef bool (*mutator)(const char *t, size_t len, struct mut *m);

static struct positions P, Q;

static bool m_truncate(const char *t, size_t len, struct mut *m)
{
	size_t i, depth = 0, n = 0, target;

	for (i = 0; i < len; i++) {
		depth += t[i] == '(';
		depth -= t[i] == ')';
		if (depth > 0)
			n++;
	}
	if (!n)
		return false;
	/* cut just before the target-th byte that is inside a command */
	target = pick(n);
	for (i = 0, depth = 0; i < len; i++) {
		depth += t[i] == '(';
		depth -= t[i] == ')';
		if (depth > 0 && !target--)
			break;
	}
	m->text = splice(t, len, i + 1, len - i - 1, "", 0, &m->len);
	m->kind = "truncated inside a command";
	return true;
}

static bool m_width(const char *t, size_t len, struct mut *m)
{
	static const char *const bad[] = { "0", "256", "300", "1000", "99999999999" };
	size_t p, e;

	find_all(t, "(_ BitVec ", &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)] + 10;
	for (e = p; t[e] >= '0' && t[e] <= '9'; e++)
		;
	{
		const char *b = bad[pick(5)];

		m->text = splice(t, len, p, e - p, b, strlen(b), &m->len);
	}
	m->kind = "width outside 1..255";
	return true;
}

static bool m_undeclared(const char *t, size_t len, struct mut *m)
{
	size_t p;
	char name[32];

	refs(t, len, &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	snprintf(name, sizeof(name), "undeclared_%u", (unsigned)pick(1000));
	m->text = splice(t, len, p, ref_at(t, p), name, strlen(name), &m->len);
	m->kind = "undeclared symbol";
	return true;
}

static bool insert_cmd(const char *t, size_t len, struct mut *m, const char *cmd,
		       const char *kind)
{
	size_t p;
	char *line;

	line_starts(t, len, &P);
	p = P.p[pick(P.n)];
	if (asprintf(&line, "%s\n", cmd) < 0)
		abort();
	m->text = splice(t, len, p, 0, line, strlen(line), &m->len);
	free(line);
	m->kind = kind;
	return true;
}

static bool m_push(const char *t, size_t len, struct mut *m)
{
	return insert_cmd(t, len, m, pick(2) ? "(push 1)" : "(pop 1)", "push/pop");
}

static bool m_uf(const char *t, size_t len, struct mut *m)
{
	return insert_cmd(t, len, m,
			  pick(2) ? "(declare-fun f ((_ BitVec 8)) Bool)" : "(declare-fun g (Bool) Bool)",
			  "function declaration");
}

static bool m_bool_for_bv(const char *t, size_t len, struct mut *m)
{
	static const char *const ops[] = {
		"(bvadd ", "(bvsub ", "(bvand ", "(bvor ", "(bvxor ", "(bvshl ", "(bvashr ",
		"(bvlshr ", "(bvmul ", "(bvult ", "(bvule ", "(bvslt ", "(bvsle ", "(concat ",
		"(_ zero_extend ", "(_ sign_extend ", "(_ extract ",
	};
	size_t i, p, a;

	P.n = 0;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		find_all(t, ops[i], &Q);
		for (a = 0; a < Q.n; a++) {
			p = Q.p[a] + strlen(ops[i]);
			if (ops[i][1] == '_') {
				/* indexed: the operand follows the closing ")" of the head */
				p = strchr(t + p, ')') - t + 1;
				if (t[p] != ' ')
					continue;
				p++;
			}
			if (ref_at(t, p))
				pos_add(&P, p);
		}
	}
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	{
		const char *b = pick(2) ? "true" : "false";

		m->text = splice(t, len, p, ref_at(t, p), b, strlen(b), &m->len);
	}
	m->kind = "Bool operand of a bit-vector operator";
	return true;
}

static bool m_dup_decl(const char *t, size_t len, struct mut *m)
{
	size_t p, e;

	find_all(t, pick(2) ? "(declare-fun " : "(define-fun ", &P);
	if (!P.n)
		find_all(t, "(declare-fun ", &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	e = line_end(t, len, p);
	{
		char *dup = malloc(e - p + 2);

		memcpy(dup, t + p, e - p);
		dup[e - p] = '\n';
		/* insert the copy right after the original's line */
		m->text = splice(t, len, e < len ? e + 1 : e, 0, dup, e - p + 1, &m->len);
		free(dup);
	}
	m->kind = "duplicate declaration";
	return true;
}

static bool m_bad_literal(const char *t, size_t len, struct mut *m)
{
	static const char *const bad[] = {
		"#b012", "#xZZ", "#b", "#x", "#b1_0", "#o17", "(_ bv1 0)", "(_ bv05 8)", "(_ bv1x 8)",
		"(_ bv1 8 8)", "#b1111111111111111111111111111111111111111111111111111111111111111"
		"1111111111111111111111111111111111111111111111111111111111111111"
		"1111111111111111111111111111111111111111111111111111111111111111"
		"1111111111111111111111111111111111111111111111111111111111111111",
	};
	const char *b = bad[pick(sizeof(bad) / sizeof(bad[0]))];
	size_t p, e;

	find_all(t, "(_ bv", &P);
	if (P.n) {
		p = P.p[pick(P.n)];
		e = strchr(t + p, ')') - t + 1;
		m->text = splice(t, len, p, e - p, b, strlen(b), &m->len);
	} else {
		refs(t, len, &P);
		if (!P.n)
			return false;
		p = P.p[pick(P.n)];
		m->text = splice(t, len, p, ref_at(t, p), b, strlen(b), &m->len);
	}
	m->kind = "bad literal";
	return true;
}

/* First declared bit-vector variable: name and width. */
static bool first_bv_var(const char *t, char *name, size_t nsize, unsigned *width)
{
	const char *q = strstr(t, "(declare-fun ");

	while (q) {
		const char *n = q + 13, *sp = strchr(n, ' '), *w;

		if (sp && (size_t)(sp - n) < nsize && (w = strstr(sp, "(_ BitVec ")) &&
		    w < strchr(sp, '\n')) {
			snprintf(name, nsize, "%.*s", (int)(sp - n), n);
			*width = (unsigned)atoi(w + 10);
			return true;
		}
		q = strstr(q + 1, "(declare-fun ");
	}
	return false;
}

static bool m_extract_range(const char *t, size_t len, struct mut *m)
{
	size_t p, e;

	find_all(t, "(_ extract ", &P);
	if (P.n && pick(3)) {
		const char *b = pick(2) ? "(_ extract 255 0)" : "(_ extract 0 1)";

		p = P.p[pick(P.n)];
		e = strchr(t + p, ')') - t + 1;
		m->text = splice(t, len, p, e - p, b, strlen(b), &m->len);
	} else {
		char name[64], *cmd;
		unsigned w;
		size_t at;

		if (!first_bv_var(t, name, sizeof(name), &w))
			return false;
		find_all(t, "(check-sat)", &Q);
		if (!Q.n)
			return false;
		at = Q.p[0];
		if (asprintf(&cmd, "(assert (= ((_ extract %u %u) %s) #b1))\n", w, w, name) < 0)
			abort();
		m->text = splice(t, len, at, 0, cmd, strlen(cmd), &m->len);
		free(cmd);
	}
	m->kind = "extract index out of range";
	return true;
}

static bool m_invalid_byte(const char *t, size_t len, struct mut *m)
{
	static const char bytes[] = { 0x00, 0x01, 0x07, 0x0b, 0x0c, 0x1b, 0x7f, (char)0x80,
				      (char)0xc3, (char)0xff, '{', '}', '[', ']', ',', '\'', '`',
				      '\\', '#', '"', '|' };
	char b = bytes[pick(sizeof(bytes))];
	size_t p = pick(len + 1);

	m->text = splice(t, len, p, 0, &b, 1, &m->len);
	m->kind = "invalid byte";
	return true;
}

static bool m_unterminated(const char *t, size_t len, struct mut *m)
{
	size_t p;

	if (pick(2)) {
		refs(t, len, &P);
		if (!P.n)
			return false;
		p = P.p[pick(P.n)];
		m->text = splice(t, len, p, 0, "|", 1, &m->len);
		m->kind = "unterminated quoted symbol";
		return true;
	}
	return insert_cmd(t, len, m, "(set-info :source \"unterminated", "unterminated string");
}

static bool m_quantifier(const char *t, size_t len, struct mut *m)
{
	static const char *const q[] = {
		"(assert (forall ((x Bool)) x))",
		"(assert (exists ((x (_ BitVec 8))) (= x x)))",
		"(assert (let ((x true)) (forall ((y Bool)) (and x y))))",
		"(assert (match true ((x x))))",
		"(assert (as true Bool))",
	};

	return insert_cmd(t, len, m, q[pick(5)], "binder");
}

static bool m_logic(const char *t, size_t len, struct mut *m)
{
	static const char *const logics[] = { "QF_ABV", "QF_LIA", "QF_UFBV", "ALL", "QF_AUFBV",
					      "QF_BVFP", "qf_bv" };
	const char *l = logics[pick(7)];
	size_t p;

	find_all(t, "(set-logic QF_BV)", &P);
	if (!P.n)
		return false;
	p = P.p[0] + 11;
	m->text = splice(t, len, p, 5, l, strlen(l), &m->len);
	m->kind = "other logic";
	return true;
}

static bool m_paren(const char *t, size_t len, struct mut *m)
{
	if (pick(2))
		return insert_cmd(t, len, m, ")", "extra closing parenthesis");
	m->text = splice(t, len, len, 0, "(", 1, &m->len);
	m->kind = "unclosed parenthesis at the end";
	return true;
}

static bool m_sort_mismatch(const char *t, size_t len, struct mut *m)
{
	size_t p, e;
	char buf[16];

	find_all(t, "(define-fun ", &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	p = strstr(t + p, " () ") - t + 4;
	if (!strncmp(t + p, "Bool", 4)) {
		m->text = splice(t, len, p, 4, "(_ BitVec 1)", 12, &m->len);
	} else {
		p += 10;
		for (e = p; t[e] >= '0' && t[e] <= '9'; e++)
			;
		snprintf(buf, sizeof(buf), "%d", atoi(t + p) + 1);
		m->text = splice(t, len, p, e - p, buf, strlen(buf), &m->len);
	}
	m->kind = "definition sort mismatch";
	return true;
}

static bool m_numeral(const char *t, size_t len, struct mut *m)
{
	static const char *const n[] = { "42", "0", "1.5", "\"str\"", "007" };
	const char *b = n[pick(5)];
	size_t p;

	refs(t, len, &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	m->text = splice(t, len, p, ref_at(t, p), b, strlen(b), &m->len);
	m->kind = "numeral/decimal/string as a term";
	return true;
}

static bool m_unsupported(const char *t, size_t len, struct mut *m)
{
	static const char *const c[] = {
		"(declare-sort U 0)", "(define-sort S () Bool)", "(check-sat-assuming (true))",
		"(get-value (true))", "(reset)", "(reset-assertions)",
		"(define-fun-rec f () Bool true)", "(declare-datatypes () ())", "(frobnicate)",
		"(define-fun g ((x Bool)) Bool x)", "(declare-fun let () Bool)",
	};

	return insert_cmd(t, len, m, c[pick(sizeof(c) / sizeof(c[0]))], "unsupported command");
}

static bool m_arity(const char *t, size_t len, struct mut *m)
{
	static const char *const unary[] = { "(not ", "(bvnot ", "(bvneg " };
	/* not bvsub: the reader accepts it n-ary, left-associative */
	static const char *const binary[] = { "(bvult ", "(bvule ", "(bvslt ",
					      "(bvsle ", "(bvshl ", "(bvashr ", "(bvlshr ",
					      "(bvudiv ", "(bvurem ", "(ite " };
	size_t i, p, k;

	/* unary op applied to two arguments, or a binary one to one / three */
	if (pick(2)) {
		P.n = 0;
		for (i = 0; i < 3; i++) {
			find_all(t, unary[i], &Q);
			for (k = 0; k < Q.n; k++)
				if (ref_at(t, Q.p[k] + strlen(unary[i])))
					pos_add(&P, Q.p[k] + strlen(unary[i]));
		}
		if (P.n) {
			p = P.p[pick(P.n)];
			k = ref_at(t, p);
			{
				char arg[40];

				snprintf(arg, sizeof(arg), "%.*s ", (int)k, t + p);
				m->text = splice(t, len, p, 0, arg, strlen(arg), &m->len);
			}
			m->kind = "unary operator with two arguments";
			return true;
		}
	}
	P.n = 0;
	for (i = 0; i < sizeof(binary) / sizeof(binary[0]); i++) {
		find_all(t, binary[i], &Q);
		for (k = 0; k < Q.n; k++)
			if (ref_at(t, Q.p[k] + strlen(binary[i])))
				pos_add(&P, Q.p[k] + strlen(binary[i]));
	}
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	k = ref_at(t, p);
	if (pick(2) && t[p + k] == ' ') {
		/* drop the first operand: (op Y) or (ite Y Z) */
		m->text = splice(t, len, p, k + 1, "", 0, &m->len);
		m->kind = "binary operator with one argument";
	} else {
		/* (op X Y) -> (op X Y X), (ite c a b) -> (ite c a b c) */
		size_t close = p, depth = 0;
		char arg[40];

		for (; close < len; close++) {
			if (t[close] == '(')
				depth++;
			if (t[close] == ')') {
				if (!depth)
					break;
				depth--;
			}
		}
		snprintf(arg, sizeof(arg), " %.*s", (int)k, t + p);
		m->text = splice(t, len, close, 0, arg, strlen(arg), &m->len);
		m->kind = "operator with one argument too many";
	}
	return true;
}

static bool m_assert_bv(const char *t, size_t len, struct mut *m)
{
	char name[64], *cmd;
	unsigned w;

	if (!first_bv_var(t, name, sizeof(name), &w))
		return false;
	find_all(t, "(check-sat)", &P);
	if (!P.n)
		return false;
	if (asprintf(&cmd, pick(2) ? "(assert %s)\n" : "(assert (= %s ((_ zero_extend 1) %s)))\n",
		     name, name) < 0)
		abort();
	m->text = splice(t, len, P.p[0], 0, cmd, strlen(cmd), &m->len);
	free(cmd);
	m->kind = "bit-vector asserted / width mismatch";
	return true;
}

static bool m_after(const char *t, size_t len, struct mut *m)
{
	if (pick(2)) {
		find_all(t, "(exit)", &P);
		if (!P.n)
			return false;
		m->text = splice(t, len, len, 0, "(assert true)\n", 14, &m->len);
		m->kind = "command after exit";
	} else {
		find_all(t, "(check-sat)", &P);
		if (!P.n)
			return false;
		m->text = splice(t, len, P.p[0] + 11, 0, "(assert true)", 13, &m->len);
		m->kind = "assert after check-sat";
	}
	return true;
}

static bool m_let(const char *t, size_t len, struct mut *m)
{
	static const char *const l[] = {
		"(assert (let ((x true) (x false)) x))",
		"(assert (let ((x true)) y_unbound))",
		"(assert (and (let ((x true)) x) x))",
		"(assert (let ((bvadd true)) bvadd))",
		"(assert (let () true))",
		"(assert (! true :named))",
	};

	return insert_cmd(t, len, m, l[pick(6)], "bad let/annotation");
}

static bool m_delete_decl(const char *t, size_t len, struct mut *m)
{
	size_t p, e;

	find_all(t, pick(2) ? "(declare-fun " : "(define-fun ", &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	e = line_end(t, len, p);
	if (p != line_of(t, p))
		return false;
	m->text = splice(t, len, p, e < len ? e + 1 - p : e - p, "", 0, &m->len);
	m->kind = "used name no longer declared";
	return true;
}

static bool m_reorder(const char *t, size_t len, struct mut *m)
{
	size_t p, e, first;

	find_all(t, "(assert ", &P);
	find_all(t, "(declare-fun ", &Q);
	if (!P.n || !Q.n)
		return false;
	p = P.p[pick(P.n)];
	e = line_end(t, len, p);
	first = Q.p[0];
	{
		char *line = malloc(e - p + 2), *tmp;
		size_t tl;

		memcpy(line, t + p, e - p);
		line[e - p] = '\n';
		tmp = splice(t, len, p, e < len ? e + 1 - p : e - p, "", 0, &tl);
		m->text = splice(tmp, tl, first, 0, line, e - p + 1, &m->len);
		free(tmp);
		free(line);
	}
	m->kind = "assertion before the declarations";
	return true;
}

static bool m_keyword(const char *t, size_t len, struct mut *m)
{
	static const char *const from[] = { "declare-fun", "define-fun", "assert", "check-sat" };
	static const char *const to[] = { "declare-fn", "define-funs-rec", "asert", "check_sat" };
	size_t k = pick(4), p;

	find_all(t, from[k], &P);
	if (!P.n)
		return false;
	p = P.p[pick(P.n)];
	m->text = splice(t, len, p, strlen(from[k]), to[k], strlen(to[k]), &m->len);
	m->kind = "misspelt command";
	return true;
}

static const mutator mutators[] = {
	m_truncate, m_width, m_undeclared, m_push, m_uf, m_bool_for_bv, m_dup_decl,
	m_bad_literal, m_extract_range, m_invalid_byte, m_unterminated, m_quantifier,
	m_logic, m_paren, m_sort_mismatch, m_numeral, m_unsupported, m_arity, m_assert_bv,
	m_after, m_let, m_delete_decl, m_reorder, m_keyword,
};
#define NMUT (sizeof(mutators) / sizeof(mutators[0]))

/* "NAME:line:col: message" with line:col inside the text. */
static bool good_message(const char *msg, const char *name, const char *text, size_t len)
{
	size_t nl = strlen(name), lines = 1, i;
	unsigned long line, col;
	char *end;

	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (strncmp(msg, name, nl) || msg[nl] != ':')
		return false;
	line = strtoul(msg + nl + 1, &end, 10);
	if (*end != ':' || line < 1 || line > lines)
		return false;
	col = strtoul(end + 1, &end, 10);
	if (*end != ':' || end[1] != ' ' || !end[2] || col < 1 || col > len + 1)
		return false;
	return true;
}

static unsigned cli_runs, cli_good;

static void cli_check(const char *dir, struct mut *m)
{
	const char *bin = getenv("BCF_BIN");
	char in[4200], out[4200], err[4200], *cmd, msg[1024] = "";
	struct stat st;
	FILE *f;
	int rc;

	snprintf(in, sizeof(in), "%s/mutant.smt2", dir);
	snprintf(out, sizeof(out), "%s/mutant.cond", dir);
	snprintf(err, sizeof(err), "%s/stderr", dir);
	f = fopen(in, "wb");
	if (!f || fwrite(m->text, 1, m->len, f) != m->len || fclose(f))
		abort();
	unlink(out);
	if (asprintf(&cmd, "'%s' import '%s' -o '%s' 2>'%s'", bin, in, out, err) < 0)
		abort();
	rc = system(cmd);
	free(cmd);
	f = fopen(err, "rb");
	if (f) {
		size_t n = fread(msg, 1, sizeof(msg) - 1, f);

		msg[n] = '\0';
		fclose(f);
	}
	cli_runs++;
	if (WIFEXITED(rc) && WEXITSTATUS(rc) == 1 && good_message(msg, in, m->text, m->len) &&
	    stat(out, &st) != 0)
		cli_good++;
	else
		ok(0, "bcf import of a mutant (%s): status %d, stderr %s", m->kind,
		   WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, msg);
}

int main(void)
{
	struct vec_list l = vec_list_conds();
	unsigned total = 0, rejected = 0, per_kind[NMUT] = { 0 };
	char dir[] = "/tmp/bcf-smt2-mutate.XXXXXX";
	bool cli = getenv("BCF_BIN") && access(getenv("BCF_BIN"), X_OK) == 0;
	size_t i, k;

	if (!l.n) {
		skip("no vectors under BCF_SHARED_DIR");
		return done_testing();
	}
	if (cli && !mkdtemp(dir))
		cli = false;
	for (i = 0; i < l.n; i++) {
		char path[4096], *text;
		size_t len = 0;

		snprintf(path, sizeof(path), "%s/vectors/smt2/%s.smt2", shared_dir(), l.names[i]);
		text = test_read_file(path, &len);
		if (!ok(text != NULL, "read %s", path))
			continue;
		for (k = 0; k < PER_FILE; k++) {
			size_t which = (i * PER_FILE + k) % NMUT, tries;
			struct mut m = { NULL, 0, NULL };
			struct bcf_cond *c = (void *)1;
			int err;

			for (tries = 0; tries < NMUT; tries++, which = (which + 1) % NMUT)
				if (mutators[which](text, len, &m))
					break;
			if (!m.text)
				continue;
			total++;
			per_kind[which]++;
			err = bcf_smt2__parse(m.text, m.len, l.names[i], &c);
			if (err == -EINVAL && !c &&
			    good_message(bcf_last_error(), l.names[i], m.text, m.len)) {
				rejected++;
				if (per_kind[which] <= 2)
					diag("%s: %s", m.kind, bcf_last_error());
			} else {
				ok(0, "%s mutant %zu (%s): got %d, '%s'", l.names[i], k, m.kind, err,
				   err ? bcf_last_error() : "accepted");
				if (!err)
					bcf_cond__free(c);
			}
			if (cli && total % CLI_EVERY == 0)
				cli_check(dir, &m);
			free(m.text);
		}
		free(text);
	}
	for (k = 0; k < NMUT; k++)
		diag("mutator %zu: %u mutants", k, per_kind[k]);
	ok(total >= 10000, "%u mutants generated (>= 10000)", total);
	ok(rejected == total, "every mutant rejected with -EINVAL and NAME:line:col: message "
	   "(%u/%u)", rejected, total);
	if (cli) {
		char p[4200];

		ok(cli_runs >= 250 && cli_good == cli_runs,
		   "bcf import: exit 1, FILE:line:col: message, no output, for %u/%u mutants",
		   cli_good, cli_runs);
		snprintf(p, sizeof(p), "%s/mutant.smt2", dir);
		unlink(p);
		snprintf(p, sizeof(p), "%s/stderr", dir);
		unlink(p);
		rmdir(dir);
	} else {
		skip("BCF_BIN not set: CLI not exercised");
	}
	free(P.p);
	free(Q.p);
	vec_list_free(&l);
	return done_testing();
}
