#!/usr/bin/env python3
"""Extraction CPU per document, and a byte-identity check of what extraction stores.

    PYTHONPATH=src .venv/bin/python benchmarks/extraction_cpu.py time [--runs 3] [--profile N]
    PYTHONPATH=src .venv/bin/python benchmarks/extraction_cpu.py dump OUT_DIR
    PYTHONPATH=src .venv/bin/python benchmarks/extraction_cpu.py compare BASELINE_DIR

``time`` reads and extracts every document of two groups, the generated corpus
(``benchmarks/generate.py --documents 200 --seed 3``, made in ``--generated`` if
missing) and the real-page corpora (seeds, examples, shared corpora), as ingest's
workers do (``ingest._process``: read, extract with a fresh fork of the resolver,
build the triples, serialize them). It prints CPU per document (``time.process_time``,
best of ``--runs``), once with the memos kept between documents emptied before each
run (the documents are new to the worker) and once right after reading them (a rerun
answers every name from the memos), and one instrumented run's CPU split by phase (memos
emptied first); each phase's time
is its own (a resolver call inside the mention rules counts as resolution, not as
mentions), so the phases add up to the whole. ``--profile N`` prints cProfile's top N
functions by own time.

A speed-up must not change a single stored fact: ``dump`` ingests each document set
into a fresh embedded store and writes its sorted N-Quads, with the extractor version's
rules digest and the registry graph's hash (both change with any edit of the rules'
code) masked; ``compare``
dumps again and diffs against a saved dump. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import cProfile
import difflib
import glob
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("TIPGRAPH_SHARED", "/work/shared"))
GENERATED = Path("/tmp/gen200")


def document_sets(generated: Path) -> dict[str, Path]:
    """Name -> folder of every document set the identity check ingests."""
    sets: dict[str, Path] = {}
    if (SHARED / "seeds").is_dir():
        sets["seeds"] = SHARED / "seeds"
    folders = [ROOT / "examples" / "documents"]
    folders += sorted(Path(p) for p in glob.glob(str(ROOT / "examples" / "heldout*" / "documents")))
    folders += sorted(Path(p) for p in glob.glob(str(ROOT / "examples" / "corpus" / "*" / "documents")))
    folders += sorted(Path(p) for p in glob.glob(str(SHARED / "corpora" / "*" / "documents")))
    for f in folders:
        if f.is_dir():
            rel = f.relative_to(ROOT) if f.is_relative_to(ROOT) else f.relative_to(SHARED)
            sets[str(rel.parent).replace("/", "-")] = f
    sets["generated"] = generated
    return sets


def ensure_generated(folder: Path) -> None:
    if folder.is_dir() and any(folder.rglob("*.*")):
        return
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--documents", "200", "--out", str(folder),
                    "--seed", "3"], check=True)


# -- identity --------------------------------------------------------------------
_VERSION = re.compile(r'(tipgraph-extractor/[^+"]*)\+[0-9a-f]+')
#: the registry graph's hash covers the resolution package's code (reference.registry_digest)
_REGISTRY_HASH = re.compile(r'^(<[^>]*/graph/registry> <[^>]*#contentHash> )"[0-9a-f]+"', re.M)


def dump(out: Path, sets: dict[str, Path]) -> None:
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    out.mkdir(parents=True, exist_ok=True)
    for name, folder in sets.items():
        with tempfile.TemporaryDirectory() as tmp:
            with open_store(Path(tmp) / "store") as store:
                report = ingest_paths(store, [folder], jobs=1)
                buf = io.BytesIO()
                store.export(buf, "nquads")
        text = _VERSION.sub(r"\1+DIGEST", buf.getvalue().decode("utf-8"))
        text = _REGISTRY_HASH.sub(r'\1"DIGEST"', text)
        (out / f"{name}.nq").write_text(text, encoding="utf-8")
        print(f"{name}: {report.stored} stored, {len(report.refused)} refused, {text.count(chr(10))} quads",
              flush=True)


def compare(baseline: Path, sets: dict[str, Path]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        dump(Path(tmp), sets)
        bad = 0
        for name in sets:
            old = (baseline / f"{name}.nq").read_text(encoding="utf-8")
            new = (Path(tmp) / f"{name}.nq").read_text(encoding="utf-8")
            if old != new:
                bad += 1
                diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "baseline", "now", lineterm="",
                                                 n=0))
                print(f"DIFFERS: {name} ({len(diff)} diff lines)")
                print("\n".join(diff[:40]))
    print("IDENTICAL" if not bad else f"{bad} set(s) differ")
    return 1 if bad else 0


# -- CPU -------------------------------------------------------------------------
def _files(folders: list[Path]) -> list[str]:
    from tipgraph.ingest import discover

    return [str(p) for p in discover(folders)]


def groups(sets: dict[str, Path]) -> dict[str, list[str]]:
    real = [f for n, f in sets.items() if n != "generated" and not n.startswith("examples-heldout")
            and n != "examples"]
    return {"generated": _files([sets["generated"]]), "real-page": _files(real)}


def run_all(paths: list[str]) -> None:
    from tipgraph import ingest

    ingest._init_worker([], {})
    for p in paths:
        r = ingest._process(p)
        if r.error:
            raise SystemExit(f"{p}: {r.error}")


PHASES = [
    ("read", "tipgraph.ingest", None, "read_document"),
    ("sentences", "tipgraph.extraction.context", None, "split_sentences"),
    ("sentences", "tipgraph.extraction.context", None, "bounded_text"),
    ("mentions", "tipgraph.extraction", None, "collect_spans"),
    ("mentions", "tipgraph.extraction", None, "instrument_spans"),
    ("mentions", "tipgraph.extraction", None, "protocol_spans"),
    ("mentions", "tipgraph.extraction", None, "_publisher"),
    ("persons", "tipgraph.extraction", None, "find_persons"),
    ("persons", "tipgraph.extraction", None, "alias_spans"),
    ("persons", "tipgraph.extraction", None, "contact_persons"),
    ("persons", "tipgraph.extraction", None, "person_facts"),
    ("programmes", "tipgraph.extraction", None, "extract_factsheet_programmes"),
    ("programmes", "tipgraph.extraction", None, "extract_programmes"),
    ("ratifications", "tipgraph.extraction", None, "extract_ratifications"),
    ("meetings", "tipgraph.extraction.meetings", "MeetingExtractor", "extract"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "find_mentions"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "resolve"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "resolve_or_create"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "state"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "main_country"),
    ("resolution", "tipgraph.resolution.resolver", "Resolver", "fork"),
    ("rdf build", "tipgraph.ingest", None, "document_triples"),
    ("rdf build", "tipgraph.ingest", None, "_serialize_ntriples"),
]


def phase_split(paths: list[str]) -> dict[str, float]:
    """One run with the phases' functions wrapped: CPU seconds spent in each, exclusive."""
    import importlib

    spent: dict[str, float] = defaultdict(float)
    stack: list[list] = []  # [phase, started]
    undo = []

    def wrap(phase, fn):
        def timed(*a, **kw):
            now = time.process_time()
            if stack:
                spent[stack[-1][0]] += now - stack[-1][1]
            stack.append([phase, now])
            try:
                return fn(*a, **kw)
            finally:
                end = time.process_time()
                spent[phase] += end - stack.pop()[1]
                if stack:
                    stack[-1][1] = end
        return timed

    for phase, module, cls, name in PHASES:
        owner = importlib.import_module(module)
        if cls:
            owner = getattr(owner, cls)
        fn = getattr(owner, name, None)
        if fn is None:
            print(f"(no {module}.{cls or ''}{'.' if cls else ''}{name}: not timed)")
            continue
        undo.append((owner, name, fn))
        setattr(owner, name, wrap(phase, fn))
    try:
        c0 = time.process_time()
        run_all(paths)
        total = time.process_time() - c0
    finally:
        for owner, name, fn in reversed(undo):
            setattr(owner, name, fn)
    spent["other"] = total - sum(spent.values())
    spent["total"] = total
    return spent


def forget() -> None:
    """Empty every memo the reading, resolution and graph-building code keeps between
    documents (those that exist in the code measured), so a run sees the documents as
    new. Repeating the same documents otherwise answers every name from the memos."""
    from tipgraph import rdfbuild
    from tipgraph.reading import metadata
    from tipgraph.resolution import matching, resolver
    from tipgraph.store import terms

    for fn in (getattr(matching, "fold_token", None), getattr(matching, "name_key", None),
               getattr(metadata, "_to_date", None), getattr(terms, "_named_node", None)):
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()
    getattr(rdfbuild, "_ENTITY_TRIPLES", {}).clear()
    index = resolver.Resolver()._index
    for memo in ("fuzzy_memo", "geo_memo", "scan_memo"):
        getattr(index, memo, {}).clear()


def best_cpu(paths: list[str], runs: int, cold: bool) -> float:
    best = float("inf")
    for _ in range(runs):
        if cold:
            forget()
        c0 = time.process_time()
        run_all(paths)
        best = min(best, time.process_time() - c0)
    return best


def time_groups(sets: dict[str, Path], runs: int, profile: int) -> None:
    print(f"load average: {os.getloadavg()}")
    for gname, paths in groups(sets).items():
        run_all(paths[:5])  # warm: registry, resolver template, lazy imports
        cold = best_cpu(paths, runs, cold=True)
        warm = best_cpu(paths, runs, cold=False)
        chars = sum(len(Path(p).read_bytes()) for p in paths)
        print(f"\n{gname}: {len(paths)} documents, {chars / len(paths) / 1000:.1f} kB each; best of {runs}: "
              f"{cold / len(paths) * 1000:.2f} ms CPU per document with the memos emptied before each run, "
              f"{warm / len(paths) * 1000:.2f} ms when the same documents were read just before "
              f"(load {os.getloadavg()[0]:.2f})")
        forget()
        split = phase_split(paths)
        for phase in ["read", "sentences", "mentions", "persons", "programmes", "ratifications", "meetings",
                      "resolution", "rdf build", "other", "total"]:
            print(f"  {phase:14s} {split.get(phase, 0.0) / len(paths) * 1000:7.2f} ms/doc")
        if profile:
            forget()
            prof = cProfile.Profile()
            prof.enable()
            run_all(paths)
            prof.disable()
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(profile)
            print("\n".join(line for line in s.getvalue().splitlines() if line.strip())[-(profile + 2) * 200:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["time", "dump", "compare"])
    ap.add_argument("folder", nargs="?", help="dump: where to write; compare: the baseline dump")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("--generated", type=Path, default=GENERATED)
    args = ap.parse_args()
    ensure_generated(args.generated)
    sets = document_sets(args.generated)
    if args.command == "time":
        time_groups(sets, args.runs, args.profile)
        return 0
    if not args.folder:
        ap.error(f"{args.command} needs a folder")
    if args.command == "dump":
        dump(Path(args.folder), sets)
        return 0
    return compare(Path(args.folder), sets)


if __name__ == "__main__":
    raise SystemExit(main())
