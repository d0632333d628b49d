# The scenario's shell on ttyS1: a plain prompt with the system's name,
# no echo of what is typed and no terminal escapes, so that its output is
# easy to read by a program.
if [ "$(tty)" = /dev/ttyS1 ]; then
	stty -echo
	PS1='\h# '
	[ -z "${BASH_VERSION:-}" ] || bind 'set enable-bracketed-paste off'
fi
