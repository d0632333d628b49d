# Helpers for scenarios driven from the host through a shell on a serial
# port (tools/qemu-run.sh --serial2) and the kernels' console log: type a
# line, wait for an answer that came after a mark. Source after tap.sh.

# serial_open PATH LOG: make the FIFOs PATH.in and PATH.out for QEMU, keep
# what the guest writes in LOG, and open PATH.in for serial_send.
serial_open() {
	serial_log=$2
	rm -f "$1.in" "$1.out"
	mkfifo "$1.in" "$1.out"
	: >"$serial_log"
	cat "$1.out" >>"$serial_log" &
	serial_reader=$!
	# Read-write: opening a FIFO for writing alone waits for a reader.
	exec {serial_fd}<>"$1.in"
	serial_mark
}

serial_close() { kill "$serial_reader" 2>/dev/null; }

# serial_send LINE: type LINE and Enter.
serial_send() { printf '%s\r' "$1" >&"$serial_fd"; }

# after_mark FILE OFFSET: what FILE got after OFFSET, without CRs.
after_mark() { tail -c +$(($2 + 1)) "$1" | tr -d '\r'; }

# wait_after FILE OFFSET REGEX SECONDS [whole]: poll until a line of FILE
# after OFFSET matches REGEX (extended), and print what matched. With
# "whole", only lines that have ended count: an answer still arriving
# would match a REGEX ending in .* with part of its words. A prompt has
# no end of line, so that is not the default.
wait_after() {
	local i keep=cat
	[ "${5:-}" != whole ] || keep=whole_lines
	for ((i = 0; i < $4 * 4; i++)); do
		after_mark "$1" "$2" | $keep | grep -Eo -m 1 -- "$3" && return 0
		sleep 0.25
	done
	return 1
}

whole_lines() { perl -ne 'print if /\n\z/'; }

# serial_mark / console_mark: what comes later is what serial_wait /
# console_wait look at. console_wait reads $log, the console log.
serial_mark() { serial_at=$(stat -c %s "$serial_log"); }
serial_wait() { wait_after "$serial_log" "$serial_at" "$1" "$2"; }
# serial_wait_line REGEX SECONDS: serial_wait for a whole line.
serial_wait_line() { wait_after "$serial_log" "$serial_at" "$1" "$2" whole; }
console_mark() { console_at=$(stat -c %s "$log" 2>/dev/null || echo 0); }
console_wait() { wait_after "$log" "$console_at" "$1" "$2"; }
