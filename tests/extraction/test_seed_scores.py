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


def test_examples_score(tmp_path, shared_dir, repo_dir):
    gold = repo_dir / "examples" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/gold.yaml not written yet")
    rows = _score(tmp_path, repo_dir / "examples" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


def test_heldout_score(tmp_path, shared_dir, repo_dir):
    """heldout is a development set since round three (measured 0.91 overall in round four)."""
    gold = repo_dir / "examples" / "heldout" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/heldout/gold.yaml not present")
    rows = _score(tmp_path, repo_dir / "examples" / "heldout" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


def test_heldout2_score(tmp_path, shared_dir, repo_dir):
    """heldout2 is a development set since round five (measured 0.87 overall then)."""
    gold = repo_dir / "examples" / "heldout2" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/heldout2/gold.yaml not present")
    rows = _score(tmp_path, repo_dir / "examples" / "heldout2" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


def test_heldout3_score(tmp_path, shared_dir, repo_dir):
    """heldout3 is a development set since round six (measured 0.95 overall then)."""
    gold = repo_dir / "examples" / "heldout3" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/heldout3/gold.yaml not present")
    rows = _score(tmp_path, repo_dir / "examples" / "heldout3" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


def test_heldout4_score(tmp_path, shared_dir, repo_dir):
    """heldout4 is a development set since round seven (measured 0.91 overall then)."""
    gold = repo_dir / "examples" / "heldout4" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/heldout4/gold.yaml not present")
    rows = _score(tmp_path, repo_dir / "examples" / "heldout4" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows


def test_heldout5_score(tmp_path, shared_dir, repo_dir):
    """heldout5 is a development set since round eight (measured 0.87 overall then)."""
    gold = repo_dir / "examples" / "heldout5" / "gold.yaml"
    if not gold.exists():
        pytest.skip("examples/heldout5/gold.yaml not present")
    rows = _score(tmp_path, repo_dir / "examples" / "heldout5" / "documents", gold,
                  shared_dir / "eval" / "score.py", repo_dir / "ontology")
    assert rows["overall"] >= 0.85, rows
    assert all(v >= 0.70 for v in rows.values()), rows
