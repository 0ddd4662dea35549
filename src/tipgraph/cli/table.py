"""A results table people can read in a terminal of 80 columns.

Query results are made for programs: an IRI next to its label, lists joined into
long cells. Printed as they are, a rich table folds every cell into a tall, narrow
column. The table view (only; CSV, TSV and JSON keep every column and full values)
therefore

* hides an IRI column whose label column is shown (``?funder ?funderLabel``,
  ``?actorA ?labelA``, ``?person ?name``); a row without a label shows the IRI there;
  a column of fact IRIs (meetings, programmes, ratifications) stays, since
  ``tipgraph show`` takes them;
* writes the other IRIs short, in list cells too: ``tip:Meeting``, ``org/iom``,
  ``meeting/8438098c6ec4`` (``tipid:`` left out), else the last path segment;
* cuts long cells with an ellipsis so that every row stays on one line, numbers and
  dates never;
* leaves out, from the right, the columns that do not fit even cut: text ones first,
  then numbers and dates (never the first column, a label or a fact IRI);

and says in a footer what it hid and cut. ``wide=True`` shows everything in full.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..namespaces import PREFIXES
from ..queries.formatting import cell_text

#: Width assumed when the output is not a terminal (piped, captured) and COLUMNS is unset.
PIPE_WIDTH = 100
#: A cut text column keeps at least this many cells (or its header's width, if wider).
MIN_TEXT_WIDTH = 8
#: ... and a label column (one that stands for a hidden IRI column) this many.
MIN_LABEL_WIDTH = 18

_IRI = re.compile(r'^(?:[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"{}|\\^`]+|urn:[^\s<>"{}|\\^`]+)$')
_DATE = re.compile(r"^-?\d{4}(-\d\d(-\d\d)?)?$")
#: ``?x`` is labelled by ``?xLabel`` (or ``?x_label``, ``?xName`` ...).
_LABEL_SUFFIXES = ("Label", "_label", "Name", "_name", "Title", "_title")
#: Columns that label the first unlabelled IRI column before them (``?person ?name``).
_GENERIC_LABELS = ("label", "name", "title", "preflabel")
#: ``?actorA ?labelA``: a short tag (capital letters, digits) shared by IRI and label.
_TAG = re.compile(r"^(?P<stem>[a-z].*?)(?P<tag>_?[A-Z0-9][A-Z0-9]?)$")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
#: Short IRIs of facts (``meeting/...``): the ones a reader copies into ``tipgraph show``.
_FACT = re.compile(r"^(?:meeting|planned-meeting|programme|ratification)/")


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def compact_iri(iri: str) -> str:
    """``tip:Meeting``, ``org/iom`` for a tipgraph entity, else the last path segment."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace):]
            return local if prefix == "tipid" else f"{prefix}:{local}"
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    return tail or iri


def short_text(value: Any) -> str:
    """A cell as the table writes it: an IRI short, each IRI of a " | " list short."""
    if is_iri(value):
        return compact_iri(value)
    text = _one_line(cell_text(value))
    parts = text.split(" | ") if " | " in text else ()
    if parts and all(is_iri(p) for p in parts):
        return " | ".join(compact_iri(p) for p in parts)
    return text


def is_fact_column(column: str, rows: Sequence[dict]) -> bool:
    """Whether every value of ``column`` is the IRI of a fact (``meeting/...``)."""
    values = [row.get(column) for row in rows if row.get(column) not in (None, "")]
    return bool(values) and all(is_iri(v) and _FACT.match(compact_iri(v)) for v in values)


def iri_columns(columns: Sequence[str], rows: Sequence[dict]) -> list[str]:
    """Columns with at least one value, all of whose values are IRIs."""
    found = []
    for c in columns:
        values = [row.get(c) for row in rows if row.get(c) not in (None, "")]
        if values and all(is_iri(v) for v in values):
            found.append(c)
    return found


def label_columns(columns: Sequence[str], iris: Sequence[str]) -> dict[str, str]:
    """IRI column -> the column that holds its label, when the result has one."""
    others = [c for c in columns if c not in iris]
    by_lower = {c.lower(): c for c in others}
    pairs: dict[str, str] = {}

    def free(name: str) -> str | None:
        c = by_lower.get(name.lower())
        return c if c is not None and c not in pairs.values() else None

    for c in iris:
        label = next((free(c + s) for s in _LABEL_SUFFIXES if free(c + s)), None)
        m = _TAG.match(c)
        if label is None and m:
            label = next((free(g + m["tag"]) for g in _GENERIC_LABELS if free(g + m["tag"])), None)
        if label is not None:
            pairs[c] = label
    for c in others:
        if c.lower() in _GENERIC_LABELS and c not in pairs.values():
            before = columns[: columns.index(c)]
            iri = next((i for i in before if i in iris and i not in pairs), None)
            if iri is not None:
                pairs[iri] = c
    return pairs


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _one_line(text: str) -> str:
    return " ".join(text.split()) if any(ch in text for ch in "\n\r\t\x0b\x0c\x85\u2028\u2029") else text


def fit_widths(naturals: Sequence[int], floors: Sequence[int], room: int) -> list[int]:
    """Column widths that fit in ``room``: the widest columns give way first.

    Every column gets ``min(natural, max(cap, floor))`` for the largest cap that fits;
    cells left over go to the cut columns from the left. When even the floors do not fit,
    the floors are returned (the table is then wider than the room).
    """
    naturals = list(naturals)
    if sum(naturals) <= room:
        return naturals

    def widths(cap: int) -> list[int]:
        return [min(n, max(cap, f)) for n, f in zip(naturals, floors)]

    lo, hi = 0, max(naturals)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(widths(mid)) <= room:
            lo = mid
        else:
            hi = mid - 1
    out = widths(lo)
    spare = room - sum(out)
    for i, n in enumerate(naturals):
        if spare <= 0:
            break
        if out[i] < n:
            out[i] += 1
            spare -= 1
    return out


def display_width(console: Console) -> int:
    """COLUMNS when set, else the terminal's width, else :data:`PIPE_WIDTH`."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return console.width if console.is_terminal else PIPE_WIDTH


@dataclass
class TableView:
    """What the table shows of a result, and what it left out."""

    columns: list[str]
    cells: list[list[str]]
    widths: list[int]
    right: set[str] = field(default_factory=set)
    #: hidden IRI column -> the label column shown for it
    hidden: dict[str, str] = field(default_factory=dict)
    #: shown columns with at least one cell cut
    cut: list[str] = field(default_factory=list)
    #: columns left out because even cut they did not fit
    dropped: list[str] = field(default_factory=list)

    def footer(self, hint: str | None = None) -> list[str]:
        """What was hidden or cut, then ``hint`` (how to see it all); empty when nothing was."""
        reasons = []
        if self.hidden:
            reasons.append(f"{', '.join(self.hidden)}: IRIs")
        if self.dropped:
            reasons.append(f"{', '.join(self.dropped)}: no room")
        lines = []
        if reasons:
            n = len(self.hidden) + len(self.dropped)
            lines.append(f"{n} of {n + len(self.columns)} columns hidden ({'; '.join(reasons)}).")
        if self.cut:
            lines.append(f"Long cells cut ({', '.join(self.cut)}).")
        if lines and hint:
            joined = f"{lines[-1][:-1]}; {hint}"
            if cell_len(joined) <= 80:
                lines[-1] = joined
            else:
                lines.append(hint)
        return lines


def _overhead(n: int) -> int:
    """Cells taken by separators and padding in :func:`render` for ``n`` columns."""
    return max(0, 2 * n - 2)


def plan(columns: Sequence[str], rows: Sequence[dict], width: int, keep: Sequence[str] = ()) -> TableView:
    """Choose the shown columns, their text and widths for a table ``width`` cells wide.

    ``keep`` names columns that are never cut (identifiers a reader copies).
    """
    iris = iri_columns(columns, rows)
    pairs = label_columns(columns, iris)
    hidden = {c: pairs[c] for c in columns if c in pairs and not is_fact_column(c, rows)}  # in column order
    label_of = {label: iri for iri, label in hidden.items()}
    shown = [c for c in columns if c not in hidden]
    cells: list[list[str]] = []
    for row in rows:
        line = []
        for c in shown:
            value = row.get(c)
            if c in label_of and value in (None, ""):
                value = row.get(label_of[c])  # no label: the IRI stands in, written short
            line.append(short_text(value))
        cells.append(line)
    right = {c for c in shown if any(row.get(c) is not None for row in rows)
             and all(row.get(c) is None or _is_number(row.get(c)) for row in rows)}
    naturals, floors, firm = [], [], []
    facts = {c for c in shown if c in pairs}  # fact IRIs kept beside their label: never cut
    for i, c in enumerate(shown):
        natural = max([cell_len(c)] + [cell_len(line[i]) for line in cells])
        fixed = c in right or c in keep or c in facts or all(_DATE.match(line[i]) or not line[i] for line in cells)
        least = MIN_LABEL_WIDTH if c in label_of else MIN_TEXT_WIDTH
        naturals.append(natural)
        floors.append(natural if fixed else min(natural, max(cell_len(c), least)))
        short = max([0] + [cell_len(line[i]) for line in cells]) <= MIN_TEXT_WIDTH  # codes, currencies
        firm.append(fixed or short or c in label_of or i == 0)
    # Too many columns even when cut: leave out text columns from the right, then (when
    # that is not enough) numbers and dates from the right; never the first, a label, a
    # fact IRI or a column kept on request.
    keep_index = list(range(len(shown)))
    for may_drop in (lambda i: not firm[i],
                     lambda i: i > 0 and shown[i] not in label_of and shown[i] not in keep and shown[i] not in facts):
        for i in reversed(range(len(shown))):
            if sum(floors[j] for j in keep_index) + _overhead(len(keep_index)) <= width:
                break
            if i in keep_index and may_drop(i):
                keep_index.remove(i)
    dropped = [c for i, c in enumerate(shown) if i not in keep_index]
    shown = [shown[i] for i in keep_index]
    cells = [[line[i] for i in keep_index] for line in cells]
    naturals = [naturals[i] for i in keep_index]
    floors = [floors[i] for i in keep_index]
    widths = fit_widths(naturals, floors, width - _overhead(len(shown)))
    cut = [c for c, w, n in zip(shown, widths, naturals) if w < n]
    return TableView(shown, cells, widths, right, hidden, cut, dropped)


def render(view: TableView, title: str | None = None, title_justify: str = "center") -> Table:
    """The rich table of a :class:`TableView`: one line per row, cut cells end in '…'."""
    table = Table(title=title, title_justify=title_justify, box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, padding=(0, 1, 0, 0), highlight=False)
    for c, w in zip(view.columns, view.widths):
        table.add_column(c, justify="right" if c in view.right else "left", no_wrap=True,
                         overflow="ellipsis", min_width=min(w, cell_len(c)), max_width=w)
    for line in view.cells:
        # Text, not str: a label such as "[/]" or "[note]" is data, not rich markup
        texts = []
        for text, w in zip(line, view.widths):
            t = Text(text)
            t.truncate(w, overflow="ellipsis")
            texts.append(t)
        table.add_row(*texts)
    return table


def render_wide(columns: Sequence[str], rows: Sequence[dict], title: str | None = None) -> Table:
    """Every column and every value in full (fold long cells only at the console's width)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  highlight=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell_text(row.get(c))) for c in columns))
    return table


def natural_width(columns: Sequence[str], rows: Sequence[dict]) -> int:
    """Width of :func:`render_wide`'s table when no cell is folded."""
    total = 0
    for c in columns:
        total += max([cell_len(c)] + [max((cell_len(p) for p in cell_text(row.get(c)).splitlines() or [""]))
                                      for row in rows])
    return total + _overhead(len(columns))


LAYOUTS = ("fit", "wide", "fold")


def print_table(console: Console, columns: Sequence[str], rows: Sequence[dict], *, title: str | None = None,
                layout: str = "fit", width: int | None = None, keep: Sequence[str] = (),
                count: bool = True, hint: str | None = "--wide or --format csv|json shows all.",
                footer: bool = True, title_justify: str = "center") -> TableView | None:
    """Print rows as a table ``width`` cells wide (default :func:`display_width`).

    "fit" hides, shortens and cuts (see the module), then prints the row count and a
    footer ending in ``hint``; "wide" prints every column and value in full, one line per
    row, however wide; "fold" prints everything, folding long cells at ``width``.
    Returns the "fit" view (what was hidden and cut), for callers that print their own footer.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown table layout {layout!r} (use {', '.join(LAYOUTS)})")
    width = width or display_width(console)
    view = None
    if layout == "fit":
        view = plan(columns, rows, width, keep=keep)
        table = render(view, title, title_justify)
    else:
        if layout == "wide":
            width = max(width, natural_width(columns, rows))
        table = render_wide(columns, rows, title)
    if width != console.width:
        # console.print clamps to the console's width: print through one of the width asked for
        console = Console(file=console.file, width=width, color_system=console.color_system,
                          force_terminal=console.is_terminal, no_color=console.no_color,
                          highlight=False, emoji=False)
    console.print(table)
    if count:
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim", highlight=False)
    for line in view.footer(hint) if view is not None and footer else []:
        console.print(line, style="dim", highlight=False, markup=False)
    return view
