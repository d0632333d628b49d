#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# The slot tour (slots-tour.sh) on the desktop machine: the distribution
# kernel, q35, 4 CPUs, 8 GiB, booted by UEFI (OVMF).
KS_TOUR_MACHINE=desktop KS_TOUR_FIRMWARE=uefi KS_TOUR_NAME=desktop-tour-uefi \
	exec bash "$(dirname "$0")/slots-tour.sh"
