"""Graphs built from the fixture dataset, through the rdflib adapter and the embedded store."""
from __future__ import annotations

from datetime import date

from tipgraph.network import bipartite_graph, cooperation_graph, instrument_graph, load_network_data

ID = "https://w3id.org/tipgraph/id/"
IOM, OSCE, UNODC = ID + "org/iom", ID + "org/osce", ID + "org/unodc"
GPO, MFA_RU, MFA_TM = ID + "org/gpo-ru", ID + "org/mfa-ru", ID + "org/mfa-tm"
RU, TM = ID + "state/ru", ID + "state/tm"
ANNA, IVAN = ID + "person/anna-petrova", ID + "person/ivan-sidorov"


def test_meetings_by_subclass_and_never_planned(store):
    data = load_network_data(store)
    assert set(data.meetings) == {ID + f"meeting/m{i}" for i in range(1, 7)}
    assert ID + "meeting/p1" not in data.meetings
    assert data.meetings[ID + "meeting/m1"].type_name == "WorkingMeeting"
    assert data.meetings[ID + "meeting/m2"].organizers == {OSCE}


def test_actor_kinds_and_countries(store):
    data = load_network_data(store)
    assert data.actors[IOM].kind == "organization"  # via tip:IntergovernmentalOrganization
    assert data.actors[TM].kind == "state" and data.actors[TM].iso_code == "TM"
    assert data.actors[ANNA].kind == "person"
    assert data.actors[GPO].country == RU  # tip:partOf
    assert data.actors[IVAN].country == RU  # affiliation -> partOf
    assert data.actors[IOM].country is None


def test_cooperation_edges_weights_dates_instruments(store):
    data = load_network_data(store)
    G = cooperation_graph(data, data.meetings.values())
    # Persons fold into their affiliation: the 2019 working meeting joins IOM and the prosecutors.
    assert ANNA not in G and IVAN not in G
    e = G.edges[IOM, GPO]
    assert e["weight"] == 2.0 and e["meetings"] == 2
    assert (e["first_date"], e["last_date"]) == ("2019-05-28", "2021-03-02")
    assert e["instruments"] == ["Global Compact for Safe, Orderly and Regular Migration",
                                "Protocol to Prevent, Suppress and Punish Trafficking in Persons"]
    assert e["documents"] == ["iom-moscow-visit.html", "iom-prosecutors-2021.html"]
    # Month and year precision become whole months and years.
    assert G.edges[OSCE, MFA_RU]["periods"] == [(date(2009, 11, 1), date(2009, 11, 30))]
    assert G.edges[IOM, TM]["periods"] == [(date(2013, 1, 1), date(2013, 12, 31)),
                                           (date(2018, 5, 1), date(2018, 5, 31))]
    # The planned meeting makes no edge; the undated round table makes one without spells.
    assert not G.has_edge(IOM, OSCE)
    assert G.edges[OSCE, UNODC]["periods"] == []
    assert G.nodes[GPO]["country"] == "Russian Federation" and G.nodes[GPO]["iso_code"] == "RU"
    assert G.number_of_nodes() == 7 and G.number_of_edges() == 11


def test_node_spells_cover_edge_spells(store):
    data = load_network_data(store)
    G = cooperation_graph(data, data.meetings.values())
    for a, b, d in G.edges(data=True):
        for end in (a, b):
            node_periods = G.nodes[end]["periods"]
            if not d["periods"]:
                assert node_periods == [], (a, b)  # the edge is always there: so is its node
            if not node_periods:
                continue  # a node without spells is always there
            for s, e in d["periods"]:
                assert any(ns <= s and e <= ne for ns, ne in node_periods), (end, s, e)


def test_undated_meeting_makes_nodes_timeless(store):
    data = load_network_data(store)
    G = cooperation_graph(data, data.meetings.values())
    assert G.nodes[OSCE]["periods"] == [] and G.nodes[UNODC]["periods"] == []
    assert G.nodes[MFA_RU]["periods"] == [(date(2009, 11, 1), date(2009, 11, 30))]


def test_persons_kept_as_nodes_with_affiliation_edges(store):
    data = load_network_data(store)
    G = cooperation_graph(data, data.meetings.values(), frozenset({"person", "organization", "state"}))
    assert G.edges[ANNA, IVAN]["relation"] == "met"
    assert G.edges[ANNA, IOM]["relation"] == "affiliation"
    assert G.edges[IVAN, GPO]["relation"] == "affiliation"
    # Without folding, the 2019 meeting is between persons, so IOM-GPO counts only 2021.
    assert G.edges[IOM, GPO]["weight"] == 1.0


def test_kind_filter_states_only(store):
    data = load_network_data(store)
    G = cooperation_graph(data, data.meetings.values(), frozenset({"state"}))
    assert set(G) == {TM}


def test_bipartite_graph(store):
    data = load_network_data(store)
    G = bipartite_graph(data, data.meetings.values())
    meetings = {n for n, d in G.nodes(data=True) if d["bipartite"] == 1}
    assert meetings == set(data.meetings)
    assert G.edges[OSCE, ID + "meeting/m2"]["relation"] == "organizer"
    assert G.edges[GPO, ID + "meeting/m2"]["relation"] == "participant"
    assert G.edges[ANNA, ID + "meeting/m1"]["relation"] == "participant"
    assert G.edges[ANNA, IOM]["relation"] == "affiliation"
    assert G.nodes[ID + "meeting/m1"]["label"] == "WorkingMeeting 2019-05-28, Moscow"


def test_instrument_graph(store):
    data = load_network_data(store)
    G = instrument_graph(data, data.meetings.values())
    palermo = ID + "instrument/palermo-protocol"
    assert G.nodes[palermo]["kind"] == "instrument"
    assert G.edges[RU, palermo]["ratified"] is True and G.edges[RU, palermo]["meetings"] == 0
    assert G.edges[GPO, palermo]["meetings"] == 2  # the 2009 conference and the 2021 meeting
    assert G.edges[TM, ID + "instrument/tm-nap"]["weight"] == 1.0
