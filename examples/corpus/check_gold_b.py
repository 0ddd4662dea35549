#!/usr/bin/env python3
"""Check dev-b/ and heldout-b/ gold files with the scorer's own loader (format errors show).

Loads each gold file as /work/shared/eval/score.py does, scores it against an empty N-Quads graph
(every required fact then counts as missing, which prints how many facts each kind holds), and
checks that the gold names exactly the files in documents/ and uses only the fields the scorer
reads. It never runs tipgraph: these documents stay unseen by the extractor's developers.

    /work/main/.venv/bin/python examples/corpus/check_gold_b.py [GOLD.yaml ...]
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

import yaml

SCORER = Path("/work/shared/eval/score.py")
HERE = Path(__file__).resolve().parent
MEETING_FIELDS = {"participants", "optional", "pairs", "dates", "optional_dates", "places",
                  "optional_places", "instruments", "optional_instruments"}
PROGRAMME_FIELDS = {"funders", "implementers", "optional", "budget", "duration_months", "regions",
                    "optional_regions"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check(gold_path: Path, score) -> list[str]:
    """Return the problems found in one gold file (empty when it is sound)."""
    problems = []
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    ents = set(gold["entities"])
    docs_dir = gold_path.parent / "documents"
    on_disk = {p.name for p in docs_dir.iterdir() if p.is_file()}
    if set(gold["documents"]) != on_disk:
        problems.append(f"{gold_path}: gold and documents/ differ: {sorted(set(gold['documents']) ^ on_disk)}")
    for fn, d in gold["documents"].items():
        where = f"{gold_path.name}: {fn}"
        if set(d) - {"meetings", "persons", "programmes", "ratifications", "ignore"}:
            problems.append(f"{where}: unknown field(s) {sorted(set(d) - {'meetings', 'persons', 'programmes', 'ratifications', 'ignore'})}")
        used = set(d.get("ignore") or [])
        for m in d.get("meetings") or []:
            if set(m) - MEETING_FIELDS:
                problems.append(f"{where}: unknown meeting field(s) {sorted(set(m) - MEETING_FIELDS)}")
            pairs = m.get("pairs", "clique")
            if pairs != "clique" and not (pairs.startswith("star ") and pairs.split()[1] in m.get("participants", [])):
                problems.append(f"{where}: pairs {pairs!r} is neither clique nor star around a participant")
            for day in (m.get("dates") or []) + (m.get("optional_dates") or []):
                if len(str(day)) not in (4, 7, 10):
                    problems.append(f"{where}: date {day!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            for f in ("participants", "optional", "places", "optional_places", "instruments", "optional_instruments"):
                used |= set(m.get(f) or [])
        for pair in d.get("persons") or []:
            if len(pair) != 2:
                problems.append(f"{where}: person entry {pair!r} is not [PERSON, ORG or [ORGS]]")
                continue
            used.add(pair[0])
            used |= set(pair[1] if isinstance(pair[1], list) else [pair[1]])
        for pr in d.get("programmes") or []:
            if set(pr) - PROGRAMME_FIELDS:
                problems.append(f"{where}: unknown programme field(s) {sorted(set(pr) - PROGRAMME_FIELDS)}")
            if pr.get("budget"):
                amount, currency = pr["budget"]
                float(amount)
                if len(currency) != 3:
                    problems.append(f"{where}: currency {currency!r} is not a 3-letter code")
            for f in ("funders", "implementers", "optional", "regions", "optional_regions"):
                used |= set(pr.get(f) or [])
        for r in d.get("ratifications") or []:
            used |= set(r)
        if used - ents:
            problems.append(f"{where}: keys without an entity: {sorted(used - ents)}")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.nq"
        empty.write_text("", encoding="utf-8")
        scorer = score.Scorer(gold, score.Graphs(score.load([str(empty)], None)))
        scorer.score()
    required = {k: c[2] for k, c in scorer.counts.items()}
    print(f"{gold_path}: {len(gold['documents'])} documents, "
          f"{len(ents)} entities; required facts {required}, total {sum(required.values())}")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [HERE / "dev-b" / "gold.yaml", HERE / "heldout-b" / "gold.yaml"]
    score = load_scorer()
    problems = [p for path in paths for p in check(path.resolve(), score)]
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
