#!/usr/bin/env python3
"""Measure the network export on a synthetic store of at least 50,000 actors.

    .venv/bin/python benchmarks/network_export.py [--actors 50000] [--meetings 75000]
        [--store /tmp/tipgraph-network-bench] [--out /tmp/network.gexf] [--seed 7] [--reuse] [--validate]
        [--backend auto|networkx|networkit]

Writes N-Quads in the graph layout of docs/architecture.md (a registry graph with the
actors, one graph per document with two meetings each), bulk-loads them into an
embedded store, then runs what ``tipgraph network -o FILE.gexf`` runs, phase by
phase: fetch from the store, build the co-operation graph, metrics, GEXF. Prints
the wall and CPU time of each phase (CPU: ``time.process_time``, every thread of the
process), the peak resident memory of the process (``resource.getrusage``) and the
load average at the start and the end; ``--backend`` chooses the metrics backend
(``tipgraph.network.metrics_backends``); with ``--validate`` it then checks the GEXF against the
RELAX NG schema in ``../shared/gexf``. Not a test: a measurement (numbers in docs/network.md).

Every actor takes part in at least one meeting; beyond that, participants are drawn
with a Zipf-like popularity (a few hubs, a long tail), as in real news.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TIP = "https://w3id.org/tipgraph/ontology#"
ID = "https://w3id.org/tipgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
MEETING_CLASSES = ["WorkingMeeting", "OfficialVisit", "Conference", "RoundTable", "Training", "Meeting"]
ORG_CLASSES = ["GovernmentBody", "NonGovernmentalOrganization", "IntergovernmentalOrganization",
               "ProsecutionService", "LawEnforcementAgency", "Organization"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lit(text: str, datatype: str | None = None) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"' + (f"^^<{datatype}>" if datatype else "")


def generate(path: Path, actors: int, meetings: int, seed: int) -> dict:
    """Write the synthetic N-Quads; return counts."""
    rng = random.Random(seed)
    registry = f"<{ID}graph/registry>"
    n_states = 200
    n_persons = actors // 5
    n_orgs = actors - n_states - n_persons
    states = [f"{ID}state/s{i:03d}" for i in range(n_states)]
    orgs = [f"{ID}org/o{i:06d}" for i in range(n_orgs)]
    persons = [f"{ID}person/p{i:06d}" for i in range(n_persons)]
    instruments = [f"{ID}instrument/i{i:03d}" for i in range(60)]
    everyone = states + orgs + persons
    # Zipf-like popularity for the draws beyond the first participant.
    cum_weights = list(__import__("itertools").accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(everyone))))
    shuffled = everyone[:]
    rng.shuffle(shuffled)
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        def q(s, p, o, g):
            nonlocal quads
            out.write(f"<{s}> <{p}> {o} {g} .\n")
            quads += 1

        for i, s in enumerate(states):
            q(s, RDF_TYPE, f"<{TIP}State>", registry)
            q(s, RDFS_LABEL, lit(f"State {i:03d}"), registry)
            q(s, TIP + "isoCode", lit(f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}"), registry)
        for i, o in enumerate(orgs):
            q(o, RDF_TYPE, f"<{TIP}{rng.choice(ORG_CLASSES)}>", registry)
            q(o, RDF_TYPE, f"<{TIP}Organization>", registry)  # the core class, as every node has
            q(o, RDFS_LABEL, lit(f"Organization {i:06d}"), registry)
            if rng.random() < 0.6:
                q(o, TIP + "partOf", f"<{rng.choice(states)}>", registry)
        for i, p in enumerate(persons):
            q(p, RDF_TYPE, f"<{TIP}Person>", registry)
            q(p, RDFS_LABEL, lit(f"Person {i:06d}"), registry)
            q(p, TIP + "affiliation", f"<{rng.choice(orgs)}>", registry)
        for i, ins in enumerate(instruments):
            q(ins, RDF_TYPE, f"<{TIP}LegalInstrument>", registry)
            q(ins, RDFS_LABEL, lit(f"Instrument {i:03d}"), registry)

        start = date(2005, 1, 1)
        for m in range(meetings):
            doc = f"{ID}document/d{m // 2:06d}"
            g = f"<{doc}>"
            if m % 2 == 0:
                q(doc, RDF_TYPE, f"<{TIP}Document>", g)
                q(doc, "http://purl.org/dc/terms/source", lit(f"/bench/d{m // 2:06d}.html"), g)
            iri = f"{ID}meeting/m{m:06d}"
            q(iri, RDF_TYPE, f"<{TIP}{rng.choice(MEETING_CLASSES)}>", g)
            q(iri, RDF_TYPE, f"<{TIP}Meeting>", g)  # the core class, as every node has
            size = rng.choice((2, 2, 3, 3, 4, 5, 6))
            members = {shuffled[m % len(shuffled)]} if m < len(shuffled) else set()
            while len(members) < size:
                members.add(rng.choices(everyone, cum_weights=cum_weights, k=1)[0])
            for a in sorted(members):
                q(iri, TIP + "participant", f"<{a}>", g)
            day = start + timedelta(days=rng.randrange(365 * 20))
            precision = rng.random()
            if precision < 0.8:
                q(iri, TIP + "date", lit(day.isoformat(), XSD + "date"), g)
            elif precision < 0.95:
                q(iri, TIP + "date", lit(day.isoformat()[:7], XSD + "gYearMonth"), g)
            if rng.random() < 0.5:
                q(iri, TIP + "underInstrument", f"<{rng.choice(instruments)}>", g)
            q(iri, PROV_DERIVED, g, g)
    return {"actors": len(everyone), "meetings": meetings, "quads": quads}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=50_000)
    ap.add_argument("--meetings", type=int, default=75_000)
    ap.add_argument("--store", type=Path, default=Path("/tmp/tipgraph-network-bench"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/tipgraph-network-bench.gexf"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reuse", action="store_true", help="reuse an existing --store")
    ap.add_argument("--backend", default="auto", choices=("auto", "networkx", "networkit"),
                    help="metrics backend (default auto: networkit when installed)")
    ap.add_argument("--validate", action="store_true",
                    help="also validate the GEXF with RELAX NG (lxml: minutes and GBs at 50k actors)")
    args = ap.parse_args()
    if args.meetings < args.actors:
        ap.error("--meetings must be at least --actors, so that every actor meets someone")

    from rdflib import Graph

    from tipgraph.namespaces import ONTOLOGY_GRAPH
    from tipgraph.network import build_selection, compute_metrics, load_network_data, Selection
    from tipgraph.network.gexf import write_gexf
    from tipgraph.resources import ontology_files
    from tipgraph.store.embedded import EmbeddedStore

    phases: list[tuple[str, float, float, float]] = []
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    cpu0 = time.process_time()

    def phase(name: str, t0: float) -> None:
        nonlocal cpu0
        cpu = time.process_time()
        phases.append((name, time.perf_counter() - t0, cpu - cpu0, peak_rss_mb()))
        cpu0 = cpu
        print(f"{name:<28} {phases[-1][1]:8.2f} s   CPU {phases[-1][2]:7.2f} s   peak RSS {phases[-1][3]:7.0f} MB",
              flush=True)

    def start() -> float:
        nonlocal cpu0
        cpu0 = time.process_time()
        return time.perf_counter()

    if not (args.reuse and args.store.exists()):
        shutil.rmtree(args.store, ignore_errors=True)
        nq = args.store.with_suffix(".nq")
        t0 = start()
        counts = generate(nq, args.actors, args.meetings, args.seed)
        phase("generate N-Quads", t0)
        print(f"  {counts}")
        t0 = start()
        store = EmbeddedStore(args.store)
        store.ox_store.bulk_load(path=str(nq), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        onto = Graph()
        for f in ontology_files():
            onto.parse(f, format="turtle")
        store.replace_graphs({ONTOLOGY_GRAPH: list(onto)})
        store.close()
        nq.unlink()
        phase("bulk load into the store", t0)

    store = EmbeddedStore(args.store, read_only=True)
    t0 = start()
    data = load_network_data(store)
    phase("fetch (SPARQL SELECTs)", t0)
    print(f"  {len(data.actors)} actors, {len(data.meetings)} meetings")
    t0 = start()
    # Every kind of actor as a node (persons too), so the network has all the actors.
    G = build_selection(store, Selection(kinds=frozenset({"organization", "state", "person"})), data=data)
    phase("build co-operation graph", t0)
    print(f"  {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    t0 = start()
    compute_metrics(G, backend=args.backend)
    phase("metrics", t0)
    print(f"  {G.graph['metrics_backend']}: betweenness {G.graph['betweenness']}; {G.graph['communities']} communities")
    t0 = start()
    write_gexf(G, str(args.out))
    phase("write GEXF", t0)
    print(f"  {args.out} {args.out.stat().st_size / 1e6:.1f} MB")
    export_peak = peak_rss_mb()
    t0 = start()
    G2 = build_selection(store, Selection(ego=f"{ID}org/o000000", depth=2), data=data)
    phase("ego network (depth 2)", t0)
    print(f"  {G2.number_of_nodes()} nodes, {G2.number_of_edges()} edges")
    store.close()

    rng_path = ROOT.parent / "shared" / "gexf" / "1.3" / "gexf.rng"
    if args.validate and rng_path.is_file():
        from lxml import etree

        t0 = start()
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        schema = etree.RelaxNG(etree.parse(str(rng_path), parser))
        ok = schema.validate(etree.parse(str(args.out), parser))
        phase("RELAX NG validation", t0)
        print(f"  valid GEXF 1.3: {ok}")
        if not ok:
            print(schema.error_log)
            sys.exit(1)
    export = ("fetch (SPARQL SELECTs)", "build co-operation graph", "metrics", "write GEXF")
    total = sum(t for name, t, _, _ in phases if name in export)
    total_cpu = sum(c for name, _, c, _ in phases if name in export)
    print(f"export total (fetch + build + metrics + GEXF): {total:.1f} s, CPU {total_cpu:.1f} s; peak RSS of the "
          f"export {export_peak:.0f} MB")
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
