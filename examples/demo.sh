#!/bin/sh
# demo.sh [DIR]: creates a case repository and walks one case through its
# levels, printing every command and what it did. Run through `make demo`.
set -eu
dir=${1:-$(mktemp -d)/bti-demo}
export BTI_USER="Kari Lærer"
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
id=$(bti-new --name "Ola Nordmann" --born 2015-06-02 --service "Kvaløysletta skole" \
	--concern "Trøtt og stille i timene siden høstferien" --worry 5 \
	--guardian "Mor Nordmann" --guardian "Far Nordmann")
printf '\n$ id=$(bti-new --name "Ola Nordmann" --born 2015-06-02 ...)\n%s\n' "$id"
say bti-level --reason "Tiltak i egen tjeneste: samtaler med kontaktlærer" "$id" 1
say bti-level --reason "Behov for PPT og helsesykepleier" "$id" 2
if ! bti-level --reason "Prøver å hoppe tilbake" "$id" 0 2>/tmp/bti-demo-err.$$; then
	printf '\n$ bti-level --reason "..." %s 0    # refused by the model:\n' "$id"
	cat /tmp/bti-demo-err.$$
fi
rm -f /tmp/bti-demo-err.$$
say bti-level --reason "Samarbeidet er avsluttet" "$id" 1
say bti-level --reason "Målene er nådd" --cause goal-reached "$id" close
say cat "cases/${id%%-*}/$id.yaml"
say git log --format='%h %an: %s'
say git status --short
printf '\nThe demo repository is %s\n' "$dir"
