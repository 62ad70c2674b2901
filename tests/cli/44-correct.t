#!/bin/sh
# #12.7: bti-correct withdraws an entry recorded by mistake with a later,
# dated corrections entry; the entry stays in the file and the history, the
# rules, statistics and --due leave it out, the summary shows it withdrawn.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

hand() {
	hr=$1
	shift
	git -C "$hr" -c user.name="Hans Hand" -c user.email=hans@example.no "$@"
}
row() { awk -F ',' -v t="$1" -v r="$2" '$1 == t && $2 == r { print $3 }' "$tmp/out"; }

r="$tmp/r"
newrepo "$r"
# Every count shown: the figures are compared before and after a correction.
sed -i "s/^suppress_below: .*/suppress_below: 1/" "$r/bti.yaml"
hand "$r" commit -q -am "show every count"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
p=$(cpath "$id") f="$r/$(cpath "$id")"
bti-level -C "$r" --date 2026-01-12 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null
bti-goal -C "$r" --date 2026-01-13 --text "Sover godt" "$id" >/dev/null
bti-measure -C "$r" --date 2026-01-13 --what "Samtaler" --responsible Helsesykepleier \
	--evaluate-by 2026-04-01 --goal g1 "$id" >/dev/null
bti-meeting -C "$r" --date 2026-01-14 --kind plan --participant Mor --child-present \
	--minutes Arkiv "$id" >/dev/null

expect 0 "the figures before" bti-report -C "$r" --year 2026 --format csv
is "$(row level_moves total)" "1" "one level move"
is "$(row evaluations_due not-evaluated)" "1" "one measure not evaluated"
expect 0 "--due lists m1" bti-evaluate -C "$r" --due --before 2026-12-31
like "$(out)" "$id	m1	overdue" "m1 is overdue"

# --- refusals: nothing changes ------------------------------------------------------------------
unchanged 2 "without --reason: usage" "$r" bti-correct -C "$r" "$id" m1
like "$(err)" "give --reason" "the message says what is missing"
unchanged 2 "without an entry: usage" "$r" bti-correct -C "$r" --reason "Feil" "$id"
unchanged 1 "an entry the case does not have" "$r" bti-correct -C "$r" --reason "Feil" "$id" g9
golden correct-unknown "it says how entries are named"
unchanged 1 "a list entry past the end" "$r" bti-correct -C "$r" --reason "Feil" "$id" meetings/2
unchanged 1 "a name that is no entry" "$r" bti-correct -C "$r" --reason "Feil" "$id" foo/1
unchanged 1 "levels/0 (counted from 1)" "$r" bti-correct -C "$r" --reason "Feil" "$id" levels/0
unchanged 1 "the opening level entry" "$r" bti-correct -C "$r" --reason "Feil" "$id" levels/1
golden correct-opening "the opening cannot be withdrawn"
unchanged 1 "a goal a measure still has" "$r" bti-correct -C "$r" --reason "Feil" "$id" g1
like "$(err)" "measure/goal: measures\\[0\\]: there is no goal g1" "the rules see the case without it"
unchanged 1 "a correction dated before the entry" "$r" bti-correct -C "$r" --date 2026-01-12 --reason "Feil" "$id" m1
like "$(err)" "correction/date: corrections\\[0\\]: dated before the entry m1 it withdraws" "correction/date"
unchanged 1 "an empty reason" "$r" bti-correct -C "$r" --reason "" "$id" m1
unchanged 1 "an unknown case" "$r" bti-correct -C "$r" --reason "Feil" 2026-ZZZZZZ m1
unchanged 1 "a future date" "$r" bti-correct -C "$r" --date 2027-01-01 --reason "Feil" "$id" m1

# --- a correction --------------------------------------------------------------------------------
nc=$(commits "$r")
expect 0 "bti-correct withdraws m1" bti-correct -C "$r" --date 2026-02-01 --reason "Registrert på feil sak" "$id" m1
is "$(out)" "$(git -C "$r" rev-parse HEAD)" "it prints the commit id"
is "$(commits "$r")" "$((nc + 1))" "one commit"
is "$(subject "$r")" "bti-correct $id: withdraws m1" "the subject names the entry, not the reason"
is "$(event "$r")" "correction" "BTI-Event: correction"
is "$(git -C "$r" status --porcelain)" "" "the work tree matches"
is "$(yq "$f" '[c["withdraws"] for c in d["corrections"]]')" "m1" "corrections[0] withdraws m1"
is "$(yq "$f" 'd["corrections"][0]["reason"]')" "Registrert på feil sak" "with the reason"
is "$(yq "$f" 'str(d["corrections"][0]["date"]) + " " + d["corrections"][0]["by"]')" "2026-02-01 Kari Lærer" "dated, and by whom"
is "$(yq "$f" '[m["id"] for m in d["measures"]]')" "m1" "m1 stays in the file"
expect 0 "bti-check passes" bti-check -C "$r"
expect 0 "bti-check --history passes" bti-check -C "$r" --history

unchanged 1 "the same entry twice" "$r" bti-correct -C "$r" --reason "Igjen" "$id" m1
golden correct-twice "correction/twice"
expect 0 "goals/1 withdraws g1 now that no measure has it" bti-correct -C "$r" --date 2026-02-01 --reason "Feil" "$id" goals/1
is "$(yq "$f" '[c["withdraws"] for c in d["corrections"]]')" "m1, g1" "recorded by its id"
unchanged 1 "g1, named by its id, is withdrawn already" "$r" bti-correct -C "$r" --reason "Feil" "$id" g1
expect 0 "a level move" bti-correct -C "$r" --date 2026-02-02 --reason "Feil nivå" "$id" levels/2
expect 0 "a meeting" bti-correct -C "$r" --date 2026-02-02 --reason "Feil sak" "$id" meetings/1
is "$(yq "$f" '[c["withdraws"] for c in d["corrections"]]')" "m1, g1, levels/2, meetings/1" "four corrections"

# --- the rules, the statistics and --due leave them out ----------------------------------------
expect 0 "the figures after" bti-report -C "$r" --year 2026 --format csv
is "$(row level_moves total)" "0" "the withdrawn move is not counted"
is "$(row evaluations_due not-evaluated)" "0" "nor the withdrawn measure"
is "$(row active_by_highest_level 1)" "" "no case at level 1"
is "$(row active_by_highest_level 0)" "1" "the case was at level 0"
expect 0 "--due" bti-evaluate -C "$r" --due --before 2026-12-31
is "$(out)" "" "m1 is no longer due"
unchanged 1 "a measure for the withdrawn goal" "$r" bti-measure -C "$r" --date 2026-02-03 --what X \
	--responsible Y --evaluate-by 2026-05-01 --goal g1 "$id"
unchanged 1 "an evaluation of the withdrawn measure" "$r" bti-evaluate -C "$r" --date 2026-02-03 \
	--measure "m1=reached:ok" --decision continue "$id"
expect 0 "the case is at level 0 again: it moves to 1" bti-level -C "$r" --date 2026-02-03 --reason "Nå riktig" "$id" 1
expect 0 "a new goal gets a new id" bti-goal -C "$r" --date 2026-02-03 --text "Leker" "$id"
is "$(out)" "g2" "g2, not g1 again"

# --- the summary ----------------------------------------------------------------------------------
expect 0 "bti-report ID" bti-report -C "$r" "$id"
like "$(out)" "^- \*\*Nivå:\*\* 1 " "the level is the new move's"
unlike "$(out)" "Sover godt\$|^- \*\*m1\*\*" "withdrawn entries are not among the goals and measures"
like "$(out)" "^## Rettelser: oppføringer trukket tilbake" "a section of corrections"
like "$(out)" "^- m1 \(2026-01-13: Samtaler\): trukket tilbake 2026-02-01 – Registrert på feil sak \(Kari Lærer\)" "m1, what it was, when and why"
like "$(out)" "^- levels/2 \(2026-01-12: Nivå 1\): trukket tilbake 2026-02-02 – Feil nivå \(Kari Lærer\)" "the level move"
expect 0 "in English" bti-report -C "$r" --lang en "$id"
like "$(out)" "^- g1 \(2026-01-13: Sover godt\): withdrawn 2026-02-01 – Feil \(Kari Lærer\)" "withdrawn"

# --- hand edits ------------------------------------------------------------------------------------
before=$(git -C "$r" rev-parse HEAD)
python3 - "$f" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index("corrections:")
j = t.index("- date:", t.index("- date:", i) + 1)
open(sys.argv[1], "w", encoding="utf-8").write(t[:i] + "corrections:\n" + t[j:])
PY
run hand "$r" commit -q -am "drop a correction"
[ "$rc" -ne 0 ] && pass "the hook refuses removing a correction" || fail "the hook refuses removing a correction"
like "$(err)" "history/rewrite: corrections\\[0\\]" "history/rewrite"
is "$(git -C "$r" rev-parse HEAD)" "$before" "HEAD did not move"
hand "$r" reset -q --hard
sed -i 's/withdraws: meetings\/1/withdraws: meetings\/7/' "$f"
expect 1 "bti-check: a correction of an entry there is not" bti-check -C "$r"
like "$(out)" "correction/entry: corrections\\[3\\]: the case has no entry meetings/7" "correction/entry"
sed -i 's/withdraws: meetings\/7/withdraws: møter\/1/' "$f"
expect 1 "bti-check: a name of no form" bti-check -C "$r"
like "$(out)" "schema/pattern: corrections\\[3\\]\\.withdraws" "schema/pattern"
hand "$r" checkout -q -- "$p"

done_testing
