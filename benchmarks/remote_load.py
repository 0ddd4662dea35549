#!/usr/bin/env python3
"""Ingest the same synthetic corpus into the embedded store and into a throwaway Virtuoso.

    .venv/bin/python benchmarks/remote_load.py [--documents 1000] [--jobs 2] [--seed 5] [--work DIR]

Both runs do the whole ingest (read, extract, build, validate in the store's context,
write one named graph per document), so the difference is the store: local
transactions against SPARQL 1.1 Update requests over HTTP (``DROP SILENT GRAPH`` +
``INSERT DATA`` per document, batched) and the context queries of validation. Then
the two stores' N-Quads are compared. Prints a small Markdown table (numbers quoted in
docs/remote-stores.md). Not a test: a measurement. Needs Virtuoso (``make test``
installs Debian's ``virtuoso-opensource``).
"""
from __future__ import annotations

import argparse
import io
import re
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _ingest(store, corpus: Path, jobs: int) -> tuple[float, int, int]:
    from tipgraph.ingest import ingest_paths

    started = time.perf_counter()
    report = ingest_paths(store, [corpus], jobs=jobs)
    return time.perf_counter() - started, report.stored, report.quads


_BNODE = re.compile(rb"_:[A-Za-z0-9_]+")


def _nquads(store) -> list[bytes]:
    """Sorted N-Quads lines, blank-node labels masked (each store names them its own way;
    the only blank nodes are the ontology's OWL lists and restrictions)."""
    buf = io.BytesIO()
    store.export(buf, "nquads")
    return sorted(_BNODE.sub(b"_:b", line) for line in buf.getvalue().splitlines() if line.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--work", type=Path, default=None, help="folder for the corpus and stores (default: a temporary one)")
    args = ap.parse_args(argv)

    from tipgraph.store import open_store
    from tipgraph.store.remote import RemoteStore
    from tipgraph.testing import virtuoso

    reason = virtuoso.available()
    if reason is not None:
        print(f"cannot start Virtuoso: {reason}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="tipgraph-remote-bench-"))
    corpus = work / "corpus"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--documents", str(args.documents),
                        "--out", str(corpus), "--seed", str(args.seed)], check=True)
    shutil.rmtree(work / "embedded", ignore_errors=True)
    shutil.rmtree(work / "virtuoso", ignore_errors=True)

    rows = []
    embedded = open_store(work / "embedded")
    try:
        seconds, stored, quads = _ingest(embedded, corpus, args.jobs)
        rows.append(("embedded (pyoxigraph)", seconds, stored, quads))
        local = _nquads(embedded)
    finally:
        embedded.close()

    with virtuoso.VirtuosoServer(work / "virtuoso") as server:
        os.environ.setdefault("TIPGRAPH_USER", virtuoso.DBA_USER)
        os.environ.setdefault("TIPGRAPH_PASSWORD", virtuoso.DBA_PASSWORD)
        remote = RemoteStore(server.query_url, update_url=server.update_url)
        seconds, stored, quads = _ingest(remote, corpus, args.jobs)
        rows.append(("Virtuoso 7 (SPARQL 1.1 over HTTP)", seconds, stored, quads))
        far = _nquads(remote)

    load = os.getloadavg()[0]
    print(f"\n{args.documents} synthetic documents, --jobs {args.jobs}, load average {load:.1f}\n")
    print("| store | seconds | documents/s | documents stored | quads written |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, stored, quads in rows:
        print(f"| {name} | {seconds:.1f} | {stored / seconds:.1f} | {stored:,} | {quads:,} |")
    same = local == far
    print(f"\nN-Quads of both stores equal: {same} ({len(local):,} / {len(far):,} lines)")
    if not same:
        only_local, only_far = sorted(set(local) - set(far)), sorted(set(far) - set(local))
        for label, lines in (("only embedded", only_local), ("only Virtuoso", only_far)):
            print(f"{label}: {len(lines)} lines, e.g.")
            for line in lines[:5]:
                print("  ", line.decode("utf-8", "replace")[:300])
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
