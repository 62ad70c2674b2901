#!/bin/sh
# Høyanger (seed 002, nynorsk): level 2 is cooperation with two services,
# level 3 with more; a refused consent is documented and keeps the refused
# service out until a new consent; the stafetthaldar leads from level 1 and
# is named so in messages and in the summary.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærar"

r="$tmp/r"
newrepo "$r" --model hoyanger --lang nn
id=$(bti-new -C "$r" --date 2026-01-05 --name "Ola Vik" --born 2014-09-01 --service "Høyanger skule" \
	--concern "Mykje fråvær" --worry 5 --guardian "Mor Vik" --guardian "Far Vik")
f="$r/$(cpath $id)"
is "$(yq "$f" 'd["levels"][0]["reason"]')" "Undring sett ord på" "bti-new writes the opening in the repository's language (nn)"

# "Stafetthaldar har ansvar for å leie innsatsen" (level 1).
unchanged 1 "level 1 without a stafetthaldar is refused" "$r" bti-level -C "$r" --date 2026-01-12 \
	--reason "Tenesteinterne tiltak" "$id" 1
golden hoyanger-coordinator "the error names the stafetthaldar"
bti-coordinator -C "$r" --date 2026-01-12 --name "Kari Lærar" --service "Høyanger skule" "$id" >/dev/null
expect 0 "level 1 with a stafetthaldar" bti-level -C "$r" --date 2026-01-12 --reason "Tenesteinterne tiltak" "$id" 1

# "Dersom foreldrene ikkje samtykker til tverrfagleg samarbeid - dokumenter dette".
expect 0 "a refusal is recorded" bti-consent -C "$r" --date 2026-02-01 --from "Mor Vik" --from "Far Vik" \
	--service PPT "$id" refused
unchanged 1 "after the refusal PPT cannot join" "$r" bti-service -C "$r" --date 2026-02-02 "$id" join PPT
golden hoyanger-refused "the error names the refusal"
expect 0 "a new consent" bti-consent -C "$r" --date 2026-03-01 --from "Mor Vik" --from "Far Vik" \
	--service PPT --service Helsestasjon "$id" given
expect 0 "then PPT joins" bti-service -C "$r" --date 2026-03-01 "$id" join PPT

# "Enkelt tverretatlig samarbeid med to involverte tjenester" / "Komplekst samarbeid med flere".
expect 0 "level 2 with two services (school and PPT)" bti-level -C "$r" --date 2026-03-02 \
	--reason "Samarbeid med PPT" "$id" 2
unchanged 1 "level 3 with two services is refused" "$r" bti-level -C "$r" --date 2026-03-10 \
	--reason "Komplekst" "$id" 3
golden hoyanger-level3 "the error says level 3 has at least three services"
bti-service -C "$r" --date 2026-03-10 "$id" join Helsestasjon >/dev/null
expect 0 "level 3 with three services" bti-level -C "$r" --date 2026-03-10 --reason "Komplekst" "$id" 3
bti-consent -C "$r" --date 2026-03-12 --from "Mor Vik" --from "Far Vik" --service BUP "$id" given >/dev/null
bti-service -C "$r" --date 2026-03-12 "$id" join BUP >/dev/null
unchanged 1 "back to level 2 with four services is refused" "$r" bti-level -C "$r" --date 2026-03-20 \
	--reason "Mindre behov" "$id" 2
golden hoyanger-level2 "the error says level 2 has at most two services"

# The summary uses the model's name for the role, in nynorsk.
expect 0 "bti-report in nynorsk" bti-report -C "$r" --lang nn "$id"
like "$(out)" '^- \*\*Stafetthaldar:\*\* Kari Lærar' "the summary says Stafetthaldar"
expect 0 "bti-report in English" bti-report -C "$r" --lang en "$id"
like "$(out)" '^- \*\*Coordinator:\*\* Kari Lærar' "and Coordinator in English"

# "Kontakt koordinerande eining ... tilby Individuell plan": closes with individual-plan.
bti-goal -C "$r" --date 2026-03-20 --text "Ola er på skulen" "$id" >/dev/null
bti-measure -C "$r" --date 2026-03-20 --what "Ansvarsgruppe" --responsible "Helsestasjon" \
	--evaluate-by 2026-05-01 "$id" >/dev/null
expect 0 "the evaluation at level 3 hands the case to KE" bti-evaluate -C "$r" --date 2026-05-01 \
	--measure m1=reached --decision individual-plan "$id"
is "$(yq "$f" '[d["levels"][-1]["level"], d["levels"][-1]["cause"]]')" "3, individual-plan" \
	"closed at level 3 with the cause individual-plan"
expect 0 "bti-check accepts the story" bti-check -C "$r"
is "$(out)" "" "no findings"
done_testing
