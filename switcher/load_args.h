/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arguments of 'kswitch load', parsed without acting on them: for
 * cmd_load() and for its fuzzer (tests/fuzz/fuzz_cmdline.c).
 */
#ifndef KSWITCH_LOAD_ARGS_H
#define KSWITCH_LOAD_ARGS_H

struct ks_profile;

/*
 * 0, with @p as asked: no kernel if argv[1] names a profile (p->name),
 * slot 0 for the system 'kswitch jump' switches to; or the exit code of
 * the line printed to say what was wrong.
 */
int ks_load_args(int argc, char **argv, struct ks_profile *p);

#endif /* KSWITCH_LOAD_ARGS_H */
