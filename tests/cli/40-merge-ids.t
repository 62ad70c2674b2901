#!/bin/sh
# #12.6: an id that was committed keeps its meaning through git pull, by
# merge and by rebase, between clones of one central bare repository: a
# reference (the goal of a measure, the measure of an evaluation) points
# at the entry its author meant after every merge.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

central="$tmp/central.git"
newrepo "$tmp/seed"
# open_case: a new case at level 1 in the central repository, pushed from seed.
open_case() {
	{ [ ! -s "$central/refs/heads/main" ] || git -C "$tmp/seed" pull -q --ff-only "$central" main; } &&
	oc=$(bti-new -C "$tmp/seed" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor) &&
	bti-level -C "$tmp/seed" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$oc" 1 >/dev/null &&
	git -C "$tmp/seed" push -q "$central" HEAD:main && echo "$oc" || echo "Bail out! open_case"
}
git init -q --bare -b main "$central"
id1=$(open_case)
# clone NAME: a clone of the central repository, set up as README says.
clone() {
	git clone -q "$central" "$tmp/$1" && bti-init --hooks "$tmp/$1" >/dev/null &&
	git -C "$tmp/$1" config user.name "$1" && git -C "$tmp/$1" config user.email "$1@example.no" ||
	echo "Bail out! clone $1"
}
clone a
clone b
a="$tmp/a" b="$tmp/b"
is "$(git -C "$b" config merge.bti.driver)" "bti-merge %O %A %B %P" "the clones have the merge driver"

goal() { bti-goal -C "$1" --date "$2" --text "$3" "$4"; }
measure() {     # measure REPO DATE WHAT GOAL-ID CASE
	bti-measure -C "$1" --date "$2" --what "$3" --responsible Lærer --evaluate-by 2026-06-01 --goal "$4" "$5"
}
# goal_of REPO PATH WHAT: the text of the goal the measure WHAT names.
goal_of() {
	yq "$1/$2" '[g["text"] for g in d["goals"] if g["id"] ==
		[m["goal"] for m in d["measures"] if m["what"] == "'"$3"'"][0]][0]'
}
ids() { yq "$1/$2" '[e["id"] + "=" + e.get("text", e.get("what", "")) for e in d["'"$3"'"]]'; }
check_clean() {     # check_clean REPO DESC
	run bti-check -C "$1"
	is "$rc $(out)$(err | grep -v ": warning: due/")" "0 " "$2: bti-check passes"
	is "$(git -C "$1" status --porcelain)" "" "$2: git status is clean"
}

# --- the issue's scenario, by merge -----------------------------------------------
p1=$(cpath "$id1")
git -C "$a" pull -q && git -C "$b" pull -q
is "$(goal "$a" 2026-01-20 "A-mål" "$id1")" "g1" "a: A's goal is g1"
git -C "$a" push -q origin main
is "$(goal "$b" 2026-01-21 "B-mål" "$id1")" "g1" "b: B's own goal is g1 too"
expect 0 "b: git pull (merge) merges the two goals" git -C "$b" pull --no-rebase --no-edit
is "$(ids "$b" "$p1" goals)" "g1=A-mål, g2=B-mål" "the pushed goal keeps g1; b's own, not yet pushed, becomes g2"
check_clean "$b" "b after the merge"
expect 0 "b pushes" git -C "$b" push -q origin main
is "$(measure "$a" 2026-01-22 "A-tiltak" g1 "$id1")" "m1" "a: a measure for its goal g1"
git -C "$a" branch -q before-pull
expect 0 "a: git pull (merge)" git -C "$a" pull --no-rebase --no-edit
is "$(goal_of "$a" "$p1" A-tiltak)" "A-mål" "a's measure points at A's goal"
is "$(ids "$a" "$p1" goals)" "g1=A-mål, g2=B-mål" "the goals keep their ids"
check_clean "$a" "a after the merge"
# The same pull by rebase: in a rebase git gives the sides the other way round.
git -C "$a" reset -q --hard before-pull
expect 0 "a: git pull --rebase" git -C "$a" pull --rebase
is "$(goal_of "$a" "$p1" A-tiltak)" "A-mål" "after the rebase a's measure points at A's goal"
is "$(git -C "$a" rev-list --merges --count HEAD)" "1" "a rebase, no new merge commit"
check_clean "$a" "a after the rebase"
expect 0 "a pushes" git -C "$a" push -q origin main
git -C "$b" pull -q --no-rebase --no-edit
is "$(goal_of "$b" "$p1" A-tiltak)" "A-mål" "b sees the measure pointing at A's goal"

# --- both sides add a goal and a measure for it; b pulls by rebase ------------------
id2=$(open_case)
p2=$(cpath "$id2")
git -C "$a" pull -q --no-rebase --no-edit && git -C "$b" pull -q --no-rebase --no-edit
goal "$a" 2026-01-20 "A-mål" "$id2" >/dev/null
measure "$a" 2026-01-21 "A-tiltak" g1 "$id2" >/dev/null
bti-evaluate -C "$a" --date 2026-03-01 --measure "m1=continue:Går bra" --next 2026-04-01 --decision continue "$id2" >/dev/null ||
	echo "Bail out! evaluate"
git -C "$a" push -q origin main
goal "$b" 2026-01-20 "B-mål" "$id2" >/dev/null
is "$(measure "$b" 2026-01-22 "B-tiltak" g1 "$id2")" "m1" "b: its measure m1 for its goal g1"
git -C "$b" branch -q before-pull
expect 0 "b: git pull --rebase (two commits replayed)" git -C "$b" pull --rebase
is "$(ids "$b" "$p2" goals)" "g1=A-mål, g2=B-mål" "the pushed goal keeps g1; b's becomes g2"
is "$(ids "$b" "$p2" measures)" "m1=A-tiltak, m2=B-tiltak" "the pushed measure keeps m1; b's becomes m2"
is "$(goal_of "$b" "$p2" A-tiltak)" "A-mål" "A's measure points at A's goal"
is "$(goal_of "$b" "$p2" B-tiltak)" "B-mål" "B's measure follows B's goal to g2"
is "$(yq "$b/$p2" '[i["measure"] for e in d["evaluations"] for i in e["measures"]]')" "m1" \
	"the evaluation still names A's measure"
check_clean "$b" "b after the rebase"
# The same by merge.
git -C "$b" reset -q --hard before-pull
expect 0 "b: git pull (merge)" git -C "$b" pull --no-rebase --no-edit
is "$(ids "$b" "$p2" goals) / $(ids "$b" "$p2" measures)" "g1=A-mål, g2=B-mål / m1=A-tiltak, m2=B-tiltak" \
	"the same ids as by rebase"
is "$(goal_of "$b" "$p2" A-tiltak) $(goal_of "$b" "$p2" B-tiltak)" "A-mål B-mål" "each measure points at its own goal"
check_clean "$b" "b after the merge"
expect 0 "b: the next goal is g3" goal "$b" 2026-03-02 "C-mål" "$id2"
is "$(out)" "g3" "it is g3"

# --- a merge done the other way round renumbers a pushed goal; the pull follows it --
id3=$(open_case)
p3=$(cpath "$id3")
git -C "$a" pull -q --no-rebase --no-edit && git -C "$b" pull -q --no-rebase --no-edit
goal "$a" 2026-01-20 "A-mål" "$id3" >/dev/null
git -C "$a" push -q origin main
goal "$b" 2026-01-21 "B-mål" "$id3" >/dev/null
# b merges its own branch into the pulled one: b's ids are kept, A's goal becomes g2.
git -C "$b" fetch -q origin && git -C "$b" checkout -q -b up origin/main &&
	git -C "$b" merge -q --no-edit main && git -C "$b" push -q origin up:main &&
	git -C "$b" checkout -q main && git -C "$b" merge -q --ff-only up || echo "Bail out! reverse merge"
is "$(ids "$b" "$p3" goals)" "g2=A-mål, g1=B-mål" "central: A's pushed goal was renumbered g2"
measure "$a" 2026-01-22 "A-tiltak" g1 "$id3" >/dev/null
git -C "$a" branch -q -f before-pull
expect 0 "a: git pull (merge)" git -C "$a" pull --no-rebase --no-edit
is "$(goal_of "$a" "$p3" A-tiltak)" "A-mål" "a's measure follows A's goal to g2"
is "$(yq "$a/$p3" '[m["goal"] for m in d["measures"]]')" "g2" "it names g2"
check_clean "$a" "a after the merge"
git -C "$a" reset -q --hard before-pull
expect 0 "a: git pull --rebase" git -C "$a" pull --rebase
is "$(goal_of "$a" "$p3" A-tiltak)" "A-mål" "after the rebase too"
check_clean "$a" "a after the rebase"

# --- consents: b's withdrawal follows b's consent when it is renumbered --------------
id5=$(open_case)
p5=$(cpath "$id5")
git -C "$a" pull -q --no-rebase --no-edit && git -C "$b" pull -q --no-rebase --no-edit
bti-consent -C "$a" --date 2026-01-20 --from Mor --service PPT "$id5" given >/dev/null
git -C "$a" push -q origin main
is "$(bti-consent -C "$b" --date 2026-01-21 --from Mor --service Helsestasjon "$id5" given)" "c1" "b: its consent is c1"
bti-consent -C "$b" --date 2026-01-22 --from Mor --withdraws c1 "$id5" withdrawn >/dev/null
git -C "$b" branch -q -f before-pull
withdrawn() {   # withdrawn REPO PATH: the service of the consent the withdrawal names
	yq "$1/$2" '[c["services"][0] for c in d["consents"] if c["id"] ==
		[w["withdraws"] for w in d["consents"] if w["status"] == "withdrawn"][0]][0]'
}
for how in --no-rebase --rebase; do
	git -C "$b" reset -q --hard before-pull
	expect 0 "b: git pull $how" git -C "$b" pull "$how" --no-edit
	is "$(yq "$b/$p5" '[c["id"] + "=" + c["status"] for c in d["consents"]]')" "c1=given, c2=given, c3=withdrawn" \
		"git pull $how: the pushed consent keeps c1; b's become c2 and c3"
	is "$(withdrawn "$b" "$p5")" "Helsestasjon" "git pull $how: the withdrawal still names b's consent"
	check_clean "$b" "b after git pull $how"
done

# --- bti-merge called directly --------------------------------------------------------
# The versions of case 3 as a had them: base (A's goal), ours (a measure for it),
# theirs (central, A's goal renumbered).
git -C "$a" show before-pull~1:"$p3" >"$tmp/base.yaml"
git -C "$a" show before-pull:"$p3" >"$tmp/ours.yaml"
git -C "$a" show origin/main:"$p3" >"$tmp/theirs.yaml"
mp=$p3
merge() {       # merge DESC CODE OURS THEIRS: bti-merge in clone a for $mp, result in $tmp/result
	cp "$3" "$tmp/result"
	expect "$2" "$1" sh -c 'cd "$1" && bti-merge "$2" "$3" "$4" "$5"' _ "$a" "$tmp/base.yaml" "$tmp/result" "$4" "$mp"
}
merge "bti-merge: ours refers to a goal theirs renumbered" 0 "$tmp/ours.yaml" "$tmp/theirs.yaml"
is "$(yq "$tmp/result" '[m["goal"] for m in d["measures"]]')" "g2" "the reference follows"

# A reference that cannot be matched to one entry is a conflict, not a guess.
python3 - "$tmp/theirs.yaml" "$tmp/twice.yaml" <<'EOF'
import sys, yaml
class Plain(yaml.SafeDumper):
    def ignore_aliases(self, data): return True
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
a = [g for g in d["goals"] if g["text"] == "A-mål"][0]
d["goals"].insert(d["goals"].index(a) + 1, dict(a, id="g3"))
yaml.dump(d, open(sys.argv[2], "w", encoding="utf-8"), Dumper=Plain, allow_unicode=True, sort_keys=False)
EOF
merge "bti-merge: A's goal twice in theirs under two new ids" 1 "$tmp/ours.yaml" "$tmp/twice.yaml"
golden merge-ambiguous "the conflict says the entry cannot be matched"
like "$(head -1 "$tmp/result")" '^<<<<<<< ours \(bti-merge: goals: ' "OURS holds the conflict"
python3 - "$tmp/theirs.yaml" "$tmp/nogoal.yaml" <<'EOF'
import sys, yaml
class Plain(yaml.SafeDumper):
    def ignore_aliases(self, data): return True
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
d["goals"] = [g for g in d["goals"] if g["text"] != "A-mål"]
yaml.dump(d, open(sys.argv[2], "w", encoding="utf-8"), Dumper=Plain, allow_unicode=True, sort_keys=False)
EOF
merge "bti-merge: theirs removed the goal ours' new measure names" 1 "$tmp/ours.yaml" "$tmp/nogoal.yaml"
golden merge-lost "the conflict names the reference"

# The case id: a side that changes it is a conflict, never a merge into this file.
id4=$(open_case)
p4=$(cpath "$id4")
git -C "$a" pull -q --no-rebase --no-edit
other=$(bti-new -C "$tmp/seed" --date 2026-01-10 --name Per --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
git -C "$a" show HEAD:"$p4" >"$tmp/base.yaml"
goal "$a" 2026-01-20 "Sover godt" "$id4" >/dev/null || echo "Bail out! goal"
git -C "$a" show HEAD:"$p4" >"$tmp/ours.yaml"
sed "s/^id: \"$id4\"\$/id: \"$other\"/" "$tmp/base.yaml" >"$tmp/theirs.yaml"
is "$(grep -c "^id: \"$other\"" "$tmp/theirs.yaml")" "1" "theirs names another case"
mp=$p4
merge "bti-merge: theirs changed id:" 1 "$tmp/ours.yaml" "$tmp/theirs.yaml"
golden merge-id "the conflict says the id changed"
is "$(grep -c "^id: \"$id4\"\$" "$tmp/result") $(grep -c "^id: \"$other\"\$" "$tmp/result")" "1 1" \
	"OURS holds both versions between the markers"
sed "s/^id: \"$id4\"\$/id: \"$other\"/" "$tmp/ours.yaml" >"$tmp/ours2.yaml"
merge "bti-merge: ours changed id:" 1 "$tmp/ours2.yaml" "$tmp/base.yaml"

# An entry both sides added alike is kept once, under the kept side's id.
python3 - "$tmp/base.yaml" "$tmp/ours.yaml" "$tmp/alike.yaml" <<'EOF'
import sys, yaml
class Plain(yaml.SafeDumper):
    def ignore_aliases(self, data): return True
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
g = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))["goals"][0]
d["goals"] = [dict(g, id="g1", text="Annet"), dict(g, id="g2")]
yaml.dump(d, open(sys.argv[3], "w", encoding="utf-8"), Dumper=Plain, allow_unicode=True, sort_keys=False)
EOF
merge "bti-merge: both added the same goal, under different ids" 0 "$tmp/ours.yaml" "$tmp/alike.yaml"
is "$(ids "$tmp" result goals)" "g1=Annet, g2=Sover godt" "kept once, as g2"

# Size: a side over the limit of a case, or a merge that would pass it, is a conflict.
{ cat "$tmp/base.yaml"; printf 'x-pad: "%s"\n' "$(head -c 1100000 /dev/zero | tr '\0' a)"; } >"$tmp/big.yaml"
merge "bti-merge: THEIRS over 1 MiB is a conflict (exit 1)" 1 "$tmp/ours.yaml" "$tmp/big.yaml"
like "$(err)" "yaml/size" "the error says why"
is "$(head -1 "$tmp/result" | cut -c1-20) $(tail -1 "$tmp/result")" "<<<<<<< ours (bti-me >>>>>>> theirs" \
	"OURS holds both versions, whole"
is "$(grep -c '^x-pad: ' "$tmp/result")" "1" "theirs is in it"
half=$(head -c 600000 /dev/zero | tr '\0' b)
{ cat "$tmp/ours.yaml"; printf 'x-a: "%s"\n' "$half"; } >"$tmp/ours3.yaml"
{ cat "$tmp/base.yaml"; printf 'x-b: "%s"\n' "$half"; } >"$tmp/theirs3.yaml"
merge "bti-merge: two sides under 1 MiB whose merge is over it" 1 "$tmp/ours3.yaml" "$tmp/theirs3.yaml"
like "$(err)" "yaml/size: the merged case would be [0-9]+ bytes" "the error says so"

# bti-check --history: a merge may renumber the ids its first parent had, as
# long as the references follow; a merge that moves a reference is reported.
expect 0 "bti-check --history in a: the merges only renumbered" bti-check -C "$a" --history
expect 0 "bti-check --history in b" bti-check -C "$b" --history
c="$tmp/c"
clone c
git -C "$c" checkout -q -b x && goal "$c" 2026-02-01 "X-mål" "$id1" >/dev/null &&
	git -C "$c" checkout -q main && goal "$c" 2026-02-02 "Y-mål" "$id1" >/dev/null ||
	echo "Bail out! branches in c"
expect 0 "c: git merge --no-commit x" git -C "$c" merge -q --no-commit x
is "$(ids "$c" "$p1" goals)" "g1=A-mål, g2=B-mål, g3=X-mål, g4=Y-mål" "main's own Y-mål renumbered g4"
# By hand: A's and B's goals swap ids, the measure is left naming g1.
python3 - "$c/$p1" <<'EOF2'
import sys, re
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("id: g1\n", "id: gX\n").replace("id: g2\n", "id: g1\n").replace("id: gX\n", "id: g2\n")
open(sys.argv[1], "w", encoding="utf-8").write(t)
EOF2
is "$(goal_of "$c" "$p1" A-tiltak)" "B-mål" "now A's measure names B's goal"
git -C "$c" commit -q --no-verify --no-edit -a
expect 1 "bti-check --history reports the merge that moved the reference" bti-check -C "$c" --history
like "$(out)" "^[0-9a-f]{40}:$p1:[0-9]+:[0-9]+: history/rewrite: measures\[0\]: " "measures[0] is named"
unlike "$(out)" "goals\[" "renumbering the goals alone is not a rewrite"
done_testing
