"""Key-value lines of donor fact sheets ("Donor: ...", "Budget: $2 Million", "Duration: 42
months"): kept as lines of their own, so that extraction reads each record.

Pages list projects as records of short labelled lines; without this module they look
like menus (a run of short lines) or like page metadata ("Country: ..."), and hard-wrap
joining glues one field to the next. Treaty status tables ("Participant | Signature |
Ratification") are kept the same way, one row a line.
"""
from __future__ import annotations

import re

#: Labels of programme fields, by what the value gives.
_KEYS = {
    "funder": ["donor", "donors", "funder", "funders", "funded by", "financed by", "funding agency", "funding source",
               "funding partner", "donor agency", "donor country", "sponsor"],
    "implementer": ["implementer", "implementers", "implementing partner", "implementing partners", "implementing agency",
                    "implementing agencies", "implementing organization", "implementing organisation", "implemented by",
                    "partner", "partners", "local partner", "local partners", "main partner", "executing agency",
                    "main implementing partner", "main implementing partners", "lead partner", "lead implementing partner"],
    "budget": ["budget", "total budget", "amount", "grant amount", "grant value", "total value", "project value",
               "project budget", "project cost", "total cost", "cost", "funding amount", "funding", "award amount",
               "funding level", "total funding", "grant", "contribution", "total contribution"],
    "duration": ["duration", "project duration", "period", "project period", "implementation period", "timeframe",
                 "time frame"],
    "start": ["start date", "start", "project start date", "project start", "starting date"],
    "end": ["end date", "end", "project end date", "project end", "prospective end date", "expected end date",
            "completion date"],
    "region": ["country", "countries", "region", "regions", "location", "locations", "target country",
               "target countries", "target region", "target regions", "geographic coverage", "geographical coverage",
               "coverage", "countries/region", "country/region", "countries/regions", "country/countries"],
    "name": ["project", "project title", "project name", "programme", "programme title", "program title"],
}
SHEET_KEYS = {label: kind for kind, labels in _KEYS.items() for label in labels}
_SHEET_LINE = re.compile(
    r"^\s*(?:[-•*·]\s*)?(?P<key>" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in SHEET_KEYS), key=len, reverse=True))
    + r")(?:\s*:|\s+[-–—](?=\s))\s*(?P<value>.*)$", re.I)  # "Donor: X", "Countries/Region - A, B"


def value_offset(line: str) -> int:
    """Where the value of a fact-sheet line starts (after "Key:" or "Key -")."""
    m = _SHEET_LINE.match(line)
    return m.start("value") if m else 0


def sheet_field(line: str) -> tuple[str, str] | None:
    """(kind, value) of a fact-sheet line, else None: ("budget", "$2 Million")."""
    m = _SHEET_LINE.match(line)
    if m is None or len(line) > 300:
        return None
    if ":" not in line[m.end("key") : m.start("value")] and not m.group("key")[:1].isupper():
        return None  # "regions – heads of councils ...": a wrapped line of prose, not "Region - X"
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


def _label_only(line: str) -> str | None:
    """The key of a line that is only a field's label ("Main Implementing partner")."""
    key = " ".join(line.strip().strip("•*-· ").rstrip(":").lower().split())
    return key if key in SHEET_KEYS and len(line.strip()) < 60 else None


def join_label_lines(lines: list[str]) -> list[str]:
    """"Main Implementing partner" + (a blank line) + "X": the label on a line of its own and
    its value below it, as many project pages print them, become one "label: value" line."""
    out = list(lines)
    for i, line in enumerate(out):
        key = _label_only(line) if line else None
        if key is None:
            continue
        j = i + 1
        if j < len(out) and not out[j].strip():
            j += 1
        if j < len(out) and out[j].strip() and _label_only(out[j]) is None and sheet_field(out[j]) is None:
            out[i] = f"{line.strip().rstrip(':')}: {out[j].strip()}"
            out[j] = ""
    return out


def join_sheet_values(lines: list[str]) -> list[str]:
    """Join a field's value wrapped onto the next lines ("Donor: Department of State -
    Office to Monitor and" + "Combat Trafficking in Persons"); the joined lines become blank."""
    out = join_label_lines(lines)
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


#: The header of a treaty's status table: "Parties | Date of Signature | Date of ratification"
_STATUS_HEADER = re.compile(r"\b(?:ratification|accession)\b", re.I)


def is_table_row(line: str) -> bool:
    """A row of cells split by bars ("Albania | 12 Dec 2000 | 21 Aug 2002 |")."""
    return line.count("|") >= 2 and not line.lstrip().startswith("|")


def status_column(line: str) -> int | None:
    """The index of the ratification or accession column of a status table's header row."""
    if not is_table_row(line):
        return None
    return next((k for k, c in enumerate(line.split("|")) if k and _STATUS_HEADER.search(c)), None)


def status_table_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of treaty status tables: a header row naming a ratification or
    accession column, and the rows below it (blank lines between rows allowed). Without
    this, the rows read as a menu (short lines split by bars) and are dropped."""
    keep: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if status_column(line) is not None:
            rows = [i]
            k = i + 1
            while k < len(lines) and (not lines[k].strip() or is_table_row(lines[k])):
                if lines[k].strip():
                    rows.append(k)
                k += 1
            if len(rows) >= 4:  # a header and three rows at least: a table, not a menu
                keep.update(rows)
            i = k
            continue
        i += 1
    return keep
