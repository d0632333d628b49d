# kswitch: keep several systems resident on one x86_64 machine and switch
# between them without rebooting.
#
#   make demo     boot the patched kernel and the example systems in QEMU
#   make check    unit tests and VM scenarios; ends with "N passed, N failed"
#   make deps     install the Debian packages everything else needs
#   make kernel   the patched kernel (cached; seconds when nothing changed)
#
# Everything built, unpacked, booted or logged goes to $(BUILD).

BUILD ?= $(CURDIR)/build
C_SOURCES = $(wildcard switcher/*.[ch] slots/*.[ch] tests/agents/*.c \
	tests/unit/*.[ch] \
	tools/payloads/*.c)
export KSWITCH_BUILD := $(BUILD)

CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 -Wall -Wextra -Werror -Iinclude -Islots

KERNEL_FRAGMENTS := kernel-patches/kswitch.config tests/vm/config
KERNEL_KEY := $(BUILD)/kernel/.kswitch-key
BZIMAGE := $(BUILD)/kernel/arch/x86/boot/bzImage
GEN_INIT_CPIO := $(BUILD)/kernel/usr/gen_init_cpio
GUEST_KSWITCH := $(BUILD)/guest-bin/kswitch
GUEST_KSAGENT := $(BUILD)/guest-bin/ksagent
GUEST_SLOTS_ERRNO := $(BUILD)/guest-bin/slots-errno
GUEST_DEPS := Makefile tools/mkguest.sh tools/guest/init tools/guest/profile \
	$(wildcard tests/vm/guest/*.sh) $(GUEST_KSWITCH) $(GUEST_KSAGENT) \
	$(GUEST_SLOTS_ERRNO) \
	$(KERNEL_KEY)
# Every guest system has kswitch, the test agent, the reference loader and
# cksum(1), the reference the physical-mode payload is checked against.
GUEST_PROGRAMS := --exe $(GUEST_KSWITCH):/usr/sbin/kswitch \
	--exe $(GUEST_KSAGENT):/usr/bin/ksagent --exe /sbin/kexec:/sbin/kexec \
	--exe $(GUEST_SLOTS_ERRNO):/usr/bin/slots-errno \
	--exe /usr/bin/cksum:/usr/bin/cksum

all: kernel guests $(BUILD)/bin/kswitch

deps:
	@tools/deps.sh

include switcher/switcher.mk

# Physical-mode payloads: freestanding, linked at their physical address.
PAYLOAD_CFLAGS := -O2 -Wall -Wextra -Werror -ffreestanding -fno-pic -fno-pie \
	-no-pie -mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-asynchronous-unwind-tables -nostdlib -static \
	-Wl,-T,tools/payloads/payload.ld -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments
$(BUILD)/payloads/%.elf: tools/payloads/entry.S tools/payloads/%.c \
		tools/payloads/payload.ld switcher/call_page.h | deps
	@mkdir -p $(@D)
	$(CC) $(PAYLOAD_CFLAGS) -o $@ tools/payloads/entry.S tools/payloads/$*.c

# The test agents run inside the guests only.
$(GUEST_KSAGENT): tests/agents/ksagent.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<
$(GUEST_SLOTS_ERRNO): tests/agents/slots-errno.c include/linux/kexec_slots.h \
		| deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<

# The builder decides from its cache key whether anything is to be done and
# touches the key file only when it rebuilt, so guests rebuild only then.
kernel: $(KERNEL_KEY)
$(KERNEL_KEY): FORCE | deps
	@tools/build-kernel.sh $(BUILD) $(KERNEL_FRAGMENTS)

# Example systems: bravo and charlie are systems to load; alpha is the one
# the machine boots, and carries the kernel, the others and a payload so it
# can load them.
LOADED_GUESTS := bravo charlie delta echo
guests: $(BUILD)/guests/alpha.cpio.gz

$(BUILD)/guests/%.cpio.gz: $(GUEST_DEPS)
	@mkdir -p $(@D)
	tools/mkguest.sh $* $@ $(GEN_INIT_CPIO) $(GUEST_PROGRAMS)

$(BUILD)/guests/alpha.cpio.gz: $(GUEST_DEPS) \
		$(LOADED_GUESTS:%=$(BUILD)/guests/%.cpio.gz) \
		$(BUILD)/payloads/cksum.elf
	@mkdir -p $(@D)
	tools/mkguest.sh alpha $@ $(GEN_INIT_CPIO) $(GUEST_PROGRAMS) \
		--file $(BZIMAGE):/boot/bzImage \
		$(foreach g,$(LOADED_GUESTS),--file $(BUILD)/guests/$(g).cpio.gz:/boot/$(g).cpio.gz) \
		--file $(BUILD)/payloads/cksum.elf:/boot/cksum.elf

demo: kernel guests
	@echo "kswitch demo: system 'alpha' on the patched kernel, 2 CPUs."
	@echo "To switch to system 'bravo' and back, type at alpha's prompt:"
	@echo "  kswitch load /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 192M"
	@echo "  kswitch jump        (and 'kswitch jump' in bravo to come back)"
	@echo "'kswitch help' lists the rest. Leave QEMU with Ctrl-A then X."
	@tools/qemu-run.sh --interactive --kernel $(BZIMAGE) \
		--initrd $(BUILD)/guests/alpha.cpio.gz --append quiet

check: kernel guests $(BUILD)/bin/kswitch
	@tests/run.sh

format:
	clang-format -i $(C_SOURCES)

clean:
	rm -rf $(BUILD)/bin $(BUILD)/guest-bin $(BUILD)/guests $(BUILD)/logs

# Also drops the unpacked kernel source and the kernel build.
distclean:
	rm -rf $(BUILD)

FORCE:
.PHONY: all deps kernel guests demo check format clean distclean FORCE \
	print-c-sources

print-c-sources:
	@echo $(addprefix $(CURDIR)/,$(C_SOURCES))
