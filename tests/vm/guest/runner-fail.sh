# A scenario that fails on purpose, to test that the runner reports it.
echo "not ok - this scenario fails on purpose"
exit 1
