"""Injection: no parameter value changes a stored query's meaning, ``tipgraph sparql``
refuses updates without ``--allow-update``, and data shown on the console is data.

The property tests run every stored query with values drawn by hypothesis (real
names, SPARQL fragments, quotes, braces, newlines, any unicode) through the two ways
tipgraph binds values: Oxigraph's native substitution (embedded store) and the
``VALUES`` block that remote endpoints receive. Both must agree row for row, and the
store must be unchanged; a value is a value, whatever characters it holds.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef

from tipgraph.cli import cli
from tipgraph.queries import ParameterError, load_catalogue, run_query
from tipgraph.store.binding import bind_values
from tipgraph.store.embedded import EmbeddedStore

from .conftest import export_nquads

FIXTURE = Path(__file__).resolve().parents[1] / "queries" / "fixtures" / "cooperation.trig"
CATALOGUE = load_catalogue()
WITH_PARAMETERS = sorted(name for name, q in CATALOGUE.items() if q.parameters)

REAL_VALUES = ["IOM", "OSCE", "UNODC", "Palermo Protocol", "Turkmenistan", "RU", "EUR", "USD", "eur",
               "2019", "2019-05", "2019-05-28", "1", "3", "https://w3id.org/tipgraph/id/org/iom",
               "<https://w3id.org/tipgraph/id/state/tm>", "tip:Organization"]
FRAGMENTS = ['"', "'", '"""', "'''", "\\", "\\\"", "}", "{", "} ; DROP ALL ; #", "\" } DELETE WHERE { ?s ?p ?o } #",
             "> } INSERT DATA { <a:b> <a:c> <a:d> } #", "?s ?p ?o", "#", "\n", "\r\n", "\t", "\x00",
             "\u2028", "') ; CLEAR ALL", " UNION { ?x ?y ?z }", "<http://example.org/x>", "@en", "^^xsd:string"]
VALUES = st.one_of(
    st.sampled_from(REAL_VALUES),
    st.sampled_from(REAL_VALUES),  # twice: half the values name something, so rows come back
    st.text(max_size=60),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(REAL_VALUES + [""]), st.sampled_from(FRAGMENTS),
              st.sampled_from(REAL_VALUES + FRAGMENTS + [""])),
)


class ValuesBindingStore(EmbeddedStore):
    """The embedded store, binding the way the remote store does: a VALUES block in the text."""

    def _query(self, query, bindings):
        return self._run(self.ox_store, bind_values(query, bindings), None)


def _quad_count(store: EmbeddedStore) -> int:
    return len(store.ox_store)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    from tipgraph.reference import ensure_reference_graphs

    path = tmp_path_factory.mktemp("inject") / "store"
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    writer = EmbeddedStore(path)
    writer.replace_graphs({g.identifier: list(g) for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)})
    ensure_reference_graphs(writer, registry=False)
    writer.close()
    native, values = EmbeddedStore(path, read_only=True), ValuesBindingStore(path, read_only=True)
    yield native, values
    native.close()
    values.close()


def _outcome(store, name: str, params: dict):
    try:
        return ("rows", run_query(store, name, **params).rows)
    except ParameterError as exc:
        return ("refused", type(exc).__name__, str(exc))


@pytest.mark.slow  # each unknown name costs three lookups
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_value_means_the_same_under_both_bindings(stores, data):
    native, values = stores
    before = _quad_count(native)
    name = data.draw(st.sampled_from(WITH_PARAMETERS), label="query")
    params = {}
    for p in CATALOGUE[name].parameters:
        if p.required or data.draw(st.booleans(), label=f"give {p.name}"):
            params[p.name] = data.draw(VALUES, label=p.name)
    a, b = _outcome(native, name, params), _outcome(values, name, params)
    event("refused" if a[0] == "refused" else "rows" if a[1] else "no rows")
    assert a == b
    assert _quad_count(native) == before


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80), lang=st.sampled_from([None, "en", "ru", "en-GB"]))
def test_a_bound_literal_comes_back_exactly(text, lang):
    """The VALUES block is read by a real SPARQL parser as exactly the one term given."""
    import pyoxigraph as ox

    term = Literal(text, lang=lang)
    query = bind_values("SELECT ?x WHERE { }", {"x": term})
    rows = list(ox.Store().query(query))
    assert len(rows) == 1
    got = rows[0]["x"]
    assert (got.value, got.language) == (text, lang and lang.lower())  # tags are case-insensitive


@settings(max_examples=100, deadline=None)
@given(tail=st.text(min_size=1, max_size=30))
def test_iris_cannot_smuggle_syntax(tail):
    """An IRI value is an IRI or refused; never text that ends the IRI early."""
    import pyoxigraph as ox

    from tipgraph.store.binding import BindingError

    iri = "https://w3id.org/tipgraph/id/org/" + tail
    try:
        query = bind_values("SELECT ?x WHERE { }", {"x": URIRef(iri)})
    except BindingError:
        with pytest.raises(ValueError):  # refused only when it is no IRI at all
            ox.NamedNode(iri)
        return
    rows = list(ox.Store().query(query))
    assert [r["x"].value for r in rows] == [iri]


# -- tipgraph sparql: read-only unless --allow-update ------------------------------------
UPDATES = [
    'INSERT DATA { <https://x.org/a> <https://x.org/b> "c" }',
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "drop silent graph <https://w3id.org/tipgraph/id/graph/ontology>",
    "CLEAR DEFAULT",
    "# a comment first\nPREFIX ex: <https://x.org/>\nDELETE { ?s ?p ?o } INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
    "WITH <https://w3id.org/tipgraph/id/graph/ontology> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CREATE GRAPH <https://x.org/g>",
    "COPY DEFAULT TO <https://x.org/g>",
    'SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <https://x.org/a> <https://x.org/b> "c" }',
]



@pytest.fixture()
def small_store(tmp_path) -> Path:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    store.replace_graphs({URIRef("https://w3id.org/tipgraph/id/graph/test"): [
        (URIRef("https://w3id.org/tipgraph/id/org/a"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A"))]})
    store.close()
    return path


@pytest.mark.parametrize("update", UPDATES)
def test_sparql_refuses_updates_without_allow_update(small_store, update):
    before = export_nquads(small_store)
    result = CliRunner().invoke(cli, ["sparql", update, "--store", str(small_store)])
    assert result.exit_code == 2, result.output
    assert "--allow-update" in result.output or "not a SPARQL query" in result.output
    assert export_nquads(small_store) == before


def test_sparql_update_from_a_file_or_stdin_is_refused_too(small_store, tmp_path):
    before = export_nquads(small_store)
    ru = tmp_path / "wipe.ru"
    ru.write_text("DROP ALL", encoding="utf-8")
    assert CliRunner().invoke(cli, ["sparql", str(ru), "--store", str(small_store)]).exit_code == 2
    assert CliRunner().invoke(cli, ["sparql", "-", "--store", str(small_store)], input="CLEAR ALL").exit_code == 2
    assert export_nquads(small_store) == before


def test_sparql_update_runs_with_allow_update(small_store):
    result = CliRunner().invoke(cli, ["sparql", UPDATES[0], "--store", str(small_store), "--allow-update"])
    assert result.exit_code == 0, result.output
    assert any("<https://x.org/a>" in line for line in export_nquads(small_store))


# -- what reaches the console is data, not markup ------------------------------------------
HOSTILE_LABELS = ["[bold]Ministry[/bold]", "a [/] b", "[note] x", "[link=https://x.org]click[/link]",
                  "\\[escaped]", '"quoted" and \'single\'', "line\nbreak"]


def test_labels_with_console_markup_are_printed_as_they_are(tmp_path):
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    g = URIRef("https://w3id.org/tipgraph/id/graph/test")
    store.replace_graphs({g: [(URIRef(f"https://w3id.org/tipgraph/id/org/o{i}"),
                               URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(label))
                              for i, label in enumerate(HOSTILE_LABELS)]})
    store.close()
    result = CliRunner().invoke(cli, ["sparql", "SELECT ?l WHERE { ?o rdfs:label ?l } ORDER BY ?l",
                                      "--store", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    for label in HOSTILE_LABELS:
        for part in label.split("\n"):
            assert part in result.output


def test_refusal_lines_show_file_names_with_brackets_as_they_are(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a[").mkdir(parents=True)
    bad = corpus / "a[" / "red][bold]x.txt"  # the path reads "a[/red][bold]x.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 1, result.output
    assert f"refused {bad.resolve().as_posix()}: empty file" in result.output
