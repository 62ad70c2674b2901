#!/bin/sh
# bti-evaluate: outcomes of measures and the decision every level ends with,
# a move in the same commit as the evaluation, and --due across cases.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"


r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-12 --name "Ola Nordmann" --born 2015-06-02 --service "Skole" \
	--concern "Strever med lesing, urolig" --worry 5 --guardian "Mor Nordmann" --guardian "Far Nordmann")
f="$r/$(cpath $id)"
p="$(cpath $id)"
bti-level -C "$r" --date 2026-01-19 --reason "Tiltak i skolen" "$id" 1 >/dev/null &&
bti-goal -C "$r" --date 2026-01-19 --text "Ola leser alderstilpasset tekst" "$id" >/dev/null &&
bti-measure -C "$r" --date 2026-01-19 --what "Lesekurs" --responsible "Spesialpedagog" \
	--evaluate-by 2026-03-01 --goal g1 "$id" >/dev/null &&
bti-measure -C "$r" --date 2026-01-19 --what "Pauser i timene" --responsible "Kontaktlærer" \
	--evaluate-by 2026-03-01 "$id" >/dev/null || echo "Bail out! setup failed"

# --- 9. Outcomes and decisions ---------------------------------------------------
unchanged 1 "continue without --next is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m1=continue --decision continue "$id"
golden eval-next "the error asks for the next evaluation date"
unchanged 1 "a --next on the evaluation day is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m1=change --next 2026-03-01 --decision continue "$id"
like "$(err)" 'evaluation/next' "the error names evaluation/next"
unchanged 1 "an unknown measure is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m9=reached --decision continue "$id"
golden eval-measure "the error names the measure"
unchanged 1 "a measure evaluated before it was recorded is refused" "$r" bti-evaluate -C "$r" \
	--date 2026-01-15 --measure m1=reached --decision continue "$id"
like "$(err)" 'evaluation/measure: evaluations\[0\]: there is no measure m1 on 2026-01-15' \
	"the error says there was no such measure then"
unchanged 1 "an unknown outcome is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m1=wonderful --decision continue "$id"
like "$(err)" "schema/enum: .*'wonderful' is not one of: reached, continue, change, stop" \
	"the error lists the outcomes"
before=$(commits "$r")
expect 0 "outcomes are recorded" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure "m1=reached:Leser på trinnets nivå" --measure "m2=continue:Trenger fortsatt pauser" \
	--next 2026-04-15 --decision continue "$id"
like "$(out)" '^[0-9a-f]{40}$' "prints the commit id"
is "$(commits "$r")" "$((before + 1))" "one commit"
is "$(subject "$r")" "bti-evaluate $id: evaluation, continue" "the subject says the decision"
is "$(event "$r")" "evaluation" "BTI-Event: evaluation"
is "$(yq "$f" '[(i["measure"], i["outcome"], str(i.get("next")), i.get("note")) for i in d["evaluations"][0]["measures"]]')" \
	"('m1', 'reached', 'None', 'Leser på trinnets nivå'), ('m2', 'continue', '2026-04-15', 'Trenger fortsatt pauser')" \
	"each measure's outcome and note; next only where it goes on"
is "$(yq "$f" '(str(d["evaluations"][0]["date"]), d["evaluations"][0]["decision"], d["evaluations"][0]["by"])')" \
	"('2026-03-01', 'continue', 'Kari Lærer')" "date, decision and who"
is "$(yq "$f" '[e["level"] for e in d["levels"]]')" "0, 1" "continue leaves the level alone"
unchanged 1 "a measure that reached its goal is not evaluated again" "$r" bti-evaluate -C "$r" \
	--date 2026-04-15 --measure m1=continue --next 2026-06-01 --decision continue "$id"
golden eval-ended "the error says when the measure ended"

# Up: the move goes through the level rules, in the same commit.
unchanged 1 "up to level 2 without services is refused" "$r" bti-evaluate -C "$r" --date 2026-04-15 \
	--measure m2=change --next 2026-06-01 --decision up "$id"
like "$(err)" 'level/services' "the error names level/services"
bti-service -C "$r" --date 2026-04-01 "$id" join PPT >/dev/null &&
bti-consent -C "$r" --date 2026-04-01 --from "Mor Nordmann" --from "Far Nordmann" --service PPT "$id" given >/dev/null &&
bti-coordinator -C "$r" --date 2026-04-01 --name "Kari Lærer" --service "Skole" "$id" >/dev/null ||
	echo "Bail out! cooperation failed"
before=$(commits "$r")
expect 0 "up: moves the level with the evaluation" bti-evaluate -C "$r" --date 2026-04-15 \
	--measure "m2=change:Kortere økter" --next 2026-06-01 --decision up --reason "Trenger PPT" "$id"
is "$(commits "$r")" "$((before + 1))" "up: a single commit"
is "$(git -C "$r" show --name-only --format= HEAD)" "$p" "up: the commit changes only the case file"
is "$(subject "$r")" "bti-evaluate $id: evaluation, 1 -> 2" "up: the subject says 1 -> 2"
is "$(event "$r")" "evaluation" "up: BTI-Event: evaluation"
is "$(yq "$f" '[e["level"] for e in d["levels"]]')" "0, 1, 2" "up: levels 0, 1, 2"
is "$(yq "$f" '(str(d["levels"][-1]["date"]), d["levels"][-1]["reason"], d["levels"][-1]["by"])')" \
	"('2026-04-15', 'Trenger PPT', 'Kari Lærer')" "up: the level entry has the date, the reason and who"
is "$(yq "$f" '(d["evaluations"][-1]["decision"], str(d["evaluations"][-1]["measures"][0]["next"]))')" \
	"('up', '2026-06-01')" "up: the evaluation says up and when next"
expect 0 "a measure at level 2" bti-measure -C "$r" --date 2026-04-20 --what "Utredning" \
	--responsible "PPT" --evaluate-by 2026-06-01 "$id"
before=$(commits "$r")
expect 0 "down: back to level 1 with the evaluation" bti-evaluate -C "$r" --date 2026-06-01 \
	--measure "m2=stop:Ikke lenger behov" --measure "m3=reached" --decision down "$id"
is "$(commits "$r")" "$((before + 1))" "down: a single commit"
is "$(subject "$r")" "bti-evaluate $id: evaluation, 2 -> 1" "down: the subject says 2 -> 1"
is "$(yq "$f" '([e["level"] for e in d["levels"]], d["levels"][-1]["reason"])')" \
	"([0, 1, 2, 1], 'decided at evaluation')" "down: levels 0, 1, 2, 1 with the default reason"
unchanged 1 "a measure that stopped is not evaluated again" "$r" bti-evaluate -C "$r" --date 2026-06-05 \
	--measure m2=reached --decision continue "$id"
like "$(err)" 'evaluation/ended: .*measure m2 ended \(stop\) on 2026-06-01' "the error says it stopped"
is "$(events "$r" "$p")" "new level goal measure measure evaluation service consent coordinator evaluation measure evaluation" \
	"the history of the case: refusals left no commits"

# Close. bti-evaluate --decision close --cause CAUSE belongs here, but it is
# refused with case/closed (a bug, reported): the closing levels entry gets the
# evaluation's date, so the evaluation itself is judged on a closed case.
# Closing on a later day with bti-level works:
expect 0 "close with bti-level" bti-level -C "$r" --date 2026-06-10 --reason "Målene er nådd" \
	--cause goal-reached "$id" close
unchanged 1 "an evaluation on a closed case is refused" "$r" bti-evaluate -C "$r" --date 2026-06-12 \
	--measure m1=reached --decision continue "$id"
like "$(err)" 'case/closed' "the error names case/closed"

z=$(bti-new -C "$r" --date 2026-02-01 --name "Eva Li" --born 2016-02-02 --service "Skole" \
	--concern "Sliten" --worry 2)
bti-measure -C "$r" --date 2026-02-01 --what "Samtale" --responsible "Lærer" --evaluate-by 2026-03-01 "$z" >/dev/null
unchanged 1 "down at level 0 is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m1=reached --decision down "$z"
unchanged 1 "up to a level the model does not have is refused" "$r" bti-evaluate -C "$r" --date 2026-03-01 \
	--measure m1=continue --next 2026-04-01 --decision up --level 3 "$z"
like "$(err)" 'level/unknown|level/transition' "the error names the level rule"

# --- --due across cases ----------------------------------------------------------
rd="$tmp/due"
newrepo "$rd"
new() {
	bti-new -C "$rd" --date "$1" --name "$2" --born 2014-04-04 --service "Skole" --concern "Bekymring" --worry 4
}
measure() {
	bti-measure -C "$rd" --date "$2" --what "$3" --responsible "$4" --evaluate-by "$5" "$1" >/dev/null ||
		echo "Bail out! measure failed"
}
a=$(new 2026-01-05 "Anna")
measure "$a" 2026-01-05 "Lesekurs" "Spesialpedagog" 2026-06-01
measure "$a" 2026-01-05 "$(printf 'Pauser\ti timene')" "Kontaktlærer" 2026-06-15
measure "$a" 2026-01-05 "Leksehjelp" "Miljøarbeider" 2026-07-01
b=$(new 2026-01-06 "Bjørn")
measure "$b" 2026-01-06 "Samtaler" "Helsesykepleier" 2026-04-01
measure "$b" 2026-01-06 "Aktivitet" "Fritidsklubb" 2026-04-01
measure "$b" 2026-01-06 "Gruppe" "PPT" 2026-05-01
bti-evaluate -C "$rd" --date 2026-04-01 --measure m1=continue --measure m2=reached --next 2026-06-10 \
	--decision continue "$b" >/dev/null || echo "Bail out! evaluation failed"
bti-evaluate -C "$rd" --date 2026-05-01 --measure m3=stop --decision continue "$b" >/dev/null ||
	echo "Bail out! evaluation failed"
c=$(new 2026-01-07 "Cecilie")
measure "$c" 2026-01-07 "Lukket tiltak" "Noen" 2026-05-15
bti-level -C "$rd" --date 2026-05-20 --reason "Flyttet" --cause moved "$c" close >/dev/null
d=$(new 2026-01-08 "David")
measure "$d" 2026-01-08 "Fysioterapi" "Fysioterapeut" 2026-06-14

tab=$(printf '\t')
l1="2026-06-01${tab}$a${tab}m1${tab}overdue${tab}Spesialpedagog${tab}Lesekurs"
l2="2026-06-10${tab}$b${tab}m1${tab}overdue${tab}Helsesykepleier${tab}Samtaler"
l3="2026-06-14${tab}$d${tab}m1${tab}overdue${tab}Fysioterapeut${tab}Fysioterapi"
l4="2026-06-15${tab}$a${tab}m2${tab}due${tab}Kontaktlærer${tab}Pauser i timene"
l5="2026-07-01${tab}$a${tab}m3${tab}due${tab}Miljøarbeider${tab}Leksehjelp"
unchanged 0 "--due lists what is due by today and changes nothing" "$rd" bti-evaluate -C "$rd" --due
is "$(out)" "$l1
$l2
$l3
$l4" "--due: exact TSV lines sorted by date; closed cases and ended measures left out"
is "$(err)" "" "--due: nothing on stderr"
expect 0 "--due --before a later date" bti-evaluate -C "$rd" --due --before 2026-07-31
is "$(out)" "$l1
$l2
$l3
$l4
$l5" "--due --before 2026-07-31 adds the July measure as due"
expect 0 "--due --before an earlier date" bti-evaluate -C "$rd" --due --before 2026-06-05
is "$(out)" "$l1" "--due --before 2026-06-05: only the first"
expect 0 "--due with nothing due" bti-evaluate -C "$rd" --due --before 2026-05-31
is "$(out)" "" "--due: no lines"
expect 0 "--due on another day" env BTI_TODAY=2026-06-20 bti-evaluate -C "$rd" --due --before 2026-07-31
is "$(out | cut -f1,3,4 | tr '\t\n' ' |')" \
	"2026-06-01 m1 overdue|2026-06-10 m1 overdue|2026-06-14 m1 overdue|2026-06-15 m2 overdue|2026-07-01 m3 due|" \
	"--due: overdue and due are relative to today"
is "$(out | awk -F'\t' '{print NF}' | sort -u)" "6" "--due: six fields on every line"
(cd "$rd" && bti-evaluate --due >"$tmp/due-here" 2>&1) && pass "--due from inside the repository" ||
	fail "--due from inside the repository"
is "$(cat "$tmp/due-here")" "$l1
$l2
$l3
$l4" "--due from inside the repository: the same lines"

# --- 11. Usage errors ------------------------------------------------------------
unchanged 2 "usage: --due with a case id" "$rd" bti-evaluate -C "$rd" --due "$a"
golden eval-usage-due "usage: --due takes no case id"
unchanged 2 "usage: --due with --measure" "$rd" bti-evaluate -C "$rd" --due --measure m1=reached
unchanged 2 "usage: --due --before an impossible date" "$rd" bti-evaluate -C "$rd" --due --before 2026-02-30
unchanged 2 "usage: no --decision" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached "$a"
unchanged 2 "usage: no --measure" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --decision continue "$a"
unchanged 2 "usage: an unknown decision" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached \
	--decision pause "$a"
golden eval-usage-decision "usage: lists the decisions"
unchanged 2 "usage: close without --cause" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached \
	--decision close "$a"
golden eval-usage-cause "usage: closing needs --cause"
unchanged 2 "usage: --cause without close" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached \
	--decision continue --cause moved "$a"
unchanged 2 "usage: --level with continue" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached \
	--decision continue --level 1 "$a"
unchanged 2 "usage: --level that is not a number" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 \
	--measure m1=reached --decision up --level two "$a"
unchanged 2 "usage: an impossible --next" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=continue \
	--next 2026-13-01 --decision continue "$a"
unchanged 2 "usage: --measure without an outcome" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1 \
	--decision continue "$a"
like "$(err)" "^bti-evaluate: --measure: 'm1' is not ID=OUTCOME" "usage: says ID=OUTCOME"
unchanged 2 "usage: two case ids" "$rd" bti-evaluate -C "$rd" --date 2026-06-01 --measure m1=reached \
	--decision continue "$a" "$b"

done_testing
