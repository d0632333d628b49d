/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry of a kswitch physical-mode payload. relocate_kernel() calls it on
 * the caller's swap page: 0(%rsp) is the return address, 8(%rsp) the entry
 * point to use next time (left as it is: always enter here).
 */
	.section .text.entry, "ax"
	.code64
	.globl _start
_start:
	call	payload_main
	ret

	.section .note.GNU-stack, "", @progbits
