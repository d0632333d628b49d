# A scenario whose kernel crashes, to test that the runner catches it.
echo c >/proc/sysrq-trigger
