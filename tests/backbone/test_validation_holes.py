"""Issue 16: validation without holes, through `tipgraph validate` and `tipgraph load`.

Untyped subjects are checked as what the store says they are, restating a stored node
is no violation, a batch is checked together, each result names its file and line,
no result is reported twice, no library traceback is printed, unknown IRIs get the IRI
probably meant, a named store must exist, and hand-written files can be their own source.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipgraph.cli import cli

HEAD = """\
@prefix tip: <https://w3id.org/tipgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/tipgraph/id/> .
"""
DIGEST = "<document/central-asia-digest-2021-7c41d09e2b55>"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


@pytest.fixture()
def store(tmp_path, example_ttl) -> Path:
    """A store holding the example graph (Turkmenistan, UNODC, a working meeting ...)."""
    location = tmp_path / "store"
    result = run("load", example_ttl, "--store", location, "--create")
    assert result.exit_code == 0, result.output
    return location


def test_an_untyped_subject_is_checked_as_the_store_types_it(store, tmp_path):
    # The example: a stored state "ratified" a stored meeting, without restating a type.
    path = write(tmp_path, "ratified.ttl", f"""
<state/tm> tip:ratified <meeting/5e0b7a93c1d2> ;
    prov:wasDerivedFrom {DIGEST} .
""")
    for command in ("validate", "load"):
        result = run(command, path, "--store", store)
        assert result.exit_code == 1, result.output
        assert "What a state ratified (tip:ratified) must be a legal instrument" in result.stdout
        assert f"({path}:7)" in result.stdout


def test_restating_a_stored_nodes_type_is_no_violation(store, tmp_path):
    path = write(tmp_path, "restated.ttl", """
<state/tm> a tip:State ; tip:ratified <instrument/palermo-protocol> .
""")
    result = run("validate", path, "--store", store)
    assert result.exit_code == 0, result.output
    assert "preferred name" not in result.output and "wasDerivedFrom" not in result.output
    # nor a warning for want of the ISO code the store holds in another graph
    assert result.stdout.startswith("conforms: 0 violation(s), 0 warning(s)"), result.output


def test_files_of_a_batch_are_checked_together(store, tmp_path):
    org = write(tmp_path, "org.ttl", f"""
<org/new-body> a tip:Organization ; rdfs:label "A new body" ; prov:wasDerivedFrom {DIGEST} .
""")
    meeting = write(tmp_path, "meeting.ttl", f"""
<meeting/new01> a tip:WorkingMeeting ; rdfs:label "New body meets UNODC" ;
    tip:participant <org/new-body> , <org/unodc> ; prov:wasDerivedFrom {DIGEST} .
""")
    together = run("validate", org, meeting, "--store", store)
    assert together.exit_code == 0, together.output
    assert together.stdout.startswith("conforms: 0 violation(s), 0 warning(s)")
    alone = run("validate", meeting, "--store", store)
    assert alone.exit_code == 1 and "unknown IRI <org/new-body>" in alone.stdout


BAD_DATE = f"""
<meeting/dated01> a tip:WorkingMeeting ; rdfs:label "Badly dated" ;
    tip:date "2019-13-45"^^xsd:date ;
    tip:participant <org/unodc> , <state/tm> ; prov:wasDerivedFrom {DIGEST} .
"""


def test_each_result_names_file_and_line_in_text_and_json(store, tmp_path):
    path = write(tmp_path, "dated.ttl", BAD_DATE)
    text = run("validate", path, "--store", store)
    assert f'tipid:meeting/dated01  "Badly dated"  ({path}:7)' in text.stdout
    report = json.loads(run("validate", path, "--store", store, "--format", "json").stdout)
    assert [(r["file"], r["line"]) for r in report["results"]] == [(str(path), 7)]


def test_a_bad_date_is_reported_once_without_a_traceback(store, tmp_path, caplog):
    path = write(tmp_path, "dated.ttl", BAD_DATE)
    for fmt in ("text", "json", "turtle"):
        with caplog.at_level(logging.WARNING):
            result = run("validate", path, "--store", store, "--format", fmt)
        assert result.exit_code == 1
        assert "Traceback" not in result.stderr and "Failed to convert" not in result.stderr
        # rdflib logs its traceback; under pytest the log goes to caplog, not to stderr
        assert not [r for r in caplog.records if "Failed to convert" in r.getMessage()], fmt
    report = json.loads(run("validate", path, "--store", store, "--format", "json").stdout)
    assert report["violations"] == 1
    assert [r["value"] for r in report["results"]] == ["2019-13-45"]
    load = run("load", path, "--store", store)
    assert load.exit_code == 1 and "Traceback" not in load.stderr


@pytest.mark.parametrize("where", ["store", "registry"])
def test_an_unknown_iri_gets_the_iri_probably_meant(store, tmp_path, where):
    path = write(tmp_path, "typo.ttl", f"""
<meeting/typo01> a tip:WorkingMeeting ; rdfs:label "A typo" ;
    tip:participant <org/unodcc> , <state/tm> ; prov:wasDerivedFrom {DIGEST} .
""")
    args = ["--store", store] if where == "store" else ["--no-store"]
    result = run("validate", path, *args, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    messages = [r["message"] for r in report["results"] if r["value"] == "https://w3id.org/tipgraph/id/org/unodcc"]
    assert len(messages) == 1  # the unknown IRI, not also its sh:class failure
    assert messages[0].startswith("unknown IRI <org/unodcc>: ")
    assert messages[0].endswith("did you mean <org/unodc> (United Nations Office on Drugs and Crime)?")


def test_without_a_store_the_registry_is_known(tmp_path):
    # IOM and Kenya are registry entities: not "wrong" just because no store was given.
    path = write(tmp_path, "registry.ttl", """
<document/note-000000000001> a tip:Document ; rdfs:label "A note" ; tip:sourceText "x" ;
    <http://purl.org/dc/terms/source> "note.txt" .
<meeting/reg01> a tip:WorkingMeeting ; rdfs:label "IOM meets Kenya" ;
    tip:participant <org/iom> , <state/ke> ; prov:wasDerivedFrom <document/note-000000000001> .
""")
    result = run("validate", path, "--no-store")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 0 violation(s), 0 warning(s)")


@pytest.mark.parametrize("command", ["validate", "load"])
def test_a_named_store_that_does_not_exist_is_an_error_and_is_not_made(tmp_path, example_ttl, command):
    typo = tmp_path / "typo-store"
    result = run(command, example_ttl, "--store", typo)
    assert result.exit_code == 2
    assert f"no store at {typo}: it does not exist" in result.stderr
    assert not typo.exists()


def test_load_create_makes_a_store_and_says_so(tmp_path, example_ttl):
    result = run("load", example_ttl, "--store", tmp_path / "new", "--create")
    assert result.exit_code == 0 and f"created a new store at {tmp_path / 'new'}" in result.stderr


HAND_WRITTEN = """
<meeting/hand01> a tip:WorkingMeeting ; rdfs:label "A hand-written meeting" ;
    tip:participant <org/unodc> , <state/tm> .
"""


def test_load_source_records_the_file_as_the_source_document(store, tmp_path):
    path = write(tmp_path, "hand.ttl", HAND_WRITTEN)
    refused = run("load", path, "--store", store)
    assert refused.exit_code == 1
    assert "tipgraph load --source" in refused.stderr and "prov:wasDerivedFrom <document/...>" in refused.stderr
    loaded = run("load", path, "--store", store, "--source")
    assert loaded.exit_code == 0, loaded.output
    rows = json.loads(run("sparql", """SELECT ?doc ?label ?src WHERE {
        <https://w3id.org/tipgraph/id/meeting/hand01> prov:wasDerivedFrom ?doc .
        ?doc a tip:Document ; rdfs:label ?label ; dcterms:source ?src }""",
                          "--store", store, "--format", "json").stdout)
    assert rows == [{"doc": rows[0]["doc"], "label": "Hand-written file hand.ttl", "src": "hand.ttl"}]
    assert rows[0]["doc"].startswith("https://w3id.org/tipgraph/id/document/file-hand-")
    # the same bytes from another folder are the same document
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "hand.ttl").write_bytes(path.read_bytes())
    from tipgraph.loading import source_document_iri

    assert source_document_iri(other / "hand.ttl") == source_document_iri(path)
