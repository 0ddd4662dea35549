"""Bad RDF from data stewards: ``tipgraph load`` refuses the whole batch (a good file
beside the bad one is not loaded either) and the store is byte-for-byte unchanged.

Syntax errors name file, line and column; wrong datatypes are shape violations
(exit 1); huge literals, blank-node floods, IRIs with spaces and unknown prefixes are
refused as unreadable input (exit 2) before anything is validated or written.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli

PREFIXES = """@prefix tip: <https://w3id.org/tipgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/tipgraph/id/> .
"""


def steward_graph(key: str) -> str:
    """A small conforming document graph of our own (a document, two bodies, a meeting)."""
    doc = f"<document/steward-{key}-0123456789ab>"
    return PREFIXES + f"""
{doc} a tip:Document ; rdfs:label "Steward note {key}" ; dcterms:source "/notes/{key}.txt" .
<org/body-{key}> a tip:Organization ; rdfs:label "Test Body {key}" ; prov:wasDerivedFrom {doc} .
<org/other-{key}> a tip:Organization ; rdfs:label "Other Body {key}" ; prov:wasDerivedFrom {doc} .
<meeting/m{key}> a tip:WorkingMeeting ; rdfs:label "Bodies {key} meet" ;
    tip:participant <org/body-{key}> , <org/other-{key}> ;
    tip:date "2021-03-04"^^xsd:date ;
    tip:evidence "The two bodies met in March." ;
    prov:wasDerivedFrom {doc} .
"""


def _with_meeting_value(prop_and_value: str) -> str:
    return steward_graph("typed").replace('tip:date "2021-03-04"^^xsd:date ;', prop_and_value + " ;")


def _programme(amount: str, months: str = "24") -> str:
    doc = "<document/steward-prog-0123456789ab>"
    return steward_graph("prog") + f"""
<programme/p1> a tip:Programme ; rdfs:label "Shelter programme" ;
    tip:fundedBy <org/body-prog> ; tip:implementedBy <org/other-prog> ;
    tip:budgetAmount {amount} ; tip:budgetCurrency "EUR" ; tip:durationMonths {months} ;
    tip:evidence "The body funds a shelter programme." ; prov:wasDerivedFrom {doc} .
"""


# name -> (file suffix, content, exit code, pattern of the message)
BAD = {
    "syntax-error": (".ttl", PREFIXES + '\n<org/a> a tip:Organization ;\n    rdfs:label "A" "B" ;\n', 2,
                     r"syntax-error\.ttl:9:\d+: "),
    "unterminated-string": (".ttl", PREFIXES + '\n<org/a> rdfs:label "never closed .\n', 2,
                            r"unterminated-string\.ttl:8:\d+: "),
    "unknown-prefix": (".ttl", PREFIXES + "\n<org/a> a tip:Organization ;\n  foo:label \"x\" .\n", 2,
                       r"unknown-prefix\.ttl:9:\d+: .*foo"),
    "iri-with-space-turtle": (".ttl", PREFIXES + '\n<https://w3id.org/tipgraph/id/org/a b> rdfs:label "x" .\n', 2,
                              r"iri-with-space-turtle\.ttl:8:\d+: "),
    "iri-with-space-ntriples": (".nt", '<https://w3id.org/tipgraph/id/org/ok> <http://www.w3.org/2000/01/rdf-schema#label> "ok" .\n'
                                '<https://w3id.org/tipgraph/id/org/a b> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n', 2,
                                r"iri-with-space-ntriples\.nt:2:\d+: "),
    "bad-escape-nquads": (".nq", '<https://w3id.org/tipgraph/id/org/a> <http://www.w3.org/2000/01/rdf-schema#label> "\\q" <https://w3id.org/tipgraph/id/g> .\n', 2,
                          r"bad-escape-nquads\.nq:1:\d+: "),
    "ill-typed-decimal": (".ttl", _programme('"a lot"^^xsd:decimal'), 1, r"violation"),
    "decimal-as-string": (".ttl", _programme('"1500000"'), 1, r"violation"),
    "months-as-text": (".ttl", _programme('"1500000"^^xsd:decimal', '"two years"'), 1, r"violation"),
    "ill-typed-date": (".ttl", _with_meeting_value('tip:date "next Tuesday"^^xsd:date'), 1, r"violation"),
    "date-as-plain-string": (".ttl", _with_meeting_value('tip:date "2021-03-04"'), 1, r"violation"),
    "label-as-number": (".ttl", steward_graph("num").replace('rdfs:label "Test Body num"', "rdfs:label 42"), 1,
                        r"violation"),
    "huge-literal": (".ttl", PREFIXES + '\n<org/a> rdfs:label "' + "x" * 2_000_000 + '" .\n', 2,
                     r"huge-literal\.ttl: a literal of 2,000,000 characters"),
    "giant-token": (".nt", '<https://w3id.org/tipgraph/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "'
                    + "y" * 20_000_000 + '" .\n', 2, r"giant-token\.nt: .*too long"),
    "blank-node-flood": (".ttl", PREFIXES + "\n" + "\n".join(
        f'<org/body-flood> tip:partOf [ rdfs:label "n{i}" ] .' for i in range(20_000)), 2,
        r"blank-node-flood\.ttl: more than 10,000 blank nodes"),
    "blank-node-flood-nested": (".ttl", PREFIXES + "\n<org/a> rdfs:seeAlso " + "[ rdfs:seeAlso " * 12_000
                                + "[]" + " ]" * 12_000 + " .\n", 2, r"blank-node-flood-nested\.ttl: "),
}


def _export(store: Path) -> bytes:
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    try:
        buf = io.BytesIO()
        s.export(buf, "nquads")
        return buf.getvalue()
    finally:
        s.close()


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory) -> tuple[Path, bytes]:
    """A store that already holds one steward graph (and the ontology)."""
    root = tmp_path_factory.mktemp("steward")
    first = root / "first.ttl"
    first.write_text(steward_graph("first"), encoding="utf-8")
    store = root / "store"
    result = CliRunner().invoke(cli, ["load", str(first), "--store", str(store), "--create"])
    assert result.exit_code == 0, result.output
    return store, _export(store)


def test_the_good_file_alone_loads(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(steward_graph("alone"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(good), "--store", str(tmp_path / "store"), "--create"])
    assert result.exit_code == 0, result.output
    assert b"Test Body alone" in _export(tmp_path / "store")


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_refuses_the_whole_batch_and_changes_nothing(loaded_store, tmp_path, name):
    store, before = loaded_store
    suffix, content, code, pattern = BAD[name]
    good = tmp_path / "good.ttl"
    good.write_text(steward_graph("batch"), encoding="utf-8")
    bad = tmp_path / f"{name}{suffix}"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(good), str(bad), "--store", str(store), "--create"])
    assert result.exit_code == code, result.output[-2000:]
    assert re.search(pattern, result.output, re.I), result.output[-2000:]
    assert _export(store) == before


@pytest.mark.parametrize("name", ["syntax-error", "unknown-prefix", "iri-with-space-ntriples"])
def test_syntax_errors_are_located(tmp_path, name):
    """`validate` (no store) names file:line:column too, and exits 2."""
    suffix, content, _, pattern = BAD[name]
    bad = tmp_path / f"{name}{suffix}"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad), "--no-store"])
    assert result.exit_code == 2
    assert re.search(pattern, result.output)


def test_load_into_a_missing_store_creates_nothing_on_refusal(tmp_path):
    """A refused first load leaves no half-made store behind with data in it."""
    suffix, content, _, _ = BAD["syntax-error"]
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content, encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["load", str(bad), "--store", str(store), "--create"])
    assert result.exit_code == 2
    if (store / "CURRENT").exists():
        assert _export(store) == b""
