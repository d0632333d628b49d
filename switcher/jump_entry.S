/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The code a loaded kernel is first entered through, in place of
 * kexec-tools' purgatory. It is not run by kswitch: kswitch copies the bytes
 * between ks_entry_start and ks_entry_end into the new system's memory and
 * fills in the three quads at the end (see jump_entry.h).
 *
 * relocate_kernel() calls it in 64-bit mode on an identity map, with
 * interrupts off, the GDT and IDT limits at zero and the re-entry point of
 * the calling system on top of the stack. It
 *  - writes that re-entry point in hex into the new kernel's command line,
 *    where "kexec_jump_back_entry=0x" leaves room for it, so the new
 *    system can jump back (kswitch and kexec-tools both read it there);
 *  - loads a GDT with the flat __BOOT_CS (0x10) and __BOOT_DS (0x18)
 *    descriptors the 64-bit boot protocol asks for;
 *  - enters the kernel's 64-bit entry point with %rsi = boot_params.
 * All addressing is RIP-relative: the code runs wherever it is loaded.
 */
	.section .rodata, "a"
	.code64
	.balign 16
	.globl ks_entry_start
	.hidden ks_entry_start
ks_entry_start:
	cld
	movq	0(%rsp), %rax
	movq	ks_entry_hex(%rip), %rdi
	testq	%rdi, %rdi
	jz	2f
	leaq	hex_digits(%rip), %rsi
	movl	$15, %ecx
1:	movq	%rax, %rdx
	andl	$0xf, %edx
	movb	(%rsi,%rdx), %dl
	movb	%dl, (%rdi,%rcx)
	shrq	$4, %rax
	decl	%ecx
	jns	1b

2:	leaq	gdt(%rip), %rax
	movq	%rax, gdt_desc + 2(%rip)
	lgdt	gdt_desc(%rip)
	movl	$0x18, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	leaq	3f(%rip), %rax
	pushq	$0x10
	pushq	%rax
	lretq

3:	movq	ks_entry_boot_params(%rip), %rsi
	movq	ks_entry_kernel(%rip), %rax
	xorl	%ebp, %ebp
	jmp	*%rax

hex_digits:
	.ascii	"0123456789abcdef"

	.balign 8
gdt:
	.quad	0
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x10: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x18: flat data */
gdt_end:
gdt_desc:
	.word	gdt_end - gdt - 1
	.quad	0			/* base: set at run time */

	.balign 8
	.globl ks_entry_boot_params
	.hidden ks_entry_boot_params
ks_entry_boot_params:
	.quad	0
	.globl ks_entry_kernel
	.hidden ks_entry_kernel
ks_entry_kernel:
	.quad	0
	.globl ks_entry_hex
	.hidden ks_entry_hex
ks_entry_hex:
	.quad	0
	.globl ks_entry_end
	.hidden ks_entry_end
ks_entry_end:

	.section .note.GNU-stack, "", @progbits
