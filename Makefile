# kswitch: keep several systems resident on one x86_64 machine and switch
# between them without rebooting.
#
#   make demo     boot the patched kernel and the example systems in QEMU
#                 (MACHINE=desktop: the desktop machine, docs/machines.md;
#                 SYSTEMS=debian: the Debian machine, docs/debian.md)
#   make check    unit tests and VM scenarios; ends with "N passed, N failed"
#   make deps     install the Debian packages everything else needs
#   make kernel   the patched kernel (cached; seconds when nothing changed)
#   make kernel-distro  the patched kernel on Debian's configuration, for
#                 the desktop machine (cached outside the clone as well)
#   make bench    switch latency against the stock kexec jump and cold
#                 boot, in QEMU; a table and a plot in $(BUILD)/bench
#   make fuzz     every file and command-line parser under libFuzzer, 10
#                 minutes each (tests/fuzz/README.md), then the kernel
#                 interface fed random requests for 10 minutes
#   make soak     1000 switches over five systems, 100 load/unload cycles
#                 (make soak-desktop: the same on the desktop machine)
#   make deb      kswitch and the distribution kernel as Debian packages,
#                 kswitch's checked with lintian, in $(BUILD)/deb
#   make debian-machine  three Debian 12 systems on disks of their own,
#                 with those packages installed, in $(BUILD)/debian
#   make install  kswitch, its man pages, bash completion and example
#                 profiles, under $(DESTDIR)$(PREFIX) (PREFIX=/usr/local)
#
# Everything built, unpacked, booted or logged goes to $(BUILD).

BUILD ?= $(CURDIR)/build
C_SOURCES = $(wildcard switcher/*.[ch] slots/*.[ch] tests/agents/*.c tests/fuzz/*.c \
	tests/unit/*.[ch] tests/lib/*.h bench/*.c \
	tools/payloads/*.c)
export KSWITCH_BUILD := $(BUILD)

# NO_DEPS=1 builds with what is installed, never running make deps: a
# package build (debian/rules), whose Build-Depends install what it needs.
DEPS := $(if $(NO_DEPS),,deps)

CFLAGS ?= -O2 -g
# override: flags given on the command line (a package build's hardening
# flags) add to these rather than replace them.
override CFLAGS += -std=gnu11 -Wall -Wextra -Werror -Iinclude -Islots

KERNEL_FRAGMENTS := kernel-patches/kswitch.config tests/vm/config
KERNEL_KEY := $(BUILD)/kernel/.kswitch-key
DISTRO_FRAGMENTS := kernel-patches/kswitch.config tests/vm/desktop.config
DISTRO_LSMOD := tools/kernel/desktop-vm.lsmod
DISTRO_KEY := $(BUILD)/kernel-distro/.kswitch-key
DISTRO_BZIMAGE := $(BUILD)/kernel-distro/arch/x86/boot/bzImage
BZIMAGE := $(BUILD)/kernel/arch/x86/boot/bzImage
GEN_INIT_CPIO := $(BUILD)/kernel/usr/gen_init_cpio
GUEST_KSWITCH := $(BUILD)/guest-bin/kswitch
GUEST_KSAGENT := $(BUILD)/guest-bin/ksagent
GUEST_SLOTS_ERRNO := $(BUILD)/guest-bin/slots-errno
GUEST_KSBENCH := $(BUILD)/guest-bin/ksbench
GUEST_SLOTS_FUZZ := $(BUILD)/guest-bin/slots-fuzz
GUEST_DEPS := Makefile tools/mkguest.sh tools/guest/init tools/guest/profile \
	$(wildcard tests/vm/guest/*.sh tests/vm/guest/peers/*.sh \
		tests/vm/guest/lib/*.sh bench/guest/*.sh) tests/lib/tap.sh \
	$(GUEST_KSWITCH) $(GUEST_KSAGENT) $(GUEST_SLOTS_ERRNO) \
	$(GUEST_KSBENCH) $(GUEST_SLOTS_FUZZ) $(KERNEL_KEY)
# Every guest system has kswitch, the test agent, the reference loader and
# cksum(1), the reference the physical-mode payload is checked against.
GUEST_PROGRAMS := --exe $(GUEST_KSWITCH):/usr/sbin/kswitch \
	--exe $(GUEST_KSAGENT):/usr/bin/ksagent --exe /sbin/kexec:/sbin/kexec \
	--exe $(GUEST_SLOTS_ERRNO):/usr/bin/slots-errno \
	--exe $(GUEST_KSBENCH):/usr/bin/ksbench \
	--exe $(GUEST_SLOTS_FUZZ):/usr/bin/slots-fuzz \
	--exe /usr/bin/cksum:/usr/bin/cksum

all: kernel guests $(BUILD)/bin/kswitch

deps:
	@tools/deps.sh

include switcher/switcher.mk

# The benchmark agent (bench/README.md) runs inside the guests only.
$(GUEST_KSBENCH): bench/ksbench.c include/linux/kexec_slots.h | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<

# Physical-mode payloads: freestanding, linked at their physical address.
PAYLOAD_CFLAGS := -O2 -Wall -Wextra -Werror -ffreestanding -fno-pic -fno-pie \
	-no-pie -mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-asynchronous-unwind-tables -nostdlib -static \
	-Wl,-T,tools/payloads/payload.ld -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments
$(BUILD)/payloads/%.elf: tools/payloads/entry.S tools/payloads/%.c \
		tools/payloads/payload.ld switcher/call_page.h | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(PAYLOAD_CFLAGS) -o $@ tools/payloads/entry.S tools/payloads/$*.c

# The test agents run inside the guests only.
$(GUEST_KSAGENT): tests/agents/ksagent.c include/linux/kexec_slots.h | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<
$(GUEST_SLOTS_ERRNO): tests/agents/slots-errno.c include/linux/kexec_slots.h \
		tests/lib/tap.h | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<
$(GUEST_SLOTS_FUZZ): tests/agents/slots-fuzz.c include/linux/kexec_slots.h \
		tests/lib/tap.h | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $<

# The builder decides from its cache key whether anything is to be done and
# touches the key file only when it rebuilt, so guests rebuild only then.
kernel: $(KERNEL_KEY)
$(KERNEL_KEY): FORCE | $(DEPS)
	@tools/build-kernel.sh $(BUILD) $(KERNEL_FRAGMENTS)

# The distribution kernel for the desktop machine: Debian's configuration
# with the series, reduced to that machine's devices (docs/building.md).
# Kept under $(KSWITCH_CACHE) too, as it takes tens of minutes cold.
DISTRO_BUILD := tools/build-kernel.sh --base debian --lsmod $(DISTRO_LSMOD) \
	--out kernel-distro --share
kernel-distro: $(DISTRO_KEY)
$(DISTRO_KEY): FORCE | $(DEPS)
	@$(DISTRO_BUILD) $(BUILD) $(DISTRO_FRAGMENTS)

# make bench's kernel on the small machine: the test kernel without lock
# debugging (bench/config).
BENCH_KEY := $(BUILD)/kernel-bench/.kswitch-key
kernel-bench: $(BENCH_KEY)
$(BENCH_KEY): FORCE | $(DEPS)
	@tools/build-kernel.sh --out kernel-bench $(BUILD) $(KERNEL_FRAGMENTS) \
		bench/config

# That kernel as a Debian package (linux-image-RELEASE), in $(BUILD)/deb.
kernel-deb: | $(DEPS)
	@$(DISTRO_BUILD) --deb $(BUILD) $(DISTRO_FRAGMENTS)

# Example systems: bravo and charlie are systems to load; alpha is the one
# the machine boots, and carries the kernel, the others and a payload so it
# can load them.
LOADED_GUESTS := bravo charlie delta echo
guests: $(BUILD)/guests/alpha.cpio.gz

$(BUILD)/guests/%.cpio.gz: $(GUEST_DEPS)
	@mkdir -p $(@D)
	tools/mkguest.sh $* $@ $(GEN_INIT_CPIO) $(GUEST_PROGRAMS)

# Alpha also has the example slot profiles, for kswitch up.
SLOT_PROFILES := $(wildcard slots/examples/*.conf)
$(BUILD)/guests/alpha.cpio.gz: $(GUEST_DEPS) \
		$(LOADED_GUESTS:%=$(BUILD)/guests/%.cpio.gz) \
		$(BUILD)/payloads/cksum.elf $(SLOT_PROFILES)
	@mkdir -p $(@D)
	tools/mkguest.sh alpha $@ $(GEN_INIT_CPIO) $(GUEST_PROGRAMS) \
		$(foreach p,$(SLOT_PROFILES),--file $(p):/etc/kswitch/slots.d/$(notdir $(p))) \
		--file $(BZIMAGE):/boot/bzImage \
		$(foreach g,$(LOADED_GUESTS),--file $(BUILD)/guests/$(g).cpio.gz:/boot/$(g).cpio.gz) \
		--file $(BUILD)/payloads/cksum.elf:/boot/cksum.elf

# The desktop machine's slot 0: alpha with the distribution kernel to load.
desktop-guests: $(BUILD)/guests-distro/alpha.cpio.gz
$(BUILD)/guests-distro/alpha.cpio.gz: $(GUEST_DEPS) $(DISTRO_KEY) \
		$(LOADED_GUESTS:%=$(BUILD)/guests/%.cpio.gz) $(SLOT_PROFILES)
	@mkdir -p $(@D)
	tools/mkguest.sh alpha $@ $(GEN_INIT_CPIO) $(GUEST_PROGRAMS) \
		$(foreach p,$(SLOT_PROFILES),--file $(p):/etc/kswitch/slots.d/$(notdir $(p))) \
		--file $(DISTRO_BZIMAGE):/boot/bzImage \
		$(foreach g,$(LOADED_GUESTS),--file $(BUILD)/guests/$(g).cpio.gz:/boot/$(g).cpio.gz)

# The Debian machine (docs/debian.md): alpha, bravo and charlie, Debian 12
# systems on disks of their own with the packages of make deb installed,
# and the VM scenario's agent (tests/vm/debian); built again only when
# what goes into them changed.
DEBIAN_MACHINE := $(BUILD)/debian
DEBIAN_AGENT := --overlay tests/vm/debian/rootfs --enable ks-record.timer \
	--enable serial-getty@ttyS1.service
debian-machine: deb
	@tools/mkdebian-machine.sh $(DEBIAN_AGENT) $(DEBIAN_MACHINE) \
		$(BUILD)/deb/linux-image-*.deb $(BUILD)/deb/kswitch_*_amd64.deb

# MACHINE=desktop: the desktop machine (UEFI, 4 CPUs, 8 GiB, a screen in a
# window where there is a display) with the distribution kernel.
# SYSTEMS=debian: that machine with the Debian machine's disks, copied so
# that each demo starts from systems never booted.
MACHINE ?= small
SYSTEMS ?= busybox
DEMO_DISKS := $(BUILD)/vm/demo-debian
ifeq ($(SYSTEMS),debian)
DEMO_DEPS := debian-machine
DEMO_RUN := --machine desktop --boot-disk $(DEMO_DISKS)/alpha.img \
	--disk $(DEMO_DISKS)/bravo.img --disk $(DEMO_DISKS)/charlie.img --net
DEMO_INTRO := "kswitch demo: the Debian machine. UEFI boots alpha's disk; its \
kswitch.service loads bravo and charlie into slots 1 and 2. Log in as \
root (no password) on the serial console or the screen; 'kswitch \
bravo', 'kswitch list', 'kswitch menu' and Ctrl+Alt+0/1/2 switch. \
Leave QEMU with Ctrl-A then X."
else ifeq ($(MACHINE),desktop)
DEMO_DEPS := kernel-distro desktop-guests
DEMO_RUN := --machine desktop --kernel $(DISTRO_BZIMAGE) \
	--initrd $(BUILD)/guests-distro/alpha.cpio.gz
else
DEMO_DEPS := kernel guests
DEMO_RUN := --kernel $(BZIMAGE) --initrd $(BUILD)/guests/alpha.cpio.gz
endif

ifeq ($(SYSTEMS),debian)
demo: $(DEMO_DEPS)
	@echo $(DEMO_INTRO) | fold -s -w 72
	@mkdir -p $(DEMO_DISKS)
	@for s in alpha bravo charlie; do \
		cp --sparse=always $(DEBIAN_MACHINE)/$$s.img $(DEMO_DISKS)/; done
	@tools/qemu-run.sh --interactive $(DEMO_RUN)
else
demo: $(DEMO_DEPS)
	@echo "kswitch demo: system 'alpha' in slot 0 on the patched kernel ($(MACHINE) machine);"
	@echo "it loads bravo and charlie into slots 1 and 2 ('kswitch up') and"
	@echo "opens the slot menu: arrows and Enter switch, h shows the keys."
	@echo "In bravo or charlie, 'kswitch 0' (or 'kswitch menu') comes back;"
	@echo "Ctrl+Alt+digit switches from any system (QEMU window or monitor"
	@echo "'sendkey ctrl-alt-1'). Leave QEMU with Ctrl-A then X."
	@tools/qemu-run.sh --interactive $(DEMO_RUN) --append "quiet ks.menu=1 kexec_slots.hotkey=ctrl+alt"
endif

deb: kernel-deb | $(DEPS)
	@tools/build-deb.sh $(BUILD)/deb

PREFIX ?= /usr/local
install: $(BUILD)/bin/kswitch
	@tools/install.sh "$(BUILD)/bin/kswitch" "$(DESTDIR)" "$(PREFIX)"

# Every test, KS_JOBS (the CPUs) at a time (tests/run.sh); check-small
# only the small machine's scenarios and the unit tests, on the small
# test kernel: the fast loop while working.
check: kernel guests kernel-distro desktop-guests debian-machine \
		$(BUILD)/bin/kswitch
	@tests/run.sh

check-small: kernel guests $(BUILD)/bin/kswitch
	@KS_MACHINES=small tests/run.sh

# Switch latency against the stock kexec jump and cold boot, in QEMU:
# results in $(BUILD)/bench (bench/README.md). BENCH_ROUNDS, BENCH_LOADS
# and BENCH_SIZES (MiB, comma-separated) change what runs.
bench: kernel kernel-bench guests kernel-distro desktop-guests
	@BENCH_MACHINE=$${BENCH_MACHINE:-both} bench/run.sh

# The parsers fuzzed for 10 minutes each (make check runs 15 s each), then
# the kernel interface for 10 minutes (make check runs 1 minute); both run
# whatever the other found.
fuzz: kernel guests
	@KS_FUZZ_SECS=600 bash tests/fuzz/run.sh; rc=$$?; \
		KS_FUZZ_SECS=600 bash tests/vm/slots-fuzz.sh && exit $$rc

# The slot tour at length: 1000 switches over slot 0 and four loaded slots,
# then 100 load/unload cycles (make check runs 100 switches and 4 cycles).
soak: kernel guests
	@KS_SWITCHES=1000 KS_CYCLES=100 KS_TOUR_NAME=soak \
		bash tests/vm/slots-tour.sh

# The same on the desktop machine: the distribution kernel under UEFI, with
# the desktop tour's checks of the TPM, screen, CPUs and UEFI variables.
soak-desktop: kernel-distro desktop-guests
	@KS_SWITCHES=1000 KS_CYCLES=100 KS_TOUR_NAME=soak-desktop \
		KS_TOUR_MACHINE=desktop KS_TOUR_FIRMWARE=uefi \
		bash tests/vm/slots-tour.sh

format:
	clang-format -i $(C_SOURCES)

clean:
	rm -rf $(BUILD)/bin $(BUILD)/guest-bin $(BUILD)/guests $(BUILD)/logs

# Also drops the unpacked kernel source and the kernel build.
distclean:
	rm -rf $(BUILD)

FORCE:
.PHONY: all deps kernel kernel-bench kernel-distro kernel-deb guests desktop-guests \
	debian-machine demo check check-small bench fuzz soak soak-desktop deb install format \
	clean distclean FORCE print-c-sources

print-c-sources:
	@echo $(addprefix $(CURDIR)/,$(C_SOURCES))
