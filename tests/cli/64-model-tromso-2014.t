#!/bin/sh
# Tromsø 2014 (seed 001): parents or the young person may ask for a case;
# the stafettlogg (level 1, with its stafettholder) comes after consent; the
# age group is 0-23.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r" --model tromso-2014
# "Foreldre/ungdom kan også be om at det opprettes en stafettholder og en stafettlogg".
expect 0 "the young person asks for a case" bti-new -C "$r" --date 2026-02-01 --name "Mads Nilsen" \
	--born 2008-03-01 --service "Tromsø fritidsklubb" --concern "Ber selv om hjelp" --worry 5 \
	--guardian "Mor Nilsen" --source family
id=$(out)
f="$r/$(cpath $id)"
is "$(yq "$f" '[d["concern"]["source"], d["levels"][0]["reason"]]')" "family, Sak opprettet" \
	"the source and the opening reason"
# "Aldersgruppen er 0 til 23 år".
unchanged 1 "a 24-year-old is refused" "$r" bti-new -C "$r" --date 2026-02-01 --name "Eldre" \
	--born 2001-06-01 --service "NAV" --concern "C" --worry 3
like "$(err)" 'case/target: child: Eldre is 24 on the opening date; the model tromso-2014 covers ages 0 to 23' \
	"the error gives the age group"
# "Stafettloggen opprettes etter samtykke fra foreldre (og ungdom)".
unchanged 1 "level 1 (stafettlogg) without a stafettholder is refused" "$r" bti-level -C "$r" \
	--date 2026-02-02 --reason "Stafettlogg" "$id" 1
like "$(err)" 'coordinator/missing: levels\[1\]: level 1 needs a stafettholder' "names the stafettholder"
unchanged 1 "the stafettholder before the consent is refused" "$r" bti-coordinator -C "$r" --date 2026-02-02 \
	--name "Kari Lærer" --service "Tromsø fritidsklubb" "$id"
golden tromso2014-consent "the error asks for the consent first"
expect 0 "the mother and the young person consent" bti-consent -C "$r" --date 2026-02-02 \
	--from "Mor Nilsen" --from "Mads Nilsen" --service "Tromsø fritidsklubb" "$id" given
expect 0 "then the stafettholder is named" bti-coordinator -C "$r" --date 2026-02-02 \
	--name "Kari Lærer" --service "Tromsø fritidsklubb" "$id"
expect 0 "then the stafettlogg is opened" bti-level -C "$r" --date 2026-02-02 --reason "Stafettlogg" "$id" 1
expect 0 "bti-check accepts the case" bti-check -C "$r"
done_testing
