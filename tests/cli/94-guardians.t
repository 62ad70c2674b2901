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

# Entries marked --internal are left out of the guardians' view, each by its
# own mark; the coordinator's summary shows them, marked.
bti-goal -C "$r" --date 2026-01-14 --text "Kartlegge hjemmesituasjonen" --internal "$id" >/dev/null &&
bti-measure -C "$r" --date 2026-01-14 --what "Samtaler med helsesykepleier" --responsible Helsesykepleier \
	--evaluate-by 2026-02-01 "$id" >/dev/null &&
bti-measure -C "$r" --date 2026-01-14 --what "Observasjon i friminuttene" --responsible Kontaktlærer \
	--evaluate-by 2026-02-01 --goal g2 --internal "$id" >/dev/null &&
bti-meeting -C "$r" --date 2026-01-15 --kind plan --participant Mor --child-present \
	--minutes "Planmøte med familien" "$id" >/dev/null &&
bti-meeting -C "$r" --date 2026-01-16 --kind drøfting --participant Rektor --child-view "Ikke spurt" \
	--minutes "Drøfting i ressursteamet" --internal "$id" >/dev/null &&
bti-evaluate -C "$r" --date 2026-02-01 --measure m1=continue --measure m2=continue --next 2026-03-01 \
	--decision continue --child-view "Ola liker samtalene" "$id" >/dev/null &&
bti-evaluate -C "$r" --date 2026-03-01 --measure m1=continue --measure m2=continue --next 2026-04-01 \
	--decision continue --child-view "Bekymring for hjemmet består" --internal "$id" >/dev/null ||
	echo "Bail out! setup with --internal"
like "$(git -C "$r" show HEAD:$(git -C "$r" ls-files 'cases/*'))" "internal: true" \
	"--internal is recorded in the entry"
expect 0 "the guardians' view without the internal entries" bti-report -C "$r" --for-guardians "$id"
g=$(out)
like "$g" "Samtaler med helsesykepleier" "shows a measure not marked"
like "$g" "Planmøte med familien" "shows a meeting not marked"
like "$g" "Ola liker samtalene" "shows an evaluation not marked"
unlike "$g" "Kartlegge hjemmesituasjonen" "leaves out an internal goal"
unlike "$g" "Observasjon i friminuttene" "leaves out an internal measure"
unlike "$g" "Drøfting i ressursteamet" "leaves out an internal meeting"
unlike "$g" "Bekymring for hjemmet" "leaves out an internal evaluation"
unlike "$g" "\\(intern\\)" "and marks nothing"
expect 0 "the coordinator's summary with the internal entries" bti-report -C "$r" "$id"
s=$(out)
like "$s" "Ola sover godt" "shows a goal not marked"
like "$s" "Samtaler med helsesykepleier" "shows a measure not marked"
like "$s" "Kartlegge hjemmesituasjonen \\(intern\\)" "shows an internal goal, marked"
like "$s" "Observasjon i friminuttene.*\\(intern\\)" "shows an internal measure, marked"
like "$s" "Drøfting i ressursteamet.*\\(intern\\)" "shows an internal meeting, marked"
like "$s" "Bekymring for hjemmet består.*\\(intern\\)" "shows an internal evaluation, marked"
unlike "$s" "Planmøte med familien.*\\(intern\\)" "and does not mark the others"
expect 0 "--lang en" bti-report -C "$r" --lang en "$id"
like "$(out)" "Kartlegge hjemmesituasjonen \\(internal\\)" "marks it in English"

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
