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
               "funding partner", "donor agency", "donor country", "sponsor", "commissioned by"],
    "implementer": ["implementer", "implementers", "implementing partner", "implementing partners", "implementing agency",
                    "implementing agencies", "implementing organization", "implementing organisation", "implemented by",
                    "partner", "partners", "local partner", "local partners", "main partner", "executing agency",
                    "main implementing partner", "main implementing partners", "lead partner", "lead implementing partner",
                    "project promoter", "grantee", "recipient"],
    "budget": ["budget", "total budget", "amount", "grant amount", "grant value", "total value", "project value",
               "project budget", "project cost", "total cost", "cost", "funding amount", "funding", "award amount",
               "funding level", "total funding", "grant", "contribution", "total contribution", "budget amount",
               "initial project cost", "total project cost", "total budget amount"],
    "duration": ["duration", "project duration", "period", "project period", "implementation period", "timeframe",
                 "time frame", "project timeline", "timeline", "project dates"],
    "start": ["start date", "start", "project start date", "project start", "starting date"],
    "end": ["end date", "end", "project end date", "project end", "prospective end date", "expected end date",
            "completion date"],
    "region": ["country", "countries", "region", "regions", "location", "locations", "target country",
               "target countries", "target region", "target regions", "geographic coverage", "geographical coverage",
               "coverage", "countries/region", "country/region", "countries/regions", "country/countries",
               "activity locations", "activity location", "benefiting member states", "benefiting countries",
               "beneficiary countries", "project location", "project locations"],
    "name": ["project", "project title", "project name", "programme", "programme title", "program title"],
}
SHEET_KEYS = {label: kind for kind, labels in _KEYS.items() for label in labels}
_SHEET_LINE = re.compile(
    r"^\s*(?:[-•*·]\s*)?(?P<key>" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in SHEET_KEYS), key=len, reverse=True))
    + r")(?:\s*\((?P<cur>[A-Za-z]{3})\))?(?:\s*:|\s+[-–—](?=\s))\s*(?P<value>.*)$", re.I)  # "Donor: X", "Countries/Region - A, B"


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
    value = m.group("value").strip()
    if m.group("cur") and re.fullmatch(r"[\d.,\s]+", value):
        value = f"{m.group('cur').upper()} {value}"  # "Budget Amount (USD): 200000.00"
    return SHEET_KEYS[" ".join(m.group("key").lower().split())], value


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
    key = re.sub(r"\s*\([a-z]{3}\)$", "", key)  # "Budget Amount (USD)"
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


#: The first column of a status table: the states or parties
_FIRST_COLUMN = re.compile(r"^\s*(?:Countr(?:y|ies)|States?|Participants?|Part(?:y|ies)|Member\s+States?)\b", re.I)
#: The header's column names, in order ("Signature date Ratification date")
_COLUMN_WORD = re.compile(r"\b(?:signature|ratification|accession|acceptance|approval|succession|deposit|entry\s+into\s+force)\b", re.I)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: One cell of a stacked row: a date (with an "a" for accession), or a dash for none
STACKED_VALUE = re.compile(
    r"^\s*(?:[-–—]+|\d{1,2}\s+" + _MONTH + r"\s+\d{4}|" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})"
    r"(?:\s*\(?[a-zA-Z]{1,2}\)?)?\s*\|?\s*$")
_TREATY_LINE = re.compile(r"\b(?:Convention|Protocol|Treaty|Covenant|Charter|Agreement)\b")


def _columns(header: list[str]) -> list[str]:
    """The dated columns a header names, in order: "Signature date Ratification date" is two,
    "Date of deposit of the instrument of ratification or accession" one."""
    cols: list[str] = []
    for line in header:
        last = None
        for m in _COLUMN_WORD.finditer(line):
            gap = line[last.end():m.start()] if last is not None else ""
            if last is not None and len(gap) <= 25 and "date" not in gap.lower():
                cols[-1] += " " + m.group().lower()
            else:
                cols.append(m.group().lower())
            last = m
    return cols


def _stacked_header(lines: list[str], i: int) -> tuple[list[int], list[str]] | None:
    """The header lines starting at ``i`` of a status table laid out one cell a line, and
    its dated columns; None when ``i`` starts no such header."""
    line = lines[i].strip()
    if not _FIRST_COLUMN.match(line) or is_table_row(line) or len(line) > 160:
        return None
    header = [i]
    k = i + 1
    while not _STATUS_HEADER.search(" ".join(lines[j] for j in header)) and k < len(lines) and len(header) < 4:
        if lines[k].strip():
            if len(lines[k]) > 120 or not _COLUMN_WORD.search(lines[k]):
                return None
            header.append(k)
        k += 1
    cols = _columns([lines[j] for j in header])
    if not any(_STATUS_HEADER.search(c) for c in cols):
        return None
    values = [j for j in range(header[-1] + 1, min(len(lines), header[-1] + 41)) if STACKED_VALUE.match(lines[j])]
    return (header, cols) if len(values) >= 3 else None


def join_stacked_tables(lines: list[str]) -> list[str]:
    """Status tables whose header and cells stand one a line ("Country Signature date
    Ratification date", then "Kenya", "-", "January 5, 2005") as rows split by bars
    ("Country | Signature | Ratification |", "Kenya | - | January 5, 2005 |"), the form
    the rest of reading and extraction know. A row is the short line before a run of
    cells (dates or dashes), with at most as many cells as the header has dated columns;
    comment lines between rows stay as they are."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _stacked_header(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        header, cols = found
        head = _FIRST_COLUMN.match(lines[i].strip())
        assert head is not None  # _stacked_header found the first column's word here
        first = re.sub(r"[\s:|]+$", "", head.group())
        out.append(" | ".join([first, *(c.capitalize() for c in cols)]) + " |")
        j = header[-1] + 1
        pending: int | None = None  # index in ``out`` of the line that may open a row
        gap = 0
        while j < len(lines) and gap <= 24:
            line = lines[j]
            j += 1
            if not line.strip():
                out.append(line)
                continue
            if STACKED_VALUE.match(line):
                gap = 0
                if pending is not None:
                    cells = [out[pending].strip().rstrip("|").strip()]
                    del out[pending:]
                    cells.append(line.strip().rstrip("|").strip())
                    while len(cells) <= len(cols) and j < len(lines):
                        nxt = next((n for n in range(j, min(len(lines), j + 3)) if lines[n].strip()), None)
                        if nxt is None or not STACKED_VALUE.match(lines[nxt]) or len(cells) == len(cols) + 1:
                            break
                        cells.append(lines[nxt].strip().rstrip("|").strip())
                        j = nxt + 1
                    out.append(" | ".join(cells) + " |")
                    pending = None
                    continue
                out.append(line)
                continue
            gap += 1
            out.append(line)
            pending = len(out) - 1 if len(line.strip()) <= 60 else None
        i = j
    return out


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
            between = 0  # comment lines between rows (a reservation's text) do not end the table
            while k < len(lines) and between <= 12:
                if is_table_row(lines[k]):
                    rows.append(k)
                    between = 0
                elif lines[k].strip():
                    between += 1
                k += 1
            k = rows[-1] + 1
            if len(rows) >= 4:  # a header and three rows at least: a table, not a menu
                keep.update(rows)
                # the treaty's name above the table ("Protocol to ..., 2000") is what the rows are about
                heading = next((j for j in range(i - 1, max(-1, i - 9), -1) if _TREATY_LINE.search(lines[j])), None)
                if heading is not None:
                    keep.add(heading)
            i = k
            continue
        i += 1
    return keep
