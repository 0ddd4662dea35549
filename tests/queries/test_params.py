"""Parameters: typed, resolved from names, and bound -- never pasted into the query."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from tipgraph.queries import (
    AmbiguousEntityError,
    ParameterError,
    UnknownEntityError,
    UnknownQueryError,
    get_query,
    run_query,
)
from tipgraph.store.base import SelectResult

ID = "https://w3id.org/tipgraph/id/"
HOSTILE = [
    '"',
    "'",
    '" } ; DROP ALL ; #',
    "} ; DROP ALL ; #",
    "EUR\" . } DELETE WHERE { ?s ?p ?o } #",
    "{ }",
    "line one\nline two\r\n}",
    "\\u0022 \\\" ''' \"\"\"",
    "<https://example.org/x> ",
    "?s ?p ?o",
    "x" * 5000,
    "\x00\t\u2028 ünïcødé",
]


def quads(store) -> int:
    return int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"])


class SpyStore:
    """Records what reaches the store, to show values travel only as bindings."""

    def __init__(self, inner):
        self.inner, self.calls = inner, []

    def select(self, query, bindings=None):
        self.calls.append((query, dict(bindings or {})))
        return self.inner.select(query, bindings)


def test_values_are_bindings_and_the_query_text_is_the_stored_text(embedded):
    spy = SpyStore(embedded)
    run_query(spy, "funding-by-funder", currency='EUR" } #')
    query, bindings = spy.calls[-1]
    assert query == get_query("funding-by-funder").text
    assert bindings == {"__currency": Literal('EUR" } #')}


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_change_nothing(engine, value):
    before = quads(engine)
    everything = run_query(engine, "funding-by-funder").rows
    rows = run_query(engine, "funding-by-funder", currency=value).rows
    assert rows == [r for r in everything if r["currency"] == value.upper()]
    assert quads(engine) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_names_are_just_names(engine, value):
    """A hostile name is unknown, or matches a label that contains it ("'" is in
    "Prosecutor General's Office"), or is a well-formed IRI; never more."""
    before = quads(engine)
    try:
        result = run_query(engine, "who-met-whom", actor=value)
    except ParameterError:
        pass
    else:
        actor = str(result.parameters["actor"])
        assert actor == value.strip().strip("<>") or actor.startswith(ID)
        assert all(actor in (r["actorA"], r["actorB"]) for r in result.rows)
    assert quads(engine) == before


@pytest.mark.parametrize("value", ["https://example.org/a b", "https://example.org/<x>", "http://x/{y}", "<urn:x y>", 'http://a/"'])
def test_iris_with_spaces_or_forbidden_characters_are_refused(embedded, value):
    with pytest.raises(ParameterError, match="not a valid IRI"):
        run_query(embedded, "actor-profile", actor=value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_string_is_compared_as_that_exact_literal(embedded, value):
    before = quads(embedded)
    rows = run_query(embedded, "funding-by-funder", currency=value).rows
    expected = {"EUR": [Decimal("5000000.5")], "USD": [Decimal("1750000")]}.get(value.upper(), [])
    assert [r["total"] for r in rows] == expected
    assert quads(embedded) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_any_name_resolves_fails_cleanly_or_is_ambiguous(embedded, value):
    before = quads(embedded)
    try:
        rows = run_query(embedded, "who-met-whom", actor=value).rows
    except (UnknownEntityError, AmbiguousEntityError, ParameterError):
        pass
    else:
        assert all(r["actorA"].startswith(ID) for r in rows)
    assert quads(embedded) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_date_text_is_a_date_or_a_parameter_error(embedded, value):
    try:
        rows = run_query(embedded, "cooperation-timeline", actor=f"{ID}org/iom").rows
        filtered = run_query(embedded, "who-met-whom", **{"from": value}).rows
    except ParameterError as exc:
        assert exc.parameter == "from"
    else:
        assert rows and all(r["last"] is None or r["last"] >= value[: len(r["last"])] for r in filtered)


def test_names_resolve_by_label_acronym_iso_code_curie_and_iri(embedded):
    for name in ["IOM", "iom", "International Organization for Migration", "UN Migration Agency",
                 "tipid:org/iom", f"<{ID}org/iom>", f"{ID}org/iom"]:
        result = run_query(embedded, "actor-profile", actor=name)
        assert result.parameters["actor"] == URIRef(ID + "org/iom"), name
    assert run_query(embedded, "ratifications", state="ru").parameters["state"] == URIRef(ID + "state/ru")
    # A part of a name is enough when it is unique.
    assert run_query(embedded, "meetings-under-instrument", instrument="transnational organized").parameters[
        "instrument"] == URIRef(ID + "instrument/untoc")


def test_ambiguous_names_list_the_candidates(embedded):
    with pytest.raises(AmbiguousEntityError) as info:
        run_query(embedded, "actor-profile", actor="MFA")
    labels = {c.label for c in info.value.candidates}
    assert labels == {"Ministry of Foreign Affairs of Turkmenistan", "Ministry of Foreign Affairs of the Russian Federation"}
    assert "Ministry of Foreign Affairs of Turkmenistan" in str(info.value)


def test_names_are_looked_up_in_the_parameters_kind(embedded):
    with pytest.raises(UnknownEntityError, match="LegalInstrument"):
        run_query(embedded, "meetings-under-instrument", instrument="IOM")
    with pytest.raises(UnknownEntityError):
        run_query(embedded, "actor-profile", actor="Nobody At All")


@pytest.mark.parametrize(
    "name, params, parameter",
    [
        ("who-met-whom", {"from": "2019-13"}, "from"),
        ("who-met-whom", {"to": "yesterday"}, "to"),
        ("who-met-whom", {"from": "2019-02-30"}, "from"),
        ("most-connected-actors", {"minimum": "three"}, "minimum"),
        ("most-connected-actors", {"minimum": "1.5"}, "minimum"),
        ("actor-profile", {}, "actor"),
        ("who-met-whom", {"colour": "red"}, "colour"),
    ],
)
def test_bad_values_name_the_parameter(embedded, name, params, parameter):
    with pytest.raises(ParameterError) as info:
        run_query(embedded, name, **params)
    assert info.value.parameter == parameter


def test_unknown_query(embedded):
    with pytest.raises(UnknownQueryError, match="who-met-whom"):
        run_query(embedded, "who-met-who")


def test_date_parameters_keep_their_precision():
    from tipgraph.queries.params import date_literal

    p = get_query("who-met-whom").parameter("from")
    assert date_literal(p, "2019").datatype == XSD.gYear
    assert date_literal(p, "2019-05").datatype == XSD.gYearMonth
    assert date_literal(p, "2019-05-28").datatype == XSD.date


def test_result_columns_hide_parameter_variables(embedded):
    result = run_query(embedded, "who-met-whom", actor="OSCE")
    assert result.columns[:4] == ["actorA", "labelA", "actorB", "labelB"]
    assert not any(c.startswith("_") for c in result.columns)
    assert isinstance(result.rows[0]["meetings"], int)
    assert SelectResult  # the store's own result type stays behind the API
