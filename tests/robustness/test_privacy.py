"""Privacy: victims and private people never become nodes, contact details never reach
the graph, and the shapes catch a person without a public role loaded by hand.

The victim sentences give most names a role-like apposition ("assistant to a shop
owner", "a former accountant"), so the person rules alone would take several of them
for officials: it is the privacy check that keeps them out.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli
from tipgraph.ingest import ingest_paths
from tipgraph.store import open_store
from tipgraph.store.embedded import EmbeddedStore

PRIVATE = {
    "Daria Melnyk": "A 19-year-old woman from Odesa, Daria Melnyk, was rescued by the border police on 2 March.",
    "Maria Popescu": "The victim, Maria Popescu, said she had been promised a job in a restaurant in Milan.",
    "Ana Petrova": "One survivor, Ana Petrova, told the conference how she had escaped from the flat.",
    "Elena Rusu": "Elena Rusu (not her real name), a former sales manager, was identified at Chisinau airport.",
    "Oksana Koval": "The victim, Oksana Koval, assistant to a shop owner in Lviv, was recruited through an online advert.",
    "Grace Mensah": "Survivor Grace Mensah, a trainee nurse and member of the church choir, described how she was "
                    "recruited online.",
    "Ivan Petrov": "Ivan Petrov, a 34-year-old construction manager from the region, was freed from a farm near Kherson.",
    "Petru Ceban": "A local resident, Petru Ceban, assistant at the village school, said the men came at night.",
    "Natalia Bejan": "The trafficked woman, Natalia Bejan, a former accountant and member of a choir, said she was "
                     "sold twice.",
    "Irina Bejan": "Her daughter, Irina Bejan, a student and member of the youth club, was also rescued.",
}
PUBLIC = "Anna Rossi"
CONTACTS = [
    "For details, write to press.office@iom-moldova.example.org or call +373 22 23 29 40.",
    "The hotline (+1 (202) 555-0143, hotline@osce.example.int) answers around the clock.",
]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"\+[0-9][0-9 ().-]{6,}[0-9]")


def _release() -> str:
    return (
        "Partners meet on victim protection\n\n"
        "CHISINAU, 3 May 2021 - The International Organization for Migration (IOM) held a working meeting with the "
        "Ministry of Internal Affairs of the Republic of Moldova on victim protection (contact: "
        "media@iom-moldova.example.org, tel. +373 22 23 29 41).\n\n"
        + "\n\n".join(PRIVATE.values())
        + f"\n\n{PUBLIC}, Chief of Mission of IOM in Moldova, opened the meeting.\n\n"
        + "\n\n".join(CONTACTS)
        + "\n\nFor more information, please contact:\nNadia Haddad, IOM Moldova\nTel: +373 22 23 29 40\n"
        "E-mail: nhaddad@iom-moldova.example.org\n"
    )


@pytest.fixture(scope="module")
def privacy_store(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("privacy")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "victims.txt").write_text(_release(), encoding="utf-8")
    (corpus / "victims.md").write_text("---\ntitle: Victim protection\ncontact: desk@example.org\n---\n\n"
                                       + _release(), encoding="utf-8")
    store = open_store(root / "store")
    try:
        report = ingest_paths(store, [corpus])
        buf = io.BytesIO()
        store.export(buf, "nquads")
    finally:
        store.close()
    assert report.stored == 2, [o.reason for o in report.refused]
    return root / "store", buf.getvalue().decode("utf-8")


def _persons(store: Path) -> set[str]:
    s = EmbeddedStore(store, read_only=True)
    try:
        rows = s.select("PREFIX tip: <https://w3id.org/tipgraph/ontology#> "
                        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        "SELECT ?label WHERE { ?p a tip:Person ; rdfs:label ?label }")
    finally:
        s.close()
    return {str(r["label"]) for r in rows}


def test_the_official_is_a_person(privacy_store):
    """The control: the same document does yield people in public roles."""
    store, _ = privacy_store
    assert PUBLIC in _persons(store)


@pytest.mark.parametrize("name", sorted(PRIVATE))
def test_victims_and_private_people_are_no_nodes(privacy_store, name):
    store, quads = privacy_store
    persons = _persons(store)
    assert not any(name in p or p in name for p in persons), persons
    # no node of any kind carries the name as a label
    labels = [line for line in quads.splitlines() if ("#label>" in line or "#altLabel>" in line) and name in line]
    assert labels == []


def test_contact_details_never_reach_the_graph(privacy_store):
    _, quads = privacy_store
    assert not EMAIL.search(quads), EMAIL.search(quads)
    assert not PHONE.search(quads), PHONE.search(quads)
    # the press officer may stay (a professional role), her address and number may not
    assert "iom-moldova.example" not in quads and "29 40" not in quads and "555-0143" not in quads


# -- the shapes: a person without a public role, loaded by hand -------------------------------
PREFIXES = """@prefix tip: <https://w3id.org/tipgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/tipgraph/id/> .
<document/hand-made-0123456789ab> a tip:Document ; rdfs:label "Hand-made" ; dcterms:source "/notes/hand.txt" .
"""
HAND_MADE = {
    "no-role": '<person/maria-popescu> a tip:Person ; rdfs:label "Maria Popescu" ; '
               "prov:wasDerivedFrom <document/hand-made-0123456789ab> .",
    "email-in-title": '<person/jan-novak> a tip:Person ; rdfs:label "Jan Novak" ; '
                      'tip:title "Officer, jan.novak@example.org" ; prov:wasDerivedFrom <document/hand-made-0123456789ab> .',
    "phone-in-label": '<person/jan-novak> a tip:Person ; rdfs:label "Jan Novak +420 123 456 789" ; '
                      'tip:title "Officer" ; prov:wasDerivedFrom <document/hand-made-0123456789ab> .',
    "email-in-evidence": '<org/x> a tip:Organization ; rdfs:label "X" ; prov:wasDerivedFrom <document/hand-made-0123456789ab> .\n'
                         '<meeting/m1> a tip:Meeting ; rdfs:label "m" ; tip:participant <org/x> ; '
                         'tip:evidence "Write to desk@example.org" ; prov:wasDerivedFrom <document/hand-made-0123456789ab> .',
}


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_shapes_refuse_private_data_loaded_by_hand(tmp_path, name):
    path = tmp_path / f"{name}.ttl"
    path.write_text(PREFIXES + HAND_MADE[name] + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["load", str(path), "--store", str(store), "--create"])
    assert result.exit_code == 1, result.output
    assert re.search(r"public role|e-mail|phone", result.output), result.output
    if (store / "CURRENT").exists():
        s = EmbeddedStore(store, read_only=True)
        try:
            assert not any("hand-made" in str(g) or "file/" in str(g) for g in s.graph_names())
        finally:
            s.close()


def test_a_person_with_a_public_role_loads(tmp_path):
    path = tmp_path / "official.ttl"
    path.write_text(PREFIXES + '<person/jan-novak> a tip:Person ; rdfs:label "Jan Novak" ; tip:title "Officer" ; '
                    "prov:wasDerivedFrom <document/hand-made-0123456789ab> .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(path), "--store", str(tmp_path / "store"), "--create"])
    assert result.exit_code == 0, result.output
