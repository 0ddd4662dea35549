"""The catalogue: every stored query loads, follows the header convention, and is documented."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tipgraph.queries import CatalogueError, load_catalogue
from tipgraph.queries.catalogue import parse_query_file

REQUIRED = {
    "who-met-whom": {"actor", "instrument", "from", "to", "country"},
    "meetings-under-instrument": {"instrument"},
    "actor-profile": {"actor"},
}


def test_catalogue_has_the_required_queries_and_seven_more():
    catalogue = load_catalogue()
    for name, params in REQUIRED.items():
        assert {p.name for p in catalogue[name].parameters} == params
    assert len(catalogue) >= len(REQUIRED) + 7


def test_every_query_has_title_description_and_described_parameters():
    for q in load_catalogue().values():
        assert q.title and q.description and len(q.description) > 40, q.name
        for p in q.parameters:
            assert p.type in ("iri", "string", "date", "integer")
            assert p.description, (q.name, p.name)
            assert f"?{p.variable}" in q.text


def test_who_met_whom_parameters_are_all_optional():
    q = load_catalogue()["who-met-whom"]
    assert not any(p.required for p in q.parameters)
    assert {p.name: p.type for p in q.parameters} == {
        "actor": "iri", "instrument": "iri", "from": "date", "to": "date", "country": "iri",
    }


def test_parameter_variables_are_projected():
    """The queries project their parameter variables (a catalogue convention; the runner hides them)."""
    for q in load_catalogue().values():
        select = q.text.split("WHERE")[0]
        for p in q.parameters:
            assert f"?{p.variable}" in select, (q.name, p.name)


def test_bound_parameters_are_bound_on_the_embedded_store(tmp_path):
    """Values are joined as a VALUES block, never through Oxigraph's substitutions, with
    which BOUND(?param) is false: the queries test unset parameters with !BOUND."""
    from rdflib import Literal

    from tipgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    try:
        query = "SELECT ?__x (BOUND(?__x) AS ?b) WHERE { }"
        rows = store.select(query, {"__x": Literal("set")}).rows
        assert [(str(r["__x"]), r["b"].toPython()) for r in rows] == [("set", True)]
        assert store.select(query).rows[0]["b"].toPython() is False
    finally:
        store.close()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.rq"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, message",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "summary"),
        ("#+ summary: x\n#+ description: y\nSELECT ?s ?__a_iri WHERE { ?s ?p ?__a_iri }", "description under"),
        ("#+ summary: x\n#+ description: y\n#+ params:\n#+   a: {description: d}\nSELECT ?s ?__a_iri WHERE { ?s ?p ?__a_iri }", "kind"),
        ("#+ summary: x\n#+ description: y\n#+ params:\n#+   a: {description: d}\nSELECT ?s ?__a_float WHERE { ?s ?p ?__a_float }", "type"),
        ("#+ summary: x\n#+ description: y\n#+ params:\n#+   b: {description: d}\nSELECT ?s WHERE { ?s ?p ?o }", "does not use"),
        ("#+ summary: [x\nSELECT ?s WHERE { ?s ?p ?o }", "YAML"),
        ("#+ summary: x\n#+ description: y\nASK { ?s ?p ?o }", "SELECT"),
        ("#+ summary: x\n#+ description: y\n#+ lists: [xs]\nSELECT ?s WHERE { ?s ?p ?o }", "list column"),
    ],
)
def test_bad_headers_are_rejected(tmp_path, text, message):
    with pytest.raises(CatalogueError, match=message):
        parse_query_file(_write(tmp_path, text))


def test_defaults_come_from_the_grlc_defaults_decorator():
    q = load_catalogue()["most-connected-actors"]
    assert q.parameter("minimum").default == "1"
    assert q.parameter("minimum").type == "integer"


def test_docs_are_generated_from_the_headers(repo_dir):
    """docs/queries.md must be regenerated whenever a header changes."""
    result = subprocess.run(
        [sys.executable, str(repo_dir / "scripts" / "gen_query_docs.py"), "--check"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    text = (repo_dir / "docs" / "queries.md").read_text(encoding="utf-8")
    for q in load_catalogue().values():
        assert f"## {q.name}" in text and q.description in text


def test_docs_check_fails_when_stale(repo_dir, tmp_path, monkeypatch):
    sys.path.insert(0, str(repo_dir / "scripts"))
    try:
        import gen_query_docs
    finally:
        sys.path.pop(0)
    stale = tmp_path / "queries.md"
    stale.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(gen_query_docs, "OUT", stale)
    monkeypatch.setattr(sys, "argv", ["gen_query_docs.py", "--check"])
    monkeypatch.setattr(gen_query_docs, "REPO", tmp_path.parent)
    assert gen_query_docs.main() == 1


def test_every_group_concat_column_is_a_declared_list():
    """A list column not declared in '#+ lists:' would keep the engine's own item order."""
    import re

    for q in load_catalogue().values():
        body = "\n".join(line for line in q.text.splitlines() if not line.lstrip().startswith("#"))
        concatenated = set(re.findall(r"GROUP_CONCAT\((?:[^()]|\([^()]*\))*\)(?:,\s*\d+\))?\s+AS\s+\?(\w+)", body))
        assert concatenated == set(q.lists), q.name


def test_list_cells_come_back_sorted_whatever_the_engine_order(tmp_path):
    from tipgraph.queries import run_query
    from tipgraph.store.embedded import EmbeddedStore

    text = ('#+ summary: x\n#+ description: y\n#+ lists: [xs]\n'
            'SELECT (GROUP_CONCAT(?x; separator=" | ") AS ?xs) (GROUP_CONCAT(?x; separator=" | ") AS ?raw) '
            'WHERE { VALUES ?x { "delta" "alpha" "charlie" "bravo" } }')
    query = parse_query_file(_write(tmp_path, text))
    store = EmbeddedStore(tmp_path / "store")
    try:
        row = run_query(store, query).rows[0]
    finally:
        store.close()
    assert row["xs"] == "alpha | bravo | charlie | delta"
    assert row["raw"] != row["xs"]  # the engine's own order, left alone where not declared
