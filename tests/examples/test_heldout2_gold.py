"""Structure checks for the held-out corpora written in round four and later
(examples/heldout2 and heldout3, development sets since rounds five and six, and
examples/heldout4, a development set since round seven, examples/heldout5, a development set
since round eight, and examples/heldout6, held out).

The gold file is read by ``/work/shared/eval/score.py``; a typo in a key, a date or a
budget would silently turn a fact into a miss, so the format is checked here.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# set name -> expected number of .txt, .html and .md documents (short press releases:
# heldout5's are 1.2-4 KB, the others 1.5-4 KB)
SETS = {"heldout2": (8, 1, 1), "heldout3": (7, 2, 1), "heldout4": (6, 2, 2), "heldout5": (4, 2, 2), "heldout6": (2, 2, 2)}
MIN_SIZE = {"heldout5": 1200, "heldout6": 1200}
KEY_FIELDS_MEETING = ("participants", "optional", "places", "optional_places", "instruments", "optional_instruments")
KEY_FIELDS_PROGRAMME = ("funders", "implementers", "optional", "regions", "optional_regions")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def DOCS(heldout) -> Path:  # noqa: N802 - reads like the constant it replaced
    return EXAMPLES / heldout / "documents"


@pytest.fixture(scope="module")
def gold(heldout) -> dict:
    return yaml.safe_load((EXAMPLES / heldout / "gold.yaml").read_text(encoding="utf-8"))


def used_keys(doc: dict) -> set[str]:
    keys = set(doc.get("ignore", []) or [])
    for m in doc.get("meetings", []) or []:
        for f in KEY_FIELDS_MEETING:
            keys |= set(m.get(f, []) or [])
        pairs = m.get("pairs", "clique")
        if pairs.startswith("star"):
            keys.add(pairs.split()[1])
    for person, org in doc.get("persons", []) or []:
        keys.add(person)
        keys |= set(org if isinstance(org, list) else [org])
    for pr in doc.get("programmes", []) or []:
        for f in KEY_FIELDS_PROGRAMME:
            keys |= set(pr.get(f, []) or [])
    for state, instrument in doc.get("ratifications", []) or []:
        keys |= {state, instrument}
    return keys


def test_top_level_shape(gold):
    assert set(gold) == {"entities", "documents"}
    for key, names in gold["entities"].items():
        assert isinstance(key, str) and key, key
        assert isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names), key


def test_every_document_exists_and_has_the_right_size(heldout, DOCS):
    files = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    txt, htm, md = SETS[heldout]
    assert len(files) == txt + htm + md
    suffixes = [Path(f).suffix for f in files]
    assert (suffixes.count(".txt"), suffixes.count(".html"), suffixes.count(".md")) == (txt, htm, md)
    for f in files:
        size = (DOCS / f).stat().st_size
        assert MIN_SIZE.get(heldout, 1500) <= size <= 4096, (f, size)


def test_gold_covers_exactly_the_documents(gold, DOCS):
    assert set(gold["documents"]) == {p.name for p in DOCS.iterdir() if p.is_file()}


def test_every_key_is_defined_and_every_entity_used(gold):
    entities = set(gold["entities"])
    used: set[str] = set()
    for name, doc in gold["documents"].items():
        keys = used_keys(doc)
        assert keys <= entities, (name, sorted(keys - entities))
        used |= keys
    assert entities <= used, sorted(entities - used)


def test_meetings(gold):
    for name, doc in gold["documents"].items():
        for m in doc.get("meetings", []) or []:
            parts = m["participants"]
            assert len(parts) >= 2 and len(set(parts)) == len(parts), name
            assert not set(parts) & set(m.get("optional", []) or []), name
            pairs = m.get("pairs", "clique")
            assert pairs == "clique" or re.fullmatch(r"star \S+", pairs), (name, pairs)
            if pairs.startswith("star"):
                assert pairs.split()[1] in parts, (name, "star hub must be a participant")
            for d in [*(m.get("dates") or []), *(m.get("optional_dates") or [])]:
                d = str(d)
                assert DATE.match(d), (name, d)
                if len(d) == 10:
                    dt.date.fromisoformat(d)


def test_programmes(gold):
    for name, doc in gold["documents"].items():
        for pr in doc.get("programmes", []) or []:
            assert pr.get("funders") or pr.get("implementers"), name
            if "budget" in pr:
                amount, currency = pr["budget"]
                assert isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount > 0, name
                assert pycountry.currencies.get(alpha_3=currency) is not None, (name, currency)
            if "duration_months" in pr:
                assert isinstance(pr["duration_months"], int) and pr["duration_months"] > 0, name


def test_person_keys_name_people_with_affiliations(gold):
    for name, doc in gold["documents"].items():
        for person, org in doc.get("persons", []) or []:
            orgs = org if isinstance(org, list) else [org]
            assert orgs and person not in orgs, name


def test_accepted_names_do_not_clash_within_a_document(gold):
    """Two entities sharing a name in one document would make the scorer guess."""
    def norm(s: str) -> str:
        return re.sub(r"[^\w]+", " ", s.casefold().replace(".", "").replace("'", "")).strip()

    for name, doc in gold["documents"].items():
        seen: dict[str, str] = {}
        for key in used_keys(doc):
            for n in gold["entities"][key]:
                other = seen.setdefault(norm(n), key)
                assert other == key, (name, n, key, other)


def test_gold_names_appear_in_their_document(gold, DOCS):
    """Every required participant, person and ratifying state is named in the text."""
    for name, doc in gold["documents"].items():
        text = re.sub(r"\s+", " ", (DOCS / name).read_text(encoding="utf-8")).casefold()
        keys = {p for m in doc.get("meetings", []) or [] for p in m["participants"]}
        keys |= {p for p, _ in doc.get("persons", []) or []}
        keys |= {s for s, _ in doc.get("ratifications", []) or []}
        for key in keys:
            names = gold["entities"][key]
            assert any(n.casefold() in text for n in names), (name, key)


def test_scorer_reads_the_gold(gold, shared_dir):
    """The shared scorer indexes the file without error (only when ../shared is present)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    from rdflib import Dataset

    scorer = score.Scorer(gold, score.Graphs(Dataset(default_union=True)))
    scorer.score()
    tp, fp, fn = map(sum, zip(*scorer.counts.values()))
    assert tp == 0 and fp == 0 and fn > 0


def test_no_name_was_split_at_a_comma(gold, DOCS):
    """An unquoted 'Ministry of A, B and C' in a YAML flow list becomes two names."""
    for name, doc in gold["documents"].items():
        text = re.sub(r"\s+", " ", (DOCS / name).read_text(encoding="utf-8"))
        for key in used_keys(doc):
            names = gold["entities"][key]
            for first, second in zip(names, names[1:]):
                assert f"{first}, {second}" not in text, (name, key, first, second)
