"""End-to-end quality gate: the whole pipeline on the seeds and the sample corpus,
scored by the shared scorer against the hand-made gold facts."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _score(tmp_path: Path, docs: Path, gold: Path, scorer: Path, ontology: Path) -> dict:
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    store = open_store(tmp_path / "store")
    report = ingest_paths(store, [docs])
    assert not report.refused, [o.reason for o in report.refused]
    out = tmp_path / "out.nq"
    buf = io.BytesIO()
    store.export(buf, "nquads")
    out.write_bytes(buf.getvalue())
    spec = importlib.util.spec_from_file_location("tipgraph_score", scorer)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    import yaml

    g = mod.Graphs(mod.load([str(out)], str(ontology)))
    s = mod.Scorer(yaml.safe_load(gold.read_text(encoding="utf-8")), g)
    s.score()
    rows = {}
    tot = [0, 0, 0]
    for k in mod.KINDS:
        tp, fp, fn = s.counts[k]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        rows[k] = mod.prf(tp, fp, fn)[2] if tp + fp + fn else 1.0
    rows["overall"] = mod.prf(*tot)[2]
    return rows


def test_seeds_score(tmp_path, shared_dir, repo_dir):
    rows = _score(tmp_path, shared_dir / "seeds", shared_dir / "gold" / "seeds.yaml",
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


#: Sets the rules were tuned on, and when each became one. The newest held-out set
#: (see docs/extraction.md) is measured, not gated: tuning to a gate would spoil it.
DEVELOPMENT_SETS = {
    "documents": "the sample corpus, written with the extractor",
    "heldout": "development set since round three",
    "heldout2": "development set since round five",
    "heldout3": "development set since round six",
    "heldout4": "development set since round seven",
    "heldout5": "development set since round eight",
}


@pytest.mark.parametrize("name", sorted(DEVELOPMENT_SETS))
def test_development_set_score(tmp_path, shared_dir, repo_dir, name):
    folder = repo_dir / "examples" if name == "documents" else repo_dir / "examples" / name
    gold = folder / "gold.yaml"
    if not gold.exists():
        pytest.skip(f"{gold} not present")
    rows = _score(tmp_path, folder / "documents", gold, shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, (DEVELOPMENT_SETS[name], rows)
    assert all(v >= 0.70 for v in rows.values()), (DEVELOPMENT_SETS[name], rows)


#: Development sets written from real pages (examples/corpus, ../shared/corpora): floors a
#: little under the scores measured when they were last set (docs/extraction.md, round twelve),
#: so that a change that loses what was gained on real pages fails. They are floors, not
#: the issue's goals (0.90 on development sets), which these sets do not reach yet.
REAL_PAGE_FLOORS = {
    ("examples/corpus/dev-a", "examples/corpus/dev-a/gold.yaml"): 0.85,
    ("examples/corpus/dev-b", "examples/corpus/dev-b/gold.yaml"): 0.70,
    # held out in rounds nine and ten, development sets since their first-sight scores
    ("examples/corpus/heldout-a", "examples/corpus/heldout-a/gold.yaml"): 0.84,
    ("examples/corpus/heldout-b", "examples/corpus/heldout-b/gold.yaml"): 0.62,
    ("examples/corpus/heldout-c", "examples/corpus/heldout-c/gold.yaml"): 0.66,
    # held out in round eleven (first sight 0.368 and 0.492), development sets since
    ("examples/corpus/heldout-d", "examples/corpus/heldout-d/gold.yaml"): 0.69,
    ("examples/corpus/heldout-e", "examples/corpus/heldout-e/gold.yaml"): 0.78,
    # held out in round twelve (first sight 0.407), a development set since
    ("examples/corpus/heldout-f", "examples/corpus/heldout-f/gold.yaml"): 0.58,
    # the last set written for the project; its errors were read in round twelve, gated since
    ("examples/heldout6", "examples/heldout6/gold.yaml"): 0.80,
    ("shared:corpora/europe-central-asia", None): 0.85,
    ("shared:corpora/ratifications-programmes", None): 0.78,
    ("shared:corpora/africa-middle-east", None): 0.86,
    ("shared:corpora/africa-asia-americas", None): 0.79,
    ("shared:corpora/asia-pacific-americas", None): 0.73,
    ("shared:corpora/europe-asia", None): 0.82,
    ("shared:corpora/visits-conferences", None): 0.85,
}


@pytest.mark.parametrize("where,gold_path", sorted(REAL_PAGE_FLOORS), ids=lambda v: str(v))
def test_real_page_development_floor(tmp_path, shared_dir, repo_dir, where, gold_path):
    if where.startswith("shared:"):
        folder = shared_dir / where.split(":", 1)[1]
        docs, gold = folder / "documents", folder / "gold.yaml"
    else:
        docs, gold = repo_dir / where / "documents", repo_dir / gold_path
    if not gold.exists():
        pytest.skip(f"{gold} not present")
    rows = _score(tmp_path, docs, gold, shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= REAL_PAGE_FLOORS[(where, gold_path)], rows
