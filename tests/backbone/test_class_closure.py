"""One walk of rdfs:subClassOf* for every caller: the ontology's subclasses, a data index's
superclasses, the network's kinds."""
from __future__ import annotations

from rdflib import RDF, RDFS, URIRef

from tipgraph.classes import closure
from tipgraph.namespaces import TIP
from tipgraph.reference import subclasses
from tipgraph.validation.compiled import DataIndex


def test_closure_is_reflexive_transitive_and_ends_on_cycles():
    step = {"a": ["b"], "b": ["c", "a"], "c": ["b"], "d": []}
    assert closure("a", lambda x: step.get(x, ())) == {"a", "b", "c"}
    assert closure("d", lambda x: step.get(x, ())) == {"d"}
    assert closure("zzz", lambda x: step.get(x, ())) == {"zzz"}


def test_ontology_subclasses_and_index_superclasses_agree():
    below_meeting = subclasses(TIP.Meeting)
    assert {TIP.Meeting, TIP.Training, TIP.WorkingMeeting} <= below_meeting
    assert TIP.PlannedMeeting not in below_meeting  # announced meetings are not meetings
    x = URIRef("urn:x")
    index = DataIndex([(TIP.Training, RDFS.subClassOf, TIP.Meeting), (TIP.Meeting, RDFS.subClassOf, URIRef("urn:Event")),
                       (x, RDF.type, TIP.Training)])
    assert index.superclasses(TIP.Training) == {TIP.Training, TIP.Meeting, URIRef("urn:Event")}
    assert index.classes_of(x) == {TIP.Training, TIP.Meeting, URIRef("urn:Event")}
    assert index.instances(URIRef("urn:Event")) == [x]
