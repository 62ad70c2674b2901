#!/bin/sh
# bti-merge as git's merge driver, with the real git merge and git pull
# between two clones, and called directly on files.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

open_case() {       # open_case REPO NAME
	bti-new -C "$1" --date 2026-01-10 --name "$2" --born 2015-06-02 \
		--service Skole --concern Bekymring --worry 5 --guardian Mor
}
# cooperate REPO ID: PPT joins with consent c1, a coordinator, level 2.
cooperate() {
	bti-level -C "$1" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$2" 1 >/dev/null &&
	bti-service -C "$1" --date 2026-01-12 "$2" join PPT >/dev/null &&
	bti-consent -C "$1" --date 2026-01-12 --from Mor --service PPT "$2" given >/dev/null &&
	bti-coordinator -C "$1" --date 2026-01-12 --name "Kari Lærer" --service Skole "$2" >/dev/null &&
	bti-level -C "$1" --date 2026-01-13 --reason "Behov for PPT" "$2" 2 >/dev/null ||
	echo "Bail out! cooperate failed"
}
# sides NAME BASE-REV OURS-REV THEIRS-REV PATH: the three versions of PATH
# in clone b as files $tmp/NAME.base, .ours, .theirs, as git gives them.
sides() {
	git -C "$b" show "$2:$5" >"$tmp/$1.base" &&
	git -C "$b" show "$3:$5" >"$tmp/$1.ours" &&
	git -C "$b" show "$4:$5" >"$tmp/$1.theirs"
}

a="$tmp/a" b="$tmp/b"
newrepo "$a"
git -C "$a" config user.name "Anne A" && git -C "$a" config user.email anne@example.no
id1=$(open_case "$a" Ola)
id2=$(open_case "$a" Kari)
id3=$(open_case "$a" Per)
id4=$(open_case "$a" Pål)
p1="$(cpath $id1)" p2="$(cpath $id2)" p3="$(cpath $id3)" p4="$(cpath $id4)"
bti-service -C "$a" --date 2026-01-11 "$id1" join PPT >/dev/null
bti-level -C "$a" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$id2" 1 >/dev/null
cooperate "$a" "$id4"
git clone -q "$a" "$b"
expect 0 "the clone registers the merge driver (bti-init --hooks)" bti-init --hooks "$b"
git -C "$b" config user.name "Bjørn B" && git -C "$b" config user.email bjorn@example.no
is "$(git -C "$b" config merge.bti.driver)" "bti-merge %O %A %B %P" "merge.bti.driver is set in the clone"
is "$(git -C "$b" check-attr merge -- "$p1")" "$p1: merge: bti" "case files use the bti merge driver"
state0=$(git -C "$b" rev-parse HEAD)

# --- 1. a measure on one side, a consent on the other: merged ----------------------
bti-measure -C "$a" --date 2026-01-12 --what "Samtaler" --responsible Lærer --evaluate-by 2026-03-01 "$id1" >/dev/null
bti-consent -C "$b" --date 2026-01-12 --from Mor --service PPT "$id1" given >/dev/null
ours=$(git -C "$b" rev-parse HEAD) theirs=$(git -C "$a" rev-parse HEAD)
expect 0 "git pull: a measure and a consent merge cleanly" git -C "$b" pull --no-rebase --no-edit
is "$(git -C "$b" rev-parse HEAD^1 HEAD^2 | tr '\n' ' ')" "$ours $theirs " "a merge commit of both sides"
is "$(git -C "$b" status --porcelain)" "" "git status is clean after the merge commit"
is "$(yq "$b/$p1" '[m["id"] + " " + m["what"] for m in d["measures"]]')" "m1 Samtaler" "the measure is there"
is "$(yq "$b/$p1" '[c["id"] + " " + c["status"] for c in d["consents"]]')" "c1 given" "the consent is there"
expect 0 "the merged case passes bti-check" bti-check -C "$b"
is "$(out)" "" "bti-check is silent"
expect 0 "bti-check --rev HEAD passes too" bti-check -C "$b" --rev HEAD
expect 0 "a bti command works on the merged case" bti-goal -C "$b" --date 2026-01-20 --text "Ola trives" "$id1"
sides one "$state0" "$ours" "$theirs" "$p1"

# --- 2. both add a measure: the local one is renumbered -----------------------------
bti-measure -C "$a" --date 2026-01-12 --what "A-tiltak" --responsible Lærer --evaluate-by 2026-03-01 "$id2" >/dev/null
bti-evaluate -C "$a" --date 2026-03-01 --measure "m1=reached:Bra" --decision continue "$id2" >/dev/null
bti-measure -C "$b" --date 2026-01-13 --what "B-tiltak" --responsible Lærer --evaluate-by 2026-03-01 "$id2" >/dev/null
git -C "$b" fetch -q origin
base2=$(git -C "$b" merge-base HEAD origin/main) ours=$(git -C "$b" rev-parse HEAD) theirs=$(git -C "$b" rev-parse origin/main)
is "$(git -C "$a" show HEAD:"$p2" | grep -c '^- id: m1$')" "1" "side a gave out m1"
is "$(git -C "$b" show HEAD:"$p2" | grep -c '^- id: m1$')" "1" "side b gave out m1 too"
expect 0 "git merge: both added a measure" git -C "$b" merge --no-edit origin/main
is "$(git -C "$b" status --porcelain)" "" "git status is clean after the merge commit"
is "$(yq "$b/$p2" '[m["id"] + "=" + m["what"] for m in d["measures"]]')" "m1=A-tiltak, m2=B-tiltak" \
	"both measures, in date order; the pulled one keeps m1, b's own is renumbered m2"
is "$(yq "$b/$p2" 'len(set(m["id"] for m in d["measures"]))')" "2" "the measure ids are unique"
is "$(yq "$b/$p2" '[m["measure"] + ":" + m["outcome"] for e in d["evaluations"] for m in e["measures"]]')" \
	"m1:reached" "the evaluation still names A-tiltak, m1"
expect 0 "the merged case passes bti-check" bti-check -C "$b" "$id2"
is "$(out)" "" "bti-check is silent"
expect 0 "the next measure gets the next free id" bti-measure -C "$b" --date 2026-03-02 --what "C-tiltak" \
	--responsible Lærer --evaluate-by 2026-04-01 "$id2"
is "$(out)" "m3" "it is m3"
sides two "$base2" "$ours" "$theirs" "$p2"

# --- 3. both move the level: a conflict ---------------------------------------------
pre=$(git -C "$b" rev-parse HEAD)
bti-level -C "$a" --date 2026-01-20 --reason "Tiltak i skolen" "$id3" 1 >/dev/null
bti-level -C "$b" --date 2026-01-21 --reason "Ubegrunnet" --cause unfounded "$id3" close >/dev/null
git -C "$b" fetch -q origin
base3=$(git -C "$b" merge-base HEAD origin/main) ours=$(git -C "$b" rev-parse HEAD) theirs=$(git -C "$b" rev-parse origin/main)
run git -C "$b" merge --no-edit origin/main
if [ "$rc" -ne 0 ]; then pass "git merge: both moved the level: git merge fails (exit $rc)"; else fail "git merge: both moved the level: git merge fails"; fi
like "$(out)$(err)" "bti-merge: $p3: merge/conflict: levels: " "the driver says why"
like "$(out)" "CONFLICT .*$p3" "git reports the conflict in the case file"
is "$(head -1 "$b/$p3")" "<<<<<<< ours (bti-merge: levels: both sides moved or closed the case; keep one level decision)" \
	"the file starts with the bti-merge conflict marker"
is "$(grep -c '^=======$' "$b/$p3") $(tail -1 "$b/$p3")" "1 >>>>>>> theirs" "and holds both versions"
is "$(git -C "$b" status --porcelain)" "UU $p3" "git status shows the file unmerged (UU)"
is "$(git -C "$b" rev-parse HEAD)" "$ours" "no merge commit was made"
expect 1 "bti-check finds the conflict markers" bti-check -C "$b" "$id3"
like "$(out)" "^$p3:1:[0-9]+: yaml/" "bti-check reports the marker line"
expect 0 "git merge --abort" git -C "$b" merge --abort
is "$(git -C "$b" status --porcelain)" "" "clean after the abort"
sides three "$base3" "$ours" "$theirs" "$p3"
git -C "$b" reset -q --hard "$pre"      # b gives up its decision

# --- 4. a merge whose result breaks the rules: a conflict ----------------------------
pre=$(git -C "$b" rev-parse HEAD)
git -C "$b" pull -q --no-rebase --no-edit    # up to date with a
expect 0 "a: the consent is withdrawn at level 2" bti-consent -C "$a" --date 2026-02-01 --from Mor --withdraws c1 "$id4" withdrawn
expect 0 "b: a measure at level 2 on a later date" bti-measure -C "$b" --date 2026-02-03 --what "Samtaler" \
	--responsible PPT --evaluate-by 2026-03-01 "$id4"
expect 0 "each side alone passes bti-check" sh -c 'bti-check -C "$1" && bti-check -C "$2"' _ "$a" "$b"
git -C "$b" fetch -q origin
base4=$(git -C "$b" merge-base HEAD origin/main) ours=$(git -C "$b" rev-parse HEAD) theirs=$(git -C "$b" rev-parse origin/main)
run git -C "$b" pull --no-rebase --no-edit
if [ "$rc" -ne 0 ]; then pass "git pull: the combined result breaks the rules: git fails (exit $rc)"; else fail "git pull: the combined result breaks the rules: git fails"; fi
like "$(err)" "bti-merge: $p4:[0-9]+:[0-9]+: consent/missing: measures\\[[0-9]\\]: " "the driver names the broken rule"
like "$(head -1 "$b/$p4")" '^<<<<<<< ours \(bti-merge: measures\[[0-9]\]: .*consent' "the file has the conflict marker with the reason"
is "$(git -C "$b" status --porcelain)" "UU $p4" "git status shows the file unmerged (UU)"
is "$(git -C "$b" rev-parse HEAD)" "$ours" "no merge commit was made"
expect 0 "git merge --abort" git -C "$b" merge --abort
is "$(git -C "$b" status --porcelain)" "" "clean after the abort"
sides four "$base4" "$ours" "$theirs" "$p4"

# --- bti-merge called directly -------------------------------------------------------
# Merged: written to OURS, exit 0 (run inside the repository, whose rules apply).
cp "$tmp/one.ours" "$tmp/one.result"
cp "$tmp/one.theirs" "$tmp/one.keep"
expect 0 "bti-merge BASE OURS THEIRS PATH: merged" sh -c 'cd "$1" && bti-merge "$2.base" "$2.result" "$2.theirs" "$3"' _ "$b" "$tmp/one" "$p1"
is "$(err)" "" "nothing on stderr"
is "$(yq "$tmp/one.result" '(len(d["measures"]), len(d["consents"]))')" "(1, 1)" "OURS holds both sides' entries"
cmp -s "$tmp/one.theirs" "$tmp/one.keep" && pass "THEIRS is left alone" || fail "THEIRS is left alone"
cp "$tmp/two.ours" "$tmp/two.result"
expect 0 "bti-merge without PATH: merged" sh -c 'cd "$1" && bti-merge "$2.base" "$2.result" "$2.theirs"' _ "$b" "$tmp/two"
is "$(yq "$tmp/two.result" '[m["id"] for m in d["measures"]] + [m["measure"] for e in d["evaluations"] for m in e["measures"]]')" \
	"m1, m2, m1" "THEIRS keeps its ids, OURS is renumbered, the evaluation names THEIRS's m1"
expect 0 "bti-merge: THEIRS equal to BASE keeps OURS" sh -c 'cd "$1" && cp "$2.ours" "$2.r2" && bti-merge "$2.base" "$2.r2" "$2.base" && cmp "$2.r2" "$2.ours"' _ "$b" "$tmp/two"
# Conflicts: exit 1, both versions between markers in OURS.
cp "$tmp/three.ours" "$tmp/three.result"
expect 1 "bti-merge: both moved the level" sh -c 'cd "$1" && bti-merge "$2.base" "$2.result" "$2.theirs" "$3"' _ "$b" "$tmp/three" "$p3"
golden merge-levels "the error names merge/conflict and the key"
is "$(head -1 "$tmp/three.result")" "<<<<<<< ours (bti-merge: levels: both sides moved or closed the case; keep one level decision)" \
	"OURS starts with the marker"
{ echo "<<<<<<< ours (bti-merge: levels: both sides moved or closed the case; keep one level decision)"
  cat "$tmp/three.ours"; echo "======="; cat "$tmp/three.theirs"; echo ">>>>>>> theirs"; } >"$tmp/three.want"
cmp -s "$tmp/three.result" "$tmp/three.want" && pass "OURS holds ours and theirs unchanged between the markers" ||
	fail "OURS holds ours and theirs unchanged between the markers"
cp "$tmp/four.ours" "$tmp/four.result"
expect 1 "bti-merge: the merged case would break the rules" sh -c 'cd "$1" && bti-merge "$2.base" "$2.result" "$2.theirs" "$3"' _ "$b" "$tmp/four" "$p4"
golden merge-rules "the error names the rule the merge would break"
like "$(head -1 "$tmp/four.result")" '^<<<<<<< ours \(bti-merge: ' "OURS starts with the marker"
printf 'bti: 1\nid: [broken\n' >"$tmp/bad.yaml"
cp "$tmp/one.ours" "$tmp/five.result"
expect 1 "bti-merge: THEIRS is not YAML" sh -c 'cd "$1" && bti-merge "$2.base" "$3" "$4" "$5"' _ "$b" "$tmp/one" "$tmp/five.result" "$tmp/bad.yaml" "$p1"
like "$(head -1 "$tmp/five.result")" '^<<<<<<< ours \(bti-merge: ' "OURS holds the conflict"
# Usage.
unchanged 2 "bti-merge with two files is a usage error" "$b" bti-merge "$tmp/one.base" "$tmp/one.ours"
golden merge-usage "the usage error"
unchanged 2 "bti-merge with five arguments is a usage error" "$b" bti-merge a b c d e
unchanged 2 "bti-merge with an unknown option is a usage error" "$b" bti-merge --bogus a b c
expect 0 "bti-merge --help" bti-merge --help
like "$(out)" '^usage: bti-merge BASE OURS THEIRS' "prints the usage"

done_testing
