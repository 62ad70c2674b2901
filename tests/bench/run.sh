#!/bin/sh
# run.sh: the benchmarks of issue 6 (`make bench`). Generates a case
# repository for each size in BENCH_SIZES (default "1000 10000 100000")
# once, under BENCH_DIR (default /tmp/bti-bench), and measures in the same
# run, so every ratio is against baselines measured alongside:
#   workload 1: bti-level and bti-measure against edit.py (PyYAML + git CLI)
#               and edit_yq.sh (yq + git CLI);
#   workload 4: BENCH_BATCH (1000) changes through one bti-batch, and
#               git add && git commit of one change with git's CLI;
#   workload 2: bti-report --year 2025 --format tsv, cold and warm, against
#               stats.py (PyYAML) and the libyaml floors, with peak memory,
#               and a diff of the figures.
# Prints a Markdown table and writes it into the results section of
# docs/bench.md (BENCH_DOC= to leave it alone). Settings: see bench.py and
# docs/bench.md. Needs python3 with PyYAML (libyaml), git, a C compiler,
# libyaml-dev and libgit2-dev; yq/jq are optional.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${BTI_BIN:=$root/bin}"
: "${BENCH_DIR:=/tmp/bti-bench}"
export BTI_BIN BENCH_DIR

for c in bti-init bti-level bti-measure bti-report bti-check bti-batch; do
	[ -x "$BTI_BIN/$c" ] || { echo "run.sh: $BTI_BIN/$c is missing; run make first" >&2; exit 2; }
done
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || {
	echo "run.sh: python3 with PyYAML and its libyaml loader is needed (python3-yaml)" >&2
	exit 2
}

# The timer, and the floors: libyaml alone, over files and over committed blobs.
floors=$BENCH_DIR/floors
mkdir -p "$floors"
cc=${CC:-cc}
$cc -O2 -o "$floors/timer" "$here/timer.c"
$cc -O2 -o "$floors/floor" "$here/floor.c" -lyaml -lpthread
# shellcheck disable=SC2046 # pkg-config prints several words
$cc -O2 $(pkg-config --cflags libgit2) -o "$floors/floor_git" "$here/floor_git.c" \
	$(pkg-config --libs libgit2) -lyaml -lpthread
export BENCH_FLOORS="$floors"

exec python3 "$here/bench.py"
