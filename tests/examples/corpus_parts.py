"""Checks shared by the held-out parts of the real-page corpus (e, f, ...): their sources
table, that their publishers are new, and that the shared scorer reads their gold.

Loaded by path from each part's test module (tests/ is no package), which passes its part
letter and regions.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import urlparse

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
URL = re.compile(r"https?://[^\s|)]+")


def source_rows(part: str) -> list[tuple[str, str, str, str]]:
    """(file, publisher, region, url) of every row of SOURCES-<part>.md."""
    rows = []
    row = re.compile(rf"^\| heldout-{part}/documents/(\S+) \| ([^|]+) \| ([^|]+) \| (\S+) \| [^|]+\|$")
    for line in (CORPUS / f"SOURCES-{part}.md").read_text(encoding="utf-8").splitlines():
        m = row.match(line)
        if m:
            rows.append(tuple(s.strip() for s in m.groups()))
    return rows


def hosts(urls) -> set[str]:
    return {urlparse(u).netloc.removeprefix("www.") for u in urls}


def check_files_and_sources(part: str, regions: set[str]) -> None:
    """Twelve files <part>01-<part>12, at least two of them HTML; one source row each, with a
    URL; at least ten publishers and hosts; exactly the part's regions."""
    files = sorted(p.name for p in (CORPUS / f"heldout-{part}" / "documents").iterdir())
    assert [f[:3] for f in files] == [f"{part}{i:02d}" for i in range(1, 13)]
    assert sum(f.endswith(".html") for f in files) >= 2
    rows = source_rows(part)
    assert sorted(f for f, _, _, _ in rows) == files
    assert all(url.startswith(("http://", "https://")) for *_, url in rows)
    assert len(hosts(url for *_, url in rows)) >= 10
    assert len({pub for _, pub, _, _ in rows}) >= 10
    assert {r for _, _, region, _ in rows for r in region.split(", ")} == regions


def check_new_to(part: str, earlier_parts: str) -> None:
    """No page, and no host, of the part is one that the earlier parts already used."""
    earlier = " ".join((CORPUS / f"SOURCES-{p}.md").read_text(encoding="utf-8") for p in earlier_parts)
    taken = set(URL.findall(earlier))
    ours = [url for *_, url in source_rows(part)]
    assert not taken & set(ours)
    assert not hosts(taken) & hosts(ours)


def check_not_shared(part: str, shared_dir: Path) -> None:
    """No page, and no host, of the part is one of ../shared/corpora's."""
    shared = " ".join(p.read_text(encoding="utf-8") for p in (shared_dir / "corpora").glob("*/SOURCES.md"))
    taken = set(URL.findall(shared))
    ours = [url for *_, url in source_rows(part)]
    assert ours and not taken & set(ours)
    assert not hosts(taken) & hosts(ours)


def check_scorer_reads_gold(gold: dict, shared_dir: Path) -> None:
    """The shared scorer scores an empty graph against the gold: nothing right or wrong,
    every required fact missing, and every kind required at least once."""
    from rdflib import Dataset

    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    scorer = score.Scorer(gold, score.Graphs(Dataset(default_union=True)))
    scorer.score()
    tp, fp, fn = map(sum, zip(*scorer.counts.values()))
    assert tp == 0 and fp == 0 and fn >= 60
    assert all(scorer.counts[k][2] > 0 for k in score.KINDS)
