#!/bin/sh
# Erasure on the central bare repository, as docs/archive.md tells the
# administrator: bti-purge there, reflog expire and gc; a fresh clone has
# nothing of the case; the pre-receive hook refuses a push from a clone made
# before the erasure, which would bring the case back.
. "$(dirname "$0")/lib.sh"
. "$top/tests/cli/fixture-purge.sh"
srv="$tmp/srv.git"
git clone -q --bare "$r" "$srv" && cp "$top/hooks/pre-receive" "$srv/hooks/" &&
	git clone -q "$srv" "$tmp/old" || echo "Bail out! clones"
scan() { git -C "$1" cat-file --batch-all-objects --batch | grep -a -c -e "Ola Nordmann" -e "$fnr"; }

expect 0 "bti-purge in the bare repository" bti-purge -C "$srv" --by "Admin Adminsen"
is "$(git -C "$srv" log --format=%H HEAD -- "$pa")" "" "the branch no longer holds the case"
is "$(git -C "$srv" show HEAD:purged/2026.yaml | sed -n 's/^- case: "\(.*\)"$/\1/p')" "$a" "the record is committed"
git -C "$srv" reflog expire --expire=now --all && git -C "$srv" gc -q --prune=now
is "$(scan "$srv")" 0 "after reflog expire and gc on the server, no object holds the name or the id number"

# A clone from before: a new commit on the old history is refused.
bti-goal -C "$tmp/old" --date 2026-06-10 --text "Kari trives" "$b" >/dev/null || echo "Bail out! goal"
expect 1 "a forced push from a clone made before the erasure is refused" git -C "$tmp/old" push -q -f origin HEAD
like "$(err)" "purge/returned: commit [0-9a-f]{40} holds case $a, which was erased" "naming the erased case"
is "$(scan "$srv")" 0 "the server still holds nothing of it"

# The documented move for a clone: fetch, reset, expire, gc.
cl="$tmp/new"
git clone -q "$srv" "$cl" || echo "Bail out! clone"
is "$(scan "$cl")" 0 "a fresh clone holds nothing of the case"
bti-goal -C "$cl" --date 2026-06-10 --text "Kari trives" "$b" >/dev/null || echo "Bail out! goal"
expect 0 "a push from a fresh clone is taken" git -C "$cl" push -q origin HEAD
git -C "$tmp/old" fetch -q origin && git -C "$tmp/old" reset -q --hard origin/HEAD &&
	git -C "$tmp/old" reflog expire --expire=now --all && git -C "$tmp/old" gc -q --prune=now
is "$(scan "$tmp/old")" 0 "the old clone, moved over as documented, holds nothing of it"
done_testing
