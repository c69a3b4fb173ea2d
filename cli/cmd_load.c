// SPDX-License-Identifier: MIT
/* bcf load: load the programs of a BPF object, answering the kernel's proof requests. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcf/loader.h>

#include "cli/bpf_hook.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "corpus/load_json.h"
#include "lang/error.h"
#include "lang/grow.h"

/* Exit statuses of bcf load, one per failure class (bcf.1, README). */
enum {
	LOAD_EXIT_SAT = 1,
	LOAD_EXIT_UNKNOWN = 3,
	LOAD_EXIT_UNPROVABLE = 4,
	LOAD_EXIT_NO_COND = 5,
	LOAD_EXIT_PROOF_REJECTED = 6,
	LOAD_EXIT_NOSPC = 7,
	LOAD_EXIT_EPERM = 8,
	LOAD_EXIT_SKIPPED = 9,
	LOAD_EXIT_PROTOCOL = 10,
	LOAD_EXIT_ERROR = 11,
};

static int exit_of(enum bcf_load_status s)
{
	switch (s) {
	case BCF_LOAD_PLAIN:
	case BCF_LOAD_PROOFS: return BCF_EXIT_OK;
	case BCF_LOAD_REJECTED_SAT: return LOAD_EXIT_SAT;
	case BCF_LOAD_REJECTED_UNKNOWN: return LOAD_EXIT_UNKNOWN;
	case BCF_LOAD_REJECTED_UNPROVABLE: return LOAD_EXIT_UNPROVABLE;
	case BCF_LOAD_REJECTED_NO_COND: return LOAD_EXIT_NO_COND;
	case BCF_LOAD_PROOF_REJECTED: return LOAD_EXIT_PROOF_REJECTED;
	case BCF_LOAD_NOSPC: return LOAD_EXIT_NOSPC;
	case BCF_LOAD_EPERM: return LOAD_EXIT_EPERM;
	case BCF_LOAD_SKIPPED_KERNEL: return LOAD_EXIT_SKIPPED;
	case BCF_LOAD_PROTOCOL: return LOAD_EXIT_PROTOCOL;
	default: return LOAD_EXIT_ERROR;
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bcf load OBJ.bpf.o [PINDIR] [--prog NAME]... [--type TYPE] [--log-level N]\n"
		"                [--save DIR] [--solver z3|cvc5|auto] [--timeout S] [--json] [--no-bcf]\n\n"
		"Load every program of a BPF object (each in its own libbpf open/load cycle).\n"
		"On a BCF kernel each BPF_PROG_LOAD carries the BCF fields; every proof the\n"
		"kernel requests is proved (path condition first) and sent back until the\n"
		"kernel returns a program fd or an error.  On a kernel without BCF the\n"
		"programs are loaded plainly (with a notice).  Loaded programs are pinned as\n"
		"PINDIR/NAME when PINDIR (on a bpffs) is given; otherwise they are unloaded\n"
		"when bcf exits.\n\n"
		"  --prog NAME    only this program (repeatable)\n"
		"  --type TYPE    program type, as a section name (xdp, socket, kprobe/, ...)\n"
		"  --log-level N  print the verifier log at level N (1 or 2)\n"
		"  --save DIR     write each condition (DIR/conds/*.cond), proof\n"
		"                 (DIR/proofs/*.bcf) and DIR/manifest.tsv (for bcf batch)\n"
		"  --solver S     z3, cvc5 or auto (default auto)\n"
		"  --timeout S    time limit per proof request in seconds (default 60)\n"
		"  --json         one JSON object per program\n"
		"  --no-bcf       plain loads, without the BCF fields\n\n"
		"Exit status (the first failing program decides): 0 every program loaded;\n"
		"1 a condition is satisfiable (the program can misbehave; counterexample\n"
		"printed); 2 usage or I/O error, object not readable; 3 solver unknown or\n"
		"timeout; 4 unprovable within the kernel's rules; 5 rejected by the verifier\n"
		"without a proof request; 6 the kernel rejected a proof; 7 a condition or\n"
		"proof exceeds the buffer limit (ENOSPC); 8 permission denied (EPERM: BCF\n"
		"needs CAP_BPF); 9 kernel limitation (program type, BTF, map, helper);\n"
		"10 malformed proof request from the kernel; 11 other error.\n");
}

struct load_ctx {
	bool json;
	unsigned log_level;
	int exit;
	unsigned n, loaded;
};

static void on_request(void *ctx, const struct bcf_loader_request *rq)
{
	const struct bcf_prove_result *r = rq->res;
	struct load_ctx *c = ctx;

	if (c->json)
		return;
	if (rq->cached) {
		printf("  %s: request %u: %zu-byte condition, proof reused\n", rq->prog, rq->index,
		       rq->cond_size);
		return;
	}
	if (!r) {
		printf("  %s: request %u: %zu-byte condition does not decode\n", rq->prog,
		       rq->index, rq->cond_size);
		return;
	}
	printf("  %s: request %u: %zu-byte condition: %s", rq->prog, rq->index, rq->cond_size,
	       bcf_prove_status__name(r->status));
	if (r->proof)
		printf(", %zu-byte proof, %u steps", r->proof_size, r->steps);
	printf(", %.3f s\n", r->time_s);
}

static void on_prog(void *ctx, const struct bcf_object_prog_result *r)
{
	const struct bcf_load_result *l = &r->load;
	struct load_ctx *c = ctx;
	int ex = exit_of(l->status);

	c->n++;
	if (!ex)
		c->loaded++;
	else if (!c->exit)
		c->exit = ex;
	if (c->log_level && r->log && r->log[0]) {
		fprintf(c->json ? stderr : stdout, "--- verifier log of %s ---\n%s%s--- end ---\n",
			r->prog, r->log, r->log[strlen(r->log) - 1] == '\n' ? "" : "\n");
	}
	if (c->json) {
		struct pbuf b = { 0 };

		load_result_json(&b, NULL, r);
		if (b.s)
			puts(b.s);
		pbuf_free(&b);
		fflush(stdout);
		return;
	}
	switch (l->status) {
	case BCF_LOAD_PLAIN:
		printf("%s: loaded%s%s\n", r->prog, l->kernel == BCF_KERNEL_BCF ?
		       " (no proof needed)" : "", r->pinned ? ", pinned" : "");
		break;
	case BCF_LOAD_PROOFS:
		printf("%s: loaded with %u proof%s (%u path, %u refine; %llu proof bytes; "
		       "prove %.3f s)%s\n", r->prog, l->proofs, l->proofs == 1 ? "" : "s",
		       l->path_proofs, l->proofs - l->path_proofs,
		       (unsigned long long)l->proof_bytes, l->prove_time_s,
		       r->pinned ? ", pinned" : "");
		break;
	case BCF_LOAD_REJECTED_SAT: {
		const char *m = l->model_text ? l->model_text : "(none)\n";

		printf("%s: rejected: %s\n  counterexample:\n", r->prog, l->detail);
		while (*m) {
			size_t len = strcspn(m, "\n");

			printf("  %.*s\n", (int)len, m);
			m += len + (m[len] == '\n');
		}
		if (r->verifier_msg[0])
			printf("  verifier: %s\n", r->verifier_msg);
		break;
	}
	default:
		printf("%s: %s: %s\n", r->prog, l->status == BCF_LOAD_SKIPPED_KERNEL ?
		       "skipped (kernel limitation)" : l->status == BCF_LOAD_ERROR ? "error" :
		       "rejected", l->detail);
		if (r->verifier_msg[0])
			printf("  verifier: %s\n", r->verifier_msg);
		break;
	}
	fflush(stdout);
}

int cmd_load(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "prog", required_argument, NULL, 'p' },
		{ "type", required_argument, NULL, 'T' },
		{ "log-level", required_argument, NULL, 'L' },
		{ "save", required_argument, NULL, 'S' },
		{ "solver", required_argument, NULL, 's' },
		{ "timeout", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "no-bcf", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	BCF_OPTS(bcf_loader_opts, lopts, .timeout_ms = 60000);
	BCF_OPTS(bcf_object_load_opts, oopts);
	struct load_ctx ctx = { 0 };
	const char **progs = NULL;
	struct bcf_loader *l = NULL;
	size_t nprogs = 0, progs_cap = 0;
	char *end;
	int ch, err, rc = BCF_EXIT_USAGE;

	optind = 1;
	while ((ch = cli_getopt(argc, argv, "h", lo)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			free(progs);
			return 0;
		case 'p': {
			if (bcf__grow_from((void **)&progs, &progs_cap, nprogs + 1, sizeof(*progs),
					   8)) {
				fprintf(stderr, "bcf load: out of memory\n");
				goto out;
			}
			progs[nprogs++] = optarg;
			break;
		}
		case 'T':
			oopts.prog_type = optarg;
			break;
		case 'L': {
			unsigned long v = strtoul(optarg, &end, 10);

			if (*end || !*optarg || v > 15) {
				fprintf(stderr, "bcf load: bad --log-level '%s' (0..15)\n", optarg);
				goto out;
			}
			ctx.log_level = (unsigned)v;
			break;
		}
		case 'S':
			lopts.save_dir = optarg;
			break;
		case 's':
			if (cli_parse_solver(optarg, &lopts.solver)) {
				fprintf(stderr, "bcf load: --solver takes z3, cvc5 or auto\n");
				goto out;
			}
			break;
		case 't': {
			unsigned long s = strtoul(optarg, &end, 10);

			if (*end || !*optarg || s > 86400) {
				fprintf(stderr, "bcf load: bad --timeout '%s'\n", optarg);
				goto out;
			}
			lopts.timeout_ms = (unsigned)s * 1000;
			break;
		}
		case 'j':
			ctx.json = true;
			break;
		case 'n':
			lopts.no_bcf = true;
			break;
		default:
			usage(stderr);
			goto out;
		}
	}
	if (optind >= argc || argc - optind > 2) {
		usage(stderr);
		goto out;
	}
	oopts.pin_dir = argc - optind == 2 ? argv[optind + 1] : NULL;
	oopts.progs = progs;
	oopts.nprogs = nprogs;
	oopts.log_level = ctx.log_level;
	oopts.on_prog = on_prog;
	oopts.ctx = &ctx;
	lopts.on_request = on_request;
	lopts.cb_ctx = &ctx;
	err = bcf_loader__new(&lopts, &l);
	if (err) {
		fprintf(stderr, "bcf load: %s\n", bcf_last_error());
		goto out;
	}
	{
		/* the object and the --prog names first: no bpf() for a bad command line */
		char **names = NULL;
		size_t n = 0, i, k;

		err = bcf_loader__object_progs(argv[optind], &names, &n);
		for (k = 0; !err && k < nprogs; k++) {
			for (i = 0; i < n && strcmp(names[i], progs[k]); i++)
				;
			if (i == n) {
				err = bcf__err(-ENOENT, "%s: no program named '%s'", argv[optind],
					       progs[k]);
			}
		}
		if (err == 0 && !n) {
			err = bcf__err(-ENOENT, "%s: no programs", argv[optind]);
		}
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		if (err) {
			fprintf(stderr, "bcf load: %s\n", bcf_last_error());
			rc = BCF_EXIT_USAGE;
			goto out;
		}
	}
	if (!lopts.no_bcf) {
		int k = bcf_loader__kernel(l);

		if (k == BCF_KERNEL_NO_BCF)
			fprintf(stderr, "bcf load: notice: kernel without BCF%s (it refuses the BCF "
				"fields): loading plainly\n", cli_bpf_backend_name());
		else if (k == BCF_KERNEL_NO_PRIV)
			fprintf(stderr, "bcf load: permission denied: BCF needs CAP_BPF (run as "
				"root)\n");
		else if (k < 0)
			fprintf(stderr, "bcf load: %s\n", bcf_last_error());
	}
	err = bcf_loader__load_object(l, argv[optind], &oopts);
	if (err) {
		fprintf(stderr, "bcf load: %s\n", bcf_last_error());
		rc = BCF_EXIT_USAGE;
		goto out;
	}
	if (!ctx.n) {
		fprintf(stderr, "bcf load: %s: no programs\n", argv[optind]);
		rc = BCF_EXIT_USAGE;
		goto out;
	}
	if (!ctx.json)
		printf("%u/%u programs loaded\n", ctx.loaded, ctx.n);
	rc = ctx.exit;
out:
	bcf_loader__free(l);
	free(progs);
	return rc;
}
