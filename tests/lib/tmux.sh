# Helpers for scenarios driven as a person would drive them in a terminal:
# a private tmux server (ended when the script exits) whose scrollback
# keeps everything the console showed. Source after tap.sh.
tmux_sock=kswitch-$(basename "$0" .sh)-$$
tmux_session=main
tmux_() { tmux -L "$tmux_sock" "$@"; }
trap 'tmux_ kill-server 2>/dev/null' EXIT

# tmux_start WIDTH HEIGHT COMMAND: run COMMAND (a shell string) in it.
tmux_start() {
	tmux_ start-server \; set-option -g history-limit 100000 \; \
		new-session -d -s "$tmux_session" -x "$1" -y "$2" "$3"
}

keys() { tmux_ send-keys -t "$tmux_session" "$@"; }
type_line() { keys "$1" Enter; }
screen() { tmux_ capture-pane -p -t "$tmux_session" 2>/dev/null; }
scrollback() { tmux_ capture-pane -p -S - -t "$tmux_session" 2>/dev/null; }

# wait_count REGEX N SECONDS: poll until N lines of the scrollback match
# REGEX (a prompt that comes back is a new line); show the screen if not.
wait_count() {
	local i
	for ((i = 0; i < $3 * 2; i++)); do
		[ "$(scrollback | grep -cE -- "$1")" -ge "$2" ] && return 0
		sleep 0.5
	done
	screen | sed 's/^/# /'
	return 1
}

# wait_for REGEX SECONDS: poll until REGEX shows up in the scrollback.
wait_for() { wait_count "$1" 1 "$2"; }
