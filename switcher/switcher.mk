# kswitch, built twice: for the host (tests) and static for the guests.
# Included from the top-level Makefile.

KSWITCH_SRCS := $(addprefix switcher/,kswitch.c sysinfo.c cmd_status.c)
KSWITCH_HDRS := $(wildcard switcher/*.h include/linux/*.h)

$(BUILD)/bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(KSWITCH_SRCS) $(LDLIBS)

$(BUILD)/guest-bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $(KSWITCH_SRCS) $(LDLIBS)
