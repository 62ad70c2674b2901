#!/bin/sh
# bti-level: moves, closing and reopening by the rules of each model.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
open_case() {
	bti-new -C "$1" --date "${2:-2026-01-10}" --name "Ola" --born 2015-06-02 \
		--service "Skole" --concern "Bekymring" --worry 5 --guardian Mor
}
# cooperate REPO ID DATE: PPT joins with consent and a coordinator is named,
# as a cooperation level requires.
cooperate() {
	bti-service -C "$1" --date "$3" "$2" join PPT >/dev/null &&
	bti-consent -C "$1" --date "$3" --from Mor --service PPT "$2" given >/dev/null &&
	bti-coordinator -C "$1" --date "$3" --name "Kari Lærer" --service Skole "$2" >/dev/null ||
	echo "Bail out! cooperate failed"
}
id=$(open_case "$r")
f="$r/$(cpath $id)"

expect 0 "0 -> 1" bti-level -C "$r" --date 2026-02-01 --reason "Tiltak i egen tjeneste" "$id" 1
like "$(out)" '^[0-9a-f]{40}$' "prints the commit id"
is "$(git -C "$r" log -1 --format=%s)" "bti-level $id: 0 -> 1" "the subject says the move"
is "$(git -C "$r" log -1 --format='%(trailers:key=BTI-Event,valueonly)' | head -1)" "level" "BTI-Event: level"
is "$(git -C "$r" status --porcelain)" "" "clean after the move"
unchanged 1 "1 -> 2 without services is refused" "$r" bti-level -C "$r" --date 2026-03-01 --reason x "$id" 2
golden level-services "the error says to record the services first"
cooperate "$r" "$id" 2026-03-01
expect 0 "1 -> 2" bti-level -C "$r" --date 2026-03-01 --reason "Flere tjenester" "$id" 2
unchanged 1 "2 -> 2 is refused" "$r" bti-level -C "$r" --reason x "$id" 2
golden level-same "the error says the case is already there"
unchanged 1 "2 -> 0 is not in the three-level model" "$r" bti-level -C "$r" --reason x "$id" 0
golden level-2-0 "the error names the rule, the model, the current level and what is allowed"
unchanged 1 "level 3 does not exist in the three-level model" "$r" bti-level -C "$r" --reason x "$id" 3
golden level-3 "the error says the model has no level 3"
unchanged 1 "a date before the last entry is refused" "$r" bti-level -C "$r" --date 2026-02-15 --reason x "$id" 1
golden level-date "the error says entries are in date order"
unchanged 2 "close without --cause is a usage error" "$r" bti-level -C "$r" --reason x "$id" close
unchanged 1 "close with an unknown cause is refused" "$r" bti-level -C "$r" --reason x --cause bored "$id" close
golden level-cause "the error names the rule"
unchanged 2 "no --reason is a usage error" "$r" bti-level -C "$r" "$id" 1
unchanged 1 "an unknown case id is refused" "$r" bti-level -C "$r" --reason x 2026-ZZZZZZ 1
golden level-unknown "the error names the case"
unchanged 1 "an id that leaves the repository is refused" "$r" bti-level -C "$r" --reason x ../../etc/passwd 1
golden level-path "the error says it is not a case id"
expect 0 "2 -> 1" bti-level -C "$r" --date 2026-04-01 --reason "Samarbeid avsluttet" "$id" 1
expect 0 "close at level 1" bti-level -C "$r" --date 2026-05-01 --reason "Mål nådd" --cause goal-reached "$id" close
is "$(git -C "$r" log -1 --format=%s)" "bti-level $id: closed at level 1" "the subject says closed"
is "$(python3 -c 'import sys,yaml; e=yaml.safe_load(open(sys.argv[1]))["levels"][-1]; print(e["level"], e["closed"], e["cause"])' "$f")" \
	"1 True goal-reached" "the closing is the last entry in levels, at level 1"
unchanged 1 "closing twice is refused" "$r" bti-level -C "$r" --reason x --cause other "$id" close
unchanged 1 "reopening at level 1 is refused (the model reopens at 0)" "$r" bti-level -C "$r" --reason x "$id" 1
golden level-reopen "the error says where the model reopens"
expect 0 "reopening at level 0" bti-level -C "$r" --date 2026-06-01 --reason "Ny bekymring" "$id" 0
is "$(git -C "$r" log -1 --format=%s)" "bti-level $id: reopened at level 0" "the subject says reopened"
is "$(git -C "$r" rev-list --count HEAD)" "10" "one commit per change, none for refusals"

# A case file edited by hand and not committed is never overwritten.
echo "x-note: hand edit" >>"$f"
unchanged 1 "an uncommitted hand edit is refused" "$r" bti-level -C "$r" --reason x "$id" 1
golden level-dirty "the error says what to do"
git -C "$r" checkout -q HEAD -- "$(cpath $id)"

# Unknown x- keys survive a rewrite; the same case is written the same way.
git -C "$r" show HEAD:"$(cpath $id)" | sed 's/^bti: 1$/bti: 1\nx-local: {kommune: "5401", liste: [a, b]}/' >"$f"
git -C "$r" -c user.name=H -c user.email=h@x commit -qam "hand edit"
expect 0 "a move on a case with an x- key" bti-level -C "$r" --date 2026-06-10 --reason "Tiltak" "$id" 1
like "$(cat "$f")" '^x-local:$' "the x- key survived"
like "$(cat "$f")" 'kommune: "5401"' "with its values, quoted where needed"

# The four-level model allows 2 -> 3 and has no 0 -> 2.
r4="$tmp/r4"
newrepo "$r4" --model four-level
id4=$(open_case "$r4")
unchanged 1 "four-level: 0 -> 2 is refused" "$r4" bti-level -C "$r4" --reason x "$id4" 2
unchanged 1 "four-level: level 1 needs a coordinator" "$r4" bti-level -C "$r4" --date 2026-02-01 --reason x "$id4" 1
golden level-coordinator "the error says to name a coordinator"
cooperate "$r4" "$id4" 2026-01-20
expect 0 "four-level: 0 -> 1" bti-level -C "$r4" --date 2026-02-01 --reason x "$id4" 1
expect 0 "four-level: 1 -> 2" bti-level -C "$r4" --date 2026-03-01 --reason x "$id4" 2
expect 0 "four-level: 2 -> 3" bti-level -C "$r4" --date 2026-04-01 --reason x "$id4" 3
expect 0 "four-level: close at 3" bti-level -C "$r4" --date 2026-05-01 --reason x --cause individual-plan "$id4" close

# Running from inside the repository, without -C.
id5=$(open_case "$r")
mkdir -p "$r/cases"
(cd "$r/cases" && bti-level --reason x "$id5" 1 >/dev/null 2>&1) && pass "finds the repository from a subdirectory" || fail "finds the repository from a subdirectory"

done_testing
