#!/bin/sh
# #12.8: with 'sign: ssh' in bti.yaml every commit bti makes is signed with
# the SSH key of git config user.signingkey (ssh-keygen -Y sign, as git does
# with gpg.format=ssh); bti-check --history and --range list unsigned commits
# and signers not in allowed_signers; the pre-receive hook refuses them.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer <kari@example.no>"
command -v ssh-keygen >/dev/null || { echo "1..0 # SKIP no ssh-keygen"; exit 0; }

# tmpgolden NAME DESC: golden, with the test's temporary directory as TMP.
tmpgolden() {
	sed "s|$tmp|TMP|g" "$tmp/err" >"$tmp/err.tmp" && mv "$tmp/err.tmp" "$tmp/err"
	golden "$@"
}
# signed REPO GIT-ARGS...: git with the key, signing its commit (-S)
signed() {
	sr=$1 key=$2
	shift 2
	git -C "$sr" -c user.name="Hans Hand" -c user.email=hans@example.no -c gpg.format=ssh \
		-c user.signingkey="$key" "$@"
}
# verify REPO REV: git verify-commit against the repository's allowed_signers.
verify() { git -C "$1" -c gpg.ssh.allowedSignersFile="$1/allowed_signers" verify-commit "$2" 2>&1; }

ssh-keygen -q -t ed25519 -N '' -C kari -f "$tmp/kari"
ssh-keygen -q -t ed25519 -N '' -C other -f "$tmp/other"
r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
is "$(git -C "$r" cat-file -p HEAD | grep -c '^gpgsig')" "0" "without sign: in bti.yaml, commits are not signed"

# Signing is turned on by a commit that its own key signs.
echo "kari@example.no $(cat "$tmp/kari.pub")" >"$r/allowed_signers"
echo "sign: ssh" >>"$r/bti.yaml"
git -C "$r" add allowed_signers bti.yaml
expect 0 "the commit turning signing on, signed by git" signed "$r" "$tmp/kari" commit -q -S -m "sign commits"
expect 0 "bti-check --history: all well" bti-check -C "$r" --history

# Without a key nothing is committed.
unchanged 3 "no user.signingkey: refused" "$r" bti-level -C "$r" --date 2026-01-12 --reason "Tiltak" "$id" 1
golden sign-no-key "the message says how to set the key"
git -C "$r" config user.signingkey "$tmp/nosuchkey"
unchanged 3 "a user.signingkey that does not exist: refused" "$r" bti-level -C "$r" --date 2026-01-12 --reason "Tiltak" "$id" 1
tmpgolden sign-missing-key "the message names the file"
git -C "$r" config user.signingkey "$tmp/kari"
expect 0 "with the key bti-level commits" bti-level -C "$r" --date 2026-01-12 --reason "Tiltak" "$id" 1
like "$(verify "$r" HEAD)" 'Good "git" signature for kari@example.no with ED25519 key' "git verify-commit: a good signature"
expect 0 "bti-goal" bti-goal -C "$r" --date 2026-01-13 --text "Sover godt" "$id"
id2=$(bti-new -C "$r" --date 2026-01-14 --name Kari --born 2014-01-02 --service Skole --concern B --worry 3)
like "$(git -C "$r" -c gpg.ssh.allowedSignersFile="$r/allowed_signers" log -1 --show-signature)" \
	'Good "git" signature for kari@example.no' "git log --show-signature"
is "$(git -C "$r" -c gpg.ssh.allowedSignersFile="$r/allowed_signers" log -4 --format=%G?)" "G
G
G
G" "every commit since, signed and good (%G?)"
expect 0 "bti-correct signs too" bti-correct -C "$r" --date 2026-01-20 --reason "Feil" "$id" g1
like "$(verify "$r" HEAD)" 'Good "git" signature' "good"
expect 0 "bti-check --history: all well" bti-check -C "$r" --history
is "$(out)" "" "silent"

# A bare central repository with the hook.
central="$tmp/central.git"
git clone -q --bare "$r" "$central"
cp "$top/hooks/pre-receive" "$central/hooks/pre-receive"
chmod +x "$central/hooks/pre-receive"
git -C "$r" remote add central "$central"
main() { git -C "$central" rev-parse main; }

# An unsigned hand commit.
echo "Notater" >"$r/NOTES.txt"
git -C "$r" add NOTES.txt
git -C "$r" -c user.name="Hans Hand" -c user.email=hans@example.no commit -q -m "unsigned"
unsigned=$(git -C "$r" rev-parse HEAD)
expect 1 "bti-check --history lists an unsigned commit" bti-check -C "$r" --history
is "$(out)" "$unsigned: history/unsigned: the commit is not signed, but bti.yaml says 'sign: ssh' (commit by Hans Hand <hans@example.no>)" "history/unsigned, with the commit and its author"
before=$(main)
run git -C "$r" push central main
[ "$rc" -ne 0 ] && pass "the pre-receive hook refuses a push with an unsigned commit" || fail "the pre-receive hook refuses a push with an unsigned commit"
like "$(err)" "remote: $unsigned: history/unsigned" "and says so"
is "$(main)" "$before" "the central main did not move"
git -C "$r" reset -q --hard HEAD~1

# Signed by a key that is not allowed.
echo "Notater" >"$r/NOTES.txt"
git -C "$r" add NOTES.txt
signed "$r" "$tmp/other" commit -q -S -m "signed by another key"
other=$(git -C "$r" rev-parse HEAD)
expect 1 "bti-check --history lists a signer not in allowed_signers" bti-check -C "$r" --history
is "$(out)" "$other: history/signer: the commit is not signed by a key in allowed_signers (commit by Hans Hand <hans@example.no>)" "history/signer"
run git -C "$r" push central main
[ "$rc" -ne 0 ] && pass "the hook refuses it" || fail "the hook refuses it"
is "$(main)" "$before" "the central main did not move"
git -C "$r" reset -q --hard HEAD~1

# A commit that adds its own key is not enough; one an allowed key signed is.
echo "per@example.no $(cat "$tmp/other.pub")" >>"$r/allowed_signers"
git -C "$r" add allowed_signers
signed "$r" "$tmp/other" commit -q -S -m "let me in"
expect 1 "a key added by a commit that key signed: history/signer" bti-check -C "$r" --history
like "$(out)" "history/signer" "history/signer"
git -C "$r" reset -q --soft HEAD~1
signed "$r" "$tmp/kari" commit -q -S -m "Per may sign"
echo "Notater" >"$r/NOTES.txt"
git -C "$r" add NOTES.txt
signed "$r" "$tmp/other" commit -q -S -m "signed by Per"
expect 0 "a key added by a commit an allowed key signed" bti-check -C "$r" --history
expect 0 "the push is accepted" git -C "$r" push -q central main
is "$(main)" "$(git -C "$r" rev-parse HEAD)" "the central main moved"
expect 0 "bti-check --history in the bare repository" bti-check -C "$central" --history

# Turning signing off takes a signed commit too.
sed -i '/^sign: ssh$/d' "$r/bti.yaml"
git -C "$r" -c user.name=H -c user.email=h@x commit -q -am "stop signing"
expect 1 "an unsigned commit that turns signing off is listed" bti-check -C "$r" --range main~1..main
like "$(out)" "history/unsigned" "history/unsigned"
git -C "$r" reset -q --hard HEAD~1

sed -i "s/^sign: ssh$/sign: gpg/" "$r/bti.yaml"
git -C "$r" -c user.name=H -c user.email=h@x commit -q --no-verify -am "sign: gpg"
expect 3 "'sign: gpg' is not a setting" bti-level -C "$r" --date 2026-01-20 --reason x "$id2" 1
like "$(err)" "bti.yaml:[0-9]+:[0-9]+: config/sign: 'sign:' can only be ssh" "config/sign"

done_testing
