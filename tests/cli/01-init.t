#!/bin/sh
# bti-init: creating and adopting case repositories.
. "$(dirname "$0")/lib.sh"

expect 0 "init creates a repository" bti-init --by "Admin" --municipality Tromsø "$tmp/r"
like "$(out)" '^[0-9a-f]{40}$' "prints the commit id"
is "$(git -C "$tmp/r" rev-parse HEAD)" "$(out)" "the printed id is HEAD"
is "$(git -C "$tmp/r" symbolic-ref HEAD)" "refs/heads/main" "the branch is main"
is "$(git -C "$tmp/r" ls-files | tr '\n' ' ')" ".gitattributes bti.yaml models/three-level.yaml " "commits bti.yaml, the model and .gitattributes"
like "$(cat "$tmp/r/bti.yaml")" '^model: three-level$' "bti.yaml names the default model"
like "$(cat "$tmp/r/bti.yaml")" '^municipality: Tromsø$' "bti.yaml names the municipality"
is "$(git -C "$tmp/r" status --porcelain)" "" "the work tree is clean"
is "$(git -C "$tmp/r" log --format=%an)" "Admin" "the author is --by"
is "$(git -C "$tmp/r" log --format=%B | grep -c BTI-Event)" "1" "the commit has a BTI-Event trailer"

unchanged 1 "init refuses a repository that already is one" "$tmp/r" bti-init --by Admin "$tmp/r"
like "$(err)" 'already a case repository' "and says so"

expect 0 "init with the four-level model" bti-init --by Admin --model four-level "$tmp/r4"
like "$(cat "$tmp/r4/bti.yaml")" '^model: four-level$' "bti.yaml names four-level"
test -f "$tmp/r4/models/four-level.yaml" && pass "the model file is in the repository" || fail "the model file is in the repository"

# Adopting an existing git repository with history.
git init -q -b main "$tmp/old"
echo hello >"$tmp/old/README"
git -C "$tmp/old" add README
git -C "$tmp/old" -c user.name=X -c user.email=x@example.org commit -qm first
expect 0 "init adopts an existing repository" bti-init --by Admin "$tmp/old"
is "$(git -C "$tmp/old" rev-list --count HEAD)" "2" "on top of its history"

# Author from git config; refusal without any.
git init -q -b main "$tmp/noauthor"
unchanged 2 "init refuses when no author is known" "$tmp/noauthor" bti-init "$tmp/noauthor"
like "$(err)" 'author: who is making this change' "and says how to name one"
git -C "$tmp/noauthor" config user.name "Config Person"
expect 0 "init takes the author from git config" bti-init "$tmp/noauthor"
is "$(git -C "$tmp/noauthor" log -1 --format=%an)" "Config Person" "the author is user.name"
export BTI_USER="Env Person"
expect 0 "BTI_USER names the author" bti-init "$tmp/envauthor"
unset BTI_USER
is "$(git -C "$tmp/envauthor" log -1 --format=%an)" "Env Person" "the author is BTI_USER"

expect 2 "unknown model is a usage error" bti-init --by A --model nosuch "$tmp/x"
test ! -e "$tmp/x" && pass "and creates nothing" || fail "and creates nothing"
expect 2 "bad --lang is a usage error" bti-init --by A --lang de "$tmp/x"
expect 0 "--help" bti-init --help
like "$(out)" '^usage: bti-init' "--help prints usage"
expect 0 "--version" bti-init --version

done_testing
