"""Dates in running text, at the precision the text gives.

Absolute dates ("28 May 2019", "June 3, 2021", "May 2018", "in 2013") keep their
precision; relative ones ("today", "yesterday", "on Monday", "a two-day visit that ends
today") are resolved against the publication date, because a press release speaks
from the day it was issued.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import DateValue
from .numbers import small_number

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_PATTERNS = [
    # 30 November - 2 December 2021 / from 30 November to 2 December 2021 (across two months)
    ("dmdmy", re.compile(
        _DAY.format(n="d1") + r"\s+(?:of\s+)?" + _MONTH.format(n="m1") + r"\s*(?:-|–|to|until|and)\s*(?:the\s+)?"
        + _DAY.format(n="d2") + r"\s+(?:of\s+)?" + _MONTH.format(n="m") + r",?\s+" + _YEAR.format(n="y") + r"\b")),
    # on 30 September and 1 October (year from the sentence or the publication date)
    ("dmdm", re.compile(
        r"\b(?:on|from|between)\s+(?:the\s+)?" + _DAY.format(n="d1") + r"\s+(?:of\s+)?" + _MONTH.format(n="m1")
        + r"\s*(?:-|–|to|until|and)\s*(?:the\s+)?" + _DAY.format(n="d2") + r"\s+(?:of\s+)?" + _MONTH.format(n="m")
        + r"\b(?![,\s]+(?:19|20)\d\d)")),
    # "This week (04/09)", "Last weekend (28/07)", "This week (20 - 22 May)": the days in brackets
    ("wk", re.compile(
        r"\b(?:this|last|past)\s+(?:week|weekend)\s*\(\s*" + _DAY.format(n="d1") + r"(?:\s*(?:-|–)\s*"
        + _DAY.format(n="d2") + r")?\s*(?:/\s*(?P<mn>[01]?\d)|\s+" + _MONTH.format(n="m") + r")\s*\)", re.I)),
    # November 30 - December 2, 2021
    ("mdmdy", re.compile(
        r"\b" + _MONTH.format(n="m1") + r"\s+" + _DAY.format(n="d1") + r"\s*(?:-|–|to|until|and)\s*"
        + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d2") + r",?\s+" + _YEAR.format(n="y") + r"\b")),
    # 28-29 May 2019 / 28 and 29 May 2019 / 28 May 2019
    ("dmy", re.compile(
        _DAY.format(n="d1") + r"(?:\s*(?:-|–|and|to)\s*(?:the\s+)?" + _DAY.format(n="d2") + r")?\s+(?:of\s+)?"
        + _MONTH.format(n="m") + r",?\s+" + _YEAR.format(n="y") + r"\b")),
    # May 28, 2019 / May 28-29, 2019
    ("mdy", re.compile(
        r"\b" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d1") + r"(?:\s*(?:-|–|and|to)\s*"
        + _DAY.format(n="d2") + r")?,?\s+" + _YEAR.format(n="y") + r"\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d1>[0-3]\d)\b")),
    # May 2018
    ("my", re.compile(r"\b" + _MONTH.format(n="m") + r",?\s+" + _YEAR.format(n="y") + r"\b")),
    # on 5 March / on March 5 (year from the publication date)
    ("dm", re.compile(r"\b(?:on|from|until|since)\s+(?:\w+day,?\s+)?" + _DAY.format(n="d1") + r"(?:\s*(?:-|–|and|to)\s*"
                      + _DAY.format(n="d2") + r")?\s+(?:of\s+)?" + _MONTH.format(n="m") + r"\b(?![,\s]+(?:19|20)\d\d)")),
    ("md", re.compile(r"\b(?:on|from|until|since)\s+(?:\w+day,?\s+)?" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d1")
                      + r"(?:st|nd|rd|th)?\b(?![,\s]+(?:19|20)\d\d|\d)")),
    # in 2013 / in early 2004
    ("y", re.compile(r"\b(?:in|In|during|During)\s+(?:(?:early|late|mid|the\s+year)[-\s]+)?" + _YEAR.format(n="y") + r"\b(?!\s*[-–]\s*\d)")),
    ("rel", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|this morning|this afternoon|last night)\b", re.I)),
    ("wd", re.compile(r"\b(?:on|On|last|this)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]

#: "a four-day mission that closes today", "the three-day conference, which opened yesterday"
_SPAN = re.compile(
    r"\b(?P<n>\w+)[-\s]day\b[^.;]{0,80}?\b(?P<verb>ends?|ended|ending|concludes?|concluded|closes?|closed|wraps? up|started|starts?|began|begins?|opened|opens?|kicked off)\s+(?P<rel>today|yesterday|tomorrow)\b",
    re.I,
)


def _only_year(text: str) -> int | None:
    """The one year a sentence names ("took place in 2019, the first on 24 September"): the
    year of its days and months written without one, when the publication date is unknown."""
    years = set(re.findall(r"\b((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", text))
    return int(years.pop()) if len(years) == 1 else None


def _across_months(y: int, m1: int, d1: int, m2: int, d2: int) -> list[DateValue]:
    """The days of a range over two months of one year (or December into January)."""
    try:
        first = date(y - 1 if m1 > m2 else y, m1, d1)
        last = date(y, m2, d2)
    except ValueError:
        return []
    n = (last - first).days
    if not 0 < n <= 14:
        return []
    return [DateValue.of_day(first + timedelta(days=i)) for i in range(n + 1)]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    values: tuple[DateValue, ...]
    relative: bool = False


def _day(y: int, m: int, d: int) -> DateValue | None:
    try:
        return DateValue.of_day(date(y, m, d))
    except ValueError:
        return None


def find_dates(text: str, published: date | None, year_hint: int | None = None) -> list[DateMention]:
    """Every date mention in ``text``; relative ones only when ``published`` is known. Days
    without a year take ``year_hint`` (the page's breadcrumb year) when nothing better says."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _SPAN.finditer(text):
        if published is None:
            continue
        n = small_number(m.group("n"))
        if not n or n > 14:
            continue
        anchor = published + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel").lower()])
        verb = m.group("verb").lower()
        if verb.startswith(("end", "conclud", "clos", "wrap")):
            days = [anchor - timedelta(days=i) for i in range(n - 1, -1, -1)]
        else:
            days = [anchor + timedelta(days=i) for i in range(n)]
        out.append(DateMention(m.start(), m.end(), tuple(DateValue.of_day(d) for d in days), True))
        taken.append((m.start(), m.end()))

    year = published.year if published is not None else _only_year(text) or year_hint
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            values: list[DateValue] = []
            g = m.groupdict()
            if kind in ("dmdmy", "mdmdy", "dmdm"):
                if g.get("y") is None and year is None:
                    continue
                values = _across_months(int(g["y"]) if g.get("y") else year, MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]),
                                        MONTHS[g["m"].lower().rstrip(".")], int(g["d2"]))
            elif kind in ("dmy", "mdy", "dm", "md", "iso", "wk"):
                if kind in ("dm", "md", "wk") and year is None:
                    continue
                y = int(g["y"]) if g.get("y") else year  # type: ignore[assignment]
                mo = int(g["m"]) if kind == "iso" else int(g["mn"]) if g.get("mn") else MONTHS[g["m"].lower().rstrip(".")]
                d1 = int(g["d1"])
                d2 = int(g["d2"]) if g.get("d2") else d1
                if not (1 <= d1 <= d2 <= 31 and d2 - d1 <= 14):
                    continue
                values = [v for v in (_day(y, mo, d) for d in range(d1, d2 + 1)) if v]
            elif kind == "my":
                values = [DateValue(f"{int(g['y']):04d}-{MONTHS[g['m'].lower().rstrip('.')]:02d}", "month")]
            elif kind == "y":
                values = [DateValue(g["y"], "year")]
            elif kind == "rel":
                if published is None:
                    continue
                word = g["rel"].lower()
                delta = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
                values = [DateValue.of_day(published + timedelta(days=delta))]
            elif kind == "wd":
                if published is None:
                    continue
                back = (published.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
                values = [DateValue.of_day(published - timedelta(days=back))]
            if values:
                out.append(DateMention(m.start(), m.end(), tuple(values), kind in ("rel", "wd", "dm", "md", "dmdm", "wk")))
                taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out
