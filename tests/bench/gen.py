#!/usr/bin/env python3
"""gen.py: a synthetic case repository for the benchmarks.

    python3 tests/bench/gen.py DIR N [--seed S] [--model three-level|four-level]
                               [--bin BINDIR] [--end YYYY-MM-DD] [--jobs J]

Runs `bti-init --by Bench DIR`, then writes N cases opened between
2023-01-01 and --end (default 2026-10-31) and commits them all in ONE commit
on top of the init commit. J worker processes (default: one per core) make
the cases and write the work-tree files; the blobs go through
`git fast-import` into one pack, stored whole (as git gc keeps the newest
versions); the trees are made with `git mktree`, the commit with
`git commit-tree`, and the index is read from the tree and refreshed, so
that `git status --porcelain` is empty. 100,000 cases take about 30 s on
2 cores.

Each case is a life story drawn from a fixed seed (the same seed gives the
same files): guardians, level moves (0->1->2, back, closings with causes,
reopenings), services joining and leaving, consents (given, refused,
withdrawn, oral, expiring, renewed), coordinators and handovers, goals,
measures, evaluations on time, late or never, meetings and reports to child
welfare. Every case passes the rules (`bti-check -C DIR` is silent) and is
written byte for byte as bti writes it (schema key order, dates plain,
strings that would read as something else double-quoted, `- ` lists level
with their key, 2-space indent).

A list of the cases, one per line, is left in DIR/.git/bench-cases.tsv:
    id  level  closed(0/1)  last-date  model
(last-date: the latest date of any entry), for run.sh to pick cases a
command may change.
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# ---------------------------------------------------------------- models

MODELS = {
    "three-level": {
        "levels": 3,
        "trans": {(0, 1), (0, 2), (1, 2), (2, 1)},
        "coordinator": {2},
        "cooperation": {2},
    },
    "four-level": {
        "levels": 4,
        "trans": {(0, 1), (1, 2), (2, 1), (2, 3), (3, 1), (3, 2)},
        "coordinator": {1, 2, 3},
        "cooperation": {2, 3},
    },
}
CONSENT_AGE, ADULT_AGE = 15, 18

# ---------------------------------------------------------------- words

FIRST = ("Ola Emma Nora Jakob Sofie Filip Ingrid Lukas Aksel Maja Oskar Sara Henrik Leah "
         "Emil Olivia Noah Ella William Frida Johannes Tiril Magnus Ida Sander Thea Mathias "
         "Live Eirik Åse Øystein Ådne Sølvi Bjørn Kåre Ahmed Amina Yusuf Zainab Mikkel Vilde "
         "Tobias Selma Iver Hedda Elias Mia Jonas Hanna Sigurd Astrid Ørjan Mathilde").split()
LAST = ("Nordmann Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen "
        "Karlsen Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen "
        "Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen "
        "Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen "
        "Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen "
        "Fredriksen Holm Lien Hauge Christensen Sæther Aas Myhre Ahmed Haugland Thomassen "
        "Sivertsen Rønning Næss Vik Haug Strøm Ødegård Bøe Aune Mikkelsen Tveit Brekke").split()
ADULT_FIRST = ("Kari Per Anne Lars Ingrid Ole Marit Knut Hilde Geir Tone Rune Silje Trond "
               "Heidi Espen Randi Arne Liv Terje Gro Bjørg Håkon Solveig Kjersti Øyvind "
               "Fatima Mohammed Ewa Piotr Linh Dag Berit Torill Vegard Camilla").split()
STAFF = sorted({f"{f} {l}" for f, l in zip(
    (ADULT_FIRST * 8)[:240], (LAST[5:] + LAST[:5]) * 4)})

SERVICES_BY_AGE = [
    (0, 5, ["Kvaløysletta barnehage", "Tromsdalen barnehage", "Hamna barnehage",
            "Gyllenborg barnehage", "Helsestasjonen Sentrum", "Helsestasjonen Kvaløya"]),
    (6, 12, ["Kvaløysletta skole", "Tromsdalen skole", "Gyllenborg skole", "Prestvannet skole",
             "Hamna skole", "Kroken skole", "Skjelnan skole", "Bjerkaker skole"]),
    (13, 15, ["Kvaløysletta ungdomsskole", "Tromsdalen ungdomsskole", "Hamna ungdomsskole",
              "Bjerkaker skole"]),
    (16, 19, ["Kvaløya videregående skole", "Tromsdalen videregående skole",
              "Breivang videregående skole"]),
    (18, 23, ["NAV Tromsø", "Ungdomskontakten", "Helsestasjon for ungdom"]),
]
RARE_SERVICES = ["Tannhelsetjenesten", "Fritidsklubben Kvaløya", "Biblioteket Sentrum"]
HELPERS = ["PPT", "Barnevernstjenesten", "BUP", "Familieteamet", "Helsestasjonen",
           "Fysioterapitjenesten", "Fastlege", "NAV", "Psykisk helse barn og unge",
           "Oppfølgingstjenesten", "Tiltaksteam barn og unge"]
CONCERNS = [
    "Trøtt og stille i timene", "Mye fravær siste måned", "Trekker seg unna venner",
    "Utagerende i friminuttene", "Gråter ofte ved levering", "Ser sulten ut om morgenen",
    "Forsinket språkutvikling", "Blåmerker på armene", "Sterk uro i klassen",
    "Bekymring fra helsesykepleier: vektnedgang", "Foreldrene sier at hjemmet er kaotisk",
    "Virker redd for å gå hjem", "Sover dårlig og er urolig", "Rus på fester",
    "Har sluttet å møte på trening", "Konflikter med medelever", "Lite utstyr og klær",
    "Forteller om krangling hjemme", "Selvskading nevnt av venn", "Dropper ut av skolen",
]
GOALS = [
    "Sover godt og orker skoledagen", "Møter på skolen hver dag", "Har en venn å være med",
    "Trives i barnehagen", "Klarer å regulere sinne", "Spiser frokost hver dag",
    "Deltar i fritidsaktivitet", "Fullfører skoleåret", "Føler seg trygg hjemme",
    "Snakker med en voksen hun stoler på", "Har en plan for videre skolegang",
]
MEASURES = [
    "Samtaler med helsesykepleier hver uke", "Ukentlige samtaler med kontaktlærer",
    "Tilrettelagt undervisning i matematikk", "Jentegruppe på skolen", "Foreldreveiledning (ICDP)",
    "Frokost på skolen", "Fast voksen i friminuttene", "Utredning hos PPT",
    "Aktivitetsplan: fritid og trening", "Samtaler med miljøterapeut", "Leksehjelp to dager i uka",
    "Søvndagbok i fire uker", "Kartlegging av språk (TRAS)", "Oppfølging fra familieteamet",
]
RESPONSIBLE = ["Kontaktlærer", "Helsesykepleier", "PPT-rådgiver", "Pedagogisk leder",
               "Miljøterapeut", "Rektor", "Familieterapeut", "Sosiallærer"]
DURATIONS = ["8 uker", "6 uker", "3 måneder", "ut skoleåret", "ut semesteret", "12 uker"]
REASONS_UP1 = ["Tiltak i egen tjeneste", "Tiltak i egen tjeneste: samtaler med kontaktlærer",
               "Behov for tilrettelegging", "Drøftet med leder, følges opp i egen tjeneste"]
REASONS_UP2 = ["Behov for PPT", "Flere tjenester må inn", "Tverrfaglig innsats: plan i Samspill",
               "Behov for samarbeid med familieteamet"]
REASONS_UP3 = ["Komplekst samarbeid", "Meldt til tiltaksteam", "Behov for bredt samarbeid"]
REASONS_DOWN = ["Samarbeidet er avsluttet", "Tilbake til tiltak i egen tjeneste",
                "Samtykket er trukket", "Mindre behov for samarbeid"]
REASONS_CLOSE = {
    "goal-reached": ["Målene er nådd", "Går bra nå"],
    "unfounded": ["Bekymringen var ubegrunnet", "Ingen grunn til videre oppfølging"],
    "moved": ["Familien har flyttet", "Flyttet til annen kommune"],
    "barnevern": ["Overført til barnevernet", "Barnevernet følger opp"],
    "individual-plan": ["Over til individuell plan", "Koordinerende enhet tar over"],
    "consent-withdrawn": ["Samtykket er trukket"],
    "declined": ["Foresatte takker nei", "Ungdommen ønsker ikke hjelp"],
    "other": ["Annet: se journal", "Avsluttet etter møte"],
}
REOPEN = ["Ny bekymring", "Ny bekymring fra skolen", "Gjenåpnet etter melding fra helsestasjonen"]
MEETING_KINDS = ["samtale med foresatte", "plan", "evaluering", "ressursteam",
                 "samarbeidsmøte", "overføring"]
MINUTES = ["Samspill", "Referat i arkivsak", "Visma Flyt Skole", "Referat i journal"]
CHILD_VIEWS = ["Vil helst ha samtalene på skolen", "Ønsker at mor er med",
               "Synes det går bedre nå", "Gjennom kontaktlærer: vil ha færre møter",
               "Tegnet hvordan dagen er"]
SMALL_CHILD_VIEWS = ["Observert i lek", "Gjennom pedagogisk leder: trives med faste voksne",
                     "Foreldrene forteller om barnets hverdag"]
NOTES = ["Går bedre", "Sover bedre", "Liten endring", "Trenger mer tid", "Ingen effekt",
         "Mer tilstede i timene", "Foresatte fornøyd"]
REPORT_REASONS = [("Bekymring for omsorgen", []), ("Bekymring for omsorgen", []),
                  ("Vedvarende fravær", []), ("Rus og dårlig fungering", ["behaviour"]),
                  ("Alvorlig omsorgssvikt", ["neglect"]), ("Mistanke om vold", ["violence"]),
                  ("Mistanke om seksuelle overgrep", ["sexual-abuse"]),
                  ("Mistanke om menneskehandel", ["trafficking"])]
DOCUMENTED = ["Notat i journal", "Referat fra foreldresamtale", "Notat i Visma Flyt Skole",
              "Telefonnotat i arkivsak"]
ALONE = ["Far har ikke kontakt med barnet", "Mor er ikke tilgjengelig",
         "Den andre forelderen bor i utlandet"]
KINDS = ["neglect", "illness", "disability", "behaviour", "other", "violence", "sexual-abuse",
         "trafficking"]

# ---------------------------------------------------------------- dates

_fmt = {}
_ymd = {}


def ds(o):
    """An ordinal day as YYYY-MM-DD."""
    s = _fmt.get(o)
    if s is None:
        s = _fmt[o] = datetime.date.fromordinal(o).isoformat()
    return s


def ymd(o):
    t = _ymd.get(o)
    if t is None:
        d = datetime.date.fromordinal(o)
        t = _ymd[o] = (d.year, d.month, d.day)
    return t


def age_on(born, on):
    by, bm, bd = ymd(born)
    y, m, d = ymd(on)
    return y - by - ((m, d) < (bm, bd))


def years_before(o, n):
    """The same day n years earlier (28 February for a 29th)."""
    y, m, d = ymd(o)
    y -= n
    if m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
        d = 28
    return datetime.date(y, m, d).toordinal()


def ordinal(s):
    return datetime.date.fromisoformat(s).toordinal()


# ---------------------------------------------------------------- national id

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def fnr_for(born, rng):
    """A valid fødselsnummer for the birth date (individual number by century)."""
    y, m, d = ymd(born)
    lo, hi = (500, 999) if y >= 2000 else (0, 499)
    for _ in range(50):
        indiv = rng.randint(lo, hi)
        digits = [int(c) for c in f"{d:02d}{m:02d}{y % 100:02d}{indiv:03d}"]
        k1 = (11 - sum(a * b for a, b in zip(digits, W1)) % 11) % 11
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = (11 - sum(a * b for a, b in zip(digits, W2)) % 11) % 11
        if k2 == 10:
            continue
        return "".join(map(str, digits)) + str(k2)
    return None


# ---------------------------------------------------------------- case ids

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def case_suffix(i, seed):
    """Six Crockford characters, a bijection of i (< 2**30): unique ids."""
    x = (i * 0x2545F491 + (seed * 0x9E3779B1 & 0x3FFFFFFF)) & 0x3FFFFFFF
    x = (x ^ (x >> 15)) * 0x2C1B3C6D & 0x3FFFFFFF  # odd multiplier, xorshift: bijective
    return "".join(CROCKFORD[(x >> s) & 31] for s in (25, 20, 15, 10, 5, 0))


# ---------------------------------------------------------------- the case

class Case:
    """One case's lists, filled in date order, and the state the rules fold."""

    def __init__(self, rng, model, opened, born, child, service, by):
        self.rng = rng
        self.m = model
        self.opened = opened
        self.born = born
        self.child = child
        self.service = service
        self.by = by
        self.t = opened                 # the current date: entries never go back
        self.guardians = []
        self.levels = []
        self.services = []
        self.coordinators = []
        self.consents = []
        self.goals = []
        self.measures = []
        self.evaluations = []
        self.meetings = []
        self.reports = []
        self.level = 0
        self.closed = False
        self.involved = {}              # service -> contact (joined, not left)
        self.open_measures = []         # [id, due, responsible]
        self.secret = False
        self.coordinator = None
        self.pin = -1                   # last day a level or coordinator entry needs the services

    # -- helpers that mirror lib/rules.c on the current date
    def signers(self, d):
        """Who must sign a consent given on d, or None if nobody can."""
        age = age_on(self.born, d)
        if age >= ADULT_AGE:
            verge = [g["name"] for g in self.guardians if g.get("verge")]
            if verge and self.rng.random() < 0.5:
                return verge[:1]
            return [self.child]
        resp = [g["name"] for g in self.guardians
                if g["responsibility"] and not g.get("verge") and g["date"] <= d]
        if not resp:
            return None
        if age >= CONSENT_AGE:
            resp = resp + [self.child]
        return resp

    def covered(self, svc, d):
        for c in self.consents:
            if (c["status"] != "given" or c["date"] > d or svc not in c["services"]):
                continue
            if c["scope"] == "meeting" and c["date"] != d:
                continue
            if c.get("expires", d) < d:
                continue
            if any(w["status"] == "withdrawn" and w["withdraws"] == c["id"] and w["date"] <= d
                   for w in self.consents):
                continue
            return True
        return False

    def uncovered(self, d):
        return [s for s in self.involved if not self.covered(s, d)]

    # -- entries
    def add_consent(self, status, services, **kw):
        d = self.t
        rng = self.rng
        e = {"id": f"c{len(self.consents) + 1}", "date": d, "status": status}
        if status == "withdrawn":
            e["given_by"] = kw["given_by"]
            old = kw["old"]
            e["services"] = old["services"]
            e["scope"] = old["scope"]
            e["form"] = "written"
            e["withdraws"] = old["id"]
        else:
            who = self.signers(d)
            alone = None
            if status == "given" and who and len(who) >= 2 and age_on(self.born, d) < ADULT_AGE \
                    and rng.random() < 0.08:
                # one guardian decides alone and says why
                alone = rng.choice(ALONE)
                who = who[:1] + ([self.child] if self.child in who else [])
            e["given_by"] = who
            e["services"] = list(services)
            e["scope"] = kw.get("scope", "over-time")
            if rng.random() < 0.1:
                e["form"] = "oral"
                e["documented"] = rng.choice(DOCUMENTED)
            else:
                e["form"] = "written"
            if status == "given" and kw.get("expires"):
                e["expires"] = kw["expires"]
            if alone:
                e["alone_reason"] = alone
        e["by"] = self.by
        self.consents.append(e)
        return e

    def ensure_signers(self):
        """Under 18 with nobody to sign: record a guardian first (bti-guardian)."""
        if self.signers(self.t) is None:
            last = self.child.split()[-1]
            self.guardians.append({"date": self.t, "name": f"{self.rng.choice(ADULT_FIRST)} {last}",
                                   "responsibility": True, "lives_with_child": True})

    def give_consent(self, services):
        self.ensure_signers()
        exp = None
        if self.rng.random() < 0.25:
            exp = self.t + self.rng.randint(180, 540)
        return self.add_consent("given", services, expires=exp)

    def ensure_cover(self):
        """At a cooperation level, every involved service needs consent today."""
        if self.level in self.m["cooperation"] and not self.closed:
            un = self.uncovered(self.t)
            if un:
                self.give_consent(sorted(self.involved))

    def join(self, svc):
        self.ensure_cover()
        if self.level in self.m["cooperation"]:
            if not self.covered(svc, self.t):
                self.give_consent(sorted(set(self.involved) | {svc}))
        e = {"date": self.t, "name": svc, "action": "join"}
        if self.rng.random() < 0.6:
            contact = f"{self.rng.choice(ADULT_FIRST)} {self.rng.choice(LAST)}"
            e["contact"] = contact
        else:
            contact = None
        e["by"] = self.by
        self.services.append(e)
        self.involved[svc] = contact

    def leave(self, svc):
        """A service leaves, unless that would undo what an entry today needs:
        the rules fold every entry dated on or before a day."""
        if self.t <= self.pin:
            return
        self.services.append({"date": self.t, "name": svc, "action": "leave", "by": self.by})
        del self.involved[svc]

    def name_coordinator(self):
        self.ensure_cover()
        rng = self.rng
        svc = self.service
        if self.involved and rng.random() < 0.4:
            svc = rng.choice(sorted(self.involved))
        name = rng.choice(STAFF)
        self.coordinators.append({"date": self.t, "name": name, "service": svc, "by": self.by})
        self.coordinator = name
        self.pin = self.t

    def move(self, to, reason):
        self.levels.append({"date": self.t, "level": to, "reason": reason, "by": self.by})
        self.level = to
        if to in self.m["cooperation"]:
            self.pin = self.t

    def close(self, cause, reason=None):
        self.levels.append({"date": self.t, "level": self.level, "closed": True, "cause": cause,
                            "reason": reason or self.rng.choice(REASONS_CLOSE[cause]),
                            "by": self.by})
        self.closed = True

    def goal(self):
        self.ensure_cover()
        gid = f"g{len(self.goals) + 1}"
        self.goals.append({"id": gid, "date": self.t, "text": self.rng.choice(GOALS), "by": self.by})
        return gid

    def measure(self, goal=None):
        self.ensure_cover()
        rng = self.rng
        mid = f"m{len(self.measures) + 1}"
        start = self.t + (rng.randint(0, 14) if rng.random() < 0.3 else 0)
        due = start + rng.randint(28, 90)
        e = {"id": mid, "date": self.t, "what": rng.choice(MEASURES),
             "responsible": rng.choice(RESPONSIBLE), "start": start}
        if rng.random() < 0.4:
            e["duration"] = rng.choice(DURATIONS)
        e["evaluate_by"] = due
        if goal and rng.random() < 0.8:
            e["goal"] = goal
        e["by"] = self.by
        self.measures.append(e)
        self.open_measures.append([mid, due])

    def meeting(self, kind=None):
        self.ensure_cover()
        rng = self.rng
        who = [g["name"] for g in self.guardians[:2] if g["date"] <= self.t]
        who.append(self.coordinator or self.by)
        who += [c for c in self.involved.values() if c][:2]
        e = {"date": self.t, "kind": kind or rng.choice(MEETING_KINDS),
             "participants": list(dict.fromkeys(who))}
        present = age_on(self.born, self.t) >= 6 and rng.random() < 0.5
        e["child_present"] = present
        if not present:
            e["child_view"] = rng.choice(CHILD_VIEWS if age_on(self.born, self.t) >= 6
                                         else SMALL_CHILD_VIEWS)
        e["minutes"] = rng.choice(MINUTES)
        e["by"] = self.by
        self.meetings.append(e)

    def report(self):
        rng = self.rng
        e = {"date": self.t, "to": "barnevern" if rng.random() < 0.9 else "politi"}
        reason, kinds = rng.choice(REPORT_REASONS)
        secret = self.secret or any(k in ("violence", "sexual-abuse") for k in kinds)
        e["inform_guardians"] = not secret and rng.random() < 0.85
        e["reason"] = reason
        if kinds:
            e["kinds"] = kinds
        e["by"] = self.by
        self.secret = secret
        self.reports.append(e)

    def evaluate(self, decision, last=False):
        """Evaluates the open measures; returns False if there were none."""
        rng = self.rng
        if decision in ("continue", "up"):
            self.ensure_cover()
        items = []
        keep = []
        for m in self.open_measures:
            if not last and rng.random() < 0.08:   # skipped this time: late later
                keep.append(m)
                continue
            if last or decision in ("close", "down"):
                out = rng.choice(("reached", "reached", "stop"))
            else:
                out = rng.choice(("reached", "continue", "continue", "change", "stop"))
            it = {"measure": m[0], "outcome": out}
            if out in ("continue", "change"):
                nxt = self.t + rng.randint(28, 90)
                it["next"] = nxt
                keep.append([m[0], nxt])
            if rng.random() < 0.6:
                it["note"] = rng.choice(NOTES)
            items.append(it)
        if not items:
            return False
        self.open_measures = keep
        self.evaluations.append({"date": self.t, "measures": items, "decision": decision,
                                 "by": self.by})
        return True


def later(c, lo, hi, end):
    """Advances the case's date by lo..hi days; False past the end."""
    t = c.t + c.rng.randint(lo, hi)
    if t > end:
        return False
    c.t = t
    return True


def refuse(c):
    """Sometimes the guardians (or the young person) refuse consent."""
    if c.rng.random() >= 0.1:
        return False
    c.ensure_signers()
    c.add_consent("refused", [c.rng.choice(HELPERS)])
    return True


def setup_cooperation(c, extra=1):
    """Services join, consent covers them and a coordinator is named, today."""
    rng = c.rng
    svcs = [s for s in HELPERS if s not in c.involved and s != c.service]
    want = rng.sample(svcs, min(len(svcs), extra)) if not c.involved or rng.random() < 0.5 else []
    # consent first (as in the guide), then the services join
    cover = sorted(set(c.involved) | set(want))
    if cover and not all(c.covered(s, c.t) for s in cover):
        c.give_consent(cover)
    for s in want:
        c.join(s)
    if not c.coordinator or rng.random() < 0.1:
        c.name_coordinator()


def plan(c, end):
    """Goals, measures and a meeting at the current level."""
    rng = c.rng
    g = c.goal() if rng.random() < 0.7 else None
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        c.measure(g)
    if rng.random() < 0.6:
        c.meeting("plan")


def evaluation_round(c, end):
    """Waits for the earliest due date and evaluates: on time, late or never."""
    rng = c.rng
    if not c.open_measures:
        return "none"
    due = min(m[1] for m in c.open_measures)
    r = rng.random()
    if r < 0.62:
        target = due - rng.randint(0, 10)
    elif r < 0.87:
        target = due + rng.randint(1, 45)
    else:
        return "missed"
    target = max(target, c.t)
    if target > end:
        return "end"
    c.t = target
    return "due"


def case_life(c, end, horizon=3):
    """An episode from level 0: decide, act, evaluate, close, maybe reopen."""
    rng = c.rng
    m = c.m
    for episode in range(horizon):
        if rng.random() < 0.4 and later(c, 0, 10, end):
            c.meeting("samtale med foresatte")
        if not later(c, 1, 30, end):
            return
        r = rng.random()
        if r < 0.25:
            c.close(rng.choice(("unfounded", "unfounded", "goal-reached", "moved", "declined",
                                "other")))
        else:
            if r < 0.33 and (0, 2) in m["trans"] and not refuse(c):
                setup_cooperation(c)
                c.move(2, rng.choice(REASONS_UP2))
            else:
                if 1 in m["coordinator"] and not c.coordinator:
                    c.name_coordinator()
                c.move(1, rng.choice(REASONS_UP1))
            work(c, end)
        if not c.closed:
            return
        if rng.random() < 0.1:
            for _ in range(rng.choice((1, 2))):
                if later(c, 1, 120, end):
                    c.report()
        if rng.random() < 0.12 and later(c, 30, 400, end):
            c.move(0, rng.choice(REOPEN))
            c.closed = False
            continue
        return


def work(c, end):
    """Level 1 or higher until closed or the end of the data."""
    rng = c.rng
    m = c.m
    plan(c, end)
    for _round in range(rng.randint(1, 6)):
        if rng.random() < 0.03 and later(c, 0, 20, end):
            c.report()
        if c.level in m["cooperation"] and rng.random() < 0.1 and later(c, 0, 30, end):
            # handover of the coordinator role
            c.name_coordinator()
        if c.level in m["cooperation"] and rng.random() < 0.04 and later(c, 1, 30, end):
            # consent withdrawn: the same day the case steps down or closes
            live = [x for x in c.consents if x["status"] == "given" and c.covered(x["services"][0], c.t)]
            if live:
                old = live[-1]
                c.add_consent("withdrawn", None, old=old, given_by=old["given_by"])
                for s in list(c.involved):
                    c.leave(s)
                if rng.random() < 0.5:
                    c.close("consent-withdrawn")
                    return
                c.move(1, "Samtykket er trukket")
                continue
        st = evaluation_round(c, end)
        if st in ("end", "none"):
            if st == "none" and later(c, 7, 60, end):
                plan(c, end)
                continue
            return
        if st == "missed":
            # the due date passes without an evaluation; some cases then close
            if rng.random() < 0.5:
                if later(c, 30, 120, end):
                    c.close(rng.choice(("moved", "other", "declined")))
                return
            if not later(c, 60, 150, end):
                return
            if not c.evaluate("continue", last=False):
                return
            continue
        # an evaluation on c.t: choose the decision
        ups = [t for (f, t) in m["trans"] if f == c.level and t > c.level]
        downs = [t for (f, t) in m["trans"] if f == c.level and t < c.level and t > 0]
        r = rng.random()
        if r < 0.3 or (_round == 0 and r < 0.5):
            if not c.evaluate("continue"):
                return
            if rng.random() < 0.3:
                c.meeting("evaluering")
            if not c.open_measures and later(c, 0, 14, end):
                plan(c, end)
        elif r < 0.55 and ups:
            to = min(ups)
            if to in m["cooperation"] and refuse(c):
                # the case stays at its level, or closes
                if rng.random() < 0.5:
                    if c.evaluate("close", last=True):
                        c.close("declined")
                        return
                continue
            if to in m["cooperation"]:
                setup_cooperation(c, extra=2 if c.level in m["cooperation"] else 1)
            elif to in m["coordinator"] and not c.coordinator:
                c.name_coordinator()
            if not c.evaluate("up"):
                return
            c.move(to, rng.choice(REASONS_UP3 if to == 3 else REASONS_UP2))
            if later(c, 0, 14, end):
                plan(c, end)
                if c.level in m["cooperation"] and rng.random() < 0.7:
                    c.meeting("samarbeidsmøte")
        elif r < 0.67 and downs:
            to = max(downs)
            if to in m["cooperation"]:
                c.ensure_cover()
            if not c.evaluate("down"):
                return
            c.move(to, rng.choice(REASONS_DOWN))
            if to not in m["cooperation"]:
                for s in list(c.involved):
                    if rng.random() < 0.6:
                        c.leave(s)
            if later(c, 0, 14, end):
                plan(c, end)
        else:
            if not c.evaluate("close", last=True):
                return
            for s in list(c.involved):
                if rng.random() < 0.5:
                    c.leave(s)
            c.close(rng.choice(("goal-reached", "goal-reached", "goal-reached", "barnevern",
                                "individual-plan", "other")))
            return


# ---------------------------------------------------------------- one case

START = datetime.date(2023, 1, 1).toordinal()
AGE_GROUPS = ((0, 5, 20), (6, 12, 38), (13, 15, 20), (16, 17, 13), (18, 23, 9))


def make_case(i, seed, model, end):
    rng = random.Random(seed * 0x100000001 + i)
    opened = rng.randint(START, end)
    r = rng.randint(1, 100)
    for lo, hi, w in AGE_GROUPS:
        if r <= w:
            break
        r -= w
    age = rng.randint(lo, hi)
    oy = ymd(opened)[0]
    born = rng.randint(years_before(opened, age + 1) + 1, years_before(opened, age))
    last = rng.choice(LAST)
    child = f"{rng.choice(FIRST)} {last}"
    if rng.random() < 0.02:
        service = rng.choice(RARE_SERVICES)
    else:
        a = age_on(born, opened)
        pools = [p for lo_, hi_, p in SERVICES_BY_AGE if lo_ <= a <= hi_]
        service = rng.choice(rng.choice(pools))
    by = rng.choice(STAFF)
    cid = f"{oy}-{case_suffix(i, seed)}"
    c = Case(rng, model, opened, born, child, service, by)
    # guardians at opening (bti-new --guardian) for children
    adult = age >= ADULT_AGE
    if not adult:
        n = 2 if rng.random() < 0.75 else 1
        names = [f"{rng.choice(ADULT_FIRST)} {last}" for _ in range(n)]
        for nm in dict.fromkeys(names):
            c.guardians.append({"date": opened, "name": nm, "responsibility": True})
    kinds = []
    if rng.random() < 0.12:
        kinds = sorted(set(rng.choice(KINDS) for _ in range(rng.choice((1, 1, 2)))),
                       key=KINDS.index)
    c.secret = any(k in ("violence", "sexual-abuse") for k in kinds)
    c.levels.append({"date": opened, "level": 0, "reason": "case opened", "by": by})
    # later guardians (bti-guardian): a step-parent, a second parent, a verge
    if not adult and rng.random() < 0.1 and later(c, 0, 20, end):
        c.guardians.append({"date": c.t, "name": f"{rng.choice(ADULT_FIRST)} {rng.choice(LAST)}",
                            "responsibility": False, "lives_with_child": True})
    if adult and rng.random() < 0.05:
        c.guardians.append({"date": c.t, "name": f"{rng.choice(ADULT_FIRST)} {rng.choice(LAST)}",
                            "responsibility": False, "verge": True})
    if c.secret and later(c, 0, 3, end):
        c.report()
    case_life(c, end)
    doc = {"bti": 1, "id": cid, "opened": opened}
    ch = {"name": child}
    fr = rng.random()
    fnr = fnr_for(born, rng) if fr < 0.25 else None
    if fnr and fr < 0.05:
        ch["fnr"] = fnr                 # fnr only: the birth date comes from it
    else:
        ch["born"] = born
        if fnr:
            ch["fnr"] = fnr
    doc["child"] = ch
    doc["service"] = service
    con = {"text": rng.choice(CONCERNS), "worry": rng.randint(1, 10)}
    if kinds:
        con["kinds"] = kinds
    con["by"] = by
    doc["concern"] = con
    for key in ("guardians", "levels", "services", "coordinators", "consents", "goals",
                "measures", "evaluations", "meetings", "reports"):
        v = getattr(c, key)
        if v:
            doc[key] = v
    return cid, doc, c


# ---------------------------------------------------------------- the writer

DATED = ("guardians", "levels", "services", "coordinators", "consents", "goals", "measures",
         "evaluations", "meetings", "reports")
DATE_KEYS = {"opened", "born", "date", "start", "evaluate_by", "next", "expires"}
WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<"}
_q = {}


def _resolves_non_str(s):
    """lib/yamlread.c yaml_resolve: anything but a string (plain)."""
    if s in ("~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"):
        return True
    b = s[1:] if s[0] in "+-" else s
    if b and all("0" <= ch <= "9" for ch in b):
        return True
    if len(s) == 10 and s[:4].isdigit() and s[4] == "-" and s[5:7].isdigit() and s[7] == "-" \
            and s[8:].isdigit():
        return True
    return _is_float(s) or s in (".nan", ".NaN")


def _is_float(s):
    """lib/yamlread.c is_float."""
    n, i, digits = len(s), 0, 0
    if i < n and s[i] in "+-":
        i += 1
    if s[i:] in (".inf", ".Inf", ".INF"):
        return True
    while i < n and "0" <= s[i] <= "9":
        i += 1
        digits += 1
    if i < n and s[i] == ".":
        i += 1
        while i < n and "0" <= s[i] <= "9":
            i += 1
            digits += 1
    if not digits:
        return False
    if i < n and s[i] in "eE":
        i += 1
        if i < n and s[i] in "+-":
            i += 1
        r = s[i:]
        return bool(r) and all("0" <= ch <= "9" for ch in r)
    return i == n


def scalar(s):
    """A string as lib/yamlwrite.c writes it through libyaml's emitter."""
    r = _q.get(s)
    if r is not None:
        return r
    if (not s or _resolves_non_str(s) or s[0].isdigit()
            or (s[0] in "-+." and len(s) > 1 and (s[1].isdigit() or s[1] == "."))
            or s.lower() in WORDS):
        if any(ch in s for ch in '"\\\n\t') or not s.isprintable():
            raise ValueError(f"gen.py: no writer rule for {s!r}")
        r = f'"{s}"'
    elif (s[0] in "-?:,[]{}#&*!|>'\"%@`" or s[0] == " " or s[-1] == " " or s[-1] == ":"
          or "\n" in s or not s.isprintable() or s.startswith(("---", "..."))):
        raise ValueError(f"gen.py: no writer rule for {s!r}")
    elif ": " in s or " #" in s:
        r = "'" + s.replace("'", "''") + "'"   # libyaml's fallback from plain
    else:
        r = s
    _q[s] = r
    return r


def value(k, v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return ds(v) if k in DATE_KEYS else str(v)
    return scalar(v)


def emit_map(out, d, kind, ind, first_prefix=None):
    """A block mapping of the given schema kind; the first line may carry a
    '- ' prefix (a mapping that is a list item)."""
    pre = first_prefix
    sub = SUB[kind]
    for k in ORDER[kind]:
        if k not in d:
            continue
        v = d[k]
        p = ind if pre is None else pre
        pre = None
        if isinstance(v, list):
            out.append(f"{p}{k}:")
            child = sub.get(k)
            if child:
                for item in v:
                    emit_map(out, item, child, ind + "  ", ind + "- ")
            else:
                for item in v:
                    out.append(f"{ind}- {value(k, item)}")
        elif isinstance(v, dict):
            out.append(f"{p}{k}:")
            emit_map(out, v, sub[k], ind + "  ")
        else:
            out.append(f"{p}{k}: {value(k, v)}")


ORDER = {}      # kind -> its keys in the schema's "properties" order
SUB = {}        # kind -> {key: the kind of the mapping (or list items) under it}


def load_order():
    """Reads the key order of every object kind from the schema."""
    with open(os.path.join(ROOT, "schema", "case.schema.json"), encoding="utf-8") as f:
        s = json.load(f)
    defs = s["$defs"]

    def kind_of(p):
        if p.get("type") == "array":
            p = p.get("items", {})
        ref = p.get("$ref", "")
        name = ref.split("/")[-1]
        return name if name in defs and "properties" in defs[name] else None

    for kind, obj in [("case", s)] + list(defs.items()):
        if "properties" not in obj:
            continue
        ORDER[kind] = list(obj["properties"])
        SUB[kind] = {k: kind_of(p) for k, p in obj["properties"].items() if kind_of(p)}


def emit_case(doc):
    out = []
    emit_map(out, doc, "case", "")
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- main

def out(cmd, inp=None, env=None):
    return subprocess.run(cmd, check=True, input=inp, capture_output=True, text=True,
                          env=env).stdout.strip()


ARGS = None


def chunk(job):
    """A worker: makes the cases of one chunk, writes their work-tree files
    and returns (id, blob id, text, manifest line) for each."""
    a, model, end = ARGS
    res = []
    for cid, i in job:
        cid2, doc, c = make_case(i, a.seed, model, end)
        assert cid2 == cid
        text = emit_case(doc).encode()
        with open(os.path.join(a.dir, "cases", cid[:4], cid[5], cid + ".yaml"), "wb") as f:
            f.write(text)
        sha = hashlib.sha1(b"blob %d\0%s" % (len(text), text)).hexdigest()
        last = max(x["date"] for k in DATED for x in doc.get(k, ()))
        res.append((cid, sha, text, f"{cid}\t{c.level}\t{int(c.closed)}\t{ds(last)}\t{a.model}\n"))
    return res


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--model", default="three-level", choices=sorted(MODELS))
    ap.add_argument("--bin", default=os.environ.get("BTI_BIN", os.path.join(ROOT, "bin")))
    ap.add_argument("--end", default="2026-10-31", help="no event after this date")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.n < 0 or a.n >= 1 << 30:
        sys.exit("gen.py: N must be 0 .. 2**30-1")
    load_order()
    model = MODELS[a.model]
    end = ordinal(a.end)
    t0 = time.time()
    subprocess.run([os.path.join(a.bin, "bti-init"), "--by", "Bench", "--model", a.model, a.dir],
                   check=True, stdout=subprocess.DEVNULL)
    git = ["git", "-C", a.dir]
    head = out(git + ["rev-parse", "HEAD"])
    branch = out(git + ["symbolic-ref", "HEAD"])
    # Each case depends only on (seed, i); its first draw is the opening
    # date, which gives the id. Paths in tree order, so that the pack is
    # written (and read by bti-report) front to back.
    order = []
    for i in range(a.n):
        y = ymd(random.Random(a.seed * 0x100000001 + i).randint(START, end))[0]
        order.append((f"{y}-{case_suffix(i, a.seed)}", i))
    order.sort()
    # cases/YYYY/X/ID.yaml, X the letter after the dash (case_path in lib/case.c)
    dirs = sorted({(cid[:4], cid[5]) for cid, _ in order})
    years = sorted({y for y, _ in dirs})
    for y, x in dirs:
        os.makedirs(os.path.join(a.dir, "cases", y, x), exist_ok=True)
    # The blobs go into one pack through git fast-import, stored whole
    # (--depth=0), as git gc keeps the newest versions. glibc's malloc would
    # give the heap back after every blob's zlib buffers; on this kind of VM
    # each brk costs ~150 us, so the heap is kept (60x faster).
    fenv = dict(os.environ, MALLOC_TRIM_THRESHOLD_="1073741824", MALLOC_TOP_PAD_="67108864")
    fi = subprocess.Popen(git + ["fast-import", "--quiet", "--depth=0", "--done"],
                          stdin=subprocess.PIPE, env=fenv)
    w = fi.stdin
    ARGS = (a, model, end)
    jobs = [order[k:k + 500] for k in range(0, len(order), 500)]
    trees = {d: [] for d in dirs}
    manifest = []
    if a.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        pool = multiprocessing.get_context("fork").Pool(a.jobs)
        results = pool.imap(chunk, jobs)
    else:
        pool = None
        results = map(chunk, jobs)
    for res in results:
        for cid, sha, text, line in res:
            w.write(b"blob\ndata %d\n%s\n" % (len(text), text))
            trees[(cid[:4], cid[5])].append(f"100644 blob {sha}\t{cid}.yaml\n")
            manifest.append(line)
    if pool:
        pool.close()
        pool.join()
    w.write(b"done\n")
    w.close()
    if fi.wait() != 0:
        sys.exit("gen.py: git fast-import failed")
    # The trees and the one commit on top of bti-init's.
    t1 = time.time()
    year = {y: "" for y in years}
    for y, x in dirs:
        year[y] += f"040000 tree {out(git + ['mktree'], ''.join(trees[(y, x)]))}\t{x}\n"
    cases = "".join(f"040000 tree {out(git + ['mktree'], year[y])}\t{y}\n" for y in years)
    root = [l for l in out(git + ["ls-tree", "HEAD"]).split("\n") if l and
            not l.endswith("\tcases")]
    if years:
        root.append(f"040000 tree {out(git + ['mktree'], cases)}\tcases")
    tree = out(git + ["mktree"], "\n".join(root) + "\n")
    when = f"{datetime.datetime(*ymd(end), 12, 0, tzinfo=datetime.timezone.utc).timestamp():.0f} +0000"
    cenv = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    for k, f in (("NAME", "%an"), ("EMAIL", "%ae")):
        cenv[f"GIT_AUTHOR_{k}"] = cenv[f"GIT_COMMITTER_{k}"] = out(git + ["log", "-1", f"--format={f}"])
    commit = out(git + ["commit-tree", tree, "-p", head, "-m",
                        f"bench: {a.n} synthetic cases (gen.py seed {a.seed}, {a.model})"], env=cenv)
    subprocess.run(git + ["update-ref", branch, commit, head], check=True)
    # The index: read from the tree, then refreshed against the files the
    # workers wrote (stat and hash only).
    subprocess.run(git + ["read-tree", "HEAD"], check=True)
    subprocess.run(git + ["update-index", "-q", "--refresh"], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(a.dir, ".git", "bench-cases.tsv"), "w", encoding="utf-8") as f:
        f.writelines(manifest)
    st = out(git + ["status", "--porcelain"])
    if st:
        sys.exit("gen.py: the work tree is not clean:\n" + st[:2000])
    if not a.quiet:
        print(f"gen.py: {a.n} cases in {a.dir}: {time.time() - t0:.1f}s "
              f"({t1 - t0:.1f}s cases and blobs, {time.time() - t1:.1f}s trees, commit, index)",
              file=sys.stderr)


if __name__ == "__main__":
    main()
