#!/bin/sh
# #12.15: a full disk says so. A command that finds the disk full at any
# step of its commit says what happened (no space left on device), never
# "the branch moved": before the branch moves nothing is changed; after
# it, the command exits 0 with a warning and the next command finishes.
# The disk is a tiny tmpfs, filled up and then freed by k pages for
# k = 1, 2, ...: each k runs out at a later step (every file takes whole
# pages). The case file is made just short of a page, so that the goal
# makes it two: the one step after the commit that needs a page more.
# Needs root (mount); skipped otherwise.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

disk="$tmp/disk"
mkdir -p "$disk"
if ! mount -t tmpfs -o size=2m tmpfs "$disk" 2>/dev/null; then
	echo "1..0 # SKIP cannot mount a tmpfs (not root)"
	exit 0
fi
umount "$disk"
trap 'umount "$disk" 2>/dev/null; rm -rf "$tmp"' EXIT

# newcase REPO CONCERN: a case; prints its id.
newcase() {
	bti-new -C "$1" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
		--concern "$2" --worry 5 --guardian Mor
}
goal() { bti-goal -C "$r" --date 2026-02-01 --text "$1" "$id"; }
# How much a case file with a one-letter concern takes, and what the goal adds.
t="$tmp/template"
newrepo "$t"
id=$(newcase "$t" B) r=$t
s0=$(wc -c <"$t/$(cpath "$id")")
goal "Ola trives" >/dev/null
grow=$(($(wc -c <"$t/$(cpath "$id")") - s0))
rm -rf "$t"
newrepo "$t"
id=$(newcase "$t" "B$(printf "%$((4096 - s0 - grow / 2))s" | tr ' ' x)")
p=$(cpath "$id")
size=$(wc -c <"$t/$p")
[ "$size" -le 4096 ] && [ $((size + grow)) -gt 4096 ] || echo "Bail out! the case file is $size bytes, the goal adds $grow"
r="$disk/r"
: >"$tmp/bad"
steps=
k=1
while [ "$k" -le 60 ]; do
	mount -t tmpfs -o size=2m tmpfs "$disk"
	cp -a "$t" "$r"
	cat /dev/zero >"$disk/fill" 2>/dev/null
	truncate -s "-$((k * 4096))" "$disk/fill"
	head=$(git -C "$r" rev-parse HEAD)
	state "$r" >"$tmp/before" 2>/dev/null
	run goal "Ola trives"
	state "$r" >"$tmp/after" 2>/dev/null
	new=$(git -C "$r" rev-parse HEAD)
	[ -z "${DEBUG:-}" ] || echo "k=$k: $(err)" >&2
	! grep -q 'branch moved' "$tmp/err" || echo "k=$k: $(err)" >>"$tmp/bad"
	if [ "$rc" -eq 3 ]; then
		steps="$steps fail"
		grep -q 'No space left on device' "$tmp/err" || echo "k=$k: no 'No space left on device': $(err)" >>"$tmp/bad"
		grep -q 'nothing was changed' "$tmp/err" || echo "k=$k: not 'nothing was changed': $(err)" >>"$tmp/bad"
		cmp -s "$tmp/before" "$tmp/after" || echo "k=$k: exit 3 but changed: $(diff "$tmp/before" "$tmp/after")" >>"$tmp/bad"
		! grep -q 'cannot move the branch to the new commit' "$tmp/err" || steps="$steps branch"
	elif [ "$rc" -eq 0 ]; then
		[ "$(git -C "$r" rev-parse "$new~1")" = "$head" ] || echo "k=$k: exit 0 but HEAD did not move" >>"$tmp/bad"
		if [ -s "$tmp/err" ]; then
			steps="$steps unfinished"
			grep -q 'warning: repo/unfinished: the change is committed' "$tmp/err" ||
				echo "k=$k: exit 0 with: $(err)" >>"$tmp/bad"
			grep -q 'No space left on device' "$tmp/err" || echo "k=$k: no 'No space left on device': $(err)" >>"$tmp/bad"
		else
			steps="$steps done"
		fi
		rm "$disk/fill"
		run goal "Ola leser"
		[ "$rc" -eq 0 ] || echo "k=$k: the next command with space again exited $rc: $(err)" >>"$tmp/bad"
		[ "$(git -C "$r" show "HEAD:$p" | grep -c 'text: Ola trives$')" = 1 ] ||
			echo "k=$k: the goal is not in HEAD once" >>"$tmp/bad"
		git -C "$r" show "HEAD:$p" | cmp -s - "$r/$p" || echo "k=$k: the file is not HEAD's" >>"$tmp/bad"
		s=$(git -C "$r" status --porcelain --untracked-files=all)
		[ -z "$s" ] || echo "k=$k: git status: $s" >>"$tmp/bad"
		s=$(find "$r" \( -name '*.bti-tmp.*' -o -name '*.lock' -o -name bti-journal -o -name 'index.bti-*' \) ! -name bti.lock)
		[ -z "$s" ] || echo "k=$k: left behind: $s" >>"$tmp/bad"
	else
		echo "k=$k: exit $rc: $(err)" >>"$tmp/bad"
	fi
	umount "$disk"
	case $steps in *done) break ;; esac
	k=$((k + 1))
done
echo "# outcomes for k = 1..$k:$steps"
is "$(cat "$tmp/bad")" "" "a full disk at every step: the error says so and nothing changed, or the commit landed and the next command finished"
like "$steps" "branch" "#12.15: one k runs out at the branch update, and says so (not 'the branch moved')"
like "$steps" "unfinished" "one k runs out after the commit: exit 0, a warning, the next command finishes"
like "$steps" "done\$" "and with enough inodes the command just works"

done_testing
