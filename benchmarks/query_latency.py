"""Latency of every stored query on a synthetic graph of at least a million quads.

Not a test: it generates a graph in tipgraph's layout (a registry graph, one named
graph per document with meetings, planned meetings, programmes, persons and
ratifications; ~75 quads a document), bulk-loads it into an embedded store, and
times each stored query through ``run_query`` (name lookup included): one warm-up,
then the median of ``--repeat`` runs.

    .venv/bin/python benchmarks/query_latency.py --docs 14000 [--store DIR] [--keep]
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tipgraph.queries import load_catalogue, run_query  # noqa: E402
from tipgraph.resources import ontology_files  # noqa: E402
from tipgraph.store.embedded import EmbeddedStore  # noqa: E402

T = "https://w3id.org/tipgraph/ontology#"
I = "https://w3id.org/tipgraph/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
TITLE = "<http://purl.org/dc/terms/title>"
ISSUED = "<http://purl.org/dc/terms/issued>"
PUBLISHER = "<http://purl.org/dc/terms/publisher>"
XSD = "http://www.w3.org/2001/XMLSchema#"
MEETING_TYPES = ["Meeting", "WorkingMeeting", "OfficialVisit", "Conference", "RoundTable", "Training",
                 "SigningCeremony", "RegionalDiscussion"]


def t(local: str) -> str:
    return f"<{T}{local}>"


def i(path: str) -> str:
    return f"<{I}{path}>"


def lit(text: str, datatype: str | None = None) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


def generate(docs: int, seed: int = 7):
    """Yield N-Quads lines."""
    rnd = random.Random(seed)
    states = [(f"state/s{k}", f"State {k}", f"S{k:02d}"[-2:]) for k in range(150)]
    orgs = [(f"org/o{k}", f"Organization number {k}", f"ORG{k}") for k in range(3000)]
    orgs[0] = ("org/iom", "International Organization for Migration", "IOM")
    persons = [(f"person/p{k}", f"Person {k}") for k in range(4000)]
    places = [(f"place/c{k}", f"City {k}", states[k % len(states)][0]) for k in range(1500)]
    instruments = [(f"instrument/n{k}", f"Instrument {k}", f"INS{k}") for k in range(400)]
    instruments[0] = ("instrument/palermo", "Protocol to Prevent, Suppress and Punish Trafficking in Persons", "Palermo Protocol")
    reg = i("graph/registry")
    for iri, label, code in states:
        yield f"{i(iri)} {RDF_TYPE} {t('State')} {reg} .\n{i(iri)} {LABEL} {lit(label)} {reg} .\n{i(iri)} {t('isoCode')} {lit(code)} {reg} .\n"
    for iri, label, acro in orgs:
        yield f"{i(iri)} {RDF_TYPE} {t('Organization')} {reg} .\n{i(iri)} {LABEL} {lit(label)} {reg} .\n{i(iri)} {ALT} {lit(acro)} {reg} .\n"
    for iri, label, acro in instruments:
        yield f"{i(iri)} {RDF_TYPE} {t('LegalInstrument')} {reg} .\n{i(iri)} {LABEL} {lit(label)} {reg} .\n{i(iri)} {ALT} {lit(acro)} {reg} .\n"
    # Popular actors meet more often (a skewed network, like the real one).
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(orgs))]
    for d in range(docs):
        doc = f"document/doc{d}"
        g = i(doc)
        out = []
        add = out.append
        year = 2005 + d % 18
        day = f"{year}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        add(f"{g} {RDF_TYPE} {t('Document')} {g} .")
        add(f"{g} {TITLE} {lit(f'Press release {d}')} {g} .")
        add(f"{g} {ISSUED} {lit(day, 'date')} {g} .")
        publisher = orgs[rnd.randrange(50)][0]
        add(f"{g} {PUBLISHER} {i(publisher)} {g} .")
        mentioned = set()
        for m in range(rnd.choice([1, 1, 2])):
            node = i(f"meeting/{d}-{m}")
            mtype = rnd.choice(MEETING_TYPES)
            add(f"{node} {RDF_TYPE} {t(mtype)} {g} .")
            add(f"{node} {LABEL} {lit(f'Meeting {d}-{m}')} {g} .")
            parts = set(rnd.choices(range(len(orgs)), weights, k=rnd.randint(2, 5)))
            for k in parts:
                add(f"{node} {t('participant')} {i(orgs[k][0])} {g} .")
                mentioned.add(orgs[k])
            state = states[rnd.randrange(len(states))]
            add(f"{node} {t('participant')} {i(state[0])} {g} .")
            organizer = orgs[min(parts)][0]
            add(f"{node} {t('organizer')} {i(organizer)} {g} .")
            precision = rnd.random()
            date = lit(day, "date") if precision < 0.7 else lit(day[:7], "gYearMonth") if precision < 0.9 else lit(day[:4], "gYear")
            add(f"{node} {t('date')} {date} {g} .")
            place = places[rnd.randrange(len(places))]
            add(f"{node} {t('location')} {i(place[0])} {g} .")
            add(f"{i(place[0])} {RDF_TYPE} {t('Place')} {g} .\n{i(place[0])} {LABEL} {lit(place[1])} {g} .\n{i(place[0])} {t('partOf')} {i(place[2])} {g} .")
            ins = instruments[min(int(rnd.expovariate(0.05)), len(instruments) - 1)]
            add(f"{node} {t('underInstrument')} {i(ins[0])} {g} .")
            add(f"{i(ins[0])} {RDF_TYPE} {t('LegalInstrument')} {g} .\n{i(ins[0])} {LABEL} {lit(ins[1])} {g} .")
            add(f"{node} {t('evidence')} {lit(f'Sentence about meeting {d}-{m}.')} {g} .")
            add(f"{node} {DERIVED} {g} {g} .")
        if rnd.random() < 0.3:
            node = i(f"planned-meeting/{d}")
            add(f"{node} {RDF_TYPE} {t('PlannedMeeting')} {g} .")
            for k in rnd.sample(range(200), 2):
                add(f"{node} {t('plannedParticipant')} {i(orgs[k][0])} {g} .")
        if rnd.random() < 0.35:
            node = i(f"programme/{d}")
            funder, impl = orgs[rnd.randrange(100)], orgs[rnd.randrange(len(orgs))]
            add(f"{node} {RDF_TYPE} {t('Programme')} {g} .\n{node} {LABEL} {lit(f'Programme {d}')} {g} .")
            add(f"{node} {t('fundedBy')} {i(funder[0])} {g} .\n{node} {t('implementedBy')} {i(impl[0])} {g} .")
            add(f"{node} {t('budgetAmount')} {lit(str(rnd.randrange(10, 5000) * 1000), 'decimal')} {g} .")
            add(f"{node} {t('budgetCurrency')} {lit(rnd.choice(['EUR', 'USD', 'CHF']))} {g} .")
            add(f"{node} {t('targetRegion')} {i(states[rnd.randrange(len(states))][0])} {g} .")
            add(f"{node} {t('evidence')} {lit('A sentence about money.')} {g} .\n{node} {DERIVED} {g} {g} .")
            mentioned.update([funder, impl])
        for _ in range(rnd.randint(0, 2)):
            p = persons[rnd.randrange(len(persons))]
            org = orgs[rnd.randrange(len(orgs))]
            node = i(p[0])
            add(f"{node} {RDF_TYPE} {t('Person')} {g} .\n{node} {LABEL} {lit(p[1])} {g} .")
            add(f"{node} {t('title')} {lit('Head of Department')} {g} .\n{node} {t('affiliation')} {i(org[0])} {g} .")
            add(f"{node} {t('evidence')} {lit('A sentence about a post.')} {g} .\n{node} {DERIVED} {g} {g} .")
            mentioned.add(org)
        if rnd.random() < 0.1:
            st, ins = states[rnd.randrange(len(states))], instruments[rnd.randrange(20)]
            add(f"{i(st[0])} {t('ratified')} {i(ins[0])} {g} .")
        for iri, label, acro in mentioned:
            add(f"{i(iri)} {RDF_TYPE} {t('Organization')} {g} .\n{i(iri)} {LABEL} {lit(label)} {g} .\n{i(iri)} {ALT} {lit(acro)} {g} .")
        yield "\n".join(out) + "\n"


#: Parameters for each query in the run (names resolved by label, as an analyst types them).
CASES = [
    ("who-met-whom", {}),
    ("who-met-whom", {"actor": "IOM"}),
    ("who-met-whom", {"actor": "IOM", "from": "2015", "to": "2016-06"}),
    ("who-met-whom", {"instrument": "Palermo Protocol"}),
    ("who-met-whom", {"country": "State 3"}),
    ("meetings-under-instrument", {"instrument": "Palermo Protocol"}),
    ("actor-profile", {"actor": "IOM"}),
    ("actor-profile", {"actor": "ORG1500"}),
    ("funding-by-funder", {}),
    ("funding-by-funder", {"funder": "ORG5"}),
    ("programmes-in-region", {"region": "State 7"}),
    ("ratifications", {}),
    ("ratifications", {"instrument": "Palermo Protocol"}),
    ("cooperation-timeline", {}),
    ("cooperation-timeline", {"actor": "IOM"}),
    ("people-of-organization", {"organization": "ORG42"}),
    ("instruments-of-actor", {"actor": "IOM"}),
    ("documents-about-actor", {"actor": "ORG1500"}),
    ("most-connected-actors", {}),
    ("possible-duplicates", {}),
    ("facts-without-evidence", {}),
]


def time_case(store, name, params, repeat):
    run_query(store, name, **params)  # warm-up
    times = []
    rows = 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(run_query(store, name, **params).rows)
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=14000, help="documents to generate (~75 quads each)")
    parser.add_argument("--store", type=Path, help="store folder (reused when it exists)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep a temporary store")
    args = parser.parse_args()

    folder = args.store or Path(tempfile.mkdtemp(prefix="tipgraph-bench-")) / "store"
    fresh = not folder.exists()
    store = EmbeddedStore(folder)
    if fresh:
        start = time.perf_counter()
        data = "".join(generate(args.docs)).encode()
        store.ox_store.bulk_load(data, format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        from pyoxigraph import NamedNode, RdfFormat

        for path in ontology_files():
            store.ox_store.bulk_load(path=str(path), format=RdfFormat.TURTLE, to_graph=NamedNode(I + "graph/ontology"))
        store.ox_store.optimize()
        print(f"generated and loaded in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    quads = len(store.ox_store)
    print(f"store: {folder}, {quads:,} quads, {args.docs:,} documents\n")
    print("| query | parameters | rows | median ms |")
    print("|---|---|---:|---:|")
    catalogue = load_catalogue()
    covered = {name for name, _ in CASES}
    missing = sorted(set(catalogue) - covered)
    for name, params in CASES + [(m, {}) for m in missing]:
        seconds, rows = time_case(store, name, params, args.repeat)
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "-"
        print(f"| {name} | {shown} | {rows} | {seconds * 1000:.0f} |", flush=True)

    # Meeting test: the class path through the ontology vs. a VALUES list of classes.
    text = catalogue["who-met-whom"].text
    path_form = "?meeting a ?meetingClass . ?meetingClass rdfs:subClassOf* tip:Meeting ."
    values_form = ("FILTER EXISTS { ?meeting a ?mc . FILTER(?mc IN (" + ", ".join(f"tip:{c}" for c in MEETING_TYPES) + ")) }")
    assert path_form in text
    for label, q in (("a ?c . ?c rdfs:subClassOf*", text), ("IN list of classes", text.replace(path_form, values_form))):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            n = len(store.select(q).rows)
            times.append(time.perf_counter() - start)
        print(f"\nwho-met-whom, meeting test as {label}: {statistics.median(times) * 1000:.0f} ms ({n} rows)")
    store.close()
    if not args.store and not args.keep:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
