#!/bin/sh
# #12.13: what the YAML reader refuses and how the writer writes text, on
# case files edited by hand and committed with git commit --no-verify.
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
# try NAME DESC: the committed file is refused by a changing command with
# golden yaml-NAME.err, and by bti-check.
try() {
	name=$1 desc=$2
	commit_bad "$name"
	unchanged 1 "$desc" "$r" bti-level -C "$r" --reason x "$id" 1
	golden "yaml-$name" "$desc: the error names file, line, column and rule"
	expect 1 "$desc: bti-check finds it" bti-check -C "$r"
}
edit() { printf '%s\n' "$good" | sed "$1" >"$tmp/bad"; }

printf '%s\n' "$good" | iconv -f UTF-8 -t UTF-16 >"$tmp/bad"
try utf16-bom "UTF-16 with a byte-order mark" <"$tmp/bad"
printf '%s\n' "$good" | iconv -f UTF-8 -t UTF-16LE >"$tmp/bad"
try utf16le "UTF-16 without a byte-order mark" <"$tmp/bad"
printf '%s\n' "$good" | iconv -f UTF-8 -t UTF-32BE >"$tmp/bad"
try utf32be "UTF-32 without a byte-order mark" <"$tmp/bad"
printf '%%YAML 1.1\n---\n%s\n' "$good" >"$tmp/bad"
try directive "a %YAML 1.1 directive" <"$tmp/bad"
printf '%%TAG !e! tag:example.com,2026:\n---\n%s\n' "$good" >"$tmp/bad"
try tag-directive "a %TAG directive" <"$tmp/bad"
edit 's/^  worry: 5/  worry: 010/'; try leading-zero "worry: 010 (octal 8 to YAML 1.1)" <"$tmp/bad"
edit 's/^  worry: 5/  worry: 0x5/'; try hex "worry: 0x5" <"$tmp/bad"
printf '%s\nx-n: 1e3\n' "$good" >"$tmp/bad"; try exponent "x-n: 1e3 (text to YAML 1.1)" <"$tmp/bad"
edit "s/^service: Skole/service: Sko$(printf '\302\205')le/"; try nel "a raw NEL (U+0085)" <"$tmp/bad"
edit "s/^service: Skole/service: \"Sko$(printf '\302\205')le\"/"
try nel-quoted "a raw NEL in quotes (once stored as a space)" <"$tmp/bad"
printf '%s\nx-a: {null: a, ~: b}\n' "$good" >"$tmp/bad"; try null-keys "keys null and ~ in an x- map" <"$tmp/bad"
printf '%s\nx-a:\n  1: a\n  +1: b\n' "$good" >"$tmp/bad"; try int-keys "keys 1 and +1 in an x- map" <"$tmp/bad"
printf '%s\nx-a: {true: a, True: b}\n' "$good" >"$tmp/bad"; try bool-keys "keys true and True" <"$tmp/bad"

# Accepted: a UTF-8 byte-order mark (dropped by the next write), and text
# that YAML readers could take for something else, in quotes; written back
# so that PyYAML (YAML 1.1) reads every one as the same text.
words='".NAN", ".nan", ".Inf", "-.inf", "0o17", "0x1F", "0b101", "1_000", "1e3", "-.5", "1:20",
  "~", "null", "Null", "y", "N", "yes", "yEs", "no", "On", "OFF", "true", "False",
  "2026-01-01T10:00:00", "2026-01-01", "=", "<<", "010", "", "a\Nb", "c\Ld", "e\Pf", "l1\nl2\N"'
{
	printf '\357\273\277%s\n' "$good"
	printf 'x-words: [%s]\n' "$words"
} >"$tmp/ok"
commit_bad accepted <"$tmp/ok"
expect 0 "a UTF-8 byte-order mark and quoted look-alikes are accepted" bti-level -C "$r" --reason x "$id" 1
is "$(head -c 3 "$r/$path" | od -An -tx1 | tr -d ' ')" "627469" "the byte-order mark is not written back"
want=$(python3 -c 'import sys, yaml; print(ascii(yaml.safe_load("[" + sys.argv[1] + "]")))' "$words")
is "$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(ascii(d["x-words"]) if all(type(w) is str for w in d["x-words"]) else "not all text")' "$r/$path")" \
	"$want" "PyYAML reads every word back as the same text"
is "$(grep -c '^- "' "$r/$path")" 33 "each one double-quoted"
grep -q '^- "a\\Nb"$' "$r/$path" && grep -q '^- "c\\Ld"$' "$r/$path" &&
	grep -q '^- "e\\Pf"$' "$r/$path" && grep -q '^- "l1\\nl2\\N"$' "$r/$path" &&
	pass 'NEL, LS and PS are written escaped (\N, \L, \P), never raw' ||
	fail 'NEL, LS and PS are written escaped (\N, \L, \P), never raw'
expect 0 "bti-check accepts the file bti wrote" bti-check -C "$r"

done_testing
