#!/bin/sh
# A repository's model changes over time: bti-init --update commits the new
# model in one commit and lists the cases its rules refuse; bti-check then
# refuses them, and bti-check --history still judges each older commit by
# the model in force then.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærar"

r="$tmp/r"
newrepo "$r" --model four-level --lang nn
id=$(bti-new -C "$r" --date 2026-01-05 --name "Ola Vik" --born 2014-09-01 --service "Høyanger skule" \
	--concern "Fråvær" --worry 5 --guardian "Mor Vik")
bti-coordinator -C "$r" --date 2026-01-05 --name "Kari Lærar" --service "Høyanger skule" "$id" >/dev/null
bti-level -C "$r" --date 2026-01-06 --reason "Internt" "$id" 1 >/dev/null
bti-consent -C "$r" --date 2026-01-07 --from "Mor Vik" --service PPT --service BUP "$id" given >/dev/null
bti-service -C "$r" --date 2026-01-07 "$id" join PPT >/dev/null
bti-service -C "$r" --date 2026-01-07 "$id" join BUP >/dev/null
bti-level -C "$r" --date 2026-01-08 --reason "Samarbeid" "$id" 2 >/dev/null || echo "Bail out! setup failed"
before=$(commits "$r")

# A broken model is refused and nothing is written.
sed 's/^  - {from: 3, to: 2}$/  - {from: 3, to: 9}/' "$top/schema/models/hoyanger.yaml" >"$tmp/bad.yaml"
unchanged 1 "--update with a bad model is refused" "$r" bti-init -C "$r" --update --model "$tmp/bad.yaml"
like "$(err)" "bad.yaml:[0-9]+:[0-9]+: schema/range: transitions.5..to" "with FILE:LINE:COL"
unchanged 2 "--update with --lang is a usage error" "$r" bti-init --update --model hoyanger --lang en "$r"

# Høyanger: level 2 has two services; this case has three.
expect 0 "--update --model hoyanger" bti-init --by "Admin" --update --model hoyanger "$r"
like "$(out)" '^[0-9a-f]{40}$' "prints the commit id"
is "$(commits "$r")" "$((before + 1))" "one commit"
is "$(git -C "$r" show --stat --format=%s HEAD | sed -n '1p;/|/p' | sed 's/ *|.*//; s/^ *//')" \
	"bti-init: model hoyanger in force
bti.yaml
models/hoyanger.yaml" "it changes bti.yaml and adds models/hoyanger.yaml"
is "$(git -C "$r" show HEAD:bti.yaml | grep -E '^(model|lang):')" "model: hoyanger
lang: nn" "bti.yaml names the new model and keeps the language"
like "$(err)" "level/services: levels\\[2\\]: level 2 in the model hoyanger has at most 2 services" \
	"the case the new rules refuse is listed"
like "$(err)" "1 of 1 cases break the rules of the model hoyanger" "with a count"
expect 1 "bti-check refuses the case under the new model" bti-check -C "$r"
like "$(out)" "level/services" "and says why"
expect 0 "bti-check --history judges each commit by the model then in force" bti-check -C "$r" --history
is "$(out)" "" "no old commit is refused"
done_testing
