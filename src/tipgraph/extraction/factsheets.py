"""Programmes told as fact-sheet records: "Donor: ...", "Implementing partner: ...",
"Budget: $2 Million", "Duration: 42 months" or start and end dates, "Country: ...".

Donor pages list their projects this way, one record after another; a record ends where
a field it already has comes again. The reader keeps each field on a line of its own
(:mod:`tipgraph.reading.factsheet`); this module reads the records' values.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Entity, ProgrammeFact
from ..reading.factsheet import sheet_field, value_offset
from .amounts import parse_amounts, parse_durations
from .context import DocContext

_ITEM_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|\bwith\b|&|\+)\s*")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_MONTH_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b", re.I)
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_NAMES = _MONTHS
_MONTH_DAY_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b", re.I)


def _field_dates(value: str) -> list[date]:
    """The readings of a date field: "10/1/2016" both ways (day first, then month first) while
    both are dates, "28/02/2013" one way, "May 2021" as the first of the month."""
    m = _NUMERIC_DATE.search(value)
    if m:
        a, b, y = (int(g) for g in m.groups())
        out = []
        for month, day in ((b, a), (a, b)):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if d not in out:
                out.append(d)
        return out
    m = _MONTH_DAY_YEAR.search(value)
    if m:  # "April 1, 2023"
        try:
            return [date(int(m.group(3)), _MONTH_NAMES.index(m.group(1).lower()) + 1, int(m.group(2)))]
        except ValueError:
            return []
    m = _MONTH_YEAR.search(value)
    return [date(int(m.group(2)), _MONTHS.index(m.group(1).lower()) + 1, 1)] if m else []


def _span_months(start: str, end: str) -> int | None:
    """Months from a start to an end field, reading both numeric dates in the same order
    (one that cannot be day first makes both month first)."""
    whole = _month_range(start, end)
    if whole is not None:
        return whole
    s_opts, e_opts = _field_dates(start), _field_dates(end)
    for order in (0, 1):  # day first, then month first
        s_d = s_opts[min(order, len(s_opts) - 1)] if s_opts else None
        e_d = e_opts[min(order, len(e_opts) - 1)] if e_opts else None
        if s_d is None or e_d is None:
            return None
        if (len(s_opts) == 1 or len(e_opts) == 1) and order == 0 and _NUMERIC_DATE.search(start) and _NUMERIC_DATE.search(end):
            # one field has only one reading: use the order that reading fixes
            fixed_month_first = (len(s_opts) == 1 and _month_first(start)) or (len(e_opts) == 1 and _month_first(end))
            if fixed_month_first:
                continue
        months = _months_between(s_d, e_d)
        if months:
            return months
    return None


_MONTH_YEAR = re.compile(r"^\s*(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>(?:19|20)\d\d)\s*$")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _month_range(start: str, end: str) -> int | None:
    """"October 2011" to "September 2015": whole months, both counted (48), as a project
    that runs from one month to another lasts through both."""
    a, b = _MONTH_YEAR.match(start), _MONTH_YEAR.match(end)
    if not a or not b:
        return None
    ma, mb = _MONTHS.get(a.group("month")[:3].lower()), _MONTHS.get(b.group("month")[:3].lower())
    if ma is None or mb is None:
        return None
    months = (int(b.group("year")) - int(a.group("year"))) * 12 + mb - ma + 1
    return months if months > 0 else None


def _month_first(value: str) -> bool:
    m = _NUMERIC_DATE.search(value)
    return bool(m) and int(m.group(2)) > 12


def _months_between(start: date, end: date) -> int | None:
    days = (end - start).days
    return round(days / 30.44) if days > 0 else None


class _Record:
    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.fact = ProgrammeFact(label="")
        self.start: str | None = None
        self.end: str | None = None
        self.evidence: list[str] = []
        self.sentences: set[int] = set()

    def substantial(self) -> bool:
        p = self.fact
        return bool(p.funders or p.implementers) and bool(
            p.budget_amount is not None or p.duration_months or p.regions or (p.funders and p.implementers))


def _add(lst: list[Entity], e: Entity) -> None:
    if all(x.iri != e.iri for x in lst):
        lst.append(e)


def _actors(ctx: DocContext, a: int, b: int) -> list[Entity]:
    """The bodies a field names: known spans, and the other listed names as new bodies."""
    out: list[Entity] = []
    spans = [sp for sp in ctx.spans_in(a, b, ("Organization", "State"))]
    for sp in spans:
        _add(out, sp.entity)
    pos = a
    gaps = []
    for sp in spans:
        gaps.append((pos, sp.start))
        pos = max(pos, sp.end)
    gaps.append((pos, b))
    for ga, gb in gaps:
        for item in _ITEM_SPLIT.split(ctx.text[ga:gb]):
            item = item.strip(" -–—.()")
            words = item.split()
            if not words or len(words) > 8 or not item[:1].isupper() or not re.search(r"[a-z]{2}|[A-Z]{2}", item):
                continue
            if item.lower() in ("the", "tbd", "n/a", "none", "various", "others", "other"):
                continue
            _add(out, ctx.resolver.resolve(item, "Organization") or ctx.resolver.resolve_or_create(item, "Organization"))
    return out


def extract_factsheet_programmes(ctx: DocContext) -> tuple[list[ProgrammeFact], set[int]]:
    """The programmes of a page's fact-sheet records, and the sentences they were read from."""
    records: list[_Record] = []
    current: _Record | None = None
    labels_seen: set[str] = set()
    for s in ctx.sentences:
        found = sheet_field(s.text)
        if found is None:
            continue
        kind, value = found
        label = s.text[: value_offset(s.text)].strip(" :-–—").lower()
        if current is None or label in labels_seen:
            current = _Record()
            records.append(current)
            labels_seen = set()
        labels_seen.add(label)
        current.keys.add(kind)
        a = s.start + value_offset(s.text)
        b = s.end
        p = current.fact
        if kind == "funder":
            for e in _actors(ctx, a, b):
                _add(p.funders, e)
        elif kind == "implementer":
            for e in _actors(ctx, a, b):
                if all(e.iri != f.iri for f in p.funders):
                    _add(p.implementers, e)
        elif kind == "budget":
            amounts = parse_amounts(value)
            if amounts and p.budget_amount is None:
                p.budget_amount, p.budget_currency = amounts[0][2], amounts[0][3]
        elif kind == "duration":
            months = parse_durations(value)
            if months:
                p.duration_months = months[0][2]
            else:
                parts = re.split(r"\s+(?:to|until|-|–)\s+", value)
                if len(parts) == 2:
                    p.duration_months = _span_months(*parts)
        elif kind == "start":
            current.start = value
        elif kind == "end":
            current.end = value
        elif kind == "region":
            for sp in ctx.spans_in(a, b, ("State", "Place")):
                _add(p.regions, sp.entity)
        elif kind == "name" and value and not p.label:
            p.label = value.strip(" \"“”")
        current.evidence.append(s.text)
        current.sentences.add(s.index)
    out, used = [], set()
    own = ctx.publisher is not None and ctx.publisher.kind == "Organization"
    for n, r in enumerate(records, 1):
        if not (r.substantial() or own and len(records) == 1 and r.fact.budget_amount is not None):
            continue  # a body's own project page may give the budget alone: it carries the project out
        p = r.fact
        if p.duration_months is None and r.start and r.end:
            p.duration_months = _span_months(r.start, r.end)
        if not p.label:
            base = ctx.doc.title or "Programme"
            p.label = base if len(records) == 1 else f"{base} ({n})"
        p.evidence = " ".join(r.evidence)
        out.append(p)
        used |= r.sentences
    return out, used
