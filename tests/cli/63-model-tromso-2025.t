#!/bin/sh
# Tromsø 2025 (seed 000): the target group is 0-23 and unborn children; a
# family may ask; one parent consents alone only if the child lives with
# them; a handover meeting is held without the child and the guardians; the
# koordinator leads cooperation meetings; advice from another service at
# level 1 needs consent unless the case is anonymous; 0 -> 2 is allowed.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r" --model tromso-2025
# "tjenester som møter barn og unge (0–23 år)".
unchanged 1 "a 35-year-old is refused" "$r" bti-new -C "$r" --date 2026-02-01 --name "Voksen" \
	--born 1990-05-01 --service "NAV" --concern "C" --worry 3
golden tromso-target "the error gives the age and 0 to 23"
unchanged 1 "a child born in 1899 is refused" "$r" bti-new -C "$r" --date 2026-02-01 --name "Gammel" \
	--born 1899-12-24 --service "Skole" --concern "C" --worry 3
like "$(err)" 'case/target: child: Gammel is 126 on the opening date' "the error gives the age"
expect 0 "a 23-year-old is in the target group" bti-new -C "$r" --date 2026-02-01 --name "Ung" \
	--born 2002-05-01 --service "NAV" --concern "C" --worry 3
unchanged 1 "a child born after the opening is refused" "$r" bti-new -C "$r" --date 2026-02-01 --name "Baby" \
	--born 2026-05-01 --service "Helsestasjon" --concern "C" --worry 3
like "$(err)" 'case/target: child: born after the case was opened; for an unborn child give the due date' \
	"the error points to the due date"
# "Barnekoordinator ... Kan oppnevnes før fødsel".
expect 0 "an unborn child with a due date" bti-new -C "$r" --date 2026-02-01 --name "Barn av Eva" \
	--due 2026-07-01 --service "Helsestasjon" --concern "Alvorlig sykdom påvist" --worry 6 --guardian "Eva"
# "Er du forelder til et barn som har behov for tverrfaglig plan - ta kontakt".
expect 0 "the family asks for a case" bti-new -C "$r" --date 2026-02-01 --name "Siv Lie" --born 2015-03-03 \
	--service "Tromsdalen skole" --concern "Foreldrene ber om samarbeid" --worry 4 --source family
fam=$(out)
is "$(yq "$r/$(cpath $fam)" 'd["concern"]["source"]')" "family" "concern.source is family"
expect 0 "bti-report of the family's case" bti-report -C "$r" "$fam"
like "$(out)" '^- \*\*Tjeneste:\*\* Tromsdalen skole \(familien ba om saken\)$' "the summary says the family asked"

id=$(bti-new -C "$r" --date 2026-02-02 --name "Tor Hansen" --born 2014-01-10 --service "Tromsdalen skole" \
	--concern "Utagerende" --worry 6)
f="$r/$(cpath $id)"
is "$(yq "$f" 'd["levels"][0]["reason"]')" "Undring eller bekymring konkretisert" "the opening reason in nb"
bti-guardian -C "$r" --date 2026-02-02 --name "Mor Hansen" --lives-with-child "$id" >/dev/null
bti-guardian -C "$r" --date 2026-02-02 --name "Far Hansen" "$id" >/dev/null
# "den forelderen som bor fast sammen med barnet har rett til å ta avgjørelsen alene".
unchanged 1 "the parent the child does not live with cannot consent alone" "$r" bti-consent -C "$r" \
	--date 2026-02-03 --from "Far Hansen" --alone-reason "Mor er på reise" --service PPT "$id" given
golden tromso-alone "the error says only the parent the child lives with decides alone"
expect 0 "the parent the child lives with consents alone, with a reason" bti-consent -C "$r" \
	--date 2026-02-03 --from "Mor Hansen" --alone-reason "Far kan ikke nås" --service PPT "$id" given
# "Følger flere tjenester opp barnet/ungdommen ... Gå til nivå 2".
bti-service -C "$r" --date 2026-02-03 "$id" join PPT >/dev/null
bti-coordinator -C "$r" --date 2026-02-03 --name "Kari Lærer" --service "Tromsdalen skole" "$id" >/dev/null
expect 0 "0 -> 2 directly" bti-level -C "$r" --date 2026-02-03 --reason "Flere tjenester" "$id" 2
# "Barn/ungdom/foresatte skal ikke være til stede der det foregår diskusjoner om hvem som skal overta".
unchanged 1 "a handover meeting with the child is refused" "$r" bti-meeting -C "$r" --date 2026-02-10 \
	--kind handover --participant "Kari Lærer" --participant "Per PPT" --child-present --minutes Samspill "$id"
golden tromso-handover "the error says the child does not take part"
unchanged 1 "a handover meeting with a guardian is refused" "$r" bti-meeting -C "$r" --date 2026-02-10 \
	--kind handover --participant "Kari Lærer" --participant "Mor Hansen" --child-view "Ikke til stede" \
	--minutes Samspill "$id"
like "$(err)" 'meeting/guardians: meetings\[0\]: Mor Hansen is a guardian' "the error names the guardian"
expect 0 "a handover meeting of the services only" bti-meeting -C "$r" --date 2026-02-10 --kind handover \
	--participant "Kari Lærer" --participant "Per PPT" --child-view "Formidlet av kontaktlærer" \
	--minutes Samspill "$id"
# "Innkalle til og lede møter i samarbeidsgruppa".
unchanged 1 "a cooperation meeting without the koordinator is refused" "$r" bti-meeting -C "$r" \
	--date 2026-02-11 --kind cooperation --participant "Per PPT" --participant "Mor Hansen" --child-present \
	--minutes Samspill "$id"
like "$(err)" 'meeting/coordinator: .*the koordinator leads a cooperation meeting' "the error names the koordinator"
expect 0 "with the koordinator" bti-meeting -C "$r" --date 2026-02-11 --kind cooperation \
	--participant "Kari Lærer" --participant "Mor Hansen" --child-present --next 2026-06-01 --minutes-sent \
	--minutes Samspill "$id"
is "$(yq "$f" '[d["meetings"][-1]["next"], d["meetings"][-1]["minutes_sent"]]')" "2026-06-01, True" \
	"the next meeting and the minutes sent are recorded"
expect 0 "bti-report" bti-report -C "$r" "$id"
like "$(out)" 'referat: Samspill \(sendt til alle\); neste møte 2026-06-01$' "the summary shows both"
like "$(out)" '^- 2026-02-10, Avklaring av koordinatoransvar: Kari Lærer, Per PPT' \
	"the summary names the meeting kind in the model's words"

# "På nivå 1 kan du søke råd og veiledning hos andre. Husk da å få samtykke dersom saken ikke drøftes anonymt."
a=$(bti-new -C "$r" --date 2026-03-01 --name "Lea Berg" --born 2019-01-10 --service "Kvaløya barnehage" \
	--concern "Lite språk" --worry 4 --guardian "Mor Berg")
bti-level -C "$r" --date 2026-03-02 --reason "Tiltak i barnehagen" "$a" 1 >/dev/null
unchanged 1 "advice from PPT at level 1 without consent is refused" "$r" bti-meeting -C "$r" --date 2026-03-05 \
	--kind advice --participant "Styrer" --service PPT --child-view "Observert" --minutes "Fagsystem" "$a"
golden tromso-advice "the error offers anonymity or consent"
expect 0 "anonymous advice needs no consent" bti-meeting -C "$r" --date 2026-03-05 --kind advice \
	--participant "Styrer" --service PPT --anonymous --child-view "Observert" --minutes "Fagsystem" "$a"
expect 0 "bti-check accepts the cases" bti-check -C "$r"
done_testing
