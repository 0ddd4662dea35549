"""Bounded work on any input: document size, sentence and token lengths, query rows.

Every input is generated here. Memory is asserted (tracemalloc in-process, the child's
own peak RSS from ``wait4`` for whole runs); no test asserts a duration. The time
guards of ``run_tipgraph`` only stop a run that would otherwise go on for hours (a
5 MB line took longer than that before the bounds).
"""
from __future__ import annotations

import json
import random
import tracemalloc

import pyoxigraph as ox
import pytest

from tipgraph.extraction.bounds import MAX_EXTRACT_CHARS, MAX_SENTENCE_CHARS, MAX_TOKEN_CHARS
from tipgraph.extraction.context import DocContext
from tipgraph.extraction.sentences import split_sentences
from tipgraph.model import SourceDocument
from tipgraph.queries.adhoc import run_sparql
from tipgraph.reading.document import DEFAULT_MAX_BYTES
from tipgraph.store.embedded import EmbeddedStore

from .conftest import document_sources, good_document, run_tipgraph, write_good_documents

_WORDS = ("the ministry and agency met in Vienna on shelters with partners of the "
          "International Organization for Migration").split()


def _one_line(n_chars: int, seed: int = 1) -> str:
    """Words from press releases, no full stop and no newline, about ``n_chars`` long."""
    rnd = random.Random(seed)
    parts, size = [], 0
    while size < n_chars:
        w = rnd.choice(_WORDS)
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)


# -- document size: ingest --max-bytes ----------------------------------------------

def test_default_max_bytes_is_a_few_megabytes():
    assert 1_000_000 <= DEFAULT_MAX_BYTES <= 10_000_000


def test_documents_over_max_bytes_are_refused_with_the_reason(tmp_path):
    docs = tmp_path / "docs"
    write_good_documents(docs, 2)
    big = docs / "big.txt"
    big.write_text(good_document(5) + "\n\n" + "More words about shelters. " * 100, encoding="utf-8")
    size = big.stat().st_size
    store = tmp_path / "store"
    run = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet", "--max-bytes", str(size - 1))
    assert run.returncode == 1, run.stderr
    assert f"refused {big}: too large ({size} bytes; limit {size - 1}, raise it with --max-bytes)" in run.stderr
    assert "1 of 3 documents refused" in run.stderr
    assert len(document_sources(store)) == 2

    run = run_tipgraph("ingest", str(big), "--store", str(store), "--quiet", "--max-bytes", str(size))
    assert run.returncode == 0, run.stderr
    assert str(big) in document_sources(store)


def test_a_20_mb_file_is_refused_by_default_without_being_read(tmp_path):
    docs = tmp_path / "docs"
    write_good_documents(docs, 1)
    huge = docs / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 20 MB on paper
        handle.truncate(20_000_000)
    run = run_tipgraph("ingest", str(docs), "--store", str(tmp_path / "store"), "--quiet")
    assert run.returncode == 1
    assert f"refused {huge}: too large (20000000 bytes; limit {DEFAULT_MAX_BYTES}" in run.stderr
    assert run.max_rss < 400_000_000, run.max_rss


# -- the extractor's bounds -----------------------------------------------------------

def test_sentences_are_bounded_in_length():
    text = _one_line(300_000)
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert len(sentences) >= 300_000 // MAX_SENTENCE_CHARS
    # offsets still point into the text
    for s in sentences[:5] + sentences[-5:]:
        assert text[s.start:s.end] == s.text
    # a token longer than a sentence is cut too
    assert max(len(s.text) for s in split_sentences("x" * 10_000)) <= MAX_SENTENCE_CHARS


def test_normal_sentences_are_not_cut():
    text = "The ministry met the agency in Vienna. It agreed to open two shelters."
    assert [s.text for s in split_sentences(text)] == ["The ministry met the agency in Vienna.",
                                                       "It agreed to open two shelters."]


def test_the_rules_see_a_bounded_text_with_exact_offsets():
    body = "Title of the release\n\n" + _one_line(5_000_000) + " " + "A" * 5000 + " end"
    doc = SourceDocument(path="/tmp/x.txt", text=body)
    tracemalloc.start()
    try:
        ctx = DocContext(doc, resolver=None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(ctx.text) <= MAX_EXTRACT_CHARS
    assert "text cut to its first 50,000 characters for extraction" in ctx.bounds_note
    assert max(len(s.text) for s in ctx.sentences) <= MAX_SENTENCE_CHARS
    assert body.startswith(ctx.text[:1000])
    # the 5 MB body is one string; what DocContext adds is bounded by the limits
    assert peak < 20_000_000, peak


def test_runs_without_spaces_are_blanked_keeping_offsets():
    junk = "Q" * (MAX_TOKEN_CHARS * 30)
    text = f"The ministry met the agency in Vienna. {junk} It agreed to open shelters."
    ctx = DocContext(SourceDocument(path="/tmp/x.txt", text=text), resolver=None)
    assert len(ctx.text) == len(text) and "Q" not in ctx.text
    assert "runs of over 100 characters without a space ignored (1 of them)" == ctx.bounds_note
    assert ctx.text.index("It agreed") == text.index("It agreed")


@pytest.mark.slow
def test_a_5_mb_line_is_ingested_in_bounded_memory(tmp_path):
    """The input of the issue, one size up: 4.9 MB of words without a full stop or newline."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one-line.txt").write_text(_one_line(4_900_000), encoding="utf-8")
    store = tmp_path / "store"
    # the guard only stops a run that would take hours without the bounds
    run = run_tipgraph("ingest", str(docs), "--store", str(store), "--quiet", timeout=400)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "note " in run.stderr and "text cut to its first 50,000 characters for extraction" in run.stderr
    assert "text cut to its first 50,000 characters for extraction" in run.stdout  # summary row
    assert len(document_sources(store)) == 1
    assert run.max_rss < 600_000_000, run.max_rss  # measured about 215 MB


# -- query rows ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("rows") / "store"
    store = ox.Store(str(path))
    g = ox.NamedNode("https://example.org/g")
    p = ox.NamedNode("https://example.org/p")
    store.extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), p, ox.Literal(f"value number {i} " * 4), g)
                 for i in range(60_000))
    store.flush()
    del store
    return path


def test_sparql_rows_are_bounded_in_memory(big_store):
    store = EmbeddedStore(big_store, read_only=True)
    try:
        run_sparql(store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")  # the query parser's own caches, once
        tracemalloc.start()
        try:
            result = run_sparql(store, "SELECT ?s ?o WHERE { ?s ?p ?o }", max_rows=100)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(result.rows) == 100 and result.truncated
        assert peak < 5_000_000, peak  # measured 0.2 MB; all 60,000 rows take about 55 MB
        everything = run_sparql(store, "SELECT ?s WHERE { ?s ?p ?o }")
        assert len(everything.rows) == 60_000 and not everything.truncated
        exact = run_sparql(store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 100", max_rows=100)
        assert len(exact.rows) == 100 and not exact.truncated
    finally:
        store.close()


def test_sparql_command_says_when_rows_were_cut(big_store):
    run = run_tipgraph("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--store", str(big_store),
                       "--format", "json", "--max-rows", "7")
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)) == 7
    assert "first 7 rows shown; the query has more" in run.stderr
