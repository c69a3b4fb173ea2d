// SPDX-License-Identifier: MIT
/* Word-level refutations (solver/tactic.h).  None yet: bit-blasting does all. */
#include <errno.h>

#include "solver/tactic.h"

int tactic_refute(struct pbuild *b, const int *facts, unsigned n)
{
	return -ENOENT;
}
