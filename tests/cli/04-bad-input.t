#!/bin/sh
# Bad case files committed by hand: every command refuses them with
# FILE:LINE:COL: rule: message, and changes nothing.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5)
path="$(cpath $id)"
good=$(cat "$r/$path")

# commit_bad NAME: commits stdin as the case file by hand (as an editor would).
commit_bad() {
	cat >"$r/$path"
	git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit: $1"
}
try() {
	name=$1 desc=$2
	commit_bad "$name"
	unchanged 1 "$desc" "$r" bti-level -C "$r" --reason x "$id" 1
	golden "bad-$name" "$desc: the error names file, line, column and rule"
}

# edit SED-SCRIPT: the good case edited by sed, into $tmp/bad.
edit() { printf '%s\n' "$good" | sed "$1" >"$tmp/bad"; }

edit 's/^opened: .*/opened: [2026-01-10/'; try syntax "malformed YAML" <"$tmp/bad"
edit 's/^service: .*/service: Skole\nservice: Barnehage/'; try duplicate "a duplicate key" <"$tmp/bad"
edit 's/^service: .*/service: \&s Skole\nx-copy: *s/'; try alias "an anchor and alias" <"$tmp/bad"
edit 's/^  worry: 5/  worry: 11/'; try worry "a worry score out of range" <"$tmp/bad"
edit 's/^  born: .*/  born: 2015-02-30/'; try date "an impossible date" <"$tmp/bad"
edit 's/^service: .*/service: Skole\nservise: typo/'; try unknown-key "an unknown key" <"$tmp/bad"
edit 's/^  name: Ola/  name: Ola\n  fnr: 02061512345/'; try fnr-int "an unquoted id number (an integer)" <"$tmp/bad"
edit '/^  name: Ola/d'; try required "a missing required key" <"$tmp/bad"
edit 's/^  level: 0/  level: 1/'; try first-level "a case that does not open at level 0" <"$tmp/bad"
edit "s/^  name: Ola/  name: Ol$(printf '\345')/"; try utf8 "invalid UTF-8 (a Latin-1 byte)" <"$tmp/bad"
printf '%s\n---\nbti: 1\n' "$good" >"$tmp/bad"; try documents "two YAML documents" <"$tmp/bad"
edit 's/^service: .*/service: !!binary U2tvbGU=/'; try tag "an explicit tag" <"$tmp/bad"
python3 -c 'import sys; print(sys.argv[1]); print("x-big: " + "a" * (1024*1024))' "$good" >"$tmp/bad"
try size "a file over the size limit" <"$tmp/bad"
python3 -c 'import sys; print(sys.argv[1]); print("x-deep: " + "[" * 100 + "]" * 100)' "$good" >"$tmp/bad"
try depth "nesting too deep" <"$tmp/bad"
: >"$tmp/bad"; try empty "an empty file" <"$tmp/bad"

done_testing
