#!/usr/bin/env python3
"""stats.py: the yearly figures the way an administrator would script them.

    python3 tests/bench/stats.py DIR YEAR [--raw] [--bands=default|ssb]

Reads every cases/YYYY/X/ID.yaml under DIR with PyYAML's libyaml loader
(yaml.CSafeLoader) and prints the figures of `bti-report -C DIR --year YEAR
--format tsv`: the same tables, rows, order and suppression (bti.yaml's
suppress_below, default 5), so that

    diff <(bin/bti-report -C DIR --year 2025 --format tsv) \\
         <(python3 tests/bench/stats.py DIR 2025)

is empty (--bands as bti-report's --bands). It is a port of lib/stats.c
(stats_add, count_evaluations, stats_finish: primary, protect, link),
lib/crosstab.c (the cross-tables and their suppression in two dimensions),
lib/collate.c (Norwegian order, names the same but for case and spaces),
the consent coverage of lib/rules.c and lib/render.c (stats_delimited),
written independently of the C code's data structures, so it doubles as a
check of the figures. It reads the level model (models/NAME.yaml) for
decision_days, meetings_per_year and the levels of cooperation, and
bti.yaml's services: register for the tables by service kind. --raw
prints the counts before suppression. One repository only: no tables by
repository.

Differences kept on purpose: it reads the work tree (bti-report reads the
committed blobs; the same after gen.py, whose work tree is clean) and it
does not validate cases (bti-report skips the cases bti-check refuses).
"""
import datetime
import os
import re
import sys

import yaml

TABLES = ("opened", "opened_by_service", "opened_by_age", "active_by_highest_level",
          "open_at_end_by_level", "level_moves", "closed_by_level", "closed_by_cause",
          "evaluations_due", "consents", "coordinator_handovers", "reports_to_child_welfare",
          "median_days", "reports_by_receiver", "reports_guardians_told", "concern_kinds",
          "worry_score", "worry_quartiles", "active_by_age", "active_children", "reopenings",
          "case_duration_days", "days_at_level", "services_joined", "coordinators_by_service",
          "meetings_child_heard", "measure_outcomes", "decisions_within_deadline",
          "meetings_at_cooperation_levels", "cooperation_consents", "cooperation_child_heard",
          "opened_by_service_kind", "services_joined_by_kind", "coordinators_by_service_kind")
KINDS = ("violence", "sexual-abuse", "neglect", "illness", "disability", "behaviour",
         "trafficking", "other")
BANDS = {"default": (5, 12, 15, 17, 23), "ssb": (5, 12, 17, 22, 23)}
FIXED = {
    "evaluations_due": ("on-time", "late", "not-evaluated"),
    "consents": ("given", "refused", "withdrawn"),
    "median_days": ("opening-to-first-measure", "opening-to-decision"),
    "reports_by_receiver": ("barnevern", "politi"),
    "reports_guardians_told": ("told", "not-told"),
    "concern_kinds": KINDS + ("no-kind",),
    "worry_score": tuple(str(i) for i in range(1, 11)),
    "worry_quartiles": ("q1", "median", "q3"),
    "case_duration_days": ("q1", "median", "q3"),
    "meetings_child_heard": ("child-present", "child-view", "child-not-heard"),
    "measure_outcomes": ("reached", "continue", "change", "stop"),
    "decisions_within_deadline": ("on-time", "late", "overdue", "waiting"),
    "meetings_at_cooperation_levels": ("enough", "too-few"),
    "cooperation_consents": ("consent-in-force", "without-consent"),
    "cooperation_child_heard": ("heard", "meetings-not-heard", "no-meeting"),
}
NO_ROWS = ("opened", "coordinator_handovers", "reports_to_child_welfare", "active_children",
           "reopenings")
MEDIANS = ("median_days", "days_at_level")
CROSSTABS = ("opened_by_service_and_age", "active_by_level_and_service", "closed_by_level_and_cause",
             "opened_by_service_kind_and_age", "active_by_level_and_service_kind")
# Printed, and taking part in the suppression, only with a services register.
BY_KIND = ("opened_by_service_kind", "services_joined_by_kind", "coordinators_by_service_kind",
           "opened_by_service_kind_and_age", "active_by_level_and_service_kind")
XLINKS = {"opened_by_service_and_age": ("opened_by_service", "opened_by_age"),
          "active_by_level_and_service": ("active_by_highest_level", None),
          "closed_by_level_and_cause": ("closed_by_level", "closed_by_cause"),
          "opened_by_service_kind_and_age": ("opened_by_service_kind", "opened_by_age"),
          "active_by_level_and_service_kind": ("active_by_highest_level", None)}
SAME_TOTAL = (("opened", "opened_by_service", "opened_by_age", "opened_by_service_kind"),
              ("active_by_highest_level", "active_by_age"),
              ("closed_by_level", "closed_by_cause"),
              ("reports_to_child_welfare", "reports_by_receiver", "reports_guardians_told"),
              ("services_joined", "services_joined_by_kind"),
              ("coordinators_by_service", "coordinators_by_service_kind"))
QUARTILES = ("worry_quartiles", "case_duration_days")

DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def day(v):
    """lib/date.c date_parse on a scalar: a day number, or -1."""
    if isinstance(v, datetime.datetime):
        return -1                         # a timestamp is not a plain date
    if isinstance(v, datetime.date):
        return v.toordinal() if v.year >= 1850 else -1
    if isinstance(v, str) and DATE_RE.match(v):
        try:
            d = datetime.date(int(v[:4]), int(v[5:7]), int(v[8:10]))
        except ValueError:
            return -1
        return d.toordinal() if d.year >= 1850 else -1
    return -1


def age_on(born, on):
    b = datetime.date.fromordinal(born)
    o = datetime.date.fromordinal(on)
    return o.year - b.year - ((o.month, o.day) < (b.month, b.day))


def band_keys(bands):
    """The rows of an age band set, the one past the last ("24+") apart."""
    keys, lo = [], 0
    for hi in bands:
        keys.append(str(lo) if lo == hi else f"{lo}-{hi}")
        lo = hi + 1
    return keys, f"{lo}+"


def age_group(bands, age):
    keys, older = band_keys(bands)
    for key, hi in zip(keys, bands):
        if age <= hi:
            return key
    return older


def fnr_born(s):
    """lib/fnr.c fnr_check: the birth date a valid national id number gives, or -1."""
    if not isinstance(s, str) or len(s) != 11 or not all("0" <= c <= "9" for c in s):
        return -1
    d = [int(c) for c in s]

    def check(w, n):
        return (11 - sum(d[i] * w[i] for i in range(n)) % 11) % 11
    if check((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), 10) != d[10]:
        return -1
    shift = (d[9] - check((3, 7, 6, 1, 8, 9, 4, 5, 2), 9)) % 11
    if shift > 3:
        return -1
    dd, mm, yy = d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]
    if dd > 40:
        dd -= 40
    if mm > 80:
        mm -= 80
    elif mm > 40:
        mm -= 40
    year = 0
    if shift == 0:
        indiv = d[6] * 100 + d[7] * 10 + d[8]
        year = (1900 + yy if indiv < 500 else 1800 + yy if indiv < 750 and yy >= 54 else
                2000 + yy if yy <= 39 else 1900 + yy if indiv >= 900 else 0)
    if not year:
        return -1                         # valid, but no birth date to use
    try:
        return datetime.date(year, mm, dd).toordinal()
    except ValueError:
        return -1


def as_int(v):
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def text(v):
    """map_str: the scalar's text (bti-report prints what the file says)."""
    if v is None or isinstance(v, (list, dict)):
        return None
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def lower(c):
    """lib/collate.c lower: Basic Latin, Latin-1, Latin Extended-A."""
    if ord("A") <= c <= ord("Z") or (0xC0 <= c <= 0xDE and c != 0xD7):
        return c + 0x20
    if 0x100 <= c <= 0x137 or 0x14A <= c <= 0x177:
        return c | 1
    if 0x139 <= c <= 0x148 or 0x179 <= c <= 0x17E:
        return c + 1 if c & 1 else c
    return c


LETTERS = {0xE0: "a", 0xE1: "a", 0xE2: "a", 0xE3: "a", 0xE4: 27, 0xE5: 29, 0xE6: 27, 0xE7: "c",
           0xE8: "e", 0xE9: "e", 0xEA: "e", 0xEB: "e", 0xEC: "i", 0xED: "i", 0xEE: "i", 0xEF: "i",
           0xF1: "n", 0xF2: "o", 0xF3: "o", 0xF4: "o", 0xF5: "o", 0xF6: 28, 0xF8: 28, 0xF9: "u",
           0xFA: "u", 0xFB: "u", 0xFC: "y", 0xFD: "y", 0xFF: "y", 0x101: "a", 0x10D: "c",
           0x111: "d", 0x14B: "n", 0x161: "s", 0x167: "t", 0x17E: "z"}


def weight(c):
    """lib/collate.c weight: signs, digits, a..z æ ø å, the rest."""
    lc = lower(c)
    if ord("a") <= lc <= ord("z"):
        return 1000 + lc - ord("a") + 1
    if lc in LETTERS:
        to = LETTERS[lc]
        return 1000 + (ord(to) - ord("a") + 1 if isinstance(to, str) else to)
    if ord("0") <= c <= ord("9"):
        return 500 + c
    return c if c < 128 else 2000 + c


def collate_key(s):
    """nb_collate: the weights, then the bytes."""
    return tuple(weight(ord(ch)) for ch in s), s.encode()


def name_key(s):
    """nb_same_name: small letters, no spaces at the ends, runs of spaces as one."""
    words = [w for w in s.replace("\u00a0", " ").split(" ") if w]
    return " ".join("".join(chr(lower(ord(ch))) for ch in w) for w in words)


def fold_name(s):
    """lib/fold.c fold_name: small letters, words apart at spaces and '-'."""
    return " ".join("".join(chr(lower(ord(ch))) for ch in w) for w in re.split("[ \t\n\r\xa0-]+", s) if w)


def service_kind(register, name):
    """The kind of the register's service whose name or alias is name in
    any letter case, or "unknown"."""
    for e in register or []:
        words = [e.get("name")] + list(e.get("aliases") or [])
        if any(isinstance(w, str) and fold_name(w) == fold_name(name) for w in words):
            return e.get("kind") if isinstance(e.get("kind"), str) else "unknown"
    return "unknown"


def covering(c, service, d):
    """lib/rules.c rules_covering: a given consent for the service in force on d."""
    cs = c.get("consents") or []
    for x in cs:
        frm = day(x.get("date"))
        if x.get("status") != "given" or frm > d or service not in (x.get("services") or []):
            continue
        if x.get("scope") == "meeting" and frm != d:
            continue
        until = day(x.get("expires")) if "expires" in x else -1
        if until >= 0 and d > until:
            continue
        w = next((day(y.get("date")) for y in cs
                  if y.get("status") == "withdrawn" and y.get("withdraws") == x.get("id")), -1)
        if 0 <= w <= d:
            continue
        return True
    return False


def uncovered_spans(c):
    """lib/facts.c uncovered: [from, to) spans (to -1 when it lasts) with a
    service taking part (rules_involved) and no consent covering it."""
    sv = c.get("services") or []

    def involved(name, d):
        state = False
        for e in sv:
            if day(e.get("date")) <= d and e.get("name") == name:
                state = e.get("action") == "join"
        return state
    days = set()
    for k in ("services", "consents"):
        for e in c.get(k) or []:
            d = day(e.get("date"))
            if d >= 0:
                days.add(d)
            if "expires" in e and day(e.get("expires")) >= 0:
                days.add(day(e.get("expires")) + 1)
            if k == "consents" and e.get("scope") == "meeting" and d >= 0:
                days.add(d + 1)
    spans = []
    for d in sorted(days):
        out = any(involved(e.get("name"), d) and not covering(c, e.get("name"), d) for e in sv)
        if out and (not spans or spans[-1][1] >= 0):
            spans.append([d, -1])
        elif not out and spans and spans[-1][1] < 0:
            spans[-1][1] = d
    return spans


def quartiles(v):
    """q1, median, q3: the medians of the sorted values and of their lower
    and upper halves (the middle value in neither; one value is all three)."""
    s = sorted(v)
    half = max(len(s) // 2, 1)
    return median(s[:half]), median(s), median(s[len(s) - half:])


def median(s):
    n = len(s)
    return s[n // 2] if n % 2 else c_div(s[n // 2 - 1] + s[n // 2], 2)


def child_identity(child):
    """The child: the fnr, else the name and birth date (never printed)."""
    if "fnr" in child:
        return ("fnr", text(child.get("fnr")))
    if "born" in child and "name" in child:
        return ("name", text(child.get("name")), text(child.get("born")))
    return None


class Stats:
    def __init__(self, year, today, bands=BANDS["default"], model=None, register=None):
        model = model or {}
        self.register = register
        self.decision_days = as_int(model.get("decision_days")) or 0
        self.meetings_per_year = as_int(model.get("meetings_per_year")) or 0
        self.meeting_levels = {as_int(lv.get("level")) for lv in model.get("levels") or []
                               if lv.get("cooperation") is True}
        self.frm = datetime.date(year, 1, 1).toordinal()
        self.to = datetime.date(year, 12, 31).toordinal()
        self.today = today
        self.bands = bands
        fixed = dict(FIXED)
        fixed["opened_by_age"] = fixed["active_by_age"] = tuple(band_keys(bands)[0])
        self.rows = {t: {k: 0 for k in fixed.get(t, ())} for t in TABLES}
        self.nfixed = {t: len(fixed.get(t, ())) for t in TABLES}
        self.total = {t: 0 for t in TABLES}
        self.med = ([], [])
        self.vals = {"worry_quartiles": [], "case_duration_days": []}
        self.level_days = {}
        self.children = set()
        self.pairs = {x: {} for x in CROSSTABS}

    def pair(self, x, r, c):
        """crosstab_count: names the same but for case and spaces are one,
        under the spelling first by bytes."""
        k = (name_key(r), name_key(c))
        p = self.pairs[x].setdefault(k, [r, c, 0])
        p[0], p[1] = min(p[0], r, key=str.encode), min(p[1], c, key=str.encode)
        p[2] += 1

    def inp(self, d):
        return self.frm <= d <= self.to

    def count(self, table, key):
        r = self.rows[table]
        if key not in r:
            # stats.c row: one row for names that differ in case or spaces
            old = next((k for k in r if name_key(k) == name_key(key)), None)
            if old is not None and key.encode() < old.encode():
                self.rows[table] = r = {(key if k == old else k): v for k, v in r.items()}
            elif old is not None:
                key = old
        r[key] = r.get(key, 0) + 1
        self.total[table] += 1

    def add(self, c):
        inp = self.inp
        child = c.get("child") or {}
        opened = day(c.get("opened"))
        born = day(child.get("born")) if "born" in child else -1
        if born < 0:
            born = fnr_born(child.get("fnr"))
        if inp(opened):
            self.total["opened"] += 1
            self.count("opened_by_service", text(c.get("service")))
            age = age_group(self.bands, age_on(born, opened)) if born >= 0 else "unknown"
            self.count("opened_by_age", age)
            self.pair("opened_by_service_and_age", text(c.get("service")), age)
            kind = service_kind(self.register, text(c.get("service")))
            self.count("opened_by_service_kind", kind)
            self.pair("opened_by_service_kind_and_age", kind, age)
            concern = c.get("concern") or {}
            kinds = concern.get("kinds") or []
            for k in KINDS:
                if k in kinds:
                    self.count("concern_kinds", k)
            if not any(k in KINDS for k in kinds):
                self.count("concern_kinds", "no-kind")
            w = as_int(concern.get("worry"))
            if w is not None and 1 <= w <= 10:
                self.count("worry_score", str(w))
                self.vals["worry_quartiles"].append(w)
        lv = c.get("levels") or []
        # the level as the period starts, before the entries of its first
        # day (those count below, as every entry in the period does)
        level, closed = -1, False
        for e in lv:
            when, l = day(e.get("date")), as_int(e.get("level"))
            if when >= self.frm or l is None:
                continue
            level, closed = l, e.get("closed") is True
        active = level >= 0 and not closed
        highest = level if active else -1
        prev, prev_closed, prev_date, decision = -1, False, -1, -1
        for i, e in enumerate(lv):
            l = as_int(e.get("level"))
            cl = e.get("closed") is True
            d = day(e.get("date"))
            if i > 0 and decision < 0:
                decision = d
            if inp(d):
                active = True
                if not cl and l > highest:
                    highest = l
                if i > 0 and not prev_closed:
                    # a stay at a level, ended by this entry
                    self.level_days.setdefault(str(prev), []).append(d - prev_date)
                if cl:
                    self.count("closed_by_level", str(l))
                    self.count("closed_by_cause", text(e.get("cause")))
                    self.pair("closed_by_level_and_cause", str(l), text(e.get("cause")))
                    self.vals["case_duration_days"].append(d - opened)
                elif i > 0 and not prev_closed:
                    self.count("level_moves", f"{prev}>{l}")
                elif i > 0:
                    self.total["reopenings"] += 1
            prev, prev_closed, prev_date = l, cl, d
        if active and highest >= 0:
            self.count("active_by_highest_level", str(highest))
            self.pair("active_by_level_and_service", str(highest), text(c.get("service")))
            self.pair("active_by_level_and_service_kind", str(highest),
                      service_kind(self.register, text(c.get("service"))))
            self.count("active_by_age", age_group(self.bands, age_on(born, self.to)) if born >= 0 else "unknown")
            who = child_identity(child)
            if who:
                self.children.add(who)
        # open at the end of the last day: a closing that day counts
        level = -1
        for e in lv:
            l = as_int(e.get("level"))
            if day(e.get("date")) <= self.to and l is not None:
                level, closed = l, e.get("closed") is True
        if level >= 0 and not closed:
            self.count("open_at_end_by_level", str(level))
        for e in c.get("consents") or []:
            if inp(day(e.get("date"))):
                self.count("consents", text(e.get("status")))
        for i, e in enumerate(c.get("coordinators") or []):
            if inp(day(e.get("date"))):
                self.total["coordinator_handovers"] += i > 0
                self.count("coordinators_by_service", text(e.get("service")) or "")
                self.count("coordinators_by_service_kind", service_kind(self.register, text(e.get("service")) or ""))
        for e in c.get("services") or []:
            if e.get("action") == "join" and inp(day(e.get("date"))):
                self.count("services_joined", text(e.get("name")))
                self.count("services_joined_by_kind", service_kind(self.register, text(e.get("name"))))
        for e in c.get("reports") or []:
            if inp(day(e.get("date"))):
                self.total["reports_to_child_welfare"] += 1
                self.count("reports_by_receiver", "politi" if e.get("to") == "politi" else "barnevern")
                self.count("reports_guardians_told", "told" if e.get("inform_guardians") is True else "not-told")
        for e in c.get("meetings") or []:
            if inp(day(e.get("date"))):
                self.count("meetings_child_heard", "child-present" if e.get("child_present") is True else
                           "child-view" if "child_view" in e else "child-not-heard")
        for e in c.get("evaluations") or []:
            if inp(day(e.get("date"))):
                for x in e.get("measures") or []:
                    self.count("measure_outcomes", text(x.get("outcome")))
        # each due date of each measure is answered by the next evaluation
        # that names the measure; "next" gives the following due date
        ms = c.get("measures") or []
        ev = c.get("evaluations") or []
        for m in ms:
            mid = text(m.get("id"))
            due = day(m.get("evaluate_by"))
            j = 0
            while due >= 0:
                it = None
                while j < len(ev) and it is None:
                    for x in ev[j].get("measures") or []:
                        if text(x.get("measure")) == mid:
                            it = x
                    j += 1
                if it is None:
                    if inp(due) and due < self.today:
                        self.count("evaluations_due", "not-evaluated")
                    break
                if inp(due):
                    self.count("evaluations_due",
                               "on-time" if day(ev[j - 1].get("date")) <= due else "late")
                due = day(it.get("next"))
        if True:
            # days at a level of cooperation in the period, meetings on them,
            # and whether a service taking part lacked a consent on one
            days = held = heard = without = 0
            unc = uncovered_spans(c)
            meetings = [(day(m.get("date")), m.get("child_present") is True or "child_view" in m)
                        for m in c.get("meetings") or []]
            for i, e in enumerate(lv):
                if e.get("closed") is True or as_int(e.get("level")) not in self.meeting_levels:
                    continue
                start = max(day(e.get("date")), self.frm)
                end = min(day(lv[i + 1].get("date")) if i + 1 < len(lv) else self.to + 1, self.to + 1)
                if end > start:
                    days += end - start
                    held += sum(1 for m, _ in meetings if start <= m < end)
                    heard += sum(1 for m, h in meetings if start <= m < end and h)
                    without |= any(a < end and (b < 0 or b > start) for a, b in unc)
            if days > 0 and self.meetings_per_year > 0:
                self.count("meetings_at_cooperation_levels",
                           "enough" if held * 365 >= self.meetings_per_year * days else "too-few")
            if days > 0:
                self.count("cooperation_consents", "without-consent" if without else "consent-in-force")
                self.count("cooperation_child_heard",
                           "heard" if heard else "meetings-not-heard" if held else "no-meeting")
        if inp(opened) and self.decision_days > 0:
            due = opened + self.decision_days
            self.count("decisions_within_deadline",
                       ("on-time" if decision <= due else "late") if decision >= 0 else
                       "overdue" if due < self.today else "waiting")
        if inp(opened):
            if ms:
                self.med[0].append(day(ms[0].get("date")) - opened)
            if decision >= 0:
                self.med[1].append(decision - opened)

    def finish(self, k, raw=False):
        """Rows in output order with their shown values (stats_finish, primary,
        protect, link, crosstab_protect)."""
        out = []
        self.total["active_children"] = len(self.children)
        for key in self.level_days:
            self.rows["days_at_level"][key] = 0
        rows, hid, thid = {}, {}, {}
        tables = [t for t in TABLES if self.register is not None or t not in BY_KIND]
        for t in tables:
            rows[t] = list(self.rows[t].items())
            f = self.nfixed[t]
            rows[t][f:] = sorted(rows[t][f:], key=lambda r: collate_key(r[0]))
            if t in MEDIANS or t in QUARTILES:
                continue
            # primary: 0 < n < k
            thid[t] = 1 if 0 < self.total[t] < k else 0
            hid[t] = [1 if 0 < n < k else 0 for _, n in rows[t]]
        xs = [CrossTable(x, self.pairs[x], rows.get(XLINKS[x][0]), rows.get(XLINKS[x][1]), k)
              for x in CROSSTABS if self.register is not None or x not in BY_KIND]
        more = True
        while more:
            more = 0
            for t in tables:
                if t in hid and t not in NO_ROWS:
                    more += protect(rows[t], hid[t], thid, t)
            for x in xs:
                more += x.protect()
                for side in (0, 1):
                    link = XLINKS[x.id][side]
                    if link:
                        more += x.link(side, rows[link], hid[link], thid, link)
            for group in SAME_TOTAL:
                for other in group[1:]:
                    if other not in thid:
                        continue
                    a, b = thid[group[0]], thid[other]
                    if bool(a) != bool(b):
                        thid[group[0]] = thid[group[0]] or 2
                        thid[other] = thid[other] or 2
                        more += 1
        shown = (lambda h, n: ":" if h and not raw else str(n))
        for t in tables:
            if t in MEDIANS:
                for w, (key, _) in enumerate(rows[t]):
                    v = sorted(self.med[w] if t == "median_days" else self.level_days[key])
                    n = len(v)
                    if n:
                        out.append((t, key, shown(n < k, median(v))))
                continue
            if t in QUARTILES:
                v = self.vals[t]
                if v:
                    for key, q in zip(("q1", "median", "q3"), quartiles(v)):
                        out.append((t, key, shown(len(v) < k, q)))
                continue
            for i, (key, n) in enumerate(rows[t]):
                out.append((t, key, shown(hid[t][i], n)))
            out.append((t, "total", shown(thid[t], self.total[t])))
        for x in xs:
            for i, rk in enumerate(x.rk + ["total"]):
                for j, ck in enumerate(x.ck + ["total"]):
                    out.append((x.id, f"{rk}|{ck}", shown(x.hid[i][j], x.v[i][j])))
        return out


def protect(rows, hidden, thid, t):
    """lib/stats.c protect: where exactly one of the rows and the total is
    hidden, the smallest other row (a non-zero one if there is one)."""
    if sum(1 for h in hidden if h) + (1 if thid[t] else 0) != 1:
        return 0
    mi = None
    for i, (_, n) in enumerate(rows):
        if hidden[i]:
            continue
        if mi is None or (rows[mi][1] == 0 and n > 0) or (0 < n < rows[mi][1]):
            mi = i
    if mi is None:
        return 0
    hidden[mi] = 2
    return 1


class CrossTable:
    """lib/crosstab.c: the grid with its totals and the suppression."""

    def __init__(self, name, pairs, rlink, clink, k):
        self.id = name

        def keys(link, side):
            fixed = [key for key, _ in link] if link else []
            seen, extra = {name_key(k) for k in fixed}, []
            for p in pairs.values():
                if name_key(p[side]) not in seen:
                    seen.add(name_key(p[side]))
                    extra.append(p[side])
            return fixed + sorted(extra, key=collate_key)
        self.rk, self.ck = keys(rlink, 0), keys(clink, 1)
        R, C = len(self.rk), len(self.ck)
        self.v = [[0] * (C + 1) for _ in range(R + 1)]
        rn, cn = [name_key(k) for k in self.rk], [name_key(k) for k in self.ck]
        for r, c, n in pairs.values():
            i, j = rn.index(name_key(r)), cn.index(name_key(c))
            for a, b in ((i, j), (i, C), (R, j), (R, C)):
                self.v[a][b] += n
        self.hid = [[1 if 0 < n < k else 0 for n in row] for row in self.v]

    def joined(self, a, b, skip):
        """Whether nodes a and b (rows 0..R, then the columns) are joined by
        hidden values, the value skip left out."""
        R, C = len(self.v), len(self.v[0])
        seen, todo = {a}, [a]
        while todo:
            u = todo.pop()
            if u == b:
                return True
            for w in range(C if u < R else R):
                i, j, node = (u, w, R + w) if u < R else (w, u - R, w)
                if self.hid[i][j] and (i, j) != skip and node not in seen:
                    seen.add(node)
                    todo.append(node)
        return False

    def cost(self, i, j):
        return 0 if self.hid[i][j] else self.v[i][j] or 1 << 40

    def protect(self):
        R, C = len(self.v), len(self.v[0])
        added, again = 0, True
        while again:
            again = False
            for i in range(R):
                for j in range(C):
                    if again or not self.hid[i][j] or self.joined(i, R + j, (i, j)):
                        continue
                    best = None
                    for i2 in range(R):
                        for j2 in range(C):
                            if i2 == i or j2 == j:
                                continue
                            c = self.cost(i, j2) + self.cost(i2, j2) + self.cost(i2, j)
                            if best is None or c < best[0]:
                                best = (c, i2, j2)
                    if best is None:
                        continue
                    _, bi, bj = best
                    for a, b in ((i, bj), (bi, bj), (bi, j)):
                        if not self.hid[a][b]:
                            self.hid[a][b] = 2
                            added += 1
                    again = True
        return added

    def link(self, side, rows, hidden, thid, t):
        """What the linked table hides of a total, this one hides, and the
        other way round."""
        R, C = len(self.rk), len(self.ck)
        n = 0
        for i, key in enumerate(self.ck if side else self.rk):
            for j, (rkey, _) in enumerate(rows):
                if rkey == key:
                    a, b = (R, i) if side else (i, C)
                    if bool(hidden[j]) != bool(self.hid[a][b]):
                        hidden[j] = hidden[j] or 2
                        self.hid[a][b] = self.hid[a][b] or 2
                        n += 1
        if bool(thid[t]) != bool(self.hid[R][C]):
            thid[t] = thid[t] or 2
            self.hid[R][C] = self.hid[R][C] or 2
            n += 1
        return n


def c_div(a, b):
    """C's integer division (towards zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def tsv_field(s):
    return re.sub(r"[\t\n\r]", " ", s)


def today():
    env = os.environ.get("BTI_TODAY", "")
    d = day(env) if env else -1
    return d if d >= 0 else datetime.date.today().toordinal()


def suppress_below(repo):
    try:
        with open(os.path.join(repo, "bti.yaml"), "rb") as f:
            cfg = yaml.load(f, Loader=yaml.CSafeLoader) or {}
    except FileNotFoundError:
        return 5
    k = as_int(cfg.get("suppress_below"))
    return k if k is not None else 5


def services_register(repo):
    """bti.yaml's services: list, or None without one."""
    try:
        with open(os.path.join(repo, "bti.yaml"), "rb") as f:
            return (yaml.load(f, Loader=yaml.CSafeLoader) or {}).get("services")
    except FileNotFoundError:
        return None


def level_model(repo):
    """The level model (models/NAME.yaml, NAME bti.yaml's model), or {}."""
    try:
        with open(os.path.join(repo, "bti.yaml"), "rb") as f:
            name = (yaml.load(f, Loader=yaml.CSafeLoader) or {}).get("model")
        with open(os.path.join(repo, "models", f"{name}.yaml"), "rb") as f:
            model = yaml.load(f, Loader=yaml.CSafeLoader) or {}
    except (FileNotFoundError, TypeError):
        return {}
    return model


def main():
    args = [a for a in sys.argv[1:] if a != "--raw" and not a.startswith("--bands=")]
    bands = [a[8:] for a in sys.argv[1:] if a.startswith("--bands=")] or ["default"]
    if len(args) != 2 or not args[1].isdigit() or bands[-1] not in BANDS:
        sys.exit("usage: stats.py DIR YEAR [--raw] [--bands=default|ssb]")
    repo, year = args[0], int(args[1])
    st = Stats(year, today(), BANDS[bands[-1]], level_model(repo), services_register(repo))
    top = os.path.join(repo, "cases")
    for d, subdirs, names in os.walk(top):
        subdirs.sort()
        for name in sorted(names):
            if len(name) > 5 and name.endswith(".yaml"):
                with open(os.path.join(d, name), "rb") as f:
                    st.add(yaml.load(f, Loader=yaml.CSafeLoader))
    w = sys.stdout.write
    w("table\trow\tvalue\n")
    for t, key, v in st.finish(suppress_below(repo), raw="--raw" in sys.argv):
        w(f"{tsv_field(t)}\t{tsv_field(key)}\t{v}\n")


if __name__ == "__main__":
    main()
