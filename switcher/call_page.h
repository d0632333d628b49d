/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout kswitch and its physical-mode payloads agree on for the
 * kernel's call page (/sys/kernel/kexec_jump/call_page). The payload finds
 * the page's physical address in its symbol ks_call_page_addr, which
 * kswitch fills in before loading it (docs/kexec-jump.md).
 */
#ifndef KSWITCH_CALL_PAGE_H
#define KSWITCH_CALL_PAGE_H

#include <stdint.h>

#define KS_CALL_MAGIC 0x4c4c41435753534bULL /* "KSSWCALL" */
#define KS_CALL_PAGE_SIZE 4096
#define KS_CALL_ADDR_SYMBOL "ks_call_page_addr"

enum ks_call_status {
	KS_CALL_DONE = 0, /* result is valid */
	KS_CALL_NOT_RUN = 1, /* what the caller writes before the call */
	KS_CALL_BAD_ARG = 2, /* the payload refused the argument */
};

struct ks_call_page {
	uint64_t magic; /* KS_CALL_MAGIC, from the caller */
	uint64_t status; /* enum ks_call_status, from the payload */
	uint64_t calls; /* incremented by the payload on each call */
	uint64_t result; /* from the payload */
	uint64_t arg_len; /* bytes of arg, from the caller */
	uint8_t arg[KS_CALL_PAGE_SIZE - 5 * sizeof(uint64_t)];
};

#endif /* KSWITCH_CALL_PAGE_H */
