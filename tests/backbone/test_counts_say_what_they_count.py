"""Issue 16: the ingest summary says what its counts count; stats does not count the registry."""
from __future__ import annotations

import json
import re
import shutil

from click.testing import CliRunner

from tipgraph.cli import cli

DOC = "01_iom_moldova_working_meeting.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_ingest_summary_and_stats(tmp_path, repo_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(repo_dir / "examples" / "documents" / DOC, docs / DOC)
    store = tmp_path / "store"
    first = run("ingest", docs, "--store", store, "--quiet")
    assert first.exit_code == 0, first.output
    out = first.stdout
    assert re.search(r"documents read +1\n +stored +1\n +unchanged \(stored before, same text\) +0", out)
    assert "facts read in the stored documents" in out and re.search(r"\n +meetings +1\n", out)
    new = int(re.search(r"entities new to the store +(\d+)", out).group(1))
    assert new >= 4 and re.search(r"\n +organizations +\d+\n", out)
    # new = the document's entities that the registry (in the store before) did not hold
    query = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
      GRAPH ?g { ?e a ?t } ?g a tip:Document .
      FILTER(REGEX(STR(?e), "/id/(org|person|state|place|instrument)/"))
      FILTER NOT EXISTS { GRAPH <https://w3id.org/tipgraph/id/graph/registry> { ?e a ?t2 } } }"""
    assert json.loads(run("sparql", query, "--store", store, "--format", "json").stdout) == [{"n": new}]
    again = run("ingest", docs, "--store", store, "--quiet")
    assert re.search(r"unchanged \(stored before, same text\) +1", again.stdout)
    assert re.search(r"entities new to the store +0\n", again.stdout)
    stats = json.loads(run("stats", "--store", store, "--format", "json").stdout)
    assert stats["document_graphs"] == 1  # the document, not the registry's own source
    assert "document graphs (not the registry)" in run("stats", "--store", store).stdout


def test_a_copy_in_another_folder_is_the_same_document(tmp_path, repo_dir):
    store = tmp_path / "store"
    for folder in ("here", "there"):
        (tmp_path / folder).mkdir()
        shutil.copy(repo_dir / "examples" / "documents" / DOC, tmp_path / folder / DOC)
    assert run("ingest", tmp_path / "here", "--store", store, "--quiet").exit_code == 0
    meetings = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a tip:Meeting }"
    before = json.loads(run("sparql", meetings, "--store", store, "--format", "json").stdout)
    copy = run("ingest", tmp_path / "there", "--store", store, "--quiet")
    assert re.search(r"unchanged \(stored before, same text\) +1", copy.stdout)
    assert json.loads(run("sparql", meetings, "--store", store, "--format", "json").stdout) == before
    assert json.loads(run("stats", "--store", store, "--format", "json").stdout)["document_graphs"] == 1


def test_an_edited_file_replaces_its_earlier_version(tmp_path, repo_dir):
    store = tmp_path / "store"
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / DOC
    shutil.copy(repo_dir / "examples" / "documents" / DOC, path)
    assert run("ingest", tmp_path / "docs", "--store", store, "--quiet").exit_code == 0
    path.write_text(path.read_text(encoding="utf-8") + "\nThe meeting ended in the afternoon.\n", encoding="utf-8")
    edited = run("ingest", tmp_path / "docs", "--store", store, "--quiet")
    assert re.search(r"\n +stored +1\n", edited.stdout), edited.stdout
    docs = json.loads(run("sparql", "SELECT ?d WHERE { GRAPH ?d { ?d a tip:Document ; tip:contentHash ?h } }",
                          "--store", store, "--format", "json").stdout)
    assert len(docs) == 1
