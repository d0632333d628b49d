# A scenario that never ends, to test the runner's timeout.
while true; do sleep 60; done
