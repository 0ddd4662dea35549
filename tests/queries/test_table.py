"""The table view: readable at 80 columns, while CSV/TSV/JSON keep everything."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tipgraph.cli import cli
from tipgraph.queries import load_catalogue
from tipgraph.cli.output import write_rows
from tipgraph.cli.table import compact_iri, fit_widths, iri_columns, label_columns, plan

ID = "https://w3id.org/tipgraph/id/"


def invoke(store, *args, columns: str | None = "80"):
    runner = CliRunner(env={"COLUMNS": columns})
    return runner.invoke(cli, [*args, "--store", str(store)], catch_exceptions=False)


def table_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


# -- which columns are hidden ------------------------------------------------------------------
@pytest.mark.parametrize("columns, iris, pairs", [
    (["actorA", "labelA", "actorB", "labelB", "meetings"], ["actorA", "actorB"],
     {"actorA": "labelA", "actorB": "labelB"}),
    (["funder", "funderLabel", "currency"], ["funder"], {"funder": "funderLabel"}),
    (["person", "name", "titles", "unit", "unitLabel"], ["person", "unit"], {"person": "name", "unit": "unitLabel"}),
    (["entity", "label", "other", "otherLabel", "kind"], ["entity", "other", "kind"],
     {"entity": "label", "other": "otherLabel"}),
    (["fact", "class", "label", "document"], ["fact", "class", "document"], {"fact": "label"}),
    (["document", "title", "issued"], ["document"], {"document": "title"}),
    (["meeting", "meetingLabel", "source"], ["meeting", "source"], {"meeting": "meetingLabel"}),
    (["s", "p", "o"], ["s", "p"], {}),
    (["label", "actor"], ["actor"], {}),  # a label before the IRI labels nothing
])
def test_label_columns(columns, iris, pairs):
    assert label_columns(columns, iris) == pairs


def test_every_stored_query_with_an_iri_and_a_label_pairs_them():
    """The naming in queries/*.rq: each projected ?xLabel / ?labelX / ?label has its IRI column."""
    import re

    for q in load_catalogue().values():
        select = re.search(r"SELECT\s+(DISTINCT\s+)?(.*?)\s*(WHERE|\{)", q.text, re.S | re.I)
        if not select:
            continue
        names = [v for v in re.findall(r"\?(\w+)", select.group(2)) if not v.startswith("_")]
        for label in [n for n in names if n.endswith("Label")]:
            iri = label[: -len("Label")]
            if iri in names:
                assert label_columns(names, [iri]) == {iri: label}, q.name


def test_iri_columns_and_compact_iris():
    rows = [{"a": ID + "org/iom", "b": "text", "c": None, "d": "urn:x:1"},
            {"a": ID + "state/tm", "b": ID + "org/x", "c": None, "d": None}]
    assert iri_columns(["a", "b", "c", "d"], rows) == ["a", "d"]
    assert compact_iri(ID + "org/iom") == "org/iom"
    assert compact_iri("https://w3id.org/tipgraph/ontology#Meeting") == "tip:Meeting"
    assert compact_iri("http://www.w3.org/2000/01/rdf-schema#label") == "rdfs:label"
    assert compact_iri("https://example.org/a/b/last") == "last"
    assert compact_iri("https://example.org/a/b/") == "b"


@given(st.lists(st.tuples(st.integers(1, 80), st.integers(1, 20)), min_size=1, max_size=12), st.integers(10, 200))
def test_fit_widths_stay_between_floor_and_natural_and_fit_when_they_can(columns, room):
    naturals = [n for n, _ in columns]
    floors = [min(n, f) for n, f in columns]
    widths = fit_widths(naturals, floors, room)
    assert all(f <= w <= n for w, f, n in zip(widths, floors, naturals))
    if sum(floors) <= room:
        assert sum(widths) <= room
        # nothing cut that had room to spare
        assert sum(widths) == room or widths == naturals


# -- the real commands ---------------------------------------------------------------------
def test_who_met_whom_reads_at_80_columns(embedded_dir, embedded):
    result = invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM")
    assert result.exit_code == 0, result.output
    lines = table_lines(result.output)
    assert all(cell_len(line) <= 80 for line in lines), "\n".join(lines)
    assert "https://" not in result.output and "org/iom" not in result.output  # IRI columns hidden
    header = lines[1].split()
    assert header[:2] == ["labelA", "labelB"] and "actorA" not in header
    assert "International Organization for Migration" in result.output or "International Organiz…" in result.output
    assert "7 rows" in result.output
    footer = " ".join(lines[-3:])
    assert "hidden (actorA, actorB" in footer and "--format csv|json" in footer and "--wide" in footer
    # one line per row: the 7 rows take 7 lines between the header rule and the count
    rule = next(i for i, line in enumerate(lines) if set(line.strip()) == {"─"})
    count = next(i for i, line in enumerate(lines) if line.strip() == "7 rows")
    assert count - rule - 1 == 7


def test_machine_formats_keep_every_column_in_full(embedded_dir, embedded):
    rows = json.loads(invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM", "--format", "json").output)
    assert list(rows[0]) == ["actorA", "labelA", "actorB", "labelB", "meetings", "first", "last", "instruments",
                             "documents", "undated", "meetingIris"]
    assert all(r["actorA"].startswith(ID) for r in rows)
    csv_rows = list(csv.reader(io.StringIO(
        invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM", "--format", "csv").output)))
    assert csv_rows[0][0] == "actorA" and len(csv_rows) == len(rows) + 1
    longest = max((c for r in csv_rows[1:] for c in r), key=len)
    assert "…" not in "".join(c for r in csv_rows for c in r) and len(longest) > 40


def test_wide_shows_every_column_untruncated(embedded_dir, embedded):
    result = invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM", "--wide")
    assert result.exit_code == 0
    rows = json.loads(invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM", "--format", "json").output)
    for name in rows[0]:
        assert name in result.output
    for row in rows:
        for value in row.values():
            assert str(value) in result.output
    assert "…" not in result.output and "hidden" not in result.output


def test_without_a_terminal_the_table_is_100_wide(embedded_dir, embedded):
    result = invoke(embedded_dir, "query", "who-met-whom", "--param", "actor=IOM", columns=None)
    widths = [cell_len(line) for line in table_lines(result.output)]
    assert max(widths) <= 100 and max(widths) > 80


def test_sparql_table_fits_and_shortens_iris(embedded_dir, embedded):
    query = "SELECT ?actor ?label ?class WHERE { ?actor a ?class ; rdfs:label ?label } ORDER BY ?label LIMIT 5"
    result = invoke(embedded_dir, "sparql", query)
    assert result.exit_code == 0, result.output
    assert all(cell_len(line) <= 80 for line in table_lines(result.output))
    assert "https://" not in result.output and "tip:" in result.output and "hidden (actor" in result.output
    full = invoke(embedded_dir, "sparql", query, "--format", "csv").output
    assert full.splitlines()[0] == "actor,label,class" and "https://w3id.org/tipgraph/ontology#" in full


# -- cells -----------------------------------------------------------------------------------
def _render(columns, rows, width=80):
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None)
    write_rows(console, columns, rows, "table", width=width)
    return out.getvalue()


def test_cells_stay_on_one_line_and_a_missing_label_shows_the_iri():
    rows = [{"x": ID + "org/a", "xLabel": "A\nnew line", "n": Decimal("12"), "note": "y" * 300},
            {"x": ID + "org/b", "xLabel": None, "n": 3, "note": "short"}]
    text = _render(["x", "xLabel", "n", "note"], rows)
    lines = table_lines(text)
    assert all(cell_len(line) <= 80 for line in lines)
    assert "A new line" in text and "org/b" in text and "org/a" not in text
    assert "y" * 40 in text and "y" * 300 not in text and "…" in text
    assert "12" in text and "2 rows" in text


def test_fact_iris_print_short_in_list_cells_and_stay_beside_their_label():
    """The short IRIs are the ones `tipgraph show` takes (meeting/..., in lists too)."""
    from tipgraph.namespaces import expand_short_iri

    rows = [{"meeting": ID + "meeting/8438098c6ec4", "meetingLabel": "Talks", "actor": ID + "org/iom",
             "actorLabel": "IOM", "meetingIris": f"{ID}meeting/a1 | {ID}meeting/b2"}]
    view = plan(["meeting", "meetingLabel", "actor", "actorLabel", "meetingIris"], rows, 80)
    cells = dict(zip(view.columns, view.cells[0]))
    assert cells["meeting"] == "meeting/8438098c6ec4" and cells["meetingLabel"] == "Talks"
    assert "actor" not in cells and view.hidden == {"actor": "actorLabel"}
    assert cells["meetingIris"] == "meeting/a1 | meeting/b2"
    assert [expand_short_iri(s) for s in cells["meetingIris"].split(" | ")] == [ID + "meeting/a1", ID + "meeting/b2"]
    # a list that is not all IRIs stays as it is
    assert plan(["x"], [{"x": f"{ID}org/a | plain words"}], 80).cells[0] == [f"{ID}org/a | plain words"]


def test_numbers_give_way_only_when_text_columns_are_not_enough():
    columns = ["actorA", "labelA", "actorB", "labelB", "n", "first", "undated", "note"]
    rows = [{"actorA": ID + "org/a", "labelA": "a" * 40, "actorB": ID + "org/b", "labelB": "b" * 40, "n": 2,
             "first": "2019-05-28", "undated": 1, "note": "x" * 30}]
    view = plan(columns, rows, 60)  # the labels' floors (18 each) leave no room for undated
    assert view.dropped == ["undated", "note"] and view.columns == ["labelA", "labelB", "n", "first"]
    assert sum(view.widths) + 2 * (len(view.columns) - 1) <= 60
    assert plan(columns, rows, 70).dropped == ["note"]
    assert plan(columns, rows, 100).dropped == []


def test_numbers_and_dates_are_never_cut():
    rows = [{"label": "z" * 200, "amount": 26596000, "date": "2019-05-28"}]
    view = plan(["label", "amount", "date"], rows, 40)
    cells = dict(zip(view.columns, view.cells[0]))
    assert cells["amount"] == "26596000" and cells["date"] == "2019-05-28"
    assert "label" in view.cut


def test_columns_that_cannot_fit_are_left_out_and_named():
    columns = ["label"] + [f"list{i}" for i in range(12)]
    rows = [{c: "word " * 20 for c in columns}]
    text = _render(columns, rows)
    assert all(cell_len(line) <= 80 for line in table_lines(text))
    assert "no room" in text and "list11" in text.splitlines()[-2] + text.splitlines()[-3]
