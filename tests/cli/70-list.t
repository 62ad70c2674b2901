#!/bin/sh
# bti-list: its fields, every filter, the formats, bare and several
# repositories, usage errors, an invalid case among valid ones, and its
# cache, which must never answer for an old version of a case.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1
# A: level 2, a coordinator, PPT joined, a measure due 2026-04-15 (overdue).
a=$(bti-new --date 2026-01-12 --name "Åse Nordmann" --born 2015-06-02 \
	--service "Kvaløysletta skole" --concern "Trøtt" --worry 5 --guardian Mor)
bti-level --date 2026-01-19 --reason r "$a" 1 >/dev/null
bti-service --date 2026-02-02 --contact Per "$a" join PPT >/dev/null
bti-consent --date 2026-02-02 --from Mor --service PPT "$a" given >/dev/null
bti-coordinator --date 2026-02-02 --name "Kari Lærer" --service "Kvaløysletta skole" "$a" >/dev/null
bti-level --date 2026-02-02 --reason r "$a" 2 >/dev/null
bti-goal --date 2026-02-09 --text g "$a" >/dev/null
bti-measure --date 2026-02-09 --what w --responsible H --evaluate-by 2026-04-15 --goal g1 "$a" >/dev/null
# B: closed in 2025; nothing since.
b=$(bti-new --date 2025-03-01 --name "Ola Hansen" --born 2010-01-01 --service Helsestasjon \
	--concern c --worry 2)
bti-level --date 2025-03-20 --reason r --cause unfounded "$b" close >/dev/null
# C: level 1, a service name with a ';' and a backslash (tabs and line
# breaks are refused at input, tests/cli/30-text-input.t).
svc='Helse stasjon;a\b c'
c=$(bti-new --date 2026-03-01 --name "Per Pål" --fnr 04041650236 --service "$svc" \
	--concern c --worry 2)
bti-level --date 2026-05-01 --reason r "$c" 1 >/dev/null
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] || echo "Bail out! fixture failed"
# Ids sort by year, then by their letters.
sorted() { printf '%s\n' "$@" | sort | tr '\n' ' ' | sed 's/ $//'; }
ids() { out | tr '\n' ' ' | sed 's/ $//'; }
T=$(printf '\t')

expect 0 "bti-list: every case" bti-list
is "$(out)" "$(printf '%s\n' \
	"$b${T}0${T}closed${T}2025-03-01${T}2025-03-20${T}${T}${T}Helsestasjon${T}0" \
	"$a${T}2${T}open${T}2026-01-12${T}2026-02-09${T}Kari Lærer${T}Kvaløysletta skole${T}Kvaløysletta skole;PPT${T}1" \
	"$c${T}1${T}open${T}2026-03-01${T}2026-05-01${T}${T}${T}Helse stasjon\\;a\\\\b c${T}0" |
	sort -t "$T" -k1,1)" "tsv: the fields, escaped, in id order"
is "$(out | awk -F '\t' '{ print NF }' | sort -u)" 9 "tsv: nine fields on every line"
unlike "$(out)" "Nordmann|Hansen|04041650236|2015-06-02" "no name, id number or birth date"
is "$(err)" "" "nothing on stderr"

expect 0 "--header" bti-list --header
is "$(out | head -1)" "id${T}level${T}state${T}opened${T}last_activity${T}coordinator${T}coordinator_service${T}services${T}deadlines_due" \
	"--header: the field names"
is "$(out | wc -l)" 4 "--header: then the cases"

# f DESC IDS FILTER...: bti-list --format ids with the filters lists IDS.
f() {
	f_desc=$1 f_want=$2
	shift 2
	expect 0 "$f_desc" bti-list --format ids "$@"
	is "$(ids)" "$f_want" "$f_desc: the cases"
}
f "--level 2" "$a" --level 2
f "--level 0 (closed at 0)" "$b" --level 0
f "--open" "$(sorted "$a" "$c")" --open
f "--closed" "$b" --closed
f "--open --level 1" "$c" --open --level 1
f "--coordinator in another letter case" "$a" --coordinator "KARI LÆRER"
f "--coordinator nobody" "" --coordinator Nobody
f "--service PPT (joined)" "$a" --service ppt
f "--service (where it arose)" "$b" --service Helsestasjon
f "--opened-from" "$(sorted "$a" "$c")" --opened-from 2026-01-01
f "--opened-to" "$(sorted "$a" "$b")" --opened-to 2026-01-12
f "--opened-from/--opened-to" "$a" --opened-from 2026-01-12 --opened-to 2026-01-12
f "--inactive-since" "$b" --inactive-since 2025-06-15
f "--inactive-since (one day after the last)" "$(sorted "$a" "$b")" --inactive-since 2026-02-10
f "--due" "$a" --due
f "--due --date before the deadline" "" --due --date 2026-04-14
f "--born" "$a" --born 2015-06-02
f "--born from the id number" "$c" --born 2016-04-04
f "--age-from 11 --age-to 11" "$a" --age-from 11 --age-to 11
f "--age-from 12" "$b" --age-from 12
f "--age-to 10" "$c" --age-to 10
f "filters combine" "$a" --open --service PPT --due --age-to 11

expect 0 "--format json" bti-list --format json
cat >"$tmp/listjson.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
assert isinstance(d, list)
for o in d:
    assert list(o) == ["id", "level", "state", "opened", "last_activity", "coordinator",
                       "coordinator_service", "services", "deadlines_due"], list(o)
    assert isinstance(o["level"], int) and isinstance(o["deadlines_due"], int)
    assert isinstance(o["services"], list)
print(" ".join("%s:%s:%s:%s" % (o["id"], o["coordinator"], "|".join(o["services"]).replace("\t", "<TAB>").replace("\n", "<NL>"), o["opened"]) for o in d))
PY
is "$(out | python3 "$tmp/listjson.py")" \
	"$(printf '%s\n' "$b:None:Helsestasjon:2025-03-01" "$a:Kari Lærer:Kvaløysletta skole|PPT:2026-01-12" \
		"$c:None:Helse stasjon;a\\b c:2026-03-01" | sort | tr '\n' ' ' | sed 's/ $//')" \
	"json: one array, keys in the documented order, values typed"
expect 0 "json with no case" bti-list --format json --level 2 --closed
is "$(out)" "[]" "json: an empty array"

expect 0 "-z" bti-list -z --open
is "$(tr '\0' ' ' <"$tmp/out" | sed 's/ $//')" "$(sorted "$a" "$c")" "-z: the ids, each ended by NUL"
is "$(tr -cd '\0' <"$tmp/out" | wc -c)" 2 "-z: two NUL bytes, no newline"

# Bare repositories, and several at once.
git clone -q --bare "$r" "$tmp/bare.git"
expect 0 "a bare repository" bti-list -C "$tmp/bare.git" --format ids
is "$(ids)" "$(sorted "$a" "$b" "$c")" "bare: every case"
r2="$tmp/r2"
newrepo "$r2"
d=$(bti-new -C "$r2" --date 2026-02-01 --name "Kim" --born 2018-01-01 --service S --concern c --worry 1)
expect 0 "-C twice" bti-list -C "$r2" -C "$tmp/bare.git" --format ids --open
is "$(ids)" "$d $(sorted "$a" "$c")" "-C twice: repository by repository"
expect 0 "repositories as arguments" bti-list --format ids --open "$r2" "$r"
is "$(ids)" "$d $(sorted "$a" "$c")" "arguments: repository by repository"

# Usage errors: exit 2, nothing on stdout.
for bad in "--level 3" "--level x" "--opened-from 2026-02-30" "--inactive-since yesterday" \
	"--born 2015-6-2" "--age-from -1" "--age-to old" "--open --closed" "--format xml" \
	"--header --format json" "-z --format tsv" "--date 2026-13-01"; do
	# shellcheck disable=SC2086
	expect 2 "usage: $bad" bti-list $bad
	is "$(out)" "" "usage: $bad: nothing on stdout"
done
expect 2 "--level the model lacks" bti-list --level 3
like "$(err)" "no level 3 \(it has 0 to 2\)" "--level: the message names the model's levels"

# The cache: warm runs give the same answer; a changed case is read again.
expect 0 "cold" bti-list
cp "$tmp/out" "$tmp/cold"
test -f "$r/.git/bti-query-cache" && pass "the cache is in the git directory" || fail "the cache is in the git directory"
expect 0 "warm" bti-list
is "$(out)" "$(cat "$tmp/cold")" "warm: the same lines"
bti-level --date 2026-06-01 --reason r --cause goal-reached "$c" close >/dev/null
expect 0 "after a change" bti-list --format ids --closed
is "$(ids)" "$(sorted "$b" "$c")" "after a change: never the cached old version"
printf 'bti-query 1 garbage\nnot a cache\n' >"$r/.git/bti-query-cache"
expect 0 "a damaged cache" bti-list --format ids
is "$(ids)" "$(sorted "$a" "$b" "$c")" "a damaged cache is read as none"
# A cache entry for the right blob but a wrong row is caught by its header:
# the model or bti.yaml changing makes every row be read again.
expect 0 "warm again" bti-list --format ids
# A same-length edit of one entry (#12.9 for this cache): its level 2 made
# 1. The entry fails its checksum; the case is read again from its blob.
q="$r/.git/bti-query-cache"
cp "$q" "$tmp/qc"
sed "s/\($a\)${T}2${T}0${T}/\1${T}1${T}0${T}/" "$tmp/qc" >"$q"
cmp -s "$q" "$tmp/qc" && fail "the entry was edited" || pass "the entry was edited"
is "$(wc -c <"$q")" "$(wc -c <"$tmp/qc")" "the edit keeps the cache's length"
expect 0 "an edited entry" bti-list --format ids --level 2
is "$(ids)" "$a" "an edited entry: the case's true level, from its blob"
expect 0 "an edited entry, again" bti-list --format ids --level 1
is "$(ids)" "$c" "an edited entry: not listed under the edited level"

# An invalid case among valid ones: listed on stderr with its position,
# the others listed, exit 1.
bad=2026-BBBBBB
mkdir -p "cases/2026/B"
sed "s/$a/$bad/; s/^opened: .*/opened: 2026-99-01/" "$(cpath "$a")" >"$(cpath $bad)"
git add "$(cpath $bad)" && git -c user.name=X -c user.email=x@x commit -q --no-verify -m "hand edit"
expect 1 "an invalid case" bti-list --format ids
is "$(ids)" "$(sorted "$a" "$b" "$c")" "invalid case: the others are listed"
like "$(err)" "^bti-list: cases/2026/B/$bad.yaml:[0-9]+:[0-9]+: " "invalid case: FILE:LINE:COL on stderr"
expect 1 "an invalid case, warm" bti-list --format ids
like "$(err)" "^bti-list: cases/2026/B/$bad.yaml:[0-9]+:[0-9]+: " "invalid case: reported again when the cache is warm"

done_testing
