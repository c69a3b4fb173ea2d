// SPDX-License-Identifier: MIT
/* JSON of one program's load result (see corpus/load_json.h). */
#include <stdio.h>
#include <string.h>

#include "corpus/load_json.h"

const char *load_kernel_name(int kind)
{
	switch (kind) {
	case BCF_KERNEL_BCF: return "bcf";
	case BCF_KERNEL_NO_BCF: return "no-bcf";
	case BCF_KERNEL_NO_PRIV: return "no-priv";
	default: return "";
	}
}

void load_result_json(struct pbuf *b, const char *name, const struct bcf_object_prog_result *r)
{
	const struct bcf_load_result *l = &r->load;
	char def[512];
	bool loaded = l->status == BCF_LOAD_PLAIN || l->status == BCF_LOAD_PROOFS;

	if (!name) {
		snprintf(def, sizeof(def), "%s:%s", r->object ? r->object : "", r->prog ? r->prog : "");
		name = def;
	}
	pbuf_putf(b, "{\"name\":");
	pbuf_json_str(b, name);
	pbuf_putf(b, ",\"object\":");
	pbuf_json_str(b, r->object ? r->object : "");
	pbuf_putf(b, ",\"prog\":");
	pbuf_json_str(b, r->prog ? r->prog : "");
	pbuf_putf(b, ",\"section\":");
	pbuf_json_str(b, r->section ? r->section : "");
	pbuf_putf(b, ",\"status\":\"%s\",\"errno\":%d,\"kernel\":\"%s\",\"requests\":%u,"
		  "\"proofs\":%u,\"path_proofs\":%u,\"proof_bytes\":%llu,\"prove_time_s\":%.6f,"
		  "\"time_s\":%.6f,\"pinned\":%s,\"verifier\":",
		  bcf_load_status__name(l->status), l->err < 0 ? -l->err : 0,
		  load_kernel_name(l->kernel), l->requests, l->proofs, l->path_proofs,
		  (unsigned long long)l->proof_bytes, l->prove_time_s, r->time_s,
		  r->pinned ? "true" : "false");
	pbuf_json_str(b, r->verifier_msg);
	pbuf_putf(b, ",\"error\":");
	pbuf_json_str(b, loaded ? "" : l->detail);
	pbuf_putf(b, ",\"counterexample\":");
	pbuf_json_str(b, l->model_text ? l->model_text : "");
	pbuf_putf(b, "}");
}
