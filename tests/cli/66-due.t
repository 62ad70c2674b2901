#!/bin/sh
# bti-due: every obligation due or overdue, one line each (tsv or json),
# across repositories; bti-check warns about the overdue ones (exit 0).
. "$(dirname "$0")/lib.sh"
export BTI_USER="Pia Pedleder"

j="$tmp/jevnaker"
newrepo "$j" --model jevnaker
# "Ved behov for avklaring i egen tjeneste før iverksettelse gjøres det innen tre dager" (decision_days: 3).
a=$(bti-new -C "$j" --date 2026-06-01 --name "Ada Holm" --born 2015-01-01 --service "Jevnaker skole" \
	--concern "Sliten" --worry 3 --guardian "Mor Holm")
b=$(bti-new -C "$j" --date 2026-06-14 --name "Bo Holm" --born 2015-01-01 --service "Jevnaker skole" \
	--concern "Sliten" --worry 3 --guardian "Mor Holm")
# "Da tas det umiddelbart kontakt med barnevernstjenesten" (report days: 0).
v=$(bti-new -C "$j" --date 2026-06-10 --name "Vera Lund" --born 2012-01-01 --service "Jevnaker skole" \
	--concern "Blåmerker" --worry 9 --kind violence)
# A measure to evaluate, and a consent that expires.
k=$(bti-new -C "$j" --date 2026-04-01 --name "Kaja Moe" --born 2016-02-01 --service "Jevnaker skole" \
	--concern "Lei seg" --worry 5 --guardian "Mor Moe")
bti-coordinator -C "$j" --date 2026-04-01 --name "Pia Pedleder" --service "Jevnaker skole" "$k" >/dev/null
bti-consent -C "$j" --date 2026-04-01 --from "Mor Moe" --service "Jevnaker skole" --expires 2026-06-30 "$k" given >/dev/null
bti-level -C "$j" --date 2026-04-02 --reason "Stafettlogg" --leader-informed "$k" 1 >/dev/null
bti-measure -C "$j" --date 2026-04-02 --what "Samtaler" --responsible "Lærer" --evaluate-by 2026-06-01 "$k" >/dev/null

expect 0 "bti-due lists what is due today" bti-due -C "$j"
is "$(out)" "$k	evaluation	2026-06-01	14	Pia Pedleder	1	m1
$a	decision	2026-06-04	11		0	
$v	report	2026-06-10	5		0	
$v	decision	2026-06-13	2		0	" "evaluation, decisions and report, oldest first, with the days over"
expect 0 "--before takes what falls due later" bti-due -C "$j" --before 2026-06-30
is "$(out | cut -f1,2,3,4 | tail -2)" "$b	decision	2026-06-17	-2
$k	consent	2026-06-30	-15" "the 3-day decision and the consent that expires (days over negative)"
expect 0 "--coordinator keeps the coordinator's cases" bti-due -C "$j" --coordinator "Pia Pedleder"
is "$(out | cut -f1,2)" "$k	evaluation" "only Kaja's case"
expect 0 "--format json" bti-due -C "$j" --format json --coordinator "Pia Pedleder"
is "$(out | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["kind"], d[0]["days_over"], d[0]["level"], d[0]["detail"], d[0]["coordinator"])')" \
	"evaluation 14 1 m1 Pia Pedleder" "json has the same fields"

# Several repositories: an eighth column names the repository.
t="$tmp/tromso"
newrepo "$t" --model tromso-2025
c=$(bti-new -C "$t" --date 2026-06-15 --name "Ida Berg" --born 2015-01-01 --service "Skole" \
	--concern "Blåmerker" --worry 9 --kind sexual-abuse)
expect 0 "two repositories" bti-due "$j" "$t"
is "$(out | grep "$c" | cut -f2,3,4,8)" "report	2026-06-15	0	$t" "the report due today, named by its repository"
# Tromsø: "Vi anbefaler minimum 2 slike møter i året" (level 2): one due half a year after the last.
m=$(bti-new -C "$t" --date 2025-10-01 --name "Mia Dahl" --born 2014-01-01 --service "Skole" \
	--concern "Fravær" --worry 5 --guardian "Mor Dahl")
bti-service -C "$t" --date 2025-10-01 "$m" join PPT >/dev/null
bti-consent -C "$t" --date 2025-10-01 --from "Mor Dahl" --service PPT "$m" given >/dev/null
bti-coordinator -C "$t" --date 2025-10-01 --name "Kari Lærer" --service Skole "$m" >/dev/null
bti-level -C "$t" --date 2025-10-01 --reason "Flere tjenester" "$m" 2 >/dev/null
bti-meeting -C "$t" --date 2025-11-01 --kind cooperation --participant "Kari Lærer" --child-present \
	--minutes Samspill "$m" >/dev/null
expect 0 "bti-due in Tromsø" bti-due -C "$t"
is "$(out | grep "$m" | cut -f2,3,4,5,6)" "meeting	2026-05-02	44	Kari Lærer	2" \
	"the next meeting at level 2 was due 182 days after the last"

expect 0 "bti-check passes with overdue obligations" bti-check -C "$j"
is "$(out)" "" "no problems on stdout"
like "$(err)" "^bti-check: $(cpath $a):[0-9]+:[0-9]+: warning: due/decision: decision was due on 2026-06-04, 11 days ago" \
	"the overdue level-0 decision is a warning on stderr"
like "$(err)" "warning: due/report: report was due on 2026-06-10, 5 days ago" "and the report"
unlike "$(err)" "$b" "not what is not yet due"

unchanged 2 "--format csv is a usage error" "$j" bti-due -C "$j" --format csv
unchanged 2 "--before an impossible date" "$j" bti-due -C "$j" --before 2026-02-30
expect 0 "bti-evaluate --due still lists the measures" bti-evaluate -C "$j" --due
like "$(out)" "^2026-06-01	$k	m1	overdue	Lærer	Samtaler$" "bti-evaluate --due is an alias for the evaluations"
done_testing
