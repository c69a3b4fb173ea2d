/* SPDX-License-Identifier: MIT */
/* One JSON object per loaded program (bcf load --json, bcf batch over objects). */
#ifndef BCF_CORPUS_LOAD_JSON_H
#define BCF_CORPUS_LOAD_JSON_H

#include <bcf/loader.h>

#include "lang/print_buf.h"

/*
 * {"name":NAME,"object":..,"prog":..,"section":..,"status":..,"errno":..,
 *  "kernel":..,"requests":..,"proofs":..,"path_proofs":..,"proof_bytes":..,
 *  "prove_time_s":..,"time_s":..,"pinned":..,"verifier":..,"error":..,
 *  "counterexample":..}   (no newline; name may be NULL: object:prog)
 */
void load_result_json(struct pbuf *b, const char *name, const struct bcf_object_prog_result *r);

/* "bcf", "no-bcf", "no-priv" or "" */
const char *load_kernel_name(int kind);

#endif
