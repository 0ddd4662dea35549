"""Structure of the corpus written from real pages: part a (examples/corpus/dev-a and
heldout-a, Europe, Central Asia and Africa; sources in examples/corpus/SOURCES-a.md),
part c (examples/corpus/heldout-c, the held-out part of round ten, all six regions; sources in
examples/corpus/SOURCES-c.md) and part d (examples/corpus/heldout-d, held out: Europe, Central
Asia, Americas, Asia-Pacific and global pages; sources in examples/corpus/SOURCES-d.md).

The gold files are read by ``/work/shared/eval/score.py``: an undefined key, a date or a
budget it cannot read, or an accepted name that never occurs in its document silently
turns a right answer into a wrong one. These checks catch such slips, and keep the split,
the sources list and the absence of contact data honest.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pycountry
import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
SETS = ("dev-a", "heldout-a", "heldout-c", "heldout-d")
SOURCES = CORPUS / "SOURCES-a.md"
SOURCES_C = CORPUS / "SOURCES-c.md"
SOURCES_D = CORPUS / "SOURCES-d.md"
REGIONS = {"Europe", "Central Asia", "Africa", "Middle East", "Asia-Pacific", "Americas"}
MEETING_FIELDS = {"participants", "optional", "pairs", "dates", "optional_dates", "places",
                  "optional_places", "instruments", "optional_instruments"}
MEETING_KEYS = ("participants", "optional", "places", "optional_places", "instruments",
                "optional_instruments")
PROGRAMME_FIELDS = {"funders", "implementers", "optional", "budget", "duration_months",
                    "regions", "optional_regions"}
PROGRAMME_KEYS = ("funders", "implementers", "optional", "regions", "optional_regions")
DOC_FIELDS = {"meetings", "persons", "programmes", "ratifications", "ignore"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def norm(name: str) -> str:
    """The scorer's name folding, so that these checks agree with it."""
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = re.sub(r"[’‘`´]", "'", s)
    s = s.replace(".", "").replace("'", "")
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def plain_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def fact_keys(doc: dict) -> set[str]:
    """Every entity key a document's facts name (not its ignore list)."""
    keys: set[str] = set()
    for m in doc.get("meetings") or []:
        for f in MEETING_KEYS:
            keys |= set(m.get(f) or [])
    for person, org in doc.get("persons") or []:
        keys |= {person, *as_list(org)}
    for p in doc.get("programmes") or []:
        for f in PROGRAMME_KEYS:
            keys |= set(p.get(f) or [])
    for state, instrument in doc.get("ratifications") or []:
        keys |= {state, instrument}
    return keys


def used_keys(doc: dict) -> set[str]:
    return fact_keys(doc) | set(doc.get("ignore") or [])


@pytest.fixture(scope="module", params=SETS)
def corpus(request) -> tuple[Path, dict]:
    folder = CORPUS / request.param
    return folder / "documents", yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))


def test_shape_and_documents(corpus):
    docs, gold = corpus
    assert set(gold) == {"entities", "documents"}
    assert set(gold["documents"]) == {p.name for p in docs.iterdir() if p.is_file()}
    for name, doc in gold["documents"].items():
        assert set(doc) <= DOC_FIELDS, name
    for key, names in gold["entities"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
        assert names and all(isinstance(n, str) and n.strip() for n in names), key
        assert len({norm(n) for n in names}) == len(names), f"{key}: a name is repeated"


def test_every_key_is_defined_and_every_entity_used(corpus):
    _, gold = corpus
    used: set[str] = set()
    for name, doc in gold["documents"].items():
        missing = used_keys(doc) - set(gold["entities"])
        assert not missing, f"{name}: undefined keys {sorted(missing)}"
        used |= used_keys(doc)
    assert not set(gold["entities"]) - used


def test_meetings_read_as_the_scorer_reads_them(corpus):
    _, gold = corpus
    for name, doc in gold["documents"].items():
        persons = {p for p, _ in doc.get("persons") or []}
        for m in doc.get("meetings") or []:
            assert set(m) <= MEETING_FIELDS, name
            parts = m["participants"]
            assert parts and len(set(parts)) == len(parts), name
            assert not set(parts) & set(m.get("optional") or []), name
            assert not persons & set(parts + (m.get("optional") or [])), f"{name}: a person as participant"
            pairs = str(m.get("pairs", "clique"))
            assert pairs == "clique" or (pairs.startswith("star ") and pairs.split()[1] in parts), name
            for d in (m.get("dates") or []) + (m.get("optional_dates") or []):
                assert DATE.fullmatch(str(d)), f"{name}: {d!r}"
                if len(str(d)) == 10:
                    dt.date.fromisoformat(str(d))


def test_programmes_persons_ratifications(corpus):
    _, gold = corpus
    for name, doc in gold["documents"].items():
        for p in doc.get("programmes") or []:
            assert set(p) <= PROGRAMME_FIELDS, name
            assert p.get("funders") or p.get("implementers") or p.get("optional") or p.get("regions"), name
            if "budget" in p:
                amount, currency = p["budget"]
                assert isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount > 0, name
                assert pycountry.currencies.get(alpha_3=currency) is not None, f"{name}: {currency}"
            if "duration_months" in p:
                assert isinstance(p["duration_months"], int) and p["duration_months"] > 0, name
        for person, org in doc.get("persons") or []:
            assert isinstance(person, str) and person not in as_list(org), name
        for r in doc.get("ratifications") or []:
            assert len(r) == 2 and all(isinstance(k, str) for k in r), name
        assert not set(doc.get("ignore") or []) & fact_keys(doc), f"{name}: an ignored key names a fact"


def test_no_two_entities_of_a_document_share_a_name(corpus):
    _, gold = corpus
    for name, doc in gold["documents"].items():
        seen: dict[str, str] = {}
        for key in sorted(used_keys(doc)):
            for n in gold["entities"][key]:
                other = seen.setdefault(norm(n), key)
                assert other == key, f"{name}: {n!r} names both {other} and {key}"


def _coordinated(name: str, haystack: str) -> bool:
    """'Office of Albania, North Macedonia and Kosovo' names 'Office of Kosovo' too."""
    head, sep, tail = norm(name).rpartition(" of ")
    return bool(sep) and f" {head} of " in haystack and f" {tail} " in haystack


def test_every_key_is_named_in_its_document(corpus):
    """Each key occurs under an accepted name, is an affiliation of a named person, or is one
    member of a coordinated phrase ("the Office of A, B and C")."""
    docs, gold = corpus
    entities = gold["entities"]
    for name, doc in gold["documents"].items():
        text = plain_text(docs / name)
        hay = [f" {norm(t)} " for t in (text, re.sub(r"['’]s\b", "", text))]

        def named(key: str, hay: list[str] = hay) -> bool:
            return any(f" {norm(n)} " in h for n in entities[key] for h in hay)

        via_person = {o for p, org in doc.get("persons") or [] if named(p) for o in as_list(org)}
        for key in used_keys(doc):
            ok = named(key) or key in via_person or any(_coordinated(n, h) for n in entities[key] for h in hay)
            assert ok, f"{name}: no accepted name of {key} occurs in the text"


def test_no_name_was_split_at_a_comma(corpus):
    """An unquoted 'Ministry of A, B and C' in a YAML flow list becomes two names."""
    docs, gold = corpus
    for name, doc in gold["documents"].items():
        text = re.sub(r"\s+", " ", plain_text(docs / name))
        for key in used_keys(doc):
            names = gold["entities"][key]
            for first, second in zip(names, names[1:]):
                assert f"{first}, {second}" not in text, (name, key, first, second)


def test_no_contact_data_in_the_documents(corpus):
    """Persons appear only in public roles: no e-mail address, no real-looking phone number
    (contact blocks carry invented placeholders ending in zeros)."""
    docs, _ = corpus
    for path in docs.iterdir():
        text = plain_text(path)
        assert not re.search(r"[\w.-]+@[\w-]+\.\w+", text), path.name
        for number in re.findall(r"\+\d[\d ]{7,}\d", text):
            assert re.search(r"0{6,}", number.replace(" ", "")), f"{path.name}: {number}"


def test_every_fact_kind_is_required_somewhere(corpus):
    _, gold = corpus
    docs = gold["documents"].values()
    meetings = [m for d in docs for m in d.get("meetings") or []]
    assert any(len(set(m["participants"])) > 1 for m in meetings)
    assert any(m.get("dates") for m in meetings) and any(m.get("places") for m in meetings)
    assert any(m.get("instruments") for m in meetings)
    assert any(d.get("persons") for d in docs) and any(d.get("ratifications") for d in docs)
    assert any(p.get("funders") or p.get("budget") for d in docs for p in d.get("programmes") or [])


def test_split_and_sources():
    """Two thirds development, one third held out; every file has a source URL, and the
    sources come from at least twelve publishers."""
    files = {s: sorted(p.name for p in (CORPUS / s / "documents").iterdir()) for s in ("dev-a", "heldout-a")}
    total = sum(len(v) for v in files.values())
    assert total >= 30 and 0.28 <= len(files["heldout-a"]) / total <= 0.4
    rows = re.findall(r"^\| ((?:dev|heldout)-a)/documents/(\S+) \| (\S+)", SOURCES.read_text(encoding="utf-8"), re.M)
    assert sorted((s, f) for s, f, _ in rows) == sorted((s, f) for s in files for f in files[s])
    hosts = {urlparse(url).netloc.removeprefix("www.") for _, _, url in rows}
    assert all(url.startswith(("http://", "https://")) for _, _, url in rows)
    assert len(hosts) >= 12


def _source_rows(sources: Path = SOURCES_C, part: str = "heldout-c") -> list[tuple[str, str, str, str]]:
    """(file, publisher, region, url) of every row of a part's sources file."""
    rows = []
    for line in sources.read_text(encoding="utf-8").splitlines():
        m = re.match(rf"^\| {part}/documents/(\S+) \| ([^|]+) \| ([^|]+) \| (\S+) \| [^|]+\|$", line)
        if m:
            rows.append(tuple(s.strip() for s in m.groups()))
    return rows


def test_part_c_sources_cover_files_publishers_and_regions():
    """Every held-out-c file has one source row (publisher, region, URL); at least twelve
    publishers and five regions; no page already used by part a or b."""
    files = sorted(p.name for p in (CORPUS / "heldout-c" / "documents").iterdir())
    rows = _source_rows()
    assert 20 <= len(files) <= 24
    assert sorted(f for f, _, _, _ in rows) == files
    assert all(url.startswith(("http://", "https://")) for *_, url in rows)
    assert len({urlparse(url).netloc.removeprefix("www.") for *_, url in rows}) >= 12
    assert len({pub for _, pub, _, _ in rows}) >= 12
    regions = {r for _, _, region, _ in rows for r in region.split(", ")}
    assert regions <= REGIONS | {"Global"} and len(regions & REGIONS) >= 5
    earlier = " ".join((CORPUS / n).read_text(encoding="utf-8") for n in ("SOURCES-a.md", "SOURCES-b.md"))
    assert not {url for *_, url in rows} & set(re.findall(r"https?://[^\s|)]+", earlier))



def _host(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def test_part_d_sources_cover_files_publishers_and_regions():
    """Every held-out-d file has one source row; at least ten publishers and four regions
    besides global pages; no page and no publisher's site already used by parts a, b or c."""
    files = sorted(p.name for p in (CORPUS / "heldout-d" / "documents").iterdir())
    rows = _source_rows(SOURCES_D, "heldout-d")
    assert len(files) == 12
    assert sorted(f for f, _, _, _ in rows) == files
    assert all(url.startswith(("http://", "https://")) for *_, url in rows)
    assert len({_host(url) for *_, url in rows}) >= 10
    assert len({pub for _, pub, _, _ in rows}) >= 10
    regions = {r for _, _, region, _ in rows for r in region.split(", ")}
    assert regions <= REGIONS | {"Global"} and len(regions & REGIONS) >= 4 and "Global" in regions
    earlier = " ".join((CORPUS / n).read_text(encoding="utf-8") for n in ("SOURCES-a.md", "SOURCES-b.md", "SOURCES-c.md"))
    taken = set(re.findall(r"https?://[^\s|)]+", earlier))
    assert not {url for *_, url in rows} & taken
    assert not {_host(url) for *_, url in rows} & {_host(url) for url in taken}

@pytest.mark.shared
@pytest.mark.parametrize("sources", [SOURCES, SOURCES_C, SOURCES_D], ids=["a", "c", "d"])
def test_sources_are_not_pages_of_the_shared_corpora(shared_dir, sources):
    shared = " ".join(p.read_text(encoding="utf-8") for p in (shared_dir / "corpora").glob("*/SOURCES.md"))
    taken = set(re.findall(r"https?://[^\s|)]+", shared))
    ours = re.findall(r"https?://[^\s|)]+", sources.read_text(encoding="utf-8"))
    assert ours and not taken & set(ours)


@pytest.mark.shared
def test_scorer_reads_the_gold(corpus, shared_dir):
    """The shared scorer scores an empty graph against the gold: nothing right or wrong,
    every required fact missing."""
    import importlib.util

    from rdflib import Dataset

    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    _, gold = corpus
    scorer = score.Scorer(gold, score.Graphs(Dataset(default_union=True)))
    scorer.score()
    tp, fp, fn = map(sum, zip(*scorer.counts.values()))
    assert tp == 0 and fp == 0 and fn > 100
    assert all(scorer.counts[k][2] > 0 for k in score.KINDS)
