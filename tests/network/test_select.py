"""Subgraph selection: ego networks, time windows, instruments, countries, kinds, queries."""
from __future__ import annotations

from datetime import date

import pytest

from tipgraph.network import Selection, SelectionError, build_selection
from tipgraph.network.select import parse_kinds

ID = "https://w3id.org/tipgraph/id/"
IOM, OSCE, UNODC = ID + "org/iom", ID + "org/osce", ID + "org/unodc"
GPO, MFA_RU, MFA_TM = ID + "org/gpo-ru", ID + "org/mfa-ru", ID + "org/mfa-tm"
RU, TM = ID + "state/ru", ID + "state/tm"
ANNA = ID + "person/anna-petrova"


@pytest.fixture()
def store(embedded_store):
    """Selection tests run on the embedded store (rdflib's SPARQL is slow on the
    name lookups); test_ego_through_rdflib keeps the rdflib adapter covered."""
    return embedded_store


def test_ego_through_rdflib(rdflib_store):
    G = build_selection(rdflib_store, Selection(ego="IOM", depth=1, date_from="2018"))
    assert set(G) == {IOM, GPO, UNODC, TM, MFA_TM}


@pytest.mark.parametrize("name", ["IOM", "iom", "International Organization for Migration",
                                  "UN Migration Agency", IOM, f"<{IOM}>"])
def test_ego_by_label_acronym_or_iri(store, name):
    G = build_selection(store, Selection(ego=name, depth=1))
    assert set(G) == {IOM, GPO, UNODC, TM, MFA_TM}
    assert G.nodes[IOM]["ego"] is True


def test_ego_depth_two(store):
    G = build_selection(store, Selection(ego="IOM", depth=2))
    assert set(G) == {IOM, GPO, UNODC, TM, MFA_TM, OSCE, MFA_RU}


def test_ego_of_a_person_keeps_persons(store):
    G = build_selection(store, Selection(ego="anna petrova", depth=1))
    assert set(G) == {ANNA, ID + "person/ivan-sidorov", IOM}


def test_unknown_and_ambiguous_actor(store):
    with pytest.raises(SelectionError, match="no Actor is called"):
        build_selection(store, Selection(ego="Nobody At All"))
    with pytest.raises(SelectionError, match="names 2 entities") as info:
        build_selection(store, Selection(ego="Ministry of Foreign Affairs"))
    assert MFA_RU in str(info.value) and MFA_TM in str(info.value)
    with pytest.raises(SelectionError, match="no actor with IRI"):
        build_selection(store, Selection(ego=ID + "instrument/gcm"))


def test_time_window(store):
    G = build_selection(store, Selection(date_from="2019", date_to="2021"))
    assert set(G.edges()) == {tuple(sorted((IOM, GPO)))}
    assert G.edges[IOM, GPO]["weight"] == 2.0
    G = build_selection(store, Selection(date_from="2019", date_to="2019-05"))
    assert G.edges[IOM, GPO]["weight"] == 1.0
    assert G.edges[IOM, GPO]["periods"] == [(date(2019, 5, 28), date(2019, 5, 28))]
    # A month-precision meeting overlaps a window that cuts into its month, and is clipped.
    G = build_selection(store, Selection(date_from="2009-11-15", date_to="2009-12"))
    assert G.edges[OSCE, GPO]["periods"] == [(date(2009, 11, 15), date(2009, 11, 30))]
    assert UNODC not in G  # the undated round table drops out once a window is set


def test_bad_window(store):
    with pytest.raises(SelectionError, match="--from"):
        build_selection(store, Selection(date_from="last year"))
    with pytest.raises(SelectionError, match="after"):
        build_selection(store, Selection(date_from="2020", date_to="2019"))


def test_instrument_filter(store):
    G = build_selection(store, Selection(instruments=("Palermo Protocol",)))
    assert set(G) == {IOM, GPO, OSCE, MFA_RU}
    assert G.edges[IOM, GPO]["weight"] == 1.0
    with pytest.raises(SelectionError, match="no LegalInstrument"):
        build_selection(store, Selection(instruments=("IOM",)))


def test_country_filter(store):
    # Held in the state (m4) or at a place within it (m3 in Ashgabat).
    G = build_selection(store, Selection(countries=("TM",)))
    assert set(G) == {IOM, UNODC, TM, MFA_TM}
    # m1 in Moscow; the OSCE conference (m2) that Russia's ministries attended has no
    # place, so it is not a meeting in Russia.
    G = build_selection(store, Selection(countries=("Russia",)))
    assert set(G) == {IOM, GPO}


def test_kinds():
    assert parse_kinds("organisation, states,Person") == frozenset({"organization", "state", "person"})
    with pytest.raises(SelectionError):
        parse_kinds("planet")


def test_query_file_defines_the_graph(store, tmp_path):
    rq = tmp_path / "prosecutors.rq"
    rq.write_text(
        "PREFIX tip: <https://w3id.org/tipgraph/ontology#>\n"
        "SELECT ?source ?target ?date WHERE { ?m tip:participant ?source , ?target . "
        "FILTER(STR(?source) < STR(?target)) OPTIONAL { ?m tip:date ?date } "
        "?m tip:participant ?who . FILTER(?who = ?org) }\n")
    from rdflib import URIRef

    G = build_selection(store, Selection(query=str(rq), query_bindings={"org": URIRef(GPO)}))
    assert set(G) == {IOM, GPO, OSCE, MFA_RU}
    assert G.nodes[GPO]["label"].startswith("General Prosecutor")
    with pytest.raises(SelectionError, match="combine"):
        build_selection(store, Selection(query=str(rq), date_from="2019"))


def test_construct_query(store, tmp_path):
    rq = tmp_path / "parts.rq"
    rq.write_text("PREFIX tip: <https://w3id.org/tipgraph/ontology#>\n"
                  "CONSTRUCT { ?a tip:partOf ?b } WHERE { ?a tip:partOf ?b }\n")
    G = build_selection(store, Selection(query=str(rq)))
    moscow, ashgabat = ID + "place/moscow", ID + "place/ashgabat"
    assert set(G.edges()) == {tuple(sorted(e)) for e in [(GPO, RU), (MFA_RU, RU), (MFA_TM, TM),
                                                         (moscow, RU), (ashgabat, TM)]}
    assert G.edges[GPO, RU]["relations"] == ["partOf"]


def test_unknown_query(store):
    with pytest.raises(SelectionError, match="no stored query"):
        build_selection(store, Selection(query="no-such-query"))


def test_stored_query_with_typed_parameter(store):
    G = build_selection(store, Selection(query="who-met-whom", query_params={"actor": "IOM"}))
    assert set(G) == {IOM, GPO, UNODC, TM, MFA_TM}
    assert G.edges[IOM, TM]["weight"] == 2.0  # ?meetings
    assert G.nodes[TM]["kind"] == "state"
    with pytest.raises(SelectionError, match="no Actor is called"):
        build_selection(store, Selection(query="who-met-whom", query_params={"actor": "Nobody At All"}))
