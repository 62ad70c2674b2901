#!/bin/sh
# One vocabulary of kinds: the register of services in bti.yaml gives a
# service's kind, and the model's rules use it without --kind (Siljan's
# central services for the team coordinator, Jevnaker's health consent
# alone at 16); a --kind that contradicts the register is refused.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Lise Lærer"

# Siljan: "Når f.eks. barnevernet eller andre sentrale hjelpetjenester er
# involvert, har Tiltaksteam barn og unge ansvaret for å koordinere saken".
# The story up to the referral to the team, with a barnevern service whose
# name the model does not list.
siljan() {      # siljan REPO: the case id
	id=$(bti-new -C "$1" --date 2026-01-05 --name "Nora Dal" --born 2016-04-02 --service "Siljan skole" \
		--concern "Trekker seg unna" --worry 4 --guardian "Mor Dal")
	bti-level -C "$1" --date 2026-01-12 --reason "TPO" --leader-informed "$id" 1 >/dev/null
	bti-measure -C "$1" --date 2026-01-12 --what "Lek" --responsible "Kontaktlærer" \
		--evaluate-by 2026-02-20 "$id" >/dev/null
	bti-consent -C "$1" --date 2026-02-20 --from "Mor Dal" --service PPT \
		--service "Midt-Telemark barnevern" "$id" given >/dev/null
	bti-service -C "$1" --date 2026-02-20 "$id" join PPT >/dev/null
	bti-evaluate -C "$1" --date 2026-02-20 --measure m1=continue --next 2026-03-20 --decision up "$id" >/dev/null
	bti-coordinator -C "$1" --date 2026-03-01 --name "Siri Rådgiver" --service "Siljan skole" "$id" >/dev/null
	bti-service -C "$1" --date 2026-03-01 "$id" join "Midt-Telemark barnevern" >/dev/null
	echo "$id"
}
s="$tmp/s"
newrepo "$s" --model siljan
bti-config -C "$s" service "Siljan skole" --kind school >/dev/null
bti-config -C "$s" service PPT --kind ppt >/dev/null
bti-config -C "$s" service "Midt-Telemark barnevern" --kind barnevern --alias MTB >/dev/null
bti-config -C "$s" service "Tiltaksteam barn og unge" --kind other >/dev/null
sid=$(siljan "$s")
is "$(yq "$s/$(cpath "$sid")" '[e.get("kind") for e in d["services"]]')" "None, None" "no --kind recorded"
unchanged 1 "the register says barnevern: a school coordinator cannot take the case to level 3" "$s" \
	bti-evaluate -C "$s" --date 2026-03-20 --measure m1=continue --next 2026-04-20 --decision refer-team "$sid"
like "$(err)" 'coordinator/team: .*Tiltaksteam barn og unge in the model siljan when this service takes part: Midt-Telemark barnevern;' \
	"the error names the team and the barnevern service"
expect 0 "the team takes over" bti-coordinator -C "$s" --date 2026-03-20 \
	--name "Tiltaksteam barn og unge" --service "Tiltaksteam barn og unge" "$sid"
expect 0 "then refer-team" bti-evaluate -C "$s" --date 2026-03-20 --measure m1=continue \
	--next 2026-04-20 --decision refer-team "$sid"
expect 0 "bti-check accepts it" bti-check -C "$s"
unchanged 2 "--kind central: a group of the model, not a kind of service" "$s" \
	bti-service -C "$s" --date 2026-03-21 --kind central "$sid" join PPT
like "$(err)" "^bti-service: --kind is kindergarten, school, health, ppt, barnevern, nav, police or other, not 'central'" \
	"the usage error lists the kinds"

# Without the register the same name is not a central service: the school
# keeps coordinating (the register is what changed the outcome above).
u="$tmp/u"
newrepo "$u" --model siljan
uid=$(siljan "$u")
expect 0 "no register: refer-team with the school coordinator" bti-evaluate -C "$u" --date 2026-03-20 \
	--measure m1=continue --next 2026-04-20 --decision refer-team "$uid"

# Jevnaker: "I helsetjenestene kan ungdom over 16 år selv samtykke".
j="$tmp/j"
newrepo "$j" --model jevnaker
bti-config -C "$j" service "Jevnaker skole" --kind school >/dev/null
bti-config -C "$j" service PPT --kind ppt >/dev/null
bti-config -C "$j" service Ungdomshelse --kind health --alias "Helse for ungdom" >/dev/null
y=$(bti-new -C "$j" --date 2026-03-01 --name "Even Berg" --born 2009-06-01 --service "Jevnaker skole" \
	--concern "Sover lite" --worry 5 --guardian "Mor Berg" --guardian "Far Berg")
expect 0 "a health service of the register joins without --kind" bti-service -C "$j" --date 2026-03-02 \
	"$y" join "helse for ungdom"
expect 0 "so the young person of 16 consents to it alone" bti-consent -C "$j" --date 2026-03-02 \
	--from "Even Berg" --service Ungdomshelse "$y" given
unchanged 1 "but not alone to PPT, registered as ppt" "$j" bti-consent -C "$j" --date 2026-03-02 \
	--from "Even Berg" --service PPT "$y" given
like "$(err)" 'consent/guardians' "PPT needs the guardians"
unchanged 1 "--kind health for a service the register calls ppt is refused" "$j" \
	bti-service -C "$j" --date 2026-03-02 --kind health "$y" join PPT
golden register-kind-conflict "the refusal names both kinds and what to do"
expect 0 "--kind that agrees with the register is taken" bti-service -C "$j" --date 2026-03-02 \
	--kind ppt "$y" join PPT
unchanged 2 "--kind that is no kind of service is a usage error" "$j" \
	bti-service -C "$j" --date 2026-03-03 --kind healthy "$y" leave PPT
expect 0 "bti-check accepts the cases" bti-check -C "$j"

# A model whose rule names a kind that is neither a kind of service nor a
# group of its service_kinds is refused.
sed 's/^    coordinator_team_when: \[central\]$/    coordinator_team_when: [sentral]/' \
	"$top/schema/models/siljan.yaml" >"$tmp/bad.yaml"
expect 1 "a rule with an unknown kind: the model is refused" bti-init --by Admin --model "$tmp/bad.yaml" "$tmp/b"
like "$(err)" "bad.yaml:[0-9]+:[0-9]+: model/format: coordinator_team_when: 'sentral' is neither a kind of service" \
	"FILE:LINE:COL: rule: message"
done_testing
