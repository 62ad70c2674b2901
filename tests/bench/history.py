#!/usr/bin/env python3
"""history.py: a long history for `bti-check --history` (issue 15).

    python3 tests/bench/history.py REPO [--out DIR] [--commits N]
                                   [--counts "K1 K2 ..."] [--verify V]
                                   [--bin BINDIR] [--depth D] [--no-measure] [--no-base]
                                   [--no-generate]

REPO is a repository gen.py made (`gen.py --bin bin --quiet REPO 100000`).
generate() makes DIR (default REPO-history): a bare repository that borrows
REPO's objects (objects/info/alternates) and holds, on REPO's branch, N
commits (default 1,000,000) on top of REPO's HEAD, written by ONE
`git fast-import` stream into one pack. REPO itself is left as it was.

Each commit is a change bti itself makes, byte for byte: one case file gets
one more entry in bti's canonical format (gen.py's emitter), in its place in
schema order, with bti's author/committer line (a worker's name, git's
user.email or unknown@bti.invalid, +0000) and bti's commit message
("bti-meeting ID: meeting held", "bti-measure ID: measure m7", "bti-level
ID: reopened at level 0", then the BTI-Case and BTI-Event trailers; no
names, no fnr). The changes go round every case the rules let take entries
without a consent (three-level: the open cases at levels 0 and 1, and the
closed ones, which the model reopens at level 0; not the open cases at
level 2), in a shuffled order: a closed case is reopened by its first
change (bti-level), every other change is a meeting (bti-meeting, 3 in 5)
or a measure (bti-measure). N commits give each such case about N/cases
entries (100,000 cases: ~96,000 cases, ~10 entries each for a million).
The commit times run evenly from the day after the latest entry of those
cases to BTI_TODAY (2026-11-30), and every entry is dated on its commit's
day.

The blobs are written first, case by case, each version right after the one
before it (fast-import stores it as a delta against that one, as git gc
would), then the commits, which name their blob by mark. After the K-th
generated commit, for K in the counts and N, a tag refs/tags/h-K.

measure() times `bti-check --history` for each count K over a fresh bare
repository (alternates to DIR) whose branch is h-K: the walk goes from the
root commit (bti-init's) through gen.py's commit to h-K. Timed as bench.py
does (timer.c: wall, CPU user+sys, peak RSS); every generated commit passes
the rules, so bti-check must be silent. K = 0 (h-0, REPO's HEAD) times the
first two commits alone (gen.py's adds every case), to give the cost of one
generated commit: (wall at K - wall at 0) / K.

--verify V replays the first V generated commits with the real bti-level,
bti-meeting and bti-measure (BTI_USER the commit's author) in a bare clone
of REPO and compares every resulting tree, author, committer and message
with the generated commit's (all but the times), then runs
`bti-check --rev HEAD` over DIR (no problems; the warnings of overdue
obligations on stderr are counted) and `git fsck` over DIR.
--no-generate measures an existing DIR.

Prints a Markdown table (commits, wall, CPU, ms/commit, peak memory) and
the linearity: ms per commit at the largest count / at the smallest (and
the same per generated commit). Exit status 1 when a check is not silent
or --verify finds a difference.
"""
import argparse
import array
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True      # no __pycache__ for gen.py in the tree
import gen  # noqa: E402  (the canonical writer and the word lists)
import yaml  # noqa: E402

TODAY = os.environ.get("BTI_TODAY") or "2026-11-30"
EPOCH = datetime.date(1970, 1, 1).toordinal()
MASK = (1 << 64) - 1
META = "history.json"       # in DIR: what generate() did, for verify()


def git(where, *args, inp=None, env=None):
    return subprocess.run(["git", "-C", where] + list(args), check=True, input=inp,
                          capture_output=True, env=env).stdout


def git_s(where, *args):
    return git(where, *args).decode().strip()


def mix(k, seed):
    """64 pseudo-random bits from (k, seed): every field of commit k."""
    x = (k * 0x9E3779B97F4A7C15 + seed * 0xD1B54A32D192ED03 + 1) & MASK
    x = ((x ^ (x >> 31)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 29)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 32)


def case_path(cid):
    return f"cases/{cid[:4]}/{cid[5]}/{cid}.yaml"


# ---------------------------------------------------------------- the cases

KEY = re.compile(rb"^([a-z_]+):", re.M)
DATE = re.compile(rb"^(?:- |  )date: (\d{4}-\d\d-\d\d)$", re.M)
LEVEL = re.compile(rb"^  level: (\d+)$", re.M)


def sections(text):
    """A case file as [key, bytes] in file order: each top-level key with
    its lines (a list's `- ` items stand level with their key)."""
    starts = [(m.start(), m.group(1).decode()) for m in KEY.finditer(text)]
    return [[k, text[a:(starts[i + 1][0] if i + 1 < len(starts) else len(text))]]
            for i, (a, k) in enumerate(starts)]


def state(secs):
    """(level, closed) of the last levels entry, or None without one."""
    for k, b in secs:
        if k == "levels":
            last = b[b.rfind(b"\n- ") + 1:]
            m = LEVEL.search(last)
            return (int(m.group(1)), b"\n  closed: true\n" in last) if m else None
    return None


def open_levels(model):
    """Levels whose entries need no consent: {level: evaluation_days or None}."""
    ok = {}
    for lv in model.get("levels", []):
        need = lv.get("consent", "involved" if lv.get("cooperation") else "none")
        if need == "none":
            ok[int(lv["level"])] = lv.get("evaluation_days")
    return ok


def words(x):
    """Every string in a YAML value (keys too), lowercased."""
    if isinstance(x, dict):
        return {str(k).lower() for k in x} | set().union(*map(words, x.values()))
    if isinstance(x, list):
        return set().union(set(), *map(words, x))
    return {str(x).lower()}


class Plan:
    """What commit k changes, from the candidates and the seed alone."""

    def __init__(self, meta):
        self.m = meta
        self.ids = meta["ids"]
        self.last = meta["last"]
        self.days = meta["days"]
        self.n = len(self.ids)
        self.seed = meta["seed"]
        self.kinds = meta["kinds"]
        self.closed = meta["closed"]
        self.reopen = meta["reopen"]            # [level, leader_informed, evaluation days]

    def case(self, k):
        return k % self.n

    def ts(self, k):
        m = self.m
        return int(m["t0"] + k * m["step"])

    def date(self, k):
        """The entry's date (ordinal): its commit's day, never before the case's last entry."""
        return max(self.ts(k) // 86400 + EPOCH, self.last[self.case(k)])

    def author(self, j):
        return gen.STAFF[zlib.crc32(self.ids[j].encode()) % len(gen.STAFF)]

    def change(self, k):
        """(command, entry without id, argv after the command name) of commit k:
        a closed case is reopened by its first change (bti-level), then gets
        meetings and measures as an open one."""
        j = self.case(k)
        x = mix(k, self.seed)
        d = self.date(k)
        by = self.author(j)
        cid = self.ids[j]
        if self.closed[j] and k < self.n:
            lv, leader, _ = self.reopen
            e = {"date": d, "level": lv, "reason": gen.REOPEN[x % len(gen.REOPEN)]}
            argv = ["--reason", e["reason"]]
            if leader:
                e["leader_informed"] = True
                argv.append("--leader-informed")
            e["by"] = by
            return "bti-level", e, argv + [cid, str(lv)]
        if x % 5 < 3:
            other = gen.STAFF[(x >> 8) % len(gen.STAFF)]
            who = [by] if other == by else [by, other]
            e = {"date": d, "kind": self.kinds[(x >> 16) % len(self.kinds)], "participants": who}
            argv = ["--kind", e["kind"]] + [a for p in who for a in ("--participant", p)]
            if (x >> 20) & 3 == 0:
                e["child_present"] = True
                argv.append("--child-present")
            else:
                views = gen.CHILD_VIEWS + gen.SMALL_CHILD_VIEWS
                e["child_present"] = False
                e["child_view"] = views[(x >> 24) % len(views)]
                argv += ["--child-view", e["child_view"]]
            e["minutes"] = gen.MINUTES[(x >> 28) % len(gen.MINUTES)]
            argv += ["--minutes", e["minutes"]]
            if (x >> 32) & 3 == 0:
                e["next"] = d + 28 + (x >> 34) % 30
                argv += ["--next", gen.ds(e["next"])]
            if (x >> 40) & 1:
                e["minutes_sent"] = True
                argv.append("--minutes-sent")
            e["by"] = by
            return "bti-meeting", e, argv + [cid]
        days = self.reopen[2] if self.closed[j] else self.days[j]
        e = {"date": d, "what": gen.MEASURES[(x >> 8) % len(gen.MEASURES)],
             "responsible": gen.RESPONSIBLE[(x >> 16) % len(gen.RESPONSIBLE)], "start": d}
        argv = ["--what", e["what"], "--responsible", e["responsible"]]
        if (x >> 24) & 1:
            e["duration"] = gen.DURATIONS[(x >> 25) % len(gen.DURATIONS)]
            argv += ["--duration", e["duration"]]
        span = 28 + (x >> 32) % 60
        e["evaluate_by"] = d + (span if days is None else min(span, days))
        argv += ["--evaluate-by", gen.ds(e["evaluate_by"])]
        e["by"] = by
        return "bti-measure", e, argv + [cid]


def read_blobs(repo, rev, paths):
    """The blobs at rev:path, in the order given (git ls-tree, then
    git cat-file --batch by blob id: a rev:path there reads the trees anew
    for every path)."""
    ids = {}
    for line in git(repo, "ls-tree", "-r", "-z", rev, "cases/").split(b"\0"):
        if line:
            meta, path = line.split(b"\t", 1)
            ids[path.decode()] = meta.split()[2].decode()
    out = git(repo, "cat-file", "--batch", inp="".join(ids[p] + "\n" for p in paths).encode())
    res, i = [], 0
    for _ in paths:
        nl = out.index(b"\n", i)
        head = out[i:nl].split()
        if len(head) != 3 or head[1] != b"blob":
            raise SystemExit(f"history.py: {out[i:nl].decode()}: not a blob")
        size = int(head[2])
        res.append(out[nl + 1:nl + 1 + size])
        i = nl + 2 + size
    return res


def candidates(repo, head, model, reopen):
    """The cases every generated change can go to, not archived: open at a
    level that needs no consent, or closed when the model reopens at such a
    level (reopen: that level or None); [(id, text, last date, evaluation
    days, closed)]."""
    ok = open_levels(model)
    gd = git_s(repo, "rev-parse", "--absolute-git-dir")
    tsv = os.path.join(gd, "bench-cases.tsv")
    if os.path.exists(tsv):          # gen.py's list: read only the likely ones
        with open(tsv, encoding="utf-8") as f:
            ids = [r[0] for r in (l.split("\t") for l in f)
                   if (r[2] == "0" and int(r[1]) in ok) or (r[2] == "1" and reopen is not None)]
    else:
        ids = [l.rsplit("/", 1)[1][:-5] for l in
               git_s(repo, "ls-tree", "-r", "--name-only", head, "cases/").split("\n")
               if l.endswith(".yaml")]
    ids.sort()
    texts = read_blobs(repo, head, [case_path(i) for i in ids])
    res = []
    for cid, text in zip(ids, texts):
        secs = sections(text)
        st = state(secs)
        if (not st or (st[1] and reopen is None) or (not st[1] and st[0] not in ok)
                or any(k == "archived" for k, _ in secs)):
            continue                # the list was out of date: skip the case
        last = max(gen.ordinal(m.decode()) for m in DATE.findall(text))
        res.append((cid, text, last, None if st[1] else ok[st[0]], st[1]))
    return res


# ---------------------------------------------------------------- generate

KEYS = {"bti-meeting": "meetings", "bti-measure": "measures", "bti-level": "levels"}


def default_marks(n):
    m, k = {n}, 10
    while k < n:
        m.add(k)
        k *= 10
    return m


def generate(repo, n_commits, out_dir, marks=None, seed=1, depth=50, log=None):
    """Makes out_dir (a bare repository borrowing repo's objects) with
    n_commits commits on top of repo's HEAD, on repo's branch, and a tag
    refs/tags/h-K after the K-th for K in marks (default: 10, 100, ...
    and n_commits), and h-0 at repo's HEAD. One git fast-import stream.
    Returns a dict: dir, branch, base (repo's HEAD), commits, cases (how
    many cases the commits change),
    seconds (the whole call), import_seconds (the stream), pack_bytes
    (the pack fast-import wrote), tags {K: commit id}."""
    t_start = time.perf_counter()
    gen.load_order()
    repo = os.path.abspath(repo)
    out_dir = os.path.abspath(out_dir)
    if os.path.exists(out_dir):
        raise SystemExit(f"history.py: {out_dir} exists")
    head = git_s(repo, "rev-parse", "HEAD")
    branch = git_s(repo, "symbolic-ref", "HEAD")
    cfg = yaml.safe_load(git(repo, "show", f"{head}:bti.yaml"))
    try:
        mtext = git(repo, "show", f"{head}:models/{cfg['model']}.yaml")
    except subprocess.CalledProcessError:
        with open(os.path.join(ROOT, "schema", "models", f"{cfg['model']}.yaml"), "rb") as f:
            mtext = f.read()
    model = yaml.safe_load(mtext)
    avoid = words(model.get("meeting_kinds", {}))
    kinds = [k for k in gen.MEETING_KINDS if k.lower() not in avoid]
    email = subprocess.run(["git", "-C", repo, "config", "user.email"], capture_output=True,
                           text=True).stdout.strip() or "unknown@bti.invalid"
    ok = open_levels(model)
    again = [int(x) for x in model.get("reopen_to", []) if int(x) in ok]
    reopen = None
    if again:
        lv = next(x for x in model["levels"] if int(x["level"]) == again[0])
        reopen = [again[0], bool(lv.get("leader_informed")), ok[again[0]]]
    cands = candidates(repo, head, model, reopen and reopen[0])
    if not cands:
        raise SystemExit(f"history.py: {repo} has no open case at a level without consent")
    random.Random(seed).shuffle(cands)
    n, N = len(cands), n_commits
    # Commit times evenly from the day after the latest entry of the cases
    # changed to BTI_TODAY; an entry is dated on its commit's day.
    today = gen.ordinal(TODAY)
    first = min(max(c[2] for c in cands[:N]) + 1, today)
    t0 = (first - EPOCH) * 86400 + 8 * 3600
    t1 = (today - EPOCH) * 86400 + 16 * 3600
    meta = {"repo": repo, "base": head, "branch": branch, "commits": N, "seed": seed,
            "email": email, "t0": t0, "step": (t1 - t0) / max(N - 1, 1), "kinds": kinds,
            "ids": [c[0] for c in cands], "last": [c[2] for c in cands],
            "days": [c[3] for c in cands], "closed": [int(c[4]) for c in cands],
            "reopen": reopen}
    plan = Plan(meta)
    subprocess.run(["git", "init", "-q", "--bare", out_dir], check=True)
    with open(os.path.join(out_dir, "objects", "info", "alternates"), "w") as f:
        f.write(os.path.join(git_s(repo, "rev-parse", "--absolute-git-dir"), "objects") + "\n")
    git(out_dir, "symbolic-ref", "HEAD", branch)
    with open(os.path.join(out_dir, META), "w") as f:
        json.dump(meta, f)
    marks = sorted(k for k in (default_marks(N) if marks is None else set(marks) | {N})
                   if 0 < k <= N)
    # fast-import keeps its heap (see gen.py: each brk costs on this kind of VM)
    fenv = dict(os.environ, MALLOC_TRIM_THRESHOLD_="1073741824", MALLOC_TOP_PAD_="67108864")
    t_import = time.perf_counter()
    fi = subprocess.Popen(["git", "-C", out_dir, "fast-import", "--quiet", "--done",
                           f"--depth={depth}", "--active-branches=1"],
                          stdin=subprocess.PIPE, env=fenv)
    w = fi.stdin
    mid = array.array("I", bytes(4 * N))        # commit k's measure number (0: none)
    rank = {k: i for i, k in enumerate(gen.ORDER["case"])}
    sub = gen.SUB["case"]
    # The blobs, case by case: each version after the one it grew from.
    for j in range(min(n, N)):
        secs = sections(cands[j][1])
        where = {k: i for i, (k, _) in enumerate(secs)}
        for k in range(j, N, n):
            cmd, e, _ = plan.change(k)
            key = KEYS[cmd]
            i = where.get(key)
            if i is None:           # the list's first entry: the key in its place
                pos = sum(1 for s in secs if rank.get(s[0], -1) < rank[key])
                secs.insert(pos, [key, f"{key}:\n".encode()])
                where = {k2: i2 for i2, (k2, _) in enumerate(secs)}
                i = pos
            if key == "measures":
                num = secs[i][1].count(b"\n- ") + 1
                e = dict(e, id=f"m{num}")
                mid[k] = num
            out = []
            gen.emit_map(out, e, sub[key], "  ", "- ")
            out.append("")
            secs[i][1] += "\n".join(out).encode()
            blob = b"".join(s[1] for s in secs)
            w.write(b"blob\nmark :%d\ndata %d\n" % (k + 1, len(blob)))
            w.write(blob)
            w.write(b"\n")
        if log and j % 2000 == 0:
            log(f"history.py: blobs of {j:,}/{min(n, N):,} cases")
    # The commits.
    authors = [f"{plan.author(j)} <{email}>".encode() for j in range(n)]
    ids = [c[0] for c in cands]
    paths = [case_path(c).encode() for c in ids]
    mk = iter(marks)
    nxt = next(mk, None)
    ref = branch.encode()
    w.write(b"reset refs/tags/h-0\nfrom %s\n\n" % head.encode())
    for k in range(N):
        j = k % n
        cid = ids[j]
        if mid[k]:
            msg = (f"bti-measure {cid}: measure m{mid[k]}\n\n"
                   f"BTI-Case: {cid}\nBTI-Event: measure\n").encode()
        elif k < n and plan.closed[j]:
            msg = (f"bti-level {cid}: reopened at level {reopen[0]}\n\n"
                   f"BTI-Case: {cid}\nBTI-Event: reopen\n").encode()
        else:
            msg = f"bti-meeting {cid}: meeting held\n\nBTI-Case: {cid}\nBTI-Event: meeting\n".encode()
        sig = b"%s %d +0000\n" % (authors[j], plan.ts(k))
        w.write(b"commit %s\nauthor %s" b"committer %s" b"data %d\n%s" % (ref, sig, sig, len(msg), msg))
        if k == 0:
            w.write(b"from %s\n" % head.encode())
        w.write(b"M 100644 :%d %s\n\n" % (k + 1, paths[j]))
        if nxt == k + 1:
            w.write(b"reset refs/tags/h-%d\nfrom %s\n\n" % (k + 1, ref))
            nxt = next(mk, None)
        if log and k and k % 100000 == 0:
            log(f"history.py: {k:,}/{N:,} commits")
    w.write(b"done\n")
    w.close()
    if fi.wait() != 0:
        raise SystemExit("history.py: git fast-import failed")
    t_end = time.perf_counter()
    pack = os.path.join(out_dir, "objects", "pack")
    size = sum(os.path.getsize(os.path.join(pack, f)) for f in os.listdir(pack)
               if f.endswith(".pack"))
    tags = {k: git_s(out_dir, "rev-parse", f"refs/tags/h-{k}") for k in [0] + marks}
    return {"dir": out_dir, "branch": branch, "base": head, "commits": N,
            "cases": min(n, N), "seconds": t_end - t_start, "import_seconds": t_end - t_import,
            "pack_bytes": size, "tags": tags}


# ---------------------------------------------------------------- verify

def verify(out_dir, v, bindir, log=None):
    """Replays the first v generated commits with the real commands in a
    bare clone of the source repository; returns a list of differences
    (empty: every tree, message and author the same)."""
    with open(os.path.join(out_dir, META)) as f:
        meta = json.load(f)
    plan = Plan(meta)
    gen.load_order()
    gen_commits = git_s(out_dir, "rev-list", "--reverse", f"{meta['base']}..{meta['branch']}")
    gen_commits = gen_commits.split("\n")[:v]
    diffs = []
    with tempfile.TemporaryDirectory(prefix="bti-history-") as tmp:
        clone = os.path.join(tmp, "clone")
        subprocess.run(["git", "clone", "-q", "--bare", "--shared", meta["repo"], clone],
                       check=True)
        git(clone, "update-ref", meta["branch"], meta["base"])
        for k, c in enumerate(gen_commits):
            cmd, _, argv = plan.change(k)
            j = plan.case(k)
            env = dict(os.environ, BTI_TODAY=TODAY, BTI_USER=plan.author(j), LC_ALL="C.UTF-8")
            p = subprocess.run([os.path.join(bindir, cmd), "-C", clone, "--date",
                                gen.ds(plan.date(k))] + argv,
                               capture_output=True, text=True, env=env)
            if p.returncode != 0:
                diffs.append(f"commit {k + 1}: {cmd} refused: {p.stderr.strip()}")
                break
            # all but the times (the command's is now): the zones too
            fmt = ["--date=format:%z", "--format=%T%n%an <%ae> %ad%n%cn <%ce> %cd%n%B"]
            real = git_s(clone, "log", "-1", *fmt, "HEAD")
            made = git_s(out_dir, "log", "-1", *fmt, c)
            if real != made:
                diffs.append(f"commit {k + 1} ({c}): the real {cmd} made\n{real}\n"
                             f"the generator\n{made}")
                break
    if log:
        log(f"history.py: verify: {len(gen_commits)} commits replayed, "
            f"{'the same' if not diffs else 'DIFFERENT'}")
    return diffs


# ---------------------------------------------------------------- measure

TIMER = None


def timer():
    """bench.py's timer (timer.c), built into BENCH_FLOORS if not there."""
    global TIMER
    if TIMER:
        return TIMER
    floors = os.environ.get("BENCH_FLOORS") or os.path.join(
        os.environ.get("BENCH_DIR", "/tmp/bti-bench"), "floors")
    t = os.path.join(floors, "timer")
    if not os.access(t, os.X_OK):
        os.makedirs(floors, exist_ok=True)
        subprocess.run([os.environ.get("CC", "cc"), "-O2", "-o", t,
                        os.path.join(HERE, "timer.c")], check=True)
    TIMER = t
    return t


def timed(cmd, env=None):
    """cmd once through timer.c: (wall s, cpu s, peak RSS KiB, exit, stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="bti-timer-") as tmp:
        res = os.path.join(tmp, "result")
        with open(os.path.join(tmp, "out"), "w+b") as out, \
                open(os.path.join(tmp, "err"), "w+b") as err:
            subprocess.run([timer(), res] + cmd, stdout=out, stderr=err, env=env)
            out.seek(0)
            err.seek(0)
            o, e = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        with open(res) as f:
            wall, cpu, rss, code = f.read().split()
    return float(wall), float(cpu), int(rss), int(code), o, e


def measure(repo, counts, bindir=None, log=None):
    """For each count K: `bti-check --history` over a fresh bare repository
    (alternates to repo, generate()'s out_dir) whose branch is at the K-th
    generated commit (tag h-K, or counted back from the next tag above;
    K = 0: gen.py's commit and bti-init's alone).
    Returns {K: {commits (walked: every commit from the root), wall, cpu
    (seconds), rss (KiB), ms_per_commit (wall / commits), silent (exit 0,
    no output), exit, output (the first 2,000 characters when not silent),
    and, when 0 is among the counts and K > 0, ms_per_generated
    ((wall - wall at 0) / K: the cost of one generated commit without the
    first two, of which gen.py's adds every case)}}."""
    bindir = bindir or os.environ.get("BTI_BIN") or os.path.join(ROOT, "bin")
    repo = os.path.abspath(repo)
    branch = git_s(repo, "symbolic-ref", "HEAD")
    env = dict(os.environ, BTI_TODAY=TODAY, LC_ALL="C.UTF-8")
    res = {}
    tags = sorted(int(r[len("refs/tags/h-"):]) for r in
                  git_s(repo, "for-each-ref", "--format=%(refname)", "refs/tags/h-*").split())
    for k in counts:
        # a count generate() did not tag: back from the next tag above it
        m = next((t for t in tags if t >= k), None)
        if m is None:
            raise SystemExit(f"history.py: {repo} has fewer than {k} generated commits")
        tip = git_s(repo, "rev-parse", f"refs/tags/h-{m}~{m - k}")
        walked = int(git_s(repo, "rev-list", "--count", tip))
        with tempfile.TemporaryDirectory(prefix=f"bti-history-{k}-") as d:
            subprocess.run(["git", "init", "-q", "--bare", d], check=True)
            with open(os.path.join(d, "objects", "info", "alternates"), "w") as f:
                f.write(os.path.join(repo, "objects") + "\n")
            git(d, "symbolic-ref", "HEAD", branch)
            git(d, "update-ref", branch, tip)
            if log:
                log(f"history.py: bti-check --history over {walked:,} commits (h-{k})")
            wall, cpu, rss, code, out, err = timed(
                [os.path.join(bindir, "bti-check"), "-C", d, "--history"], env)
        silent = code == 0 and not out and not err
        res[k] = {"commits": walked, "wall": wall, "cpu": cpu, "rss": rss,
                  "ms_per_commit": 1000 * wall / walked, "silent": silent, "exit": code,
                  "output": "" if silent else (out + err)[:2000]}
    if 0 in res:
        for k in res:
            if k:
                res[k]["ms_per_generated"] = 1000 * (res[k]["wall"] - res[0]["wall"]) / k
    return res


# ---------------------------------------------------------------- main

def fmt_t(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s" if s < 600 else f"{s / 60:.1f} min"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", help="a repository gen.py made")
    ap.add_argument("--out", help="the history repository (default REPO-history); "
                    "with --no-generate, an existing one")
    ap.add_argument("--commits", type=int, default=1000000)
    ap.add_argument("--counts", default="10000 100000 1000000",
                    help="check the first K generated commits for each K")
    ap.add_argument("--bin", default=os.environ.get("BTI_BIN", os.path.join(ROOT, "bin")))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--depth", type=int, default=50, help="fast-import's delta chain depth")
    ap.add_argument("--verify", type=int, default=0, metavar="V",
                    help="replay the first V commits with the real commands, and check "
                    "the last commit (bti-check --rev) and git fsck")
    ap.add_argument("--no-generate", action="store_true", help="measure an existing --out")
    ap.add_argument("--no-measure", action="store_true")
    ap.add_argument("--no-base", dest="base", action="store_false",
                    help="do not time the check of the first two commits (h-0) alone")
    a = ap.parse_args()
    out = a.out or a.repo.rstrip("/") + "-history"
    counts = sorted({int(x) for x in a.counts.split()} - {0})
    if not a.no_generate:
        if counts and counts[-1] > a.commits:
            sys.exit(f"history.py: a count ({counts[-1]}) is above --commits ({a.commits})")
        g = generate(a.repo, a.commits, out, marks=counts, seed=a.seed, depth=a.depth, log=log)
        print(f"Generated {g['commits']:,} commits over {g['cases']:,} cases in "
              f"{fmt_t(g['seconds'])} ({fmt_t(g['import_seconds'])} the fast-import stream); "
              f"pack {g['pack_bytes'] / 2**20:.0f} MB.")
        print()
    bad = 0
    if a.verify:
        diffs = verify(out, a.verify, a.bin, log=log)
        for d in diffs:
            print(d)
        env = dict(os.environ, BTI_TODAY=TODAY, LC_ALL="C.UTF-8")
        p = subprocess.run([os.path.join(a.bin, "bti-check"), "-C", out, "--rev", "HEAD"],
                           capture_output=True, text=True, env=env)
        f = subprocess.run(["git", "-C", out, "fsck", "--no-progress", "--no-dangling"],
                           capture_output=True, text=True)
        warn = p.stderr.count(": warning: ")
        print(f"Replayed {a.verify} commits with the real commands: "
              f"{'identical' if not diffs else 'DIFFERENT'}; `bti-check --rev HEAD`: "
              f"{'no problems' if p.returncode == 0 and not p.stdout else 'PROBLEMS'} "
              f"({warn:,} warnings of obligations overdue on {TODAY}); "
              f"`git fsck`: {'clean' if f.returncode == 0 and not f.stdout.strip() else 'NOT clean'}.")
        for s in p.stdout[:2000], (f.stdout + f.stderr)[:2000]:
            if s.strip():
                print(s)
        print()
        bad += bool(diffs) or p.returncode != 0 or f.returncode != 0
    if a.no_measure or not counts:
        return bad
    m = measure(out, [0] + counts if a.base else counts, a.bin, log=log)
    print("| generated commits | commits checked | wall | CPU | ms / commit | "
          "ms / generated commit | peak memory | silent |")
    print("|---|---|---|---|---|---|---|---|")
    for k in sorted(m):
        r = m[k]
        print(f"| {k:,} | {r['commits']:,} | {fmt_t(r['wall'])} | {fmt_t(r['cpu'])} | "
              f"{r['ms_per_commit']:.2f} | "
              f"{'%.2f' % r['ms_per_generated'] if 'ms_per_generated' in r else '–'} | "
              f"{r['rss'] / 1024:.0f} MB | {'yes' if r['silent'] else 'NO'} |")
    lo, hi = m[counts[0]], m[counts[-1]]
    print()
    print(f"Linearity: {hi['ms_per_commit']:.2f} ms/commit at {hi['commits']:,} commits / "
          f"{lo['ms_per_commit']:.2f} at {lo['commits']:,} = "
          f"{hi['ms_per_commit'] / lo['ms_per_commit']:.2f}×" +
          (f"; per generated commit (the first two, gen.py's of every case, taken off): "
           f"{hi['ms_per_generated']:.2f} / {lo['ms_per_generated']:.2f} = "
           f"{hi['ms_per_generated'] / lo['ms_per_generated']:.2f}×" if a.base else "") + ".")
    for k in counts:
        if not m[k]["silent"]:
            print(f"\nbti-check --history at h-{k} (exit {m[k]['exit']}):\n{m[k]['output']}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
