"""Printing query results in the CLI: the terminal table (:mod:`.table`) or a machine
format (:mod:`tipgraph.queries.formatting`), chosen by ``--format``."""
from __future__ import annotations

from collections.abc import Sequence

from ..queries.formatting import to_delimited, to_json

FORMATS = ("table", "csv", "tsv", "json")


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
