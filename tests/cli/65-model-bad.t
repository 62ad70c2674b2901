#!/bin/sh
# A bad model (unknown key, unknown level in a transition, a decision mapped
# to a level that does not exist, a negative deadline, a role without all
# three languages) is refused by bti-init and bti-check with
# FILE:LINE:COL: rule: message, and nothing is written.
. "$(dirname "$0")/lib.sh"
src="$top/schema/models/hoyanger.yaml"

bad() {     # bad NAME SED-SCRIPT: a broken copy of the Høyanger model
	sed -e "$2" "$src" >"$tmp/$1.yaml"
	cmp -s "$src" "$tmp/$1.yaml" && echo "Bail out! $1: the edit changed nothing"
}
bad unknown-key 's/^refusal_blocks: true$/refusal_block: true/'
bad transition 's/^  - {from: 3, to: 2}$/  - {from: 3, to: 4}/'
bad decision 's/^  level-3: {effect: level, level: 3,/  level-3: {effect: level, level: 5,/'
bad deadline 's/^report: {kinds: \[violence, sexual-abuse\], days: 0}$/report: {kinds: [violence, sexual-abuse], days: -1}/'
bad role 's/^  coordinator: {nb: "stafettholder", nn: "stafetthaldar", en: "coordinator"}$/  coordinator: {nb: "stafettholder", nn: "stafetthaldar"}/'
for b in unknown-key transition decision deadline role; do
	expect 1 "bti-init refuses the model: $b" bti-init --by Admin --model "$tmp/$b.yaml" "$tmp/r-$b"
	sed "s#$tmp/##" "$tmp/err" >"$tmp/err.rel" && mv "$tmp/err.rel" "$tmp/err"
	golden "model-$b" "$b: FILE:LINE:COL: rule: message"
	if [ -e "$tmp/r-$b" ]; then fail "$b: nothing written"; else pass "$b: nothing written"; fi
done
expect 0 "the unbroken model is accepted" bti-init --by Admin --model "$src" "$tmp/ok"

# bti-init into an existing repository writes nothing either.
r="$tmp/r"
git init -q "$r"
unchanged 1 "bti-init in an existing repository with a bad model changes nothing" "$r" \
	bti-init --by Admin --model "$tmp/role.yaml" "$r"

# A model edited by hand and committed: bti-check reports it where it is.
c="$tmp/c"
newrepo "$c" --model hoyanger
cp "$tmp/transition.yaml" "$c/models/hoyanger.yaml"
git -C "$c" -c user.name=A -c user.email=a@b commit -q --no-verify -am "hand edit"
expect 1 "bti-check refuses the committed bad model as invalid data, not a system error" \
	bti-check -C "$c"
is "$(err)" "" "the finding is bti-check's output, not an error message"
cp "$tmp/out" "$tmp/err"
golden check-model-transition "on stdout as FILE:LINE:COL: rule: message, as a bad case is"
expect 1 "bti-check --rev HEAD refuses it as well" bti-check -C "$c" --rev HEAD
like "$(out)" '^models/hoyanger.yaml:[0-9]+:[0-9]+: model/format: ' "with its place"

# A bti.yaml that is invalid data is refused the same way; none committed
# at all is a repository error.
git -C "$c" checkout -q HEAD~1 -- models/hoyanger.yaml
sed -i "s/^lang: .*/lang: xx/; \$a lang: xx" "$c/bti.yaml"
git -C "$c" -c user.name=A -c user.email=a@b commit -q --no-verify -am "hand edit 2"
expect 1 "bti-check refuses an invalid committed bti.yaml" bti-check -C "$c"
like "$(out)" '^bti.yaml:[0-9]+:[0-9]+: ' "on stdout with its place"
git -C "$c" rm -q bti.yaml
git -C "$c" -c user.name=A -c user.email=a@b commit -q --no-verify -m "no config"
expect 3 "no bti.yaml committed stays a repository error" bti-check -C "$c"
like "$(err)" '^bti-check: bti.yaml: repo: no bti.yaml committed' "on stderr"
done_testing
