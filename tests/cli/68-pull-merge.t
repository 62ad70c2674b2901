#!/bin/sh
# git pull must merge: a clone whose new entry is dated before one the pull
# brings, pulled by rebase, replays it as an ordinary commit that puts the
# pulled entry before it (history/rewrite), and the pre-receive hook
# refuses the push. bti-init --hooks sets pull.rebase=false in the clone,
# over a user's pull.rebase=true, and says so; a plain git pull then merges
# and the push is accepted.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

central="$tmp/central.git"
newrepo "$tmp/seed"
id=$(bti-new -C "$tmp/seed" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
bti-level -C "$tmp/seed" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null
git clone -q --bare "$tmp/seed" "$central"
cp "$top/hooks/pre-receive" "$central/hooks/pre-receive"
chmod +x "$central/hooks/pre-receive"
p=$(cpath "$id")

# The users of this machine rebase on pull (git config --global).
git config --global pull.rebase true
# clone NAME: a clone of the central repository, set up as README says.
clone() {
	git clone -q "$central" "$tmp/$1" && bti-init --hooks "$tmp/$1" 2>"$tmp/$1.err" &&
	git -C "$tmp/$1" config user.name "$1" && git -C "$tmp/$1" config user.email "$1@example.no" ||
	echo "Bail out! clone $1"
}
clone a
clone b
a="$tmp/a" b="$tmp/b"
is "$(git -C "$b" config --local pull.rebase)" "false" "bti-init --hooks sets pull.rebase=false in the clone"
is "$(git -C "$b" config --global pull.rebase)" "true" "the user's own setting is left as it was"
cp "$tmp/b.err" "$tmp/err"
golden init-pull-rebase "bti-init --hooks says that it overrode pull.rebase, and why"
expect 0 "run again, with pull.rebase=false already" bti-init --hooks "$b"
is "$(err)" "" "nothing to say"

meeting() {     # meeting REPO DATE MINUTES
	bti-meeting -C "$1" --date "$2" --kind plan --participant Mor --child-present --minutes "$3" "$id" >/dev/null
}
# A records a meeting of 1 March and pushes; B, not yet pulled, one of 1 February.
meeting "$a" 2026-03-01 "A-referat"
git -C "$a" push -q origin main
meeting "$b" 2026-02-01 "B-referat"
git -C "$b" branch -q before-pull
expect 0 "b: a plain git pull" git -C "$b" pull --no-edit
is "$(git -C "$b" rev-list --count --merges HEAD^..HEAD)" "1" "it merged (a merge commit), not rebased"
is "$(yq "$b/$p" '[m["minutes"] for m in d["meetings"]]')" "B-referat, A-referat" "meetings in date order"
expect 0 "bti-check --history passes in b" bti-check -C "$b" --history
expect 0 "the pre-receive hook accepts b's push" git -C "$b" push -q origin main
is "$(git -C "$central" rev-parse main)" "$(git -C "$b" rev-parse HEAD)" "the central repository has it"

# The same commits by rebase: what pull.rebase=false keeps a plain git
# pull from doing.
git -C "$b" reset -q --hard before-pull
expect 0 "b: the same commits by rebase" git -C "$b" rebase -q "$(git -C "$a" rev-parse HEAD)"
run bti-check -C "$b" --history
like "$(out)" "history/rewrite: meetings\\[0\\]: an earlier entry was changed or removed" \
	"by rebase: bti-check --history reports the rewrite"

# branch.NAME.rebase outranks pull.rebase: named, not changed.
git -C "$a" config branch.main.rebase true
expect 0 "bti-init --hooks with branch.main.rebase=true" bti-init --hooks "$a"
like "$(err)" "^bti-init: warning: init/pull: branch.main.rebase=true makes git pull rebase that branch all the same" \
	"it names branch.main.rebase"
is "$(git -C "$a" config branch.main.rebase)" "true" "and leaves it alone"
done_testing
