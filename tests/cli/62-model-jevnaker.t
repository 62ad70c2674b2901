#!/bin/sh
# Jevnaker (seed 004): pregnant women are in the target group (a due date
# instead of a birth date); from 16 a young person consents alone to health
# services; consent comes before the stafettlogg (level 1); from 12 the
# child's view weighs heavily; a system measure is a decision.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Pia Pedleder"

r="$tmp/r"
newrepo "$r" --model jevnaker
# "BTI er en samhandlingsmodell for tjenester som møter gravide, barn, unge".
expect 0 "a case for an unborn child, with the due date" bti-new -C "$r" --date 2026-03-01 \
	--name "Barn av Sara Li" --due 2026-08-15 --service Helsestasjon --concern "Bekymring i svangerskapet" \
	--worry 6 --guardian "Sara Li"
u=$(out)
is "$(yq "$r/$(cpath $u)" 'd["child"]["due"]')" "2026-08-15" "child.due is recorded"
unchanged 1 "a due date before the opening is refused" "$r" bti-new -C "$r" --date 2026-03-01 \
	--name "Barn" --due 2026-01-15 --service Helsestasjon --concern "C" --worry 3
like "$(err)" 'case/unborn: child.due: the due date is before the case was opened' "the error says so"
unchanged 1 "a child born in 1899 is refused" "$r" bti-new -C "$r" --date 2026-03-01 --name "Gammel" \
	--born 1899-05-01 --service "Jevnaker skole" --concern "C" --worry 3
golden jevnaker-target "the error gives the age and the target group"

# "I helsetjenestene kan ungdom over 16 år selv samtykke".
y=$(bti-new -C "$r" --date 2026-03-01 --name "Even Berg" --born 2009-06-01 --service "Jevnaker skole" \
	--concern "Sover lite" --worry 5 --guardian "Mor Berg" --guardian "Far Berg")
expect 0 "at 16 the young person alone consents to the health station" bti-consent -C "$r" \
	--date 2026-03-02 --from "Even Berg" --service Helsestasjon "$y" given
unchanged 1 "but not alone to PPT" "$r" bti-consent -C "$r" --date 2026-03-02 --from "Even Berg" \
	--service PPT "$y" given
like "$(err)" 'consent/guardians: consents\[1\]: every guardian' "PPT needs the guardians"
expect 0 "a service of another name joins as a health service with --kind, on a referral" bti-service \
	-C "$r" --date 2026-03-02 --kind health --referral "$y" join "Ungdomshelse"
is "$(yq "$r/$(cpath $y)" '[d["services"][0]["kind"], d["services"][0]["referral"]]')" "health, True" \
	"the kind and the referral (henvisning) are recorded"
expect 0 "so the young person consents to it alone" bti-consent -C "$r" --date 2026-03-02 \
	--from "Even Berg" --service Ungdomshelse "$y" given

# "Fyll ut samtykkeskjema, opprett stafettlogg": consent before level 1.
k=$(bti-new -C "$r" --date 2026-03-02 --name "Kaja Moe" --born 2013-02-01 --service "Jevnaker skole" \
	--concern "Lei seg" --worry 5 --guardian "Mor Moe")
bti-coordinator -C "$r" --date 2026-03-03 --name "Pia Pedleder" --service "Jevnaker skole" "$k" >/dev/null
unchanged 1 "level 1 before the consent is refused" "$r" bti-level -C "$r" --date 2026-03-03 \
	--reason "Stafettlogg" --leader-informed "$k" 1
golden jevnaker-consent "the error asks for a consent covering the school"
bti-consent -C "$r" --date 2026-03-03 --from "Mor Moe" --from "Kaja Moe" --service "Jevnaker skole" "$k" given >/dev/null
# "Styrer/skoleleder orienteres fortløpende".
unchanged 1 "level 1 without the leader informed is refused" "$r" bti-level -C "$r" --date 2026-03-03 \
	--reason "Stafettlogg" "$k" 1
like "$(err)" 'level/leader: levels\[1\]: at level 1 in the model jevnaker the management is informed' \
	"the error asks for the leader"
expect 0 "level 1 after the consent" bti-level -C "$r" --date 2026-03-03 --reason "Stafettlogg" \
	--leader-informed "$k" 1
bti-measure -C "$r" --date 2026-03-03 --what "Samtaler" --responsible "Kontaktlærer" \
	--evaluate-by 2026-04-01 "$k" >/dev/null
# "Når barnet har fylt 12 år skal dets mening tillegges stor vekt".
unchanged 1 "a 13-year-old's evaluation without the child's view is refused" "$r" bti-evaluate -C "$r" \
	--date 2026-04-01 --measure m1=continue --next 2026-05-01 --decision system "$k"
golden jevnaker-view "the error says the view weighs heavily from 12"
# "iverksette systemtiltak".
expect 0 "with the child's view, a system measure" bti-evaluate -C "$r" --date 2026-04-01 \
	--measure m1=continue --next 2026-05-01 --decision system --child-view "Vil ha faste pauser" "$k"
is "$(yq "$r/$(cpath $k)" '[d["evaluations"][0]["decision"], d["evaluations"][0]["child_view"]]')" \
	"system, Vil ha faste pauser" "the decision and the view are recorded"
# The child's view of the decision is in the case summary, under the
# model's name of the decision, in the repository's language and in nn/en.
expect 0 "the summary" bti-report -C "$r" "$k"
is "$(sed -n '/^## Evalueringer$/,/^## /p' "$tmp/out" | grep '^- ')" \
	"- 2026-04-01: Iverksette systemtiltak; barnets stemme: Vil ha faste pauser (Pia Pedleder)" \
	"summary: the decision and the child's view"
expect 0 "the summary in nn" bti-report -C "$r" --lang nn "$k"
like "$(out)" '^- 2026-04-01: Setje i verk systemtiltak; barnet si stemme: Vil ha faste pauser \(Pia Pedleder\)$' \
	"summary nn: the decision and the child's view"
like "$(out)" '^## Evalueringar$' "summary nn: the heading"
expect 0 "the summary in en" bti-report -C "$r" --lang en "$k"
like "$(out)" '^## Evaluations$' "summary en: the heading"
like "$(out)" "^- 2026-04-01: System measure; the child's view: Vil ha faste pauser \\(Pia Pedleder\\)\$" \
	"summary en: the decision and the child's view"
expect 0 "bti-check accepts the cases" bti-check -C "$r"
done_testing
