"""Evidence is the sentence(s) a fact was read from: never a paragraph, never a contact
block with other people in it."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tipgraph.extraction import extract, own_contact_entries
from tipgraph.extraction.sentences import split_sentences
from tipgraph.reading import read_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "documents"

RELEASE = """Joint shelter project opens in Chisinau

Chisinau, 3 March 2022 - The International Organization for Migration (IOM) and the United Nations Office on Drugs and Crime (UNODC) opened a shelter for survivors of trafficking in Chisinau on Thursday.

The shelter will take in up to twenty people at a time.

Media contacts:
IOM Moldova: Irina Vasilache, Tel. +373 22 23 29 40
UNODC: Tomas Berger
"""


def test_a_shared_contact_block_gives_each_person_their_own_entry(tmp_path, resolver):
    path = tmp_path / "joint.txt"
    path.write_text(RELEASE, encoding="utf-8")
    doc = read_document(str(path))
    assert doc.contacts == ["IOM Moldova: Irina Vasilache, UNODC: Tomas Berger"]
    evidence = {p.person.label: p.evidence for p in extract(doc, resolver.fork()).persons}
    assert evidence == {"Irina Vasilache": "IOM Moldova: Irina Vasilache", "Tomas Berger": "UNODC: Tomas Berger"}


@pytest.mark.parametrize("block, expected", [
    ("Jane Roe, Press Officer, IOM; John Doe, Adviser, UNODC",
     {"Jane Roe": "Jane Roe, Press Officer, IOM", "John Doe": "John Doe, Adviser, UNODC"}),
    ("Media: Jane Roe\nJohn Doe, UNODC", {"Jane Roe": "Media: Jane Roe", "John Doe": "John Doe, UNODC"}),
    ("Embassy of X, Communication: Jane Roe", {"Jane Roe": "Embassy of X, Communication: Jane Roe"}),
])
def test_own_contact_entries(block, expected):
    people = [SimpleNamespace(name=n, evidence=block) for n in expected]
    assert {p.name: p.evidence for p in own_contact_entries(people)} == expected


def test_every_example_fact_has_whole_sentences_or_its_own_contact_entry(resolver):
    """On the bundled examples: prose evidence is whole sentences of the text (never more
    text than they hold), and a contact's evidence names no other contact of the page."""
    checked = 0
    for path in sorted(EXAMPLES.iterdir()):
        doc = read_document(str(path))
        x = extract(doc, resolver.fork())
        sentences = {s.text for s in split_sentences(doc.text)}
        contacts = [p for p in x.persons if any(p.evidence in block for block in doc.contacts)]
        for fact in [*x.meetings, *x.programmes, *x.ratifications, *(p for p in x.persons if p not in contacts)]:
            if not fact.evidence:
                continue
            rest = fact.evidence
            for s in sorted(sentences, key=len, reverse=True):
                rest = rest.replace(s, "")
            assert not rest.strip(), (path.name, fact.evidence, rest)
            checked += 1
        for p in contacts:
            others = [o.person.label for o in contacts if o is not p and o.person.label in p.evidence]
            assert not others, (path.name, p.evidence, others)
    assert checked > 50
