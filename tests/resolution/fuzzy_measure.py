"""Precision and recall of fuzzy matching over fuzzy_pairs.tsv at several thresholds.

Run as a script to print the table that docs/resolution.md reports:
    .venv/bin/python tests/resolution/fuzzy_measure.py
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from tipgraph.resolution import Resolver, load_registry

HERE = Path(__file__).resolve().parent
THRESHOLDS = (70, 75, 80, 85, 88, 90, 92, 95)
#: entities an earlier document would have created: near names of other countries' bodies
KNOWN = (("Ministry of Justice", "TM"), ("Ministry of Internal Affairs", "KZ"),
         ("Delegation of the European Union", "RU"), ("Supreme Court", "AM"))


def load_pairs() -> list[tuple[str, str, str]]:
    rows = [ln for ln in (HERE / "fuzzy_pairs.tsv").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [tuple(r) for r in csv.reader(rows[1:], delimiter="\t")]  # type: ignore[misc]


def prepared_resolver() -> Resolver:
    r = Resolver(load_registry())
    r.add_known([r.resolve(body, "Organization", country=r.state(code)) for body, code in KNOWN])
    return r


def expected_iri(r: Resolver, expected: str) -> str | None:
    if expected == "-":
        return None
    if expected.startswith("state:"):
        return r.state(expected[6:]).iri
    return r.registry.by_id[expected].iri


def measure(r: Resolver, pairs, threshold: float) -> dict[str, float]:
    tp = fp = fn = 0
    positives = 0
    for query, kind, expected in pairs:
        want = expected_iri(r, expected)
        got = r._fuzzy(query, kind, threshold=threshold)
        if want is not None:
            positives += 1
        if got is not None and got.iri == want:
            tp += 1
        elif got is not None:
            fp += 1
            if want is not None:
                fn += 1
        elif want is not None:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    return {"threshold": threshold, "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall}


def main() -> int:
    r = prepared_resolver()
    pairs = load_pairs()
    print(f"{len(pairs)} pairs ({sum(1 for p in pairs if p[2] != '-')} positive)")
    print("| threshold | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|")
    for t in THRESHOLDS:
        m = measure(r, pairs, t)
        print(f"| {t} | {m['tp']} | {m['fp']} | {m['fn']} | {m['precision']:.2f} | {m['recall']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
