"""Structure of part f of the corpus written from real pages (examples/corpus/heldout-f, held
out in round twelve: all six regions; sources in examples/corpus/SOURCES-f.md).

The per-document checks are those of ``test_corpus_a_gold.py``, run here against heldout-f by
giving them this module's ``corpus`` fixture; the sources checks are part f's own (twelve
files, new publishers, six regions, at least two HTML pages).
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

_spec = importlib.util.spec_from_file_location(
    "corpus_a_checks", Path(__file__).with_name("test_corpus_a_gold.py"))
_a = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_a)

CORPUS = _a.CORPUS
SET = "heldout-f"
SOURCES_F = CORPUS / "SOURCES-f.md"
REGIONS_F = {"Europe", "Central Asia", "Africa", "Middle East", "Asia-Pacific", "Americas"}
URL = re.compile(r"https?://[^\s|)]+")

# the per-document checks of part a, collected here with this module's fixture
test_shape_and_documents = _a.test_shape_and_documents
test_every_key_is_defined_and_every_entity_used = _a.test_every_key_is_defined_and_every_entity_used
test_meetings_read_as_the_scorer_reads_them = _a.test_meetings_read_as_the_scorer_reads_them
test_programmes_persons_ratifications = _a.test_programmes_persons_ratifications
test_no_two_entities_of_a_document_share_a_name = _a.test_no_two_entities_of_a_document_share_a_name
test_every_key_is_named_in_its_document = _a.test_every_key_is_named_in_its_document
test_no_name_was_split_at_a_comma = _a.test_no_name_was_split_at_a_comma
test_no_contact_data_in_the_documents = _a.test_no_contact_data_in_the_documents
test_every_fact_kind_is_required_somewhere = _a.test_every_fact_kind_is_required_somewhere


@pytest.fixture(scope="module")
def corpus() -> tuple[Path, dict]:
    folder = CORPUS / SET
    return folder / "documents", yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))


def _source_rows_f() -> list[tuple[str, str, str, str]]:
    """(file, publisher, region, url) of every row of SOURCES-f.md."""
    rows = []
    for line in SOURCES_F.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| heldout-f/documents/(\S+) \| ([^|]+) \| ([^|]+) \| (\S+) \| [^|]+\|$", line)
        if m:
            rows.append(tuple(s.strip() for s in m.groups()))
    return rows


def _hosts(urls) -> set[str]:
    return {urlparse(u).netloc.removeprefix("www.") for u in urls}


def test_part_f_files_and_sources():
    """Twelve files f01-f12, at least two of them HTML; one source row each, with a URL; at
    least ten publishers and hosts; the six regions."""
    files = sorted(p.name for p in (CORPUS / SET / "documents").iterdir())
    assert [f[:3] for f in files] == [f"f{i:02d}" for i in range(1, 13)]
    assert sum(f.endswith(".html") for f in files) >= 2
    rows = _source_rows_f()
    assert sorted(f for f, _, _, _ in rows) == files
    assert all(url.startswith(("http://", "https://")) for *_, url in rows)
    assert len(_hosts(url for *_, url in rows)) >= 10
    assert len({pub for _, pub, _, _ in rows}) >= 10
    regions = {r for _, _, region, _ in rows for r in region.split(", ")}
    assert regions == REGIONS_F


def test_part_f_publishers_are_new_to_parts_a_to_e():
    """No page, and no host, of part f is one that parts a to e already used."""
    earlier = " ".join((CORPUS / f"SOURCES-{p}.md").read_text(encoding="utf-8") for p in "abcde")
    taken = set(URL.findall(earlier))
    ours = [url for *_, url in _source_rows_f()]
    assert not taken & set(ours)
    assert not _hosts(taken) & _hosts(ours)


@pytest.mark.shared
def test_part_f_sources_are_not_pages_of_the_shared_corpora(shared_dir):
    shared = " ".join(p.read_text(encoding="utf-8") for p in (shared_dir / "corpora").glob("*/SOURCES.md"))
    taken = set(URL.findall(shared))
    ours = [url for *_, url in _source_rows_f()]
    assert ours and not taken & set(ours)
    assert not _hosts(taken) & _hosts(ours)


@pytest.mark.shared
def test_scorer_reads_the_gold(corpus, shared_dir):
    """The shared scorer scores an empty graph against the gold: nothing right or wrong,
    every required fact missing, and every kind required at least once."""
    from rdflib import Dataset

    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    _, gold = corpus
    scorer = score.Scorer(gold, score.Graphs(Dataset(default_union=True)))
    scorer.score()
    tp, fp, fn = map(sum, zip(*scorer.counts.values()))
    assert tp == 0 and fp == 0 and fn >= 60
    assert all(scorer.counts[k][2] > 0 for k in score.KINDS)
