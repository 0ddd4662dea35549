#!/usr/bin/env python3
"""Growth benchmark: does adding documents stay cheap as the store grows?

    .venv/bin/python benchmarks/growth.py [--sizes 100,1000,5000] [--batch 1000]
        [--work DIR] [--reuse] [--profile] [--out docs/performance.md]

Measured as a data steward works, each step one whole ``tipgraph ingest`` process
(start-up included), timed by ``/usr/bin/time -v`` (wall clock, peak resident set):

* stores of 100, 1,000 and 5,000 synthetic documents (``benchmarks/generate.py
  --seed 7``; built by bulk-loading the N-Quads of the extracted corpus, as
  ``benchmarks/run.py`` does, which is much faster than ingesting them; then their
  reference graphs are brought up to date by the code measured, untimed);
* ingest of ONE seed document (``/work/shared/seeds`` or ``--seed-document``) into each;
* ``--batch`` new documents of the same corpus (those after the largest size) into the
  largest store with ``--jobs 2``, and into a fresh store with ``--jobs 2``.

The load average is recorded before and after every step (the machine is shared).
With ``--profile`` each one-document ingest is run a second time under cProfile and the
functions with the most cumulative time are kept. Results go to ``growth.json`` in the
work folder and, with ``--out``, into the growth section of the performance report
(between the ``growth`` markers; the rest of the file is left as it is).
Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

BEGIN = "<!-- growth {key}: begin (benchmarks/growth.py) -->"
END = "<!-- growth {key}: end -->"
SEEDS = Path("/work/shared/seeds")


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def timed_process(cmd: list[str]) -> dict:
    """Run ``cmd`` under ``/usr/bin/time -v``: wall seconds, peak RSS (MB), exit code, load."""
    load0 = os.getloadavg()
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=_env())
    wall = time.perf_counter() - t0
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    user = re.search(r"User time \(seconds\): ([0-9.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([0-9.]+)", proc.stderr)
    return {
        "wall": wall,
        "peak_mb": int(rss.group(1)) / 1024 if rss else None,
        "cpu": (float(user.group(1)) + float(system.group(1))) if user and system else None,
        "rc": proc.returncode,
        "load_before": load0[0],
        "load_after": os.getloadavg()[0],
        "summary": _summary(proc.stdout),
        "stderr": "" if proc.returncode == 0 else proc.stderr[-800:],
    }


def _summary(stdout: str) -> dict:
    out = {}
    for key in ("documents read", "stored", "refused", "quads written"):
        m = re.search(rf"^\s*{key}\s+(\d+)", stdout, re.M)  # "  stored" is indented under "documents read"
        if m:
            out[key] = int(m.group(1))
    return out


def ingest_cmd(store: Path, paths: list[str], jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "tipgraph.cli", "ingest", *paths, "--store", str(store), "--jobs", str(jobs), "-q"]


def profile_ingest(store: Path, paths: list[str], out: Path, top: int = 25) -> str:
    """cProfile of one ingest process; the ``top`` functions by cumulative time, as text."""
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "tipgraph.cli", "ingest", *paths,
           "--store", str(store), "-q"]
    subprocess.run(cmd, capture_output=True, text=True, env=_env())
    import io

    buf = io.StringIO()
    st = pstats.Stats(str(out), stream=buf)
    # tipgraph's own functions and the store's query calls; imports left out
    st.sort_stats("cumulative").print_stats(r"tipgraph/(?!cli/__main__)|method 'query'|method 'extend'|method 'update'", top)
    prefix = str(ROOT / "src") + "/"
    lines = [ln.replace(prefix, "") for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


def seed_document(given: str | None) -> Path:
    if given:
        return Path(given)
    found = sorted(SEEDS.glob("*.txt"))
    if not found:
        raise SystemExit(f"no seed document in {SEEDS}; pass --seed-document")
    return found[0]


def build_store(work: Path, documents: int, store: Path) -> dict:
    """Bulk-load the first ``documents`` of the corpus into ``store``, then bring its
    reference graphs up to date with the code measured (not timed): a store this version
    of tipgraph ingested into before, so the timed ingest measures a document, not a
    one-time rewrite of the registry left by the corpus run's version."""
    import run

    out = run.child("load", {"work": str(work), "documents": documents, "store": str(store)})
    code = ("import sys; from tipgraph.store import open_store; from tipgraph.reference import "
            "ensure_reference_graphs; s = open_store(sys.argv[1]); ensure_reference_graphs(s); s.close()")
    subprocess.run([sys.executable, "-c", code, str(store)], check=True, env=_env())
    return out


def measure(args) -> dict:
    import generate
    import run

    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    largest = max(args.sizes)
    total = largest + args.batch
    meta = work / "docs.json"
    have = json.loads(meta.read_text()) if args.reuse and meta.is_file() else {}
    res: dict = {"started": time.time(), "loadavg_start": os.getloadavg(), "sizes": args.sizes,
                 "batch": args.batch, "label": args.label}
    if not (have.get("documents", 0) >= total and have.get("seed") == args.seed):
        print(f"{time.strftime('%H:%M:%S')} corpus of {total} documents", file=sys.stderr, flush=True)
        res["corpus"] = run.child("corpus", {"work": str(work), "documents": total, "seed": args.seed, "jobs": 2})
    seed = seed_document(args.seed_document)
    res["seed_document"] = seed.name
    res["one"] = {}
    res["profile"] = {}
    for n in args.sizes:
        store = work / f"growth-store-{n}"
        load = build_store(work, n, store)
        print(f"{time.strftime('%H:%M:%S')} store of {n}: {load.get('quads')} quads; one document", file=sys.stderr,
              flush=True)
        r = timed_process(ingest_cmd(store, [str(seed)]))
        r["quads"] = load.get("quads")
        res["one"][n] = r
        if args.profile:
            # The same document again would be "unchanged": profile a fresh copy of the store.
            shutil.rmtree(store, ignore_errors=True)
            build_store(work, n, store)
            res["profile"][n] = profile_ingest(store, [str(seed)], work / f"growth-{n}.prof")
        if n != largest:
            shutil.rmtree(store, ignore_errors=True)
    new = work / "growth-new"
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir()
    for p in generate.paths(work / "corpus", total)[largest:]:
        shutil.copy2(p, new / p.name)  # copies: ingest does not follow links out of the folder given
    if args.batch:
        print(f"{time.strftime('%H:%M:%S')} {args.batch} documents into the store of {largest}", file=sys.stderr,
              flush=True)
        res["batch_into_largest"] = timed_process(ingest_cmd(work / f"growth-store-{largest}", [str(new)], jobs=2))
        fresh = work / "growth-fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"{time.strftime('%H:%M:%S')} {args.batch} documents into a fresh store", file=sys.stderr, flush=True)
        res["batch_fresh"] = timed_process(ingest_cmd(fresh, [str(new)], jobs=2))
        shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(work / f"growth-store-{largest}", ignore_errors=True)
    res["finished"] = time.time()
    res["loadavg_end"] = os.getloadavg()
    return res


def _s(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s" if v < 10 else f"{v:.0f} s"


def section(res: dict, key: str = "latest") -> str:
    """The growth figures as Markdown."""
    L = [BEGIN.format(key=key), "", f"## Growth: one more document into a store that already holds many ({res.get('label', '')})", ""]
    L.append(f"`benchmarks/growth.py` run of {time.strftime('%Y-%m-%d %H:%M', time.gmtime(res['started']))} UTC, "
             f"{(res['finished'] - res['started']) / 60:.0f} min; load average (1, 5, 15 min) at start "
             + " ".join(f"{x:.2f}" for x in res["loadavg_start"]) + ", at end "
             + " ".join(f"{x:.2f}" for x in res["loadavg_end"]) + ". Each row is one whole `tipgraph ingest` "
             "process (start-up included) timed by `/usr/bin/time -v`; the stores were built by bulk-loading "
             "the extracted N-Quads of `benchmarks/generate.py --seed 7`.")
    L.append("")
    L.append(f"| documents already stored | quads | ingest of one seed document (`{res['seed_document']}`) | "
             "CPU | peak memory | exit | load before / after |")
    L.append("|---:|---:|---:|---:|---:|---:|---|")
    for n in res["sizes"]:
        r = res["one"][str(n)] if str(n) in res["one"] else res["one"][n]
        L.append(f"| {int(n):,} | {r.get('quads') or 0:,} | {_s(r['wall'])} | {_s(r['cpu'])} | "
                 f"{r['peak_mb']:.0f} MB | {r['rc']} | {r['load_before']:.2f} / {r['load_after']:.2f} |")
    L.append("")
    for part, what in (("batch_into_largest", f"{res['batch']:,} new documents into the store of "
                       f"{max(int(x) for x in res['sizes']):,}, `--jobs 2`"),
                      ("batch_fresh", f"the same {res['batch']:,} documents into a fresh store, `--jobs 2`")):
        r = res.get(part)
        if not r:
            continue
        stored = r["summary"].get("stored", 0)
        rate = r["summary"].get("documents read", 0) / r["wall"] if r["wall"] else 0
        L.append(f"- {what}: {_s(r['wall'])} wall ({rate:.1f} documents/s; {stored} stored, "
                 f"{r['summary'].get('refused', 0)} refused), CPU {_s(r['cpu'])}, peak {r['peak_mb']:.0f} MB, "
                 f"exit {r['rc']}, load {r['load_before']:.2f} / {r['load_after']:.2f}")
    L.append("")
    L.append(END.format(key=key))
    return "\n".join(L)


def splice(out: Path, text: str, key: str = "latest") -> None:
    """Put ``text`` in place of the growth section ``key`` of ``out`` (appended when there is none)."""
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    begin, end = BEGIN.format(key=key), END.format(key=key)
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        tail = rest.split(end, 1)[1]
        new = head + text + tail
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    out.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--batch", type=int, default=1000, help="new documents ingested with --jobs 2 (0: skip)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seed-document", help="the one document ingested into each store")
    ap.add_argument("--work", type=Path, default=Path("/tmp/tipgraph-growth"))
    ap.add_argument("--reuse", action="store_true", help="reuse the corpus found in --work")
    ap.add_argument("--profile", action="store_true", help="also profile each one-document ingest (cProfile)")
    ap.add_argument("--label", default="", help="shown in the section title (e.g. 'after the summaries')")
    ap.add_argument("--out", type=Path, help="performance report to put the growth section into")
    ap.add_argument("--key", default="latest", help="which growth section of --out to replace (e.g. before, after)")
    ap.add_argument("--from-results", type=Path, help="write the section from an earlier growth.json")
    args = ap.parse_args(argv)
    if args.from_results:
        res = json.loads(args.from_results.read_text())
    else:
        args.sizes = sorted(int(x) for x in args.sizes.split(","))
        res = measure(args)
        (args.work / "growth.json").write_text(json.dumps(res, indent=1))
    text = section(res, args.key)
    print(text)
    for n, prof in res.get("profile", {}).items():
        print(f"\n### cProfile, store of {n}\n{prof}")
    if args.out:
        splice(args.out, text, args.key)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
