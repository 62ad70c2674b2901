#!/bin/sh
# bti-new and an open case of the same child: a warning, or with --if-new
# the existing id and nothing opened; by id number, or by name and birth date.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1
sorted() { printf '%s\n' "$@" | sort | tr '\n' ' ' | sed 's/ $//'; }
new() { bti-new --date 2026-01-12 --service S --concern c --worry 2 "$@"; }
a=$(new --name "Åse Nordmann" --born 2015-06-02)
[ -n "$a" ] || echo "Bail out! fixture failed"

unchanged 0 "--if-new, same name and birth date" "$r" \
	new --if-new --name "Åse Nordmann" --born 2015-06-02
is "$(out)" "$a" "--if-new: the open case's id on stdout"
golden new-if-new "--if-new: a note on stderr, naming the case's file"
unchanged 0 "--if-new, the name in other letter case and spacing" "$r" \
	new --if-new --name "ÅSE  nordmann" --born 2015-06-02
is "$(out)" "$a" "--if-new: the same child"
unlike "$(err)" "Nordmann|2015" "the note holds no name or birth date"

expect 0 "without --if-new: a second case" new --name "Åse Nordmann" --born 2015-06-02
b=$(out)
like "$b" "^2026-" "without --if-new: the new id"
test "$b" != "$a" && pass "without --if-new: a new case" || fail "without --if-new: a new case"
golden new-open-case "without --if-new: a warning naming the open case"
is "$(commits "$r")" 3 "without --if-new: one more commit"

expect 0 "another birth date: another child" new --if-new --name "Åse Nordmann" --born 2015-06-03
c=$(out)
test "$c" != "$a" && test "$c" != "$b" && pass "another child: a new case" || fail "another child: a new case"
is "$(err)" "" "another child: no warning"
expect 0 "another name: another child" new --if-new --name "Åse Nordmanm" --born 2015-06-02
is "$(err)" "" "another name: no warning"

# By id number: a case with the number is found whatever the name.
expect 0 "a case with an id number" new --name "Per" --fnr 04041650236
p=$(out)
unchanged 0 "--if-new, the same number, another spelling of the name" "$r" \
	sh -c 'echo 04041650236 | bti-new --date 2026-01-12 --service S --concern c --worry 2 --if-new --name "Per Olav" --fnr -'
is "$(out)" "$p" "--fnr: the open case's id"
unlike "$(err)" "04041650236" "the note holds no id number"
unchanged 0 "--if-new, the birth date the number tells and the name" "$r" \
	new --if-new --name "per" --born 2016-04-04
is "$(out)" "$p" "name and the number's birth date: the same child"

# A closed case does not count.
bti-level --date 2026-02-01 --reason r --cause unfounded "$p" close >/dev/null
expect 0 "--if-new after the case was closed" new --if-new --name "Per" --fnr 04041650236
test "$(out)" != "$p" && pass "closed: a new case" || fail "closed: a new case"
is "$(err)" "" "closed: no warning"

# In a bare repository too.
git clone -q --bare "$r" "$tmp/bare.git"
bti-list -C "$tmp/bare.git" >/dev/null      # the cache, which a read may write
unchanged 0 "--if-new in a bare repository" "$tmp/bare.git" \
	bti-new -C "$tmp/bare.git" --date 2026-01-12 --service S --concern c --worry 2 --if-new \
	--name "Åse Nordmann" --born 2015-06-02
is "$(out)" "$(sorted "$a" "$b" | cut -d' ' -f1)" "bare: the first open case, in id order"

done_testing
