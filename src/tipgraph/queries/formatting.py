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


def render_table(columns: Sequence[str], rows: Sequence[dict], title: str | None = None, no_wrap: Sequence[str] = ()):
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, highlight=False)
    for c in columns:
        table.add_column(c, overflow="fold", no_wrap=c in no_wrap)
    for row in rows:
        # Text, not str: a label such as "[/]" or "[note]" is data, not rich markup
        table.add_row(*(Text(cell_text(row.get(c))) for c in columns))
    return table


def write_rows(
    console, columns: Sequence[str], rows: Sequence[dict], fmt: str, title: str | None = None, no_wrap: Sequence[str] = ()
) -> None:
    """Print rows in ``fmt`` (table on the rich console; machine formats as plain text)."""
    if fmt == "table":
        console.print(render_table(columns, rows, title, no_wrap))
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim", highlight=False)
        return
    if fmt == "json":
        text = to_json(columns, rows)
    else:
        text = to_delimited(columns, rows, "," if fmt == "csv" else "\t")
    console.file.write(text)
    console.file.flush()
