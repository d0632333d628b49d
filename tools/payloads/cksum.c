// SPDX-License-Identifier: GPL-2.0
/*
 * A physical-mode payload for kswitch call: the POSIX cksum CRC of the
 * argument in the call page, so that a caller can check it with cksum(1).
 * Runs with interrupts off and no IDT: it must not fault.
 */
#include <stdint.h>

#include "../../switcher/call_page.h"

/* Filled in by kswitch before loading; in .data so the file has it. */
uint64_t ks_call_page_addr __attribute__((section(".data"), used));

static uint32_t crc_byte(uint32_t crc, uint8_t byte)
{
	int i;

	crc ^= (uint32_t)byte << 24;
	for (i = 0; i < 8; i++)
		crc = crc & 0x80000000u ? (crc << 1) ^ 0x04c11db7u : crc << 1;
	return crc;
}

static uint32_t posix_cksum(const uint8_t *data, uint64_t len)
{
	uint32_t crc = 0;
	uint64_t i;

	for (i = 0; i < len; i++)
		crc = crc_byte(crc, data[i]);
	for (; len; len >>= 8)
		crc = crc_byte(crc, len & 0xff);
	return ~crc;
}

void payload_main(void);

void payload_main(void)
{
	struct ks_call_page *page = (void *)ks_call_page_addr;

	if (!page || page->magic != KS_CALL_MAGIC)
		return;
	page->calls++;
	if (page->arg_len > sizeof(page->arg)) {
		page->status = KS_CALL_BAD_ARG;
		return;
	}
	page->result = posix_cksum(page->arg, page->arg_len);
	page->status = KS_CALL_DONE;
}
