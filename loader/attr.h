/* SPDX-License-Identifier: MIT */
/*
 * loader/attr.h - the BPF_PROG_LOAD attr as a BCF kernel reads it
 * (spec/format.md 4.1).  Debian's UAPI header stops at core_relo_rec_size,
 * so the layout is defined here and every offset pinned: against the spec
 * for the fields Debian lacks, against <linux/bpf.h> for those it has.
 */
#ifndef BCF_LOADER_ATTR_H
#define BCF_LOADER_ATTR_H

#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include <bcf/uapi.h>

struct bcf_load_attr {
	uint32_t prog_type;            /*   0 */
	uint32_t insn_cnt;             /*   4 */
	uint64_t insns;                /*   8 */
	uint64_t license;              /*  16 */
	uint32_t log_level;            /*  24 */
	uint32_t log_size;             /*  28 */
	uint64_t log_buf;              /*  32 */
	uint32_t kern_version;         /*  40 */
	uint32_t prog_flags;           /*  44 */
	char prog_name[16];            /*  48 */
	uint32_t prog_ifindex;         /*  64 */
	uint32_t expected_attach_type; /*  68 */
	uint32_t prog_btf_fd;          /*  72 */
	uint32_t func_info_rec_size;   /*  76 */
	uint64_t func_info;            /*  80 */
	uint32_t func_info_cnt;        /*  88 */
	uint32_t line_info_rec_size;   /*  92 */
	uint64_t line_info;            /*  96 */
	uint32_t line_info_cnt;        /* 104 */
	uint32_t attach_btf_id;        /* 108 */
	uint32_t attach_prog_fd;       /* 112 */
	uint32_t core_relo_cnt;        /* 116 */
	uint64_t fd_array;             /* 120 */
	uint64_t core_relos;           /* 128 */
	uint32_t core_relo_rec_size;   /* 136 */
	uint32_t log_true_size;        /* 140 */
	int32_t prog_token_fd;         /* 144 */
	uint32_t fd_array_cnt;         /* 148 */
	uint64_t signature;            /* 152 */
	uint32_t signature_size;       /* 160 */
	int32_t keyring_id;            /* 164 */
	uint64_t bcf_buf;              /* 168 */
	uint32_t bcf_buf_size;         /* 176 */
	uint32_t bcf_buf_true_size;    /* 180 */
	uint32_t bcf_fd;               /* 184 */
	uint32_t bcf_flags;            /* 188 */
} __attribute__((aligned(8)));

#define BCF_ATTR_PIN(field, off) \
	_Static_assert(offsetof(struct bcf_load_attr, field) == (off), #field " offset")
#define BCF_ATTR_UAPI(field) \
	_Static_assert(offsetof(struct bcf_load_attr, field) == offsetof(union bpf_attr, field), \
		       #field " offset differs from <linux/bpf.h>")

/* spec/format.md 4.1 */
BCF_ATTR_PIN(keyring_id, BCF_ATTR_OFF_KEYRING_ID);
BCF_ATTR_PIN(bcf_buf, BCF_ATTR_OFF_BUF);
BCF_ATTR_PIN(bcf_buf_size, BCF_ATTR_OFF_BUF_SIZE);
BCF_ATTR_PIN(bcf_buf_true_size, BCF_ATTR_OFF_BUF_TRUE_SIZE);
BCF_ATTR_PIN(bcf_fd, BCF_ATTR_OFF_FD);
BCF_ATTR_PIN(bcf_flags, BCF_ATTR_OFF_FLAGS);
_Static_assert(sizeof(struct bcf_load_attr) == BCF_ATTR_SIZE, "attr size 192");
/* the fields between Debian's last one and keyring_id (bpf-next layout) */
BCF_ATTR_PIN(log_true_size, 140);
BCF_ATTR_PIN(prog_token_fd, 144);
BCF_ATTR_PIN(fd_array_cnt, 148);
BCF_ATTR_PIN(signature, 152);
BCF_ATTR_PIN(signature_size, 160);
/* the fields the installed UAPI header has */
BCF_ATTR_UAPI(prog_type);
BCF_ATTR_UAPI(insn_cnt);
BCF_ATTR_UAPI(insns);
BCF_ATTR_UAPI(license);
BCF_ATTR_UAPI(log_level);
BCF_ATTR_UAPI(log_size);
BCF_ATTR_UAPI(log_buf);
BCF_ATTR_UAPI(kern_version);
BCF_ATTR_UAPI(prog_flags);
BCF_ATTR_UAPI(prog_name);
BCF_ATTR_UAPI(prog_ifindex);
BCF_ATTR_UAPI(expected_attach_type);
BCF_ATTR_UAPI(prog_btf_fd);
BCF_ATTR_UAPI(func_info_rec_size);
BCF_ATTR_UAPI(func_info);
BCF_ATTR_UAPI(func_info_cnt);
BCF_ATTR_UAPI(line_info_rec_size);
BCF_ATTR_UAPI(line_info);
BCF_ATTR_UAPI(line_info_cnt);
BCF_ATTR_UAPI(attach_btf_id);
BCF_ATTR_UAPI(attach_prog_fd);
BCF_ATTR_UAPI(core_relo_cnt);
BCF_ATTR_UAPI(fd_array);
BCF_ATTR_UAPI(core_relos);
BCF_ATTR_UAPI(core_relo_rec_size);

#endif
