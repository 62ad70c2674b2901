#!/bin/sh
# bti-purge: cases past retention erased from every commit; the others'
# history kept; the record, the commit map, the frozen figures; after the
# documented gc no object holds the child's name or id number; a push from
# an old clone is refused.
. "$(dirname "$0")/lib.sh"
. "$top/tests/cli/fixture-purge.sh"

# What is past retention.
expect 0 "--list, with no author known" env -u BTI_USER bti-purge -C "$r" --list
is "$(out)" "$a 2025-03-01 2025-04-01 2025-05-01" "lists the one case past retention: id, closed, archived, kept until"
expect 0 "bti-check warns, and exits 0" bti-check -C "$r"
is "$(out)" "$pa: warning: retention/expired: closed 2025-03-01 and archived 2025-04-01, it was to be kept until 2025-05-01 (retention_days: 30); erase it with bti-purge" \
	"naming the case past retention"
expect 0 "bti-due lists the erasure that is due" bti-due -C "$r"
is "$(out | awk -F '\t' '$2 == "erasure" { print $1, $3 }')" "$a 2025-05-02" \
	"bti-due: the case past retention, due the day after it was to be kept until"

# Refused: open, not archived, within retention; usage.
unchanged 1 "an open case is refused" "$r" bti-purge -C "$r" --case "$b" --reason "Feil"
golden purge-open "says it is open"
d=$(bti-new -C "$r" --date 2025-02-01 --name "Nils Ås" --born 2012-02-02 --service Skole --concern X --worry 2)
bti-level -C "$r" --date 2025-02-02 --reason "Ubegrunnet" --cause unfounded "$d" close >/dev/null
unchanged 1 "a closed case not archived is refused" "$r" bti-purge -C "$r" --case "$d" --reason "Feil"
like "$(err)" "is not archived" "says so"
unchanged 1 "a case within its retention is refused" "$r" bti-purge -C "$r" --case "$c" --reason "Feil"
like "$(err)" "kept until 2026-07-08" "says until when"
expect 2 "--case needs --reason" bti-purge -C "$r" --case "$a"
expect 2 "--force goes with --case" bti-purge -C "$r" --force --reason x
expect 2 "--list takes no other option" bti-purge -C "$r" --list --case "$a"
cp -a "$r" "$tmp/bad"
sed -i 's/^retention_days: 30$/retention_days: 0/' "$tmp/bad/bti.yaml"
git -C "$tmp/bad" -c user.name=A -c user.email=a@example.org commit -q --no-verify -am "retention 0"
unchanged 3 "retention_days: 0 is refused" "$tmp/bad" bti-purge -C "$tmp/bad"
like "$(err)" "bti.yaml:[0-9]+:[0-9]+: config/retention: 'retention_days:' must be a whole number of days from 1 to 36500" \
	"naming the setting"

# Before: the figures of 2025, the other cases' history, the objects.
for f in md json csv; do bti-report -C "$r" --year 2025 --format "$f" >"$tmp/before.$f"; done
bti-report -C "$r" --year 2025 --html >"$tmp/before.html"
logfmt='%an <%ae> %ad %cn <%ce> %cd %B'
git -C "$r" log --format="$logfmt" -- "$pb" "$pc" "$(cpath "$d")" >"$tmp/others.before"
git -C "$r" log --format=%H -- "$pa" >"$tmp/a.commits"
first=$(tail -1 "$tmp/a.commits")
kept=$(git -C "$r" rev-list "$first^")
n_before=$(commits "$r")
old_head=$(git -C "$r" rev-parse HEAD)
scan() { git -C "$1" cat-file --batch-all-objects --batch | grep -a -c -e "Ola Nordmann" -e "$fnr"; }
[ "$(scan "$r")" -gt 0 ]
is $? 0 "before: objects hold the name and the id number (the scan can see them)"

printf '# note\n' >>"$r/$pa"
unchanged 1 "uncommitted changes to the case's file are refused" "$r" bti-purge -C "$r"
like "$(err)" "repo/uncommitted" "says so"
git -C "$r" checkout -q -- "$pa"
git -C "$r" tag old-state "$old_head"
expect 0 "the cases past retention are erased" bti-purge -C "$r" --by "Admin Adminsen"
is "$(err)" "bti-purge: warning: purge/other-ref: refs/tags/old-state still holds an erased case; delete it (or purge it too) before the old objects are pruned" \
	"warns about another ref that still holds the case"
git -C "$r" tag -d old-state >/dev/null
is "$(out)" "$(git -C "$r" rev-parse HEAD)" "prints the new head"
is "$(subject "$r")" "bti-purge: 1 case erased" "one commit says so, with no name"
is "$(event "$r")" purge "its event is purge"
is "$(git -C "$r" log --format=%H HEAD -- "$pa")" "" "no commit of the branch holds the case any more"
[ ! -e "$r/$pa" ]
is $? 0 "its file is gone from the work tree"
is "$(git -C "$r" status --porcelain --untracked-files=all)" "" "work tree and index match the new head"
is "$(commits "$r")" $((n_before - $(wc -l <"$tmp/a.commits") + 1)) \
	"the commits that only changed it are left out; one commit added"
is "$(git -C "$r" rev-list "$(git -C "$r" rev-list HEAD | tail -$(echo "$kept" | wc -l) | head -1)")" "$kept" \
	"the commits before the first that touched it keep their ids"
git -C "$r" log --format="$logfmt" HEAD~1 -- "$pb" "$pc" "$(cpath "$d")" >"$tmp/others.after"
cmp -s "$tmp/others.before" "$tmp/others.after"
is $? 0 "the other cases' commits keep their authors, committers, dates and messages"
is "$(git -C "$r" show "HEAD:$pb" | git -C "$r" hash-object --stdin)" \
	"$(git -C "$r" rev-parse "$old_head:$pb")" "and their files"
expect 0 "bti-check --history: the new history keeps the rules" bti-check -C "$r" --history
expect 0 "bti-check: no case past retention now" bti-check -C "$r"
is "$(out)" "" "silent"

# The record and the map.
rec="$r/purged/2026.yaml"
is "$(yq "$rec" "[d['erased'][0][k] for k in ('case', 'opened', 'closed', 'archived', 'kept_until', 'erased', 'by')]")" \
	"$a, 2025-01-10, 2025-03-01, 2025-04-01, 2025-05-01, 2026-06-15, Admin Adminsen" \
	"the record: case, dates, who"
like "$(yq "$rec" "d['erased'][0]['reason']")" "retention" "and why"
unlike "$(cat "$rec")" "Ola|Nordmann|$fnr" "no personal data in it"
map="$r/.git/bti-purge-$(git -C "$r" rev-parse HEAD).map"
is "$(cut -d' ' -f1 "$map" | sort)" "$(git -C "$r" rev-list "$old_head" --not $kept | sort)" \
	"the map names every old commit from the first that touched the case"
is "$(grep -c ' 0000000000000000000000000000000000000000$' "$map")" "$(wc -l <"$tmp/a.commits")" \
	"those left out map to zeros"

# The frozen figures of 2025.
for f in md json csv; do
	expect 0 "bti-report --year 2025 --format $f after the erasure" bti-report -C "$r" --year 2025 --format "$f"
	out | cmp -s - "$tmp/before.$f"
	is $? 0 "the same bytes as before ($f)"
done
like "$(err)" "stats/2025.csv: frozen: the figures of 2025 were frozen" "stderr says they are frozen"
expect 0 "--html" bti-report -C "$r" --year 2025 --html
out | cmp -s - "$tmp/before.html"
is $? 0 "the same page as before"
is "$(git -C "$r" ls-tree --name-only HEAD stats/ | tr '\n' ' ')" \
	"stats/2025.csv stats/2025.html stats/2025.json stats/2025.md stats/2025.tsv " "2025 is frozen; 2026 is not finished"
unlike "$(cat "$r"/stats/*)" "Ola|Nordmann|$fnr|$a" "the frozen figures hold no name, id number or case id"

# The documented procedure: no object holds the name or the id number.
git -C "$r" reflog expire --expire=now --all && git -C "$r" gc -q --prune=now
is "$(scan "$r")" 0 "after reflog expire and gc, no object holds the name or the id number"

# The named case, forced: open, with a reason; the record says forced.
expect 0 "an open case is erased with --force --reason" bti-purge -C "$r" --case "$b" --force \
	--reason "Opprettet ved en feil"
is "$(yq "$rec" "[e['case'] + ':' + str(e.get('forced')) for e in d['erased']]")" "$a:None, $b:True" \
	"appended to the record, marked forced"
is "$(git -C "$r" log --format=%H HEAD -- "$pb")" "" "gone from the history"
# A report after the closing counts in its own year: that year is frozen too.
r2="$tmp/r2"
newrepo "$r2"
printf 'retention_days: 30\n' >>"$r2/bti.yaml"
git -C "$r2" -c user.name=A -c user.email=a@example.org commit -q -am "retention"
e=$(bti-new -C "$r2" --date 2024-06-01 --name "Eva Li" --born 2012-01-01 --service Skole --concern X --worry 3)
bti-level -C "$r2" --date 2024-12-01 --reason "Ubegrunnet" --cause unfounded "$e" close >/dev/null &&
bti-notify -C "$r2" --date 2025-01-15 --reason "Omsorgssvikt" --kind neglect "$e" >/dev/null &&
bti-archive -C "$r2" --date 2025-02-01 --out "$tmp/pkg-e" "$e" >/dev/null || echo "Bail out! setup r2"
bti-report -C "$r2" --year 2025 --format json >"$tmp/e2025.json"
expect 0 "a case closed in 2024 with a report in 2025" bti-purge -C "$r2"
is "$(git -C "$r2" ls-tree --name-only HEAD stats/ | grep json | tr '\n' ' ')" "stats/2024.json stats/2025.json " \
	"both years are frozen"
bti-report -C "$r2" --year 2025 --format json 2>/dev/null | cmp -s - "$tmp/e2025.json"
is $? 0 "2025 as before"

expect 0 "bti-purge with nothing past retention" bti-purge -C "$r"
is "$(out)" "" "prints nothing"
like "$(err)" "nothing erased" "and says so"
done_testing
