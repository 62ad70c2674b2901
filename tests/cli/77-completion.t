#!/bin/sh
# The bash completion: options from --help, case ids from bti-list, levels
# and closing causes from the repository's model, services from its cases,
# in the repository -C names.
. "$(dirname "$0")/lib.sh"

if ! command -v bash >/dev/null; then
	echo "1..0 # SKIP no bash"
	exit 0
fi
r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
a=$(bti-new -C "$r" --date 2026-01-12 --name A --born 2015-06-02 --service "Kvaløysletta skole" \
	--concern c --worry 2)
bti-service -C "$r" --date 2026-01-13 "$a" join PPT >/dev/null
r4="$tmp/r4"
newrepo "$r4" --model four-level
# comp DIR WORD...: the completions of the last word, '|'-separated, run in DIR.
comp() {
	(cd "$1" && shift && bash -c '. "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _bti
		printf "%s|" "${COMPREPLY[@]}"' "$top/contrib/bash-completion/bti" "$@")
}
is "$(comp "$r" bti-level --ca)" "--cause|" "an option, from --help"
is "$(comp "$r" bti-list --for)" "--format|" "bti-list's options"
is "$(comp "$r" bti-level --reason x "")" "$a|" "case ids"
is "$(comp "$r" bti-level --reason x "$a" "")" "0|1|2|close|" "levels after a case id, and close"
is "$(comp "$r" bti-list --level "")" "0|1|2|" "levels of the three-level model"
is "$(comp "$tmp" bti-list -C "$r4" --level "")" "0|1|2|3|" "levels of the repository -C names"
is "$(comp "$r" bti-level --cause "")" \
	"goal-reached|unfounded|moved|barnevern|individual-plan|consent-withdrawn|declined|other|" \
	"closing causes from the model"
is "$(comp "$r" bti-list --service "")" "Kvaløysletta skole|PPT|" "services from the cases"
is "$(comp "$r" bti-show --format "")" "yaml|json|md|html|" "formats from --help"
bti-config -C "$r" service "Tromsdalen skole" --kind school --alias TS >/dev/null
bti-config -C "$r" service Helsestasjon --kind health >/dev/null
is "$(comp "$r" bti-new --service "")" "Tromsdalen skole|Helsestasjon|" "services from the register, once there is one"
is "$(comp "$r" bti-service "$a" join T)" "Tromsdalen skole|" "bti-service join: registered names"

done_testing
