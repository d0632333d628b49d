# Builds one fuzz target; tests/fuzz/run.sh calls it from the top of the
# tree as
#   make -f tests/fuzz/build.mk B=BUILD/fuzz NAME=payload \
#        SOURCES="switcher/payload.c ..." LIBS="-lelf -lz"
# Objects go to $(B)/obj, one per source for every target that links it,
# with their header dependencies, so nothing is rebuilt that has not
# changed. Editing a target's fuzz-sources line changes its own source,
# which relinks it.

CC := clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Iinclude -Islots -Iswitcher

OBJS := $(patsubst %,$(B)/obj/%.o,$(SOURCES) tests/fuzz/fuzz_$(NAME).c)

$(B)/fuzz_$(NAME): $(OBJS)
	$(CC) $(FUZZ_CFLAGS) -o $@ $(OBJS) $(LIBS)

$(B)/obj/%.c.o: %.c tests/fuzz/build.mk
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/obj/%.S.o: %.S tests/fuzz/build.mk
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)
