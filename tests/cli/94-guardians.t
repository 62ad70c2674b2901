#!/bin/sh
# bti-report --for-guardians: the plan as the family may see it, without the
# reports to child welfare; refused while a report the guardians are not to
# be told of is in the case.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name "Ola Nordmann" --born 2015-06-02 --service Skole \
	--concern "Trøtt i timene" --worry 5 --guardian Mor)
bti-level -C "$r" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null &&
bti-goal -C "$r" --date 2026-01-12 --text "Ola sover godt" "$id" >/dev/null &&
bti-notify -C "$r" --date 2026-01-13 --reason "Omsorgssvikt meldt" --kind neglect "$id" >/dev/null ||
	echo "Bail out! setup"

expect 0 "the guardians' view of a case" bti-report -C "$r" --for-guardians "$id"
g=$(out)
like "$g" "Ola sover godt" "shows the plan's goals"
unlike "$g" "Meldinger til barnevernet|Omsorgssvikt" "but not the reports to child welfare"
expect 0 "the coordinator's summary" bti-report -C "$r" "$id"
like "$(out)" "Omsorgssvikt meldt" "still shows them"
expect 0 "--html --lang en" bti-report -C "$r" --for-guardians --html --lang en "$id"
like "$(out)" "<h1>Case $id</h1>" "as a page"

bti-notify -C "$r" --date 2026-01-14 --reason "Mistanke om vold" --kind violence \
	--no-inform-guardians "$id" >/dev/null 2>&1 || echo "Bail out! notify"
unchanged 1 "refused while a report the guardians are not told of exists" "$r" \
	bti-report -C "$r" --for-guardians "$id"
golden guardians-secret "says why"
is "$(out)" "" "prints nothing of the case"

id2=$(bti-new -C "$r" --date 2026-01-10 --name "Kari" --born 2015-06-02 --service Skole \
	--concern "Blåmerker" --kind violence --worry 8 2>/dev/null)
expect 1 "refused when the concern itself is violence" bti-report -C "$r" --for-guardians "$id2"
expect 2 "--for-guardians goes with a case id" bti-report -C "$r" --for-guardians --year 2026
done_testing
