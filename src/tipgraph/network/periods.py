"""Dates at the precision the source gives, as closed day intervals.

A meeting dated ``2018-05`` (``xsd:gYearMonth``) happened some time in May 2018, so it
stands for the interval 2018-05-01..2018-05-31; a ``gYear`` for the whole year. Time
filters and Gephi spells both work on these intervals, so a coarse date is neither
lost nor made more precise than the source.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

Period = tuple[date, date]

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_period(text: str) -> Period | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (time or zone after it ignored) -> interval."""
    m = _DATE.match(str(text))
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def merge_periods(periods: Iterable[Period]) -> list[Period]:
    """Sorted, non-overlapping intervals covering the same days.

    Gephi refuses an element whose spells overlap, so spells are always merged.
    Touching intervals (one ends the day before the next starts) are joined too.
    """
    merged: list[list[date]] = []
    for start, end in sorted(periods):
        if merged and start.toordinal() <= merged[-1][1].toordinal() + 1:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def overlaps(period: Period, start: date | None, end: date | None) -> bool:
    """True when ``period`` shares at least one day with the window [start, end]."""
    if start is not None and period[1] < start:
        return False
    if end is not None and period[0] > end:
        return False
    return True
