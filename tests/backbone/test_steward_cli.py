"""The stewards' commands: validate, load, export, stats (exit codes 0 / 1 / 2)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from tipgraph.cli import cli
from tipgraph.loading import RDFSyntaxError, file_graph_iri, parse_file
from tipgraph.namespaces import ID, ONTOLOGY_GRAPH

PREFIXES = """\
@prefix tip: <https://w3id.org/tipgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/tipgraph/id/> .
"""
DOC = """
<document/steward-note-cccccccccccc> a tip:Document ; rdfs:label "A steward's note" ;
    dcterms:source "/notes/steward-note.txt" .
"""
# A meeting naming IOM, which the example graph describes.
MEETING_WITH_IOM = PREFIXES + DOC + """
<org/osce> a tip:IntergovernmentalOrganization ;
    rdfs:label "Organization for Security and Co-operation in Europe" ;
    prov:wasDerivedFrom <document/steward-note-cccccccccccc> .
<meeting/cccccccccccc> a tip:WorkingMeeting ; rdfs:label "OSCE and IOM meet" ;
    tip:participant <org/osce> , <org/iom> ;
    prov:wasDerivedFrom <document/steward-note-cccccccccccc> .
"""
# A meeting with one participant: conforms with a warning.
LONELY_MEETING = PREFIXES + DOC + """
<meeting/dddddddddddd> a tip:Conference ; rdfs:label "A conference" ;
    tip:participant <org/iom> ;
    prov:wasDerivedFrom <document/steward-note-cccccccccccc> .
"""
# Violations on two nodes; the meeting has two.
BROKEN = PREFIXES + DOC + """
<meeting/eeeeeeeeeeee> a tip:Meeting ; rdfs:label "Broken meeting" ;
    tip:participant <org/nobody-knows> ;
    tip:organizer <org/iom> .
<org/ghost> a tip:Organization ; rdfs:label "Ghost" ;
    prov:wasDerivedFrom <document/steward-note-cccccccccccc> ;
    tip:partOf <meeting/eeeeeeeeeeee> .
"""


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture()
def loaded(run, store_dir, example_ttl) -> Path:
    result = run("load", example_ttl, "--store", store_dir, "--create")
    assert result.exit_code == 0, result.output
    return store_dir


def exported(run, store_dir) -> str:
    result = run("export", "--store", store_dir, "--format", "nquads")
    assert result.exit_code == 0, result.stderr
    return result.stdout


# -- validate -------------------------------------------------------------------
def test_validate_without_a_store(run, example_ttl, tmp_path):
    missing = tmp_path / "no-store"
    result = run("validate", example_ttl, "--no-store")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 0 violation(s)")
    # a store that is named must exist: a typo is not a silent "no context"
    typo = run("validate", example_ttl, "--store", missing)
    assert typo.exit_code == 2 and f"no store at {missing}: it does not exist" in typo.stderr
    assert not missing.exists()


def test_validate_uses_the_store_as_context(run, loaded, tmp_path):
    meeting = write(tmp_path, "meeting.ttl", MEETING_WITH_IOM)
    from tipgraph.store.embedded import EmbeddedStore

    EmbeddedStore(tmp_path / "empty").close()
    assert run("validate", meeting, "--store", tmp_path / "empty").exit_code == 1
    result = run("validate", meeting, "--store", loaded)
    assert result.exit_code == 0, result.output


def test_validate_reports_violations_grouped_by_node(run, loaded, tmp_path):
    broken = write(tmp_path, "broken.ttl", BROKEN)
    result = run("validate", broken, "--store", loaded)
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("does not conform: 4 violation(s)")
    # one group per focus node, with its label, then its results
    assert out.count('tipid:meeting/eeeeeeeeeeee  "Broken meeting"') == 1
    assert out.count('tipid:org/ghost  "Ghost"') == 1
    group = out.split('tipid:meeting/eeeeeeeeeeee  "Broken meeting"')[1].split("tipid:org/ghost")[0]
    assert "tip:participant = tipid:org/nobody-knows" in group
    assert "prov:wasDerivedFrom" in group and "organizer" in group
    assert "4 violation(s) in 1 file(s)" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "turtle"])
def test_validate_report_formats(run, tmp_path, fmt):
    broken = write(tmp_path, "broken.ttl", BROKEN)
    result = run("validate", broken, "--no-store", "--format", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        assert json.loads(result.stdout)["conforms"] is False
    else:
        g = Graph().parse(data=result.stdout, format="turtle")
        assert len(g) > 10


def test_validate_syntax_error_names_file_line_and_column(run, tmp_path):
    bad = write(tmp_path, "bad.ttl", PREFIXES + "\n<org/a> rdfs:label \"A\" ;\n    rdfs:label \"B\" <org/b> .\n")
    result = run("validate", bad, "--no-store")
    assert result.exit_code == 2
    assert f"{bad}:8:20:" in result.stderr


def test_validate_unreadable_input(run, tmp_path):
    assert run("validate", tmp_path / "missing.ttl").exit_code == 2
    unknown = write(tmp_path, "data.xyz", "<a> <b> <c> .")
    result = run("validate", unknown, "--no-store")
    assert result.exit_code == 2 and "--rdf-format" in result.stderr
    latin = tmp_path / "latin.nt"
    latin.write_bytes('<http://x/a> <http://x/b> "caf\xe9" .\n'.encode("latin-1"))
    assert run("validate", latin, "--no-store").exit_code == 2


def test_remote_jsonld_contexts_are_not_fetched(tmp_path):
    doc = write(tmp_path, "remote.jsonld", '{"@context": "https://schema.org/", "@id": "http://x/a", "name": "A"}')
    with pytest.raises(RDFSyntaxError, match="remote JSON-LD contexts are not loaded"):
        parse_file(doc)


# -- load -----------------------------------------------------------------------
def test_load_prints_quads_and_time_and_fills_the_store(run, store_dir, example_ttl):
    result = run("load", example_ttl, "--store", store_dir, "--create")
    assert result.exit_code == 0, result.output
    n = len(Graph().parse(example_ttl))
    assert f"loaded {n:,} quads into 1 graph(s) from 1 file(s) in " in result.stdout
    assert "quads/s" in result.stdout
    stats = json.loads(run("stats", "--store", store_dir, "--format", "json").stdout)
    assert stats["graphs"] == 2  # the file's graph and the ontology
    assert stats["document_graphs"] == 1
    assert stats["instances"]["https://w3id.org/tipgraph/ontology#State"] == 3
    # loading the same file again replaces its graph
    before = exported(run, store_dir)
    assert run("load", example_ttl, "--store", store_dir, "--create").exit_code == 0
    assert exported(run, store_dir) == before


def test_refused_load_leaves_the_store_untouched(run, loaded, tmp_path):
    before = exported(run, loaded)
    good = write(tmp_path, "good.ttl", MEETING_WITH_IOM)
    broken = write(tmp_path, "broken.ttl", BROKEN)
    result = run("load", good, broken, "--store", loaded)
    assert result.exit_code == 1
    assert "does not conform" in result.stdout and "refused, nothing loaded" in result.stderr
    assert exported(run, loaded) == before
    # the good file alone is accepted
    assert run("load", good, "--store", loaded).exit_code == 0
    assert exported(run, loaded) != before


def test_strict_refuses_warnings(run, loaded, tmp_path):
    lonely = write(tmp_path, "lonely.ttl", LONELY_MEETING)
    before = exported(run, loaded)
    result = run("load", lonely, "--store", loaded, "--strict")
    assert result.exit_code == 1
    assert "Warning" in result.stdout and "--strict" in result.stderr
    assert exported(run, loaded) == before
    result = run("load", lonely, "--store", loaded)
    assert result.exit_code == 0
    assert "Warning" in result.stdout and "loaded " in result.stdout


def test_load_syntax_error_is_exit_2_and_loads_nothing(run, loaded, tmp_path, example_ttl):
    before = exported(run, loaded)
    bad = write(tmp_path, "bad.nt", "<http://x/a> <http://x/b> \"unterminated .\n")
    result = run("load", example_ttl, bad, "--store", loaded)
    assert result.exit_code == 2
    assert f"{bad}:1:" in result.stderr
    assert exported(run, loaded) == before


def test_quad_files_keep_their_graph_names(run, store_dir, tmp_path, example_ttl):
    named = ID["graph/steward/iom"]
    trig = tmp_path / "example.trig"
    g = Graph().parse(example_ttl)
    body = g.serialize(format="nt")
    trig.write_text(f"<{named}> {{\n{body}}}\n<http://x/a> <http://www.w3.org/2000/01/rdf-schema#comment> \"default\" .\n")
    result = run("load", trig, "--store", store_dir, "--create")
    assert result.exit_code == 0, result.output
    from tipgraph.store.embedded import EmbeddedStore

    with EmbeddedStore(store_dir, read_only=True) as s:
        assert set(s.graph_names()) == {named, file_graph_iri(trig), ONTOLOGY_GRAPH}
        assert len(s.graph(named)) == len(g)
        assert len(s.graph(file_graph_iri(trig))) == 1


def test_load_reports_a_store_in_use(run, store_dir, example_ttl):
    from tipgraph.store.embedded import EmbeddedStore

    with EmbeddedStore(store_dir):
        result = run("load", example_ttl, "--store", store_dir, "--create")
    assert result.exit_code == 2
    assert f"store {store_dir} is" in result.stderr


# -- export and stats -------------------------------------------------------------
def test_export_formats_and_one_graph(run, loaded, tmp_path, example_ttl):
    out = tmp_path / "all.trig"
    result = run("export", "--store", loaded, "--format", "trig", "-o", out)
    assert result.exit_code == 0 and "exported" in result.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    assert len(ds) >= len(Graph().parse(example_ttl))

    graph = file_graph_iri(example_ttl)
    result = run("export", "--store", loaded, "--graph", graph, "--format", "turtle")
    assert result.exit_code == 0
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), Graph().parse(example_ttl))
    nq = exported(run, loaded)
    assert nq.splitlines() == sorted(nq.splitlines())
    assert run("export", "--store", loaded, "--graph", "https://example.org/none").exit_code == 2


def test_stats_table(run, loaded):
    result = run("stats", "--store", loaded)
    assert result.exit_code == 0
    for word in ("quads", "graphs", "document graphs", "tip:Person", "tip:WorkingMeeting"):
        assert word in result.stdout


@pytest.mark.parametrize("command", [["stats"], ["export"], ["stats", "--format", "json"]])
def test_read_commands_need_an_existing_store(run, tmp_path, command):
    missing = tmp_path / "nowhere"
    result = run(*command, "--store", missing)
    assert result.exit_code == 2
    assert f"no store at {missing}" in result.stderr
    assert not missing.exists()
