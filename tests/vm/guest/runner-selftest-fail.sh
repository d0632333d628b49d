# A scenario that fails on purpose, to test that the runner reports it.
. /usr/share/kswitch/tests/lib/tap.sh
tap_plan 1
not_ok "this scenario fails on purpose"
tap_done
