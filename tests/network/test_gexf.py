"""GEXF 1.3: every file the tests write is validated against the official RELAX NG
schema, read back with networkx, and checked for labels, attributes, weights and spells."""
from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from tipgraph.network import Selection, build_selection, compute_metrics
from tipgraph.network.gexf import KIND_COLORS, NS, VIZ, write_gexf
from tipgraph.network.graphml import write_graphml
from tipgraph.network.metrics_backends import ENV

ID = "https://w3id.org/tipgraph/id/"
IOM, OSCE, UNODC, GPO, TM = ID + "org/iom", ID + "org/osce", ID + "org/unodc", ID + "org/gpo-ru", ID + "state/tm"
N = {"g": NS, "viz": VIZ}


@pytest.fixture(autouse=True, params=["networkx", "networkit"])
def metrics_backend(request, monkeypatch):
    """Every test of this file runs with the metrics of each backend (networkit when installed)."""
    if request.param == "networkit":
        pytest.importorskip("networkit")
    monkeypatch.setenv(ENV, request.param)
    return request.param


@pytest.fixture()
def network(rdflib_store):
    return compute_metrics(build_selection(rdflib_store, Selection()))


def test_cooperation_gexf_validates_and_reads_back(network, tmp_path, validate_gexf, metrics_backend):
    path = tmp_path / "network.gexf"
    write_gexf(network, path)
    tree = validate_gexf(path)
    graph = tree.find("g:graph", N)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert tree.find("g:graph/g:attributes[@class='node']", N).get("mode") == "static"

    H = nx.read_gexf(path, version="1.3")
    assert network.graph["metrics_backend"] == metrics_backend
    assert set(H) == set(network)
    assert {tuple(sorted(e)) for e in H.edges()} == {tuple(sorted(e)) for e in network.edges()}
    iom = H.nodes[IOM]
    assert iom["label"] == "International Organization for Migration"
    assert iom["kind"] == "organization"
    for metric in ("degree", "weighted_degree", "betweenness", "pagerank", "community"):
        assert iom[metric] == pytest.approx(network.nodes[IOM][metric])
    assert H.nodes[GPO]["country"] == "Russian Federation" and H.nodes[GPO]["iso_code"] == "RU"
    assert iom["viz"]["color"] == dict(zip("rgb", KIND_COLORS["organization"]), a=1.0)
    assert H.nodes[TM]["viz"]["color"]["r"] == KIND_COLORS["state"][0]
    assert iom["viz"]["size"] > H.nodes[ID + "org/mfa-ru"]["viz"]["size"]

    e = H.edges[IOM, GPO]
    assert e["weight"] == 2.0 and e["meetings"] == 2
    assert e["first_date"] == "2019-05-28" and e["last_date"] == "2021-03-02"
    assert "Protocol to Prevent, Suppress and Punish Trafficking in Persons" in e["instruments"]
    assert e["spells"] == [("2019-05-28", "2019-05-28"), ("2021-03-02", "2021-03-02")]
    assert H.nodes[IOM]["spells"][0] == ("2013-01-01", "2013-12-31")
    # The undated round table: edge and its ends carry no spells, so Gephi always shows them.
    assert "spells" not in H.edges[OSCE, UNODC] and "spells" not in H.nodes[OSCE]


def test_spells_never_overlap(network, tmp_path, validate_gexf):
    path = tmp_path / "n.gexf"
    write_gexf(network, path)
    tree = validate_gexf(path)
    for spells in tree.iterfind(".//g:spells", N):
        bounds = [(s.get("start"), s.get("end")) for s in spells.iterfind("g:spell", N)]
        for (s1, e1), (s2, e2) in zip(bounds, bounds[1:]):
            assert s1 <= e1 < s2 <= e2


def test_every_node_has_label_color_size(network, tmp_path, validate_gexf):
    path = tmp_path / "n.gexf"
    write_gexf(network, path)
    tree = validate_gexf(path)
    nodes = tree.findall(".//g:node", N)
    assert len(nodes) == network.number_of_nodes()
    for node in nodes:
        assert node.get("label")
        assert node.find("viz:color", N) is not None and node.find("viz:size", N) is not None
    ids = [node.get("id") for node in nodes]
    assert ids == sorted(ids)
    for edge in tree.findall(".//g:edge", N):
        assert float(edge.get("weight")) >= 1.0


def test_output_is_deterministic(rdflib_store, tmp_path):
    a, b = tmp_path / "a.gexf", tmp_path / "b.gexf"
    write_gexf(compute_metrics(build_selection(rdflib_store, Selection())), a)
    write_gexf(compute_metrics(build_selection(rdflib_store, Selection())), b)
    assert a.read_bytes() == b.read_bytes()


def test_cumulative_timeline(network, tmp_path, validate_gexf):
    path = tmp_path / "c.gexf"
    write_gexf(network, path, timeline="cumulative")
    tree = validate_gexf(path)
    spells = tree.findall(f".//g:edge[@source='{GPO}'][@target='{IOM}']/g:spells/g:spell", N)
    assert [(s.get("start"), s.get("end")) for s in spells] == [("2019-05-28", None)]
    # networkx reads the open end as the string 'None'; Gephi as "until the end".
    H = nx.read_gexf(path, version="1.3")
    assert H.edges[IOM, GPO]["spells"][0][0] == "2019-05-28"


@pytest.mark.parametrize("view", ["bipartite", "instruments"])
def test_other_views_validate(rdflib_store, tmp_path, validate_gexf, view):
    G = compute_metrics(build_selection(rdflib_store, Selection(view=view)))
    path = tmp_path / f"{view}.gexf"
    write_gexf(G, path)
    validate_gexf(path)
    H = nx.read_gexf(path, version="1.3")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    kinds = {d["kind"] for _, d in H.nodes(data=True)}
    assert ("meeting" if view == "bipartite" else "instrument") in kinds


def test_awkward_labels_and_static_graph(tmp_path, validate_gexf):
    G = nx.Graph()
    G.add_node("a", label='Smith & "Sons" <Ltd>\x07  with\ttabs', kind="organization", periods=[])
    G.add_node("b", label="", kind="state", periods=[])
    G.add_edge("a", "b", weight=1.0, meetings=1, instruments=["X, Y", "Z"], periods=[])
    compute_metrics(G)
    path = tmp_path / "s.gexf"
    write_gexf(G, path)
    tree = validate_gexf(path)
    assert tree.find("g:graph", N).get("mode") == "static"
    H = nx.read_gexf(path, version="1.3")
    assert H.nodes["a"]["label"] == 'Smith & "Sons" <Ltd> with tabs'
    assert H.nodes["b"]["label"] == "b"
    assert H.edges["a", "b"]["instruments"] == "X, Y | Z"


def test_attribute_values_keep_markup_characters_and_line_breaks(tmp_path, validate_gexf):
    """The text writer escapes as an XML serializer would: a reader gets the values back."""
    G = nx.Graph()
    iri = 'https://example.org/a?x=1&y="2"'
    G.add_node(iri, label="Fish & <Chips>", kind="organization", country="Line one\nline two\tend\r", periods=[])
    G.add_node("b\x01", label="B", kind="state", meetings=3, periods=[])
    G.add_edge(iri, "b\x01", weight=2.0, meetings=2, documents=["<d1>", "d&2"], ratified=True, periods=[])
    path = tmp_path / "e.gexf"
    write_gexf(G, path, description="Ports & <harbours>")
    validate_gexf(path)
    H = nx.read_gexf(path, version="1.3")
    assert H.nodes[iri]["label"] == "Fish & <Chips>"
    assert H.nodes[iri]["country"] == "Line one\nline two\tend\r"
    assert H.nodes["b"]["meetings"] == 3  # the control character is dropped from the id
    assert H.edges[iri, "b"]["documents"] == "<d1> | d&2" and H.edges[iri, "b"]["ratified"] is True
    assert "Ports &amp; &lt;harbours&gt;" in path.read_text(encoding="utf-8")


def test_window_and_ego_exports_validate(rdflib_store, tmp_path, validate_gexf):
    G = compute_metrics(build_selection(rdflib_store, Selection(ego="IOM", date_from="2018")))
    path = tmp_path / "e.gexf"
    write_gexf(G, path)
    validate_gexf(path)
    H = nx.read_gexf(path, version="1.3")
    assert set(H) == {IOM, GPO, UNODC, TM, ID + "org/mfa-tm"}
    assert H.nodes[IOM]["ego"] is True
    assert min(s for s, _ in H.nodes[IOM]["spells"]) >= date(2018, 1, 1).isoformat()


def test_graphml_round_trip(network, tmp_path):
    path = tmp_path / "n.graphml"
    write_graphml(network, path)
    H = nx.read_graphml(path)
    assert set(H) == set(network)
    assert H.edges[IOM, GPO]["weight"] == 2.0
    assert H.edges[IOM, GPO]["spells"] == "2019-05-28..2019-05-28; 2021-03-02..2021-03-02"
    assert H.nodes[IOM]["kind"] == "organization" and "pagerank" in H.nodes[IOM]
