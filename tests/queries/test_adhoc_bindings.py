"""run_sparql with bindings: values are bound as RDF terms, never written into the text,
and a SELECT's rows come as a DataFrame like a stored query's."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from tipgraph.queries import QueryError, run_query, run_sparql
from tipgraph.queries.adhoc import binding_terms

ID = "https://w3id.org/tipgraph/id/"
MEETINGS_OF = "SELECT ?meeting WHERE { ?meeting a tip:Meeting ; tip:participant ?actor } ORDER BY ?meeting"


def test_a_binding_selects_like_a_stored_query_parameter(engine):
    rows = run_sparql(engine, MEETINGS_OF, {"actor": URIRef(ID + "org/osce")}).rows
    assert [r["meeting"] for r in rows] == [ID + "meeting/b1", ID + "meeting/b2", ID + "meeting/e1"]
    # "?actor" and "actor" name the same variable; without a binding every meeting comes back
    assert run_sparql(engine, MEETINGS_OF, {"?actor": URIRef(ID + "org/osce")}).rows == rows
    assert len(run_sparql(engine, MEETINGS_OF).rows) > len(rows)
    # what the stored query says about OSCE's meetings, the ad-hoc one finds too
    named = {m for r in run_query(engine, "who-met-whom", actor="OSCE").rows for m in r["meetingIris"].split(" | ")}
    assert named == {r["meeting"] for r in rows}


def test_literals_of_every_python_type_are_bound_typed(embedded):
    found = run_sparql(embedded, "SELECT ?p WHERE { ?p tip:budgetAmount ?amount ; tip:budgetCurrency ?currency }",
                       {"currency": "USD"}).rows
    assert {r["p"] for r in found} == {ID + "programme/c-capacity", ID + "programme/d-hotline"}
    dated = run_sparql(embedded, "SELECT ?m WHERE { ?m tip:date ?d }", {"d": dt.date(2019, 5, 28)}).rows
    assert dated == [{"m": ID + "meeting/a1"}]
    assert binding_terms({"n": 24, "x": 1.5, "b": True})["n"] == Literal(24)
    assert binding_terms({"d": dt.date(2020, 2, 10)})["d"] == Literal("2020-02-10", datatype=XSD.date)
    assert run_sparql(embedded, "ASK { ?p tip:durationMonths ?n }", {"n": 24}).boolean is True
    assert run_sparql(embedded, "ASK { ?p tip:durationMonths ?n }", {"n": 25}).boolean is False


@pytest.mark.parametrize("hostile", ['"} ; DROP ALL ; #', "USD\" } UNION { ?p ?q ?currency", "x'>\\u0022 }"])
def test_a_hostile_value_is_only_a_literal(embedded, hostile):
    query = "SELECT ?p WHERE { ?p tip:budgetCurrency ?currency }"
    assert run_sparql(embedded, query, {"currency": hostile}).rows == []
    assert run_sparql(embedded, "SELECT ?l WHERE { BIND(?v AS ?l) }", {"v": hostile}).rows == [{"l": hostile}]


def test_bad_bindings_are_refused(embedded):
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        run_sparql(embedded, MEETINGS_OF, {"actor } ?x": "IOM"})
    with pytest.raises(QueryError, match="cannot bind a list"):
        run_sparql(embedded, MEETINGS_OF, {"actor": ["IOM"]})
    with pytest.raises(QueryError, match="update takes none"):
        run_sparql(embedded, "INSERT DATA { <urn:a> <urn:b> ?x }", {"x": "y"}, allow_update=True)
    with pytest.raises(ValueError):
        run_sparql(embedded, MEETINGS_OF, {"actor": URIRef("https://example.org/a b")})


def test_a_select_gives_a_dataframe_like_run_query(embedded):
    pytest.importorskip("pandas")
    frame = run_sparql(embedded, "SELECT ?meeting ?date WHERE { ?meeting tip:participant ?actor ; tip:date ?date }",
                       {"actor": URIRef(ID + "org/iom")}).to_dataframe()
    assert list(frame.columns) == ["meeting", "date"] and len(frame) == 4
    assert set(frame["meeting"]) == {ID + f"meeting/{m}" for m in ("a1", "b2", "c1", "c2")}
    with pytest.raises(QueryError, match="ASK result has no rows"):
        run_sparql(embedded, "ASK { ?s ?p ?o }").to_dataframe()


def test_without_pandas_the_dataframe_says_how_to_get_it(embedded, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"SparqlResult.to_dataframe\(\) needs pandas.*tipgraph\[pandas\]"):
        run_sparql(embedded, MEETINGS_OF).to_dataframe()
