#!/bin/sh
# Conventions every command keeps: an argument that is not a case id is a
# refusal (exit 1) that names it, and changes nothing; every --help names -C
# for the commands that work in a case repository.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
id=$(bti-new -C "$r" --date 2026-01-12 --name A --born 2015-06-02 --service S --concern c --worry 2)
[ -n "$id" ] || echo "Bail out! fixture failed"

# Each command with valid options and BAD where its case id goes.
for bad in 2026-IIIIII nonsense ../../etc/passwd 26-ABCDEF; do
	while IFS='|' read -r name args; do
		# shellcheck disable=SC2086 # the arguments are words
		set -- $(printf '%s' "$args" | sed "s#BAD#$bad#")
		unchanged 1 "$name: '$bad' is refused" "$r" "$name" -C "$r" "$@"
		like "$(err)" "'$bad' is not a case id" "$name: '$bad': the message says so"
	done <<'EOF2'
bti-level|--reason x BAD 1
bti-guardian|--name G BAD
bti-consent|--from G --service S BAD given
bti-service|BAD join PPT
bti-coordinator|--name K --service S BAD
bti-goal|--text g BAD
bti-measure|--what w --responsible H --evaluate-by 2026-09-01 BAD
bti-meeting|--kind plan --participant P --child-present --minutes M BAD
bti-notify|--reason r BAD
bti-evaluate|--measure m1=reached --decision continue BAD
bti-report|BAD
bti-report|--format json BAD
bti-show|BAD
bti-check|BAD
EOF2
done

for c in bti-init bti-new bti-level bti-guardian bti-consent bti-service bti-coordinator bti-goal \
	bti-measure bti-meeting bti-notify bti-evaluate bti-report bti-show bti-check bti-list \
	bti-find bti-config; do
	like "$("$c" --help)" "\[-C DIR\]" "$c --help names -C DIR"
done

done_testing
