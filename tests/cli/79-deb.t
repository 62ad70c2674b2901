#!/bin/sh
# make deb: dpkg-buildpackage builds a .deb from a copy of the tree (with
# Debian's build flags, without -Werror), whose commands run from where the
# package puts them and whose man pages name /usr/share/bti.
. "$(dirname "$0")/lib.sh"

if ! command -v dpkg-buildpackage >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
	echo "1..0 # SKIP dpkg-dev is not installed"
	exit 0
fi
src="$tmp/build/bti"
mkdir -p "$src"
(cd "$top" && tar --exclude=./bin --exclude='*.o' --exclude='*.a' --exclude=./lib/embed-data.c \
	--exclude=./.git --exclude='./tests/unit/t_*[!c]' -cf - .) | tar -xf - -C "$src"
if (cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make deb) >"$tmp/out" 2>"$tmp/err"; then
	pass "make deb"
else
	fail "make deb"
	tail -20 "$tmp/err" | diag
fi
deb=$(ls "$tmp"/build/bti_*.deb 2>/dev/null)
[ -f "$deb" ] && pass "a .deb" || fail "a .deb"
like "$(dpkg-deb -f "$deb" Depends)" "libgit2" "it depends on the libraries it links"
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
expect 0 "an installed command runs" "$root/usr/bin/bti-list" --version
expect 0 "bti-init from the package" "$root/usr/bin/bti-init" --by Admin "$tmp/repo"
expect 0 "bti-new from the package" "$root/usr/bin/bti-new" -C "$tmp/repo" --by Admin --name A \
	--born 2015-01-01 --service S --concern c --worry 2
like "$(gzip -dc "$root/usr/share/man/man1/bti-check.1.gz")" "/usr/share/bti/hooks" \
	"the man pages name where the package puts the hooks"
test -x "$root/usr/share/bti/hooks/pre-receive" && pass "the hooks are in /usr/share/bti" ||
	fail "the hooks are in /usr/share/bti"
test -f "$root/usr/share/bash-completion/completions/bti-list" && pass "the completion is installed" ||
	fail "the completion is installed"

done_testing
