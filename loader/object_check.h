/* SPDX-License-Identifier: MIT */
/*
 * loader/object_check.h - bcf's own structural validation of a BPF object
 * (ELF64 relocatable, its section headers, symbol table, relocations, .BTF
 * and .BTF.ext) before any of it is handed to libbpf, then the libbpf probe
 * in a child process (loader/object.c).
 */
#ifndef BCF_LOADER_OBJECT_CHECK_H
#define BCF_LOADER_OBJECT_CHECK_H

#include <stddef.h>

/* Largest object bcf_loader__object_progs reads (and validates) whole. */
#define BCF_OBJECT_MAX_SIZE (256u << 20)

/*
 * 0 if every header, offset, size, index, string reference and BTF type
 * reference in the object is in bounds; otherwise -EINVAL (or -EFBIG over
 * BCF_OBJECT_MAX_SIZE) with a message "NAME: ...: offset 0x...: ..." naming
 * the offending structure.  Reads only data[0..size).  Passing does not make
 * libbpf safe on the object (it has other crashes), only rules out the
 * malformations listed in the source.
 */
int bcf_loader__object_check(const void *data, size_t size, const char *name);

/* How long the libbpf probe of an object may take (a hang is refused). */
#define BCF_OBJECT_PROBE_MS 30000u

/*
 * Open the object at path with libbpf in a child process and read back its
 * programs and maps: 0 if libbpf opened it or refused it cleanly; -EINVAL
 * with a message if libbpf crashed, or did not finish within timeout_ms (the
 * child is killed; 0: no limit, as everywhere else).  Run after
 * bcf_loader__object_check() passed.
 */
int bcf_loader__object_probe(const char *path, unsigned timeout_ms);

#endif
