#!/bin/sh
# The register of services in bti.yaml: bti-config changes it as one
# checked commit; with it, a service not registered is refused with the
# nearest names, and an alias is recorded as the registered name.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1

# Without a register any name goes.
expect 0 "no register: any service" bti-new --date 2026-01-12 --name A --born 2015-01-01 \
	--service "Hvilken som helst" --concern c --worry 2
old=$(out)

before=$(commits "$r")
expect 0 "bti-config service" bti-config service "Kvaløysletta skole" --kind school \
	--alias KVS --alias Kvaløysletta
like "$(out)" "^[0-9a-f]{40}$" "the commit id"
is "$(commits "$r")" $((before + 1)) "one commit"
is "$(subject "$r")" "bti-config: a service in the register" "the message"
is "$(git -C "$r" status --porcelain)" "" "the work tree follows"
expect 0 "a second service" bti-config service PPT --kind ppt
expect 0 "bti-config services" bti-config services
is "$(out)" "$(printf 'Kvaløysletta skole\tschool\tKVS;Kvaløysletta\nPPT\tppt\t')" "the register, tab-separated"
is "$(yq bti.yaml 'd["services"][0]["aliases"]')" "KVS, Kvaløysletta" "bti.yaml holds the register"

# Names, aliases, suggestions.
expect 0 "an alias, in another letter case" bti-new --date 2026-01-12 --name B --born 2015-01-02 \
	--service kvs --concern c --worry 2
b=$(out)
is "$(yq "$(cpath "$b")" 'd["service"]')" "Kvaløysletta skole" "an alias is recorded as the registered name"
unchanged 1 "an unregistered service is refused" "$r" bti-new --date 2026-01-12 --name C \
	--born 2015-01-03 --service "Kvaloysletta skule" --concern c --worry 2
golden config-unknown-service "the refusal names the nearest registered names"
expect 0 "bti-service: a registered name" bti-service --date 2026-01-13 "$b" join ppt
is "$(yq "$(cpath "$b")" 'd["services"][0]["name"]')" "PPT" "bti-service records the registered name"
unchanged 1 "bti-service: an unregistered name" "$r" bti-service --date 2026-01-13 "$b" join PTP
like "$(err)" "did you mean 'PPT'" "bti-service suggests PPT"
unchanged 1 "bti-coordinator: an unregistered service" "$r" bti-coordinator --date 2026-01-13 \
	--name K --service Skolen "$b"
unchanged 1 "bti-consent: an unregistered service" "$r" bti-consent --date 2026-01-13 \
	--from Mor --service Helsa "$b" given
expect 0 "an old case keeps its service" bti-show "$old"
like "$(out)" "service: Hvilken som helst" "an old case is not changed"

# Settings, and refusals that change nothing.
expect 0 "set suppress_below" bti-config set suppress_below 10
is "$(yq bti.yaml 'd["suppress_below"]')" 10 "suppress_below set, as a number"
expect 0 "set municipality" bti-config set municipality "Tromsø"
is "$(yq bti.yaml 'd["municipality"]')" "Tromsø" "municipality set"
unchanged 1 "suppress_below 0 is refused" "$r" bti-config set suppress_below 0
like "$(err)" "^bti-config: bti.yaml:[0-9]+:[0-9]+: config/suppress" "with its position"
unchanged 1 "lang de is refused" "$r" bti-config set lang de
unchanged 1 "an alias that is another service's name" "$r" bti-config service Helsestasjon \
	--kind health --alias ppt
like "$(err)" "config/services: 'ppt' names two services" "the clash is named"
unchanged 1 "removing a service not there" "$r" bti-config remove-service Nope
expect 0 "remove-service" bti-config remove-service ppt
is "$(bti-config services | cut -f1)" "Kvaløysletta skole" "PPT removed"
for bad in "service X" "service X --kind bogus" "set model x" "set lang" "remove-service" "frobnicate" \
	"services --kind school"; do
	# shellcheck disable=SC2086
	unchanged 2 "usage: $bad" "$r" bti-config $bad
done
printf 'x\n' >>bti.yaml
unchanged 1 "uncommitted edits of bti.yaml are refused" "$r" bti-config set lang en
git checkout -q bti.yaml

git clone -q --bare "$r" "$tmp/bare.git"
expect 0 "in a bare repository" bti-config -C "$tmp/bare.git" service NAV --kind nav
is "$(bti-config -C "$tmp/bare.git" services | cut -f1 | tr '\n' ' ')" "Kvaløysletta skole NAV " \
	"bare: the register changed"

done_testing
