"""The benchmark scripts stay runnable: a tiny corpus, a tiny run, no timing asserted."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_corpus_is_deterministic_and_prefix_stable(tmp_path):
    generate = _load("generate")
    generate.main(["--documents", "12", "--out", str(tmp_path / "a"), "--seed", "3"])
    generate.main(["--documents", "5", "--out", str(tmp_path / "b"), "--seed", "3"])
    a = generate.paths(tmp_path / "a", 12)
    b = generate.paths(tmp_path / "b", 5)
    assert [p.name for p in a[:5]] == [p.name for p in b]
    assert [p.read_bytes() for p in a[:5]] == [p.read_bytes() for p in b]
    with pytest.raises(FileNotFoundError):
        generate.paths(tmp_path / "b", 6)


def test_generated_documents_carry_facts_and_noise(tmp_path):
    generate = _load("generate")
    corpus = generate.Corpus(seed=11)
    docs = [corpus.document(i) for i in range(60)]
    suffixes = {s for s, _ in docs}
    assert suffixes == {".txt", ".html", ".md"}
    texts = [t for _, t in docs]
    assert all("human trafficking" in t for t in texts)
    assert sum("@example.org" in t for t in texts) == 60  # a press contact to keep out of the graph
    assert any("programme" in t for t in texts)
    assert any("planned for" in t for t in texts)
    assert any("ratified" in t for t in texts)
    assert any("On the margins" in t for t in texts)  # a second meeting in the same document


def test_generated_documents_are_extracted_with_meetings(tmp_path):
    from tipgraph.extraction import extract
    from tipgraph.reading import read_document
    from tipgraph.resolution import Resolver

    generate = _load("generate")
    generate.main(["--documents", "8", "--out", str(tmp_path), "--seed", "5"])
    resolver = Resolver()
    meetings = persons = 0
    for path in generate.paths(tmp_path, 8):
        x = extract(read_document(path), resolver)
        meetings += sum(1 for m in x.meetings if m.status != "planned")
        persons += len(x.persons)
    assert meetings >= 8
    assert persons >= 8


def test_trim_profile_keeps_the_heavy_frames():
    run = _load("run")
    text = "\n".join([
        "10.000 <module>  x.py:1",
        "`- 9.000 ingest  a.py:1",
        "   |- 8.000 validate  b.py:2",
        "   `- 0.010 tiny  c.py:3",
    ])
    kept = run._trim_profile(text)
    assert "validate" in kept and "tiny" not in kept


@pytest.mark.slow
def test_bench_smoke_run_writes_the_report(tmp_path):
    out = tmp_path / "performance.md"
    cmd = [sys.executable, str(BENCH / "run.py"), "--out", str(out), "--sizes", "4,8", "--runs", "1",
           "--ingest-docs", "4", "--gexf-actors", "0", "--profile-docs", "3", "--peer-timeout", "2",
           "--query-timeout", "20",
           "--work", str(tmp_path / "work")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = out.read_text()
    for heading in ("## Ingest", "## Load", "## Stored queries", "## Validation of one new document",
                    "## Network export", "## Targets"):
        assert heading in report
    assert "failed:" not in report, report
    assert "`who-met-whom`" in report
    assert "peer: pyshacl, whole graph" in report
    assert "rdflib, 4 docs" in report


def test_growth_benchmark_writes_its_section(tmp_path, shared_dir):
    """benchmarks/growth.py on tiny stores: every ingest succeeds and the section is spliced in."""
    out = tmp_path / "performance.md"
    out.write_text("# Performance\n\nkept text\n", encoding="utf-8")
    cmd = [sys.executable, str(BENCH / "growth.py"), "--sizes", "3,6", "--batch", "2", "--work", str(tmp_path / "w"),
           "--out", str(out), "--key", "smoke"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "kept text" in report and "<!-- growth smoke: end -->" in report
    rows = [line for line in report.splitlines() if line.startswith("| 3 |") or line.startswith("| 6 |")]
    assert len(rows) == 2 and all("| 0 |" in line for line in rows), rows  # exit code 0 for each ingest
    assert "2 stored, 0 refused" in report


def test_bulk_loaded_benchmark_store_summarises_the_documents_entities(tmp_path):
    """The corpus N-Quads carry no entity summary of their own, so a store loaded from
    them gets the whole summary built (documents' entities included), as ingest would."""
    import json

    from tipgraph.store.derived import DERIVED_GRAPH, SHARED, summary_node
    from tipgraph.store.embedded import EmbeddedStore

    run = _load("run")
    assert f"<{DERIVED_GRAPH}>".encode() not in run._reference_nquads()
    work = tmp_path / "work"
    work.mkdir()
    sys.path.insert(0, str(BENCH))  # task_corpus imports generate.py as the run does
    try:
        run.task_corpus(str(work), 6, seed=5, jobs=1)
    finally:
        sys.path.remove(str(BENCH))
    run.task_load(str(work), 6, str(tmp_path / "store"))
    store = EmbeddedStore(tmp_path / "store", read_only=True)
    try:
        registry = {str(r["x"]) for r in store.select(
            "SELECT DISTINCT ?x WHERE { GRAPH <https://w3id.org/tipgraph/id/graph/registry> { ?x ?p ?o } }").rows}
        mentioned = {str(r["x"]) for r in store.select(
            "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x a ?c } "
            "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/tipgraph/id/document/')) }").rows}
        only_in_documents = sorted(x for x in mentioned - registry if x.startswith(SHARED))
        assert only_in_documents, "the generated documents mention entities outside the registry"
        summarised = {str(n) for n, _ in store.summary_subjects(
            __import__("rdflib").URIRef("https://w3id.org/tipgraph/derived#label"))}
        assert {str(summary_node(x)) for x in only_in_documents} <= summarised
    finally:
        store.close()
    assert json.loads((work / "docs.json").read_text())["failed"] == 0
