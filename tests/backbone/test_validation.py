"""Delta validation: new data plus the context it needs from the store."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF, RDFS

from tipgraph import validation
from tipgraph.namespaces import ID, ONTOLOGY_GRAPH, SH, TIP
from tipgraph.validation import ensure_ontology, validate_graph

PERSON = ID["person/stored-official"]


def test_the_example_graph_conforms_on_its_own(example_ttl):
    report = validate_graph(Graph().parse(example_ttl))
    assert report.conforms and report.results == []
    assert report.data_triples > 100 and report.context_triples == 0


def test_context_makes_a_meeting_naming_a_stored_actor_valid(store, kit):
    """The meeting names IOM, which only another graph describes: alone it fails, in context it conforms."""
    new = kit.graph_of(
        kit.document(kit.DOC_B, "meeting note"),
        kit.organisation(kit.OSCE, "OSCE", kit.DOC_B),
        kit.meeting(kit.MEETING, "OSCE meets IOM", kit.DOC_B, [kit.IOM, kit.OSCE]),
        identifier=kit.DOC_B,
    )
    alone = validate_graph(new)
    assert not alone.conforms
    assert [(r.focus, r.path, r.value) for r in alone.violations] == [(str(kit.MEETING), str(TIP.participant), str(kit.IOM))]

    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A, "registry note") + kit.organisation(kit.IOM, "IOM", kit.DOC_A)})
    in_context = validate_graph(new, store)
    assert in_context.conforms, in_context.to_text()
    # the context is the actor's type, label and source, and its document's type
    assert in_context.context_triples == 4


def test_context_leaves_out_the_graphs_being_replaced(store, kit):
    """A document is not checked against its own previous version."""
    store.replace_graphs({kit.DOC_B: kit.document(kit.DOC_B) + kit.organisation(kit.IOM, "IOM", kit.DOC_B)})
    new = kit.graph_of(
        kit.document(kit.DOC_B),
        kit.meeting(kit.MEETING, "A meeting", kit.DOC_B, [kit.IOM, kit.OSCE]),
    )
    # IOM is only described by the old version of DOC_B: once that is replaced, nobody types IOM.
    report = validate_graph(new, store, replacing=[kit.DOC_B])
    assert {r.value for r in report.violations} == {str(kit.IOM), str(kit.OSCE)}
    assert {r.value for r in validate_graph(new, store).violations} == {str(kit.OSCE)}


def test_a_different_stored_label_is_a_clash(store, kit):
    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A) + kit.organisation(kit.IOM, "International Organization for Migration", kit.DOC_A)})
    new = kit.graph_of(kit.document(kit.DOC_B, "second"), kit.organisation(kit.IOM, "IOM", kit.DOC_B), identifier=kit.DOC_B)
    report = validate_graph(new, store)
    assert not report.conforms
    [clash] = report.violations
    assert (clash.focus, clash.path, clash.value) == (str(kit.IOM), str(RDFS.label), "IOM")
    assert '"International Organization for Migration"' in clash.message and "skos:altLabel" in clash.message

    same = kit.graph_of(kit.document(kit.DOC_B, "second"),
                        kit.organisation(kit.IOM, "International Organization for Migration", kit.DOC_B))
    assert validate_graph(same, store).conforms
    # Replacing the graph that holds the old label is a rename, not a clash.
    renamed = kit.graph_of(kit.document(kit.DOC_A), kit.organisation(kit.IOM, "IOM", kit.DOC_A), identifier=kit.DOC_A)
    assert validate_graph(renamed, store).conforms


def test_results_about_stored_nodes_are_not_reported(store, kit):
    """A stored person seen only through its type has no title here; that is not the new graph's fault."""
    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A) + [
        (PERSON, RDF.type, TIP.Person), (PERSON, RDFS.label, Literal("An Official")),
        (PERSON, TIP.title, Literal("Minister")), (PERSON, ID["unused"], Literal("x")),
    ]})
    new = kit.graph_of(kit.document(kit.DOC_B), kit.organisation(kit.OSCE, "OSCE", kit.DOC_B),
                       kit.meeting(kit.MEETING, "m", kit.DOC_B, [PERSON, kit.OSCE]))
    report = validate_graph(new, store)
    assert report.conforms and report.results == []
    assert report.ignored >= 1  # the stored person (no title in the context) and the stored document
    assert "not shown" in report.to_text()


def test_warnings_do_not_break_conformance(kit):
    lonely = kit.graph_of(kit.document(kit.DOC_B), kit.organisation(kit.OSCE, "OSCE", kit.DOC_B),
                          kit.meeting(kit.MEETING, "m", kit.DOC_B, [kit.OSCE]))
    report = validate_graph(lonely)
    assert report.conforms
    assert [(r.severity, r.path) for r in report.results] == [("Warning", str(TIP.participant))]


def test_a_dataset_replaces_its_named_graphs(store, kit):
    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A) + kit.organisation(kit.IOM, "Old name", kit.DOC_A)})
    ds = Dataset()
    g = ds.graph(kit.DOC_A)
    for t in kit.document(kit.DOC_A) + kit.organisation(kit.IOM, "New name", kit.DOC_A):
        g.add(t)
    assert validate_graph(ds, store).conforms


def _broken_example(example_ttl) -> Graph:
    g = Graph().parse(example_ttl)
    meeting = ID["meeting/5e0b7a93c1d2"]
    g.remove((meeting, TIP.participant, ID["org/ministry-of-foreign-affairs-of-turkmenistan"]))  # organizer not a participant
    g.set((ID["programme/9d27b6e1a035"], TIP.budgetCurrency, Literal("euros")))
    g.add((ID["state/uz"], RDFS.label, Literal("Republic of Uzbekistan")))  # two labels
    return g


def test_report_text_is_grouped_by_focus_node(example_ttl):
    report = validate_graph(_broken_example(example_ttl))
    assert not report.conforms
    text = report.to_text()
    assert text.startswith("does not conform: ")
    programme = text.index('tipid:programme/9d27b6e1a035  "Safer Labour Migration in Central Asia"')
    uz = text.index("tipid:state/uz  ")
    meeting = text.index('tipid:meeting/5e0b7a93c1d2  "Working meeting on the national action plan')
    assert meeting < programme < uz  # groups sorted by focus IRI
    assert "tip:budgetCurrency = euros" in text
    assert "An organizer of a meeting (tip:organizer) must also be stated as a participant" in text
    # each focus node heads exactly one group
    assert text.count("tipid:programme/9d27b6e1a035  ") == 1


def test_report_json_and_turtle(example_ttl):
    report = validate_graph(_broken_example(example_ttl))
    data = json.loads(report.to_json())
    assert data["conforms"] is False
    assert data["violations"] == report.count("Violation") == len(data["results"]) - data["warnings"]
    assert {"severity", "focus", "focus_label", "path", "value", "message", "shape"} <= set(data["results"][0])

    g = Graph().parse(data=report.to_turtle(), format="turtle")
    [rep] = g.subjects(RDF.type, SH.ValidationReport)
    assert g.value(rep, SH.conforms) == Literal(False)
    assert len(list(g.objects(rep, SH.result))) == len(report.results)
    assert (None, SH.resultPath, TIP.budgetCurrency) in g


def test_conforming_report_renders(example_ttl):
    report = validate_graph(Graph().parse(example_ttl))
    assert report.to_text().startswith("conforms: 0 violation(s)")
    g = Graph().parse(data=report.to_turtle(), format="turtle")
    assert (None, SH.conforms, Literal(True)) in g


def test_ensure_ontology_loads_once_and_on_change(store, monkeypatch):
    assert ensure_ontology(store) is True
    n = len(store.graph(ONTOLOGY_GRAPH))
    assert n > 100 and (TIP.Meeting, RDF.type, None) in store.graph(ONTOLOGY_GRAPH)
    assert ensure_ontology(store) is False
    # an edited ontology (another hash) replaces the stored copy
    from tipgraph import reference

    monkeypatch.setattr(reference, "ontology_digest", lambda: "changed")
    assert ensure_ontology(store) is True
    assert len(store.graph(ONTOLOGY_GRAPH)) == n  # replaced, not added to


def test_shapes_and_ontology_are_parsed_once():
    assert validation.shapes_graph() is validation.shapes_graph()
    assert len(validation.shapes_graph()) > 50
    assert (TIP.Training, RDFS.subClassOf, TIP.Meeting) in validation._class_hierarchy()


@pytest.mark.parametrize("hostile", ['IOM" } ; DROP ALL ; #', "new\nline"])
def test_hostile_labels_do_not_break_the_context_query(store, kit, hostile):
    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A) + kit.organisation(kit.IOM, hostile, kit.DOC_A)})
    new = kit.graph_of(kit.document(kit.DOC_B), kit.organisation(kit.IOM, hostile, kit.DOC_B),
                       kit.organisation(kit.OSCE, "OSCE", kit.DOC_B),
                       kit.meeting(kit.MEETING, hostile, kit.DOC_B, [kit.IOM, kit.OSCE]))
    assert validate_graph(new, store).conforms
    assert store.stats().quads == 6


@pytest.mark.virtuoso
@pytest.mark.xdist_group("virtuoso")
def test_context_and_label_clash_on_a_remote_store(remote_store, kit):
    store = remote_store
    store.replace_graphs({kit.DOC_A: kit.document(kit.DOC_A, "registry note") + kit.organisation(kit.IOM, "IOM", kit.DOC_A)})
    new = kit.graph_of(
        kit.document(kit.DOC_B, "meeting note"),
        kit.organisation(kit.OSCE, "OSCE", kit.DOC_B),
        kit.meeting(kit.MEETING, "OSCE meets IOM", kit.DOC_B, [kit.IOM, kit.OSCE]),
    )
    report = validate_graph(new, store)
    assert report.conforms, report.to_text()
    assert report.context_triples == 4
    for t in kit.organisation(kit.IOM, "International Organization for Migration", kit.DOC_B):
        new.add(t)
    [clash] = validate_graph(new, store).violations
    assert clash.focus == str(kit.IOM) and '"IOM"' in clash.message
