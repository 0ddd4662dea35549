"""Structure of the held-out gold (examples/heldout/gold.yaml).

The held-out corpus measures the extractor on press releases its rules were never
tuned on, so its gold must be sound on its own: every document present, every key
defined, every name it relies on actually read in the document, dates and budgets in
the form the scorer compares (`../shared/eval/score.py`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
import importlib.util
import io
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pycountry
import pytest
import yaml

HELDOUT = Path(__file__).resolve().parents[2] / "examples" / "heldout"
GOLD = HELDOUT / "gold.yaml"
DOCS = HELDOUT / "documents"

MEETING_FIELDS = {"participants", "optional", "pairs", "dates", "optional_dates", "places",
                  "optional_places", "instruments", "optional_instruments"}
PROGRAMME_FIELDS = {"funders", "implementers", "optional", "budget", "duration_months",
                    "regions", "optional_regions"}
DOC_FIELDS = {"meetings", "persons", "programmes", "ratifications", "ignore"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate mapping keys (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@pytest.fixture(scope="module")
def gold() -> dict:
    with GOLD.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_UniqueKeyLoader)


def _fold(text: str) -> str:
    """Fold the way a reader compares names: case, accents kept, quotes and dashes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).casefold()
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"[“”]", '"', text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return re.sub(r"\s+", " ", text)


def _doc_text(name: str) -> str:
    raw = (DOCS / name).read_text(encoding="utf-8")
    if name.endswith((".html", ".htm")):
        raw = re.sub(r"<[^>]+>", " ", raw)
    return _fold(raw)


def _org_keys(org) -> list[str]:
    return org if isinstance(org, list) else [org]


def _keys_by_role(doc: dict) -> dict[str, set[str]]:
    """Every entity key the document's gold names, grouped by the role it plays."""
    roles: dict[str, set[str]] = {"actor": set(), "place": set(), "instrument": set(), "person": set(), "ignore": set()}
    for m in doc.get("meetings") or []:
        roles["actor"] |= set(m.get("participants") or []) | set(m.get("optional") or [])
        roles["place"] |= set(m.get("places") or []) | set(m.get("optional_places") or [])
        roles["instrument"] |= set(m.get("instruments") or []) | set(m.get("optional_instruments") or [])
    for person, org in doc.get("persons") or []:
        roles["person"].add(person)
        roles["actor"] |= set(_org_keys(org))
    for p in doc.get("programmes") or []:
        roles["actor"] |= set(p.get("funders") or []) | set(p.get("implementers") or []) | set(p.get("optional") or [])
        roles["place"] |= set(p.get("regions") or []) | set(p.get("optional_regions") or [])
    for state, instrument in doc.get("ratifications") or []:
        roles["actor"].add(state)
        roles["instrument"].add(instrument)
    roles["ignore"] |= set(doc.get("ignore") or [])
    return roles


def _iso_date_ok(value) -> bool:
    s = str(value)
    try:
        if re.fullmatch(r"\d{4}", s):
            return 1900 <= int(s) <= 2100
        if re.fullmatch(r"\d{4}-\d{2}", s):
            dt.date.fromisoformat(s + "-01")
            return True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            dt.date.fromisoformat(s)
            return True
    except ValueError:
        return False
    return False


def test_top_level_shape(gold):
    assert set(gold) == {"entities", "documents"}
    for key, names in gold["entities"].items():
        assert isinstance(key, str) and re.fullmatch(r"[a-z0-9_]+", key), key
        assert isinstance(names, list) and names, key
        assert all(isinstance(n, str) and n.strip() for n in names), key
        assert len({_fold(n) for n in names}) == len(names), f"{key}: a name is listed twice"
    for name, doc in gold["documents"].items():
        assert set(doc) <= DOC_FIELDS, name
        for m in doc.get("meetings") or []:
            assert set(m) <= MEETING_FIELDS, (name, m)
        for p in doc.get("programmes") or []:
            assert set(p) <= PROGRAMME_FIELDS, (name, p)


def test_every_document_exists_and_every_file_has_gold(gold):
    files = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    assert sorted(gold["documents"]) == files


def test_corpus_mix_and_sizes():
    files = [p for p in DOCS.iterdir() if p.is_file()]
    assert len(files) == 12
    assert Counter(p.suffix for p in files) == {".txt": 9, ".html": 2, ".md": 1}
    for p in files:
        assert 1500 <= p.stat().st_size <= 5000, (p.name, p.stat().st_size)


def test_every_key_is_defined(gold):
    defined = set(gold["entities"])
    for name, doc in gold["documents"].items():
        for role, keys in _keys_by_role(doc).items():
            assert keys <= defined, (name, role, sorted(keys - defined))


def test_every_entity_is_used(gold):
    used = set().union(*(set().union(*_keys_by_role(d).values()) for d in gold["documents"].values()))
    assert set(gold["entities"]) - used == set()


def test_each_named_entity_is_read_in_its_document(gold):
    """Gold must be what the text says: some accepted name of every key occurs in the document."""
    for name, doc in gold["documents"].items():
        text = _doc_text(name)
        for role, keys in _keys_by_role(doc).items():
            for key in keys:
                names = gold["entities"][key]
                assert any(_fold(n) in text for n in names), (name, role, key)


def test_meetings(gold):
    for name, doc in gold["documents"].items():
        for m in doc.get("meetings") or []:
            parts = m["participants"]
            assert len(set(parts)) == len(parts) >= 2, (name, parts)
            assert not set(parts) & set(m.get("optional") or []), (name, "participant also optional")
            pairs = m.get("pairs", "clique")
            assert pairs == "clique" or re.fullmatch(r"star \S+", pairs), (name, pairs)
            if pairs.startswith("star"):
                assert pairs.split()[1] in parts, (name, "star hub must be a participant", pairs)
            for field in ("dates", "optional_dates"):
                for d in m.get(field) or []:
                    assert _iso_date_ok(d), (name, field, d)


def test_dated_meetings_match_the_documents_years(gold):
    """A resolved relative date ('today', 'yesterday') still lies in a year the document states."""
    for name, doc in gold["documents"].items():
        text = _doc_text(name)
        for m in doc.get("meetings") or []:
            for d in m.get("dates") or []:
                assert str(d)[:4] in text, (name, d)


def test_persons_are_people_not_actors_of_meetings(gold):
    person_keys = {p for d in gold["documents"].values() for p, _ in d.get("persons") or []}
    for name, doc in gold["documents"].items():
        for m in doc.get("meetings") or []:
            assert not person_keys & set(m["participants"]), name
        for p in doc.get("programmes") or []:
            assert not person_keys & (set(p.get("funders") or []) | set(p.get("implementers") or [])), name
        for person, org in doc.get("persons") or []:
            assert person not in _org_keys(org), name


def test_no_contact_details_in_gold():
    text = GOLD.read_text(encoding="utf-8")
    assert "@" not in text
    assert not re.search(r"\+\d[\d ]{6,}", text)


def test_budgets_and_durations(gold):
    currencies = {c.alpha_3 for c in pycountry.currencies}
    seen = 0
    for name, doc in gold["documents"].items():
        for p in doc.get("programmes") or []:
            assert p.get("funders") or p.get("implementers"), name
            if "budget" in p:
                amount, cur = p["budget"]
                assert isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount > 0, name
                assert cur in currencies, (name, cur)
                seen += 1
            if "duration_months" in p:
                assert isinstance(p["duration_months"], int) and 0 < p["duration_months"] <= 240, name
    assert seen >= 5


def test_ratifications_pair_a_state_with_an_instrument(gold):
    actors = set().union(*(_keys_by_role(d)["actor"] for d in gold["documents"].values()))
    places = set().union(*(_keys_by_role(d)["place"] for d in gold["documents"].values()))
    for name, doc in gold["documents"].items():
        for pair in doc.get("ratifications") or []:
            assert len(pair) == 2, name
            state, instrument = pair
            assert re.fullmatch(r"[a-z]{2}", state), (name, "state keys are ISO 3166-1 alpha-2", state)
            assert pycountry.countries.get(alpha_2=state.upper()) is not None, (name, state)
            meeting_roles = {k for m in doc.get("meetings") or [] for k in m.get("participants") or []}
            assert instrument not in actors | places | meeting_roles, (name, "not an instrument", instrument)


def _perfect_graph(gold: dict):
    """The graph an ideal extractor would build from the held-out corpus, in the core vocabulary."""
    from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV

    tip = Namespace("https://w3id.org/tipgraph/ontology#")
    ent = Namespace("https://example.org/heldout/entity/")
    ds = Dataset(default_union=True)
    date_types = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
    for n, (name, doc) in enumerate(sorted(gold["documents"].items())):
        g = ds.graph(URIRef(f"https://example.org/heldout/doc/{n}"))
        d = g.identifier
        g.add((d, RDF.type, tip.Document))
        g.add((d, DCTERMS.source, Literal(str(DOCS / name))))

        def node(key: str, g=g, d=d) -> URIRef:
            iri = ent[key]
            g.add((iri, RDFS.label, Literal(gold["entities"][key][0])))
            g.add((iri, PROV.wasDerivedFrom, d))
            return iri

        for i, m in enumerate(doc.get("meetings") or []):
            mt = URIRef(f"{d}/meeting/{i}")
            g.add((mt, RDF.type, tip.Meeting))
            g.add((mt, PROV.wasDerivedFrom, d))
            for k in m["participants"]:
                g.add((mt, tip.participant, node(k)))
            for k in m.get("places") or []:
                g.add((mt, tip.location, node(k)))
            for k in m.get("instruments") or []:
                g.add((mt, tip.underInstrument, node(k)))
            if m.get("dates"):
                s = str(m["dates"][0])
                g.add((mt, tip.date, Literal(s, datatype=date_types[len(s)])))
        for person, org in doc.get("persons") or []:
            p = node(person)
            g.add((p, RDF.type, tip.Person))
            g.add((p, tip.affiliation, node(_org_keys(org)[0])))
        for i, pr in enumerate(doc.get("programmes") or []):
            pt = URIRef(f"{d}/programme/{i}")
            g.add((pt, RDF.type, tip.Programme))
            g.add((pt, PROV.wasDerivedFrom, d))
            for field, prop in (("funders", tip.fundedBy), ("implementers", tip.implementedBy), ("regions", tip.targetRegion)):
                for k in pr.get(field) or []:
                    g.add((pt, prop, node(k)))
            if pr.get("budget"):
                g.add((pt, tip.budgetAmount, Literal(str(pr["budget"][0]), datatype=XSD.decimal)))
                g.add((pt, tip.budgetCurrency, Literal(pr["budget"][1])))
            if pr.get("duration_months"):
                g.add((pt, tip.durationMonths, Literal(pr["duration_months"], datatype=XSD.integer)))
        for state, instrument in doc.get("ratifications") or []:
            g.add((node(state), tip.ratified, node(instrument)))
    return ds


def test_a_perfect_extraction_scores_one(gold, shared_dir, tmp_path):
    """The shared scorer reads this gold as intended: the ideal graph gets F1 = 1 on every kind."""
    spec = importlib.util.spec_from_file_location("heldout_score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    graph_file = tmp_path / "perfect.nq"
    _perfect_graph(gold).serialize(graph_file, format="nquads")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = score.main([str(graph_file), "--gold", str(GOLD), "--json"])
    assert rc == 0
    result = json.loads(out.getvalue())
    assert result["documents_not_found"] == []
    for kind, row in result["kinds"].items():
        assert (row["fp"], row["fn"]) == (0, 0), (kind, row)
        assert row["tp"] > 0, kind
