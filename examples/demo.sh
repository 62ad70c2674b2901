#!/bin/sh
# demo.sh [DIR]: creates a case repository and walks one case through its
# levels, printing every command and what it did. Run through `make demo`.
set -eu
dir=${1:-$(mktemp -d)/bti-demo}
export BTI_USER="Kari Lærer"
export BTI_TODAY=${BTI_TODAY:-2026-06-15}
# say CMD...: prints the command as a shell would read it, then runs it.
say() {
	printf '\n$'
	for a in "$@"; do
		case $a in *[!A-Za-z0-9_./=:-]*) printf " '%s'" "$a" ;; *) printf ' %s' "$a" ;; esac
	done
	printf '\n'
	"$@"
}

say bti-init --municipality "Tromsø" "$dir"
cd "$dir"
id=$(bti-new --date 2026-01-12 --name "Ola Nordmann" --born 2015-06-02 \
	--service "Kvaløysletta skole" --concern "Trøtt og stille i timene siden jul" \
	--worry 5 --guardian "Mor Nordmann" --guardian "Far Nordmann")
printf '\n$ id=$(bti-new --date 2026-01-12 --name "Ola Nordmann" --born 2015-06-02 ...)\n%s\n' "$id"
say bti-level --date 2026-01-19 --reason "Tiltak i egen tjeneste: samtaler med kontaktlærer" "$id" 1
say bti-service --date 2026-02-02 --contact "Per Rådgiver" "$id" join PPT
refused() {
	printf '\n$ %s    # refused:\n' "$*"
	"$@" || true
}
refused bti-level --date 2026-02-02 --reason "Behov for PPT" "$id" 2
say bti-consent --date 2026-02-02 --from "Mor Nordmann" --from "Far Nordmann" --service PPT "$id" given
say bti-coordinator --date 2026-02-02 --name "Kari Lærer" --service "Kvaløysletta skole" "$id"
say bti-level --date 2026-02-02 --reason "Behov for PPT" "$id" 2
say bti-goal --date 2026-02-09 --text "Ola sover godt og orker skoledagen" "$id"
say bti-measure --date 2026-02-09 --what "Samtaler med helsesykepleier hver uke" \
	--responsible "Helsesykepleier" --evaluate-by 2026-04-15 --goal g1 "$id"
say bti-meeting --date 2026-02-09 --kind plan --participant "Mor Nordmann" \
	--participant "Kari Lærer" --participant "Per Rådgiver" --child-present --minutes "Samspill" "$id"
say bti-evaluate --due --before 2026-04-30
refused bti-level --date 2026-04-20 --reason "Prøver å hoppe tilbake" "$id" 0
say bti-evaluate --date 2026-04-20 --measure "m1=reached:Sover bedre" --decision down \
	--reason "Samarbeidet er avsluttet" "$id"
say bti-level --date 2026-06-01 --reason "Målene er nådd" --cause goal-reached "$id" close
rest=${id#*-}
say cat "cases/${id%%-*}/$(printf %.1s "$rest")/$id.yaml"
say git log --format='%h %an: %s'
say git status --short
printf '\nThe demo repository is %s\n' "$dir"
