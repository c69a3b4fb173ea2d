// SPDX-License-Identifier: MIT
/* Names of prover results as they appear in results files and on stdout. */
#include <bcf/bcf.h>

const char *bcf_prove_status__name(enum bcf_prove_status s)
{
	switch (s) {
	case BCF_PROVE_PROVEN_PATH: return "proven-path";
	case BCF_PROVE_PROVEN_REFINE: return "proven-refine";
	case BCF_PROVE_SAT: return "sat";
	case BCF_PROVE_UNPROVABLE: return "unprovable-kernel";
	case BCF_PROVE_UNKNOWN: return "unknown";
	case BCF_PROVE_TOO_LARGE: return "proof-too-large";
	default: return "error";
	}
}
