#!/bin/sh
# #12.6 with #12.7: a correction names the entry it withdraws by id (g1) or
# by its place in a list (meetings/2). After git pull, by merge and by
# rebase, between clones of one central bare repository, it still withdraws
# the entry its author meant: ids follow the renumbering, places follow the
# other side's entries merged in between, and a reference that cannot be
# matched to one entry is a conflict.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

central="$tmp/central.git"
newrepo "$tmp/seed"
# open_case: a new case at level 1 with one meeting in the central repository.
open_case() {
	{ [ ! -s "$central/refs/heads/main" ] || git -C "$tmp/seed" pull -q --ff-only "$central" main; } &&
	oc=$(bti-new -C "$tmp/seed" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor) &&
	bti-level -C "$tmp/seed" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$oc" 1 >/dev/null &&
	meeting "$tmp/seed" 2026-01-12 "Første møte" "$oc" >/dev/null &&
	git -C "$tmp/seed" push -q "$central" HEAD:main && echo "$oc" || echo "Bail out! open_case"
}
meeting() {     # meeting REPO DATE MINUTES CASE
	bti-meeting -C "$1" --date "$2" --kind plan --participant Mor --child-present --minutes "$3" "$4"
}
correct() {     # correct REPO DATE ENTRY CASE
	bti-correct -C "$1" --date "$2" --reason "Registrert ved en feil" "$4" "$3"
}
git init -q --bare -b main "$central"
clone() {
	git clone -q "$central" "$tmp/$1" && bti-init --hooks "$tmp/$1" >/dev/null &&
	git -C "$tmp/$1" config user.name "$1" && git -C "$tmp/$1" config user.email "$1@example.no" ||
	echo "Bail out! clone $1"
}
id1=$(open_case)
clone a
clone b
a="$tmp/a" b="$tmp/b"
# withdrawn REPO PATH: what the entries the corrections withdraw say (a
# meeting's minutes, a goal's text), in the corrections' order.
withdrawn() {
	yq "$1/$2" '[d[w.split("/")[0]][int(w.split("/")[1]) - 1]["minutes"] if "/" in w else
		[g["text"] for g in d["goals"] if g["id"] == w][0] for w in [c["withdraws"] for c in d["corrections"]]]'
}
field() { yq "$1/$2" "[e['$4'] for e in d['$3']]"; }     # field REPO PATH LIST KEY
check_clean() {     # check_clean REPO DESC
	run bti-check -C "$1"
	is "$rc $(out)$(err)" "0 " "$2: bti-check passes"
	is "$(git -C "$1" status --porcelain)" "" "$2: git status is clean"
}
sync() { git -C "$a" pull -q --no-rebase --no-edit && git -C "$b" pull -q --no-rebase --no-edit; }

# --- the puller's correction: a withdraws meetings/2 while b adds a meeting dated earlier ----
p1=$(cpath "$id1")
meeting "$a" 2026-03-01 "A-referat" "$id1" >/dev/null
expect 0 "a: withdraws meetings/2, its own meeting" correct "$a" 2026-03-02 meetings/2 "$id1"
is "$(withdrawn "$a" "$p1")" "A-referat" "a: meetings/2 is A's meeting"
meeting "$b" 2026-02-01 "B-referat" "$id1" >/dev/null
git -C "$b" push -q origin main
git -C "$a" branch -q before-pull
for how in --no-rebase --rebase; do
	git -C "$a" reset -q --hard before-pull
	expect 0 "a: git pull $how" git -C "$a" pull "$how" --no-edit
	is "$(field "$a" "$p1" meetings minutes)" "Første møte, B-referat, A-referat" \
		"git pull $how: B's meeting, dated earlier, is merged before A's"
	is "$(field "$a" "$p1" corrections withdraws)" "meetings/3" "git pull $how: the correction names meetings/3"
	is "$(withdrawn "$a" "$p1")" "A-referat" "git pull $how: the withdrawn meeting is still A's"
	check_clean "$a" "a after git pull $how"
	# By merge the first parent's correction was rewritten, following its meeting.
	expect 0 "git pull $how: bti-check --history passes" bti-check -C "$a" --history
done
expect 0 "a pushes" git -C "$a" push -q origin main
git -C "$b" pull -q --no-rebase --no-edit
is "$(withdrawn "$b" "$p1")" "A-referat" "b sees A's meeting withdrawn"
expect 0 "bti-report shows A's meeting withdrawn" bti-report -C "$b" "$id1"
like "$(out)" "meetings/3 \\(2026-03-01" "the summary names the meeting of 2026-03-01"

# --- the pushed correction: a pushes first, b pulls a meeting dated earlier into it ---------
id2=$(open_case)
p2=$(cpath "$id2")
sync
meeting "$a" 2026-03-01 "A-referat" "$id2" >/dev/null
correct "$a" 2026-03-02 meetings/2 "$id2" >/dev/null || echo "Bail out! correct"
git -C "$a" push -q origin main
meeting "$b" 2026-02-01 "B-referat" "$id2" >/dev/null
git -C "$b" branch -q before-pull
for how in --rebase --no-rebase; do
	git -C "$b" reset -q --hard before-pull
	expect 0 "b: git pull $how" git -C "$b" pull "$how" --no-edit
	is "$(field "$b" "$p2" meetings minutes)" "Første møte, B-referat, A-referat" \
		"git pull $how: B's meeting is merged before A's"
	is "$(field "$b" "$p2" corrections withdraws)" "meetings/3" \
		"git pull $how: the pushed correction follows A's meeting to meetings/3"
	is "$(withdrawn "$b" "$p2")" "A-referat" "git pull $how: the withdrawn meeting is still A's"
	check_clean "$b" "b after git pull $how"
done
expect 0 "bti-check --history in b" bti-check -C "$b" --history

# --- ids: a withdraws its goal g1 while b adds its own g1 -----------------------------------
id3=$(open_case)
p3=$(cpath "$id3")
sync
bti-goal -C "$a" --date 2026-02-01 --text "A-mål" "$id3" >/dev/null
correct "$a" 2026-02-02 g1 "$id3" >/dev/null || echo "Bail out! correct g1"
is "$(bti-goal -C "$b" --date 2026-02-01 --text "B-mål" "$id3")" "g1" "b: its own goal is g1 too"
git -C "$b" push -q origin main
git -C "$a" branch -q -f before-pull
for how in --no-rebase --rebase; do
	git -C "$a" reset -q --hard before-pull
	expect 0 "a: git pull $how" git -C "$a" pull "$how" --no-edit
	is "$(yq "$a/$p3" '[g["id"] + "=" + g["text"] for g in d["goals"]]')" "g1=B-mål, g2=A-mål" \
		"git pull $how: the pushed goal keeps g1, A's becomes g2"
	is "$(field "$a" "$p3" corrections withdraws)" "g2" "git pull $how: the correction follows it to g2"
	is "$(withdrawn "$a" "$p3")" "A-mål" "git pull $how: the withdrawn goal is still A's"
	check_clean "$a" "a after git pull $how"
done
expect 0 "bti-check --history in a after the renumbering" bti-check -C "$a" --history

# --- bti-merge called directly: a place that cannot be matched is a conflict ---------------
# base: case 1 as the seed opened it; each side adds one entry to it.
git -C "$tmp/seed" show "$(git -C "$tmp/seed" log --reverse --format=%H -- "$p1" | sed -n 3p)":"$p1" >"$tmp/base.yaml"
is "$(field "$tmp" base.yaml meetings minutes)" "Første møte" "base: the case with its first meeting"
edit() {        # edit IN OUT PYTHON: OUT is IN with d changed by PYTHON
	python3 - "$1" "$2" "$3" <<'EOF'
import sys, yaml
class Plain(yaml.SafeDumper):
    def ignore_aliases(self, data): return True
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3], {"d": d})
yaml.dump(d, open(sys.argv[2], "w", encoding="utf-8"), Dumper=Plain, allow_unicode=True, sort_keys=False)
EOF
}
merge() {       # merge DESC CODE OURS THEIRS: bti-merge in clone a (a merge: theirs' places kept)
	cp "$3" "$tmp/result"
	expect "$2" "$1" sh -c 'cd "$1" && bti-merge "$2" "$3" "$4" "$5"' _ "$a" "$tmp/base.yaml" "$tmp/result" "$4" "$p1"
}
fix='d["corrections"] = [{"date": "2026-03-02", "withdraws": "meetings/1", "reason": "Feil", "by": "Kari Lærer"}]'
edit "$tmp/base.yaml" "$tmp/withdraws.yaml" "$fix"
edit "$tmp/base.yaml" "$tmp/changed.yaml" 'd["meetings"][0]["minutes"] = "Omskrevet"'
merge "bti-merge: ours withdraws meetings/1, which theirs rewrote" 1 "$tmp/withdraws.yaml" "$tmp/changed.yaml"
golden merge-place-lost "the conflict names the correction and the place"
like "$(head -1 "$tmp/result")" '^<<<<<<< ours \(bti-merge: corrections\[0\] in ours: ' "OURS holds the conflict"
merge "bti-merge: theirs withdraws meetings/1, which ours rewrote" 1 "$tmp/changed.yaml" "$tmp/withdraws.yaml"
like "$(err)" "merge/conflict: corrections\\[0\\] in theirs: names meetings/1, which ours changed or removed" \
	"the kept side's correction is a conflict too"
edit "$tmp/base.yaml" "$tmp/past.yaml" "${fix%%meetings/1*}meetings/5${fix#*meetings/1}"
merge "bti-merge: ours withdraws meetings/5, past the end" 1 "$tmp/past.yaml" "$tmp/base.yaml"
like "$(err)" "corrections\\[0\\] in ours: names meetings/5, which theirs changed, removed or never had" \
	"a place the list does not have is a conflict, not a guess"
edit "$tmp/base.yaml" "$tmp/added.yaml" \
	'd["meetings"].append(dict(d["meetings"][0], date="2026-02-01", minutes="B-referat"))'
merge "bti-merge: ours withdraws meetings/1, theirs added a meeting" 0 "$tmp/withdraws.yaml" "$tmp/added.yaml"
is "$(withdrawn "$tmp" result)" "Første møte" "a place before the new entries stays"
# Both sides withdraw "meetings/2", word for word, each its own new meeting:
# two corrections, not one kept once.
add='d["meetings"].append(dict(d["meetings"][0], date="DATE", minutes="WHO")); '"$fix"
edit "$tmp/base.yaml" "$tmp/own-o.yaml" "$(echo "${add%%meetings/1*}meetings/2${add#*meetings/1}" | sed 's/DATE/2026-02-01/; s/WHO/O-referat/')"
edit "$tmp/base.yaml" "$tmp/own-k.yaml" "$(echo "${add%%meetings/1*}meetings/2${add#*meetings/1}" | sed 's/DATE/2026-03-01/; s/WHO/K-referat/')"
is "$(withdrawn "$tmp" own-o.yaml) $(withdrawn "$tmp" own-k.yaml)" "O-referat K-referat" "each withdraws its own meetings/2"
merge "bti-merge: both withdraw meetings/2, each its own meeting" 0 "$tmp/own-o.yaml" "$tmp/own-k.yaml"
is "$(field "$tmp" result meetings minutes)" "Første møte, O-referat, K-referat" "the meetings in date order"
is "$(withdrawn "$tmp" result)" "K-referat, O-referat" "both corrections, each withdrawing its own meeting"

# --- bti-check --history: a merge that moved a reference is reported -----------------------
c="$tmp/c"
clone c
git -C "$c" checkout -q -b x && meeting "$c" 2026-04-01 "X-referat" "$id1" >/dev/null &&
	git -C "$c" checkout -q main && meeting "$c" 2026-05-01 "Y-referat" "$id1" >/dev/null &&
	correct "$c" 2026-05-02 meetings/4 "$id1" >/dev/null || echo "Bail out! branches in c"
is "$(withdrawn "$c" "$p1")" "A-referat, Y-referat" "c: main withdraws its Y meeting as meetings/4"
expect 0 "c: git merge --no-commit x" git -C "$c" merge -q --no-commit x
is "$(field "$c" "$p1" corrections withdraws)" "meetings/3, meetings/5" "the merge moved c's correction to meetings/5"
is "$(withdrawn "$c" "$p1")" "A-referat, Y-referat" "it still withdraws the Y meeting"
# By hand: the correction is put back to meetings/4, now the X meeting.
sed -i 's|withdraws: meetings/5|withdraws: meetings/4|' "$c/$p1"
is "$(withdrawn "$c" "$p1")" "A-referat, X-referat" "now the correction withdraws the X meeting"
git -C "$c" commit -q --no-verify --no-edit -a
expect 1 "bti-check --history reports the merge that moved the reference" bti-check -C "$c" --history
like "$(out)" "^[0-9a-f]{40}:$p1:[0-9]+:[0-9]+: history/rewrite: corrections\\[1\\]: " "corrections[1] is named"
unlike "$(out)" "meetings\\[" "the meeting merged in between is not a rewrite"
done_testing
