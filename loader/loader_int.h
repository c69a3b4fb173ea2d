/* SPDX-License-Identifier: MIT */
/* loader/loader_int.h - the loader object and helpers shared inside loader/. */
#ifndef BCF_LOADER_LOADER_INT_H
#define BCF_LOADER_LOADER_INT_H

#include <bcf/loader.h>

struct proof_cache_entry {
	void *cond;
	size_t cond_size;
	void *proof;
	size_t proof_size;
	uint32_t flags;
};

struct bcf_loader {
	struct bcf_loader_opts o;
	int kernel;          /* 0 = not probed, enum bcf_kernel_kind, or negative errno */
	char kernel_detail[160];
};

static inline long loader_sys(struct bcf_loader *l, int cmd, void *attr, unsigned size)
{
	return l->o.sys_bpf(cmd, attr, size, l->o.sys_ctx);
}

/*
 * Save one request under dir: conds/NAME.cond, proofs/NAME.bcf (if proven)
 * and a line of manifest.tsv (name, proof bytes, status, goal).
 */
int loader_save(const char *dir, const char *name, const void *cond, size_t cond_size,
		const struct bcf_prove_result *res);

#endif
