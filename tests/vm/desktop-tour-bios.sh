#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# The slot tour (slots-tour.sh) on the desktop machine: the distribution
# kernel, q35, 4 CPUs, 8 GiB, booted by SeaBIOS.
KS_TOUR_MACHINE=desktop KS_TOUR_FIRMWARE=bios KS_TOUR_NAME=desktop-tour-bios \
	exec bash "$(dirname "$0")/slots-tour.sh"
