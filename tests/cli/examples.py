#!/usr/bin/env python3
# examples.py OUTDIR FILE...: writes every example of README.md (its code
# blocks) and of the man pages (the ".Bd -literal" blocks of ".Sh EXAMPLES")
# as a shell script OUTDIR/NNN.sh, and one line per example to OUTDIR/index:
# "NNN<TAB>FILE:LINE<TAB>run|skip<TAB>CASE-STATE or skip reason".
# Run by tests/cli/98-examples.t; the conventions are in docs/design.md,
# "Examples in the docs are run".
#
# A block is shell: with "$ " prompts, the prompt lines (and the lines
# that continue them: after a trailing backslash, in an open loop or
# quote) are the commands and every other line is output; without
# prompts, every line is a command. A command must exit 0, unless the
# next command is "echo $?" and the line it prints is its status. A
# command shown with output prints something, and the RULE of an output
# line "...: RULE: message" (consent/guardians) is in what it printed. A
# case id written out in a command (2026-K7M4QX) is the fixture's case,
# $id, and its path cases/2026/K/2026-K7M4QX.yaml is $file.
# A directive just before a block:
#   .\" example: skip REASON       <!-- example: skip REASON -->
#   .\" example: case STATE        <!-- example: case STATE -->
#   .\" example: file PATH         <!-- example: file PATH -->
# skip: not run (needs a server, a key, a placeholder); case: $id is the
# fixture's case in STATE (new when not given; 98-examples.t lists them;
# none: an empty directory, not a case repository);
# file: the block is the content of PATH, written there and checked with
# bti-check.
import os
import re
import subprocess
import sys

ROFF = {"/o": "ø", "/O": "Ø", "ae": "æ", "AE": "Æ", "oa": "å", "oA": "Å",
        "'a": "á", "'e": "é", ":a": "ä", ":o": "ö", ":u": "ü", "`e": "è",
        "aq": "'", "dq": '"', "em": "—", "en": "–", "ss": "ß", "->": "→",
        "lq": "“", "rq": "”", "ba": "|", "ti": "~", "ha": "^", "rs": "\\"}
ID = r"\b[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6}\b"
PATH = r"cases/[0-9]{4}/[0-9A-HJKMNP-TV-Z]/" + ID[2:-2] + r"\.yaml"
RULE = re.compile(r": (?:warning: )?([a-z]+/[a-z-]+): ")
DIRECTIVE = re.compile(r"example:\s*(skip|case|file)\b\s*(.*?)\s*$")


def unroff(line):
    def one(m):
        e = m.group(1)
        if e.startswith("("):
            return ROFF.get(e[1:], m.group(0))
        return {"e": "\\", "&": "", "-": "-", "\\": "\\"}[e]
    return re.sub(r"\\(\(..|[e&\-\\])", one, line)


def man_blocks(path):
    """(line, directive, lines) for each literal block of EXAMPLES."""
    section, directive, block, start = "", None, None, 0
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if block is not None:
                if line.startswith(".Ed"):
                    yield start, directive, block
                    block, directive = None, None
                elif line.startswith(".") and not line.startswith(".\\\""):
                    block.append(None)      # a macro: not literal text
                elif not line.startswith(".\\\""):
                    block.append(unroff(line))
                continue
            if line.startswith(".Sh "):
                section, directive = line[4:].strip().strip('"'), None
            elif section != "EXAMPLES":
                continue
            elif line.startswith(".\\\""):
                m = DIRECTIVE.search(line)
                if m:
                    directive = (m.group(1), m.group(2))
            elif line.startswith(".Bd") and "-literal" in line:
                block, start = [], no + 1


def md_blocks(path):
    """(line, directive, lines) for each code block of a Markdown file."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    # An indented block inside a list is the item's text, not code.
    directive, i, prev_blank, in_list = None, 0, True, False
    while i < len(lines):
        line = lines[i]
        m = re.match(r"\s*<!--\s*(.*?)\s*-->\s*$", line)
        if m and DIRECTIVE.search(m.group(1)):
            d = DIRECTIVE.search(m.group(1))
            directive = (d.group(1), d.group(2))
            i += 1
            continue
        fence = re.match(r"(```+|~~~+)\s*([a-z]*)", line)
        if fence:
            j = i + 1
            while j < len(lines) and not lines[j].startswith(fence.group(1)):
                j += 1
            if fence.group(2) in ("", "sh", "shell", "console", "bash"):
                yield i + 2, directive, lines[i + 1:j]
            directive, i, prev_blank = None, j + 1, False
            continue
        if prev_blank and not in_list and line.startswith("    ") and line.strip():
            j = i
            while j < len(lines) and (lines[j].startswith("    ") or
                                      (not lines[j].strip() and j + 1 < len(lines)
                                       and lines[j + 1].startswith("    "))):
                j += 1
            yield i + 1, directive, [l[4:] for l in lines[i:j]]
            directive, i, prev_blank = None, j, False
            continue
        if re.match(r"([-*+]|[0-9]+\.)\s", line):
            in_list = True
        elif line.strip() and not line[0].isspace():
            in_list = False
        prev_blank = not line.strip()
        i += 1


def incomplete(text):
    """Whether a command goes on in the next line (an open loop or quote)."""
    r = subprocess.run(["bash", "-n", "-c", text], capture_output=True, text=True)
    return "unexpected end of file" in r.stderr


def commands(lines):
    """[(text, [output lines])] of a block."""
    prompted = any(l is not None and re.match(r"[$#] ", l) for l in lines)
    cmds, cont = [], False
    for l in lines:
        if l is None:
            cont = False
            continue
        if cont:
            cmds[-1][0].append(l)
        elif prompted and re.match(r"[$#] ", l):
            cmds.append(([l[2:]], []))
        elif prompted:
            if cmds:
                cmds[-1][1].append(l)
            continue
        elif l.strip() and not l.lstrip().startswith("#"):
            cmds.append(([l], []))
        else:
            continue
        cont = l.endswith("\\") or incomplete("\n".join(cmds[-1][0]))
    return [("\n".join(c), out) for c, out in cmds]


def q(s):
    return "'" + s.replace("'", "'\\''") + "'"


def script(lines):
    cmds = commands(lines)
    sh = []
    k = 0
    while k < len(cmds):
        text, out = cmds[k]
        want, status = 0, False
        if (k + 1 < len(cmds) and cmds[k + 1][0].strip() == "echo $?"
                and cmds[k + 1][1] and cmds[k + 1][1][0].strip().isdigit()):
            want, status = int(cmds[k + 1][1][0].strip()), True
        text = re.sub(PATH, "${file}", text)
        text = re.sub(ID, "${id}", text)
        sh.append("{\n%s\n} >\"$ex_out\" 2>\"$ex_err\" </dev/null\n"
                  "ex_check $? %d %s" % (text, want, q(text)))
        if any(o.strip() for o in out):
            sh.append("ex_prints %s" % q(text))
        for rule in sorted({m.group(1) for o in out for m in RULE.finditer(o)}):
            sh.append("ex_rule %s %s" % (q(rule), q(text)))
        k += 2 if status else 1
    return "\n".join(sh) + "\n"


def main():
    outdir = sys.argv[1]
    index = []
    for path in sys.argv[2:]:
        name = os.path.relpath(path, os.environ.get("top", "."))
        blocks = md_blocks(path) if path.endswith(".md") else man_blocks(path)
        for line, directive, lines in blocks:
            where = "%s:%d" % (name, line)
            kind, arg = directive or ("case", "")
            nr = "%03d" % (len(index) + 1)
            if kind == "skip":
                index.append((nr, where, "skip", arg or "not run"))
                continue
            if kind == "file":
                text = "\n".join(l for l in lines if l is not None)
                body = ("mkdir -p \"$(dirname %s)\"\ncat >%s <<'EX_EOF'\n%s\nEX_EOF\n"
                        "bti-check %s >\"$ex_out\" 2>\"$ex_err\"\n"
                        "ex_check $? 0 %s\n" % (q(arg), q(arg), text, q(arg),
                                               q("bti-check " + arg)))
                arg = ""
            else:
                body = script(lines)
            with open(os.path.join(outdir, nr + ".sh"), "w", encoding="utf-8") as f:
                f.write(body)
            index.append((nr, where, "run", arg or "new"))
    with open(os.path.join(outdir, "index"), "w", encoding="utf-8") as f:
        for row in index:
            f.write("\t".join(row) + "\n")


main()
