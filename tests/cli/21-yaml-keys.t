#!/bin/sh
# #12.14: a case of 150,000 short keys (under 1 MiB) is read in O(n log n) by
# every command and hook; checked quadratically it took 51 s in bti-check.
# Not timed: the suite's time limit is the test.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5)
path="$(cpath $id)"

# bigcase EXTRA: the case with x-big: {a, b, ..., Z, ba, ...} of 150,000 keys
# (null values), then EXTRA inside the braces.
bigcase() {
	python3 -c 'import sys
L = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
def key(i):
    s = ""
    while True:
        s, i = L[i % 52] + s, i // 52
        if not i:
            return s
sys.stdout.write(open(sys.argv[1]).read() + "x-big: {" + ", ".join(map(key, range(150000))) + sys.argv[2] + "}\n")' \
		"$r/$path" "$1"
}
hand() { git -C "$r" -c user.name=H -c user.email=h@x "$@"; }

bigcase "" >"$tmp/big"
bigcase ", ~, null" >"$tmp/dup"
like "$(wc -c <"$tmp/big")" '^[0-9]{6}$' "the case is under 1 MiB"
cp "$tmp/dup" "$r/$path"
run hand commit -qam "hand edit: a repeated key"
[ "$rc" -ne 0 ] && pass "the pre-commit hook refuses a repeat among 150,000 keys" ||
	fail "the pre-commit hook refuses a repeat among 150,000 keys"
like "$(err)" "$path:1[0-9]:[0-9]+: yaml/duplicate-key: key 'null' is the same null as key '~' at line 1[0-9]; keep one" \
	"and names it"
git -C "$r" checkout -q -- "$path"

cp "$tmp/big" "$r/$path"
expect 0 "the pre-commit hook accepts 150,000 distinct keys" hand commit -qam "hand edit: many keys"
expect 0 "bti-check reads them" bti-check -C "$r"
is "$(out)" "" "and finds nothing"
expect 0 "bti-check --history reads them" bti-check -C "$r" --history
unchanged 1 "bti-level reads them (the file would grow past 1 MiB)" "$r" bti-level -C "$r" --reason x "$id" 1
like "$(err)" "yaml/size: the case would grow to [0-9]+ bytes" "it says so"

cp "$tmp/dup" "$r/$path"
hand commit --no-verify -qam "hand edit: a repeated key"
expect 1 "bti-check finds a repeat among 150,000 keys" bti-check -C "$r"
like "$(out)" "^$path:1[0-9]:[0-9]+: yaml/duplicate-key: key 'null' is the same null as key '~'" "at the repeat"
unchanged 1 "bti-level refuses it" "$r" bti-level -C "$r" --reason x "$id" 1
expect 1 "bti-report names it" bti-report -C "$r" --year 2026

done_testing
