#!/bin/sh
# Changing commands in a bare repository (a server's central one): each
# change is one commit on the branch, without a work tree, an index or a
# journal; refusals change nothing; clones pull the commits as usual.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r" b="$tmp/central.git" c="$tmp/clone"
newrepo "$r"
git clone -q --bare "$r" "$b"

expect 0 "bti-new in a bare repository" bti-new -C "$b" --date 2026-01-10 --name Ola \
	--born 2015-06-02 --service Skole --concern Bekymring --worry 5 --guardian Mor
id=$(out)
like "$id" '^2026-[0-9A-HJKMNP-TV-Z]{6}$' "it prints the case id"
p="$(cpath $id)"
is "$(git -C "$b" cat-file -t "main:$p")" blob "the case is committed on the branch"
is "$(subject "$b")" "bti-new $id: opened at level 0" "one commit, with the usual message"
expect 0 "bti-level in a bare repository" bti-level -C "$b" --date 2026-01-20 --reason Tiltak "$id" 1
like "$(out)" '^[0-9a-f]{40}$' "it prints the commit id"
is "$(out)" "$(git -C "$b" rev-parse main)" "the branch is at that commit"
is "$(git -C "$b" show "main:$p" | yq /dev/stdin 'd["levels"][-1]["level"]')" 1 "the committed case is at level 1"
expect 0 "bti-measure in a bare repository" bti-measure -C "$b" --date 2026-01-21 \
	--what Samtaler --responsible Lærer --evaluate-by 2026-03-01 "$id"
is "$(commits "$b")" 4 "one commit per command"
is "$(ls "$b" | grep -c -e '^index$' -e bti-journal)" 0 "no index and no journal in the bare repository"
expect 0 "bti-check --history passes" bti-check -C "$b" --history
expect 0 "git fsck passes" git -C "$b" fsck --no-dangling

# Refusals change nothing: refs, objects, files.
unchanged 1 "a move the model does not allow is refused" "$b" \
	bti-level -C "$b" --date 2026-01-22 --reason Hopp "$id" 5
like "$(err)" "schema/range" "with the rule"
unchanged 1 "an unknown case is refused" "$b" \
	bti-level -C "$b" --date 2026-01-22 --reason Tiltak 2026-ZZZZZZ 1
unchanged 2 "a usage error is refused" "$b" bti-level -C "$b" "$id"

# A clone pulls the commits and has a clean work tree; its own change,
# pushed, is the base of the next change in the bare repository.
git clone -q "$b" "$c"
is "$(git -C "$c" status --porcelain)" "" "a clone of it is clean"
is "$(yq "$c/$p" 'd["measures"][0]["what"]')" Samtaler "and has the measure"
expect 0 "a change in the clone" bti-goal -C "$c" --date 2026-01-23 --text "Trives på skolen" "$id"
expect 0 "is pushed" git -C "$c" push -q origin main
expect 0 "the next change in the bare repository builds on it" bti-level -C "$b" \
	--date 2026-01-24 --reason Mål --cause goal-reached "$id" close
is "$(git -C "$b" show "main:$p" | yq /dev/stdin 'len(d["goals"])')" 1 "the pushed goal is kept"
git -C "$c" pull -q
is "$(git -C "$c" status --porcelain)" "" "the clone pulls the closing cleanly"
is "$(yq "$c/$p" 'd["levels"][-1].get("closed") is not None')" True "and the case is closed there"

# Parallel writers in the bare repository: every change is one commit.
before=$(commits "$b")
w=1
while [ "$w" -le 4 ]; do
	(j=1; while [ "$j" -le 10 ]; do
		bti-new -C "$b" --date 2026-02-01 --name "Barn $w-$j" --born 2014-01-01 \
			--service Skole --concern Bekymring --worry 3 --guardian Mor >/dev/null ||
			echo "writer $w op $j failed" >>"$tmp/failures"
		j=$((j + 1))
	done) &
	w=$((w + 1))
done
wait
is "$(cat "$tmp/failures" 2>/dev/null)" "" "4 parallel writers, 10 commands each: none failed"
is "$(commits "$b")" $((before + 40)) "40 commits"
is "$(git -C "$b" ls-tree -r --name-only main cases | wc -l | tr -d ' ')" 41 "41 cases"
expect 0 "git fsck passes" git -C "$b" fsck --no-dangling

done_testing
