#!/bin/sh
# Whole cases walked through both level models as the municipal guides
# describe them: a concern that ends at level 0, a kindergarten case that
# needs both parents' consent, a coordinator handover, a direct report to
# child welfare, the four-level model from 0 to 3 and back, and the usage
# errors and --help of the workflow commands.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r" --municipality Tromsø

# --- 1. A school concern that ends at level 0 --------------------------------
id1=$(bti-new -C "$r" --date 2026-01-12 --name "Ola Nordmann" --born 2015-06-02 \
	--service "Kvaløysletta skole" --concern "Trøtt og stille i timene etter jul" --worry 3 \
	--guardian "Mor Nordmann")
f1="$r/$(cpath $id1)"
p1="$(cpath $id1)"
expect 0 "school: closed at level 0 as unfounded" bti-level -C "$r" --date 2026-01-19 \
	--reason "Samtale med mor: sen leggetid i en kort periode" --cause unfounded "$id1" close
like "$(out)" '^[0-9a-f]{40}$' "school: prints the commit id"
is "$(subject "$r")" "bti-level $id1: closed at level 0" "school: the subject says closed at level 0"
is "$(event "$r")" "close" "school: BTI-Event: close"
is "$(yq "$f1" '[e["level"] for e in d["levels"]]')" "0, 0" "school: the case never left level 0"
is "$(yq "$f1" '(d["levels"][-1].get("closed"), d["levels"][-1]["cause"], str(d["levels"][-1]["date"]))')" \
	"(True, 'unfounded', '2026-01-19')" "school: the last entry closes with cause unfounded"
is "$(events "$r" "$p1")" "new close" "school: two commits for the case: new, close"
is "$(git -C "$r" status --porcelain)" "" "school: the work tree is clean"
unchanged 1 "school: a measure on the closed case is refused" "$r" bti-measure -C "$r" --date 2026-02-01 \
	--what "Samtaler" --responsible "Kontaktlærer" --evaluate-by 2026-03-01 "$id1"
golden wf-closed "school: the error says the case is closed and how to reopen"
unchanged 1 "school: closing twice is refused" "$r" bti-level -C "$r" --date 2026-02-01 \
	--reason x --cause other "$id1" close

# --- 2. A kindergarten case 0 -> 1 -> 2 with both parents' consent ------------
id2=$(bti-new -C "$r" --date 2026-01-05 --name "Lise Hansen" --born 2021-09-01 \
	--service "Solsiden barnehage" --concern "Lite språk, leker mest alene" --worry 4 \
	--guardian "Mor Hansen")
f2="$r/$(cpath $id2)"
p2="$(cpath $id2)"
expect 0 "kindergarten: the second parent is added with bti-guardian" bti-guardian -C "$r" --date 2026-01-05 \
	--name "Far Hansen" --lives-with-child "$id2"
is "$(subject "$r")" "bti-guardian $id2: guardian added" "kindergarten: the subject says a guardian was added"
is "$(yq "$f2" '[(g["name"], g["responsibility"]) for g in d["guardians"]]')" \
	"('Mor Hansen', True), ('Far Hansen', True)" "kindergarten: both parents have parental responsibility"
is "$(yq "$f2" 'd["guardians"][1].get("lives_with_child")')" "True" "kindergarten: lives_with_child is kept"
expect 0 "kindergarten: 0 -> 1" bti-level -C "$r" --date 2026-01-20 --reason "Språktiltak i barnehagen" "$id2" 1
expect 0 "kindergarten: a goal at level 1 needs no consent" bti-goal -C "$r" --date 2026-01-20 \
	--text "Lise bruker flere ord i lek" "$id2"
is "$(out)" "g1" "kindergarten: the goal is g1"
expect 0 "kindergarten: a measure at level 1" bti-measure -C "$r" --date 2026-01-20 --what "Språkgruppe to ganger i uka" \
	--responsible "Pedagogisk leder" --duration "8 uker" --evaluate-by 2026-03-15 --goal g1 "$id2"
is "$(out)" "m1" "kindergarten: the measure is m1"
expect 0 "kindergarten: PPT joins at level 1" bti-service -C "$r" --date 2026-02-15 --contact "Per Rådgiver" "$id2" join PPT
unchanged 1 "kindergarten: 1 -> 2 without consent is refused" "$r" bti-level -C "$r" --date 2026-02-20 \
	--reason "Behov for PPT" "$id2" 2
like "$(err)" 'consent/missing' "kindergarten: the error names consent/missing"
unchanged 1 "kindergarten: one parent's consent alone is refused" "$r" bti-consent -C "$r" --date 2026-02-20 \
	--from "Mor Hansen" --service PPT "$id2" given
golden wf-guardians "kindergarten: the error names the missing parent and alone_reason"
expect 0 "kindergarten: both parents' written consent" bti-consent -C "$r" --date 2026-02-20 \
	--from "Mor Hansen" --from "Far Hansen" --service PPT "$id2" given
is "$(out)" "c1" "kindergarten: prints the consent id c1"
is "$(subject "$r")" "bti-consent $id2: consent c1 given" "kindergarten: the subject names the consent"
is "$(yq "$f2" '[d["consents"][0][k] for k in ("status", "given_by", "services", "scope", "form")]')" \
	"given, ['Mor Hansen', 'Far Hansen'], ['PPT'], over-time, written" "kindergarten: the consent entry"
unchanged 1 "kindergarten: 1 -> 2 without a coordinator is refused" "$r" bti-level -C "$r" --date 2026-02-20 \
	--reason "Behov for PPT" "$id2" 2
like "$(err)" 'coordinator/missing' "kindergarten: the error names coordinator/missing"
expect 0 "kindergarten: a coordinator is named" bti-coordinator -C "$r" --date 2026-02-20 \
	--name "Anne Pedagog" --service "Solsiden barnehage" "$id2"
is "$(subject "$r")" "bti-coordinator $id2: coordinator named" "kindergarten: the subject says coordinator named"
before=$(commits "$r")
expect 0 "kindergarten: 1 -> 2" bti-level -C "$r" --date 2026-03-01 --reason "Tverrfaglig innsats med PPT" "$id2" 2
is "$(commits "$r")" "$((before + 1))" "kindergarten: one commit for the move"
is "$(yq "$f2" '[e["level"] for e in d["levels"]]')" "0, 1, 2" "kindergarten: levels 0, 1, 2"
expect 0 "kindergarten: a plan meeting at level 2" bti-meeting -C "$r" --date 2026-03-05 --kind plan \
	--participant "Mor Hansen" --participant "Far Hansen" --participant "Anne Pedagog" --participant "Per Rådgiver" \
	--child-view "Lise fortalte pedagogen hva hun liker å leke" --minutes "Samspill" "$id2"
is "$(yq "$f2" '[d["meetings"][0][k] for k in ("kind", "child_present", "child_view", "minutes")]')" \
	"plan, False, Lise fortalte pedagogen hva hun liker å leke, Samspill" "kindergarten: the meeting entry"
is "$(yq "$f2" 'len(d["meetings"][0]["participants"])')" "4" "kindergarten: four participants"
expect 0 "kindergarten: a measure at level 2 with consent" bti-measure -C "$r" --date 2026-03-05 \
	--what "Språkkartlegging" --responsible "PPT" --start 2026-03-10 --evaluate-by 2026-05-01 --goal g1 "$id2"
is "$(out)" "m2" "kindergarten: the measure is m2"
is "$(yq "$f2" '[str(d["measures"][1][k]) for k in ("date", "start", "evaluate_by", "goal")]')" \
	"2026-03-05, 2026-03-10, 2026-05-01, g1" "kindergarten: the measure's dates and goal"
expect 0 "kindergarten: a report about neglect" bti-notify -C "$r" --date 2026-03-06 \
	--reason "Gjentatt manglende henting" --kind neglect "$id2"
is "$(err)" "" "kindergarten: no warning for a report about neglect"
is "$(yq "$f2" 'd["reports"][0]["inform_guardians"]')" "True" "kindergarten: the guardians are informed by default"

# --- 7. A coordinator handover (on the kindergarten case) ---------------------
unchanged 1 "handover: a coordinator from a service not in the case is refused" "$r" bti-coordinator -C "$r" \
	--date 2026-04-01 --name "Bente BUP" --service "BUP" "$id2"
golden wf-coordinator-service "handover: the error names coordinator/service and the services"
expect 0 "handover: PPT takes over the coordination" bti-coordinator -C "$r" --date 2026-04-01 \
	--name "Per Rådgiver" --service PPT "$id2"
like "$(out)" '^[0-9a-f]{40}$' "handover: prints the commit id"
is "$(subject "$r")" "bti-coordinator $id2: coordinator handed over" "handover: the subject says handed over"
is "$(git -C "$r" log --reverse --format='%(trailers:key=BTI-Event,valueonly)' -- "$p2" | grep -E '^(coordinator|handover)$' | tr '\n' ' ')" \
	"coordinator handover " "handover: BTI-Event coordinator, then handover"
is "$(yq "$f2" '[(c["name"], c["service"], str(c["date"])) for c in d["coordinators"]]')" \
	"('Anne Pedagog', 'Solsiden barnehage', '2026-02-20'), ('Per Rådgiver', 'PPT', '2026-04-01')" \
	"handover: the coordinators list keeps both, in order"
is "$(events "$r" "$p2")" \
	"new guardian level goal measure service consent coordinator level meeting measure report handover" \
	"kindergarten: the whole history, one event per commit"

# --- 1b. A case at level 1 may also close (kindergarten, goal reached) -------
expect 0 "kindergarten: 2 -> 1" bti-level -C "$r" --date 2026-05-01 --reason "PPT avslutter" "$id2" 1
expect 0 "kindergarten: close at level 1" bti-level -C "$r" --date 2026-06-01 --reason "Målene er nådd" \
	--cause goal-reached "$id2" close
is "$(yq "$f2" '[e["level"] for e in d["levels"]]')" "0, 1, 2, 1, 1" "kindergarten: levels 0, 1, 2, 1, closed at 1"

# --- 2b. One parent alone, with a reason -------------------------------------
id3=$(bti-new -C "$r" --date 2026-02-01 --name "Emma Berg" --born 2022-03-03 \
	--service "Solsiden barnehage" --concern "Motorisk sen" --worry 3 \
	--guardian "Mor Berg" --guardian "Far Berg")
f3="$r/$(cpath $id3)"
expect 0 "alone: one parent with --alone-reason is accepted" bti-consent -C "$r" --date 2026-02-10 \
	--from "Mor Berg" --alone-reason "Far er ikke å få tak i; Emma bor fast hos mor" \
	--service Helsestasjon --service Fysioterapeut "$id3" given
is "$(out)" "c1" "alone: prints c1"
is "$(yq "$f3" '[d["consents"][0][k] for k in ("given_by", "services", "alone_reason")]')" \
	"['Mor Berg'], ['Helsestasjon', 'Fysioterapeut'], Far er ikke å få tak i; Emma bor fast hos mor" \
	"alone: the consent keeps the reason"
unchanged 1 "alone: --alone-reason without any parent signing is refused" "$r" bti-consent -C "$r" \
	--date 2026-02-11 --from "Bestemor Berg" --alone-reason "Mor er syk" --service Helsestasjon "$id3" given
like "$(err)" 'consent/guardians' "alone: the error names consent/guardians"
id3b=$(bti-new -C "$r" --date 2026-02-01 --name "Noah Vik" --born 2022-03-03 \
	--service "Solsiden barnehage" --concern "Motorisk sen" --worry 3)
unchanged 1 "alone: a consent for a child with no guardian recorded is refused" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Mor Vik" --service Helsestasjon "$id3b" given
golden wf-no-guardian "alone: the error says to add the guardians"

# --- 6. A direct report to child welfare, without consent --------------------
id6=$(bti-new -C "$r" --date 2026-03-02 --name "Ida Dal" --born 2016-01-10 \
	--service "Kvaløysletta skole" --concern "Blåmerker på armene, vil ikke gå hjem" --worry 9 \
	--guardian "Mor Dal" --guardian "Far Dal")
f6="$r/$(cpath $id6)"
p6="$(cpath $id6)"
before=$(commits "$r")
unchanged 1 "report: --inform-guardians with violence is refused" "$r" bti-notify -C "$r" --date 2026-03-02 \
	--reason "Mistanke om vold i hjemmet" --kind violence --inform-guardians "$id6"
golden wf-report-inform "report: the error names report/inform"
expect 0 "report: violence reported at level 0 with no consent at all" bti-notify -C "$r" --date 2026-03-02 \
	--reason "Mistanke om vold i hjemmet" --kind violence "$id6"
like "$(out)" '^[0-9a-f]{40}$' "report: prints the commit id"
golden wf-report-secret "report: stderr warns not to tell the guardians"
is "$(commits "$r")" "$((before + 1))" "report: one commit"
is "$(subject "$r")" "bti-notify $id6: report to child welfare" "report: the subject"
is "$(event "$r")" "report" "report: BTI-Event: report"
is "$(yq "$f6" '[str(d["reports"][0][k]) for k in ("date", "to", "inform_guardians", "kinds", "reason")]')" \
	"2026-03-02, barnevern, False, ['violence'], Mistanke om vold i hjemmet" "report: the report entry"
is "$(yq "$f6" '("consents" in d, d["levels"][-1]["level"])')" "(False, 0)" "report: no consent, still level 0"
unlike "$(git -C "$r" log -1 --format=%B)" 'vold|Ida|Dal' "report: no personal data in the commit message"
expect 0 "report: close, child welfare takes over" bti-level -C "$r" --date 2026-03-03 \
	--reason "Barnevernet har overtatt" --cause barnevern "$id6" close
expect 0 "report: a report on a closed case is accepted" bti-notify -C "$r" --date 2026-03-10 \
	--reason "Ny hendelse meldt av kontaktlærer" --to politi "$id6"
is "$(yq "$f6" '[(r["to"], r["inform_guardians"]) for r in d["reports"]]')" \
	"('barnevern', False), ('politi', False)" "report: the case stays marked: the guardians are not told"
golden wf-report-secret "report: and the warning is given again"
is "$(events "$r" "$p6")" "new report close report" "report: the history of the case"
id6b=$(bti-new -C "$r" --date 2026-03-04 --name "Ali Nor" --born 2012-01-10 \
	--service "Kvaløysletta skole" --concern "Forteller om slag hjemme" --worry 10 --kind violence)
unchanged 1 "report: a concern about violence refuses --inform-guardians" "$r" bti-notify -C "$r" \
	--date 2026-03-04 --reason "Melding" --inform-guardians "$id6b"
like "$(err)" 'report/inform' "report: the error names report/inform"
expect 0 "report: --no-inform-guardians is accepted" bti-notify -C "$r" --date 2026-03-04 \
	--reason "Melding" --no-inform-guardians "$id6b"
is "$(yq "$r/$(cpath $id6b)" 'd["reports"][0]["inform_guardians"]')" "False" "report: not informed"

# --- 8. The four-level model: 0 -> 1 -> 2 -> 3 -> 2, close -----------------------
r4="$tmp/r4"
newrepo "$r4" --model four-level --municipality Siljan
id4=$(bti-new -C "$r4" --date 2026-01-05 --name "Emil Strand" --born 2012-04-04 \
	--service "Siljan skole" --concern "Mye fravær, trekker seg unna" --worry 6 \
	--guardian "Mor Strand" --guardian "Far Strand")
f4="$r4/$(cpath $id4)"
p4="$(cpath $id4)"
unchanged 1 "four-level: 0 -> 1 without a stafettholder is refused" "$r4" bti-level -C "$r4" --date 2026-01-12 \
	--reason "Tiltak i skolen" "$id4" 1
golden wf-four-coordinator "four-level: the error names coordinator/missing"
expect 0 "four-level: a stafettholder is named" bti-coordinator -C "$r4" --date 2026-01-12 \
	--name "Siv Stafett" --service "Siljan skole" "$id4"
expect 0 "four-level: 0 -> 1" bti-level -C "$r4" --date 2026-01-12 --reason "Tiltak i skolen" "$id4" 1
expect 0 "four-level: a measure at level 1 needs no consent" bti-measure -C "$r4" --date 2026-01-12 \
	--what "Oppfølgingssamtaler" --responsible "Kontaktlærer" --evaluate-by 2026-02-15 "$id4"
unchanged 1 "four-level: 1 -> 3 is refused" "$r4" bti-level -C "$r4" --date 2026-01-20 --reason x "$id4" 3
like "$(err)" 'level/transition' "four-level: the error names level/transition"
unchanged 1 "four-level: 1 -> 2 without services is refused" "$r4" bti-level -C "$r4" --date 2026-01-20 \
	--reason x "$id4" 2
like "$(err)" 'level/services' "four-level: the error names level/services"
expect 0 "four-level: PPT joins at level 1" bti-service -C "$r4" --date 2026-02-01 "$id4" join PPT
unchanged 1 "four-level: 1 -> 2 without consent for PPT is refused" "$r4" bti-level -C "$r4" --date 2026-02-02 \
	--reason "Enkelt samarbeid" "$id4" 2
golden wf-four-consent "four-level: the error names the service without consent"
expect 0 "four-level: both parents consent for PPT" bti-consent -C "$r4" --date 2026-02-02 \
	--from "Mor Strand" --from "Far Strand" --service PPT "$id4" given
expect 0 "four-level: 1 -> 2" bti-level -C "$r4" --date 2026-02-02 --reason "Enkelt samarbeid" "$id4" 2
unchanged 1 "four-level: BUP joining at level 2 without consent is refused" "$r4" bti-service -C "$r4" \
	--date 2026-03-01 "$id4" join BUP
like "$(err)" 'consent/missing: services\[1\]: at level 2 on 2026-03-01 no consent covers BUP' \
	"four-level: the error says BUP is not covered"
expect 0 "four-level: consent for BUP and PPT" bti-consent -C "$r4" --date 2026-03-01 \
	--from "Mor Strand" --from "Far Strand" --service BUP --service PPT "$id4" given
is "$(out)" "c2" "four-level: the consent is c2"
expect 0 "four-level: BUP joins" bti-service -C "$r4" --date 2026-03-01 "$id4" join BUP
expect 0 "four-level: 2 -> 3" bti-level -C "$r4" --date 2026-03-02 --reason "Komplekst samarbeid" "$id4" 3
is "$(subject "$r4")" "bti-level $id4: 2 -> 3" "four-level: the subject says 2 -> 3"
expect 0 "four-level: the stafettholder passes to PPT" bti-coordinator -C "$r4" --date 2026-03-02 \
	--name "Per Rådgiver" --service PPT "$id4"
is "$(event "$r4")" "handover" "four-level: BTI-Event: handover"
expect 0 "four-level: 3 -> 2" bti-level -C "$r4" --date 2026-04-15 --reason "BUP avslutter" "$id4" 2
is "$(subject "$r4")" "bti-level $id4: 3 -> 2" "four-level: the subject says 3 -> 2"
expect 0 "four-level: close at level 2" bti-level -C "$r4" --date 2026-05-20 --reason "Målene er nådd" \
	--cause goal-reached "$id4" close
is "$(subject "$r4")" "bti-level $id4: closed at level 2" "four-level: the subject says closed at level 2"
is "$(yq "$f4" '[e["level"] for e in d["levels"]]')" "0, 1, 2, 3, 2, 2" "four-level: levels 0, 1, 2, 3, 2, 2"
is "$(yq "$f4" '(d["levels"][-1].get("closed"), d["levels"][-1]["cause"])')" "(True, 'goal-reached')" \
	"four-level: the last entry closes with goal-reached"
is "$(events "$r4" "$p4")" "new coordinator level measure service consent level consent service level handover level close" \
	"four-level: the whole history, one event per commit"
is "$(git -C "$r4" status --porcelain)" "" "four-level: the work tree is clean"

# --- 11. Usage errors and --help -----------------------------------------------
for c in bti-init bti-new bti-level bti-guardian bti-consent bti-service bti-coordinator \
	bti-goal bti-measure bti-meeting bti-notify bti-evaluate; do
	expect 0 "$c --help exits 0" "$c" --help
	like "$(out)" "^usage: $c " "$c --help prints the usage on stdout"
	is "$(err)" "" "$c --help prints nothing on stderr"
done
u="$id3"
unchanged 2 "bti-guardian without --name" "$r" bti-guardian -C "$r" "$u"
like "$(err)" '^bti-guardian: give --name and one case id' "bti-guardian: says what is missing"
unchanged 2 "bti-guardian with two case ids" "$r" bti-guardian -C "$r" --name X "$u" "$u"
unchanged 2 "bti-guardian with an unknown option" "$r" bti-guardian -C "$r" --name X --parent "$u"
unchanged 2 "bti-service with an action that is not join or leave" "$r" bti-service -C "$r" --date 2026-03-01 "$u" visit PPT
golden wf-usage-service "bti-service: says join or leave and points to --help"
unchanged 2 "bti-service without a service" "$r" bti-service -C "$r" --date 2026-03-01 "$u" join
unchanged 2 "bti-coordinator without --service" "$r" bti-coordinator -C "$r" --date 2026-03-01 --name X "$u"
unchanged 2 "bti-coordinator without a case id" "$r" bti-coordinator -C "$r" --date 2026-03-01 --name X --service S
unchanged 2 "bti-goal without --text" "$r" bti-goal -C "$r" --date 2026-03-01 "$u"
unchanged 2 "bti-measure without --evaluate-by" "$r" bti-measure -C "$r" --date 2026-03-01 --what W \
	--responsible R "$u"
unchanged 2 "bti-measure with an impossible --start" "$r" bti-measure -C "$r" --date 2026-03-01 --what W \
	--responsible R --start 2026-02-30 --evaluate-by 2026-04-01 "$u"
like "$(err)" "^bti-measure: --start: '2026-02-30' is not a real date" "bti-measure: names the bad date"
unchanged 2 "bti-measure with an impossible --date" "$r" bti-measure -C "$r" --date 2026-13-01 --what W \
	--responsible R --evaluate-by 2026-04-01 "$u"
unchanged 2 "bti-meeting without the child's voice" "$r" bti-meeting -C "$r" --date 2026-03-01 --kind plan \
	--participant A --minutes M "$u"
golden wf-usage-meeting "bti-meeting: asks for --child-present or --child-view"
unchanged 2 "bti-meeting without --participant" "$r" bti-meeting -C "$r" --date 2026-03-01 --kind plan \
	--child-present --minutes M "$u"
unchanged 2 "bti-meeting without --minutes" "$r" bti-meeting -C "$r" --date 2026-03-01 --kind plan \
	--participant A --child-present "$u"
unchanged 2 "bti-notify without --reason" "$r" bti-notify -C "$r" --date 2026-03-01 --kind violence "$u"
unchanged 2 "bti-notify with two case ids" "$r" bti-notify -C "$r" --date 2026-03-01 --reason x "$u" "$u"
unchanged 2 "bti-notify with --kind but no argument" "$r" bti-notify -C "$r" --reason x "$u" --kind
unchanged 1 "bti-notify to someone else than barnevern or politi is refused" "$r" bti-notify -C "$r" \
	--date 2026-03-01 --reason x --to naboen "$u"
unchanged 1 "a --date in the future is refused" "$r" bti-goal -C "$r" --date 2026-06-16 --text T "$u"
like "$(err)" 'date/future' "the error names date/future"

done_testing
