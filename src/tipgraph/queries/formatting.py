"""Query results as text for programs: CSV, TSV and JSON (the CLI and the web API).

Machine formats keep the SELECT order of columns, so scripts can rely on it. The table
for people is the CLI's (:mod:`tipgraph.cli.table`, :mod:`tipgraph.cli.output`).

>>> print(to_delimited(["a", "b"], [{"a": 1, "b": "x,y"}], ","), end="")
a,b
1,"x,y"
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

def cell_text(value: Any) -> str:
    """A cell as text for CSV and TSV: None empty, dates ISO, decimals without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def to_delimited(columns: Sequence[str], rows: Sequence[dict], delimiter: str) -> str:
    """Rows as CSV or TSV (by ``delimiter``) with a header row, columns in SELECT order."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
    return out.getvalue()


def to_json(columns: Sequence[str], rows: Sequence[dict]) -> str:
    """A JSON array of objects whose keys follow the column order."""
    data = [{c: _json_value(row.get(c)) for c in columns} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
