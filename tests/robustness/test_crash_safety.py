"""Crash safety of the embedded store.

``kill -9`` an ingest at random (seeded) moments, several times, then run the same
ingest to the end: after every crash the store opens and holds only whole document
graphs, and at the end it equals, quad for quad, a clean run into a fresh store.
A second writer on the same folder gets a clear "in use" error and changes nothing.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO, TIPGRAPH, export_nquads, run_tipgraph, write_good_documents

KILLS = 4
SEED = int(os.environ.get("TIPGRAPH_CRASH_SEED", "20240611"))


def _generate_corpus(out: Path, n: int) -> None:
    """The benchmark generator's varied releases (persons, programmes, scraped-page noise)."""
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--documents", str(n),
                    "--out", str(out), "--seed", "11"], check=True, capture_output=True, cwd=REPO, timeout=120)


def _graphs(quads: list[str]) -> dict[str, set[str]]:
    """N-Quads lines grouped by their graph name (the last term of the line)."""
    out: dict[str, set[str]] = {}
    for line in quads:
        body = line.rstrip(" .")
        graph = body[body.rindex("<"):]
        out.setdefault(graph, set()).add(line)
    return out


def _start_ingest(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([*TIPGRAPH, "ingest", str(corpus), "--store", str(store), "--quiet", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO,
                            start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL the ingest and its worker processes (its own process group, nothing else)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    _generate_corpus(corpus, 100)

    started = time.monotonic()
    clean = run_tipgraph("ingest", str(corpus), "--store", str(tmp_path / "clean"), "--quiet", "--jobs", "2",
                         timeout=240)
    # How long a whole run takes here: the kills are spread over it (a schedule, not an assertion).
    whole_run = time.monotonic() - started
    assert clean.returncode in (0, 1), clean.stderr[-2000:]
    expected = export_nquads(tmp_path / "clean")
    expected_graphs = _graphs(expected)

    crashed = tmp_path / "crashed"
    rng = random.Random(SEED)
    killed_while_running = 0
    for _ in range(KILLS):
        proc = _start_ingest(corpus, crashed)
        # Seeded moments from start-up (imports, reference graphs) to mid-batch writing.
        deadline = time.monotonic() + rng.uniform(0.2, 0.7) * whole_run
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        killed_while_running += proc.poll() is None
        _kill(proc)
        if (crashed / "CURRENT").exists():
            # The store opens, and every graph in it is whole: exactly the clean run's graph.
            graphs = _graphs(export_nquads(crashed))
            for name, quads in graphs.items():
                assert quads == expected_graphs.get(name), f"partial or foreign graph {name} after kill -9"
            print(f"after kill: {len(graphs)} of {len(expected_graphs)} graphs")
    assert killed_while_running >= 2, "the ingest finished before most kills; raise the corpus size"

    final = run_tipgraph("ingest", str(corpus), "--store", str(crashed), "--quiet", "--jobs", "2", timeout=240)
    assert final.returncode == clean.returncode, final.stderr[-2000:]
    assert export_nquads(crashed) == expected


def _hold_store_open(store: Path) -> subprocess.Popen:
    """A writer that opens the store and keeps it open until killed."""
    code = ("import sys, time; from tipgraph.store import open_store; s = open_store(sys.argv[1]); "
            "print('open', flush=True); time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(store)], stdout=subprocess.PIPE, cwd=REPO,
                            start_new_session=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"open"
    return proc


def test_second_writer_gets_a_clear_in_use_error(tmp_path):
    corpus = tmp_path / "corpus"
    write_good_documents(corpus, 3)
    store = tmp_path / "store"
    first = run_tipgraph("ingest", str(corpus), "--store", str(store), "--quiet")
    assert first.returncode == 0, first.stderr
    before = export_nquads(store)

    more = tmp_path / "more"
    write_good_documents(more, 2, prefix="more")
    holder = _hold_store_open(store)
    try:
        second = run_tipgraph("ingest", str(more), "--store", str(store), "--quiet")
        assert second.returncode == 2
        assert "in use" in second.stderr and str(store) in second.stderr
        assert "wait for it to finish, or stop it, then run this command again" in second.stderr
        assert "Traceback" not in second.stderr
        # readers still work beside the writer
        stats = run_tipgraph("stats", "--store", str(store), "--format", "json")
        assert stats.returncode == 0, stats.stderr
    finally:
        _kill(holder)
    assert export_nquads(store) == before
    # and once the first writer is gone, the store is usable again
    third = run_tipgraph("ingest", str(more), "--store", str(store), "--quiet")
    assert third.returncode == 0, third.stderr


def test_second_writer_in_the_same_process_is_refused(tmp_path):
    from tipgraph.store import StoreInUseError, open_store

    store = open_store(tmp_path / "store")
    try:
        with pytest.raises(StoreInUseError, match="already open"):
            open_store(tmp_path / "store")
    finally:
        store.close()
    open_store(tmp_path / "store").close()


def test_reference_graphs_are_not_rewritten_by_another_process(tmp_path):
    """Their content hash is the same in every process, whatever its hash seed."""
    code = ("import sys; from tipgraph.store import open_store; from tipgraph.reference import "
            "ensure_reference_graphs; s = open_store(sys.argv[1]); print(len(ensure_reference_graphs(s))); s.close()")
    written = []
    for seed in ("1", "2", "3"):
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store")], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, cwd=REPO, timeout=120, check=True)
        written.append(out.stdout.strip())
    assert written == ["2", "0", "0"]


def test_runs_are_deterministic_across_jobs_and_hash_seeds(tmp_path):
    corpus = tmp_path / "corpus"
    _generate_corpus(corpus, 12)
    exports = []
    for jobs, seed in (("1", "1"), ("2", "2")):
        store = tmp_path / f"store-{jobs}"
        run = run_tipgraph("ingest", str(corpus), "--store", str(store), "--quiet", "--jobs", jobs,
                           env={"PYTHONHASHSEED": seed})
        assert run.returncode in (0, 1), run.stderr[-2000:]
        exports.append(export_nquads(store))
    assert exports[0] == exports[1]


BIG = 60_000
_BIG_WRITE = """
import sys
from rdflib import Literal, URIRef
from tipgraph.store import open_store
store = open_store(sys.argv[1])
N = int(sys.argv[2])
g = URIRef("https://w3id.org/tipgraph/id/document/big-write")
p = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
triples = [(URIRef(f"https://w3id.org/tipgraph/id/org/o{i}"), p, Literal(f"Body number {i}")) for i in range(N)]
print("writing", flush=True)
store.replace_graphs({g: triples})
print("written", flush=True)
store.close()
"""


def _count_graph(store: Path, graph: str) -> int:
    """Quads in one graph of an embedded store (0 when no store was made)."""
    if not (store / "CURRENT").exists():
        return 0
    import pyoxigraph as ox

    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    try:
        return sum(1 for _ in s.ox_store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    finally:
        s.close()


def _big_write(store: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _BIG_WRITE, str(store), str(BIG)], stdout=subprocess.PIPE, cwd=REPO,
                            start_new_session=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"writing"
    return proc


def test_a_write_killed_midway_leaves_all_or_nothing(tmp_path):
    """One transaction per batch: SIGKILL during a big write leaves all of it or nothing."""
    proc = _big_write(tmp_path / "timing")
    writing = time.monotonic()
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"written"
    write_time = time.monotonic() - writing  # a schedule for the kills, not an assertion
    assert proc.wait(timeout=120) == 0
    rng = random.Random(SEED)
    counts = []
    for attempt in range(4):
        store = tmp_path / f"store-{attempt}"
        proc = _big_write(store)
        time.sleep(rng.uniform(0.05, 0.6) * write_time)
        _kill(proc)
        counts.append(_count_graph(store, "https://w3id.org/tipgraph/id/document/big-write"))
    print("counts after kill:", counts)
    assert set(counts) <= {0, BIG}, counts
