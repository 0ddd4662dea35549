"""Writing query results: a rich table for people, CSV/TSV/JSON for programs.

Machine formats keep the SELECT order of columns, so scripts can rely on it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

FORMATS = ("table", "csv", "tsv", "json")


def cell_text(value: Any) -> str:
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


def render_table(columns: Sequence[str], rows: Sequence[dict], title: str | None = None,
                 no_wrap: Sequence[str] = (), *, width: int = 100):
    """A table that fits ``width`` cells (see :mod:`.table`); ``no_wrap`` columns are never cut."""
    from .table import plan, render

    return render(plan(columns, rows, width, keep=no_wrap), title)


def write_rows(
    console, columns: Sequence[str], rows: Sequence[dict], fmt: str, title: str | None = None,
    no_wrap: Sequence[str] = (), *, layout: str = "fit", width: int | None = None,
) -> None:
    """Print rows in ``fmt`` (table on the rich console; machine formats as plain text).

    Machine formats hold every column and full values. The table's ``layout`` (see
    :func:`.table.print_table`): "fit" the width of the terminal (IRI columns that have
    a label column hidden, long cells cut, a footer saying so), "wide" (everything, one
    line per row), or "fold" (everything, long cells folded).
    """
    if fmt == "table":
        from .table import print_table

        print_table(console, columns, rows, title=title, layout=layout, width=width, keep=no_wrap)
        return
    if fmt == "json":
        text = to_json(columns, rows)
    else:
        text = to_delimited(columns, rows, "," if fmt == "csv" else "\t")
    console.file.write(text)
    console.file.flush()
