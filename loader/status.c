// SPDX-License-Identifier: MIT
/* Names of the load statuses, as written in results files. */
#include <bcf/loader.h>

const char *bcf_load_status__name(enum bcf_load_status s)
{
	static const char *const names[BCF_LOAD__NR] = {
		[BCF_LOAD_PLAIN] = "loaded-plain",
		[BCF_LOAD_PROOFS] = "loaded-with-proofs",
		[BCF_LOAD_REJECTED_SAT] = "rejected-sat",
		[BCF_LOAD_REJECTED_UNPROVABLE] = "rejected-unprovable",
		[BCF_LOAD_REJECTED_UNKNOWN] = "rejected-unknown",
		[BCF_LOAD_REJECTED_NO_COND] = "rejected-no-condition",
		[BCF_LOAD_PROOF_REJECTED] = "rejected-proof",
		[BCF_LOAD_NOSPC] = "rejected-nospc",
		[BCF_LOAD_EPERM] = "eperm",
		[BCF_LOAD_SKIPPED_KERNEL] = "skipped-kernel",
		[BCF_LOAD_PROTOCOL] = "protocol-error",
		[BCF_LOAD_ERROR] = "error",
	};

	return (unsigned)s < BCF_LOAD__NR ? names[s] : "error";
}
