#!/usr/bin/env python3
"""The benchmark suite: writes docs/performance.md (``make bench``).

    .venv/bin/python benchmarks/run.py --out docs/performance.md
        [--sizes 1000,5000] [--runs 3] [--ingest-docs 300] [--work DIR] [--reuse] [--quick]

What it measures, each figure next to a peer measured in the same run:

* ingest (read, extract, build, validate, store) in documents/s, ``--jobs 1`` and
  ``--jobs 2``, on a sample of the synthetic corpus into a fresh store;
* bulk load of the corpus's N-Quads into an embedded store in quads/s (peer: an
  rdflib Dataset parsing the same file);
* the latency of every stored query on each corpus size (peer: rdflib's own SPARQL
  engine on the same text and the same bound parameters, smallest size only unless
  ``--rdflib-all``; a peer query stops after ``--peer-timeout`` seconds);
* delta validation of one new document against the largest store (peer: pyshacl
  on the whole graph);
* GEXF export of the whole network of the largest store, and of a synthetic
  network of 50,000 actors (``benchmarks/network_export.py``).

Every measurement runs in its own process, so its peak memory (``ru_maxrss``, plus
the largest worker for ingest) is its own. The corpus comes from
``benchmarks/generate.py``; the stores of each size are built by extracting every
document (worker processes) and bulk-loading the N-Quads, which is cached in
``--work`` (reused with ``--reuse``). Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

RESULT_TAG = "BENCH-RESULT "


# -- small helpers -------------------------------------------------------------------
def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its largest child (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + kids


def cpu_seconds() -> float:
    """CPU time of this process and its waited-for children (user + system)."""
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def timed(fn, runs: int) -> tuple[dict, dict, object]:
    """Wall and CPU statistics of ``runs`` calls of ``fn`` (after none: callers warm up)."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return stats(walls), stats(cpus), result


class PeerTimeout(Exception):
    pass


def with_timeout(seconds: float, fn):
    """Run ``fn`` with an alarm: pure-Python engines can be stopped this way."""
    import signal

    def on_alarm(*_):
        raise PeerTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- the corpus ------------------------------------------------------------------------
def _reference_nquads() -> bytes:
    """The ontology and registry graphs, as ingest writes them, in N-Quads.

    Without the entity summary that writing them started (store/derived.py): it would
    carry the summary's completeness mark into every store bulk-loaded from the corpus,
    and ``ensure_derived_layout`` would then never summarise the documents' entities.
    """
    import pyoxigraph as ox

    from tipgraph.reference import ensure_reference_graphs
    from tipgraph.store.derived import DERIVED_GRAPH
    from tipgraph.store.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "s")
        ensure_reference_graphs(store)
        # Not the entity summary of this store of two graphs: with its layout mark, a bulk
        # load of the corpus would take it for the summary of the whole store.
        derived = ox.NamedNode(str(DERIVED_GRAPH))
        data = ox.serialize([q for q in store.ox_store.quads_for_pattern(None, None, None, None)
                             if q.graph_name != derived], None, ox.RdfFormat.N_QUADS)
        store.close()
    return data


def task_corpus(work: str, documents: int, seed: int, jobs: int) -> dict:
    """Generate the corpus and extract it into ``docs.nq`` (offsets per document in ``docs.json``)."""
    from concurrent.futures import ProcessPoolExecutor

    import generate
    from tipgraph.ingest import _init_worker, _process

    w = Path(work)
    corpus = w / "corpus"
    t0 = time.perf_counter()
    generate.main(["--documents", str(documents), "--out", str(corpus), "--seed", str(seed)])
    generated = time.perf_counter() - t0
    paths = generate.paths(corpus, documents)
    t0 = time.perf_counter()
    offsets = [0]
    failed = 0
    with (w / "docs.nq").open("wb") as out:
        out.write(_reference_nquads())
        offsets[0] = out.tell()
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=([], {})) as pool:
            for item in pool.map(_process, [str(p) for p in paths], chunksize=16):
                if item.error or not item.ntriples:
                    failed += 1
                else:
                    g = f" <{item.graph_iri}> .\n".encode()
                    out.write(b"".join(line.rstrip()[:-1].rstrip() + g for line in item.ntriples.splitlines() if line.strip()))
                offsets.append(out.tell())
    (w / "docs.json").write_text(json.dumps({"documents": documents, "seed": seed, "offsets": offsets, "failed": failed}))
    return {"generated_s": generated, "extracted_s": time.perf_counter() - t0, "failed": failed}


def nquads_prefix(work: Path, documents: int) -> bytes:
    meta = json.loads((work / "docs.json").read_text())
    with (work / "docs.nq").open("rb") as f:
        return f.read(meta["offsets"][documents])


# -- measurements (each in its own process) -------------------------------------------------
def task_load(work: str, documents: int, store: str) -> dict:
    import pyoxigraph as ox

    from tipgraph.store.derived import DERIVED_GRAPH
    from tipgraph.store.embedded import EmbeddedStore

    data = nquads_prefix(Path(work), documents)
    shutil.rmtree(store, ignore_errors=True)
    s = EmbeddedStore(store)
    c0, t0 = time.process_time(), time.perf_counter()
    s.ox_store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    # A corpus written before _reference_nquads left the summary out holds the summary
    # of the reference graphs alone, with its layout mark: dropped, so the full build runs.
    s.ox_store.update(f"DROP SILENT GRAPH <{DERIVED_GRAPH}>")
    s.ox_store.optimize()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    quads = len(s.ox_store)
    # A bulk load bypasses replace_graphs, so the entity summary (store/derived.py) is
    # built once here, as ingest would on its first write; timed on its own.
    t0 = time.perf_counter()
    s.ensure_derived_layout()
    derived_s = time.perf_counter() - t0
    s.close()
    return {"quads": quads, "wall": wall, "cpu": cpu, "bytes": len(data), "derived_s": derived_s}


def task_rdflib_load(work: str, documents: int) -> dict:
    from rdflib import Dataset

    data = nquads_prefix(Path(work), documents)
    ds = Dataset()
    c0, t0 = time.process_time(), time.perf_counter()
    ds.parse(data=data, format="nquads")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"quads": len(ds), "wall": wall, "cpu": cpu}


def query_cases(store) -> list[tuple[str, dict]]:
    """Every stored query, with parameters taken from the data (the most frequent values)."""
    from tipgraph.queries import load_catalogue

    def top(q: str) -> str | None:
        rows = store.select("PREFIX tip: <https://w3id.org/tipgraph/ontology#>\n" + q).rows
        return str(rows[0]["x"]) if rows else None

    actor = top("SELECT ?x WHERE { ?m tip:participant ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    rare = top("SELECT ?x WHERE { ?m tip:participant ?x } GROUP BY ?x HAVING(COUNT(*) < 3) ORDER BY ?x LIMIT 1")
    instrument = top("SELECT ?x WHERE { ?m tip:underInstrument ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    country = top("SELECT ?x WHERE { ?m tip:location/tip:partOf* ?x . ?x a tip:State } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    employer = top("SELECT ?x WHERE { ?p tip:affiliation ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    funder = top("SELECT ?x WHERE { ?p tip:fundedBy ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    region = top("SELECT ?x WHERE { ?p tip:targetRegion ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1")
    by_kind = {"Actor": actor, "LegalInstrument": instrument, "State": country, "Place": region}
    special = {"organization": employer, "funder": funder, "region": region, "state": country}
    cases: list[tuple[str, dict]] = []
    for name, q in sorted(load_catalogue().items()):
        required = {p.name: special.get(p.name) or by_kind.get(p.kind or "Actor") for p in q.parameters if p.required}
        if any(v is None for v in required.values()):
            continue
        cases.append((name, required))
        optional = [p for p in q.parameters if not p.required and p.kind]
        if name == "who-met-whom" and actor:
            cases.append((name, {"actor": actor}))
            if instrument:
                cases.append((name, {"instrument": instrument}))
            if country:
                cases.append((name, {"country": country}))
            cases.append((name, {"from": "2015", "to": "2016-06"}))
        elif optional and not required:
            p = optional[0]
            value = special.get(p.name) or by_kind.get(p.kind)
            if value:
                cases.append((name, {p.name: value}))
        if name in ("actor-profile", "documents-about-actor") and rare:
            cases.append((name, {"actor": rare}))
    return cases


def _case_label(name: str, params: dict) -> str:
    shown = ", ".join(f"{k}={v.rsplit('/', 1)[-1] if isinstance(v, str) and v.startswith('http') else v}"
                      for k, v in params.items())
    return f"{name}({shown})" if shown else name


def task_queries(store: str, runs: int, slow_after: float = 20.0, cases: list | None = None) -> dict:
    """Each case warm once, then ``runs`` times (once when the warm-up took over ``slow_after`` seconds)."""
    from tipgraph.queries import run_query
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    out = []
    for name, params in cases or query_cases(s):
        t0 = time.perf_counter()
        run_query(s, name, **params)  # warm-up (and the parameters' name lookups)
        slow = time.perf_counter() - t0 > slow_after
        wall, cpu, result = timed(lambda name=name, params=params: run_query(s, name, **params), 1 if slow else runs)
        out.append({"case": _case_label(name, params), "name": name, "params": params, "rows": len(result.rows),
                    "wall": wall, "cpu": cpu})
    s.close()
    return {"cases": out}


def task_query_cases(store: str) -> dict:
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    cases = query_cases(s)
    s.close()
    return {"cases": cases}


def run_queries(store: str, runs: int, cases: list | None, timeout: float) -> dict:
    """Each query case in its own process, stopped after ``timeout`` seconds.

    An Oxigraph query cannot be interrupted from Python (it runs in Rust until its
    first row), so a query that takes minutes at scale would otherwise hold up the run.
    """
    if cases is None:
        listed = child("query_cases", {"store": store})
        if failed(listed):
            return listed
        cases = [tuple(c) for c in listed["cases"]]
    out, peak = [], 0.0
    for name, params in cases:
        r = child("queries", {"store": store, "runs": runs, "cases": [[name, params]], "slow_after": timeout / 4},
                  timeout=timeout * 2)  # a warm-up over timeout / 4 is followed by a single run
        if failed(r):
            out.append({"case": _case_label(name, params), "name": name, "params": params,
                        "timeout": timeout * 2} if "stopped" in r.get("error", "") else
                       {"case": _case_label(name, params), "name": name, "params": params, "error": r["error"]})
            continue
        out.extend(r["cases"])
        peak = max(peak, r.get("peak_mb", 0.0))
    return {"cases": out, "peak_mb": peak}


def task_rdflib_queries(work: str, documents: int, store: str, runs: int, timeout: float,
                        cases: list | None = None) -> dict:
    """The same query text and bound terms, run by rdflib's SPARQL engine on a Dataset."""
    import rdflib.plugins.sparql  # noqa: F401  imported before any alarm: one cut off mid-import stays broken
    from rdflib import Dataset

    from tipgraph.queries import get_query
    from tipgraph.queries.runner import bind_parameters
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    cases = cases or query_cases(s)
    ds = Dataset(default_union=True)
    ds.parse(data=nquads_prefix(Path(work), documents), format="nquads")
    out = []
    for name, params in cases:
        q = get_query(name)
        bindings, _ = bind_parameters(s, q, params)
        walls: list[float] = []
        rows = None
        try:
            for _ in range(runs):
                t0 = time.perf_counter()
                rows = with_timeout(timeout, lambda q=q, bindings=bindings: len(list(ds.query(q.text, initBindings=bindings))))
                walls.append(time.perf_counter() - t0)
                if walls[-1] > timeout / 3:
                    break  # one slow run says enough
            out.append({"case": _case_label(name, params), "rows": rows, "wall": stats(walls)})
        except PeerTimeout:
            out.append({"case": _case_label(name, params), "timeout": timeout})
        except Exception as exc:  # rdflib cannot run every query: say so in the table
            out.append({"case": _case_label(name, params), "error": f"{type(exc).__name__}: {exc}"[:120]})
    s.close()
    return {"cases": out}


def _new_document_graph(work: Path, index: int):
    """Extract and build a generated document that is not in any store."""
    import generate
    from tipgraph.extraction import extract
    from tipgraph.rdfbuild import build_document_graph
    from tipgraph.reading import read_document
    from tipgraph.resolution import Resolver

    folder = work / "new"
    folder.mkdir(exist_ok=True)
    suffix, text = generate.Corpus(seed=10_000 + index).document(index)
    path = folder / f"new-{index}{suffix}"
    path.write_text(text, encoding="utf-8")
    return build_document_graph(extract(read_document(path), Resolver()))


def task_delta(work: str, store: str, runs: int) -> dict:
    from tipgraph.store.embedded import EmbeddedStore
    from tipgraph.validation import validate_graph

    s = EmbeddedStore(store, read_only=True)
    name, graph = _new_document_graph(Path(work), 1)
    validate_graph(graph, s, replacing=[name])  # warm-up: shapes parsed once per process
    wall, cpu, report = timed(lambda: validate_graph(graph, s, replacing=[name]), runs)
    # The same delta (context included) with pyshacl instead of tipgraph.validation.compiled.
    validate_graph(graph, s, replacing=[name], engine="pyshacl")
    py_wall, py_cpu, py_report = timed(lambda: validate_graph(graph, s, replacing=[name], engine="pyshacl"), runs)
    s.close()
    return {"wall": wall, "cpu": cpu, "triples": report.data_triples, "context": report.context_triples,
            "conforms": report.conforms, "pyshacl": {"wall": py_wall, "cpu": py_cpu, "conforms": py_report.conforms,
                                                     "same": report.to_json() == py_report.to_json()}}


def task_pyshacl_whole(work: str, documents: int, timeout: float) -> dict:
    import pyshacl
    from rdflib import Dataset, Graph

    from tipgraph.validation import ontology_graph, shapes_graph

    ds = Dataset()
    t0 = time.perf_counter()
    ds.parse(data=nquads_prefix(Path(work), documents), format="nquads")
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    parse = time.perf_counter() - t0
    shapes, onto = shapes_graph(), ontology_graph()
    c0, t0 = time.process_time(), time.perf_counter()
    try:
        conforms, _, _ = with_timeout(timeout, lambda: pyshacl.validate(
            g, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=True, inplace=True))
    except PeerTimeout:
        return {"timeout": timeout, "parse": parse, "triples": len(g)}
    return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0, "parse": parse,
            "triples": len(g), "conforms": bool(conforms)}


def task_ingest(work: str, documents: int, jobs: int, runs: int) -> dict:
    import generate
    from tipgraph.ingest import ingest_paths
    from tipgraph.reference import ensure_reference_graphs
    from tipgraph.store.embedded import EmbeddedStore

    paths = generate.paths(Path(work) / "corpus", documents)
    walls, cpus, loads = [], [], []
    report = None
    for r in range(runs):
        folder = Path(work) / f"ingest-{jobs}-{r}"
        shutil.rmtree(folder, ignore_errors=True)
        s = EmbeddedStore(folder)
        ensure_reference_graphs(s)
        c0, t0 = cpu_seconds(), time.perf_counter()
        report = ingest_paths(s, paths, jobs=jobs)
        walls.append(time.perf_counter() - t0)
        cpus.append(cpu_seconds() - c0)
        loads.append(os.getloadavg()[0])
        s.close()
        shutil.rmtree(folder, ignore_errors=True)
    assert report is not None
    return {"docs": report.read, "stored": report.stored, "refused": len(report.refused), "quads": report.quads,
            "wall": stats(walls), "cpu": stats(cpus), "load": loads}


def task_gexf(store: str, out: str) -> dict:
    from tipgraph.network import Selection, build_selection, compute_metrics, load_network_data
    from tipgraph.network.gexf import write_gexf
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store, read_only=True)
    c0, t0 = time.process_time(), time.perf_counter()
    data = load_network_data(s)
    G = build_selection(s, Selection(kinds=frozenset({"organization", "state", "person"})), data=data)
    compute_metrics(G)
    write_gexf(G, out)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    s.close()
    return {"wall": wall, "cpu": cpu, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "mb": Path(out).stat().st_size / 1e6}


def task_profile(work: str, documents: int) -> dict:
    """pyinstrument profile of ingest with --jobs 1: where a document's time goes."""
    from pyinstrument import Profiler

    import generate
    from tipgraph.ingest import ingest_paths
    from tipgraph.reference import ensure_reference_graphs
    from tipgraph.store.embedded import EmbeddedStore

    folder = Path(work) / "profile-store"
    shutil.rmtree(folder, ignore_errors=True)
    s = EmbeddedStore(folder)
    ensure_reference_graphs(s)
    profiler = Profiler(interval=0.002)
    profiler.start()
    ingest_paths(s, generate.paths(Path(work) / "corpus", documents), jobs=1)
    profiler.stop()
    s.close()
    shutil.rmtree(folder, ignore_errors=True)
    text = profiler.output_text(unicode=False, color=False, show_all=False, short_mode=True)
    return {"text": _trim_profile(text)}


def _trim_profile(text: str, width: int = 110, depth: int = 9, min_share: float = 0.02) -> str:
    """The profile tree down to ``depth`` levels and frames of at least ``min_share`` of the run."""
    lines = text.splitlines()
    total = None
    kept = []
    for line in lines:
        stripped = line.lstrip(" |-`")
        parts = stripped.split(" ", 1)
        try:
            secs = float(parts[0])
        except (ValueError, IndexError):
            continue
        if total is None:
            total = secs
        indent = (len(line) - len(stripped)) // 3
        if indent <= depth and secs >= total * min_share:
            kept.append(line[:width])
    return "\n".join(kept)


TASKS = {f.__name__[5:]: f for f in (task_corpus, task_load, task_rdflib_load, task_queries, task_query_cases,
                                     task_rdflib_queries,
                                     task_delta, task_pyshacl_whole, task_ingest, task_gexf, task_profile)}


def child(task: str, kwargs: dict, timeout: float | None = None) -> dict:
    """Run one task in a fresh interpreter; its result, wall time, load and peak memory."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", task, json.dumps(kwargs)]
    load0 = os.getloadavg()[0]
    shown = {k: v for k, v in kwargs.items() if k not in ("work", "cases")}
    print(f"  {time.strftime('%H:%M:%S')} {task} {json.dumps(shown)}", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {timeout:.0f} s"}
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_TAG):
            result = json.loads(line[len(RESULT_TAG):])
            result["load_before"] = load0
            return result
    return {"error": (proc.stderr.strip().splitlines() or ["no result"])[-1][:200]}


def run_child(task: str, kwargs_json: str) -> int:
    result = TASKS[task](**json.loads(kwargs_json))
    result["peak_mb"] = peak_rss_mb()
    result["load_after"] = os.getloadavg()[0]
    print(RESULT_TAG + json.dumps(result), flush=True)
    return 0


# -- the report ----------------------------------------------------------------------------
def machine() -> dict:
    import pyoxigraph
    import pyshacl
    import rdflib

    import tipgraph

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": f"{os.cpu_count()} x {cpu}".strip(), "memory": mem,
        "system": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "tipgraph": getattr(tipgraph, "__version__", "?"), "rdflib": rdflib.__version__,
        "pyshacl": pyshacl.__version__, "pyoxigraph": pyoxigraph.__version__,
    }


def fmt_s(v: float | None) -> str:
    if v is None:
        return "–"
    if v < 1:
        return f"{v * 1000:.0f} ms" if v >= 0.01 else f"{v * 1000:.1f} ms"
    return f"{v:.2f} s" if v < 10 else f"{v:.0f} s"


def fmt_stat(st: dict | None) -> str:
    if not st:
        return "–"
    if st.get("n") == 1:
        return f"{fmt_s(st['median'])} (1 run)"
    return f"{fmt_s(st['median'])} ({fmt_s(st['min'])}–{fmt_s(st['max'])})"


def fmt_mb(r: dict) -> str:
    return f"{r['peak_mb']:.0f} MB" if "peak_mb" in r else "–"


def failed(r: dict) -> str | None:
    if "error" in r:
        return f"failed: {r['error']}"
    if "timeout" in r:
        return f"> {r['timeout']:.0f} s (stopped)"
    return None


def write_report(out: Path, res: dict, args) -> None:
    m = res["machine"]
    L: list[str] = []
    add = L.append
    add("# Performance")
    add("")
    add("Generated by `make bench` (`benchmarks/run.py`); do not edit by hand. "
        f"Run of {time.strftime('%Y-%m-%d %H:%M', time.localtime(res['started']))}, "
        f"{(res['finished'] - res['started']) / 60:.0f} min. Figures are the median of {args.runs} runs "
        "with (min–max); CPU is user + system time of the process and its workers; memory is the peak "
        "resident set of the measuring process (for ingest: plus its largest worker). Each measurement runs "
        "in its own process.")
    add("")
    add(f"- machine: {m['cpu']}, {m['memory']} RAM, {m['system']}")
    add(f"- versions: Python {m['python']}, tipgraph {m['tipgraph']}, pyoxigraph {m['pyoxigraph']}, "
        f"rdflib {m['rdflib']}, pyshacl {m['pyshacl']}")
    add(f"- load average (1 min) at start / end: {res['loadavg'][0]:.1f} / {res['loadavg'][1]:.1f} "
        "(the machine is shared: wall times above the CPU times mean the run waited for a core)")
    c = res.get("corpus", {})
    add(f"- corpus: `benchmarks/generate.py --documents {max(args.sizes)} --seed {args.seed}`; "
        f"{c.get('failed', 0)} document(s) failed extraction; extraction for the stores took "
        f"{fmt_s(c.get('extracted_s'))} with {args.jobs} workers")
    add("")

    add("## Ingest (read, extract, build, validate, store)")
    add("")
    add(f"A sample of {args.ingest_docs} documents of the corpus into a fresh store holding the reference graphs.")
    add("")
    add("| jobs | documents/s | wall | CPU (all processes) | stored / refused | quads | peak memory | load |")
    add("|---:|---:|---|---|---|---:|---:|---|")
    for jobs in (1, 2):
        r = res["ingest"].get(jobs, {})
        if failed(r):
            add(f"| {jobs} | {failed(r)} | | | | | | |")
            continue
        add(f"| {jobs} | {r['docs'] / r['wall']['median']:.1f} | {fmt_stat(r['wall'])} | {fmt_stat(r['cpu'])} | "
            f"{r['stored']} / {r['refused']} | {r['quads']:,} | {fmt_mb(r)} | "
            f"{' '.join(f'{x:.1f}' for x in r['load'])} |")
    add("")

    add("## Load (bulk, N-Quads)")
    add("")
    add("| documents | quads | pyoxigraph bulk_load | quads/s | memory | peer: rdflib Dataset parse | quads/s | memory |")
    add("|---:|---:|---|---:|---:|---|---:|---:|")
    for n in args.sizes:
        r = res["load"].get(n, {})
        p = res["rdflib_load"].get(n, {})
        if failed(r):
            add(f"| {n:,} | {failed(r)} | | | | | | |")
            continue
        peer = failed(p) or (f"{fmt_s(p['wall'])} | {p['quads'] / p['wall']:,.0f} | {fmt_mb(p)}" if p else "not run | |")
        add(f"| {n:,} | {r['quads']:,} | {fmt_s(r['wall'])} | {r['quads'] / r['wall']:,.0f} | {fmt_mb(r)} | {peer} |")
    add("")

    add("## Stored queries")
    add("")
    add("Latency of `run_query` (parameter binding included), warm, on the embedded store of each size. "
        "Parameters are the most frequent values in the data (the busiest actor, instrument, country). "
        f"Peer: rdflib's own SPARQL engine on an in-memory Dataset of the same quads, same query text and "
        f"bound terms (stopped after {args.peer_timeout:.0f} s).")
    add("")
    head = "| query | " + " | ".join(f"{n:,} docs" for n in args.sizes) + " | rows (largest) | " + \
        " | ".join(f"rdflib, {n:,} docs" for n in res["rdflib_sizes"]) + " |"
    add(head)
    add("|---|" + "---|" * len(args.sizes) + "---:|" + "---|" * len(res["rdflib_sizes"]))
    by_size = {n: {c["case"]: c for c in res["queries"].get(n, {}).get("cases", [])} for n in args.sizes}
    peers = {n: {c["case"]: c for c in res["rdflib_queries"].get(n, {}).get("cases", [])} for n in res["rdflib_sizes"]}
    cases = list(dict.fromkeys(c for n in args.sizes for c in by_size[n]))
    largest = max(args.sizes)
    for case in cases:
        cells = [failed(by_size[n].get(case, {})) or fmt_stat(by_size[n].get(case, {}).get("wall"))
                 for n in args.sizes]
        rows = by_size[largest].get(case, {}).get("rows", "–")
        pcells = []
        for n in res["rdflib_sizes"]:
            p = peers[n].get(case)
            pcells.append("–" if p is None else failed(p) or fmt_stat(p["wall"]))
        add(f"| `{case}` | " + " | ".join(cells) + f" | {rows} | " + " | ".join(pcells) + " |")
    for n in args.sizes:
        q = res["queries"].get(n, {})
        if failed(q):
            add(f"\n{n:,} documents: {failed(q)}")
    add("")
    add("Peak memory of the query runs: " + ", ".join(
        f"{n:,} docs {fmt_mb(res['queries'].get(n, {}))}" for n in args.sizes) + "; rdflib: " + ", ".join(
        f"{n:,} docs {fmt_mb(res['rdflib_queries'].get(n, {}))}" for n in res["rdflib_sizes"]) + ".")
    add("")

    add("## Validation of one new document")
    add("")
    d = res.get("delta", {})
    w = res.get("whole", {})
    add("| check | graph | wall | CPU | memory |")
    add("|---|---|---|---|---:|")
    if failed(d) or not d:
        add(f"| delta validation | store of {largest:,} docs | {failed(d) or 'not run'} | | |")
    else:
        add(f"| delta validation (tipgraph, `validation.compiled`) | {d['triples']} new + {d['context']} context triples, "
            f"store of {largest:,} docs | {fmt_stat(d['wall'])} | {fmt_stat(d['cpu'])} | {fmt_mb(d)} |")
        p = d.get("pyshacl")
        if p:
            same = "same report" if p.get("same") else "**different report**"
            add(f"| peer: the same delta with pyshacl ({same}) | same | {fmt_stat(p['wall'])} | "
                f"{fmt_stat(p['cpu'])} | |")
    for n, r in sorted(w.items()):
        if failed(r):
            add(f"| peer: pyshacl, whole graph | {n:,} docs ({r.get('triples', 0):,} triples) | {failed(r)} | | |")
        else:
            add(f"| peer: pyshacl, whole graph | {n:,} docs ({r['triples']:,} triples; parse {fmt_s(r['parse'])} "
                f"not counted) | {fmt_s(r['wall'])} | {fmt_s(r['cpu'])} | {fmt_mb(r)} |")
    add("")

    add("## Network export (GEXF)")
    add("")
    add("| network | nodes / edges | fetch + build + metrics + GEXF | CPU | memory |")
    add("|---|---|---|---|---:|")
    g = res.get("gexf", {})
    if g:
        add(f"| whole cooperation network, {largest:,} docs | " + (failed(g) or
            f"{g['nodes']:,} / {g['edges']:,} | {fmt_s(g['wall'])} | {fmt_s(g['cpu'])} | {fmt_mb(g)}") + " |")
    n50 = res.get("gexf50k", {})
    if n50:
        add(f"| synthetic, {args.gexf_actors:,} actors (`benchmarks/network_export.py`) | "
            + (failed(n50) or f"{n50['nodes']} | {fmt_s(n50['wall'])} | "
               f"{fmt_s(n50['cpu']) if n50.get('cpu') else '–'} | {n50['peak_mb']:.0f} MB") + " |")
        if n50.get("phases"):
            add("")
            add("Phases of the synthetic export (wall): " + "; ".join(
                f"{k} {fmt_s(v)}" for k, v in n50["phases"].items()) + "."
                + (f" Metrics computed by {n50['backend']}." if n50.get("backend") else ""))
    add("")

    add("## Targets")
    add("")
    add("| target | measured | |")
    add("|---|---|---|")
    for row in targets(res, args):
        add("| " + " | ".join(row) + " |")
    add("")
    notes = HERE / "analysis.md"
    if notes.is_file():
        add(notes.read_text(encoding="utf-8").strip())
        add("")
    prof = res.get("profile", {})
    if prof.get("text"):
        add("## Profile of ingest (`--jobs 1`, pyinstrument, generated by this run)")
        add("")
        add("```")
        add(prof["text"])
        add("```")
        add("")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(L), encoding="utf-8")


def targets(res: dict, args) -> list[list[str]]:
    rows = []

    def mark(ok: bool | None) -> str:
        return "–" if ok is None else ("met" if ok else "**missed**")

    r = res["ingest"].get(2, {})
    v = r["docs"] / r["wall"]["median"] if r and not failed(r) else None
    rows.append(["ingest >= 100 documents/s with `--jobs 2`", f"{v:.1f}/s" if v else "–", mark(v >= 100 if v else None)])
    largest = max(args.sizes)
    cases = res["queries"].get(largest, {}).get("cases", [])
    agg = [c for c in cases if c["name"] in ("who-met-whom", "most-connected-actors", "cooperation-timeline",
                                               "funding-by-funder", "possible-duplicates", "facts-without-evidence",
                                               "ratifications") and not c["params"]]
    other = [c for c in cases if c not in agg]
    def secs(c: dict) -> float:
        return c["wall"]["median"] if "wall" in c else c.get("timeout", float("inf"))

    def shown(c: dict) -> str:
        return failed(c) or fmt_s(secs(c))

    if other:
        worst = max(other, key=secs)
        over = sum(1 for c in other if secs(c) > 0.1)
        rows.append([f"every selective stored query <= 100 ms ({largest:,} docs)",
                     f"{len(other) - over} of {len(other)} cases within; slowest `{worst['case']}` {shown(worst)}",
                     mark(secs(worst) <= 0.1)])
    if agg:
        worst = max(agg, key=secs)
        over = sum(1 for c in agg if secs(c) > 1)
        rows.append([f"whole-graph aggregations <= 1 s ({largest:,} docs)",
                     f"{len(agg) - over} of {len(agg)} within; slowest `{worst['case']}` {shown(worst)}",
                     mark(secs(worst) <= 1)])
    d = res.get("delta", {})
    if d and not failed(d):
        rows.append(["validating a new document against the store <= 1 s", fmt_s(d["wall"]["median"]),
                     mark(d["wall"]["median"] <= 1)])
    n50 = res.get("gexf50k", {})
    if n50 and not failed(n50):
        rows.append([f"GEXF export of {args.gexf_actors:,} actors <= 30 s", fmt_s(n50["wall"]), mark(n50["wall"] <= 30)])
    peaks = [x.get("peak_mb", 0) for key in ("ingest", "load", "queries") for x in res[key].values()]
    peaks += [res.get(k, {}).get("peak_mb", 0) for k in ("delta", "gexf", "gexf50k")]
    top = max(peaks) if peaks else 0
    rows.append(["peak memory <= 2 GB (every tipgraph measurement)", f"{top:.0f} MB", mark(top <= 2048)])
    q = res["load"].get(largest, {})
    if q and not failed(q):
        rows.append(["(scale of the largest store)", f"{q['quads']:,} quads", ""])
    return rows


def gexf50k(actors: int, timeout: float) -> dict:
    """Run benchmarks/network_export.py; its phases' times and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, str(HERE / "network_export.py"), "--actors", str(actors),
               "--meetings", str(int(actors * 1.5)), "--store", f"{tmp}/store", "--out", f"{tmp}/n.gexf"]
        print(f"  network_export {actors}", file=sys.stderr, flush=True)
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"stopped after {timeout:.0f} s"}
    nodes = ""
    for line in proc.stdout.splitlines():
        if "nodes," in line and not nodes:
            nodes = line.strip().replace(" nodes, ", " / ").replace(" edges", "")
        found = re.match(r"export total [^:]*: ([0-9.]+) s(?:, CPU ([0-9.]+) s)?; peak RSS\D*([0-9.]+) MB", line)
        if found:
            # "export total (fetch + build + metrics + GEXF): 12.3 s, CPU 11.0 s; peak RSS of the export 900 MB"
            phases = {m.group(1).strip(): float(m.group(2)) for m in
                      (re.match(r"(\S.*?)\s{2,}([0-9.]+) s\s", x) for x in proc.stdout.splitlines()) if m}
            backend = next((x.split(":")[0].strip() for x in proc.stdout.splitlines()
                            if re.match(r"\s+\w+: betweenness ", x)), "")
            return {"wall": float(found.group(1)), "cpu": float(found.group(2)) if found.group(2) else None,
                    "peak_mb": float(found.group(3)), "nodes": nodes, "phases": phases, "backend": backend}
    return {"error": (proc.stderr.strip().splitlines() or ["no result"])[-1][:200]}


def _int_keys(res: dict) -> dict:
    """JSON turned the sizes and job counts used as keys into strings: turn them back."""
    for key in ("ingest", "load", "rdflib_load", "queries", "rdflib_queries", "whole"):
        if isinstance(res.get(key), dict):
            res[key] = {int(k): v for k, v in res[key].items()}
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("--sizes", default="1000,5000",
                    help="corpus sizes in documents, comma-separated (5,000 generated documents are ~1M quads)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ingest-docs", type=int, default=300, help="documents in the ingest sample")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes that extract the corpus for the stores")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, help="work folder (default: a temporary one, removed at the end)")
    ap.add_argument("--reuse", action="store_true", help="reuse the corpus and stores found in --work")
    ap.add_argument("--peer-timeout", type=float, default=10.0, help="seconds before an rdflib peer query is stopped")
    ap.add_argument("--query-timeout", type=float, default=30.0,
                    help="seconds a stored query's warm-up may take (the case is stopped after twice that)")
    ap.add_argument("--rdflib-all", action="store_true", help="run the rdflib peers on every size")
    ap.add_argument("--whole-max", type=int, default=1000, help="largest size for the whole-graph pyshacl peer")
    ap.add_argument("--gexf-actors", type=int, default=50_000, help="synthetic network size (0: skip)")
    ap.add_argument("--profile-docs", type=int, default=100, help="documents in the ingest profile (0: skip)")
    ap.add_argument("--child", nargs=2, metavar=("TASK", "JSON"), help=argparse.SUPPRESS)
    ap.add_argument("--from-results", type=Path, help="write the report from a results.json of an earlier run")
    ap.add_argument("--quick", action="store_true",
                    help="a run of a few minutes: sizes 200,1000, 100 ingest documents, 10,000-actor network")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.ingest_docs, args.gexf_actors, args.query_timeout = "200,1000", 100, 10_000, 10.0
    if args.child:
        return run_child(*args.child)
    if args.from_results:
        res = _int_keys(json.loads(args.from_results.read_text()))
        saved = argparse.Namespace(**res["args"])
        saved.out = args.out
        write_report(args.out, res, saved)
        return 0
    args.sizes = sorted(int(x) for x in args.sizes.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="tipgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    largest = max(args.sizes)
    total = largest
    res: dict = {"started": time.time(), "loadavg": [os.getloadavg()[0]], "machine": machine()}
    meta = work / "docs.json"
    have = json.loads(meta.read_text()) if args.reuse and meta.is_file() else {}
    if have.get("documents", 0) >= total and have.get("seed") == args.seed:
        res["corpus"] = {"failed": have.get("failed", 0), "extracted_s": None}
    else:
        res["corpus"] = child("corpus", {"work": str(work), "documents": total, "seed": args.seed, "jobs": args.jobs})
        if failed(res["corpus"]):
            print(f"corpus: {failed(res['corpus'])}", file=sys.stderr)
            return 1
    sample = min(args.ingest_docs, total)
    res["ingest"] = {jobs: child("ingest", {"work": str(work), "documents": sample, "jobs": jobs, "runs": args.runs})
                     for jobs in (1, 2)}
    res["load"], res["rdflib_load"], res["queries"], res["rdflib_queries"] = {}, {}, {}, {}
    res["rdflib_sizes"] = args.sizes if args.rdflib_all else args.sizes[:1]
    cases = None
    for n in args.sizes:
        store = str(work / f"store-{n}")
        res["load"][n] = child("load", {"work": str(work), "documents": n, "store": store})
        if n in res["rdflib_sizes"]:
            res["rdflib_load"][n] = child("rdflib_load", {"work": str(work), "documents": n},
                                          timeout=args.peer_timeout * 10)
        # The parameters are chosen on the smallest store (a prefix of the others), so each row
        # of the table is the same question at every size.
        res["queries"][n] = run_queries(store, args.runs, cases, args.query_timeout)
        if cases is None and not failed(res["queries"][n]):
            cases = [(c["name"], c["params"]) for c in res["queries"][n]["cases"]]
        if n in res["rdflib_sizes"]:
            res["rdflib_queries"][n] = child(
                "rdflib_queries", {"work": str(work), "documents": n, "store": store, "runs": args.runs,
                                   "timeout": args.peer_timeout, "cases": cases})
    big = str(work / f"store-{largest}")
    res["delta"] = child("delta", {"work": str(work), "store": big, "runs": args.runs})
    res["whole"] = {n: child("pyshacl_whole", {"work": str(work), "documents": n, "timeout": args.peer_timeout * 5})
                    for n in args.sizes if n <= args.whole_max}
    res["gexf"] = child("gexf", {"store": big, "out": str(work / "network.gexf")})
    if args.gexf_actors:
        try:
            res["gexf50k"] = gexf50k(args.gexf_actors, timeout=1800)
        except Exception as exc:  # a broken parse must not lose the rest of the run
            res["gexf50k"] = {"error": f"{type(exc).__name__}: {exc}"}
    if args.profile_docs:
        res["profile"] = child("profile", {"work": str(work), "documents": min(args.profile_docs, total)})
    res["finished"] = time.time()
    res["loadavg"].append(os.getloadavg()[0])
    res["args"] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    (work / "results.json").write_text(json.dumps(res, indent=1, default=str))
    write_report(args.out, res, args)
    print(f"wrote {args.out} (raw results in {work / 'results.json'})", file=sys.stderr)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
