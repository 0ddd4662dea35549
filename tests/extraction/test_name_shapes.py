"""Names of bodies cut or glued wrongly: abbreviated states, a monarchy's style, units."""
from __future__ import annotations

from datetime import date

from tipgraph.extraction import extract
from tipgraph.model import SourceDocument


def doc(text: str) -> SourceDocument:
    return SourceDocument(path="/tmp/shapes.txt", text=text, published=date(2022, 3, 1))


def _labels(x) -> set[str]:
    return {e.label for m in x.meetings for e in m.participants}


def test_saint_written_st_names_the_state(resolver):
    # the text is about Grenada: a police force of another state keeps its own state
    x = extract(doc("Grenada hosted the talks in St. George's. Grenada officials met the St. Lucia Police Force "
                    "and the Grenada Police Service there."), resolver)
    labels = _labels(x)
    assert "National Police of Saint Lucia" in labels
    assert not any(label.startswith("Lucia") for label in labels)


def test_royal_before_a_national_police_is_part_of_its_name(resolver):
    x = extract(doc("The Cybercrime Unit of the Royal St. Vincent and the Grenadines Police Force met "
                    "the Royal Thai Police in Bangkok on 4 March 2022."), resolver)
    labels = _labels(x)
    assert "National Police of Thailand" in labels
    unit = [e for m in x.meetings for e in m.participants if e.label.startswith("Cybercrime Unit")]
    assert unit and "Royal" not in unit[0].label and "Thailand" not in unit[0].label
    assert unit[0].part_of and unit[0].part_of.endswith("national-police-of-saint-vincent-and-the-grenadines")


def test_irish_and_italian_prefixed_surnames_are_whole(resolver):
    x = extract(doc("Ireland's Minister for Justice, Siobhan O'Rourke, and the Director of the Italian Police, "
                    "Marco D'Alessio, met in Dublin on 4 March 2022."), resolver)
    names = {p.person.label for p in x.persons}
    assert {"Siobhan O'Rourke", "Marco D'Alessio"} <= names
