"""Key-value lines of donor fact sheets ("Donor: ...", "Budget: $2 Million", "Duration: 42
months"): kept as lines of their own, so that extraction reads each record.

Pages list projects as records of short labelled lines; without this module they look
like menus (a run of short lines) or like page metadata ("Country: ..."), and hard-wrap
joining glues one field to the next.
"""
from __future__ import annotations

import re

#: Labels of programme fields, by what the value gives.
_KEYS = {
    "funder": ["donor", "donors", "funder", "funders", "funded by", "financed by", "funding agency", "funding source",
               "funding partner", "donor agency", "donor country", "sponsor"],
    "implementer": ["implementer", "implementers", "implementing partner", "implementing partners", "implementing agency",
                    "implementing agencies", "implementing organization", "implementing organisation", "implemented by",
                    "partner", "partners", "local partner", "local partners", "main partner", "executing agency"],
    "budget": ["budget", "total budget", "amount", "grant amount", "grant value", "total value", "project value",
               "project budget", "project cost", "total cost", "cost", "funding amount", "funding", "award amount"],
    "duration": ["duration", "project duration", "period", "project period", "implementation period", "timeframe",
                 "time frame"],
    "start": ["start date", "start", "project start date", "project start", "starting date"],
    "end": ["end date", "end", "project end date", "project end", "prospective end date", "expected end date",
            "completion date"],
    "region": ["country", "countries", "region", "regions", "location", "locations", "target country",
               "target countries", "target region", "target regions", "geographic coverage", "geographical coverage",
               "coverage"],
    "name": ["project", "project title", "project name", "programme", "programme title", "program title"],
}
SHEET_KEYS = {label: kind for kind, labels in _KEYS.items() for label in labels}
_SHEET_LINE = re.compile(
    r"^\s*(?:[-•*·]\s*)?(?P<key>" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in SHEET_KEYS), key=len, reverse=True))
    + r")\s*:\s*(?P<value>.*)$", re.I)


def sheet_field(line: str) -> tuple[str, str] | None:
    """(kind, value) of a fact-sheet line, else None: ("budget", "$2 Million")."""
    m = _SHEET_LINE.match(line)
    if m is None or len(line) > 300:
        return None
    return SHEET_KEYS[" ".join(m.group("key").lower().split())], m.group("value").strip()


def sheet_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of fact-sheet blocks: two or more labelled programme fields
    close together (a lone "Country: X" in a page header is metadata, not a record)."""
    idx = [i for i, line in enumerate(lines) if line and sheet_field(line) is not None]
    keep: set[int] = set()
    for a, b in zip(idx, idx[1:]):
        if sum(1 for line in lines[a + 1 : b] if line.strip()) <= 1:
            keep.update((a, b))
    return keep


_RUNS_ON = re.compile(r"(?:[,;&(/-]|\b(?:and|or|of|the|for|on|in|to|with))\s*$", re.I)


def join_sheet_values(lines: list[str]) -> list[str]:
    """Join a field's value wrapped onto the next lines ("Donor: Department of State -
    Office to Monitor and" + "Combat Trafficking in Persons"); the joined lines become blank."""
    out = list(lines)
    for i in [k for k, line in enumerate(out) if line and sheet_field(line) is not None]:
        if not out[i]:
            continue
        j = i + 1
        while j < len(out) and out[j].strip() and sheet_field(out[j]) is None:
            value = out[i]
            indented = out[j][:1].isspace()
            unclosed = value.count("(") > value.count(")")
            # a short line wedged between two fields is the end of the first one's value
            wedged = len(out[j].split()) <= 8 and j + 1 < len(out) and sheet_field(out[j + 1]) is not None
            if not (indented or unclosed or wedged or _RUNS_ON.search(value)):
                break
            out[i] = value.rstrip() + " " + out[j].strip()
            out[j] = ""
            j += 1
    return out
