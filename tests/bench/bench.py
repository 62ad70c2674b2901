#!/usr/bin/env python3
"""bench.py: runs the two workloads of issue 6 and prints the results table.

Called by tests/bench/run.sh, which builds the floors and passes the
settings through the environment (see run.sh and docs/bench.md):

    BENCH_SIZES   case counts (default "1000 10000 100000")
    BENCH_REPS    workload-1 repetitions, one distinct case each (default 15)
    BENCH_RUNS    workload-2 warm runs after one warm-up run (default 3)
    BENCH_COLD    workload-2 cold runs (default 2; 1 for the Python baseline
                  and the work-tree floors at 50,000 cases or more)
    BENCH_DIR     where the repositories are generated (default /tmp/bti-bench)
    BENCH_DOC     the Markdown file whose results section is replaced
                  (default docs/bench.md; empty: none)
    BENCH_CHECK   0: do not run bti-check over each generated repository
    BENCH_BATCH   workload-4 changes through one bti-batch (default 1000)
    BENCH_HISTORY workload-5 commit counts: one history of the largest count
                  is generated on top of the largest repository, and
                  `bti-check --history` is timed over its first k commits for
                  each k (default "10000 100000 1000000"; empty: none)
    BENCH_COLD_RESET  a shell command run before each cold bti-report run,
                  with $REPO set, to remove any cache bti keeps outside the
                  repository (a cache inside it is avoided anyway: each cold
                  run reads a fresh `git clone --shared --bare`)
    BTI_BIN       the bti commands (default bin/)

Every command runs under timer.c (built by run.sh), which forks it from a
small process and waits for it with wait4: wall time from fork to exit, CPU
time user+sys, and the peak memory `/usr/bin/time -v` prints as "Maximum
resident set size" (ru_maxrss), without a shell or Python in between.
"""
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.environ.get("BTI_BIN") or os.path.join(ROOT, "bin")
SIZES = [int(x) for x in os.environ.get("BENCH_SIZES", "1000 10000 100000").split()]
REPS = int(os.environ.get("BENCH_REPS", "15"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
COLD = int(os.environ.get("BENCH_COLD", "2"))
WORK = os.environ.get("BENCH_DIR", "/tmp/bti-bench")
FLOORS = os.environ.get("BENCH_FLOORS", os.path.join(WORK, "floors"))
DOC = os.environ.get("BENCH_DOC", os.path.join(ROOT, "docs", "bench.md"))
COLD_RESET = os.environ.get("BENCH_COLD_RESET", "")
CHECK = os.environ.get("BENCH_CHECK", "1") != "0"
BATCH = int(os.environ.get("BENCH_BATCH", "1000"))
HISTORY = [int(x) for x in os.environ.get("BENCH_HISTORY", "10000 100000 1000000").split()]
YEAR = "2025"
WHEN = "2026-11-15"          # workload-1 changes: after every generated event
TODAY = "2026-11-30"         # BTI_TODAY: fixes "today" for the figures and --date
BY = "Kari Lærer"
ENV = dict(os.environ, BTI_TODAY=TODAY, BTI_USER=BY, LC_ALL="C.UTF-8")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Run:
    def __init__(self, wall, cpu, rss, out):
        self.wall, self.cpu, self.rss, self.out = wall, cpu, rss, out


TIMER = os.path.join(FLOORS, "timer")
RESULT = os.path.join(WORK, "timer.out")


def run(cmd, keep=False, env=None):
    """Runs cmd once through timer.c: wall time, CPU time (user+sys), peak
    RSS (KiB) of the command alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.run([TIMER, RESULT] + cmd, stdout=out, stderr=err, env=env or ENV)
        with open(RESULT) as f:
            wall, cpu, rss, _ = f.read().split()
        if p.returncode != 0:
            err.seek(0)
            out.seek(0)
            raise SystemExit(f"bench: {' '.join(cmd)}: exit {p.returncode}\n"
                             f"{err.read().decode(errors='replace')[:3000]}"
                             f"{out.read().decode(errors='replace')[:1000]}")
        data = None
        if keep:
            out.seek(0)
            data = out.read().decode()
    return Run(float(wall), float(cpu), int(rss), data)


DROP_OK = None


def drop_caches():
    """Empties the page cache (root, and a kernel that lets us)."""
    global DROP_OK
    if DROP_OK is False:
        return False
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        DROP_OK = True
    except OSError as e:
        log(f"bench: cannot drop the page cache ({e}); cold runs are not cold")
        DROP_OK = False
    return DROP_OK


def med(runs):
    return statistics.median(r.wall for r in runs)


def fmt_t(s):
    if s is None:
        return "–"
    if s < 1:
        return f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"
    return f"{s:.2f} s"


def fmt_x(x):
    return "–" if x is None else f"{x:.1f}×" if x < 100 else f"{x:.0f}×"


def fmt_mb(kib):
    return f"{kib / 1024:.0f} MB"


def ratio(a, b):
    return a / b if a is not None and b else None


# ---------------------------------------------------------------- repositories

def generate(n):
    d = os.path.join(WORK, f"cases-{n}")
    shutil.rmtree(d, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--bin", BIN, "--quiet", d,
                    str(n)], check=True, env=ENV)
    return d, time.perf_counter() - t0


def manifest(repo):
    with open(os.path.join(repo, ".git", "bench-cases.tsv"), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f]


def cold_clone(repo, n):
    """A repository bti-report has never read: a bare clone sharing objects."""
    d = os.path.join(WORK, f"cold-{n}")
    shutil.rmtree(d, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", "--shared", "--bare", repo, d], check=True)
    if COLD_RESET:
        subprocess.run(["sh", "-c", COLD_RESET], check=True, env=dict(ENV, REPO=d))
    return d


# ---------------------------------------------------------------- workload 1

def workload1(repo, n):
    """One changing command per repetition, each on its own case."""
    rows = manifest(repo)
    rng = random.Random(n)
    rng.shuffle(rows)
    moves = [(r[0], "1") for r in rows if r[2] == "0" and r[1] in ("0", "2")]
    closings = [(r[0], "close") for r in rows if r[2] == "0" and r[1] == "1"]
    quiet = [r[0] for r in rows if r[2] == "0" and r[1] in ("0", "1")]
    need = 4 * REPS
    pool = (moves + closings)[:need]
    pool_ids = {i for i, _ in pool}
    plain = [i for i in quiet if i not in pool_ids][:2 * REPS]
    if len(pool) < need or len(plain) < 2 * REPS:
        raise SystemExit(f"bench: {n} cases have too few open cases for {REPS} repetitions")
    head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    # the same commands in a bare clone: no work tree, no index (a central
    # repository on a server)
    bare = os.path.join(WORK, f"bare-{n}")
    shutil.rmtree(bare, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", "--bare", repo, bare], check=True)
    res = {"bti-level": [], "bti-measure": [], "bti-level, bare": [], "bti-measure, bare": [],
           "edit.py": [], "edit_yq.sh": []}
    kinds = {"move": 0, "close": 0}
    bti_ids, bare_ids = [], []

    def level(where, case, to):
        cmd = [os.path.join(BIN, "bti-level"), "-C", where, "--date", WHEN, "--reason",
               "Tiltak i egen tjeneste"]
        return run(cmd + (["--cause", "goal-reached", case, "close"] if to == "close"
                          else [case, to]))

    def measure(where, case):
        return run([os.path.join(BIN, "bti-measure"), "-C", where, "--date", WHEN,
                    "--what", "Samtaler med helsesykepleier hver uke",
                    "--responsible", "Helsesykepleier", "--evaluate-by", "2027-01-15", case])

    for k in range(REPS):
        (a, la), (b, lb), (c, lc), (e, le) = pool[4 * k:4 * k + 4]
        d, f = plain[2 * k:2 * k + 2]
        kinds["close" if la == "close" else "move"] += 1
        res["bti-level"].append(level(repo, a, la))
        res["bti-measure"].append(measure(repo, d))
        res["bti-level, bare"].append(level(bare, e, le))
        res["bti-measure, bare"].append(measure(bare, f))
        bare_ids += [e, f]
        res["edit.py"].append(run([sys.executable, os.path.join(HERE, "edit.py"), repo, b, lb,
                                   "--date", WHEN, "--reason", "Tiltak i egen tjeneste",
                                   "--by", BY]))
        if shutil.which("yq") and shutil.which("jq"):
            res["edit_yq.sh"].append(run(["sh", os.path.join(HERE, "edit_yq.sh"), repo, c, lc,
                                          WHEN, "Tiltak i egen tjeneste", BY]))
        bti_ids += [a, d]
    # what bti wrote is valid and was written in canonical form: a command
    # rewrites the whole file, so anything but added lines is a format change
    run([os.path.join(BIN, "bti-check"), "-C", repo] + bti_ids)
    run([os.path.join(BIN, "bti-check"), "-C", bare, "--rev", "HEAD"] + bare_ids)
    removed = 0
    for where, ids in ((repo, bti_ids), (bare, bare_ids)):
        paths = [f"cases/{i[:4]}/{i[5]}/{i}.yaml" for i in ids]
        diff = subprocess.run(["git", "-C", where, "diff", "--numstat", head, "HEAD", "--"] + paths,
                              check=True, capture_output=True, text=True).stdout.split("\n")
        removed += sum(int(l.split("\t")[1]) for l in diff if l)
    shutil.rmtree(bare, ignore_errors=True)
    status = subprocess.run(["git", "-C", repo, "status", "--porcelain"], check=True,
                            capture_output=True, text=True).stdout
    used = pool_ids | set(plain)
    return {"runs": res, "removed": removed, "files": len(bti_ids) + len(bare_ids),
            "clean": not status,
            "kinds": kinds, "used": used}


# ---------------------------------------------------------------- workload 4

def workload4(repo, n, used):
    """BATCH changes through one bti-batch (level moves and closings, then
    measures, on cases workload 1 left alone), and the floor of one change:
    `git add FILE && git commit` of the change edit.py makes, REPS times."""
    rows = [r for r in manifest(repo) if r[0] not in used and r[2] == "0"]
    # the case hook_run closed
    used = used | {next((r[0] for r in rows if r[1] == "1"), None)}
    rows = [r for r in rows if r[0] not in used]
    rng = random.Random(n + 4)
    rng.shuffle(rows)
    git_cases = [r for r in rows if r[1] in ("0", "2")][:REPS]
    gset = {r[0] for r in git_cases}
    rows = [r for r in rows if r[0] not in gset]
    lines, levels = [], 0
    for r in rows[:BATCH // 2]:
        to = "close" if r[1] == "1" else "1"
        lines.append(f'level {r[0]} {to} --date {WHEN} --reason "Tiltak i egen tjeneste"' +
                     (" --cause goal-reached" if to == "close" else ""))
        levels += 1
    quiet = [r for r in rows[BATCH // 2:] if r[1] in ("0", "1")]
    k = 0
    while len(lines) < BATCH and quiet:
        r = quiet[k % len(quiet)]
        lines.append(f'measure {r[0]} --date {WHEN} --what "Samtaler {k}" '
                     f'--responsible Helsesykepleier --evaluate-by 2027-01-15')
        k += 1
    path = os.path.join(WORK, f"batch-{n}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    before = int(subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], check=True,
                                capture_output=True, text=True).stdout)
    b = run(["sh", "-c", f'exec "$0" -C "$1" <"$2"', os.path.join(BIN, "bti-batch"), repo, path],
            keep=True)
    after = int(subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], check=True,
                               capture_output=True, text=True).stdout)
    errors = sum(1 for l in b.out.split("\n") if l.startswith("error"))
    status = subprocess.run(["git", "-C", repo, "status", "--porcelain"], check=True,
                            capture_output=True, text=True).stdout
    git = []
    for r in git_cases:
        subprocess.run([sys.executable, os.path.join(HERE, "edit.py"), repo, r[0], "1",
                        "--date", WHEN, "--reason", "Tiltak i egen tjeneste", "--by", BY,
                        "--edit-only"], check=True, env=ENV)
        f = f"cases/{r[0][:4]}/{r[0][5]}/{r[0]}.yaml"
        git.append(run(["sh", "-c", 'git -C "$0" add -- "$1" && git -C "$0" commit -q --no-verify '
                        '-m "level $2: 1"', repo, f, r[0]]))
    return {"batch": b, "lines": len(lines), "levels": levels, "commits": after - before,
            "errors": errors, "clean": not status, "git": git}


def hook_run(repo, used):
    """edit.py once with the pre-commit hook (bti-check --staged), for information."""
    for r in manifest(repo):
        if r[2] == "0" and r[1] == "1" and r[0] not in used:
            env = dict(ENV, PATH=BIN + os.pathsep + ENV.get("PATH", ""))
            return run([sys.executable, os.path.join(HERE, "edit.py"), repo, r[0], "close",
                        "--date", WHEN, "--reason", "Mål nådd", "--by", BY, "--verify"], env=env)
    return None


# ---------------------------------------------------------------- workload 2

def workload2(repo, n):
    floors = {
        "floor_git -j1": [os.path.join(FLOORS, "floor_git"), "-j", "1"],
        "floor_git -j2": [os.path.join(FLOORS, "floor_git"), "-j", "2"],
        "floor -j1": [os.path.join(FLOORS, "floor"), "-j", "1", repo],
        "floor -j2": [os.path.join(FLOORS, "floor"), "-j", "2", repo],
    }
    report = [os.path.join(BIN, "bti-report"), "--year", YEAR, "--format", "tsv", "-C"]
    stats_py = [sys.executable, os.path.join(HERE, "stats.py"), repo, YEAR]
    out = {}
    # cold: nothing in the page cache, and a clone bti-report has never read
    cold = {"bti-report": [], "stats.py": []}
    cold.update({k: [] for k in floors})
    py_cold = 1 if n >= 50000 else COLD
    for i in range(COLD):
        c = cold_clone(repo, n)
        drop_caches()
        r = run(report + [c], keep=True)
        cold["bti-report"].append(r)
        for k, cmd in floors.items():
            if i >= py_cold and not k.startswith("floor_git"):
                continue            # the work-tree floors read as slowly as stats.py
            drop_caches()
            cold[k].append(run(cmd + ([c] if k.startswith("floor_git") else []), keep=True))
        if i < py_cold:
            drop_caches()
            cold["stats.py"].append(run(stats_py, keep=True))
    # first: a fresh clone again (bti's cache empty) but the page cache warm:
    # the work of a report that has not run before, without the disk
    first = []
    for _ in range(RUNS):
        c = cold_clone(repo, n)
        first.append(run(report + [c], keep=True))
    # warm: the measured runs, repeated on the last clone
    warm = {k: [] for k in cold}
    for _ in range(RUNS):
        warm["bti-report"].append(run(report + [c], keep=True))
    for k, cmd in floors.items():
        run(cmd + ([c] if k.startswith("floor_git") else []))
        for _ in range(RUNS):
            warm[k].append(run(cmd + ([c] if k.startswith("floor_git") else [])))
    py_runs = 1 if n >= 50000 else RUNS
    for _ in range(py_runs):
        warm["stats.py"].append(run(stats_py, keep=True))
    shutil.rmtree(c, ignore_errors=True)
    # the figures: every bti-report output against the baseline's
    outs = {r.out for r in cold["bti-report"] + first + warm["bti-report"]}
    base = {r.out for r in cold["stats.py"] + warm["stats.py"]}
    if len(outs) == 1 and outs == base:
        figures = "identical"
    else:
        import difflib
        a = sorted(outs)[0]
        b = sorted(base)[0]
        figures = "DIFFERENT:\n" + "".join(difflib.unified_diff(
            a.splitlines(True), b.splitlines(True), "bti-report", "stats.py"))
    out["cold"], out["warm"], out["first"], out["figures"] = cold, warm, first, figures
    return out


def workload3(repo, n):
    """bti-list --level 2 and bti-due (its default: what is due today), each:
    COLD cold runs (a fresh clone, its cache empty, the page cache dropped),
    the first run on a fresh clone (the page cache warm), then RUNS warm
    runs on it. same: every run printed the same; rows: its lines."""
    res = {}
    for k, args in (("list", ["bti-list", "--level", "2"]), ("due", ["bti-due"])):
        cmd = [os.path.join(BIN, args[0])] + args[1:] + ["-C"]
        cold = []
        for _ in range(COLD):
            c = cold_clone(repo, n)
            drop_caches()
            cold.append(run(cmd + [c], keep=True))
        c = cold_clone(repo, n)
        first = run(cmd + [c], keep=True)
        warm = [run(cmd + [c], keep=True) for _ in range(RUNS)]
        shutil.rmtree(c, ignore_errors=True)
        same = len({r.out for r in cold + warm + [first]}) == 1
        res[k] = {"cold": cold, "first": first, "warm": warm, "same": same,
                  "rows": first.out.count("\n")}
    return res


# ---------------------------------------------------------------- workload 5

def workload5(repo, n):
    """bti-check --history over one history of max(HISTORY) generated
    commits on top of the repository (history.py), timed over its first k
    commits for each k, and over none (the first two commits alone)."""
    import history
    out = os.path.join(WORK, f"history-{n}")
    shutil.rmtree(out, ignore_errors=True)
    g = history.generate(repo, max(HISTORY), out, marks=sorted(set(HISTORY)), log=log)
    m = history.measure(out, [0] + sorted(set(HISTORY)), bindir=BIN, log=log)
    return {"gen": g, "runs": m, "cases": n}


# ---------------------------------------------------------------- the report

def table(head, rows):
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def verdict(ok):
    return "**met**" if ok else "**not met**"


def main():
    os.makedirs(WORK, exist_ok=True)
    t_start = time.time()
    # the commit the measured binaries were built from (BTI_BIN's checkout)
    src = os.path.dirname(os.path.abspath(BIN))
    top = subprocess.run(["git", "-C", src, "rev-parse", "--show-toplevel"],
                         capture_output=True, text=True).stdout.strip() or src
    rev = subprocess.run(["git", "-C", top, "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "-C", top, "status", "--porcelain", "--untracked-files=all",
                            "--", "lib", "cmd"], capture_output=True, text=True).stdout.strip()
    load0 = os.getloadavg()
    gen, w1, w2, w3, w4, hook, checked = {}, {}, {}, {}, {}, {}, {}
    hist = None
    sizes = sorted(set(SIZES))
    for n in sizes:
        log(f"bench: generating {n} cases")
        repo, gen[n] = generate(n)
        if CHECK:
            # every generated case passes the rules: bti-check is silent
            r = run([os.path.join(BIN, "bti-check"), "-C", repo], keep=True)
            if r.out:
                raise SystemExit(f"bench: bti-check finds problems in {repo}:\n{r.out[:3000]}")
            checked[n] = r.wall
        if HISTORY and n == sizes[-1]:
            # before workloads 1 and 4 add the baselines' commits, which are
            # not bti's (PyYAML quotes dates: the audit finds them)
            log(f"bench: {n}: workload 5 (bti-check --history over "
                f"{' '.join(map(str, HISTORY))} commits)")
            hist = workload5(repo, n)
        log(f"bench: {n}: workload 2 (bti-report --year {YEAR})")
        w2[n] = workload2(repo, n)
        log(f"bench: {n}: workload 3 (bti-list --level 2)")
        w3[n] = workload3(repo, n)
        log(f"bench: {n}: workload 1 ({REPS} changes per command)")
        w1[n] = workload1(repo, n)
        hook[n] = hook_run(repo, w1[n]["used"])
        log(f"bench: {n}: workload 4 ({BATCH} changes through bti-batch)")
        w4[n] = workload4(repo, n, w1[n]["used"])
    load1 = os.getloadavg()
    lo, hi = sizes[0], sizes[-1]
    md = []
    md.append(f"Run of {datetime.date.today().isoformat()} at `{rev}`"
              f"{' with uncommitted changes in lib/ or cmd/' if dirty else ''}, "
              f"{os.cpu_count()} cores, BENCH_SIZES=\"{' '.join(map(str, sizes))}\", "
              f"{REPS} workload-1 repetitions, {COLD} cold and {RUNS} warm workload-2 runs; "
              f"load average {load0[0]:.2f} before, {load1[0]:.2f} after; "
              f"page cache dropped for cold runs: {'yes' if DROP_OK else 'no (not permitted)'}; "
              f"total {time.time() - t_start:.0f} s.")
    md.append("")
    md.append("Generating the repositories (gen.py, both cores): " + ", ".join(
        f"{n:,} cases {fmt_t(gen[n])}" for n in sizes) + "." + (
        " `bti-check -C REPO` silent on every one (" + ", ".join(
            f"{fmt_t(checked[n])}" for n in sizes) + ")." if CHECK else ""))
    md.append("")
    # workload 1
    md.append("### Workload 1: one change, one commit")
    md.append("")
    md.append("Median wall time of one command, each repetition on another case "
              "(bti-level: moves 0→1 or 2→1, or closings at level 1; bti-measure: a measure "
              "on an open case at level 0 or 1; edit.py and edit_yq.sh: the same kind of level "
              "change as bti-level). In the generated repository (a clone with a work tree "
              "and git's index), and in a bare clone of it (\"bare\": no work tree, no index; "
              "the central repository a server keeps).")
    md.append("")
    head = ["command"] + [f"{n:,} cases" for n in sizes]
    if len(sizes) > 1:
        head.append(f"{hi:,} / {lo:,}")
    rows = []
    for k in ("bti-level", "bti-measure", "bti-level, bare", "bti-measure, bare", "edit.py",
              "edit_yq.sh"):
        if not w1[lo]["runs"][k]:
            continue
        vals = [med(w1[n]["runs"][k]) for n in sizes]
        r = [f"`{k.split(',')[0]}`{k[len(k.split(',')[0]):]}"] + [fmt_t(v) for v in vals]
        if len(sizes) > 1:
            r.append(fmt_x(ratio(vals[-1], vals[0])))
        rows.append(r)
    rows.append(["edit.py with the pre-commit hook (1 run)"] +
                [fmt_t(hook[n].wall) if hook[n] else "–" for n in sizes] +
                ([""] if len(sizes) > 1 else []))
    md.append(table(head, rows))
    md.append("")
    rows = []
    for n in sizes:
        lv, ms = med(w1[n]["runs"]["bti-level"]), med(w1[n]["runs"]["bti-measure"])
        ep = med(w1[n]["runs"]["edit.py"])
        yq = med(w1[n]["runs"]["edit_yq.sh"]) if w1[n]["runs"]["edit_yq.sh"] else None
        rows.append([f"{n:,}", fmt_x(ratio(ep, lv)), fmt_x(ratio(ep, ms)), fmt_x(ratio(yq, lv)),
                     fmt_mb(max(r.rss for r in w1[n]["runs"]["bti-level"]))])
    md.append(table(["cases", "edit.py / bti-level", "edit.py / bti-measure",
                     "edit_yq.sh / bti-level", "bti-level peak memory"], rows))
    md.append("")
    canon = all(w1[n]["removed"] == 0 and w1[n]["clean"] for n in sizes)
    md.append(f"Every file bti rewrote gained lines only (canonical format kept by gen.py): "
              f"{'yes' if canon else 'NO: ' + ', '.join(str(w1[n]['removed']) for n in sizes) + ' lines removed'}"
              f"; work tree clean after the run: {'yes' if all(w1[n]['clean'] for n in sizes) else 'no'}.")
    md.append("")
    # workload 2
    md.append(f"### Workload 2: `bti-report --year {YEAR} --format tsv`")
    md.append("")
    md.append("Median wall time (CPU time user+sys in brackets; more CPU than wall means "
              "both cores worked). Cold: page cache dropped and a fresh "
              "`git clone --shared --bare` (nothing bti may have cached); warm: repeated on "
              "the same clone; first run: a fresh clone with the page cache warm (bti's "
              "own cache empty, no disk reads). `stats.py`: PyYAML (libyaml loader) over the "
              "work tree. Floors: libyaml parsing only, `floor_git` over HEAD's blobs via "
              "libgit2 (what bti-report reads), `floor` over the work-tree files; "
              "-j2: split over two threads.")
    md.append("")
    head = ["program"] + [f"{n:,} {w}" for n in sizes for w in ("cold", "warm")]
    rows = []
    for k in ("bti-report", "stats.py", "floor_git -j1", "floor_git -j2", "floor -j1", "floor -j2"):
        r = [f"`{k}`"]
        for n in sizes:
            for w in ("cold", "warm"):
                runs = w2[n][w][k]
                r.append(f"{fmt_t(med(runs))} ({fmt_t(statistics.median(x.cpu for x in runs))})"
                         if runs else "–")
        rows.append(r)
        if k == "bti-report":
            r = ["`bti-report`, first run"]
            for n in sizes:
                runs = w2[n]["first"]
                r += ["–", f"{fmt_t(med(runs))} ({fmt_t(statistics.median(x.cpu for x in runs))})"]
            rows.append(r)
    rows.append(["`bti-report` peak memory"] + [
        fmt_mb(max(x.rss for x in w2[n][w]["bti-report"] + (w2[n]["first"] if w == "warm" else [])))
        for n in sizes for w in ("cold", "warm")])
    rows.append(["`stats.py` peak memory"] + [
        fmt_mb(max(x.rss for x in w2[n][w]["stats.py"])) for n in sizes for w in ("cold", "warm")])
    md.append(table(head, rows))
    md.append("")
    rows = []
    for n in sizes:
        c, w = w2[n]["cold"], w2[n]["warm"]
        rc, rw, rf = med(c["bti-report"]), med(w["bti-report"]), med(w2[n]["first"])
        rows.append([f"{n:,}", fmt_x(ratio(med(c["stats.py"]), rc)),
                     fmt_x(ratio(med(w["stats.py"]), rw)),
                     fmt_x(ratio(rf, med(w["floor_git -j1"]))),
                     fmt_x(ratio(rf, med(w["floor_git -j2"]))),
                     fmt_x(ratio(rc, med(c["floor_git -j2"]))),
                     f"{100 * rw / rc:.0f} %", w2[n]["figures"].split("\n")[0]])
    md.append(table(["cases", "stats.py / bti-report, cold", "stats.py / bti-report, warm",
                     "first run / floor_git -j1", "first run / floor_git -j2",
                     "cold / floor_git -j2 cold", "warm / cold", "figures"], rows))
    md.append("")
    for n in sizes:
        if w2[n]["figures"] != "identical":
            md.append(f"Figures at {n:,} cases, bti-report against stats.py:")
            md.append("")
            md.append("```diff")
            md.append(w2[n]["figures"].split("\n", 1)[1].rstrip())
            md.append("```")
            md.append("")
    md.append("### Workload 3: `bti-list --level 2` and `bti-due`")
    md.append("")
    md.append("Cold: page cache dropped and a fresh `git clone --shared --bare` (bti's cache "
              "empty), as for bti-report cold; first run: a fresh clone, the page cache warm; "
              f"warm: the median of {RUNS} runs after it (CPU time in brackets).")
    md.append("")
    rows = []
    for n in sizes:
        for k, name in (("list", "`bti-list --level 2`"), ("due", "`bti-due`")):
            w = w3[n][k]
            rows.append([f"{n:,}", name, f"{w['rows']:,}",
                         f"{fmt_t(med(w['cold']))} ({fmt_t(statistics.median(x.cpu for x in w['cold']))})",
                         fmt_t(w["first"].wall),
                         f"{fmt_t(med(w['warm']))} ({fmt_t(statistics.median(x.cpu for x in w['warm']))})",
                         fmt_x(ratio(med(w["cold"]), med(w2[n]["cold"]["bti-report"]))),
                         fmt_mb(max(x.rss for x in w["cold"] + w["warm"] + [w["first"]])),
                         "yes" if w["same"] else "NO"])
    md.append(table(["cases", "command", "lines", "cold", "first run", "warm",
                     "cold / bti-report cold", "peak memory", "same output every run"], rows))
    md.append("")
    md.append(f"### Workload 4: {BATCH:,} changes through one `bti-batch`")
    md.append("")
    md.append("One `bti-batch` over the generated clone: level moves and closings (as in "
              "workload 1) on half the lines, measures on the rest, each on cases workload 1 "
              "did not touch, dated "
              f"{WHEN}. The separate commands and edit.py are not run {BATCH:,} times: their "
              "time is the workload-1 median of each command times the number of its lines "
              "(the median bti-level for the level lines, bti-measure for the measures, "
              "edit.py for every line). `git add && git commit`: the change edit.py makes "
              "(made first, not timed), then `git add FILE && git commit -q --no-verify` with "
              f"git's CLI in the same clone, median of {REPS}.")
    md.append("")
    rows = []
    for n in sizes:
        w = w4[n]
        lv, ms, ep = (med(w1[n]["runs"][k]) for k in ("bti-level", "bti-measure", "edit.py"))
        sep = w["levels"] * lv + (w["lines"] - w["levels"]) * ms
        rows.append([f"{n:,}", f"{w['lines']:,}", fmt_t(w["batch"].wall),
                     fmt_t(w["batch"].wall / max(w["lines"], 1)), fmt_t(sep),
                     fmt_t(w["lines"] * ep), f"{w['commits']:,}", str(w["errors"]),
                     "yes" if w["clean"] else "no", fmt_mb(w["batch"].rss),
                     # none at 1,000 cases: workload 1 took every open case at level 0 or 2
                     fmt_t(med(w["git"])) if w["git"] else "–"])
    md.append(table(["cases", "lines", "bti-batch", "per change", "separate commands (est.)",
                     "edit.py (est.)", "commits", "error lines", "status clean",
                     "bti-batch peak memory", "git add && git commit"], rows))
    md.append("")
    if hist:
        g = hist["gen"]
        md.append(f"### Workload 5: `bti-check --history` over {g['commits']:,} commits")
        md.append("")
        md.append(f"tests/bench/history.py made {g['commits']:,} commits on top of the "
                  f"{hist['cases']:,}-case repository in one `git fast-import` stream "
                  f"({fmt_t(g['seconds'])}, pack {g['pack_bytes'] / 2**20:,.0f} MB): each one "
                  "entry bti-meeting, bti-measure or bti-level writes, byte for byte, over "
                  f"{g['cases']:,} cases. `bti-check --history` over a bare repository whose "
                  "branch is the k-th generated commit walks from bti-init's commit through "
                  "gen.py's (every case added) to it; k = 0 is those two alone, and the time "
                  "per generated commit is (time at k − time at 0) / k.")
        md.append("")
        rows = []
        for k in sorted(hist["runs"]):
            h = hist["runs"][k]
            rows.append([f"{k:,}", f"{h['commits']:,}", fmt_t(h["wall"]), fmt_t(h["cpu"]),
                         f"{h['ms_per_commit']:.3f} ms",
                         f"{h['ms_per_generated']:.3f} ms" if h.get("ms_per_generated") else "–",
                         fmt_mb(h["rss"]), "yes" if h["silent"] else "NO"])
        md.append(table(["generated commits", "commits checked", "wall", "CPU", "per commit",
                         "per generated commit", "peak memory", "silent"], rows))
        md.append("")
    # targets: what was asked, what was measured, met or not
    md.append("### Targets")
    md.append("")
    md.append("Issue 6's targets, and issue 15's (which make two of issue 6's stricter: "
              "peak memory and the repeated report). Ratios are between runs of this one run.")
    md.append("")
    big = [n for n in sizes if n >= 10000] or [hi]
    t = []

    def target(issue, what, measured, required, ok):
        t.append([f"#{issue}", what, measured, required, verdict(ok)])

    def w1name(k):
        return f"`{k.split(',')[0]}`" + (" in a bare repository" if "bare" in k else " in a clone")

    for k in ("bti-level", "bti-measure", "bti-level, bare", "bti-measure, bare"):
        r = ratio(med(w1[hi]["runs"][k]), med(w1[lo]["runs"][k]))
        target(6, f"W1 {w1name(k)}: {hi:,} cases against {lo:,}", fmt_x(r), "≤ 2×",
               r is not None and r <= 2)
    for k in ("bti-level", "bti-measure", "bti-level, bare", "bti-measure, bare"):
        r = ratio(med(w1[hi]["runs"]["edit.py"]), med(w1[hi]["runs"][k]))
        target(6, f"W1 edit.py (in a clone) / {w1name(k)} at {hi:,}", fmt_x(r), "≥ 5×", r >= 5)
    for n in big:
        c, w = w2[n]["cold"], w2[n]["warm"]
        rc = ratio(med(c["stats.py"]), med(c["bti-report"]))
        rw = ratio(med(w["stats.py"]), med(w["bti-report"]))
        target(6, f"W2 stats.py / bti-report at {n:,}, cold and warm", f"{fmt_x(rc)}, {fmt_x(rw)}",
               "≥ 20×", rc >= 20 and rw >= 20)
        fw = ratio(med(w2[n]["first"]), med(w["floor_git -j2"]))
        target(6, f"W2 first run / libyaml floor (floor_git -j2, page cache warm) at {n:,}",
               fmt_x(fw), "≤ 2×", fw <= 2)
    same = all(w2[n]["figures"] == "identical" for n in sizes)
    target(6, "W2 the same figures as stats.py (every size)", "identical" if same else "different",
           "identical", same)
    # issue 15
    w = w4[hi]
    lv, ms = med(w1[hi]["runs"]["bti-level"]), med(w1[hi]["runs"]["bti-measure"])
    sep = w["levels"] * lv + (w["lines"] - w["levels"]) * ms
    ok = w["errors"] == 0 and w["commits"] == w["lines"] and w["clean"]
    r = ratio(sep, w["batch"].wall)
    target(15, f"W4 {w['lines']:,} separate commands (est.) / one `bti-batch` at {hi:,} "
           "(every line one commit, status clean)", fmt_x(r), "≥ 20×", ok and r >= 20)
    r = ratio(w["lines"] * med(w1[hi]["runs"]["edit.py"]), w["batch"].wall)
    target(15, f"W4 edit.py (est.) / `bti-batch` at {hi:,}", fmt_x(r), "≥ 100×", ok and r >= 100)
    g = med(w["git"])
    target(15, f"W1 one change: `bti-level` in a clone / `git add && git commit` at {hi:,}",
           f"{fmt_t(lv)} / {fmt_t(g)} = {fmt_x(ratio(lv, g))}", "≤ 1×", lv <= g)
    mem = max(x.rss for x in w2[hi]["cold"]["bti-report"] + w2[hi]["warm"]["bti-report"] +
              w2[hi]["first"])
    target(15, f"W2 `bti-report` peak memory at {hi:,} (cold, first and warm runs)", fmt_mb(mem),
           "< 100 MB", mem < 100 * 1024)
    c = w2[hi]["cold"]
    r = ratio(med(c["bti-report"]), med(c["floor_git -j2"]))
    target(15, f"W2 `bti-report` cold / libyaml floor cold (floor_git -j2) at {hi:,}", fmt_x(r),
           "≤ 1.3×", r is not None and r <= 1.3)
    for n in big:
        p = med(w2[n]["warm"]["bti-report"]) / med(w2[n]["cold"]["bti-report"])
        target(15, f"W2 repeated report / cold at {n:,}", f"{100 * p:.1f} %", "≤ 5 %", p <= 0.05)
    for k, name in (("list", "`bti-list --level 2`"), ("due", "`bti-due`")):
        x = w3[hi][k]
        wl = med(x["warm"])
        target(15, f"W3 {name} warm at {hi:,}, the same lines every run", fmt_t(wl), "< 200 ms",
               wl < 0.2 and x["same"])
        r = ratio(med(x["cold"]), med(w2[hi]["cold"]["bti-report"]))
        target(15, f"W3 {name} cold / `bti-report` cold at {hi:,}", fmt_x(r), "≤ 1.2×",
               r is not None and r <= 1.2)
    if hist:
        ks = sorted(k for k in hist["runs"] if k)
        hs = [hist["runs"][k] for k in ks]
        silent = all(h["silent"] for h in hist["runs"].values())
        h1 = hs[-1]
        target(15, f"W5 `bti-check --history` over {ks[-1]:,} generated commits and "
               f"{hist['cases']:,} cases: the time per commit, every run silent",
               f"{h1['ms_per_generated']:.3f} ms ({fmt_t(h1['wall'])} in all)", "reported",
               silent)
        r = ratio(h1["ms_per_generated"], hs[0]["ms_per_generated"])
        target(15, f"W5 time per generated commit at {ks[-1]:,} / at {ks[0]:,} (linear in "
               "commits: it does not grow)", fmt_x(r), "≤ 1.5×",
               silent and r is not None and r <= 1.5)
    md.append(table(["issue", "target", "measured", "required", ""], t))
    print("\n".join(f"{r[0]} {r[4].strip('*'):>8}  {r[1]}: {r[2]} (required {r[3]})" for r in t),
          file=sys.stderr)
    text = "\n".join(md) + "\n"
    print(text)
    for n in sizes:
        print(f"figures {n}: {w2[n]['figures'].split(chr(10))[0]}", file=sys.stderr)
    if DOC:
        write_doc(text)


def write_doc(text):
    begin, end = "<!-- results: written by tests/bench/run.sh -->", "<!-- /results -->"
    try:
        with open(DOC, encoding="utf-8") as f:
            doc = f.read()
    except FileNotFoundError:
        log(f"bench: {DOC} not found; results not written")
        return
    if begin not in doc or end not in doc:
        log(f"bench: {DOC} has no results markers; results not written")
        return
    a = doc.index(begin) + len(begin)
    b = doc.index(end)
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(doc[:a] + "\n" + text + doc[b:])
    log(f"bench: results written to {DOC}")


if __name__ == "__main__":
    main()
