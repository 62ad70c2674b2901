#!/bin/sh
# make install and make uninstall under DESTDIR with another PREFIX: the
# commands run, the man pages name the installed data directory, the bash
# completion is in bash-completion's directory under every command's name,
# and uninstall leaves no file behind.
. "$(dirname "$0")/lib.sh"

d="$tmp/dest"
pre=/opt/bti-test
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top" install DESTDIR="$d" PREFIX="$pre" >"$tmp/out" 2>"$tmp/err"; then
	pass "make install"
else
	fail "make install"
	diag <"$tmp/err"
fi
cmds=$(cd "$top/bin" && ls bti-* | tr '\n' ' ')
missing=""
for c in $cmds; do
	[ -x "$d$pre/bin/$c" ] || missing="$missing bin/$c"
	[ -f "$d$pre/share/man/man1/$c.1" ] || missing="$missing man1/$c.1"
	[ -f "$d$pre/share/bash-completion/completions/$c" ] || missing="$missing completions/$c"
done
is "$missing" "" "every command, its man page and its completion are installed"
expect 0 "an installed command runs" "$d$pre/bin/bti-list" --version
like "$(cat "$d$pre/share/man/man1/bti-check.1")" "$pre/share/bti/hooks" "man pages name the installed paths"
unlike "$(cat "$d$pre"/share/man/man*/*)" "/usr/local" "no /usr/local left in the installed man pages"
test -f "$d$pre/share/bti/hooks/pre-receive" && pass "the hooks are installed" || fail "the hooks are installed"
like "$(head -1 "$top/LICENSE")" "License" "a LICENSE file"

if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top" uninstall DESTDIR="$d" PREFIX="$pre" >"$tmp/out" 2>"$tmp/err"; then
	pass "make uninstall"
else
	fail "make uninstall"
	diag <"$tmp/err"
fi
is "$(find "$d" -type f | sed "s#^$d##")" "" "uninstall removes every installed file"

done_testing
