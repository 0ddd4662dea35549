"""Latency of `tipgraph serve` over HTTP: /sparql and /api/queries/who-met-whom.

Not a test. It starts `tipgraph serve` on an existing store in its own process (as
an analyst would), waits until it answers, then sends each request once to warm up
and ``--repeat`` more times, one at a time, from this process over loopback, and
prints the median, fastest and slowest wall time of each (request and response,
JSON included) as a Markdown table. The server is stopped by its process id.

    .venv/bin/python benchmarks/generate.py --documents 1000 --out /tmp/corpus
    .venv/bin/tipgraph ingest /tmp/corpus --store /tmp/store-1000 -q -j 2
    .venv/bin/python benchmarks/serve_latency.py --store /tmp/store-1000 [--repeat 10]
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CASES = [
    ("/sparql ASK", "/sparql", {"query": "ASK { ?m a tip:Meeting }"}, "application/sparql-results+json"),
    ("/sparql 20 latest meetings", "/sparql", {"query": (
        "SELECT ?m ?label ?date WHERE { ?m a tip:Meeting ; rdfs:label ?label . OPTIONAL { ?m tip:date ?date } } "
        "ORDER BY DESC(?date) LIMIT 20")}, "application/sparql-results+json"),
    ("/sparql meetings per year (GROUP BY)", "/sparql", {"query": (
        "SELECT ?year (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a tip:Meeting ; tip:date ?d "
        "BIND(SUBSTR(STR(?d), 1, 4) AS ?year) } GROUP BY ?year ORDER BY ?year")}, "text/csv"),
    ("/sparql CONSTRUCT one actor", "/sparql", {"query": (
        "CONSTRUCT { <https://w3id.org/tipgraph/id/org/iom> ?p ?o } WHERE { <https://w3id.org/tipgraph/id/org/iom> ?p ?o }")},
     "text/turtle"),
    ("/api/queries/who-met-whom (all pairs)", "/api/queries/who-met-whom", {}, "application/json"),
    ("/api/queries/who-met-whom?actor=IOM", "/api/queries/who-met-whom", {"actor": "IOM"}, "application/json"),
    ("/api/queries/who-met-whom?actor=IOM&from=2018 (CSV)", "/api/queries/who-met-whom",
     {"actor": "IOM", "from": "2018"}, "text/csv"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base: str, path: str, params: dict, accept: str) -> tuple[int, int]:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, len(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, len(exc.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--row-limit", type=int, default=100_000)
    args = parser.parse_args()

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen(
        [sys.executable, "-c", "from tipgraph.cli import main; main()", "serve", "--store", args.store,
         "--port", str(port), "--row-limit", str(args.row_limit), "--query-timeout", "120"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(base, "/api/queries", {}, "application/json")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("the server did not start")
            time.sleep(0.2)
        print(f"store {args.store}; {args.repeat} runs after one warm-up; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print("| request | status | bytes | median | fastest | slowest |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, path, params, accept in CASES:
            status, size = fetch(base, path, params, accept)
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                fetch(base, path, params, accept)
                times.append(time.perf_counter() - start)
            print(f"| `{name}` | {status} | {size} | {statistics.median(times) * 1000:.0f} ms | "
                  f"{min(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms |", flush=True)
        print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
