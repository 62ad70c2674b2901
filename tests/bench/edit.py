#!/usr/bin/env python3
"""edit.py: workload 1 the way an administrator would script it without bti.

    python3 tests/bench/edit.py DIR CASE-ID LEVEL|close --date D --reason TEXT --by NAME
                                [--cause CAUSE] [--verify] [--edit-only]

Loads cases/YYYY/X/CASE-ID.yaml with PyYAML (the libyaml loader and dumper),
appends a levels entry (a move, or a closing at the current level), dumps the file, then `git add` and `git commit`
through the git CLI. It checks none of the rules bti checks (allowed moves,
consent, coordinator, dates): that is the point of the comparison.

The commit skips the repository's pre-commit hook (--no-verify) unless
--verify is given: the hook runs bti-check, and the baseline should not
depend on the speed of the code it is compared with.

With --edit-only it changes the file and stops: the baseline of one change
in bench.py then times `git add FILE && git commit` alone.

The same edit with the jq-wrapper yq (tests/bench/edit_yq.sh):
    yq -Y -i --indentless -w 100000 --arg d DATE --argjson l LEVEL \\
       --arg r REASON --arg by NAME \\
       '.levels += [{date: $d, level: $l, reason: $r, by: $by}]' FILE
"""
import argparse
import datetime
import os
import subprocess

import yaml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("id")
    ap.add_argument("level", help="a level, or close")
    ap.add_argument("--date", default=datetime.date.today().isoformat())
    ap.add_argument("--reason", required=True)
    ap.add_argument("--by", required=True)
    ap.add_argument("--cause", default="goal-reached", help="with close")
    ap.add_argument("--verify", action="store_true", help="run the pre-commit hook")
    ap.add_argument("--edit-only", action="store_true",
                    help="change the file and stop (the git baseline commits it)")
    a = ap.parse_args()
    path = f"cases/{a.id[:4]}/{a.id[5]}/{a.id}.yaml"
    full = os.path.join(a.dir, path)
    with open(full, "rb") as f:
        case = yaml.load(f, Loader=yaml.CSafeLoader)
    entry = {"date": datetime.date.fromisoformat(a.date)}
    if a.level == "close":
        entry.update(level=case["levels"][-1]["level"], closed=True, cause=a.cause)
    else:
        entry["level"] = int(a.level)
    entry.update(reason=a.reason, by=a.by)
    case["levels"].append(entry)
    with open(full, "w", encoding="utf-8") as f:
        yaml.dump(case, f, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True,
                  default_flow_style=False, width=1 << 20)
    if a.edit_only:
        return
    env = dict(os.environ, GIT_AUTHOR_NAME=a.by, GIT_COMMITTER_NAME=a.by)
    env.setdefault("GIT_AUTHOR_EMAIL", "bench@example.invalid")
    env.setdefault("GIT_COMMITTER_EMAIL", env["GIT_AUTHOR_EMAIL"])
    git = ["git", "-C", a.dir]
    subprocess.run(git + ["add", "--", path], check=True, env=env)
    subprocess.run(git + ["commit", "-q"] + ([] if a.verify else ["--no-verify"]) +
                   ["-m", f"level {a.id}: {a.level}"], check=True, env=env)


if __name__ == "__main__":
    main()
