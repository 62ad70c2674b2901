#!/bin/sh
# bti-consent: who must consent at which age (a young person co-signs from
# the model's consent age, an adult consents alone or through a verge), oral
# consent, withdrawal and expiry, and what a missing consent stops and does
# not stop.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r"

# --- 3. A 16-year-old co-signs ------------------------------------------------
id=$(bti-new -C "$r" --date 2026-02-01 --name "Per Olsen" --born 2010-01-10 --service "Tromsdalen skole" \
	--concern "Høyt fravær, sover lite" --worry 6 --guardian "Mor Olsen" --guardian "Far Olsen")
f="$r/$(cpath $id)"
unchanged 1 "16: both guardians without the young person is refused" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Mor Olsen" --from "Far Olsen" --service Helsestasjon "$id" given
golden consent-child "16: the error says the young person must consent too, from 15"
unchanged 1 "16: a name that is not exactly the child's does not count" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Mor Olsen" --from "Far Olsen" --from "Per" --service Helsestasjon "$id" given
like "$(err)" 'consent/child' "16: still consent/child"
unchanged 1 "16: the young person alone is not enough under 18" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Per Olsen" --service Helsestasjon "$id" given
like "$(err)" 'consent/guardians: .*missing: Mor Olsen, Far Olsen' "16: the error names both missing guardians"
expect 0 "16: both guardians and the young person" bti-consent -C "$r" --date 2026-02-10 \
	--from "Mor Olsen" --from "Far Olsen" --from "Per Olsen" --service Helsestasjon "$id" given
is "$(out)" "c1" "16: prints c1"
is "$(yq "$f" 'd["consents"][0]["given_by"]')" "Mor Olsen, Far Olsen, Per Olsen" "16: all three signed"

# The consent age is reached on the 15th birthday, not before.
id15=$(bti-new -C "$r" --date 2026-03-01 --name "Mia Lund" --born 2011-03-10 --service "Tromsdalen skole" \
	--concern "Trekker seg unna" --worry 4 --guardian "Mor Lund")
expect 0 "14 (the day before the 15th birthday): the guardian alone" bti-consent -C "$r" \
	--date 2026-03-09 --from "Mor Lund" --service PPT "$id15" given
unchanged 1 "15 (on the birthday): the guardian alone is refused" "$r" bti-consent -C "$r" \
	--date 2026-03-10 --from "Mor Lund" --service BUP "$id15" given
like "$(err)" 'consent/child: consents\[1\]: Mia Lund is 15 and must consent too' "15: the error gives the age"

# A model of the municipality's own with consent age 16.
sed -e 's/^name: three-level$/name: samtykke-16/' -e 's/^consent_age: 15$/consent_age: 16/' \
	"$top/schema/models/three-level.yaml" >"$tmp/samtykke-16.yaml"
r16="$tmp/r16"
expect 0 "custom model: bti-init --model FILE" bti-init --by Admin --model "$tmp/samtykke-16.yaml" "$r16"
like "$(cat "$r16/bti.yaml")" '^model: samtykke-16$' "custom model: bti.yaml names it"
is "$(git -C "$r16" show HEAD:models/samtykke-16.yaml)" "$(cat "$tmp/samtykke-16.yaml")" \
	"custom model: the file is committed as models/NAME.yaml"
a=$(bti-new -C "$r16" --date 2026-02-01 --name "Jon Moe" --born 2010-06-10 --service "Skole" \
	--concern "Fravær" --worry 5 --guardian "Mor Moe" --guardian "Far Moe")
expect 0 "custom model: a 15-year-old does not co-sign" bti-consent -C "$r16" --date 2026-02-10 \
	--from "Mor Moe" --from "Far Moe" --service PPT "$a" given
is "$(yq "$r16/$(cpath $a)" 'd["consents"][0]["given_by"]')" "Mor Moe, Far Moe" "custom model: the guardians signed"
b=$(bti-new -C "$r16" --date 2026-02-01 --name "Siv Moe" --born 2009-06-10 --service "Skole" \
	--concern "Fravær" --worry 5 --guardian "Mor Moe" --guardian "Far Moe")
unchanged 1 "custom model: a 16-year-old must co-sign" "$r16" bti-consent -C "$r16" --date 2026-02-10 \
	--from "Mor Moe" --from "Far Moe" --service PPT "$b" given
golden consent-child16 "custom model: the error says from 16 in the model samtykke-16"
expect 0 "custom model: with the 16-year-old's signature" bti-consent -C "$r16" --date 2026-02-10 \
	--from "Mor Moe" --from "Far Moe" --from "Siv Moe" --service PPT "$b" given

# --- 4. A 19-year-old consents alone, or through a verge ------------------------
id19=$(bti-new -C "$r" --date 2026-02-01 --name "Siri Berg" --born 2007-01-10 --service "NAV Tromsø" \
	--concern "Bostedsløs etter brudd med familien" --worry 7 --guardian "Mor Berg")
f19="$r/$(cpath $id19)"
unchanged 1 "19: the guardian's consent without the young person is refused" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Mor Berg" --service Helsetjenesten "$id19" given
golden consent-adult "19: the error says the young person consents; no verge"
expect 0 "19: the young person's own consent" bti-consent -C "$r" --date 2026-02-10 \
	--from "Siri Berg" --service Helsetjenesten "$id19" given
is "$(out)" "c1" "19: prints c1"
expect 0 "19: a verge is recorded" bti-guardian -C "$r" --name "Verge Vik" --verge "$id19"
is "$(subject "$r")" "bti-guardian $id19: verge added" "19: the subject says verge added"
is "$(yq "$f19" '(d["guardians"][-1]["name"], d["guardians"][-1]["verge"], d["guardians"][-1]["responsibility"])')" \
	"('Verge Vik', True, False)" "19: the verge has no parental responsibility"
unchanged 1 "19: the parent still cannot consent for her" "$r" bti-consent -C "$r" \
	--date 2026-02-11 --from "Mor Berg" --service Helsetjenesten "$id19" given
golden consent-adult-verge "19: the error mentions the appointed verge"
expect 0 "19: the verge's consent" bti-consent -C "$r" --date 2026-02-12 \
	--from "Verge Vik" --service Helsetjenesten --service NAV "$id19" given
is "$(yq "$f19" '[(c["id"], c["given_by"]) for c in d["consents"]]')" \
	"('c1', ['Siri Berg']), ('c2', ['Verge Vik'])" "19: both consents are kept"
is "$(events "$r" "$(cpath $id19)")" "new consent guardian consent" "19: the history"

# --- 5. A withdrawal forces a step down ----------------------------------------
# level2 REPO ID: PPT joins with both parents' consent (c1), a coordinator is
# named, the case goes 0 -> 1 -> 2 and gets a goal and a measure (m1).
level2() {
	bti-level -C "$1" --date 2026-01-10 --reason "Tiltak i skolen" "$2" 1 >/dev/null &&
	bti-service -C "$1" --date 2026-01-20 "$2" join PPT >/dev/null &&
	bti-consent -C "$1" --date 2026-01-20 --from "Mor Lie" --from "Far Lie" --service PPT ${3:+--expires "$3"} "$2" given >/dev/null &&
	bti-coordinator -C "$1" --date 2026-01-20 --name "Kari Lærer" --service "Skole" "$2" >/dev/null &&
	bti-level -C "$1" --date 2026-01-21 --reason "Tverrfaglig innsats" "$2" 2 >/dev/null &&
	bti-goal -C "$1" --date 2026-01-21 --text "Jonas møter på skolen" "$2" >/dev/null &&
	bti-measure -C "$1" --date 2026-01-21 --what "Samtaler" --responsible "PPT" \
		--evaluate-by 2026-03-01 "$2" >/dev/null ||
	echo "Bail out! level2 failed"
}
new_lie() {
	bti-new -C "$r" --date 2026-01-05 --name "Jonas Lie" --born 2013-05-05 --service "Skole" \
		--concern "Vil ikke gå på skolen" --worry 6 --guardian "Mor Lie" --guardian "Far Lie"
}
w=$(new_lie)
fw="$r/$(cpath $w)"
level2 "$r" "$w"
expect 0 "withdraw: the mother withdraws c1" bti-consent -C "$r" --date 2026-02-01 --from "Mor Lie" \
	--withdraws c1 "$w" withdrawn
is "$(out)" "c2" "withdraw: the withdrawal is c2"
is "$(subject "$r")" "bti-consent $w: consent c2 withdrawn" "withdraw: the subject"
is "$(yq "$fw" '[str(d["consents"][1][k]) for k in ("status", "withdraws", "given_by", "services", "date")]')" \
	"withdrawn, c1, ['Mor Lie'], ['PPT'], 2026-02-01" "withdraw: the entry withdraws c1 and covers PPT"
unchanged 1 "withdraw: a measure at level 2 is refused" "$r" bti-measure -C "$r" --date 2026-02-02 \
	--what "Nytt tiltak" --responsible "PPT" --evaluate-by 2026-04-01 "$w"
golden consent-missing "withdraw: the error names consent/missing, the level and the service"
unchanged 1 "withdraw: a meeting is refused" "$r" bti-meeting -C "$r" --date 2026-02-02 --kind evaluation \
	--participant "Kari Lærer" --child-present --minutes "Arkiv" "$w"
like "$(err)" 'consent/missing: meetings\[0\]' "withdraw: meeting: consent/missing"
unchanged 1 "withdraw: a goal is refused" "$r" bti-goal -C "$r" --date 2026-02-02 --text "Nytt mål" "$w"
like "$(err)" 'consent/missing: goals\[1\]' "withdraw: goal: consent/missing"
unchanged 1 "withdraw: a new coordinator is refused" "$r" bti-coordinator -C "$r" --date 2026-02-02 \
	--name "Per Rådgiver" --service PPT "$w"
like "$(err)" 'consent/missing: coordinators\[1\]' "withdraw: coordinator: consent/missing"
unchanged 1 "withdraw: an evaluation that continues at level 2 is refused" "$r" bti-evaluate -C "$r" \
	--date 2026-02-02 --measure m1=continue --next 2026-03-01 --decision continue "$w"
like "$(err)" 'consent/missing: evaluations\[0\]' "withdraw: evaluation: consent/missing"
expect 0 "withdraw: a report to child welfare is still accepted" bti-notify -C "$r" --date 2026-02-02 \
	--reason "Bekymring for omsorgen" --kind neglect "$w"
is "$(yq "$fw" 'len(d["reports"])')" "1" "withdraw: the report is recorded"
expect 0 "withdraw: PPT may leave" bti-service -C "$r" --date 2026-02-03 "$w" leave PPT
expect 0 "withdraw: 2 -> 1 with bti-level" bti-level -C "$r" --date 2026-02-03 \
	--reason "Samtykke trukket" "$w" 1
is "$(yq "$fw" '[e["level"] for e in d["levels"]]')" "0, 1, 2, 1" "withdraw: levels 0, 1, 2, 1"
expect 0 "withdraw: a measure at level 1 is accepted again" bti-measure -C "$r" --date 2026-02-04 \
	--what "Tett oppfølging av kontaktlærer" --responsible "Kontaktlærer" --evaluate-by 2026-04-01 "$w"
is "$(out)" "m2" "withdraw: the measure is m2"
is "$(events "$r" "$(cpath $w)")" \
	"new level service consent coordinator level goal measure consent report service level measure" \
	"withdraw: the history, no commit for the refusals"

# Moving down with bti-evaluate --decision down, in one commit.
w2=$(new_lie)
fw2="$r/$(cpath $w2)"
level2 "$r" "$w2"
expect 0 "withdraw (evaluate): the father withdraws" bti-consent -C "$r" --date 2026-02-01 \
	--from "Far Lie" --withdraws c1 "$w2" withdrawn
before=$(commits "$r")
expect 0 "withdraw (evaluate): --decision down is accepted" bti-evaluate -C "$r" --date 2026-02-05 \
	--measure "m1=change:Uten PPT" --next 2026-03-15 --decision down --reason "Samtykke trukket" "$w2"
is "$(commits "$r")" "$((before + 1))" "withdraw (evaluate): one commit"
is "$(subject "$r")" "bti-evaluate $w2: evaluation, 2 -> 1" "withdraw (evaluate): the subject says 2 -> 1"
is "$(yq "$fw2" '([e["level"] for e in d["levels"]], d["levels"][-1]["reason"], d["evaluations"][0]["decision"])')" \
	"([0, 1, 2, 1], 'Samtykke trukket', 'down')" "withdraw (evaluate): level 1, the reason, decision down"
expect 0 "withdraw (evaluate): a measure is accepted again" bti-measure -C "$r" --date 2026-02-06 \
	--what "Tiltak i skolen" --responsible "Kontaktlærer" --evaluate-by 2026-04-01 "$w2"
# bti-evaluate --decision close --cause consent-withdrawn belongs here too, but
# it is refused with case/closed (a bug, reported): the closing entry and the
# evaluation share a date, and the evaluation is then judged on a closed case.

# An expired consent stops covering after its last day.
x=$(new_lie)
fx="$r/$(cpath $x)"
level2 "$r" "$x" 2026-03-31
is "$(yq "$fx" 'str(d["consents"][0]["expires"])')" "2026-03-31" "expires: the date is recorded"
expect 0 "expires: a measure on the last day is accepted" bti-measure -C "$r" --date 2026-03-31 \
	--what "Siste tiltak" --responsible "PPT" --evaluate-by 2026-05-01 "$x"
unchanged 1 "expires: a measure the day after is refused" "$r" bti-measure -C "$r" --date 2026-04-01 \
	--what "Etter utløp" --responsible "PPT" --evaluate-by 2026-05-01 "$x"
golden consent-expired "expires: the error says no consent covers PPT"
expect 0 "expires: a new consent covers again" bti-consent -C "$r" --date 2026-04-01 \
	--from "Mor Lie" --from "Far Lie" --service PPT "$x" given
expect 0 "expires: the measure is accepted with the new consent" bti-measure -C "$r" --date 2026-04-01 \
	--what "Etter utløp" --responsible "PPT" --evaluate-by 2026-05-01 "$x"

# A consent for one meeting covers that day only.
mt=$(new_lie)
level2 "$r" "$mt"
expect 0 "meeting scope: BUP's consent for one meeting" bti-consent -C "$r" --date 2026-03-01 \
	--from "Mor Lie" --from "Far Lie" --service BUP --scope meeting "$mt" given
is "$(yq "$r/$(cpath $mt)" 'd["consents"][1]["scope"]')" "meeting" "meeting scope: recorded"
expect 0 "meeting scope: BUP joins that day" bti-service -C "$r" --date 2026-03-01 "$mt" join BUP
expect 0 "meeting scope: the meeting that day is accepted" bti-meeting -C "$r" --date 2026-03-01 \
	--kind "drøftingsmøte" --participant "BUP" --participant "Mor Lie" --child-view "Jonas skrev et brev" \
	--minutes "Arkiv" "$mt"
unchanged 1 "meeting scope: a measure the day after is refused" "$r" bti-measure -C "$r" --date 2026-03-02 \
	--what "Etter møtet" --responsible "PPT" --evaluate-by 2026-05-01 "$mt"
like "$(err)" 'no consent covers BUP' "meeting scope: BUP is no longer covered"

# --- 10. Oral consent ---------------------------------------------------------
o=$(bti-new -C "$r" --date 2026-02-01 --name "Kim Ås" --born 2018-08-08 --service "Helsestasjon" \
	--concern "Vektnedgang" --worry 5 --guardian "Mor Ås")
fo="$r/$(cpath $o)"
unchanged 1 "oral: without --documented is refused" "$r" bti-consent -C "$r" --date 2026-02-03 \
	--from "Mor Ås" --service Fastlege --form oral "$o" given
golden consent-oral "oral: the error says where it must be documented"
expect 0 "oral: with --documented is accepted" bti-consent -C "$r" --date 2026-02-03 \
	--from "Mor Ås" --service Fastlege --form oral --documented "Telefonnotat i journal" "$o" given
is "$(out)" "c1" "oral: prints c1"
golden consent-oral-warning "oral: stderr recommends written consent"
is "$(yq "$fo" '(d["consents"][0]["form"], d["consents"][0]["documented"])')" \
	"('oral', 'Telefonnotat i journal')" "oral: form and documented are kept"
expect 0 "written: no warning" bti-consent -C "$r" --date 2026-02-04 --from "Mor Ås" --service BUP "$o" given
is "$(err)" "" "written: stderr is empty"

# Refusals and bad withdrawals.
expect 0 "refused: a refusal is recorded" bti-consent -C "$r" --date 2026-02-05 --from "Mor Ås" \
	--service Barnevern "$o" refused
is "$(out)" "c3" "refused: prints c3"
is "$(subject "$r")" "bti-consent $o: consent c3 refused" "refused: the subject"
is "$(yq "$fo" 'd["consents"][2]["status"]')" "refused" "refused: status refused"
unchanged 1 "withdraw: an unknown consent is refused" "$r" bti-consent -C "$r" --date 2026-02-06 \
	--from "Mor Ås" --withdraws c9 "$o" withdrawn
golden consent-withdraws-unknown "withdraw: the error names the missing consent"
unchanged 1 "withdraw: a refusal cannot be withdrawn" "$r" bti-consent -C "$r" --date 2026-02-06 \
	--from "Mor Ås" --withdraws c3 "$o" withdrawn
like "$(err)" 'consent/withdraws' "withdraw: the error names consent/withdraws"
unchanged 1 "a consent dated before the last one is refused" "$r" bti-consent -C "$r" --date 2026-02-04 \
	--from "Mor Ås" --service PPT "$o" given
like "$(err)" 'date/order' "the error names date/order"

# --- 11. Usage errors ---------------------------------------------------------
unchanged 2 "usage: no --from" "$r" bti-consent -C "$r" --date 2026-02-10 --service PPT "$o" given
like "$(err)" '^bti-consent: --from is required' "usage: says --from is required"
unchanged 2 "usage: given without --service" "$r" bti-consent -C "$r" --date 2026-02-10 --from "Mor Ås" "$o" given
unchanged 2 "usage: a status that is not given, refused or withdrawn" "$r" bti-consent -C "$r" \
	--date 2026-02-10 --from "Mor Ås" --service PPT "$o" maybe
golden consent-usage-status "usage: names the bad status"
unchanged 2 "usage: --withdraws with given" "$r" bti-consent -C "$r" --date 2026-02-10 --from "Mor Ås" \
	--service PPT --withdraws c1 "$o" given
unchanged 2 "usage: withdrawn without --withdraws" "$r" bti-consent -C "$r" --date 2026-02-10 \
	--from "Mor Ås" "$o" withdrawn
golden consent-usage-withdraws "usage: says a withdrawal needs --withdraws"
unchanged 2 "usage: an impossible --expires" "$r" bti-consent -C "$r" --date 2026-02-10 --from "Mor Ås" \
	--service PPT --expires 2026-02-30 "$o" given
unchanged 2 "usage: no status" "$r" bti-consent -C "$r" --date 2026-02-10 --from "Mor Ås" --service PPT "$o"

done_testing
