"""Structure and consistency of the sample corpus (examples/documents) and its gold file.

The gold file is what the extractor is scored against (../shared/eval/score.py), so a typo in
it silently turns a right answer into a wrong one. These checks catch such typos: keys that
are not defined, star hubs that did not take part, dates and budgets the scorer cannot read,
accepted names that never occur in the document they are used for, and names that two
entities of one document share (the scorer could then not tell them apart).
"""
from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from pathlib import Path

import pycountry
import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DOCS = EXAMPLES / "documents"
GOLD = EXAMPLES / "gold.yaml"

MEETING_FIELDS = {"participants", "optional", "pairs", "dates", "optional_dates", "places",
                  "optional_places", "instruments", "optional_instruments"}
MEETING_KEY_FIELDS = ("participants", "optional", "places", "optional_places", "instruments",
                      "optional_instruments")
PROGRAMME_FIELDS = {"funders", "implementers", "optional", "budget", "duration_months",
                    "regions", "optional_regions"}
PROGRAMME_KEY_FIELDS = ("funders", "implementers", "optional", "regions", "optional_regions")
DOC_FIELDS = {"meetings", "persons", "programmes", "ratifications", "ignore"}


def norm(name: str) -> str:
    """The scorer's name folding (../shared/eval/score.py), so that checks agree with it."""
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = re.sub(r"[’‘`´]", "'", s)
    s = s.replace(".", "").replace("'", "")
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def decode(raw: bytes) -> str:
    """Decode the way a reader must: BOM first, then UTF-8, then the Cyrillic code page."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def plain_text(path: Path) -> str:
    text = decode(path.read_bytes())
    if path.suffix == ".html":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def fact_keys(doc: dict) -> set[str]:
    """Every entity key a document's facts name (not its ignore list)."""
    keys: set[str] = set()
    for m in doc.get("meetings") or []:
        for f in MEETING_KEY_FIELDS:
            keys |= set(m.get(f) or [])
        if str(m.get("pairs", "clique")).startswith("star"):
            keys.add(m["pairs"].split()[1])
    for person, org in doc.get("persons") or []:
        keys |= {person, *as_list(org)}
    for p in doc.get("programmes") or []:
        for f in PROGRAMME_KEY_FIELDS:
            keys |= set(p.get(f) or [])
    for state, instrument in doc.get("ratifications") or []:
        keys |= {state, instrument}
    return keys


def test_top_level(gold):
    assert set(gold) == {"entities", "documents"}
    assert isinstance(gold["entities"], dict) and isinstance(gold["documents"], dict)


def test_entities_have_distinct_string_names(gold):
    for key, names in gold["entities"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
        assert isinstance(names, list) and names, key
        assert all(isinstance(n, str) and n.strip() for n in names), key
        assert len({norm(n) for n in names}) == len(names), f"{key}: a name is repeated"
        for n in names:
            assert "@" not in n and not re.search(r"\+?\d[\d ]{7,}", n), f"{key}: contact data {n!r}"


def test_every_listed_document_exists_and_every_document_is_listed(gold):
    on_disk = {p.name for p in DOCS.iterdir() if p.is_file()}
    assert set(gold["documents"]) == on_disk


def test_document_fields(gold):
    for name, doc in gold["documents"].items():
        assert set(doc) <= DOC_FIELDS, name
        for m in doc.get("meetings") or []:
            assert set(m) <= MEETING_FIELDS, name
            assert len(set(m["participants"])) >= 2, f"{name}: a meeting needs two participants"
        for p in doc.get("programmes") or []:
            assert set(p) <= PROGRAMME_FIELDS, name
            assert p.get("funders") or p.get("implementers") or p.get("optional"), name


def test_every_key_is_defined(gold):
    defined = set(gold["entities"])
    for name, doc in gold["documents"].items():
        missing = (fact_keys(doc) | set(doc.get("ignore") or [])) - defined
        assert not missing, f"{name}: undefined keys {sorted(missing)}"


def test_every_defined_entity_is_used(gold):
    used = set()
    for doc in gold["documents"].values():
        used |= fact_keys(doc) | set(doc.get("ignore") or [])
    assert not set(gold["entities"]) - used


def test_pairs_and_star_hubs(gold):
    for name, doc in gold["documents"].items():
        for m in doc.get("meetings") or []:
            pairs = str(m.get("pairs", "clique"))
            if pairs == "clique":
                continue
            kind, hub = pairs.split()
            assert kind == "star", f"{name}: pairs must be 'clique' or 'star KEY'"
            assert hub in m["participants"], f"{name}: star hub {hub} is not a participant"


def test_dates_are_iso_at_some_precision(gold):
    for name, doc in gold["documents"].items():
        for m in doc.get("meetings") or []:
            for d in (m.get("dates") or []) + (m.get("optional_dates") or []):
                s = str(d)
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s), f"{name}: {s!r}"
                if len(s) == 10:
                    dt.date.fromisoformat(s)
                elif len(s) == 7:
                    assert 1 <= int(s[5:]) <= 12, f"{name}: {s!r}"


def test_budgets_durations_and_pairs_of_keys(gold):
    for name, doc in gold["documents"].items():
        for p in doc.get("programmes") or []:
            if "budget" in p:
                amount, currency = p["budget"]
                assert isinstance(amount, (int, float)) and amount > 0, name
                assert pycountry.currencies.get(alpha_3=currency) is not None, f"{name}: {currency}"
            if "duration_months" in p:
                assert isinstance(p["duration_months"], int) and p["duration_months"] > 0, name
        for r in doc.get("ratifications") or []:
            assert len(r) == 2 and all(isinstance(k, str) for k in r), name
        for person in doc.get("persons") or []:
            assert len(person) == 2 and isinstance(person[0], str), name


def test_persons_are_not_participants_or_organisations(gold):
    """A person stands for an organisation in a meeting; gold never lists the person itself."""
    for name, doc in gold["documents"].items():
        persons = {p for p, _ in doc.get("persons") or []}
        orgs = {o for _, org in doc.get("persons") or [] for o in as_list(org)}
        assert not persons & orgs, name
        for m in doc.get("meetings") or []:
            assert not persons & set(m["participants"] + (m.get("optional") or [])), name


def test_ignored_keys_name_no_fact(gold):
    for name, doc in gold["documents"].items():
        assert not set(doc.get("ignore") or []) & fact_keys(doc), name


def test_no_two_entities_of_a_document_share_a_name(gold):
    entities = gold["entities"]
    for name, doc in gold["documents"].items():
        seen: dict[str, str] = {}
        for key in sorted(fact_keys(doc) | set(doc.get("ignore") or [])):
            for n in entities[key]:
                other = seen.setdefault(norm(n), key)
                assert other == key, f"{name}: {n!r} names both {other} and {key}"


def test_every_key_is_named_in_its_document(gold):
    """Each entity a document's gold uses occurs in it under an accepted name.

    The one exception is a body named only through its official's post ("Foreign Minister
    X", "the Ambassador of Canada, Y"): an affiliation of a named person of the document.
    """
    entities = gold["entities"]
    for name, doc in gold["documents"].items():
        text = plain_text(DOCS / name)
        haystacks = [f" {norm(t)} " for t in (text, re.sub(r"['’]s\b", "", text))]

        def named(key: str, haystacks: list[str] = haystacks) -> bool:
            return any(f" {norm(n)} " in h for n in entities[key] for h in haystacks)

        via_person = {o for p, org in doc.get("persons") or [] if named(p) for o in as_list(org)}
        for key in fact_keys(doc) | set(doc.get("ignore") or []):
            assert named(key) or key in via_person, \
                f"{name}: no accepted name of {key} occurs in the text"


def test_corpus_composition():
    files = sorted(p for p in DOCS.iterdir() if p.is_file())
    assert len(files) >= 18
    by_suffix = {s: [f for f in files if f.suffix == s] for s in (".txt", ".html", ".md")}
    assert len(by_suffix[".html"]) >= 3 and len(by_suffix[".md"]) >= 2
    assert sum(len(v) for v in by_suffix.values()) == len(files)
    raws = {f.name: f.read_bytes() for f in files}
    assert any(r.startswith((b"\xff\xfe", b"\xfe\xff")) for r in raws.values()), "no UTF-16 file"
    cp1251 = [n for n, r in raws.items() if not r.startswith((b"\xff", b"\xfe")) and not _utf8(r)]
    assert cp1251, "no cp1251 file"
    for n in cp1251:
        assert re.search("[А-Яа-я]", raws[n].decode("cp1251")), f"{n}: no Cyrillic in the cp1251 file"
    for f in files:
        size = len(plain_text(f).encode("utf-8"))
        assert 1000 <= size <= 6500, f"{f.name}: {size} bytes of text"


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


WINDOW = 16


@pytest.mark.shared
def test_no_sentence_is_copied_from_the_seeds(shared_dir):
    """The corpus is written in the project's own words: no long run of a seed text occurs in it.

    The window is longer than the longest official title the texts share (the Palermo
    Protocol's full name is 13 words), since names are facts, not sentences.
    """
    corpus = " ".join(norm(plain_text(f)) for f in DOCS.iterdir() if f.is_file())
    for seed in sorted((shared_dir / "seeds").iterdir()):
        words = norm(seed.read_text(encoding="utf-8")).split()
        for i in range(0, max(len(words) - WINDOW, 0)):
            run = " ".join(words[i:i + WINDOW])
            assert run not in corpus, f"{seed.name}: {run!r}"
