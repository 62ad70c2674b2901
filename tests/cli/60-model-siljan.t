#!/bin/sh
# Siljan (seed 003): level 1 is the TPO team with no stafettholder, level 3
# is coordinated by Tiltaksteam barn og unge, and an evaluation may end in a
# system measure or a referral to the team or to the coordinating unit (KE).
. "$(dirname "$0")/lib.sh"
export BTI_USER="Lise Lærer"

r="$tmp/r"
newrepo "$r" --model siljan
is "$(git -C "$r" show HEAD:bti.yaml | grep '^model:')" "model: siljan" "bti-init --model siljan"
id=$(bti-new -C "$r" --date 2026-01-05 --name "Nora Dal" --born 2016-04-02 --service "Siljan skole" \
	--concern "Trekker seg unna i friminuttene" --worry 4 --guardian "Mor Dal" --guardian "Far Dal")
f="$r/$(cpath $id)"
is "$(yq "$f" 'd["levels"][0]["reason"]')" "Undring oppstår" "bti-new writes the model's words for the opening (nb)"

# "Nivå 1: Her involveres barnehagens eller skolens TPO-team. Ledelsen er nå informert om saken."
unchanged 1 "level 1 without the management informed is refused" "$r" bti-level -C "$r" --date 2026-01-12 \
	--reason "TPO-teamet tar saken" "$id" 1
golden siljan-leader "the error asks for --leader-informed"
expect 0 "level 1 (TPO team) needs no coordinator" bti-level -C "$r" --date 2026-01-12 \
	--reason "TPO-teamet tar saken" --leader-informed "$id" 1
is "$(yq "$f" 'd["levels"][1]["leader_informed"]')" "True" "leader_informed is recorded"
bti-goal -C "$r" --date 2026-01-12 --text "Nora er med i leken" "$id" >/dev/null
bti-measure -C "$r" --date 2026-01-12 --what "Voksenstyrt lek" --responsible "Kontaktlærer" \
	--evaluate-by 2026-02-20 --goal g1 "$id" >/dev/null
# "1) Avslutte interne tiltak 2) Fortsette interne tiltak 3) Fortsette til nivå 2": no system measure at 1.
unchanged 1 "level 1 does not decide a system measure" "$r" bti-evaluate -C "$r" --date 2026-02-20 \
	--measure m1=continue --next 2026-03-20 --decision system "$id"
golden siljan-decision-level "the error names the level and the decision"
unchanged 2 "a decision the model does not have is a usage error" "$r" bti-evaluate -C "$r" \
	--date 2026-02-20 --measure m1=continue --next 2026-03-20 --decision pause "$id"
golden siljan-decision-unknown "the usage error lists Siljan's decisions"

# "Nivå 2: ... en eller flere hjelpetjenester, som f.eks. PPT. Foreldrene må samtykke".
unchanged 1 "level 2 without another service is refused" "$r" bti-evaluate -C "$r" --date 2026-02-20 \
	--measure m1=continue --next 2026-03-20 --decision up "$id"
like "$(err)" 'level/services: .*at least 2 services' "the error gives the number of services"
bti-service -C "$r" --date 2026-02-20 "$id" join PPT >/dev/null
bti-consent -C "$r" --date 2026-02-20 --from "Mor Dal" --from "Far Dal" --service PPT "$id" given >/dev/null
expect 0 "up to level 2 with PPT and consent, still without a coordinator" bti-evaluate -C "$r" \
	--date 2026-02-20 --measure m1=continue --next 2026-03-20 --decision up "$id"
is "$(yq "$f" 'd["levels"][-1]["level"]')" "2" "at level 2"

# "1) Avslutte/fortsette 2) Systemtiltak 3) Melde til tiltaksteam".
expect 0 "level 2 decides a system measure" bti-evaluate -C "$r" --date 2026-03-20 \
	--measure m1=continue --next 2026-04-20 --decision system "$id"
is "$(yq "$f" '[d["evaluations"][-1]["decision"], d["levels"][-1]["level"]]')" "system, 2" \
	"the system measure is recorded and the level stays"

# "Nivå 3: ... har Tiltaksteam barn og unge ansvaret for å koordinere saken".
bti-coordinator -C "$r" --date 2026-04-01 --name "Siri Rådgiver" --service "Siljan skole" "$id" >/dev/null
unchanged 1 "at level 2 a service joins only with consent" "$r" bti-service -C "$r" --date 2026-04-01 \
	"$id" join Barnevern
like "$(err)" 'consent/missing: services\[1\]: at level 2 on 2026-04-01 no consent covers Barnevern' \
	"the error names the service without consent"
bti-consent -C "$r" --date 2026-04-01 --from "Mor Dal" --from "Far Dal" --service Barnevern "$id" given >/dev/null
bti-service -C "$r" --date 2026-04-01 "$id" join Barnevern >/dev/null
unchanged 1 "refer-team with a school coordinator is refused" "$r" bti-evaluate -C "$r" --date 2026-04-20 \
	--measure m1=continue --next 2026-05-20 --decision refer-team "$id"
golden siljan-team "the error names the team that coordinates level 3"
expect 0 "the team takes over as coordinator" bti-coordinator -C "$r" --date 2026-04-20 \
	--name "Tiltaksteam barn og unge" --service "Tiltaksteam barn og unge" "$id"
expect 0 "refer-team moves the case to level 3" bti-evaluate -C "$r" --date 2026-04-20 \
	--measure m1=continue --next 2026-05-20 --decision refer-team "$id"
is "$(yq "$f" 'd["levels"][-1]["level"]')" "3" "at level 3"
unchanged 1 "at level 3 a school coordinator is refused" "$r" bti-coordinator -C "$r" --date 2026-05-01 \
	--name "Siri Rådgiver" --service "Siljan skole" "$id"
like "$(err)" 'coordinator/team: coordinators\[2\]: at level 3 the koordinator is Tiltaksteam barn og unge' \
	"the error says who coordinates level 3"
unchanged 1 "the leaflet has no move down from 3" "$r" bti-level -C "$r" --date 2026-05-01 \
	--reason "Ned" "$id" 2
like "$(err)" 'level/transition' "refused by the transitions"
# "3) Melde til KE": closes the case with the cause individual-plan.
expect 0 "refer-ke closes the case" bti-evaluate -C "$r" --date 2026-05-20 --measure m1=reached \
	--decision refer-ke "$id"
is "$(yq "$f" '[d["levels"][-1]["closed"], d["levels"][-1]["cause"]]')" "True, individual-plan" \
	"closed with the cause individual-plan"
expect 0 "bti-report" bti-report -C "$r" "$id"
like "$(out)" '^- 2026-01-12: Nivå 1 – TPO-teamet tar saken \(Lise Lærer; ledelsen informert\)$' \
	"the level history says the management was informed"
expect 0 "bti-check accepts the whole story" bti-check -C "$r"
is "$(out)" "" "no findings"

# The same story in the generic four-level model is refused where Siljan differs.
g="$tmp/g"
newrepo "$g" --model four-level
gid=$(bti-new -C "$g" --date 2026-01-05 --name "Nora Dal" --born 2016-04-02 --service "Siljan skole" \
	--concern "Trekker seg unna" --worry 4)
unchanged 1 "four-level: level 1 without a stafettholder is refused" "$g" bti-level -C "$g" \
	--date 2026-01-12 --reason "TPO" --leader-informed "$gid" 1
done_testing
