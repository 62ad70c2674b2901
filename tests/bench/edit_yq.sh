#!/bin/sh
# edit_yq.sh DIR CASE-ID LEVEL|close DATE REASON NAME [CAUSE]: workload 1
# with the yq command line (the jq wrapper: Debian's yq, `pip install yq`)
# and the git CLI, as edit.py does it with PyYAML. yq rewrites the whole
# file (dates come out quoted, which bti still reads as dates); nothing is
# checked against the rules.
set -eu
dir=$1 id=$2 level=$3 date=$4 reason=$5 by=$6 cause=${7:-goal-reached}
rest=${id#*-}
file=cases/${id%%-*}/$(printf %.1s "$rest")/$id.yaml
cd "$dir"
# shellcheck disable=SC2016 # $d, $l, ... are jq's variables, not the shell's
if [ "$level" = close ]; then
	yq -Y -i --indentless -w 100000 --arg d "$date" --arg c "$cause" --arg r "$reason" \
		--arg by "$by" '.levels += [{date: $d, level: .levels[-1].level, closed: true,
		cause: $c, reason: $r, by: $by}]' "$file"
else
	yq -Y -i --indentless -w 100000 --arg d "$date" --argjson l "$level" --arg r "$reason" \
		--arg by "$by" '.levels += [{date: $d, level: $l, reason: $r, by: $by}]' "$file"
fi
git add -- "$file"
GIT_AUTHOR_NAME=$by GIT_COMMITTER_NAME=$by \
	GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-bench@example.invalid} \
	GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-bench@example.invalid} \
	git commit -q --no-verify -m "level $id: $level"
